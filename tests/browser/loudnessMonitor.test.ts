import { pinkNoise } from './signals';
import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../src/dsp/loudness';
import { mulberry32 } from '../../src/dsp/random';
import { LOUDNESS_READING_INTERVAL_SEC, LoudnessMonitor, type LoudnessReading } from '../../src/engine/LoudnessMonitor';

const RATES = [48000, 44100] as const;
const QUANTUM = 128;

/** A 1 kHz sine, `dbfs` peak, on both channels (the same array twice). */
function stereoSine(sampleRate: number, seconds: number, dbfs: number): Float32Array[] {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  const a = Math.pow(10, dbfs / 20);
  for (let i = 0; i < x.length; i++) x[i] = a * Math.sin((2 * Math.PI * 1000 * (i % sampleRate)) / sampleRate);
  return [x, x];
}

/** Seeded white noise, uniform in ±amplitude. */
function whiteNoise(seed: number, length: number, amplitude: number): Float32Array {
  const rnd = mulberry32(seed);
  const x = new Float32Array(length);
  for (let i = 0; i < length; i++) x[i] = amplitude * (rnd() * 2 - 1);
  return x;
}


/** Multiplies consecutive `stepSec` stretches by the gains in dB (in place). */
function stepGain(x: Float32Array, sampleRate: number, stepSec: number, gainsDb: readonly number[]): Float32Array {
  const step = Math.round(stepSec * sampleRate);
  for (let i = 0; i < x.length; i++) {
    const db = gainsDb[Math.min(gainsDb.length - 1, Math.floor(i / step))]!;
    x[i] = x[i]! * Math.pow(10, db / 20);
  }
  return x;
}

function toBuffer(channels: readonly Float32Array[], sampleRate: number): AudioBuffer {
  const buffer = new AudioBuffer({ numberOfChannels: channels.length, length: channels[0]!.length, sampleRate });
  channels.forEach((ch, c) => buffer.getChannelData(c).set(ch));
  return buffer;
}

/** Resolves when `done()` holds, polling every 10 ms; rejects after `timeoutMs`. */
async function until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Run {
  readings: LoudnessReading[];
  monitor: LoudnessMonitor;
  context: OfflineAudioContext;
  /** Wall-clock time from startRendering() until the last expected reading arrived, ms. */
  wallMs: number;
}

/**
 * Plays `signal` through a fresh monitor in an offline context of the same length and collects every reading
 * (copies). Readings posted during the render may arrive after startRendering() resolves, so this waits until the
 * reading at the end of the signal (durationSec ≥ `lastDurationSec`, default the signal length) has arrived.
 * @param pause optional: suspend at a frame (a multiple of 128) and run `action` there before resuming
 */
async function play(
  sampleRate: number,
  signal: readonly Float32Array[],
  pause?: { frame: number; action: (run: Run) => Promise<void> },
  lastDurationSec = signal[0]!.length / sampleRate,
): Promise<Run> {
  const length = signal[0]!.length;
  const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate });
  const monitor = await LoudnessMonitor.create(context);
  const source = new AudioBufferSourceNode(context, { buffer: toBuffer(signal, sampleRate) });
  source.connect(monitor.input);
  source.start(0);
  const run: Run = { readings: [], monitor, context, wallMs: 0 };
  monitor.subscribe((r) => run.readings.push({ ...r }));
  // Half a frame late, so the float time cannot land in the quantum before `frame` whichever way it is rounded.
  // The context resumes even if the action fails (else the render would hang); the failure is rethrown below.
  const paused = pause
    ? context.suspend((pause.frame + 0.5) / sampleRate).then(async () => {
        try {
          await pause.action(run);
        } finally {
          await context.resume();
        }
      })
    : Promise.resolve();
  const start = performance.now();
  await context.startRendering();
  await paused;
  await until(() => (run.readings.at(-1)?.durationSec ?? 0) >= lastDurationSec - 1e-9, `the reading at ${lastDurationSec} s`);
  run.wallMs = performance.now() - start;
  return run;
}

const last = (run: Run): LoudnessReading => run.readings.at(-1)!;

