import { wikipediaLink, type Article } from './types';

/** Space and time: echo chambers, reverb, delay, slapback and the Wall of Sound. */
export const SPACE_ARTICLES: readonly Article[] = [
  {
    id: 'echo-chamber',
    title: 'Echo chamber',
    kind: 'technique',
    summary:
      'A hard-walled room fitted with a loudspeaker and a microphone. Play a sound into it, record it bouncing around, and blend that natural reverberation back into the mix.',
    history: {
      heading: 'History',
      paragraphs: [
        "The best-known first artistic use came in 1947. For the Harmonicats' \u201cPeg o' My Heart\u201d, engineer Bill Putnam put a loudspeaker and a microphone in the bathroom of his Universal Recording studio in Chicago. The ghostly, drenched harmonicas went to No. 1 and held the top spot for most of the summer.",
        "Serious studios built rooms for the purpose. At [[gold-star-studios|Gold Star]] in Hollywood, co-founder Dave Gold designed his chambers after years of experiment: two complementary trapezoid-shaped rooms, 18 feet long, fitted into an area about 20 by 20 feet, with thick walls of specially mixed cement plaster, entered through hatches 2 feet square. [[phil-spector|Phil Spector]] complained about almost everything at Gold Star except its echo chamber, which he said made up for the rest.",
        "Capitol Records' tower in Hollywood, built in the mid-1950s, has eight trapezoidal chambers about 30 feet underground, with 10-inch concrete walls; they can ring for up to about five seconds and are still in use. [[abbey-road-studios|Abbey Road]] in London had chambers of its own.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'A send on the mixing desk feeds a copy of, say, the vocal to the speaker in the chamber. The sound bounces off the hard walls again and again, losing a little energy each time. A microphone, often pointed away from the speaker so it hears reflections rather than the direct sound, picks up the result and returns it to the desk on its own fader.',
        'Because the walls are not parallel, the reflections do not ping back and forth in a regular pattern; they smear into a smooth tail. Size, shape and surfaces fix the decay time and tone, so every chamber has its own signature.',
        'The engineer mixes the chamber return with the dry signals. Sending several instruments to one chamber puts them all in the same room, which glues them together; changing how much each one sends sets how far away it seems.',
      ],
    },
    typicalSettings: [
      { parameter: 'Gold Star chambers', range: 'two trapezoids 18 ft long in about 20 \u00d7 20 ft' },
      { parameter: 'Capitol chambers', range: '8 rooms, about 30 ft underground, 10-in concrete walls' },
      { parameter: 'Capitol chamber decay', range: 'up to about 5 s' },
      { parameter: 'Chamber return', range: '100% wet, on its own fader', note: 'the dry sound stays on the original channels' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The Wall of Sound preset builds an echo-chamber bus: an ordinary return track with a reverb on it, fed by sends from the doubled piano, guitars and bass. Find that bus in the mixer and solo it. You hear what the chamber microphone heard: only the room.',
        'Then pull the chamber return all the way down and bring it up slowly. Listen for the moment the instruments stop sounding like separate players and start sounding like one big room. That point usually comes sooner than you expect.',
      ],
    },
    related: ['reverb', 'gold-star-studios', 'wall-of-sound', 'phil-spector', 'abbey-road-studios', 'delay'],
    wikipedia: wikipediaLink('Echo chamber'),
    furtherReading: [
      { title: 'William Weir: How Humans Conquered Echo (The Atlantic, 2012)', url: 'http://www.theatlantic.com/entertainment/archive/2012/06/how-humans-conquered-echo/258557/' },
    ],
  },
  {
    id: 'reverb',
    title: 'Reverb',
    kind: 'technique',
    summary:
      'The dense wash of reflections that keeps a sound alive after its source stops. Studios add it artificially to place dry recordings in a room, a hall or an impossible space.',
    history: {
      heading: 'History',
      paragraphs: [
        "Early studios used real rooms: a good-sounding hall, or from 1947 onwards a purpose-built [[echo-chamber|echo chamber]]. Smaller studios made do with bathrooms, stairwells and crude spring boxes.",
        'In 1957 the German company EMT put the 140 on the market, a plate reverb designed by Walter Kuhl of the broadcasting institute in Hamburg. Inside a box about 8 feet long, 4 feet high and 1 foot deep, weighing some 600 pounds, a steel sheet about half a millimetre thick hangs on springs. A driver shakes it and pickups catch it ringing. A damping pad, adjustable by remote control, shortens the decay. A stereo version followed in 1961.',
        "Digital reverbs replaced physical objects with thousands of calculated echoes; EMT's own 250 was an early landmark. Convolution reverbs go further: they capture how a real room responds to a starter pistol or a sine sweep and impose that response on any sound.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'In a real room you hear three things: the direct sound, a handful of early reflections from the nearest surfaces, then a dense tail as reflections pile up and fade away. The ear judges the size of the room from the gap before the first reflections and from how long the tail lasts.',
        'Reverb time is measured as RT60, the time the tail takes to fall by 60 dB. Pre-delay is the gap before the reverb begins; a longer pre-delay keeps a vocal clear of its own reverb and makes the space seem larger. Damping or a high cut darkens the tail, like a room full of curtains and sofas.',
        'In a mix, reverb usually sits on a shared return track. Each instrument sends as much as it needs, so everyone shares one acoustic space, and the processing runs once instead of on every channel.',
      ],
    },
    typicalSettings: [
      { parameter: 'Decay time (RT60)', range: 'under 1 s for small rooms; several seconds for halls and chambers' },
      { parameter: 'Pre-delay', range: '0 to 200 ms, usually much less', note: 'longer separates the dry sound from the tail' },
      { parameter: 'Return track mix', range: '100% wet', note: 'set the amount with the sends and the return fader' },
      { parameter: 'EMT 140 plate (1957)', range: '0.5 mm steel plate, about 600 lb unit' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's stems are deliberately dry, with no reverb baked in, so any space you hear has been added by you or by a preset you can open and inspect. Add a reverb return and send the snare, piano and lead to it in different amounts; the stem with the most send seems to step backwards.",
        'Listen for mud: reverb on the kick and bass soon blurs the low end. And judge reverb with loudness-matched A/B, because a wetter mix is usually a slightly louder one.',
      ],
    },
    related: ['echo-chamber', 'delay', 'wall-of-sound', 'equalization', 'mono-compatibility'],
    wikipedia: wikipediaLink('Reverberation'),
  },
  {
    id: 'delay',
    title: 'Delay and echo',
    kind: 'technique',
    summary:
      'An effect that records a sound and plays it back a moment later, from a single quick slap to a long trail of repeats fed back into themselves.',
    history: {
      heading: 'History',
      paragraphs: [
        "The first delays were tape recorders: a sound is written at the record head and read back, slightly later, at the playback head. Composers of musique concrète and rock 'n' roll engineers both used the trick in the 1950s; in 1954 [[sam-phillips|Sam Phillips]] used a second Ampex 350 at Sun to make his [[slapback-echo|slapback]].",
        "Dedicated units followed. In 1953 Ray Butts built tape echo into his EchoSonic guitar amplifier, which Scotty Moore played on Elvis Presley's records. The Echoplex, prototyped by Mike Battle and guitarist Don Dixon, reached the shops in 1961. Roland's RE-201 Space Echo of 1974, with several playback heads and a built-in spring reverb, became a favourite in studios and on stage.",
        "Other media came and went, such as the spinning magnetic drum of Binson's Echorec. Digital delay pedals arrived in 1984 and software plug-ins took over in the 2000s.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Three controls define a delay. Time sets the gap between the dry sound and the echo. Feedback routes part of the output back to the input, so each echo spawns another, quieter one. Mix (or the return fader) sets how loud the echoes are.',
        'On tape, delay time is head spacing divided by tape speed: heads 2 inches apart at 15 inches per second give 133 ms, and halving the speed doubles it. Each trip round a tape echo also loses some treble and adds a little distortion, so the repeats grow darker, a character many plug-ins imitate.',
        'Tempo-synced echoes lock to the beat. A quarter note lasts 60,000 \u00f7 BPM milliseconds: 500 ms at 120 BPM, so an eighth note is 250 ms and a dotted eighth 375 ms.',
      ],
    },
    typicalSettings: [
      { parameter: 'Doubling echo', range: 'about 20 to 50 ms', note: 'heard as one thicker sound' },
      { parameter: 'Slapback', range: 'about 100 to 140 ms, one repeat', note: "Sun's tape slap measured 134 to 137 ms" },
      { parameter: 'Quarter-note echo', range: '60,000 \u00f7 BPM ms', note: '500 ms at 120 BPM' },
      { parameter: 'Feedback', range: '0% for a single echo; more for trails', note: 'close to 100% the repeats run away' },
      { parameter: 'Tape echo time', range: 'head gap \u00f7 tape speed', note: '2 in at 15 in/s is 133 ms' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Add a delay return and send the lead to it. Work out the song's quarter note from its tempo with 60,000 \u00f7 BPM and set the delay to that; the echoes lock into the groove. Then choose a time that fits no note value and hear the echoes smear the rhythm instead.",
        'Watch the master loudness meter while you raise the feedback: long trails add energy, so the short-term LUFS creeps up. Use loudness-matched A/B before deciding that the version with echoes is better.',
      ],
    },
    related: ['slapback-echo', 'automatic-double-tracking', 'reverb', 'sam-phillips', 'tape-saturation', 'les-paul'],
    wikipedia: wikipediaLink('Delay (audio effect)'),
  },
  {
    id: 'slapback-echo',
    title: 'Slapback echo',
    kind: 'technique',
    summary:
      "A single, quick tape echo a little over a tenth of a second behind the original: the bouncing sound of 1950s rock 'n' roll from Sun Studio in Memphis.",
    history: {
      heading: 'History',
      paragraphs: [
        '[[sam-phillips|Sam Phillips]] developed the sound at his Memphis Recording Service, the room now known as [[sun-studio|Sun Studio]]. By the mid-1950s his equipment was an RCA 76D broadcast console and two Ampex 350 tape recorders, the second used mainly for the echo.',
        "It is all over Elvis Presley's Sun singles, from \u201cBlue Moon of Kentucky\u201d in 1954, and on records by Johnny Cash, Carl Perkins and Jerry Lee Lewis.",
        "When Presley moved to RCA, the label wanted the effect without Phillips' tape rig. For \u201cHeartbreak Hotel\u201d in January 1956, Chet Atkins and engineer Bob Farris put a loudspeaker at one end of a hallway and a microphone at the other. In 2019 acoustician Tor Halmrast measured Sun's tape delay at 134 to 137 ms and found that RCA's hallway gave a shorter, weaker echo.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "The effect uses a tape machine's head layout. The sound is recorded at the record head and read back a fraction of a second later at the playback head; mix that late copy in once and you get a single slap. The gap equals head spacing divided by tape speed, so changing the echo machine's speed changes the slap.",
        'There is no wash, as there is with reverb: just one clear repeat, like a shout bouncing off a nearby wall. At well over 100 ms the ear hears it as a separate event, which is why it adds bounce to a rhythm.',
        "Halmrast also pointed out that Sun's echo was mono, sitting right behind the voice. That is part of why it sounds close and intimate rather than roomy; spread into stereo, the sense of a small, tight space disappears.",
      ],
    },
    typicalSettings: [
      { parameter: 'Delay time', range: 'about 100 to 140 ms', note: "Sun's measured 134 to 137 ms" },
      { parameter: 'Feedback', range: '0% (one repeat)' },
      { parameter: 'Tone of the echo', range: 'some treble and deep bass rolled off', note: 'imitates an echo machine running at 7.5 in/s' },
      { parameter: 'Pan', range: 'same position as the dry sound', note: 'mono, as at Sun' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Put a single-repeat delay on the lead or on one guitar: about 135 ms, no feedback, with the top end rolled off, panned with the dry part. Then pan the echo to the opposite side and hear the intimacy disappear, just as Halmrast describes.',
        "Check the rhythm: 135 ms is roughly a sixteenth note at 111 BPM (4 \u00d7 135 ms = 540 ms per beat). Listen to whether the slap pushes the demo song's groove forward or fights it.",
      ],
    },
    related: ['delay', 'sam-phillips', 'sun-studio', 'tape-saturation', 'reverb'],
    wikipedia: wikipediaLink('Delay (audio effect)'),
    furtherReading: [
      { title: "Tor Halmrast: Sam Phillips' Slap Back Echo; Luckily in Mono (Art of Record Production, 2019)", url: 'https://www.arpjournal.com/asarpwp/sam-phillips-slap-back-echo-luckily-in-mono/' },
    ],
  },
  {
    id: 'wall-of-sound',
    title: 'Wall of Sound',
    kind: 'technique',
    summary:
      "Phil Spector's early-1960s production formula: many musicians playing the same parts in unison, poured through Gold Star's echo chambers into one dense, roaring mono sound.",
    history: {
      heading: 'History',
      paragraphs: [
        "Between 1962 and 1965 [[phil-spector|Phil Spector]] made a run of hits for his Philles label at [[gold-star-studios|Gold Star Studios]] in Hollywood, with the Crystals, the Ronettes and the Righteous Brothers. Larry Levine engineered, Jack Nitzsche arranged, and the players came from the pool of session musicians later known as the Wrecking Crew, among them drummers Hal Blaine and Earl Palmer and bassist Carol Kaye.",
        'Songwriter Jeff Barry, who worked with Spector, said the arrangements followed a formula: four or five guitars, two basses, strings, six or seven horns for punctuation, and bells, shakers and tambourines. Spector often had three or four pianos playing the same chords.',
        "The records were made for AM radio and jukeboxes and mixed in mono. Spector stayed loyal long after stereo won: his 1991 box set was titled Back to Mono (1958\u20131969) and came with a \u201cBack to Mono\u201d badge. Brian Wilson of the Beach Boys took up the formula and recorded much of his own work at Gold Star.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Unison on a big scale. When several players play the same line, their small differences in timing and tuning blur each note\u2019s attack into one huge, slightly smeared instrument. Three pianos stop sounding like pianos and become a texture.',
        "Echo as glue. Levine fed the ensemble to Gold Star's [[echo-chamber|echo chambers]], so everything shared one reverberant room and the parts melted together. Little of the arrangement can be picked out individually; what you hear is the combined mass.",
        'Mono seals it. With everything in one channel there is no stereo space to pull the parts apart, and the whole thing hits a small radio speaker as a single wall.',
      ],
    },
    typicalSettings: [
      { parameter: 'Copies of each doubled part (Earshot preset)', range: '3 to 4', note: 'piano, guitars and bass' },
      { parameter: 'Detune per copy', range: 'a few cents' },
      { parameter: 'Timing offset per copy', range: '5 to 30 ms' },
      { parameter: 'Echo chamber', range: 'one shared return fed by all doubled parts' },
      { parameter: 'Output', range: 'mono master, light bus compression' },
      { parameter: 'Pianos on a Spector date', range: '3 or 4 playing the same chords' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The Wall of Sound preset is built from ordinary parts you can open: it duplicates the piano, both guitars and the bass three or four times, detunes each copy by a few cents and shifts it by 5 to 30 ms, sends them all to an echo-chamber bus, folds the master to mono and adds bus compression.',
        'Listen for the piano chords turning from a clean strike into a soft roar, the bass getting bigger but less defined, and the whole band collapsing into one central image. Then remove one ingredient at a time (detune, offsets, chamber, mono) and find out which carries the effect. Compare with loudness matched, because the wall is also louder.',
      ],
    },
    related: ['phil-spector', 'gold-star-studios', 'echo-chamber', 'double-tracking', 'mono-compatibility', 'dynamic-range-compression'],
    wikipedia: wikipediaLink('Wall of Sound'),
    furtherReading: [
      { title: 'Encyclop\u00e6dia Britannica: Gold Star Studios and the \u201cWall of Sound\u201d', url: 'https://www.britannica.com/topic/Gold-Star-Studios-and-the-Wall-of-Sound-1688357' },
    ],
  },
];
