/**
 * A Vite build plugin that writes sw.js: the service worker template (./serviceWorker.js) with the list of every
 * file the build emits plus every file in public/, and a version derived from their contents, so a new build
 * replaces the old cache and an unchanged build keeps it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    out = statSync(full).isDirectory() ? [...out, ...filesUnder(full)] : [...out, full];
  }
  return out;
}

export function serviceWorker(): Plugin {
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
      const template = readFileSync(new URL('./serviceWorker.js', import.meta.url), 'utf8');
      const source = template.replace("'__EARSHOT_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16))).replace('const PRECACHE = __EARSHOT_PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
