import limiterUrl from './worklets/limiter.worklet.ts?worker&url';
import { loadWorkletModule } from './worklets/loadWorkletModule';
import { LIMITER_DEFAULTS, limiterLatencySamples } from '../dsp/limiter';
import type { LimiterWorkletMessage } from './worklets/limiter.worklet';

/** Must match LIMITER_PROCESSOR in the worklet (which cannot be imported for its value: it runs registerProcessor). */
const PROCESSOR = 'earshot-true-peak-limiter';

/** The ceiling range the worklet's AudioParam accepts, dBTP. */
export const LIMITER_NODE_CEILING_RANGE_DB = [-12, 0] as const;

/** Options of {@link LimiterNode.create}. */
export interface LimiterNodeOptions {
  /** Ceiling, dBTP, −12..0; default −1. */
  ceilingDb?: number;
  /** Release time constant, ms, 10..1000; default 100. */
  releaseMs?: number;
  /** Look-ahead (= latency), ms, 1.5..5; default 3. Fixed for the node's life. */
  lookaheadMs?: number;
}

const loadModule = (context: BaseAudioContext): Promise<void> => loadWorkletModule(context, limiterUrl);

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * True-peak look-ahead brickwall limiter for a stereo signal (one AudioWorkletNode running src/dsp/limiter.ts).
 * The output is the input delayed by `latencySec`, turned down only where its true peak (4× oversampled, 2× from
 * 96 kHz) would pass the ceiling; a mono source is upmixed to stereo. Connect a source to `input`, take `output`.
 */
export class LimiterNode {
  /** Connect the signal to limit here (2 channels, explicit). */
  readonly input: AudioNode;
  /** The limited stereo signal. */
  readonly output: AudioNode;
  /** Delay from input to output, seconds: the look-ahead, rounded to whole samples. */
  readonly latencySec: number;
  /** The same delay in samples of the context. */
  readonly latencySamples: number;
  private readonly node: AudioWorkletNode;
  private readonly ceiling: AudioParam;
  private readonly release: AudioParam;
  private reductionDb = 0;
  private disposed = false;

  private constructor(context: BaseAudioContext, options: LimiterNodeOptions) {
    const lookaheadMs = options.lookaheadMs ?? LIMITER_DEFAULTS.lookaheadMs;
    const ceilingDb = clamp(options.ceilingDb ?? LIMITER_DEFAULTS.ceilingDb, ...LIMITER_NODE_CEILING_RANGE_DB);
    const releaseMs = clamp(options.releaseMs ?? LIMITER_DEFAULTS.releaseMs, 10, 1000);
    this.node = new AudioWorkletNode(context, PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      parameterData: { ceilingDb, releaseMs },
      processorOptions: { lookaheadMs },
    });
    this.input = this.node;
    this.output = this.node;
    this.latencySamples = limiterLatencySamples(context.sampleRate, lookaheadMs);
    this.latencySec = this.latencySamples / context.sampleRate;
    this.ceiling = this.node.parameters.get('ceilingDb')!;
    this.release = this.node.parameters.get('releaseMs')!;
    this.node.port.onmessage = (event: MessageEvent<LimiterWorkletMessage>) => {
      if (!this.disposed) this.reductionDb = event.data.gainReductionDb;
    };
  }

  /**
   * Loads the worklet module into the context (once per context, however many limiters) and builds a limiter.
   * @param options ceiling −12..0 dBTP (default −1), release 10..1000 ms (default 100), look-ahead 1.5..5 ms
   *   (default 3); out-of-range ceiling and release are clamped, an out-of-range look-ahead fails the node's creation
   */
  static async create(context: BaseAudioContext, options: LimiterNodeOptions = {}): Promise<LimiterNode> {
    await loadModule(context);
    return new LimiterNode(context, options);
  }

  /**
   * Latest gain reduction reported by the worklet: the largest over the last ~33 ms of audio, dB ≥ 0 (0 = untouched).
   */
  get gainReductionDb(): number {
    return this.reductionDb;
  }

  /**
   * Sets the ceiling, gliding linearly over rampSec (k-rate: the worklet takes one value per 128 frames).
   * Audio already in the look-ahead keeps the ceiling it was measured against, so ramp large drops.
   * @param db dBTP, clamped to −12..0
   * @param rampSec seconds, ≥ 0; 0 (default) sets it at once
   */
  setCeilingDb(db: number, rampSec = 0): void {
    if (this.disposed || !Number.isFinite(db)) return;
    const value = clamp(db, ...LIMITER_NODE_CEILING_RANGE_DB);
    const now = this.node.context.currentTime;
    this.ceiling.cancelScheduledValues(now);
    if (rampSec > 0) {
      this.ceiling.setValueAtTime(this.ceiling.value, now);
      this.ceiling.linearRampToValueAtTime(value, now + rampSec);
    } else {
      this.ceiling.setValueAtTime(value, now);
    }
  }

  /**
   * Sets the release time constant (the exponential return to unity gain, complete within ~4.6 of them).
   * @param ms milliseconds, clamped to 10..1000
   */
  setReleaseMs(ms: number): void {
    if (this.disposed || !Number.isFinite(ms)) return;
    const now = this.node.context.currentTime;
    this.release.cancelScheduledValues(now);
    this.release.setValueAtTime(clamp(ms, 10, 1000), now);
  }

  /**
   * Disconnects the limiter's output and stops its processor (idempotent). Whatever was connected to `input` is the
   * caller's to disconnect; the stopped processor outputs nothing from then on.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.node.port.onmessage = null;
    this.node.port.postMessage({ type: 'dispose' });
    this.node.disconnect();
    this.reductionDb = 0;
  }
}
