// "Saltwater Letters" — an original 20-bar demo song for Earshot.
//
// This file is the score. It decides WHAT is played and WHEN; how each
// instrument SOUNDS lives in ./instruments.js (which runs inside the browser).
//
//   Key A minor, 96 bpm, 4/4. One bar = 2.5 s, one beat = 0.625 s.
//
//   Bars   Section  Chords                          What happens
//   1-2    Intro    Am   F                          piano and strings alone
//   3-10   Verse    Am   F   C   G  | Am  F  Dm  E  drums, bass, picked guitar and the voice enter;
//                   i    VI  III VII| i   VI iv  V  strings rest, then swell back in (bar 7)
//   11-18  Chorus   F    G   C   Am | F   G  E   Am strummed guitar and tambourine lift it, the voice
//                   VI   VII III i  | VI  VII V  i  climbs; bar 17 goes Esus4 -> E
//   19-20  Outro    Fmaj7 | Am(add9)                one last hit, everything rings out
//
// Bars are numbered from 0 in the code (bar 0 = "bar 1" above).

import { mulberry32, seedFromString } from './random.js';
import { octave, scaleStep, toMidi, toName } from './theory.js';

export const SONG = {
  title: 'Saltwater Letters',
  bpm: 96,
  key: 'A minor',
  timeSignature: [4, 4],
  bars: 20,
};

export const BEAT_SEC = 60 / SONG.bpm; // 0.625 s
export const BAR_SEC = 4 * BEAT_SEC; // 2.5 s

