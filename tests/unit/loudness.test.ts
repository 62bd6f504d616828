import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  biquadGainDb,
  KWeightingFilter,
  kWeightingCoefficients,
  kWeightingGainDb,
  MIN_SAMPLE_RATE,
} from '../../src/dsp/kWeighting';
import {
  defaultChannelWeights,
  energyToLufs,
  gatedLoudness,
  LoudnessMeter,
  loudnessRange,
  lufsToEnergy,
  measureLoudness,
} from '../../src/dsp/loudness';
import {
  parseEbur128Summary,
  pinkNoise,
  RATES,
  stepGain,
  stereo,
  toneSteps,
  whiteNoise,
  writeFloatWav,
  type Step,
} from './ebuSignals';

/** EBU Tech 3341 / 3342 tolerances. */
const LU_TOL = 0.1;
const LRA_TOL = 1;

/** Runs a whole signal through a fresh meter in AudioWorklet-sized chunks (128 frames). */
function meterOf(channels: readonly Float32Array[], sampleRate: number, weights?: readonly number[]): LoudnessMeter {
  const meter = new LoudnessMeter(channels.length, sampleRate, weights ? { channelWeights: weights } : {});
  const n = channels[0]!.length;
  for (let i = 0; i < n; i += 128) meter.process(channels, i, Math.min(n, i + 128));
  return meter;
}

/** Feeds a signal in 128-frame chunks, returning every momentary and short-term reading with its time. */
function readings(channels: readonly Float32Array[], sampleRate: number): { t: number; m: number; s: number }[] {
  const meter = new LoudnessMeter(channels.length, sampleRate);
  const n = channels[0]!.length;
  const out: { t: number; m: number; s: number }[] = [];
  for (let i = 0; i < n; i += 128) {
    const to = Math.min(n, i + 128);
    meter.process(channels, i, to);
    out.push({ t: to / sampleRate, m: meter.momentary, s: meter.shortTerm });
  }
  return out;
}

/** Conformance readings, printed once at the end of the run for the record. */
const record: string[] = [];
afterAll(() => {
  if (record.length) console.log(`\nLoudness conformance readings (measured vs expected):\n${record.join('\n')}`);
});
function note(label: string, measured: number, expected: number, unit = 'LUFS'): void {
  record.push(`  ${label.padEnd(44)} ${measured.toFixed(3).padStart(8)} ${unit}  (expected ${expected.toFixed(1)})`);
}

describe('K-weighting coefficients (BS.1770-5 Annex 1)', () => {
  // BS.1770-5 Table 1 (stage 1, shelf) and Table 2 (stage 2, RLB high-pass), fs = 48 kHz.
  const TABLE_1 = { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 };
  const TABLE_2 = { b0: 1.0, b1: -2.0, b2: 1.0, a1: -1.99004745483398, a2: 0.99007225036621 };

  it('reproduces the Recommendation’s 48 kHz tables', () => {
    const { shelf, highPass } = kWeightingCoefficients(48000);
    for (const k of ['b0', 'b1', 'b2', 'a1', 'a2'] as const) {
      expect(Math.abs(shelf[k] - TABLE_1[k])).toBeLessThan(1e-12);
      expect(Math.abs(highPass[k] - TABLE_2[k])).toBeLessThan(1e-12);
    }
  });

  it('has the K curve’s landmarks at 48 kHz', () => {
    expect(kWeightingGainDb(997, 48000)).toBeCloseTo(0.691, 3); // what the −0.691 constant cancels
    expect(kWeightingGainDb(10000, 48000)).toBeCloseTo(4.04, 1); // the shelf
    expect(kWeightingGainDb(20, 48000)).toBeLessThan(-13); // the RLB roll-off
  });

  it.each([32000, 44100, 88200, 96000, 192000])('keeps the 48 kHz response at %i Hz', (fs) => {
    let worst = 0;
    for (let f = 20; f <= 16000; f *= 1.05) worst = Math.max(worst, Math.abs(kWeightingGainDb(f, fs) - kWeightingGainDb(f, 48000)));
    expect(worst).toBeLessThan(0.05);
    expect(Math.abs(kWeightingGainDb(997, fs) - kWeightingGainDb(997, 48000))).toBeLessThan(0.01);
  });

  it('holds the response to ±0.02 dB over 20 Hz–16 kHz at 44.1 kHz', () => {
    let worst = 0;
    for (let f = 20; f <= 16000; f *= 1.02) worst = Math.max(worst, Math.abs(kWeightingGainDb(f, 44100) - kWeightingGainDb(f, 48000)));
    expect(worst).toBeLessThan(0.02);
  });

  it('filters a sine by the designed gain', () => {
    const fs = 44100;
    const filter = new KWeightingFilter(fs);
    const x = toneSteps(fs, [[0, 2]], 1000);
    const y = new Float64Array(x.length);
    filter.process(x, y);
    let ss = 0;
    for (let i = fs; i < 2 * fs; i++) ss += y[i]! * y[i]!;
    const gainDb = 10 * Math.log10(ss / fs / 0.5);
    const { shelf, highPass } = filter.coefficients;
    expect(gainDb).toBeCloseTo(biquadGainDb(shelf, 1000, fs) + biquadGainDb(highPass, 1000, fs), 3);
  });

  it('rejects sample rates it cannot serve', () => {
    expect(() => kWeightingCoefficients(MIN_SAMPLE_RATE - 1)).toThrow(RangeError);
    expect(() => kWeightingCoefficients(Number.NaN)).toThrow(RangeError);
  });
});

