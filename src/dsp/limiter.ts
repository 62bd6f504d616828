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
 * Cost: the detector settles most slots with rigorous bounds instead of the full 16-tap interpolation (a block whose
 * largest sample cannot reach the ceiling costs one comparison per sample; in a loud block a 6-tap estimate plus its
 * worst-case error, then the exact ½ point, rule out most of the rest), and a chunk with nothing to limit and no gain
 * reduction left is a plain delayed copy. No allocation after construction (the gain computer's real-valued state
 * lives in a Float64Array: V8 boxed it as object fields, allocating per block).
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

// Indices into TruePeakLimiter.state.
/** Max of the hold's current block's peaks at positions 0 .. holdPos − 1. */
const HOLD_PREFIX = 0;
/** The hold's output for the last slot: the largest peak of the last W slots. */
const HELD_PEAK = 1;
/** Release envelope, linear gain 0..1. */
const ENVELOPE = 2;
/** Sum of the moving average's ring. */
const BOX_SUM = 3;
/** Gain applied to the last output sample, linear 0..1. */
const LAST_GAIN = 4;
/** Smallest gain since the last takePeakGainReductionDb(), linear 0..1. */
const MIN_GAIN = 5;
const STATE_SIZE = 6;

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

/**
 * Least-squares fit: the coefficients c minimising Σ_j (target[j] − Σ_f c[f]·features[f][j])², by the normal
 * equations and Gaussian elimination with partial pivoting (a handful of features: construction time only).
 */
