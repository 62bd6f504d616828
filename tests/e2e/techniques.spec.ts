import { expect, test } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';

test('Wall of Sound: a visible, undoable toggle; loudness-matched A/B; a blind ABX round', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();
  await page.getByRole('tab', { name: 'Techniques' }).click();
  const wall = page.getByRole('button', { name: 'Wall of Sound', exact: true });
  await expect(wall).toHaveAttribute('aria-pressed', 'false');
  await wall.click();
  await expect(wall).toHaveAttribute('aria-pressed', 'true');
  // What it did is ordinary tracks and a bus the user can see and edit.
  await expect(page.getByRole('group', { name: 'Piano double 1 lane' })).toBeAttached();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(wall).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('group', { name: 'Piano double 1 lane' })).toHaveCount(0);

  // A/B applies it again (B = with), measures both and matches them.
  const ab = page.getByRole('button', { name: 'A/B' });
  await ab.click();
  await expect(wall).toHaveAttribute('aria-pressed', 'true');
  const status = page.locator('.ab-status');
  await expect(status).toContainText(/turned down|equally loud/, { timeout: 60_000 });
  await expect(ab).toHaveAttribute('aria-pressed', 'true');
  await ab.click();
  await expect(ab).toHaveAttribute('aria-pressed', 'false');
  await expect(status).toContainText('A: without Wall of Sound');

  await page.getByRole('button', { name: 'Start ABX' }).click();
  await page.getByRole('button', { name: 'Play X' }).click();
  await page.getByRole('button', { name: 'X is B' }).click();
  await expect(page.locator('.abx-score')).toContainText(/of 1 right/);
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/techniques.png' });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile('test-results/techniques.png', 'tests/e2e/screenshots/techniques.png');
  await page.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(status).toContainText('Press A/B');
});
