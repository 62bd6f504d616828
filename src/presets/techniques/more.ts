import { secondsPerBeat } from '../../dsp/musicalTime';
import { addAsset } from '../../state/edits';
import type { Clip, Project, Track, TrackRole } from '../../state/project';
import { addBus, copyTrack, insert, send, updateTrack } from '../build';
import { rolesOf, type Technique } from '../types';

/** The lead part, or the first melodic one, for techniques that work on one voice. */
function leadOf(p: Project): Track | undefined {
  return rolesOf(p, ['lead', 'vocal'])[0] ?? rolesOf(p, ['guitar', 'piano', 'strings'])[0];
}

/** Artificial double tracking: a second, slightly detuned copy of the lead about 10 ms late (Abbey Road, 1966). */
export const ADT: Technique = {
  id: 'adt',
  name: 'Double tracking (ADT)',
  summary: 'Adds a copy of the lead, detuned 4 cents and delayed about 10 ms, panned apart from it.',
  articleId: 'automatic-double-tracking',
  apply(p) {
    const lead = leadOf(p);
    if (!lead) return { project: p, skipped: ['No lead or melodic part in this song: nothing to double.'] };
    // The pitch shifter's own delay (≈10 ms at its 20 ms window) is the ADT delay: the clips stay where they are.
    let next = copyTrack(p, lead, { id: `${lead.id}-adt`, name: `${lead.name} ADT`, offsetSec: 0, detuneCents: 4, gainDb: lead.gainDb - 1 });
    next = updateTrack(next, lead.id, () => ({ pan: -0.35 }));
    next = updateTrack(next, `${lead.id}-adt`, () => ({ pan: 0.35 }));
    return { project: next, skipped: [] };
  },
};

const DRUMS: readonly TrackRole[] = ['kick', 'snare', 'hats', 'tambourine'];

/** New York compression: the drums also go, post-fader, to a bus that crushes them; the blend keeps the hits. */
export const PARALLEL_COMPRESSION: Technique = {
  id: 'parallel-compression',
  name: 'Parallel compression',
  summary: 'Sends the drums to a heavily compressed bus (8:1, fast attack) blended under the untouched kit.',
  articleId: 'parallel-compression',
  apply(p) {
    const drums = rolesOf(p, DRUMS);
    if (drums.length === 0) return { project: p, skipped: ['No drums in this song: nothing to compress in parallel.'] };
    let next = addBus(p, { id: 'crush', name: 'Drum crush', color: '#e06666', effect: { type: 'none' }, gainDb: -4 });
    next = insert(next, 'crush', 'comp', { bypass: false, thresholdDb: -38, ratio: 8, attackMs: 1, releaseMs: 120, makeupDb: 14 });
    for (const t of drums) next = send(next, t.id, 'crush', 0);
    return { project: next, skipped: [] };
  },
};

/** Sun Studio's slapback: one quick repeat, about 135 ms late, on the lead and the guitars. */
export const SLAPBACK: Technique = {
  id: 'slapback',
  name: 'Slapback echo',
  summary: 'A single repeat 135 ms after the lead and guitars, as on 1950s Sun records.',
  articleId: 'slapback-echo',
  apply(p) {
    const targets = rolesOf(p, ['lead', 'vocal', 'guitar']);
    if (targets.length === 0) return { project: p, skipped: ['No lead or guitar in this song: nothing to slap back.'] };
    let next = addBus(p, { id: 'slap', name: 'Slapback', color: '#f6b26b', effect: { type: 'delay', timeMs: 135, feedback: 0, toneHz: 5000 } });
    for (const t of targets) next = send(next, t.id, 'slap', -4);
    return { project: next, skipped: [] };
  },
};

/** Wow and flutter depth Tape gives the pitched parts, cents. */
export const TAPE_WOW_CENTS = 6;

/** Tape: driven into saturation, highs rolled off, a touch of pitch drift on the melodic parts. */
export const TAPE: Technique = {
  id: 'tape',
  name: 'Tape saturation',
  summary: 'Drives every track into soft saturation, rolls off the highs as tape does, and adds slight pitch drift with wow and flutter.',
  articleId: 'tape-saturation',
  apply(p) {
    let next = p;
    for (const t of p.tracks) {
      const drums = DRUMS.includes(t.role);
      next = insert(next, t.id, 'sat', { bypass: false, driveDb: drums ? 14 : 10 });
      next = insert(next, t.id, 'eq', { bypass: false, highShelf: { freqHz: 9000, gainDb: -5 } });
      // Wow and flutter on the pitched parts (the kit has no pitch to drift): a few cents off speed, wobbling
      // ±6 cents around it. A track already detuned keeps its tuning, one already wobbling its depth.
      if (!drums && t.detuneCents === 0) {
        next = updateTrack(next, t.id, () => ({ detuneCents: t.role === 'bass' ? -3 : 3, wowCents: t.wowCents || TAPE_WOW_CENTS }));
      }
    }
    return { project: next, skipped: p.tracks.length === 0 ? ['No tracks in this song.'] : [] };
  },
};

