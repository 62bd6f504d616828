/**
 * Reading and writing one number of a strip by a path, for the lessons' explore controls.
 *
 * Paths: on a track or bus 'gainDb', 'pan', 'trimDb', 'inserts.<hpf|eq|comp|sat>.<field>',
 * 'inserts.eq.<lowShelf|bell1|bell2|highShelf>.<field>'; on a track also 'detuneCents', 'wowCents', 'duck.<depthDb|releaseMs>',
 * 'sends.<busId>.levelDb'; on a bus 'effect.<field>'. On 'master': 'gainDb' (the master fader) and
 * 'mastering.<field>' or 'mastering.<eq|glue|limiter>.<field>'.
 * Writes go through the state edits, so values are clamped exactly as the mixer clamps them.
 */
import { clampMastering, type MasteringSettings } from '../../state/mastering';
import { clampFaderDb, INSERT_KEYS, type Bus, type InsertKey, type Project, type Track } from '../../state/project';
import { setBusEffect, setInsert, setSend, setStripGain, setStripPan, setStripTrim, setTrackDetune, setTrackWow } from '../../state/edits';

export const MASTER_STRIP_ID = 'master';

const EQ_BANDS = ['lowShelf', 'bell1', 'bell2', 'highShelf'] as const;
type EqBand = (typeof EQ_BANDS)[number];

const finiteOrUndefined = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Walks plain objects by keys; undefined when a key is missing or a value is not an object on the way. */
function walk(root: unknown, keys: readonly string[]): unknown {
  let at: unknown = root;
  for (const k of keys) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.prototype.hasOwnProperty.call(at, k)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

function stripOf(p: Project, stripId: string): Track | Bus | undefined {
  return p.tracks.find((t) => t.id === stripId) ?? p.buses.find((b) => b.id === stripId);
}

/** The number at a path on a strip, or undefined when the strip or the path does not exist. */
export function readParam(p: Project, stripId: string, param: string): number | undefined {
  const keys = param.split('.');
  if (stripId === MASTER_STRIP_ID) return finiteOrUndefined(walk(p.master, keys));
  const strip = stripOf(p, stripId);
  if (!strip) return undefined;
  if (keys[0] === 'sends') {
    if (keys.length !== 3 || !('sends' in strip)) return undefined;
    const send = strip.sends.find((s) => s.busId === keys[1]);
    return send ? finiteOrUndefined(walk(send, keys.slice(2))) : undefined;
  }
  return finiteOrUndefined(walk(strip, keys));
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** Sets a nested number in a plain object, copying the objects on the way; unchanged when the path is not there. */
function setIn<T>(root: T, keys: readonly string[], value: number): T {
  const [head, ...rest] = keys;
  if (head === undefined || typeof root !== 'object' || root === null || !Object.prototype.hasOwnProperty.call(root, head)) return root;
  const obj = root as Record<string, unknown>;
  const current = obj[head];
  if (rest.length === 0) return typeof current === 'number' ? ({ ...obj, [head]: value } as T) : root;
  const next = setIn(current, rest, value);
  return next === current ? root : ({ ...obj, [head]: next } as T);
}

/**
 * The project with the number at a path set (clamped to its range). Returns the same project when the strip or
 * path does not exist, or when nothing changes.
 */
export function writeParam(p: Project, stripId: string, param: string, value: number): Project {
  if (!Number.isFinite(value) || readParam(p, stripId, param) === undefined) return p;
  const keys = param.split('.');
  if (stripId === MASTER_STRIP_ID) {
    if (param === 'gainDb') {
      const gainDb = clampFaderDb(value);
      return gainDb === p.master.gainDb ? p : { ...p, master: { ...p.master, gainDb } };
    }
    if (keys[0] !== 'mastering') return p;
    const mastering = clampMastering(setIn<MasteringSettings>(p.master.mastering, keys.slice(1), value));
    return JSON.stringify(mastering) === JSON.stringify(p.master.mastering) ? p : { ...p, master: { ...p.master, mastering } };
  }
  const [k0, k1, k2] = keys;
  switch (k0) {
    case 'gainDb':
      return setStripGain(p, stripId, value);
    case 'pan':
      return setStripPan(p, stripId, value);
    case 'trimDb':
      return setStripTrim(p, stripId, value);
    case 'detuneCents':
      return setTrackDetune(p, stripId, value);
    case 'wowCents':
      return setTrackWow(p, stripId, value);
    case 'sends':
      return k1 !== undefined && k2 === 'levelDb' ? setSend(p, stripId, k1, { levelDb: value }) : p;
    case 'effect':
      return k1 !== undefined && keys.length === 2 ? setBusEffect(p, stripId, { [k1]: value }) : p;
    case 'duck':
      return writeDuck(p, stripId, k1, value);
    case 'inserts':
      return writeInsert(p, stripId, keys.slice(1), value);
    default:
      return p;
  }
}

function writeDuck(p: Project, trackId: string, field: string | undefined, value: number): Project {
  const range: Record<string, readonly [number, number]> = { depthDb: [0, 24], releaseMs: [20, 1000] };
  const r = field === undefined ? undefined : range[field];
  if (!r || field === undefined) return p;
  const v = clamp(value, r[0], r[1]);
  let changed = false;
  const tracks = p.tracks.map((t) => {
    if (t.id !== trackId || !t.duck || t.duck[field as 'depthDb' | 'releaseMs'] === v) return t;
    changed = true;
    return { ...t, duck: { ...t.duck, [field]: v } };
  });
  return changed ? { ...p, tracks } : p;
}

function writeInsert(p: Project, stripId: string, keys: readonly string[], value: number): Project {
  const [key, field, sub] = keys;
  if (!(INSERT_KEYS as readonly string[]).includes(key ?? '') || field === undefined) return p;
  const insertKey = key as InsertKey;
  if (insertKey === 'eq' && (EQ_BANDS as readonly string[]).includes(field)) {
    const strip = stripOf(p, stripId);
    if (!strip || sub === undefined) return p;
    const band = field as EqBand;
    return setInsert(p, stripId, 'eq', { [band]: { ...strip.inserts.eq[band], [sub]: value } });
  }
  if (sub !== undefined || field === 'bypass') return p;
  return setInsert(p, stripId, insertKey, { [field]: value });
}
