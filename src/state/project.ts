import { FADER_MAX_DB, FADER_MIN_DB } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';
import { DEFAULT_MASTERING, type MasteringSettings } from './mastering';

/** A piece of audio the project plays, decoded once. */
export interface AssetRef {
  readonly id: string;
  /** File name shown to the user, e.g. "piano.flac". */
  readonly fileName: string;
  /**
   * Where the audio comes from: "url" is fetched relative to the page (the demo's stems);
   * "user" is audio the user imported or recorded, kept beside the project (IndexedDB, project file).
   */
  readonly source: 'url' | 'user';
  /** For source "url": where to fetch it. Empty for user audio. */
  readonly url: string;
}

/** A region of an asset placed on a track. */
export interface Clip {
  readonly id: string;
  readonly assetId: string;
  /** Where the clip starts on the song timeline. */
  readonly startSec: number;
  /** Where in the asset playback begins. */
  readonly offsetSec: number;
  readonly durationSec: number;
  /** Clip gain, dB. */
  readonly gainDb: number;
  /** Fade lengths, seconds; the curve is an equal-power (sine) shape. */
  readonly fadeInSec: number;
  readonly fadeOutSec: number;
}

export type TrackRole = 'kick' | 'snare' | 'hats' | 'tambourine' | 'bass' | 'piano' | 'guitar' | 'strings' | 'lead' | 'vocal' | 'other';

export interface HighPassSettings {
  readonly bypass: boolean;
  readonly freqHz: number;
}

export interface ShelfBand {
  readonly freqHz: number;
  readonly gainDb: number;
}

export interface BellBand extends ShelfBand {
  readonly q: number;
}

export interface EqSettings {
  readonly bypass: boolean;
  readonly lowShelf: ShelfBand;
  readonly bell1: BellBand;
  readonly bell2: BellBand;
  readonly highShelf: ShelfBand;
}

export interface CompressorSettings {
  readonly bypass: boolean;
  readonly thresholdDb: number;
  /** 1..20 (1 = no compression). */
  readonly ratio: number;
  readonly attackMs: number;
  readonly releaseMs: number;
  readonly makeupDb: number;
}

export interface SaturationSettings {
  readonly bypass: boolean;
  /** Drive into the soft clipper, dB (0..36). */
  readonly driveDb: number;
}

/** The inserts of a strip, in signal order. */
export interface Inserts {
  readonly hpf: HighPassSettings;
  readonly eq: EqSettings;
  readonly comp: CompressorSettings;
  readonly sat: SaturationSettings;
}

export type InsertKey = keyof Inserts;

export const INSERT_KEYS: readonly InsertKey[] = ['hpf', 'eq', 'comp', 'sat'];

/** Names as the user sees them, e.g. in "Bypass High-pass Piano". */
export const INSERT_NAMES: Readonly<Record<InsertKey, string>> = {
  hpf: 'High-pass',
  eq: 'EQ',
  comp: 'Compressor',
  sat: 'Saturation',
};

/** Everything a channel strip has, for tracks and buses alike. */
export interface StripSettings {
  /** Input trim, dB (−24..+24). */
  readonly trimDb: number;
  readonly inserts: Inserts;
  /** Fader position; FADER_MIN_DB and below is off. */
  readonly gainDb: number;
  /** −1 (left) .. +1 (right). */
  readonly pan: number;
  readonly mute: boolean;
  readonly solo: boolean;
}

/** A send from a track to a bus. */
export interface Send {
  readonly busId: string;
  /** Send level; FADER_MIN_DB and below is off. */
  readonly levelDb: number;
  /** Pre-fader sends ignore the track's fader (and its automation); post-fader sends follow it. */
  readonly pre: boolean;
}

/** A breakpoint: value at a time on the song timeline. Volume is in dB, pan in −1..+1. */
export interface AutomationPoint {
  readonly timeSec: number;
  readonly value: number;
}

export type AutomationParam = 'volume' | 'pan';

/** When a lane has points it drives its parameter; between points the value moves in a straight line. */
export interface Automation {
  readonly volume: readonly AutomationPoint[];
  readonly pan: readonly AutomationPoint[];
}

export interface Track extends StripSettings {
  readonly id: string;
  readonly name: string;
  readonly role: TrackRole;
  readonly color: string;
  /** Pitch offset of the whole track, cents (−50..+50), without changing its timing: how doubled parts are detuned. */
  readonly detuneCents: number;
  /** Depth of tape wow and flutter, cents (0..20, 0 = off): a slow and a fast wobble of pitch around detuneCents. */
  readonly wowCents: number;
  /** Sidechain ducking: this track dips whenever the key track plays (e.g. the bass under the kick); null for none. */
  readonly duck: Duck | null;
  readonly clips: readonly Clip[];
  readonly sends: readonly Send[];
  readonly automation: Automation;
}

export interface Duck {
  /** The track whose sound triggers the dip. */
  readonly keyTrackId: string;
  /** How far the gain dips, dB (0..24). */
  readonly depthDb: number;
  /** Recovery time constant, ms (20..1000). */
  readonly releaseMs: number;
}

export interface ReverbEffect {
  readonly type: 'reverb';
  /** Time for the tail to fall by 60 dB, seconds (0.2..8). */
  readonly decaySec: number;
  readonly preDelayMs: number;
  /** High-frequency damping: the tail's brightness falls towards this, Hz. */
  readonly dampHz: number;
  /** The return is high-passed here (20 = open), Hz: an echo chamber's return loses its boom. */
  readonly lowCutHz: number;
  /** The return is low-passed here (20000 = open), Hz. */
  readonly highCutHz: number;
}

