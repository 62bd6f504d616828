import { describe, expect, it } from 'vitest';
import { FADER_MIN_DB } from '../../src/dsp/decibels';
import { difference, rms, rmsDb, samplePeak } from '../../src/dsp/levels';
import { renderProject } from '../../src/engine/render';
import { automationValueAt, setInsert, setInsertBypass, setSend, setStripGain, setBusEffect } from '../../src/state/edits';
import { DEFAULT_INSERTS, makeClip, type Project, type Track } from '../../src/state/project';
import { SR, channels, middle, noiseBuffer, project, sineBuffer, track } from './helpers';

const DUR = 2;
const buffers = new Map<string, AudioBuffer>([
  ['sine50', sineBuffer(50, DUR, 0.5)],
  ['sine1k', sineBuffer(1000, DUR, 0.5)],
  ['noise', noiseBuffer(11, DUR, 0.3)],
  ['click', clickBuffer()],
]);

/** A single full-scale sample at 0.1 s, then silence: shows where a path's delay puts it. */
function clickBuffer(): AudioBuffer {
  const b = new AudioBuffer({ length: SR * DUR, numberOfChannels: 1, sampleRate: SR });
  b.getChannelData(0)[Math.round(0.1 * SR)] = 0.8;
  return b;
}

const render = (p: Project, sampleRate = SR) => renderProject(p, buffers, { sampleRate });
const sumRms = (b: AudioBuffer, from: number, to: number) => Math.hypot(...channels(b).map((c) => rms(c, from, to))) / Math.SQRT2;

/** A one-track project, everything else off. */
const one = (t: Track): Project => project([t], DUR);

describe('channel strip inserts (offline render, real Web Audio)', () => {
  it('a 200 Hz high-pass takes a 50 Hz tone down by at least 20 dB, and bypassed it passes the tone untouched', async () => {
    const base = one(track('sine50'));
    const on = setInsert(base, 'sine50', 'hpf', { bypass: false, freqHz: 200 });
    const [from, to] = middle(SR, DUR);
    const dry = await render(base);
    const filtered = await render(on);
    const drop = rmsDb(dry.getChannelData(0), from, to) - rmsDb(filtered.getChannelData(0), from, to);
    expect(drop).toBeGreaterThanOrEqual(20);
    // Bypass: the filter glides to 0 Hz, an exact pass-through.
    const bypassed = await render(setInsertBypass(on, 'sine50', 'hpf', true));
    expect(samplePeak(difference(bypassed.getChannelData(0), dry.getChannelData(0)))).toBeLessThan(1e-4);
  });

  it('a compressor at 4:1 measures 4:1 above its threshold in steady state (within 10%)', async () => {
    // Two input levels above the threshold: the output moves 1 dB for every 4 dB of input.
    const level = async (trimDb: number) => {
      let p = one({ ...track('sine1k'), trimDb });
      p = setInsert(p, 'sine1k', 'comp', { bypass: false, thresholdDb: -30, ratio: 4, attackMs: 5, releaseMs: 100, makeupDb: 0 });
      const out = await render(p);
      return rmsDb(out.getChannelData(0), Math.round(SR * 1), Math.round(SR * 1.75));
    };
    const low = await level(-6);
    const high = await level(6);
    const measuredRatio = 12 / (high - low);
    expect(measuredRatio).toBeGreaterThan(3.6);
    expect(measuredRatio).toBeLessThan(4.4);
  });

  it('below the threshold the compressor is unity: its own make-up gain is taken out', async () => {
    const quiet = { ...track('sine1k'), trimDb: -30 };
    const off = await render(one(quiet));
    const on = await render(setInsert(one(quiet), 'sine1k', 'comp', { bypass: false, thresholdDb: -6, ratio: 4, makeupDb: 0 }));
    const [from, to] = middle(SR, DUR);
    expect(Math.abs(rmsDb(on.getChannelData(0), from, to) - rmsDb(off.getChannelData(0), from, to))).toBeLessThan(0.2);
  });

  it('EQ: a +12 dB bell at 1 kHz lifts a 1 kHz tone by 12 dB; bypassed, the same EQ nulls against flat', async () => {
    const flat = one(track('sine1k'));
    const bell = setInsert(flat, 'sine1k', 'eq', { bell2: { freqHz: 1000, gainDb: 12, q: 1 } });
    const [from, to] = middle(SR, DUR);
    const a = await render(flat);
    const b = await render(bell);
    expect(rmsDb(b.getChannelData(0), from, to) - rmsDb(a.getChannelData(0), from, to)).toBeCloseTo(12, 0);
    const bypassed = await render(setInsertBypass(bell, 'sine1k', 'eq', true));
    expect(samplePeak(difference(bypassed.getChannelData(0), a.getChannelData(0)))).toBeLessThan(1e-4);
  });

  it('saturation adds harmonics to a loud tone and leaves a quiet one nearly untouched', async () => {
    const sat = (trimDb: number) => setInsert(one({ ...track('sine1k'), trimDb }), 'sine1k', 'sat', { bypass: false, driveDb: 18 });
    const [from, to] = middle(SR, DUR);
    const loud = await render(sat(0));
    const loudDry = await render(one(track('sine1k')));
    // The difference from the clean tone is distortion: large when driven hard.
    expect(rmsDb(difference(loud.getChannelData(0), loudDry.getChannelData(0)), from, to) - rmsDb(loudDry.getChannelData(0), from, to)).toBeGreaterThan(-15);
    const quiet = await render(sat(-40));
    const quietDry = await render(one({ ...track('sine1k'), trimDb: -40 }));
    expect(rmsDb(difference(quiet.getChannelData(0), quietDry.getChannelData(0)), from, to) - rmsDb(quietDry.getChannelData(0), from, to)).toBeLessThan(-40);
  });
});

