import { PRODUCERS_ROLE, MULTITRACK, DOUBLE_TRACKING, WALL_OF_SOUND_LESSON } from './foundations';
import { EQ_LESSON, COMPRESSION, PARALLEL_COMPRESSION_LESSON, SIDECHAIN_LESSON } from './dynamics';
import { REVERB_DELAY, TAPE_LESSON, STEREO_LESSON } from './space';
import { AMBIENT_LOOPS, G_FUNK_LESSON } from './styles';
import { MASTERING_LESSON } from './mastering';
import type { Lesson } from './types';

export type { ExploreControl, Lesson, LessonStep, ListenMarker, MixBuilder, QuizQuestion, StepCompare } from './types';
export { MASTER_STRIP_ID, readParam, writeParam } from './params';
export { VERIFIED_WIKIPEDIA_TITLES, isVerifiedWikipediaTitle, wikipediaUrl } from './wikipedia';
export { AT as SONG_TIMES } from './song';

/** The course, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  PRODUCERS_ROLE,
  MULTITRACK,
  DOUBLE_TRACKING,
  WALL_OF_SOUND_LESSON,
  EQ_LESSON,
  COMPRESSION,
  PARALLEL_COMPRESSION_LESSON,
  SIDECHAIN_LESSON,
  REVERB_DELAY,
  TAPE_LESSON,
  STEREO_LESSON,
  AMBIENT_LOOPS,
  G_FUNK_LESSON,
  MASTERING_LESSON,
];

const BY_ID: ReadonlyMap<string, Lesson> = new Map(LESSONS.map((l) => [l.id, l]));

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return BY_ID.get(id);
}

/** 1-based position of a lesson in the course, or 0. */
export const lessonNumber = (id: string): number => LESSONS.findIndex((l) => l.id === id) + 1;
