// The app itself in headless Chromium: startup (initial JS size, time to interactive against a reference page),
// memory after the demo loads and after importing a long WAV, and UI frame rate with 16 tracks playing.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** The reference page's file name in the build folder. */
const REFERENCE_PAGE = 'bench-reference.html';

/**
 * Writes the reference page into the build folder: the least a page can be and still become "interactive" the way
 * instrumentPage sees it (a Play button that a module script enables). Loading it measures what any page costs on
 * this machine, server and browser (a fresh context, navigation, parsing, one script), so time to interactive can
 * be reported as a ratio that load on the machine affects less than the raw milliseconds.
 * @param {string} distDir
 */
export function writeReferencePage(distDir) {
  writeFileSync(
    path.join(distDir, REFERENCE_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>Reference</title><link rel="icon" href="data:,"></head>\n' +
      '<body><button type="button" aria-label="Play" disabled>Play</button>\n' +
      '<script type="module">document.querySelector(\'button\').disabled = false;</script></body></html>\n',
  );
}

/**
 * Opens a page in a fresh browser context (cold cache) and waits until instrumentPage sees it interactive.
 * @param {import('playwright').Browser} browser
 * @param {string} pageUrl
 * @param {number} lanes lanes that must show a waveform (0 for the reference page)
 * @param {{ width: number, height: number }} [viewport]
 * @returns {Promise<{ context: import('playwright').BrowserContext, page: import('playwright').Page, marks: any }>}
 */
async function loadInteractive(browser, pageUrl, lanes, viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(instrumentPage, lanes);
    await page.addInitScript(trackAudioBuffers);
    await page.goto(pageUrl);
    await page.waitForFunction(() => /** @type {any} */ (window).__bench.tti !== null, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => /** @type {any} */ (window).__bench);
    if (errors.length) throw new Error(`${pageUrl} threw: ${errors.join('; ')}`);
    return { context, page, marks };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Loads the production build `loads` times, each in a fresh browser context (cold cache), and takes the time from
 * navigation start until Play is enabled and every lane shows its waveform canvas; beside each load (alternating
 * which goes first), the reference page's time to interactive, for the ratio. After the last load, measures
 * memory: the JS heap after a forced GC plus every decoded AudioBuffer, against the stems' PCM size; then counts
 * frames for `fpsSeconds` while the demo plays (the production build, as a reference for the UI section).
 * @param {{ browser: import('playwright').Browser, url: string, loads: number, lanes: number, samplesDir: string, fpsSeconds: number, log: (s: string) => void }} options
 */
export async function startupBench({ browser, url, loads, lanes, samplesDir, fpsSeconds, log }) {
  const ttiMs = [];
  const referenceMs = [];
  const fcpMs = [];
  const stemsRequestedMs = [];
  const stemsFetchedMs = [];
  const stemsDecodedMs = [];
  let memory = null;
  let demoFrames = null;
  const reference = async () => {
    const loaded = await loadInteractive(browser, `${url}/${REFERENCE_PAGE}`, 0);
    await loaded.context.close();
    referenceMs.push(loaded.marks.tti);
  };
  for (let i = 0; i < loads; i++) {
    if (i % 2 === 1) await reference();
    const { context, page, marks } = await loadInteractive(browser, `${url}/`, lanes);
    try {
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
    if (i % 2 === 0) await reference();
  }
  log(`  reference page: interactive after ${median(referenceMs).toFixed(0)} ms (median)`);
  return {
    loads,
    lanes,
    ttiMs,
    ttiMedianMs: median(ttiMs),
    referenceMs,
    referenceMedianMs: median(referenceMs),
    /** Time to interactive over the reference page's, medians. */
    ttiRatio: median(ttiMs) / median(referenceMs),
    fcpMedianMs: fcpMs.length ? median(fcpMs) : null,
    stemsRequestedMedianMs: median(stemsRequestedMs),
    stemsFetchedMedianMs: median(stemsFetchedMs),
    stemsDecodedMedianMs: median(stemsDecodedMs),
    memory,
    demoFrames,
  };
}

/**
 * Installed before the app's scripts: keeps a weak reference to every AudioBuffer the page makes (constructor,
 * createBuffer, decodeAudioData, offline renders), so the bytes of those still alive can be summed after a GC.
 * An AudioBuffer's samples live outside the JS heap, where no heap statistic sees them.
 */
function trackAudioBuffers() {
  const w = /** @type {any} */ (window);
  /** @type {WeakRef<AudioBuffer>[]} */
  const refs = [];
  const seen = new WeakSet();
  const keep = (b) => {
    if (b instanceof AudioBuffer && !seen.has(b)) {
      seen.add(b);
      refs.push(new WeakRef(b));
    }
    return b;
  };
  // Sums the live buffers; reading each channel once makes V8 count its samples as an ArrayBuffer backing store
  // (which it does only for channels JavaScript has read), so the heap statistics then hold every buffer once.
  w.__audioBuffers = () => {
    let bytes = 0;
    let count = 0;
    for (const ref of refs) {
      const b = ref.deref();
      if (!b) continue;
      for (let c = 0; c < b.numberOfChannels; c++) b.getChannelData(c);
      bytes += b.length * b.numberOfChannels * 4;
      count++;
    }
    return { bytes, count };
  };
  w.AudioBuffer = new Proxy(AudioBuffer, { construct: (target, args, newTarget) => keep(Reflect.construct(target, args, newTarget)) });
  const proto = BaseAudioContext.prototype;
  const createBuffer = proto.createBuffer;
  proto.createBuffer = function (...args) {
    return keep(createBuffer.apply(this, /** @type {any} */ (args)));
  };
  const decode = proto.decodeAudioData;
  proto.decodeAudioData = function (data, ok, fail) {
    return decode.call(this, data, ok && ((b) => ok(keep(b))), fail).then(keep);
  };
  const render = OfflineAudioContext.prototype.startRendering;
  OfflineAudioContext.prototype.startRendering = function () {
    return render.call(this).then(keep);
  };
}

/**
 * What a page holds after a forced garbage collection: its JS heap, ArrayBuffer backing stores (outside the heap:
 * AudioBuffers' samples, file bytes, peaks) and the AudioBuffers still alive (trackAudioBuffers). (The renderers'
 * resident memory was tried too: other contexts' renderers come and go and the allocator keeps freed pages, so it
 * moved by ±300 MB between runs.)
 * @param {import('playwright').Page} page
 */
async function memorySnapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  // WeakRefs are cleared once the task that made them has ended: let one pass, then collect again.
  await page.waitForTimeout(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const audio = await page.evaluate(() => /** @type {any} */ (window).__audioBuffers());
  const heap = /** @type {{ usedSize: number, totalSize: number, embedderHeapUsedSize?: number, backingStorageSize?: number }} */ (
    await cdp.send('Runtime.getHeapUsage')
  );
  await cdp.detach();
  const backing = heap.backingStorageSize ?? 0;
  return {
    jsHeapUsedBytes: heap.usedSize,
    /** Every ArrayBuffer backing store, the live AudioBuffers' samples included. */
    backingStorageBytes: backing,
    embedderHeapUsedBytes: heap.embedderHeapUsedSize ?? null,
    audioBufferBytes: audio.bytes,
    audioBuffers: audio.count,
    /** ArrayBuffers other than AudioBuffers' samples (file bytes, peaks, …). */
    otherArrayBufferBytes: backing - audio.bytes,
    /** JS heap + ArrayBuffers (AudioBuffers included, once). */
    totalBytes: heap.usedSize + backing,
  };
}

/**
 * @param {import('playwright').Page} page a loaded app page instrumented by instrumentPage and trackAudioBuffers
 * @param {string} samplesDir
 * @param {number} lanes
 */
async function measureMemory(page, samplesDir, lanes) {
  // Let decoding and peaks settle, then collect garbage so the heap holds what the app keeps.
  await page.waitForFunction((n) => /** @type {any} */ (window).__bench.decoded.length >= n, lanes, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  const snapshot = await memorySnapshot(page);
  const decoded = await page.evaluate(() => /** @type {any} */ (window).__bench.decoded);
  const stems = stemSizes(samplesDir);
  return {
    ...snapshot,
    decodedBuffers: decoded.length,
    decodeSampleRate: decoded[0]?.sampleRate ?? null,
    stemPcmBytes: stems.pcmBytes,
    stemFileBytes: stems.fileBytes,
    stemSeconds: stems.seconds,
    /** (JS heap + ArrayBuffers, AudioBuffers included) / stem PCM as stored (16-bit). */
    ratio: snapshot.totalBytes / stems.pcmBytes,
    audioRatio: snapshot.audioBufferBytes / stems.pcmBytes,
  };
}

/**
 * Writes a 16-bit stereo WAV of `seconds` (a slow sine sweep over seeded noise, so nothing about it is trivially
 * compressible), unless one of the right size is already there.
 * @param {string} file
 * @param {number} seconds
 * @param {number} sampleRate
 * @returns {{ file: string, seconds: number, sampleRate: number, channels: number, pcmBytes: number }}
 */
export function writeTestWav(file, seconds, sampleRate = 44100) {
  const channels = 2;
  const frames = Math.round(seconds * sampleRate);
  const pcmBytes = frames * channels * 2;
  const info = { file, seconds, sampleRate, channels, pcmBytes };
  if (existsSync(file) && statSync(file).size === 44 + pcmBytes) return info;
  const out = Buffer.alloc(44 + pcmBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + pcmBytes, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(pcmBytes, 40);
  const samples = new Int16Array(out.buffer, out.byteOffset + 44, frames * channels);
  let seed = 0x2545f491;
  let phase = 0;
  for (let i = 0; i < frames; i++) {
    phase += (2 * Math.PI * (110 + 770 * ((i / sampleRate / 20) % 1))) / sampleRate;
    const tone = 0.4 * Math.sin(phase);
    for (let c = 0; c < channels; c++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      samples[i * channels + c] = Math.round(32767 * (tone + 0.05 * ((seed >>> 0) / 2 ** 32 - 0.5)));
    }
  }
  writeFileSync(file, out);
  return info;
}

/**
 * Imports a WAV into the production build as a person would (Import audio, a file chooser), after the demo has
 * loaded, and measures memory before and after: what the import added, against the file's PCM (16-bit, as stored)
 * and against the decoded PCM (float32 at the session's rate, what playback needs at the least).
 * @param {{ browser: import('playwright').Browser, url: string, lanes: number, wav: ReturnType<typeof writeTestWav>, log: (s: string) => void }} options
 */
export async function importMemoryBench({ browser, url, lanes, wav, log }) {
  const { context, page } = await loadInteractive(browser, `${url}/`, lanes);
  try {
    // The demo plays by itself here; stop it, so playback neither allocates nor competes during the import.
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.waitForFunction((n) => /** @type {any} */ (window).__bench.decoded.length >= n, lanes, { timeout: 30_000 });
    await page.waitForTimeout(1000);
    const before = await memorySnapshot(page);
    const sessionRate = await page.evaluate(() => /** @type {any} */ (window).__bench.decoded[0]?.sampleRate ?? null);
    const started = performance.now();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import audio' }).click();
    await (await chooser).setFiles(wav.file);
    await page.waitForFunction(
      (n) => {
        if (document.querySelector('.notice-error')) return true;
        if (document.querySelector('.task-bar')) return false;
        const lanesNow = document.querySelectorAll('[role="group"][aria-label$=" lane"]');
        if (lanesNow.length <= n) return false;
        const last = lanesNow[lanesNow.length - 1];
        const hasCanvas = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el instanceof HTMLCanvasElement && el.width > 0 && el.height > 0) return true;
            if (el.shadowRoot && hasCanvas(el.shadowRoot)) return true;
          }
          return false;
        };
        return hasCanvas(last);
      },
      lanes,
      { timeout: 300_000, polling: 50 },
    );
    const importMs = performance.now() - started;
    const failed = await page.evaluate(() => document.querySelector('.notice-error')?.textContent ?? null);
    if (failed) throw new Error(`the import failed: ${failed}`);
    // The autosave writes the project and the imported bytes to IndexedDB within a second of the edit.
    await page.waitForTimeout(2500);
    const after = await memorySnapshot(page);
    const rate = sessionRate ?? wav.sampleRate;
    const decodedPcmBytes = Math.round(wav.seconds * rate) * wav.channels * 4;
    const addedBytes = after.totalBytes - before.totalBytes;
    log(
      `  imported ${wav.seconds} s of stereo WAV in ${importMs.toFixed(0)} ms: +${(addedBytes / 1e6).toFixed(1)} MB ` +
        `(${(addedBytes / decodedPcmBytes).toFixed(2)}× the decoded PCM)`,
    );
    return {
      seconds: wav.seconds,
      fileBytes: 44 + wav.pcmBytes,
      filePcmBytes: wav.pcmBytes,
      sessionSampleRate: rate,
      decodedPcmBytes,
      importMs,
      before,
      after,
      addedBytes,
      addedAudioBufferBytes: after.audioBufferBytes - before.audioBufferBytes,
      addedOtherArrayBufferBytes: after.otherArrayBufferBytes - before.otherArrayBufferBytes,
      addedJsHeapBytes: after.jsHeapUsedBytes - before.jsHeapUsedBytes,
      /** What the import added / the decoded PCM (float32 at the session rate). */
      ratioToDecoded: addedBytes / decodedPcmBytes,
      /** What the import added / the file's 16-bit PCM. */
      ratioToFilePcm: addedBytes / wav.pcmBytes,
    };
  } finally {
    await context.close();
  }
}

/**
 * Writes an .earshot project file of the demo with its tracks repeated up to `tracks` (new ids, the same stems,
 * fetched from the site like the demo's), made with the app's own project code through the dev server.
 * @param {import('vite').ViteDevServer} server
 * @param {string} samplesDir public/samples
 * @param {string} file where to write it
 * @param {number} tracks
 */
export async function writeUiProject(server, samplesDir, file, tracks) {
  const { projectFromManifest } = await server.ssrLoadModule('/src/state/manifest.ts');
  const { encodeProjectFile } = await server.ssrLoadModule('/src/state/projectFile.ts');
  const demo = projectFromManifest(JSON.parse(readFileSync(path.join(samplesDir, 'manifest.json'), 'utf8')), '/samples/');
  const copies = [];
  for (let i = 0; demo.tracks.length + copies.length < tracks; i++) {
    const t = demo.tracks[i % demo.tracks.length];
    const id = `${t.id}-copy-${i + 1}`;
    copies.push({ ...t, id, name: `${t.name} (copy ${i + 1})`, clips: t.clips.map((c) => ({ ...c, id: `${id}-clip` })) });
  }
  const project = { ...demo, title: `${demo.title} × ${tracks} tracks`, tracks: [...demo.tracks, ...copies] };
  writeFileSync(file, encodeProjectFile(project, new Map()));
  return { file, tracks: project.tracks.length };
}

/**
 * The production build with a project of `tracks` tracks opened as a person would ("Open project", a file chooser)
 * and playing; counts animation frames and long tasks over `seconds`, against a trivial animation in the same
 * browser (the reference: what any page gets here).
 * @param {{ browser: import('playwright').Browser, url: string, lanes: number, projectFile: { file: string, tracks: number }, seconds: number, screenshot: string, log: (s: string) => void }} options
 */
export async function uiBench({ browser, url, lanes, projectFile, seconds, screenshot, log }) {
  const tracks = projectFile.tracks;
  /** @type {{ tracks: number, visibleLanes: number, frames: Awaited<ReturnType<typeof measureFrames>>, stillPlaying: boolean }} */
  let app;
  // Tall enough that every lane is on screen at once (the mixer keeps its height; the timeline takes the rest).
  const { context, page } = await loadInteractive(browser, `${url}/`, lanes, { width: VIEWPORT.width, height: 1900 });
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open project' }).click();
    await (await chooser).setFiles(projectFile.file);
    await page.waitForFunction(
      (n) => {
        if (document.querySelector('.notice-error')) return true;
        const found = document.querySelectorAll('[role="group"][aria-label$=" lane"]');
        if (found.length < n) return false;
        const hasCanvas = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el instanceof HTMLCanvasElement && el.width > 0 && el.height > 0) return true;
            if (el.shadowRoot && hasCanvas(el.shadowRoot)) return true;
          }
          return false;
        };
        for (const lane of found) if (!hasCanvas(lane)) return false;
        return true;
      },
      tracks,
      { timeout: 60_000 },
    );
    const failed = await page.evaluate(() => document.querySelector('.notice-error')?.textContent ?? null);
    if (failed) throw new Error(`the project did not open: ${failed}`);
    const laneCount = await page.locator('[role="group"][aria-label$=" lane"]').count();
    const play = page.getByRole('button', { name: 'Play', exact: true });
    if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
    await page.waitForFunction(() => document.querySelector('button[aria-label="Play"]')?.getAttribute('aria-pressed') === 'true');
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
    const frames = await measureFrames(page, seconds * 1000);
    const stillPlaying = (await play.getAttribute('aria-pressed')) === 'true';
    await page.screenshot({ path: screenshot });
    if (errors.length) throw new Error(`the app threw: ${errors.join('; ')}`);
    app = { tracks: laneCount, visibleLanes, frames, stillPlaying };
  } finally {
    await context.close();
  }
  // Only now: while the app's page lives it goes on playing and painting, and the reference would share its CPU.
  const reference = await referenceFrames(browser, Math.min(2000, seconds * 1000));
  const { frames } = app;
  log(`  ${app.tracks} lanes (${app.visibleLanes} wholly on screen), ${frames.fps.toFixed(1)} fps (reference page ${reference.fps.toFixed(1)}), ${frames.longTasks} long tasks`);
  return {
    build: 'production',
    tracks: app.tracks,
    visibleLanes: app.visibleLanes,
    ...frames,
    referenceFps: reference.fps,
    fpsOfReference: frames.fps / reference.fps,
    stillPlaying: app.stillPlaying,
    screenshot: path.basename(screenshot),
  };
}
