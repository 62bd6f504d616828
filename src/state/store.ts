import type { Peaks } from '../dsp/peaks';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { AssetRef, AutomationParam, AutomationPoint, Clip, Inserts, InsertKey, Project, Send } from './project';
import { clampFaderDb, emptyProject } from './project';
import * as edit from './edits';
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
  /** The selected track (for M, recording, import) and clip (for S, Delete, arrows). */
  readonly selectedTrackId: string | null;
  readonly selectedClipId: string | null;
  /** Grid that clip moves and trims snap to. */
  readonly snap: SnapMode;
  /** A message for the user about the last thing that went wrong (a bad file, a full disk), or null. */
  readonly notice: Notice | null;
  /** The overdub: counting in, recording, or neither. */
  readonly recordState: RecordState;
  /** A long task in progress (an import, a save), for a progress bar; null when idle. */
  readonly task: { readonly label: string; readonly fraction: number } | null;
  /** When the project was last stored by the autosave, ms since the epoch. */
  readonly savedAt: number | null;
  readonly ab: AbState | null;
  readonly abxScores: Readonly<Record<string, AbxScore>>;
}

export type RecordState = 'idle' | 'count-in' | 'recording';

/** A loudness-matched A/B comparison of one technique: A without it, B with it. */
export interface AbState {
  readonly techniqueId: string;
  readonly side: 'A' | 'B';
  /** Loudness of B minus A, LU, once measured; the louder side is turned down by this much. */
  readonly offsetDb: number | null;
}

/** ABX results, per lesson or technique id. */
export interface AbxScore {
  readonly correct: number;
  readonly trials: number;
}

export type SnapMode = 'bar' | 'beat' | 'off';

export interface Notice {
  readonly kind: 'error' | 'warning' | 'info';
  readonly message: string;
  /** Bumped per notice, so the same message twice is announced twice. */
  readonly serial: number;
}

/** Undo history: whole projects, cheap to keep because edits share everything they do not change. */
export interface HistorySlice {
  readonly past: readonly Project[];
  readonly future: readonly Project[];
}

export const MAX_UNDO = 200;

