import { expect, test, type Locator, type Page } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';

interface Manifest {
  stems: { id: string; name: string }[];
}

/** Opens the app at projector size and waits until every lane has its waveform (the demo is loaded). */
async function openReady(page: Page): Promise<Manifest> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const m = (await (await page.request.get('/samples/manifest.json')).json()) as Manifest;
  for (const stem of m.stems) await expect(page.getByRole('group', { name: `${stem.name} lane` }).locator('canvas').first()).toBeAttached();
  return m;
}

/** The playhead clock ("m:ss.hh") in seconds. */
async function clockSec(page: Page): Promise<number> {
  const m = /^(\d+):(\d+\.\d+)$/.exec(((await page.getByTestId('position-clock').textContent()) ?? '').trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

const slider = (page: Page, name: string): Locator => page.getByRole('slider', { name, exact: true });
const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

test('every strip has trim, inserts with bypass, sends with pre/post, pan, fader, mute and solo; buses show their effect', async ({ page }) => {
  const m = await openReady(page);
  const mixer = page.getByRole('region', { name: 'Mixer' });
  for (const { name } of m.stems) {
    const strip = mixer.getByRole('group', { name: `${name} channel`, exact: true });
    for (const s of [`Trim ${name}`, `Send Reverb ${name}`, `Send Delay ${name}`, `Pan ${name}`, `Volume ${name}`]) await expect(strip.getByRole('slider', { name: s, exact: true })).toBeVisible();
    for (const b of [`Mute ${name}`, `Solo ${name}`, `Pre-fader Reverb ${name}`, `Pre-fader Delay ${name}`]) await expect(strip.getByRole('button', { name: b, exact: true })).toBeVisible();
    for (const insert of ['High-pass', 'EQ', 'Compressor', 'Saturation']) await expect(strip.getByRole('button', { name: `Bypass ${insert} ${name}`, exact: true })).toHaveAttribute('aria-pressed', /true|false/);
  }
  // Buses after the tracks: their effect's settings in units, their own inserts, fader, mute and solo.
  await expect(slider(page, 'Decay Reverb')).toHaveAttribute('aria-valuetext', /^\d+\.\d s$/);
  await expect(slider(page, 'Pre-delay Reverb')).toHaveAttribute('aria-valuetext', /^\d+ ms$/);
  await expect(slider(page, 'Damping Reverb')).toHaveAttribute('aria-valuetext', /^\d+(\.\d)? k?Hz$/);
  await expect(slider(page, 'Time Delay')).toHaveAttribute('aria-valuetext', /^\d+ ms$/);
  await expect(slider(page, 'Feedback Delay')).toHaveAttribute('aria-valuetext', /^\d+%$/);
  await expect(slider(page, 'Tone Delay')).toHaveAttribute('aria-valuetext', /^\d+(\.\d)? k?Hz$/);
  for (const bus of ['Reverb', 'Delay']) {
    await expect(slider(page, `Volume ${bus}`)).toBeVisible();
    await expect(button(page, `Mute ${bus}`)).toBeVisible();
    await expect(button(page, `Bypass Compressor ${bus}`)).toBeVisible();
  }
  await expect(slider(page, 'Master volume')).toBeVisible();

  // Everything fits a 1280×800 projector: no strip is cut off sideways.
  const last = await page.getByRole('group', { name: 'Delay bus' }).boundingBox();
  const master = await page.getByRole('group', { name: 'Master channel' }).boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(master!.x);
  expect(master!.x + master!.width).toBeLessThanOrEqual(1280);
});

test('bypass, sends by keyboard, pre-fader, the inserts detail area, and a knob drag as one undo step', async ({ page }) => {
  await openReady(page);

  // Bypass the compressor on Piano: the button says so.
  const bypass = button(page, 'Bypass Compressor Piano');
  const wasBypassed = (await bypass.getAttribute('aria-pressed')) === 'true';
  await bypass.click();
  await expect(bypass).toHaveAttribute('aria-pressed', String(!wasBypassed));
  await bypass.click();
  await expect(bypass).toHaveAttribute('aria-pressed', String(wasBypassed));

  // The reverb send, with the keyboard, speaks dB.
  const send = slider(page, 'Send Reverb Piano');
  await send.focus();
  await page.keyboard.press('End');
  await expect(send).toHaveAttribute('aria-valuetext', '+6.0 dB');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(send).toHaveAttribute('aria-valuetext', '+5.0 dB');
  await page.keyboard.press('Home');
  await expect(send).toHaveAttribute('aria-valuetext', '−∞ dB');
  await page.keyboard.press('PageUp');
  await expect(send).toHaveAttribute('aria-valuetext', /^−\d+\.\d dB$/);
  // The arrow keys stayed with the knob: the playhead did not jump a bar.
  await expect(send).toBeFocused();

  // Pre-fader on, then off.
  const pre = button(page, 'Pre-fader Reverb Piano');
  await expect(pre).toHaveAttribute('aria-pressed', 'false');
  await pre.click();
  await expect(pre).toHaveAttribute('aria-pressed', 'true');

  // The strip's name opens its inserts, in signal order, with values in units.
  const name = button(page, 'Piano inserts');
  await name.click();
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  const detail = page.getByRole('region', { name: 'Piano inserts' });
  await expect(detail).toBeVisible();
  const hpf = detail.getByRole('slider', { name: 'High-pass frequency Piano', exact: true });
  await hpf.focus();
  await page.keyboard.press('Home');
  await expect(hpf).toHaveAttribute('aria-valuetext', '20 Hz');
  await page.keyboard.press('End');
  await expect(hpf).toHaveAttribute('aria-valuetext', '2.0 kHz');
  // Log travel: a tenth of the way down from 2 kHz (two decades in all) is a fifth of a decade lower.
  await page.keyboard.press('PageDown');
  await expect(hpf).toHaveAttribute('aria-valuetext', '1.3 kHz');
  await expect(hpf).toHaveAttribute('aria-valuenow', '1260');
  await expect(detail.getByRole('slider', { name: 'Bell 1 Q Piano', exact: true })).toHaveAttribute('aria-valuetext', /^Q \d+(\.\d)?$/);
  await expect(detail.getByRole('slider', { name: 'Low shelf gain Piano', exact: true })).toHaveAttribute('aria-valuetext', /dB$/);
  await expect(detail.getByRole('slider', { name: 'Ratio Piano', exact: true })).toHaveAttribute('aria-valuetext', /^\d+\.\d:1$/);
  await expect(detail.getByRole('slider', { name: 'Attack Piano', exact: true })).toHaveAttribute('aria-valuetext', /ms$/);
  await expect(detail.getByRole('img', { name: 'Piano compressor gain reduction' })).toBeVisible();

  // Dragging a knob is one undo step, however many values it passes through.
  const threshold = detail.getByRole('slider', { name: 'Threshold Piano', exact: true });
  const before = await threshold.getAttribute('aria-valuetext');
  const box = (await threshold.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  await expect(threshold).not.toHaveAttribute('aria-valuetext', before!);
  await button(page, 'Undo').click();
  await expect(threshold).toHaveAttribute('aria-valuetext', before!);
  // So is a drag of a native fader.
  const fader = slider(page, 'Volume Piano');
  const faderBefore = await fader.getAttribute('aria-valuetext');
  const f = (await fader.boundingBox())!;
  await page.mouse.move(f.x + f.width / 2, f.y + f.height * 0.8);
  await page.mouse.down();
  await page.mouse.move(f.x + f.width / 2, f.y + f.height * 0.3, { steps: 8 });
  await page.mouse.up();
  await expect(fader).not.toHaveAttribute('aria-valuetext', faderBefore!);
  await button(page, 'Undo').click();
  await expect(fader).toHaveAttribute('aria-valuetext', faderBefore!);

  // Escape closes the detail area and gives focus back to the strip's name.
  await threshold.focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-expanded', 'false');

  // A bus opens the same way; its trim lives in the detail area.
  await button(page, 'Reverb inserts').click();
  const busDetail = page.getByRole('region', { name: 'Reverb inserts' });
  await expect(busDetail.getByRole('slider', { name: 'Trim Reverb', exact: true })).toHaveAttribute('aria-valuetext', '0.0 dB');
  await expect(busDetail.getByRole('slider', { name: 'Threshold Reverb', exact: true })).toBeVisible();
  await button(page, 'Close inserts').click();
  await expect(busDetail).toBeHidden();
});

test('screenshot: the mixer at 1280×800 with a compressor working and the inserts open', async ({ page }) => {
  await openReady(page);
  // A compressor that works hard on the bass, so its gain-reduction meters move.
  const bypass = button(page, 'Bypass Compressor Bass');
  if ((await bypass.getAttribute('aria-pressed')) === 'true') await bypass.click();
  await button(page, 'Bass inserts').click();
  const threshold = slider(page, 'Threshold Bass');
  await threshold.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect(threshold).toHaveAttribute('aria-valuetext', /^−\d+\.\d dB$/);
  await slider(page, 'Send Reverb Bass').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('PageUp');
  // Mid-song, where the bass plays.
  await expect.poll(() => clockSec(page), { timeout: 30_000 }).toBeGreaterThan(12);
  const gr = page.getByRole('img', { name: 'Bass compressor gain reduction' });
  await expect.poll(async () => Number(await gr.getAttribute('data-gr-db')), { timeout: 15_000 }).toBeLessThan(-3);
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/mixer.png' });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile('test-results/mixer.png', 'tests/e2e/screenshots/mixer.png');
});

test('one insert can be heard bypassed (A) and on (B), matched in loudness, while the song plays', async ({ page }) => {
  await openReady(page);
  await button(page, 'Bass inserts').click();
  const detail = page.getByRole('region', { name: 'Bass inserts' });
  const eq = detail.getByRole('group', { name: 'EQ Bass', exact: true });
  const ab = eq.getByRole('button', { name: 'A/B EQ Bass' });
  await ab.click();
  await expect(ab).toHaveAttribute('aria-pressed', 'true');
  await expect(eq.getByRole('status')).toHaveText('on', { timeout: 60_000 });
  await ab.click();
  await expect(ab).toHaveAttribute('aria-pressed', 'false');
  await expect(eq.getByRole('status')).toHaveText('bypassed');
  // Bypassing the insert ends its comparison; the technique A/B is not involved.
  await button(page, 'Bypass EQ Bass').first().click();
  await expect(eq.getByRole('button', { name: 'A/B EQ Bass' })).toHaveCount(0);
  await button(page, 'Bypass EQ Bass').first().click();
  await expect(eq.getByRole('button', { name: 'A/B EQ Bass' })).toHaveAttribute('aria-pressed', 'false');
  await expect(eq.getByRole('status')).toHaveCount(0);
});
