import { wikipediaLink, type Article } from './types';

/** The stereo picture, the finished master, and sound worlds built from studio methods. */
export const MIX_ARTICLES: readonly Article[] = [
  {
    id: 'panning',
    title: 'Stereo panning (LCR and the pan law)',
    kind: 'technique',
    summary:
      'Placing each mono sound somewhere between the left and right speakers by sending it to the two sides in different amounts. Covers LCR panning and the pan law.',
    history: {
      heading: 'History',
      paragraphs: [
        "The pan pot (panoramic potentiometer) came out of Disney's work on Fantasia. Its engineers, working with RCA, found that two speakers about 20 feet apart could make a sound travel, but that simply changing volumes did not do it convincingly. Their answer was a network that faded a sound smoothly across left, centre and right speakers. Fantasia opened in 1940 with this Fantasound system, making it the first film shown commercially in stereo.",
        "Early stereo consoles were cruder. Bill Putnam's Universal Audio 610 desk had no continuous pan control, only a switch sending each channel left, right or both. That is one reason so many stereo mixes before the early 1970s sound so extreme, and it is the origin of today's LCR panning.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "A pan control splits one signal into two, each with its own gain. Hard left sends everything to the left output and nothing to the right. In the centre both sides get the same amount, and the brain places a \u2018phantom\u2019 image halfway between the speakers.",
        'The pan law decides how far the centre is turned down. Two speakers playing the same signal sound louder than one, so a centred sound is lowered to keep it level as it moves. At \u22123 dB per side (equal power) loudness stays steady in stereo; at \u22126 dB per side the left-plus-right sum stays constant, which suits mono playback; \u22124.5 dB is the compromise some large consoles chose.',
        'LCR panning allows only three positions: hard left, centre and hard right. Its fans say it forces clear arrangement decisions and gives wide mixes that still work for listeners who are not sitting between the speakers; its critics find it unnatural for orchestral music.',
      ],
    },
    typicalSettings: [
      { parameter: 'Pan law at centre', range: '\u22123 dB, \u22124.5 dB or \u22126 dB per side' },
      { parameter: 'Equal-power centre gain', range: '0.707 per side (\u22123.01 dB)' },
      { parameter: 'LCR positions', range: 'L100, C and R100 only' },
      { parameter: 'Usually centred', range: 'kick, snare, bass and lead vocal' },
      { parameter: 'Fantasia speaker spacing (test)', range: 'about 20 ft' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's pan knobs use the equal-power law applied by the browser's stereo panner: a centred mono stem sits about 3 dB down in each speaker, so it does not jump in level as you sweep it.",
        'Try an LCR mix of the demo song: kick, snare, bass and lead in the centre; guitar 1 hard left and guitar 2 hard right; piano and strings on opposite sides; hats and tambourine split apart. Compare it with a mix that uses in-between positions, and check both with the master folded to mono.',
      ],
    },
    related: ['mono-compatibility', 'double-tracking', 'equalization', 'wall-of-sound'],
    wikipedia: wikipediaLink('Panning (audio)'),
    furtherReading: [
      { title: 'Matt Houghton: LCR Panning Pros and Cons (Sound On Sound, 2021)', url: 'https://www.soundonsound.com/techniques/lcr-panning-pros-and-cons' },
    ],
  },
  {
    id: 'mono-compatibility',
    title: 'Mono compatibility',
    kind: 'concept',
    summary:
      'How well a stereo mix survives being summed to a single channel, on a phone, a smart speaker, a club system or AM radio, without parts vanishing or turning hollow.',
    history: {
      heading: 'History',
      paragraphs: [
        "Producers of the early 1960s such as [[phil-spector|Phil Spector]] mixed for AM radio and jukeboxes, in mono. Spector never came round to stereo; in 1991 he titled his career box set Back to Mono.",
        'Stereo became the norm for records, but mono never went away. Most AM radio stations still broadcast in mono, phones often have one speaker or two almost touching, single smart speakers are common, and clubs and restaurants often feed the same signal to every loudspeaker.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Summing to mono means adding left and right together. Anything identical on both sides adds up and gets louder; anything that is opposite in polarity cancels. Two copies offset by a short delay cancel at some frequencies and reinforce at others, a comb-filter pattern that sounds hollow and phasey.',
        'The usual suspects are stereo wideners, chorus, very short delays panned apart and two microphones at different distances. Hard-panned double-tracked parts survive because they really are different performances; one take copied, shifted by a few milliseconds and panned wide does not.',
        'The pan law matters too. With a \u22123 dB law a centred sound rises by about 3 dB relative to hard-panned ones when the mix is summed; with \u22126 dB it stays level.',
      ],
    },
    typicalSettings: [
      { parameter: 'Two identical channels summed', range: '+6 dB (amplitude doubles)' },
      { parameter: 'Opposite polarity summed', range: 'complete cancellation' },
      { parameter: 'First comb-filter notch', range: '1 \u00f7 (2 \u00d7 delay)', note: 'a 1 ms offset notches 500 Hz, then 1.5 kHz, 2.5 kHz...' },
      { parameter: 'Centre rise in mono with a \u22123 dB pan law', range: 'about +3 dB' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Fold the master to mono (the Wall of Sound preset does this for you) and listen for what drops away: wide effects and detuned copies panned apart are the usual suspects. A good mix shifts its balance a little in mono; a fragile one loses its lead or its guitars.',
        "Make it a habit: repeat every preset comparison in mono too. The master loudness meter helps; if the integrated LUFS falls noticeably when you fold to mono, something is cancelling.",
      ],
    },
    related: ['panning', 'wall-of-sound', 'double-tracking', 'phil-spector'],
    wikipedia: wikipediaLink('Monaural sound'),
  },
  {
    id: 'mastering',
    title: 'Mastering',
    kind: 'technique',
    summary:
      'The last creative and technical step before release: final EQ, dynamics and loudness on the whole mix, sequencing, and delivery of the master from which every copy is made.',
    history: {
      heading: 'History',
      paragraphs: [
        'In the disc era mastering meant cutting. From about 1950 most recordings were made on tape first and then transferred to a lacquer master disc on a cutting lathe; metal parts grown from the lacquer pressed the records. The cutting engineer had to judge how much room each turn of the groove needed: too much low end stopped a record being cut loud, and bass out of phase between the channels could make a stylus jump.',
        'The compact disc went on sale in Japan in October 1982, with Sony\u2019s CDP-101 player, storing 16-bit audio at 44,100 samples per second. Mastering moved into the digital domain, and over the next two decades masters grew steadily louder: the [[loudness-war|loudness war]].',
        'Streaming changed the incentive. Services measure loudness with [[itu-r-bs-1770|ITU-R BS.1770]] and turn loud tracks down; Spotify, for example, plays tracks at \u221214 LUFS by default and advises masters to keep true peaks below \u22121 dBTP.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'A mastering engineer listens to the finished stereo mix on accurate monitors in a treated room and makes small, broad corrections: equalisation, gentle compression to hold the song together, and limiting to set the final loudness and catch stray peaks. The aim is a master that sounds right on every kind of playback system.',
        'For an album the tracks are put in order, the gaps are set and levels are matched so no song jumps out. Then the master is delivered in the right form: files at the right sample rate and bit depth, a lacquer for vinyl, or, in the past, a tape.',
        'Three numbers matter now: integrated loudness (LUFS), loudness range (LU) and true peak (dBTP). True peak matters because digital-to-analog conversion and lossy encoding can create peaks between the samples.',
      ],
    },
    typicalSettings: [
      { parameter: 'Spotify default playback level', range: '\u221214 LUFS integrated' },
      { parameter: "Spotify 'Loud' and 'Quiet' settings", range: '\u221211 and \u221219 LUFS' },
      { parameter: 'Broadcast (EBU R 128)', range: '\u221223 LUFS' },
      { parameter: 'True-peak ceiling', range: '\u22121 dBTP', note: 'Spotify asks for \u22122 dBTP on masters louder than \u221214 LUFS' },
      { parameter: 'CD format (1982)', range: '16-bit, 44.1 kHz' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot's master section shows momentary, short-term and integrated LUFS, loudness range and true peak. The auto-master can aim the song at \u221214 LUFS for streaming or \u221223 LUFS for EBU R 128 broadcast; look at which stages it sets and how much limiting each target needs.",
        'Compare the two masters with loudness matching on: at equal loudness the \u221223 LUFS version often has more punch, because it needs less limiting. Then switch matching off and notice how the louder master suddenly seems better. That is the trap the loudness war fell into.',
      ],
    },
    related: ['loudness-war', 'itu-r-bs-1770', 'ebu-r128', 'dynamic-range-compression', 'equalization', 'audio-engineer'],
    wikipedia: wikipediaLink('Mastering (audio)'),
    furtherReading: [{ title: 'Spotify for Artists: Loudness normalization', url: 'https://support.spotify.com/us/artists/article/loudness-normalization' }],
  },
  {
    id: 'loudness-war',
    title: 'Loudness war',
    kind: 'concept',
    summary:
      'The decades-long race to make records louder than the competition by squeezing out their dynamics, until loudness normalisation made the extra level pointless.',
    history: {
      heading: 'History',
      paragraphs: [
        'Louder tends to sound better on first listen, and on the radio or a jukebox a hotter record grabs attention. Digital media fixed the ceiling at 0 dBFS, so the only way to get louder was to raise the average level: compress and limit harder until everything sat near the top.',
        'From the early 1990s into the early 2010s music and advertising alike pushed average levels up without exceeding the permitted peaks. Two programmes with identical peaks could differ enormously in loudness, and listeners and viewers complained.',
        "For many listeners the low point came in 2008 with Metallica's Death Magnetic, produced by Rick Rubin. The CD was so compressed and clipped that fans noticed how much cleaner the versions made for the game Guitar Hero sounded. A petition for a new master passed 12,000 signatures, and mastering engineer Ted Jensen said the mixes had reached him already limited.",
        'What ended it was measurement, not persuasion. [[itu-r-bs-1770|ITU-R BS.1770]] (2006) and [[ebu-r128|EBU R 128]] (2010) made loudness measurable, and streaming services started normalising playback. A master pushed to \u22128 LUFS is simply turned down 6 dB to Spotify\u2019s \u221214 LUFS, keeping only its damage.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'Perceived loudness depends mostly on average level, while the limit is set by the peaks. A limiter shaves the peaks so the whole track can be raised. Each dB gained costs dynamics: the drums lose their attack, the chorus can no longer lift above the verse, and pushed too far the waveform clips into squared-off, harsh-sounding peaks.',
        'Normalisation flips the game. Because the platform matches integrated loudness, a crushed master and a dynamic one play equally loud, and now the dynamic one has the bigger peaks and more punch.',
      ],
    },
    typicalSettings: [
      { parameter: 'Digital ceiling', range: '0 dBFS' },
      { parameter: 'Spotify normal playback', range: '\u221214 LUFS', note: 'louder masters are turned down' },
      { parameter: 'Hidden inter-sample peaks', range: 'up to about 3 dB above the sample peaks' },
      { parameter: 'Death Magnetic petition (2008)', range: 'over 12,000 signatures' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Earshot lets you fight the loudness war and lose it on purpose. Push the auto-master or your own limiter hard and watch the integrated LUFS rise, the loudness range shrink and the true-peak reading creep towards 0 dBTP.',
        'Now switch on loudness-matched A/B. With the level advantage gone, compare the crushed master with a gentle one and listen to the snare and the lift into the chorus. Then take the ABX quiz: many people find they preferred the loud version only because it was louder.',
      ],
    },
    related: ['mastering', 'dynamic-range-compression', 'itu-r-bs-1770', 'ebu-r128', 'tape-saturation'],
    wikipedia: wikipediaLink('Loudness war'),
  },
  {
    id: 'sampling',
    title: 'Sampling',
    kind: 'technique',
    summary:
      "Recording a slice of existing sound (a drum hit, a horn stab, a bar of someone else's record) and replaying, looping, pitching and rearranging it as a new instrument.",
    history: {
      heading: 'History',
      paragraphs: [
        'Sampling grew out of tape music, where composers cut up and looped recorded sound. The first commercial digital sampling instrument was the Fairlight CMI, introduced in Sydney in 1979 by Peter Vogel and Kim Ryrie; it cost around US$25,000.',
        "Prices fell fast. E-mu's Emulator (1981) cost about $10,000 and sampled at 8 bits. E-mu's SP-1200, released in August 1987, combined 12-bit, 26.04 kHz sampling, about ten seconds in total, with a drum sequencer, and its gritty sound defined much golden-age hip-hop. Akai's MPC60 of 1988, designed with Roger Linn, offered up to 26 seconds at 40 kHz.",
        "The law caught up on 17 December 1991. In Grand Upright Music v. Warner Bros. Records, a federal court in New York ruled that Biz Markie's unlicensed use of Gilbert O'Sullivan's \u201cAlone Again (Naturally)\u201d infringed copyright. From then on, samples on commercial releases had to be cleared with their owners.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "A sampler measures the waveform thousands of times a second (the sample rate), each time with a fixed precision (the bit depth). A rate can only capture frequencies up to half its value, so the SP-1200's 26.04 kHz tops out around 13 kHz; together with 12-bit grit, that missing top end became a sought-after colour.",
        'Once stored, a sample can be triggered from pads or keys, looped, chopped into slices and re-sequenced, or pitched. On early machines pitching meant replaying faster or slower, so pitch and speed moved together, just as with [[varispeed]].',
        'Some producers, most famously [[dr-dre|Dr. Dre]] on The Chronic, had musicians replay the borrowed parts instead of looping the original record, a practice called interpolation, for a cleaner and fuller sound.',
      ],
    },
    typicalSettings: [
      { parameter: 'E-mu SP-1200 (1987)', range: '12-bit, 26.04 kHz, about 10 s total' },
      { parameter: 'Akai MPC60 (1988)', range: '12-bit, 40 kHz, up to 26 s' },
      { parameter: 'CD quality', range: '16-bit, 44.1 kHz' },
      { parameter: 'Highest frequency a sample rate can hold', range: 'half the rate', note: '13 kHz at 26.04 kHz' },
      { parameter: 'One bar of 4/4 at 90 BPM', range: '2.67 s' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Set a loop around one bar of the drum stems and let it cycle: a short repeated slice turns into a groove, the basic move of sample-based production.',
        "To hear why a 26 kHz sampler sounds dark, put a steep low-pass filter at about 13 kHz on the hats and tambourine and compare with loudness matching. Cymbal-like sounds lose their sheen first; the kick and bass barely change.",
      ],
    },
    related: ['g-funk', 'dr-dre', 'varispeed', 'record-producer', 'ambient-music'],
    wikipedia: wikipediaLink('Sampling (music)'),
  },
  {
    id: 'g-funk',
    title: 'G-funk',
    kind: 'technique',
    summary:
      "\u2018Gangsta funk\u2019: the slow, synth-heavy West Coast hip-hop sound of the 1990s, built on P-Funk grooves, deep melodic bass and a whining, gliding synth lead.",
    history: {
      heading: 'History',
      paragraphs: [
        "[[dr-dre|Dr. Dre]]'s solo debut The Chronic, released on Death Row Records in 1992, set the template and made G-funk the dominant sound of mainstream hip-hop for several years. Snoop Doggy Dogg's Doggystyle (1993) and 2Pac's All Eyez on Me (1996) carried it on; Warren G, Dre's stepbrother, was another of its leading names.",
        "Its roots are 1970s funk, above all Parliament-Funkadelic. Colin Wolfe, who played and wrote on The Chronic, recalled the aim as making a real Parliament-Funkadelic album. The squealing synth line of the Ohio Players' \u201cFunky Worm\u201d had already been sampled on N.W.A tracks in 1987 and 1988.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'The tempo sits around 90 to 100 BPM, slow enough to feel laid back. Bass lines are deep, melodic and rolling, usually played rather than lifted from a record.',
        'Over the top floats a portamento lead: a sawtooth synth gliding between notes, high and slightly whiny. Around it go layered keyboards, a heavy snare, female backing vocals and well-chosen P-Funk references.',
        "Dre's key production choice was to have musicians replay melodies and bass lines rather than loop the old records, which gave a cleaner, fuller sound than the dusty sampled loops common in rap at the time.",
      ],
    },
    typicalSettings: [
      { parameter: 'Tempo', range: '90 to 100 BPM' },
      { parameter: 'Lead synth', range: 'sawtooth wave with portamento (glide)' },
      { parameter: 'Bass', range: 'deep and melodic, replayed live or on a synth' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "The demo song is not G-funk, but you can borrow its mix ideas: bring the bass up and round it off, tuck the drums slightly behind it, and let the high lead ride above everything with a touch of delay.",
        'Notice how a thin, bright lead cuts through a warm, heavy low end at a surprisingly low fader level. Check it in mono as well: in this style the lead and bass both live in the centre.',
      ],
    },
    related: ['dr-dre', 'sampling', 'record-producer', 'equalization'],
    wikipedia: wikipediaLink('G-funk'),
  },
  {
    id: 'ambient-music',
    title: 'Ambient music and generative loops',
    kind: 'technique',
    summary:
      'Music meant to colour a space rather than demand attention, often built from slow, overlapping loops. Brian Eno named it in 1978 and later called systems-made music generative.',
    history: {
      heading: 'History',
      paragraphs: [
        "[[brian-eno|Brian Eno]] traced the idea to a hospital stay after a car accident in the mid-1970s: a visitor left a record playing very quietly, and, unable to get up and turn it up, he heard it mingle with the rain outside. He regarded his 1975 album Discreet Music as his first ambient record.",
        "[[music-for-airports|Ambient 1: Music for Airports]], released in March 1978, put the word on the cover. It was volume one of four; the series closed with Ambient 4: On Land in 1981. Eno set his idea against canned background music: ambient music should reward attention and also tolerate being ignored.",
        'In 1995, working with SSEYO\u2019s Koan software, Eno began using the term generative music for music made by a system that turns out different every time. Generative Music 1 followed in 1996, and his 2017 album Reflection also came as an app that plays an endlessly changing version.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'The classic technique is a loop system. Record several short phrases on loops of different lengths and let them run together. Because the lengths do not divide into each other, the phrases line up differently on every cycle, so the music keeps changing without anyone composing each moment.',
        'The arithmetic is the charm. Loops of 17 s and 23 s line up again only every 17 \u00d7 23 = 391 s, about six and a half minutes. Add a 29 s loop and the whole pattern repeats only after 11,339 s, more than three hours.',
        'Production choices serve the calm: soft attacks, long reverbs, gentle dynamics, little or no beat, and a balance that works at low listening volume.',
      ],
    },
    typicalSettings: [
      { parameter: 'Loop lengths', range: 'all different, ideally sharing no common factor', note: 'for example 17, 23 and 29 s' },
      { parameter: 'Music for Airports (1978)', range: 'about 22 tape loops, 50 to 70 ft long', note: "Eno's description in a 1978 interview" },
      { parameter: 'Pulse', range: 'none, or very slow' },
      { parameter: 'Reverb', range: 'long decays of several seconds' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'The ambient preset loops slices of the strings, piano and lead at unequal lengths, so their alignment keeps shifting. Let it play for several minutes and listen for combinations you have not heard before.',
        'Then strip the mix down: mute the drums and bass, soften the attacks, add a long reverb return and lower the level until the music sits at the edge of your attention. Watch the loudness range on the master meter; an ambient mix can show a small LRA and still feel alive.',
      ],
    },
    related: ['music-for-airports', 'brian-eno', 'reverb', 'sampling', 'sound-on-sound'],
    wikipedia: wikipediaLink('Ambient music'),
  },
];
