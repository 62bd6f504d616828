/** Waveform overview: per bucket the largest and smallest sample, interleaved [max0, min0, max1, min1, …]. */
export interface Peaks {
  /** One array per channel, 2 values per bucket. */
  readonly channels: Float32Array[];
  /** Buckets per second of audio. */
  readonly bucketsPerSec: number;
  readonly durationSec: number;
}

/**
 * Computes min/max peaks of each channel, once, so no view ever decodes the audio again.
 * @param channels PCM per channel, −1..1
 * @param sampleRate Hz
 * @param bucketsPerSec resolution of the overview, 1..sampleRate (the timeline's deepest zoom needs ~200)
 */
export function computePeaks(channels: readonly Float32Array[], sampleRate: number, bucketsPerSec = 200): Peaks {
  if (!(sampleRate > 0)) throw new RangeError(`sampleRate must be positive, got ${sampleRate}`);
  const rate = Math.max(1, Math.min(bucketsPerSec, sampleRate));
  const length = channels[0]?.length ?? 0;
  const samplesPerBucket = sampleRate / rate;
  const buckets = Math.ceil(length / samplesPerBucket);
  const out = channels.map((data) => {
    const peaks = new Float32Array(buckets * 2);
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor(b * samplesPerBucket);
      const to = Math.min(length, Math.floor((b + 1) * samplesPerBucket));
      let max = 0;
      let min = 0;
      for (let i = from; i < to; i++) {
        const v = data[i]!;
        if (v > max) max = v;
        else if (v < min) min = v;
      }
      peaks[2 * b] = max;
      peaks[2 * b + 1] = min;
    }
    return peaks;
  });
  return { channels: out, bucketsPerSec: rate, durationSec: length / sampleRate };
}

/**
 * The overview a waveform view draws: the top edge (largest max of any channel) and the bottom edge
 * (smallest min), de-interleaved, one value per bucket each.
 */
export function peakEnvelope(peaks: Peaks): [Float32Array, Float32Array] {
  const buckets = (peaks.channels[0]?.length ?? 0) / 2;
  const top = new Float32Array(buckets);
  const bottom = new Float32Array(buckets);
  for (const ch of peaks.channels) {
    for (let b = 0; b < buckets; b++) {
      const max = ch[2 * b]!;
      const min = ch[2 * b + 1]!;
      if (max > top[b]!) top[b] = max;
      if (min < bottom[b]!) bottom[b] = min;
    }
  }
  return [top, bottom];
}
