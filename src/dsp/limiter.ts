/**
 * True-peak look-ahead brickwall limiter: keeps the reconstructed (band-limited) waveform of the output at or below
 * a ceiling in dBTP, so inter-sample peaks are caught too, and leaves audio that stays under the ceiling untouched
 * (bit-exact, only delayed).
 *
 * Signal flow, per sample (all channels share one gain: linked stereo, so the image does not shift):
 *  1. Detector: the peak of each slot [n, n + 1) of the input, i.e. max(|x[n]|, the oversampled points between x[n]
 *     and x[n + 1]), from the very interpolator the BS.1770 true-peak meter in `truePeak.ts` uses (4×, or 2× from
 *     96 kHz; 16 taps per phase). It sees a slot T/2 = 8 samples after it arrives (the interpolator's latency).
 *  2. Required gain r = 1 while the slot peak is at most the ceiling, else (ceiling − SAFETY_MARGIN_DB) / peak.
 *  3. Hold: the minimum of r over the last W slots (a sliding-window maximum of the slot peaks, van Herk /
 *     Gil–Werman: a few comparisons per sample and no data-dependent loop).
 *  4. Release: instant attack, exponential release towards unity (see RELEASE_OVERSHOOT), never above the hold.
 *  5. Smoothing: a moving average over N samples turns each drop of the hold into a straight ramp of N samples. An
 *     average of values that are all ≤ r is ≤ r, so the smoothing cannot overshoot.
 *  6. The audio is delayed by D = latencySamples and multiplied by that gain.
 * Alignment: with W = D + 1 and N = D − T + 2, the gain is ≤ r for every input sample within T/2 of the slot that
 * asked for r — the whole footprint of the taps that reconstruct that slot — and flat there when that slot is the
 * loudest nearby, so the same interpolator run on the output sees at most the ceiling (derivation in the
 * constructor). What the flat-gain argument does not cover (the gain still ramping or releasing inside a 16-tap
 * footprint) is what SAFETY_MARGIN_DB absorbs.
 *
 * Cost: the detector skips interpolation where cheap bounds show a slot cannot exceed the ceiling, and a chunk with
 * nothing to limit and no gain reduction left is a plain delayed copy. No allocation after construction.
 *
 * Pure math: no Web Audio, no DOM; safe in Node and in an AudioWorklet.
 */

import { DEFAULT_KAISER_BETA, defaultOversampling, designInterpolator, type InterpolatorDesign } from './truePeak';

/** Options of a {@link TruePeakLimiter}. */
export interface TruePeakLimiterOptions {
  /** Look-ahead (= latency), ms, 1.5..5; default 3. */
  lookaheadMs?: number;
  /** Ceiling, dBTP, −60..0; default −1. */
  ceilingDb?: number;
  /** Release time constant, ms, 10..1000; default 100. */
  releaseMs?: number;
}

/** Defaults of the options. */
export const LIMITER_DEFAULTS = { lookaheadMs: 3, ceilingDb: -1, releaseMs: 100 } as const;
/** Allowed look-ahead, ms. */
export const LOOKAHEAD_RANGE_MS = [1.5, 5] as const;
/** Allowed release time constant, ms. */
export const RELEASE_RANGE_MS = [10, 1000] as const;
/** Allowed ceiling, dBTP. */
export const CEILING_RANGE_DB = [-60, 0] as const;
/** Allowed sample rates, Hz (the 1.5 ms look-ahead must hold the interpolator's 16 taps). */
export const LIMITER_SAMPLE_RATE_RANGE = [16000, 384000] as const;

/**
 * Once it limits at all, the gain computer aims this far below the ceiling (audio under the ceiling is untouched), so
 * that a gain still changing inside the interpolator's footprint cannot push the reconstruction over. dB, ≥ 0.
 */
export const SAFETY_MARGIN_DB = 0.05;

/**
 * The release heads for 1 + this and is clamped at 1, so it reaches unity — exact transparency again — in finite
 * time, at most ln((1 + δ) / δ) ≈ 4.6 time constants after the hold lets go, instead of creeping towards it forever.
 */
const RELEASE_OVERSHOOT = 0.01;

/**
 * Taps per interpolator phase. Fixed at the true-peak meter's default (DEFAULT_TAPS_PER_PHASE) so that the detector is
 * the meter: a slot the meter would read above the ceiling is a slot the limiter turns down. The detector's inner loop
 * is unrolled for this length.
 */
