import { describe, expect, it } from 'vitest';
import { analyseComparison, bandLevelsDb, normalisingGainsDb, shortTermCurve, thirdOctaveBands } from '../../src/dsp/bounceAnalysis';
import { measureLoudness } from '../../src/dsp/loudness';
import { mulberry32 } from '../../src/dsp/random';
import { toneSteps } from './ebuSignals';

const sine = (freq: number, seconds: number, amplitude: number, sr: number) => {
  const x = new Float32Array(Math.round(seconds * sr));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / sr);
  return x;
};

describe('1/3-octave bands', () => {
  it('are contiguous, a third of an octave wide, centred on 1 kHz, and stop below Nyquist', () => {
    for (const sr of [44100, 48000]) {
      const bands = thirdOctaveBands(sr);
      expect(bands[0]!.label).toBe('31.5');
      expect(bands[0]!.lowHz).toBeCloseTo(27.84, 1) // exact centre 1000·2^(−5) = 31.25 Hz;
      const k1 = bands.find((b) => b.label === '1k')!;
      expect(k1.centerHz).toBe(1000);
      expect(k1.lowHz).toBeCloseTo(890.9, 1);
      expect(k1.highHz).toBeCloseTo(1122.5, 1);
      for (let i = 1; i < bands.length; i++) {
        expect(bands[i]!.lowHz).toBeCloseTo(bands[i - 1]!.highHz, 6);
        expect(bands[i]!.highHz / bands[i]!.lowHz).toBeCloseTo(Math.pow(2, 1 / 3), 9);
      }
      // 20k's upper edge (22.4 kHz) is above 44.1k's Nyquist (22.05 kHz), below 48k's.
      expect(bands.at(-1)!.highHz).toBeLessThanOrEqual(sr / 2);
    }
    expect(thirdOctaveBands(44100).at(-1)!.label).toBe('16k');
    expect(thirdOctaveBands(48000).at(-1)!.label).toBe('20k');
    expect(thirdOctaveBands(48000, 25)[0]!.label).toBe('25');
  });

  it('a sine lands in its own band at its mean-square level (A²/2), the neighbours far below', () => {
    const sr = 48000;
    const bands = thirdOctaveBands(sr);
    for (const [freq, label] of [[100, '100'], [1000, '1k'], [5000, '5k'], [440, '400'], [12000, '12.5k']] as const) {
      const x = sine(freq, 2, 0.5, sr);
      const levels = bandLevelsDb([x, x], sr, bands);
      const i = bands.findIndex((b) => b.label === label);
      expect(levels[i]).toBeCloseTo(20 * Math.log10(0.5) - 3.0103, 1); // −9.03 dB
      expect(Math.max(...levels.filter((_, j) => j !== i))).toBeLessThan(levels[i]! - 20);
      expect(levels.indexOf(Math.max(...levels))).toBe(i);
    }
  });

  it('white noise: the band levels sum to its mean square and rise 1 dB per band (3 dB per octave)', () => {
    const sr = 44100;
    const rnd = mulberry32(7);
    const x = new Float32Array(sr * 3);
    for (let i = 0; i < x.length; i++) x[i] = 0.3 * (rnd() * 2 - 1);
    const bands = thirdOctaveBands(sr);
    const levels = bandLevelsDb([x], sr, bands);
    const total = 10 * Math.log10(levels.reduce((s, l) => s + Math.pow(10, l / 10), 0));
    // The bands cover 28 Hz .. 17.8 kHz of 0 .. 22.05 kHz: that share of 0.3²/3.
    const covered = (bands.at(-1)!.highHz - bands[0]!.lowHz) / (sr / 2);
    expect(total).toBeCloseTo(10 * Math.log10((0.09 / 3) * covered), 1);
    const at = (label: string) => levels[bands.findIndex((b) => b.label === label)]!;
    expect(at('8k') - at('1k')).toBeCloseTo(9, 0);
  });

  it('refuses a signal shorter than one FFT frame', () => {
    expect(() => bandLevelsDb([new Float32Array(1000)], 48000, thirdOctaveBands(48000))).toThrow(/at least/);
  });
});

