/**
 * Edits as pure functions: (project, arguments) → project. Each returns the same object when nothing
 * changes, so the store records no empty undo steps. Ids of new things are passed in, which keeps these
 * functions deterministic for tests and for undo/redo.
 */
import { FADER_MIN_DB } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';
import { secondsPerBar } from '../dsp/musicalTime';
import type {
  AssetRef,
  AutomationParam,
  AutomationPoint,
  Bus,
  Clip,
  Inserts,
  InsertKey,
  Marker,
  Project,
  Send,
  StripSettings,
  Track,
} from './project';
import { clampFaderDb, contentEndSec, makeTrack } from './project';

/** The shortest clip an edit may leave, seconds. */
export const MIN_CLIP_SEC = 0.01;
export const MAX_TRACKS = 256;
export const MAX_AUTOMATION_POINTS = 2000;

const finite = (v: number, fallback: number): number => (Number.isFinite(v) ? v : fallback);
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, finite(v, lo)));

/** Ranges of every strip parameter: one table that the UI, the schema and the edits share. */
export const RANGES = {
  trimDb: [-24, 24],
  hpfHz: [20, 2000],
  eqHz: [20, 20000],
  eqGainDb: [-24, 24],
  q: [0.1, 18],
  thresholdDb: [-60, 0],
  ratio: [1, 20],
  attackMs: [0.1, 1000],
  releaseMs: [5, 1000],
  makeupDb: [0, 24],
  driveDb: [0, 36],
  clipGainDb: [-48, 24],
  decaySec: [0.2, 8],
  preDelayMs: [0, 200],
  dampHz: [500, 20000],
  delayMs: [1, 2000],
  feedback: [0, 0.95],
  toneHz: [200, 20000],
  cutHz: [20, 20000],
  detuneCents: [-50, 50],
  wowCents: [0, 20],
} as const satisfies Record<string, readonly [number, number]>;

type RangeKey = keyof typeof RANGES;
const inRange = (v: number, key: RangeKey): number => clamp(v, RANGES[key][0], RANGES[key][1]);

/** Brings every insert parameter into its range. */
export function clampInserts(i: Inserts): Inserts {
  const shelf = (b: { freqHz: number; gainDb: number }) => ({ freqHz: inRange(b.freqHz, 'eqHz'), gainDb: inRange(b.gainDb, 'eqGainDb') });
  const bell = (b: { freqHz: number; gainDb: number; q: number }) => ({ ...shelf(b), q: inRange(b.q, 'q') });
  return {
    hpf: { bypass: i.hpf.bypass, freqHz: inRange(i.hpf.freqHz, 'hpfHz') },
    eq: {
      bypass: i.eq.bypass,
      lowShelf: shelf(i.eq.lowShelf),
      bell1: bell(i.eq.bell1),
      bell2: bell(i.eq.bell2),
      highShelf: shelf(i.eq.highShelf),
    },
    comp: {
      bypass: i.comp.bypass,
      thresholdDb: inRange(i.comp.thresholdDb, 'thresholdDb'),
      ratio: inRange(i.comp.ratio, 'ratio'),
      attackMs: inRange(i.comp.attackMs, 'attackMs'),
      releaseMs: inRange(i.comp.releaseMs, 'releaseMs'),
      makeupDb: inRange(i.comp.makeupDb, 'makeupDb'),
    },
    sat: { bypass: i.sat.bypass, driveDb: inRange(i.sat.driveDb, 'driveDb') },
  };
}

/** The song's length: the end of the last clip, and never shorter than its bars. */
export function withDuration(p: Project): Project {
  const durationSec = Math.max(contentEndSec(p), p.bars * secondsPerBar(p));
  if (durationSec === p.durationSec) return p;
  const loop = p.loop.endSec > durationSec ? { ...p.loop, endSec: durationSec, startSec: Math.min(p.loop.startSec, Math.max(0, durationSec - 1)) } : p.loop;
  return { ...p, durationSec, loop };
}

