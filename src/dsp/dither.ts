/**
 * Quantises float audio to 16-bit with TPDF dither: the sum of two uniform random values of ±½ LSB each,
 * which decorrelates the rounding error from the signal.
 * @param channels PCM per channel, −1..1 (clipped beyond)
 * @param random uniform [0, 1) source; pass a seeded one for repeatable output
 * @returns interleaved signed 16-bit samples
 */
export function ditherTo16BitInterleaved(channels: readonly Float32Array[], random: () => number): Int16Array {
  const numChannels = channels.length;
  const length = channels[0]?.length ?? 0;
  const out = new Int16Array(length * numChannels);
  for (let c = 0; c < numChannels; c++) {
    const data = channels[c]!;
    for (let i = 0; i < length; i++) {
      const tpdf = random() - random(); // −1..1 LSB, triangular
      const v = Math.round(data[i]! * 32768 + tpdf);
      out[i * numChannels + c] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
  }
  return out;
}

/** Interleaves planar channels, clipping to −1..1 (for 24-bit export, which needs no dither at this depth). */
export function interleave(channels: readonly Float32Array[]): Float32Array {
  const numChannels = channels.length;
  const length = channels[0]?.length ?? 0;
  const out = new Float32Array(length * numChannels);
  for (let c = 0; c < numChannels; c++) {
    const data = channels[c]!;
    for (let i = 0; i < length; i++) {
      const v = data[i]!;
      out[i * numChannels + c] = v > 1 ? 1 : v < -1 ? -1 : v;
    }
  }
  return out;
}
