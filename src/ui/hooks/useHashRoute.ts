import { useEffect, useState } from 'react';

/** The app's deep links. Anything else in the hash is ignored, never trusted. */
export type Route = { readonly page: 'home' } | { readonly page: 'encyclopedia'; readonly articleId: string | null };

const ID = /^[a-z0-9-]{1,60}$/;

/** Reads `#/encyclopedia` and `#/encyclopedia/<id>`; ids are checked against a strict pattern. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'encyclopedia') {
    const raw = parts[1] ? safeDecode(parts[1]) : null;
    return { page: 'encyclopedia', articleId: raw && ID.test(raw) ? raw : raw ? '' : null };
  }
  return { page: 'home' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
