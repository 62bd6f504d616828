// Builds the app for the startup benchmark into a separate folder, with a manifest; run by servers.mjs in a
// child process, because Vite sets process.env.NODE_ENV for the whole process and the driver also runs a dev server.
//   node scripts/bench/build.mjs <outDir>
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node scripts/bench/build.mjs <outDir>');

const started = performance.now();
await build({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir: path.resolve(ROOT, outDir), emptyOutDir: true, manifest: true },
});
console.log(JSON.stringify({ buildMs: performance.now() - started }));
