import { describe, expect, it } from 'vitest';
import { computePeaks, peakEnvelope } from '../../src/dsp/peaks';
import { difference, meterBallistics, rms, samplePeak } from '../../src/dsp/levels';
import { ditherTo16BitInterleaved, interleave } from '../../src/dsp/dither';
import { mulberry32 } from '../../src/dsp/random';
import { formatBarsBeats, formatClock, secondsPerBar, snapTo } from '../../src/dsp/musicalTime';

describe('computePeaks', () => {
  it('finds the max and min of each bucket', () => {
    const data = new Float32Array([0.1, -0.2, 0.5, 0, 0, -0.9, 0.3, 0.2]);
    const p = computePeaks([data], 8, 2); // 4 samples per bucket
    expect(Array.from(p.channels[0]!)).toEqual([0.5, -0.2, 0.3, -0.9].map(Math.fround));
    expect(p.durationSec).toBe(1);
    expect(p.bucketsPerSec).toBe(2);
  });

  it('covers a partial last bucket and a sine’s full swing', () => {
    const sr = 1000;
    const sine = Float32Array.from({ length: 1050 }, (_, i) => 0.8 * Math.sin((2 * Math.PI * 50 * i) / sr));
    const p = computePeaks([sine], sr, 10);
    expect(p.channels[0]!.length).toBe(2 * 11);
    for (let b = 0; b < 10; b++) {
      expect(p.channels[0]![2 * b]).toBeCloseTo(0.8, 2);
      expect(p.channels[0]![2 * b + 1]).toBeCloseTo(-0.8, 2);
    }
  });

  it('merges channels into a top and bottom envelope', () => {
    const l = new Float32Array([0.2, -0.1, 0.4, -0.4]);
    const r = new Float32Array([0.6, -0.05, 0.1, -0.7]);
    const [top, bottom] = peakEnvelope(computePeaks([l, r], 4, 2));
    expect(Array.from(top)).toEqual([0.6, 0.4].map(Math.fround));
    expect(Array.from(bottom)).toEqual([-0.1, -0.7].map(Math.fround));
  });

  it('rejects a nonsense sample rate', () => {
    expect(() => computePeaks([new Float32Array(4)], 0)).toThrow(RangeError);
  });
});

describe('levels', () => {
  it('measures RMS, peak and a null residual', () => {
    const sine = Float32Array.from({ length: 48000 }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / 48000));
    expect(rms(sine)).toBeCloseTo(Math.SQRT1_2, 4);
    expect(samplePeak(sine)).toBeCloseTo(1, 3);
    expect(samplePeak(difference(sine, sine))).toBe(0);
  });

  it('meter ballistics: instant attack, 20 dB/s fall', () => {
    expect(meterBallistics(-40, -6, 0.016)).toBe(-6);
    expect(meterBallistics(-6, -120, 0.5)).toBeCloseTo(-16, 9);
    expect(meterBallistics(-6, -10, 1)).toBe(-10);
  });
});

describe('TPDF dither to 16-bit', () => {
  it('keeps the signal, with error within ±1.5 LSB and mean near 0', () => {
    const sine = Float32Array.from({ length: 44100 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 997 * i) / 44100));
    const out = ditherTo16BitInterleaved([sine], mulberry32(1));
    let sum = 0;
    let maxErr = 0;
    for (let i = 0; i < sine.length; i++) {
      const err = out[i]! - sine[i]! * 32768;
      sum += err;
      maxErr = Math.max(maxErr, Math.abs(err));
    }
    expect(maxErr).toBeLessThanOrEqual(1.5);
    expect(Math.abs(sum / sine.length)).toBeLessThan(0.02);
  });

  it('dithers silence into ±1 LSB noise (not truncation), and clips overs', () => {
    const out = ditherTo16BitInterleaved([new Float32Array(10000), Float32Array.from([2, -2])], mulberry32(9));
    const values = new Set(Array.from(out.filter((_, i) => i % 2 === 0)));
    expect([...values].every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(values.size).toBeGreaterThan(1);
    expect(out[1]).toBe(32767);
    expect(out[3]).toBe(-32768);
  });

  it('interleaves and clips for 24-bit', () => {
    expect(Array.from(interleave([Float32Array.from([0.5, 2]), Float32Array.from([-0.25, -3])]))).toEqual([0.5, -0.25, 1, -1]);
  });

  it('is repeatable with the same seed', () => {
    const x = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i) * 0.1);
    expect(ditherTo16BitInterleaved([x], mulberry32(3))).toEqual(ditherTo16BitInterleaved([x], mulberry32(3)));
  });
});

describe('musical time', () => {
  const m = { bpm: 96, beatsPerBar: 4 };
  it('converts seconds to bars and beats', () => {
    expect(secondsPerBar(m)).toBeCloseTo(2.5, 9);
    expect(formatBarsBeats(0, m)).toBe('1.1');
    expect(formatBarsBeats(2.5, m)).toBe('2.1');
    expect(formatBarsBeats(3.2, m)).toBe('2.2');
    expect(formatClock(65.5)).toBe('1:05.50');
    expect(snapTo(1.3, 0.625)).toBeCloseTo(1.25, 9);
  });
});
