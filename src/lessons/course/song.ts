/**
 * Where things happen in the demo song, "Saltwater Letters" (96 BPM, 4/4, one bar = 2.5 s), from its score in
 * scripts/song/arrangement.js. Lessons place their "listen here" markers with these.
 */
export const BAR_SEC = 2.5;
export const BEAT_SEC = 0.625;

/** Song time of bar n (counting from 1, as musicians do) and beat b (from 0). */
export const barAt = (bar: number, beat = 0): number => (bar - 1) * BAR_SEC + beat * BEAT_SEC;

export const AT = {
  /** Bars 1–2: piano and strings alone. */
  intro: 0,
  /** The snare's two-note pickup at the end of the intro. */
  pickup: barAt(2, 3.5),
  /** Bar 3: drums, bass and the picked guitar enter. */
  verse: barAt(3),
  /** The voice's first note. */
  voice: barAt(3, 0.5),
  /** Bar 7: the strings swell back in. */
  stringsReturn: barAt(7),
  /** Bar 10: the snare roll into the chorus. */
  snareRoll: barAt(10, 2),
  /** Bar 11: the strummed guitar and tambourine lift the chorus. */
  chorus: barAt(11),
  /** Bar 13: the voice climbs to its highest note, G5. */
  highNote: barAt(13, 1.5),
  /** Bar 15: the second half of the chorus. */
  chorus2: barAt(15),
  /** Bar 19: the outro. */
  outro: barAt(19),
  /** Bar 20: the last hit, left to ring. */
  lastHit: barAt(20),
} as const;

export const DRUM_IDS = ['kick', 'snare', 'hats', 'tambourine'] as const;
export const KIT_IDS = ['kick', 'snare', 'hats'] as const;
export const ALL_TRACK_IDS = ['kick', 'snare', 'hats', 'tambourine', 'bass', 'piano', 'guitar1', 'guitar2', 'strings', 'lead'] as const;