const TAPS = 16;
const HALF = TAPS / 2;

/** Frames staged per internal pass: bounds the scratch buffers, whatever the caller's block size. */
const CHUNK = 256;

/**
 * The limiter's latency for a look-ahead: what `latencySamples` will be, without building one (for the engine's
 * delay compensation).
 * @param sampleRate Hz, 16000..384000
 * @param lookaheadMs ms, 1.5..5
 * @returns samples, ≥ 24
 */
export function limiterLatencySamples(sampleRate: number, lookaheadMs: number = LIMITER_DEFAULTS.lookaheadMs): number {
  return Math.round((lookaheadMs * sampleRate) / 1000);
}

function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Streaming true-peak brickwall limiter for planar audio (linked: one gain for all channels).
 * Output sample n is input sample n − latencySamples, times the gain; below the ceiling the gain is exactly 1.
 */
export class TruePeakLimiter {
  readonly channelCount: number;
  readonly sampleRate: number;
  readonly design: InterpolatorDesign;
  /** D: look-ahead and latency, samples. */
  private readonly lookahead: number;
  /** N: length of the moving average (the attack ramp), samples. */
  private readonly rampLength: number;
  /** W: length of the hold (sliding minimum), slots. */
  private readonly holdLength: number;

  private ceilingDb: number = LIMITER_DEFAULTS.ceilingDb;
  /** Ceiling, linear: a slot peak at or below it asks for no gain reduction. */
  private ceiling = 1;
  /** Ceiling minus the safety margin, linear: what the gain computer aims for once it limits. */
  private target = 1;
  private releaseMs: number = LIMITER_DEFAULTS.releaseMs;
  /** One-pole release coefficient per sample, 0..1. */
  private releaseCoef = 0;

  /** Interpolator coefficients, folded (see detect): even and odd parts of the ¼ phase, then the ½ phase; 8 each. */
  private readonly coef: Float64Array;
  /** Skip bounds, as in TruePeakMeter: |y| ≤ l1 · max|x| and |y| ≤ centreA·|x_a| + centreB·|x_b| + tail · max|x|. */
  private readonly l1: number;
  private readonly centreA: number;
  private readonly centreB: number;
  private readonly tail: number;
  /**
   * Per channel: the last D input samples, then the current chunk (from index D). The detector's windows and the
   * delayed output both read it, so there is no separate delay line.
   */
  private readonly buffers: Float64Array[];
  /** Per frame of the chunk: its slot's peak, max over channels (exact when above the ceiling, else any value ≤ it). */
  private readonly slotPeak: Float64Array;
  /** Whether any slot of the current chunk is above the ceiling. */
  private anyOver = false;
  /** Per frame of the chunk: the gain applied to the output. */
  private readonly gains: Float64Array;

  // Hold (van Herk / Gil–Werman sliding maximum over W slots). Time is cut into blocks of W slots; the window ending
  // at position j of the current block is the previous block's positions j + 1 .. W − 1 plus the current block's
  // 0 .. j, so its maximum is max(suffix[j + 1], prefix).
  /** The current block's slot peaks, positions 0 .. W − 1. */
  private readonly holdValues: Float64Array;
  /** suffix[k] = max of the previous block's peaks at positions k .. W − 1; suffix[W] = 0. */
  private readonly holdSuffix: Float64Array;
  /** Position in the current block, 0 .. W − 1. */
  private holdPos = 0;
  /** Max of the current block's peaks at positions 0 .. holdPos − 1. */
  private holdPrefix = 0;
  /** The hold's output for the last slot: the largest peak of the last W slots. */
  private heldPeak = 0;

  private envelope = 1;

  // Moving average: ring of the last N envelope values, their sum, and how many of them are below unity.
  private readonly box: Float64Array;
  private boxPos = 0;
  private boxSum: number;
  private boxBelowUnity = 0;

  private lastGain = 1;
  private minGainSinceTake = 1;

