import { expect, test, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../../scripts/chromium.mjs';

// A browser that enforces the autoplay policy, as a visitor's does: sound waits for a gesture.
test('when the browser holds sound back, the UI says so and the first click starts the song', async () => {
  const options = chromiumLaunchOptions();
  const browser = await chromium.launch({
    ...options,
    args: [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')), '--autoplay-policy=document-user-activation-required'],
  });
  try {
    const page = await browser.newPage({ baseURL: 'http://localhost:4173' });
    // Playwright runs its page queries as if from a user gesture, and an AudioContext created after a gesture
    // may start. So make no query until the app has made its context and fetched the stems: wait on the network.
    await page.goto('/', { waitUntil: 'networkidle' });
    const banner = page.getByText('Sound is paused by your browser.');
    await expect(banner).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
    // Wait until the stems are in, then make the first gesture on an empty part of the page.
    await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
    await page.getByRole('heading', { name: /Earshot/ }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await page.getByTestId('position-clock').textContent()) ?? '').not.toBe('0:00.00');
  } finally {
    await browser.close();
  }
});
