import { describe, expect, it } from 'vitest';
import { FLUTTER_HZ, FLUTTER_PHASE, WOW_HZ, WowFlutterClock, wowFlutterCents } from '../../src/dsp/wowFlutter';

describe('wow and flutter', () => {
  it('is three quarters wow at 0.55 Hz plus a quarter flutter at 6.3 Hz, scaled by the depth', () => {
    for (const t of [0, 0.1, 0.77, 1.3, 3.9]) {
      const expected = 10 * (0.75 * Math.sin(2 * Math.PI * WOW_HZ * t) + 0.25 * Math.sin(2 * Math.PI * FLUTTER_HZ * t + FLUTTER_PHASE));
      expect(wowFlutterCents(10, t)).toBeCloseTo(expected, 12);
    }
  });

  it('is silent at depth 0 and stays within ±depth, reaching close to it within a few seconds', () => {
    let lo = 0;
    let hi = 0;
    for (let t = 0; t < 8; t += 0.001) {
      expect(wowFlutterCents(0, t)).toBe(0);
      const c = wowFlutterCents(6, t);
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    expect(hi).toBeLessThanOrEqual(6);
    expect(lo).toBeGreaterThanOrEqual(-6);
    expect(hi).toBeGreaterThan(5.5);
    expect(lo).toBeLessThan(-5.5);
  });

  it('the clock keeps its phase continuous across blocks, also across its 20 s wrap', () => {
    const sr = 44100;
    const clock = new WowFlutterClock(sr);
    let frame = 0;
    for (let block = 0; block < 8000; block++) {
      const c = clock.next(12, 128);
      if (block % 97 === 0) expect(c).toBeCloseTo(wowFlutterCents(12, frame / sr), 6);
      frame += 128;
    }
    expect(frame / sr).toBeGreaterThan(20);
  });
});
