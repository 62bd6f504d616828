// Servers for the benchmark: Vite's dev server (the bench page, the dev build of the app, TS modules for Node),
// a production build in its own folder, and `vite preview` of it. Ports stay clear of 5173/4173.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
export const DIST_DIR = path.join(RESULTS_DIR, 'dist');
const BUILD_STAMP = path.join(RESULTS_DIR, 'build-stamp.json');

/** What the build reads: a change to any of these makes the benchmark build again. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];

/**
 * Starts Vite's dev server on the repository, isolated from other developers' servers: its own dependency cache,
 * no file watching and no HMR, so an edit elsewhere cannot reload a page in the middle of a measurement.
 * @param {number} port first port to try (the next free one is taken if it is busy)
 * @returns {Promise<{ server: import('vite').ViteDevServer, url: string }>} url without a trailing slash
 */
export async function startDevServer(port) {
  const server = await createServer({
    root: ROOT,
    logLevel: 'warn',
    clearScreen: false,
    cacheDir: path.join(RESULTS_DIR, '.vite'),
    server: { port, strictPort: false, host: '127.0.0.1', hmr: false, watch: null, open: false },
    // Pre-bundle what both pages import up front, so no late discovery reloads a page mid-run.
    optimizeDeps: { entries: ['index.html', 'scripts/bench/bench.html'] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report its URL');
  return { server, url: url.replace(/\/$/, '') };
}

/** @param {string} target @returns {number} the newest modification time under target (a file or folder), ms */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/**
 * Builds the app into bench-results/dist (never the real dist/) with a manifest, unless the last benchmark build
 * is newer than every input. Runs `build.mjs` in a child process (see there why).
 * @param {{ force?: boolean }} options force: build even when up to date
 * @returns {Promise<{ built: boolean, buildMs: number | null }>}
 */
export async function buildApp({ force = false } = {}) {
  const manifestPath = path.join(DIST_DIR, '.vite', 'manifest.json');
  if (!force && existsSync(BUILD_STAMP) && existsSync(manifestPath)) {
    const { startedAt } = JSON.parse(readFileSync(BUILD_STAMP, 'utf8'));
    const newestInput = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
    if (newestInput < startedAt) return { built: false, buildMs: null };
  }
  const startedAt = Date.now();
  const env = { ...process.env };
  delete env.NODE_ENV; // a production build, whatever this process runs with
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'build.mjs'), path.relative(ROOT, DIST_DIR)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`vite build failed (exit ${code}):\n${stderr || stdout}`))));
  });
  const last = String(output).trim().split('\n').pop() ?? '{}';
  const { buildMs } = JSON.parse(last);
  writeFileSync(BUILD_STAMP, JSON.stringify({ startedAt }));
  return { built: true, buildMs };
}

/**
 * Serves bench-results/dist with `vite preview`.
 * @param {number} port first port to try
 * @returns {Promise<{ server: import('vite').PreviewServer, url: string }>} url without a trailing slash
 */
export async function startPreview(port) {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: DIST_DIR },
    preview: { port, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  return { server, url: url.replace(/\/$/, '') };
}
