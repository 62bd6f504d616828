/** Small pure helpers the lessons build their mixes with. Each takes a project and returns a changed one. */
import { applyTechnique, techniqueById } from '../../presets';
import { setBusEffect, setInsert, setSend, setStripGain, setStripMute, setStripPan, setStripSolo, setTrackDetune } from '../../state/edits';
import type { Clip, Inserts, InsertKey, Project } from '../../state/project';
import type { MasteringSettings } from '../../state/mastering';

/** Solos these strips (tracks or buses). */
export const solo = (p: Project, ids: readonly string[]): Project => ids.reduce((q, id) => setStripSolo(q, id, true), p);

export const mute = (p: Project, ids: readonly string[]): Project => ids.reduce((q, id) => setStripMute(q, id, true), p);

export const gain = (p: Project, id: string, gainDb: number): Project => setStripGain(p, id, gainDb);

/** Moves a fader by a number of dB from where it is. */
export function nudge(p: Project, id: string, byDb: number): Project {
  const t = p.tracks.find((x) => x.id === id) ?? p.buses.find((x) => x.id === id);
  return t ? setStripGain(p, id, t.gainDb + byDb) : p;
}

export const pan = (p: Project, id: string, value: number): Project => setStripPan(p, id, value);

export const detune = (p: Project, id: string, cents: number): Project => setTrackDetune(p, id, cents);

export const send = (p: Project, trackId: string, busId: string, levelDb: number): Project => setSend(p, trackId, busId, { levelDb });

/** Changes a bus's effect settings (clamped). */
export const setEffect = (p: Project, busId: string, patch: Record<string, number>): Project => setBusEffect(p, busId, patch);

/** Sets one insert on several strips (switched on unless the patch says otherwise). */
export function inserts<K extends InsertKey>(p: Project, ids: readonly string[], key: K, patch: Partial<Inserts[K]>): Project {
  return ids.reduce((q, id) => setInsert(q, id, key, { bypass: false, ...patch } as Partial<Inserts[K]>), p);
}

/** Applies a technique preset by id, as its toggle would (recorded in project.presets). */
export function technique(p: Project, id: string): Project {
  const t = techniqueById(id);
  return t ? applyTechnique(p, t).project : p;
}

/** Changes the master's mastering settings. */
export function mastering(p: Project, fn: (m: MasteringSettings) => Partial<MasteringSettings>): Project {
  const m = p.master.mastering;
  return { ...p, master: { ...p.master, mastering: { ...m, ...fn(m) } } };
}

/** Puts a track's duck (sidechain) depth and release at these values, if it has one. */
export function duck(p: Project, id: string, depthDb: number, releaseMs: number): Project {
  return { ...p, tracks: p.tracks.map((t) => (t.id === id && t.duck ? { ...t, duck: { ...t.duck, depthDb, releaseMs } } : t)) };
}

/**
 * Replaces what a track plays between fromSec and toSec with one bar of itself, repeated: what a sampler does with
 * a slice of a record. Outside that span the track plays as before.
 */
export function loopSlice(p: Project, trackId: string, sliceStartSec: number, sliceSec: number, fromSec: number, toSec: number): Project {
  return {
    ...p,
    tracks: p.tracks.map((t) => {
      const c = t.clips[0];
      if (t.id !== trackId || !c || t.clips.length !== 1) return t;
      const end = c.startSec + c.durationSec;
      const offsetAt = (sec: number) => c.offsetSec + (sec - c.startSec);
      const clips: Clip[] = [];
      if (fromSec > c.startSec) clips.push({ ...c, durationSec: fromSec - c.startSec, fadeOutSec: 0.005 });
      for (let at = fromSec, n = 0; at + sliceSec <= toSec + 1e-9; at += sliceSec, n++)
        clips.push({ ...c, id: `${c.id}-loop${n}`, startSec: at, offsetSec: offsetAt(sliceStartSec), durationSec: sliceSec, fadeInSec: 0.003, fadeOutSec: 0.005, gainDb: c.gainDb });
      if (end > toSec) clips.push({ ...c, id: `${c.id}-after`, startSec: toSec, offsetSec: offsetAt(toSec), durationSec: end - toSec, fadeInSec: 0.003, fadeOutSec: c.fadeOutSec });
      return { ...t, clips };
    }),
  };
}
