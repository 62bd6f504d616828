import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TECHNIQUES, applyTechnique, isApplied, removeTechnique, techniqueById } from '../../src/presets';
import { ARTICLES } from '../../src/lessons/encyclopedia';
import { diff, revert } from '../../src/presets/patch';
import { setStripGain } from '../../src/state/edits';
import { projectFromManifest } from '../../src/state/manifest';
import { parseProject } from '../../src/state/schema';
import { emptyProject, type Project } from '../../src/state/project';

const demo = (): Project => projectFromManifest(JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')), '/samples/');

describe('technique presets', () => {
  it('there are at least nine techniques, each with a unique id and an existing encyclopedia article', () => {
    expect(TECHNIQUES.length).toBeGreaterThanOrEqual(9);
    expect(new Set(TECHNIQUES.map((t) => t.id)).size).toBe(TECHNIQUES.length);
    for (const t of TECHNIQUES) expect(ARTICLES.some((a) => a.id === t.articleId), `${t.id} → ${t.articleId}`).toBe(true);
  });

  it.each(TECHNIQUES.map((t) => [t.id]))('%s: applying changes the demo; removing restores it exactly (deep-equal)', (id) => {
    const t = techniqueById(id)!;
    const before = demo();
    const applied = applyTechnique(before, t);
    expect(applied.refused).toBeUndefined();
    expect(applied.project).not.toEqual(before);
    expect(isApplied(applied.project, id)).toBe(true);
    // The applied project is a valid project (what a save would write can be opened again).
    expect(() => parseProject(JSON.parse(JSON.stringify(applied.project)), 'applied')).not.toThrow();
    expect(removeTechnique(applied.project, id)).toEqual(before);
  });

  it('applying one twice does not stack it', () => {
    const once = applyTechnique(demo(), techniqueById('wall-of-sound')!);
    const twice = applyTechnique(once.project, techniqueById('wall-of-sound')!);
    expect(twice.project).toBe(once.project);
    expect(twice.refused).toMatch(/already applied/);
  });

  it('techniques stack, and each comes out on its own, in any order', () => {
    const base = demo();
    const a = applyTechnique(base, techniqueById('eq-carving')!).project;
    const ab = applyTechnique(a, techniqueById('slapback')!).project;
    const abc = applyTechnique(ab, techniqueById('wall-of-sound')!).project;
    expect(abc.presets.map((p) => p.id)).toEqual(['eq-carving', 'slapback', 'wall-of-sound']);
    // Out of order: the middle one first.
    const noSlap = removeTechnique(abc, 'slapback');
    expect(noSlap.buses.some((b) => b.id === 'slap')).toBe(false);
    expect(noSlap.buses.some((b) => b.id === 'chamber')).toBe(true);
    expect(removeTechnique(removeTechnique(noSlap, 'wall-of-sound'), 'eq-carving')).toEqual(base);
  });

  it('Wall of Sound doubles piano, guitars and bass three times, adds a chamber, and masters in mono at 4:1', () => {
    const p = applyTechnique(demo(), techniqueById('wall-of-sound')!).project;
    const copies = p.tracks.filter((t) => t.id.includes('-wos'));
    expect(copies).toHaveLength(4 * 3); // piano, guitar1, guitar2, bass
    for (const c of copies) {
      expect(Math.abs(c.detuneCents)).toBeGreaterThanOrEqual(3);
      expect(Math.abs(c.detuneCents)).toBeLessThanOrEqual(9);
    }
    const chamber = p.buses.find((b) => b.id === 'chamber')!;
    expect(chamber.effect).toMatchObject({ type: 'reverb', lowCutHz: 600, highCutHz: 5000 });
    expect(p.master.mastering.widthPct).toBe(0);
    expect(p.master.mastering.glue).toMatchObject({ enabled: true, ratio: 4 });
  });

  it('a technique that needs a role the project lacks applies to what exists and says what it skipped', () => {
    const noPiano = { ...demo(), tracks: demo().tracks.filter((t) => t.role !== 'tambourine') };
    const r = applyTechnique(noPiano, techniqueById('wall-of-sound')!);
    expect(r.skipped.join(' ')).toMatch(/tambourine/i);
    expect(r.project.tracks.some((t) => t.id.includes('-wos'))).toBe(true);
    const empty = applyTechnique(emptyProject(), techniqueById('adt')!);
    expect(empty.refused).toMatch(/nothing/);
    expect(empty.skipped.join(' ')).toMatch(/No lead/);
  });

  it('removing keeps what the user changed since applying', () => {
    const applied = applyTechnique(demo(), techniqueById('lcr')!).project;
    const edited = setStripGain(applied, 'piano', -20);
    const removed = removeTechnique(edited, 'lcr');
    expect(removed.tracks.find((t) => t.id === 'piano')!.gainDb).toBe(-20);
    expect(removed.tracks.find((t) => t.id === 'piano')!.pan).toBe(demo().tracks.find((t) => t.id === 'piano')!.pan);
  });
});

describe('patch: diff and revert', () => {
  it('round-trips keyed lists, nested objects and plain values', () => {
    const a = { x: 1, list: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }], arr: [1, 2], o: { k: 'v' } };
    const b = { x: 2, list: [{ id: 'b', v: 3 }, { id: 'c', v: 4 }], arr: [1, 2, 3], o: { k: 'w', n: 1 } };
    const ops = diff(a, b);
    expect(revert(b, ops)).toEqual(a);
    expect(diff(a, a)).toEqual([]);
  });

  it('leaves a value the user changed since', () => {
    const ops = diff({ g: 0 }, { g: 3 });
    expect(revert({ g: 5 }, ops)).toEqual({ g: 5 });
  });
});
