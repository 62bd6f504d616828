import { expect, test, type Page } from '@playwright/test';
import { readFile, mkdir, copyFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { measureLoudness } from '../../src/dsp/loudness';
import { readWav } from './wav';

const FFMPEG = '/usr/bin/ffmpeg';

/** Integrated loudness by ffmpeg's ebur128 filter: an independent meter. */
function ffmpegIntegrated(path: string): number {
  // ebur128 prints its summary on stderr.
  const run = spawnSync(FFMPEG, ['-nostats', '-hide_banner', '-i', path, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
  const text = run.stderr;
  const m = /Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+) LUFS/.exec(text);
  if (!m) throw new Error('ffmpeg printed no integrated loudness');
  return Number(m[1]);
}

const manifestUrl = '/samples/manifest.json';

interface Manifest {
  durationSec: number;
  bpm: number;
  timeSignature: [number, number];
  stems: { id: string; name: string; file: string }[];
}

async function manifest(page: Page): Promise<Manifest> {
  const res = await page.request.get(manifestUrl);
  return (await res.json()) as Manifest;
}

/** The playhead clock ("m:ss.hh") in seconds. */
async function clockSec(page: Page): Promise<number> {
  const text = (await page.getByTestId('position-clock').textContent()) ?? '';
  const m = /^(\d+):(\d+\.\d+)$/.exec(text.trim());
  if (!m) throw new Error(`unexpected clock text "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

async function meterDb(page: Page, trackId: string): Promise<number> {
  const v = await page.locator(`[data-meter="${trackId}"]`).getAttribute('data-level-db');
  return v === '-Infinity' || v === null ? -Infinity : Number(v);
}

async function openReady(page: Page): Promise<Manifest> {
  await page.goto('/');
  const m = await manifest(page);
  for (const stem of m.stems) await expect(page.getByRole('group', { name: `${stem.name} lane` }).locator('canvas').first()).toBeAttached();
  return m;
}

test('opens with the demo song loaded: a lane with a waveform per stem, transport and mixer', async ({ page }) => {
  const m = await openReady(page);
  expect(m.stems.length).toBeGreaterThanOrEqual(8);
  for (const stem of m.stems) {
    await expect(page.getByRole('slider', { name: `Volume ${stem.name}` })).toBeVisible();
    await expect(page.getByRole('slider', { name: `Pan ${stem.name}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Mute ${stem.name}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Solo ${stem.name}` })).toBeVisible();
  }
  await expect(page.getByRole('slider', { name: 'Master volume' })).toHaveAttribute('aria-valuetext', '0.0 dB');
  await expect(page.getByText(`${m.bpm} BPM`)).toBeVisible();
  for (const name of ['Play', 'Stop', 'Loop', 'Metronome', 'Export mix']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();

  // The demo starts by itself where the browser allows sound (these tests allow autoplay).
  await expect.poll(() => clockSec(page)).toBeGreaterThan(0.5);
  // Keep a picture of the main screen mid-song (meters moving), for people and for the README.
  await expect.poll(() => clockSec(page), { timeout: 20_000 }).toBeGreaterThan(7);
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/main-screen.png' });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile('test-results/main-screen.png', 'tests/e2e/screenshots/main-screen.png');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('position-clock')).toHaveText('0:00.00');
});

test('Play moves the playhead; Stop returns to the start; Space toggles', async ({ page }) => {
  await openReady(page);
  const play = page.getByRole('button', { name: 'Play' });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('position-clock')).toHaveText('0:00.00');

  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  const t1 = await clockSec(page);
  await page.waitForTimeout(1000);
  const t2 = await clockSec(page);
  expect(t2 - t1).toBeGreaterThan(0.6);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('position-clock')).toHaveText('0:00.00');

  // Space from the page (not from a focused button) plays and pauses.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(600);
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const paused = await clockSec(page);
  expect(paused).toBeGreaterThan(0.3);
  await page.waitForTimeout(400);
  expect(await clockSec(page)).toBeCloseTo(paused, 1);
});

test('clicking the ruler seeks; a loop region keeps playback inside it', async ({ page }) => {
  const m = await openReady(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  const barSec = (60 / m.bpm) * m.timeSignature[0];
  const ruler = page.getByTestId('ruler');
  const box = (await ruler.boundingBox())!;
  const pxPerSec = 40; // the default zoom
  await ruler.click({ position: { x: 4 * barSec * pxPerSec, y: box.height / 2 } });
  await expect.poll(() => clockSec(page)).toBeCloseTo(4 * barSec, 0);

  await page.getByRole('spinbutton', { name: 'Loop start bar' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Loop end bar' }).fill('2');
  await page.getByRole('button', { name: 'Loop' }).click();
  await expect(page.getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Stop' }).click();
  await ruler.click({ position: { x: barSec * pxPerSec + 5, y: box.height / 2 } });
  await page.getByRole('button', { name: 'Play' }).click();
  const seen: number[] = [];
  for (let i = 0; i < 14; i++) {
    await page.waitForTimeout(250);
    seen.push(await clockSec(page));
  }
  // Played past the loop end (more than one bar of time went by) but never left bar 2.
  expect(Math.max(...seen)).toBeLessThanOrEqual(2 * barSec + 0.1);
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(barSec - 0.1);
  expect(seen.some((t, i) => i > 0 && t < seen[i - 1]!)).toBe(true);
  await page.getByRole('button', { name: 'Metronome' }).click();
  await expect(page.getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
});

test('mixer: faders speak dB, pan speaks L/R, and muting a track drops its meter to silence', async ({ page }) => {
  await openReady(page);
  const fader = page.getByRole('slider', { name: 'Volume Bass' });
  await fader.focus();
  await page.keyboard.press('End');
  await expect(fader).toHaveAttribute('aria-valuetext', '+6.0 dB');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(fader).toHaveAttribute('aria-valuetext', '+5.0 dB');
  await page.keyboard.press('Home');
  await expect(fader).toHaveAttribute('aria-valuetext', '−∞ dB');
  const pan = page.getByRole('slider', { name: 'Pan Bass' });
  await pan.focus();
  await page.keyboard.press('Home');
  await expect(pan).toHaveAttribute('aria-valuetext', '100% left');

  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => meterDb(page, 'kick'), { timeout: 10_000 }).toBeGreaterThan(-30);
  await expect.poll(() => meterDb(page, 'master'), { timeout: 10_000 }).toBeGreaterThan(-30);
  await page.getByRole('button', { name: 'Mute Kick' }).click();
  await expect(page.getByRole('button', { name: 'Mute Kick' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => meterDb(page, 'kick'), { timeout: 10_000 }).toBe(-Infinity);
  // The rest of the mix still plays.
  expect(await meterDb(page, 'master')).toBeGreaterThan(-40);
});

for (const [rate, depth, label] of [
  [44100, 24, '44.1 kHz'],
  [48000, 16, '48 kHz'],
] as const) {
  test(`Export mix downloads a ${label} ${depth}-bit WAV as long as the song, and not silent`, async ({ page }) => {
    const m = await openReady(page);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('combobox', { name: 'Export sample rate' }).selectOption(String(rate));
    await page.getByRole('combobox', { name: 'Export bit depth' }).selectOption(String(depth));
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Export mix' }).click();
    await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.wav$/);
    const path = await file.path();
    const info = readWav(await readFile(path));
    expect(info.sampleRate).toBe(rate);
    expect(info.bitsPerSample).toBe(depth);
    expect(info.channels).toBe(2);
    expect(Math.abs(info.durationSec - m.durationSec)).toBeLessThan(0.05);
    expect(20 * Math.log10(info.rms)).toBeGreaterThan(-35);
    expect(info.peak).toBeLessThanOrEqual(1);
    // What a listener hears, by two independent loudness meters that must agree on the exported mix.
    const ours = measureLoudness(info.channelData, info.sampleRate);
    expect(ours.integrated).toBeGreaterThan(-30);
    expect(ours.integrated).toBeLessThan(-8);
    if (existsSync(FFMPEG)) {
      const theirs = ffmpegIntegrated(path);
      console.log(`export ${label} ${depth}-bit: ${ours.integrated.toFixed(2)} LUFS (ours), ${theirs.toFixed(2)} LUFS (ffmpeg), true peak ${ours.truePeakDb.toFixed(2)} dBTP`);
      expect(Math.abs(ours.integrated - theirs)).toBeLessThanOrEqual(0.1);
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  });
}

test('a missing stem shows an error on its lane that names the file; the rest still plays', async ({ page }) => {
  await page.route('**/samples/piano.flac', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.route('**/samples/strings.flac', (route) => route.fulfill({ status: 200, body: 'this is not audio at all', contentType: 'audio/flac' }));
  await page.goto('/');
  const pianoLane = page.getByRole('group', { name: 'Piano lane' });
  await expect(pianoLane.getByRole('alert')).toContainText('piano.flac');
  await expect(pianoLane.getByRole('alert')).toContainText('404');
  await expect(page.getByRole('group', { name: 'Strings lane' }).getByRole('alert')).toContainText('strings.flac could not be decoded');
  await expect(page.getByText('2 stems could not be loaded')).toBeVisible();
  // The two broken stems are the only ones in the intro, so play from bar 5, where the others all play.
  await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
  await page.getByRole('button', { name: 'Stop' }).click();
  const ruler = page.getByTestId('ruler');
  const m = await manifest(page);
  await ruler.click({ position: { x: 4 * ((60 / m.bpm) * m.timeSignature[0]) * 40 + 4, y: 10 } });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => meterDb(page, 'master'), { timeout: 10_000 }).toBeGreaterThan(-40);
  await expect.poll(() => meterDb(page, 'kick'), { timeout: 10_000 }).toBeGreaterThan(-40);
  expect(await meterDb(page, 'piano')).toBe(-Infinity);
  await expect.poll(() => clockSec(page)).toBeGreaterThan(10.5);
});
