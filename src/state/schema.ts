/**
 * The boundary where a project enters from outside (a project file, the autosave, a share link): validation,
 * migration and clamping. Everything past `parseProject` may trust the types.
 *
 * Rules, in order of how bad the input is:
 * - Input that cannot be read as a project is rejected with a `ProjectFileError` that names the file, the field's
 *   path and what it must be: wrong types, missing fields, NaN or ±Infinity (JSON cannot carry them, so they mean
 *   a damaged or hostile object), `__proto__`/`constructor`/`prototype` keys at any depth, ids that are not
 *   /^[A-Za-z0-9_-]{1,64}$/, duplicate ids, clips naming an asset that does not exist, durations ≤ 0,
 *   unknown bus effect types, URLs that leave the page's origin, more items than PROJECT_LIMITS allows,
 *   and versions newer than this build reads.
 * - Numbers that can be read but sit outside their range (a fader at +1e308 dB, a clip at −3 s) are clamped into
 *   range, with a warning naming the field.
 * - Cosmetic fields fall back with a warning: colours that are not #rrggbb, unknown track roles, unknown loudness
 *   targets. Sends to a bus that does not exist are dropped with a warning.
 * - Text (names, title, file names) is kept as plain text: `<`, `>` and `&` are left alone because "Bass <DI>" is
 *   a fine name and stripping them is no defence anyway. The defence is that text is only ever rendered as text
 *   (React escapes it; nothing may pass it to innerHTML). Control characters, line separators and bidi
 *   overrides (which can disguise text) become a single space, and over-long text is cut, with a warning.
 * - The result is built fresh, field by field, from plain literals: it shares no object with the input and
 *   carries no key the model does not define.
 */
import * as v from 'valibot';
import { RANGES as R } from './edits';
import { FADER_MIN_DB } from '../dsp/decibels';
import {
  clampFaderDb,
  clampPanValue,
  DEFAULT_INSERTS,
  defaultBuses,
  makeClip,
  makeTrack,
  PROJECT_VERSION,
  type AssetRef,
  type Automation,
  type AutomationPoint,
  type Bus,
  type BusEffect,
  type Clip,
  type Inserts,
  type Marker,
  type Project,
  type Send,
  type StripSettings,
  type Track,
  type TrackRole,
} from './project';
import { clampMastering, DEFAULT_MASTERING, type LoudnessTargetId, type MasteringSettings } from './mastering';

/** Hard limits on what a project may hold; beyond them a project is rejected, not trimmed. */
export const PROJECT_LIMITS = {
  maxTracks: 256,
  maxBuses: 16,
  maxAssets: 1024,
  maxClipsPerTrack: 4096,
  maxSendsPerTrack: 16,
  maxAutomationPoints: 10_000,
  maxMarkers: 1024,
  /** The latest time anything may sit at on the timeline, seconds (10 hours). */
  maxTimeSec: 36_000,
  maxTitleLength: 120,
  maxNameLength: 80,
  maxKeyNameLength: 40,
  maxFileNameLength: 255,
  maxUrlLength: 2048,
  /** Nesting depth of the raw data; a project needs about 8. */
  maxDepth: 32,
  /** Values (objects, arrays and leaves) in the raw data. */
  maxValues: 5_000_000,
} as const;

/** What every id must look like. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** What every colour must look like. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** The colour a track or bus falls back to when its own is not #rrggbb. */
export const FALLBACK_COLOR = '#8aa4c8';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const ROLES: Readonly<Record<TrackRole, true>> = {
  kick: true, snare: true, hats: true, tambourine: true, bass: true, piano: true,
  guitar: true, strings: true, lead: true, vocal: true, other: true,
};
const TARGET_IDS: Readonly<Record<LoudnessTargetId, true>> = {
  streaming: true, apple: true, 'ebu-r128': true, 'aes-td1008': true, custom: true,
};

/** A project (or project file) that cannot be opened; the message names the file and the reason. */
export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
  /**
   * @param fileName what the user opened, e.g. "my song.earshot"
   * @param reason the problem, e.g. "tracks[3].clips[0].startSec must be a number ≥ 0"
   * @param message the whole sentence; by default `"<file>" is not a valid project: <reason>`
   */
  constructor(
    readonly fileName: string,
    readonly reason: string,
    message = `${quoteName(fileName)} is not a valid project: ${reason}`,
  ) {
    super(message);
  }
}

