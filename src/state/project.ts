import { FADER_MAX_DB, FADER_MIN_DB } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';
import { DEFAULT_MASTERING, type MasteringSettings } from './mastering';

/** A piece of audio the project plays, fetched and decoded once. */
export interface AssetRef {
  readonly id: string;
  /** File name shown to the user, e.g. "piano.flac". */
  readonly fileName: string;
  /** Where to fetch it, relative to the page. */
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
}

export type TrackRole = 'kick' | 'snare' | 'hats' | 'tambourine' | 'bass' | 'piano' | 'guitar' | 'strings' | 'lead' | 'other';

export interface Track {
  readonly id: string;
  readonly name: string;
  readonly role: TrackRole;
  readonly color: string;
  /** Fader position; FADER_MIN_DB and below is off. */
  readonly gainDb: number;
  /** −1 (left) .. +1 (right). */
  readonly pan: number;
  readonly mute: boolean;
  readonly solo: boolean;
  readonly clips: readonly Clip[];
}

export interface LoopRegion {
  readonly enabled: boolean;
  readonly startSec: number;
  readonly endSec: number;
}

export interface Project {
  readonly version: 1;
  readonly title: string;
  readonly bpm: number;
  readonly keyName: string;
  readonly beatsPerBar: number;
  readonly bars: number;
  readonly durationSec: number;
  readonly assets: readonly AssetRef[];
  readonly tracks: readonly Track[];
  readonly master: { readonly gainDb: number; readonly mastering: MasteringSettings };
  readonly loop: LoopRegion;
}

export const clampFaderDb = (v: number): number =>
  Number.isFinite(v) ? Math.max(FADER_MIN_DB, Math.min(FADER_MAX_DB, v)) : FADER_MIN_DB;

export const clampPanValue = clampPan;

export function emptyProject(): Project {
  return {
    version: 1,
    title: 'Untitled',
    bpm: 120,
    keyName: 'C major',
    beatsPerBar: 4,
    bars: 8,
    durationSec: 0,
    assets: [],
    tracks: [],
    master: { gainDb: 0, mastering: DEFAULT_MASTERING },
    loop: { enabled: false, startSec: 0, endSec: 8 },
  };
}
