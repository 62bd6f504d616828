/**
 * The in-app encyclopedia's data model.
 *
 * Text fields are plain prose. The only markup allowed is an inline cross-link, written
 * `[[id]]` or `[[id|shown text]]`, where `id` is another article's id; the UI renders these as links
 * (see `parseArticleText` in ./links). No HTML, no markdown.
 */

export type ArticleKind = 'technique' | 'person' | 'place' | 'standard' | 'concept';

export interface ArticleSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface TypicalSetting {
  readonly parameter: string;
  readonly range: string;
  readonly note?: string;
}

export interface Article {
  /** kebab-case, e.g. 'wall-of-sound' */
  readonly id: string;
  readonly title: string;
  readonly kind: ArticleKind;
  /** One or two sentences, at most 300 characters. */
  readonly summary: string;
  /** With dates. */
  readonly history: ArticleSection;
  readonly howItWorks: ArticleSection;
  /** Numbers with units. May be empty for people and places; their key facts are then in `history`. */
  readonly typicalSettings: readonly TypicalSetting[];
  /** How Earshot lets you hear or implement it: stems it acts on, what to listen for. */
  readonly inEarshot: ArticleSection;
  /** Ids of other articles (each must exist). */
  readonly related: readonly string[];
  /** Exact English Wikipedia title; url is https://en.wikipedia.org/wiki/ + title with spaces as underscores. */
  readonly wikipedia: { readonly title: string; readonly url: string };
  readonly furtherReading?: readonly { readonly title: string; readonly url?: string }[];
}

/** Builds the `wikipedia` field from an exact English Wikipedia article title. */
export function wikipediaLink(title: string): { readonly title: string; readonly url: string } {
  return { title, url: `https://en.wikipedia.org/wiki/${title.replace(/ /g, '_')}` };
}
