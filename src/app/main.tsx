import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AudioEngine } from '../engine/AudioEngine';
import { prefetchAssets } from '../engine/assets/AssetLibrary';
import { bindStore, resumeAudioIfInterrupted } from '../engine/bindStore';
import type { BouncePlayer } from '../engine/bounce';
import { projectFromManifest } from '../state/manifest';
import type { Project } from '../state/project';
import { CommandsContext } from '../ui/commandsApi';
import { createCommands, openInEngine } from './commands';
import { createAutosave, loadAutosave, type KeptAudio, type RestoredAutosave } from './persistence';
import { createEarshotStore, type EarshotStore } from '../state/store';
import { App } from '../ui/App';
import type { EngineApi } from '../ui/engineApi';
import { EngineContext } from '../ui/engineApi';
import { LoadError } from '../ui/LoadError';
import { StoreContext } from '../ui/StoreContext';
import '../ui/styles.css';

const SAMPLES = `${import.meta.env.BASE_URL}samples/`;

async function fetchDemo(): Promise<Project> {
  const url = `${SAMPLES}manifest.json`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
  return projectFromManifest(json, SAMPLES);
}

/** The last autosaved project, or null; a damaged autosave is reported and the demo opens instead. */
async function restore(store: EarshotStore): Promise<RestoredAutosave | null> {
  try {
    return await loadAutosave();
  } catch (e) {
    store.getState().actions.notify('warning', `The autosaved project could not be restored: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/**
 * The autoplay policy may hold the AudioContext until a gesture. The first click or key resumes it,
 * and (unless that gesture was on a control, which acts for itself) starts the demo song.
 */
function startOnFirstGesture(store: EarshotStore, engine: AudioEngine): void {
  const onGesture = (e: Event) => {
    window.removeEventListener('pointerdown', onGesture, true);
    window.removeEventListener('keydown', onGesture, true);
    const onControl = e.target instanceof Element && e.target.closest('button, input, select, a, [role="slider"]') !== null;
    const isSpace = e instanceof KeyboardEvent && e.key === ' ';
    void engine.resume().then(() => {
      if (!onControl && !isSpace && store.getState().playState === 'stopped') store.getState().actions.play();
    });
  };
  window.addEventListener('pointerdown', onGesture, true);
  window.addEventListener('keydown', onGesture, true);
}

/**
 * Production builds register the service worker (scripts/sw), so a classroom that loaded the app once can run it
 * offline. A failure only costs the offline copy, so it is logged, not shown.
 */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => console.warn('Offline copy unavailable:', e));
}

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const store = createEarshotStore();
  // Side by side: the audio engine starts (its worklet modules load), the last session and the demo song are read,
  // and as soon as the song is known its audio is fetched and decoded in the engine's context.
  const context = AudioEngine.createContext();
  const creating = AudioEngine.create({ context });
  const demoSong = fetchDemo();
  demoSong.catch(() => undefined); // Reported below when it is the song to open.
  const saved = await restore(store);
  const song = saved ? Promise.resolve(saved.project) : demoSong;
  const prefetched = song.then((p) => prefetchAssets(p.assets, context.rawContext as unknown as AudioContext)).catch(() => undefined);
  const [demo, created] = await Promise.allSettled([song, creating]);
  const reason = (r: PromiseRejectedResult) => (r.reason instanceof Error ? r.reason.message : String(r.reason));
  if (demo.status === 'rejected') {
    if (created.status === 'fulfilled') created.value.dispose();
    root.render(<LoadError message={reason(demo)} />);
    return;
  }
  if (created.status === 'rejected') {
    root.render(<LoadError message={`The audio engine could not start: ${reason(created)}`} />);
    return;
  }
  const engine = created.value;
  const userAudio = new Map<string, KeptAudio>();
  const deps = { store, engine, userAudio, fetchDemo };
  const commands = createCommands(deps);
  const opening = openInEngine(deps, demo.value, saved?.audio ?? new Map(), await prefetched);
  if (saved && saved.warnings.length > 0) store.getState().actions.notify('warning', saved.warnings.join(' '));
  const unbind = bindStore(store, engine);
  // The system may take the audio away (bindStore pauses and tries once to get it back); coming back to the tab asks again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void resumeAudioIfInterrupted(store, engine);
  });
  const autosave = createAutosave(store, userAudio, {
    onStatus: (status) => {
      const a = store.getState().actions;
      if (status.state === 'saved') a.setSavedAt(status.at);
      else a.notify(status.state === 'error' ? 'error' : 'warning', status.message);
    },
  });
  // A handle for debugging in the browser console during development; absent from production builds.
  if (import.meta.env.DEV) Object.assign(window, { earshot: { store, engine } });
  // The comparison bounce's player: made, with its module, on the first bounce.
  let bouncePlayer: BouncePlayer | null = null;
  const api: EngineApi = {
    getPositionSec: () => engine.getPositionSec(),
    readMeter: (id) => engine.readMeter(id),
    exportMix: (settings, onProgress) => engine.exportMix(store, settings, onProgress),
    readLoudness: () => engine.readLoudness(),
    loudnessHistory: () => engine.loudnessHistory(),
    resetLoudness: () => engine.resetLoudness(),
    limiterReductionDb: () => engine.graph.master.gainReductionDb,
    compressorReductionDb: (id) => engine.graph.reductionDb(id),
    compare: async (a, excerpt) => (await engine.compare(a, store.getState().project, excerpt)).offsetDb,
    selectSide: (side) => engine.selectSide(side),
    stopComparing: () => engine.stopComparing(),
    // Loaded on first use, so the spectrum code stays out of the first screen's JavaScript.
    analyzeStems: async () => (await import('../engine/stemAnalysis')).analyzeStems(store.getState().project, engine.library.buffers),
    analyzeMix: (onProgress) => engine.analyzeMix(store, onProgress),
    analyzeFile: (file) => engine.analyzeFile(store, file),
    autoMaster: (onProgress) => engine.autoMaster(store, onProgress),
    bounce: async (variants, excerpt, onProgress) => {
      const { bounceVariants, BouncePlayer } = await import('../engine/bounce');
      bouncePlayer?.stop();
      const { analysis, audio } = await bounceVariants(variants, engine.library.buffers, { sampleRate: engine.raw.sampleRate, ...excerpt, onProgress });
      (bouncePlayer ??= new BouncePlayer(engine.raw)).load(audio);
      return analysis;
    },
    playBounce: (index, onEnded) => {
      void engine.resume();
      bouncePlayer?.play(index, onEnded);
    },
    stopBounce: () => bouncePlayer?.stop(),
  };
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <EngineContext.Provider value={api}>
          <CommandsContext.Provider value={commands}>
            <App />
          </CommandsContext.Provider>
        </EngineContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  );

  const { actions } = store.getState();
  await opening;
  // The demo plays at once where the browser allows it; otherwise the first gesture starts it.
  if (engine.raw.state === 'running') actions.play();
  else startOnFirstGesture(store, engine);

  // Autosave already stores every edit within a second; a last flush covers the final moments.
  window.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  });
  window.addEventListener('pagehide', () => {
    void autosave.flush();
    unbind();
    bouncePlayer?.dispose();
    engine.dispose();
  });
}

void boot();
registerServiceWorker();
