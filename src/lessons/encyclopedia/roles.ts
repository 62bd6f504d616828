import { wikipediaLink, type Article } from './types';

/** The people in the room: producer, engineer, A&R. */
export const ROLE_ARTICLES: readonly Article[] = [
  {
    id: 'record-producer',
    title: 'Record producer',
    kind: 'concept',
    summary:
      'The person responsible for how a recording turns out as a whole: choosing songs and players, shaping arrangements and sounds, running the sessions and drawing out the best performances.',
    history: {
      heading: 'History',
      paragraphs: [
        "In the early record business the producer was usually a label employee who picked songs and booked musicians while engineers ran the machines. [[george-martin|George Martin]] joined EMI in 1950 as assistant to the head of the small Parlophone label and made comedy records with Peter Sellers before he met the Beatles in 1962.",
        "[[phil-spector|Phil Spector]]'s hits of 1962 to 1965 brought the producer to public attention for the first time: his name sold records. From then on a producer could be an author of the sound, from Martin turning Beatles ideas into orchestrations, to [[quincy-jones|Quincy Jones]] steering Michael Jackson's Off the Wall (1979), Thriller (1982) and Bad (1987), to [[dr-dre|Dr. Dre]] defining the sound of 1990s West Coast hip-hop.",
        'Today many producers also write, engineer and program, often alone on a laptop; others remain directors who never touch a fader.',
      ],
    },
    howItWorks: {
      heading: 'What the job involves',
      paragraphs: [
        'Before the session: choose the songs, the key and the tempo; decide the arrangement; pick the musicians, the studio and the engineer. During it: set the mood, coach performances, decide when a take is good enough and keep to the budget. Afterwards: oversee the mix and the mastering.',
        "The producer's real instrument is judgement by ear: hearing what a song needs, and what to leave out. The techniques in this encyclopedia are the producer's vocabulary.",
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Earshot puts you in the producer\u2019s chair. The stems are the session, and every technique preset is a production decision you can accept, adjust or throw away. Try producing the same song three ways (a Wall of Sound, a sparse LCR mix and an ambient version) and decide which suits it.',
        'The loudness-matched A/B and the blind ABX quiz are producer tools too: they keep you honest about whether a change is better or merely louder.',
      ],
    },
    related: ['audio-engineer', 'artists-and-repertoire', 'george-martin', 'phil-spector', 'quincy-jones', 'dr-dre', 'brian-eno'],
    wikipedia: wikipediaLink('Record producer'),
  },
  {
    id: 'audio-engineer',
    title: 'Audio engineer',
    kind: 'concept',
    summary:
      "The technical craftsperson who captures and shapes the sound (placing microphones, setting levels, recording, editing, mixing or mastering) to realise the artist's and producer's ideas.",
    history: {
      heading: 'History',
      paragraphs: [
        'The profession organised itself in 1948: the Audio Engineering Society held its founding meeting on 17 February that year at RCA Victor\u2019s studios in New York. The AES still publishes engineering standards and holds conventions in Europe and the United States.',
        "For a long time studio engineers were anonymous staff, yet some shaped records as much as any producer: [[sam-phillips|Sam Phillips]] at Sun, Larry Levine at Gold Star, [[ken-townsend|Ken Townsend]] and [[geoff-emerick|Geoff Emerick]] at Abbey Road, where Emerick became the Beatles' engineer in 1966 at the age of 20.",
        'The work split into specialities: recording (tracking) engineers, mix engineers and mastering engineers, alongside live-sound and broadcast engineers.',
      ],
    },
    howItWorks: {
      heading: 'What the job involves',
      paragraphs: [
        'Tracking: choose and place microphones, set preamp gain so there is headroom, route each source to its track and keep the session moving. Mixing: balance, pan, EQ, compress and add effects until the parts become one record. Mastering: the final polish and delivery (see [[mastering]]).',
        'Good engineering is mostly invisible. Careful gain staging keeps noise low without clipping, and monitoring at a steady level keeps judgements consistent. Ears tire, so breaks matter: US workplace guidance allows about eight hours at 85 dBA, a common mixing level.',
      ],
    },
    typicalSettings: [
      { parameter: 'Typical mixing level', range: 'about 85 dBA', note: 'US OSHA guidance allows about 8 hours a day at this level' },
      { parameter: 'Audio Engineering Society founded', range: '17 February 1948, New York' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's mixer is an engineer's desk in miniature: dB faders, pan, mute, solo and peak meters on every stem, and a master section with a loudness meter. Practise gain staging: find a balance where no stem's peak meter hits the top and the master still has room before any limiting.",
        'Engineers listen both ways. Solo a stem to find a problem, then always un-solo to judge the fix in the full mix.',
      ],
    },
    related: ['record-producer', 'mastering', 'equalization', 'dynamic-range-compression', 'geoff-emerick', 'ken-townsend'],
    wikipedia: wikipediaLink('Audio engineer'),
  },
  {
    id: 'artists-and-repertoire',
    title: 'A&R (artists and repertoire)',
    kind: 'concept',
    summary:
      "A&R is the record-label job of finding artists, matching them with songs and producers, and guiding what they record and release.",
    history: {
      heading: 'History',
      paragraphs: [
        "The two words name the two halves of the job: the artists, and the repertoire they record. The classic A&R career is John Hammond's at Columbia Records. He arranged Billie Holiday's first recording in 1933, signed Bob Dylan on 26 October 1961 over the doubts of colleagues who called the signing Hammond's Folly, and signed Bruce Springsteen in 1972; Aretha Franklin, Pete Seeger and Leonard Cohen were also his signings. He died in 1987.",
        "A&R could also mean producing. In 1962 [[george-martin|George Martin]] of EMI's Parlophone label signed the Beatles after other British labels had turned them down, and then produced their records.",
      ],
    },
    howItWorks: {
      heading: 'What the job involves',
      paragraphs: [
        'A&R staff scout talent (gigs, demos, streams), sign artists, and then steer: pairing them with songwriters and producers, choosing singles, setting budgets and deadlines, and deciding when a record is finished.',
        'They stand between artistic ambition and commercial judgement, which is why the same signing can look like folly one year and genius the next.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Put on an A&R hat when you compare versions in Earshot: which mix would you send to a radio programmer, which to a streaming playlist, which to a film-music supervisor?',
        'Then run the blind ABX quiz with a friend at the controls. If they cannot reliably hear the difference you are arguing about, it may not matter to listeners either.',
      ],
    },
    related: ['record-producer', 'george-martin', 'audio-engineer'],
    wikipedia: wikipediaLink('Artists and repertoire'),
  },
];
