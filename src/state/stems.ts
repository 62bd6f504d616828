/** Measurements of each track's own audio, which the automatic mix reasons from (made by the engine). */

/** What the engine measured of one track's audio (before its fader). */
export interface StemAnalysis {
  readonly trackId: string;
  /** Integrated loudness of the track's clips as they play, LUFS. */
  readonly lufs: number;
  /** Energy per band of AUTO_MIX_BANDS, dB (relative; only differences matter). */
  readonly bandsDb: readonly number[];
}

/** The bands the auto-mix compares, Hz. */
export const AUTO_MIX_BANDS: readonly (readonly [number, number])[] = [
  [20, 120],
  [120, 500],
  [500, 2000],
  [2000, 6000],
  [6000, 16000],
];
