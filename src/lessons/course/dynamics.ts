/** Lessons 5–8: EQ, compression, parallel compression, sidechain ducking. */
import type { CompressorSettings, Project } from '../../state/project';
import { AT, KIT_IDS } from './song';
import { duck, inserts, solo, technique } from './mix';
import type { Lesson } from './types';

// ---- 5 EQ and carving out room ---------------------------------------------------------------------------

const pianoAlone = (p: Project) => solo(p, ['piano']);
const pianoMudBoost = (p: Project) => inserts(pianoAlone(p), ['piano'], 'eq', { bell1: { freqHz: 300, gainDb: 10, q: 1.4 } });
const LOW_MIDS = ['bass', 'piano', 'guitar1', 'guitar2', 'strings'];
const lowMidsAlone = (p: Project) => solo(p, LOW_MIDS);
function lowMidsHighPassed(p: Project): Project {
  let q = inserts(lowMidsAlone(p), ['piano'], 'hpf', { freqHz: 100 });
  q = inserts(q, ['guitar1', 'guitar2', 'strings'], 'hpf', { freqHz: 120 });
  return q;
}
const carved = (p: Project) => technique(p, 'eq-carving');
const carvedWithPresence = (p: Project) => inserts(carved(p), ['lead'], 'eq', { bell2: { freqHz: 3000, gainDb: 4, q: 1 } });

export const EQ_LESSON: Lesson = {
  id: 'eq-carving',
  title: 'EQ and carving out room',
  goal: 'Find a crowded frequency range by ear, and use high-pass filters and small cuts so every part has its own space.',
  steps: [
    {
      title: 'Boost to find the range',
      listenFor:
        'B boosts the piano by 10 dB around 300 Hz. The piano turns thick, boxy and woolly: that is the low-mid range where most instruments overlap. Engineers often sweep a big boost like this to find a problem, then cut instead.',
      setup: pianoMudBoost,
      compare: { a: pianoAlone, b: pianoMudBoost, label: 'Flat / +10 dB at 300 Hz' },
      markers: [
        { timeSec: AT.intro, label: 'Piano intro' },
        { timeSec: AT.chorus, label: 'Chorus chords' },
      ],
    },
    {
      title: 'High-pass what needs no lows',
      listenFor:
        'Bass, piano, guitars and strings together. In B the piano is high-passed at 100 Hz and the guitars and strings at 120 Hz. They hardly sound thinner, yet the bass line comes through clearer, because the others no longer rumble underneath it.',
      setup: lowMidsHighPassed,
      compare: { a: lowMidsAlone, b: lowMidsHighPassed, label: 'Full range / high-passed' },
      markers: [
        { timeSec: AT.verse, label: 'Bass enters' },
        { timeSec: AT.chorus, label: 'Strummed guitar' },
      ],
    },
    {
      title: 'Carving the whole mix',
      listenFor:
        'The EQ carving preset high-passes everything except kick and bass and takes 3 dB out of the midrange parts around 300 Hz. No single track changes much, but the mix sounds less cloudy and the kick and bass hit more clearly.',
      setup: carved,
      compare: { a: (p) => p, b: carved, label: 'Demo / carved' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus: densest part' },
      ],
    },
    {
      title: 'Presence: a voice forward without the fader',
      listenFor:
        'B lifts the voice by 4 dB around 3 kHz, where the ear is most sensitive. The voice seems closer and clearer although its fader has not moved. Too much of this turns harsh, so compare at matched loudness.',
      setup: carvedWithPresence,
      compare: { a: carved, b: carvedWithPresence, label: 'No lift / +4 dB at 3 kHz' },
      markers: [
        { timeSec: AT.voice, label: 'Verse vocal' },
        { timeSec: AT.highNote, label: 'High note' },
      ],
    },
  ],
  explore: [
    { label: 'Piano high-pass', stripId: 'piano', param: 'inserts.hpf.freqHz', min: 20, max: 400, step: 5, typical: 'About 80 to 150 Hz on parts that are not bass or kick.', unit: 'Hz' },
    { label: 'Piano low-mid cut', stripId: 'piano', param: 'inserts.eq.bell1.gainDb', min: -12, max: 12, step: 0.5, typical: 'A few dB of cut in the low mids (body or mud: roughly 80 to 300 Hz).', unit: 'dB' },
    { label: 'Voice presence', stripId: 'lead', param: 'inserts.eq.bell2.gainDb', min: -12, max: 12, step: 0.5, typical: '+2 to +4 dB in the 2 to 5 kHz region; broad (Q about 0.7 to 1).', unit: 'dB' },
    { label: 'Presence frequency', stripId: 'lead', param: 'inserts.eq.bell2.freqHz', min: 1000, max: 8000, step: 50, typical: 'Sweep 2 to 5 kHz and stop where the voice comes forward without biting.', unit: 'Hz' },
  ],
  abxTechniqueId: 'eq-carving',
  quiz: [
    {
      question: 'What does a high-pass filter do?',
      choices: ['Boosts the high frequencies', 'Removes frequencies below its cutoff and lets the rest pass', 'Removes frequencies above its cutoff', 'Makes a track louder'],
      answer: 1,
      why: 'It passes what is above the cutoff. On parts that are not bass it clears rumble that would cloud the low end.',
    },
    {
      question: 'Two instruments crowd each other in the low mids. What is usually the cleaner fix?',
      choices: ['Boost both around 300 Hz', 'Cut a little around 300 Hz from one of them', 'Raise both faders', 'Pan both to the centre'],
      answer: 1,
      why: 'A small cut in one part makes room for the other without making the mix louder or muddier.',
    },
  ],
  articleId: 'equalization',
  wikipediaTitle: 'Equalization (audio)',
};

