import { describe, expect, it } from 'vitest';
import { measureLoudness, type LoudnessMeasurement } from '../../src/dsp/loudness';
import { rms } from '../../src/dsp/levels';
import { mulberry32 } from '../../src/dsp/random';
import { Analyzer } from '../../src/engine/analysis/Analyzer';
import { autoMaster } from '../../src/engine/mastering';
import { renderProject } from '../../src/engine/render';
import { DEFAULT_MASTERING, type LoudnessTargetId, type MasteringSettings } from '../../src/state/mastering';
import { projectFromManifest } from '../../src/state/manifest';
import type { Project } from '../../src/state/project';
import { SR, channels, noiseBuffer, project, sineBuffer, track } from './helpers';

const measure = (b: AudioBuffer): LoudnessMeasurement => measureLoudness(channels(b), b.sampleRate);
const withMastering = (p: Project, m: Partial<MasteringSettings>): Project => ({ ...p, master: { ...p.master, mastering: { ...DEFAULT_MASTERING, ...m } } });

/** A stand-in for "imported material": one stereo-ish track of seeded noise with a drum-like envelope. */
function pulsedNoise(seed: number, seconds: number, amplitude: number): AudioBuffer {
  const b = new AudioBuffer({ length: seconds * SR, numberOfChannels: 1, sampleRate: SR });
  const d = b.getChannelData(0);
  const rnd = mulberry32(seed);
  for (let i = 0; i < d.length; i++) {
    const beat = (i / SR) % 0.5;
    d[i] = amplitude * (rnd() * 2 - 1) * (0.3 + Math.exp(-beat * 12));
  }
  return b;
}

async function loadDemo(): Promise<{ project: Project; buffers: Map<string, AudioBuffer> }> {
  const manifest: unknown = await (await fetch('/samples/manifest.json')).json();
  const p = projectFromManifest(manifest, '/samples/');
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: 128, sampleRate: SR });
  const buffers = new Map<string, AudioBuffer>();
  for (const a of p.assets) buffers.set(a.id, await ctx.decodeAudioData(await (await fetch(a.url)).arrayBuffer()));
  return { project: p, buffers };
}

describe('mastering chain (offline renders, real Web Audio)', () => {
  it('the limiter keeps the master at or under its ceiling, even driven 18 dB into it', async () => {
    const buffers = new Map([['n', noiseBuffer(5, 3, 0.5)], ['s', sineBuffer(997, 3, 0.7)]]);
    const p = withMastering(project([track('n', { gainDb: 6 }, 3), track('s', { gainDb: 6 }, 3)], 3), { gainDb: 18, limiter: { enabled: true, ceilingDb: -1, releaseMs: 100 } });
    const out = await renderProject(p, buffers, { sampleRate: SR });
    const m = measure(out);
    expect(m.truePeakDb).toBeLessThanOrEqual(-1 + 0.1);
    expect(m.integrated).toBeGreaterThan(-12); // it is loud: the limiter did not just mute it
  });

  it('width 0% folds the master to mono; 100% leaves it as it was', async () => {
    const buffers = new Map([['a', noiseBuffer(1, 1)], ['b', noiseBuffer(2, 1)]]);
    const base = project([track('a', { pan: -1 }, 1), track('b', { pan: 1 }, 1)], 1);
    const mono = await renderProject(withMastering(base, { widthPct: 0, limiter: { ...DEFAULT_MASTERING.limiter, enabled: false } }), buffers, { sampleRate: SR });
    const [l, r] = channels(mono);
    const side = l!.map((v, i) => v - r![i]!);
    expect(rms(side)).toBeLessThan(1e-6);
    expect(rms(l!)).toBeGreaterThan(0.05);
    const wide = await renderProject(withMastering(base, { widthPct: 100, limiter: { ...DEFAULT_MASTERING.limiter, enabled: false } }), buffers, { sampleRate: SR });
    const [wl, wr] = channels(wide);
    expect(rms(wl!.map((v, i) => v - wr![i]!))).toBeGreaterThan(0.1);
  });

  it('a bypassed chain (EQ flat, glue off, width 100%, limiter off) is transparent: null test against the strips alone', async () => {
    const buffers = new Map([['a', noiseBuffer(9, 1)]]);
    const p = project([track('a', { pan: 0.3 }, 1)], 1);
    const flat = await renderProject(withMastering(p, { enabled: false, limiter: { ...DEFAULT_MASTERING.limiter, enabled: false } }), buffers, { sampleRate: SR });
    const boosted = await renderProject(withMastering(p, { eq: { ...DEFAULT_MASTERING.eq, bellDb: 6 }, limiter: { ...DEFAULT_MASTERING.limiter, enabled: false } }), buffers, { sampleRate: SR });
    const src = buffers.get('a')!.getChannelData(0);
    const left = flat.getChannelData(0);
    const gainL = Math.cos(((0.3 + 1) / 2) * (Math.PI / 2));
    let worst = 0;
    // Skip the clip's 4 ms edge fades.
    for (let i = Math.round(0.01 * SR); i < left.length - Math.round(0.01 * SR); i++) worst = Math.max(worst, Math.abs(left[i]! - src[i]! * gainL));
    expect(worst).toBeLessThan(1e-4);
    expect(rms(boosted.getChannelData(0))).toBeGreaterThan(rms(left) * 1.1);
  });
});

describe('auto-master', () => {
  const analyzer = new Analyzer();

  it.each<[string, number, number, LoudnessTargetId]>([
    ['quiet material to streaming −14', 0.05, -14, 'streaming'],
    ['loud material to EBU R 128 −23', 0.9, -23, 'ebu-r128'],
    ['moderate material to Apple −16', 0.3, -16, 'apple'],
  ])('lands %s within ±0.5 LU with true peak at or under the ceiling', async (_name, amplitude, lufs, targetId) => {
    const buffers = new Map([['imp', pulsedNoise(42, 12, amplitude)]]);
    const p = withMastering(project([track('imp', { gainDb: 0 }, 12)], 12), { targetId });
    const { mastering, report } = await autoMaster(p, buffers, analyzer);
    expect(report.target.lufs).toBe(lufs);
    expect(Math.abs(report.after.integratedLufs - lufs)).toBeLessThanOrEqual(0.5);
    expect(report.after.truePeakDb).toBeLessThanOrEqual(report.target.ceilingDb + 0.05);
    // The report is a real re-measurement: render the new settings ourselves and compare.
    const check = measure(await renderProject({ ...p, master: { ...p.master, mastering } }, buffers, { sampleRate: 48000 }));
    expect(Math.abs(check.integrated - report.after.integratedLufs)).toBeLessThan(0.05);
  }, 120_000);

  it('masters the demo song to −14 LUFS / −1 dBTP', async () => {
    const { project: demo, buffers } = await loadDemo();
    const { report } = await autoMaster(demo, buffers, analyzer);
    expect(Math.abs(report.after.integratedLufs - -14)).toBeLessThanOrEqual(0.5);
    expect(report.after.truePeakDb).toBeLessThanOrEqual(-1 + 0.05);
    expect(report.before.integratedLufs).toBeLessThan(-15);
    console.log(`demo: ${report.before.integratedLufs.toFixed(2)} → ${report.after.integratedLufs.toFixed(2)} LUFS, TP ${report.after.truePeakDb.toFixed(2)} dBTP, gain ${report.gainDb} dB`);
  }, 180_000);
});
