import { pinkNoise } from './signals';
import { describe, expect, it, vi } from 'vitest';
import { TruePeakLimiter } from '../../src/dsp/limiter';
import { measureTruePeak } from '../../src/dsp/truePeak';
import { LimiterNode, type LimiterNodeOptions } from '../../src/engine/LimiterNode';

const RATES = [44100, 48000] as const;
/** The guarantee: the output's true peak never passes the ceiling by more than this, dB. */
const TOLERANCE_DB = 0.1;


/**
 * A loud stereo programme: pink noise at −12 dBFS RMS turned up 9 dB, plus a 7 kHz sine at −6 dBFS (its inter-sample
 * peaks add to the noise's), independent noise per channel.
 */
function loudStereo(sampleRate: number, seconds: number): Float32Array[] {
  const n = Math.round(seconds * sampleRate);
  const gain = Math.pow(10, 9 / 20);
  return [1, 2].map((seed) => {
    const x = pinkNoise(seed, n, 0.25);
    for (let i = 0; i < n; i++) x[i] = gain * x[i]! + 0.5 * Math.sin((2 * Math.PI * 7000 * i) / sampleRate + seed);
    return x;
  });
}

function scaled(channels: readonly Float32Array[], gain: number): Float32Array[] {
  return channels.map((c) => c.map((v) => v * gain));
}

function channelsOf(buffer: AudioBuffer): Float32Array[] {
  return Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
}

interface Rendered {
  out: Float32Array[];
  limiter: LimiterNode;
  context: OfflineAudioContext;
}

/**
 * Plays `channels` (1 or 2) from an AudioBufferSourceNode through a LimiterNode into an OfflineAudioContext long
 * enough for the look-ahead to drain. `setup` runs after create(), before rendering.
 */
async function render(
  channels: readonly Float32Array[],
  sampleRate: number,
  options: LimiterNodeOptions = {},
  setup?: (limiter: LimiterNode) => void,
): Promise<Rendered> {
  const length = channels[0]!.length + Math.ceil(0.01 * sampleRate);
  const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate });
  const limiter = await LimiterNode.create(context, options);
  const buffer = new AudioBuffer({ numberOfChannels: channels.length, length: channels[0]!.length, sampleRate });
  channels.forEach((c, i) => buffer.getChannelData(i).set(c));
  const source = new AudioBufferSourceNode(context, { buffer });
  source.connect(limiter.input);
  limiter.output.connect(context.destination);
  setup?.(limiter);
  source.start(0);
  const out = channelsOf(await context.startRendering());
  // The worklet's last gain-reduction messages may arrive after the render resolves.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { out, limiter, context };
}

/** Largest |a[i + shift] − b[i]| over b. */
function maxResidual(a: Float32Array, b: Float32Array, shift: number): number {
  let m = 0;
  for (let i = 0; i < b.length && i + shift < a.length; i++) m = Math.max(m, Math.abs(a[i + shift]! - b[i]!));
  return m;
}

