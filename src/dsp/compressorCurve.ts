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
