import type { Peaks } from '../dsp/peaks';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Project, Track } from './project';
import { clampFaderDb, clampPanValue, emptyProject } from './project';
import { clampMastering, type AutoMasterReport, type LoudnessAnalysis, type MasteringSettings } from './mastering';

export type PlayState = 'stopped' | 'playing' | 'paused';

/** What the audio context is doing, as the UI tells the user. */
export type AudioStatus = 'starting' | 'suspended' | 'running' | 'interrupted' | 'closed';

export type AssetStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly durationSec: number; readonly peaks: Peaks }
  | { readonly state: 'error'; readonly message: string };

export interface TransportSlice {
  readonly playState: PlayState;
  /** Where playback starts from: set by seeks, and by the engine when it pauses or stops. */
  readonly cursorSec: number;
  /** Bumped by every seek, so seeking to the same place twice still moves the playhead. */
  readonly seekSerial: number;
  readonly metronome: boolean;
}

export interface UiSlice {
  readonly audioStatus: AudioStatus;
  readonly assetStatus: Readonly<Record<string, AssetStatus>>;
  /** Timeline zoom, pixels per second. */
  readonly pxPerSec: number;
  /** Play the master turned down to the streaming reference when it is louder (monitoring only, never exported). */
  readonly streamingPreview: boolean;
  /** The latest offline loudness analyses: of the mix, and of a file the user chose. */
  readonly mixAnalysis: LoudnessAnalysis | null;
  /** The project the mix analysis measured; once the project moves on, the figures are out of date. */
  readonly mixAnalysisOf: Project | null;
  readonly fileAnalysis: LoudnessAnalysis | null;
  readonly autoMasterReport: AutoMasterReport | null;
}

export interface Actions {
  loadProject(project: Project): void;
  setTrackGain(trackId: string, gainDb: number): void;
  setTrackPan(trackId: string, pan: number): void;
  setTrackMute(trackId: string, mute: boolean): void;
  setTrackSolo(trackId: string, solo: boolean): void;
  setMasterGain(gainDb: number): void;
  /** Changes mastering settings; every field is clamped to its range. */
  updateMastering(patch: (m: MasteringSettings) => MasteringSettings): void;
  setStreamingPreview(on: boolean): void;
  /** Records an analysis of `of`, the project that was rendered to make it. */
  setMixAnalysis(a: LoudnessAnalysis | null, of: Project | null): void;
  setFileAnalysis(a: LoudnessAnalysis | null): void;
  setAutoMasterReport(r: AutoMasterReport | null): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Stops and returns to the start of the song. */
  stop(): void;
  seek(sec: number): void;
  setLoop(startSec: number, endSec: number): void;
  setLoopEnabled(enabled: boolean): void;
  setMetronome(on: boolean): void;
  setZoom(pxPerSec: number): void;
  setAudioStatus(status: AudioStatus): void;
  setAssetStatus(assetId: string, status: AssetStatus): void;
  /** For the engine: records where the transport is after a pause, without causing a seek. */
  syncCursor(sec: number): void;
}

export interface EarshotState extends TransportSlice, UiSlice {
  readonly project: Project;
  readonly actions: Actions;
}

export type EarshotStore = StoreApi<EarshotState> & {
  subscribe: {
    (listener: (state: EarshotState, prev: EarshotState) => void): () => void;
    <U>(
      selector: (state: EarshotState) => U,
      listener: (selected: U, prev: U) => void,
      options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean },
    ): () => void;
  };
};

export const MIN_ZOOM = 4;
export const MAX_ZOOM = 400;
export const MIN_LOOP_SEC = 0.05;

