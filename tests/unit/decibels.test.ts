import { describe, expect, it } from 'vitest';
import { dbToGain, faderGain, FADER_MIN_DB, formatDb, formatFaderDb, gainToDb } from '../../src/dsp/decibels';
import { equalPowerPan, formatPan } from '../../src/dsp/pan';

describe('dB <-> gain', () => {
  it.each([
    [0, 1],
    [-6.0206, 0.5],
    [20, 10],
    [-40, 0.01],
  ])('%s dB is gain %s', (valueDb, g) => {
    expect(dbToGain(valueDb)).toBeCloseTo(g, 4);
    expect(gainToDb(g)).toBeCloseTo(valueDb, 3);
  });

  it('round-trips across the fader range', () => {
    for (let v = -60; v <= 6; v += 0.5) expect(gainToDb(dbToGain(v))).toBeCloseTo(v, 9);
  });

  it('treats silence as −∞ and −∞ as silence', () => {
    expect(gainToDb(0)).toBe(-Infinity);
    expect(dbToGain(-Infinity)).toBe(0);
    expect(gainToDb(-0.5)).toBeCloseTo(-6.0206, 3);
  });

  it('turns the fader off at its bottom stop and for non-numbers', () => {
    expect(faderGain(FADER_MIN_DB)).toBe(0);
    expect(faderGain(Number.NaN)).toBe(0);
    expect(faderGain(-59.5)).toBeCloseTo(dbToGain(-59.5), 12);
    expect(faderGain(40)).toBeCloseTo(dbToGain(6), 12);
  });

  it('formats with a real minus sign and units', () => {
    expect(formatDb(-6)).toBe('−6.0 dB');
    expect(formatDb(3.25)).toBe('+3.3 dB');
    expect(formatDb(-0.04)).toBe('0.0 dB');
    expect(formatFaderDb(-60)).toBe('−∞ dB');
    expect(formatDb(-Infinity)).toBe('−∞ dB');
  });
});

describe('pan law', () => {
  it('is equal power: −3 dB each side at the centre, constant power everywhere', () => {
    const c = equalPowerPan(0);
    expect(gainToDb(c.left)).toBeCloseTo(-3.0103, 3);
    expect(gainToDb(c.right)).toBeCloseTo(-3.0103, 3);
    for (let p = -1; p <= 1; p += 0.1) {
      const { left, right } = equalPowerPan(p);
      expect(left * left + right * right).toBeCloseTo(1, 9);
    }
    expect(equalPowerPan(-1).right).toBeCloseTo(0, 9);
  });

  it('describes positions in words', () => {
    expect(formatPan(0)).toBe('Centre');
    expect(formatPan(-0.4)).toBe('40% left');
    expect(formatPan(1)).toBe('100% right');
    expect(formatPan(Number.NaN)).toBe('Centre');
  });
});
