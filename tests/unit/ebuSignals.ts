/**
 * Test signals for the loudness and true-peak suites: the synthesizable EBU Tech 3341 (v4, 2023) and Tech 3342
 * conformance signals, seeded noise, and a float WAV writer for the ffmpeg cross-check. Test code only.
 */
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { mulberry32 } from '../../src/dsp/random';

/** The two sample rates every conformance case runs at. */
export const RATES = [44100, 48000] as const;

/** A tone step: level in dBFS (sine peak), or null for silence; duration in seconds. */
export type Step = readonly [levelDbfs: number | null, seconds: number];

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Concatenated steps of a sine (default 1 kHz), phase-continuous across the steps (the phase follows the absolute
 * sample index), each step `round(seconds·fs)` samples. One period table makes it exact and fast.
 */
export function toneSteps(sampleRate: number, steps: readonly Step[], frequency = 1000): Float32Array {
  let total = 0;
  for (const [, s] of steps) total += Math.round(s * sampleRate);
  const out = new Float32Array(total);
  // The sine repeats exactly every `period` samples (integer frequency and rate).
  const period = sampleRate / gcd(sampleRate, frequency);
  const table = new Float64Array(period);
  for (let n = 0; n < period; n++) table[n] = Math.sin((2 * Math.PI * frequency * n) / sampleRate);
  let i = 0;
  for (const [level, s] of steps) {
    const n = Math.round(s * sampleRate);
    if (level !== null) {
      const a = Math.pow(10, level / 20);
      for (let k = 0; k < n; k++) out[i + k] = a * table[(i + k) % period]!;
    }
    i += n;
  }
  return out;
}

/** The same signal on both channels (one shared array: the meters only read it). */
export function stereo(x: Float32Array): Float32Array[] {
  return [x, x];
}

/**
 * A sine given as a fraction of the sample rate, with a start phase and raised-cosine fades in and out (so the
 * onset does not ring in the interpolator): the Tech 3341 true-peak cases 15–19.
 * @param cyclesPerSample frequency / fs
 * @param amplitude peak, linear
 * @param phaseDeg start phase of sin(), degrees
 */
