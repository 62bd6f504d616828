/** Lessons 9–11: reverb, delay and slapback; tape saturation and the hybrid studio; stereo and panning. */
import type { Project } from '../../state/project';
import { AT, KIT_IDS } from './song';
import { detune, inserts, mastering, pan, send, setEffect, solo, technique } from './mix';
import type { Lesson } from './types';

// ---- 9 Reverb, delay and slapback ------------------------------------------------------------------------

const dryVoice = (p: Project) => solo(p, ['lead']);
const voiceInRoom = (p: Project) => send(dryVoice(p), 'lead', 'reverb', -6);
const voiceInHall = (p: Project) => setEffect(voiceInRoom(p), 'reverb', { decaySec: 4.5, preDelayMs: 40 });
/** A quarter-note echo at the song's tempo: 60,000 ÷ 96 BPM = 625 ms. */
const voiceWithEcho = (p: Project) => send(setEffect(voiceInRoom(p), 'delay', { timeMs: 625, feedback: 0.3 }), 'lead', 'delay', -12);
const mixWithRoom = (p: Project) => send(p, 'lead', 'reverb', -12);
const mixWithSlap = (p: Project) => technique(mixWithRoom(p), 'slapback');

export const REVERB_DELAY: Lesson = {
  id: 'reverb-delay-slapback',
  title: 'Reverb, delay and slapback',
  goal: 'Place a dry voice in a room, a hall and an echo, and recognise the single quick repeat of 1950s slapback.',
  steps: [
    {
      title: 'Completely dry',
      listenFor: 'The voice with no reverb or echo at all. It sounds close and a little unnatural, as if sung straight into your ear in a room with no walls.',
      setup: dryVoice,
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.highNote, label: 'High note' },
      ],
    },
    {
      title: 'A room around the voice',
      listenFor:
        'The voice now feeds the reverb bus, set to a 1.8 s decay. Listen at the ends of phrases: a soft tail keeps ringing after the voice stops. The reverb is on a bus, so other tracks could share the same space.',
      setup: voiceInRoom,
      compare: { a: dryVoice, b: voiceInRoom, label: 'Dry / reverb' },
      markers: [
        { timeSec: AT.voice, label: 'Phrase ends' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Room or hall',
      listenFor:
        'B stretches the decay to 4.5 s and waits 40 ms before the tail starts (pre-delay). The voice seems further away in a much bigger space, and the tails of one phrase run into the next.',
      setup: voiceInHall,
      compare: { a: voiceInRoom, b: voiceInHall, label: '1.8 s / 4.5 s decay' },
      markers: [
        { timeSec: AT.highNote, label: 'Long note tails' },
        { timeSec: AT.outro, label: 'Outro' },
      ],
    },
    {
      title: 'An echo in time',
      listenFor:
        'A delay repeats the sound instead of smearing it. Here each repeat comes one beat later, 625 ms at 96 BPM, and fades away over a few repeats. Because it is timed to the tempo, it adds rhythm rather than clutter.',
      setup: voiceWithEcho,
      compare: { a: voiceInRoom, b: voiceWithEcho, label: 'Reverb / reverb + delay' },
      markers: [
        { timeSec: AT.voice, label: 'Echoes between phrases' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Slapback',
      listenFor:
        'One repeat, 135 ms late, on the voice and guitars, with no further echoes. Sam Phillips got this from tape machines at Sun Studio in Memphis; it is all over Elvis Presley\u2019s 1954 recordings. It makes a part sound bigger and livelier without pushing it back.',
      setup: mixWithSlap,
      compare: { a: mixWithRoom, b: mixWithSlap, label: 'No slapback / slapback' },
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Strummed guitar' },
      ],
    },
  ],
  explore: [
    { label: 'Slapback time', stripId: 'slap', param: 'effect.timeMs', min: 40, max: 300, step: 1, typical: 'About 100 to 140 ms, one repeat; Sun\u2019s tape slap measured 134 to 137 ms.', unit: 'ms' },
    { label: 'Voice to slapback', stripId: 'lead', param: 'sends.slap.levelDb', min: -40, max: 0, step: 0.5, typical: 'Just below the dry voice.', unit: 'dB' },
    { label: 'Reverb decay', stripId: 'reverb', param: 'effect.decaySec', min: 0.2, max: 8, step: 0.1, typical: 'Under 1 s for small rooms; several seconds for halls and chambers.', unit: 's' },
    { label: 'Reverb pre-delay', stripId: 'reverb', param: 'effect.preDelayMs', min: 0, max: 200, step: 1, typical: '0 to 200 ms, usually much less; longer separates the voice from its tail.', unit: 'ms' },
  ],
  abxTechniqueId: 'slapback',
  quiz: [
    {
      question: 'At 96 BPM, how long is a delay of one beat (a quarter note)?',
      choices: ['96 ms', '375 ms', '625 ms', '1 s'],
      answer: 2,
      why: 'A minute is 60,000 ms; 60,000 \u00f7 96 = 625 ms.',
    },
    {
      question: 'What is slapback echo?',
      choices: ['A long reverb tail', 'A single repeat roughly 100 to 140 ms late', 'Many repeats that build up', 'A copy detuned by a few cents'],
      answer: 1,
      why: 'One quick repeat with no feedback: the sound of 1950s Sun records.',
    },
    {
      question: 'Why put reverb on a bus fed by sends, rather than on each track?',
      choices: ['Buses are louder', 'Many tracks can share one space, each choosing how much to send', 'Sends remove noise', 'It is the only way to pan reverb'],
      answer: 1,
      why: 'One 100% wet reverb on a bus puts every part that feeds it in the same room; the send levels set how far away each one sounds.',
    },
  ],
  articleId: 'reverb',
  wikipediaTitle: 'Reverberation',
};

// ---- 10 Tape saturation and the hybrid studio ------------------------------------------------------------

const RHYTHM = [...KIT_IDS, 'bass'];
const rhythmClean = (p: Project) => solo(p, RHYTHM);
const rhythmOnTape = (p: Project) => technique(rhythmClean(p), 'tape');
const rhythmOverdriven = (p: Project) => inserts(rhythmOnTape(p), RHYTHM, 'sat', { driveDb: 30 });
const allOnTape = (p: Project) => technique(p, 'tape');
/** The hybrid choice: tape colour on drums and bass only, everything else left clean. */
function rhythmOnlyOnTape(p: Project): Project {
  let q = inserts(p, KIT_IDS, 'sat', { driveDb: 14 });
  q = inserts(q, ['bass'], 'sat', { driveDb: 10 });
  q = inserts(q, RHYTHM, 'eq', { highShelf: { freqHz: 9000, gainDb: -5 } });
  return detune(q, 'bass', -3);
}

export const TAPE_LESSON: Lesson = {
  id: 'tape-saturation',
  title: 'Tape saturation and the hybrid studio',
  goal: 'Hear what driving a signal into tape does, when it helps, when it becomes distortion, and how studios today choose where to use it.',
  steps: [
    {
      title: 'Clean digital drums and bass',
      listenFor: 'Kick, snare, hi-hats and bass exactly as recorded: sharp peaks, bright cymbals, nothing added. Digital recording keeps what goes in, no more and no less.',
      setup: rhythmClean,
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Driven into tape',
      listenFor:
        'The tape preset drives each track into soft saturation and rolls off the top a little, as tape does. The sharpest peaks are rounded off and a few harmonics are added, so the drums sound thicker and slightly softer, and the bass warmer.',
      setup: rhythmOnTape,
      compare: { a: rhythmClean, b: rhythmOnTape, label: 'Clean / tape' },
      markers: [
        { timeSec: AT.verse, label: 'Snare and kick' },
        { timeSec: AT.chorus, label: 'Hats lose their edge' },
      ],
    },
    {
      title: 'Pushed too hard',
      listenFor:
        'With 30 dB of drive the rounding turns into obvious distortion: a fuzzy snare, a gritty bass, hits that no longer stand out from their tails. Engineers used to hitting tape learned where this point is and stayed just before it.',
      setup: rhythmOverdriven,
      compare: { a: rhythmOnTape, b: rhythmOverdriven, label: 'Saturated / overdriven' },
      markers: [{ timeSec: AT.verse, label: 'Verse' }],
    },
    {
      title: 'Tape on everything',
      listenFor:
        'The preset on the whole mix, with a little pitch drift on the melodic parts. Everything is a shade darker and denser; the voice too. Whether that suits the song is a judgement, not a rule.',
      setup: allOnTape,
      compare: { a: (p) => p, b: allOnTape, label: 'Demo / all on tape' },
      markers: [
        { timeSec: AT.intro, label: 'Piano and strings' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'The hybrid choice',
      listenFor:
        'Most studios now record into a computer and add analog colour only where it helps, from real tape or outboard gear, or from plug-ins that imitate them. Here only the drums and bass get the tape treatment; the voice, piano and strings stay clean and bright.',
      setup: rhythmOnlyOnTape,
      compare: { a: allOnTape, b: rhythmOnlyOnTape, label: 'Everything on tape / rhythm only' },
      markers: [
        { timeSec: AT.voice, label: 'The voice stays clear' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Snare drive', stripId: 'snare', param: 'inserts.sat.driveDb', min: 0, max: 36, step: 0.5, typical: 'A few dB into the curve: listen for softer transients before audible fuzz.', unit: 'dB' },
    { label: 'Bass drive', stripId: 'bass', param: 'inserts.sat.driveDb', min: 0, max: 36, step: 0.5, typical: 'Enough to add harmonics that make the bass audible on small speakers.', unit: 'dB' },
    { label: 'Snare top end', stripId: 'snare', param: 'inserts.eq.highShelf.gainDb', min: -12, max: 6, step: 0.5, typical: 'The preset takes 5 dB off above 9 kHz, imitating tape\u2019s loss of treble.', unit: 'dB' },
    { label: 'Piano wow and flutter', stripId: 'piano', param: 'wowCents', min: 0, max: 20, step: 0.5, typical: 'A studio machine in good order wavers by about 0.05% (under 1 cent), a worn cassette deck several times more; the preset uses 6 cents so the waver is easy to hear.', unit: 'cents' },
  ],
  abxTechniqueId: 'tape',
  quiz: [
    {
      question: 'What happens to a loud peak when tape saturates?',
      choices: ['It is cut off sharply like digital clipping', 'It is rounded off gradually, adding harmonics', 'It is made louder', 'It is delayed'],
      answer: 1,
      why: 'Tape runs out of room gently: peaks are squeezed progressively, which acts like fast compression plus added harmonics.',
    },
    {
      question: 'What were the common professional studio tape speeds?',
      choices: ['1\u215e in/s', '7.5 and 15 in/s', '33\u2153 and 45 rpm', '44.1 and 48 kHz'],
      answer: 1,
      why: 'Studios ran tape at 15 in/s (38 cm/s) or 7.5 in/s, and some at 30 in/s; 1\u215e in/s is cassette speed.',
    },
  ],
  articleId: 'tape-saturation',
  wikipediaTitle: 'Analog recording',
};

// ---- 11 Stereo and panning -------------------------------------------------------------------------------

const allCentred = (p: Project) => p.tracks.reduce((q, t) => pan(q, t.id, 0), p);
const lcr = (p: Project) => technique(p, 'lcr');
const pianoCentred = (p: Project) => pan(solo(p, ['piano']), 'piano', 0);
const pianoLeft = (p: Project) => pan(solo(p, ['piano']), 'piano', -1);
const lcrInMono = (p: Project) => mastering(lcr(p), () => ({ widthPct: 0 }));

export const STEREO_LESSON: Lesson = {
  id: 'stereo-panning',
  title: 'Stereo and panning',
  goal: 'Use panning to give each part its own place, understand why a centred sound is turned down, and check that a mix survives in mono.',
  steps: [
    {
      title: 'Everything in the middle',
      listenFor:
        'A has every track panned to the centre: all the parts pile up in one spot between the speakers and mask each other. B is the demo\u2019s panning, with the guitars, piano, hats and tambourine spread to the sides. Notice how much easier each part is to follow.',
      setup: allCentred,
      compare: { a: allCentred, b: (p) => p, label: 'All centred / spread' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus: two guitars' },
      ],
    },
    {
      title: 'Left, centre, right',
      listenFor:
        'LCR panning allows only three places: hard left, centre or hard right. Kick, snare, bass and voice stay in the middle, the two guitars go to opposite sides, the piano left and the strings right. The image is wide and clear, with a strong centre.',
      setup: lcr,
      compare: { a: (p) => p, b: lcr, label: 'Demo panning / LCR' },
      markers: [
        { timeSec: AT.intro, label: 'Piano left, strings right' },
        { timeSec: AT.chorus, label: 'Guitars left and right' },
      ],
    },
    {
      title: 'The pan law',
      listenFor:
        'The piano alone, in the centre (A) and hard left (B). It should sound about equally loud in both places. That is the pan law at work: a centred sound comes out of both speakers, so each side gets it about 3 dB quieter (0.707 in amplitude) to keep the total power the same.',
      setup: pianoLeft,
      compare: { a: pianoCentred, b: pianoLeft, label: 'Centre / hard left' },
      markers: [{ timeSec: AT.intro, label: 'Piano intro' }],
    },
    {
      title: 'The mono check',
      listenFor:
        'The LCR mix folded to mono, as a phone speaker or a shop\u2019s ceiling speaker might play it. The hard-panned parts lose their separation and fall back by about 3 dB against the centred ones, so the voice and drums stand out more. A mix that still works in mono is called mono compatible.',
      setup: lcrInMono,
      compare: { a: lcr, b: lcrInMono, label: 'Stereo / mono' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Piano pan', stripId: 'piano', param: 'pan', min: -1, max: 1, step: 0.05, typical: 'LCR uses only \u22121, 0 and +1; most mixes spread harmony parts between.', unit: '' },
    { label: 'Guitar 1 pan', stripId: 'guitar1', param: 'pan', min: -1, max: 1, step: 0.05, typical: 'Two guitars are often panned hard left and hard right.', unit: '' },
    { label: 'Master width', stripId: 'master', param: 'mastering.widthPct', min: 0, max: 200, step: 5, typical: '0% for the mono check; 100% is the mix as panned.', unit: '%' },
  ],
  abxTechniqueId: 'lcr',
  quiz: [
    {
      question: 'Why does an equal-power pan law lower a centred sound by about 3 dB on each side?',
      choices: [
        'To save headroom on the master',
        'So the sound is equally loud wherever it is panned',
        'Because the centre is always mono',
        'To make room for the voice',
      ],
      answer: 1,
      why: 'In the centre both speakers play it; lowering each by 3 dB keeps the total power the same as from one speaker at full level.',
    },
    {
      question: 'In LCR panning, where may a track be placed?',
      choices: ['Anywhere', 'Only in the centre', 'Hard left, centre or hard right', 'Only hard left or hard right'],
      answer: 2,
      why: 'Left, centre, right: three positions and nothing between them.',
    },
  ],
  articleId: 'panning',
  wikipediaTitle: 'Panning (audio)',
};
