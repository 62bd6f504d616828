import { ExportControl } from './components/ExportControl';
import { lazy, Suspense, useCallback, useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { NoticeBar } from './components/NoticeBar';
import { ProjectBar } from './components/ProjectBar';
import { ShortcutsOverlay } from './components/ShortcutsOverlay';
import { useCommands, type DropTarget } from './commandsApi';
import { AudioStatusBanner } from './components/AudioStatusBanner';
import { useShortcuts } from './hooks/useShortcuts';
import { MixerPanel } from './panels/MixerPanel';
import { Timeline } from './panels/Timeline';
import { TransportBar } from './panels/TransportBar';
import { useEarshot, useEarshotStore } from './StoreContext';
import { navigate, useHashRoute } from './hooks/useHashRoute';

const MasteringPanel = lazy(() => import('./panels/MasteringPanel'));
const TechniquesPanel = lazy(() => import('./panels/TechniquesPanel'));
const EncyclopediaPanel = lazy(() => import('./panels/EncyclopediaPanel'));
const LessonRoute = lazy(() => import('./lessons/LessonRoute'));

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/** Presenter mode (button and P, Escape leaves): large type, high contrast, only the lesson, transport, A/B, meters. */
function usePresenter(lessonOpen: boolean): [boolean, (on: boolean) => void] {
  const [presenter, setPresenter] = useState(false);
  const on = presenter && lessonOpen;
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
    return () => document.documentElement.classList.remove('presenter');
  }, [on]);
  useEffect(() => {
    if (!lessonOpen) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'p' || e.key === 'P') setPresenter((x) => !x);
      else if (e.key === 'Escape' && presenter) setPresenter(false);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lessonOpen, presenter]);
  return [on, setPresenter];
}

type Tab = 'mixer' | 'techniques' | 'mastering';
const TABS: { id: Tab; label: string }[] = [
  { id: 'mixer', label: 'Mixer' },
  { id: 'techniques', label: 'Techniques' },
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
        {tab === 'mixer' && <MixerPanel />}
        {tab === 'techniques' && (
          <Suspense fallback={<p className="muted pad">Loading the techniques…</p>}>
            <TechniquesPanel />
          </Suspense>
        )}
        {tab === 'mastering' && (
          <Suspense fallback={<p className="muted pad">Loading the mastering section…</p>}>
            <MasteringPanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}

/** Where a drop lands: the lane under the pointer (or a new track) at the time under it. */
function dropTarget(e: DragEvent<HTMLElement>, pxPerSec: number): DropTarget {
  const el = document.elementFromPoint(e.clientX, e.clientY);
  const lane = el?.closest<HTMLElement>('[data-track-id]');
  const origin = document.querySelector<HTMLElement>('[data-timeline-origin]');
  const left = origin?.getBoundingClientRect().left ?? 0;
  return { trackId: lane?.dataset.trackId ?? null, startSec: Math.max(0, (e.clientX - left) / pxPerSec) };
}

export function App() {
  const store = useEarshotStore();
  const commands = useCommands();
  const title = useEarshot((s) => s.project.title);
  const [help, setHelp] = useState(false);
  const [dragging, setDragging] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, openHelp);
  const route = useHashRoute();
  const lessonOpen = route.page === 'lesson';
  const [presenter, setPresenter] = usePresenter(lessonOpen);
  const hasFiles = (e: DragEvent<HTMLElement>) => [...e.dataTransfer.types].includes('Files');
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) void commands.importFiles(files, dropTarget(e, store.getState().pxPerSec));
  };
  return (
    <div className={`app${lessonOpen ? ' has-lesson' : ''}${presenter ? ' is-presenter' : ''}`}>
      <header className="app-header">
        <h1 className="brand">
          Earshot<span className="brand-sub">hear how records are made</span>
        </h1>
        <p className="song-title">
          <span className="song-label">Song</span> {title}
        </p>
        <ProjectBar />
        <button type="button" className="btn btn-text" onClick={() => navigate('#/lessons')}>
          Lessons
        </button>
        <button type="button" className="btn btn-text" onClick={() => navigate('#/encyclopedia')}>
          Encyclopedia
        </button>
        <button type="button" className="btn btn-small" onClick={openHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </header>
      <div className="transport-row">
        <TransportBar />
        <ExportControl />
      </div>
      <AudioStatusBanner />
      <NoticeBar />
      <div className="body">
        <main
          className={`workspace${dragging ? ' is-drop-target' : ''}`}
          onDragOver={onDragOver}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <Timeline />
          <BottomPanels />
        </main>
        {(route.page === 'lesson' || route.page === 'lessons') && (
          <Suspense fallback={<div className="lesson" role="status">Loading the lessons…</div>}>
            <LessonRoute route={route} presenter={presenter} onPresenter={setPresenter} />
          </Suspense>
        )}
      </div>
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
      {route.page === 'encyclopedia' && (
        <Suspense fallback={<div className="overlay" role="status">Loading the encyclopedia…</div>}>
          <EncyclopediaPanel articleId={route.articleId} />
        </Suspense>
      )}
    </div>
  );
}
