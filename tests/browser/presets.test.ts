import { describe, expect, it } from 'vitest';
import { difference, rmsDb } from '../../src/dsp/levels';
import { crestFactorDb, powerSpectrum, spectralFlatness } from '../../src/dsp/spectrum';
import { renderProject } from '../../src/engine/render';
import { MixGraph } from '../../src/engine/MixGraph';
import * as Tone from 'tone';
import { applyTechnique, removeTechnique, techniqueById } from '../../src/presets';
import { trimClipEnd } from '../../src/state/edits';
import { analyzeStems } from '../../src/engine/stemAnalysis';
import { autoMix } from '../../src/presets/autoMix';
import type { Project } from '../../src/state/project';
import { SR, loadDemoSong, noiseBuffer, project, sineBuffer, track } from './helpers';

const loadDemo = loadDemoSong;

const apply = (p: Project, id: string): Project => applyTechnique(p, techniqueById(id)!).project;

/** Every clip cut at endSec, so "after the last note" is a known time. */
function cutAt(p: Project, endSec: number): Project {
  let next = p;
  for (const t of p.tracks) for (const c of t.clips) if (c.startSec + c.durationSec > endSec) next = trimClipEnd(next, c.id, endSec);
  return { ...next, durationSec: endSec + 3 };
}

const mid = (b: AudioBuffer) => b.getChannelData(0).map((l, i) => 0.5 * (l + b.getChannelData(1)[i]!));
const side = (b: AudioBuffer) => b.getChannelData(0).map((l, i) => 0.5 * (l - b.getChannelData(1)[i]!));

/** Seconds after `fromSec` until 50 ms windows of the mix stay below `floorDb`. */
function tailSec(b: AudioBuffer, fromSec: number, floorDb = -60): number {
  const m = mid(b);
  const win = Math.round(0.05 * SR);
  let last = fromSec;
  for (let a = Math.round(fromSec * SR); a + win <= m.length; a += win) if (rmsDb(m, a, a + win) > floorDb) last = (a + win) / SR;
  return last - fromSec;
}

describe('Wall of Sound: its measured signature on the demo song', () => {
  it('mono (side/mid ≤ −30 dB), a tail ≥ 1.5 s above −60 dBFS, crest factor ≥ 2 dB lower, flatter spectrum', async () => {
    const demo = await loadDemo();
    // The chorus from bar 9, cut after 9 s so the tail can be measured.
    const start = 8 * 2.5;
    const base = cutAt(demo.project, start + 9);
    const wall = apply(base, 'wall-of-sound');
    const opts = { sampleRate: SR, startSec: start, endSec: start + 12 };
    const dry = await renderProject(base, demo.buffers, opts);
    const wet = await renderProject(wall, demo.buffers, opts);
    const body = [Math.round(0.5 * SR), Math.round(8.5 * SR)] as const;

    const sideToMid = rmsDb(side(wet), ...body) - rmsDb(mid(wet), ...body);
    expect(sideToMid).toBeLessThanOrEqual(-30);
    expect(rmsDb(side(dry), ...body) - rmsDb(mid(dry), ...body)).toBeGreaterThan(-30); // the song itself is stereo

    const tailWet = tailSec(wet, 9);
    const tailDry = tailSec(dry, 9);
    expect(tailWet).toBeGreaterThanOrEqual(1.5);
    expect(tailDry).toBeLessThan(1.5);

    const crestDry = crestFactorDb(mid(dry), ...body);
    const crestWet = crestFactorDb(mid(wet), ...body);
    expect(crestDry - crestWet).toBeGreaterThanOrEqual(2);

    const pd = powerSpectrum(mid(dry), 4096, ...body);
    const pw = powerSpectrum(mid(wet), 4096, ...body);
    const flatDry = spectralFlatness(pd, 5, 1800);
    const flatWet = spectralFlatness(pw, 5, 1800);
    expect(flatWet).toBeGreaterThan(flatDry);
    console.info(`Wall of Sound: side/mid ${sideToMid.toFixed(1)} dB, tail ${tailDry.toFixed(2)} → ${tailWet.toFixed(2)} s, crest ${crestDry.toFixed(1)} → ${crestWet.toFixed(1)} dB, flatness ${flatDry.toFixed(4)} → ${flatWet.toFixed(4)}`);
  });
});

