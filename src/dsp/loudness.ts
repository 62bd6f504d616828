/**
 * Programme loudness per ITU-R BS.1770-5 and EBU Tech 3341 ("EBU Mode"), loudness range per EBU Tech 3342.
 *
 *  - K-weighting per channel (see kWeighting.ts), then mean square z_i over a window, and
 *    loudness L = −0.691 + 10·log10(Σ G_i·z_i) LUFS, with channel weights G_i (L, R, C: 1.0; Ls, Rs: 1.41; LFE: 0).
 *  - Momentary loudness (M): 400 ms window. Short-term (S): 3 s window. Both ungated.
 *  - Integrated (I): 400 ms gating blocks every 100 ms (75 % overlap) from the first sample; blocks at or below
 *    −70 LUFS are dropped (absolute gate), then blocks at or below (their mean loudness − 10 LU) (relative gate);
 *    I is the loudness of the mean energy of the rest.
 *  - Loudness range (LRA): short-term values every 100 ms (complete 3 s windows), absolute gate −70 LUFS,
 *    relative gate −20 LU below their mean energy, LRA = 95th − 10th percentile.
 *
 * Time base: the meter integrates the K-weighted energy in 10 ms sub-blocks and evaluates M and S at every
 * sub-block boundary (100 Hz). Gating blocks and the LRA's short-term values are taken every 10th boundary.
 * Sub-block k ends at sample round((k + 1)·fs/100), so windows are exact at 44.1 and 48 kHz and within one sample
 * elsewhere; every mean divides by the true sample count.
 *
 * Pure math: no Web Audio, no DOM; safe in Node and in an AudioWorklet. process() allocates nothing, except that
 * the gating-block and short-term histories grow by doubling (rarely: at 10 entries a second each; preallocate
 * with `initialCapacitySeconds`).
 */
import { KWeightingFilter } from './kWeighting';
import { TruePeakMeter, type TruePeakOptions } from './truePeak';

/** The absolute gate of integrated loudness and of LRA, LUFS. */
export const ABSOLUTE_GATE_LUFS = -70;
/** The relative gate of integrated loudness, LU below the absolutely gated mean. */
export const RELATIVE_GATE_LU = -10;
/** The relative gate of the loudness range, LU below the absolutely gated mean of the short-term values. */
export const LRA_RELATIVE_GATE_LU = -20;
/** Lower percentile of the gated short-term distribution for the LRA (0..1). */
export const LRA_LOW_PERCENTILE = 0.1;
/** Upper percentile of the gated short-term distribution for the LRA (0..1). */
export const LRA_HIGH_PERCENTILE = 0.95;
/** The constant of the loudness formula, dB: it makes a 997 Hz sine at 0 dBFS on one front channel read −3.01. */
export const LOUDNESS_OFFSET_DB = -0.691;
/** Weight of a surround (Ls, Rs) channel, BS.1770-5 Table 3. */
export const SURROUND_WEIGHT = 1.41;

/** Sub-blocks per second (10 ms each). */
const SUB_RATE = 100;
/** Sub-blocks in the momentary window (400 ms), the short-term window (3 s), and the gating hop (100 ms). */
const MOMENTARY_SUBS = 40;
const SHORT_TERM_SUBS = 300;
const HOP_SUBS = 10;

/**
 * Mean-square energy (Σ G_i·z_i) to loudness.
 * @param energy ≥ 0
 * @returns LUFS; −∞ for 0
 */
export function energyToLufs(energy: number): number {
  return energy > 0 ? LOUDNESS_OFFSET_DB + 10 * Math.log10(energy) : -Infinity;
}

/**
 * Loudness to mean-square energy (the inverse of energyToLufs).
 * @param lufs any; −∞ gives 0
 */
export function lufsToEnergy(lufs: number): number {
  return Math.pow(10, (lufs - LOUDNESS_OFFSET_DB) / 10);
}

/**
 * BS.1770-5 channel weights for a channel count, in the usual orders:
 * 1: mono; 2: L R; 3: L R C; 5: L R C Ls Rs; 6: L R C LFE Ls Rs (LFE excluded). Any other count: all 1.0.
 * @param channelCount ≥ 1
 */
export function defaultChannelWeights(channelCount: number): number[] {
  if (channelCount === 5) return [1, 1, 1, SURROUND_WEIGHT, SURROUND_WEIGHT];
  if (channelCount === 6) return [1, 1, 1, 0, SURROUND_WEIGHT, SURROUND_WEIGHT];
  return new Array<number>(channelCount).fill(1);
}

/**
 * Gated loudness of a set of block energies (BS.1770-5 §§ 2.2–2.3): absolute gate at −70 LUFS, then a relative gate
 * `relativeGateLu` below the loudness of the mean energy of the blocks that passed it. Gates are strict (">").
 * @param energies block energies Σ G_i·z_i, ≥ 0
 * @param relativeGateLu ≤ 0; −10 for integrated loudness
 * @returns LUFS; −∞ when no block passes
 */
