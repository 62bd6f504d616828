import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { RAMP_SEC } from '../../src/engine/bindStore';
import { MixGraph } from '../../src/engine/MixGraph';
import { PRE_ROLL_SEC } from '../../src/engine/render';
import { nativeMakeupDb, nativeMakeupDbWithKnee } from '../../src/dsp/compressorCurve';
import { rmsDb } from '../../src/dsp/levels';
import { applyTechnique, removeTechnique, techniqueById } from '../../src/presets';
import { setBusEffect, setInsert, setInsertBypass, setSend, setStripMute, setStripSolo, setTrackDetune } from '../../src/state/edits';
import type { MasteringSettings } from '../../src/state/mastering';
import type { Project, TrackRole } from '../../src/state/project';
import { SR, project, sineBuffer, track } from './helpers';

/**
 * Clicks: a toggle during playback renders offline as the live engine plays it (the change applied mid-render with
 * the live glide, RAMP_SEC), and the discontinuity is measured around it. The test signal is a steady 220 Hz sine:
 * a click hides in broadband music but stands out of a sine, which has a small, known largest step
 * (2·A·sin(π·220/44100) ≈ 0.011 at A = 0.354) and nothing above 8 kHz.
 * Two measures: the largest sample-to-sample step near the toggle against the steady signal's own, and the level
 * above 8 kHz in the 50 ms around it.
 */

const DUR = 2;
/** Song time of the toggle, on a render-quantum boundary (an offline context suspends only there). */
const AT_SEC = (Math.round((1.0 * SR) / 128) * 128) / SR;
/** A step this much larger than the signal's own is a click. */
const STEP_MARGIN = 1.1;
/** Level above 8 kHz near the toggle, dBFS: a hard switch of this signal measures −46 to −58, a glide −98 or less. */
const HIGH_BAND_MAX_DB = -80;

/** One full-scale sample at 1.3 s: a transient whose echo through the reverb shows the pre-delay. */
const clickAt = (sec: number): AudioBuffer => {
  const b = new AudioBuffer({ length: SR * (DUR + 1), numberOfChannels: 1, sampleRate: SR });
  b.getChannelData(0)[Math.round(sec * SR)] = 1;
  return b;
};

const buffers = new Map<string, AudioBuffer>([
  ['sine', sineBuffer(220, DUR + 1, 0.5)],
  ['click', clickAt(1.3)],
  ['silent', new AudioBuffer({ length: SR * (DUR + 1), numberOfChannels: 1, sampleRate: SR })],
]);

/**
 * Renders `before` and, at song time AT_SEC, applies `after` with a glide of rampSec (RAMP_SEC is what the app uses
 * while playing; 0 is a hard switch). Returns the left channel with the pre-roll and the chain's latency cut off.
 */
async function renderToggle(before: Project, after: Project, rampSec: number, then?: { readonly atSec: number; readonly project: Project }): Promise<Float32Array> {
  const preRoll = Math.round(PRE_ROLL_SEC * SR);
  const native = new OfflineAudioContext({ numberOfChannels: 2, length: preRoll + Math.round((DUR + 0.1) * SR), sampleRate: SR });
  const context = new Tone.OfflineContext(native);
  const graph = await MixGraph.create({ context, buffers });
  try {
    graph.apply(before, 0);
    context.transport.start(preRoll / SR, 0);
    void native.suspend(PRE_ROLL_SEC + AT_SEC).then(() => {
      graph.apply(after, rampSec);
      return native.resume();
    });
    if (then) {
      void native.suspend(PRE_ROLL_SEC + then.atSec).then(() => {
        graph.apply(then.project, rampSec);
        return native.resume();
      });
    }
    const out = (await context.render(false)).get() as AudioBuffer;
    const skip = preRoll + Math.round(graph.latencySec * SR);
    return out.getChannelData(0).slice(skip, skip + DUR * SR);
  } finally {
    graph.dispose();
    context.dispose();
  }
}

/** Largest |x[i] − x[i−1]| over [fromSec, toSec). */
function maxStep(x: Float32Array, fromSec: number, toSec: number): number {
  let m = 0;
  for (let i = Math.round(fromSec * SR) + 1; i < Math.round(toSec * SR); i++) m = Math.max(m, Math.abs(x[i]! - x[i - 1]!));
  return m;
}

/** RMS above 8 kHz (4th-order Butterworth high-pass) over [fromSec, toSec), dBFS. */
function highBandDb(x: Float32Array, fromSec: number, toSec: number): number {
  let y: Float64Array = Float64Array.from(x);
  for (const q of [0.5412, 1.3066]) y = highpass(y, 8000, q);
  let sum = 0;
  const from = Math.round(fromSec * SR);
  const to = Math.round(toSec * SR);
  for (let i = from; i < to; i++) sum += y[i]! * y[i]!;
  return 10 * Math.log10(sum / (to - from) + 1e-30);
}