const LCR: Partial<Record<TrackRole, number>> = { kick: 0, snare: 0, bass: 0, lead: 0, vocal: 0, hats: 1, tambourine: -1, piano: -1, strings: 1 };

/** Left-centre-right: every track panned hard left, centre or hard right, nothing in between. */
export const LCR_PANNING: Technique = {
  id: 'lcr',
  name: 'LCR panning',
  summary: 'Pans every track hard left, centre or hard right; pairs of guitars go to opposite sides.',
  articleId: 'panning',
  apply(p) {
    let next = p;
    let guitarSide = -1;
    for (const t of p.tracks) {
      let pan = LCR[t.role];
      if (t.role === 'guitar') {
        pan = guitarSide;
        guitarSide = -guitarSide;
      }
      next = updateTrack(next, t.id, () => ({ pan: pan ?? (t.pan < -0.2 ? -1 : t.pan > 0.2 ? 1 : 0) }));
    }
    return { project: next, skipped: [] };
  },
};

const HPF_BY_ROLE: Partial<Record<TrackRole, number>> = { hats: 400, tambourine: 400, snare: 120, lead: 150, vocal: 120, guitar: 120, piano: 100, strings: 120 };

/** Room for the low end: high-pass everything but kick and bass, and cut the mud at 300 Hz where parts pile up. */
export const EQ_CARVING: Technique = {
  id: 'eq-carving',
  name: 'EQ carving',
  summary: 'High-passes everything but kick and bass, and cuts 3 dB of mud around 300 Hz from the midrange parts.',
  articleId: 'equalization',
  apply(p) {
    let next = p;
    for (const t of p.tracks) {
      if (t.role === 'kick' || t.role === 'bass') continue;
      next = insert(next, t.id, 'hpf', { bypass: false, freqHz: HPF_BY_ROLE[t.role] ?? 100 });
      if (['piano', 'guitar', 'strings', 'lead', 'vocal', 'other'].includes(t.role))
        next = insert(next, t.id, 'eq', { bypass: false, bell1: { freqHz: 300, gainDb: -3, q: 1.2 } });
    }
    return { project: next, skipped: [] };
  },
};

/**
 * Brian Eno's ambient loops: phrases of the song repeat on loops of different, incommensurable lengths, so they
 * drift against each other and seldom line up the same way twice; the drums and bass drop out; long reverb and delay.
 */
export const ENO_LOOPS: Technique = {
  id: 'eno-loops',
  name: 'Ambient loops',
  summary: 'Mutes the beat and repeats phrases of piano, strings and lead on loops of 17, 21.5 and 25.3 s, into long reverb and delay.',
  articleId: 'ambient-music',
  apply(p) {
    // One part of each kind, in this order of preference (not track order, which would give two guitars).
    const sources = (['piano', 'strings', 'lead', 'guitar'] as const)
      .map((role) => rolesOf(p, [role])[0])
      .filter((t): t is Track => t !== undefined)
      .slice(0, 3);
    if (sources.length === 0) return { project: p, skipped: ['No melodic parts in this song to loop.'] };
    const periods = [17, 21.5, 25.3];
    const phraseSec = 4 * secondsPerBeat(p);
    let next = p;
    for (const t of p.tracks) next = updateTrack(next, t.id, () => ({ mute: true }));
    const end = p.durationSec;
    sources.forEach((t, i) => {
      const clip = t.clips[0];
      if (!clip) return;
      const period = periods[i] as number;
      // A phrase from a third of the way into the part: past any intro silence.
      const offset = clip.offsetSec + Math.min(clip.durationSec / 3, Math.max(0, clip.durationSec - phraseSec));
      const clips: Clip[] = [];
      const length = Math.min(phraseSec * 2, clip.durationSec);
      // Every repeat ends inside the song, so the loops never lengthen it.
      for (let at = i * 3, n = 0; at + length <= end; at += period, n++)
        clips.push({ ...clip, id: `loop${i + 1}-${n}`, startSec: at, offsetSec: offset, durationSec: length, fadeInSec: 0.8, fadeOutSec: 1.5, gainDb: 0 });
      const id = `loop${i + 1}`;
      next = addAsset(next, p.assets.find((a) => a.id === clip.assetId)!);
      next = copyTrack(next, { ...t, clips: [] }, { id, name: `Loop ${i + 1} (${period} s)`, offsetSec: 0, detuneCents: 0, gainDb: t.gainDb });
      next = updateTrack(next, id, () => ({ clips, mute: false, pan: [-0.6, 0.6, 0][i] ?? 0 }));
      next = send(next, id, 'reverb', -2);
      next = send(next, id, 'delay', -10);
    });
    next = {
      ...next,
      buses: next.buses.map((b) =>
        b.effect.type === 'reverb' && b.id === 'reverb'
          ? { ...b, effect: { ...b.effect, decaySec: 6, preDelayMs: 40 } }
          : b.effect.type === 'delay' && b.id === 'delay'
            ? { ...b, effect: { ...b.effect, timeMs: 850, feedback: 0.55, toneHz: 2500 } }
            : b,
      ),
    };
    return { project: next, skipped: [] };
  },
};

