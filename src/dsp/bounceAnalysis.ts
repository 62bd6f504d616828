/**
 * Analysis for the comparison bounce: loudness normalisation to the quietest variant, 1/3-octave band levels and
 * a short-term loudness curve. Pure math on planar Float32Arrays; the engine renders, this measures.
 */
import { LoudnessMeter, measureLoudness } from './loudness';
import { powerSpectrum } from './spectrum';

/** One 1/3-octave band (base-2, centred on 1 kHz · 2^(k/3)). */
export interface ThirdOctaveBand {
  /** Exact centre, Hz. */
  readonly centerHz: number;
  /** Lower and upper edges, Hz: centre · 2^(∓1/6). */
  readonly lowHz: number;
  readonly highHz: number;
  /** The usual nominal label, e.g. "31.5", "1k", "12.5k". */
  readonly label: string;
}

/** Nominal (IEC 61260) centres from 25 Hz to 20 kHz, index k = −16..13 around 1 kHz. */
const NOMINAL = [25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000];

const labelOf = (hz: number) => (hz >= 1000 ? `${hz / 1000}k` : `${hz}`);

/**
 * The 1/3-octave bands that fit below Nyquist.
 * @param sampleRate Hz
 * @param lowestHz nominal centre of the first band (default 31.5, the lowest a 16k-point FFT resolves well)
 */
export function thirdOctaveBands(sampleRate: number, lowestHz = 31.5): ThirdOctaveBand[] {
  const out: ThirdOctaveBand[] = [];
  NOMINAL.forEach((nominal, i) => {
    if (nominal < lowestHz) return;
    const centerHz = 1000 * Math.pow(2, (i - 16) / 3);
    const highHz = centerHz * Math.pow(2, 1 / 6);
    if (highHz > sampleRate / 2) return;
    out.push({ centerHz, lowHz: centerHz * Math.pow(2, -1 / 6), highHz, label: labelOf(nominal) });
  });
  return out;
}

/** FFT size for band analysis: a power of two of at least a third of a second, so the lowest bands hold bins. */
export function bandFftSize(sampleRate: number): number {
  let n = 1024;
  while (n < sampleRate / 3) n *= 2;
  return n;
}

/** Floor for levels of silent bands and windows, dB. */
export const FLOOR_DB = -150;

/**
 * Mean-square level of a signal in each band, dB re full scale (a sine of amplitude A inside a band reads
 * 20·log10(A) − 3.01 there), averaged over the channels. Welch (Hann, 50% overlap); each FFT bin goes to the band
 * holding its centre frequency.
 * @param channels planar samples, −1..1 nominal; at least one FFT frame long
 * @returns one level per band, dB (≥ FLOOR_DB)
 */
export function bandLevelsDb(channels: readonly Float32Array[], sampleRate: number, bands: readonly ThirdOctaveBand[]): number[] {
  if (channels.length === 0) throw new RangeError('no channels');
  const size = bandFftSize(sampleRate);
  const length = channels[0]!.length;
  if (length < size) throw new RangeError(`need at least ${size} samples (${(size / sampleRate).toFixed(2)} s) for a spectrum, got ${length}`);
  // Parseval with the window's energy: a one-sided bin's power P_k stands for 2·P_k / (N·Σw²) of the mean square.
  let windowEnergy = 0;
  for (let i = 0; i < size; i++) windowEnergy += (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size)) ** 2;
  const scale = 2 / (size * windowEnergy * channels.length);
  const sums = new Float64Array(bands.length);
  for (const ch of channels) {
    const power = powerSpectrum(ch, size);
    let b = 0;
    for (let k = 1; k < size / 2; k++) {
      const hz = (k * sampleRate) / size;
      while (b < bands.length && hz >= bands[b]!.highHz) b++;
      if (b >= bands.length) break;
      if (hz >= bands[b]!.lowHz) sums[b] = sums[b]! + power[k]! * scale;
    }
  }
  return Array.from(sums, (e) => Math.max(FLOOR_DB, 10 * Math.log10(e)));
}

/** Short-term window, seconds (BS.1770 / EBU Tech 3341). */
export const SHORT_TERM_SEC = 3;

/**
 * Short-term loudness (3 s window) every hop, LUFS (−∞ for silence). Point i is the window ending at
 * SHORT_TERM_SEC + i·hopSec: only whole windows, so a signal of duration d gives floor((d − 3)/hop) + 1 points
 * (none under 3 s).
 * @param hopSec a multiple of 10 ms (the meter's sub-block), 0.01..3
 */
