import { gainToDb } from './decibels';
import type { Decibels } from './units';

/** Largest absolute sample value of the given range, linear 0..∞. */
export function samplePeak(data: Float32Array, from = 0, to = data.length): number {
  let peak = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(data[i]!);
    if (a > peak) peak = a;
  }
  return peak;
}

/** Root-mean-square level of the given range, linear. */
export function rms(data: Float32Array, from = 0, to = data.length): number {
  const n = to - from;
  if (n <= 0) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = data[i]!;
    sum += v * v;
  }
  return Math.sqrt(sum / n);
}

/** RMS level in dBFS (a full-scale sine reads −3.01 dBFS). */
export function rmsDb(data: Float32Array, from = 0, to = data.length): Decibels {
  return gainToDb(rms(data, from, to));
}

/** Per-sample difference of two signals: the residual of a null test. */
export function difference(a: Float32Array, b: Float32Array): Float32Array {
  const n = Math.min(a.length, b.length);
  const out = new Float32Array(Math.max(a.length, b.length));
  for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
  for (let i = n; i < a.length; i++) out[i] = a[i]!;
  for (let i = n; i < b.length; i++) out[i] = -b[i]!;
  return out;
}

/**
 * A peak meter's displayed level: jumps up at once, falls at a fixed rate (like a PPM's return).
 * @param displayedDb what the meter showed last frame, dBFS
 * @param peakDb the newest peak reading, dBFS
 * @param elapsedSec time since the last frame, seconds
 * @param fallDbPerSec fall rate, dB per second (20 is a typical digital meter)
 */
export function meterBallistics(displayedDb: number, peakDb: number, elapsedSec: number, fallDbPerSec = 20): number {
  if (peakDb >= displayedDb) return peakDb;
  return Math.max(peakDb, displayedDb - fallDbPerSec * Math.max(0, elapsedSec));
}
