import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/course';
import {
  answerQuiz,
  isComplete,
  loadProgress,
  markSeen,
  PROGRESS_KEY,
  quizScore,
  recordLessonAbx,
  sanitizeProgress,
  saveProgress,
} from '../../src/lessons/progress';
import { decodeMix, encodeMix, MAX_JSON_BYTES, ShareLinkError, toBase64Url } from '../../src/lessons/share';
import { technique } from '../../src/lessons/course/mix';
import { projectFromManifest } from '../../src/state/manifest';
import type { Project } from '../../src/state/project';
import { parseHash } from '../../src/ui/hooks/useHashRoute';
import { formatExplore, stepExcerpt, stepMix, withListenMarkers } from '../../src/ui/lessons/lessonMix';

const demo = (): Project => projectFromManifest(JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')), '/samples/');
const pack = (value: unknown): string => toBase64Url(deflateRawSync(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))));

describe('deep links', () => {
  it('reads lesson, step and shared mix, and never trusts the rest', () => {
    expect(parseHash('#/lesson/wall-of-sound/3')).toEqual({ page: 'lesson', lessonId: 'wall-of-sound', step: 3, mix: null });
    expect(parseHash('#/lesson/wall-of-sound')).toEqual({ page: 'lesson', lessonId: 'wall-of-sound', step: 1, mix: null });
    expect(parseHash('#/lesson/wall-of-sound/2?mix=abc_-9')).toMatchObject({ step: 2, mix: 'abc_-9' });
    expect(parseHash('#/lessons')).toEqual({ page: 'lessons' });
    // Malformed parts read as "not found" markers, not as guesses.
    expect(parseHash('#/lesson/<script>/1')).toMatchObject({ page: 'lesson', lessonId: '' });
    expect(parseHash('#/lesson/%E0%A4%A/1')).toMatchObject({ lessonId: '' });
    expect(parseHash('#/lesson/wall-of-sound/0')).toMatchObject({ step: 0 });
    expect(parseHash('#/lesson/wall-of-sound/2.5')).toMatchObject({ step: 0 });
    expect(parseHash('#/lesson/wall-of-sound/1e3')).toMatchObject({ step: 0 });
    expect(parseHash('#/lesson/wall-of-sound/2/extra')).toMatchObject({ step: 0 });
    expect(parseHash('#/lesson/wall-of-sound/2?mix=<img src=x>')).toMatchObject({ mix: '!' });
    expect(parseHash(`#/lesson/wall-of-sound/2?mix=${'a'.repeat(60_001)}`)).toMatchObject({ mix: '!' });
    expect(parseHash('#/encyclopedia/les-paul')).toEqual({ page: 'encyclopedia', articleId: 'les-paul' });
    expect(parseHash('#/whatever')).toEqual({ page: 'home' });
  });
});

describe('share links', () => {
  it('round-trips a Wall of Sound mix exactly, in a link of reasonable length', async () => {
    const d = demo();
    const mix = technique(d, 'wall-of-sound');
    const payload = await encodeMix(mix);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(20_000);
    expect(await decodeMix(payload, d)).toEqual(mix);
  });

  it('refuses to pack the user’s own audio, naming the file', async () => {
    const d = demo();
    const own: Project = { ...d, assets: [...d.assets, { id: 'take-1', fileName: 'My take.wav', source: 'user', url: '' }] };
    await expect(encodeMix(own)).rejects.toThrow(/My take\.wav/);
  });

  const bad: [string, () => string, RegExp][] = [
    ['empty', () => '', /empty/],
    ['not base64url', () => 'a+b/', /base64url/],
    ['impossible base64 length', () => 'abcde', /base64url/],
    ['not deflate data', () => toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x12])), /could not be unpacked/],
    ['not JSON', () => pack('{"version": 2,'), /not valid JSON/],
    ['JSON but not a project', () => pack([1, 2, 3]), /not a project/],
    ['a project from the future', () => pack({ ...demo(), version: 99 }), /cannot use/],
    ['a prototype-polluting key', () => pack('{"version":2,"__proto__":{"x":1}}'), /cannot use/],
    ['a clip playing audio from elsewhere', () => pack({ ...demo(), tracks: demo().tracks.map((t, i) => (i === 0 ? { ...t, clips: t.clips.map((c) => ({ ...c, assetId: 'evil' })) } : t)) }), /cannot use|not in the demo/],
    ['a deflate bomb', () => toBase64Url(deflateRawSync(Buffer.alloc(MAX_JSON_BYTES * 4, 32))), /more than/],
  ];
  it.each(bad)('refuses %s with a reason', async (_name, make, reason) => {
    const d = demo();
    const err = await decodeMix(make(), d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareLinkError);
    expect((err as Error).message).toMatch(/^The shared link/);
    expect((err as Error).message).toMatch(reason);
  });

  it('never lets a link choose where audio comes from: the demo’s stems stand in for any asset list', async () => {
    const d = demo();
    const hostile = { ...d, assets: [{ id: d.assets[0]!.id, fileName: 'x.wav', source: 'url', url: 'https://evil.example/x.wav' }] };
    const p = await decodeMix(pack(hostile), d);
    expect(p.assets).toEqual(d.assets);
  });
});

