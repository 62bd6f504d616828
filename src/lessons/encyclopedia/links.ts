/**
 * Inline cross-links in encyclopedia text: `[[id]]` or `[[id|shown text]]`.
 * `parseArticleText` splits a paragraph into plain-text and link segments for the UI to render.
 */

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly id: string; readonly text: string };

/** Matches one cross-link; group 1 is the id, group 2 (optional) the shown text. */
export const LINK_PATTERN = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/** Every article id linked from `text`, in order of appearance (duplicates kept). */
export function linkedIds(text: string): string[] {
  return Array.from(text.matchAll(LINK_PATTERN), (m) => (m[1] ?? '').trim());
}

/**
 * Splits `text` into segments. A link without shown text displays `fallbackTitle(id)` when given,
 * otherwise the id itself.
 */
export function parseArticleText(text: string, fallbackTitle?: (id: string) => string | undefined): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK_PATTERN)) {
    const start = m.index ?? 0;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    const id = (m[1] ?? '').trim();
    const shown = m[2]?.trim() || fallbackTitle?.(id) || id;
    segments.push({ kind: 'link', id, text: shown });
    last = start + m[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