  /**
   * @param channelCount ≥ 1
   * @param sampleRate Hz, 16000..384000 (4× oversampled detection below 96 kHz, 2× from 96 kHz)
   * @param options look-ahead 1.5..5 ms (default 3), ceiling −60..0 dBTP (default −1; clamped), release 10..1000 ms
   *   (default 100; clamped)
   */
  constructor(channelCount: number, sampleRate: number, options: TruePeakLimiterOptions = {}) {
    if (!Number.isInteger(channelCount) || channelCount < 1) throw new RangeError(`channelCount must be ≥ 1, got ${channelCount}`);
    const [minRate, maxRate] = LIMITER_SAMPLE_RATE_RANGE;
    if (!(sampleRate >= minRate && sampleRate <= maxRate)) throw new RangeError(`sample rate must be ${minRate}..${maxRate} Hz, got ${sampleRate}`);
    const lookaheadMs = options.lookaheadMs ?? LIMITER_DEFAULTS.lookaheadMs;
    if (!(lookaheadMs >= LOOKAHEAD_RANGE_MS[0] && lookaheadMs <= LOOKAHEAD_RANGE_MS[1])) {
      throw new RangeError(`lookaheadMs must be ${LOOKAHEAD_RANGE_MS[0]}..${LOOKAHEAD_RANGE_MS[1]}, got ${lookaheadMs}`);
    }
    this.channelCount = channelCount;
    this.sampleRate = sampleRate;
    this.design = designInterpolator(defaultOversampling(sampleRate), TAPS, DEFAULT_KAISER_BETA);

    // Alignment. Slot s ([s, s + 1)) is reconstructed from the taps x[s − T/2 + 1 .. s + T/2]; its required gain r_s
    // enters the hold at time s + T/2 (detector latency), which keeps it for times [s + T/2, s + T/2 + W − 1]; the
    // envelope is ≤ the hold; the moving average at time m is ≤ r_s when [m − N + 1, m] lies in that span, i.e. for
    // m in [s + T/2 + N − 1, s + T/2 + W − 1]. Output time m carries input m − D, so the taps of slot s come out at
    // times [s − T/2 + 1 + D, s + T/2 + D]. Containment needs D ≥ T + N − 2 and D ≤ W − 1: take both as equalities.
    this.lookahead = limiterLatencySamples(sampleRate, lookaheadMs);
    this.rampLength = this.lookahead - TAPS + 2;
    this.holdLength = this.lookahead + 1;

    const phases = this.design.phases;
    let l1 = 0;
    let centreA = 0;
    let centreB = 0;
    let tail = 0;
    for (const h of phases) {
      let s = 0;
      for (let j = 0; j < TAPS; j++) s += Math.abs(h[j]!);
      const a = Math.abs(h[HALF - 1]!);
      const b = Math.abs(h[HALF]!);
      l1 = Math.max(l1, s);
      centreA = Math.max(centreA, a);
      centreB = Math.max(centreB, b);
      tail = Math.max(tail, s - a - b);
    }
    this.l1 = l1;
    this.centreA = centreA;
    this.centreB = centreB;
    this.tail = tail;
    this.coef = new Float64Array(3 * HALF);
    if (this.design.oversampling === 4) {
      // The ¾ phase mirrors the ¼ phase and the ½ phase is symmetric: fold them, as TruePeakMeter does.
      const q = phases[0]!;
      const m = phases[1]!;
      for (let j = 0; j < HALF; j++) {
        this.coef[j] = (q[j]! + q[TAPS - 1 - j]!) / 2;
        this.coef[HALF + j] = (q[j]! - q[TAPS - 1 - j]!) / 2;
        this.coef[2 * HALF + j] = m[j]!;
      }
    } else {
      const m = phases[0]!;
      for (let j = 0; j < HALF; j++) this.coef[2 * HALF + j] = m[j]!;
    }

    this.buffers = [];
    for (let c = 0; c < channelCount; c++) this.buffers.push(new Float64Array(this.lookahead + CHUNK));
    this.slotPeak = new Float64Array(CHUNK);
    this.gains = new Float64Array(CHUNK);
    this.holdValues = new Float64Array(this.holdLength);
    this.holdSuffix = new Float64Array(this.holdLength + 1);
    this.box = new Float64Array(this.rampLength).fill(1);
    this.boxSum = this.rampLength;
    this.reset();

    this.setCeilingDb(options.ceilingDb ?? LIMITER_DEFAULTS.ceilingDb);
    this.setReleaseMs(options.releaseMs ?? LIMITER_DEFAULTS.releaseMs);
  }

  /** Latency (= look-ahead), samples: output n is input n − latencySamples. */
  get latencySamples(): number {
    return this.lookahead;
  }