describe('lesson progress', () => {
  const lesson = LESSONS[3]!;
  it('a lesson is complete when every step was opened and every question answered', () => {
    let p = {};
    lesson.steps.forEach((_, i) => (p = markSeen(p, lesson.id, i)));
    expect(isComplete(lesson, p[lesson.id as keyof typeof p]!)).toBe(false);
    lesson.quiz.forEach((q, i) => (p = answerQuiz(p, lesson.id, i, q.answer === 0 ? 1 : 0)));
    const mine = (p as Record<string, never>)[lesson.id]!;
    expect(isComplete(lesson, mine)).toBe(true);
    expect(quizScore(lesson, mine)).toEqual({ right: 0, answered: lesson.quiz.length });
  });

  it('survives storage: saved, loaded, and damaged data dropped field by field', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    let p = markSeen({}, 'wall-of-sound', 2);
    p = recordLessonAbx(recordLessonAbx(p, 'wall-of-sound', true), 'wall-of-sound', false);
    expect(saveProgress(p, storage)).toBe(true);
    expect(loadProgress(storage)).toEqual(p);
    store.set(PROGRESS_KEY, '{not json');
    expect(loadProgress(storage)).toEqual({});
    expect(
      sanitizeProgress({
        'Bad Id!': { seen: [1] },
        ok: { seen: [3, 1, 1, -1, 2.5, 'x', 99], quiz: { '0': 2, '1': -3, x: 1 }, abx: { correct: 5, trials: 3 } },
      }),
    ).toEqual({ ok: { seen: [1, 3], quiz: { '0': 2 }, abx: null } });
    expect(saveProgress(p, { setItem: () => { throw new Error('QuotaExceededError'); } })).toBe(false);
  });
});

describe('lesson mixes', () => {
  it('every step puts its "listen here" markers on the timeline, and replaces the previous step’s', () => {
    const d = demo();
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        const p = stepMix(d, step);
        const listen = p.markers.filter((m) => m.id.startsWith('listen-'));
        expect(listen.map((m) => m.timeSec)).toEqual([...step.markers.map((m) => m.timeSec)].sort((a, b) => a - b));
        expect(withListenMarkers(p, step).markers).toEqual(p.markers);
        const ex = stepExcerpt(step, p.durationSec);
        expect(ex.endSec - ex.startSec).toBeGreaterThan(5);
        expect(ex.startSec).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('explore values read in their units', () => {
    const c = (unit: string, param = 'gainDb') => ({ label: 'x', stripId: 'lead', param, min: 0, max: 1, typical: '', unit });
    expect(formatExplore(c('dB'), -6)).toBe('\u22126.0 dB');
    expect(formatExplore(c(':1'), 4)).toBe('4.0:1');
    expect(formatExplore(c('ms'), 135)).toBe('135 ms');
    expect(formatExplore(c('%'), 35)).toBe('35%');
    expect(formatExplore(c('cents'), -7)).toBe('\u22127 cents');
    expect(formatExplore(c('', 'pan'), -0.3)).toBe('30% left');
    expect(formatExplore(c('', 'effect.feedback'), 0.55)).toBe('0.55');
  });
});