describe('sends and buses', () => {
  /** A project whose reverb bus is a plain gain (decay tiny) is awkward; use the delay bus at a known time. */
  const withDelaySend = (pre: boolean, faderDb: number): Project => {
    let p = one(track('click'));
    p = setStripGain(p, 'click', faderDb);
    p = setBusEffect(p, 'delay', { timeMs: 250, feedback: 0, toneHz: 20000 });
    return setSend(p, 'click', 'delay', { levelDb: 0, pre });
  };
  const echoLevel = (b: AudioBuffer): number => {
    // The click lands at 0.1 s; its echo 250 ms later.
    const at = Math.round(0.35 * SR);
    return samplePeak(b.getChannelData(0), at - 200, at + 400);
  };

  it('a send reaches its bus: a click comes back as an echo 250 ms later', async () => {
    const out = await render(withDelaySend(false, 0));
    const dry = await render(one(track('click')));
    expect(echoLevel(out)).toBeGreaterThan(0.2);
    expect(echoLevel(dry)).toBeLessThan(1e-6);
  });

  it('a pre-fader send ignores the fader; a post-fader send follows it', async () => {
    const preUp = echoLevel(await render(withDelaySend(true, 0)));
    const preDown = echoLevel(await render(withDelaySend(true, -20)));
    const postUp = echoLevel(await render(withDelaySend(false, 0)));
    const postDown = echoLevel(await render(withDelaySend(false, -20)));
    expect(20 * Math.log10(preDown / preUp)).toBeCloseTo(0, 1);
    expect(20 * Math.log10(postDown / postUp)).toBeCloseTo(-20, 0);
  });

  it('the direct path and a bus path line up: a send to a plain bus adds in phase (+6 dB), not a comb', async () => {
    let p = one(track('noise'));
    p = { ...p, buses: [...p.buses, { ...p.buses[0]!, id: 'par', name: 'Parallel', effect: { type: 'none' } }] };
    const dry = await render(p);
    const both = await render(setSend(p, 'noise', 'par', { levelDb: 0, pre: false }));
    const [from, to] = middle(SR, DUR);
    // Pre-existing sends to the other buses are off, so the sum is exactly twice the dry signal.
    const twiceDry = dry.getChannelData(0).map((v) => 2 * v);
    expect(rmsDb(difference(both.getChannelData(0), twiceDry), from, to) - rmsDb(twiceDry, from, to)).toBeLessThan(-60);
    expect(sumRms(both, from, to) / sumRms(dry, from, to)).toBeCloseTo(2, 2);
  });

  it('a reverb send leaves a tail after the dry sound ends', async () => {
    const short = new Map(buffers);
    const b = new AudioBuffer({ length: SR * 2, numberOfChannels: 1, sampleRate: SR });
    b.copyToChannel(noiseBuffer(3, 0.3).getChannelData(0), 0);
    short.set('burst', b);
    let p = one({ ...track('burst'), clips: [makeClip({ id: 'b', assetId: 'burst', startSec: 0, durationSec: 0.3 })] });
    p = { ...p, assets: [{ id: 'burst', fileName: 'burst.wav', source: 'url', url: '' }] };
    const dry = await renderProject(p, short, { sampleRate: SR });
    const wet = await renderProject(setSend(p, 'burst', 'reverb', { levelDb: 0 }), short, { sampleRate: SR });
    const tail = [Math.round(0.6 * SR), Math.round(1.0 * SR)] as const;
    expect(rmsDb(dry.getChannelData(0), ...tail)).toBeLessThan(-100);
    expect(rmsDb(wet.getChannelData(0), ...tail)).toBeGreaterThan(-50);
  });

  it('soloing a track keeps the buses (solo-safe): its reverb is still heard', async () => {
    let p = project([track('noise'), track('sine1k')], DUR);
    p = setSend(p, 'noise', 'delay', { levelDb: 0 });
    p = setBusEffect(p, 'delay', { timeMs: 100, feedback: 0 });
    const soloed = { ...p, tracks: p.tracks.map((t) => (t.id === 'noise' ? { ...t, solo: true } : t)) };
    const withDelay = await render(soloed);
    const noSend = await render({ ...soloed, tracks: soloed.tracks.map((t) => (t.id === 'noise' ? { ...t, sends: t.sends.map((s) => ({ ...s, levelDb: FADER_MIN_DB })) } : t)) });
    const [from, to] = middle(SR, DUR);
    expect(rms(difference(withDelay.getChannelData(0), noSend.getChannelData(0)), from, to)).toBeGreaterThan(0.01);
  });
});