export function gatedLoudness(energies: Float64Array, relativeGateLu = RELATIVE_GATE_LU): number {
  const absolute = lufsToEnergy(ABSOLUTE_GATE_LUFS);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < energies.length; i++) {
    const z = energies[i]!;
    if (z > absolute) {
      sum += z;
      n++;
    }
  }
  if (n === 0) return -Infinity;
  const relative = (sum / n) * Math.pow(10, relativeGateLu / 10);
  const gate = relative > absolute ? relative : absolute;
  sum = 0;
  n = 0;
  for (let i = 0; i < energies.length; i++) {
    const z = energies[i]!;
    if (z > gate) {
      sum += z;
      n++;
    }
  }
  return n === 0 ? -Infinity : energyToLufs(sum / n);
}

/**
 * Loudness range (EBU Tech 3342) from short-term energies taken at ≥ 10 Hz: absolute gate −70 LUFS, relative gate
 * −20 LU, then the 95th minus the 10th percentile (nearest rank: index round((n − 1)·p) of the sorted values).
 * @param shortTermEnergies energies of complete 3 s windows, ≥ 0
 * @param scratch optional work array of at least the same length (avoids an allocation)
 * @returns LU, ≥ 0; 0 when no value passes the gates
 */
export function loudnessRange(shortTermEnergies: Float64Array, scratch?: Float64Array): number {
  const absolute = lufsToEnergy(ABSOLUTE_GATE_LUFS);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < shortTermEnergies.length; i++) {
    const z = shortTermEnergies[i]!;
    if (z > absolute) {
      sum += z;
      n++;
    }
  }
  if (n === 0) return 0;
  const relative = (sum / n) * Math.pow(10, LRA_RELATIVE_GATE_LU / 10);
  const gate = relative > absolute ? relative : absolute;
  const work = scratch && scratch.length >= shortTermEnergies.length ? scratch : new Float64Array(shortTermEnergies.length);
  let m = 0;
  for (let i = 0; i < shortTermEnergies.length; i++) {
    const z = shortTermEnergies[i]!;
    if (z > gate) work[m++] = z;
  }
  if (m === 0) return 0;
  const kept = work.subarray(0, m);
  kept.sort();
  const low = kept[Math.round((m - 1) * LRA_LOW_PERCENTILE)]!;
  const high = kept[Math.round((m - 1) * LRA_HIGH_PERCENTILE)]!;
  return energyToLufs(high) - energyToLufs(low);
}

/** A Float64Array that grows by doubling. */
class History {
  private data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
  clear(): void {
    this.length = 0;
  }
}

/** Options of a loudness meter. */
export interface LoudnessMeterOptions {
  /** One weight per channel (≥ 0); default defaultChannelWeights(channelCount). */
  channelWeights?: readonly number[];
  /** Programme length to preallocate the histories for, seconds (default 600); they grow past it anyway. */
  initialCapacitySeconds?: number;
}

/**
 * Streaming BS.1770-5 / EBU Mode loudness meter for planar audio. Feed chunks of any size (an AudioWorklet's 128
 * frames, or a whole file) with process(); read the values at any time. All readings are LUFS (LU for the range).
 */
export class LoudnessMeter {
  readonly channelCount: number;
  readonly sampleRate: number;
  readonly channelWeights: readonly number[];
  private readonly filters: KWeightingFilter[];
  /** Energy Σ G_i·Σy² and sample count of the last SHORT_TERM_SUBS sub-blocks (ring). */
  private readonly subEnergy = new Float64Array(SHORT_TERM_SUBS);
  private readonly subLength = new Float64Array(SHORT_TERM_SUBS);
  private readonly nominalSubLength: number;
  private readonly blocks: History;
  private readonly shortTerms: History;
  private scratch: Float64Array;
  /** Completed sub-blocks. */
  private subCount = 0;
  /** Samples consumed, and the sample index where the current sub-block ends. */
  private position = 0;
  private subEnd = 0;
  private accumulator = 0;
  private momentaryEnergy = 0;
  private shortTermEnergy = 0;
  private momentaryMaxEnergy = 0;
  private shortTermMaxEnergy = 0;
  private integratedCacheCount = -1;
  private integratedCache = -Infinity;
  private rangeCacheCount = -1;
  private rangeCache = 0;

