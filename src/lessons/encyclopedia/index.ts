import { MIX_ARTICLES } from './mix';
import { PEOPLE_ARTICLES } from './people';
import { PLACE_ARTICLES } from './places';
import { RECORDING_ARTICLES } from './recording';
import { ROLE_ARTICLES } from './roles';
import { SPACE_ARTICLES } from './space';
import { STANDARD_ARTICLES } from './standards';
import { TONE_ARTICLES } from './tone';
import type { Article } from './types';
import { WORK_ARTICLES } from './works';

export type { Article, ArticleKind, ArticleSection, TypicalSetting } from './types';
export { LINK_PATTERN, linkedIds, parseArticleText, type TextSegment } from './links';

/** Every encyclopedia article: techniques first, then roles, people, places, standards and works. */
export const ARTICLES: readonly Article[] = [
  ...RECORDING_ARTICLES,
  ...SPACE_ARTICLES,
  ...TONE_ARTICLES,
  ...MIX_ARTICLES,
  ...ROLE_ARTICLES,
  ...PEOPLE_ARTICLES,
  ...PLACE_ARTICLES,
  ...STANDARD_ARTICLES,
  ...WORK_ARTICLES,
];

const BY_ID: ReadonlyMap<string, Article> = new Map(ARTICLES.map((a) => [a.id, a]));

/** The article with this id, or undefined. */
export function articleById(id: string): Article | undefined {
  return BY_ID.get(id);
}

/** Articles sorted by title, for an index page. */
export function articlesByTitle(): Article[] {
  return [...ARTICLES].sort((a, b) => a.title.localeCompare(b.title, 'en'));
}
