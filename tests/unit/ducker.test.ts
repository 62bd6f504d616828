import { describe, expect, it } from 'vitest';
import { Ducker } from '../../src/dsp/ducker';

const SR = 48000;

describe('sidechain ducker gain computer', () => {
  it('dips by the set depth while the key plays, and recovers with the release time', () => {
    const d = new Ducker(SR);
    d.set({ thresholdDb: -30, depthDb: 9, attackMs: 3, releaseMs: 150 });
    const n = SR;
    const key = new Float32Array(n);
    for (let i = 0; i < 0.1 * SR; i++) key[i] = 0.5 * Math.sin((2 * Math.PI * 60 * i) / SR) >= 0 ? 0.5 : -0.5; // a 100 ms square "kick"
    const gain = new Float32Array(n);
    d.process(key, gain, n);
    const db = (g: number) => 20 * Math.log10(g);
    expect(db(gain[Math.round(0.09 * SR)]!)).toBeCloseTo(-9, 1);
    // Release: a time constant of 150 ms means 1/e of the dip is left 150 ms after the key stops.
    expect(db(gain[Math.round(0.25 * SR)]!)).toBeCloseTo(-9 / Math.E, 0);
    expect(db(gain[n - 1]!)).toBeGreaterThan(-0.1);
  });

  it('a key under the threshold does nothing', () => {
    const d = new Ducker(SR);
    const key = new Float32Array(1000).fill(0.01);
    const gain = new Float32Array(1000);
    d.process(key, gain, 1000);
    expect(Math.min(...gain)).toBe(1);
  });
});
