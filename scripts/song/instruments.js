/* global Tone */
// The instruments of "Saltwater Letters". This file runs INSIDE the Chromium
// page (loaded after Tone.js), not in Node: scripts/make-samples.mjs injects it
// and calls window.EarshotInstruments[stemId](events) inside Tone.Offline.
//
// Each function builds one instrument in the current (offline) Tone context and
// schedules its events. Events come from ./arrangement.js and look like
// { t, d, v, note?, ... } with t and d in seconds and v the velocity (0..1).
//
// Everything is deliberately DRY: oscillators, noise, filters and envelopes
// only. No reverb, delay, chorus or compression: the lessons add those later,
// and students should hear them arrive.
//
// One rule shapes the wiring below: never connect three or more sounding
// signals into the same input. Chromium adds the inputs of a node in an order
// that changes from run to run, and floating-point addition of three numbers
// depends on the order, so the last bit of the audio would change between
// renders. Two inputs are always safe (a + b == b + a), so we sum in pairs
// (sumInPairs) and use our own voice pool instead of Tone.PolySynth.

(function () {
  const dest = () => Tone.getDestination();

  /** Add nodes together two at a time. Returns a node carrying the sum. */
  function sumInPairs(nodes) {
    let layer = nodes;
    while (layer.length > 1) {
      const next = [];
      for (let i = 0; i < layer.length; i += 2) {
        if (i + 1 === layer.length) {
          next.push(layer[i]);
        } else {
          const sum = new Tone.Gain(1);
          layer[i].connect(sum);
          layer[i + 1].connect(sum);
          next.push(sum);
        }
      }
      layer = next;
    }
    return layer[0];
  }

  /**
   * Polyphony: deal the notes out to as many copies of a monophonic synth as
   * are needed (a voice is reused once its previous note has fully released),
   * then sum the voices in pairs. Returns the summed output.
   */
  function playPolyphonic(makeVoice, events, releaseSec) {
    const freeAt = [];
    const voiceOf = [];
    const sorted = events.slice().sort((a, b) => a.t - b.t);
    for (const e of sorted) {
      let v = freeAt.findIndex((time) => time <= e.t);
      if (v < 0) v = freeAt.push(0) - 1;
      freeAt[v] = e.t + e.d + releaseSec + 0.05;
      voiceOf.push(v);
    }
    const voices = freeAt.map(() => makeVoice());
    sorted.forEach((e, i) => voices[voiceOf[i]].triggerAttackRelease(e.note, e.d, e.t, e.v));
    return sumInPairs(voices);
  }

  /**
   * A bank of six detuned square waves at inharmonic ratios: the metal of the
   * TR-808's cymbals and hats. The oscillators run all the time; envelopes gate them.
   */
  function metalBank(frequencies) {
    const squares = frequencies.map((frequency) => new Tone.Oscillator({ type: 'square', frequency, volume: -12 }).start(0));
    return sumInPairs(squares);
  }
  const TR808_METAL = [205.3, 304.4, 369.6, 522.7, 540, 800];

  const instruments = {
    // ----------------------------------------------------------------- drums

    kick(events) {
      // Body: a sine "membrane" swept from 220 Hz down to A1 (55 Hz, the song's key).
      const body = new Tone.MembraneSynth({
        pitchDecay: 0.05,
        octaves: 4,
        oscillator: { type: 'sine' },
        envelope: { attack: 0.001, decay: 0.45, sustain: 0, release: 0.05 },
      }).connect(dest());
      // Beater: a few milliseconds of high-passed noise so it reads on laptop speakers.
      const beater = new Tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.0005, decay: 0.012, sustain: 0, release: 0.005 },
      });
      beater.chain(new Tone.Filter({ type: 'highpass', frequency: 2500 }), dest());
      beater.volume.value = -22;
      for (const e of events) {
        body.triggerAttackRelease('A1', 0.3, e.t, e.v);
        beater.triggerAttackRelease(0.01, e.t, e.v);
      }
    },

    snare(events) {
      // Wires: band-limited white noise with a short decay.
      const wires = new Tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.001, decay: 0.2, sustain: 0, release: 0.05 },
      });
      wires.chain(new Tone.Filter({ type: 'highpass', frequency: 700 }), new Tone.Filter({ type: 'lowpass', frequency: 9000 }), dest());
      // Shell: a short pitched thump around G3.
      const shell = new Tone.MembraneSynth({
        pitchDecay: 0.025,
        octaves: 1.8,
        envelope: { attack: 0.001, decay: 0.12, sustain: 0, release: 0.05 },
      }).connect(dest());
      shell.volume.value = -10;
      for (const e of events) {
        wires.triggerAttackRelease(0.1, e.t, e.v);
        shell.triggerAttackRelease('G3', 0.08, e.t, e.v);
      }
    },

    hats(events) {
      // A hi-hat = 808 metal + bright noise, high-passed, shaped by an envelope
      // per articulation: closed (tight), open (choked by the next hit) and one
      // long final ring.
      const metal = new Tone.Filter({ type: 'bandpass', frequency: 10000, Q: 1 });
      metalBank(TR808_METAL).connect(metal);
      const noise = new Tone.Noise({ type: 'white', volume: -14 }).start(0);
      const highpass = new Tone.Filter({ type: 'highpass', frequency: 7000 });
      sumInPairs([metal, noise]).connect(highpass);
      const closed = new Tone.AmplitudeEnvelope({ attack: 0.001, decay: 0.05, sustain: 0, release: 0.03 });
      const open = new Tone.AmplitudeEnvelope({ attack: 0.001, decay: 0.45, sustain: 0, release: 0.04 });
      const ring = new Tone.AmplitudeEnvelope({ attack: 0.001, decay: 1.3, sustain: 0, release: 0.3 });
      highpass.fan(closed, open, ring);
      sumInPairs([closed, open, ring]).connect(dest());
      for (const e of events) {
        if (!e.open) closed.triggerAttack(e.t, e.v);
        else if (e.ring) ring.triggerAttack(e.t, e.v);
        else {
          open.triggerAttack(e.t, e.v);
          open.triggerRelease(e.t + e.chokeAfter); // foot closes the hat on the next hit
        }
      }
    },

    tambourine(events) {
      // Jingles: the same kind of metal bank, pitched higher, plus shaken noise,
      // band-passed up top. Struck hits ring longer than shakes.
      const metal = metalBank(TR808_METAL.map((f) => f * 2.3));
      const noise = new Tone.Noise({ type: 'white', volume: -10 }).start(0);
      const band = new Tone.Filter({ type: 'bandpass', frequency: 8500, Q: 0.7 });
      sumInPairs([metal, noise]).chain(new Tone.Filter({ type: 'highpass', frequency: 3500, rolloff: -24 }), band);
      const hit = new Tone.AmplitudeEnvelope({ attack: 0.001, decay: 0.25, sustain: 0, release: 0.05 });
      const shake = new Tone.AmplitudeEnvelope({ attack: 0.008, decay: 0.06, sustain: 0, release: 0.03 });
      band.fan(hit, shake);
      sumInPairs([hit, shake]).connect(dest());
      for (const e of events) (e.kind === 'hit' ? hit : shake).triggerAttack(e.t, e.v);
    },

    // ------------------------------------------------------------------ bass

    bass(events) {
      // A sawtooth through a plucky low-pass (the "pick" of the bass) ...
      const saw = new Tone.MonoSynth({
        oscillator: { type: 'sawtooth' },
        filter: { type: 'lowpass', Q: 1.5, rolloff: -24 },
        filterEnvelope: { attack: 0.003, decay: 0.22, sustain: 0.3, release: 0.1, baseFrequency: 110, octaves: 2.8, exponent: 2 },
        envelope: { attack: 0.004, decay: 0.25, sustain: 0.75, release: 0.07 },
      }).connect(dest());
      // ... over a sine for weight.
      const sub = new Tone.Synth({
        oscillator: { type: 'sine' },
        envelope: { attack: 0.004, decay: 0.2, sustain: 0.85, release: 0.07 },
      }).connect(dest());
      sub.volume.value = -3;
      for (const e of events) {
        saw.triggerAttackRelease(e.note, e.d, e.t, e.v);
        sub.triggerAttackRelease(e.note, e.d, e.t, e.v);
      }
    },

    // ----------------------------------------------------------------- piano

    piano(events) {
      // FM "piano": a bright strike that mellows quickly (the modulation
      // envelope), then a softer sustained hum while the pedal is down.
      const release = 0.9;
      const makeVoice = () =>
        new Tone.FMSynth({
          harmonicity: 1,
          modulationIndex: 3.6,
          oscillator: { type: 'sine' },
          modulation: { type: 'sine' },
          envelope: { attack: 0.002, decay: 3, sustain: 0.15, release },
          modulationEnvelope: { attack: 0.002, decay: 2, sustain: 0.25, release },
        });
      // A 1:1 FM ratio also makes a little DC; the high-pass (a DC blocker) removes it.
      playPolyphonic(makeVoice, events, release).chain(
        new Tone.Filter({ type: 'highpass', frequency: 35 }),
        new Tone.Filter({ type: 'lowpass', frequency: 6000 }),
        dest(),
      );
    },

    // --------------------------------------------------------------- guitars

    guitar1(events) {
      // Strummed "acoustic": bright sawtooth strings that darken as they ring.
      const release = 0.09;
      const makeString = () =>
        new Tone.MonoSynth({
          oscillator: { type: 'sawtooth' },
          filter: { type: 'lowpass', Q: 0.8, rolloff: -12 },
          filterEnvelope: { attack: 0.001, decay: 0.35, sustain: 0.22, release: 0.15, baseFrequency: 450, octaves: 3.3, exponent: 2 },
          envelope: { attack: 0.002, decay: 1.3, sustain: 0.25, release },
          volume: -4,
        });
      const strings = playPolyphonic(makeString, events.filter((e) => e.kind === 'string'), release);
      const body = new Tone.Filter({ type: 'lowpass', frequency: 6000 });
      strings.chain(new Tone.Filter({ type: 'highpass', frequency: 90 }), body);
      // The plectrum scraping across the strings.
      const pick = new Tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.002, decay: 0.03, sustain: 0, release: 0.01 },
        volume: -20,
      });
      const scrape = new Tone.Filter({ type: 'bandpass', frequency: 3200, Q: 0.9 });
      pick.connect(scrape);
      sumInPairs([body, scrape]).connect(dest());
      for (const e of events) if (e.kind === 'pick') pick.triggerAttackRelease(0.03, e.t, e.v);
    },

    guitar2(events) {
      // Picked "electric": a narrow pulse wave (nasal, like a bridge pickup)
      // with a quick filter pluck on every note.
      const release = 0.25;
      const makeVoice = () =>
        new Tone.MonoSynth({
          oscillator: { type: 'pulse', width: 0.3 },
          filter: { type: 'lowpass', Q: 1.2, rolloff: -24 },
          filterEnvelope: { attack: 0.001, decay: 0.18, sustain: 0.3, release: 0.2, baseFrequency: 700, octaves: 2.6, exponent: 2 },
          envelope: { attack: 0.002, decay: 1.1, sustain: 0.15, release },
        });
      playPolyphonic(makeVoice, events, release).chain(new Tone.Filter({ type: 'highpass', frequency: 150 }), dest());
    },

    // --------------------------------------------------------------- strings

    strings(events) {
      // Bowed section: sawtooth voices with a slow bow-in, through a warm low-pass.
      const release = 1.2;
      const makeVoice = () =>
        new Tone.Synth({
          oscillator: { type: 'sawtooth' },
          envelope: { attack: 0.45, attackCurve: 'linear', decay: 0.3, sustain: 0.85, release },
          volume: -6,
        });
      playPolyphonic(makeVoice, events, release).chain(
        new Tone.Filter({ type: 'lowpass', frequency: 2000, Q: 0.5, rolloff: -24 }),
        new Tone.Filter({ type: 'highpass', frequency: 160 }),
        dest(),
      );
    },

    // ------------------------------------------------------------------ lead

    lead(events) {
      // A "voice": a sawtooth (the vocal cords) through three band-pass filters
      // (the formants of the mouth). Moving the formants changes the vowel.
      // Portamento glides between tied notes; vibrato fades in on held notes.
      const VOWELS = {
        a: [800, 1200, 2800],
        e: [550, 1900, 2700],
        i: [380, 2300, 3000],
        o: [550, 900, 2700],
        u: [400, 800, 2600],
      };
      const FORMANT_Q = [5, 8, 12];
      const FORMANT_GAIN = [1, 0.6, 0.28];

      const cords = new Tone.Synth({
        oscillator: { type: 'sawtooth' },
        envelope: { attack: 0.07, decay: 0.15, sustain: 0.9, release: 0.22 },
        portamento: 0.07,
      });
      const formants = VOWELS.a.map((frequency, i) => new Tone.Filter({ type: 'bandpass', frequency, Q: FORMANT_Q[i] }));
      const paths = formants.map((filter, i) => {
        const level = new Tone.Gain(FORMANT_GAIN[i]);
        cords.chain(filter, level);
        return level;
      });
      // Chest: a little of the low, unfiltered tone for body.
      const chest = new Tone.Gain(0.3);
      cords.chain(new Tone.Filter({ type: 'lowpass', frequency: 700 }), chest);
      // Syllables: a small dip in level at each new note, like a consonant.
      const syllable = new Tone.Gain(1);
      sumInPairs([...paths, chest]).chain(syllable, dest());

      const vibrato = new Tone.LFO({ frequency: 5.4, min: -30, max: 30, amplitude: 0 }).start(0);
      vibrato.connect(cords.detune);

      let phraseStart = true;
      for (const e of events) {
        const freq = Tone.Frequency(e.note).toFrequency();
        cords.triggerAttack(e.note, e.t, e.v);
        if (phraseStart) {
          // Singers scoop up into the first note of a phrase.
          cords.frequency.setValueAtTime(freq * 0.965, e.t);
          cords.frequency.exponentialRampToValueAtTime(freq, e.t + 0.09);
        } else {
          syllable.gain.setValueAtTime(1, e.t - 0.03);
          syllable.gain.linearRampToValueAtTime(0.72, e.t);
          syllable.gain.linearRampToValueAtTime(1, e.t + 0.07);
        }
        // Vowel of this syllable.
        VOWELS[e.vowel].forEach((f, i) => formants[i].frequency.setTargetAtTime(f, e.t, 0.025));
        // Delayed vibrato: none at the start of the note, growing on long notes.
        vibrato.amplitude.setValueAtTime(0, e.t);
        if (e.d > 0.5) vibrato.amplitude.linearRampToValueAtTime(e.d > 1 ? 1 : 0.6, e.t + Math.min(0.6, e.d * 0.6));
        if (!e.legato) cords.triggerRelease(e.t + e.d);
        phraseStart = !e.legato;
      }
    },
  };

  window.EarshotInstruments = instruments;
})();
