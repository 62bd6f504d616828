import { expect, test, type Locator, type Page } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';

// The demo song: 96 BPM in 4/4, so a beat is 0.625 s and a bar 2.5 s; the timeline opens at 40 px per second.
const BEAT = 0.625;
const BAR = 2.5;
const PX = 40;

// A 1080p projector, as in a classroom. (At 1440×900 the mixer leaves the timeline about 200 px.)
test.use({ viewport: { width: 1920, height: 1080 } });

/** Opens the app with every stem drawn, and stops the demo (it starts by itself where autoplay is allowed). */
async function openReady(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
  for (const name of ['Snare', 'Lead']) await expect(page.getByRole('group', { name: `${name} lane` }).locator('canvas').first()).toBeAttached();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('position-clock')).toHaveText('0:00.00');
}

const clip = (page: Page, id: string): Locator => page.locator(`[data-clip="${id}"]`);
const startOf = async (c: Locator): Promise<number> => Number(await c.getAttribute('data-start-sec'));
const durationOf = async (c: Locator): Promise<number> => Number(await c.getAttribute('data-duration-sec'));

/** Presses at (x, y), moves by (dx, dy) in small steps, releases. */
async function drag(page: Page, x: number, y: number, dx: number, dy = 0): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

/**
 * Drags an element by (dx, dy): from its centre after scrolling it into view, or from a given point inside it
 * without scrolling (a long clip is wider than the screen, and scrolling it into view would centre it).
 */
async function dragBy(page: Page, target: Locator, dx: number, dy = 0, at?: { x: number; y: number }): Promise<void> {
  if (!at) await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await drag(page, box.x + (at?.x ?? box.width / 2), box.y + (at?.y ?? box.height / 2), dx, dy);
}

test('dragging a clip moves it by whole beats, by bars with Snap Bar, freely with Alt, and onto another lane', async ({ page }) => {
  await openReady(page);
  const kick = clip(page, 'kick-clip-1');
  await expect(kick).toHaveAttribute('data-start-sec', '5.000');
  // The clip's focusable body is its only button; its name says where it is.
  const body = kick.getByRole('button');
  await expect(body).toHaveAccessibleName('Clip kick.flac at 0:05.00, 42.85 s');
  await expect(page.getByRole('combobox', { name: 'Snap' })).toHaveValue('beat');

  // 57 px is 1.425 s: the start lands on the nearest beat, 6.25 s (beat 11).
  await dragBy(page, body, 57, 0, { x: 80, y: 30 });
  await expect(kick).toHaveAttribute('data-start-sec', '6.250');
  await expect(page.getByRole('button', { name: 'Clip kick.flac at 0:06.25, 42.85 s' })).toBeVisible();
  // A press that moves is also a selection.
  await expect(body).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('combobox', { name: 'Snap' }).selectOption('bar');
  await dragBy(page, body, 30, 0, { x: 80, y: 30 }); // 6.25 + 0.75 = 7.0: nearest bar line 7.5
  expect(await startOf(kick)).toBeCloseTo(3 * BAR, 6);

  // Alt ignores the grid: 10 px is exactly 0.25 s.
  await page.keyboard.down('Alt');
  await dragBy(page, body, 10, 0, { x: 80, y: 30 });
  await page.keyboard.up('Alt');
  expect(await startOf(kick)).toBeCloseTo(7.75, 6);

  // Down one lane: the clip now lives on the Snare track, at the same time.
  const snareLane = page.getByRole('group', { name: 'Snare lane' });
  const kickBox = (await body.boundingBox())!;
  const snareBox = (await snareLane.boundingBox())!;
  await drag(page, kickBox.x + 80, kickBox.y + 30, 0, snareBox.y + snareBox.height / 2 - (kickBox.y + 30));
  await expect(snareLane.locator('[data-clip="kick-clip-1"]')).toBeAttached();
  await expect(page.getByRole('group', { name: 'Kick lane' }).locator('[data-clip]')).toHaveCount(0);
  expect(await startOf(kick)).toBeCloseTo(7.75, 6);
  await expect(snareLane.locator('[data-clip]')).toHaveCount(2);

  // Enter on a focused clip selects it; the selection shows its gain control.
  const snareClip = page.getByRole('button', { name: /^Clip snare\.flac at 0:02\.50/ });
  await snareClip.focus();
  await page.keyboard.press('Enter');
  await expect(snareClip).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Clip kick\.flac/ })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('spinbutton', { name: 'Clip gain' }).fill('-3');
  await expect(clip(page, 'snare-clip-1')).toHaveAttribute('data-gain-db', '-3.0');
  await expect(clip(page, 'snare-clip-1').getByText('−3.0 dB')).toBeVisible();
});

