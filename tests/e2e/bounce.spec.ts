import { expect, test } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';

// Tall enough that the techniques panel (52vh) shows the legend and both plots at once.
test.use({ viewport: { width: 1440, height: 1400 } });

test('Comparison bounce: tick variants, render, two overlaid plots with a legend, play one', async ({ page }) => {
  // Three offline renders of a 12 s excerpt, Wall of Sound among them: slow on a busy machine.
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();
  await page.getByRole('tab', { name: 'Techniques' }).click();
  const bounce = page.getByRole('region', { name: 'Comparison bounce' });
  const render = bounce.getByRole('button', { name: 'Render comparison' });
  // "As mixed" starts ticked; one version is not a comparison.
  await expect(bounce.getByRole('checkbox', { name: 'As mixed' })).toBeChecked();
  await expect(render).toBeDisabled();
  await bounce.getByRole('checkbox', { name: 'Wall of Sound' }).check();
  await bounce.getByRole('checkbox', { name: 'Tape saturation' }).check();
  await expect(render).toBeEnabled();
  await render.click();

  const spectra = bounce.getByRole('img', { name: /^Spectra of 3 variants/ });
  const loudness = bounce.getByRole('img', { name: /^Short-term loudness over time of 3 variants/ });
  await expect(spectra).toBeVisible({ timeout: 200_000 });
  await expect(loudness).toBeVisible();
  await expect(spectra).toHaveAttribute('aria-label', /As mixed, Wall of Sound, Tape saturation/);
  // One line per variant in each plot.
  await expect(spectra.locator('path.plot-line')).toHaveCount(3);
  await expect(loudness.locator('path.plot-line')).toHaveCount(3);
  const legend = bounce.getByRole('list', { name: 'Legend' });
  for (const name of ['As mixed', 'Wall of Sound', 'Tape saturation']) await expect(legend).toContainText(name);
  await expect(legend).toContainText(/turned down \d+\.\d dB/);
  await expect(bounce).toContainText(/All matched to −\d+\.\d LUFS integrated/);

  const playWall = bounce.getByRole('button', { name: 'Play Wall of Sound' });
  await playWall.click();
  await expect(playWall).toHaveAttribute('aria-pressed', 'true');
  await bounce.getByRole('button', { name: 'Play As mixed' }).click();
  await expect(playWall).toHaveAttribute('aria-pressed', 'false');
  await expect(bounce.getByRole('button', { name: 'Play As mixed' })).toHaveAttribute('aria-pressed', 'true');

  await mkdir('test-results', { recursive: true });
  // Scroll only the panel, so the screenshot shows the app as it stands, with the results at the panel's top.
  await page.evaluate(() => {
    const panel = document.querySelector('.techniques')!;
    const results = panel.querySelector('.bounce-results')!;
    panel.scrollTop += results.getBoundingClientRect().top - panel.getBoundingClientRect().top - 12;
    for (let el: Element | null = panel.parentElement; el; el = el.parentElement) el.scrollTop = 0;
  });
  await page.screenshot({ path: 'test-results/bounce.png' });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile('test-results/bounce.png', 'tests/e2e/screenshots/bounce.png');
  await bounce.getByRole('button', { name: 'Play As mixed' }).click();
  await expect(bounce.getByRole('button', { name: 'Play As mixed' })).toHaveAttribute('aria-pressed', 'false');
});
