import * as Tone from 'tone';
import type { Project } from '../state/project';
import { startTransportAt } from './transportTime';
import { MixGraph } from './MixGraph';

/** Room reserved for the chain's look-ahead, seconds (strip compressors and the limiter need ~21 ms). */
const LATENCY_GUESS_SEC = 0.05;
/**
 * Silence rendered before the song starts, seconds: a new DynamicsCompressorNode starts fully reduced and
 * releases towards unity, so without this the first tenths of a second of an export would swell in.
 * In the live engine the graph has long settled before Play.
 */
export const PRE_ROLL_SEC = 0.5;

export interface RenderOptions {
  /** Output rate, Hz. */
  readonly sampleRate: number;
  /** Song time to start from. Default 0. */
  readonly startSec?: number;
  /** Song time to end at. Default: the end of the last clip. */
  readonly endSec?: number;
  /** Called with 0..1 as rendering advances. */
  readonly onProgress?: (fraction: number) => void;
  /** More taps of the master output inside the offline graph (e.g. a loudness monitor). */
  readonly masterTaps?: (context: BaseAudioContext) => Promise<AudioNode[]>;
}

/**
 * Renders a project offline through the same MixGraph that plays it live, so the file equals what was heard.
 * @returns a stereo AudioBuffer at options.sampleRate
 */
export async function renderProject(project: Project, buffers: ReadonlyMap<string, AudioBuffer>, options: RenderOptions): Promise<AudioBuffer> {
  const startSec = Math.max(0, options.startSec ?? 0);
  const endSec = options.endSec ?? project.durationSec;
  const durationSec = endSec - startSec;
  if (!(durationSec > 0)) throw new RangeError(`Nothing to render: the range ${startSec}..${endSec} s is empty`);
  const length = Math.ceil(durationSec * options.sampleRate);
  // The mastering chain looks ahead a few ms: render that much longer and drop it from the start,
  // so the file lines up with the timeline exactly.
  const latencyFrames = Math.round(LATENCY_GUESS_SEC * options.sampleRate);
  const preRollFrames = Math.round(PRE_ROLL_SEC * options.sampleRate);
  const native = new OfflineAudioContext({ numberOfChannels: 2, length: preRollFrames + length + latencyFrames, sampleRate: options.sampleRate });
  const context = new Tone.OfflineContext(native);
  const masterTaps = options.masterTaps ? await options.masterTaps(native) : [];
  const graph = await MixGraph.create({ context, buffers, masterTaps });
  const latency = Math.round(graph.latencySec * options.sampleRate);
  const skip = preRollFrames + latency;
  if (latency > latencyFrames) throw new Error(`mastering latency ${skip} frames exceeds the ${latencyFrames} reserved`);
  try {
    graph.apply(project, 0);
    // Song time startSec lands exactly on the first frame after the pre-roll (the transport starts on a whole tick).
    startTransportAt(context.transport, preRollFrames / options.sampleRate, startSec, true);
    const onProgress = options.onProgress;
    if (onProgress) {
      // Suspend once per chunk of audio to report progress; the render resumes at once.
      const chunks = Math.min(50, Math.max(1, Math.floor(durationSec)));
      for (let i = 1; i < chunks; i++) {
        const t = preRollFrames / options.sampleRate + (durationSec * i) / chunks;
        native.suspend(t).then(() => {
          onProgress(i / chunks);
          void native.resume();
        }, () => undefined); // a suspend the browser refuses only costs a progress step

      }
    }
    const rendered = (await context.render(false)).get() as AudioBuffer;
    onProgress?.(1);
    const out = new AudioBuffer({ numberOfChannels: 2, length, sampleRate: options.sampleRate });
    for (let c = 0; c < 2; c++) out.copyToChannel(rendered.getChannelData(c).subarray(skip, skip + length), c);
    return out;
  } finally {
    graph.dispose();
    context.dispose();
  }
}