/** A file name as it appears in a message: quoted, cleaned, short. */
export function quoteName(fileName: string): string {
  return `"${cleanText(fileName, 120).text}"`;
}

/** Receives one warning: a sentence naming the field that was changed. */
export type Warn = (message: string) => void;
const quiet: Warn = () => {};

// ---------------------------------------------------------------------------------------------------------------
// Raw data checks, before any field is read

/**
 * Looks through raw data for what must never be read as a project: forbidden keys (`__proto__`,
 * `constructor`, `prototype`) at any depth, nesting deeper than PROJECT_LIMITS.maxDepth (which also stops
 * cycles), and more than PROJECT_LIMITS.maxValues values.
 * @returns the reason, naming the path, or undefined when the data is safe to read
 */
export function unsafeDataReason(raw: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: raw, path: '', depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++count > PROJECT_LIMITS.maxValues) return `it holds more than ${PROJECT_LIMITS.maxValues} values`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= PROJECT_LIMITS.maxDepth) return `${path || 'the data'} is nested more than ${PROJECT_LIMITS.maxDepth} levels deep`;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return `${at}: the key "${key}" is not allowed`;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const isControl = (c: number): boolean =>
  c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/**
 * Text as plain text: each run of control characters, line separators or bidi controls becomes one space,
 * the ends are trimmed, and the text is cut to `maxLength` code points (never inside a surrogate pair).
 * Markup is left alone: render the result as text, never as HTML.
 */
export function cleanText(s: string, maxLength: number): { text: string; hadControls: boolean; cut: boolean } {
  let out = '';
  let hadControls = false;
  let inRun = false;
  // Read at most what could survive the cut (a code point is at most 2 units), plus slack for a trimmed start.
  const limit = Math.min(s.length, maxLength * 2 + 64);
  for (let i = 0; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (isControl(c)) {
      hadControls = true;
      if (!inRun) out += ' ';
      inRun = true;
    } else {
      out += s[i];
      inRun = false;
    }
  }
  const trimmed = out.trim();
  const points = Array.from(trimmed);
  const cut = points.length > maxLength || limit < s.length;
  return { text: cut ? points.slice(0, maxLength).join('').trimEnd() : trimmed, hadControls, cut };
}

function text(s: string, maxLength: number, path: string, warn: Warn): string {
  const r = cleanText(s, maxLength);
  if (r.hadControls) warn(`${path} held control characters; each run became a space`);
  if (r.cut) warn(`${path} was longer than ${maxLength} characters; it was cut`);
  return r.text;
}

// ---------------------------------------------------------------------------------------------------------------
// Clamping

const fmt = (n: number): string => String(n);

/**
 * `v` inside lo..hi; a value outside is clamped, and a non-number becomes `fallback`, each with a warning.
 */
export function clampRange(value: number, lo: number, hi: number, fallback: number, path: string, warn: Warn = quiet): number {
  if (!Number.isFinite(value)) {
    warn(`${path} was ${fmt(value)}, not a number; set to ${fallback}`);
    return fallback;
  }
  if (value < lo || value > hi) {
    const r = Math.max(lo, Math.min(hi, value));
    warn(`${path} was ${fmt(value)}, outside ${lo}..${hi}; clamped to ${r}`);
    return r;
  }
  return value;
}

const clampTimeSec = (value: number, path: string, warn: Warn): number => clampRange(value, 0, PROJECT_LIMITS.maxTimeSec, 0, path, warn);

function clampFader(value: number, path: string, warn: Warn): number {
  const r = clampFaderDb(value);
  if (r !== value) warn(`${path} was ${fmt(value)}, outside ${FADER_MIN_DB}..+6 dB; clamped to ${r}`);
  return r;
}

function clampPan(value: number, path: string, warn: Warn): number {
  const r = clampPanValue(value);
  if (r !== value) warn(`${path} was ${fmt(value)}, outside -1..1; clamped to ${r}`);
  return r;
}