test('trimming: the start edge moves the start (snapped), the end edge the end, never past the audio', async ({ page }) => {
  await openReady(page);
  const kick = clip(page, 'kick-clip-1');
  const d0 = await durationOf(kick);
  const end0 = 5 + d0;

  // 50 px right is 1.25 s: the start goes to 6.25 s and the audio stays put (the clip is shorter).
  await dragBy(page, kick.locator('[data-handle="start"]'), 50);
  await expect(kick).toHaveAttribute('data-start-sec', '6.250');
  expect(await durationOf(kick)).toBeCloseTo(end0 - 6.25, 2);

  // 25 px left of the end (0.625 s) lands on the nearest beat.
  const endHandle = kick.locator('[data-handle="end"]');
  await dragBy(page, endHandle, -25);
  const expectedEnd = Math.round((end0 - 0.625) / BEAT) * BEAT;
  await expect.poll(async () => (await startOf(kick)) + (await durationOf(kick))).toBeCloseTo(expectedEnd, 2);

  // Dragging far past the end of the file stops at the end of the audio.
  await dragBy(page, endHandle, 300);
  await expect.poll(async () => (await startOf(kick)) + (await durationOf(kick))).toBeCloseTo(end0, 2);
  await expect(page.getByRole('button', { name: /^Clip kick\.flac at 0:06\.25/ })).toBeVisible();

  // Each drag, however many moves it made, is one undo step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await startOf(kick)) + (await durationOf(kick))).toBeCloseTo(expectedEnd, 2);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await startOf(kick)) + (await durationOf(kick))).toBeCloseTo(end0, 2);
  await expect(kick).toHaveAttribute('data-start-sec', '6.250');
  await page.keyboard.press('Control+z');
  await expect(kick).toHaveAttribute('data-start-sec', '5.000');
  expect(await durationOf(kick)).toBeCloseTo(d0, 3);
});

test('fades: dragging the fade-in handle sets the fade, drawn over the waveform and named', async ({ page }) => {
  await openReady(page);
  const kick = clip(page, 'kick-clip-1');
  const fadeIn = page.getByRole('slider', { name: 'Fade in kick.flac' });
  await expect(fadeIn).toHaveAttribute('aria-valuetext', '0.00 s');

  // 20 px at 40 px/s is 0.50 s; fades are not snapped.
  await dragBy(page, fadeIn, 20);
  await expect(fadeIn).toHaveAttribute('aria-valuetext', '0.50 s');
  await expect(fadeIn).toHaveAttribute('title', /^Fade in 0\.50 s/);
  await expect(kick).toHaveAttribute('data-fade-in-sec', '0.500');
  await expect(kick.locator('[data-fade-shape="in"] title')).toHaveText('Fade in 0.50 s');
  // The linear gain ramp is a straight line from silence at the clip's start to full level at the fade's end.
  const line = kick.locator('[data-fade-shape="in"] line');
  await expect(line).toHaveAttribute('x2', '0.5');
  await expect(line).toHaveAttribute('y1', '1');

  // The handle is a slider: arrow keys nudge it.
  await fadeIn.focus();
  await page.keyboard.press('ArrowRight');
  await expect(fadeIn).toHaveAttribute('aria-valuetext', '0.55 s');

  // The fade-out handle sits at the clip's top-right corner and grows leftwards.
  const fadeOut = page.getByRole('slider', { name: 'Fade out kick.flac' });
  await dragBy(page, fadeOut, -40);
  await expect(fadeOut).toHaveAttribute('aria-valuetext', '1.00 s');
  await expect(kick.locator('[data-fade-shape="out"] title')).toHaveText('Fade out 1.00 s');
});