describe('loudness formula', () => {
  it.each(RATES)('a 0 dBFS 997 Hz sine on one front channel reads −3.01 LUFS (BS.1770-5 Annex 1) at %i Hz', (fs) => {
    const x = toneSteps(fs, [[0, 10]], 997);
    const silent = new Float32Array(x.length);
    expect(meterOf([x], fs).integrated).toBeCloseTo(-3.01, 2);
    expect(meterOf([silent, silent, x, silent, silent], fs).integrated).toBeCloseTo(-3.01, 2); // on C
  });

  it.each(RATES)('a 1 kHz sine at −20 dBFS in one channel reads −23.0 LUFS (the K gain at 1 kHz, +0.70 dB, offsets −0.691) at %i Hz', (fs) => {
    expect(kWeightingGainDb(1000, fs)).toBeCloseTo(0.698, 2);
    const m = meterOf([toneSteps(fs, [[-20, 5]])], fs);
    expect(Math.abs(m.integrated - -23)).toBeLessThan(0.01);
    expect(Math.abs(m.momentary - -23)).toBeLessThan(0.01);
  });

  it('maps energy to LUFS and back', () => {
    expect(energyToLufs(1)).toBeCloseTo(-0.691, 12);
    expect(energyToLufs(0)).toBe(-Infinity);
    expect(energyToLufs(lufsToEnergy(-23))).toBeCloseTo(-23, 12);
  });

  it('weights channels per BS.1770-5 Table 3', () => {
    expect(defaultChannelWeights(1)).toEqual([1]);
    expect(defaultChannelWeights(2)).toEqual([1, 1]);
    expect(defaultChannelWeights(5)).toEqual([1, 1, 1, 1.41, 1.41]);
    expect(defaultChannelWeights(6)).toEqual([1, 1, 1, 0, 1.41, 1.41]);
  });

  it('gates: absolute at −70 LUFS, relative at −10 LU, strictly', () => {
    expect(gatedLoudness(new Float64Array([]))).toBe(-Infinity);
    expect(gatedLoudness(new Float64Array([lufsToEnergy(-70), lufsToEnergy(-80)]))).toBe(-Infinity);
    const e = new Float64Array([lufsToEnergy(-20), lufsToEnergy(-40), lufsToEnergy(-75)]);
    // Mean of −20 and −40 (−75 gated absolutely) ≈ −22.96 → relative gate −32.96 drops −40.
    expect(gatedLoudness(e)).toBeCloseTo(-20, 9);
  });

  it('computes LRA as P95 − P10 of the gated short-term values', () => {
    const values = Array.from({ length: 101 }, (_, i) => -40 + i * 0.2); // −40..−20 LUFS
    const energies = new Float64Array(values.map(lufsToEnergy));
    expect(loudnessRange(energies)).toBeCloseTo(0.2 * (95 - 10), 9);
    expect(loudnessRange(new Float64Array([]))).toBe(0);
  });
});