  /** Gain reduction applied to the last output sample, dB, ≥ 0 (0 = untouched). */
  get gainReductionDb(): number {
    return this.lastGain >= 1 ? 0 : -20 * Math.log10(this.lastGain);
  }

  /** The largest gain reduction (dB, ≥ 0) since the previous call, construction or reset(); starts a new interval. */
  takePeakGainReductionDb(): number {
    const g = this.minGainSinceTake;
    this.minGainSinceTake = this.lastGain;
    return g >= 1 ? 0 : -20 * Math.log10(g);
  }

  /** Current ceiling, dBTP. */
  get ceilingDbTP(): number {
    return this.ceilingDb;
  }

  /** Current release time constant, ms. */
  get releaseTimeMs(): number {
    return this.releaseMs;
  }

  /**
   * Sets the ceiling. Audio already inside the look-ahead keeps the ceiling it was measured against, so a drop takes
   * full effect latencySamples later: ramp large drops. Non-finite values are ignored.
   * @param db dBTP, clamped to −60..0
   */
  setCeilingDb(db: number): void {
    if (!Number.isFinite(db)) return;
    this.ceilingDb = clamp(db, CEILING_RANGE_DB[0], CEILING_RANGE_DB[1]);
    this.ceiling = dbToGain(this.ceilingDb);
    this.target = dbToGain(this.ceilingDb - SAFETY_MARGIN_DB);
  }

  /**
   * Sets the release: the time constant of the exponential return to unity gain (done within ~4.6 of them).
   * Non-finite values are ignored.
   * @param ms milliseconds, clamped to 10..1000
   */
  setReleaseMs(ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.releaseMs = clamp(ms, RELEASE_RANGE_MS[0], RELEASE_RANGE_MS[1]);
    this.releaseCoef = 1 - Math.exp(-1000 / (this.releaseMs * this.sampleRate));
  }

  /** Forgets all audio and gain state (the look-ahead empties to silence): as if newly constructed, same settings. */
  reset(): void {
    for (const b of this.buffers) b.fill(0);
    this.holdValues.fill(0);
    this.holdSuffix.fill(0);
    this.holdPos = 0;
    this.holdPrefix = 0;
    this.heldPeak = 0;
    this.envelope = 1;
    this.box.fill(1);
    this.boxPos = 0;
    this.boxSum = this.rampLength;
    this.boxBelowUnity = 0;
    this.lastGain = 1;
    this.minGainSinceTake = 1;
  }

  /**
   * Limits `frames` frames. May run in place (output[c] === input[c]).
   * @param input at least channelCount arrays (extra ones are ignored), each ≥ frames long; samples nominally −1..1,
   *   any finite value accepted
   * @param output at least channelCount arrays, each ≥ frames long
   * @param frames ≥ 0, any count (an AudioWorklet's 128 or a whole file)
   */
  process(input: readonly Float32Array[], output: readonly Float32Array[], frames: number): void {
    if (input.length < this.channelCount || output.length < this.channelCount) {
      throw new RangeError(`expected ${this.channelCount} channels in and out, got ${input.length} and ${output.length}`);
    }
    for (let from = 0; from < frames; from += CHUNK) this.run(input, output, from, Math.min(CHUNK, frames - from));
  }

  /** One pass of n ≤ CHUNK frames starting at `from`. */
  private run(input: readonly Float32Array[], output: readonly Float32Array[], from: number, n: number): void {
    const d = this.lookahead;
    this.slotPeak.fill(0, 0, n);
    this.anyOver = false;
    // Stage every channel before writing any output: that makes in-place processing safe.
    for (let c = 0; c < this.channelCount; c++) {
      const x = input[c]!;
      const buf = this.buffers[c]!;
      for (let k = 0; k < n; k++) buf[d + k] = x[from + k]!;
      this.detect(buf, n);
    }
    const unity = this.computeGains(n);
    const gains = this.gains;
    for (let c = 0; c < this.channelCount; c++) {
      const buf = this.buffers[c]!;
      const y = output[c]!;
      // Output k is input k − D: buf[k] (the chunk starts at buf[D]).
      if (unity) for (let k = 0; k < n; k++) y[from + k] = buf[k]!;
      else for (let k = 0; k < n; k++) y[from + k] = buf[k]! * gains[k]!;
      buf.copyWithin(0, n, n + d); // keep the last D samples in front for the next pass
    }
  }

