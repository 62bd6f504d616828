import { wikipediaLink, type Article } from './types';

/** Studios whose rooms and machines became part of the sound. */
export const PLACE_ARTICLES: readonly Article[] = [
  {
    id: 'gold-star-studios',
    title: 'Gold Star Studios',
    kind: 'place',
    summary:
      'Independent Hollywood studio (1950\u20131984), famous for its home-built equipment and echo chambers, where Phil Spector made the Wall of Sound and the Beach Boys recorded parts of Pet Sounds.',
    history: {
      heading: 'History',
      paragraphs: [
        'Dave Gold, aged 22, and Stan Ross, 21, opened Gold Star in October 1950 at 6252 Santa Monica Boulevard, near Vine Street. The name joins Gold with the first letters of Stan Ross. It began as a demo studio and was soon making masters for record labels.',
        'Gold designed and built much of the equipment, and the [[echo-chamber|echo chambers]] that made the studio famous. Ross was the house producer-engineer, and he took a teenage [[phil-spector|Phil Spector]] under his wing; from 1962 to 1965 Spector recorded most of his [[wall-of-sound|Wall of Sound]] hits there.',
        'The Beach Boys recorded parts of Pet Sounds (1966) and \u201cGood Vibrations\u201d at Gold Star. The studio only got its first four-track recorder in mid-1966. Toni Fisher\u2019s \u201cThe Big Hurt\u201d, made there, is thought to be the first commercial record to use flanging.',
        'Once cheaper technology let bands make their own recordings, the business dried up, and Gold Star shut in 1984; its last session was with the Bee Gees\u2019 Maurice Gibb. The empty building burned down months later, and the site is now a small shopping plaza. Stan Ross died on 11 March 2011, aged 82.',
      ],
    },
    howItWorks: {
      heading: 'The room and its chambers',
      paragraphs: [
        'The studio was small and had no air conditioning, and Spector\u2019s sessions there were remembered as cramped and hot. What made up for it was the echo: two trapezoid-shaped chambers, each 18 feet long, fitted into an area about 20 by 20 feet, with thick walls of specially mixed cement plaster, reached through hatches 2 feet square.',
        'Engineers such as Larry Levine sent instruments into the chambers and mixed the reverberant return with the dry sound, so a whole crowd of session players melted into one space.',
      ],
    },
    typicalSettings: [
      { parameter: 'Address', range: '6252 Santa Monica Boulevard, Hollywood' },
      { parameter: 'Open', range: 'October 1950 to 1984' },
      { parameter: 'Echo chambers', range: 'two trapezoids 18 ft long, in about 20 \u00d7 20 ft' },
      { parameter: 'First four-track recorder', range: 'mid-1966' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The Wall of Sound preset gives the demo song its own Gold Star-style chamber: a shared reverb bus fed by the doubled piano, guitars and bass. Solo the bus to hear the room alone, then blend it back in and listen for the moment the band becomes one body of sound.',
      ],
    },
    related: ['phil-spector', 'wall-of-sound', 'echo-chamber', 'abbey-road-studios', 'sun-studio'],
    wikipedia: wikipediaLink('Gold Star Studios'),
    furtherReading: [{ title: 'Gold Star Recording Studios: frequently asked questions', url: 'http://goldstarrecordingstudios.com/FAQ.htm' }],
  },
  {
    id: 'abbey-road-studios',
    title: 'Abbey Road Studios',
    kind: 'place',
    summary:
      "EMI's London studios, opened in 1931, where the Beatles made most of their records and where ADT, creative tape-speed tricks and much of 1960s studio craft were developed.",
    history: {
      heading: 'History',
      paragraphs: [
        'In 1929 the Gramophone Company, soon to merge into EMI, bought a Georgian townhouse from 1831 at 3 Abbey Road, St John\u2019s Wood, Behind the house there was room for three purpose-built studios, so from the street the building still looks like a private home. Sir Edward Elgar opened them on 12 November 1931, conducting the London Symphony Orchestra.',
        'In 1934 Alan Blumlein, the inventor of stereo recording, recorded Mozart\u2019s Jupiter Symphony there with Thomas Beecham conducting. Glenn Miller made his last recordings in Studio One on 16 September 1944.',
        'From their first session on 6 June 1962 the Beatles recorded most of their music there, mainly in Studio Two, with [[george-martin|George Martin]] producing. Their 1969 album named after the street made the zebra crossing outside famous, and in 1976 EMI Studios officially became Abbey Road Studios. When a sale to developers was rumoured in 2009, the government protected the building with Grade II listing in 2010. Film scores such as the Lord of the Rings and Harry Potter films have been recorded there too.',
      ],
    },
    howItWorks: {
      heading: 'What made it special',
      paragraphs: [
        'Abbey Road had its own technical staff who built tools for the artists. [[ken-townsend|Ken Townsend]] invented [[automatic-double-tracking|ADT]] there in 1966; George Barnes worked on frequency-controlled tape speed that made [[varispeed]] effects practical; and the studio had its own [[echo-chamber|echo chambers]].',
        'Just as important were people willing to bend the rules, such as the young engineer [[geoff-emerick|Geoff Emerick]], and a producer who could translate the Beatles\u2019 ideas into instructions the staff could carry out.',
      ],
    },
    typicalSettings: [
      { parameter: 'Address', range: '3 Abbey Road, St John\u2019s Wood, London' },
      { parameter: 'Opened', range: '12 November 1931' },
      { parameter: 'Renamed from EMI Studios', range: '1976' },
      { parameter: 'Grade II listing', range: '2010' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Two Abbey Road inventions are easy to hear in Earshot: the ADT-style doubling on the lead, and tiny speed-like detunes on doubled parts. Switch them on and off with loudness matching and ask what each adds.',
      ],
    },
    related: ['george-martin', 'ken-townsend', 'geoff-emerick', 'automatic-double-tracking', 'varispeed', 'echo-chamber'],
    wikipedia: wikipediaLink('Abbey Road Studios'),
  },
  {
    id: 'sun-studio',
    title: 'Sun Studio',
    kind: 'place',
    summary:
      "Sam Phillips' small Memphis studio at 706 Union Avenue, opened in 1950, where slapback echo and early rock 'n' roll were recorded; now a museum by day and a working studio by night.",
    history: {
      heading: 'History',
      paragraphs: [
        'The one-storey brick building dates from 1908 and first housed a car-related business. [[sam-phillips|Sam Phillips]] leased it in October 1949 for $150 a month and opened the Memphis Recording Service there in January 1950.',
        'Recordings made there include \u201cRocket 88\u201d (1951), Elvis Presley\u2019s first singles from 1954, and the impromptu session of 4 December 1956 with Presley, Jerry Lee Lewis, Carl Perkins and Johnny Cash, released later as the Million Dollar Quartet.',
        'Phillips moved to a bigger studio around 1960, and the building went through other tenants, among them a barber\u2019s and a scuba shop. It reopened as Sun Studio in 1987 and was made a National Historic Landmark on 31 July 2003.',
      ],
    },
    howItWorks: {
      heading: 'The room',
      paragraphs: [
        'The building is only about 18 feet wide and 57 feet deep. Phillips divided it into a reception office, an 18 by 33 foot studio and a control room at the back, under a V-shaped ceiling of acoustic tiles.',
        'Until 1951 he cut straight to 16-inch acetate discs on a Presto lathe. By the mid-1950s he had an RCA 76D console and two Ampex 350 tape recorders, one of them mostly used to make [[slapback-echo|slapback]].',
      ],
    },
    typicalSettings: [
      { parameter: 'Address', range: '706 Union Avenue, Memphis' },
      { parameter: 'Studio room', range: 'about 18 \u00d7 33 ft' },
      { parameter: 'Mid-1950s equipment', range: 'RCA 76D console, two Ampex 350 recorders' },
      { parameter: 'Slapback delay', range: '134 to 137 ms' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Sun\u2019s sound was a small, close room plus one quick echo. Give the lead a short, dry ambience and a single 135 ms slap panned with the voice, and compare it with a big hall reverb at matched loudness: the Sun version feels nearer and more urgent.',
      ],
    },
    related: ['sam-phillips', 'slapback-echo', 'delay', 'gold-star-studios'],
    wikipedia: wikipediaLink('Sun Studio'),
  },
];
