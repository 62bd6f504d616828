import { ExportControl } from './components/ExportControl';
import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import { AudioStatusBanner } from './components/AudioStatusBanner';
import { useShortcuts } from './hooks/useShortcuts';
import { MixerPanel } from './panels/MixerPanel';
import { Timeline } from './panels/Timeline';
import { TransportBar } from './panels/TransportBar';
import { useEarshot, useEarshotStore } from './StoreContext';
import { navigate, useHashRoute } from './hooks/useHashRoute';

const MasteringPanel = lazy(() => import('./panels/MasteringPanel'));
const EncyclopediaPanel = lazy(() => import('./panels/EncyclopediaPanel'));

type Tab = 'mixer' | 'mastering';
const TABS: { id: Tab; label: string }[] = [
  { id: 'mixer', label: 'Mixer' },
  { id: 'mastering', label: 'Mastering' },
];

/** The mixer and the mastering section share the lower half of the screen, as tabs. */
function BottomPanels() {
  const [tab, setTab] = useState<Tab>('mixer');
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="bottom">
      <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'mixer' ? (
          <MixerPanel />
        ) : (
          <Suspense fallback={<p className="muted pad">Loading the mastering section…</p>}>
            <MasteringPanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}

export function App() {
  const store = useEarshotStore();
  const title = useEarshot((s) => s.project.title);
  useShortcuts(store);
  const route = useHashRoute();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          Earshot<span className="brand-sub">hear how records are made</span>
        </h1>
        <p className="song-title">
          <span className="song-label">Demo song</span> {title}
        </p>
        <button type="button" className="btn btn-text" onClick={() => navigate('#/encyclopedia')}>
          Encyclopedia
        </button>
        <ExportControl />
      </header>
      <TransportBar />
      <AudioStatusBanner />
      <main className="workspace">
        <Timeline />
        <BottomPanels />
      </main>
      {route.page === 'encyclopedia' && (
        <Suspense fallback={<div className="overlay" role="status">Loading the encyclopedia…</div>}>
          <EncyclopediaPanel articleId={route.articleId} />
        </Suspense>
      )}
    </div>
  );
}