  /**
   * @param channelCount ≥ 1
   * @param sampleRate Hz, ≥ 16000
   */
  constructor(channelCount: number, sampleRate: number, options: LoudnessMeterOptions = {}) {
    if (!Number.isInteger(channelCount) || channelCount < 1) throw new RangeError(`channelCount must be ≥ 1, got ${channelCount}`);
    const weights = options.channelWeights ? [...options.channelWeights] : defaultChannelWeights(channelCount);
    if (weights.length !== channelCount) throw new RangeError(`${weights.length} channel weights for ${channelCount} channels`);
    if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('channel weights must be finite and ≥ 0');
    this.channelCount = channelCount;
    this.sampleRate = sampleRate;
    this.channelWeights = weights;
    this.filters = [];
    for (let c = 0; c < channelCount; c++) this.filters.push(new KWeightingFilter(sampleRate)); // validates the rate
    this.nominalSubLength = sampleRate / SUB_RATE;
    this.subEnd = this.boundary(0);
    const capacity = Math.ceil((options.initialCapacitySeconds ?? 600) * (SUB_RATE / HOP_SUBS));
    this.blocks = new History(capacity);
    this.shortTerms = new History(capacity);
    this.scratch = new Float64Array(capacity);
  }

  /** Sample index where sub-block k ends. */
  private boundary(k: number): number {
    return Math.round(((k + 1) * this.sampleRate) / SUB_RATE);
  }

  /** Forgets everything measured: as if newly constructed. */
  reset(): void {
    for (const f of this.filters) f.reset();
    this.subEnergy.fill(0);
    this.subLength.fill(0);
    this.blocks.clear();
    this.shortTerms.clear();
    this.subCount = 0;
    this.position = 0;
    this.subEnd = this.boundary(0);
    this.accumulator = 0;
    this.momentaryEnergy = 0;
    this.shortTermEnergy = 0;
    this.momentaryMaxEnergy = 0;
    this.shortTermMaxEnergy = 0;
    this.integratedCacheCount = -1;
    this.rangeCacheCount = -1;
  }

  /**
   * Measures channels[c][from..to) for every channel.
   * @param channels one array per channel (channelCount of them), samples nominally −1..1
   */
  process(channels: readonly Float32Array[], from = 0, to = channels[0]?.length ?? 0): void {
    if (channels.length !== this.channelCount) {
      throw new RangeError(`expected ${this.channelCount} channels, got ${channels.length}`);
    }
    for (let c = 0; c < this.channelCount; c++) {
      if (to > channels[c]!.length) throw new RangeError(`channel ${c} has ${channels[c]!.length} samples, asked to read to ${to}`);
    }
    let i = from;
    while (i < to) {
      const n = Math.min(to - i, this.subEnd - this.position);
      let acc = 0;
      for (let c = 0; c < this.channelCount; c++) {
        const w = this.channelWeights[c]!;
        if (w !== 0) acc += w * this.filters[c]!.sumOfSquares(channels[c]!, i, i + n);
      }
      this.accumulator += acc;
      i += n;
      this.position += n;
      if (this.position === this.subEnd) this.completeSubBlock();
    }
  }

  private completeSubBlock(): void {
    const start = this.subCount === 0 ? 0 : this.boundary(this.subCount - 1);
    const slot = this.subCount % SHORT_TERM_SUBS;
    this.subEnergy[slot] = this.accumulator;
    this.subLength[slot] = this.subEnd - start;
    this.accumulator = 0;
    this.subCount++;
    this.subEnd = this.boundary(this.subCount);

    this.momentaryEnergy = this.windowEnergy(MOMENTARY_SUBS);
    this.shortTermEnergy = this.windowEnergy(SHORT_TERM_SUBS);
    if (this.momentaryEnergy > this.momentaryMaxEnergy) this.momentaryMaxEnergy = this.momentaryEnergy;
    if (this.shortTermEnergy > this.shortTermMaxEnergy) this.shortTermMaxEnergy = this.shortTermEnergy;
    if (this.subCount >= MOMENTARY_SUBS && (this.subCount - MOMENTARY_SUBS) % HOP_SUBS === 0) {
      this.blocks.push(this.momentaryEnergy);
    }
    if (this.subCount >= SHORT_TERM_SUBS && (this.subCount - SHORT_TERM_SUBS) % HOP_SUBS === 0) {
      this.shortTerms.push(this.shortTermEnergy);
    }
  }

  /** Mean energy of the last `subs` sub-blocks; before the window has filled, the time before the start is silence. */
  private windowEnergy(subs: number): number {
    const have = Math.min(subs, this.subCount);
    const subEnergy = this.subEnergy;
    const subLength = this.subLength;
    let energy = 0;
    let length = (subs - have) * this.nominalSubLength;
    let slot = (this.subCount - 1) % SHORT_TERM_SUBS;
    for (let k = 0; k < have; k++) {
      energy += subEnergy[slot]!;
      length += subLength[slot]!;
      slot = slot === 0 ? SHORT_TERM_SUBS - 1 : slot - 1;
    }
    return energy / length;
  }

