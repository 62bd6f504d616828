/** Musical time: seconds <-> bars and beats, for a constant tempo. */
export interface Meter {
  readonly bpm: number;
  readonly beatsPerBar: number;
}

export const secondsPerBeat = (m: Meter): number => 60 / m.bpm;
export const secondsPerBar = (m: Meter): number => secondsPerBeat(m) * m.beatsPerBar;

/** "3.2" = bar 3, beat 2 (both counted from 1, as musicians count). */
export function formatBarsBeats(sec: number, m: Meter): string {
  const beats = Math.max(0, sec) / secondsPerBeat(m);
  const bar = Math.floor(beats / m.beatsPerBar) + 1;
  const beat = Math.floor(beats % m.beatsPerBar) + 1;
  return `${bar}.${beat}`;
}

/** "0:07.25": minutes, seconds and hundredths. */
export function formatClock(sec: number): string {
  const s = Math.max(0, sec);
  const minutes = Math.floor(s / 60);
  const rest = s - minutes * 60;
  return `${minutes}:${rest.toFixed(2).padStart(5, '0')}`;
}

/** Snaps a time to the nearest grid line, with the grid given in seconds. */
export function snapTo(sec: number, gridSec: number): number {
  if (!(gridSec > 0)) return sec;
  return Math.round(sec / gridSec) * gridSec;
}