function leastSquares(features: readonly Float64Array[], target: Float64Array): Float64Array {
  const k = features.length;
  const a = Array.from({ length: k }, (_, r) =>
    Float64Array.from({ length: k + 1 }, (_, c) => {
      const other = c < k ? features[c]! : target;
      let s = 0;
      for (let j = 0; j < target.length; j++) s += features[r]![j]! * other[j]!;
      return s;
    }),
  );
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]! / p[col]!;
      for (let c = col; c <= k; c++) row[c] = row[c]! - f * p[c]!;
    }
  }
  return Float64Array.from({ length: k }, (_, r) => a[r]![k]! / a[r]![r]!);
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
  /** W: length of the hold (sliding maximum of the slot peaks), slots. */
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
  /**
   * Detector cascade (see detect). Each stage approximates the interpolated points with a few taps, and bounds the
   * error by the L1 norm of what it leaves out × the largest |x| in the window ("slack"), so a slot is settled as
   * soon as approximation + slack cannot beat the threshold. Coefficients, 14 in all (see the constructor):
   * stage A — the ½ phase on its 6 centre taps (folded: 3), the ¼/¾ phases on their 6 centre taps (folded: 3 even,
   * 3 odd); stage B — the ¼/¾ phases from the exact ½ point and the 4 centre samples (least squares, folded: 5; L1
   * residual ≈ 0.048, so this bound is tight).
   */
  private readonly stages: Float64Array;
  /** |y| ≤ l1 · max|x| for every phase: the whole-block skip. */
  private readonly l1: number;
  /** Slacks, per unit of max|x|: stage A's ½ phase, stage A's ¼/¾ phases, stage B's ¼/¾ phases. */
  private readonly slackMidA: number;
  private readonly slackQuarterA: number;
  private readonly slackQuarterB: number;
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

  // Moving average: ring of the last N envelope values, and how many of them are below unity.
  private readonly box: Float64Array;
  private boxPos = 0;
  private boxBelowUnity = 0;

  /**
   * The gain computer's real-valued state (indices HOLD_PREFIX … MIN_GAIN). Kept in a Float64Array rather than in
   * fields: V8 may box a double stored in a field, and did here — a heap allocation per block, and per sample where
   * the loop's running values were boxed too. Typed-array loads and stores never allocate.
   */
  private readonly state = new Float64Array(STATE_SIZE);

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
    for (const h of phases) {
      let s = 0;
      for (let j = 0; j < TAPS; j++) s += Math.abs(h[j]!);
      l1 = Math.max(l1, s);
    }
    this.l1 = l1;
    // The ½ phase (symmetric) and, at 4×, the ¼ phase (the ¾ phase is its mirror image).
    const midPhase = phases[this.design.oversampling === 4 ? 1 : 0]!;
    const quarter = this.design.oversampling === 4 ? phases[0]! : null;
    /** Σ |h[j]| over the taps outside 5..10 (what a 6-centre-tap approximation leaves out). */
    const outside = (h: Float64Array): number => {
      let s = 0;
      for (let j = 0; j < TAPS; j++) if (j < 5 || j > 10) s += Math.abs(h[j]!);
      return s;
    };
    // Float rounding of the approximations is ~1e-16 of the signal: a 1e-12 allowance keeps the bounds rigorous.
    const ROUNDING = 1e-12;
    this.stages = new Float64Array(TAPS);
    for (let j = 0; j < 3; j++) this.stages[j] = midPhase[5 + j]!; // pairs (5, 10), (6, 9), (7, 8)
    this.slackMidA = outside(midPhase) + ROUNDING;
    if (quarter) {
      for (let j = 0; j < 3; j++) {
        this.stages[3 + j] = (quarter[5 + j]! + quarter[10 - j]!) / 2;
        this.stages[6 + j] = (quarter[5 + j]! - quarter[10 - j]!) / 2;
      }
      this.slackQuarterA = outside(quarter) + ROUNDING;
      // Stage B: ¼ ≈ c0·x6 + c1·x7 + c2·x8 + c3·x9 + c4·(½ point), least squares over the 16 taps.
      const features = [6, 7, 8, 9].map((tap) => Float64Array.from({ length: TAPS }, (_, j) => (j === tap ? 1 : 0)));
      features.push(Float64Array.from(midPhase));
      const c = leastSquares(features, quarter);
      let residual = 0;
      for (let j = 0; j < TAPS; j++) {
        let approx = 0;
        for (let f = 0; f < features.length; f++) approx += c[f]! * features[f]![j]!;
        residual += Math.abs(quarter[j]! - approx);
      }
      this.slackQuarterB = residual + ROUNDING;
      // Folded: ¼ ≈ even + odd and ¾ ≈ even − odd, with even = b0·(x6 + x9) + b1·(x7 + x8) + b2·½, odd = b3·(x6 − x9) + b4·(x7 − x8).
      this.stages[9] = (c[0]! + c[3]!) / 2;
      this.stages[10] = (c[1]! + c[2]!) / 2;
      this.stages[11] = c[4]!;
      this.stages[12] = (c[0]! - c[3]!) / 2;
      this.stages[13] = (c[1]! - c[2]!) / 2;
    } else {
      this.slackQuarterA = 0;
      this.slackQuarterB = 0;
    }
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
    const g = this.state[LAST_GAIN]!;
    return g >= 1 ? 0 : -20 * Math.log10(g);
  }

  /** The largest gain reduction (dB, ≥ 0) since the previous call, construction or reset(); starts a new interval. */
  takePeakGainReductionDb(): number {
    const g = this.state[MIN_GAIN]!;
    this.state[MIN_GAIN] = this.state[LAST_GAIN]!;
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
    this.box.fill(1);
    this.boxPos = 0;
    this.boxBelowUnity = 0;
    const st = this.state;
    st[HOLD_PREFIX] = 0;
    st[HELD_PEAK] = 0;
    st[ENVELOPE] = 1;
    st[BOX_SUM] = this.rampLength;
    st[LAST_GAIN] = 1;
    st[MIN_GAIN] = 1;
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
   * frame's own) and reconstructs slot i, which starts at buf[D − T/2 + i], T/2 samples older.
   * Windows go in blocks of T. A block is skipped when l1 × its largest |x| cannot exceed the ceiling. Inside a loud
   * block each slot runs a cascade, and stops as soon as its bound cannot beat the threshold (the ceiling, the other
   * channels' peak, and the exact values found so far): A) 6-tap approximations of all three points + slack;
   * B) the exact ½ point, and the ¼/¾ points from it + slack; C) the exact ¼/¾ points. In loud programme most slots
   * end at A or B, which is what makes heavy limiting affordable. The bounds are rigorous, so a slot's value above
   * the ceiling is always exact, and the result does not depend on how the stream is cut into calls.
   */
  private detect(buf: Float64Array, n: number): void {
    const k = this.coef;
    // Exact kernel (stage C), coefficients in locals: e = even part of the ¼ phase, o = its odd part, m = the ½ phase.
    const e0 = k[0]!, e1 = k[1]!, e2 = k[2]!, e3 = k[3]!, e4 = k[4]!, e5 = k[5]!, e6 = k[6]!, e7 = k[7]!;
    const o0 = k[8]!, o1 = k[9]!, o2 = k[10]!, o3 = k[11]!, o4 = k[12]!, o5 = k[13]!, o6 = k[14]!, o7 = k[15]!;
    const m0 = k[16]!, m1 = k[17]!, m2 = k[18]!, m3 = k[19]!, m4 = k[20]!, m5 = k[21]!, m6 = k[22]!, m7 = k[23]!;
    const st = this.stages;
    const am0 = st[0]!, am1 = st[1]!, am2 = st[2]!;
    const aqe0 = st[3]!, aqe1 = st[4]!, aqe2 = st[5]!, aqo0 = st[6]!, aqo1 = st[7]!, aqo2 = st[8]!;
    const be0 = st[9]!, be1 = st[10]!, bm = st[11]!, bo0 = st[12]!, bo1 = st[13]!;
    const four = this.design.oversampling === 4;
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
      const a = Math.abs(v);
      if (a > before) before = a;
    }
    for (let b = 0; b < n; b += TAPS) {
      const e = b + TAPS < n ? b + TAPS : n;
      let newMax = 0;
      for (let j = d + b; j < d + e; j++) {
        const v = buf[j]!;
        const a = Math.abs(v);
        if (a > newMax) newMax = a;
      }
      const windowMax = newMax > before ? newMax : before;
      before = newMax; // a full block holds the T − 1 samples before the next; a partial one is the chunk's last
      if (windowMax <= limit) continue;
      const slackMidA = this.slackMidA * windowMax;
      const slackQuarterA = this.slackQuarterA * windowMax;
      const slackQuarterB = this.slackQuarterB * windowMax;
      for (let i = b; i < e; i++) {
        const w = first + i;
        let threshold = peaks[i]! > ceiling ? peaks[i]! : ceiling;
        const xa = buf[w + 7]!;
        const xb = buf[w + 8]!;
        const aa = Math.abs(xa);
        if (aa > threshold) threshold = aa; // phase 0: the sample itself
        const x5 = buf[w + 5]!, x6 = buf[w + 6]!, x9 = buf[w + 9]!, x10 = buf[w + 10]!;
        const s5 = x5 + x10, s6 = x6 + x9, s7 = xa + xb;
        // Stage A.
        const midA = am0 * s5 + am1 * s6 + am2 * s7;
        let bound = Math.abs(midA) + slackMidA;
        if (four) {
          const ev = aqe0 * s5 + aqe1 * s6 + aqe2 * s7;
          const od = aqo0 * (x5 - x10) + aqo1 * (x6 - x9) + aqo2 * (xa - xb);
          // ¼ ≈ ev + od and ¾ ≈ ev − od: the larger magnitude is |ev| + |od|.
          const q = Math.abs(ev) + Math.abs(od) + slackQuarterA;
          if (q > bound) bound = q;
        }
        if (bound > threshold) {
          // Stage B: the exact ½ point.
          const x0 = buf[w]!, x1 = buf[w + 1]!, x2 = buf[w + 2]!, x3 = buf[w + 3]!, x4 = buf[w + 4]!;
          const x11 = buf[w + 11]!, x12 = buf[w + 12]!, x13 = buf[w + 13]!, x14 = buf[w + 14]!, x15 = buf[w + 15]!;
          const s0 = x0 + x15, s1 = x1 + x14, s2 = x2 + x13, s3 = x3 + x12, s4 = x4 + x11;
          const mid = m0 * s0 + m1 * s1 + m2 * s2 + m3 * s3 + m4 * s4 + m5 * s5 + m6 * s6 + m7 * s7;
          const am = Math.abs(mid);
          if (am > threshold) threshold = am;
          if (four) {
            const evB = be0 * s6 + be1 * s7 + bm * mid;
            const odB = bo0 * (x6 - x9) + bo1 * (xa - xb);
            if (Math.abs(evB) + Math.abs(odB) + slackQuarterB > threshold) {
              // Stage C: the exact ¼ and ¾ points.
              const ev = e0 * s0 + e1 * s1 + e2 * s2 + e3 * s3 + e4 * s4 + e5 * s5 + e6 * s6 + e7 * s7;
              const od =
                o0 * (x0 - x15) + o1 * (x1 - x14) + o2 * (x2 - x13) + o3 * (x3 - x12) +
                o4 * (x4 - x11) + o5 * (x5 - x10) + o6 * (x6 - x9) + o7 * (xa - xb);
              const q = Math.abs(ev) + Math.abs(od);
              if (q > threshold) threshold = q;
            }
          }
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
    const st = this.state;
    if (!this.anyOver && st[HELD_PEAK] === 0 && st[ENVELOPE] === 1 && this.boxBelowUnity === 0) {
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
      st[HOLD_PREFIX] = 0;
      this.boxPos = (this.boxPos + n) % ramp;
      st[BOX_SUM] = ramp;
      if (n > 0) st[LAST_GAIN] = 1;
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
    let prefix = st[HOLD_PREFIX]!;
    let heldPeak = -1;
    let held = 1;
    let env = st[ENVELOPE]!;
    let pos = this.boxPos;
    let sum = st[BOX_SUM]!;
    let below = this.boxBelowUnity;
    let minGain = st[MIN_GAIN]!;
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
    st[HOLD_PREFIX] = prefix;
    if (n > 0) st[HELD_PEAK] = heldPeak;
    st[ENVELOPE] = env;
    this.boxPos = pos;
    st[BOX_SUM] = sum;
    this.boxBelowUnity = below;
    st[MIN_GAIN] = minGain;
    if (n > 0) st[LAST_GAIN] = gain;
    return false;
  }
}