// ---- strips (tracks and buses) ------------------------------------------------------------------

function mapTrack(p: Project, id: string, fn: (t: Track) => Track): Project {
  let changed = false;
  const tracks = p.tracks.map((t) => {
    if (t.id !== id) return t;
    const next = fn(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...p, tracks } : p;
}

function mapBus(p: Project, id: string, fn: (b: Bus) => Bus): Project {
  let changed = false;
  const buses = p.buses.map((b) => {
    if (b.id !== id) return b;
    const next = fn(b);
    if (next !== b) changed = true;
    return next;
  });
  return changed ? { ...p, buses } : p;
}

/** Applies fn to the strip settings of a track or bus, whichever has the id. */
export function updateStrip(p: Project, stripId: string, fn: (s: StripSettings) => Partial<StripSettings>): Project {
  const apply = <T extends StripSettings>(s: T): T => {
    const patch = fn(s);
    const keys = Object.keys(patch) as (keyof StripSettings)[];
    if (keys.every((k) => patch[k] === s[k])) return s;
    return { ...s, ...patch };
  };
  return p.tracks.some((t) => t.id === stripId) ? mapTrack(p, stripId, apply) : mapBus(p, stripId, apply);
}

export const setStripGain = (p: Project, id: string, gainDb: number): Project => updateStrip(p, id, () => ({ gainDb: clampFaderDb(gainDb) }));
export const setStripPan = (p: Project, id: string, pan: number): Project => updateStrip(p, id, () => ({ pan: clampPan(pan) }));
export const setStripMute = (p: Project, id: string, mute: boolean): Project => updateStrip(p, id, () => ({ mute }));
export const setStripSolo = (p: Project, id: string, solo: boolean): Project => updateStrip(p, id, () => ({ solo }));
export const setStripTrim = (p: Project, id: string, trimDb: number): Project => updateStrip(p, id, () => ({ trimDb: inRange(trimDb, 'trimDb') }));

/** Changes one insert of a strip; every value is clamped to its range. */
export function setInsert<K extends InsertKey>(p: Project, stripId: string, key: K, patch: Partial<Inserts[K]>): Project {
  return updateStrip(p, stripId, (s) => {
    const merged = { ...s.inserts, [key]: { ...s.inserts[key], ...patch } } as Inserts;
    const next = clampInserts(merged);
    return JSON.stringify(next[key]) === JSON.stringify(s.inserts[key]) ? {} : { inserts: { ...s.inserts, [key]: next[key] } };
  });
}

export const setInsertBypass = (p: Project, stripId: string, key: InsertKey, bypass: boolean): Project =>
  setInsert(p, stripId, key, { bypass } as Partial<Inserts[typeof key]>);

/** Changes a track's send to a bus (adding the send if the track had none to it). */
export function setSend(p: Project, trackId: string, busId: string, patch: Partial<Omit<Send, 'busId'>>): Project {
  if (!p.buses.some((b) => b.id === busId)) return p;
  return mapTrack(p, trackId, (t) => {
    const existing = t.sends.find((s) => s.busId === busId) ?? { busId, levelDb: FADER_MIN_DB, pre: false };
    const next: Send = {
      busId,
      levelDb: patch.levelDb === undefined ? existing.levelDb : clampFaderDb(patch.levelDb),
      pre: patch.pre ?? existing.pre,
    };
    if (next.levelDb === existing.levelDb && next.pre === existing.pre && t.sends.includes(existing)) return t;
    const sends = t.sends.some((s) => s.busId === busId) ? t.sends.map((s) => (s.busId === busId ? next : s)) : [...t.sends, next];
    return { ...t, sends };
  });
}

/** Changes a bus's effect settings, clamped to their ranges. The effect type never changes here. */
export function setBusEffect(p: Project, busId: string, patch: Record<string, number>): Project {
  return mapBus(p, busId, (b) => {
    const e = b.effect;
    const get = (k: string, fallback: number): number => (patch[k] === undefined ? fallback : (patch[k] as number));
    let next: Bus['effect'];
    if (e.type === 'reverb')
      next = {
        type: 'reverb',
        decaySec: inRange(get('decaySec', e.decaySec), 'decaySec'),
        preDelayMs: inRange(get('preDelayMs', e.preDelayMs), 'preDelayMs'),
        dampHz: inRange(get('dampHz', e.dampHz), 'dampHz'),
        lowCutHz: inRange(get('lowCutHz', e.lowCutHz), 'cutHz'),
        highCutHz: inRange(get('highCutHz', e.highCutHz), 'cutHz'),
      };
    else if (e.type === 'delay')
      next = { type: 'delay', timeMs: inRange(get('timeMs', e.timeMs), 'delayMs'), feedback: inRange(get('feedback', e.feedback), 'feedback'), toneHz: inRange(get('toneHz', e.toneHz), 'toneHz') };
    else return b;
    return JSON.stringify(next) === JSON.stringify(e) ? b : { ...b, effect: next };
  });
}

// ---- tracks ------------------------------------------------------------------------------------------

const TRACK_COLORS = ['#e06c75', '#e5c07b', '#98c379', '#56b6c2', '#61afef', '#c678dd', '#d19a66', '#be5046'];

export interface NewTrack {
  readonly id: string;
  readonly name?: string;
  readonly color?: string;
  readonly role?: Track['role'];
  /** Where to insert it; default at the end. */
  readonly index?: number;
}

export function addTrack(p: Project, t: NewTrack): Project {
  if (p.tracks.length >= MAX_TRACKS || p.tracks.some((x) => x.id === t.id)) return p;
  const n = p.tracks.length + 1;
  const track = makeTrack(
    { id: t.id, name: t.name ?? `Track ${n}`, role: t.role ?? 'other', color: t.color ?? (TRACK_COLORS[n % TRACK_COLORS.length] as string) },
    p.buses,
  );
  const tracks = [...p.tracks];
  tracks.splice(t.index === undefined ? tracks.length : Math.max(0, Math.min(tracks.length, t.index)), 0, track);
  return { ...p, tracks };
}

/** Removes a track and any audio only it used. */
export function removeTrack(p: Project, id: string): Project {
  if (!p.tracks.some((t) => t.id === id)) return p;
  return withDuration(dropUnusedAssets({ ...p, tracks: p.tracks.filter((t) => t.id !== id) }));
}

/** Names are plain text, trimmed to 60 characters; an empty name keeps the old one. */
export function renameTrack(p: Project, id: string, name: string): Project {
  const clean = cleanName(name, 60);
  return clean ? mapTrack(p, id, (t) => (t.name === clean ? t : { ...t, name: clean })) : p;
}

export function setTrackDetune(p: Project, id: string, cents: number): Project {
  const c = inRange(cents, 'detuneCents');
  return mapTrack(p, id, (t) => (t.detuneCents === c ? t : { ...t, detuneCents: c }));
}

/** Wow and flutter depth, cents, clamped to 0..20. */
export function setTrackWow(p: Project, id: string, cents: number): Project {
  const c = inRange(cents, 'wowCents');
  return mapTrack(p, id, (t) => (t.wowCents === c ? t : { ...t, wowCents: c }));
}

export function setTrackColor(p: Project, id: string, color: string): Project {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return p;
  return mapTrack(p, id, (t) => (t.color === color ? t : { ...t, color }));
}

export function moveTrack(p: Project, id: string, toIndex: number): Project {
  const from = p.tracks.findIndex((t) => t.id === id);
  if (from < 0) return p;
  const to = Math.max(0, Math.min(p.tracks.length - 1, Math.round(toIndex)));
  if (to === from) return p;
  const tracks = [...p.tracks];
  const [t] = tracks.splice(from, 1);
  tracks.splice(to, 0, t as Track);
  return { ...p, tracks };
}

/** Plain text for names: control characters removed, whitespace collapsed, trimmed, at most max characters. */
export function cleanName(name: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

// ---- clips ---------------------------------------------------------------------------------------------

export function findClip(p: Project, clipId: string): { track: Track; clip: Clip } | null {
  for (const track of p.tracks) {
    const clip = track.clips.find((c) => c.id === clipId);
    if (clip) return { track, clip };
  }
  return null;
}

function mapClip(p: Project, clipId: string, fn: (c: Clip) => Clip): Project {
  const found = findClip(p, clipId);
  if (!found) return p;
  return withDuration(
    mapTrack(p, found.track.id, (t) => {
      const next = fn(found.clip);
      return next === found.clip ? t : { ...t, clips: t.clips.map((c) => (c.id === clipId ? next : c)) };
    }),
  );
}

/** Keeps fades inside the clip: fade-in plus fade-out never exceed its length. */
function fitFades(c: Clip): Clip {
  const fadeInSec = clamp(c.fadeInSec, 0, c.durationSec);
  const fadeOutSec = clamp(c.fadeOutSec, 0, c.durationSec - fadeInSec);
  return fadeInSec === c.fadeInSec && fadeOutSec === c.fadeOutSec ? c : { ...c, fadeInSec, fadeOutSec };
}

export function addAsset(p: Project, asset: AssetRef): Project {
  return p.assets.some((a) => a.id === asset.id) ? p : { ...p, assets: [...p.assets, asset] };
}

export function addClip(p: Project, trackId: string, clip: Clip): Project {
  if (!p.assets.some((a) => a.id === clip.assetId) || findClip(p, clip.id)) return p;
  const fitted = fitFades({ ...clip, startSec: Math.max(0, finite(clip.startSec, 0)), durationSec: Math.max(MIN_CLIP_SEC, clip.durationSec) });
  return withDuration(mapTrack(p, trackId, (t) => ({ ...t, clips: [...t.clips, fitted] })));
}

/** Moves a clip to a new start time, and to another track if toTrackId is given. */
export function moveClip(p: Project, clipId: string, startSec: number, toTrackId?: string): Project {
  const found = findClip(p, clipId);
  if (!found) return p;
  const start = Math.max(0, finite(startSec, found.clip.startSec));
  if (toTrackId === undefined || toTrackId === found.track.id || !p.tracks.some((t) => t.id === toTrackId))
    return mapClip(p, clipId, (c) => (c.startSec === start ? c : { ...c, startSec: start }));
  const moved = { ...found.clip, startSec: start };
  const tracks = p.tracks.map((t) =>
    t.id === found.track.id ? { ...t, clips: t.clips.filter((c) => c.id !== clipId) } : t.id === toTrackId ? { ...t, clips: [...t.clips, moved] } : t,
  );
  return withDuration({ ...p, tracks });
}

/**
 * Moves a clip's left edge to a song time, keeping the audio where it is: the offset into the asset moves too.
 * The edge cannot go before the asset's start or past the clip's end.
 */
export function trimClipStart(p: Project, clipId: string, newStartSec: number): Project {
  return mapClip(p, clipId, (c) => {
    const end = c.startSec + c.durationSec;
    const earliest = c.startSec - c.offsetSec;
    const start = clamp(newStartSec, Math.max(0, earliest), end - MIN_CLIP_SEC);
    if (start === c.startSec) return c;
    return fitFades({ ...c, startSec: start, offsetSec: c.offsetSec + (start - c.startSec), durationSec: end - start });
  });
}

/**
 * Moves a clip's right edge to a song time.
 * @param sourceSec the asset's length, seconds: the edge cannot go past the end of the audio
 */
export function trimClipEnd(p: Project, clipId: string, newEndSec: number, sourceSec = Infinity): Project {
  return mapClip(p, clipId, (c) => {
    const latest = c.startSec + (sourceSec - c.offsetSec);
    const end = clamp(newEndSec, c.startSec + MIN_CLIP_SEC, latest);
    const durationSec = end - c.startSec;
    return durationSec === c.durationSec ? c : fitFades({ ...c, durationSec });
  });
}

/** Cuts a clip in two at a song time; the right part gets newId. Nothing happens at or near an edge. */
export function splitClip(p: Project, clipId: string, atSec: number, newId: string): Project {
  const found = findClip(p, clipId);
  if (!found || findClip(p, newId)) return p;
  const c = found.clip;
  const left = atSec - c.startSec;
  const right = c.startSec + c.durationSec - atSec;
  if (!(left >= MIN_CLIP_SEC && right >= MIN_CLIP_SEC)) return p;
  const a: Clip = fitFades({ ...c, durationSec: left, fadeOutSec: 0 });
  const b: Clip = fitFades({ ...c, id: newId, startSec: atSec, offsetSec: c.offsetSec + left, durationSec: right, fadeInSec: 0 });
  return mapTrack(p, found.track.id, (t) => ({ ...t, clips: t.clips.flatMap((x) => (x.id === clipId ? [a, b] : [x])) }));
}

/** The clips under a song time, on one track or all. */
export function clipsAt(p: Project, sec: number, trackId?: string): Clip[] {
  return p.tracks
    .filter((t) => trackId === undefined || t.id === trackId)
    .flatMap((t) => t.clips.filter((c) => sec > c.startSec && sec < c.startSec + c.durationSec));
}

/** Places a copy of a clip right after it, on the same track. */
export function duplicateClip(p: Project, clipId: string, newId: string): Project {
  const found = findClip(p, clipId);
  if (!found || findClip(p, newId)) return p;
  const copy: Clip = { ...found.clip, id: newId, startSec: found.clip.startSec + found.clip.durationSec };
  return withDuration(mapTrack(p, found.track.id, (t) => ({ ...t, clips: [...t.clips, copy] })));
}

export function deleteClip(p: Project, clipId: string): Project {
  const found = findClip(p, clipId);
  if (!found) return p;
  return withDuration(dropUnusedAssets(mapTrack(p, found.track.id, (t) => ({ ...t, clips: t.clips.filter((c) => c.id !== clipId) }))));
}

export function setClipFades(p: Project, clipId: string, fades: { fadeInSec?: number; fadeOutSec?: number }): Project {
  return mapClip(p, clipId, (c) => {
    const fadeInSec = fades.fadeInSec === undefined ? c.fadeInSec : clamp(fades.fadeInSec, 0, c.durationSec);
    const fadeOutSec = fades.fadeOutSec === undefined ? c.fadeOutSec : clamp(fades.fadeOutSec, 0, c.durationSec);
    // The fade being dragged wins; the other one gives way.
    const next =
      fades.fadeInSec !== undefined
        ? { ...c, fadeInSec, fadeOutSec: Math.min(fadeOutSec, c.durationSec - fadeInSec) }
        : { ...c, fadeOutSec, fadeInSec: Math.min(fadeInSec, c.durationSec - fadeOutSec) };
    return next.fadeInSec === c.fadeInSec && next.fadeOutSec === c.fadeOutSec ? c : next;
  });
}

export function setClipGain(p: Project, clipId: string, gainDb: number): Project {
  const g = inRange(gainDb, 'clipGainDb');
  return mapClip(p, clipId, (c) => (c.gainDb === g ? c : { ...c, gainDb: g }));
}

/** User audio no clip plays any more is dropped with the last clip; the demo's stems stay listed. */
function dropUnusedAssets(p: Project): Project {
  const used = new Set(p.tracks.flatMap((t) => t.clips.map((c) => c.assetId)));
  const assets = p.assets.filter((a) => a.source === 'url' || used.has(a.id));
  return assets.length === p.assets.length ? p : { ...p, assets };
}

// ---- automation --------------------------------------------------------------------------------------

function clampPoint(param: AutomationParam, pt: AutomationPoint, durationSec: number): AutomationPoint {
  return {
    timeSec: clamp(pt.timeSec, 0, durationSec),
    value: param === 'volume' ? clampFaderDb(pt.value) : clampPan(pt.value),
  };
}

const byTime = (a: AutomationPoint, b: AutomationPoint): number => a.timeSec - b.timeSec;

export function addAutomationPoint(p: Project, trackId: string, param: AutomationParam, pt: AutomationPoint): Project {
  return mapTrack(p, trackId, (t) => {
    const lane = t.automation[param];
    if (lane.length >= MAX_AUTOMATION_POINTS) return t;
    const next = [...lane, clampPoint(param, pt, p.durationSec)].sort(byTime);
    return { ...t, automation: { ...t.automation, [param]: next } };
  });
}

/** Moves the point at index; the lane stays sorted, so the point's index may change. */
export function moveAutomationPoint(p: Project, trackId: string, param: AutomationParam, index: number, pt: AutomationPoint): Project {
  return mapTrack(p, trackId, (t) => {
    const lane = t.automation[param];
    const old = lane[index];
    if (!old) return t;
    const moved = clampPoint(param, pt, p.durationSec);
    if (moved.timeSec === old.timeSec && moved.value === old.value) return t;
    const next = lane.map((x, i) => (i === index ? moved : x)).sort(byTime);
    return { ...t, automation: { ...t.automation, [param]: next } };
  });
}

export function removeAutomationPoint(p: Project, trackId: string, param: AutomationParam, index: number): Project {
  return mapTrack(p, trackId, (t) => {
    if (!t.automation[param][index]) return t;
    return { ...t, automation: { ...t.automation, [param]: t.automation[param].filter((_, i) => i !== index) } };
  });
}

export function clearAutomation(p: Project, trackId: string, param: AutomationParam): Project {
  return mapTrack(p, trackId, (t) => (t.automation[param].length === 0 ? t : { ...t, automation: { ...t.automation, [param]: [] } }));
}

/**
 * The value of a lane at a time: straight lines between points, flat before the first and after the last.
 * Volume lanes interpolate in dB, as a fader moves.
 */
export function automationValueAt(lane: readonly AutomationPoint[], sec: number): number | null {
  const first = lane[0];
  if (!first) return null;
  if (sec <= first.timeSec) return first.value;
  for (let i = 1; i < lane.length; i++) {
    const b = lane[i] as AutomationPoint;
    if (sec <= b.timeSec) {
      const a = lane[i - 1] as AutomationPoint;
      const span = b.timeSec - a.timeSec;
      return span > 0 ? a.value + ((b.value - a.value) * (sec - a.timeSec)) / span : b.value;
    }
  }
  return (lane[lane.length - 1] as AutomationPoint).value;
}

// ---- markers -----------------------------------------------------------------------------------------

export function addMarker(p: Project, marker: Marker): Project {
  if (p.markers.some((m) => m.id === marker.id) || p.markers.length >= 500) return p;
  const m = { id: marker.id, timeSec: clamp(marker.timeSec, 0, p.durationSec), name: cleanName(marker.name, 40) || 'Marker' };
  return { ...p, markers: [...p.markers, m].sort((a, b) => a.timeSec - b.timeSec) };
}

export function removeMarker(p: Project, id: string): Project {
  return p.markers.some((m) => m.id === id) ? { ...p, markers: p.markers.filter((m) => m.id !== id) } : p;
}

export function renameMarker(p: Project, id: string, name: string): Project {
  const clean = cleanName(name, 40);
  if (!clean) return p;
  return p.markers.some((m) => m.id === id && m.name !== clean) ? { ...p, markers: p.markers.map((m) => (m.id === id ? { ...m, name: clean } : m)) } : p;
}