  /** Seconds of audio measured so far. */
  get durationSeconds(): number {
    return this.position / this.sampleRate;
  }

  /** Momentary loudness of the last 400 ms (ending at the last 10 ms boundary), LUFS; −∞ for silence. */
  get momentary(): number {
    return energyToLufs(this.momentaryEnergy);
  }

  /** Short-term loudness of the last 3 s (ending at the last 10 ms boundary), LUFS; −∞ for silence. */
  get shortTerm(): number {
    return energyToLufs(this.shortTermEnergy);
  }

  /**
   * Largest momentary loudness so far, LUFS; −∞ before any. Evaluated every 10 ms, the first 400 ms with the time
   * before the start counted as silence (so those readings are never higher than a full window's).
   */
  get momentaryMax(): number {
    return energyToLufs(this.momentaryMaxEnergy);
  }

  /** Largest short-term loudness so far, LUFS; −∞ before any. Evaluated as momentaryMax is, over 3 s windows. */
  get shortTermMax(): number {
    return energyToLufs(this.shortTermMaxEnergy);
  }

  /** Number of complete 400 ms gating blocks so far. */
  get blockCount(): number {
    return this.blocks.length;
  }

  /**
   * Integrated (gated) loudness of everything so far, LUFS; −∞ until a block passes the gates.
   * O(blocks) when new blocks arrived since the last call (they come at 10 Hz), else cached.
   */
  get integrated(): number {
    if (this.integratedCacheCount !== this.blocks.length) {
      this.integratedCache = gatedLoudness(this.blocks.view());
      this.integratedCacheCount = this.blocks.length;
    }
    return this.integratedCache;
  }

  /**
   * Loudness range (EBU Tech 3342) of everything so far, LU; 0 until a 3 s window passes the gates.
   * Sorts the short-term history when it has grown since the last call: poll it at a few hertz, not per block.
   */
  get loudnessRange(): number {
    const n = this.shortTerms.length;
    if (this.rangeCacheCount !== n) {
      if (this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, this.scratch.length * 2));
      this.rangeCache = loudnessRange(this.shortTerms.view(), this.scratch);
      this.rangeCacheCount = n;
    }
    return this.rangeCache;
  }
}

/** Everything measureLoudness() reports. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS (−∞ for silence). */
  integrated: number;
  /** Largest momentary (400 ms) loudness, LUFS. */
  momentaryMax: number;
  /** Largest short-term (3 s) loudness, LUFS. */
  shortTermMax: number;
  /** Loudness range, LU (EBU Tech 3342). */
  lra: number;
  /** Largest true peak of any channel, dBTP. */
  truePeakDb: number;
  /** Largest |sample| of any channel, dBFS. */
  samplePeakDb: number;
  /** Peak-to-loudness ratio: truePeakDb − integrated, LU; NaN when either is not finite (silence). */
  plr: number;
}

/** Options of measureLoudness(). */
export interface MeasureLoudnessOptions {
  channelWeights?: readonly number[];
  truePeak?: TruePeakOptions;
}

/** Frames processed per pass in measureLoudness(): keeps each pass's data in cache. */
const MEASURE_CHUNK = 8192;

/**
 * One-shot measurement of a whole programme: integrated, max momentary, max short-term, LRA, true peak, sample peak
 * and PLR.
 * @param channels planar samples (same length each), nominally −1..1
 * @param sampleRate Hz, ≥ 16000
 */
export function measureLoudness(
  channels: readonly Float32Array[],
  sampleRate: number,
  options: MeasureLoudnessOptions = {},
): LoudnessMeasurement {
  if (channels.length === 0) throw new RangeError('no channels');
  const length = channels[0]!.length;
  if (channels.some((ch) => ch.length !== length)) throw new RangeError('channels differ in length');
  const meterOptions: LoudnessMeterOptions = { initialCapacitySeconds: length / sampleRate + 1 };
  if (options.channelWeights) meterOptions.channelWeights = options.channelWeights;
  const meter = new LoudnessMeter(channels.length, sampleRate, meterOptions);
  const peaks = new TruePeakMeter(channels.length, sampleRate, options.truePeak);
  for (let from = 0; from < length; from += MEASURE_CHUNK) {
    const to = Math.min(length, from + MEASURE_CHUNK);
    meter.process(channels, from, to);
    peaks.process(channels, from, to);
  }
  peaks.flush();
  const integrated = meter.integrated;
  const truePeakDb = peaks.truePeakDb;
  return {
    integrated,
    momentaryMax: meter.momentaryMax,
    shortTermMax: meter.shortTermMax,
    lra: meter.loudnessRange,
    truePeakDb,
    samplePeakDb: peaks.samplePeakDb,
    plr: Number.isFinite(integrated) && Number.isFinite(truePeakDb) ? truePeakDb - integrated : NaN,
  };
}
