import { useEffect, useMemo, useRef, useState } from 'react';
import { ARTICLES, articleById, articlesByTitle, parseArticleText, type Article, type ArticleSection } from '../../lessons/encyclopedia';
import { navigate } from '../hooks/useHashRoute';

const KIND_LABEL: Record<Article['kind'], string> = {
  technique: 'Technique',
  person: 'Person',
  place: 'Place',
  standard: 'Standard',
  concept: 'Concept',
};

const titleOf = (id: string) => articleById(id)?.title;

/** Plain text with [[id]] cross-links turned into in-app links. Content is rendered as text, never as HTML. */
function RichText({ text }: { text: string }) {
  return (
    <>
      {parseArticleText(text, titleOf).map((seg, i) =>
        seg.kind === 'text' ? (
          <span key={i}>{seg.text}</span>
        ) : articleById(seg.id) ? (
          <a key={i} href={`#/encyclopedia/${seg.id}`}>
            {seg.text}
          </a>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}

function Section({ section }: { section: ArticleSection }) {
  return (
    <section className="enc-section">
      <h3>{section.heading}</h3>
      {section.paragraphs.map((p, i) => (
        <p key={i}>
          <RichText text={p} />
        </p>
      ))}
    </section>
  );
}

function searchText(a: Article): string {
  const sections = [a.history, a.howItWorks, a.inEarshot].flatMap((s) => s.paragraphs);
  return [a.title, a.summary, ...sections, ...a.typicalSettings.map((t) => `${t.parameter} ${t.range} ${t.note ?? ''}`)].join(' ').toLowerCase();
}

/** Articles matching every word of the query; title matches first. */
function search(query: string, index: ReadonlyMap<string, string>): Article[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = articlesByTitle();
  if (words.length === 0) return all;
  const hits = all.filter((a) => words.every((w) => index.get(a.id)!.includes(w)));
  const inTitle = (a: Article) => words.every((w) => a.title.toLowerCase().includes(w));
  return [...hits.filter(inTitle), ...hits.filter((a) => !inTitle(a))];
}

function ArticleView({ article }: { article: Article }) {
  return (
    <article className="enc-article" aria-labelledby="enc-article-title">
      <p className="enc-kind">{KIND_LABEL[article.kind]}</p>
      <h2 id="enc-article-title">{article.title}</h2>
      <p className="enc-summary">
        <RichText text={article.summary} />
      </p>
      <Section section={article.history} />
      <Section section={article.howItWorks} />
      {article.typicalSettings.length > 0 && (
        <section className="enc-section">
          <h3>Typical settings</h3>
          <table className="enc-settings">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Typical range</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {article.typicalSettings.map((t) => (
                <tr key={t.parameter}>
                  <th scope="row">{t.parameter}</th>
                  <td>{t.range}</td>
                  <td>{t.note ? <RichText text={t.note} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Section section={article.inEarshot} />
      <section className="enc-section">
        <h3>See also</h3>
        <ul className="enc-related">
          {article.related.map((id) => (
            <li key={id}>
              <a href={`#/encyclopedia/${id}`}>{titleOf(id) ?? id}</a>
            </li>
          ))}
        </ul>
        <h3>Further reading</h3>
        <ul>
          <li>
            <a href={article.wikipedia.url} target="_blank" rel="noopener noreferrer">
              Wikipedia: {article.wikipedia.title}
            </a>
          </li>
          {article.furtherReading?.map((r) => (
            <li key={r.title}>
              {r.url ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.title}
                </a>
              ) : (
                r.title
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** The encyclopedia: searchable, cross-linked articles in our own words, opened at #/encyclopedia/<id>. */
export default function EncyclopediaPanel({ articleId }: { articleId: string | null }) {
  const [query, setQuery] = useState('');
  const index = useMemo(() => new Map(ARTICLES.map((a) => [a.id, searchText(a)])), []);
  const results = useMemo(() => search(query, index), [query, index]);
  const article = articleId ? articleById(articleId) : undefined;
  const dialog = useRef<HTMLDivElement>(null);
  const close = () => navigate('#/');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        navigate('#/');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>(article ? '#enc-article-title' : 'input')?.focus();
    dialog.current?.querySelector('.enc-body')?.scrollTo(0, 0);
  }, [article]);

  return (
    <div className="overlay" onKeyDown={(e) => e.stopPropagation()}>
      <div className="enc" role="dialog" aria-modal="true" aria-label="Encyclopedia" ref={dialog}>
        <header className="enc-header">
          <h1>Encyclopedia</h1>
          <button type="button" className="btn" onClick={close} aria-label="Close encyclopedia">
            ✕
          </button>
        </header>
        <div className="enc-main">
          <nav className="enc-nav" aria-label="Articles">
            <input type="search" className="enc-search" aria-label="Search the encyclopedia" placeholder="Search: reverb, Spector, LUFS…" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <p className="muted enc-count" role="status">
              {results.length} of {ARTICLES.length} articles
            </p>
            <ul className="enc-list">
              {results.map((a) => (
                <li key={a.id}>
                  <a href={`#/encyclopedia/${a.id}`} aria-current={a.id === articleId ? 'page' : undefined}>
                    {a.title}
                    <span className="enc-list-kind">{KIND_LABEL[a.kind]}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="enc-body" tabIndex={-1}>
            {article ? (
              <ArticleView article={article} />
            ) : articleId !== null ? (
              <p role="alert" className="error-text">
                There is no article with that name. Pick one from the list.
              </p>
            ) : (
              <div className="enc-welcome">
                <h2>How records are made, in short articles</h2>
                <p>Techniques, the people who invented them, the studios where it happened and the standards that measure the result. Each article says how to hear it in Earshot and links to Wikipedia for more.</p>
              </div>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