describe('EBU Tech 3341 (v4) minimum requirements, cases 1–6: M, S, I', () => {
  const integratedCases: [string, number, Step[]][] = [
    ['case 3: −36 / −23 / −36 dBFS', -23, [[-36, 10], [-23, 60], [-36, 10]]],
    ['case 4: −72 / −36 / −23 / −36 / −72 dBFS', -23, [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]]],
    ['case 5: −26 / −20 (20.1 s) / −26 dBFS', -23, [[-26, 20], [-20, 20.1], [-26, 20]]],
  ];

  describe.each(RATES)('at %i Hz', (fs) => {
    it.each([
      ['case 1: 1 kHz at −23 dBFS', -23],
      ['case 2: 1 kHz at −33 dBFS', -33],
    ] as const)('%s reads M = S = I = %d', (label, level) => {
      const meter = meterOf(stereo(toneSteps(fs, [[level, 20]])), fs);
      for (const [what, v] of [['I', meter.integrated], ['M', meter.momentary], ['S', meter.shortTerm], ['max M', meter.momentaryMax], ['max S', meter.shortTermMax]] as const) {
        expect(Math.abs(v - level), `${label} ${what} = ${v}`).toBeLessThanOrEqual(LU_TOL);
      }
      note(`3341 ${label.slice(0, 6)} I @ ${fs}`, meter.integrated, level);
    });

    it.each(integratedCases)('%s reads I = %d', (label, expected, steps) => {
      const meter = meterOf(stereo(toneSteps(fs, steps)), fs);
      expect(Math.abs(meter.integrated - expected)).toBeLessThanOrEqual(LU_TOL);
      note(`3341 ${label.slice(0, 6)} I @ ${fs}`, meter.integrated, expected);
    });

    it('case 6: 5.0 channels (L, R −28; C −24; Ls, Rs −30 dBFS) read I = −23', () => {
      const l = toneSteps(fs, [[-28, 20]]);
      const c = toneSteps(fs, [[-24, 20]]);
      const s = toneSteps(fs, [[-30, 20]]);
      const five = meterOf([l, l, c, s, s], fs).integrated;
      expect(Math.abs(five - -23)).toBeLessThanOrEqual(LU_TOL);
      note(`3341 case 6 (5.0) I @ ${fs}`, five, -23);
      // The 5.1 file of the test set: L R C LFE Ls Rs with a silent LFE; a loud LFE must not count either.
      const lfe = toneSteps(fs, [[0, 20]], 50);
      const six = meterOf([l, l, c, lfe, s, s], fs).integrated;
      expect(Math.abs(six - -23)).toBeLessThanOrEqual(LU_TOL);
      note(`3341 case 6 (5.1, loud LFE) I @ ${fs}`, six, -23);
    });
  });
});

describe('other sample rates', () => {
  it.each([32000, 88200, 96000, 192000])('case 1 (1 kHz at −23 dBFS, stereo) reads I = M = −23 at %i Hz', (fs) => {
    const meter = meterOf(stereo(toneSteps(fs, [[-23, 10]])), fs);
    expect(Math.abs(meter.integrated - -23)).toBeLessThanOrEqual(LU_TOL);
    expect(Math.abs(meter.momentary - -23)).toBeLessThanOrEqual(LU_TOL);
  });
});