test('tracks: add one, rename it with the keyboard, recolour, move it up, delete it', async ({ page }) => {
  await openReady(page);
  const lanes = page.locator('[role="group"][data-track-id]');
  const names = () => lanes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const before = await lanes.count();
  expect(before).toBe(10);

  await page.getByRole('button', { name: 'Add track' }).click();
  const added = `Track ${before + 1}`;
  await expect(page.getByRole('group', { name: `${added} lane` })).toBeVisible();
  expect((await names()).at(-1)).toBe(`${added} lane`);

  // Rename by keyboard: Enter on the Rename button opens the field, Enter commits.
  await page.getByRole('button', { name: `Rename ${added}` }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Track name' });
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Choir');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Choir lane' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename Choir' })).toBeFocused();

  // Escape cancels a rename.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nope');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Choir lane' })).toBeVisible();

  await page.getByLabel('Colour Choir').fill('#33aa55');
  await expect(page.getByRole('group', { name: 'Choir lane' })).toHaveAttribute('style', /--track-color: #33aa55/);

  await page.getByRole('button', { name: 'Move Choir up' }).click();
  const order = await names();
  expect(order.at(-2)).toBe('Choir lane');
  expect(order.at(-1)).toBe('Lead lane');
  await page.getByRole('button', { name: 'Move Choir down' }).click();
  expect((await names()).at(-1)).toBe('Choir lane');
  await expect(page.getByRole('button', { name: 'Move Choir down' })).toHaveAttribute('aria-disabled', 'true');

  // Delete asks once more.
  await page.getByRole('button', { name: 'Delete track Choir' }).click();
  await expect(page.getByRole('group', { name: 'Choir lane' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm delete track Choir' }).click();
  await expect(page.getByRole('group', { name: 'Choir lane' })).toHaveCount(0);
  // The keyboard user's place is kept: focus moves to the neighbouring track's Delete.
  await expect(page.getByRole('button', { name: 'Delete track Lead' })).toBeFocused();
  await expect(lanes).toHaveCount(before);
});

test('automation: a click on the lane adds a point, a drag moves it, Delete removes it', async ({ page }) => {
  await openReady(page);
  const toggle = page.getByRole('button', { name: 'Automation Kick', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const volume = page.getByRole('group', { name: 'Kick volume automation' });
  const pan = page.getByRole('group', { name: 'Kick pan automation' });
  await expect(volume).toBeVisible();
  await expect(pan).toBeVisible();

  // The lane's area: 60 px high with 8 px of room top and bottom, +6 dB at the top and −∞ (−60) at the bottom.
  const area = volume.locator('.tl-auto-area');
  await area.click({ position: { x: 6 * BEAT * PX, y: 30 } }); // 3.75 s; 6 − (22/44)·66 = −27 dB
  const point = volume.getByRole('button', { name: 'Volume point at 0:03.75, −27.0 dB' });
  await expect(point).toBeVisible();
  await expect(point).toBeFocused();

  // A second point two bars later, then drag it up: 11 px is 16.5 dB.
  await area.click({ position: { x: (6 * BEAT + 2 * BAR) * PX, y: 30 } });
  const second = volume.getByRole('button', { name: 'Volume point at 0:08.75, −27.0 dB' });
  await dragBy(page, second, 0, -11);
  await expect(volume.getByRole('button', { name: 'Volume point at 0:08.75, −10.5 dB' })).toBeVisible();
  await expect(volume.getByRole('button', { name: /^Volume point/ })).toHaveCount(2);
  // The drag was one undo step.
  await page.keyboard.press('Control+z');
  await expect(volume.getByRole('button', { name: 'Volume point at 0:08.75, −27.0 dB' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');

  // Arrow keys nudge the focused point; Delete removes it.
  const moved = volume.getByRole('button', { name: 'Volume point at 0:08.75, −10.5 dB' });
  await moved.focus();
  await page.keyboard.press('ArrowUp');
  await expect(volume.getByRole('button', { name: 'Volume point at 0:08.75, −9.5 dB' })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(volume.getByRole('button', { name: /^Volume point/ })).toHaveCount(1);

  // Double-click removes too.
  await point.dblclick();
  await expect(volume.getByRole('button', { name: /^Volume point/ })).toHaveCount(0);

  // Pan: the middle of the lane is the centre.
  await pan.locator('.tl-auto-area').click({ position: { x: 4 * BAR * PX, y: 30 } });
  await expect(pan.getByRole('button', { name: 'Pan point at 0:10.00, Centre' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear pan automation Kick' }).click();
  await expect(pan.getByRole('button', { name: /^Pan point/ })).toHaveCount(0);

  await toggle.click();
  await expect(volume).toHaveCount(0);
});

test('markers: Add marker puts one at the playhead; clicking it seeks; double-click renames', async ({ page }) => {
  await openReady(page);
  const ruler = page.getByTestId('ruler');
  await ruler.click({ position: { x: 2 * BAR * PX, y: 10 } });
  await expect(page.getByTestId('position-clock')).toHaveText('0:05.00');
  await page.getByRole('button', { name: 'Add marker' }).click();
  const marker = page.getByRole('button', { name: 'Marker 1', exact: true });
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('data-time-sec', '5.000');

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('position-clock')).toHaveText('0:00.00');
  await marker.click();
  await expect(page.getByTestId('position-clock')).toHaveText('0:05.00');

  await marker.dblclick();
  const field = page.getByRole('textbox', { name: 'Marker name' });
  await expect(field).toBeFocused();
  await field.fill('Verse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Verse', exact: true })).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(page.getByRole('button', { name: 'Verse', exact: true })).toHaveCount(0);
});

test('screenshots: an edited timeline, and automation lanes', async ({ page }) => {
  await openReady(page);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  // Markers at the song's sections.
  for (const [bar, name] of [
    [1, 'Intro'],
    [3, 'Verse'],
    [11, 'Chorus'],
  ] as const) {
    await page.getByTestId('ruler').click({ position: { x: (bar - 1) * BAR * PX + 1, y: 10 } });
    await page.getByRole('button', { name: 'Add marker' }).click();
    const m = page.getByRole('button', { name: /^Marker \d+$/ }).last();
    await m.dblclick();
    await page.getByRole('textbox', { name: 'Marker name' }).fill(name);
    await page.keyboard.press('Enter');
  }
  // Fades and gain on the snare, split the piano, and leave the snare selected.
  await dragBy(page, page.getByRole('slider', { name: 'Fade in snare.flac' }), 60);
  await page.getByRole('button', { name: /^Clip snare\.flac/ }).click({ position: { x: 200, y: 30 } });
  await page.getByRole('spinbutton', { name: 'Clip gain' }).fill('-4.5');
  await page.getByRole('button', { name: /^Clip piano\.flac/ }).click({ position: { x: 12.5 * PX, y: 30 } });
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await dragBy(page, page.getByRole('slider', { name: 'Fade in piano.flac' }).last(), 45);
  await page.getByRole('button', { name: /^Clip snare\.flac/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByTestId('ruler').click({ position: { x: 6 * BAR * PX, y: 10 } });
  await page.mouse.move(5, 5);
  await page.locator('.tl-scroll').evaluate((el) => el.scrollTo(0, 0));
  await mkdir('test-results', { recursive: true });
  await timeline.screenshot({ path: 'test-results/timeline.png' });

  // Automation: a volume swell on the kick and a pan sweep.
  await page.getByRole('button', { name: 'Automation Kick', exact: true }).click();
  const vol = page.getByRole('group', { name: 'Kick volume automation' }).locator('.tl-auto-area');
  for (const [sec, y] of [
    [5, 50],
    [10, 20],
    [20, 20],
    [25, 40],
  ] as const)
    await vol.click({ position: { x: sec * PX, y } });
  const pan = page.getByRole('group', { name: 'Kick pan automation' }).locator('.tl-auto-area');
  for (const [sec, y] of [
    [5, 30],
    [15, 10],
    [25, 50],
  ] as const)
    await pan.click({ position: { x: sec * PX, y } });
  await page.mouse.move(5, 5);
  await page.locator('.tl-scroll').evaluate((el) => el.scrollTo(0, 0));
  await timeline.screenshot({ path: 'test-results/timeline-automation.png' });
  if (process.env.UPDATE_SCREENSHOTS) {
    await copyFile('test-results/timeline.png', 'tests/e2e/screenshots/timeline.png');
    await copyFile('test-results/timeline-automation.png', 'tests/e2e/screenshots/timeline-automation.png');
  }
});