/**
 * G-funk's low end, as far as a mix can go without re-recording: everything below ~120 Hz in mono (only the
 * centred kick and bass keep it), a fat, saturated bass, and a swung hi-hat.
 */
export const G_FUNK: Technique = {
  id: 'g-funk',
  name: 'G-funk low end',
  summary: 'Keeps the sub in mono (kick and bass centred, everything else high-passed at 120 Hz), fattens the bass, and swings the hi-hats.',
  articleId: 'g-funk',
  apply(p) {
    const skipped: string[] = ['The portamento lead needs a synthesizer part; this song has none, so it is left out.'];
    let next = p;
    for (const t of p.tracks) {
      if (t.role === 'kick' || t.role === 'bass') {
        next = updateTrack(next, t.id, () => ({ pan: 0 }));
        continue;
      }
      next = insert(next, t.id, 'hpf', { bypass: false, freqHz: Math.max(120, t.inserts.hpf.bypass ? 120 : t.inserts.hpf.freqHz) });
    }
    for (const b of rolesOf(p, ['bass'])) {
      next = insert(next, b.id, 'eq', { bypass: false, lowShelf: { freqHz: 90, gainDb: 4 } });
      next = insert(next, b.id, 'sat', { bypass: false, driveDb: 8 });
      next = updateTrack(next, b.id, (t) => ({ gainDb: Math.min(6, t.gainDb + 1) }));
    }
    const hats = rolesOf(p, ['hats'])[0];
    if (!hats || !hats.clips[0]) skipped.push('No hi-hat track to swing.');
    else {
      // Swing: every second eighth note is cut out and played a triplet-sixteenth late.
      const eighth = secondsPerBeat(p) / 2;
      const late = eighth / 3;
      const clip = hats.clips[0];
      const clips: Clip[] = [];
      const steps = Math.floor(clip.durationSec / eighth);
      for (let k = 0; k < steps; k++) {
        const off = k % 2 === 1;
        clips.push({
          ...clip,
          id: `${hats.id}-sw${k}`,
          startSec: clip.startSec + k * eighth + (off ? late : 0),
          offsetSec: clip.offsetSec + k * eighth,
          durationSec: off ? eighth - late : eighth,
          fadeInSec: 0.002,
          fadeOutSec: 0.004,
        });
      }
      next = updateTrack(next, hats.id, () => ({ clips }));
    }
    return { project: next, skipped };
  },
};


/** Sidechain ducking: the bass (and any pads) dip 9 dB each time the kick hits, recovering in about 180 ms. */
export const SIDECHAIN: Technique = {
  id: 'sidechain',
  name: 'Sidechain ducking',
  summary: 'Every kick pulls the bass and the sustained parts down 9 dB; they swell back within about 180 ms.',
  articleId: 'sidechain-compression',
  apply(p) {
    const kick = rolesOf(p, ['kick'])[0];
    if (!kick) return { project: p, skipped: ['No kick drum in this song to key the ducking from.'] };
    const targets = rolesOf(p, ['bass', 'strings', 'piano']);
    if (targets.length === 0) return { project: p, skipped: ['No bass or sustained parts to duck.'] };
    let next = p;
    for (const t of targets) next = updateTrack(next, t.id, () => ({ duck: { keyTrackId: kick.id, depthDb: t.role === 'bass' ? 9 : 6, releaseMs: 180 } }));
    return { project: next, skipped: [] };
  },
};