/** Every insert parameter inside its range (high-pass 20..2000 Hz, EQ 20..20000 Hz / ±24 dB / Q 0.1..18, …). */
/** The insert ranges are the editor's (RANGES in edits.ts): one table for the UI, the edits and files. */
export function clampInserts(inserts: Inserts, warn: Warn = quiet, path = 'inserts'): Inserts {
  const d = DEFAULT_INSERTS;
  const r = (value: number, lo: number, hi: number, fallback: number, field: string) => clampRange(value, lo, hi, fallback, `${path}.${field}`, warn);
  const { hpf, eq, comp, sat } = inserts;
  return {
    hpf: { bypass: hpf.bypass, freqHz: r(hpf.freqHz, ...R.hpfHz, d.hpf.freqHz, 'hpf.freqHz') },
    eq: {
      bypass: eq.bypass,
      lowShelf: {
        freqHz: r(eq.lowShelf.freqHz, ...R.eqHz, d.eq.lowShelf.freqHz, 'eq.lowShelf.freqHz'),
        gainDb: r(eq.lowShelf.gainDb, ...R.eqGainDb, 0, 'eq.lowShelf.gainDb'),
      },
      bell1: {
        freqHz: r(eq.bell1.freqHz, ...R.eqHz, d.eq.bell1.freqHz, 'eq.bell1.freqHz'),
        gainDb: r(eq.bell1.gainDb, ...R.eqGainDb, 0, 'eq.bell1.gainDb'),
        q: r(eq.bell1.q, ...R.q, d.eq.bell1.q, 'eq.bell1.q'),
      },
      bell2: {
        freqHz: r(eq.bell2.freqHz, ...R.eqHz, d.eq.bell2.freqHz, 'eq.bell2.freqHz'),
        gainDb: r(eq.bell2.gainDb, ...R.eqGainDb, 0, 'eq.bell2.gainDb'),
        q: r(eq.bell2.q, ...R.q, d.eq.bell2.q, 'eq.bell2.q'),
      },
      highShelf: {
        freqHz: r(eq.highShelf.freqHz, ...R.eqHz, d.eq.highShelf.freqHz, 'eq.highShelf.freqHz'),
        gainDb: r(eq.highShelf.gainDb, ...R.eqGainDb, 0, 'eq.highShelf.gainDb'),
      },
    },
    comp: {
      bypass: comp.bypass,
      thresholdDb: r(comp.thresholdDb, ...R.thresholdDb, d.comp.thresholdDb, 'comp.thresholdDb'),
      ratio: r(comp.ratio, ...R.ratio, d.comp.ratio, 'comp.ratio'),
      attackMs: r(comp.attackMs, ...R.attackMs, d.comp.attackMs, 'comp.attackMs'),
      releaseMs: r(comp.releaseMs, ...R.releaseMs, d.comp.releaseMs, 'comp.releaseMs'),
      makeupDb: r(comp.makeupDb, ...R.makeupDb, 0, 'comp.makeupDb'),
    },
    sat: { bypass: sat.bypass, driveDb: r(sat.driveDb, ...R.driveDb, d.sat.driveDb, 'sat.driveDb') },
  };
}

/** A strip's trim (±24 dB), inserts, fader (−60..+6 dB) and pan (−1..1) inside their ranges. */
export function clampStrip(strip: StripSettings, warn: Warn = quiet, path = 'strip'): StripSettings {
  return {
    trimDb: clampRange(strip.trimDb, -24, 24, 0, `${path}.trimDb`, warn),
    inserts: clampInserts(strip.inserts, warn, `${path}.inserts`),
    gainDb: clampFader(strip.gainDb, `${path}.gainDb`, warn),
    pan: clampPan(strip.pan, `${path}.pan`, warn),
    mute: strip.mute,
    solo: strip.solo,
  };
}

/** A bus effect's parameters inside their ranges (reverb decay 0.2..8 s, delay time 1..2000 ms, …). */
export function clampBusEffect(effect: BusEffect, warn: Warn = quiet, path = 'effect'): BusEffect {
  const r = (value: number, lo: number, hi: number, fallback: number, field: string) => clampRange(value, lo, hi, fallback, `${path}.${field}`, warn);
  switch (effect.type) {
    case 'reverb':
      return {
        type: 'reverb',
        decaySec: r(effect.decaySec, 0.2, 8, 1.8, 'decaySec'),
        preDelayMs: r(effect.preDelayMs, 0, 200, 20, 'preDelayMs'),
        dampHz: r(effect.dampHz, 500, 20000, 6000, 'dampHz'),
        lowCutHz: r(effect.lowCutHz, 20, 20000, 20, 'lowCutHz'),
        highCutHz: r(effect.highCutHz, 20, 20000, 20000, 'highCutHz'),
      };
    case 'delay':
      return {
        type: 'delay',
        timeMs: r(effect.timeMs, 1, 2000, 375, 'timeMs'),
        feedback: r(effect.feedback, 0, 0.95, 0.35, 'feedback'),
        toneHz: r(effect.toneHz, 200, 20000, 4000, 'toneHz'),
      };
    case 'none':
      return { type: 'none' };
  }
}