describe('LimiterNode (AudioWorklet, real Web Audio)', () => {
  for (const fs of RATES) {
    it(`${fs} Hz: a loud stereo programme comes out at or under the ceiling in dBTP`, async () => {
      const input = loudStereo(fs, 2);
      const inputTp = measureTruePeak(input, fs);
      expect(inputTp).toBeGreaterThan(5); // far over the ceiling: the limiter has real work
      for (const ceilingDb of [-1, -0.1]) {
        const { out, limiter } = await render(input, fs, { ceilingDb });
        const tp = measureTruePeak(out, fs);
        expect(tp, `ceiling ${ceilingDb}`).toBeLessThanOrEqual(ceilingDb + TOLERANCE_DB);
        expect(tp, `ceiling ${ceilingDb}: limited, not muted`).toBeGreaterThan(ceilingDb - 0.3);
        // The worklet reported its gain reduction over the port (the input is loud up to the end).
        expect(limiter.gainReductionDb).toBeGreaterThan(1);
        // It is the DSP class, run in the worklet: the render equals the same code run here on 128-frame blocks.
        const dsp = new TruePeakLimiter(2, fs, { ceilingDb });
        const expected = [new Float32Array(out[0]!.length), new Float32Array(out[0]!.length)];
        const padded = input.map((c) => {
          const p = new Float32Array(out[0]!.length);
          p.set(c);
          return p;
        });
        for (let i = 0; i < padded[0]!.length; i += 128) {
          const f = Math.min(128, padded[0]!.length - i);
          dsp.process(padded.map((c) => c.subarray(i, i + f)), expected.map((c) => c.subarray(i, i + f)), f);
        }
        for (let c = 0; c < 2; c++) expect(maxResidual(out[c]!, expected[c]!, 0)).toBeLessThan(1e-6);
        limiter.dispose();
      }
    });

    it(`${fs} Hz: a quiet signal comes out untouched, shifted by the reported latency`, async () => {
      // The loud programme turned down to −3 dBTP: 2 dB under the −1 dBTP ceiling.
      const loud = loudStereo(fs, 1);
      const input = scaled(loud, Math.pow(10, (-3 - measureTruePeak(loud, fs)) / 20));
      expect(measureTruePeak(input, fs)).toBeCloseTo(-3, 3);
      const { out, limiter } = await render(input, fs, { ceilingDb: -1, lookaheadMs: 3 });
      const latency = Math.round(limiter.latencySec * fs);
      expect(latency).toBe(limiter.latencySamples);
      expect(latency).toBe(Math.round(0.003 * fs));
      for (let c = 0; c < 2; c++) {
        expect(maxResidual(out[c]!, input[c]!, latency)).toBeLessThan(1e-5);
        // Off by one sample it would not null: the test can fail.
        expect(maxResidual(out[c]!, input[c]!, latency + 1)).toBeGreaterThan(1e-2);
        // Nothing comes out before the latency.
        for (let i = 0; i < latency; i++) expect(out[c]![i]).toBe(0);
      }
      expect(limiter.gainReductionDb).toBe(0);
      limiter.dispose();
    });
  }

  it('setCeilingDb() moves the ceiling; a mono source is upmixed to both channels', async () => {
    const fs = 48000;
    const mono = loudStereo(fs, 1).slice(0, 1);
    const { out } = await render(mono, fs, { ceilingDb: -1 }, (limiter) => limiter.setCeilingDb(-6));
    expect(measureTruePeak(out, fs)).toBeLessThanOrEqual(-6 + TOLERANCE_DB);
    expect(measureTruePeak(out, fs)).toBeGreaterThan(-6.3);
    expect(maxResidual(out[0]!, out[1]!, 0)).toBe(0);
    // Clamped to the parameter's range (−12..0 dBTP).
    const { out: low } = await render(mono, fs, {}, (limiter) => limiter.setCeilingDb(-40));
    expect(measureTruePeak(low, fs)).toBeLessThanOrEqual(-12 + TOLERANCE_DB);
    expect(measureTruePeak(low, fs)).toBeGreaterThan(-12.3);
  });

  it('create() loads the worklet module once per context; dispose() is idempotent and silences the output', async () => {
    const fs = 44100;
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: fs / 2, sampleRate: fs });
    const addModule = vi.spyOn(context.audioWorklet, 'addModule');
    const [a, b] = await Promise.all([LimiterNode.create(context), LimiterNode.create(context)]);
    const c = await LimiterNode.create(context, { lookaheadMs: 5 });
    expect(addModule).toHaveBeenCalledTimes(1);
    expect(c.latencySamples).toBe(Math.round(0.005 * fs));
    const buffer = new AudioBuffer({ numberOfChannels: 2, length: fs / 2, sampleRate: fs });
    buffer.getChannelData(0).set(loudStereo(fs, 0.5)[0]!);
    const source = new AudioBufferSourceNode(context, { buffer });
    for (const limiter of [a!, b!, c]) {
      source.connect(limiter.input);
      limiter.output.connect(context.destination);
      limiter.dispose();
      limiter.dispose(); // idempotent
      limiter.setCeilingDb(-3); // ignored after dispose, no throw
      limiter.setReleaseMs(50);
    }
    source.start(0);
    const out = channelsOf(await context.startRendering());
    for (const ch of out) expect(ch.every((v) => v === 0)).toBe(true);
  });
});