export interface Actions {
  /** Replaces the project (open, new, demo); the undo history starts afresh. */
  loadProject(project: Project): void;
  undo(): void;
  redo(): void;
  /**
   * Opens a gesture (a drag): every edit until endGesture() is one undo step.
   * Calls nest; an unbalanced end is ignored.
   */
  beginGesture(): void;
  endGesture(): void;
  /** Strip actions take a track id or a bus id. */
  setTrackGain(stripId: string, gainDb: number): void;
  setTrackPan(stripId: string, pan: number): void;
  setTrackMute(stripId: string, mute: boolean): void;
  setTrackSolo(stripId: string, solo: boolean): void;
  setTrim(stripId: string, trimDb: number): void;
  setInsert<K extends InsertKey>(stripId: string, key: K, patch: Partial<Inserts[K]>): void;
  setInsertBypass(stripId: string, key: InsertKey, bypass: boolean): void;
  setSend(trackId: string, busId: string, patch: Partial<Omit<Send, 'busId'>>): void;
  setBusEffect(busId: string, patch: Record<string, number>): void;
  addTrack(t?: Partial<edit.NewTrack>): string;
  removeTrack(trackId: string): void;
  renameTrack(trackId: string, name: string): void;
  setTrackColor(trackId: string, color: string): void;
  /** Tape wow and flutter depth, cents (0..20, 0 = off). */
  setTrackWow(trackId: string, cents: number): void;
  moveTrack(trackId: string, toIndex: number): void;
  /** Adds audio the user brought in, on a track (a new one when trackId is null), at a time. Returns the clip id. */
  addAudio(asset: AssetRef, durationSec: number, trackId: string | null, startSec: number, trackName?: string): string;
  addClip(trackId: string, clip: Clip): void;
  moveClip(clipId: string, startSec: number, toTrackId?: string): void;
  trimClipStart(clipId: string, startSec: number): void;
  trimClipEnd(clipId: string, endSec: number, sourceSec?: number): void;
  /** Splits the selected clip, or every clip on the selected track, or every clip under the time. */
  splitAt(sec: number, clipId?: string): void;
  duplicateClip(clipId: string): void;
  deleteClip(clipId: string): void;
  setClipFades(clipId: string, fades: { fadeInSec?: number; fadeOutSec?: number }): void;
  setClipGain(clipId: string, gainDb: number): void;
  addAutomationPoint(trackId: string, param: AutomationParam, pt: AutomationPoint): void;
  moveAutomationPoint(trackId: string, param: AutomationParam, index: number, pt: AutomationPoint): void;
  removeAutomationPoint(trackId: string, param: AutomationParam, index: number): void;
  clearAutomation(trackId: string, param: AutomationParam): void;
  addMarker(timeSec: number, name?: string): void;
  removeMarker(id: string): void;
  renameMarker(id: string, name: string): void;
  /** Any change to the project as one undo step (presets use this). */
  updateProject(fn: (p: Project) => Project): void;
  select(sel: { trackId?: string | null; clipId?: string | null }): void;
  setSnap(snap: SnapMode): void;
  notify(kind: Notice['kind'], message: string): void;
  setRecordState(state: RecordState): void;
  setTask(task: { label: string; fraction: number } | null): void;
  setSavedAt(at: number | null): void;
  setAb(ab: AbState | null): void;
  /** Adds one ABX answer to the score kept under `key`. */
  recordAbx(key: string, correct: boolean): void;
  resetAbx(key: string): void;
  dismissNotice(): void;
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
  readonly history: HistorySlice;
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

let idCounter = 0;
/** A fresh id: unique in this session and across reloads (time + counter + random). */
export function newId(prefix: string): string {
  idCounter = (idCounter + 1) % 1_000_000;
  return `${prefix}-${Date.now().toString(36)}${idCounter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

const clampTime = (sec: number, max: number): number => (Number.isFinite(sec) ? Math.max(0, Math.min(max, sec)) : 0);

/** Creates the single source of truth for the project, the transport and the UI's low-rate state. */
export function createEarshotStore(initial: Project = emptyProject()): EarshotStore {
  return createStore<EarshotState>()(
    subscribeWithSelector((set, get) => {
      // Gesture depth, and whether the open gesture has already recorded its undo step.
      let gestureDepth = 0;
      let gestureRecorded = false;
      let noticeSerial = 0;
      const updateProject = (fn: (p: Project) => Project): void => {
        const { project, history } = get();
        const next = fn(project);
        if (next === project) return;
        if (gestureDepth > 0 && gestureRecorded) {
          set({ project: next });
          return;
        }
        if (gestureDepth > 0) gestureRecorded = true;
        set({ project: next, history: { past: [...history.past.slice(-(MAX_UNDO - 1)), project], future: [] } });
      };
      /** Keeps the selection pointing at things that exist. */
      const fixSelection = (): void => {
        const { project, selectedTrackId, selectedClipId } = get();
        const trackOk = selectedTrackId === null || project.tracks.some((t) => t.id === selectedTrackId);
        const clipOk = selectedClipId === null || edit.findClip(project, selectedClipId) !== null;
        if (!trackOk || !clipOk) set({ selectedTrackId: trackOk ? selectedTrackId : null, selectedClipId: clipOk ? selectedClipId : null });
      };
      const edits = (fn: (p: Project) => Project): void => {
        updateProject(fn);
        fixSelection();
      };
      const actions: Actions = {
        loadProject: (project) => {
          gestureDepth = 0;
          set((s) => ({
            project,
            history: { past: [], future: [] },
            playState: 'stopped',
            cursorSec: 0,
            seekSerial: s.seekSerial + 1,
            assetStatus: {},
            selectedTrackId: null,
            selectedClipId: null,
            mixAnalysis: null,
            mixAnalysisOf: null,
            autoMasterReport: null,
          }));
        },
        undo: () => {
          const { project, history } = get();
          const prev = history.past[history.past.length - 1];
          if (!prev) return;
          set({ project: prev, history: { past: history.past.slice(0, -1), future: [project, ...history.future] } });
          fixSelection();
        },
        redo: () => {
          const { project, history } = get();
          const next = history.future[0];
          if (!next) return;
          set({ project: next, history: { past: [...history.past, project], future: history.future.slice(1) } });
          fixSelection();
        },
        beginGesture: () => {
          if (gestureDepth === 0) gestureRecorded = false;
          gestureDepth++;
        },
        endGesture: () => {
          gestureDepth = Math.max(0, gestureDepth - 1);
        },
        setTrackGain: (id, gainDb) => updateProject((p) => edit.setStripGain(p, id, gainDb)),
        setTrackPan: (id, pan) => updateProject((p) => edit.setStripPan(p, id, pan)),
        setTrackMute: (id, mute) => updateProject((p) => edit.setStripMute(p, id, mute)),
        setTrackSolo: (id, solo) => updateProject((p) => edit.setStripSolo(p, id, solo)),
        setTrim: (id, trimDb) => updateProject((p) => edit.setStripTrim(p, id, trimDb)),
        setInsert: (id, key, patch) => updateProject((p) => edit.setInsert(p, id, key, patch)),
        setInsertBypass: (id, key, bypass) => updateProject((p) => edit.setInsertBypass(p, id, key, bypass)),
        setSend: (trackId, busId, patch) => updateProject((p) => edit.setSend(p, trackId, busId, patch)),
        setBusEffect: (busId, patch) => updateProject((p) => edit.setBusEffect(p, busId, patch)),
        addTrack: (t = {}) => {
          const id = t.id ?? newId('track');
          edits((p) => edit.addTrack(p, { ...t, id }));
          set({ selectedTrackId: id, selectedClipId: null });
          return id;
        },
        removeTrack: (id) => edits((p) => edit.removeTrack(p, id)),
        renameTrack: (id, name) => updateProject((p) => edit.renameTrack(p, id, name)),
        setTrackColor: (id, color) => updateProject((p) => edit.setTrackColor(p, id, color)),
        setTrackWow: (id, cents) => updateProject((p) => edit.setTrackWow(p, id, cents)),
        moveTrack: (id, toIndex) => updateProject((p) => edit.moveTrack(p, id, toIndex)),
        addAudio: (asset, durationSec, trackId, startSec, trackName) => {
          const clipId = newId('clip');
          const tId = trackId ?? newId('track');
          edits((p) => {
            let next = edit.addAsset(p, asset);
            if (trackId === null) next = edit.addTrack(next, { id: tId, name: trackName ?? asset.fileName.replace(/\.[^.]+$/, '') });
            return edit.addClip(next, tId, { id: clipId, assetId: asset.id, startSec, offsetSec: 0, durationSec, gainDb: 0, fadeInSec: 0, fadeOutSec: 0 });
          });
          set({ selectedTrackId: tId, selectedClipId: clipId });
          return clipId;
        },
        addClip: (trackId, clip) => edits((p) => edit.addClip(p, trackId, clip)),
        moveClip: (clipId, startSec, toTrackId) => updateProject((p) => edit.moveClip(p, clipId, startSec, toTrackId)),
        trimClipStart: (clipId, startSec) => updateProject((p) => edit.trimClipStart(p, clipId, startSec)),
        trimClipEnd: (clipId, endSec, sourceSec) => updateProject((p) => edit.trimClipEnd(p, clipId, endSec, sourceSec)),
        splitAt: (sec, clipId) => {
          const { selectedClipId, selectedTrackId, project } = get();
          const target = clipId ?? selectedClipId;
          const ids =
            target && edit.findClip(project, target)
              ? [target]
              : edit.clipsAt(project, sec, selectedTrackId ?? undefined).map((c) => c.id);
          if (ids.length === 0) return;
          let rightOfSelected: string | null = null;
          edits((p) =>
            ids.reduce((acc, id) => {
              const right = newId('clip');
              if (id === selectedClipId) rightOfSelected = right;
              return edit.splitClip(acc, id, sec, right);
            }, p),
          );
          if (rightOfSelected) set({ selectedClipId: rightOfSelected });
        },
        duplicateClip: (clipId) => {
          const id = newId('clip');
          edits((p) => edit.duplicateClip(p, clipId, id));
          if (edit.findClip(get().project, id)) set({ selectedClipId: id });
        },
        deleteClip: (clipId) => edits((p) => edit.deleteClip(p, clipId)),
        setClipFades: (clipId, fades) => updateProject((p) => edit.setClipFades(p, clipId, fades)),
        setClipGain: (clipId, gainDb) => updateProject((p) => edit.setClipGain(p, clipId, gainDb)),
        addAutomationPoint: (trackId, param, pt) => updateProject((p) => edit.addAutomationPoint(p, trackId, param, pt)),
        moveAutomationPoint: (trackId, param, index, pt) => updateProject((p) => edit.moveAutomationPoint(p, trackId, param, index, pt)),
        removeAutomationPoint: (trackId, param, index) => updateProject((p) => edit.removeAutomationPoint(p, trackId, param, index)),
        clearAutomation: (trackId, param) => updateProject((p) => edit.clearAutomation(p, trackId, param)),
        addMarker: (timeSec, name) =>
          updateProject((p) => edit.addMarker(p, { id: newId('marker'), timeSec, name: name ?? `Marker ${p.markers.length + 1}` })),
        removeMarker: (id) => updateProject((p) => edit.removeMarker(p, id)),
        renameMarker: (id, name) => updateProject((p) => edit.renameMarker(p, id, name)),
        updateProject: (fn) => edits(fn),
        select: (sel) =>
          set((s) => ({
            selectedTrackId: sel.trackId === undefined ? s.selectedTrackId : sel.trackId,
            selectedClipId: sel.clipId === undefined ? s.selectedClipId : sel.clipId,
          })),
        setSnap: (snap) => set({ snap }),
        notify: (kind, message) => set({ notice: { kind, message, serial: ++noticeSerial } }),
        dismissNotice: () => set({ notice: null }),
        setRecordState: (recordState) => set({ recordState }),
        setTask: (task) => set({ task }),
        setSavedAt: (savedAt) => set({ savedAt }),
        setAb: (ab) => set({ ab }),
        recordAbx: (key, correct) =>
          set((s) => {
            const old = s.abxScores[key] ?? { correct: 0, trials: 0 };
            return { abxScores: { ...s.abxScores, [key]: { correct: old.correct + (correct ? 1 : 0), trials: old.trials + 1 } } };
          }),
        resetAbx: (key) =>
          set((s) => {
            const next = { ...s.abxScores };
            delete next[key];
            return { abxScores: next };
          }),
        setMasterGain: (gainDb) =>
          updateProject((p) => (p.master.gainDb === clampFaderDb(gainDb) ? p : { ...p, master: { ...p.master, gainDb: clampFaderDb(gainDb) } })),
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
        history: { past: [], future: [] },
        selectedTrackId: null,
        selectedClipId: null,
        snap: 'beat',
        notice: null,
        recordState: 'idle',
        task: null,
        savedAt: null,
        ab: null,
        abxScores: {},
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
