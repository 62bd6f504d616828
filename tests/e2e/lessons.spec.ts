import { expect, test, type Page } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';

const lanes = (page: Page) => page.locator('[data-track-id]');
const ready = async (page: Page) => expect(page.getByRole('group', { name: 'Piano lane' }).locator('canvas').first()).toBeAttached();

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}` });
  if (process.env.UPDATE_SCREENSHOTS) await copyFile(`test-results/${name}`, `tests/e2e/screenshots/${name}`);
}

test('a deep link opens a lesson; its steps set up the mix, A/B is matched, ABX and the quiz are kept', async ({ page }) => {
  // Measuring both sides of the Wall of Sound A/B renders 24 s of a 40-track mix offline: slow on a weak machine.
  test.setTimeout(300_000);
  await page.goto('/#/lesson/wall-of-sound/1');
  await ready(page);
  const lesson = page.getByRole('complementary', { name: 'The Wall of Sound' });
  await expect(lesson.getByRole('heading', { name: /Step 1 of 4/ })).toBeVisible();
  const before = await lanes(page).count();
  // Listen-here markers land on the timeline.
  await expect(page.getByRole('group', { name: 'Markers' }).locator('[data-marker^="listen-"]').first()).toBeAttached();

  await lesson.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/#\/lesson\/wall-of-sound\/2$/);
  await expect(lesson.getByRole('heading', { name: /Step 2 of 4/ })).toBeFocused();
  // The doubles are ordinary tracks in the project.
  await expect.poll(() => lanes(page).count()).toBeGreaterThan(before);
  await expect(page.getByRole('group', { name: 'Piano double 1 lane' })).toBeAttached();

  // Loudness-matched A/B of the step.
  const ab = lesson.getByRole('button', { name: 'A/B' });
  await ab.click();
  const status = lesson.locator('.ab-status');
  await expect(status).toContainText(/turned down|equally loud/, { timeout: 150_000 });
  // For the picture: the step's first "listen here" marker, playing.
  await lesson.getByRole('group', { name: 'Listen here' }).getByRole('button').first().click();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
  await page.waitForTimeout(1500);
  await screenshot(page, 'lesson.png');
  await ab.click();
  await expect(ab).toHaveAttribute('aria-pressed', 'false');
  await expect(status).toContainText('Hearing A');
  await lesson.getByRole('button', { name: 'Start ABX' }).click();
  await lesson.getByRole('button', { name: 'Play X' }).click();
  await lesson.getByRole('button', { name: 'X is A' }).click();
  await expect(lesson.locator('.abx-score')).toContainText(/of 1 right/);

  // The step is one undo step: Undo brings back the mix before it.
  await lesson.getByRole('button', { name: 'Stop comparing' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('group', { name: 'Piano double 1 lane' })).toHaveCount(0);

  // PageDown (a presentation clicker) moves on; the last step has explore controls and the quiz.
  await page.keyboard.press('PageDown');
  await expect(lesson.getByRole('heading', { name: /Step 3 of 4/ })).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/lesson\/wall-of-sound\/4$/);
  await expect(lesson.getByRole('heading', { name: /Step 4 of 4/ })).toBeFocused();
  await expect(lesson.getByRole('button', { name: 'Next step' })).toBeDisabled();
  const width = lesson.getByRole('slider', { name: 'Master width' });
  await expect(width).toHaveAttribute('aria-valuetext', /%$/);
  const question = lesson.getByRole('group').filter({ has: page.locator('legend') }).first();
  await question.getByRole('radio').first().check();
  await expect(question.getByRole('status')).toContainText(/Right\.|Not quite\./);

  // Progress survives a reload, and the list shows it.
  await page.reload();
  await ready(page);
  await expect(page.getByRole('complementary', { name: 'The Wall of Sound' }).getByRole('group').filter({ has: page.locator('legend') }).first().getByRole('radio').first()).toBeChecked();
  await page.goto('/#/lessons');
  const list = page.getByRole('dialog', { name: 'Lessons' });
  await expect(list.getByRole('link')).toHaveCount(14);
  await expect(list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'The Wall of Sound' }) })).toContainText('4 of 4 steps heard');
  await list.getByRole('link', { name: 'Compression', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Compression' }).getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();

  // The article link opens the encyclopedia.
  await page.getByRole('button', { name: 'Open article' }).click();
  await expect(page).toHaveURL(/#\/encyclopedia\//);
  await screenshot(page, 'encyclopedia-from-lesson.png');
});

test('presenter mode: big type, only the lesson, transport, A/B and meters; P and Escape', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/lesson/parallel-compression/2');
  await ready(page);
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Mixer' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'A/B' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Master level meter' })).toBeVisible();
  const size = await page.getByRole('heading', { name: /Step 2 of/ }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(26);
  await screenshot(page, 'presenter.png');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
});

test('Share makes a link that opens the step with the same mix', async ({ page, context }) => {
  await page.goto('/#/lesson/compression/5');
  await ready(page);
  const lesson = page.getByRole('complementary', { name: 'Compression' });
  const slider = lesson.getByRole('slider').first();
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  const value = await slider.getAttribute('aria-valuetext');
  await lesson.getByRole('button', { name: 'Share' }).click();
  const link = await lesson.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#\/lesson\/compression\/5\?mix=[A-Za-z0-9_-]+$/);
  const other = await context.newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByRole('complementary', { name: 'Compression' }).getByRole('slider').first()).toHaveAttribute('aria-valuetext', value!);
});

test('unknown lessons, steps and damaged or hostile share links say so, and change nothing', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const count = await lanes(page).count();
  const cases: [string, RegExp][] = [
    ['#/lesson/no-such-lesson/1', /Lesson not found/],
    ['#/lesson/%3Cscript%3E/1', /Lesson not found/],
    ['#/lesson/wall-of-sound/9', /Step not found/],
    ['#/lesson/wall-of-sound/2?mix=<img>', /could not be opened/],
    ['#/lesson/wall-of-sound/2?mix=AAAAAAAA', /could not be opened/],
  ];
  for (const [hash, title] of cases) {
    await page.evaluate((h) => (location.hash = h), hash);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the mix' })).toBeVisible();
    await expect(page.getByText('Nothing in your mix was changed.')).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(await lanes(page).count()).toBe(count);
  await page.getByRole('link', { name: 'Back to the mix' }).click();
  await expect(page.getByRole('heading', { name: /not found|could not be opened/ })).toHaveCount(0);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit the app, the song, lessons and articles work without a network', async ({ page, context }) => {
    await page.goto('/');
    await ready(page);
    // The service worker has cached everything once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('group', { name: 'Kick lane' }).locator('canvas').first()).toBeAttached();
    await page.evaluate(() => (location.hash = '#/lesson/eq-carving/1'));
    await expect(page.getByRole('heading', { name: /Step 1 of/ })).toBeVisible();
    await page.evaluate(() => (location.hash = '#/encyclopedia/les-paul'));
    await expect(page.getByRole('heading', { name: 'Les Paul', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).first().focus();
    await context.setOffline(false);
  });
});
