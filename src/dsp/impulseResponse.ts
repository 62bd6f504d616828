import { mulberry32 } from './random';

export interface ImpulseOptions {
  readonly sampleRate: number;
  /** Time for the tail to fall by 60 dB, seconds. */
  readonly decaySec: number;
  /** The tail darkens towards this cutoff by its end, Hz. */
  readonly dampHz: number;
  readonly seed?: number;
}

/**
 * A stereo reverb impulse response: decorrelated noise under an exponential envelope that falls 60 dB in
 * decaySec, low-passed by a one-pole filter whose cutoff glides from bright to dampHz, as air and walls absorb
 * highs faster than lows. Length is the decay time plus 10%, so the tail ends below −60 dB, not cut off.
 * Normalised to unit energy per channel, so changing the decay does not change the return's loudness much.
 * @returns [left, right]
 */
export function reverbImpulse(o: ImpulseOptions): [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] {
  const length = Math.max(1, Math.round(o.decaySec * 1.1 * o.sampleRate));
  const channels: [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] = [new Float32Array(length), new Float32Array(length)];
  // −60 dB over decaySec: amplitude e^(−t·ln(1000)/decaySec).
  const k = Math.log(1000) / (o.decaySec * o.sampleRate);
  const nyquist = o.sampleRate / 2;
  channels.forEach((out, c) => {
    const rnd = mulberry32((o.seed ?? 1) * 2 + c);
    let lp = 0;
    let energy = 0;
    for (let i = 0; i < length; i++) {
      const progress = i / length;
      const cutoff = Math.min(nyquist * 0.9, 18000 * Math.pow(o.dampHz / 18000, progress));
      const a = 1 - Math.exp((-2 * Math.PI * cutoff) / o.sampleRate);
      lp += a * (rnd() * 2 - 1 - lp);
      const v = lp * Math.exp(-k * i);
      out[i] = v;
      energy += v * v;
    }
    const norm = energy > 0 ? 1 / Math.sqrt(energy) : 0;
    for (let i = 0; i < length; i++) out[i] = (out[i] as number) * norm;
  });
  return channels;
}
