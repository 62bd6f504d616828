import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyTechnique, isApplied, techniqueById } from '../../src/presets';
import { autoMixTechnique } from '../../src/presets/autoMix';
import { AS_MIXED, comparisonVariants, withoutTechniques } from '../../src/presets/comparison';
import { projectFromManifest } from '../../src/state/manifest';
import { emptyProject, type Project } from '../../src/state/project';

const demo = (): Project => projectFromManifest(JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')), '/samples/');
const apply = (p: Project, id: string) => applyTechnique(p, techniqueById(id)!).project;

describe('comparison bounce variants', () => {
  it('"As mixed" takes every toolbar technique back out (latest first) and keeps the automatic mix', () => {
    const base = demo();
    const autoMixed = applyTechnique(base, autoMixTechnique(base.tracks.map((t, i) => ({ trackId: t.id, lufs: -30 + 2 * i, bandsDb: [-20, -10, -10, -20, -30] })))).project;
    expect(isApplied(autoMixed, 'auto-mix')).toBe(true);
    const busy = apply(apply(apply(autoMixed, 'wall-of-sound'), 'slapback'), 'tape');
    expect(withoutTechniques(busy)).toEqual(autoMixed);
    expect(withoutTechniques(base)).toBe(base);
  });

  it('each other variant is "As mixed" plus only its technique, in the order asked; unknown ids are left out', () => {
    const p = apply(demo(), 'slapback');
    const vs = comparisonVariants(p, ['tape', AS_MIXED, 'no-such-thing', 'slapback']);
    expect(vs.map((v) => v.label)).toEqual(['Tape saturation', 'As mixed', 'Slapback echo']);
    expect(vs[1]!.project).toEqual(demo());
    expect(isApplied(vs[0]!.project, 'tape')).toBe(true);
    expect(isApplied(vs[0]!.project, 'slapback')).toBe(false);
    expect(vs[2]!.project).toEqual(p);
  });

  it('passes on what a technique had to skip', () => {
    const [v] = comparisonVariants(emptyProject(), ['wall-of-sound']);
    expect(v!.note).toMatch(/Wall of Sound/);
  });
});