export function shortTermCurve(channels: readonly Float32Array[], sampleRate: number, hopSec = 0.1): Float32Array {
  const hopSubs = Math.round(hopSec * 100);
  if (!(hopSubs >= 1 && hopSubs <= 300) || Math.abs(hopSubs - hopSec * 100) > 1e-6) throw new RangeError(`hop must be a multiple of 10 ms in 0.01..3 s, got ${hopSec}`);
  const length = channels[0]?.length ?? 0;
  const windowSamples = Math.round(SHORT_TERM_SEC * sampleRate);
  if (length < windowSamples) return new Float32Array(0);
  const meter = new LoudnessMeter(channels.length, sampleRate, { initialCapacitySeconds: length / sampleRate + 1 });
  // Sub-block k ends at round((k+1)·fs/100): read the meter exactly on those boundaries.
  const end = (subs: number) => Math.round((subs * sampleRate) / 100);
  const count = Math.floor((Math.floor((length * 100) / sampleRate + 1e-9) - SHORT_TERM_SEC * 100) / hopSubs) + 1;
  const out = new Float32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const to = end(SHORT_TERM_SEC * 100 + i * hopSubs);
    meter.process(channels, at, to);
    at = to;
    out[i] = meter.shortTerm;
  }
  return out;
}

/** One variant's measurements, after normalisation. */
export interface VariantAnalysis {
  readonly label: string;
  /** Integrated loudness as rendered, LUFS. */
  readonly integratedLufs: number;
  /** Gain applied to match the quietest, dB (≤ 0; 0 for the quietest). */
  readonly gainDb: number;
  /** Level per band after normalisation, dB re full scale (see bandLevelsDb). */
  readonly bandsDb: readonly number[];
  /** Short-term loudness after normalisation, LUFS, one point per hop (see shortTermCurve). */
  readonly shortTermLufs: Float32Array;
}

/** The whole comparison: bands, hop and every variant's measurements. */
export interface ComparisonAnalysis {
  readonly sampleRate: number;
  readonly durationSec: number;
  readonly bands: readonly ThirdOctaveBand[];
  /** Spacing of the short-term points, seconds; point i is the 3 s window ending at 3 + i·hopSec. */
  readonly hopSec: number;
  /** The loudness every variant was matched to (the quietest's), LUFS. */
  readonly targetLufs: number;
  readonly variants: readonly VariantAnalysis[];
}

/**
 * Gains that bring every programme down to the quietest, dB (≤ 0). Silent programmes (−∞) get 0 and do not set
 * the target.
 */
export function normalisingGainsDb(integratedLufs: readonly number[]): { targetLufs: number; gainsDb: number[] } {
  const finite = integratedLufs.filter(Number.isFinite);
  const targetLufs = finite.length > 0 ? Math.min(...finite) : -Infinity;
  return { targetLufs, gainsDb: integratedLufs.map((l) => (Number.isFinite(l) ? targetLufs - l : 0)) };
}

/** Scales planar channels in place by a gain in dB. */
export function applyGainDb(channels: readonly Float32Array[], gainDb: number): void {
  const g = Math.pow(10, gainDb / 20);
  if (g === 1) return;
  for (const ch of channels) for (let i = 0; i < ch.length; i++) ch[i] = ch[i]! * g;
}

/**
 * Normalises the variants to the quietest (BS.1770 integrated), in place, then measures bands and short-term
 * loudness of the normalised audio.
 * @param variants planar channels per variant, all at `sampleRate`; scaled in place
 */
export function analyseComparison(variants: readonly { label: string; channels: Float32Array[] }[], sampleRate: number, hopSec = 0.1): ComparisonAnalysis {
  if (variants.length === 0) throw new RangeError('no variants');
  const integrated = variants.map((v) => measureLoudness(v.channels, sampleRate).integrated);
  const { targetLufs, gainsDb } = normalisingGainsDb(integrated);
  const bands = thirdOctaveBands(sampleRate);
  const measured = variants.map((v, i): VariantAnalysis => {
    applyGainDb(v.channels, gainsDb[i]!);
    return {
      label: v.label,
      integratedLufs: integrated[i]!,
      gainDb: gainsDb[i]!,
      bandsDb: bandLevelsDb(v.channels, sampleRate, bands),
      shortTermLufs: shortTermCurve(v.channels, sampleRate, hopSec),
    };
  });
  return { sampleRate, durationSec: (variants[0]!.channels[0]?.length ?? 0) / sampleRate, bands, hopSec, targetLufs, variants: measured };
}