const INTRO = [0, 1];
const VERSE = [2, 9];
const CHORUS = [10, 17];
const OUTRO = [18, 19];
const inRange = (bar, [from, to]) => bar >= from && bar <= to;
const bars = ([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---------------------------------------------------------------------------
// Harmony
// ---------------------------------------------------------------------------

/** One chord per bar; a bar that changes chord half-way lists [beat, chord] pairs. */
export const CHART = [
  'Am', 'F', // intro
  'Am', 'F', 'C', 'G', 'Am', 'F', 'Dm', 'E', // verse
  'F', 'G', 'C', 'Am', 'F', 'G', [[0, 'Esus4'], [2, 'E']], 'Am', // chorus
  'Fmaj7', 'Am(add9)', // outro
];

/** The chord sounding at a bar and beat. */
export function chordAt(bar, beat = 0) {
  const entry = CHART[bar];
  if (typeof entry === 'string') return entry;
  let chord = entry[0][1];
  for (const [from, name] of entry) if (beat >= from) chord = name;
  return chord;
}

/**
 * How each chord is voiced by each instrument (notes low -> high).
 *   bass     the bass guitar's root
 *   lh, rh   piano left hand (one low note) and right hand (a close triad around middle C)
 *   strum    open-position guitar shapes, as a guitarist would finger them
 *   pad      string section, verse (low and warm) and chorus (opened up an octave)
 *   arp      four notes for the picked guitar riff
 */
const VOICINGS = {
  Am: { bass: 'A1', lh: 'A2', rh: ['A3', 'C4', 'E4'], strum: ['A2', 'E3', 'A3', 'C4', 'E4'], pad: ['E3', 'A3', 'C4', 'E4'], padHigh: ['A3', 'C4', 'E4', 'A4'], arp: ['A3', 'E4', 'A4', 'C5'] },
  F: { bass: 'F1', lh: 'F2', rh: ['A3', 'C4', 'F4'], strum: ['F2', 'C3', 'F3', 'A3', 'C4', 'F4'], pad: ['F3', 'A3', 'C4', 'F4'], padHigh: ['F3', 'C4', 'F4', 'A4'], arp: ['F3', 'C4', 'F4', 'A4'] },
  C: { bass: 'C2', lh: 'C3', rh: ['G3', 'C4', 'E4'], strum: ['C3', 'E3', 'G3', 'C4', 'E4'], pad: ['E3', 'G3', 'C4', 'E4'], padHigh: ['G3', 'C4', 'E4', 'G4'], arp: ['C4', 'E4', 'G4', 'C5'] },
  G: { bass: 'G1', lh: 'G2', rh: ['G3', 'B3', 'D4'], strum: ['G2', 'B2', 'D3', 'G3', 'B3', 'G4'], pad: ['D3', 'G3', 'B3', 'D4'], padHigh: ['G3', 'B3', 'D4', 'G4'], arp: ['G3', 'D4', 'G4', 'B4'] },
  Dm: { bass: 'D2', lh: 'D3', rh: ['A3', 'D4', 'F4'], strum: ['D3', 'A3', 'D4', 'F4'], pad: ['D3', 'F3', 'A3', 'D4'], padHigh: ['F3', 'A3', 'D4', 'F4'], arp: ['D4', 'F4', 'A4', 'D5'] },
  E: { bass: 'E2', lh: 'E2', rh: ['G#3', 'B3', 'E4'], strum: ['E2', 'B2', 'E3', 'G#3', 'B3', 'E4'], pad: ['E3', 'G#3', 'B3', 'E4'], padHigh: ['G#3', 'B3', 'E4', 'G#4'], arp: ['E3', 'B3', 'E4', 'G#4'] },
  Esus4: { bass: 'E2', lh: 'E2', rh: ['A3', 'B3', 'E4'], strum: ['E2', 'B2', 'E3', 'A3', 'B3', 'E4'], pad: ['E3', 'A3', 'B3', 'E4'], padHigh: ['A3', 'B3', 'E4', 'A4'], arp: ['E3', 'B3', 'E4', 'A4'] },
  Fmaj7: { bass: 'F1', lh: 'F2', rh: ['A3', 'C4', 'E4'], strum: ['F2', 'C3', 'F3', 'A3', 'C4', 'E4'], pad: ['F3', 'A3', 'C4', 'E4'], padHigh: ['F3', 'A3', 'C4', 'E4', 'A4'], arp: ['F3', 'C4', 'E4', 'A4'] },
  'Am(add9)': { bass: 'A1', lh: 'A2', rh: ['C4', 'E4', 'B4'], strum: ['A2', 'E3', 'B3', 'C4', 'E4'], pad: ['E3', 'A3', 'C4', 'E4', 'B4'], padHigh: ['E3', 'A3', 'C4', 'E4', 'B4'], arp: ['A3', 'E4', 'B4', 'C5'] },
};

const voicing = (bar, beat = 0) => VOICINGS[chordAt(bar, beat)];

// ---------------------------------------------------------------------------
// Performance: grid positions -> seconds, with a human feel
// ---------------------------------------------------------------------------

/** Position on the grid, in beats from the top of the song. */
const pos = (bar, beat) => bar * 4 + beat;

/**
 * Turns grid notes ({ at, len, v, ...}) into timed events ({ t, d, v, ... } in seconds).
 * Each stem has its own seeded random stream, so changing one part never
 * changes the feel of another. Notes that land on a bar line are only ever
 * pushed late, never early, so every stem can start exactly on a bar.
 */
function perform(stemId, gridNotes, { timingMs, velocity }) {
  const random = mulberry32(seedFromString(stemId));
  const wobble = (amount) => (random() * 2 - 1) * amount;
  return gridNotes
    .slice()
    .sort((a, b) => a.at - b.at)
    .map(({ at, len, v, offsetSec = 0, ...rest }) => {
      let dt = wobble(timingMs / 1000);
      if (at % 4 === 0) dt = Math.abs(dt);
      const vel = Math.min(1, Math.max(0.05, v * (1 + wobble(velocity))));
      return {
        t: round(at * BEAT_SEC + offsetSec + dt),
        d: round(len * BEAT_SEC),
        v: round(vel),
        at,
        ...rest,
      };
    });
}

const round = (x) => Math.round(x * 1e6) / 1e6;

// ---------------------------------------------------------------------------
// Drums
// ---------------------------------------------------------------------------

function kickPart() {
  const notes = [];
  const hit = (bar, beat, v) => notes.push({ at: pos(bar, beat), len: 0.5, v });
  for (const bar of [...bars(VERSE), ...bars(CHORUS), ...bars(OUTRO)]) {
    if (bar === 19) {
      hit(bar, 0, 1); // the final hit
    } else if (bar === 9) {
      hit(bar, 0, 1); // leave room for the snare fill into the chorus
      hit(bar, 2, 0.9);
    } else if (inRange(bar, VERSE)) {
      // Verse: "one ... three-and", with a pickup into every other bar.
      hit(bar, 0, 1);
      hit(bar, 2, 0.85);
      hit(bar, 2.5, 0.6);
      if (bar % 2 === 1) hit(bar, 3.75, 0.45);
    } else {
      // Chorus: busier, pushes on the "and" of two.
      hit(bar, 0, 1);
      hit(bar, 1.5, 0.7);
      hit(bar, 2, 0.9);
      if (bar !== 17) hit(bar, 2.5, 0.65);
    }
  }
  return perform('kick', notes, { timingMs: 3, velocity: 0.05 });
}

function snarePart() {
  const notes = [];
  const hit = (bar, beat, v) => notes.push({ at: pos(bar, beat), len: 0.25, v });
  // A two-note pickup at the end of the intro kicks the band in.
  hit(1, 3.5, 0.45);
  hit(1, 3.75, 0.65);
  for (const bar of [...bars(VERSE), ...bars(CHORUS), 18]) {
    hit(bar, 1, 0.9); // backbeat on 2 ...
    if (bar === 9) {
      // ... and a 16th-note roll, crescendo, into the chorus.
      for (let i = 0; i < 8; i++) hit(bar, 2 + i * 0.25, 0.3 + (0.7 * i) / 7);
      continue;
    }
    hit(bar, 3, 1); // ... and 4
    if (inRange(bar, CHORUS)) {
      hit(bar, 1.75, 0.16); // ghost notes give the chorus a shuffle under the backbeat
      if (bar % 2 === 0) hit(bar, 3.75, 0.2);
    }
    if (bar === 17) {
      hit(bar, 3.25, 0.55); // short fill into the outro
      hit(bar, 3.5, 0.75);
      hit(bar, 3.75, 0.9);
    }
  }
  hit(19, 0, 1);
  return perform('snare', notes, { timingMs: 4, velocity: 0.06 });
}

function hatsPart() {
  const notes = [];
  const hit = (bar, beat, v, extra = {}) => notes.push({ at: pos(bar, beat), len: 0.25, v, open: false, ...extra });
  for (const bar of [...bars(VERSE), ...bars(CHORUS), 18]) {
    if (inRange(bar, CHORUS) && bar !== 17) {
      // Chorus: 16ths, accented on the beat. An open hat marks the chorus
      // downbeat, and every other bar ends on an open "tss" on 4-and.
      for (let i = 0; i < 16; i++) {
        if ((bar === 10 && i === 1) || (bar % 2 === 1 && i === 15)) continue; // let the open hats breathe
        const open = (bar === 10 && i === 0) || (bar % 2 === 1 && i === 14);
        hit(bar, i / 4, open ? (i === 0 ? 0.7 : 0.5) : [0.8, 0.28, 0.5, 0.3][i % 4], { open });
      }
    } else {
      // Verse, outro and the last chorus bar: straight 8ths, on-beats stronger,
      // an open hat on 4-and of every other bar, and a gap for the snare fills.
      const last = bar === 9 ? 1.5 : bar === 17 ? 2.5 : 3.5;
      for (let beat = 0; beat <= last; beat += 0.5) {
        const open = bar % 2 === 1 && beat === 3.5;
        hit(bar, beat, open ? 0.5 : beat % 1 === 0 ? 0.75 : 0.45, { open });
      }
    }
  }
  hit(19, 0, 0.7, { open: true, ring: true });
  const events = perform('hats', notes, { timingMs: 5, velocity: 0.08 });
  // A drummer closes an open hat with the foot on the next hit: store when.
  events.forEach((e, i) => {
    if (e.open && !e.ring) e.chokeAfter = round(events[i + 1].t - e.t);
  });
  return events;
}

function tambourinePart() {
  // Chorus only: the classic "this is the chorus" signal.
  const notes = [];
  for (const bar of [...bars(CHORUS), 18]) {
    for (let i = 0; i < 16; i++) {
      const beat = i / 4;
      const isHit = i === 4 || i === 12; // struck on 2 and 4, with the snare
      notes.push({ at: pos(bar, beat), len: 0.25, v: isHit ? 0.9 : i % 2 === 0 ? 0.4 : 0.22, kind: isHit ? 'hit' : 'shake' });
    }
  }
  notes.push({ at: pos(19, 0), len: 1, v: 1, kind: 'hit' });
  return perform('tambourine', notes, { timingMs: 6, velocity: 0.1 });
}

// ---------------------------------------------------------------------------
// Bass
// ---------------------------------------------------------------------------

/** A scale step leading into the next bar's root (from above or below). */
function approachNote(bar) {
  const here = voicing(bar, 3.5).bass;
  const next = voicing(Math.min(bar + 1, 19)).bass;
  const dir = toMidi(next) < toMidi(here) ? 1 : -1;
  const candidate = scaleStep(next, dir);
  return candidate === here ? scaleStep(next, -dir) : candidate;
}

function bassPart() {
  const notes = [];
  const play = (bar, beat, len, what, v) => {
    const root = voicing(bar, beat).bass;
    const note =
      what === 'R' ? root :
      what === 'O' ? octave(root, 1) :
      what === '5' ? toName(toMidi(root) + 7) :
      approachNote(bar);
    notes.push({ at: pos(bar, beat), len, v, note });
  };
  for (const bar of [...bars(VERSE), ...bars(CHORUS), 18]) {
    if (inRange(bar, VERSE)) {
      // Verse: locks to the kick ("one ... three-and"), walks into the next chord.
      play(bar, 0, 1.5, 'R', 1);
      play(bar, 2, 0.45, 'R', 0.8);
      play(bar, 2.5, 0.9, 'R', 0.85);
      play(bar, 3.5, 0.45, 'A', 0.7);
    } else {
      // Chorus: driving 8ths with an octave jump and a fifth.
      const line = ['R', 'R', 'O', 'R', 'R', 'R', '5', 'A'];
      const accents = [1, 0.6, 0.8, 0.7, 0.9, 0.6, 0.8, 0.7];
      line.forEach((what, i) => play(bar, i / 2, 0.42, what, accents[i]));
    }
  }
  play(19, 0, 4, 'R', 1);
  return perform('bass', notes, { timingMs: 5, velocity: 0.06 });
}

// ---------------------------------------------------------------------------
// Piano
// ---------------------------------------------------------------------------

function pianoPart() {
  const notes = [];
  const add = (bar, beat, len, noteList, v) => {
    for (const note of noteList) notes.push({ at: pos(bar, beat), len, v, note });
  };
  for (const bar of bars(INTRO)) {
    // Intro: a rolling broken chord, held with the sustain pedal to the bar line.
    const { lh, rh } = voicing(bar);
    add(bar, 0, 4, [lh], 0.6);
    const rolling = [rh[0], rh[1], rh[2], octave(rh[0], 1), rh[2], rh[1], rh[2]];
    rolling.forEach((note, i) => add(bar, 0.5 + i * 0.5, 3.5 - i * 0.5, [note], i === 3 ? 0.55 : 0.42));
  }
  for (const bar of bars(VERSE)) {
    // Verse: sparse — a chord on one and an anticipation on the "and" of three.
    const { lh, rh } = voicing(bar);
    add(bar, 0, 4, [lh], 0.5);
    add(bar, 0, 2.4, rh, 0.5);
    add(bar, 2.5, 1.4, rh, 0.42);
  }
  for (const bar of bars(CHORUS)) {
    // Chorus: pulsing quarter-note chords (the Wall of Sound lesson doubles these).
    add(bar, 0, 4, [voicing(bar).lh], 0.62);
    [[0, 0.7], [1, 0.5], [2, 0.62], [3, 0.5], [3.5, 0.45]].forEach(([beat, v]) =>
      add(bar, beat, beat === 3.5 ? 0.45 : 0.9, voicing(bar, beat).rh, v));
  }
  // Outro: a held Fmaj7, then a slow upward roll of Am(add9) left to ring.
  add(18, 0, 4, [voicing(18).lh, ...voicing(18).rh], 0.6);
  const last = voicing(19);
  [last.lh, ...last.rh].forEach((note, i) =>
    notes.push({ at: pos(19, 0), offsetSec: 0.07 * i, len: 4, v: 0.55, note }));
  return perform('piano', notes, { timingMs: 7, velocity: 0.07 });
}

// ---------------------------------------------------------------------------
// Guitars
// ---------------------------------------------------------------------------

/**
 * Guitar 1: strummed open chords, chorus and outro only.
 * Down-strums sweep low -> high over all strings; up-strums catch the top four,
 * high -> low, a little softer. Each strum rings until the next one mutes it.
 */
function guitar1Part() {
  const pattern = [[0, 'D', 1], [1, 'D', 0.75], [1.5, 'U', 0.55], [2.5, 'U', 0.6], [3, 'D', 0.8], [3.5, 'U', 0.55]];
  const strums = [];
  for (const bar of [...bars(CHORUS), 18]) {
    for (const [beat, dir, v] of pattern) strums.push({ bar, beat, dir, v });
  }
  strums.push({ bar: 19, beat: 0, dir: 'D', v: 0.9, last: true });

  const random = mulberry32(seedFromString('guitar1-strings'));
  const notes = [];
  strums.forEach((strum, i) => {
    const next = strums[i + 1];
    const start = pos(strum.bar, strum.beat);
    const len = next ? pos(next.bar, next.beat) - start - 0.04 : 4;
    const shape = voicing(strum.bar, strum.beat).strum;
    const strings = strum.dir === 'D' ? shape : shape.slice(-4).reverse();
    const spacing = strum.dir === 'D' ? 0.014 : 0.01; // seconds between strings
    notes.push({ at: start, len: 0.05, v: strum.v, kind: 'pick' }); // pick noise
    strings.forEach((note, s) =>
      notes.push({
        at: start,
        offsetSec: s * spacing + random() * 0.003,
        len,
        v: strum.v * (0.85 + 0.15 * random()),
        note,
        kind: 'string',
      }));
  });
  return perform('guitar1', notes, { timingMs: 6, velocity: 0.05 });
}

/**
 * Guitar 2: a picked 8th-note arpeggio riff through verse and chorus, letting
 * notes ring over each other like open strings, but stopping at chord changes.
 */
function guitar2Part() {
  const order = [0, 2, 1, 3, 2, 1, 3, 2]; // low, high, mid, top, high, mid, top, high
  const accents = [0.85, 0.5, 0.65, 0.55, 0.75, 0.5, 0.65, 0.5];
  const notes = [];
  for (const bar of [...bars(VERSE), ...bars(CHORUS), 18]) {
    const lift = inRange(bar, CHORUS) ? 1.1 : 1;
    order.forEach((idx, i) => {
      const beat = i / 2;
      const chordEnd = typeof CHART[bar] !== 'string' && beat < 2 ? 2 : 4;
      notes.push({ at: pos(bar, beat), len: Math.min(1.5, chordEnd - beat), v: accents[i] * lift, note: voicing(bar, beat).arp[idx] });
    });
  }
  // Outro: the riff's four notes rolled slowly and left to ring.
  voicing(19).arp.forEach((note, i) => notes.push({ at: pos(19, i * 0.5), len: 4 - i * 0.5, v: 0.7, note }));
  return perform('guitar2', notes, { timingMs: 8, velocity: 0.08 });
}

// ---------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------

/**
 * Sustained string pad. Notes shared by consecutive chords are tied rather
 * than re-bowed, so voices move smoothly. Tacet for the first half of the verse
 * to leave room for the voice, then swelling back in for the chorus.
 */
function stringsPart() {
  const chords = [];
  const hold = (bar, beat, len, notes, v) => chords.push({ at: pos(bar, beat), len, notes, v });
  for (const bar of bars(INTRO)) hold(bar, 0, 4, voicing(bar).pad, 0.5);
  [6, 7, 8, 9].forEach((bar, i) => hold(bar, 0, 4, voicing(bar).pad, 0.4 + 0.07 * i));
  for (const bar of [...bars(CHORUS), ...bars(OUTRO)]) {
    if (typeof CHART[bar] !== 'string') {
      for (const [beat] of CHART[bar]) hold(bar, beat, 2, voicing(bar, beat).padHigh, 0.72);
    } else {
      hold(bar, 0, 4, voicing(bar).padHigh, bar >= 18 ? 0.65 : 0.72);
    }
  }
  // Tie common tones: extend a note instead of re-attacking it.
  const notes = [];
  const ringing = new Map();
  for (const chord of chords) {
    for (const note of chord.notes) {
      const held = ringing.get(note);
      if (held && held.at + held.len === chord.at) {
        held.len += chord.len;
      } else {
        const fresh = { at: chord.at, len: chord.len, v: chord.v, note };
        notes.push(fresh);
        ringing.set(note, fresh);
      }
    }
  }
  return perform('strings', notes, { timingMs: 10, velocity: 0.05 });
}

// ---------------------------------------------------------------------------
// Lead voice
// ---------------------------------------------------------------------------

/**
 * The melody, bar by bar: [beat, note, length in beats, vowel].
 * Vowels (a, e, i, o, u) steer the formant filters, standing in for lyrics.
 * The verse sits low and talks (E4-E5); the chorus climbs to G5 and F5.
 */
const MELODY = {
  2: [[0.5, 'E4', 0.5, 'o'], [1, 'A4', 0.5, 'a'], [1.5, 'A4', 0.5, 'e'], [2, 'B4', 0.5, 'a'], [2.5, 'C5', 1.5, 'o']],
  3: [[0, 'A4', 1, 'a'], [1, 'G4', 0.5, 'e'], [1.5, 'F4', 0.5, 'u'], [2, 'G4', 0.5, 'a'], [2.5, 'A4', 1.5, 'o']],
  4: [[0.5, 'E4', 0.5, 'e'], [1, 'G4', 0.5, 'a'], [1.5, 'G4', 0.5, 'i'], [2, 'A4', 0.5, 'a'], [2.5, 'G4', 1, 'o'], [3.5, 'E4', 0.5, 'e']],
  5: [[0, 'D4', 2, 'a'], [3, 'E4', 0.5, 'u'], [3.5, 'G4', 0.5, 'a']],
  6: [[0, 'A4', 1, 'o'], [1, 'C5', 0.5, 'a'], [1.5, 'E5', 1.5, 'a'], [3, 'D5', 0.5, 'e'], [3.5, 'C5', 0.5, 'a']],
  7: [[0, 'C5', 1, 'o'], [1, 'A4', 1, 'a'], [2.5, 'A4', 0.5, 'e'], [3, 'C5', 0.5, 'a'], [3.5, 'D5', 0.5, 'i']],
  8: [[0, 'D5', 1, 'a'], [1, 'C5', 0.5, 'o'], [1.5, 'A4', 1.5, 'a'], [3, 'F4', 1, 'u']],
  9: [[0, 'G#4', 2, 'a'], [2, 'B4', 1.5, 'o']],
  // Chorus: the hook rises A-C-D to a long E over F (a major-seventh colour).
  10: [[0, 'A4', 0.5, 'o'], [0.5, 'C5', 1, 'a'], [1.5, 'D5', 0.5, 'e'], [2, 'E5', 2, 'a']],
  11: [[0, 'D5', 1, 'o'], [1, 'C5', 0.5, 'a'], [1.5, 'B4', 0.5, 'e'], [2, 'D5', 2, 'a']],
  12: [[0, 'C5', 0.5, 'e'], [0.5, 'E5', 1, 'a'], [1.5, 'G5', 1.5, 'a'], [3, 'E5', 1, 'o']],
  13: [[0, 'D5', 0.5, 'a'], [0.5, 'C5', 1.5, 'o'], [3, 'A4', 0.5, 'e'], [3.5, 'B4', 0.5, 'a']],
  14: [[0, 'C5', 0.5, 'o'], [0.5, 'D5', 1, 'a'], [1.5, 'E5', 0.5, 'e'], [2, 'F5', 2, 'a']],
  15: [[0, 'E5', 1, 'o'], [1, 'D5', 1, 'a'], [2, 'B4', 1, 'e'], [3, 'D5', 1, 'a']],
  16: [[0, 'E5', 1, 'a'], [1, 'D5', 0.5, 'o'], [1.5, 'C5', 0.5, 'a'], [2, 'B4', 1, 'e'], [3, 'G#4', 1, 'a']],
  17: [[0, 'A4', 3, 'a']],
  // Outro: a wordless "oo" echo of the hook, falling home to A.
  18: [[0, 'E5', 1.5, 'u'], [1.5, 'D5', 0.5, 'o'], [2, 'C5', 2, 'u']],
  19: [[0, 'B4', 0.5, 'u'], [0.5, 'A4', 3.5, 'u']],
};

function leadPart() {
  const notes = [];
  for (const [bar, phrase] of Object.entries(MELODY)) {
    const b = Number(bar);
    const v = inRange(b, CHORUS) ? 0.9 : inRange(b, OUTRO) ? 0.7 : 0.78;
    for (const [beat, note, len, vowel] of phrase) notes.push({ at: pos(b, beat), len, v, note, vowel });
  }
  notes.sort((a, b) => a.at - b.at);
  // Mark notes that run straight into the next one: the voice glides between
  // them (portamento) instead of stopping and starting again.
  notes.forEach((n, i) => {
    const next = notes[i + 1];
    n.legato = Boolean(next && next.at === n.at + n.len);
  });
  return perform('lead', notes, { timingMs: 10, velocity: 0.05 });
}

// ---------------------------------------------------------------------------
// The stems
// ---------------------------------------------------------------------------

/**
 * Every stem, in mixer order. `gainDb` is the suggested default fader (each
 * file is peak-normalised to -3 dBFS, so this is where the balance lives: the
 * voice on top, kick, snare and bass close behind, harmony instruments about
 * 10 LU down, hats and tambourine further back, and the default mix still
 * peaking below -1 dBFS);
 * `pan` is the suggested default pan (-1 left .. 1 right); `tailSec` is how
 * much natural release we keep after the last note ends.
 */
export function buildStems() {
  return [
    { id: 'kick', name: 'Kick', role: 'kick', color: '#e4572e', gainDb: -7, pan: 0, tailSec: 1, events: kickPart() },
    { id: 'snare', name: 'Snare', role: 'snare', color: '#f28f3b', gainDb: -3, pan: 0.05, tailSec: 1, events: snarePart() },
    { id: 'hats', name: 'Hats', role: 'hats', color: '#f6c85f', gainDb: -6, pan: 0.3, tailSec: 1.5, events: hatsPart() },
    { id: 'tambourine', name: 'Tambourine', role: 'tambourine', color: '#d4a373', gainDb: -11, pan: -0.35, tailSec: 1, events: tambourinePart() },
    { id: 'bass', name: 'Bass', role: 'bass', color: '#8ac926', gainDb: -10, pan: 0, tailSec: 1, events: bassPart() },
    { id: 'piano', name: 'Piano', role: 'piano', color: '#4cc9f0', gainDb: -8, pan: -0.2, tailSec: 1.5, events: pianoPart() },
    { id: 'guitar1', name: 'Guitar 1', role: 'guitar', color: '#5e7bff', gainDb: -11, pan: -0.5, tailSec: 1.5, events: guitar1Part() },
    { id: 'guitar2', name: 'Guitar 2', role: 'guitar', color: '#a88cf0', gainDb: -13, pan: 0.5, tailSec: 1.5, events: guitar2Part() },
    { id: 'strings', name: 'Strings', role: 'strings', color: '#2ec4b6', gainDb: -13, pan: 0.15, tailSec: 1.5, events: stringsPart() },
    // The voice glides across bar lines, so it is rendered in one piece (see make-samples.mjs).
    { id: 'lead', name: 'Lead', role: 'lead', color: '#e056c1', gainDb: -8, pan: 0, tailSec: 1.5, events: leadPart(), renderWhole: true },
  ];
}
