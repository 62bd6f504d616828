/** Lessons 12–13: ambient and generative loops; G-funk, sampling and the low end. */
import { FADER_MIN_DB } from '../../dsp/decibels';
import { withDuration } from '../../state/edits';
import type { Project } from '../../state/project';
import { AT, BAR_SEC, barAt, KIT_IDS } from './song';
import { inserts, loopSlice, mute, nudge, send, setEffect, solo, technique } from './mix';
import type { Lesson } from './types';

// ---- 12 Ambient and generative loops ---------------------------------------------------------------------

/** The ambient preset's loop tracks: phrases of the song repeating every 17, 21.5 and 25.3 s. */
const LOOPS = ['loop1', 'loop2', 'loop3'];
const BEAT = [...KIT_IDS, 'tambourine', 'bass'];

function beatless(p: Project): Project {
  let q = mute(p, BEAT);
  for (const [id, level] of [['piano', -8], ['strings', -8], ['guitar1', -10], ['guitar2', -10], ['lead', -10]] as const) q = send(q, id, 'reverb', level);
  return setEffect(q, 'reverb', { decaySec: 5, preDelayMs: 30 });
}
/** The preset's last loop can run past the song's end; the song's length follows it, as after any edit. */
const loopsInSpace = (p: Project) => withDuration(technique(p, 'eno-loops'));
const dryLoops = (p: Project) => LOOPS.reduce((q, id) => send(send(q, id, 'reverb', FADER_MIN_DB), id, 'delay', FADER_MIN_DB), loopsInSpace(p));
const oneLoop = (p: Project) => mute(dryLoops(p), ['loop2', 'loop3']);
const threeLoops = dryLoops;

export const AMBIENT_LOOPS: Lesson = {
  id: 'ambient-loops',
  title: 'Ambient and generative loops',
  goal: "Hear how Brian Eno built slowly changing music from loops of unequal length, and why lengths that share no common factor keep it from repeating.",
  steps: [
    {
      title: 'Take away the beat',
      listenFor:
        'Drums and bass are muted and the rest floats in a 5-second reverb. Without a pulse the music stops pushing forward and becomes a place to be in. Eno wanted music that rewards attention but can also be ignored.',
      setup: beatless,
      compare: { a: (p) => p, b: beatless, label: 'Song / without the beat' },
      markers: [
        { timeSec: AT.intro, label: 'Intro' },
        { timeSec: AT.chorus, label: 'Chorus, no drums' },
      ],
    },
    {
      title: 'One loop',
      listenFor:
        'A single phrase from the song, repeating every 17 seconds, with long fades. On its own a loop is predictable: you soon know exactly when it will come back.',
      setup: oneLoop,
      markers: [
        { timeSec: 0, label: 'Loop 1' },
        { timeSec: 17, label: 'Loop 1 again' },
        { timeSec: 34, label: 'And again' },
      ],
    },
    {
      title: 'Three loops of different lengths',
      listenFor:
        'Three phrases now repeat every 17, 21.5 and 25.3 seconds. Because the lengths do not divide into each other, the phrases meet in a new combination each time round. This is the system behind Music for Airports (1978), built from tape loops of different lengths.',
      setup: threeLoops,
      compare: { a: oneLoop, b: threeLoops, label: 'One loop / three loops' },
      markers: [
        { timeSec: 3, label: 'Loop 2 starts' },
        { timeSec: 6, label: 'Loop 3 starts' },
        { timeSec: 17, label: 'Loop 1 returns' },
        { timeSec: 24.5, label: 'Loop 2 returns' },
        { timeSec: 31.3, label: 'Loop 3 returns' },
      ],
    },
    {
      title: 'Into a long space',
      listenFor:
        'The loops now feed a 6-second reverb and a slow delay of 850 ms with long repeats. The phrases overlap and dissolve into each other, and the attacks soften. Listen for chords that no one wrote: they appear when two loops happen to meet.',
      setup: loopsInSpace,
      compare: { a: threeLoops, b: loopsInSpace, label: 'Dry / reverb and delay' },
      markers: [
        { timeSec: 17, label: 'Loops overlap' },
        { timeSec: 34, label: 'A new combination' },
      ],
    },
  ],
  explore: [
    { label: 'Reverb decay', stripId: 'reverb', param: 'effect.decaySec', min: 0.5, max: 8, step: 0.1, typical: 'Long decays of several seconds.', unit: 's' },
    { label: 'Delay time', stripId: 'delay', param: 'effect.timeMs', min: 100, max: 2000, step: 5, typical: 'Slow and unsynchronised; the preset uses 850 ms.', unit: 'ms' },
    { label: 'Delay feedback', stripId: 'delay', param: 'effect.feedback', min: 0, max: 0.95, step: 0.01, typical: 'High enough for a long trail, well below runaway (the preset: 0.55).', unit: '' },
  ],
  abxTechniqueId: 'eno-loops',
  quiz: [
    {
      question: 'Which 1978 album gave ambient music its name?',
      choices: ['Discreet Music', 'Ambient 1: Music for Airports', 'Another Green World', 'Reflection'],
      answer: 1,
      why: 'Ambient 1: Music for Airports put the word on the cover; it was volume one of a series of four.',
    },
    {
      question: 'Two loops last 17 s and 23 s. After how long do they line up as they started?',
      choices: ['40 s', '6 s', '391 s (17 \u00d7 23)', 'Never'],
      answer: 2,
      why: '17 and 23 share no common factor, so they meet again only after 17 \u00d7 23 = 391 s. Earshot\u2019s three loops of 17, 21.5 and 25.3 s realign only after 184,943 s, more than two days.',
    },
  ],
  articleId: 'ambient-music',
  wikipediaTitle: 'Ambient music',
};

