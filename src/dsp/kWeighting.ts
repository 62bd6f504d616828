/**
 * K-weighting (ITU-R BS.1770-5, Annex 1): the loudness meter's input filter, at any sample rate.
 *
 * The Recommendation gives the two biquads only as coefficients for 48 kHz (its Tables 1 and 2):
 *  - stage 1, the "pre-filter": a high shelf of about +4 dB above ~1.7 kHz (the acoustic effect of the head);
 *  - stage 2, the "RLB" curve: a second-order high-pass at ~38 Hz.
 * Both are the bilinear transform (pre-warped at f0) of an analogue prototype. Fitting that prototype to the
 * 48 kHz tables gives the parameters below; re-running the bilinear transform at another rate gives that rate's
 * coefficients, with the same response as the 48 kHz filter (up to the bilinear transform's own frequency warping,
 * under 0.02 dB over 20 Hz – 16 kHz at 44.1 kHz).
 *
 * Pure math: no Web Audio, no DOM; safe in Node and in an AudioWorklet.
 */

/** One second-order section, normalised so a0 = 1: y = b0·x + b1·x₋₁ + b2·x₋₂ − a1·y₋₁ − a2·y₋₂. */
export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/** The two stages of the K-weighting filter, applied in this order. */
export interface KWeightingCoefficients {
  /** Stage 1: the high-shelf pre-filter. */
  readonly shelf: Biquad;
  /** Stage 2: the RLB high-pass. */
  readonly highPass: Biquad;
}

/** Stage 1 analogue prototype: shelf mid-point frequency, Hz. */
export const SHELF_F0_HZ = 1681.974450955533;
/** Stage 1 analogue prototype: high-frequency gain of the shelf, dB. */
export const SHELF_GAIN_DB = 3.999843853973347;
/** Stage 1 analogue prototype: quality factor. */
export const SHELF_Q = 0.7071752369554196;
/** Stage 1: the band-pass term's gain is the shelf gain raised to this power (≈ its square root). */
const SHELF_VB_EXPONENT = 0.4996667741545416;
/** Stage 2 analogue prototype: high-pass corner frequency, Hz. */
export const HIGH_PASS_F0_HZ = 38.13547087602444;
/** Stage 2 analogue prototype: quality factor. */
export const HIGH_PASS_Q = 0.5003270373238773;

/**
 * The lowest sample rate accepted, Hz. The bilinear transform warps the shelf (f0 ≈ 1.7 kHz) more as the rate falls:
 * the 997 Hz gain is off by 0.046 dB at 16 kHz, but by 0.10 dB at 11.025 kHz and 0.20 dB at 8 kHz.
 */
export const MIN_SAMPLE_RATE = 16000;

function checkRate(sampleRate: number): void {
  if (!Number.isFinite(sampleRate) || sampleRate < MIN_SAMPLE_RATE) {
    throw new RangeError(`sample rate must be a finite number ≥ ${MIN_SAMPLE_RATE} Hz, got ${sampleRate}`);
  }
}

/** a0 of the stage-2 bilinear transform, 1 + K/Q + K², before normalisation. */
function highPassA0(sampleRate: number): number {
  const k = Math.tan((Math.PI * HIGH_PASS_F0_HZ) / sampleRate);
  return 1 + k / HIGH_PASS_Q + k * k;
}

/**
 * K-weighting coefficients for a sample rate, by bilinear transform of the analogue prototypes.
 *
 * Stage 1, analogue: H(s) = (Vh·S² + Vb·S/Q + 1) / (S² + S/Q + 1), S = s/ω0, Vh = 10^(G/20), Vb = Vh^0.49967.
 * With K = tan(π·f0/fs) the bilinear transform gives
 *   b = [Vh + Vb·K/Q + K², 2(K² − Vh), Vh − Vb·K/Q + K²] / a0,   a = [1, 2(K² − 1), 1 − K/Q + K²] / a0,
 *   a0 = 1 + K/Q + K².
 * Stage 2, analogue: H(s) = g·S² / (S² + S/Q + 1). The Recommendation's 48 kHz table has numerator [1, −2, 1]
 * (not normalised by a0), i.e. a pass-band gain g = a0(48 kHz) ≈ 1.005 (+0.043 dB), which the −0.691 dB constant
 * of the loudness formula was calibrated with. Keeping g fixed at that value gives b = a0(48 kHz)/a0(fs)·[1, −2, 1]:
 * exactly [1, −2, 1] at 48 kHz, and the same pass-band gain at every other rate.
 *
 * @param sampleRate Hz, ≥ 16000 (finite)
 * @returns both stages, a0-normalised; at 48 kHz equal to BS.1770 Tables 1 and 2 to within 1e-15
 * @throws RangeError for a rate below 16 kHz or not finite
 */
export function kWeightingCoefficients(sampleRate: number): KWeightingCoefficients {
  checkRate(sampleRate);
  // Stage 1: high shelf.
  const k1 = Math.tan((Math.PI * SHELF_F0_HZ) / sampleRate);
  const vh = Math.pow(10, SHELF_GAIN_DB / 20);
  const vb = Math.pow(vh, SHELF_VB_EXPONENT);
  const kq1 = k1 / SHELF_Q;
  const kk1 = k1 * k1;
  const a01 = 1 + kq1 + kk1;
  const shelf: Biquad = {
    b0: (vh + vb * kq1 + kk1) / a01,
    b1: (2 * (kk1 - vh)) / a01,
    b2: (vh - vb * kq1 + kk1) / a01,
    a1: (2 * (kk1 - 1)) / a01,
    a2: (1 - kq1 + kk1) / a01,
  };
  // Stage 2: RLB high-pass, pass-band gain held at the 48 kHz table's.
  const k2 = Math.tan((Math.PI * HIGH_PASS_F0_HZ) / sampleRate);
  const kq2 = k2 / HIGH_PASS_Q;
  const kk2 = k2 * k2;
  const a02 = 1 + kq2 + kk2;
  const g = highPassA0(48000) / a02;
  const highPass: Biquad = {
    b0: g,
    b1: -2 * g,
    b2: g,
    a1: (2 * (kk2 - 1)) / a02,
    a2: (1 - kq2 + kk2) / a02,
  };
  return { shelf, highPass };
}

