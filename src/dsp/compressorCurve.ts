/**
 * The static curve of a hard-knee compressor, and the automatic make-up gain Web Audio's
 * DynamicsCompressorNode applies, so the engine can take it back out and make-up is only what the user set.
 */

/**
 * Output level for an input level, dB, in steady state.
 * @param inputDb input level, dBFS
 * @param thresholdDb −60..0
 * @param ratio ≥ 1
 */
export function compressedLevelDb(inputDb: number, thresholdDb: number, ratio: number): number {
  return inputDb <= thresholdDb ? inputDb : thresholdDb + (inputDb - thresholdDb) / ratio;
}

/**
 * The make-up gain a DynamicsCompressorNode adds by itself with knee 0, dB: the spec's
 * (1 / fullRangeGain)^0.6, where fullRangeGain is the curve's gain for a 0 dBFS input.
 */
export function nativeMakeupDb(thresholdDb: number, ratio: number): number {
  const fullRangeGainDb = compressedLevelDb(0, thresholdDb, ratio);
  return -0.6 * fullRangeGainDb;
}

/**
 * The same automatic make-up for a soft knee, dB: Web Audio's curve (as Chromium computes it) is linear up to the
 * threshold, then the exponential knee y = T + (1 − e^(−k(x − T))) / k (linear units) up to threshold + knee, with k
 * chosen so its slope there is 1/ratio, then a straight 1/ratio line in dB. With knee 0 it equals nativeMakeupDb().
 * @param thresholdDb −100..0
 * @param ratio 1..20
 * @param kneeDb 0..40
 */
export function nativeMakeupDbWithKnee(thresholdDb: number, ratio: number, kneeDb: number): number {
  if (!(kneeDb > 0)) return nativeMakeupDb(thresholdDb, ratio);
  const toLin = (db: number) => Math.pow(10, db / 20);
  const toDb = (x: number) => 20 * Math.log10(x);
  const t = toLin(thresholdDb);
  const kneeCurve = (x: number, k: number) => (x < t ? x : t + (1 - Math.exp(-k * (x - t))) / k);
  const kneeEndDb = thresholdDb + kneeDb;
  const kneeEnd = toLin(kneeEndDb);
  // The slope of the knee curve at its end, dB/dB, by the same small step Chromium takes.
  const slopeAt = (x: number, k: number) => {
    if (x < t) return 1;
    const x2 = x * 1.001;
    return (toDb(kneeCurve(x2, k)) - toDb(kneeCurve(x, k))) / (toDb(x2) - toDb(x));
  };
  // Chromium's search for k: 15 steps of a geometric bisection in 0.1..10000.
  let lo = 0.1;
  let hi = 10000;
  let k = 5;
  for (let i = 0; i < 15; i++) {
    if (slopeAt(kneeEnd, k) < 1 / ratio) hi = k;
    else lo = k;
    k = Math.sqrt(lo * hi);
  }
  // 0 dBFS in: above the knee (the knee ends at or below 0 dB in practice), the straight part of the curve.
  const fullRangeDb = kneeEndDb >= 0 ? toDb(kneeCurve(1, k)) : toDb(kneeCurve(kneeEnd, k)) + (0 - kneeEndDb) / ratio;
  return -0.6 * fullRangeDb;
}
