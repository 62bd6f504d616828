// The app itself in headless Chromium: startup (initial JS size, time to interactive), memory after the demo loads,
// and UI frame rate with 16 tracks playing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, quantile } from './stats.mjs';

const VIEWPORT = { width: 1440, height: 900 };

/**
 * Initial JS of a build: the HTML entry's chunk and its static imports, recursively (dynamic imports, workers and
 * worklets excluded), from Vite's build manifest. Sizes in bytes; gzip at level 9.
 * @param {string} distDir
 */
export function initialBundle(distDir) {
  /** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }>} */
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('index.html'));
  if (!entryKey) throw new Error('the build manifest has no index.html entry');
  const seen = new Set();
  const css = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const c of chunk?.css ?? []) css.add(c);
    for (const i of chunk?.imports ?? []) visit(i);
  };
  visit(entryKey);
  const size = (file) => {
    const bytes = readFileSync(path.join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const js = [...seen].map((k) => size(manifest[k].file));
  const lazy = Object.keys(manifest)
    .filter((k) => !seen.has(k) && manifest[k].file.endsWith('.js'))
    .map((k) => size(manifest[k].file));
  const sum = (list, key) => list.reduce((s, x) => s + x[key], 0);
  return {
    jsBytes: sum(js, 'bytes'),
    jsGzipBytes: sum(js, 'gzipBytes'),
    js,
    cssGzipBytes: sum([...css].map(size), 'gzipBytes'),
    lazyJsGzipBytes: sum(lazy, 'gzipBytes'),
    lazyChunks: lazy.length,
  };
}

/**
 * Counts animation frames and long tasks in a page for `ms` milliseconds.
 * @param {import('playwright').Page} page
 * @param {number} ms
 */
async function measureFrames(page, ms) {
  const { stamps, longTasks } = /** @type {{ stamps: number[], longTasks: number[] }} */ (
    await page.evaluate(
      (duration) =>
        new Promise((resolve) => {
          const longTasks = [];
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) longTasks.push(e.duration);
          });
          observer.observe({ type: 'longtask' });
          const stamps = [];
          const t0 = performance.now();
          const frame = (t) => {
            stamps.push(t);
            if (t - t0 < duration) requestAnimationFrame(frame);
            else {
              observer.disconnect();
              resolve({ stamps, longTasks });
            }
          };
          requestAnimationFrame(frame);
        }),
      ms,
    )
  );
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  const elapsedMs = stamps[stamps.length - 1] - stamps[0];
  return {
    seconds: elapsedMs / 1000,
    frames: stamps.length - 1,
    fps: (stamps.length - 1) / (elapsedMs / 1000),
    frameIntervalP95Ms: intervals.length ? quantile(intervals, 0.95) : null,
    frameIntervalMaxMs: intervals.length ? Math.max(...intervals) : null,
    longTasks: longTasks.length,
    longTaskTotalMs: longTasks.reduce((sum, d) => sum + d, 0),
    longTaskMaxMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

/**
 * The frame rate this browser gives a trivial animation: the ceiling any page can reach here (the reference).
 * @param {import('playwright').Browser} browser
 * @param {number} ms
 */
async function referenceFrames(browser, ms) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent('<div id="box" style="width:80px;height:80px;background:#e4572e"></div>');
    await page.evaluate(() => {
      const box = /** @type {HTMLElement} */ (document.getElementById('box'));
      let x = 0;
      const step = () => {
        box.style.transform = `translateX(${(x += 3) % 800}px)`;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    return await measureFrames(page, ms);
  } finally {
    await context.close();
  }
}

/**
 * Installed before the app's scripts: records when the page becomes interactive (Play enabled and every lane's
 * waveform canvas drawn, looking inside wavesurfer's shadow roots), and sums every AudioBuffer decoded.
 * @param {number} expectedLanes
 */
function instrumentPage(expectedLanes) {
  const w = /** @type {any} */ (window);
  w.__bench = { tti: null, decoded: [], fcp: null };
  // performance.now() counts from navigation start, so every mark here is "ms since navigation".
  const original = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = function (...args) {
    const result = original.apply(this, /** @type {any} */ (args));
    result.then(
      (b) => w.__bench.decoded.push({ frames: b.length, channels: b.numberOfChannels, sampleRate: b.sampleRate, at: performance.now() }),
      () => undefined,
    );
    return result;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  /** @param {ParentNode} root */
  const hasCanvas = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLCanvasElement && el.width > 0 && el.height > 0) return true;
      if (el.shadowRoot && hasCanvas(el.shadowRoot)) return true;
    }
    return false;
  };
  const ready = () => {
    const play = document.querySelector('button[aria-label="Play"]');
    if (!(play instanceof HTMLButtonElement) || play.disabled) return false;
    const lanes = document.querySelectorAll('[role="group"][aria-label$=" lane"]');
    if (lanes.length < expectedLanes) return false;
    for (const lane of lanes) if (!hasCanvas(lane)) return false;
    return true;
  };
  const timer = setInterval(() => {
    if (ready()) {
      w.__bench.tti = performance.now();
      clearInterval(timer);
    }
  }, 5);
}