/** Clamps mastering settings (via `clampMastering`), warning about each number that moved. */
function clampMasteringWarn(m: MasteringSettings, path: string, warn: Warn): MasteringSettings {
  const out = clampMastering(m);
  const walk = (a: unknown, b: unknown, at: string) => {
    if (typeof a === 'number' && typeof b === 'number') {
      if (a !== b) warn(`${at} was ${fmt(a)}, outside its range; clamped to ${b}`);
    } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const key of Object.keys(b)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    }
  };
  walk(m, out, path);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas: types and shapes. Ranges are not checked here; the normaliser clamps them with warnings.

const NUMBER = 'must be a number';
const TIME = 'must be a number ≥ 0';
const DURATION = 'must be a number > 0';
const BOOL = 'must be true or false';
const TEXT = 'must be text';
const ID = 'must be an id: 1 to 64 letters, digits, "_" or "-"';

const num = (message = NUMBER) => v.pipe(v.number(message), v.finite(message));
const time = () => num(TIME);
const duration = () => v.pipe(v.number(DURATION), v.finite(DURATION), v.gtValue(0, DURATION));
const bool = () => v.boolean(BOOL);
const str = () => v.string(TEXT);
const id = () => v.pipe(v.string(ID), v.regex(ID_PATTERN, ID));

/** A list of at most `max` items named `noun`, checked for length before any item is read. */
function list<T extends v.GenericSchema>(item: T, max: number, noun: string) {
  return v.pipe(
    v.array(v.unknown(), 'must be a list'),
    v.maxLength(max, (issue) => `${Array.isArray(issue.input) ? issue.input.length : '?'} ${noun} is more than the ${max} allowed`),
    v.array(item, 'must be a list'),
  );
}

const MasteringSchema = v.object({
  enabled: bool(),
  eq: v.object({
    lowShelfDb: num(), lowShelfHz: num(), bellDb: num(), bellHz: num(), bellQ: num(), highShelfDb: num(), highShelfHz: num(),
  }),
  glue: v.object({ enabled: bool(), thresholdDb: num(), ratio: num(), attackMs: num(), releaseMs: num() }),
  widthPct: num(),
  gainDb: num(),
  limiter: v.object({ enabled: bool(), ceilingDb: num(), releaseMs: num() }),
  targetId: v.unknown(),
  customLufs: num(),
  customCeilingDb: num(),
});

const ShelfSchema = v.object({ freqHz: num(), gainDb: num() });
const BellSchema = v.object({ freqHz: num(), gainDb: num(), q: num() });
const InsertsSchema = v.object({
  hpf: v.object({ bypass: bool(), freqHz: num() }),
  eq: v.object({ bypass: bool(), lowShelf: ShelfSchema, bell1: BellSchema, bell2: BellSchema, highShelf: ShelfSchema }),
  comp: v.object({ bypass: bool(), thresholdDb: num(), ratio: num(), attackMs: num(), releaseMs: num(), makeupDb: num() }),
  sat: v.object({ bypass: bool(), driveDb: num() }),
});

const stripEntries = {
  trimDb: num(),
  inserts: InsertsSchema,
  gainDb: num(),
  pan: num(),
  mute: bool(),
  solo: bool(),
};