describe('LoudnessMonitor (AudioWorklet, real Web Audio, offline)', () => {
  for (const fs of RATES) {
    it(`EBU Tech 3341 case 1 at ${fs} Hz: a 1 kHz stereo sine at −23 dBFS for 20 s reads M = S = I = −23.0 ± 0.1 LUFS`, async () => {
      const run = await play(fs, stereoSine(fs, 20, -23));
      const end = last(run);
      console.info(`case 1 @ ${fs}: M ${end.momentary.toFixed(4)} S ${end.shortTerm.toFixed(4)} I ${end.integrated.toFixed(4)} ` +
        `LRA ${end.lra.toFixed(4)} TP ${end.truePeakMaxDb.toFixed(3)} at ${end.durationSec.toFixed(4)} s; ` +
        `${run.readings.length} readings; ${run.wallMs.toFixed(0)} ms wall`);
      expect(end.durationSec).toBeGreaterThanOrEqual(20);
      expect(Math.abs(end.momentary - -23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.shortTerm - -23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.integrated - -23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.momentaryMax - -23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.shortTermMax - -23)).toBeLessThanOrEqual(0.1);
      expect(end.lra).toBeGreaterThanOrEqual(0);
      expect(end.lra).toBeLessThan(0.1); // a steady tone has no range
      expect(Math.abs(end.truePeakMaxDb - -23)).toBeLessThan(0.1);
    });

    it(`posts ≥ 10 readings per second of audio at ${fs} Hz, evenly, never NaN, −∞ while undefined`, async () => {
      // 1 s of silence, then 19 s of the case-1 tone.
      const signal = stereoSine(fs, 20, -23);
      signal[0]!.fill(0, 0, fs);
      const run = await play(fs, signal);
      const { readings } = run;
      const perSecond = readings.length / 20;
      console.info(`rate @ ${fs}: ${readings.length} readings for 20 s = ${perSecond} per second`);
      expect(perSecond).toBeGreaterThanOrEqual(10);
      // One per 100 ms hop, each exactly at its hop (the worklet splits render quanta there).
      readings.forEach((r, i) => expect(Math.abs(r.durationSec - (i + 1) * LOUDNESS_READING_INTERVAL_SEC)).toBeLessThan(1e-9));
      for (const r of readings) for (const v of Object.values(r)) expect(Number.isNaN(v)).toBe(false);
      // Silence at first: everything undefined; LRA only once a complete 3 s window has passed the gate.
      const early = readings[5]!; // ~0.6 s
      expect(early.momentary).toBe(-Infinity);
      expect(early.integrated).toBe(-Infinity);
      expect(early.lra).toBe(-Infinity);
      expect(early.truePeakMaxDb).toBe(-Infinity);
      expect(readings.find((r) => r.durationSec > 2 && r.durationSec < 2.9)!.lra).toBe(-Infinity);
      expect(readings.find((r) => r.durationSec > 3.05)!.lra).toBeGreaterThanOrEqual(0);
      // The read() object is the latest reading.
      expect(run.monitor.read()).toEqual(last(run));
    });
  }

  const programmes: [string, number, (fs: number) => Float32Array[]][] = [
    ['pink noise stepping 0/−8/−16/−4/−24 dB every 4 s', 48000, (fs) => [0, 1].map((c) => stepGain(pinkNoise(11 + c, 20 * fs, 0.1), fs, 4, [0, -8, -16, -4, -24]))],
    ['pink noise stepping 0/−8/−16/−4/−24 dB every 4 s', 44100, (fs) => [0, 1].map((c) => stepGain(pinkNoise(21 + c, 20 * fs, 0.1), fs, 4, [0, -8, -16, -4, -24]))],
    ['white noise stepping −6/−20/0/−12 dB every 5 s', 48000, (fs) => [0, 1].map((c) => stepGain(whiteNoise(31 + c, 20 * fs, 0.5), fs, 5, [-6, -20, 0, -12]))],
    ['white noise stepping −6/−20/0/−12 dB every 5 s', 44100, (fs) => [0, 1].map((c) => stepGain(whiteNoise(41 + c, 20 * fs, 0.5), fs, 5, [-6, -20, 0, -12]))],
  ];
  for (const [name, fs, make] of programmes) {
    it(`${name} at ${fs} Hz: the final reading equals measureLoudness() on the same samples`, async () => {
      const signal = make(fs);
      const run = await play(fs, signal);
      const end = last(run);
      const ref = measureLoudness(signal, fs);
      console.info(`${name} @ ${fs}: I ${end.integrated.toFixed(4)} vs ${ref.integrated.toFixed(4)}, ` +
        `LRA ${end.lra.toFixed(4)} vs ${ref.lra.toFixed(4)}, TP ${end.truePeakMaxDb.toFixed(4)} vs ${ref.truePeakDb.toFixed(4)}, ` +
        `Mmax ${end.momentaryMax.toFixed(4)} vs ${ref.momentaryMax.toFixed(4)}, Smax ${end.shortTermMax.toFixed(4)} vs ${ref.shortTermMax.toFixed(4)}; ` +
        `|ΔI| ${Math.abs(end.integrated - ref.integrated).toExponential(1)} |ΔLRA| ${Math.abs(end.lra - ref.lra).toExponential(1)} ` +
        `|ΔTP| ${Math.abs(end.truePeakMaxDb - ref.truePeakDb).toExponential(1)}; ${run.wallMs.toFixed(0)} ms wall`);
      expect(ref.lra).toBeGreaterThan(3); // the programme has a range to measure
      expect(Math.abs(end.integrated - ref.integrated)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.lra - ref.lra)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.truePeakMaxDb - ref.truePeakDb)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.momentaryMax - ref.momentaryMax)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.shortTermMax - ref.shortTermMax)).toBeLessThanOrEqual(0.1);
    });
  }

  it('a 90 s programme with 60 level changes, a silent gap and a passage under the −70 LUFS gate, at 44100 Hz, equals measureLoudness() throughout its growth', async () => {
    const fs = 44100;
    const rnd = mulberry32(77);
    const gains = Array.from({ length: 60 }, () => -30 * rnd());
    gains[20] = -Infinity; // 1.5 s of digital silence
    gains[21] = -Infinity;
    gains[40] = -80; // under the absolute gate
    gains[41] = -80;
    const signal = [0, 1].map((c) => stepGain(pinkNoise(81 + c, 90 * fs, 0.1), fs, 1.5, gains));
    const run = await play(fs, signal);
    // Compare at several points of the programme, not only at the end: the readings are cumulative.
    for (const seconds of [10, 31.5, 45, 62.5, 90]) {
      const reading = run.readings.find((r) => Math.abs(r.durationSec - seconds) < 1e-6)!;
      const ref = measureLoudness(signal.map((ch) => ch.subarray(0, Math.round(seconds * fs))), fs);
      console.info(`90 s programme @ ${seconds} s: I ${reading.integrated.toFixed(4)} vs ${ref.integrated.toFixed(4)}, ` +
        `LRA ${reading.lra.toFixed(4)} vs ${ref.lra.toFixed(4)}, TP ${reading.truePeakMaxDb.toFixed(4)} vs ${ref.truePeakDb.toFixed(4)}; ` +
        `|ΔI| ${Math.abs(reading.integrated - ref.integrated).toExponential(1)} |ΔLRA| ${Math.abs(reading.lra - ref.lra).toExponential(1)}`);
      expect(Math.abs(reading.integrated - ref.integrated)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(reading.lra - ref.lra)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(reading.truePeakMaxDb - ref.truePeakDb)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(reading.momentaryMax - ref.momentaryMax)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(reading.shortTermMax - ref.shortTermMax)).toBeLessThanOrEqual(0.1);
    }
    expect(measureLoudness(signal, fs).lra).toBeGreaterThan(10);
  });

  it('costs little: 20 s of stereo white noise renders at many times real speed with the monitor in the graph', async () => {
    const fs = 48000;
    const signal = [0, 1].map((c) => whiteNoise(91 + c, 20 * fs, 0.5));
    const buffer = toBuffer(signal, fs);
    const render = async (withMonitor: boolean): Promise<number> => {
      const context = new OfflineAudioContext({ numberOfChannels: 2, length: 20 * fs, sampleRate: fs });
      const monitor = withMonitor ? await LoudnessMonitor.create(context) : null;
      const source = new AudioBufferSourceNode(context, { buffer });
      source.connect(context.destination);
      if (monitor) source.connect(monitor.input);
      source.start(0);
      const start = performance.now();
      await context.startRendering();
      const ms = performance.now() - start;
      monitor?.dispose();
      return ms;
    };
    await render(true); // a first run warms the browser up; then the best of two each way
    const plain = Math.min(await render(false), await render(false));
    const metered = Math.min(await render(true), await render(true));
    const quanta = (20 * fs) / QUANTUM;
    console.info(`cost @ ${fs}: render 20 s without monitor ${plain.toFixed(0)} ms, with ${metered.toFixed(0)} ms; ` +
      `≈ ${(((metered - plain) / quanta) * 1000).toFixed(1)} µs per 128-frame quantum ` +
      `(${(((metered - plain) / 20000) * 100).toFixed(2)} % of one core in real time)`);
    expect(metered).toBeLessThan(20000 / 5);
  });

  for (const fs of RATES) {
    it(`reset() at ${fs} Hz: after a loud section, a reset and a quieter one, I, LRA and true peak reflect only the quieter part`, async () => {
      const resetFrame = QUANTUM * Math.round((8 * fs) / QUANTUM); // ~8 s, on a quantum boundary
      const quietLength = 10 * fs;
      const loud = [0, 1].map((c) => pinkNoise(51 + c, resetFrame, 0.15));
      const quiet = [0, 1].map((c) => stepGain(pinkNoise(61 + c, quietLength, 0.01), fs, 2.5, [0, -6, -3, -10]));
      const signal = [0, 1].map((c) => {
        const x = new Float32Array(resetFrame + quietLength);
        x.set(loud[c]!, 0);
        x.set(quiet[c]!, resetFrame);
        return x;
      });
      let beforeReset: LoudnessReading | undefined;
      let afterReset: LoudnessReading | undefined;
      const run = await play(
        fs,
        signal,
        {
          frame: resetFrame,
          action: async (r) => {
            // Everything the worklet posted before the suspension, then reset and wait for its acknowledgement.
            await until(() => (r.readings.at(-1)?.durationSec ?? 0) >= Math.floor((resetFrame / fs) * 10) / 10 - 1e-9, 'the readings before the reset');
            beforeReset = { ...r.monitor.read() };
            const count = r.readings.length;
            r.monitor.reset();
            afterReset = { ...r.monitor.read() };
            await until(() => r.readings.slice(count).some((x) => x.durationSec === 0), 'the reset acknowledgement');
          },
        },
        quietLength / fs,
      );
      const end = last(run);
      const ref = measureLoudness(quiet, fs);
      const whole = measureLoudness(signal, fs);
      console.info(`reset @ ${fs}: before I ${beforeReset!.integrated.toFixed(3)} TP ${beforeReset!.truePeakMaxDb.toFixed(3)}; ` +
        `end I ${end.integrated.toFixed(4)} (quiet part alone ${ref.integrated.toFixed(4)}, whole ${whole.integrated.toFixed(3)}), ` +
        `LRA ${end.lra.toFixed(4)} vs ${ref.lra.toFixed(4)}, TP ${end.truePeakMaxDb.toFixed(4)} vs ${ref.truePeakDb.toFixed(4)}, ` +
        `duration ${end.durationSec.toFixed(4)} s`);
      expect(beforeReset!.integrated).toBeGreaterThan(-20);
      expect(afterReset!.integrated).toBe(-Infinity); // cleared at once on the main thread
      expect(afterReset!.durationSec).toBe(0);
      // No reading after the reset carries the loud section's values.
      const ack = run.readings.findIndex((r) => r.durationSec === 0);
      expect(ack).toBeGreaterThan(0);
      for (const r of run.readings.slice(ack)) expect(r.truePeakMaxDb).toBeLessThan(beforeReset!.truePeakMaxDb - 10);
      expect(end.durationSec).toBeGreaterThanOrEqual(quietLength / fs - 1e-9);
      expect(end.durationSec).toBeLessThan(quietLength / fs + 0.1);
      expect(Math.abs(end.integrated - ref.integrated)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.lra - ref.lra)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(end.truePeakMaxDb - ref.truePeakDb)).toBeLessThanOrEqual(0.1);
      expect(whole.integrated - ref.integrated).toBeGreaterThan(10); // without the reset it would read far louder
      // The graph history restarted too: only readings since the reset.
      const h = run.monitor.history();
      expect(h.count).toBe(run.readings.slice(ack + 1).length);
    });
  }

  it('keeps a 60 s history ring (oldest first) of momentary and short-term loudness', async () => {
    const fs = 48000;
    // 70 s: the ring wraps. The level rises 0.7 dB a second, so the order is checkable.
    const signal = stereoSine(fs, 70, -60);
    stepGain(signal[0]!, fs, 1, Array.from({ length: 70 }, (_, i) => i * 0.7));
    const run = await play(fs, signal);
    const h = run.monitor.history();
    expect(h.intervalSec).toBe(0.1);
    expect(h.count).toBe(600);
    const tail = run.readings.slice(-600);
    for (let i = 0; i < 600; i++) {
      expect(h.momentary[i]).toBe(Math.fround(tail[i]!.momentary));
      expect(h.shortTerm[i]).toBe(Math.fround(tail[i]!.shortTerm));
    }
    expect(h.momentary[599]! - h.momentary[0]!).toBeGreaterThan(30);
    expect(run.monitor.history()).toBe(h); // the same object: no allocation per call
  });

  it('keeps reporting through silence: after its source ends, and with nothing connected at all', async () => {
    const fs = 48000;
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: 3 * fs, sampleRate: fs });
    const fed = await LoudnessMonitor.create(context);
    const idle = await LoudnessMonitor.create(context);
    const source = new AudioBufferSourceNode(context, { buffer: toBuffer(stereoSine(fs, 1, -20), fs) });
    source.connect(fed.input);
    source.start(0);
    const fedReadings: LoudnessReading[] = [];
    const idleReadings: LoudnessReading[] = [];
    fed.subscribe((r) => fedReadings.push({ ...r }));
    idle.subscribe((r) => idleReadings.push({ ...r }));
    await context.startRendering();
    await until(() => fed.read().durationSec >= 3 - 1e-9 && idle.read().durationSec >= 3 - 1e-9, 'the readings at 3 s');
    expect(fedReadings).toHaveLength(30);
    expect(idleReadings).toHaveLength(30);
    const end = fedReadings.at(-1)!;
    expect(end.momentary).toBe(-Infinity); // the last 400 ms were silent (and the K-filter's tail has died away)
    expect(end.shortTerm).toBeGreaterThan(-30); // the 3 s window still holds the tone
    expect(end.integrated).toBeGreaterThan(-25);
    for (const r of idleReadings) {
      expect([r.momentary, r.shortTerm, r.integrated, r.lra, r.truePeakMaxDb, r.momentaryMax, r.shortTermMax]).toEqual(Array(7).fill(-Infinity));
    }
    fed.dispose();
    idle.dispose();
  });

  it('dispose() twice is safe; a disposed monitor stops reporting; monitors share the module per context', async () => {
    const fs = 48000;
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: 2 * fs, sampleRate: fs });
    const kept = await LoudnessMonitor.create(context);
    const gone = await LoudnessMonitor.create(context); // the module is added once per context
    const source = new AudioBufferSourceNode(context, { buffer: toBuffer(stereoSine(fs, 2, -20), fs) });
    source.connect(kept.input);
    source.connect(gone.input);
    source.start(0);
    let keptCount = 0;
    let goneCount = 0;
    kept.subscribe(() => keptCount++);
    gone.subscribe(() => goneCount++);
    gone.dispose();
    gone.dispose();
    expect(() => gone.reset()).not.toThrow();
    expect(gone.subscribe(() => {})).toBeTypeOf('function');
    await context.startRendering();
    await until(() => kept.read().durationSec >= 2 - 1e-9, 'the last reading');
    expect(keptCount).toBe(20);
    expect(goneCount).toBe(0);
    expect(gone.read().integrated).toBe(-Infinity);
    kept.dispose();
    kept.dispose();
    expect(kept.read().durationSec).toBeGreaterThanOrEqual(2);
  });
});
