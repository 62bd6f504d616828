import { ExportControl } from './components/ExportControl';
import { AudioStatusBanner } from './components/AudioStatusBanner';
import { useShortcuts } from './hooks/useShortcuts';
import { MixerPanel } from './panels/MixerPanel';
import { Timeline } from './panels/Timeline';
import { TransportBar } from './panels/TransportBar';
import { useEarshot, useEarshotStore } from './StoreContext';

export function App() {
  const store = useEarshotStore();
  const title = useEarshot((s) => s.project.title);
  useShortcuts(store);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          Earshot<span className="brand-sub">hear how records are made</span>
        </h1>
        <p className="song-title">
          <span className="song-label">Demo song</span> {title}
        </p>
        <ExportControl />
      </header>
      <TransportBar />
      <AudioStatusBanner />
      <main className="workspace">
        <Timeline />
        <MixerPanel />
      </main>
    </div>
  );
}
