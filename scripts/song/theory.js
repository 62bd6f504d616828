// Just enough music theory for the arrangement: note names <-> MIDI numbers
// and stepping along the A natural minor scale.

const PITCH_CLASS = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

/** "A4" -> 69, "G#3" -> 56, "Bb2" -> 46 */
export function toMidi(name) {
  const m = /^([A-G])([#b]?)(-?\d)$/.exec(name);
  if (!m) throw new Error(`Not a note name: ${name}`);
  const accidental = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  return (Number(m[3]) + 1) * 12 + PITCH_CLASS[m[1]] + accidental;
}

/** 69 -> "A4" (sharps only; Tone.js reads these directly) */
export function toName(midi) {
  return `${NAMES[midi % 12]}${Math.floor(midi / 12) - 1}`;
}

/** The A natural minor scale as pitch classes: A B C D E F G. */
const A_MINOR = [9, 11, 0, 2, 4, 5, 7];

/** The nearest A-minor scale tone strictly above (dir = +1) or below (dir = -1) a note. */
export function scaleStep(name, dir) {
  let midi = toMidi(name);
  do midi += dir;
  while (!A_MINOR.includes(midi % 12));
  return toName(midi);
}

/** Move a note by whole octaves. */
export function octave(name, by) {
  return toName(toMidi(name) + 12 * by);
}
