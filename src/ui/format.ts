/**
 * Value text for the mixer's controls, in units, as a screen reader reads it and a projector shows it.
 * Minus signs are real minus signs (U+2212), as in formatDb.
 */
import { FADER_MIN_DB, formatDb, formatFaderDb } from '../dsp/decibels';

const MINUS = '\u2212';
const withMinus = (text: string): string => text.replace('-', MINUS);

export { formatDb };

/** A send level: "−12.0 dB", and "−∞ dB" at the bottom stop (off). */
export const formatSendDb = formatFaderDb;

/** "80 Hz", "950 Hz", "1.2 kHz", "12 kHz". */
export function formatHz(hz: number): string {
  if (!Number.isFinite(hz)) return '— Hz';
  const rounded = Math.round(hz);
  if (Math.abs(rounded) < 1000) return `${withMinus(String(rounded))} Hz`;
  const k = hz / 1000;
  // One decimal below 10 kHz; above it the decimal is noise for an ear (and for a projector).
  return Math.abs(Number(k.toFixed(1))) < 10 ? `${withMinus(k.toFixed(1))} kHz` : `${withMinus(String(Math.round(k)))} kHz`;
}

/** "4.0:1". */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(1)}:1`;
}

/** "10 ms", and one decimal below 10 ms: "0.5 ms", "2.5 ms". */
export function formatMs(ms: number): string {
  const r = Number(ms.toFixed(1));
  return r < 10 ? `${r.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "2.4 s". */
export function formatSeconds(sec: number): string {
  return `${sec.toFixed(1)} s`;
}

/** "Q 1.0", "Q 0.7", "Q 12". */
export function formatQ(q: number): string {
  return Number(q.toFixed(1)) < 10 ? `Q ${q.toFixed(1)}` : `Q ${Math.round(q)}`;
}

/** A fraction 0..1 as "35%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** The number of a dB value without the unit, for a tight strip: "−12.0", "+3.5", "−∞". */
export function formatDbShort(valueDb: number): string {
  return formatDb(valueDb).replace(' dB', '');
}

/** A send level without the unit: "−12.0", "−∞" when off. */
export function formatSendShort(levelDb: number): string {
  return levelDb <= FADER_MIN_DB ? '−∞' : formatDbShort(levelDb);
}

// ---- scales: a control's travel (0..1) to a value and back ---------------------------------------

/** Where a value sits on a control's travel, 0..1: linearly, or logarithmically (frequencies, times, ratios). */
export function valueToPosition(value: number, min: number, max: number, log = false): number {
  if (!Number.isFinite(value) || max <= min) return 0;
  const v = Math.max(min, Math.min(max, value));
  if (log && min > 0) return Math.log(v / min) / Math.log(max / min);
  return (v - min) / (max - min);
}

/** The value at a position 0..1 of a control's travel; the inverse of valueToPosition. */
export function positionToValue(position: number, min: number, max: number, log = false): number {
  const p = Number.isFinite(position) ? Math.max(0, Math.min(1, position)) : 0;
  if (log && min > 0) return min * Math.pow(max / min, p);
  return min + p * (max - min);
}

/** Rounds to a number of significant digits: 1234.5 → 1230 (3 digits). */
export function roundSignificant(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const exponent = digits - 1 - magnitude;
  // Divide by a whole power of ten rather than multiply by a fraction, to keep 1230 from becoming 1230.0000000000002.
  if (exponent >= 0) return Math.round(value * 10 ** exponent) / 10 ** exponent;
  return Math.round(value / 10 ** -exponent) * 10 ** -exponent;
}