describe('automation and clip fades', () => {
  it('a volume ramp from −20 dB to 0 dB renders as the level curve drawn, within 0.5 dB', async () => {
    const lane = [
      { timeSec: 0.25, value: -20 },
      { timeSec: 1.75, value: 0 },
    ];
    const t: Track = { ...track('sine1k'), automation: { volume: lane, pan: [] } };
    const out = await render(one(t));
    const ref = await render(one(track('sine1k')));
    const l = out.getChannelData(0);
    const r = ref.getChannelData(0);
    // 20 ms windows along the ramp: measured gain against the drawn curve (one 1 kHz cycle is 1 ms).
    const win = Math.round(0.02 * SR);
    let worst = 0;
    for (let t0 = 0.3; t0 < 1.7; t0 += 0.05) {
      const a = Math.round(t0 * SR);
      const measured = rmsDb(l, a, a + win) - rmsDb(r, a, a + win);
      const drawn = automationValueAt(lane, t0 + 0.01) as number;
      worst = Math.max(worst, Math.abs(measured - drawn));
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('a pan lane moves the sound from left to right', async () => {
    const t: Track = { ...track('sine1k'), automation: { volume: [], pan: [{ timeSec: 0, value: -1 }, { timeSec: 2, value: 1 }] } };
    const out = await render(one(t));
    const [l, r] = channels(out);
    const early = [Math.round(0.1 * SR), Math.round(0.3 * SR)] as const;
    const late = [Math.round(1.7 * SR), Math.round(1.9 * SR)] as const;
    expect(rmsDb(l!, ...early) - rmsDb(r!, ...early)).toBeGreaterThan(10);
    expect(rmsDb(r!, ...late) - rmsDb(l!, ...late)).toBeGreaterThan(10);
  });

  it('clip fades measure as the lines drawn: gain rises linearly over the fade-in and falls over the fade-out', async () => {
    const fade = { ...track('sine1k'), clips: [makeClip({ id: 'c', assetId: 'sine1k', startSec: 0, durationSec: 2, fadeInSec: 0.5, fadeOutSec: 0.5 })] };
    const out = (await render(one(fade))).getChannelData(0);
    const ref = (await render(one(track('sine1k')))).getChannelData(0);
    const win = Math.round(0.01 * SR);
    const gainAt = (t0: number) => {
      const a = Math.round(t0 * SR);
      return rms(out, a, a + win) / rms(ref, a, a + win);
    };
    for (const t0 of [0.1, 0.2, 0.3, 0.4]) expect(gainAt(t0)).toBeCloseTo((t0 + 0.005) / 0.5, 1);
    expect(gainAt(1.0)).toBeCloseTo(1, 2);
    for (const t0 of [1.6, 1.7, 1.8, 1.9]) expect(gainAt(t0)).toBeCloseTo((2 - t0 - 0.005) / 0.5, 1);
    // The clip ends at its end: silence after 2 s of a longer render is not tested here; the last 1 ms is near zero.
    expect(rms(out, out.length - 40, out.length)).toBeLessThan(0.01);
  });

  it('clip gain scales the clip', async () => {
    const t = { ...track('sine1k'), clips: [makeClip({ id: 'c', assetId: 'sine1k', startSec: 0, durationSec: 2, gainDb: -12 })] };
    const [from, to] = middle(SR, DUR);
    const out = await render(one(t));
    const ref = await render(one(track('sine1k')));
    expect(rmsDb(out.getChannelData(0), from, to) - rmsDb(ref.getChannelData(0), from, to)).toBeCloseTo(-12, 1);
  });
});

describe('defaults', () => {
  it('a default strip is transparent: it nulls against the signal, only delayed by the compressors', async () => {
    expect(DEFAULT_INSERTS.comp.bypass).toBe(true);
    const out = await render(one(track('noise')));
    const src = buffers.get('noise')!.getChannelData(0);
    const l = out.getChannelData(0);
    const [from, to] = middle(SR, DUR);
    const centre = Math.SQRT1_2;
    let err = 0;
    for (let i = from; i < to; i++) err = Math.max(err, Math.abs(l[i]! - centre * src[i]!));
    expect(err).toBeLessThan(1e-4);
  });
});
