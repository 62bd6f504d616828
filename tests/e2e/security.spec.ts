import { expect, test } from '@playwright/test';

test('the built app carries a strict Content-Security-Policy and runs under it without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toBeTruthy();
  const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]); // no 'unsafe-inline', no 'unsafe-eval'
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(csp).not.toContain('unsafe-eval');

  // Everything that loads scripts, workers and worklets still works under the policy.
  await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
  await expect.poll(async () => Number(await page.locator('[data-meter="master"]').getAttribute('data-level-db')), { timeout: 15_000 }).toBeGreaterThan(-40);
  await page.getByRole('tab', { name: 'Mastering' }).click();
  await expect(page.getByTestId('loudness-short-term')).toHaveText(/LUFS/, { timeout: 15_000 });
  expect(violations).toEqual([]);
});