/**
 * Magnitude response of one biquad.
 * @param frequency Hz, 0..sampleRate/2
 * @param sampleRate Hz, > 0
 * @returns gain in dB (−∞ at a zero of the filter)
 */
export function biquadGainDb(bq: Biquad, frequency: number, sampleRate: number): number {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  const nr = bq.b0 + bq.b1 * c1 + bq.b2 * c2;
  const ni = -(bq.b1 * s1 + bq.b2 * s2);
  const dr = 1 + bq.a1 * c1 + bq.a2 * c2;
  const di = -(bq.a1 * s1 + bq.a2 * s2);
  return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
}

/**
 * Magnitude response of the whole K-weighting filter (both stages).
 * About +0.69 dB at 997 Hz, +4 dB at 10 kHz, −13 dB at 20 Hz.
 * @param frequency Hz, 0..sampleRate/2
 * @param sampleRate Hz, ≥ 16000
 * @returns gain in dB
 */
export function kWeightingGainDb(frequency: number, sampleRate: number): number {
  const { shelf, highPass } = kWeightingCoefficients(sampleRate);
  return biquadGainDb(shelf, frequency, sampleRate) + biquadGainDb(highPass, frequency, sampleRate);
}

/** State below this magnitude is flushed to 0 between calls, so a decaying tail never reaches slow denormals. */
const DENORMAL_FLUSH = 1e-25;

/**
 * A streaming K-weighting filter for one channel (transposed direct form II, double precision).
 * No allocation after construction.
 */
export class KWeightingFilter {
  readonly sampleRate: number;
  readonly coefficients: KWeightingCoefficients;
  private s1 = 0;
  private s2 = 0;
  private h1 = 0;
  private h2 = 0;

  /** @param sampleRate Hz, ≥ 16000 */
  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
    this.coefficients = kWeightingCoefficients(sampleRate);
  }

  /** Clears the filter memory (as if preceded by silence). */
  reset(): void {
    this.s1 = 0;
    this.s2 = 0;
    this.h1 = 0;
    this.h2 = 0;
  }

  /**
   * Filters input[from..to) into output[from..to) (they may be the same array).
   * @param input samples, nominally −1..1
   * @param output receives the K-weighted samples
   */
  process(input: Float32Array, output: Float32Array | Float64Array, from = 0, to = input.length): void {
    const { shelf: p, highPass: q } = this.coefficients;
    const pb0 = p.b0, pb1 = p.b1, pb2 = p.b2, pa1 = p.a1, pa2 = p.a2;
    const qb0 = q.b0, qa1 = q.a1, qa2 = q.a2;
    let s1 = this.s1, s2 = this.s2, h1 = this.h1, h2 = this.h2;
    for (let i = from; i < to; i++) {
      const x = input[i]!;
      const y = pb0 * x + s1;
      s1 = pb1 * x - pa1 * y + s2;
      s2 = pb2 * x - pa2 * y;
      const v = qb0 * y;
      const z = v + h1;
      h1 = -2 * v - qa1 * z + h2;
      h2 = v - qa2 * z;
      output[i] = z;
    }
    this.store(s1, s2, h1, h2);
  }

  /**
   * Filters input[from..to) and returns the sum of the squared K-weighted samples (not the mean);
   * the filter state advances as if process() had run. This is the loudness meter's inner loop.
   * @param input samples, nominally −1..1
   * @returns Σ y², ≥ 0
   */
  sumOfSquares(input: Float32Array, from = 0, to = input.length): number {
    const { shelf: p, highPass: q } = this.coefficients;
    const pb0 = p.b0, pb1 = p.b1, pb2 = p.b2, pa1 = p.a1, pa2 = p.a2;
    const qb0 = q.b0, qa1 = q.a1, qa2 = q.a2;
    let s1 = this.s1, s2 = this.s2, h1 = this.h1, h2 = this.h2;
    let sum = 0;
    for (let i = from; i < to; i++) {
      const x = input[i]!;
      const y = pb0 * x + s1;
      s1 = pb1 * x - pa1 * y + s2;
      s2 = pb2 * x - pa2 * y;
      const v = qb0 * y;
      const z = v + h1;
      h1 = -2 * v - qa1 * z + h2;
      h2 = v - qa2 * z;
      sum += z * z;
    }
    this.store(s1, s2, h1, h2);
    return sum;
  }

  private store(s1: number, s2: number, h1: number, h2: number): void {
    if (!Number.isFinite(s1 + s2 + h1 + h2)) {
      // A NaN or ∞ sample would otherwise poison the recursion for good: start again from silence.
      this.reset();
      return;
    }
    const tiny = DENORMAL_FLUSH;
    this.s1 = s1 > -tiny && s1 < tiny ? 0 : s1;
    this.s2 = s2 > -tiny && s2 < tiny ? 0 : s2;
    this.h1 = h1 > -tiny && h1 < tiny ? 0 : h1;
    this.h2 = h2 > -tiny && h2 < tiny ? 0 : h2;
  }
}
