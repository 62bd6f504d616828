import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyTechnique, removeTechnique } from '../../src/presets';
import { autoMix, autoMixTechnique, type StemAnalysis } from '../../src/presets/autoMix';
import { projectFromManifest } from '../../src/state/manifest';

const demo = () => projectFromManifest(JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')), '/samples/');

/** Every track at −20 LUFS with a flat spectrum, except where a test says otherwise. */
function flat(overrides: Record<string, Partial<StemAnalysis>> = {}): StemAnalysis[] {
  return demo().tracks.map((t) => ({ trackId: t.id, lufs: -20, bandsDb: [0, 0, 0, 0, 0], ...overrides[t.id] }));
}

describe('automatic mix: rules a person can follow', () => {
  it('sets each fader so the part sits at its role distance from the lead, and says why', () => {
    const { project, steps } = autoMix(demo(), flat());
    const lead = project.tracks.find((t) => t.id === 'lead')!;
    const bass = project.tracks.find((t) => t.id === 'bass')!;
    const hats = project.tracks.find((t) => t.id === 'hats')!;
    // All measured alike: the bass ends 4 dB under the lead's level, the hats 13.
    expect(lead.gainDb - bass.gainDb).toBeCloseTo(4, 1);
    expect(lead.gainDb - hats.gainDb).toBeCloseTo(13, 1);
    const bassStep = steps.find((s) => s.track === 'Bass' && s.what.startsWith('Fader'))!;
    expect(bassStep.why).toMatch(/−20\.0 LUFS|-20\.0 LUFS/);
    expect(bassStep.why).toMatch(/4 LU under/);
  });

  it('in a crowded band the lower-priority part gets the cut, the higher keeps it', () => {
    // Only piano and guitar1 are strong in the low-mid band.
    const weakLowMid = [0, -20, 0, 0, 0];
    const over: Record<string, Partial<StemAnalysis>> = {};
    for (const t of demo().tracks) over[t.id] = { bandsDb: t.id === 'piano' || t.id === 'guitar1' ? [0, 0, -10, -20, -20] : weakLowMid };
    const { project, steps } = autoMix(demo(), flat(over));
    expect(project.tracks.find((t) => t.id === 'guitar1')!.inserts.eq.bell1).toEqual({ freqHz: 250, gainDb: -3, q: 1 });
    expect(project.tracks.find((t) => t.id === 'piano')!.inserts.eq.bell1.gainDb).toBe(0);
    expect(steps.some((s) => s.track === 'Guitar 1' && /Piano ranks higher/.test(s.why))).toBe(true);
  });

  it('high-passes a part with no real low end, never the kick or bass', () => {
    const over: Record<string, Partial<StemAnalysis>> = { hats: { bandsDb: [-40, -20, -10, 0, 0] }, kick: { bandsDb: [-40, -10, 0, 0, 0] } };
    const { project } = autoMix(demo(), flat(over));
    expect(project.tracks.find((t) => t.id === 'hats')!.inserts.hpf).toEqual({ bypass: false, freqHz: 100 });
    expect(project.tracks.find((t) => t.id === 'kick')!.inserts.hpf.bypass).toBe(true);
  });

  it('is one removable technique: removing it restores the mix exactly', () => {
    const t = autoMixTechnique(flat());
    const applied = applyTechnique(demo(), t);
    expect(t.steps.length).toBeGreaterThan(3);
    expect(removeTechnique(applied.project, 'auto-mix')).toEqual(demo());
  });
});
