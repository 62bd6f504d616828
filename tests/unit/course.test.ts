import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById, lessonNumber, readParam, VERIFIED_WIKIPEDIA_TITLES, writeParam, type Lesson } from '../../src/lessons/course';
import { loopSlice } from '../../src/lessons/course/mix';
import { ARTICLES, articleById } from '../../src/lessons/encyclopedia';
import { techniqueById } from '../../src/presets';
import { projectFromManifest } from '../../src/state/manifest';
import { parseProject } from '../../src/state/schema';
import type { Project } from '../../src/state/project';

const demo = (): Project => projectFromManifest(JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')), '/samples/');
const DEMO = demo();

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A project survives a save and a load (JSON round trip, then the schema) with nothing to repair. */
function expectValid(p: Project, what: string): void {
  let warnings: string[] = [];
  expect(() => ({ warnings } = parseProject(JSON.parse(JSON.stringify(p)), what)), what).not.toThrow();
  expect(warnings, what).toEqual([]);
}

/** Each step's project, built from a fresh demo. */
const stepProjects = (l: Lesson): Project[] => l.steps.map((s) => s.setup(demo()));

const byLesson = LESSONS.map((l) => [l.id, l] as const);

describe('course', () => {
  it('has at least 14 lessons with unique kebab-case ids, found by lessonById', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(KEBAB);
      expect(lessonById(l.id)).toBe(l);
    }
    expect(lessonById('no-such-lesson')).toBeUndefined();
    expect(lessonNumber(LESSONS[0]!.id)).toBe(1);
  });

  it('keeps the order of the syllabus: producer first, mastering last', () => {
    expect(LESSONS[0]!.articleId).toBe('record-producer');
    expect(LESSONS[3]!.id).toBe('wall-of-sound');
    expect(LESSONS[LESSONS.length - 1]!.articleId).toBe('mastering');
  });

  it('every encyclopedia article links to a verified Wikipedia title', () => {
    for (const a of ARTICLES) expect(VERIFIED_WIKIPEDIA_TITLES.has(a.wikipedia.title), `${a.id}: "${a.wikipedia.title}"`).toBe(true);
  });

  it('loopSlice repeats one bar between two times and leaves the rest of the part in place', () => {
    const p = loopSlice(DEMO, 'kick', 27.5, 2.5, 25, 45);
    const kick = p.tracks.find((t) => t.id === 'kick')!;
    const src = DEMO.tracks.find((t) => t.id === 'kick')!.clips[0]!;
    expect(kick.clips).toHaveLength(1 + 8 + 1);
    expect(kick.clips[0]).toMatchObject({ startSec: src.startSec, durationSec: 25 - src.startSec });
    for (const c of kick.clips.slice(1, 9)) expect(c).toMatchObject({ offsetSec: 27.5 - src.startSec, durationSec: 2.5 });
    expect(kick.clips[9]).toMatchObject({ startSec: 45, offsetSec: 45 - src.startSec, durationSec: src.startSec + src.durationSec - 45 });
    expect(new Set(kick.clips.map((c) => c.id)).size).toBe(kick.clips.length);
  });
});

describe.each(byLesson)('lesson %s', (_id, lesson) => {
  it('has a title, a goal, 3–6 steps, 2–4 explore controls and 2–3 quiz questions with valid answers', () => {
    expect(lesson.title.trim()).not.toBe('');
    expect(lesson.goal.trim().length).toBeGreaterThan(20);
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.length).toBeLessThanOrEqual(6);
    expect(lesson.explore.length).toBeGreaterThanOrEqual(2);
    expect(lesson.explore.length).toBeLessThanOrEqual(4);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    expect(lesson.quiz.length).toBeLessThanOrEqual(3);
    for (const q of lesson.quiz) {
      expect(q.choices.length, q.question).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, q.question).toBe(true);
      expect(new Set(q.choices).size, q.question).toBe(q.choices.length);
      expect(q.why.trim(), q.question).not.toBe('');
    }
    for (const s of lesson.steps) {
      expect(s.title.trim()).not.toBe('');
      // 2 to 4 sentences: short enough to read from the back of a classroom.
      const sentences = s.listenFor.split(/[.!?](?:\s|$)/).filter((x) => x.trim() !== '').length;
      expect(sentences, `${s.title}: ${sentences} sentences`).toBeGreaterThanOrEqual(2);
      expect(sentences, `${s.title}: ${sentences} sentences`).toBeLessThanOrEqual(4);
    }
  });

  it('links to an existing encyclopedia article and a verified Wikipedia title', () => {
    expect(articleById(lesson.articleId), lesson.articleId).toBeDefined();
    expect(VERIFIED_WIKIPEDIA_TITLES.has(lesson.wikipediaTitle), lesson.wikipediaTitle).toBe(true);
  });

  it('uses a real technique for its ABX quiz, if it has one', () => {
    if (lesson.abxTechniqueId !== undefined) expect(techniqueById(lesson.abxTechniqueId), lesson.abxTechniqueId).toBeDefined();
  });

  it('every step builds a valid mix that differs from the one before it (the first from the demo), without touching the demo', () => {
    const pristine = demo();
    const input = demo();
    lesson.steps[0]!.setup(input);
    expect(input, 'setup must not mutate its input').toEqual(pristine);
    const projects = stepProjects(lesson);
    projects.forEach((p, i) => {
      const title = lesson.steps[i]!.title;
      expectValid(p, title);
      const before = i === 0 ? DEMO : projects[i - 1]!;
      expect(p, `${title} sounds the same as the step before`).not.toEqual(before);
      // Pure: building it twice gives the same mix.
      expect(lesson.steps[i]!.setup(demo()), title).toEqual(p);
    });
  });

  it("every A/B has two valid, different mixes, one of which is the step's own", () => {
    for (const s of lesson.steps) {
      if (!s.compare) continue;
      const a = s.compare.a(demo());
      const b = s.compare.b(demo());
      expectValid(a, `${s.title} A`);
      expectValid(b, `${s.title} B`);
      expect(a, `${s.title}: A and B are the same`).not.toEqual(b);
      expect(s.compare.label.trim()).not.toBe('');
      const own = s.setup(demo());
      expect([a, b].some((x) => JSON.stringify(x) === JSON.stringify(own)), `${s.title}: the step's mix is neither A nor B`).toBe(true);
    }
  });

  it('every step has markers inside the song', () => {
    for (const s of lesson.steps) {
      expect(s.markers.length, s.title).toBeGreaterThan(0);
      for (const m of s.markers) {
        expect(m.timeSec, `${s.title}: ${m.label}`).toBeGreaterThanOrEqual(0);
        expect(m.timeSec, `${s.title}: ${m.label}`).toBeLessThan(DEMO.durationSec);
        expect(m.label.trim()).not.toBe('');
      }
    }
  });

  it("every explore control names a strip and a number on it in the lesson's last mix, and moving it changes the mix", () => {
    const last = lesson.steps[lesson.steps.length - 1]!.setup(demo());
    for (const c of lesson.explore) {
      const where = `${c.label} (${c.stripId}.${c.param})`;
      const stripExists = c.stripId === 'master' || [...last.tracks, ...last.buses].some((s) => s.id === c.stripId);
      expect(stripExists, where).toBe(true);
      const value = readParam(last, c.stripId, c.param);
      expect(typeof value, where).toBe('number');
      expect(c.min, where).toBeLessThan(c.max);
      expect(c.typical.trim(), where).not.toBe('');
      // The slider's far end differs from the current value at one end at least; writing it changes the project.
      const target = value === c.max ? c.min : c.max;
      const moved = writeParam(last, c.stripId, c.param, target);
      expect(moved, where).not.toBe(last);
      expect(readParam(moved, c.stripId, c.param), where).not.toBe(value);
      expectValid(moved, where);
    }
  });
});

