/**
 * A learner's progress through the course, kept in localStorage: which steps they have heard, their quiz answers
 * and their blind ABX score per lesson. Pure functions over plain data, plus a loader that trusts nothing it reads.
 */
import type { Lesson } from './course/types';

export const PROGRESS_KEY = 'earshot.course-progress.v1';

export interface AbxScore {
  readonly correct: number;
  readonly trials: number;
}

export interface LessonProgress {
  /** 0-based indexes of the steps opened, ascending. */
  readonly seen: readonly number[];
  /** Question index → the choice picked (as a string key, as JSON keeps it). */
  readonly quiz: Readonly<Record<string, number>>;
  readonly abx: AbxScore | null;
}

export type CourseProgress = Readonly<Record<string, LessonProgress>>;

export const NO_PROGRESS: LessonProgress = { seen: [], quiz: {}, abx: null };

const ID = /^[a-z0-9-]{1,60}$/;
const smallInt = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Keeps only well-formed entries; anything else in storage is dropped, never trusted. */
export function sanitizeProgress(raw: unknown): CourseProgress {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, v] of Object.entries(raw as Record<string, unknown>).slice(0, 100)) {
    if (!ID.test(id) || typeof v !== 'object' || v === null) continue;
    const r = v as Record<string, unknown>;
    const seen = Array.isArray(r.seen) ? [...new Set(r.seen.filter((x) => smallInt(x, 20)))].sort((a, b) => a - b) : [];
    const quiz: Record<string, number> = {};
    if (typeof r.quiz === 'object' && r.quiz !== null && !Array.isArray(r.quiz)) {
      for (const [q, c] of Object.entries(r.quiz as Record<string, unknown>).slice(0, 20)) if (/^\d{1,2}$/.test(q) && smallInt(c, 20)) quiz[q] = c;
    }
    const a = r.abx as Record<string, unknown> | null | undefined;
    const abx = a && typeof a === 'object' && smallInt(a.trials, 1000) && smallInt(a.correct, 1000) && a.correct <= a.trials ? { correct: a.correct, trials: a.trials } : null;
    out[id] = { seen, quiz, abx };
  }
  return out;
}

export function lessonProgress(p: CourseProgress, lessonId: string): LessonProgress {
  return p[lessonId] ?? NO_PROGRESS;
}

export function markSeen(p: CourseProgress, lessonId: string, stepIndex: number): CourseProgress {
  const l = lessonProgress(p, lessonId);
  if (l.seen.includes(stepIndex)) return p;
  return { ...p, [lessonId]: { ...l, seen: [...l.seen, stepIndex].sort((a, b) => a - b) } };
}

export function answerQuiz(p: CourseProgress, lessonId: string, question: number, choice: number): CourseProgress {
  const l = lessonProgress(p, lessonId);
  return { ...p, [lessonId]: { ...l, quiz: { ...l.quiz, [String(question)]: choice } } };
}

export function recordLessonAbx(p: CourseProgress, lessonId: string, correct: boolean): CourseProgress {
  const l = lessonProgress(p, lessonId);
  const abx = l.abx ?? { correct: 0, trials: 0 };
  return { ...p, [lessonId]: { ...l, abx: { correct: abx.correct + (correct ? 1 : 0), trials: abx.trials + 1 } } };
}

export function resetLessonAbx(p: CourseProgress, lessonId: string): CourseProgress {
  const l = lessonProgress(p, lessonId);
  return l.abx ? { ...p, [lessonId]: { ...l, abx: null } } : p;
}

/** Quiz questions answered correctly, of the lesson's. */
export function quizScore(lesson: Lesson, l: LessonProgress): { right: number; answered: number } {
  let right = 0;
  let answered = 0;
  lesson.quiz.forEach((q, i) => {
    const c = l.quiz[String(i)];
    if (c === undefined) return;
    answered++;
    if (c === q.answer) right++;
  });
  return { right, answered };
}

/** A lesson is done when every step has been opened and every quiz question answered. */
export function isComplete(lesson: Lesson, l: LessonProgress): boolean {
  return lesson.steps.every((_, i) => l.seen.includes(i)) && quizScore(lesson, l).answered === lesson.quiz.length;
}

/** Reads the saved progress; missing, unreadable or damaged storage reads as no progress. */
export function loadProgress(storage: Pick<Storage, 'getItem'> | null = safeStorage()): CourseProgress {
  try {
    const text = storage?.getItem(PROGRESS_KEY);
    return text ? sanitizeProgress(JSON.parse(text)) : {};
  } catch {
    return {};
  }
}

/** Writes the progress; false when storage is unavailable or full (progress then lasts for this visit only). */
export function saveProgress(p: CourseProgress, storage: Pick<Storage, 'setItem'> | null = safeStorage()): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(p));
    return storage !== null;
  } catch {
    return false;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