  /**
   * Raises slotPeak[i] to this channel's peak of slot i wherever that could exceed both the ceiling and slotPeak[i]
   * (another channel's), and flags anyOver. Frame i's window is buf[D − T + 1 + i .. D + i] (its newest sample is the
   * frame's own) and reconstructs slot i, which starts at buf[D − T/2 + i], T/2 samples older. Windows go in blocks of
   * T; a block, or one window, is skipped when an upper bound on it (L1 norm × largest |x|; centre taps) cannot exceed
   * the threshold. The bounds are rigorous, so skipping never changes a value above the ceiling, and the result does
   * not depend on how the stream is cut into calls.
   */
  private detect(buf: Float64Array, n: number): void {
    const k = this.coef;
    // Unrolled kernel, coefficients in locals: e = even part of the ¼ phase, o = its odd part, m = the ½ phase.
    const e0 = k[0]!, e1 = k[1]!, e2 = k[2]!, e3 = k[3]!, e4 = k[4]!, e5 = k[5]!, e6 = k[6]!, e7 = k[7]!;
    const o0 = k[8]!, o1 = k[9]!, o2 = k[10]!, o3 = k[11]!, o4 = k[12]!, o5 = k[13]!, o6 = k[14]!, o7 = k[15]!;
    const m0 = k[16]!, m1 = k[17]!, m2 = k[18]!, m3 = k[19]!, m4 = k[20]!, m5 = k[21]!, m6 = k[22]!, m7 = k[23]!;
    const four = this.design.oversampling === 4;
    const ca = this.centreA;
    const cb = this.centreB;
    const tailGain = this.tail;
    const ceiling = this.ceiling;
    const limit = ceiling / this.l1;
    const peaks = this.slotPeak;
    const d = this.lookahead;
    const first = d - TAPS + 1;
    let anyOver = this.anyOver;
    // Bound on |x| over the T − 1 samples before the block's own new samples.
    let before = 0;
    for (let j = first; j < d; j++) {
      const v = buf[j]!;
      const a = v < 0 ? -v : v;
      if (a > before) before = a;
    }
    for (let b = 0; b < n; b += TAPS) {
      const e = b + TAPS < n ? b + TAPS : n;
      let newMax = 0;
      for (let j = d + b; j < d + e; j++) {
        const v = buf[j]!;
        const a = v < 0 ? -v : v;
        if (a > newMax) newMax = a;
      }
      const windowMax = newMax > before ? newMax : before;
      before = newMax; // a full block holds the T − 1 samples before the next; a partial one is the chunk's last
      if (windowMax <= limit) continue;
      const tailBound = tailGain * windowMax;
      for (let i = b; i < e; i++) {
        const w = first + i;
        let threshold = peaks[i]! > ceiling ? peaks[i]! : ceiling;
        const xa = buf[w + 7]!;
        const xb = buf[w + 8]!;
        const aa = xa < 0 ? -xa : xa;
        if (aa > threshold) threshold = aa; // phase 0: the sample itself
        if (ca * aa + cb * (xb < 0 ? -xb : xb) + tailBound > threshold) {
          const x0 = buf[w]!, x1 = buf[w + 1]!, x2 = buf[w + 2]!, x3 = buf[w + 3]!;
          const x4 = buf[w + 4]!, x5 = buf[w + 5]!, x6 = buf[w + 6]!;
          const x9 = buf[w + 9]!, x10 = buf[w + 10]!, x11 = buf[w + 11]!, x12 = buf[w + 12]!;
          const x13 = buf[w + 13]!, x14 = buf[w + 14]!, x15 = buf[w + 15]!;
          const s0 = x0 + x15, s1 = x1 + x14, s2 = x2 + x13, s3 = x3 + x12, s4 = x4 + x11, s5 = x5 + x10, s6 = x6 + x9, s7 = xa + xb;
          const mid = m0 * s0 + m1 * s1 + m2 * s2 + m3 * s3 + m4 * s4 + m5 * s5 + m6 * s6 + m7 * s7;
          let p = mid < 0 ? -mid : mid;
          if (four) {
            const ev = e0 * s0 + e1 * s1 + e2 * s2 + e3 * s3 + e4 * s4 + e5 * s5 + e6 * s6 + e7 * s7;
            const od =
              o0 * (x0 - x15) + o1 * (x1 - x14) + o2 * (x2 - x13) + o3 * (x3 - x12) +
              o4 * (x4 - x11) + o5 * (x5 - x10) + o6 * (x6 - x9) + o7 * (xa - xb);
            // The ¼ and ¾ points are ev + od and ev − od: the larger magnitude is |ev| + |od|.
            const q = (ev < 0 ? -ev : ev) + (od < 0 ? -od : od);
            if (q > p) p = q;
          }
          if (p > threshold) threshold = p;
        }
        if (threshold > ceiling) {
          peaks[i] = threshold;
          anyOver = true;
        }
      }
    }
    this.anyOver = anyOver;
  }