/** One RBJ high-pass biquad section. */
function highpass(x: Float64Array, f: number, q: number): Float64Array {
  const w = (2 * Math.PI * f) / SR;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const [b0, b1, b2, a1, a2] = [(1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
  const y = new Float64Array(x.length);
  let [x1, x2, y1, y2] = [0, 0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const v = b0 * x[i]! + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    [x2, x1, y2, y1] = [x1, x[i]!, y1, v];
    y[i] = v;
  }
  return y;
}

const base = project([track('sine', {}, DUR), track('silent', {}, DUR)], DUR);
const withBus: Project = { ...base, buses: [...base.buses, { ...base.buses[0]!, id: 'par', name: 'Parallel', effect: { type: 'none' } }] };
const sending = setSend(withBus, 'sine', 'par', { levelDb: 0 });
// Each insert set where it changes a 220 Hz tone a lot, so a hard switch would be heard.
const hpf = setInsert(base, 'sine', 'hpf', { bypass: true, freqHz: 400 });
const eq = setInsert(base, 'sine', 'eq', { bypass: true, bell1: { freqHz: 220, gainDb: 12, q: 1 } });
const comp = setInsert(base, 'sine', 'comp', { bypass: true, thresholdDb: -30, ratio: 8, attackMs: 5, releaseMs: 100, makeupDb: 6 });
const sat = setInsert(base, 'sine', 'sat', { bypass: true, driveDb: 24 });
const mastering = (p: Project, m: Partial<MasteringSettings>): Project => ({ ...p, master: { ...p.master, mastering: { ...p.master.mastering, ...m } } });
const driven = setInsert(base, 'sine', 'sat', { bypass: false, driveDb: 6 });
const toReverb = setSend(base, 'sine', 'reverb', { levelDb: 0 });
const toDelay = setSend(base, 'sine', 'delay', { levelDb: 0 });
// Pulled down 12 dB, so the send's pre- and post-fader taps differ by 12 dB (plus the centre pan's 3 dB).
const preSend = setSend({ ...sending, tracks: sending.tracks.map((t) => (t.id === 'sine' ? { ...t, gainDb: -12 } : t)) }, 'sine', 'par', { pre: true });
const detuned = setTrackDetune(base, 'sine', 5);
const glue = (thresholdDb: number, enabled = true) => mastering(base, { enabled: true, glue: { enabled, thresholdDb, ratio: 4, attackMs: 10, releaseMs: 200 } });

interface Case {
  readonly name: string;
  readonly before: Project;
  readonly after: Project;
  /** The change adds no harmonics of its own, so the band above 8 kHz must stay empty. */
  readonly linear: boolean;
  /** Switched hard (no glide), this change does click: proof that the measure would catch it. */
  readonly hardClicks: boolean;
}

const CASES: readonly Case[] = [
  { name: 'mute', before: base, after: setStripMute(base, 'sine', true), linear: true, hardClicks: true },
  { name: 'unmute', before: setStripMute(base, 'sine', true), after: base, linear: true, hardClicks: true },
  { name: 'solo another track', before: base, after: setStripSolo(base, 'silent', true), linear: true, hardClicks: true },
  { name: 'unsolo another track', before: setStripSolo(base, 'silent', true), after: base, linear: true, hardClicks: true },
  { name: 'high-pass in', before: hpf, after: setInsertBypass(hpf, 'sine', 'hpf', false), linear: true, hardClicks: true },
  { name: 'high-pass out', before: setInsertBypass(hpf, 'sine', 'hpf', false), after: hpf, linear: true, hardClicks: true },
  { name: 'EQ in', before: eq, after: setInsertBypass(eq, 'sine', 'eq', false), linear: true, hardClicks: false },
  { name: 'EQ out', before: setInsertBypass(eq, 'sine', 'eq', false), after: eq, linear: true, hardClicks: false },
  { name: 'compressor in', before: comp, after: setInsertBypass(comp, 'sine', 'comp', false), linear: true, hardClicks: true },
  { name: 'compressor out', before: setInsertBypass(comp, 'sine', 'comp', false), after: comp, linear: true, hardClicks: false },
  { name: 'saturation in', before: sat, after: setInsertBypass(sat, 'sine', 'sat', false), linear: false, hardClicks: true },
  { name: 'saturation out', before: setInsertBypass(sat, 'sine', 'sat', false), after: sat, linear: false, hardClicks: true },
  { name: 'send on', before: withBus, after: sending, linear: true, hardClicks: true },
  { name: 'send off', before: sending, after: setSend(sending, 'sine', 'par', { levelDb: -60 }), linear: true, hardClicks: true },
  { name: 'bus mute', before: sending, after: setStripMute(sending, 'par', true), linear: true, hardClicks: true },
  { name: 'saturation drive 6 → 24 dB while in', before: driven, after: setInsert(driven, 'sine', 'sat', { driveDb: 24 }), linear: false, hardClicks: true },
  { name: 'reverb decay 1.8 → 6 s (a new impulse response)', before: toReverb, after: setBusEffect(toReverb, 'reverb', { decaySec: 6 }), linear: true, hardClicks: true },
  { name: 'reverb pre-delay → 120 ms', before: toReverb, after: setBusEffect(toReverb, 'reverb', { preDelayMs: 120 }), linear: true, hardClicks: false },
  { name: 'reverb decay and pre-delay at once', before: toReverb, after: setBusEffect(toReverb, 'reverb', { decaySec: 6, preDelayMs: 120 }), linear: true, hardClicks: true },
  { name: 'delay time 375 → 850 ms', before: toDelay, after: setBusEffect(toDelay, 'delay', { timeMs: 850 }), linear: true, hardClicks: true },
  { name: 'send pre-fader → post-fader', before: preSend, after: setSend(preSend, 'sine', 'par', { pre: false }), linear: true, hardClicks: true },
  { name: 'send post-fader → pre-fader', before: setSend(preSend, 'sine', 'par', { pre: false }), after: preSend, linear: true, hardClicks: true },
  { name: 'detune 0 → 5 cents (the pitch shifter goes in)', before: base, after: detuned, linear: true, hardClicks: true },
  { name: 'detune 5 → 0 cents (the pitch shifter comes out)', before: detuned, after: base, linear: true, hardClicks: true },
  { name: 'master glue in', before: glue(-30, false), after: glue(-30), linear: true, hardClicks: true },
  { name: 'master glue out', before: glue(-30), after: glue(-30, false), linear: true, hardClicks: true },
  { name: 'master glue threshold −30 → −20 dB', before: glue(-30), after: glue(-20), linear: true, hardClicks: false },
];

describe('toggles during playback make no click (offline render, real Web Audio, 220 Hz sine)', () => {
  it.each(CASES)('$name', async ({ name, before, after, linear, hardClicks }) => {
    const x = await renderToggle(before, after, RAMP_SEC);
    // The signal's own largest step, before and after the change (an insert may change the level).
    const own = Math.max(maxStep(x, 0.3, AT_SEC - 0.05), maxStep(x, AT_SEC + 0.3, DUR - 0.1));
    expect(own).toBeGreaterThan(5e-3);
    // The windows start before the toggle: the render is aligned for the clip players, and a change further down the
    // chain is heard earlier by the look-ahead after it (6 ms per compressor; ~18 ms for the master's glue).
    const step = maxStep(x, AT_SEC - 0.03, AT_SEC + 0.2);
    const band = highBandDb(x, AT_SEC - 0.03, AT_SEC + 0.04);
    const hard = await renderToggle(before, after, 0);
    const hardStep = maxStep(hard, AT_SEC - 0.03, AT_SEC + 0.2);
    const hardBand = highBandDb(hard, AT_SEC - 0.03, AT_SEC + 0.04);
    console.log(
      `${name}: step ${(step / own).toFixed(2)}× the signal's own (hard switch ${(hardStep / own).toFixed(2)}×); above 8 kHz ${band.toFixed(1)} dBFS (hard ${hardBand.toFixed(1)})`,
    );
    expect(step).toBeLessThanOrEqual(own * STEP_MARGIN);
    if (linear) expect(band).toBeLessThan(HIGH_BAND_MAX_DB);
    if (hardClicks) {
      // The same change without a glide is caught by one measure or the other: the test can fail.
      const caught = hardStep > own * STEP_MARGIN || (linear && hardBand > HIGH_BAND_MAX_DB);
      expect(caught).toBe(true);
    }
  });
});

/**
 * Techniques switched on and off in the Techniques tab while the song plays, each on a part it acts on. Off takes
 * buses, tracks and clips away: they fade out over the glide before they are disposed. Tape puts a pitch shifter
 * into a playing track, and Ambient loops changes the reverb's decay and the delay time (cases above).
 */
const TECHNIQUE_CASES: readonly (readonly [string, TrackRole])[] = [
  ['wall-of-sound', 'piano'],
  ['adt', 'lead'],
  ['parallel-compression', 'snare'],
  ['sidechain', 'bass'],
  ['slapback', 'lead'],
  ['lcr', 'hats'],
  ['eq-carving', 'lead'],
  ['g-funk', 'hats'],
  ['tape', 'lead'],
  ['eno-loops', 'piano'],
];
/**
 * A technique changes many things at once; a compressor it switches in may swell the level for its attack time
 * (a bump, not a click: nothing above 8 kHz), so the step may exceed the signal's own by this much.
 */
const TECHNIQUE_STEP_MARGIN = 1.25;

describe('techniques switched on and off during playback make no click', () => {
  it.each(TECHNIQUE_CASES.flatMap(([id, role]) => [[id, role, 'on'] as const, [id, role, 'off'] as const]))('%s on a %s part, %s', async (id, role, way) => {
    const plain = project([track('sine', { role }, DUR), track('silent', { role: 'kick' }, DUR)], DUR);
    const on = applyTechnique(plain, techniqueById(id)!).project;
    expect(on).not.toEqual(plain);
    const [before, after] = way === 'on' ? [plain, on] : [on, removeTechnique(on, id)];
    const x = await renderToggle(before, after, RAMP_SEC);
    const own = Math.max(maxStep(x, 0.3, AT_SEC - 0.05), maxStep(x, AT_SEC + 0.3, DUR - 0.1));
    const step = maxStep(x, AT_SEC - 0.03, AT_SEC + 0.2);
    const band = highBandDb(x, AT_SEC - 0.03, AT_SEC + 0.04);
    console.log(`${id} ${way}: step ${(step / own).toFixed(2)}× the signal's own; above 8 kHz ${band.toFixed(1)} dBFS`);
    expect(step).toBeLessThanOrEqual(own * TECHNIQUE_STEP_MARGIN);
    expect(band).toBeLessThan(HIGH_BAND_MAX_DB);
  });
});

describe('a pre-delay jump still to come survives another change', () => {
  it('a reverb setting moved 128 samples after a new pre-delay does not cancel it: the echo arrives 120 ms late', async () => {
    // Only the reverb's return is heard: the track sends pre-fader with its own fader off.
    let p = project([track('click', { gainDb: -60 }, DUR)], DUR);
    p = setSend(p, 'click', 'reverb', { levelDb: 0, pre: true });
    p = setBusEffect(p, 'reverb', { preDelayMs: 20 });
    const after = setBusEffect(p, 'reverb', { preDelayMs: 120 });
    const then = setBusEffect(after, 'reverb', { lowCutHz: 100 });
    const onset = (x: Float32Array): number => {
      const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const i = x.findIndex((v, n) => n >= Math.round(1.2 * SR) && Math.abs(v) > peak * 1e-3);
      return (i / SR - 1.3) * 1000;
    };
    const moved = await renderToggle(p, after, RAMP_SEC, { atSec: AT_SEC + 128 / SR, project: then });
    const kept = await renderToggle(p, p, RAMP_SEC);
    console.log(`echo after the click: ${onset(kept).toFixed(1)} ms with 20 ms pre-delay, ${onset(moved).toFixed(1)} ms after the jump to 120 ms`);
    expect(onset(kept)).toBeGreaterThan(15);
    expect(onset(kept)).toBeLessThan(30);
    expect(onset(moved)).toBeGreaterThan(115);
    expect(onset(moved)).toBeLessThan(130);
  });
});

describe("the master glue's make-up model (what its click-free settings changes rely on)", () => {
  it.each([
    [-24, 4],
    [-18, 2],
    [-40, 10],
    [-10, 1.5],
  ])("threshold %s dB, ratio %s, knee 6 dB: the node's own make-up matches nativeMakeupDbWithKnee within 0.05 dB", async (thresholdDb, ratio) => {
    // A quiet tone, far below the threshold: the node's gain is its make-up alone (once its start-up release is over).
    const native = new OfflineAudioContext({ numberOfChannels: 1, length: SR, sampleRate: SR });
    const source = new AudioBufferSourceNode(native, { buffer: sineBuffer(1000, 1, 0.001) });
    const comp = new DynamicsCompressorNode(native, { threshold: thresholdDb, ratio, knee: 6, attack: 0.003, release: 0.1 });
    source.connect(comp).connect(native.destination);
    source.start();
    const out = await native.startRendering();
    const [from, to] = [Math.round(0.7 * SR), Math.round(0.9 * SR)];
    const measured = rmsDb(out.getChannelData(0), from, to) - rmsDb(sineBuffer(1000, 1, 0.001).getChannelData(0), from, to);
    const modelled = nativeMakeupDbWithKnee(thresholdDb, ratio, 6);
    console.log(`measured ${measured.toFixed(3)} dB, with knee ${modelled.toFixed(3)} dB, knee ignored ${nativeMakeupDb(thresholdDb, ratio).toFixed(3)} dB`);
    expect(Math.abs(measured - modelled)).toBeLessThan(0.05);
  });
});
