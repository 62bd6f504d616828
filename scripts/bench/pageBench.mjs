// Drives the bench page (bench.html + benchPage.ts on the dev server): mixdown against the raw twin, scaling, and
// native node counts. The page measures; this side only asks and collects.

/**
 * Opens the bench page and waits until it has loaded and decoded the demo song.
 * @param {import('playwright').Browser} browser
 * @param {string} devUrl the dev server, no trailing slash
 * @returns {Promise<{ page: import('playwright').Page, context: import('playwright').BrowserContext, demo: { tracks: number, durationSec: number } }>}
 */
export async function openBenchPage(browser, devUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${devUrl}/scripts/bench/bench.html`);
  await page.waitForFunction(() => window.earshotBench !== undefined || window.earshotBenchError !== undefined, null, { timeout: 60_000 });
  const failed = await page.evaluate(() => window.earshotBenchError);
  if (failed) throw new Error(`the bench page failed to start: ${failed}`);
  if (errors.length) throw new Error(`the bench page threw: ${errors.join('; ')}`);
  const demo = await page.evaluate(() => window.earshotBench.demo);
  return { page, context, demo };
}

/**
 * Earshot's export path against the raw native twin, alternating, median of `reps`.
 * @param {import('playwright').Page} page
 * @param {{ reps: number, warmup: number, endSec?: number }} options
 */
export function mixdownBench(page, options) {
  return page.evaluate((o) => window.earshotBench.mixdown(o), options);
}

/**
 * Offline realtime factor of renderProject at several track counts.
 * @param {import('playwright').Page} page
 * @param {{ sizes: number[], reps: number, endSec?: number }} options
 */
export function scalingBench(page, options) {
  return page.evaluate((o) => window.earshotBench.scaling(o), options);
}

/**
 * Native nodes per track (offline and live), per strip, master bus and Tone context.
 * @param {import('playwright').Page} page
 * @param {number} tracks how many tracks to divide over
 */
export function nodeCountBench(page, tracks) {
  return page.evaluate((n) => window.earshotBench.nodeCounts(n), tracks);
}