// ---- 6 Compression ---------------------------------------------------------------------------------------

const kitAlone = (p: Project) => solo(p, KIT_IDS);
const PUNCHY: Partial<CompressorSettings> = { thresholdDb: -18, ratio: 4, attackMs: 30, releaseMs: 120, makeupDb: 4 };
const kitPunchy = (p: Project) => inserts(kitAlone(p), ['kick', 'snare'], 'comp', PUNCHY);
const kitFastAttack = (p: Project) => inserts(kitAlone(p), ['kick', 'snare'], 'comp', { ...PUNCHY, attackMs: 0.5 });
const kitSquashed = (p: Project) => inserts(kitAlone(p), KIT_IDS, 'comp', { thresholdDb: -42, ratio: 20, attackMs: 0.5, releaseMs: 40, makeupDb: 16 });
const drumsCompressed = (p: Project) => inserts(p, ['kick', 'snare'], 'comp', PUNCHY);
const voiceCompressed = (p: Project) => inserts(drumsCompressed(p), ['lead'], 'comp', { thresholdDb: -20, ratio: 3, attackMs: 10, releaseMs: 150, makeupDb: 3 });

export const COMPRESSION: Lesson = {
  id: 'compression',
  title: 'Compression',
  goal: 'Hear what a compressor does to the loud moments of a sound, and how ratio, threshold and attack change its character.',
  steps: [
    {
      title: 'The kit as played',
      listenFor: 'Kick, snare and hi-hats with no processing. Notice how much louder the accented hits are than the soft ones, and the sharp crack at the start of each snare hit.',
      setup: kitAlone,
      markers: [
        { timeSec: AT.verse, label: 'Verse beat' },
        { timeSec: AT.snareRoll, label: 'Snare roll: soft to loud' },
        { timeSec: AT.chorus, label: 'Ghost notes' },
      ],
    },
    {
      title: 'Slow attack: more punch',
      listenFor:
        'Kick and snare through a 4:1 compressor with a 30 ms attack. The first instant of each hit passes before the compressor reacts, then the body is turned down and everything is raised with makeup gain. The hits sound firmer and more even, with their crack intact.',
      setup: kitPunchy,
      compare: { a: kitAlone, b: kitPunchy, label: 'Compressor off / on' },
      markers: [
        { timeSec: AT.verse, label: 'Backbeat' },
        { timeSec: AT.snareRoll, label: 'Roll evens out' },
      ],
    },
    {
      title: 'Fast attack: the crack goes',
      listenFor:
        'The same settings with a 0.5 ms attack. Now the compressor grabs the very start of each hit, so the snare\u2019s crack and the kick\u2019s click are flattened. Useful for taming spikes; here it takes the life out.',
      setup: kitFastAttack,
      compare: { a: kitPunchy, b: kitFastAttack, label: '30 ms / 0.5 ms attack' },
      markers: [{ timeSec: AT.verse, label: 'Listen to the start of each hit' }],
    },
    {
      title: 'Too much',
      listenFor:
        'A 20:1 ratio and a very low threshold on the whole kit. Loud and soft hits end up the same level, the cymbal wash swells up between hits, and the groove loses its light and shade. This is what over-compression sounds like.',
      setup: kitSquashed,
      compare: { a: kitPunchy, b: kitSquashed, label: 'Moderate / squashed' },
      markers: [
        { timeSec: AT.chorus, label: 'Hats swell between hits' },
        { timeSec: AT.lastHit, label: 'Last hit' },
      ],
    },
    {
      title: 'Holding a voice steady',
      listenFor:
        'A gentle 3:1 on the voice, with the drums compressed as in step 2. The quiet words come up and the loud ones stay in line, so the voice sits at one distance from you through verse and chorus.',
      setup: voiceCompressed,
      compare: { a: drumsCompressed, b: voiceCompressed, label: 'Voice compressor off / on' },
      markers: [
        { timeSec: AT.voice, label: 'Quiet verse' },
        { timeSec: AT.highNote, label: 'Loud chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Snare ratio', stripId: 'snare', param: 'inserts.comp.ratio', min: 1, max: 20, step: 0.5, typical: '4:1 to 8:1 on drums; 1.5:1 to 3:1 on voices; 10:1 and up is limiting.', unit: ':1' },
    { label: 'Snare threshold', stripId: 'snare', param: 'inserts.comp.thresholdDb', min: -50, max: 0, step: 1, typical: 'Lower it until the loudest hits lose 3 to 6 dB.', unit: 'dB' },
    { label: 'Snare attack', stripId: 'snare', param: 'inserts.comp.attackMs', min: 0.1, max: 100, step: 0.1, typical: 'About 1 ms removes transients; about 30 ms keeps the punch.', unit: 'ms' },
    { label: 'Voice ratio', stripId: 'lead', param: 'inserts.comp.ratio', min: 1, max: 20, step: 0.5, typical: '1.5:1 to 3:1 for a natural voice.', unit: ':1' },
  ],
  quiz: [
    {
      question: 'A compressor is set to 4:1. A note goes 8 dB over the threshold. How far over is it afterwards?',
      choices: ['8 dB', '4 dB', '2 dB', '0 dB'],
      answer: 2,
      why: 'At 4:1, every 4 dB above the threshold comes out as 1 dB, so 8 dB over becomes 2 dB over.',
    },
    {
      question: 'Why does a slow attack often make drums punchier?',
      choices: [
        'It lets the first instant of each hit through before the gain comes down',
        'It adds reverb',
        'It boosts the high frequencies',
        'It makes the tempo faster',
      ],
      answer: 0,
      why: 'The transient escapes, while the body of the hit is turned down; with makeup gain the hit sounds sharper against its own tail.',
    },
    {
      question: 'What is makeup gain for?',
      choices: ['Removing noise', 'Restoring the level lost to compression', 'Setting the attack time', 'Panning the signal'],
      answer: 1,
      why: 'Compression lowers the loud parts; makeup gain lifts the whole signal back so it can be compared fairly.',
    },
  ],
  articleId: 'dynamic-range-compression',
  wikipediaTitle: 'Dynamic range compression',
};

// ---- 7 Parallel compression ------------------------------------------------------------------------------

const DRUMS = ['kick', 'snare', 'hats', 'tambourine'];
const drumsAlone = (p: Project) => solo(p, DRUMS);
const crushAlone = (p: Project) => solo(technique(p, 'parallel-compression'), ['crush']);
const drumsBlended = (p: Project) => technique(drumsAlone(p), 'parallel-compression');
const parallelInMix = (p: Project) => technique(p, 'parallel-compression');

export const PARALLEL_COMPRESSION_LESSON: Lesson = {
  id: 'parallel-compression',
  title: 'Parallel compression',
  goal: 'Hear how blending a heavily compressed copy under the untouched drums adds weight and sustain while keeping every hit sharp.',
  steps: [
    {
      title: 'The drums untouched',
      listenFor: 'Kick, snare, hi-hats and tambourine, with no compression. Sharp hits, quick decays, lots of space between them.',
      setup: drumsAlone,
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus: tambourine joins' },
      ],
    },
    {
      title: 'The crushed copy on its own',
      listenFor:
        'This is the parallel bus soloed: the same drums through an 8:1 compressor with a 1 ms attack and a very low threshold. Crude on its own: no dynamics, every decay and ghost note pulled up to full level.',
      setup: crushAlone,
      compare: { a: drumsAlone, b: crushAlone, label: 'Untouched / crushed alone' },
      markers: [
        { timeSec: AT.verse, label: 'Tails pulled up' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Blended underneath',
      listenFor:
        'Now the crushed bus sits under the untouched drums. The hits keep their attack from the dry kit, while the crushed copy fills in between them. The kit sounds bigger and more solid without sounding squashed.',
      setup: drumsBlended,
      compare: { a: drumsAlone, b: drumsBlended, label: 'Dry kit / kit + crushed bus' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.snareRoll, label: 'Snare roll' },
      ],
    },
    {
      title: 'In the full mix',
      listenFor:
        'With the band playing, the drums stay present even at the same fader level, because their quieter detail no longer disappears under the guitars. This is sometimes called New York compression.',
      setup: parallelInMix,
      compare: { a: (p) => p, b: parallelInMix, label: 'Demo / with parallel bus' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Crush bus level (the blend)', stripId: 'crush', param: 'gainDb', min: -40, max: 6, step: 0.5, typical: 'Raise it until you feel it, then back off a little.', unit: 'dB' },
    { label: 'Crush threshold', stripId: 'crush', param: 'inserts.comp.thresholdDb', min: -60, max: 0, step: 1, typical: '10 to 20 dB of gain reduction on the parallel bus.', unit: 'dB' },
    { label: 'Crush ratio', stripId: 'crush', param: 'inserts.comp.ratio', min: 1, max: 20, step: 0.5, typical: '4:1 to 10:1 on the parallel bus.', unit: ':1' },
  ],
  abxTechniqueId: 'parallel-compression',
  quiz: [
    {
      question: 'Why compress in parallel instead of compressing the drums directly?',
      choices: [
        'It uses less processing power',
        'The untouched drums keep their transients while the crushed copy adds density',
        'It removes the need for EQ',
        'It makes the drums mono',
      ],
      answer: 1,
      why: 'You get the weight of heavy compression and the attack of the original, because both are heard together.',
    },
    {
      question: 'Parallel compression is also known as\u2026',
      choices: ['Sound-on-sound', 'Slapback', 'New York compression', 'Ducking'],
      answer: 2,
      why: 'The name comes from its popularity with New York studio engineers.',
    },
  ],
  articleId: 'parallel-compression',
  wikipediaTitle: 'Parallel compression',
};

// ---- 8 Sidechain ducking ---------------------------------------------------------------------------------

const kickAndBass = (p: Project) => solo(p, ['kick', 'bass']);
const bassDucked = (p: Project) => technique(kickAndBass(p), 'sidechain');
const PADS = ['kick', 'bass', 'piano', 'strings'];
const padsGentle = (p: Project) => technique(solo(p, PADS), 'sidechain');
const padsPumping = (p: Project) => duck(duck(padsGentle(p), 'piano', 18, 300), 'strings', 18, 300);
const duckedInMix = (p: Project) => technique(p, 'sidechain');

export const SIDECHAIN_LESSON: Lesson = {
  id: 'sidechain-ducking',
  title: 'Sidechain ducking',
  goal: 'Hear one part turned down automatically whenever another plays: first to make room for the kick, then as the pumping effect of dance music.',
  steps: [
    {
      title: 'Kick and bass collide',
      listenFor: 'Kick and bass alone. Both live in the same low range, roughly 40 to 100 Hz, so on every kick the two blur into one boom.',
      setup: kickAndBass,
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Busier chorus kick' },
      ],
    },
    {
      title: 'The bass steps aside',
      listenFor:
        'The bass now dips 9 dB each time the kick hits and recovers in about 180 ms. The kick is keyed into a sidechain: it controls the bass\u2019s level without being changed itself. Each kick comes through cleanly and the bass still sounds continuous.',
      setup: bassDucked,
      compare: { a: kickAndBass, b: bassDucked, label: 'No ducking / ducked' },
      markers: [
        { timeSec: AT.verse, label: 'Listen on each kick' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Pumping',
      listenFor:
        'The piano and strings now dip 18 dB and take 300 ms to come back. The sustained chords swell up after every kick: the breathing, pumping sound of much dance music. A is the gentle 6 dB setting for comparison.',
      setup: padsPumping,
      compare: { a: padsGentle, b: padsPumping, label: 'Gentle / pumping' },
      markers: [
        { timeSec: AT.stringsReturn, label: 'Strings return' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'Ducking in the full mix',
      listenFor:
        'The preset in context: bass ducked 9 dB and the sustained parts 6 dB. The low end is tidier and the kick sounds harder without being turned up. Radio uses the same idea to lower music under a presenter\u2019s voice.',
      setup: duckedInMix,
      compare: { a: (p) => p, b: duckedInMix, label: 'Demo / ducked' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
  ],
  explore: [
    { label: 'Bass duck depth', stripId: 'bass', param: 'duck.depthDb', min: 0, max: 24, step: 0.5, typical: '3 to 6 dB to clean up the low end; 6 to 10 dB to pump.', unit: 'dB' },
    { label: 'Bass duck release', stripId: 'bass', param: 'duck.releaseMs', min: 20, max: 1000, step: 5, typical: '20 to 50 ms is hardly noticed; 100 to 200 ms pumps. Time it to the beat.', unit: 'ms' },
    { label: 'Strings duck depth', stripId: 'strings', param: 'duck.depthDb', min: 0, max: 24, step: 0.5, typical: 'Deeper on pads for an audible pump.', unit: 'dB' },
  ],
  abxTechniqueId: 'sidechain',
  quiz: [
    {
      question: 'In kick-and-bass ducking, what decides when the bass gets quieter?',
      choices: ['The bass\u2019s own level', 'The kick drum\u2019s signal, fed to the sidechain', 'The master limiter', 'The tempo setting'],
      answer: 1,
      why: 'The kick is the key: whenever it plays, the bass is turned down, whatever the bass itself is doing.',
    },
    {
      question: 'What makes ducking audible as pumping?',
      choices: ['A very short release and a shallow dip', 'A deep dip and a release slow enough to hear the level swell back', 'High-passing the bass', 'Panning the kick'],
      answer: 1,
      why: 'When the ducked part takes a noticeable time to recover, you hear it swell after every hit.',
    },
  ],
  articleId: 'sidechain-compression',
  wikipediaTitle: 'Ducking',
};
