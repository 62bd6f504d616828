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
// only. No reverb, delay, chorus or compression — the lessons add those later,
// and students should hear them arrive.

(function () {
  const dest = () => Tone.getDestination();

  /** A filter wired to the output. */
  const filterOut = (options) => new Tone.Filter(options).connect(dest());

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
      }).connect(filterOut({ type: 'highpass', frequency: 2500 }));
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
      wires.chain(new Tone.Filter({ type: 'highpass', frequency: 700 }), filterOut({ type: 'lowpass', frequency: 9000 }));
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
      // A hi-hat = inharmonic metal partials (MetalSynth) + bright noise, high-passed.
      const makeHat = (decay) => {
        const highpass = filterOut({ type: 'highpass', frequency: 7000 });
        const metal = new Tone.MetalSynth({
          harmonicity: 5.1,
          modulationIndex: 32,
          resonance: 6000,
          octaves: 1.5,
          envelope: { attack: 0.001, decay, release: 0.03 },
        }).connect(highpass);
        const noise = new Tone.NoiseSynth({
          noise: { type: 'white' },
          envelope: { attack: 0.001, decay, sustain: 0, release: 0.03 },
        }).connect(highpass);
        metal.volume.value = -8;
        noise.volume.value = -6;
        return {
          hit(t, v) {
            metal.triggerAttack(320, t, v);
            noise.triggerAttack(t, v);
          },
          choke(t) {
            metal.triggerRelease(t);
            noise.triggerRelease(t);
          },
        };
      };
      const closed = makeHat(0.05);
      const open = makeHat(0.4);
      const ringing = makeHat(1.2);
      for (const e of events) {
        if (!e.open) closed.hit(e.t, e.v);
        else if (e.ring) ringing.hit(e.t, e.v);
        else {
          open.hit(e.t, e.v);
          open.choke(e.t + e.chokeAfter); // foot closes the hat on the next hit
        }
      }
    },

    tambourine(events) {
      // Jingles: high inharmonic metal plus shaken noise, band-passed up top.
      const band = filterOut({ type: 'bandpass', frequency: 8500, Q: 0.7 });
      const jingles = new Tone.MetalSynth({
        harmonicity: 7.3,
        modulationIndex: 18,
        resonance: 7000,
        octaves: 1,
        envelope: { attack: 0.002, decay: 0.12, release: 0.05 },
      }).connect(band);
      const shaker = new Tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.004, decay: 0.06, sustain: 0, release: 0.03 },
      }).connect(band);
      jingles.volume.value = -10;
      for (const e of events) {
        // A struck hit rings longer than a shake. Envelope settings are read
        // when each note is scheduled, so they can change from note to note.
        const struck = e.kind === 'hit';
        jingles.envelope.attack = struck ? 0.001 : 0.006;
        jingles.envelope.decay = struck ? 0.25 : 0.07;
        shaker.envelope.attack = struck ? 0.001 : 0.008;
        shaker.envelope.decay = struck ? 0.18 : 0.05;
        jingles.triggerAttack(850, e.t, e.v);
        shaker.triggerAttack(e.t, e.v);
      }
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
      const piano = new Tone.PolySynth({
        voice: Tone.FMSynth,
        maxPolyphony: 64,
        options: {
          harmonicity: 1,
          modulationIndex: 3.6,
          oscillator: { type: 'sine' },
          modulation: { type: 'sine' },
          envelope: { attack: 0.002, decay: 3, sustain: 0.15, release: 0.9 },
          modulationEnvelope: { attack: 0.002, decay: 2, sustain: 0.25, release: 0.9 },
        },
      });
      // A 1:1 FM ratio also makes a little DC; the high-pass (a DC blocker) removes it.
      piano.chain(new Tone.Filter({ type: 'highpass', frequency: 35 }), filterOut({ type: 'lowpass', frequency: 6000 }));
      for (const e of events) piano.triggerAttackRelease(e.note, e.d, e.t, e.v);
    },

    // --------------------------------------------------------------- guitars

    guitar1(events) {
      // Strummed "acoustic": bright sawtooth strings that darken as they ring.
      const strings = new Tone.PolySynth({
        voice: Tone.MonoSynth,
        maxPolyphony: 64,
        options: {
          oscillator: { type: 'sawtooth' },
          filter: { type: 'lowpass', Q: 0.8, rolloff: -12 },
          filterEnvelope: { attack: 0.001, decay: 0.35, sustain: 0.22, release: 0.15, baseFrequency: 450, octaves: 3.3, exponent: 2 },
          envelope: { attack: 0.002, decay: 1.3, sustain: 0.25, release: 0.09 },
        },
      });
      strings.chain(new Tone.Filter({ type: 'highpass', frequency: 90 }), filterOut({ type: 'lowpass', frequency: 6000 }));
      // The plectrum scraping across the strings.
      const pick = new Tone.NoiseSynth({
        noise: { type: 'white' },
        envelope: { attack: 0.002, decay: 0.03, sustain: 0, release: 0.01 },
      }).connect(filterOut({ type: 'bandpass', frequency: 3200, Q: 0.9 }));
      pick.volume.value = -20;
      for (const e of events) {
        if (e.kind === 'pick') pick.triggerAttackRelease(0.03, e.t, e.v);
        else strings.triggerAttackRelease(e.note, e.d, e.t, e.v * 0.6);
      }
    },

    guitar2(events) {
      // Picked "electric": a narrow pulse wave (nasal, like a bridge pickup)
      // with a quick filter pluck on every note.
      const guitar = new Tone.PolySynth({
        voice: Tone.MonoSynth,
        maxPolyphony: 32,
        options: {
          oscillator: { type: 'pulse', width: 0.3 },
          filter: { type: 'lowpass', Q: 1.2, rolloff: -24 },
          filterEnvelope: { attack: 0.001, decay: 0.18, sustain: 0.3, release: 0.2, baseFrequency: 700, octaves: 2.6, exponent: 2 },
          envelope: { attack: 0.002, decay: 1.1, sustain: 0.15, release: 0.25 },
        },
      });
      guitar.connect(filterOut({ type: 'highpass', frequency: 150 }));
      for (const e of events) guitar.triggerAttackRelease(e.note, e.d, e.t, e.v);
    },

    // --------------------------------------------------------------- strings

    strings(events) {
      // Bowed section: sawtooth voices with a slow bow-in, through a warm low-pass.
      const section = new Tone.PolySynth({
        voice: Tone.Synth,
        maxPolyphony: 32,
        options: {
          oscillator: { type: 'sawtooth' },
          envelope: { attack: 0.45, attackCurve: 'linear', decay: 0.3, sustain: 0.85, release: 1.2 },
        },
      });
      const body = new Tone.Filter({ type: 'lowpass', frequency: 2000, Q: 0.5, rolloff: -24 });
      section.chain(body, filterOut({ type: 'highpass', frequency: 160 }));
      for (const e of events) section.triggerAttackRelease(e.note, e.d, e.t, e.v * 0.5);
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
      // Syllables: a small dip in level at each new note, like a consonant.
      const syllable = new Tone.Gain(1).connect(dest());
      const formants = VOWELS.a.map((frequency, i) => {
        const filter = new Tone.Filter({ type: 'bandpass', frequency, Q: FORMANT_Q[i] });
        cords.chain(filter, new Tone.Gain(FORMANT_GAIN[i]), syllable);
        return filter;
      });
      // Chest: a little of the low, unfiltered tone for body.
      cords.chain(new Tone.Filter({ type: 'lowpass', frequency: 700 }), new Tone.Gain(0.3), syllable);

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