describe('technique signatures on test signals', () => {
  it('parallel compression: with the compressor out of the way (ratio 1) the blend nulls against 2× dry below −60 dB', async () => {
    const buffers = new Map([['kick', noiseBuffer(21, 2, 0.3)]]);
    const base = project([{ ...track('kick'), role: 'kick' }], 2);
    const parallel = apply(base, 'parallel-compression');
    const neutral: Project = {
      ...parallel,
      buses: parallel.buses.map((b) => (b.id === 'crush' ? { ...b, gainDb: 0, inserts: { ...b.inserts, comp: { ...b.inserts.comp, ratio: 1, makeupDb: 0 } } } : b)),
    };
    const dry = await renderProject(base, buffers, { sampleRate: SR });
    const blend = await renderProject(neutral, buffers, { sampleRate: SR });
    const twice = dry.getChannelData(0).map((v) => 2 * v);
    const from = Math.round(0.2 * SR);
    const to = Math.round(1.8 * SR);
    expect(rmsDb(difference(blend.getChannelData(0), twice), from, to) - rmsDb(twice, from, to)).toBeLessThan(-60);
  });

  it('slapback: one repeat 135 ± 1 ms late, found by autocorrelation', async () => {
    // A click track: the slap is the only other thing in the output.
    const b = new AudioBuffer({ length: SR * 2, numberOfChannels: 1, sampleRate: SR });
    const d = b.getChannelData(0);
    const burst = noiseBuffer(4, 0.01, 0.5).getChannelData(0);
    d.set(burst, Math.round(0.2 * SR));
    const buffers = new Map([['lead', b]]);
    const p = apply(project([{ ...track('lead'), role: 'lead' }], 2), 'slapback');
    const out = (await renderProject(p, buffers, { sampleRate: SR })).getChannelData(0);
    const lagMs = bestLag(out, Math.round(0.1 * SR), Math.round(0.2 * SR)) / (SR / 1000);
    expect(Math.abs(lagMs - 135)).toBeLessThanOrEqual(1);
  });

  it('ADT: the double arrives 8–12 ms after the original (cross-correlation)', async () => {
    const buffers = new Map([['lead', noiseBuffer(8, 2, 0.3)]]);
    const p = apply(project([{ ...track('lead'), role: 'lead' }], 2), 'adt');
    // The double alone (the original muted), against the source: the original itself plays on time.
    const doubleOnly = { ...p, tracks: p.tracks.map((t) => (t.id === 'lead' ? { ...t, mute: true } : t)) };
    const out = await renderProject(doubleOnly, buffers, { sampleRate: SR });
    const lag = crossLag(buffers.get('lead')!.getChannelData(0), out.getChannelData(1), Math.round(0.3 * SR), Math.round(1.5 * SR), Math.round(0.03 * SR));
    const ms = lag / (SR / 1000);
    expect(ms).toBeGreaterThanOrEqual(8);
    expect(ms).toBeLessThanOrEqual(12);
  });
});

