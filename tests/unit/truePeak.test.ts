import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultOversampling,
  designInterpolator,
  measureTruePeak,
  phaseGain,
  TruePeakMeter,
  type Oversampling,
} from '../../src/dsp/truePeak';
import { fadedSine, interSamplePulses, pinkNoise, RATES, stereo, whiteNoise } from './ebuSignals';

/** Tech 3341 true-peak tolerance: +0.2 / −0.4 dB. */
function expectTruePeak(measured: number, expected: number, label: string): void {
  expect(measured, label).toBeGreaterThanOrEqual(expected - 0.4);
  expect(measured, label).toBeLessThanOrEqual(expected + 0.2);
}

const record: string[] = [];
afterAll(() => {
  if (record.length) console.log(`\nTrue-peak conformance readings (measured vs expected):\n${record.join('\n')}`);
});

/** Brute-force reference: every phase of the design convolved with the zero-padded signal, no shortcuts. */
function bruteForceTruePeak(x: Float32Array, oversampling: Oversampling, tapsPerPhase: number, beta?: number): number {
  const { phases } = designInterpolator(oversampling, tapsPerPhase, beta);
  const t = tapsPerPhase;
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]!));
  // Window ending at sample n (n = 0 .. length + t − 2), samples outside the signal are 0.
  for (let n = 0; n < x.length + t - 1; n++) {
    for (const h of phases) {
      let y = 0;
      for (let j = 0; j < t; j++) {
        const k = n - t + 1 + j;
        if (k >= 0 && k < x.length) y += h[j]! * x[k]!;
      }
      peak = Math.max(peak, Math.abs(y));
    }
  }
  return peak;
}

describe('interpolator design', () => {
  it.each([2, 4] as const)('%i×: every phase has unity DC gain and is flat to ±0.05 dB up to fs/4', (r) => {
    const d = designInterpolator(r);
    expect(d.phases).toHaveLength(r - 1);
    expect(d.latencySamples).toBe(8);
    for (const h of d.phases) {
      expect(h).toHaveLength(16);
      expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let f = 0; f <= 0.25; f += 0.005) expect(Math.abs(20 * Math.log10(phaseGain(h, f)))).toBeLessThan(0.05);
      expect(20 * Math.log10(phaseGain(h, 20000 / 48000))).toBeGreaterThan(-0.4); // 20 kHz at 48 kHz
    }
  });

  it('mirrors the ¼ and ¾ phases and keeps the ½ phase symmetric', () => {
    const [q, h, tq] = designInterpolator(4, 12).phases;
    for (let j = 0; j < 12; j++) {
      expect(q![j]).toBeCloseTo(tq![11 - j]!, 15);
      expect(h![j]).toBeCloseTo(h![11 - j]!, 15);
    }
  });

  it('picks 4× below 96 kHz and 2× from 96 kHz', () => {
    expect(defaultOversampling(44100)).toBe(4);
    expect(defaultOversampling(48000)).toBe(4);
    expect(defaultOversampling(96000)).toBe(2);
    expect(defaultOversampling(192000)).toBe(2);
  });

  it('rejects impossible designs', () => {
    expect(() => designInterpolator(3 as Oversampling)).toThrow(RangeError);
    expect(() => designInterpolator(4, 13)).toThrow(RangeError);
    expect(() => designInterpolator(4, 2)).toThrow(RangeError);
  });
});

describe('EBU Tech 3341 (v4) cases 15–23: true peak', () => {
  const sines: [string, number, number, number, number][] = [
    ['case 15: fs/4, 0.50 FS, 0°', 1 / 4, 0.5, 0, -6.0],
    ['case 16: fs/4, 0.50 FS, 45°', 1 / 4, 0.5, 45, -6.0],
    ['case 17: fs/6, 0.50 FS, 60°', 1 / 6, 0.5, 60, -6.0],
    ['case 18: fs/8, 0.50 FS, 67.5°', 1 / 8, 0.5, 67.5, -6.0],
    ['case 19: fs/4, 1.41 FS, 45°', 1 / 4, 1.41, 45, 3.0],
  ];
  describe.each(RATES)('at %i Hz', (fs) => {
    it.each(sines)('%s reads %s… dBTP', (label, ratio, amplitude, phase, expected) => {
      const tp = measureTruePeak(stereo(fadedSine(fs, 1, ratio, amplitude, phase)), fs);
      expectTruePeak(tp, expected, label);
      record.push(`  3341 ${label.padEnd(32)} @ ${fs}: ${tp.toFixed(3).padStart(7)} dBTP (expected ${expected.toFixed(1)})`);
    });

    it.each([0, 1, 2, 3] as const)('cases 20–23: a 0 dBTP band-limited pulse, peak %i/4 sample after a sample, reads 0.0 dBTP', (q) => {
      const x = interSamplePulses(fs, q);
      const meter = new TruePeakMeter(2, fs);
      meter.process(stereo(x));
      meter.flush();
      expectTruePeak(meter.truePeakDb, 0, `offset ${q}`);
      record.push(
        `  3341 case ${20 + q}: pulse, offset ${q}/4 sample        @ ${fs}: ${meter.truePeakDb.toFixed(3).padStart(7)} dBTP ` +
          `(expected 0.0; sample peak ${meter.samplePeakDb.toFixed(2)} dBFS)`,
      );
      if (q === 2) expect(meter.samplePeakDb).toBeLessThan(-2); // the samples really miss the peak
    });
  });
});

