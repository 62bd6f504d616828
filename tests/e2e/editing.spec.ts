import { expect, test, type Page } from '@playwright/test';
import { mkdir, copyFile } from 'node:fs/promises';
import { sineWav16 } from './wav';

/** A mono 16-bit WAV of a 440 Hz tone, as a byte array the page can turn into a File. */
const toneWav = (seconds: number, sampleRate = 44100): number[] =>
  [...sineWav16({ seconds, freqHz: 440, amplitude: 12000 / 32767, channels: 1, sampleRate })];

async function openReady(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();
  await page.getByRole('button', { name: 'Stop' }).click();
}

/** Drops a file on a lane at a time, as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, bytes: number[], laneTrackId: string, atFraction: number): Promise<void> {
  const lane = page.locator(`[data-track-id="${laneTrackId}"]`).first();
  const box = (await lane.boundingBox())!;
  await lane.evaluate(
    (el, { name, bytes, x, y }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'audio/wav' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt, clientX: x, clientY: y }));
    },
    { name, bytes, x: box.x + box.width * atFraction, y: box.y + box.height / 2 },
  );
}

const clipsNamed = (page: Page, file: string) => page.getByRole('button', { name: new RegExp(`^Clip ${file.replace('.', '\\.')}`) });

test('drop a WAV, split it, undo, reload: the edit history up to the undo is what comes back', async ({ page }) => {
  await openReady(page);
  await dropFile(page, 'tone.wav', toneWav(4), 'piano', 0.05);
  await expect(clipsNamed(page, 'tone.wav')).toHaveCount(1);

  // Split at the playhead (S) after selecting the clip and placing the playhead inside it.
  const clip = clipsNamed(page, 'tone.wav').first();
  await clip.click();
  const box = (await clip.boundingBox())!;
  await page.locator('.ruler').click({ position: { x: box.x - (await page.locator('.ruler').boundingBox())!.x + box.width / 2, y: 8 } });
  await clip.click();
  await page.keyboard.press('s');
  await expect(clipsNamed(page, 'tone.wav')).toHaveCount(2);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(clipsNamed(page, 'tone.wav')).toHaveCount(1);
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/editing-import.png' });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile('test-results/editing-import.png', 'tests/e2e/screenshots/editing-import.png');

  // The autosave stores every edit within a second; reload without any unload handler's help.
  await page.waitForTimeout(1200);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();
  await expect(clipsNamed(page, 'tone.wav')).toHaveCount(1);
  // The imported audio came back too: its clip draws a waveform.
  await expect(clipsNamed(page, 'tone.wav').first().locator('canvas').first()).toBeAttached();
});

test('a file that is not audio is refused with a message naming it, and nothing changes', async ({ page }) => {
  await openReady(page);
  const before = await page.getByRole('button', { name: /^Clip / }).count();
  await dropFile(page, 'notes.wav', [...Buffer.from('these are my lyrics, not audio\n'.repeat(20))], 'piano', 0.1);
  await expect(page.getByRole('alert')).toContainText('notes.wav');
  expect(await page.getByRole('button', { name: /^Clip / }).count()).toBe(before);
});

test('record with the (fake) microphone: a take with signal lands on a new track at the playhead', async ({ page }) => {
  await openReady(page);
  const record = page.getByRole('button', { name: 'Record' });
  await record.click();
  await expect(page.getByRole('status').filter({ hasText: /Recording/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('meter', { name: 'Input level' })).toBeVisible();
  await page.waitForTimeout(2500);
  await record.click();
  const take = page.getByRole('button', { name: /^Clip Take/ });
  await expect(take).toHaveCount(1);
  // Recorded from the start of the song (the playhead was at 0), and the take holds the microphone's beeps.
  await expect(take).toHaveAccessibleName(/at 0:00\.00/);
  await expect.poll(async () => Number(await take.getAttribute('data-peak-db'))).toBeGreaterThan(-20);
});