/** @param {string} file @returns {{ frames: number, channels: number, sampleRate: number, bitsPerSample: number } | null} */
function pcmFormat(file) {
  const b = readFileSync(file);
  if (b.toString('ascii', 0, 4) === 'fLaC') {
    // STREAMINFO: rate (20 bits), channels − 1 (3), bits − 1 (5), total frames (36) from byte 18.
    const sampleRate = (b[18] << 12) | (b[19] << 4) | (b[20] >> 4);
    const channels = ((b[20] >> 1) & 7) + 1;
    const bitsPerSample = (((b[20] & 1) << 4) | (b[21] >> 4)) + 1;
    const frames = (b[21] & 0x0f) * 2 ** 32 + b.readUInt32BE(22);
    return { frames, channels, sampleRate, bitsPerSample };
  }
  if (b.toString('ascii', 0, 4) === 'RIFF') {
    const channels = b.readUInt16LE(22);
    const sampleRate = b.readUInt32LE(24);
    const bitsPerSample = b.readUInt16LE(34);
    let at = 12;
    while (at + 8 <= b.length && b.toString('ascii', at, at + 4) !== 'data') at += 8 + b.readUInt32LE(at + 4);
    const frames = b.readUInt32LE(at + 4) / ((channels * bitsPerSample) / 8);
    return { frames, channels, sampleRate, bitsPerSample };
  }
  return null;
}

/**
 * The stems' PCM size as stored (frames × channels × bytes per sample) and as files.
 * @param {string} samplesDir public/samples
 */
export function stemSizes(samplesDir) {
  const manifest = JSON.parse(readFileSync(path.join(samplesDir, 'manifest.json'), 'utf8'));
  let pcmBytes = 0;
  let fileBytes = 0;
  let seconds = 0;
  for (const stem of manifest.stems) {
    const file = path.join(samplesDir, stem.file);
    const f = pcmFormat(file);
    if (!f) throw new Error(`${stem.file}: neither FLAC nor WAV`);
    pcmBytes += (f.frames * f.channels * f.bitsPerSample) / 8;
    fileBytes += readFileSync(file).length;
    seconds += f.frames / f.sampleRate;
  }
  return { stems: manifest.stems.length, pcmBytes, fileBytes, seconds };
}

/**
 * Loads the production build `loads` times, each in a fresh browser context (cold cache), and takes the time from
 * navigation start until Play is enabled and every lane shows its waveform canvas. After the last load, measures
 * memory: the JS heap after a forced GC plus every decoded AudioBuffer, against the stems' PCM size; then counts
 * frames for `fpsSeconds` while the demo plays (the production build, as a reference for the UI section).
 * @param {{ browser: import('playwright').Browser, url: string, loads: number, lanes: number, samplesDir: string, fpsSeconds: number, log: (s: string) => void }} options
 */