describe('TruePeakMeter', () => {
  it('matches a brute-force polyphase convolution exactly (the skip bound never changes the result)', () => {
    const fs = 48000;
    const signals = [whiteNoise(1, 20000, 0.2), pinkNoise(2, 20000, 0.2), fadedSine(fs, 0.3, 0.23, 0.7, 10), interSamplePulses(fs, 3)];
    for (const x of signals) {
      for (const r of [2, 4] as const) {
        const m = new TruePeakMeter(1, fs, { oversampling: r });
        m.process([x]);
        m.flush();
        expect(m.truePeak).toBeCloseTo(bruteForceTruePeak(x, r, 16), 12);
      }
    }
    // Other designs too, short and long, sharp and smooth.
    const x = pinkNoise(4, 6000, 0.3);
    for (const [taps, beta] of [[4, 0], [8, 2], [12, 5], [64, 10]] as const) {
      const m = new TruePeakMeter(1, fs, { tapsPerPhase: taps, kaiserBeta: beta });
      for (let i = 0; i < x.length; i += 100) m.process([x], i, Math.min(x.length, i + 100));
      m.flush();
      expect(m.truePeak, `${taps} taps, β ${beta}`).toBeCloseTo(bruteForceTruePeak(x, 4, taps, beta), 12);
    }
  });

  it('gives the same peak whatever the chunk size', () => {
    const fs = 44100;
    const x = pinkNoise(3, fs * 3, 0.2);
    const whole = new TruePeakMeter(1, fs);
    whole.process([x]);
    whole.flush();
    const chunked = new TruePeakMeter(1, fs);
    for (let i = 0; i < x.length; i += 128) chunked.process([x], i, Math.min(x.length, i + 128));
    chunked.flush();
    expect(chunked.truePeak).toBe(whole.truePeak);
    expect(chunked.samplePeak).toBe(whole.samplePeak);
  });

  it('under-reads a sine by no more than 4× sampling allows, up to 0.4·fs', () => {
    const fs = 48000;
    for (let f = 0.02; f <= 0.4; f += 0.0173) {
      for (const phase of [0, 17, 33, 45, 71]) {
        const tp = measureTruePeak([fadedSine(fs, 0.25, f, 0.5, phase)], fs);
        // The nearest ¼-sample point is at most ⅛ sample from the crest: cos(2π·f/8) of the amplitude.
        const bound = 20 * Math.log10(0.5 * Math.cos((2 * Math.PI * f) / 8));
        const filterDroop = f <= 0.25 ? 0.05 : 0.4;
        expect(tp, `f = ${f.toFixed(3)} fs, ${phase}°`).toBeGreaterThanOrEqual(bound - filterDroop);
        expect(tp, `f = ${f.toFixed(3)} fs, ${phase}°`).toBeLessThanOrEqual(20 * Math.log10(0.5) + 0.05);
      }
    }
  });

  it('uses 2× at 96 kHz and still finds the fs/4 45° crest', () => {
    const fs = 96000;
    const m = new TruePeakMeter(2, fs);
    expect(m.design.oversampling).toBe(2);
    m.process(stereo(fadedSine(fs, 0.5, 1 / 4, 1.41, 45)));
    m.flush();
    expectTruePeak(m.truePeakDb, 3, '96 kHz fs/4');
  });

  it('measures the tail after flush(), per channel, and resets', () => {
    const fs = 48000;
    const x = new Float32Array(100);
    x[99] = -0.5; // the very last sample
    x[98] = 0.5;
    const silent = new Float32Array(100);
    const m = new TruePeakMeter(2, fs);
    m.process([silent, x]);
    const before = m.truePeak;
    m.flush();
    expect(m.truePeak).toBeGreaterThan(before); // the ringing between and after them is only seen after flush
    expect(m.samplePeakDb).toBeCloseTo(20 * Math.log10(0.5), 9);
    expect(m.channelTruePeakDb(0)).toBe(-Infinity);
    expect(m.channelTruePeakDb(1)).toBeCloseTo(m.truePeakDb, 12);
    m.reset();
    expect(m.truePeak).toBe(0);
    expect(m.samplePeakDb).toBe(-Infinity);
    expect(() => m.process([x])).toThrow(RangeError);
  });
});
