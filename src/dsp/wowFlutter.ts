/**
 * Wow and flutter: the slow and the fast pitch wobble of a tape transport, as a pitch offset in cents.
 * Three quarters of the depth is wow at 0.55 Hz, one quarter flutter at 6.3 Hz; the two are incommensurate,
 * so over a few seconds their peaks line up and the offset reaches ±depth.
 */
export const WOW_HZ = 0.55;
export const FLUTTER_HZ = 6.3;
/** Flutter's phase against wow at t = 0, radians. */
export const FLUTTER_PHASE = 1.1;
/** Depth range of the `wow` parameter, cents. */
export const WOW_MAX_CENTS = 20;

/**
 * The pitch offset at a time.
 * @param depthCents 0..20
 * @param tSec seconds since the modulation started
 * @returns cents, within ±depthCents
 */
export function wowFlutterCents(depthCents: number, tSec: number): number {
  if (depthCents === 0) return 0;
  const wow = Math.sin(2 * Math.PI * WOW_HZ * tSec);
  const flutter = Math.sin(2 * Math.PI * FLUTTER_HZ * tSec + FLUTTER_PHASE);
  return depthCents * (0.75 * wow + 0.25 * flutter);
}

/**
 * The modulation's clock, kept continuous across processing blocks. Time wraps every 20 s, a whole number of
 * wow (11) and flutter (126) cycles, so the phase stays exact however long it runs.
 */
export class WowFlutterClock {
  private static readonly WRAP_SEC = 20;
  private frame = 0;

  constructor(private readonly sampleRate: number) {}

  /** The offset at the start of the next block, then advances by it. @param frames block length */
  next(depthCents: number, frames: number): number {
    const cents = wowFlutterCents(depthCents, this.frame / this.sampleRate);
    this.frame += frames;
    const wrap = WowFlutterClock.WRAP_SEC * this.sampleRate;
    if (this.frame >= wrap) this.frame -= wrap;
    return cents;
  }
}