describe('readParam / writeParam', () => {
  it('reads strip, insert, EQ band, send, effect and master values', () => {
    expect(readParam(DEMO, 'lead', 'gainDb')).toBe(-8);
    expect(readParam(DEMO, 'piano', 'pan')).toBe(-0.2);
    expect(readParam(DEMO, 'snare', 'inserts.comp.ratio')).toBe(3);
    expect(readParam(DEMO, 'snare', 'inserts.eq.bell1.freqHz')).toBe(400);
    expect(readParam(DEMO, 'lead', 'sends.reverb.levelDb')).toBe(-60);
    expect(readParam(DEMO, 'reverb', 'effect.decaySec')).toBe(1.8);
    expect(readParam(DEMO, 'master', 'mastering.limiter.ceilingDb')).toBe(-1);
    expect(readParam(DEMO, 'master', 'gainDb')).toBe(0);
  });

  it('returns undefined for what does not exist or is not a number', () => {
    expect(readParam(DEMO, 'nobody', 'gainDb')).toBeUndefined();
    expect(readParam(DEMO, 'lead', 'inserts.comp.bypass')).toBeUndefined();
    expect(readParam(DEMO, 'lead', 'duck.depthDb')).toBeUndefined();
    expect(readParam(DEMO, 'lead', 'sends.nowhere.levelDb')).toBeUndefined();
    expect(readParam(DEMO, 'lead', 'name')).toBeUndefined();
    expect(readParam(DEMO, 'lead', '__proto__.x')).toBeUndefined();
  });

  it('writes through the edits, clamped to each range, and leaves the input alone', () => {
    const before = demo();
    const p = writeParam(before, 'snare', 'inserts.comp.ratio', 50);
    expect(readParam(p, 'snare', 'inserts.comp.ratio')).toBe(20);
    expect(before).toEqual(DEMO);
    const eq = writeParam(DEMO, 'lead', 'inserts.eq.bell2.gainDb', 4);
    expect(eq.tracks.find((t) => t.id === 'lead')!.inserts.eq.bell2).toEqual({ freqHz: 2500, gainDb: 4, q: 1 });
    expect(readParam(writeParam(DEMO, 'lead', 'sends.delay.levelDb', -12), 'lead', 'sends.delay.levelDb')).toBe(-12);
    expect(readParam(writeParam(DEMO, 'delay', 'effect.feedback', 2), 'delay', 'effect.feedback')).toBe(0.95);
    expect(readParam(writeParam(DEMO, 'master', 'mastering.widthPct', 0), 'master', 'mastering.widthPct')).toBe(0);
    expect(readParam(writeParam(DEMO, 'master', 'mastering.limiter.ceilingDb', -40), 'master', 'mastering.limiter.ceilingDb')).toBe(-12);
    expect(readParam(writeParam(DEMO, 'piano', 'detuneCents', 80), 'piano', 'detuneCents')).toBe(50);
  });

  it('changes nothing for unknown paths, non-finite values or the same value', () => {
    expect(writeParam(DEMO, 'lead', 'inserts.comp.bypass', 1)).toBe(DEMO);
    expect(writeParam(DEMO, 'lead', 'gainDb', Number.NaN)).toBe(DEMO);
    expect(writeParam(DEMO, 'nobody', 'gainDb', 0)).toBe(DEMO);
    expect(writeParam(DEMO, 'lead', 'gainDb', -8)).toBe(DEMO);
    expect(writeParam(DEMO, 'master', 'mastering.targetId', 1)).toBe(DEMO);
  });
});