export function fadedSine(
  sampleRate: number,
  seconds: number,
  cyclesPerSample: number,
  amplitude: number,
  phaseDeg: number,
  fadeSeconds = 0.01,
): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const fade = Math.round(fadeSeconds * sampleRate);
  const out = new Float32Array(n);
  const phase = (phaseDeg * Math.PI) / 180;
  for (let i = 0; i < n; i++) {
    let g = 1;
    if (i < fade) g = 0.5 - 0.5 * Math.cos((Math.PI * i) / fade);
    else if (i >= n - fade) g = 0.5 - 0.5 * Math.cos((Math.PI * (n - 1 - i)) / fade);
    out[i] = g * amplitude * Math.sin(2 * Math.PI * cyclesPerSample * i + phase);
  }
  return out;
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 200; k++) {
    term *= (x * x) / 4 / (k * k);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/**
 * A band-limited pulse whose continuous-time peak is exactly +1.0 (0 dBTP), sampled so that the peak falls
 * `quarter`/4 of a sample after a sample instant: the construction of Tech 3341 cases 20–23 ("generated at 4·fs,
 * then decimated with an offset of 0–3 samples"), done analytically instead of with a decimation filter.
 * The pulse is sinc(bandwidth·τ)·Kaiser(τ/halfWidth) (τ in samples); with bandwidth 0.8 its spectrum is flat to
 * 0.4·fs and negligible from 0.5·fs, and |x(τ)| < 1 for τ ≠ 0. Ten pulses, 0.1 s apart, alternate in sign.
 */
export function interSamplePulses(sampleRate: number, quarter: 0 | 1 | 2 | 3, bandwidth = 0.8, halfWidth = 24): Float32Array {
  const spacing = Math.round(0.1 * sampleRate);
  const pulses = 10;
  const out = new Float32Array(spacing * (pulses + 1));
  const beta = 8;
  const i0b = besselI0(beta);
  for (let p = 0; p < pulses; p++) {
    const centre = spacing * (p + 1) + quarter / 4; // peak instant, in samples
    const sign = p % 2 === 0 ? 1 : -1;
    const first = Math.ceil(centre - halfWidth);
    const last = Math.floor(centre + halfWidth);
    for (let n = first; n <= last; n++) {
      const tau = n - centre;
      const r = tau / halfWidth;
      if (Math.abs(r) >= 1) continue;
      const x = Math.PI * bandwidth * tau;
      const sinc = tau === 0 ? 1 : Math.sin(x) / x;
      out[n] = sign * sinc * (besselI0(beta * Math.sqrt(1 - r * r)) / i0b);
    }
  }
  return out;
}

/** Gaussian white noise, seeded (Box–Muller on mulberry32), RMS `rms`. */
export function whiteNoise(seed: number, length: number, rms = 1): Float32Array {
  const rnd = mulberry32(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    const u = rnd() || 1e-12;
    const v = rnd();
    const r = rms * Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < length) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/**
 * Pink (−3 dB/octave) noise, seeded: the Voss–McCartney method, 16 rows of uniform noise where row k is
 * redrawn every 2^k samples, plus one white row; scaled to an RMS of about `rms`.
 */
export function pinkNoise(seed: number, length: number, rms = 1): Float32Array {
  const rnd = mulberry32(seed);
  const rows = new Float64Array(16);
  let sum = 0;
  for (let k = 0; k < 16; k++) {
    rows[k] = rnd() * 2 - 1;
    sum += rows[k]!;
  }
  const out = new Float32Array(length);
  // Each row is uniform on ±1 (variance 1/3); 17 rows.
  const scale = rms / Math.sqrt(17 / 3);
  for (let i = 0; i < length; i++) {
    const n = i + 1;
    const k = Math.min(15, 31 - Math.clz32(n & -n)); // trailing zeros of n
    sum -= rows[k]!;
    rows[k] = rnd() * 2 - 1;
    sum += rows[k]!;
    out[i] = scale * (sum + rnd() * 2 - 1);
  }
  return out;
}

/** Multiplies a signal by a gain that steps every `stepSeconds` through `levelsDb` (in place), for a dynamic "programme". */
export function stepGain(x: Float32Array, sampleRate: number, stepSeconds: number, levelsDb: readonly number[]): Float32Array {
  const step = Math.round(stepSeconds * sampleRate);
  for (let i = 0; i < x.length; i++) {
    const level = levelsDb[Math.floor(i / step) % levelsDb.length]!;
    x[i] = x[i]! * Math.pow(10, level / 20);
  }
  return x;
}

/** Writes planar channels as a 32-bit float WAV (WAVE_FORMAT_IEEE_FLOAT), header written by hand. */
export function writeFloatWav(path: string, channels: readonly Float32Array[], sampleRate: number): void {
  const numChannels = channels.length;
  const frames = channels[0]!.length;
  const dataBytes = frames * numChannels * 4;
  const buf = Buffer.alloc(44 + dataBytes);
  const interleaved = new Float32Array(frames * numChannels);
  for (let c = 0; c < numChannels; c++) {
    const ch = channels[c]!;
    for (let i = 0; i < frames; i++) interleaved[i * numChannels + c] = ch[i]!;
  }
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(3, 20); // IEEE float
  buf.writeUInt16LE(numChannels, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * numChannels * 4, 28); // byte rate
  buf.writeUInt16LE(numChannels * 4, 32); // block align
  buf.writeUInt16LE(32, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  if (endianness() === 'LE') {
    Buffer.from(interleaved.buffer, interleaved.byteOffset, dataBytes).copy(buf, 44);
  } else {
    for (let i = 0; i < interleaved.length; i++) buf.writeFloatLE(interleaved[i]!, 44 + 4 * i);
  }
  writeFileSync(path, buf);
}

/** The summary of ffmpeg's ebur128 filter. */
export interface FfmpegSummary {
  integrated: number;
  lra: number;
  truePeakDb: number;
}

/** Parses the "Summary:" block that `ffmpeg -af ebur128=peak=true` prints on stderr. */
export function parseEbur128Summary(stderr: string): FfmpegSummary {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const num = (re: RegExp): number => {
    const m = re.exec(summary);
    if (!m) throw new Error(`ffmpeg summary lacks ${re}: ${summary}`);
    return m[1] === '-inf' ? -Infinity : Number(m[1]);
  };
  return {
    integrated: num(/\bI:\s+(-?[\d.]+|-inf) LUFS/),
    lra: num(/\bLRA:\s+(-?[\d.]+) LU/),
    truePeakDb: num(/\bPeak:\s+(-?[\d.]+|-inf) dBFS/),
  };
}
