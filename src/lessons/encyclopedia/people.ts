import { wikipediaLink, type Article } from './types';

/** Producers, engineers and inventors whose methods the lessons are built on. */
export const PEOPLE_ARTICLES: readonly Article[] = [
  {
    id: 'les-paul',
    title: 'Les Paul',
    kind: 'person',
    summary:
      'Guitarist, inventor and recording pioneer (1915\u20132009) whose home-studio experiments produced sound-on-sound overdubbing and pushed Ampex to build the first eight-track recorder.',
    history: {
      heading: 'Life and work',
      paragraphs: [
        'He was born Lester William Polsfuss in Waukesha, Wisconsin, on 9 June 1915, and became a dazzlingly fast jazz and country guitarist and an electric-guitar pioneer; the Gibson Les Paul guitar carries his name.',
        'He was cutting his own discs on a home-built lathe by 1935. In 1945 he set up a studio in his Hollywood garage, and Bing Crosby gave him one of the first Ampex tape recorders, which Paul modified for [[sound-on-sound]]. Capitol released \u201cLover\u201d in 1948, with eight guitar parts layered by Paul alone.',
        'With his wife, the singer Mary Ford, he had a run of hits in the early 1950s, among them \u201cHow High the Moon\u201d (1951), \u201cMockin\u2019 Bird Hill\u201d and \u201cVaya con Dios\u201d, made from stacked guitars and stacked voices.',
        'Wanting a safer method, he persuaded Ampex to build an eight-track Sel-Sync recorder. It was delivered in 1957, cost him $10,000 and became known as the Octopus. He still played weekly shows at a New York jazz club in his 90s, and died on 12 August 2009, aged 94. He is the only person in both the Rock and Roll Hall of Fame and the National Inventors Hall of Fame.',
      ],
    },
    howItWorks: {
      heading: 'What he changed',
      paragraphs: [
        'Paul treated the tape recorder as an instrument. He recorded parts at half speed, an octave down, so they played back twice as fast; he timed tape echo to a song\u2019s tempo; and he built whole arrangements from his own overdubs.',
        'His sound-on-sound method had no undo, and each layer degraded the ones beneath it. The fix he asked Ampex for, separate synchronised tracks, is the basis of every multitrack recorder and DAW since.',
      ],
    },
    typicalSettings: [
      { parameter: 'The Octopus (1957)', range: '8 tracks on 1-inch tape', note: '$10,000' },
      { parameter: '\u201cLover\u201d (1948)', range: '8 guitar parts, some recorded at half speed' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's lanes, faders and overdub-style presets are Les Paul's idea in software. Listen to how much each stem adds, and imagine recording them one at a time onto a single track with no second chance: that was how \u201cHow High the Moon\u201d was made.",
        'An idea from his records: an echo timed to the tempo becomes part of the groove. Put a delay on one guitar stem set to an eighth note of the song and compare it with an untimed one.',
      ],
    },
    related: ['sound-on-sound', 'overdubbing', 'multitrack-recording', 'delay', 'varispeed'],
    wikipedia: wikipediaLink('Les Paul'),
    furtherReading: [{ title: 'Les Paul Foundation: Sound on Sound', url: 'https://www.les-paul.com/sound-on-sound/' }],
  },
  {
    id: 'phil-spector',
    title: 'Phil Spector',
    kind: 'person',
    summary:
      'American producer (1939\u20132021) whose Wall of Sound made the producer a star in the early 1960s. In 2009 he was convicted of murder, and he died in prison.',
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Harvey Phillip Spector was born in the Bronx, New York, on 26 December 1939 and grew up largely in Los Angeles. As a teenager he hung around local studios, and Stan Ross at [[gold-star-studios|Gold Star]] taught him the basics. His group the Teddy Bears reached No. 1 in the US in 1958 with \u201cTo Know Him Is to Love Him\u201d.',
        'In 1960 he co-founded Philles Records. Between 1962 and 1965 he produced a string of hits at Gold Star: the Crystals (\u201cHe\u2019s a Rebel\u201d, \u201cDa Doo Ron Ron\u201d), the Ronettes (\u201cBe My Baby\u201d, 1963) and the Righteous Brothers (\u201cYou\u2019ve Lost That Lovin\u2019 Feelin\u2019\u201d, 1965), plus the 1963 album A Christmas Gift for You. Ike & Tina Turner\u2019s \u201cRiver Deep \u2013 Mountain High\u201d was the [[wall-of-sound|Wall of Sound]] at its most monumental.',
        'Later he produced the Beatles\u2019 Let It Be and solo records by John Lennon and George Harrison, and in 1989 he entered the Rock and Roll Hall of Fame.',
        'His story cannot be separated from his violence. In 2009 he was convicted of the second-degree murder of the actress Lana Clarkson, shot at his home in 2003, and sentenced to 19 years to life. He died in prison on 16 January 2021, aged 81, of complications from COVID-19.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        'Spector treated the whole studio as one instrument: large unison sections of top session players, the Gold Star [[echo-chamber|echo chamber]] and a mono mix, all aimed at the car radio and the jukebox. He controlled every detail, down to refusing stereo.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The Wall of Sound preset is a study of his method using ordinary tracks: doubled and detuned piano, guitars and bass, a shared chamber bus, a mono master and bus compression. Take it apart one piece at a time to hear which ingredient matters most.',
      ],
    },
    related: ['wall-of-sound', 'gold-star-studios', 'echo-chamber', 'mono-compatibility', 'record-producer'],
    wikipedia: wikipediaLink('Phil Spector'),
  },
  {
    id: 'george-martin',
    title: 'George Martin',
    kind: 'person',
    summary:
      "English producer (1926\u20132016) who signed the Beatles and turned their studio ambitions into sound; he is often called the \u2018fifth Beatle\u2019.",
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Born in London on 3 January 1926, he served in the Fleet Air Arm, studied piano and oboe at the Guildhall School of Music from 1947 to 1950, and joined EMI in 1950 as assistant to Oscar Preuss, head of the Parlophone label.',
        'Parlophone was a small label known for comedy and novelty records, and Martin produced hits with Peter Sellers and others. In 1962 he heard a Beatles demo and signed the group after other labels had passed on them; \u201cLove Me Do\u201d was the first single.',
        'As the Beatles turned into a studio band, his role grew: writing string and brass arrangements, playing keyboards, and working with engineers such as [[geoff-emerick|Geoff Emerick]] and [[ken-townsend|Ken Townsend]] on sounds nobody had recorded before, including joining two takes of \u201cStrawberry Fields Forever\u201d that were in different keys and tempos. He produced 30 number-one singles in Britain and 23 in the United States, and died on 8 March 2016, aged 90.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        "Martin was a trained musician who could turn a songwriter's vague wish into a score, and a score into a technical request the engineers could act on. He treated arrangement as production: deciding what to add, and exactly when.",
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Use the mute buttons to build the demo song up the way an arranger would: kick, snare and bass first, then piano, then the guitars, strings last. Notice where each entry lifts the song and where it only adds clutter.',
        'Then listen to the ADT and varispeed-style detune in the doubling presets: both grew out of the Abbey Road sessions he produced.',
      ],
    },
    related: ['abbey-road-studios', 'geoff-emerick', 'ken-townsend', 'automatic-double-tracking', 'varispeed', 'record-producer', 'artists-and-repertoire'],
    wikipedia: wikipediaLink('George Martin'),
  },
  {
    id: 'brian-eno',
    title: 'Brian Eno',
    kind: 'person',
    summary:
      'English musician, producer and thinker (born 1948) who named ambient music, popularised generative music and produced landmark records for Talking Heads, David Bowie and U2.',
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Brian Eno was born in Woodbridge, Suffolk, on 15 May 1948 and studied at art school. He co-founded Roxy Music in 1971 and played synthesizer and treated sounds on its first two albums (1972 and 1973) before leaving.',
        'His solo work moved from art rock (Here Come the Warm Jets, 1974) to quiet, systems-based pieces: Discreet Music (1975) and [[music-for-airports|Music for Airports]] (1978), which gave [[ambient-music|ambient music]] its name. With the painter Peter Schmidt he made Oblique Strategies, a deck of cards with prompts for getting past creative blocks.',
        "As a producer he shaped Talking Heads' More Songs About Buildings and Food (1978), Fear of Music (1979) and Remain in Light (1980); played a key part in David Bowie's Low and \u201cHeroes\u201d (both 1977) and Lodger (1979); and produced U2's The Unforgettable Fire (1984), The Joshua Tree (1987) and Achtung Baby (1991), and later Coldplay's Viva la Vida (2008). He also composed the six-second start-up sound of Windows 95.",
        'From 1995 he championed generative music, made by systems that play differently every time; his 2017 album Reflection was also released as an app that never plays the same way twice.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        'Again and again Eno designs a process (loops of unequal length, rules, chance prompts) and lets it produce material he then curates. In the studio he is as interested in atmosphere and texture as in notes.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The ambient preset borrows his loop-system idea: slices of the strings, piano and lead cycling at unequal lengths. Let it run and listen for the music organising itself.',
        'An Eno-style challenge: when a mix feels stuck, mute the part you like best and see what the song does without it.',
      ],
    },
    related: ['ambient-music', 'music-for-airports', 'sound-on-sound', 'record-producer', 'reverb'],
    wikipedia: wikipediaLink('Brian Eno'),
  },
  {
    id: 'dr-dre',
    title: 'Dr. Dre',
    kind: 'person',
    summary:
      'American producer and rapper (born 1965) who shaped West Coast hip-hop with N.W.A, created the G-funk sound on The Chronic and built Aftermath into a home for major artists.',
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Andre Romelle Young was born in Los Angeles on 18 February 1965 and grew up in Compton. In the early 1980s he DJed in clubs and at parties and joined the electro group World Class Wreckin\u2019 Cru.',
        'In the mid-1980s he co-founded N.W.A with Eazy-E and Ice Cube. Straight Outta Compton (1988) became a landmark with almost no radio play, and Dre, as producer, built its noisy, many-layered collages.',
        "After leaving N.W.A he co-founded Death Row Records with Marion \u201cSuge\u201d Knight. His solo debut The Chronic (1992) introduced [[g-funk|G-funk]] and Snoop Doggy Dogg, and its single \u201cLet Me Ride\u201d won a Grammy. In 1996 he left Death Row to found Aftermath, later home to Eminem, 50 Cent and Kendrick Lamar; his second album, 2001, came out in 1999. Beats, the headphone company he started in 2006, was sold to Apple in 2014 for about $3 billion.",
      ],
    },
    howItWorks: {
      heading: 'His sound',
      paragraphs: [
        'Slow tempos, deep bass lines played by musicians, 1970s funk melodies replayed rather than looped from the record, a high gliding synth lead, and unusually clean, detailed mixes for hip-hop of the time.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Borrow the G-funk balance on the demo song: a big, round bass, drums tucked just behind it, and the bright lead riding on top. Then check how little fader level the lead needs to cut through.',
      ],
    },
    related: ['g-funk', 'sampling', 'record-producer', 'equalization', 'dynamic-range-compression'],
    wikipedia: wikipediaLink('Dr. Dre'),
  },
  {
    id: 'quincy-jones',
    title: 'Quincy Jones',
    kind: 'person',
    summary:
      "American producer, arranger and composer (1933\u20132024) whose career ran from big-band jazz to Michael Jackson's Thriller, the best-selling album of all time.",
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Quincy Delight Jones Jr. was born in Chicago on 14 March 1933 and raised in Seattle. He started as a trumpeter, playing in Lionel Hampton\u2019s band at 19, studied at the school that became Berklee College of Music, and became a sought-after arranger for Count Basie, Dizzy Gillespie, Sarah Vaughan and Ray Charles.',
        'In the 1960s he became the first Black vice-president at Mercury Records, produced Lesley Gore\u2019s hits including \u201cIt\u2019s My Party\u201d, arranged and conducted for Frank Sinatra with Count Basie, and scored films such as In the Heat of the Night and In Cold Blood (both 1967).',
        'He produced Michael Jackson\u2019s Off the Wall (1979), Thriller (1982) and Bad (1987). Thriller became the best-selling album in history and won eight Grammys from twelve nominations. In 1985 he produced and conducted the charity single \u201cWe Are the World\u201d. He won 28 Grammy Awards in all, and died at his home in Bel Air, Los Angeles, on 3 November 2024, aged 91.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        'Jones produced like an arranger: every part had its own register and its own moment, so even dense productions stayed clear. His long jazz career meant he could hear, and write, exactly where each instrument belonged.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Look for two parts in the demo song that sit in the same register at the same moment. Separate them with EQ, panning or a well-placed mute, and check the result with loudness-matched A/B: clarity, not level, should be what improves.',
      ],
    },
    related: ['record-producer', 'equalization', 'panning', 'artists-and-repertoire'],
    wikipedia: wikipediaLink('Quincy Jones'),
  },
  {
    id: 'ken-townsend',
    title: 'Ken Townsend',
    kind: 'person',
    summary:
      "English engineer who spent his whole career at EMI's Abbey Road studios, invented automatic double tracking for the Beatles in 1966 and later ran the studios.",
    history: {
      heading: 'Life and work',
      paragraphs: [
        "Townsend trained for four years as an apprentice at EMI's works in Hayes before moving to the company's London studios as an engineer in 1954. His time with the Beatles ran from their first EMI session on 6 June 1962 to the completion of Abbey Road in August 1969.",
        'George Martin later counted him among the studio\u2019s \u201cbackroom boys\u201d: rather than sitting at the desk with the band, he kept the machines working and built many of the gadgets their experiments needed. In April 1966, prompted by John Lennon\u2019s dislike of double-tracking his voice, he invented [[automatic-double-tracking|ADT]].',
        'Promoted to general manager in 1974, he made the most of the Beatles connection; in 1976 EMI Studios formally took the name Abbey Road Studios. He retired as chairman of the studio group in 1995. He was made an MBE.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        "Townsend's ADT used a second tape machine whose speed came from an oscillator, so the delay of the copied vocal could be set and varied by hand. He credited his colleague George Barnes' work on frequency-controlled tape speed: without it, he said, ADT would not have been possible.",
      ],
    },
    typicalSettings: [
      { parameter: 'ADT delay', range: 'tens of milliseconds, set by the oscillator' },
      { parameter: 'At EMI Studios (Abbey Road)', range: '1954 to 1995' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Try an ADT-style preset on the lead and switch it on and off. Then imagine the alternative Lennon faced: singing every line twice, matching himself exactly.',
      ],
    },
    related: ['automatic-double-tracking', 'abbey-road-studios', 'george-martin', 'geoff-emerick', 'varispeed', 'audio-engineer'],
    wikipedia: wikipediaLink('Ken Townsend'),
  },
  {
    id: 'geoff-emerick',
    title: 'Geoff Emerick',
    kind: 'person',
    summary:
      "English recording engineer (1945\u20132018) who became the Beatles' engineer for Revolver at 20 and went on to engineer Sgt. Pepper and Abbey Road.",
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Born in Crouch End, north London, on 5 December 1945, Emerick started at EMI Studios as an assistant engineer on 3 September 1962, aged 16. Within days he was watching one of the Beatles\u2019 first sessions with George Martin.',
        'In April 1966 he became the Beatles\u2019 engineer for Revolver. He went on to engineer Sgt. Pepper\u2019s Lonely Hearts Club Band (1967) and Abbey Road (1969), winning Grammys for both, and Paul McCartney and Wings\u2019 Band on the Run (1973), another Grammy; a fourth, in 2003, honoured his technical achievement.',
        'He also produced Elvis Costello\u2019s Imperial Bedroom (1982) and worked with artists from Kate Bush to Supertramp. His memoir, Here, There and Everywhere, came out in 2006. He died of a heart attack on 2 October 2018, aged 72.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        'Emerick was willing to ignore standard recording practice when it got in the way of a sound the band wanted. During Revolver the Beatles were soon asking for all sorts of things to go through a Leslie rotating-speaker cabinet, and he found ways to do it.',
      ],
    },
    typicalSettings: [],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'An Emerick exercise: pick one stem, say the piano, and make it unrecognisable with EQ, delay and saturation. Then decide, with loudness-matched A/B, whether the song is better for it.',
      ],
    },
    related: ['abbey-road-studios', 'george-martin', 'ken-townsend', 'audio-engineer', 'automatic-double-tracking'],
    wikipedia: wikipediaLink('Geoff Emerick'),
  },
  {
    id: 'sam-phillips',
    title: 'Sam Phillips',
    kind: 'person',
    summary:
      "American producer and label owner (1923\u20132003) whose Memphis studio recorded \u201cRocket 88\u201d and launched Elvis Presley and Johnny Cash; slapback echo was his trademark.",
    history: {
      heading: 'Life and work',
      paragraphs: [
        'Samuel Cornelius Phillips was born on a farm near Florence, Alabama, on 5 January 1923. He studied audio engineering at Alabama Polytechnic Institute, worked as a radio announcer and engineer, and from 1945 was at station WREC in Memphis.',
        'In January 1950 he opened the Memphis Recording Service at 706 Union Avenue, promising to record anything, anywhere, anytime. He recorded blues musicians such as B.B. King and Howlin\u2019 Wolf for labels like Chess and Modern, and \u201cRocket 88\u201d (1951) by Jackie Brenston and His Delta Cats, led by the 19-year-old Ike Turner, is often called the first rock \u2019n\u2019 roll record.',
        'He launched Sun Records in 1952. In July 1954 Elvis Presley recorded \u201cThat\u2019s All Right\u201d there, released on 19 July. Phillips sold Presley\u2019s contract in November 1955 and went on to record Johnny Cash, Jerry Lee Lewis, Carl Perkins and Roy Orbison. He moved to a larger studio around 1960, sold the Sun label in 1969, and died in 2003.',
      ],
    },
    howItWorks: {
      heading: 'His method',
      paragraphs: [
        'Phillips valued feel over polish and made nervous musicians comfortable in a small room. His technical signature was [[slapback-echo|slapback]]: a second Ampex 350 adding one quick echo, since measured at about 135 ms.',
      ],
    },
    typicalSettings: [{ parameter: 'Sun slapback delay', range: '134 to 137 ms', note: 'measured by Tor Halmrast (2019)' }],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Recreate his sound on the lead: a single repeat at about 135 ms, no feedback, slightly dull in tone and in the same pan position as the voice. Then switch it off and notice how static the vocal suddenly feels.',
      ],
    },
    related: ['slapback-echo', 'sun-studio', 'delay', 'record-producer'],
    wikipedia: wikipediaLink('Sam Phillips'),
  },
];
