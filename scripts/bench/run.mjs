#!/usr/bin/env node
// npm run bench         the full benchmark (a few minutes)
// npm run bench:smoke   the same code paths at small sizes (about a minute on 2 cores); fails only if something breaks
//
// Options: --smoke, --rebuild (build the app even when bench-results/dist is up to date),
//          --only=mixdown,scaling,nodes,loudness,startup,import,ui (run some sections).
//
// Writes bench-results/bench.json (every figure), bench-results/bench.md (a README snippet with the machine) and
// prints a table; a smoke run writes bench-smoke.json and bench-smoke.md instead. Timings are reported as ratios against references measured in the same run; absolute figures are
// for information. Goals are marked ✓/✗ but never fail the run: only errors do (exit code 1).
//
// Sections:
//   mixdown   Earshot's export path (renderProject) against a twin graph of raw native nodes, alternating
//   scaling   offline realtime factor at 8, 16 and 32 tracks through MixGraph
//   nodes     native nodes per track (offline and live), per strip, master bus, Tone context
//   loudness  measureLoudness in Node against ffmpeg's ebur128 on 3 minutes of pink noise
//   startup   initial JS (gzip) of a production build, time to interactive against a reference page, and memory
//             after the demo loads
//   import    memory after importing a generated 10-minute stereo WAV through "Import audio" (production build)
//   ui        frame rate and long tasks with 16 tracks playing (production build, the project opened from a file)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { importMemoryBench, initialBundle, startupBench, uiBench, writeReferencePage, writeTestWav, writeUiProject } from './appBench.mjs';
import { loudnessBench } from './loudnessBench.mjs';
import { mixdownBench, nodeCountBench, openBenchPage, scalingBench } from './pageBench.mjs';
import { buildRows, machineInfo, markdown, textTable } from './report.mjs';
import { DIST_DIR, RESULTS_DIR, ROOT, buildApp, startDevServer, startPreview } from './servers.mjs';

const DEV_PORT = 4311;
const PREVIEW_PORT = 4312;

const SECTIONS = ['mixdown', 'scaling', 'nodes', 'loudness', 'startup', 'import', 'ui'];

/** Sizes per mode: smoke runs every code path once, small. */
const CONFIG = {
  full: {
    mixdown: { reps: 5, warmup: 1 },
    scaling: { sizes: [8, 16, 32], reps: 3 },
    nodeTracks: 8,
    loudness: { seconds: 180, reps: 3 },
    startup: { loads: 5, fpsSeconds: 3 },
    import: { seconds: 600 },
    ui: { tracks: 16, seconds: 5 },
  },
  smoke: {
    mixdown: { reps: 1, warmup: 0, endSec: 6 },
    scaling: { sizes: [8], reps: 1, endSec: 6 },
    nodeTracks: 4,
    loudness: { seconds: 10, reps: 1 },
    startup: { loads: 1, fpsSeconds: 1 },
    import: { seconds: 30 },
    ui: { tracks: 16, seconds: 1 },
  },
};

function parseArgs(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
  const unknown = only?.filter((s) => !SECTIONS.includes(s)) ?? [];
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  return { mode: argv.includes('--smoke') ? 'smoke' : 'full', rebuild: argv.includes('--rebuild'), only: only ?? SECTIONS };
}

const log = (s) => console.log(s);