export interface DelayEffect {
  readonly type: 'delay';
  readonly timeMs: number;
  /** 0..0.95 */
  readonly feedback: number;
  /** Low-pass in the feedback loop, Hz: each repeat is darker. */
  readonly toneHz: number;
}

/** A bus with no effect of its own: a strip that tracks send into (e.g. parallel compression). */
export interface NoEffect {
  readonly type: 'none';
}

export type BusEffect = ReverbEffect | DelayEffect | NoEffect;

/** A bus: tracks send into it, its effect processes the sum, and its strip returns it to the master. */
export interface Bus extends StripSettings {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly effect: BusEffect;
}

export interface Marker {
  readonly id: string;
  readonly timeSec: number;
  readonly name: string;
}

/** A technique applied to the project, with what it changed, so it can be taken back out (see presets/patch.ts). */
export interface AppliedPreset {
  readonly id: string;
  readonly ops: readonly unknown[];
}

export interface LoopRegion {
  readonly enabled: boolean;
  readonly startSec: number;
  readonly endSec: number;
}

export const PROJECT_VERSION = 2;

export interface Project {
  readonly version: typeof PROJECT_VERSION;
  readonly title: string;
  readonly bpm: number;
  readonly keyName: string;
  readonly beatsPerBar: number;
  readonly bars: number;
  /** Length of the song: the end of the last clip, or longer. */
  readonly durationSec: number;
  readonly assets: readonly AssetRef[];
  readonly tracks: readonly Track[];
  readonly buses: readonly Bus[];
  readonly master: { readonly gainDb: number; readonly mastering: MasteringSettings };
  readonly loop: LoopRegion;
  readonly markers: readonly Marker[];
  /** Techniques applied, oldest first. */
  readonly presets: readonly AppliedPreset[];
}

export const clampFaderDb = (v: number): number =>
  Number.isFinite(v) ? Math.max(FADER_MIN_DB, Math.min(FADER_MAX_DB, v)) : FADER_MIN_DB;

export const clampPanValue = clampPan;

export const DEFAULT_INSERTS: Inserts = {
  hpf: { bypass: true, freqHz: 80 },
  eq: {
    bypass: false,
    lowShelf: { freqHz: 100, gainDb: 0 },
    bell1: { freqHz: 400, gainDb: 0, q: 1 },
    bell2: { freqHz: 2500, gainDb: 0, q: 1 },
    highShelf: { freqHz: 8000, gainDb: 0 },
  },
  comp: { bypass: true, thresholdDb: -18, ratio: 3, attackMs: 10, releaseMs: 150, makeupDb: 0 },
  sat: { bypass: true, driveDb: 6 },
};

export const REVERB_BUS_ID = 'reverb';
export const DELAY_BUS_ID = 'delay';

export function defaultStrip(): StripSettings {
  return { trimDb: 0, inserts: DEFAULT_INSERTS, gainDb: 0, pan: 0, mute: false, solo: false };
}

/** The two buses every project starts with. */
export function defaultBuses(): Bus[] {
  return [
    {
      ...defaultStrip(),
      id: REVERB_BUS_ID,
      name: 'Reverb',
      color: '#8e7cc3',
      effect: { type: 'reverb', decaySec: 1.8, preDelayMs: 20, dampHz: 6000, lowCutHz: 20, highCutHz: 20000 },
    },
    {
      ...defaultStrip(),
      id: DELAY_BUS_ID,
      name: 'Delay',
      color: '#6fa8dc',
      effect: { type: 'delay', timeMs: 375, feedback: 0.35, toneHz: 4000 },
    },
  ];
}

/** Sends at "off" to each bus, post-fader. */
export function defaultSends(buses: readonly Bus[]): Send[] {
  return buses.map((b) => ({ busId: b.id, levelDb: FADER_MIN_DB, pre: false }));
}

export const EMPTY_AUTOMATION: Automation = { volume: [], pan: [] };

export function makeTrack(fields: Pick<Track, 'id' | 'name' | 'role' | 'color'> & Partial<Track>, buses: readonly Bus[]): Track {
  return {
    ...defaultStrip(),
    detuneCents: 0,
    wowCents: 0,
    duck: null,
    clips: [],
    sends: defaultSends(buses),
    automation: EMPTY_AUTOMATION,
    ...fields,
  };
}

export function makeClip(fields: Pick<Clip, 'id' | 'assetId' | 'startSec' | 'durationSec'> & Partial<Clip>): Clip {
  return { offsetSec: 0, gainDb: 0, fadeInSec: 0, fadeOutSec: 0, ...fields };
}

export function emptyProject(): Project {
  return {
    version: PROJECT_VERSION,
    title: 'Untitled',
    bpm: 120,
    keyName: 'C major',
    beatsPerBar: 4,
    bars: 8,
    durationSec: 16,
    assets: [],
    tracks: [],
    buses: defaultBuses(),
    master: { gainDb: 0, mastering: DEFAULT_MASTERING },
    loop: { enabled: false, startSec: 0, endSec: 8 },
    markers: [],
    presets: [],
  };
}

/** Every strip in the project: tracks, then buses. */
export function allStrips(project: Project): readonly (Track | Bus)[] {
  return [...project.tracks, ...project.buses];
}

/** The end of the last clip, seconds. */
export function contentEndSec(project: Project): number {
  let end = 0;
  for (const t of project.tracks) for (const c of t.clips) end = Math.max(end, c.startSec + c.durationSec);
  return end;
}