describe('EBU Tech 3341 (v4) minimum requirements, cases 9–14: M and S in time', () => {
  describe.each(RATES)('at %i Hz', (fs) => {
    it('case 9: 20 × (1.34 s at −20, 1.66 s at −30 dBFS): S = −23 from 3 s on', () => {
      const steps: Step[] = [];
      for (let k = 0; k < 20; k++) steps.push([-20, 1.34], [-30, 1.66]);
      const after = readings(stereo(toneSteps(fs, steps)), fs).filter((r) => r.t >= 3);
      const lo = Math.min(...after.map((r) => r.s));
      const hi = Math.max(...after.map((r) => r.s));
      expect(lo).toBeGreaterThanOrEqual(-23 - LU_TOL);
      expect(hi).toBeLessThanOrEqual(-23 + LU_TOL);
      note(`3341 case 9 S min @ ${fs}`, lo, -23);
      note(`3341 case 9 S max @ ${fs}`, hi, -23);
    });

    it('case 12: 25 × (0.18 s at −20, 0.22 s at −30 dBFS): M = −23 from 1 s on', () => {
      const steps: Step[] = [];
      for (let k = 0; k < 25; k++) steps.push([-20, 0.18], [-30, 0.22]);
      const after = readings(stereo(toneSteps(fs, steps)), fs).filter((r) => r.t >= 1);
      const lo = Math.min(...after.map((r) => r.m));
      const hi = Math.max(...after.map((r) => r.m));
      expect(lo).toBeGreaterThanOrEqual(-23 - LU_TOL);
      expect(hi).toBeLessThanOrEqual(-23 + LU_TOL);
      note(`3341 case 12 M min @ ${fs}`, lo, -23);
      note(`3341 case 12 M max @ ${fs}`, hi, -23);
    });

    it('case 10: a 3 s burst at −23 dBFS after 0, 0.15, … 2.85 s of silence: max S = −23 for each of the 20', () => {
      let worst = 0;
      for (let n = 1; n <= 20; n++) {
        const meter = meterOf(stereo(toneSteps(fs, [[null, (n - 1) * 0.15], [-23, 3], [null, 1]])), fs);
        expect(Math.abs(meter.shortTermMax - -23), `burst ${n}`).toBeLessThanOrEqual(LU_TOL);
        worst = Math.max(worst, Math.abs(meter.shortTermMax + 23));
      }
      note(`3341 case 10 worst |max S + 23| @ ${fs}`, worst, 0, 'LU  ');
    });

    it('case 13: a 0.4 s burst at −23 dBFS after 0, 0.02, … 0.38 s of silence: max M = −23 for each of the 20', () => {
      let worst = 0;
      for (let n = 1; n <= 20; n++) {
        const meter = meterOf(stereo(toneSteps(fs, [[null, (n - 1) * 0.02], [-23, 0.4], [null, 1]])), fs);
        expect(Math.abs(meter.momentaryMax - -23), `burst ${n}`).toBeLessThanOrEqual(LU_TOL);
        worst = Math.max(worst, Math.abs(meter.momentaryMax + 23));
      }
      note(`3341 case 13 worst |max M + 23| @ ${fs}`, worst, 0, 'LU  ');
    });

    it('case 11: one stream of 20 such 3 s bursts at −38 … −19 dBFS: max S steps −38 … −19', () => {
      const meter = new LoudnessMeter(2, fs);
      let worst = 0;
      for (let n = 1; n <= 20; n++) {
        const lead = (n - 1) * 0.15;
        const x = toneSteps(fs, [[null, lead], [-39 + n, 3], [null, 3 - lead]]);
        for (let i = 0; i < x.length; i += 128) meter.process([x, x], i, Math.min(x.length, i + 128));
        expect(Math.abs(meter.shortTermMax - (-39 + n)), `burst ${n}`).toBeLessThanOrEqual(LU_TOL);
        worst = Math.max(worst, Math.abs(meter.shortTermMax - (-39 + n)));
      }
      note(`3341 case 11 worst |max S − level| @ ${fs}`, worst, 0, 'LU  ');
    });

    it('case 14: one stream of 20 such 0.4 s bursts at −38 … −19 dBFS: max M steps −38 … −19', () => {
      const meter = new LoudnessMeter(2, fs);
      let worst = 0;
      for (let n = 1; n <= 20; n++) {
        const lead = (n - 1) * 0.02;
        const x = toneSteps(fs, [[null, lead], [-39 + n, 0.4], [null, 0.4 - lead]]);
        for (let i = 0; i < x.length; i += 128) meter.process([x, x], i, Math.min(x.length, i + 128));
        expect(Math.abs(meter.momentaryMax - (-39 + n)), `burst ${n}`).toBeLessThanOrEqual(LU_TOL);
        worst = Math.max(worst, Math.abs(meter.momentaryMax - (-39 + n)));
      }
      note(`3341 case 14 worst |max M − level| @ ${fs}`, worst, 0, 'LU  ');
    });
  });
});

