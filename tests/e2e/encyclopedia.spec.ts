import { expect, test } from '@playwright/test';
import { mkdir } from 'node:fs/promises';

test('encyclopedia: open, search, follow cross-links, deep links, and a hostile link is refused', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Encyclopedia' }).click();
  const dialog = page.getByRole('dialog', { name: 'Encyclopedia' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/encyclopedia$/);

  await dialog.getByRole('searchbox', { name: 'Search the encyclopedia' }).fill('spector');
  await dialog.getByRole('link', { name: /Phil Spector/ }).first().click();
  await expect(page).toHaveURL(/#\/encyclopedia\/phil-spector$/);
  await expect(dialog.getByRole('heading', { level: 2, name: 'Phil Spector' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: /Wikipedia: Phil Spector/ })).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/Phil_Spector');

  // Cross-links in the text lead to other articles.
  await dialog.locator('.enc-article a[href="#/encyclopedia/wall-of-sound"]').first().click();
  await expect(dialog.getByRole('heading', { level: 2, name: 'Wall of Sound' })).toBeVisible();
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/encyclopedia.png' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // A deep link opens the article directly.
  await page.goto('/#/encyclopedia/ebu-r128');
  await expect(page.getByRole('heading', { level: 2, name: /EBU R 128/ })).toBeVisible();

  // A hostile link shows a message and injects nothing.
  await page.goto('/#/encyclopedia/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByRole('dialog', { name: 'Encyclopedia' }).getByRole('alert')).toContainText('no article with that name');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
