import { encodeWavFloat32 } from '../dsp/wavFloat';
import type { AudioEngine } from '../engine/AudioEngine';
import type { Recorder } from '../engine/Recorder';
import { emptyProject, type AssetRef, type Project } from '../state/project';
import { decodeProjectFile, encodeProjectFile, PROJECT_FILE_EXTENSION, type StoredAudio } from '../state/projectFile';
import { loadAutosavedAudio, type KeptAudio } from './persistence';
import { newId, type EarshotStore } from '../state/store';
import type { AssetEvent, PrefetchedAssets } from '../engine/assets/AssetLibrary';
import type { DropTarget, ProjectCommands } from '../ui/commandsApi';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

// Importing and recording load on first use: the first screen does not pay for them.
const importer = () => import('../engine/import/importAudio');
const recording = () => Promise.all([import('../engine/Recorder'), import('../engine/countIn')]);
/** A recorder error carries a message written for users; other failures get a prefix. */
const isRecorderError = (e: unknown): e is Error => e instanceof Error && e.name === 'RecorderError';

export interface CommandsDeps {
  readonly store: EarshotStore;
  readonly engine: AudioEngine;
  /** The user's own audio (imports, takes), by asset id, as Blobs: kept for saving and the autosave. */
  readonly userAudio: Map<string, KeptAudio>;
  /** Fetches and parses the demo song. */
  readonly fetchDemo: () => Promise<Project>;
}

/** Reports asset decoding progress into the store. */
export function assetEvents(store: EarshotStore): (e: AssetEvent) => void {
  const { actions } = store.getState();
  return (e) => {
    if (e.type === 'loading') actions.setAssetStatus(e.id, { state: 'loading' });
    else if (e.type === 'ready') actions.setAssetStatus(e.id, { state: 'ready', durationSec: e.durationSec, peaks: e.peaks });
    else actions.setAssetStatus(e.id, { state: 'error', message: e.message });
  };
}

/**
 * Loads a project and its audio: the demo's stems are fetched; the user's audio is decoded from the bytes
 * kept with the project. A user asset whose bytes are missing shows an error on its lane; the rest plays.
 */
export async function openInEngine(deps: CommandsDeps, project: Project, audio: ReadonlyMap<string, KeptAudio>, prefetched?: PrefetchedAssets): Promise<void> {
  const { store, engine, userAudio } = deps;
  const onEvent = assetEvents(store);
  store.getState().actions.loadProject(project);
  userAudio.clear();
  for (const [id, a] of audio) userAudio.set(id, a);
  const users = project.assets.filter((a) => a.source === 'user');
  await Promise.all([
    engine.loadAssets(project.assets, onEvent, prefetched),
    ...users.map(async (asset) => {
      const stored = audio.get(asset.id);
      if (!stored) {
        onEvent({ type: 'error', id: asset.id, message: `${asset.fileName}: its audio was not saved with the project` });
        return;
      }
      onEvent({ type: 'loading', id: asset.id });
      try {
        const { importAudio } = await importer();
        // The bytes are read for the decode only; the Blob stays what is kept.
        const bytes = await stored.blob.arrayBuffer();
        const imported = await importAudio({ name: asset.fileName, bytes, type: stored.mimeType }, { sampleRate: engine.raw.sampleRate });
        await engine.addDecodedAsset(asset.id, imported.buffer, onEvent);
      } catch (e) {
        onEvent({ type: 'error', id: asset.id, message: errorText(e) });
      }
    }),
  ]);
}

/**
 * Reads the audio of the project's user assets into memory, for writing a project file: the only time their bytes
 * are held. A Blob that can no longer be read (a picked file changed or removed on disk since it was imported) is
 * taken from the autosave's copy instead.
 * @throws Error naming the file when neither can be read
 */