describe('EBU Tech 3342 loudness range, cases 1–4', () => {
  const cases: [string, number, Step[]][] = [
    ['case 1: 20 s at −20, 20 s at −30 dBFS', 10, [[-20, 20], [-30, 20]]],
    ['case 2: 20 s at −20, 20 s at −15 dBFS', 5, [[-20, 20], [-15, 20]]],
    ['case 3: 20 s at −40, 20 s at −20 dBFS', 20, [[-40, 20], [-20, 20]]],
    ['case 4: −50, −35, −20, −35, −50 dBFS, 20 s each', 15, [[-50, 20], [-35, 20], [-20, 20], [-35, 20], [-50, 20]]],
  ];
  describe.each(RATES)('at %i Hz', (fs) => {
    it.each(cases)('%s: LRA = %d LU', (label, expected, steps) => {
      const lra = meterOf(stereo(toneSteps(fs, steps)), fs).loudnessRange;
      expect(Math.abs(lra - expected)).toBeLessThanOrEqual(LRA_TOL);
      note(`3342 ${label.slice(0, 6)} LRA @ ${fs}`, lra, expected, 'LU  ');
    });
  });
});

describe('LoudnessMeter streaming', () => {
  const fs = 48000;
  const x = stepGain(pinkNoise(7, fs * 12, 0.1), fs, 2, [0, -6, -20, -3]);
  const y = stepGain(pinkNoise(8, fs * 12, 0.1), fs, 2, [-3, 0, -12, -30]);

  it('gives the same readings whatever the chunk size', () => {
    const whole = new LoudnessMeter(2, fs);
    whole.process([x, y]);
    const odd = new LoudnessMeter(2, fs);
    for (let i = 0; i < x.length; i += 997) odd.process([x, y], i, Math.min(x.length, i + 997));
    expect(odd.integrated).toBeCloseTo(whole.integrated, 9);
    expect(odd.loudnessRange).toBeCloseTo(whole.loudnessRange, 9);
    expect(odd.momentaryMax).toBeCloseTo(whole.momentaryMax, 9);
    expect(odd.shortTermMax).toBeCloseTo(whole.shortTermMax, 9);
    expect(odd.blockCount).toBe(whole.blockCount);
    expect(whole.blockCount).toBe(Math.floor((12 - 0.4) / 0.1 + 1e-9) + 1);
  });

  it('counts the time before the start as silence until a window has filled', () => {
    const tone = toneSteps(fs, [[-23, 0.2]]);
    const meter = new LoudnessMeter(2, fs);
    meter.process([tone, tone]);
    expect(meter.momentary).toBeCloseTo(-23 - 10 * Math.log10(0.4 / 0.2), 1); // half of the 400 ms window
    expect(meter.shortTerm).toBeCloseTo(-23 - 10 * Math.log10(3 / 0.2), 1);
    expect(meter.integrated).toBe(-Infinity); // no complete gating block yet
    expect(meter.blockCount).toBe(0);
  });

  it('recovers from a NaN sample once it has left the window', () => {
    const tone = toneSteps(fs, [[-23, 5]]);
    const bad = tone.slice();
    bad[1000] = Number.NaN;
    const meter = new LoudnessMeter(2, fs);
    meter.process([bad, bad]);
    expect(meter.momentary).toBeCloseTo(-23, 1);
    expect(meter.integrated).toBeCloseTo(-23, 1); // the blocks holding the NaN are left out
  });

  it('reset() starts over', () => {
    const meter = new LoudnessMeter(2, fs);
    meter.process([x, y]);
    const first = meter.integrated;
    meter.reset();
    expect(meter.integrated).toBe(-Infinity);
    expect(meter.momentaryMax).toBe(-Infinity);
    expect(meter.durationSeconds).toBe(0);
    meter.process([x, y]);
    expect(meter.integrated).toBe(first);
  });

  it('reads silence as −∞ and rejects a wrong channel count', () => {
    const meter = new LoudnessMeter(2, fs);
    const z = new Float32Array(fs);
    meter.process([z, z]);
    expect(meter.integrated).toBe(-Infinity);
    expect(meter.momentary).toBe(-Infinity);
    expect(meter.loudnessRange).toBe(0);
    expect(() => meter.process([z])).toThrow(RangeError);
    expect(() => new LoudnessMeter(2, fs, { channelWeights: [1] })).toThrow(RangeError);
  });
});