// ---- 13 G-funk, sampling and the low end -----------------------------------------------------------------

const kitPlayed = (p: Project) => solo(p, KIT_IDS);
/** One bar of the chorus (bar 12), repeated through the chorus (bars 11–18) on kick, snare and hats. */
const kitLooped = (p: Project) => KIT_IDS.reduce((q, id) => loopSlice(q, id, barAt(12), BAR_SEC, AT.chorus, AT.outro), kitPlayed(p));
const lowEnd = (p: Project) => solo(p, ['kick', 'bass']);
const NOT_LOW = ['snare', 'hats', 'tambourine', 'piano', 'guitar1', 'guitar2', 'strings', 'lead'];
const subCleared = (p: Project) => inserts(p, NOT_LOW, 'hpf', { freqHz: 120 });
function fatBass(p: Project): Project {
  let q = inserts(subCleared(p), ['bass'], 'eq', { lowShelf: { freqHz: 90, gainDb: 4 } });
  q = inserts(q, ['bass'], 'sat', { driveDb: 8 });
  return nudge(q, 'bass', 1);
}
const gFunk = (p: Project) => technique(p, 'g-funk');

export const G_FUNK_LESSON: Lesson = {
  id: 'g-funk-low-end',
  title: 'G-funk, sampling and the low end',
  goal: "Hear the difference between a played part and a looped sample, and borrow the low-end moves of Dr. Dre's G-funk: a mono sub, a fat bass and a lazy swing.",
  steps: [
    {
      title: 'Sampling: one bar on repeat',
      listenFor:
        'In B one bar of the chorus drums is cut out and repeated, as a sampler would loop it. A is the drummer playing. The loop never varies: the fill at the end of the chorus is gone and every bar is identical. Hip-hop was built on loops like this.',
      setup: kitLooped,
      compare: { a: kitPlayed, b: kitLooped, label: 'Played / looped' },
      markers: [
        { timeSec: AT.chorus, label: 'Loop begins' },
        { timeSec: barAt(18), label: 'Where the fill was' },
        { timeSec: AT.outro, label: 'Played again' },
      ],
    },
    {
      title: 'The low end as it is',
      listenFor:
        'Kick and bass alone, both in the centre. In G-funk these two carry the record: deep, round and steady. Note the weight they have on their own; the next steps keep the rest of the band out of their way so the full mix keeps it.',
      setup: lowEnd,
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Clear the sub',
      listenFor:
        'Everything except kick and bass is high-passed at 120 Hz. The lowest octave now belongs to two centred parts, so it stays solid in mono and on big systems. Listen to how the bass line steps forward without being turned up.',
      setup: subCleared,
      compare: { a: (p) => p, b: subCleared, label: 'Demo / sub cleared' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'A fat bass',
      listenFor:
        'The bass gets 4 dB more around 90 Hz, some saturation and 1 dB more level. The saturation adds harmonics, so the bass line stays audible on small speakers that cannot play its fundamental.',
      setup: fatBass,
      compare: { a: subCleared, b: fatBass, label: 'Plain / fat bass' },
      markers: [
        { timeSec: AT.verse, label: 'Bass line' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Lay it back: swung hats',
      listenFor:
        'The full G-funk preset adds swing: every second eighth-note on the hi-hat is played a little late. The groove relaxes and leans back. G-funk tempos sit around 90 to 100 BPM, and this song\u2019s 96 BPM is right in that range.',
      setup: gFunk,
      compare: { a: fatBass, b: gFunk, label: 'Straight / swung' },
      markers: [
        { timeSec: AT.verse, label: 'Verse hats' },
        { timeSec: AT.chorus, label: 'Chorus 16ths' },
      ],
    },
  ],
  explore: [
    { label: 'Bass low shelf', stripId: 'bass', param: 'inserts.eq.lowShelf.gainDb', min: -6, max: 12, step: 0.5, typical: 'The preset adds 4 dB at 90 Hz; more quickly swamps the kick.', unit: 'dB' },
    { label: 'Bass saturation', stripId: 'bass', param: 'inserts.sat.driveDb', min: 0, max: 36, step: 0.5, typical: 'Enough harmonics to hear the line on a phone speaker; the preset uses 8 dB.', unit: 'dB' },
    { label: 'Piano high-pass', stripId: 'piano', param: 'inserts.hpf.freqHz', min: 20, max: 400, step: 5, typical: 'About 100 to 150 Hz on parts that are not bass.', unit: 'Hz' },
  ],
  abxTechniqueId: 'g-funk',
  quiz: [
    {
      question: 'Which 1992 album set the template for G-funk?',
      choices: ['Straight Outta Compton', 'Doggystyle', 'The Chronic', 'Thriller'],
      answer: 2,
      why: "Dr. Dre's solo debut The Chronic, released on Death Row Records in 1992.",
    },
    {
      question: 'Instead of looping old funk records, what did Dr. Dre often do?',
      choices: ['Played them backwards', 'Had musicians replay the parts (interpolation)', 'Used only drum machines', 'Recorded everything live to two-track'],
      answer: 1,
      why: 'Replayed parts sound cleaner and fuller than dusty loops, and after the Grand Upright ruling of 1991 unlicensed samples had become a legal risk.',
    },
    {
      question: 'Why keep the lowest frequencies in the centre?',
      choices: [
        'So the sub is equally strong from both speakers and survives mono playback',
        'Because bass cannot be panned',
        'To make the hi-hats brighter',
        'To make the song faster',
      ],
      answer: 0,
      why: 'The sub carries the most energy; centred, it plays evenly on both sides and does not change when the mix is folded to mono.',
    },
  ],
  articleId: 'g-funk',
  wikipediaTitle: 'G-funk',
};