describe('sidechain ducking', () => {
  it('each kick pulls the bass down by the set depth (9 dB, measured), and it recovers', async () => {
    // A kick every 0.5 s (a 60 ms burst) and a steady bass tone.
    const kick = new AudioBuffer({ length: SR * 2, numberOfChannels: 1, sampleRate: SR });
    const k = kick.getChannelData(0);
    for (const t of [0.25, 0.75, 1.25, 1.75]) for (let i = 0; i < 0.06 * SR; i++) k[Math.round(t * SR) + i] = 0.6 * Math.sin((2 * Math.PI * 55 * i) / SR);
    const buffers = new Map([['kick', kick], ['bass', sineBuffer(110, 2, 0.3)]]);
    const base = project([{ ...track('kick'), role: 'kick' }, { ...track('bass'), role: 'bass' }], 2);
    const ducked = apply(base, 'sidechain');
    const kickOnly = (p: Project) => ({ ...p, tracks: p.tracks.map((t) => (t.id === 'bass' ? { ...t, mute: true } : t)) });
    // The bass alone, as ducked: the mix minus the kick (the kick itself is the same in both renders).
    const mix = await renderProject(ducked, buffers, { sampleRate: SR });
    const kickAlone = await renderProject(kickOnly(ducked), buffers, { sampleRate: SR });
    const bass = difference(mix.getChannelData(0), kickAlone.getChannelData(0));
    const win = Math.round(0.01 * SR);
    const level = (t: number) => rmsDb(bass, Math.round(t * SR), Math.round(t * SR) + win);
    const steady = level(0.15);
    const dip = Math.min(level(0.27), level(0.29), level(0.3));
    expect(steady - dip).toBeGreaterThan(8);
    expect(steady - dip).toBeLessThan(10);
    // Recovered before the next kick: the kick ends at 0.31 s, and 2.3 release time constants (180 ms) later
    // 9·e^−2.3 ≈ 0.9 dB of the dip is left.
    expect(steady - level(0.73)).toBeLessThan(1);
    expect(steady - level(0.73)).toBeGreaterThan(0.3);
  });
});

describe('automatic mix on the demo stems', () => {
  it('measures every stem and moves the mix by stated rules', async () => {
    const demo = await loadDemo();
    const stems = analyzeStems(demo.project, demo.buffers);
    expect(stems).toHaveLength(demo.project.tracks.length);
    for (const s of stems) {
      expect(Number.isFinite(s.lufs)).toBe(true);
      expect(s.lufs).toBeLessThan(0);
      expect(s.bandsDb).toHaveLength(5);
    }
    // The kick is bass-heavy and the hats are bright: the measurement sees what a listener hears.
    const band = (id: string, b: number) => stems.find((s) => s.trackId === id)!.bandsDb[b]!;
    expect(band('kick', 0) - band('kick', 4)).toBeGreaterThan(10);
    expect(band('hats', 4) - band('hats', 0)).toBeGreaterThan(10);
    const { project, steps } = autoMix(demo.project, stems);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step.why.length).toBeGreaterThan(20);
    expect(project).not.toEqual(demo.project);
  });
});

describe('apply then remove', () => {
  it('restores identical state and the same native node count', async () => {
    const demo = await loadDemo();
    const native = new OfflineAudioContext({ numberOfChannels: 2, length: SR, sampleRate: SR });
    const context = new Tone.OfflineContext(native);
    const graph = await MixGraph.create({ context, buffers: demo.buffers });
    graph.apply(demo.project, 0);
    const baseline = graph.nodeCount;
    const applied = apply(demo.project, 'wall-of-sound');
    graph.apply(applied, 0);
    expect(graph.nodeCount).toBeGreaterThan(baseline);
    const removed = removeTechnique(applied, 'wall-of-sound');
    expect(removed).toEqual(demo.project);
    graph.apply(removed, 0);
    expect(graph.nodeCount).toBe(baseline);
    graph.dispose();
    context.dispose();
  });
});

/** The lag (in frames, minLag..maxLag) where a signal best matches itself. */
function bestLag(x: Float32Array, minLag: number, maxLag: number): number {
  let best = minLag;
  let bestV = -Infinity;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let s = 0;
    for (let i = 0; i + lag < x.length; i++) s += x[i]! * x[i + lag]!;
    if (s > bestV) {
      bestV = s;
      best = lag;
    }
  }
  return best;
}

/** The lag of b behind a (0..maxLag frames) with the largest correlation, over a..b. */
function crossLag(a: Float32Array, b: Float32Array, from: number, to: number, maxLag: number): number {
  let best = 0;
  let bestV = -Infinity;
  for (let lag = 0; lag <= maxLag; lag++) {
    let s = 0;
    for (let i = from; i < to; i++) s += a[i]! * b[i + lag]!;
    if (s > bestV) {
      bestV = s;
      best = lag;
    }
  }
  return best;
}

