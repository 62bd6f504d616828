import { expect, test, type Page } from '@playwright/test';

const ready = async (page: Page) => expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();

test('edits survive a tab closed without any unload handling: reopened, every edit is there', async ({ context, page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('button', { name: 'Add track' }).click();
  await expect(page.getByRole('group', { name: 'Track 11 lane' })).toBeVisible();
  await page.getByRole('button', { name: 'Mute Kick', exact: true }).click();
  await page.getByRole('tab', { name: 'Techniques' }).click();
  await page.getByRole('button', { name: 'Slapback echo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Slapback echo', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The autosave reaches IndexedDB within a second of the last edit.
  await page.waitForTimeout(1200);
  // The tab goes away with none of the page's own lifecycle handlers running (as when a browser is killed):
  // capture-phase listeners swallow pagehide, visibilitychange, beforeunload and unload before the app sees them.
  await page.evaluate(() => {
    const swallow = (e: Event) => e.stopImmediatePropagation();
    for (const type of ['pagehide', 'visibilitychange', 'beforeunload', 'unload', 'freeze']) {
      window.addEventListener(type, swallow, true);
      document.addEventListener(type, swallow, true);
    }
  });
  await page.close({ runBeforeUnload: false });

  const reopened = await context.newPage();
  await reopened.goto('/');
  await ready(reopened);
  await expect(reopened.getByRole('group', { name: 'Track 11 lane' })).toBeVisible();
  await expect(reopened.getByRole('button', { name: 'Mute Kick', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await reopened.getByRole('tab', { name: 'Techniques' }).click();
  await expect(reopened.getByRole('button', { name: 'Slapback echo', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // Nothing was lost, and nothing complains.
  await expect(reopened.getByText(/could not be restored/)).toHaveCount(0);
});
