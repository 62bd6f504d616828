import type { Decibels, Gain } from './units';

/** The fader's lowest stop. At or below it the fader is off (−∞ dB, gain 0). */
export const FADER_MIN_DB = -60;
/** The fader's highest stop. */
export const FADER_MAX_DB = 6;
/** Readings below this are shown as silence. */
export const SILENCE_DB = -120;

/**
 * Decibels to linear amplitude gain.
 * @param valueDb decibels, any value; −∞ gives 0
 * @returns linear gain, ≥ 0
 */
export function dbToGain(valueDb: number): Gain {
  if (valueDb === -Infinity) return 0 as Gain;
  return Math.pow(10, valueDb / 20) as Gain;
}

/**
 * Linear amplitude gain to decibels.
 * @param value linear gain, ≥ 0 (the sign is ignored)
 * @returns decibels; 0 gives −∞
 */
export function gainToDb(value: number): Decibels {
  const a = Math.abs(value);
  if (a === 0) return -Infinity as Decibels;
  return (20 * Math.log10(a)) as Decibels;
}

/**
 * The gain a fader position applies: positions at or below FADER_MIN_DB are off.
 * @param faderDb fader position in dB, FADER_MIN_DB..FADER_MAX_DB
 */
export function faderGain(faderDb: number): Gain {
  if (!Number.isFinite(faderDb) || faderDb <= FADER_MIN_DB) return 0 as Gain;
  return dbToGain(Math.min(faderDb, FADER_MAX_DB));
}

/** "−6.0 dB", "+3.5 dB", "−∞ dB" (a real minus sign, as a screen reader and a projector show it). */
export function formatDb(valueDb: number, digits = 1): string {
  if (!Number.isFinite(valueDb) && valueDb < 0) return '−∞ dB';
  const rounded = Number(valueDb.toFixed(digits));
  if (rounded === 0) return `${(0).toFixed(digits)} dB`;
  const sign = rounded > 0 ? '+' : '−';
  return `${sign}${Math.abs(rounded).toFixed(digits)} dB`;
}

/** A fader's value text: "−∞ dB" at the bottom stop. */
export function formatFaderDb(faderDb: number): string {
  return faderDb <= FADER_MIN_DB ? '−∞ dB' : formatDb(faderDb);
}