  /**
   * Turns the chunk's slot peaks into output gains: required gain → hold → release → moving average.
   * @returns true when every gain of the chunk is exactly 1 (then `gains` is not written)
   */
  private computeGains(n: number): boolean {
    const ramp = this.rampLength;
    const hold = this.holdLength;
    const values = this.holdValues;
    const suffix = this.holdSuffix;
    if (!this.anyOver && this.heldPeak === 0 && this.envelope === 1 && this.boxBelowUnity === 0) {
      // Idle and nothing to limit: every stage would stay at unity. Advance the state without a per-sample loop: the
      // hold only needs its new (silent) peaks stored; the box already holds unity everywhere.
      let pos = this.holdPos;
      for (let left = n; left > 0; ) {
        const step = Math.min(left, hold - pos);
        values.fill(0, pos, pos + step);
        pos += step;
        left -= step;
        if (pos === hold) {
          suffix.fill(0); // the suffix maxima of an all-silent block
          pos = 0;
        }
      }
      this.holdPos = pos;
      this.holdPrefix = 0;
      this.boxPos = (this.boxPos + n) % ramp;
      this.boxSum = ramp;
      if (n > 0) this.lastGain = 1;
      return true;
    }
    const peaks = this.slotPeak;
    const gains = this.gains;
    const ceiling = this.ceiling;
    const target = this.target;
    const coef = this.releaseCoef;
    const box = this.box;
    const invRamp = 1 / ramp;
    let hpos = this.holdPos;
    let prefix = this.holdPrefix;
    let heldPeak = -1;
    let held = 1;
    let env = this.envelope;
    let pos = this.boxPos;
    let sum = this.boxSum;
    let below = this.boxBelowUnity;
    let minGain = this.minGainSinceTake;
    let gain = 1;
    for (let i = 0; i < n; i++) {
      const p = peaks[i]!;
      values[hpos] = p;
      if (hpos === 0 || p > prefix) prefix = p;
      const older = suffix[hpos + 1]!;
      const peak = older > prefix ? older : prefix;
      if (++hpos === hold) {
        // Block complete: its suffix maxima serve the next block's windows.
        let m = 0;
        for (let k = hold - 1; k >= 0; k--) {
          const v = values[k]!;
          if (v > m) m = v;
          suffix[k] = m;
        }
        hpos = 0;
      }
      // The held peak changes only when a louder slot arrives or the loudest leaves the window: divide only then.
      if (peak !== heldPeak) {
        heldPeak = peak;
        held = peak > ceiling ? target / peak : 1;
      }
      // Exponential release towards just above unity (so it arrives), instant attack down to the hold.
      env += (1 + RELEASE_OVERSHOOT - env) * coef;
      if (env > 1) env = 1;
      if (held < env) env = held;
      // Moving average; exactly unity while its window holds only unity, so quiet audio passes bit-exact.
      const old = box[pos]!;
      box[pos] = env;
      sum += env - old;
      if (env < 1) below++;
      if (old < 1) below--;
      if (++pos === ramp) {
        pos = 0;
        // Re-sum once per window so rounding never accumulates.
        sum = 0;
        for (let k = 0; k < ramp; k++) sum += box[k]!;
      }
      gain = below === 0 ? 1 : sum * invRamp;
      if (gain > 1) gain = 1;
      if (gain < minGain) minGain = gain;
      gains[i] = gain;
    }
    this.holdPos = hpos;
    this.holdPrefix = prefix;
    if (n > 0) this.heldPeak = heldPeak;
    this.envelope = env;
    this.boxPos = pos;
    this.boxSum = sum;
    this.boxBelowUnity = below;
    this.minGainSinceTake = minGain;
    if (n > 0) this.lastGain = gain;
    return false;
  }
}