async function main() {
  const started = performance.now();
  const { mode, rebuild, only } = parseArgs(process.argv.slice(2));
  const config = CONFIG[mode];
  mkdirSync(RESULTS_DIR, { recursive: true });
  log(`Earshot benchmark (${mode}): ${only.join(', ')}`);

  /** @type {Record<string, import('./report.mjs').SectionOutcome>} */
  const sections = {};
  const cleanups = [];
  /**
   * Runs one section; an error is recorded and the run goes on.
   * @param {string} name
   * @param {() => Promise<unknown>} run
   */
  const section = async (name, run) => {
    if (!only.includes(name)) return;
    log(`• ${name}…`);
    const t0 = performance.now();
    try {
      sections[name] = { status: 'ok', ms: 0, result: await run() };
    } catch (err) {
      const message = err instanceof Error ? err.stack ?? err.message : String(err);
      sections[name] = { status: 'error', ms: 0, error: message };
      log(`  ✗ ${name} failed: ${message}`);
    }
    sections[name].ms = performance.now() - t0;
  };

  let chromiumVersion = 'unknown';
  try {
    const dev = await startDevServer(DEV_PORT);
    cleanups.push(() => dev.server.close());
    const browser = await chromium.launch(chromiumLaunchOptions());
    cleanups.push(() => browser.close());
    chromiumVersion = browser.version();

    // Node first, while the browser is idle.
    await section('loudness', () => loudnessBench({ server: dev.server, ...config.loudness, workDir: RESULTS_DIR, log }));

    // One bench page serves mixdown, scaling and nodes; if it cannot open, each of them reports why.
    let bench = null;
    let benchError = null;
    if (['mixdown', 'scaling', 'nodes'].some((s) => only.includes(s))) {
      try {
        bench = await openBenchPage(browser, dev.url);
      } catch (err) {
        benchError = err;
      }
    }
    const withPage = (run) => () => {
      if (!bench) throw benchError ?? new Error('the bench page is not open');
      return run(bench.page);
    };
    await section('mixdown', withPage((page) => mixdownBench(page, config.mixdown)));
    await section('scaling', withPage((page) => scalingBench(page, config.scaling)));
    await section('nodes', withPage((page) => nodeCountBench(page, config.nodeTracks)));
    await bench?.context.close();

    // The production build, built once and served once for both sections that need it.
    /** @type {{ build: { built: boolean, buildMs: number | null }, url: string } | null} */
    let production = null;
    const serveProduction = async () => {
      if (production) return production;
      const build = await buildApp({ force: rebuild });
      log(build.built ? `  built in ${build.buildMs.toFixed(0)} ms` : '  build reused (up to date)');
      writeReferencePage(DIST_DIR);
      const served = await startPreview(PREVIEW_PORT);
      cleanups.push(() => served.server.close());
      production = { build, url: served.url };
      return production;
    };
    const samplesDir = path.join(ROOT, 'public', 'samples');
    const lanes = JSON.parse(readFileSync(path.join(samplesDir, 'manifest.json'), 'utf8')).stems.length;

    await section('startup', async () => {
      const { build, url } = await serveProduction();
      const bundle = initialBundle(DIST_DIR);
      const loads = await startupBench({ browser, url, loads: config.startup.loads, fpsSeconds: config.startup.fpsSeconds, lanes, samplesDir, log });
      return { build, bundle, ...loads };
    });

    await section('import', async () => {
      const { url } = await serveProduction();
      const seconds = config.import.seconds;
      const wav = writeTestWav(path.join(RESULTS_DIR, `import-${seconds}s.wav`), seconds);
      return importMemoryBench({ browser, url, lanes, wav, log });
    });

    await section('ui', async () => {
      const { url } = await serveProduction();
      const projectFile = await writeUiProject(dev.server, samplesDir, path.join(RESULTS_DIR, `ui-${config.ui.tracks}-tracks.earshot`), config.ui.tracks);
      const screenshot = path.join(RESULTS_DIR, `ui-${config.ui.tracks}-tracks.png`);
      return uiBench({ browser, url, lanes, projectFile, seconds: config.ui.seconds, screenshot, log });
    });
  } catch (err) {
    sections.setup = { status: 'error', ms: 0, error: err instanceof Error ? err.stack ?? err.message : String(err) };
    log(`✗ setup failed: ${sections.setup.error}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }

  const machine = machineInfo(chromiumVersion);
  const rows = buildRows(sections);
  const totalMs = performance.now() - started;
  const errors = Object.entries(sections).filter(([, s]) => s.status === 'error').map(([name]) => name);
  const report = { mode, machine, totalMs, errors, rows, sections };
  // A smoke run writes beside the full results instead of over them.
  const base = mode === 'smoke' ? 'bench-smoke' : 'bench';
  writeFileSync(path.join(RESULTS_DIR, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `${base}.md`), markdown(rows, machine, mode));

  log('');
  log(
    `${machine.cpu} × ${machine.cpuCount}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.node}, ` +
      `Chromium ${machine.chromium}, load average ${machine.loadAverage.toFixed(2)}`,
  );
  log(textTable(rows));
  log('');
  log(`Wrote bench-results/${base}.json and bench-results/${base}.md in ${(totalMs / 1000).toFixed(1)} s.`);
  if (errors.length) {
    log(`Failed: ${errors.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
