/**
 * The soft clipper of the saturation insert: y = tanh(d·x) / d.
 * Quiet signals pass at unity gain, so switching it in or out does not jump in level; loud peaks are rounded
 * off towards ±1/d, which adds odd harmonics that grow with level, as a driven tape or valve stage does.
 */
export const SATURATION_CURVE_LENGTH = 4096;

/**
 * @param driveDb drive, dB (0..36): how hard the signal is pushed into the curve
 * @param length points in the curve (odd lengths put a point exactly at 0)
 * @returns a WaveShaper curve over input −1..+1
 */
export function saturationCurve(driveDb: number, length = SATURATION_CURVE_LENGTH + 1): Float32Array<ArrayBuffer> {
  const d = Math.pow(10, Math.max(0, driveDb) / 20);
  const curve = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const x = (i / (length - 1)) * 2 - 1;
    curve[i] = Math.tanh(d * x) / d;
  }
  return curve;
}

/** The curve's transfer for one input sample: the same formula, for tests and analysis. */
export function saturate(x: number, driveDb: number): number {
  const d = Math.pow(10, Math.max(0, driveDb) / 20);
  return Math.tanh(d * Math.max(-1, Math.min(1, x))) / d;
}
