/** Small pure helpers the techniques share: each takes a project and returns a changed one. */
import { FADER_MIN_DB } from '../dsp/decibels';
import { addTrack as addTrackEdit, setInsert, setSend } from '../state/edits';
import { defaultStrip, type Bus, type BusEffect, type Inserts, type InsertKey, type Project, type Track } from '../state/project';

export function addBus(p: Project, bus: { id: string; name: string; color: string; effect: BusEffect } & Partial<Bus>): Project {
  if (p.buses.some((b) => b.id === bus.id)) return p;
  const full: Bus = { ...defaultStrip(), ...bus };
  // Every track gets a send (off) to the new bus, as to the others.
  return {
    ...p,
    buses: [...p.buses, full],
    tracks: p.tracks.map((t) => (t.sends.some((s) => s.busId === bus.id) ? t : { ...t, sends: [...t.sends, { busId: bus.id, levelDb: FADER_MIN_DB, pre: false }] })),
  };
}

export const send = (p: Project, trackId: string, busId: string, levelDb: number, pre = false): Project => setSend(p, trackId, busId, { levelDb, pre });

export function updateTrack(p: Project, id: string, fn: (t: Track) => Partial<Track>): Project {
  return { ...p, tracks: p.tracks.map((t) => (t.id === id ? { ...t, ...fn(t) } : t)) };
}

export function insert<K extends InsertKey>(p: Project, stripId: string, key: K, patch: Partial<Inserts[K]>): Project {
  return setInsert(p, stripId, key, patch);
}

/**
 * A copy of a track placed right after it: same audio, its clips moved later by offsetSec, detuned, with new ids.
 */
export function copyTrack(p: Project, source: Track, copy: { id: string; name: string; offsetSec: number; detuneCents: number; gainDb: number }): Project {
  const index = p.tracks.findIndex((t) => t.id === source.id);
  let next = addTrackEdit(p, { id: copy.id, name: copy.name, color: source.color, role: source.role, index: index + 1 });
  next = updateTrack(next, copy.id, () => ({
    ...stripOf(source),
    gainDb: copy.gainDb,
    detuneCents: copy.detuneCents,
    sends: source.sends,
    clips: source.clips.map((c, i) => ({ ...c, id: `${copy.id}-c${i}`, startSec: Math.max(0, c.startSec + copy.offsetSec) })),
  }));
  return next;
}

function stripOf(t: Track) {
  return { trimDb: t.trimDb, inserts: t.inserts, pan: t.pan, mute: t.mute, solo: t.solo };
}