const PointSchema = v.object({ timeSec: time(), value: num() });
const ClipV2Schema = v.object({
  id: id(),
  assetId: id(),
  startSec: time(),
  offsetSec: time(),
  durationSec: duration(),
  gainDb: num(),
  fadeInSec: time(),
  fadeOutSec: time(),
});
const TrackV2Schema = v.object({
  id: id(),
  name: str(),
  role: v.unknown(),
  color: v.unknown(),
  detuneCents: v.optional(num(), 0),
  wowCents: v.optional(num(), 0),
  duck: v.optional(v.nullable(v.object({ keyTrackId: id(), depthDb: num(), releaseMs: num() })), null),
  ...stripEntries,
  clips: list(ClipV2Schema, PROJECT_LIMITS.maxClipsPerTrack, 'clips'),
  sends: list(v.object({ busId: id(), levelDb: num(), pre: bool() }), PROJECT_LIMITS.maxSendsPerTrack, 'sends'),
  automation: v.object({
    volume: list(PointSchema, PROJECT_LIMITS.maxAutomationPoints, 'points'),
    pan: list(PointSchema, PROJECT_LIMITS.maxAutomationPoints, 'points'),
  }),
});
const EFFECT = 'must be "reverb", "delay" or "none"';
const EffectSchema = v.variant(
  'type',
  [
    v.object({
      type: v.literal('reverb', EFFECT),
      decaySec: num(),
      preDelayMs: num(),
      dampHz: num(),
      lowCutHz: v.optional(num(), 20),
      highCutHz: v.optional(num(), 20000),
    }),
    v.object({ type: v.literal('delay', EFFECT), timeMs: num(), feedback: num(), toneHz: num() }),
    v.object({ type: v.literal('none', EFFECT) }),
  ],
  EFFECT,
);
const BusSchema = v.object({ id: id(), name: str(), color: v.unknown(), ...stripEntries, effect: EffectSchema });
const SOURCE = 'must be "url" or "user"';
const AssetV2Schema = v.object({ id: id(), fileName: str(), source: v.picklist(['url', 'user'], SOURCE), url: str() });
const LoopSchema = v.object({ enabled: bool(), startSec: time(), endSec: time() });

const songEntries = {
  title: str(),
  bpm: num(),
  keyName: str(),
  beatsPerBar: num(),
  bars: num(),
  durationSec: time(),
  loop: LoopSchema,
};

const ProjectV2Schema = v.object({
  ...songEntries,
  assets: list(AssetV2Schema, PROJECT_LIMITS.maxAssets, 'assets'),
  tracks: list(TrackV2Schema, PROJECT_LIMITS.maxTracks, 'tracks'),
  buses: list(BusSchema, PROJECT_LIMITS.maxBuses, 'buses'),
  master: v.object({ gainDb: num(), mastering: MasteringSchema }),
  markers: list(v.object({ id: id(), timeSec: time(), name: str() }), PROJECT_LIMITS.maxMarkers, 'markers'),
  presets: v.optional(list(v.object({ id: id(), ops: v.array(v.unknown()) }), 32, 'presets'), []),
});

/** Version 1: no buses, inserts, sends, automation, clip gain/fades, markers or user assets. */
const ProjectV1Schema = v.object({
  ...songEntries,
  assets: list(v.object({ id: id(), fileName: str(), url: str() }), PROJECT_LIMITS.maxAssets, 'assets'),
  tracks: list(
    v.object({
      id: id(),
      name: str(),
      role: v.unknown(),
      color: v.unknown(),
      gainDb: num(),
      pan: num(),
      mute: bool(),
      solo: bool(),
      clips: list(
        v.object({ id: id(), assetId: id(), startSec: time(), offsetSec: time(), durationSec: duration() }),
        PROJECT_LIMITS.maxClipsPerTrack,
        'clips',
      ),
    }),
    PROJECT_LIMITS.maxTracks,
    'tracks',
  ),
  // The earliest version-1 projects had no mastering chain.
  master: v.object({ gainDb: num(), mastering: v.optional(MasteringSchema) }),
});

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
/** What the normaliser reads: version 2's shape, types checked, ranges not yet. */
type ProjectV2Input = DeepReadonly<v.InferOutput<typeof ProjectV2Schema>>;
type ProjectV1Input = v.InferOutput<typeof ProjectV1Schema>;

// ---------------------------------------------------------------------------------------------------------------
// Reading the issues valibot reports

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = pathOf(issue);
  const last = issue.path?.[issue.path.length - 1];
  if (last && last.origin === 'key') return `${path} is missing`;
  if (issue.type === 'max_length') {
    // "10000 tracks is more than the 256 allowed"; nested lists say where they are.
    return /[.[]/.test(path) ? `${path}: ${issue.message}` : issue.message;
  }
  const message = issue.type === 'object' ? 'must be an object' : issue.message;
  return path ? `${path} ${message}` : `the project ${message}`;
}