describe('measureLoudness', () => {
  it('reports every figure, and PLR = true peak − integrated', () => {
    const fs = 48000;
    const x = toneSteps(fs, [[-20, 10], [-30, 10]]);
    const r = measureLoudness(stereo(x), fs);
    expect(r.integrated).toBeCloseTo(energyToLufs(gatedEnergyOfTwoLevels()), 1);
    expect(r.momentaryMax).toBeCloseTo(-20, 1);
    expect(r.shortTermMax).toBeCloseTo(-20, 1);
    expect(Math.abs(r.lra - 10)).toBeLessThan(LRA_TOL);
    expect(r.samplePeakDb).toBeCloseTo(-20, 2);
    expect(r.truePeakDb).toBeCloseTo(-20, 1);
    expect(r.plr).toBeCloseTo(r.truePeakDb - r.integrated, 12);
    const silent = measureLoudness([new Float32Array(fs)], fs);
    expect(silent.integrated).toBe(-Infinity);
    expect(Number.isNaN(silent.plr)).toBe(true);
  });

  function gatedEnergyOfTwoLevels(): number {
    // Both halves pass the relative gate (−30 > mean − 10); I is their energy mean.
    return (lufsToEnergy(-20) + lufsToEnergy(-30)) / 2;
  }
});

const FFMPEG = '/usr/bin/ffmpeg';
const hasFfmpeg = existsSync(FFMPEG);
const skipNote = hasFfmpeg ? '' : ' [SKIPPED: /usr/bin/ffmpeg not found, no independent reference on this machine]';
if (!hasFfmpeg) console.warn(`loudness.test: ffmpeg cross-check skipped${skipNote}`);

describe('cross-check against ffmpeg’s ebur128 filter', () => {
  const dir = hasFfmpeg ? mkdtempSync(join(tmpdir(), 'earshot-loudness-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function ffmpeg(channels: readonly Float32Array[], fs: number, name: string): ReturnType<typeof parseEbur128Summary> {
    const path = join(dir, `${name}.wav`);
    writeFloatWav(path, channels, fs);
    const run = spawnSync(FFMPEG, ['-nostats', '-hide_banner', '-i', path, '-af', 'ebur128=peak=true', '-f', 'null', '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr}`);
    return parseEbur128Summary(run.stderr);
  }

  const signals: [string, number, () => Float32Array[]][] = [
    ['white noise, −20 dB RMS', 48000, () => [whiteNoise(1, 48000 * 20, 0.1), whiteNoise(2, 48000 * 20, 0.1)]],
    ['pink noise, −26 dB RMS', 44100, () => [pinkNoise(3, 44100 * 20, 0.05), pinkNoise(4, 44100 * 20, 0.05)]],
    [
      'pink noise stepping 0/−8/−16/−4/−24 dB every 3 s',
      48000,
      () => [stepGain(pinkNoise(5, 48000 * 30, 0.1), 48000, 3, [0, -8, -16, -4, -24]), stepGain(pinkNoise(6, 48000 * 30, 0.1), 48000, 3, [0, -8, -16, -4, -24])],
    ],
    ['pink noise stepping, 5.1 (LFE loud)', 48000, () => {
      const base = (seed: number): Float32Array => stepGain(pinkNoise(seed, 48000 * 15, 0.05), 48000, 2.5, [0, -10, -5]);
      return [base(21), base(22), base(23), base(24), base(25), base(26)];
    }],
  ];

  it.skipIf(!hasFfmpeg).each(signals)(`%s at %i Hz: I within 0.1 LU of ffmpeg${skipNote}`, (label, fs, make) => {
    const channels = make();
    const ours = measureLoudness(channels, fs);
    const theirs = ffmpeg(channels, fs, label.replace(/\W+/g, '-'));
    record.push(
      `  ffmpeg ${label} @ ${fs}: I ${ours.integrated.toFixed(3)} vs ${theirs.integrated.toFixed(1)}, ` +
        `LRA ${ours.lra.toFixed(2)} vs ${theirs.lra.toFixed(1)}, TP ${ours.truePeakDb.toFixed(2)} vs ${theirs.truePeakDb.toFixed(1)}`,
    );
    expect(Math.abs(ours.integrated - theirs.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(ours.lra - theirs.lra)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(ours.truePeakDb - theirs.truePeakDb)).toBeLessThanOrEqual(0.3);
  });
});
