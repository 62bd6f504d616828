/** Lessons 1–4: who makes a record, multitrack and overdubs, double tracking, the Wall of Sound. */
import type { Project } from '../../state/project';
import { AT } from './song';
import { detune, gain, inserts, mute, pan, solo, technique } from './mix';
import type { Lesson } from './types';

// ---- 1 The producer's role -------------------------------------------------------------------------------

const sketch = (p: Project) => solo(p, ['piano', 'lead']);
const noLift = (p: Project) => mute(p, ['guitar1', 'tambourine']);
const flatFaders = (p: Project) => p.tracks.reduce((q, t) => gain(q, t.id, -10), p);
const sparseVerse = (p: Project) => mute(p, ['guitar2', 'strings']);

export const PRODUCERS_ROLE: Lesson = {
  id: 'producers-role',
  title: "The producer's role",
  goal: 'Tell apart the jobs behind a record (artist, producer, engineer, executive producer, A&R) and hear the decisions each one makes in the demo song.',
  steps: [
    {
      title: 'The song before production',
      listenFor:
        'Only the piano and the voice: roughly what a songwriter might bring to the first meeting. In the 1950s a label\u2019s A&R man chose songs like this and the singer for them, and often ran the session too. Everything you add in the next steps is a production decision.',
      setup: sketch,
      markers: [
        { timeSec: AT.intro, label: 'Piano intro' },
        { timeSec: AT.voice, label: 'The melody enters' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'The arrangement: who plays when',
      listenFor:
        'The producer decides which instruments play and when they come in. Here the drums, bass and picked guitar wait until bar 3, the strings drop out and return at bar 7, and the chorus is lifted by a strummed guitar and a tambourine. Switch to A to hear the chorus without that lift.',
      setup: (p) => p,
      compare: { a: noLift, b: (p) => p, label: 'Chorus lift off / on', atSec: AT.chorus },
      markers: [
        { timeSec: AT.verse, label: 'Band enters' },
        { timeSec: AT.stringsReturn, label: 'Strings return' },
        { timeSec: AT.chorus, label: 'Chorus lift' },
      ],
    },
    {
      title: "The engineer's balance",
      listenFor:
        'Every stem was delivered at the same peak level, so balance is a decision. With all faders at one setting (A), the parts fight: the snare drops back while the strings and picked guitar crowd the voice. The engineer\u2019s balance (B) puts the voice on top with the snare right behind it.',
      setup: flatFaders,
      compare: { a: flatFaders, b: (p) => p, label: 'Flat faders / balanced' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus: listen to the snare' },
      ],
    },
    {
      title: "A producer's call: less can be more",
      listenFor:
        'Here the picked guitar and the strings are left out. The voice has more room, but the verse loses some motion. Neither version is wrong; choosing between them, and owning the choice, is the producer\u2019s job. Today one person with a laptop and a DAW is often writer, producer and engineer at once: the jobs remain, the people have merged.',
      setup: sparseVerse,
      compare: { a: (p) => p, b: sparseVerse, label: 'Full band / sparse' },
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Voice fader', stripId: 'lead', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'The voice is usually the loudest part of a pop mix; the demo has it at \u22128 dB.', unit: 'dB' },
    { label: 'Hi-hat fader', stripId: 'hats', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'Well behind the snare; the demo has it at \u22126 dB.', unit: 'dB' },
    { label: 'Strings fader', stripId: 'strings', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'A pad sits under the voice; the demo has it at \u221213 dB.', unit: 'dB' },
  ],
  quiz: [
    {
      question: 'Who, in a traditional session, places the microphones and sets the recording levels?',
      choices: ['The A&R manager', 'The executive producer', 'The audio engineer', 'The songwriter'],
      answer: 2,
      why: 'The engineer runs the technical side: microphones, levels, recording and often the mix. The producer directs the overall result.',
    },
    {
      question: 'What does A&R stand for at a record label?',
      choices: ['Artists and repertoire', 'Audio and recording', 'Arrangement and rhythm', 'Analog and reel'],
      answer: 0,
      why: 'A&R staff find artists, match them with songs and producers, and follow what they record.',
    },
    {
      question: 'What does an executive producer on an album usually do?',
      choices: ['Plays the bass parts', 'Funds or oversees the project rather than running the sessions', 'Masters the final files', 'Tunes the instruments'],
      answer: 1,
      why: 'The title usually goes to whoever pays for or supervises the project, often a label executive or the artist; the day-to-day work is the producer\u2019s.',
    },
  ],
  articleId: 'record-producer',
  wikipediaTitle: 'Record producer',
};

// ---- 2 Multitrack recording and overdubbing ------------------------------------------------------------

const RHYTHM = ['kick', 'snare', 'hats', 'bass'];
const basics = (p: Project) => solo(p, RHYTHM);
const firstOverdubs = (p: Project) => solo(p, [...RHYTHM, 'piano', 'guitar2']);
const withVoice = (p: Project) => solo(p, [...RHYTHM, 'piano', 'guitar2', 'lead']);
/**
 * Sound-on-sound: each pass re-records everything before it, so the first parts went through the most copies.
 * Earshot imitates the loss with a duller top and some saturation (real tape also added hiss).
 */
function bounced(p: Project): Project {
  let q = inserts(p, ['kick', 'snare', 'hats', 'bass'], 'eq', { highShelf: { freqHz: 5000, gainDb: -9 } });
  q = inserts(q, ['kick', 'snare', 'hats', 'bass'], 'sat', { driveDb: 12 });
  q = inserts(q, ['piano', 'guitar2', 'strings'], 'eq', { highShelf: { freqHz: 6000, gainDb: -5 } });
  q = inserts(q, ['piano', 'guitar2', 'strings'], 'sat', { driveDb: 6 });
  return q;
}
const offSpeedPiano = (p: Project) => detune(p, 'piano', 50);

export const MULTITRACK: Lesson = {
  id: 'multitrack-overdubbing',
  title: 'Multitrack recording and overdubbing',
  goal: 'Hear how a record is built up part by part, why separate tracks beat sound-on-sound, and why tape speed and pitch go together.',
  steps: [
    {
      title: 'Basic tracks: the rhythm section',
      listenFor:
        'Sessions usually start with the rhythm section: here kick, snare, hi-hats and bass. Every later part is played in time with this foundation, so it has to be solid.',
      setup: basics,
      markers: [
        { timeSec: AT.pickup, label: 'Snare pickup' },
        { timeSec: AT.verse, label: 'Kick and bass start' },
        { timeSec: AT.chorus, label: 'Chorus groove' },
      ],
    },
    {
      title: 'First overdubs: piano and guitar',
      listenFor:
        'An overdub is a new part recorded while the player listens to what is already on tape. The piano and picked guitar now sit on their own tracks, so their levels can still be changed at any time.',
      setup: firstOverdubs,
      compare: { a: basics, b: firstOverdubs, label: 'Basics / + overdubs' },
      markers: [
        { timeSec: AT.intro, label: 'Piano alone' },
        { timeSec: AT.verse, label: 'Picked guitar' },
      ],
    },
    {
      title: 'The vocal overdub',
      listenFor:
        'The voice usually comes last, sung over a nearly finished backing. On its own track it can be redone phrase by phrase without touching anyone else\u2019s performance.',
      setup: withVoice,
      compare: { a: firstOverdubs, b: withVoice, label: 'Without / with the voice' },
      markers: [
        { timeSec: AT.voice, label: 'Voice enters' },
        { timeSec: AT.highNote, label: 'Highest note' },
      ],
    },
    {
      title: 'Sound-on-sound: the price of bouncing',
      listenFor:
        'Before multitrack machines, Les Paul layered parts with sound-on-sound: on every pass the machine played back what was there and recorded it again together with the new part. The first parts were copied most often, so they came out dullest and dirtiest, and their balance was fixed for good. B imitates that: drums and bass copied most, the voice not at all.',
      setup: bounced,
      compare: { a: (p) => p, b: bounced, label: 'Separate tracks / bounced' },
      markers: [
        { timeSec: AT.verse, label: 'Listen to the hi-hats' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Varispeed: speed is pitch',
      listenFor:
        'On tape, speed and pitch move together: run the tape 3 per cent fast and everything plays about half a semitone (51 cents) higher. In B the piano is 50 cents sharp, as if it had been recorded at the wrong speed; against the strings in the intro it sounds sour. Earshot keeps its timing; real tape would also play 3 per cent faster.',
      setup: offSpeedPiano,
      compare: { a: (p) => p, b: offSpeedPiano, label: 'In tune / piano 50 cents sharp' },
      markers: [
        { timeSec: AT.intro, label: 'Piano against strings' },
        { timeSec: AT.stringsReturn, label: 'Strings return' },
      ],
    },
  ],
  explore: [
    { label: 'Piano tuning', stripId: 'piano', param: 'detuneCents', min: -50, max: 50, step: 1, typical: '\u00b11% to 3% of tape speed is about 17 to 51 cents; a few cents sound in tune.', unit: 'cents' },
    { label: 'Voice fader', stripId: 'lead', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'On its own track the voice can be rebalanced at any time; the demo has it at \u22128 dB.', unit: 'dB' },
    { label: 'Bass fader', stripId: 'bass', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'Close behind kick and snare; the demo has it at \u221210 dB.', unit: 'dB' },
  ],
  quiz: [
    {
      question: 'Who persuaded Ampex to build the eight-track recorder delivered in 1957?',
      choices: ['George Martin', 'Les Paul', 'Phil Spector', 'Sam Phillips'],
      answer: 1,
      why: 'Les Paul wanted a safer way to layer parts than sound-on-sound; the machine became known as the Octopus.',
    },
    {
      question: 'What is the main drawback of sound-on-sound compared with multitrack recording?',
      choices: [
        'It cannot record guitars',
        'It needs a computer',
        'Earlier parts are mixed into each new pass, so they lose quality and can no longer be rebalanced',
        'It only works in stereo',
      ],
      answer: 2,
      why: 'Each pass copies everything recorded so far together with the new part, so balance decisions are final and the oldest parts degrade most.',
    },
    {
      question: 'A tape recorded at normal speed is played back at half speed. What do you hear?',
      choices: ['The same pitch, twice as long', 'One octave lower and half as fast', 'One octave higher', 'No change'],
      answer: 1,
      why: 'On tape, speed and pitch are tied: half the speed halves every frequency, which is one octave down.',
    },
  ],
  articleId: 'multitrack-recording',
  wikipediaTitle: 'Multitrack recording',
};

// ---- 3 Double tracking and ADT ---------------------------------------------------------------------------

const ADT_ID = 'lead-adt';
const voiceAlone = (p: Project) => solo(p, ['lead']);
const adtAlone = (p: Project) => technique(solo(p, ['lead']), 'adt');
const adtInMix = (p: Project) => technique(p, 'adt');
const adtTooFar = (p: Project) => detune(technique(p, 'adt'), ADT_ID, 15);
const adtCentred = (p: Project) => pan(pan(technique(p, 'adt'), 'lead', 0), ADT_ID, 0);

export const DOUBLE_TRACKING: Lesson = {
  id: 'double-tracking',
  title: 'Double tracking and ADT',
  goal: 'Hear how a second, slightly different copy of a voice makes it thicker, and how Abbey Road automated the trick in 1966.',
  steps: [
    {
      title: 'One voice',
      listenFor: 'A single take of the melody, on its own. Notice how clear, exposed and a little thin it is.',
      setup: voiceAlone,
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'The automatic double',
      listenFor:
        'ADT adds a copy that plays a few milliseconds late and a few cents off pitch, as a second take would. The two blend into one thicker voice instead of sounding like an echo. An identical copy would only be louder: it is the small differences that thicken.',
      setup: adtAlone,
      compare: { a: voiceAlone, b: adtAlone, label: 'Single / double' },
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.highNote, label: 'Long held note' },
      ],
    },
    {
      title: 'The double in the band',
      listenFor:
        'In the full mix the doubled voice holds its place with no fader change, and its two halves sit slightly apart in the stereo image. ADT was built in 1966 because John Lennon disliked singing every vocal twice.',
      setup: adtInMix,
      compare: { a: (p) => p, b: adtInMix, label: 'Single / ADT' },
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Where the double sits',
      listenFor:
        'In A both copies sit in the centre: thicker, but narrow. In B (the preset) they sit a little either side, so the voice widens while its centre stays put.',
      setup: adtCentred,
      compare: { a: adtCentred, b: adtInMix, label: 'Centred / spread' },
      markers: [
        { timeSec: AT.voice, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Too far out of tune',
      listenFor:
        'B pushes the copy 15 cents sharp instead of 4. The blend turns into a wobbling chorus effect, and on long notes you hear the two pitches beat against each other. A good double stays within a few cents.',
      setup: adtTooFar,
      compare: { a: adtInMix, b: adtTooFar, label: '4 cents / 15 cents' },
      markers: [
        { timeSec: AT.highNote, label: 'Held notes show the beating' },
        { timeSec: AT.chorus2, label: 'Second half of the chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Double: detune', stripId: ADT_ID, param: 'detuneCents', min: -50, max: 50, step: 1, typical: 'A few cents; about 10 cents is the most a double usually needs.', unit: 'cents' },
    { label: 'Double: level', stripId: ADT_ID, param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'About as loud as the original, or a little lower.', unit: 'dB' },
    { label: 'Double: pan', stripId: ADT_ID, param: 'pan', min: -1, max: 1, step: 0.05, typical: 'Centre for a lead vocal; further apart for a wider sound.', unit: '' },
  ],
  abxTechniqueId: 'adt',
  quiz: [
    {
      question: 'Who invented artificial double tracking, and where?',
      choices: ['Les Paul, in his garage', 'Ken Townsend, at EMI\u2019s Abbey Road studios', 'Larry Levine, at Gold Star', 'Sam Phillips, at Sun'],
      answer: 1,
      why: 'Townsend, a technical engineer at EMI Studios, built ADT in 1966 during the sessions for Revolver.',
    },
    {
      question: 'Why does an exact copy of a vocal not sound double-tracked?',
      choices: [
        'It is identical, so it only makes the voice louder',
        'It is always out of tune',
        'It plays too late',
        'It removes the high frequencies',
      ],
      answer: 0,
      why: 'Two identical signals add up to the same sound 6 dB louder. Thickness comes from small differences in timing and pitch.',
    },
  ],
  articleId: 'automatic-double-tracking',
  wikipediaTitle: 'Automatic double tracking',
};

// ---- 4 Wall of Sound -------------------------------------------------------------------------------------

const HARMONIC = ['piano', 'guitar1', 'guitar2', 'bass'];
/** The Wall of Sound without its chamber and without its mono, compressed master. */
function doublesOnly(p: Project, demoMastering: Project['master']['mastering']): Project {
  const q = technique(p, 'wall-of-sound');
  return mute({ ...q, master: { ...q.master, mastering: demoMastering } }, ['chamber']);
}
const onePlayerEach = (p: Project) => solo(p, HARMONIC);
const fourPlayersEach = (p: Project) => doublesOnly(solo(p, HARMONIC), p.master.mastering);
const bandDry = (p: Project) => doublesOnly(p, p.master.mastering);
function bandInChamber(p: Project): Project {
  const q = technique(p, 'wall-of-sound');
  return { ...q, master: { ...q.master, mastering: p.master.mastering } };
}
const fullWall = (p: Project) => technique(p, 'wall-of-sound');

export const WALL_OF_SOUND_LESSON: Lesson = {
  id: 'wall-of-sound',
  title: 'The Wall of Sound',
  goal: "Hear the ingredients of Phil Spector's early-1960s sound: parts doubled in unison, a shared echo chamber, and a dense mono master.",
  steps: [
    {
      title: 'One player per part',
      listenFor: 'Piano, two guitars and bass, one player each. Every instrument is distinct: you can point to each one.',
      setup: onePlayerEach,
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Four players per part',
      listenFor:
        'At Gold Star, Spector had several pianists, guitarists and bassists play the same part together. Here each part has three extra copies, a few cents and a few milliseconds apart. The instruments lose their edges and merge into one broad sound.',
      setup: fourPlayersEach,
      compare: { a: onePlayerEach, b: fourPlayersEach, label: 'One player / four players' },
      markers: [
        { timeSec: AT.verse, label: 'Picked guitar smears' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Into the echo chamber',
      listenFor:
        'Gold Star\u2019s echo chambers were small hard-walled rooms with a speaker and a microphone. Sending nearly everything into one chamber puts the whole band in the same space. Listen for the tail after each chord and for how the snare blooms.',
      setup: bandInChamber,
      compare: { a: bandDry, b: bandInChamber, label: 'Chamber off / on' },
      markers: [
        { timeSec: AT.snareRoll, label: 'Snare roll' },
        { timeSec: AT.chorus, label: 'Chorus' },
        { timeSec: AT.lastHit, label: 'Last chord rings out' },
      ],
    },
    {
      title: 'Back to mono, squeezed together',
      listenFor:
        'Spector made records for AM radio and jukeboxes, in mono. The full preset folds the mix to mono and runs it through 4:1 bus compression. The stereo spread is gone and the loud parts are held down, so the wall feels solid from edge to edge.',
      setup: fullWall,
      compare: { a: bandInChamber, b: fullWall, label: 'Stereo / mono and compressed' },
      markers: [
        { timeSec: AT.chorus, label: 'Chorus' },
        { timeSec: AT.chorus2, label: 'Densest point' },
      ],
    },
  ],
  explore: [
    { label: 'Chamber decay', stripId: 'chamber', param: 'effect.decaySec', min: 0.5, max: 6, step: 0.1, typical: 'Capitol\u2019s chambers ring for up to about 5 s; the preset uses 2.6 s.', unit: 's' },
    { label: 'Chamber return', stripId: 'chamber', param: 'gainDb', min: -30, max: 6, step: 0.5, typical: 'Bring it up until the band sounds like one room, then stop.', unit: 'dB' },
    { label: 'Master width', stripId: 'master', param: 'mastering.widthPct', min: 0, max: 150, step: 5, typical: '0% is mono, as Spector released his singles; 100% is the mix as panned.', unit: '%' },
  ],
  abxTechniqueId: 'wall-of-sound',
  quiz: [
    {
      question: 'In which studio did Phil Spector make most of his Wall of Sound hits?',
      choices: ['Sun Studio, Memphis', 'Abbey Road, London', 'Gold Star Studios, Hollywood', 'Capitol Studios, New York'],
      answer: 2,
      why: 'Gold Star, on Santa Monica Boulevard in Hollywood, was prized for its echo chambers.',
    },
    {
      question: 'Which combination made the wall so dense?',
      choices: [
        'One of each instrument, panned wide',
        'Several players doubling the same parts, sent to an echo chamber and mixed in mono',
        'Drum machines and synthesizers',
        'Short slapback echo on the voice only',
      ],
      answer: 1,
      why: 'Unison doubling blurred the instruments together, the chamber put them in one space, and mono kept it all in one solid image.',
    },
  ],
  articleId: 'wall-of-sound',
  wikipediaTitle: 'Wall of Sound',
};