function check<T extends v.GenericSchema>(schema: T, raw: unknown, fileName: string): v.InferOutput<T> {
  const result = v.safeParse(schema, raw, { abortEarly: true });
  if (!result.success) throw new ProjectFileError(fileName, describeIssue(result.issues[0]));
  return result.output;
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations

/** Version 1 → 2: every track gains a default strip, sends (off) to the two default buses, and no automation. */
function migrateV1(p: ProjectV1Input): ProjectV2Input {
  const buses = defaultBuses();
  return {
    title: p.title,
    bpm: p.bpm,
    keyName: p.keyName,
    beatsPerBar: p.beatsPerBar,
    bars: p.bars,
    durationSec: p.durationSec,
    loop: p.loop,
    assets: p.assets.map((a) => ({ id: a.id, fileName: a.fileName, source: 'url' as const, url: a.url })),
    tracks: p.tracks.map((t) =>
      makeTrack(
        {
          // role and colour are checked by the normaliser, like version 2's.
          id: t.id, name: t.name, role: t.role as TrackRole, color: t.color as string,
          gainDb: t.gainDb, pan: t.pan, mute: t.mute, solo: t.solo,
          clips: t.clips.map((c) => makeClip({ id: c.id, assetId: c.assetId, startSec: c.startSec, offsetSec: c.offsetSec, durationSec: c.durationSec })),
        },
        buses,
      ),
    ),
    buses,
    master: { gainDb: p.master.gainDb, mastering: p.master.mastering ?? DEFAULT_MASTERING },
    markers: [],
    presets: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising: ranges, references, text; building the project fresh

/** A path on this site: no scheme ("https:", "javascript:", "data:"), not protocol-relative, no backslash, space or control character. */
function isSiteUrl(url: string): boolean {
  if (url.length === 0 || url.length > PROJECT_LIMITS.maxUrlLength) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || /[\\\s]/.test(url)) return false;
  for (let i = 0; i < url.length; i++) if (isControl(url.charCodeAt(i))) return false;
  return true;
}

class Normaliser {
  readonly warnings: string[] = [];
  private dropped = 0;
  constructor(readonly fileName: string) {}

  readonly warn: Warn = (message) => {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.dropped++;
  };

  finish(): string[] {
    if (this.dropped > 0) this.warnings.push(`… and ${this.dropped} more changes`);
    return this.warnings;
  }

  fail(reason: string): never {
    throw new ProjectFileError(this.fileName, reason);
  }

  color(value: unknown, path: string): string {
    if (typeof value === 'string' && COLOR_PATTERN.test(value)) return value;
    this.warn(`${path} ${describeValue(value)} is not a #rrggbb colour; using ${FALLBACK_COLOR}`);
    return FALLBACK_COLOR;
  }

  role(value: unknown, path: string): TrackRole {
    if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROLES, value)) return value as TrackRole;
    this.warn(`${path} ${describeValue(value)} is not a known role; using "other"`);
    return 'other';
  }

  project(p: ProjectV2Input): Project {
    const w = this.warn;
    const L = PROJECT_LIMITS;

    const stripIds = new Map<string, string>();
    const claim = (ids: Map<string, string>, value: string, path: string) => {
      const first = ids.get(value);
      if (first !== undefined) this.fail(`${path} "${value}" is already used by ${first}`);
      ids.set(value, path);
    };

    const assetIds = new Map<string, string>();
    const assets: AssetRef[] = p.assets.map((a, i) => {
      const at = `assets[${i}]`;
      claim(assetIds, a.id, `${at}.id`);
      let url = '';
      if (a.source === 'url') {
        if (!isSiteUrl(a.url)) {
          this.fail(`${at}.url must be a path on this site (no scheme, no "//", at most ${L.maxUrlLength} characters)`);
        }
        url = a.url;
      }
      return { id: a.id, fileName: text(a.fileName, L.maxFileNameLength, `${at}.fileName`, w), source: a.source, url };
    });

    const busIds = new Set<string>();
    const buses: Bus[] = p.buses.map((b, i) => {
      const at = `buses[${i}]`;
      claim(stripIds, b.id, `${at}.id`);
      busIds.add(b.id);
      return {
        ...clampStrip(b, w, at),
        id: b.id,
        name: text(b.name, L.maxNameLength, `${at}.name`, w),
        color: this.color(b.color, `${at}.color`),
        effect: clampBusEffect(b.effect, w, `${at}.effect`),
      };
    });

    const clipIds = new Map<string, string>();
    const tracks: Track[] = p.tracks.map((t, i) => {
      const at = `tracks[${i}]`;
      claim(stripIds, t.id, `${at}.id`);
      const clips: Clip[] = t.clips.map((c, j) => {
        const cat = `${at}.clips[${j}]`;
        claim(clipIds, c.id, `${cat}.id`);
        if (!assetIds.has(c.assetId)) this.fail(`${cat}.assetId "${c.assetId}" names no asset in the project`);
        const durationSec = clampRange(c.durationSec, 0, L.maxTimeSec, 1, `${cat}.durationSec`, w);
        let fadeInSec = clampRange(c.fadeInSec, 0, durationSec, 0, `${cat}.fadeInSec`, w);
        let fadeOutSec = clampRange(c.fadeOutSec, 0, durationSec, 0, `${cat}.fadeOutSec`, w);
        if (fadeInSec + fadeOutSec > durationSec) {
          const scale = durationSec / (fadeInSec + fadeOutSec);
          fadeInSec *= scale;
          fadeOutSec *= scale;
          w(`${cat}: the fades were longer than the clip; both were shortened to fit`);
        }
        return {
          id: c.id,
          assetId: c.assetId,
          startSec: clampTimeSec(c.startSec, `${cat}.startSec`, w),
          offsetSec: clampTimeSec(c.offsetSec, `${cat}.offsetSec`, w),
          durationSec,
          gainDb: clampRange(c.gainDb, -48, 24, 0, `${cat}.gainDb`, w),
          fadeInSec,
          fadeOutSec,
        };
      });
      const seen = new Set<string>();
      const sends: Send[] = [];
      t.sends.forEach((s, j) => {
        const sat = `${at}.sends[${j}]`;
        if (!busIds.has(s.busId)) return w(`${sat} went to a bus "${s.busId}" that does not exist; it was removed`);
        if (seen.has(s.busId)) return w(`${sat} was a second send to bus "${s.busId}"; it was removed`);
        seen.add(s.busId);
        sends.push({ busId: s.busId, levelDb: clampFader(s.levelDb, `${sat}.levelDb`, w), pre: s.pre });
      });
      const automation: Automation = {
        volume: this.lane(t.automation.volume, `${at}.automation.volume`, (value, path) => clampFader(value, path, w)),
        pan: this.lane(t.automation.pan, `${at}.automation.pan`, (value, path) => clampPan(value, path, w)),
      };
      return {
        ...clampStrip(t, w, at),
        id: t.id,
        name: text(t.name, L.maxNameLength, `${at}.name`, w),
        role: this.role(t.role, `${at}.role`),
        color: this.color(t.color, `${at}.color`),
        detuneCents: clampRange(t.detuneCents, -50, 50, 0, `${at}.detuneCents`, w),
        wowCents: clampRange(t.wowCents, 0, 20, 0, `${at}.wowCents`, w),
        duck: t.duck
          ? {
              keyTrackId: t.duck.keyTrackId,
              depthDb: clampRange(t.duck.depthDb, 0, 24, 9, `${at}.duck.depthDb`, w),
              releaseMs: clampRange(t.duck.releaseMs, 20, 1000, 180, `${at}.duck.releaseMs`, w),
            }
          : null,
        clips,
        sends,
        automation,
      };
    });

    const markerIds = new Map<string, string>();
    const markers: Marker[] = p.markers.map((m, i) => {
      const at = `markers[${i}]`;
      claim(markerIds, m.id, `${at}.id`);
      return { id: m.id, timeSec: clampTimeSec(m.timeSec, `${at}.timeSec`, w), name: text(m.name, L.maxNameLength, `${at}.name`, w) };
    });

    let durationSec = clampTimeSec(p.durationSec, 'durationSec', w);
    let contentEnd = 0;
    for (const t of tracks) for (const c of t.clips) contentEnd = Math.max(contentEnd, c.startSec + c.durationSec);
    if (durationSec < contentEnd) {
      w(`durationSec was ${durationSec}, before the end of the last clip; set to ${contentEnd}`);
      durationSec = contentEnd;
    }
    let loopStart = clampRange(p.loop.startSec, 0, durationSec, 0, 'loop.startSec', w);
    let loopEnd = clampRange(p.loop.endSec, 0, durationSec, durationSec, 'loop.endSec', w);
    if (loopEnd < loopStart) {
      w('loop.endSec was before loop.startSec; they were swapped');
      [loopStart, loopEnd] = [loopEnd, loopStart];
    }

    let mastering = p.master.mastering;
    if (typeof mastering.targetId !== 'string' || !Object.prototype.hasOwnProperty.call(TARGET_IDS, mastering.targetId)) {
      w(`master.mastering.targetId ${describeValue(mastering.targetId)} is not a known loudness target; using "streaming"`);
      mastering = { ...mastering, targetId: 'streaming' };
    }

    return {
      version: PROJECT_VERSION,
      title: text(p.title, L.maxTitleLength, 'title', w),
      bpm: clampRange(p.bpm, 20, 400, 120, 'bpm', w),
      keyName: text(p.keyName, L.maxKeyNameLength, 'keyName', w),
      beatsPerBar: clampRange(Math.round(p.beatsPerBar), 1, 16, 4, 'beatsPerBar', w),
      bars: clampRange(Math.round(p.bars), 1, 10_000, 8, 'bars', w),
      durationSec,
      assets,
      tracks,
      buses,
      master: {
        gainDb: clampFader(p.master.gainDb, 'master.gainDb', w),
        mastering: clampMasteringWarn(mastering as MasteringSettings, 'master.mastering', w),
      },
      loop: { enabled: p.loop.enabled, startSec: loopStart, endSec: loopEnd },
      markers,
      // What each technique changed; taking one out re-validates the result, so these ops cannot smuggle in bad values.
      presets: p.presets.map((x) => ({ id: x.id, ops: x.ops })),
    };
  }

  private lane(
    points: readonly { timeSec: number; value: number }[],
    path: string,
    clampValue: (value: number, path: string) => number,
  ): AutomationPoint[] {
    const out = points.map((pt, i) => ({ timeSec: clampTimeSec(pt.timeSec, `${path}[${i}].timeSec`, this.warn), value: clampValue(pt.value, `${path}[${i}].value`) }));
    if (out.some((pt, i) => i > 0 && pt.timeSec < out[i - 1]!.timeSec)) {
      this.warn(`${path} was out of time order; it was sorted`);
      out.sort((a, b) => a.timeSec - b.timeSec);
    }
    return out;
  }
}

