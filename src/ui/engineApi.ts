import { createContext, useContext } from 'react';
import type { ComparisonAnalysis } from '../dsp/bounceAnalysis';
import type { Project } from '../state/project';
import type { StemAnalysis } from '../state/stems';

export interface ExportSettings {
  readonly sampleRate: 44100 | 48000;
  readonly bitDepth: 16 | 24;
}

/** A live BS.1770 reading of the master output (LUFS, LU, dBTP; −∞ where not yet defined). */
export interface LiveLoudness {
  readonly momentary: number;
  readonly shortTerm: number;
  readonly integrated: number;
  readonly lra: number;
  readonly truePeakMaxDb: number;
}

export interface LoudnessHistoryView {
  readonly momentary: Float32Array;
  readonly shortTerm: Float32Array;
  readonly count: number;
  readonly intervalSec: number;
}

/** What the UI may ask of the audio engine. The UI never touches Tone.js; app/ supplies this. */
export interface EngineApi {
  /** The listener's position in the song, seconds. Read once per frame, never stored. */
  getPositionSec(): number;
  /** Latest post-fader [peakL, peakR] of a track id or "master", linear. */
  readMeter(id: string): Float32Array;
  /** Renders the mix offline and encodes a WAV file. */
  exportMix(settings: ExportSettings, onProgress: (fraction: number) => void): Promise<Blob>;
  readLoudness(): LiveLoudness | null;
  loudnessHistory(): LoudnessHistoryView | null;
  resetLoudness(): void;
  /** Gain reduction of a strip's compressor (track or bus id) right now, dB ≤ 0. */
  compressorReductionDb(stripId: string): number;
  /** Latest limiter gain reduction, dB ≥ 0. */
  limiterReductionDb(): number;
  /**
   * A/B: plays `a` beside the main mix (which is B), measures both over the excerpt and matches their loudness.
   * @returns loudness of B minus A, LU
   */
  compare(a: Project, excerpt: { startSec: number; endSec: number }): Promise<number>;
  /** Cross-fades to A or B (20 ms). */
  selectSide(side: 'A' | 'B'): void;
  stopComparing(): void;
  /** Measures each track's own audio (loudness, band energies) for the automatic mix. */
  analyzeStems(): Promise<StemAnalysis[]>;
  /** Offline analyses and auto-master; results land in the store. */
  analyzeMix(onProgress: (fraction: number) => void): Promise<void>;
  analyzeFile(file: File): Promise<void>;
  autoMaster(onProgress: (fraction: number) => void): Promise<void>;
  /**
   * Comparison bounce: renders each variant over the excerpt (song seconds) at the context's rate, turns them down
   * to the quietest (BS.1770 integrated) and measures spectra and short-term loudness. The normalised audio is kept
   * for playBounce until the next bounce.
   */
  bounce(
    variants: readonly { label: string; project: Project }[],
    excerpt: { startSec: number; endSec: number },
    onProgress: (fraction: number) => void,
  ): Promise<ComparisonAnalysis>;
  /** Plays one variant of the last bounce from its start, stopping any other; onEnded runs when it stops. */
  playBounce(index: number, onEnded?: () => void): void;
  stopBounce(): void;
}

export const EngineContext = createContext<EngineApi | null>(null);

export function useEngine(): EngineApi {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine() needs an <EngineContext.Provider>');
  return engine;
}