function mapTrack(project: Project, trackId: string, fn: (t: Track) => Track): Project {
  let changed = false;
  const tracks = project.tracks.map((t) => {
    if (t.id !== trackId) return t;
    const next = fn(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...project, tracks } : project;
}

const clampTime = (sec: number, max: number): number => (Number.isFinite(sec) ? Math.max(0, Math.min(max, sec)) : 0);

/** Creates the single source of truth for the project, the transport and the UI's low-rate state. */
export function createEarshotStore(initial: Project = emptyProject()): EarshotStore {
  return createStore<EarshotState>()(
    subscribeWithSelector((set, get) => {
      const updateProject = (fn: (p: Project) => Project): void => {
        const project = get().project;
        const next = fn(project);
        if (next !== project) set({ project: next });
      };
      const actions: Actions = {
        loadProject: (project) =>
          set((s) => ({ project, playState: 'stopped', cursorSec: 0, seekSerial: s.seekSerial + 1, assetStatus: {} })),
        setTrackGain: (id, gainDb) =>
          updateProject((p) => mapTrack(p, id, (t) => (t.gainDb === clampFaderDb(gainDb) ? t : { ...t, gainDb: clampFaderDb(gainDb) }))),
        setTrackPan: (id, pan) =>
          updateProject((p) => mapTrack(p, id, (t) => (t.pan === clampPanValue(pan) ? t : { ...t, pan: clampPanValue(pan) }))),
        setTrackMute: (id, mute) => updateProject((p) => mapTrack(p, id, (t) => (t.mute === mute ? t : { ...t, mute }))),
        setTrackSolo: (id, solo) => updateProject((p) => mapTrack(p, id, (t) => (t.solo === solo ? t : { ...t, solo }))),
        setMasterGain: (gainDb) => updateProject((p) => ({ ...p, master: { ...p.master, gainDb: clampFaderDb(gainDb) } })),
        updateMastering: (patch) =>
          updateProject((p) => ({ ...p, master: { ...p.master, mastering: clampMastering(patch(p.master.mastering)) } })),
        setStreamingPreview: (streamingPreview) => set({ streamingPreview }),
        setMixAnalysis: (mixAnalysis, mixAnalysisOf) => set({ mixAnalysis, mixAnalysisOf }),
        setFileAnalysis: (fileAnalysis) => set({ fileAnalysis }),
        setAutoMasterReport: (autoMasterReport) => set({ autoMasterReport }),
        play: () => set({ playState: 'playing' }),
        pause: () => {
          if (get().playState === 'playing') set({ playState: 'paused' });
        },
        togglePlay: () => (get().playState === 'playing' ? get().actions.pause() : get().actions.play()),
        stop: () => set((s) => ({ playState: 'stopped', cursorSec: 0, seekSerial: s.seekSerial + 1 })),
        seek: (sec) => set((s) => ({ cursorSec: clampTime(sec, s.project.durationSec), seekSerial: s.seekSerial + 1 })),
        setLoop: (startSec, endSec) =>
          updateProject((p) => {
            const a = clampTime(Math.min(startSec, endSec), p.durationSec);
            const b = clampTime(Math.max(startSec, endSec), p.durationSec);
            if (b - a < MIN_LOOP_SEC) return p;
            return { ...p, loop: { ...p.loop, startSec: a, endSec: b } };
          }),
        setLoopEnabled: (enabled) => updateProject((p) => (p.loop.enabled === enabled ? p : { ...p, loop: { ...p.loop, enabled } })),
        setMetronome: (metronome) => set({ metronome }),
        setZoom: (pxPerSec) => set({ pxPerSec: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Number.isFinite(pxPerSec) ? pxPerSec : 40)) }),
        setAudioStatus: (audioStatus) => set({ audioStatus }),
        setAssetStatus: (assetId, status) => set((s) => ({ assetStatus: { ...s.assetStatus, [assetId]: status } })),
        syncCursor: (sec) => set((s) => ({ cursorSec: clampTime(sec, s.project.durationSec) })),
      };
      return {
        project: initial,
        playState: 'stopped',
        cursorSec: 0,
        seekSerial: 0,
        metronome: false,
        audioStatus: 'starting',
        assetStatus: {},
        pxPerSec: 40,
        streamingPreview: false,
        mixAnalysis: null,
        mixAnalysisOf: null,
        fileAnalysis: null,
        autoMasterReport: null,
        actions,
      };
    }),
  ) as EarshotStore;
}
