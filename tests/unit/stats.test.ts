import { describe, expect, it } from 'vitest';
import { guessProbability } from '../../src/dsp/stats';

describe('ABX guess probability (one-sided binomial, p = 1/2)', () => {
  it('matches hand-computed tails', () => {
    expect(guessProbability(10, 10)).toBeCloseTo(1 / 1024, 10);
    expect(guessProbability(9, 10)).toBeCloseTo(11 / 1024, 10);
    expect(guessProbability(8, 10)).toBeCloseTo(56 / 1024, 10);
    expect(guessProbability(0, 10)).toBe(1);
    expect(guessProbability(5, 10)).toBeCloseTo(638 / 1024, 10);
  });
  it('is 1 with no trials and stays finite for long sessions', () => {
    expect(guessProbability(0, 0)).toBe(1);
    const p = guessProbability(700, 1000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-30);
  });
});
