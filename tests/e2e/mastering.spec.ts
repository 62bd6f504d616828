import { sineWav16 } from './wav';
import { expect, test } from '@playwright/test';
import { mkdir } from 'node:fs/promises';

function lufsOf(text: string, label: RegExp): number {
  const m = label.exec(text);
  if (!m) throw new Error(`no figure for ${label} in "${text}"`);
  return Number(m[1]!.replace('−', '-'));
}

test('mastering: live loudness meter, auto-master to the target, streaming preview, analysis', async ({ page }) => {
  // Two auto-masters, each rendering the whole song offline while it plays: 1.4 min on a quiet 2-core machine.
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
  await page.getByRole('tab', { name: 'Mastering' }).click();
  await expect(page.getByRole('tab', { name: 'Mastering' })).toHaveAttribute('aria-selected', 'true');

  // The live meter runs in an AudioWorklet and reports while the song plays.
  await expect(page.getByTestId('loudness-short-term')).toHaveText(/LUFS/, { timeout: 15_000 });
  await expect(page.getByTestId('loudness-integrated')).toHaveText(/LUFS/);

  const target = page.getByRole('combobox', { name: 'Loudness target' });
  await expect(target).toHaveValue('streaming');
  await page.getByRole('button', { name: 'Auto-master' }).click();
  const report = page.getByTestId('auto-master-report');
  await expect(report).toBeVisible({ timeout: 120_000 });
  const text = (await report.textContent()) ?? '';
  const measured = lufsOf(text, /Measured after:\s*(−?[\d.]+) LUFS/);
  const peak = lufsOf(text, /true peak (−?[\d.]+) dBTP/);
  expect(Math.abs(measured - -14)).toBeLessThanOrEqual(0.5);
  expect(peak).toBeLessThanOrEqual(-1);
  await expect(report).toContainText('On target.');
  await expect(page.getByRole('slider', { name: 'Master gain' })).not.toHaveAttribute('aria-valuetext', '0.0 dB');

  // The analysis table now holds the mix.
  await expect(page.getByRole('row', { name: /^Mix/ })).toContainText('LUFS');

  // Streaming preview: the master is at the reference, so nothing is turned down.
  await page.getByRole('button', { name: 'Streaming preview' }).click();
  await expect(page.getByRole('button', { name: 'Streaming preview' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/a service would leave it|Turned down/)).toBeVisible();

  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/mastering.png' });

  // A broadcast target: auto-master again, and it lands there too.
  await target.selectOption('ebu-r128');
  await page.getByRole('button', { name: 'Auto-master' }).click();
  await expect(report).toContainText('Target −23.0 LUFS', { timeout: 120_000 });
  const broadcast = lufsOf((await report.textContent()) ?? '', /Measured after:\s*(−?[\d.]+) LUFS/);
  expect(Math.abs(broadcast - -23)).toBeLessThanOrEqual(0.5);
  // Now the preview has nothing to turn down either; switch it off again.
  await page.getByRole('button', { name: 'Streaming preview' }).click();
  await expect(page.getByRole('button', { name: 'Streaming preview' })).toHaveAttribute('aria-pressed', 'false');
});

/** A stereo 16-bit WAV of a 997 Hz sine at a peak level. */
const sineWav = (seconds: number, peakDbfs: number, rate = 48000): Buffer =>
  sineWav16({ seconds, freqHz: 997, amplitude: Math.pow(10, peakDbfs / 20), channels: 2, sampleRate: rate });

test('Analyze a file: a stereo 997 Hz sine at −20 dBFS reads −20.0 LUFS, with its LRA, true peak and PLR', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Mastering' }).click();
  await page.getByLabel('Analyze a file').setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: sineWav(6, -20) });
  const row = page.getByRole('row', { name: /^tone\.wav/ });
  await expect(row).toBeVisible({ timeout: 30_000 });
  const cells = (await row.getByRole('cell').allTextContents()).map((t) => Number(t.replace('−', '-').split(' ')[0]));
  const [integrated, lra, truePeak, plr] = cells as [number, number, number, number];
  expect(Math.abs(integrated - -20)).toBeLessThanOrEqual(0.1);
  expect(lra).toBeLessThan(0.5);
  expect(Math.abs(truePeak - -20)).toBeLessThanOrEqual(0.2);
  expect(Math.abs(plr - (truePeak - integrated))).toBeLessThanOrEqual(0.11);
});

test('Analyze a file: a file that is not audio gets a message naming it; the app keeps working', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Mastering' }).click();
  await page.getByLabel('Analyze a file').setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('this is plain text, not audio') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.wav' })).toContainText('could not be decoded');
  await page.getByRole('tab', { name: 'Mixer' }).click();
  await expect(page.getByRole('slider', { name: 'Master volume' })).toBeVisible();
});
