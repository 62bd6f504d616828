import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The browser project launches Chromium only when it runs, so a missing
// browser does not break `npm start` or the Node unit tests.
const needsBrowser = process.argv.some((a) => a.includes('browser'));

/**
 * The production Content-Security-Policy: scripts only from our own origin (no inline script, no eval);
 * workers from our origin or blob: (Tone's scheduler runs in a blob worker); AudioWorklet modules are scripts
 * from 'self'. Inline styles are allowed for wavesurfer's shadow-DOM styles. Dev mode is left without it,
 * because Vite's hot reload injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'earshot-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Preloads the demo song (its manifest and stems) from the page's head, so the browser fetches them while the
 * script loads and runs; the app's own fetch of each then takes the preloaded response. The list comes from
 * public/samples/manifest.json, so it cannot drift from the song.
 */
function preloadDemo(): Plugin {
  let base = '/';
  let publicDir = '';
  return {
    name: 'earshot-preload-demo',
    configResolved(config) {
      base = config.base;
      publicDir = config.publicDir;
    },
    transformIndexHtml() {
      const manifest = JSON.parse(readFileSync(join(publicDir, 'samples', 'manifest.json'), 'utf8')) as { stems: { file: string }[] };
      const files = ['manifest.json', ...new Set(manifest.stems.map((s) => s.file))];
      return files.map((file) => ({ tag: 'link', attrs: { rel: 'preload', href: `${base}samples/${file}`, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' as const }));
    },
  };
}

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    out = statSync(full).isDirectory() ? [...out, ...filesUnder(full)] : [...out, full];
  }
  return out;
}

/**
 * Writes sw.js at build time: the service worker template (scripts/sw/serviceWorker.js) with the list of every file
 * the build emits plus every file in public/, and a version derived from their contents, so a new build replaces
 * the old cache and an unchanged build keeps it.
 */
function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'earshot-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
      for (const f of built) {
        const item = bundle[f]!;
        hash.update(f).update(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source));
      }
      const publicFiles = publicDir ? filesUnder(publicDir) : [];
      for (const f of publicFiles) hash.update(f).update(readFileSync(f));
      // The page itself is cached as './' (the scope), which is what a reload asks for.
      const precache = ['./', ...built.filter((f) => f !== 'index.html'), ...publicFiles.map((f) => relative(publicDir, f).split(sep).join('/'))].sort();
      const template = readFileSync(new URL('./scripts/sw/serviceWorker.js', import.meta.url), 'utf8');
      const source = template.replace("'__EARSHOT_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16))).replace('const PRECACHE = __EARSHOT_PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker(), preloadDemo()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  worker: { format: 'es' },
  // Found up front, so the browser tests' page is not reloaded when the optimiser meets it mid-run (the audio status
  // test renders the banner with react-dom/client).
  optimizeDeps: { include: ['valibot', 'react', 'react-dom', 'react-dom/client'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: needsBrowser ? chromiumLaunchOptions() : {},
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
