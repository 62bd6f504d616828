/** Pure glue between the course data and the project: a step's mix with its "listen here" markers, and value text. */
import { formatPan } from '../../dsp/pan';
import type { ExploreControl, Lesson, LessonStep, MixBuilder } from '../../lessons/course';
import type { Project } from '../../state/project';
import { formatDb, formatHz, formatMs, formatRatio, formatSeconds } from '../format';

/** Marker ids the lessons own: replaced when the step changes, the user's other markers are kept. */
export const LISTEN_PREFIX = 'listen-';

/** The step's mix, built from the demo, with its "listen here" markers on the timeline. */
export function stepMix(demo: Project, step: LessonStep, build: MixBuilder = step.setup): Project {
  return withListenMarkers(build(demo), step);
}

export function withListenMarkers(p: Project, step: LessonStep): Project {
  const own = p.markers.filter((m) => !m.id.startsWith(LISTEN_PREFIX));
  const listen = step.markers.map((m, i) => ({ id: `${LISTEN_PREFIX}${i + 1}`, timeSec: m.timeSec, name: m.label }));
  return { ...p, markers: [...own, ...listen].sort((a, b) => a.timeSec - b.timeSec) };
}

/** Where a step's A/B is measured and played: 12 s from where its difference is heard (else its first marker). */
export function stepExcerpt(step: LessonStep, durationSec: number): { startSec: number; endSec: number } {
  const first = step.compare?.atSec ?? step.markers[0]?.timeSec ?? 0;
  const startSec = Math.max(0, Math.min(first, durationSec - 12));
  return { startSec, endSec: Math.min(durationSec, startSec + 12) };
}

/** The comparison key a lesson uses in the store's A/B state (techniques use their own ids). */
export const lessonAbKey = (lesson: Lesson): string => `lesson:${lesson.id}`;

/** An explore control's value in its unit, e.g. "−6.0 dB", "4.0:1", "35%", "30% left". */
export function formatExplore(c: ExploreControl, v: number): string {
  switch (c.unit) {
    case 'dB':
      return formatDb(v);
    case 'ms':
      return formatMs(v);
    case 'Hz':
      return formatHz(v);
    case ':1':
      return formatRatio(v);
    case 's':
      return formatSeconds(v);
    case '%':
      return `${Math.round(v)}%`;
    case 'cents':
      return `${v > 0 ? '+' : v < 0 ? '\u2212' : ''}${Math.abs(Math.round(v))} cents`;
    case '':
      return c.param === 'pan' ? formatPan(v) : v.toFixed(2);
    default:
      return `${Number(v.toFixed(2))} ${c.unit}`;
  }
}