export async function startupBench({ browser, url, loads, lanes, samplesDir, fpsSeconds, log }) {
  const ttiMs = [];
  const fcpMs = [];
  const stemsRequestedMs = [];
  const stemsFetchedMs = [];
  const stemsDecodedMs = [];
  let memory = null;
  let demoFrames = null;
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(instrumentPage, lanes);
      await page.goto(`${url}/`);
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.tti !== null, null, { timeout: 30_000 });
      const marks = await page.evaluate(() => /** @type {any} */ (window).__bench);
      if (errors.length) throw new Error(`the app threw: ${errors.join('; ')}`);
      ttiMs.push(marks.tti);
      if (marks.fcp !== null) fcpMs.push(marks.fcp);
      const [requested, fetched] = await page.evaluate(() => {
        const stems = performance.getEntriesByType('resource').filter((e) => /\.(flac|wav|mp3|ogg)$/.test(e.name));
        return [Math.min(...stems.map((e) => e.startTime)), Math.max(...stems.map((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd))];
      });
      const decodedAt = Math.max(0, ...marks.decoded.map((d) => d.at));
      stemsRequestedMs.push(requested);
      stemsFetchedMs.push(fetched);
      stemsDecodedMs.push(decodedAt);
      log(`  load ${i + 1}/${loads}: interactive after ${marks.tti.toFixed(0)} ms (stems fetched ${fetched.toFixed(0)} ms, decoded ${decodedAt.toFixed(0)} ms)`);
      if (i === loads - 1) {
        memory = await measureMemory(page, samplesDir, lanes);
        // The production build playing the demo (it starts by itself here): a reference for the dev-build UI figure.
        demoFrames = await measureFrames(page, fpsSeconds * 1000);
      }
    } finally {
      await context.close();
    }
  }
  return {
    loads,
    lanes,
    ttiMs,
    ttiMedianMs: median(ttiMs),
    fcpMedianMs: fcpMs.length ? median(fcpMs) : null,
    stemsRequestedMedianMs: median(stemsRequestedMs),
    stemsFetchedMedianMs: median(stemsFetchedMs),
    stemsDecodedMedianMs: median(stemsDecodedMs),
    memory,
    demoFrames,
  };
}

/**
 * @param {import('playwright').Page} page a loaded app page instrumented by instrumentPage
 * @param {string} samplesDir
 * @param {number} lanes
 */
