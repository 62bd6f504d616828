import { describe, expect, it } from 'vitest';
import {
  formatDb,
  formatDbShort,
  formatHz,
  formatMs,
  formatPercent,
  formatQ,
  formatRatio,
  formatSeconds,
  formatSendDb,
  formatSendShort,
  positionToValue,
  roundSignificant,
  valueToPosition,
} from '../../src/ui/format';

describe('value text in units', () => {
  it('speaks dB with a real minus sign', () => {
    expect(formatDb(-6)).toBe('−6.0 dB');
    expect(formatDb(3.5)).toBe('+3.5 dB');
    expect(formatDb(0)).toBe('0.0 dB');
    expect(formatDb(-0.01)).toBe('0.0 dB');
    expect(formatDbShort(-12)).toBe('−12.0');
  });

  it('turns a send off at the fader’s bottom stop', () => {
    expect(formatSendDb(-60)).toBe('−∞ dB');
    expect(formatSendDb(-12)).toBe('−12.0 dB');
    expect(formatSendShort(-60)).toBe('−∞');
    expect(formatSendShort(-12.5)).toBe('−12.5');
  });

  it.each([
    [20, '20 Hz'],
    [80, '80 Hz'],
    [120.4, '120 Hz'],
    [999.4, '999 Hz'],
    [999.6, '1.0 kHz'],
    [1234, '1.2 kHz'],
    [9960, '10 kHz'],
    [12500, '13 kHz'],
    [20000, '20 kHz'],
  ])('frequency %s Hz is "%s"', (hz, text) => {
    expect(formatHz(hz)).toBe(text);
  });

  it('speaks ratios, times, Q and fractions', () => {
    expect(formatRatio(4)).toBe('4.0:1');
    expect(formatRatio(2.55)).toMatch(/^2\.[56]:1$/);
    expect(formatMs(10)).toBe('10 ms');
    expect(formatMs(150.4)).toBe('150 ms');
    expect(formatMs(0.1)).toBe('0.1 ms');
    expect(formatMs(2.54)).toBe('2.5 ms');
    expect(formatMs(9.97)).toBe('10 ms');
    expect(formatSeconds(2.4)).toBe('2.4 s');
    expect(formatQ(1)).toBe('Q 1.0');
    expect(formatQ(0.707)).toBe('Q 0.7');
    expect(formatQ(12.3)).toBe('Q 12');
    expect(formatPercent(0.35)).toBe('35%');
    expect(formatPercent(0.95)).toBe('95%');
  });
});

describe('control scales', () => {
  it('maps a linear range to 0..1 and back', () => {
    expect(valueToPosition(-24, -24, 24)).toBe(0);
    expect(valueToPosition(0, -24, 24)).toBe(0.5);
    expect(valueToPosition(24, -24, 24)).toBe(1);
    expect(positionToValue(0.25, -24, 24)).toBe(-12);
  });

  it('maps frequency logarithmically: each octave is the same distance', () => {
    // 20 Hz .. 20 kHz is just under ten octaves; 632 Hz is the geometric middle.
    expect(valueToPosition(Math.sqrt(20 * 20000), 20, 20000, true)).toBeCloseTo(0.5, 12);
    const octave = valueToPosition(200, 20, 20000, true) - valueToPosition(100, 20, 20000, true);
    expect(valueToPosition(4000, 20, 20000, true) - valueToPosition(2000, 20, 20000, true)).toBeCloseTo(octave, 12);
    expect(positionToValue(0, 20, 20000, true)).toBeCloseTo(20, 9);
    expect(positionToValue(1, 20, 20000, true)).toBeCloseTo(20000, 6);
    for (const hz of [20, 80, 440, 1234, 8000, 20000]) expect(positionToValue(valueToPosition(hz, 20, 20000, true), 20, 20000, true)).toBeCloseTo(hz, 6);
  });

  it('clamps out-of-range and non-finite input', () => {
    expect(valueToPosition(5, 20, 20000, true)).toBe(0);
    expect(valueToPosition(1e6, 20, 20000, true)).toBe(1);
    expect(valueToPosition(Number.NaN, 0, 1)).toBe(0);
    expect(positionToValue(2, 0, 10)).toBe(10);
    expect(positionToValue(Number.NaN, 0, 10)).toBe(0);
  });

  it('rounds to significant digits without float noise', () => {
    expect(roundSignificant(1234.5)).toBe(1230);
    expect(roundSignificant(85.34)).toBe(85.3);
    expect(roundSignificant(0.12345)).toBe(0.123);
    expect(roundSignificant(19999)).toBe(20000);
    expect(roundSignificant(0)).toBe(0);
  });
});