async function readUserAudio(project: Project, userAudio: ReadonlyMap<string, KeptAudio>): Promise<Map<string, StoredAudio>> {
  const used = new Map<string, StoredAudio>();
  for (const a of project.assets) {
    const kept = userAudio.get(a.id);
    if (a.source !== 'user' || !kept) continue;
    let bytes: ArrayBuffer;
    try {
      bytes = await kept.blob.arrayBuffer();
    } catch (e) {
      const copy = await loadAutosavedAudio(a.id).catch(() => null);
      if (!copy) throw new Error(`the audio of "${a.fileName}" can no longer be read (${errorText(e)}); import it again`);
      bytes = await copy.blob.arrayBuffer();
    }
    used.set(a.id, { bytes, mimeType: kept.mimeType });
  }
  return used;
}

/** The project commands the UI calls, implemented over the store and the engine. */
export function createCommands(deps: CommandsDeps): ProjectCommands {
  const { store, engine, userAudio } = deps;
  const actions = () => store.getState().actions;
  let recorder: Recorder | null = null;
  let take: { startSec: number; trackId: string; countIn: AbortController } | null = null;
  let demo: Promise<Project> | null = null;
  const demoProject = (): Promise<Project> => {
    demo ??= deps.fetchDemo().catch((e: unknown) => {
      demo = null;
      throw e;
    });
    return demo;
  };

  const importFiles = async (files: readonly File[], at?: DropTarget): Promise<void> => {
    const problems: string[] = [];
    let placed = 0;
    for (const [i, file] of files.entries()) {
      const label = files.length > 1 ? `Importing ${file.name} (${i + 1} of ${files.length})` : `Importing ${file.name}`;
      actions().setTask({ label, fraction: 0 });
      try {
        const { importAudioFile } = await importer();
        const imported = await importAudioFile(file, {
          sampleRate: engine.raw.sampleRate,
          onProgress: (f, stage) => {
            const base = stage === 'reading' ? 0 : stage === 'decoding' ? 0.4 : 0.8;
            actions().setTask({ label, fraction: base + f * (stage === 'reading' ? 0.4 : stage === 'decoding' ? 0.4 : 0.2) });
          },
        });
        const asset: AssetRef = { id: newId('audio'), fileName: imported.fileName, source: 'user', url: '' };
        userAudio.set(asset.id, { blob: imported.blob, mimeType: imported.mimeType });
        await engine.addDecodedAsset(asset.id, imported.buffer, assetEvents(store));
        const s = store.getState();
        const trackId = at?.trackId ?? null;
        const startSec = Math.max(0, at?.startSec ?? s.cursorSec);
        // Several files dropped on one lane go one after another.
        actions().addAudio(asset, imported.durationSec, trackId, startSec + placed);
        placed += trackId ? imported.durationSec : 0;
        for (const note of imported.notes) problems.push(`${file.name}: ${note}`);
      } catch (e) {
        const { ImportError } = await importer();
        problems.push(e instanceof ImportError ? e.message : `"${file.name}" could not be imported: ${errorText(e)}`);
      }
    }
    actions().setTask(null);
    if (problems.length > 0) actions().notify(problems.length === files.length ? 'error' : 'warning', problems.join(' '));
  };

  const toggleRecord = async (): Promise<void> => {
    const s = store.getState();
    if (s.recordState !== 'idle') {
      await finishTake();
      return;
    }
    const trackId = s.selectedTrackId ?? actions().addTrack({ name: 'Take' });
    let scheduleCountIn: (typeof import('../engine/countIn'))['scheduleCountIn'];
    try {
      await engine.resume();
      const [{ Recorder: RecorderClass }, countIn] = await recording();
      scheduleCountIn = countIn.scheduleCountIn;
      recorder ??= await RecorderClass.open({ context: engine.raw, chainLatencySec: engine.graph.latencySec });
    } catch (e) {
      recorder = null;
      actions().notify('error', isRecorderError(e) ? e.message : `Recording could not start: ${errorText(e)}`);
      return;
    }
    if (store.getState().playState === 'playing') actions().pause();
    const { project, cursorSec } = store.getState();
    const countIn = new AbortController();
    const startAt = engine.raw.currentTime + 0.1;
    const end = scheduleCountIn(engine.raw, engine.raw.destination, startAt, project.beatsPerBar, project.bpm, countIn.signal);
    take = { startSec: cursorSec, trackId, countIn };
    actions().setRecordState('count-in');
    engine.startNextPlayAt(end);
    recorder.start(end);
    actions().play();
    window.setTimeout(() => {
      if (store.getState().recordState === 'count-in') actions().setRecordState('recording');
    }, Math.max(0, (end - engine.raw.currentTime) * 1000));
  };

  const finishTake = async (): Promise<void> => {
    const current = take;
    const rec = recorder;
    take = null;
    actions().setRecordState('idle');
    if (!current || !rec) return;
    current.countIn.abort();
    actions().stop();
    actions().seek(current.startSec);
    try {
      const buffer = await rec.stop();
      const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
      const asset: AssetRef = { id: newId('take'), fileName: `Take ${new Date().toLocaleTimeString()}.wav`, source: 'user', url: '' };
      userAudio.set(asset.id, { blob: new Blob([encodeWavFloat32(channels, buffer.sampleRate)], { type: 'audio/wav' }), mimeType: 'audio/wav' });
      await engine.addDecodedAsset(asset.id, buffer, assetEvents(store));
      const trackExists = store.getState().project.tracks.some((t) => t.id === current.trackId);
      actions().addAudio(asset, buffer.duration, trackExists ? current.trackId : null, current.startSec, 'Take');
    } catch (e) {
      actions().notify('error', isRecorderError(e) ? e.message : `The take could not be kept: ${errorText(e)}`);
    }
  };

  return {
    importFiles,
    newProject: () => {
      void openInEngine(deps, { ...emptyProject(), title: 'Untitled' }, new Map());
    },
    demoProject,
    openDemoMix: (project) => {
      actions().updateProject(() => project);
      const missing = project.assets.filter((a) => a.source === 'url' && !engine.hasAsset(a.id));
      if (missing.length > 0) void engine.loadAssets(missing, assetEvents(store));
    },
    loadDemo: async () => {
      try {
        await openInEngine(deps, await deps.fetchDemo(), new Map());
      } catch (e) {
        actions().notify('error', `The demo song could not be loaded: ${errorText(e)}`);
      }
    },
    saveProject: async () => {
      const { project } = store.getState();
      let used: Map<string, StoredAudio>;
      try {
        used = await readUserAudio(project, userAudio);
      } catch (e) {
        actions().notify('error', `The project could not be saved: ${errorText(e)}`);
        return;
      }
      const file = encodeProjectFile(project, used);
      const blob = new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${project.title.replace(/[^\w\- ]+/g, '').trim() || 'Earshot project'}${PROJECT_FILE_EXTENSION}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      actions().notify('info', `Saved "${link.download}".`);
    },
    openProject: async (file) => {
      try {
        if (file.size > 2 * 1024 * 1024 * 1024) throw new Error(`"${file.name}" is larger than 2 GB`);
        const decoded = decodeProjectFile(await file.arrayBuffer(), file.name);
        // Each asset's audio is kept as a slice of the opened file (read from disk when needed), not as bytes.
        const audio = new Map<string, KeptAudio>();
        for (const [id, a] of decoded.audio) {
          const range = decoded.audioRanges.get(id);
          audio.set(id, { blob: range ? file.slice(range.start, range.end, a.mimeType) : new Blob([a.bytes], { type: a.mimeType }), mimeType: a.mimeType });
        }
        await openInEngine(deps, decoded.project, audio);
        if (decoded.warnings.length > 0) actions().notify('warning', decoded.warnings.join(' '));
        else actions().notify('info', `Opened "${file.name}".`);
      } catch (e) {
        // The current project stays as it was: nothing was loaded.
        actions().notify('error', errorText(e));
      }
    },
    toggleRecord,
    readInputDb: () => recorder?.readInputPeakDb() ?? -Infinity,
  };
}
