import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { serviceWorker } from './scripts/sw/plugin';

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
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
