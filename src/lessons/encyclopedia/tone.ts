import { wikipediaLink, type Article } from './types';

/** Tone and dynamics: EQ, compression in its three common forms, and tape saturation. */
export const TONE_ARTICLES: readonly Article[] = [
  {
    id: 'equalization',
    title: 'Equalization (EQ)',
    kind: 'technique',
    summary:
      "Turning chosen frequency ranges up or down (bass, mids, treble or a narrow band) to fix problems or to shape an instrument's tone so it fits the mix.",
    history: {
      heading: 'History',
      paragraphs: [
        'Filters came from telephone and film-sound engineering, where they corrected losses in lines and equipment. In 1952 the British engineer Peter Baxandall published, free of royalties, a bass-and-treble tone control circuit that went on to appear in countless consoles and hi-fi amplifiers.',
        "In Teaneck, New Jersey, Gene Shenk and Ollie Summerlin's small company Pulse Techniques built the Pultec EQP-1 program equaliser, on sale by 1956: a passive filter network followed by a valve amplifier that restored the lost level. Engineers discovered that boosting and cutting the same low frequency at once gave a flattering curve, still known as the Pultec trick.",
        'Fully adjustable bands came next. At the Audio Engineering Society convention in 1972, George Massenburg presented the paper that named and described parametric equalisation, in which every band has its own frequency, gain and width controls. Every DAW channel now has one.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'An equaliser is a set of filters. A bell (peaking) band raises or lowers a region around a centre frequency, and its Q sets the width: around 0.7 is broad and gentle, higher values are narrow. A shelf lifts or lowers everything above or below a corner frequency. High-pass and low-pass filters remove everything below or above a cutoff.',
        'Human hearing spans roughly 20 Hz to 20 kHz. As a rough map: up to about 80 Hz is sub-bass and kick-drum weight; 80 to 300 Hz gives body and warmth, and turns to mud when overcrowded; 300 Hz to 2 kHz carries much of what makes an instrument recognisable; 6 to 20 kHz is air and sparkle.',
        'Most useful mix EQ is subtractive. Instead of boosting the vocal, cut the guitars where they collide with it. Two instruments fighting over the same region mask each other, and carving a little room for each makes both clearer.',
      ],
    },
    typicalSettings: [
      { parameter: 'Range of hearing', range: '20 Hz to 20 kHz' },
      { parameter: 'Sub and kick weight', range: '20 to 80 Hz' },
      { parameter: 'Body (or mud)', range: '80 to 300 Hz' },
      { parameter: 'Midrange identity', range: '300 Hz to 2 kHz' },
      { parameter: 'Air', range: '6 to 20 kHz' },
      { parameter: 'Bell width (Q)', range: 'about 0.7 for broad moves; higher for narrow notches' },
      { parameter: 'Pultec EQP-1A low shelf', range: '20, 30, 60 or 100 Hz', note: 'boost up to 13.5 dB, cut up to 17.5 dB' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Find the classic clash in the demo song: the piano and the two guitars share the midrange with the lead. Solo them together, locate the band where they pile up, and cut a few dB there on the accompaniment rather than boosting the lead.",
        'A boost makes a track louder, and louder tends to sound better. Judge every EQ move with loudness-matched A/B, and test yourself on small changes (2 to 3 dB) with the blind ABX quiz; you may hear more, or less, than you expect.',
      ],
    },
    related: ['dynamic-range-compression', 'mastering', 'audio-engineer', 'reverb', 'loudness-war'],
    wikipedia: wikipediaLink('Equalization (audio)'),
    furtherReading: [
      { title: 'Mix: 1969 George Massenburg ITI ME-230 Parametric Equalizer', url: 'http://www.mixonline.com/news/news-products/1969-george-massenburg-iti-me-230-parametric-equalizer/383630' },
    ],
  },
  {
    id: 'dynamic-range-compression',
    title: 'Compression (dynamic range compression)',
    kind: 'technique',
    summary:
      'Automatically turning a sound down when it gets loud, which narrows the gap between its loud and quiet moments so it sits steadily in a mix.',
    history: {
      heading: 'History',
      paragraphs: [
        "Level control started as a person riding a fader by hand. Jim Lawrence, an engineer who had designed optical sensors at Caltech's Jet Propulsion Laboratory, grew tired of doing that at a Los Angeles radio station and built the Teletronix LA-1 leveling amplifier, released in 1958.",
        "Its descendant, the LA-2A of 1962, controls gain with light. Its T4 cell pairs a glowing electroluminescent panel with light-sensitive resistors: the louder the signal, the brighter the panel and the more the level is pulled down.",
        "The Teletronix line passed to Bill Putnam, the engineer behind the 1947 bathroom echo. His 1176, introduced in 1967 and 1968, replaced valves with a field-effect transistor, reacted in as little as 20 microseconds, and offered four ratio buttons: 4:1 and 8:1 for compression, 12:1 and 20:1 for limiting.",
        'Compression became part of the sound of pop records, and, pushed too far at the mastering stage, the engine of the [[loudness-war|loudness war]].',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'The threshold is the level at which the compressor starts to act. Above it, the ratio decides how much the output may rise: at 4:1 a signal 8 dB over the threshold comes out only 2 dB over. A limiter is a compressor with a very steep ratio, roughly 10:1 and above.',
        'Attack is how fast it reacts; release is how fast it lets go. A slow attack lets the first crack of a snare through before clamping down, which keeps the punch; a fast attack flattens it. A release that is too short makes the sound pump and breathe.',
        'Because compression lowers the peaks, make-up gain raises the whole track again. Quiet details come up relative to the peaks, so the track sounds denser and usually louder, which is exactly why compressed versions win unfair comparisons.',
      ],
    },
    typicalSettings: [
      { parameter: 'Gentle ratio (vocals, acoustic instruments)', range: '1.5:1 to 3:1' },
      { parameter: 'Firm ratio', range: '4:1 to 8:1' },
      { parameter: 'Limiting', range: '10:1 and above' },
      { parameter: 'Gain reduction for general use', range: '3 to 6 dB' },
      { parameter: 'Attack', range: 'about 1 ms (removes transients) to 30 ms (keeps punch)' },
      { parameter: 'UREI/UA 1176 ranges', range: 'attack 20 to 800 \u00b5s; release 50 ms to 1.1 s' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Put a compressor on the lead or the bass and watch its peak meter: the swings get smaller. Then switch between compressed and uncompressed with loudness matching on. Earshot levels both versions to the same loudness, so you judge the change in shape rather than the change in volume.",
        'Listen to the snare: with a very fast attack its crack dulls; slow the attack to around 20 to 30 ms and the crack returns while the body stays under control.',
      ],
    },
    related: ['parallel-compression', 'sidechain-compression', 'loudness-war', 'mastering', 'tape-saturation'],
    wikipedia: wikipediaLink('Dynamic range compression'),
    furtherReading: [
      { title: 'Universal Audio: 1176 Compressor, from Birth to Benchmark in Audio History', url: 'https://www.uaudio.com/blog/analog-obsession-1176-history' },
    ],
  },
  {
    id: 'parallel-compression',
    title: 'Parallel compression',
    kind: 'technique',
    summary:
      'Blending a heavily squashed copy of a sound with the untouched original, so quiet details come up while the natural punch of the peaks stays intact. Also called New York compression.',
    history: {
      heading: 'History',
      paragraphs: [
        "The principle was already built into Dolby's A-type noise reduction of 1965, whose circuit combined a plain path with a heavily compressed one. Motown engineer Lawrence Horn is credited with early studio use.",
        'In October 1977 Mike Bevelle described the technique for studio engineers in Studio Sound magazine, and in 1996 Richard Hulse wrote in the same magazine about doing it inside a digital audio workstation.',
        'Mastering engineer Bob Katz gave it the name parallel compression and described it as a form of upward compression. New York mix engineers relied on it so heavily, especially on drums, that it also became known as New York compression.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Send a track, often the whole drum kit, to a second bus with a compressor set hard: high ratio, fast attack and release, lots of gain reduction. On its own it sounds flattened and pumping. Now fade it in underneath the dry track.',
        'Where the music is loud, the squashed copy adds little, because its peaks are pinned down and the dry peaks dominate. Where the music is quiet, the squashed copy has been turned up a lot, so it adds a lot. The result raises the quiet parts, which is upward compression, while the transients stay natural.',
        'That is why parallel compression sounds bigger rather than smaller: room sound, ghost notes and sustain come forward, and the hits still hit.',
      ],
    },
    typicalSettings: [
      { parameter: 'Ratio on the parallel bus', range: '4:1 to 10:1' },
      { parameter: 'Gain reduction on the parallel bus', range: '10 to 20 dB' },
      { parameter: 'Attack and release', range: 'fast and fast' },
      { parameter: 'Blend', range: 'raise until you feel it, then back off a little' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Send the kick, snare and hats to a new bus with a hard compressor on it, and start with that bus muted. Unmute it and raise it slowly: ghost notes and the tail of the hats should grow while the crack of the snare stays sharp. Solo the bus to hear how ugly the raw squash is on its own, and how good it is underneath.',
        'Check with loudness-matched A/B, because part of the appeal is simply extra level. If the matched version still feels more exciting, the move is working.',
      ],
    },
    related: ['dynamic-range-compression', 'sidechain-compression', 'mastering', 'audio-engineer'],
    wikipedia: wikipediaLink('Parallel compression'),
  },
  {
    id: 'sidechain-compression',
    title: 'Sidechain compression and ducking',
    kind: 'technique',
    summary:
      'Letting one sound control a compressor on another: the kick ducks the bass, the presenter ducks the music. It clears space in a mix or makes it pump in time.',
    history: {
      heading: 'History',
      paragraphs: [
        'Ducking started as a broadcasting convenience: the music bed dips automatically whenever a presenter speaks and comes back when they stop, so nobody has to ride a fader. It is still used for voice-overs, translations dubbed over an original and public-address systems.',
        "Compressors with a sidechain (key) input made it possible: the detector listens to one signal while the gain stage turns another one down.",
        "Dance producers turned the side effect into a sound. Daft Punk's \u201cOne More Time\u201d (2000) is an early, much-cited example of whole parts pumping against the kick; Eric Prydz's \u201cCall on Me\u201d and Madonna's \u201cHung Up\u201d made the pump unmissable, and by 2010 pop hits such as Katy Perry's \u201cTeenage Dream\u201d used it routinely.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'A normal compressor listens to the sound it controls. A sidechain compressor listens to a different one. Put it on the bass, feed the kick into its sidechain input, and every kick pushes the bass down for an instant, then lets it back up.',
        'Subtle settings make room. Kick and bass share roughly 40 to 100 Hz, so ducking the bass by a few dB on each hit lets the kick through without any EQ. Extreme settings make an effect: with pads or the whole mix ducked hard, the release turns into a rhythmic swell that breathes with the tempo.',
        'Release is the musical control. Set it so the gain just recovers before the next kick; with a kick on every beat at 120 BPM, the hits are 500 ms apart.',
      ],
    },
    typicalSettings: [
      { parameter: 'Attack', range: '0.1 to 5 ms' },
      { parameter: 'Ratio', range: '4:1 to 8:1; higher or a limiter for obvious pumping' },
      { parameter: 'Gain reduction on each hit', range: '3 to 6 dB to clean up; 6 to 10 dB to pump' },
      { parameter: 'Release', range: '20 to 50 ms (hardly noticed) to 100 to 200 ms (pumping)', note: 'time it to the beat' },
      { parameter: 'Kick and bass overlap', range: 'roughly 40 to 100 Hz' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "A ducking preset puts a compressor on the bass (or on pads such as the strings and piano) and keys it from the kick stem. Loop one bar and listen to the bass dip on every kick and swell back between them; watch the bass peak meter flick down in time.",
        'Then lengthen the release until the dip becomes a pump you could hum. Compare the subtle and the extreme versions with loudness matching on, and decide which one serves the song.',
      ],
    },
    related: ['dynamic-range-compression', 'parallel-compression', 'equalization', 'mastering'],
    wikipedia: wikipediaLink('Ducking'),
  },
  {
    id: 'tape-saturation',
    title: 'Tape saturation',
    kind: 'technique',
    summary:
      "The soft, compressing distortion that analog magnetic tape adds when it is driven hard: rounded peaks, extra harmonics and a thicker, \u2018warmer\u2019 sound.",
    history: {
      heading: 'History',
      paragraphs: [
        'From the late 1940s until digital recording took over around the early 1990s, almost every record passed through magnetic tape, usually more than once: the multitrack, the mix master, often copies for cutting. Engineers learned to use its limits on purpose, recording drums or guitars a little hot for extra density.',
        "A 1977 article in Audio magazine on fighting tape distortion listed odd harmonics, compression and saturation among the kinds of distortion tape adds. What hi-fi engineers tried to avoid, rock engineers learned to play with.",
        'Once digital recording became the norm, the sound was missed. Saturation plug-ins now model how tape magnetises, including hysteresis and bias.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "Tape stores sound as magnetised particles. At moderate levels more signal gives proportionally more magnetisation. Near the top the particles run out of room, so each extra bit of input adds less and less output. The peaks are rounded off rather than chopped.",
        'That gentle curve does two things at once. It compresses, so loud hits come out relatively quieter and transients soften. And it adds harmonics, mostly odd ones such as the third, which thicken the tone. High frequencies also partly erase themselves as they are written, so recording hot dulls the top end too.',
        'A high-frequency bias signal, around 100 kHz on professional machines, is mixed in while recording to keep quiet passages clean; how it is set changes both the distortion and the treble.',
      ],
    },
    typicalSettings: [
      { parameter: 'Studio tape speeds', range: '7.5 or 15 in/s (19 or 38 cm/s)' },
      { parameter: 'Bias frequency (professional machines)', range: 'around 100 kHz' },
      { parameter: 'Distortion at maximum tape level', range: 'about 3%', note: 'a common reference point for tape specifications' },
      { parameter: 'Saturation drive', range: 'a few dB into the curve', note: 'listen for softer transients before audible fuzz' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'A tape-saturation preset adds a saturation stage that you can see on the track or the master. Push its input on the drums and listen for the snare getting fatter and shorter while the highest peak-meter readings come down.',
        'Saturation adds level as well as harmonics, and both flatter the ear. Use loudness-matched A/B and the ABX quiz: at small amounts many listeners cannot pick it blind. Find out whether you can.',
      ],
    },
    related: ['dynamic-range-compression', 'slapback-echo', 'sound-on-sound', 'mastering', 'les-paul'],
    wikipedia: wikipediaLink('Distortion (music)'),
  },
];
