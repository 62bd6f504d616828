/* global __EARSHOT_PRECACHE__ */
/* Earshot's service worker: after the first visit the app, the demo song, the lessons and the encyclopedia work
 * offline (a classroom without network). The build (serviceWorker() in vite.config.ts) fills in the file list and version.
 *
 * - install: every file of the build and every sample goes into one versioned cache;
 * - activate: older Earshot caches are deleted;
 * - page loads: network first (a new version is picked up when online), the cached page when offline;
 * - everything else from this site: the cache first (build files are content-hashed), else the network.
 */
const VERSION = '__EARSHOT_VERSION__';
const PRECACHE = __EARSHOT_PRECACHE__;
const CACHE = `earshot-${VERSION}`;
const scope = new URL(self.registration.scope);
const INDEX = scope.href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('earshot-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(INDEX, { cacheName: CACHE, ignoreVary: true })) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true }).then((hit) => hit ?? fetch(request)),
  );
});
