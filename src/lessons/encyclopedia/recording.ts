import { wikipediaLink, type Article } from './types';

/** Capturing and layering performances: multitrack, overdubs, sound-on-sound, varispeed, doubling, ADT. */
export const RECORDING_ARTICLES: readonly Article[] = [
  {
    id: 'multitrack-recording',
    title: 'Multitrack recording',
    kind: 'technique',
    summary:
      'Recording each voice or instrument onto its own track of the same tape or session, so every part can be balanced, processed or replaced later, before the final mix.',
    history: {
      heading: 'History',
      paragraphs: [
        "Until the mid-1950s a record was one performance. Everybody played at once, the sound went onto a single track, and the balance was fixed the moment the take ended.",
        "The way out was worked out at Ampex in 1955. Ross Snyder, who ran the company's special-products shop, came up with Sel-Sync (selective synchronisation): several tracks side by side on one tape, with the record head able to play back the tracks already recorded so that a new part lands exactly in step with them.",
        "Early in 1957 Ampex delivered the first eight-track Sel-Sync recorder to [[les-paul|Les Paul]], who paid $10,000 for it; it became known as the Octopus. Eight tracks was simply what fitted across one-inch tape, then the widest available. The second machine went to Atlantic Records early in 1958, at engineer Tom Dowd's insistence.",
        "Track counts kept climbing. Even [[gold-star-studios|Gold Star]], home of the [[wall-of-sound|Wall of Sound]], only got its first four-track machine in mid-1966. Analog tape topped out at 24 tracks on two-inch tape; from the early 1970s SMPTE timecode let engineers lock machines together, and in 1982 Toto used three synchronised 24-track decks on parts of Toto IV. A laptop now offers as many tracks as its processor can handle.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'A tape track is a narrow stripe along the tape with its own slice of the record and playback heads. All the stripes move together past the same head stack, so whatever goes onto track 3 stays locked in time to track 1, take after take.',
        "The clever part is that the record head can also listen. The playback head sits further along the tape path, so monitoring from it would put the old parts late by however long the tape takes to travel the gap. Playing the old tracks back through the record head instead lets a musician hear them in headphones and add a new part that is perfectly in step.",
        "Separate tracks turn mixing into its own stage. Each part gets its own fader, pan, EQ and effects; a mistake means re-recording one track, not the whole band; and parts can be recorded days apart. In 1991 Natalie Cole even sang a duet, \u201cUnforgettable\u201d, with a recording her father Nat King Cole had made decades earlier.",
      ],
    },
    typicalSettings: [
      { parameter: 'First Sel-Sync recorder (1957)', range: '8 tracks on 1-inch tape', note: 'sold to Les Paul for $10,000' },
      { parameter: 'Largest common analog format', range: '24 tracks on 2-inch tape' },
      { parameter: 'Toto IV (1982)', range: '3 locked 24-track machines', note: 'synchronised with SMPTE timecode' },
      {
        parameter: 'Earshot demo song',
        range: '10 mono stems',
        note: 'kick, snare, hats, tambourine, bass, piano, two guitars, strings, lead',
      },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Everything in Earshot starts from multitrack. The demo song arrives as ten separate stems: kick, snare, hats, tambourine, bass, piano, two guitars, strings and a voice-like lead, each on its own lane with its own fader, pan, mute, solo and peak meter.',
        'Try the basic multitrack experiment. Solo the bass, add the kick, then the piano. A part that sounds thin on its own can be exactly right in context. Then mute one guitar and hear the band lose width. This freedom is what Les Paul paid $10,000 for in 1957.',
      ],
    },
    related: ['overdubbing', 'sound-on-sound', 'les-paul', 'audio-engineer', 'panning'],
    wikipedia: wikipediaLink('Multitrack recording'),
    furtherReading: [
      {
        title: 'Ross H. Snyder: Sel-Sync and the Octopus, how it came to be the first recorder to minimize the successive copying of overdubs (AES Journal)',
        url: 'https://www.proquest.com/scholarly-journals/sel-sync-octopus-how-came-be-first-recorder/docview/968017/se-2',
      },
      {
        title: 'George Petersen: Ampex Sel-Sync, 1955 (Mix magazine, reprinted by the Museum of Magnetic Sound Recording)',
        url: 'http://museumofmagneticsoundrecording.org/LesPaul.html',
      },
    ],
  },
  {
    id: 'overdubbing',
    title: 'Overdubbing',
    kind: 'technique',
    summary:
      'Recording a new part while listening back to parts already recorded, so one musician can become a whole band and a mistake can be fixed one line at a time.',
    history: {
      heading: 'History',
      paragraphs: [
        "[[les-paul|Les Paul]] overdubbed before he had tape. He built his own disc-cutting lathe in 1935, and in the 1940s he would play one disc back while adding a new part, cutting the combination onto a second disc.",
        "Capitol released his \u201cLover\u201d in 1948: eight electric guitar parts stacked on top of one another. Some were recorded at half speed, so on playback they ran twice as fast and an octave higher than he had played them.",
        "Tape made layering cleaner, first with Paul's modified single-track recorder ([[sound-on-sound]]) and from 1957 with eight-track [[multitrack-recording|multitrack]] machines that kept every overdub on its own track.",
        "By the early 1960s pop recording had settled into the method still used today: lay down the rhythm section first (the basic tracks), then overdub solo instruments and keyboards, and finally the vocals.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'The performer hears the existing tracks in headphones, usually with a click or a guide part, and plays along. The new performance goes onto a fresh track; the earlier tracks are left untouched.',
        'Two refinements make overdubs precise. A punch-in drops the recorder into record for a single word or a few bars and back out again. Comping records several takes of the same part and then builds one composite track from the best phrases of each.',
        "Because nothing has to happen at the same moment any more, musicians need never meet, and the recording becomes something built rather than captured. That is the starting point for almost every technique in this encyclopedia.",
      ],
    },
    typicalSettings: [
      { parameter: 'Usual order of overdubs', range: 'rhythm section, then solos and keyboards, then vocals', note: 'standard since the early 1960s' },
      { parameter: 'Half-speed overdub', range: 'record at 50% speed', note: 'plays back twice as fast and one octave higher' },
      { parameter: 'Punch-in length', range: 'one word to a few bars' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Technique presets in Earshot work like overdubs. Instead of hiding changes inside a black box, they add ordinary tracks and effects next to the original stems. When a preset doubles the guitars, new lanes appear, and you can mute, solo, edit or delete them like any other track.',
        'Listening task: solo the two guitar stems one after the other, then play them together with the piano. Ask which parts a band would lay down first and which are the overdubs that decorate them. Drums and bass lay the floor; the lead normally comes last.',
      ],
    },
    related: ['multitrack-recording', 'sound-on-sound', 'double-tracking', 'les-paul'],
    wikipedia: wikipediaLink('Overdubbing'),
    furtherReading: [{ title: 'Sound on Sound, 1945 to 1967 (Les Paul Foundation timeline)', url: 'https://www.les-paul.com/timeline/sound-on-sound/' }],
  },
  {
    id: 'sound-on-sound',
    title: 'Sound-on-sound',
    kind: 'technique',
    summary:
      "Les Paul's way of layering before multitrack: play back what is on the tape, mix it with a new part, and record the blend as one new track. Every pass risks everything recorded before it.",
    history: {
      heading: 'History',
      paragraphs: [
        'In 1945 Les Paul built a studio in the garage of his Hollywood home. His friend Bing Crosby, an early backer of magnetic tape, gave him one of the first Ampex tape recorders.',
        "Paul added an extra playback head to it. According to his biographer Mary Alice Shaughnessy, the idea came out of a conversation with engineer Jack Mullin after taping a Crosby show. The modified machine let him add part after part on one tape.",
        "His hits with his wife, the singer Mary Ford, were built this way, including \u201cHow High the Moon\u201d in 1951. The danger was total: a slip on the eleventh pass wiped out the ten good passes beneath it, because the earlier layers had already been erased and rewritten.",
        "Ampex's eight-track Sel-Sync recorder, delivered to Paul in 1957, ended the risk. The one-track method lived on in experimental music; in the 1970s [[brian-eno|Brian Eno]] and guitarist Robert Fripp ran tape between two recorders so that each repeat was added to the last.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "Paul's machine read the tape twice. The added head sat upstream of the normal heads (Ampex Museum curator Peter Hammar, who saw the deck, put it about 1.5 inches ahead) and played the old material first. That signal went through a mixer together with the new live part and into the record head. In between, the erase head wiped the old version just before the record head wrote the new combination.",
        "So every pass is a copy of a copy. Tape noise and distortion pile up with each generation, and the earliest parts suffer most. Paul recorded the least important parts first and saved the lead parts for last; he said that by the final pass the click track he had started from had faded away.",
        'There is no undo, and no remix. The balance of every earlier part is frozen the moment it is re-recorded along with the new one.',
      ],
    },
    typicalSettings: [
      { parameter: 'Layers on one record', range: 'about 8 to 12', note: '\u201cLover\u201d had eight guitar parts' },
      { parameter: 'Extra playback head', range: 'about 1.5 in ahead of the head stack', note: 'as described by Ampex Museum curator Peter Hammar' },
      { parameter: 'Generation loss', range: 'one more tape copy per pass', note: 'the first part recorded is the most degraded' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "Earshot never destroys a track, so you get sound-on-sound's result without its risk. To feel the old constraint, set yourself a rule: balance the kick, snare, hats and bass first and don't touch them again; then set the piano and guitars; only then bring in the strings and lead. That is what committing each pass meant.",
        'Listen too for what generation loss would have done. On a real sound-on-sound record the early layers sound duller and noisier than the last ones, because they have been copied the most times.',
      ],
    },
    related: ['overdubbing', 'multitrack-recording', 'les-paul', 'tape-saturation', 'brian-eno'],
    wikipedia: wikipediaLink('Overdubbing'),
    furtherReading: [
      { title: 'Les Paul Foundation: Sound on Sound', url: 'https://www.les-paul.com/sound-on-sound/' },
      {
        title: "ARSCLIST discussion of Les Paul's extra playback head, with Peter Hammar's account (2008)",
        url: 'https://cool.culturalheritage.org/byform/mailing-lists/arsclist/2008/09/msg00184.html',
      },
    ],
  },
  {
    id: 'varispeed',
    title: 'Varispeed',
    kind: 'technique',
    summary:
      "Running a tape machine faster or slower than normal while recording or playing back. Pitch and tempo move together, which makes it both a tuning fix and a way to change an instrument's tone.",
    history: {
      heading: 'History',
      paragraphs: [
        "The capstan motors of 1950s and 1960s studio recorders ran in step with the mains frequency. Running one off speed meant driving its motor from a separate oscillator and power amplifier, a box called a variable speed oscillator (VSO), and small studios often could not afford one.",
        '[[les-paul|Les Paul]] was already using speed tricks in the late 1940s: he recorded fast guitar passages at half speed, an octave lower, so they came back twice as fast.',
        "At EMI's studios in London, engineer George Barnes worked on frequency control of the tape machines' speed. [[ken-townsend|Ken Townsend]] later said his 1966 ADT invention would have been impossible without it.",
        "The Beatles used it constantly from 1966. For \u201cRain\u201d, recorded from 14 April 1966, the backing track was taped with the machine running fast, so at normal speed it came back slower and heavier; John Lennon's vocal was taped slow, so it came back a little higher. Later that year [[george-martin|George Martin]] and [[geoff-emerick|Geoff Emerick]] joined two takes of \u201cStrawberry Fields Forever\u201d that were in different keys and tempos, adjusting tape speed until they met.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'On tape, pitch and speed are locked together. Play a tape twice as fast and every frequency doubles: one octave up, in half the time. A semitone is a frequency ratio of about 1.0595, so a speed change of about 5.9% shifts everything by one semitone, and a 1% change is about 17 cents.',
        "Varispeed also changes tone colour, because the resonances of the voice or instrument body move along with the notes. A voice recorded slow and played at normal speed comes out brighter and thinner; a band recorded fast and played back at normal speed sounds darker and heavier, as on \u201cRain\u201d.",
        'Software can now change pitch and tempo independently, but true varispeed, like a turntable pitch fader, still moves both. A typical DJ turntable allows up to 8% either way.',
      ],
    },
    typicalSettings: [
      { parameter: 'One semitone', range: '\u00b15.9% speed' },
      { parameter: 'One octave', range: '2\u00d7 or 0.5\u00d7 speed' },
      { parameter: 'Small tuning fix', range: '\u00b11% to 3% (about 17 to 51 cents)' },
      { parameter: 'Detune of a few cents', range: 'about 0.3% for 5 cents', note: 'too small to sound out of tune' },
      { parameter: 'DJ turntable pitch control', range: 'up to \u00b18%' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'Listen for varispeed-sized shifts inside the doubling presets. When a preset detunes a copy by a few cents, that is the same as running it about 0.3% off speed: far too little to sound out of tune, but enough to make two copies beat against each other and thicken.',
        'Exercise: loop four bars of the lead stem and compare it dry with a doubled version. The double should sound wider and slightly chorused, never sour. If it sounds out of tune, the detune is too large.',
      ],
    },
    related: ['automatic-double-tracking', 'ken-townsend', 'george-martin', 'les-paul', 'double-tracking', 'sampling'],
    wikipedia: wikipediaLink('Pitch control'),
  },
  {
    id: 'double-tracking',
    title: 'Double tracking',
    kind: 'technique',
    summary:
      'Recording the same part twice and playing both takes together. The small differences in timing and pitch between the takes make one voice or guitar sound bigger and richer.',
    history: {
      heading: 'History',
      paragraphs: [
        'Doubling became practical once parts could be recorded separately on tape. In the late 1940s and early 1950s [[les-paul|Les Paul]] and Mary Ford stacked her voice into unisons and harmonies; in 1957 and 1958 producer Norman Petty double-tracked Buddy Holly.',
        "John Lennon loved the sound and hated the chore, because matching a first take exactly is slow, fiddly work. His complaint during the Revolver sessions at [[abbey-road-studios|Abbey Road]] in 1966 led [[ken-townsend|Ken Townsend]] to invent [[automatic-double-tracking|automatic double tracking]].",
        'In rock and metal it became standard to double rhythm guitars and pan the two takes hard left and hard right; some producers record the part four times.',
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        'No two human takes are identical. Note starts wander by a few milliseconds, pitch drifts by a few cents, breaths and vibrato differ. Played together, those small, ever-changing differences make the sound shimmer and spread, and the ear reads it as more than one source.',
        "That is why copying one take onto a second track does nothing useful: two identical copies add up to the same sound, just 6 dB louder. The effect lives in the differences.",
        'Panning decides the result. Two takes in the centre fuse into one thicker voice; spread hard left and right they become a wide curtain. Lead vocals are usually doubled in the centre, rhythm guitars spread wide.',
      ],
    },
    typicalSettings: [
      { parameter: 'Timing difference imitated by doubling effects', range: 'about 10 to 50 ms' },
      { parameter: 'Pitch difference imitated by doubling effects', range: 'about 10 cents', note: 'a tenth of a semitone' },
      { parameter: 'Identical copy instead of a second take', range: '+6 dB, no thickening' },
      { parameter: 'Panning', range: 'centre for lead vocals; hard left and right for rhythm guitars' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        "The demo song's two guitar stems are a natural double: two different performances of related parts. Pan both to the centre, then swing them to hard left and hard right (L100 and R100) and listen to the band open up around the lead.",
        'Then try a doubling preset on the lead. It adds a copy track shifted by tens of milliseconds and detuned by a few cents. Compare with loudness-matched A/B so the double cannot win just by being louder, and take the ABX quiz: can you pick the doubled version blind?',
      ],
    },
    related: ['automatic-double-tracking', 'overdubbing', 'panning', 'wall-of-sound', 'mono-compatibility'],
    wikipedia: wikipediaLink('Double tracking'),
  },
  {
    id: 'automatic-double-tracking',
    title: 'Automatic double tracking (ADT)',
    kind: 'technique',
    summary:
      "A tape trick invented at Abbey Road in 1966: a second, speed-controlled tape machine plays a slightly delayed copy of a vocal back into the mix, faking a second take.",
    history: {
      heading: 'History',
      paragraphs: [
        "In April 1966, during the Revolver sessions at EMI's London studios, John Lennon made it clear how much he disliked singing every vocal a second time to double it. [[ken-townsend|Ken Townsend]], the studio's technical manager, recalled thinking on the drive home from a long double-tracking session that there had to be an easier way.",
        "His answer used two tape machines and became a Beatles staple across Revolver, released in Britain on 5 August 1966. Townsend and colleague Stuart Allen called it artificial double tracking; automatic double tracking is the more common name now.",
        "ADT could do more than double. By wobbling the delay, the same set-up gave the swirling sweep later called flanging or phasing; Townsend pointed to \u201cLucy in the Sky with Diamonds\u201d (1967) as an example.",
      ],
    },
    howItWorks: {
      heading: 'How it works',
      paragraphs: [
        "The vocal is taken from the multitrack's record (sync) head, which reads it a little early, and sent to a second tape machine. That machine records it and plays it back from its own playback head a moment later. The original and the late copy are mixed together.",
        'The size of the delay depends on the second machine\u2019s speed, and that speed was set by an oscillator driving its motor. Turning the oscillator changes the delay: a few tens of milliseconds makes a believable double, slow drifting makes the copy wander like a real singer, and sweeping down towards zero produces flanging.',
        'A machine copy has the same notes, the same breaths and the same phrasing, so ADT never sounds quite like two real takes; listeners hear one thickened voice. Later analog and digital delays imitate it with a short doubling echo.',
      ],
    },
    typicalSettings: [
      { parameter: 'Delay of the copy', range: 'about 20 to 50 ms', note: 'shorter becomes flanging or chorus; longer becomes slapback' },
      { parameter: 'Delay modulation', range: 'slow and shallow', note: 'imitates the timing wander of a second take' },
      { parameter: 'Detune of the copy', range: 'a few cents' },
    ],
    inEarshot: {
      heading: 'In Earshot',
      paragraphs: [
        'An ADT-style preset works on the lead stem: it adds a copy track delayed by tens of milliseconds, with a slow, shallow wobble in time. Solo the lead and switch between dry and treated. The voice should feel wider and more confident but still sound like one singer.',
        'Compare it with the two guitar stems, which are genuinely different performances, to hear the difference between a machine double and a real one. Then use the ABX quiz to test whether you can tell ADT from the dry lead once loudness is matched.',
      ],
    },
    related: ['double-tracking', 'ken-townsend', 'abbey-road-studios', 'delay', 'varispeed', 'george-martin'],
    wikipedia: wikipediaLink('Automatic double tracking'),
  },
];