async function measureMemory(page, samplesDir, lanes) {
  // Let decoding and peaks settle, then collect garbage so the heap holds what the app keeps.
  await page.waitForFunction((n) => /** @type {any} */ (window).__bench.decoded.length >= n, lanes, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = /** @type {{ usedSize: number, totalSize: number, embedderHeapUsedSize?: number, backingStorageSize?: number }} */ (
    await cdp.send('Runtime.getHeapUsage')
  );
  await cdp.detach();
  const decoded = await page.evaluate(() => /** @type {any} */ (window).__bench.decoded);
  const decodedBytes = decoded.reduce((s, b) => s + b.frames * b.channels * 4, 0);
  const stems = stemSizes(samplesDir);
  return {
    jsHeapUsedBytes: heap.usedSize,
    jsHeapTotalBytes: heap.totalSize,
    embedderHeapUsedBytes: heap.embedderHeapUsedSize ?? null,
    backingStorageBytes: heap.backingStorageSize ?? null,
    decodedAudioBytes: decodedBytes,
    decodedBuffers: decoded.length,
    decodeSampleRate: decoded[0]?.sampleRate ?? null,
    stemPcmBytes: stems.pcmBytes,
    stemFileBytes: stems.fileBytes,
    stemSeconds: stems.seconds,
    /** (JS heap + decoded audio) / stem PCM. */
    ratio: (heap.usedSize + decodedBytes) / stems.pcmBytes,
    decodedRatio: decodedBytes / stems.pcmBytes,
    note: 'The 10-minute-import memory measurement awaits the audio import feature (a later issue); this measures the demo song.',
  };
}

/**
 * The dev build (which exposes window.earshot) with the demo's tracks duplicated up to `tracks`, playing; counts
 * animation frames and long tasks over `seconds`.
 * @param {{ browser: import('playwright').Browser, devUrl: string, tracks: number, seconds: number, screenshot: string, log: (s: string) => void }} options
 */
export async function uiBench({ browser, devUrl, tracks, seconds, screenshot, log }) {
  // Tall enough that every lane is on screen at once (the mixer keeps its height; the timeline takes the rest).
  const context = await browser.newContext({ viewport: { width: VIEWPORT.width, height: 1500 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${devUrl}/`);
    await page.waitForFunction(
      () => {
        const e = /** @type {any} */ (window).earshot;
        if (!e) return false;
        const s = e.store.getState();
        return s.project.assets.length > 0 && s.project.assets.every((a) => s.assetStatus[a.id]?.state === 'ready');
      },
      null,
      { timeout: 60_000 },
    );
    const demoTracks = await page.evaluate((count) => {
      const { store } = /** @type {any} */ (window).earshot;
      const state = store.getState();
      const project = state.project;
      const statuses = state.assetStatus;
      const copies = [];
      for (let i = 0; project.tracks.length + copies.length < count; i++) {
        const t = project.tracks[i % project.tracks.length];
        const id = `${t.id}-copy-${i + 1}`;
        copies.push({ ...t, id, name: `${t.name} (copy ${i + 1})`, clips: t.clips.map((c) => ({ ...c, id: `${id}-clip` })) });
      }
      state.actions.loadProject({ ...project, tracks: [...project.tracks, ...copies] });
      // loadProject forgets asset status; the assets are the same and already decoded, so hand their peaks back.
      for (const [id, status] of Object.entries(statuses)) store.getState().actions.setAssetStatus(id, status);
      return project.tracks.length;
    }, tracks);
    const lanes = page.getByRole('group', { name: / lane$/ });
    await page.waitForFunction((n) => document.querySelectorAll('[role="group"][aria-label$=" lane"]').length >= n, tracks);
    const laneCount = await lanes.count();
    for (let i = 0; i < laneCount; i++) await lanes.nth(i).locator('canvas').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).earshot.store.getState().playState === 'playing');
    await page.waitForTimeout(500);
    const visibleLanes = await page.evaluate(() => {
      // Wholly visible: inside the window and inside every clipping (scrolling) ancestor.
      let n = 0;
      for (const lane of document.querySelectorAll('[role="group"][aria-label$=" lane"]')) {
        const r = lane.getBoundingClientRect();
        let top = 0;
        let bottom = innerHeight;
        for (let el = lane.parentElement; el; el = el.parentElement) {
          if (getComputedStyle(el).overflowY === 'visible') continue;
          const c = el.getBoundingClientRect();
          top = Math.max(top, c.top);
          bottom = Math.min(bottom, c.bottom);
        }
        if (r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1) n++;
      }
      return n;
    });
    const positionBefore = await page.evaluate(() => /** @type {any} */ (window).earshot.engine.getPositionSec());
    const frames = await measureFrames(page, seconds * 1000);
    const positionAfter = await page.evaluate(() => /** @type {any} */ (window).earshot.engine.getPositionSec());
    const playing = await page.evaluate(() => /** @type {any} */ (window).earshot.store.getState().playState);
    await page.screenshot({ path: screenshot });
    if (errors.length) throw new Error(`the app threw: ${errors.join('; ')}`);
    const reference = await referenceFrames(browser, Math.min(2000, seconds * 1000));
    log(`  ${laneCount} lanes (${visibleLanes} wholly on screen), ${frames.fps.toFixed(1)} fps (reference page ${reference.fps.toFixed(1)}), ${frames.longTasks} long tasks`);
    return {
      build: 'development (window.earshot exists only there): React dev mode, so slower than production',
      tracks: laneCount,
      demoTracks,
      visibleLanes,
      ...frames,
      referenceFps: reference.fps,
      fpsOfReference: frames.fps / reference.fps,
      playheadAdvancedSec: positionAfter - positionBefore,
      playStateAtEnd: playing,
      screenshot: path.basename(screenshot),
    };
  } finally {
    await context.close();
  }
}
