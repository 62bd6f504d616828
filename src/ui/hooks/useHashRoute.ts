import { useEffect, useState } from 'react';

/** The app's deep links. Anything else in the hash is ignored, never trusted. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'encyclopedia'; readonly articleId: string | null }
  | { readonly page: 'lessons' }
  /**
   * `#/lesson/<id>/<step>[?mix=<payload>]`, step counted from 1. A malformed id reads as '' and a malformed step as
   * 0, so the lesson view can say "not found" rather than guess.
   */
  | { readonly page: 'lesson'; readonly lessonId: string; readonly step: number; readonly mix: string | null };

const ID = /^[a-z0-9-]{1,60}$/;
const MIX = /^[A-Za-z0-9_-]{1,60000}$/;

/** Reads the routes above; ids are checked against a strict pattern. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/');
  if (parts[0] === 'encyclopedia') {
    const raw = parts[1] ? safeDecode(parts[1]) : null;
    return { page: 'encyclopedia', articleId: raw && ID.test(raw) ? raw : raw ? '' : null };
  }
  if (parts[0] === 'lessons' && !parts[1]) return { page: 'lessons' };
  if (parts[0] === 'lesson') {
    const id = safeDecode(parts[1] ?? '');
    const stepText = parts[2] ?? '1';
    const step = /^[1-9]\d?$/.test(stepText) && parts.length <= 3 ? Number(stepText) : 0;
    let mix: string | null = null;
    for (const pair of query.split('&')) {
      if (!pair.startsWith('mix=')) continue;
      const value = pair.slice(4);
      mix = MIX.test(value) ? value : '!';
    }
    return { page: 'lesson', lessonId: ID.test(id) ? id : '', step, mix };
  }
  return { page: 'home' };
}

export const lessonHash = (lessonId: string, step: number): string => `#/lesson/${lessonId}/${step}`;

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
