import * as Tone from 'tone';
import { dbToGain } from '../dsp/decibels';
import { measureLoudness } from '../dsp/loudness';
import type { Project } from '../state/project';
import { MixGraph } from './MixGraph';
import { renderProject } from './render';

export type Side = 'A' | 'B';

/** The switch's cross-fade, seconds: short enough to compare, long enough not to click. */
export const AB_CROSSFADE_SEC = 0.02;

export interface ComparisonOptions {
  readonly context: Tone.BaseContext;
  readonly buffers: ReadonlyMap<string, AudioBuffer>;
  /** Where both paths end up (the speakers, or an offline destination). */
  readonly destination: AudioNode;
  /** B's graph: an existing one (the engine's main mix) whose output already goes to `bInput`. */
  readonly bInput: GainNode;
}

/**
 * A/B listening: a second mix graph plays version A beside the main mix (B), on the same transport, so both keep
 * running and a switch is only a cross-fade of two gains (≤ 20 ms, no click). Each side's gain also carries the
 * loudness match, so louder never passes for better.
 */
export class Comparison {
  readonly a: MixGraph;
  private readonly aOut: GainNode;
  private readonly aGain: Fader;
  private readonly bGain: Fader;
  private side: Side = 'B';
  private matchA = 1;
  private matchB = 1;
  private disposed = false;

  private constructor(a: MixGraph, aOut: GainNode, bOut: GainNode) {
    this.a = a;
    this.aOut = aOut;
    this.aGain = new Fader(aOut.gain);
    this.bGain = new Fader(bOut.gain);
  }

  static async create(options: ComparisonOptions): Promise<Comparison> {
    const raw = options.context.rawContext as unknown as BaseAudioContext;
    const aOut = new GainNode(raw, { gain: 0 });
    aOut.connect(options.destination);
    const a = await MixGraph.create({ context: options.context, buffers: options.buffers, destination: aOut });
    return new Comparison(a, aOut, options.bInput);
  }

  /** The version heard as A (e.g. the project without the technique). */
  setA(project: Project, rampSec: number): void {
    if (!this.disposed) this.a.apply(project, rampSec);
  }

  /**
   * Sets the loudness match: offsetDb = loudness(B) − loudness(A), LU. The louder side is turned down, never the
   * quieter one up, so matching cannot clip.
   */
  setMatch(offsetDb: number, at: number): void {
    ({ a: this.matchA, b: this.matchB } = matchGains(offsetDb));
    this.select(this.side, at);
  }

  /** Cross-fades to a side, starting at context time `at`. */
  select(side: Side, at: number): void {
    if (this.disposed) return;
    this.side = side;
    this.aGain.rampTo(side === 'A' ? this.matchA : 0, at);
    this.bGain.rampTo(side === 'B' ? this.matchB : 0, at);
  }

  get current(): Side {
    return this.side;
  }

  /** Takes version A out and gives B its full level back. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const now = this.aOut.context.currentTime;
    this.bGain.rampTo(1, now);
    this.aGain.rampTo(0, now);
    this.a.dispose();
    this.aOut.disconnect();
  }
}

/** A gain whose ramps we keep track of, so a new ramp always starts from where the last one has got to. */
class Fader {
  private from: number;
  private to: number;
  private t0 = 0;
  private t1 = 0;

  constructor(private readonly param: AudioParam) {
    this.from = this.to = param.value;
  }

  /** The value at context time t, as scheduled. */
  valueAt(t: number): number {
    if (t >= this.t1) return this.to;
    if (t <= this.t0) return this.from;
    return this.from + ((this.to - this.from) * (t - this.t0)) / (this.t1 - this.t0);
  }

  /**
   * A linear ramp from wherever the gain is at `at` (mid-ramp included), so switches never jump. The hold is an
   * explicit event: cancelAndHoldAtTime alone leaves the next ramp starting from the previous event's time.
   */
  rampTo(value: number, at: number): void {
    const start = this.valueAt(at);
    this.param.cancelScheduledValues(at);
    this.param.setValueAtTime(start, at);
    this.param.linearRampToValueAtTime(value, at + AB_CROSSFADE_SEC);
    this.from = start;
    this.to = value;
    this.t0 = at;
    this.t1 = at + AB_CROSSFADE_SEC;
  }
}

export interface LoudnessMatch {
  /** Short-term (3 s) loudness of each side averaged over the excerpt, LUFS. */
  readonly aLufs: number;
  readonly bLufs: number;
  /** B − A, LU. */
  readonly offsetDb: number;
}

/**
 * Measures both versions offline over an excerpt, as BS.1770 integrated loudness (gated short-term power),
 * which is what "the same loudness" means to a listener; peaks do not count. The rate should be the listener's:
 * K-weighting counts the top octave, which a lower analysis rate would drop.
 */
/** The loudness match: the louder side is turned down by the difference (B minus A, dB); the quieter stays. */
export function matchGains(offsetDb: number): { a: number; b: number } {
  return { a: dbToGain(Math.min(0, offsetDb)), b: dbToGain(Math.min(0, -offsetDb)) };
}

export async function measureMatch(
  a: Project,
  b: Project,
  buffers: ReadonlyMap<string, AudioBuffer>,
  excerpt: { startSec: number; endSec: number },
  sampleRate = 48000,
): Promise<LoudnessMatch> {
  const measure = async (p: Project): Promise<number> => {
    const out = await renderProject(p, buffers, { sampleRate, ...excerpt });
    const chans = [out.getChannelData(0), out.getChannelData(1)];
    return measureLoudness(chans, out.sampleRate).integrated;
  };
  const [aLufs, bLufs] = await Promise.all([measure(a), measure(b)]);
  const offsetDb = Number.isFinite(aLufs) && Number.isFinite(bLufs) ? bLufs - aLufs : 0;
  return { aLufs, bLufs, offsetDb };
}
