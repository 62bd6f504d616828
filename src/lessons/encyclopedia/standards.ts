import { wikipediaLink, type Article } from './types';

/** Loudness measurement and normalisation standards. */
export const STANDARD_ARTICLES: readonly Article[] = [
  {
    id: 'ebu-r128',
    title: 'EBU R 128',
    kind: 'standard',
    summary:
      "The European Broadcasting Union's loudness recommendation: measure programmes with ITU-R BS.1770 and normalise them to \u221223 LUFS, with a maximum true peak of \u22121 dBTP.",
    history: {
      heading: 'History',
      paragraphs: [
        'For decades broadcasters lined programmes up by their peak level. But peaks say little about loudness: a heavily compressed advert can share its peak level with a film and still sound far louder, and complaints about loud adverts and jumps between channels piled up.',
        "The EBU's loudness group, PLOUD, wrote R 128, first published in 2010. Version 2 (August 2011) moved the relative gate from \u22128 to \u221210 LU; version 3 (June 2014) tightened the tolerance around the target to \u00b10.5 LU; version 4 (August 2020) separates the tolerance for production (\u00b11 LU) from that for quality-control checks (\u00b10.2 LU) and adds a tolerance for true peak.",
        "Companion documents define the meters: EBU Tech 3341, the \u2018EBU Mode\u2019 meter (2010), and Tech 3342, loudness range. Supplements cover short-form content such as adverts and, since 2020, streaming.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Three numbers describe a programme. Programme loudness (integrated, gated, over the whole programme) should be \u221223.0 LUFS. Loudness range (LRA), in LU, describes how much the loudness moves over time. Maximum true peak must not exceed \u22121 dBTP.',
        'An EBU Mode meter shows momentary loudness over a 400 ms window, short-term loudness over a 3 s window, and integrated loudness from start to stop. It can also show values relative to the target in LU, where 0 LU means \u221223 LUFS.',
        'Loudness range, defined in Tech 3342, takes the short-term loudness readings, discards those below an absolute gate of \u221270 LUFS and a relative gate 20 LU under their average, and reports the spread between the 10th and the 95th percentile.',
      ],
    },
    typicalSettings: [
      { parameter: 'Programme loudness target', range: '\u221223.0 LUFS' },
      { parameter: 'Tolerance (version 4, 2020)', range: '\u00b11 LU in production; \u00b10.2 LU for quality control' },
      { parameter: 'Maximum true peak', range: '\u22121 dBTP' },
      { parameter: 'Momentary / short-term windows', range: '400 ms / 3 s' },
      { parameter: 'Loudness range statistics', range: '10th to 95th percentile; relative gate \u221220 LU' },
      { parameter: 'For comparison: ATSC A/85 (US TV)', range: '\u221224 LKFS' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's master loudness meter reads in the same terms: momentary, short-term and integrated LUFS, LRA and true peak. Ask the auto-master for the \u221223 LUFS broadcast target and watch the integrated reading settle there while the true peak stays at or below \u22121 dBTP.",
        'Then compare it with the \u221214 LUFS streaming master at matched loudness. The broadcast master needs less limiting, so its drums usually keep more punch.',
      ],
    },
    related: ['itu-r-bs-1770', 'loudness-war', 'mastering', 'dynamic-range-compression'],
    wikipedia: wikipediaLink('EBU R 128'),
    furtherReading: [{ title: 'EBU R 128: Loudness normalisation and permitted maximum level of audio signals', url: 'https://tech.ebu.ch/publications/r128' }],
  },
  {
    id: 'itu-r-bs-1770',
    title: 'ITU-R BS.1770 and LUFS',
    kind: 'standard',
    summary:
      'The international algorithm for measuring programme loudness and true peak. It defines K-weighting, gated averaging and the LKFS/LUFS unit used across broadcasting and streaming.',
    history: {
      heading: 'History',
      paragraphs: [
        "The ITU's radiocommunication sector adopted the method in 2006, giving broadcasters one agreed way to measure loudness instead of a patchwork of peak and VU meters. ATSC in North America, the EBU in Europe, FreeTV Australia and UK advertising regulators then built their rules on it.",
        'Revisions followed: BS.1770-2 (March 2011) added the gating proposed by the EBU, BS.1770-3 came in August 2012 and BS.1770-4 in October 2015; a fifth revision has been published since.',
        'The unit was first written LKFS (loudness, K-weighted, relative to full scale). The EBU asked for LUFS instead, to match international naming rules; the two mean exactly the same thing, and a difference of one LU equals one dB.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'K-weighting comes first. Each channel passes through two filters: a high shelf that lifts everything above roughly 1.7 kHz by about 4 dB, modelling the acoustic effect of the head, then a high-pass around 38 Hz that discounts deep bass the ear hears only weakly.',
        'Next the filtered signal is squared and averaged over a block of time. The channels are weighted (the surround channels count slightly more, the LFE channel not at all), summed, and converted to a level: loudness = \u22120.691 + 10 \u00d7 log10 of the weighted sum.',
        'For integrated loudness the programme is cut into 400 ms blocks. Blocks quieter than \u221270 LUFS are thrown away (the absolute gate); the rest are averaged, and any block more than 10 LU below that average is thrown away too (the relative gate). The average of what remains is the answer, so silence and quiet passages cannot drag it down.',
        'True peak deals with peaks hiding between samples, which can be about 3 dB higher than the highest sample. A true-peak meter oversamples, typically four times, to estimate the real waveform peak, reported in dBTP.',
      ],
    },
    typicalSettings: [
      { parameter: 'K-weighting high shelf', range: 'about +4 dB above about 1.7 kHz' },
      { parameter: 'K-weighting high-pass', range: 'about 38 Hz' },
      { parameter: 'Gating block', range: '400 ms' },
      { parameter: 'Absolute gate', range: '\u221270 LUFS' },
      { parameter: 'Relative gate', range: '\u221210 LU below the absolute-gated average' },
      { parameter: 'True-peak oversampling', range: 'typically 4\u00d7' },
      { parameter: 'Level offset in the formula', range: '\u22120.691 dB' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's master meter follows this recipe: momentary (400 ms), short-term (3 s) and gated integrated LUFS, plus LRA and true peak. Play a quiet passage or a single soft stem and watch momentary LUFS drop while the integrated figure barely moves: that is the gate at work.",
        'K-weighting in action: solo the bass and then the hats with their peak meters reading about the same. Compare the LUFS readings; the measurement, like your ear, gives deep lows less weight than the presence region.',
      ],
    },
    related: ['ebu-r128', 'loudness-war', 'mastering', 'equalization'],
    wikipedia: wikipediaLink('LKFS'),
    furtherReading: [
      { title: 'CRC: A Status Report on Loudness Control Technologies and Standardization for Broadcasting (2011)', url: 'http://crtc.gc.ca/eng/publications/reports/rp110318.htm' },
    ],
  },
];