const MAX_WARNINGS = 50;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${cleanText(value, 40).text}"`;
  if (value === undefined) return '(missing)';
  if (typeof value === 'object') return value === null ? 'null' : Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads a project from outside: validates it, migrates older versions to the current one, and clamps what can be
 * clamped.
 * @param raw the decoded JSON (or a structured-cloned object, which may hold NaN and Infinity)
 * @param sourceName what to call the input in messages, e.g. the file name "my song.earshot"
 * @returns a fresh project, and the changes made to it, one sentence each (empty when it was clean)
 * @throws ProjectFileError naming `sourceName`, the field's path and the reason
 */
export function parseProject(raw: unknown, sourceName: string): { project: Project; warnings: string[] } {
  const unsafe = unsafeDataReason(raw);
  if (unsafe) throw new ProjectFileError(sourceName, unsafe);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ProjectFileError(sourceName, 'the top level must be an object');
  const version: unknown = (raw as Record<string, unknown>).version;
  if (version === undefined) throw new ProjectFileError(sourceName, 'version is missing');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectFileError(sourceName, `version must be a whole number from 1 to ${PROJECT_VERSION}`);
  }
  if (version > PROJECT_VERSION) {
    throw new ProjectFileError(
      sourceName,
      `it uses project format ${version}, newer than this version of Earshot reads (up to ${PROJECT_VERSION})`,
      `${quoteName(sourceName)} was saved by a newer version of Earshot (project format ${version}; this one reads up to ${PROJECT_VERSION}). Update Earshot to open it.`,
    );
  }
  const input: ProjectV2Input = version === 1 ? migrateV1(check(ProjectV1Schema, raw, sourceName)) : check(ProjectV2Schema, raw, sourceName);
  const n = new Normaliser(sourceName);
  const project = n.project(input);
  return { project, warnings: n.finish() };
}
