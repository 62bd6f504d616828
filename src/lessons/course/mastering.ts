/** Lesson 14: mastering, the loudness war, and what automated mastering does and does not do. */
import type { Project } from '../../state/project';
import { AT } from './song';
import { gain, mastering } from './mix';
import type { Lesson } from './types';

const gentle = (p: Project) =>
  mastering(p, (m) => ({
    enabled: true,
    eq: { ...m.eq, lowShelfDb: 1.5, lowShelfHz: 100, highShelfDb: 1.5, highShelfHz: 10000 },
    glue: { enabled: true, thresholdDb: -20, ratio: 2, attackMs: 30, releaseMs: 300 },
    gainDb: 3,
    limiter: { ...m.limiter, enabled: true, ceilingDb: -1 },
  }));
/** 12 dB into the limiter: peaks shaved off to win on loudness. */
const crushed = (p: Project) => mastering(gentle(p), () => ({ gainDb: 12 }));
/**
 * The crushed master as a normalising service plays it: input gain and ceiling both 6 dB lower leave the limiter
 * doing exactly the same work, so this is the same master 6 dB quieter.
 */
const crushedTurnedDown = (p: Project) => mastering(crushed(p), (m) => ({ gainDb: 6, limiter: { ...m.limiter, ceilingDb: -7 } }));
const buriedVoice = (p: Project) => gentle(gain(p, 'lead', -16));

export const MASTERING_LESSON: Lesson = {
  id: 'mastering-loudness',
  title: 'Mastering and the loudness war',
  goal: 'Hear what a master adds, what pushing it for loudness costs, why loudness normalisation ended the race, and what automatic mastering can and cannot fix.',
  steps: [
    {
      title: 'A gentle master',
      listenFor:
        'A light touch on the whole mix: 1.5 dB more low end and air, a 2:1 glue compressor, and 3 dB more level into a limiter that catches peaks at \u22121 dBTP. The song sounds a little more finished and held together, not different.',
      setup: gentle,
      compare: { a: (p) => p, b: gentle, label: 'Mix / gentle master' },
      markers: [
        { timeSec: AT.verse, label: 'Verse' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'The loudness war',
      listenFor:
        'Now 12 dB goes into the limiter. The master is much louder, but every peak is shaved off: the snare loses its crack, the chorus hardly lifts above the verse, and the sound tires the ear. From the 1990s many CDs were mastered like this to sound louder than the competition.',
      setup: crushed,
      compare: { a: gentle, b: crushed, label: 'Gentle / crushed' },
      markers: [
        { timeSec: AT.verse, label: 'Listen to the snare' },
        { timeSec: AT.chorus, label: 'The chorus barely lifts' },
      ],
    },
    {
      title: 'Turned down by the service',
      listenFor:
        'Streaming services measure each track\u2019s loudness and turn loud ones down; Spotify\u2019s default plays at about \u221214 LUFS. B turns the crushed master down by 6 dB, as normalisation to \u221214 LUFS would a master at \u22128 LUFS. The loudness advantage is gone, and only the damage remains.',
      setup: crushedTurnedDown,
      compare: { a: gentle, b: crushedTurnedDown, label: 'Gentle / crushed, normalised' },
      markers: [
        { timeSec: AT.snareRoll, label: 'Snare roll' },
        { timeSec: AT.chorus, label: 'Chorus' },
      ],
    },
    {
      title: 'What auto-master cannot fix',
      listenFor:
        'In B the voice sits 8 dB too low in the mix, and the same master is applied. Earshot\u2019s Auto-master measures the mix and sets one thing, the gain into the limiter (with its ceiling), to reach a loudness target. Online "AI" mastering services also choose EQ and compression, but they too only hear the finished stereo mix: a buried voice stays buried. Fix balance in the mix.',
      setup: buriedVoice,
      compare: { a: gentle, b: buriedVoice, label: 'Balanced mix / voice 8 dB low' },
      markers: [
        { timeSec: AT.voice, label: 'Verse vocal' },
        { timeSec: AT.highNote, label: 'High note' },
      ],
    },
  ],
  explore: [
    { label: 'Gain into the limiter', stripId: 'master', param: 'mastering.gainDb', min: -6, max: 18, step: 0.5, typical: 'Whatever reaches the target: Auto-master sets it for \u221214 LUFS (streaming) by default.', unit: 'dB' },
    { label: 'Limiter ceiling', stripId: 'master', param: 'mastering.limiter.ceilingDb', min: -12, max: 0, step: 0.1, typical: '\u22121 dBTP for streaming and EBU R 128; Spotify asks for \u22122 dBTP on masters louder than \u221214 LUFS.', unit: 'dBTP' },
    { label: 'Glue ratio', stripId: 'master', param: 'mastering.glue.ratio', min: 1, max: 10, step: 0.1, typical: 'About 2:1 with a slow attack, for 1 to 2 dB of gain reduction.', unit: ':1' },
  ],
  quiz: [
    {
      question: "What does Earshot's Auto-master change?",
      choices: [
        'The balance of the tracks',
        'The EQ of the voice',
        'The gain into the limiter and the limiter\u2019s ceiling, to meet a loudness target',
        'The tempo',
      ],
      answer: 2,
      why: 'It measures the mix (ITU-R BS.1770), searches for the gain that lands on the target, sets it, then measures again to report the result.',
    },
    {
      question: 'Why did loudness normalisation take the point out of the loudness war?',
      choices: ['CDs became louder', 'Louder masters are simply turned down to the same playback loudness', 'Limiters were banned', 'Streaming is always in mono'],
      answer: 1,
      why: 'When every track plays at about the same loudness, extra loudness earns nothing, and the lost dynamics are still lost.',
    },
    {
      question: 'Which standard defines how loudness in LUFS is measured?',
      choices: ['ITU-R BS.1770', 'MIDI 1.0', 'AES3', 'ISO 9660'],
      answer: 0,
      why: 'BS.1770 defines K-weighted, gated loudness; EBU R 128 and the streaming targets are built on it.',
    },
  ],
  articleId: 'mastering',
  wikipediaTitle: 'Mastering (audio)',
};
