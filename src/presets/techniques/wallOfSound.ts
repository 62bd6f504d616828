import { rolesOf, type Technique } from '../types';
import { addBus, copyTrack, send, updateTrack } from '../build';

/**
 * Phil Spector's Wall of Sound, on this song: the harmonic parts doubled in unison (three extra players each,
 * detuned a few cents and a little late), an echo chamber bus, the percussion layer brought up, a mono master,
 * 4:1 bus compression and a generous level.
 */
export const WALL_OF_SOUND: Technique = {
  id: 'wall-of-sound',
  name: 'Wall of Sound',
  summary: 'Doubles piano, guitars and bass in unison, sends everything to a dense echo chamber, and masters in mono with 4:1 bus compression.',
  articleId: 'wall-of-sound',
  apply(p) {
    const skipped: string[] = [];
    // Each copy: [detune cents, clip delay ms]. The pitch shifter itself adds ~10 ms, so copies land 10–30 ms late.
    const COPIES: readonly (readonly [number, number])[] = [
      [5, 0],
      [-6, 8],
      [8, 18],
    ];
    let next = addBus(p, {
      id: 'chamber',
      name: 'Echo chamber',
      color: '#c27ba0',
      effect: { type: 'reverb', decaySec: 2.6, preDelayMs: 15, dampHz: 5000, lowCutHz: 600, highCutHz: 5000 },
      gainDb: 0,
    });
    const harmonic = rolesOf(p, ['piano', 'guitar', 'bass']);
    if (harmonic.length === 0) skipped.push('No piano, guitar or bass in this song: nothing to double.');
    harmonic.forEach((t, ti) => {
      // Four players of one part: each 5 dB down, so the section is about as loud as one player was, but wider.
      next = updateTrack(next, t.id, (x) => ({ gainDb: x.gainDb - 5 }));
      COPIES.forEach(([cents, ms], k) => {
        const vary = ((ti + k) % 3) - 1; // small differences between the copies of different parts
        next = copyTrack(next, t, {
          id: `${t.id}-wos${k + 1}`,
          name: `${t.name} double ${k + 1}`,
          offsetSec: Math.max(0, ms + 2 * vary) / 1000,
          detuneCents: cents + vary,
          // Bass copies sit lower: four basses at full level would swamp the low end.
          gainDb: t.gainDb - (t.role === 'bass' ? 9 : 5),
        });
      });
    });
    // Everything melodic goes to the chamber; the copies too.
    for (const t of next.tracks) {
      if (['kick', 'hats'].includes(t.role)) continue;
      next = send(next, t.id, 'chamber', t.role === 'bass' ? -16 : t.role === 'snare' ? -2 : -4);
    }
    const percussion = rolesOf(p, ['tambourine']);
    if (percussion.length === 0) skipped.push('No tambourine or castanets in this song: no percussion layer added.');
    for (const t of percussion) {
      next = updateTrack(next, t.id, (x) => ({ gainDb: Math.min(6, x.gainDb + 6) }));
      next = send(next, t.id, 'chamber', -2);
    }
    const m = next.master.mastering;
    next = {
      ...next,
      master: {
        ...next.master,
        mastering: {
          ...m,
          enabled: true,
          widthPct: 0,
          glue: { enabled: true, thresholdDb: -24, ratio: 4, attackMs: 10, releaseMs: 200 },
          gainDb: m.gainDb + 4,
          limiter: { ...m.limiter, enabled: true },
        },
      },
    };
    return { project: next, skipped };
  },
};
