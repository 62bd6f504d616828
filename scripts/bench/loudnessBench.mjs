// Loudness analysis speed: Earshot's measureLoudness (src/dsp/loudness.ts, run in Node through Vite's SSR loader)
// against ffmpeg's ebur128 filter, on the same deterministic stereo pink noise.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats.mjs';

export const FFMPEG = '/usr/bin/ffmpeg';
const SAMPLE_RATE = 48000;
/** Seconds measured before timing, so V8 has compiled the hot loops. */
const WARMUP_SEC = 10;

/**
 * Seeded stereo pink noise (Paul Kellet's refined filter over mulberry32 white noise), about −21 dBFS RMS.
 * @param {(seed: number) => () => number} mulberry32 the project's seeded PRNG
 * @param {number} seconds
 * @returns {Float32Array[]} [left, right], independent
 */
export function pinkNoise(mulberry32, seconds) {
  const length = Math.round(seconds * SAMPLE_RATE);
  return [0x5eed1, 0x5eed2].map((seed) => {
    const random = mulberry32(seed);
    const out = new Float32Array(length);
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (let i = 0; i < length; i++) {
      const white = random() * 2 - 1;
      b0 = 0.99886 * b0 + white * 0.0555179;
      b1 = 0.99332 * b1 + white * 0.0750759;
      b2 = 0.969 * b2 + white * 0.153852;
      b3 = 0.8665 * b3 + white * 0.3104856;
      b4 = 0.55 * b4 + white * 0.5329522;
      b5 = -0.7616 * b5 - white * 0.016898;
      out[i] = 0.05 * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362);
      b6 = white * 0.115926;
    }
    return out;
  });
}

/**
 * A 32-bit float WAV file, so ffmpeg reads exactly the samples our meter gets.
 * @param {Float32Array[]} channels same length each
 * @param {number} sampleRate
 * @returns {Buffer}
 */
export function floatWav(channels, sampleRate) {
  const frames = channels[0]?.length ?? 0;
  const n = channels.length;
  const samples = new Float32Array(frames * n);
  for (let i = 0; i < frames; i++) for (let c = 0; c < n; c++) samples[i * n + c] = channels[c][i];
  const header = Buffer.alloc(12 + 26 + 12 + 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(header.length - 8 + samples.byteLength, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(18, 16);
  header.writeUInt16LE(3, 20); // WAVE_FORMAT_IEEE_FLOAT
  header.writeUInt16LE(n, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * n * 4, 28);
  header.writeUInt16LE(n * 4, 32);
  header.writeUInt16LE(32, 34);
  header.writeUInt16LE(0, 36); // cbSize
  header.write('fact', 38, 'ascii');
  header.writeUInt32LE(4, 42);
  header.writeUInt32LE(frames, 46);
  header.write('data', 50, 'ascii');
  header.writeUInt32LE(samples.byteLength, 54);
  // Float32Array is little-endian on every platform Node runs on here (x86, ARM).
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

/**
 * Runs ffmpeg's ebur128 (true peak on) over a file and reads its summary.
 * @param {string} file
 * @returns {{ ms: number, integrated: number, lra: number, truePeakDb: number }}
 */
function ffmpegEbur128(file) {
  const t0 = performance.now();
  const run = spawnSync(FFMPEG, ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`ffmpeg failed (exit ${run.status}): ${run.stderr.slice(-500)}`);
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
  const read = (re) => {
    const m = re.exec(summary);
    if (!m) throw new Error(`ffmpeg's summary has no ${re}: ${summary}`);
    return Number(m[1]);
  };
  return {
    ms,
    integrated: read(/I:\s*(-?[\d.]+) LUFS/),
    lra: read(/LRA:\s*(-?[\d.]+) LU/),
    truePeakDb: read(/True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf) dBFS/),
  };
}

/**
 * Times Earshot's measureLoudness against ffmpeg on `seconds` of stereo 48 kHz pink noise.
 * Ours is timed on samples already in memory; ffmpeg's wall time includes starting up and reading the file, so its
 * fixed start-up cost (ffmpeg on 1 s of audio) is reported too.
 * @param {{ server: import('vite').ViteDevServer, seconds: number, reps: number, workDir: string, log: (s: string) => void }} options
 */
export async function loudnessBench({ server, seconds, reps, workDir, log }) {
  const { measureLoudness } = await server.ssrLoadModule('/src/dsp/loudness.ts');
  const { mulberry32 } = await server.ssrLoadModule('/src/dsp/random.ts');
  const channels = pinkNoise(mulberry32, seconds);
  const file = path.join(workDir, `pink-${seconds}s-48k.wav`);
  const tiny = path.join(workDir, 'pink-1s-48k.wav');
  writeFileSync(file, floatWav(channels, SAMPLE_RATE));
  writeFileSync(tiny, floatWav(channels.map((c) => c.subarray(0, SAMPLE_RATE)), SAMPLE_RATE));
  const hasFfmpeg = existsSync(FFMPEG);
  try {
    measureLoudness(channels.map((c) => c.subarray(0, Math.min(c.length, WARMUP_SEC * SAMPLE_RATE))), SAMPLE_RATE);
    const oursMs = [];
    const ffmpegMs = [];
    let ours = null;
    let theirs = null;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      ours = measureLoudness(channels, SAMPLE_RATE);
      oursMs.push(performance.now() - t0);
      if (hasFfmpeg) {
        theirs = ffmpegEbur128(file);
        ffmpegMs.push(theirs.ms);
      }
      log(`  loudness rep ${i + 1}/${reps}: ours ${oursMs.at(-1)?.toFixed(0)} ms${hasFfmpeg ? `, ffmpeg ${ffmpegMs.at(-1)?.toFixed(0)} ms` : ''}`);
    }
    const oursMedianMs = median(oursMs);
    const result = {
      seconds,
      sampleRate: SAMPLE_RATE,
      channels: 2,
      oursMs,
      oursMedianMs,
      oursRealtimeFactor: seconds / (oursMedianMs / 1000),
      ours: { integrated: ours.integrated, lra: ours.lra, truePeakDb: ours.truePeakDb },
      ffmpeg: null,
    };
    if (!hasFfmpeg) return { ...result, ffmpegSkipped: `${FFMPEG} not found` };
    const ffmpegMedianMs = median(ffmpegMs);
    const startupMs = median(Array.from({ length: Math.max(1, reps) }, () => ffmpegEbur128(tiny).ms));
    return {
      ...result,
      ffmpeg: {
        ms: ffmpegMs,
        medianMs: ffmpegMedianMs,
        startupMs,
        integrated: theirs.integrated,
        lra: theirs.lra,
        truePeakDb: theirs.truePeakDb,
      },
      /** time ours / time ffmpeg: ≤ 2 means ours runs at least half as fast. */
      timeRatio: oursMedianMs / ffmpegMedianMs,
      integratedDifferenceLu: ours.integrated - theirs.integrated,
    };
  } finally {
    rmSync(file, { force: true });
    rmSync(tiny, { force: true });
  }
}