describe('short-term loudness curve', () => {
  it('a stereo 1 kHz sine at −23 dBFS reads −23 LUFS at every point (EBU Tech 3341 case 1)', () => {
    for (const sr of [44100, 48000]) {
      const x = toneSteps(sr, [[-23, 10]]);
      const curve = shortTermCurve([x, x], sr, 0.1);
      // 10 s, 3 s windows every 100 ms: windows ending at 3.0 .. 10.0 s.
      expect(curve.length).toBe(71);
      for (const v of curve) expect(v).toBeCloseTo(-23, 1);
    }
  });

  it('has floor((d − 3)/hop) + 1 points, and follows a step with the window’s delay', () => {
    const sr = 48000;
    const x = toneSteps(sr, [[-36, 5], [-23, 5]]);
    const curve = shortTermCurve([x, x], sr, 0.2);
    expect(curve.length).toBe(Math.floor((10 - 3) / 0.2) + 1);
    // Point i is the window ending at 3 + 0.2·i s: all −36 until 5 s, all −23 from 8 s.
    expect(curve[0]).toBeCloseTo(-36, 1);
    expect(curve[10]).toBeCloseTo(-36, 1); // ends at 5.0 s
    expect(curve[25]).toBeCloseTo(-23, 1); // ends at 8.0 s
    // Ending at 6.0 s: 2 s at −36 and 1 s at −23, the energy mean −23 + 10·log10((1 + 2·10^−1.3)/3) = −27.36.
    expect(curve[15]).toBeCloseTo(-23 + 10 * Math.log10((1 + 2 * Math.pow(10, -1.3)) / 3), 1);
    expect(shortTermCurve([x.subarray(0, sr * 2)], sr)).toHaveLength(0);
    expect(() => shortTermCurve([x], sr, 0.015)).toThrow(/multiple of 10 ms/);
  });
});

describe('normalisation', () => {
  it('turns every variant down to the quietest; silence is left alone', () => {
    expect(normalisingGainsDb([-14, -20, -Infinity, -17])).toEqual({ targetLufs: -20, gainsDb: [-6, 0, 0, -3] });
  });

  it('analyseComparison matches integrated loudness within 0.01 LU and shifts the band levels by the gain', () => {
    const sr = 48000;
    const quiet = toneSteps(sr, [[-30, 6]]);
    const loud = toneSteps(sr, [[-18, 6]], 250);
    const before = bandLevelsDb([loud, loud], sr, thirdOctaveBands(sr));
    const loudChannels = [loud.slice(), loud.slice()];
    const result = analyseComparison(
      [
        { label: 'quiet', channels: [quiet, quiet.slice()] },
        { label: 'loud', channels: loudChannels },
      ],
      sr,
    );
    // Scaled in place: the normalised audio measures at the target.
    expect(Math.abs(measureLoudness(loudChannels, sr).integrated - result.targetLufs)).toBeLessThan(0.01);
    expect(result.variants[0]!.gainDb).toBe(0);
    // The K-weighting reads 1 kHz ≈ +0.7 dB against 250 Hz, so the gain is near −12 but not exactly.
    expect(result.variants[1]!.gainDb).toBeLessThan(-11);
    expect(result.variants[1]!.gainDb).toBeGreaterThan(-13);
    const st = result.variants.map((v) => v.shortTermLufs);
    expect(st[0]).toHaveLength(31);
    for (let i = 0; i < st[0]!.length; i++) expect(st[1]![i]).toBeCloseTo(st[0]![i]!, 1);
    const i250 = result.bands.findIndex((b) => b.label === '250');
    expect(result.variants[1]!.bandsDb[i250]).toBeCloseTo(before[i250]! + result.variants[1]!.gainDb, 2);
    expect(measureLoudness([quiet, quiet], sr).integrated).toBeCloseTo(result.targetLufs, 2);
  });
});
