// Finds a Chromium for Playwright and Vitest browser mode.
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, then Playwright's own download.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // Leak tests: a callable gc() and exact performance.memory readings.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  // Recording tests: a synthetic microphone (a beeping tone), granted without a prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const HOW_TO_GET_ONE =
  'No Chromium found for the tests. Install one of:\n' +
  '  - Debian/Ubuntu: apt-get install -y --no-install-recommends chromium  (gives /usr/bin/chromium)\n' +
  '  - Playwright\'s own build: npx playwright install chromium\n' +
  'or point CHROMIUM_PATH at a Chromium or Chrome executable.';

/** @returns {string | undefined} an executable path, or undefined to use Playwright's own browser. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n${HOW_TO_GET_ONE}`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined;
  throw new Error(HOW_TO_GET_ONE);
}

/** Launch options shared by every tool that starts Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = findChromium();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
