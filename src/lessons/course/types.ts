/**
 * The course's data model: lessons made of listening steps, each a pure function from the demo project to a mix.
 *
 * Text fields are plain prose, no markup. Everything here is data and pure functions: no React, no engine.
 */
import type { Project } from '../../state/project';

/** Pure: a mix state built from the demo project (through presets and edits). */
export type MixBuilder = (demo: Project) => Project;

/** A "listen here" marker on the timeline. */
export interface ListenMarker {
  /** Song time, seconds (inside the song). */
  readonly timeSec: number;
  /** A few words, e.g. "Chorus: strummed guitar enters". */
  readonly label: string;
}

/** The A/B of a step: A without the change, B with it. The two always sound different. */
export interface StepCompare {
  readonly a: MixBuilder;
  readonly b: MixBuilder;
  /** What the switch changes, e.g. "Snare compressor off / on". */
  readonly label: string;
  /**
   * Song time where the difference is heard, when that is not the step's first marker: the A/B is measured and
   * played from here.
   */
  readonly atSec?: number;
}

export interface LessonStep {
  readonly title: string;
  /** What to listen for, in our own words (2 to 4 sentences, plain text). */
  readonly listenFor: string;
  /** The mix for this step. Every step's mix differs from the previous step's (the first from the demo). */
  readonly setup: MixBuilder;
  /** Optional when the step is only listening. */
  readonly compare?: StepCompare;
  readonly markers: readonly ListenMarker[];
}

/**
 * A control the learner can move freely after the steps. It acts on the mix of the lesson's last step, so its
 * strip may be one that a step added (e.g. the parallel-compression bus).
 */
export interface ExploreControl {
  readonly label: string;
  /** A track or bus id, or 'master'. */
  readonly stripId: string;
  /**
   * A path to a number on the strip (see ./params): 'gainDb', 'pan', 'detuneCents', 'inserts.comp.ratio',
   * 'inserts.eq.bell1.gainDb', 'sends.reverb.levelDb', 'effect.decaySec', 'duck.depthDb'; on the master
   * 'gainDb' or 'mastering.limiter.ceilingDb' and the like.
   */
  readonly param: string;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** What people usually set, with a source where we have one, e.g. "4:1 to 8:1 on drums". */
  readonly typical: string;
  /** Shown after the value: 'dB', 'ms', 'Hz', ':1', '%', 'cents', 's' or '' (pan). */
  readonly unit: string;
}

export interface QuizQuestion {
  readonly question: string;
  readonly choices: readonly string[];
  /** Index into choices. */
  readonly answer: number;
  /** Why the answer is right, one or two sentences. */
  readonly why: string;
}

export interface Lesson {
  /** url-safe kebab-case, e.g. 'wall-of-sound' */
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what the learner will be able to hear or do. */
  readonly goal: string;
  /** 3 to 6 steps. */
  readonly steps: readonly LessonStep[];
  /** 2 to 4 controls. */
  readonly explore: readonly ExploreControl[];
  /** The technique preset the lesson's short blind ABX quiz uses. */
  readonly abxTechniqueId?: string;
  /** 2 or 3 short questions. */
  readonly quiz: readonly QuizQuestion[];
  /** The in-app encyclopedia article. */
  readonly articleId: string;
  /** Exact English Wikipedia title (see ./wikipedia). */
  readonly wikipediaTitle: string;
}
