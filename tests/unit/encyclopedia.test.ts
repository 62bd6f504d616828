import { describe, expect, it } from 'vitest';
import { ARTICLES, articleById, articlesByTitle, linkedIds, parseArticleText, type Article } from '../../src/lessons/encyclopedia';

const REQUIRED_IDS = [
  'les-paul',
  'phil-spector',
  'gold-star-studios',
  'george-martin',
  'brian-eno',
  'dr-dre',
  'quincy-jones',
  'echo-chamber',
  'loudness-war',
  'ebu-r128',
  'itu-r-bs-1770',
  'wall-of-sound',
  'double-tracking',
  'automatic-double-tracking',
  'parallel-compression',
  'sidechain-compression',
  'slapback-echo',
  'tape-saturation',
  'panning',
  'mastering',
  'g-funk',
  'ambient-music',
  'multitrack-recording',
  'overdubbing',
  'record-producer',
  'equalization',
  'dynamic-range-compression',
  'reverb',
  'delay',
];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YEAR = /(?:^|\D)(1[89]\d\d|20\d\d)(?!\d)/;

/** Every string in an article except `url` fields, with a path for error messages. */
function textFields(article: Article): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'url') walk(v, `${path}.${k}`);
    }
  };
  walk(article, article.id);
  return out;
}

/** Prose fields (where cross-links may appear). */
function proseFields(article: Article): { path: string; text: string }[] {
  return textFields(article).filter(({ path }) => !path.endsWith('.id') && !path.includes('.related['));
}

describe('encyclopedia articles', () => {
  it('has at least 30 articles', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(30);
  });

  it('has unique kebab-case ids', () => {
    const ids = ARTICLES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(KEBAB);
  });

  it('contains every required article', () => {
    for (const id of REQUIRED_IDS) expect(articleById(id), id).toBeDefined();
  });

  it('resolves every related id to another article', () => {
    for (const a of ARTICLES) {
      for (const r of a.related) {
        expect(articleById(r), `${a.id} -> ${r}`).toBeDefined();
        expect(r, `${a.id} relates to itself`).not.toBe(a.id);
      }
      expect(new Set(a.related).size, `${a.id} has duplicate related ids`).toBe(a.related.length);
    }
  });

  it('resolves every [[id]] link and leaves no stray brackets', () => {
    for (const a of ARTICLES) {
      for (const { path, text } of proseFields(a)) {
        for (const id of linkedIds(text)) expect(articleById(id), `${path} links to ${id}`).toBeDefined();
        const rest = text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, '');
        expect(rest, path).not.toMatch(/\[\[|\]\]/);
      }
    }
  });

  it('gives every article a dated history, a how-it-works section and an In Earshot section', () => {
    for (const a of ARTICLES) {
      expect(a.history.heading.trim(), a.id).not.toBe('');
      expect(a.history.paragraphs.length, a.id).toBeGreaterThan(0);
      expect(a.history.paragraphs.join(' '), `${a.id} history has no year`).toMatch(YEAR);
      expect(a.howItWorks.heading.trim(), a.id).not.toBe('');
      expect(a.howItWorks.paragraphs.length, a.id).toBeGreaterThan(0);
      expect(a.inEarshot.paragraphs.length, a.id).toBeGreaterThan(0);
      for (const p of [...a.history.paragraphs, ...a.howItWorks.paragraphs, ...a.inEarshot.paragraphs]) {
        expect(p.trim(), a.id).not.toBe('');
      }
    }
  });

  it('keeps summaries to one or two sentences of at most 300 characters', () => {
    for (const a of ARTICLES) {
      expect(a.summary.length, `${a.id}: ${a.summary.length} chars`).toBeLessThanOrEqual(300);
      expect(a.summary.trim().length, a.id).toBeGreaterThan(0);
    }
  });

  it('gives techniques and standards typical settings with numbers', () => {
    for (const a of ARTICLES.filter((x) => x.kind === 'technique' || x.kind === 'standard')) {
      expect(a.typicalSettings.length, a.id).toBeGreaterThan(0);
      expect(a.typicalSettings.some((s) => /\d/.test(s.range)), `${a.id} settings have no numbers`).toBe(true);
    }
    for (const a of ARTICLES) {
      for (const s of a.typicalSettings) {
        expect(s.parameter.trim(), a.id).not.toBe('');
        expect(s.range.trim(), a.id).not.toBe('');
      }
    }
  });

  it('links each article to its exact Wikipedia title', () => {
    for (const a of ARTICLES) {
      const { title, url } = a.wikipedia;
      expect(title.trim(), a.id).toBe(title);
      expect(title.length, a.id).toBeGreaterThan(0);
      expect(url, a.id).toBe('https://en.wikipedia.org/wiki/' + title.replace(/ /g, '_'));
      expect(encodeURI(url), `${a.id}: url is not encodeURI-safe`).toBe(url);
    }
  });

  it('keeps markup, angle brackets and web addresses out of the text', () => {
    for (const a of ARTICLES) {
      for (const { path, text } of textFields(a)) {
        expect(text, path).not.toMatch(/[<>]/);
        expect(text.toLowerCase(), path).not.toContain('http');
        expect(text, path).not.toMatch(/\*\*|__|`|\]\(/);
      }
      for (const f of a.furtherReading ?? []) if (f.url !== undefined) expect(f.url, a.id).toMatch(/^https?:\/\//);
    }
  });
});

describe('encyclopedia helpers', () => {
  it('looks articles up by id', () => {
    expect(articleById('wall-of-sound')?.title).toBe('Wall of Sound');
    expect(articleById('no-such-article')).toBeUndefined();
  });

  it('sorts articles by title', () => {
    const titles = articlesByTitle().map((a) => a.title);
    expect(titles).toHaveLength(ARTICLES.length);
    expect([...titles].sort((x, y) => x.localeCompare(y, 'en'))).toEqual(titles);
  });

  it('splits text into plain and link segments', () => {
    const title = (id: string) => articleById(id)?.title;
    expect(parseArticleText('See [[reverb]] and [[les-paul|Paul]].', title)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', id: 'reverb', text: 'Reverb' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', id: 'les-paul', text: 'Paul' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseArticleText('[[delay]]')).toEqual([{ kind: 'link', id: 'delay', text: 'delay' }]);
    expect(parseArticleText('no links')).toEqual([{ kind: 'text', text: 'no links' }]);
    expect(linkedIds('a [[x]] b [[y|Y]]')).toEqual(['x', 'y']);
  });
});
