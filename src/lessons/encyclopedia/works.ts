import { wikipediaLink, type Article } from './types';

/** Individual recordings that the lessons refer to. */
export const WORK_ARTICLES: readonly Article[] = [
  {
    id: 'music-for-airports',
    title: 'Music for Airports',
    kind: 'concept',
    summary:
      "Brian Eno's 1978 album Ambient 1: Music for Airports: four slow pieces built from overlapping tape loops to calm a terminal, and the record that gave ambient music its name.",
    history: {
      heading: 'History',
      paragraphs: [
        '[[brian-eno|Brian Eno]] spent several hours waiting at Cologne Bonn Airport in the mid-1970s and found the place, and the music it played, grating. He began imagining music designed for such a space.',
        'Ambient 1: Music for Airports came out in March 1978, recorded in London and Cologne. Its four pieces are numbered rather than titled: \u201c1/1\u201d for acoustic piano, electric piano and synthesizer; \u201c2/1\u201d for voices alone; \u201c1/2\u201d for voices and piano; and \u201c2/2\u201d for synthesizer. Together they run about 42 minutes.',
        'The music was later installed at the Marine Terminal of LaGuardia Airport in New York. Critics treat it as the genre\u2019s cornerstone: Rolling Stone said in 2004 that it defined ambient music, and Pitchfork put it at the top of its 2016 list of the best ambient albums.',
      ],
    },
    howItWorks: {
      heading: 'How it was made',
      paragraphs: [
        'In a 1978 interview Eno described using about 22 tape loops, some 50 to 70 feet long: around fourteen of piano and eight of sustained singing. One loop held a single piano note, another two. He set them all running and let them combine however they fell.',
        'For \u201c1/1\u201d he found a short passage where two pianos happened to interlock, turned it into a stereo loop on the 24-track, and liked it best at half speed, which made it softer and slower.',
        'Because the loops differ in length, their combinations keep changing; see [[ambient-music]] for the arithmetic. Tape speed sets a loop\u2019s duration: 60 feet lasts 48 seconds at 15 inches per second, and 96 seconds at 7.5.',
      ],
    },
    typicalSettings: [
      { parameter: 'Released', range: 'March 1978' },
      { parameter: 'Pieces and length', range: '4 pieces, about 42 minutes' },
      { parameter: 'Tape loops', range: 'about 22, 50 to 70 ft long', note: "Eno's 1978 description" },
      { parameter: 'A 60 ft loop', range: '48 s at 15 in/s; 96 s at 7.5 in/s' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The ambient preset applies the same idea to the demo song: slices of the strings, piano and lead loop at unequal lengths. Let it run for several minutes without touching anything, then mute everything but the strings and piano, the closest the demo song comes to the album\u2019s palette.',
        'Eno made \u201c1/1\u201d softer by halving the speed. Listen for the same effect from quiet levels, slow attacks and a long reverb: calm comes from the production choices, not only from the notes.',
      ],
    },
    related: ['brian-eno', 'ambient-music', 'sound-on-sound', 'varispeed', 'reverb'],
    wikipedia: wikipediaLink('Ambient 1: Music for Airports'),
  },
];
