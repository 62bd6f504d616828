// AudioWorklet: the true-peak look-ahead brickwall limiter (src/dsp/limiter.ts) on a stereo signal, off the main
// thread. The DSP class allocates nothing per block; this wrapper only swaps array references.
//
// Parameters (k-rate: one value per 128-frame quantum, which is all a gain computer with a 1.5–5 ms ramp needs):
//   ceilingDb  −12..0 dBTP, default −1      releaseMs  10..1000 ms, default 100
// processorOptions: { lookaheadMs?: number }  1.5..5 ms, default 3; fixed for the node's life (it is the latency).
// Messages out: { gainReductionDb } about 30 times a second: the largest gain reduction (dB, ≥ 0) since the last
//               message, so a short dip still shows on a meter that only reads 30 values a second.
// Messages in:  { type: 'dispose' }  stop: process() returns false from then on, so the node can be collected.

import { LIMITER_DEFAULTS, TruePeakLimiter } from '../../dsp/limiter';

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

export const LIMITER_PROCESSOR = 'earshot-true-peak-limiter';

/** What the processor posts. */
export interface LimiterWorkletMessage {
  gainReductionDb: number;
}

/** Options of the node, as the processor receives them. */
interface LimiterProcessorOptions {
  processorOptions?: { lookaheadMs?: number };
  parameterData?: { ceilingDb?: number; releaseMs?: number };
}

/** Gain-reduction messages per second. */
const REPORTS_PER_SECOND = 30;

class LimiterProcessor extends AudioWorkletProcessor {
  static get parameterDescriptors() {
    return [
      { name: 'ceilingDb', defaultValue: LIMITER_DEFAULTS.ceilingDb, minValue: -12, maxValue: 0, automationRate: 'k-rate' },
      { name: 'releaseMs', defaultValue: LIMITER_DEFAULTS.releaseMs, minValue: 10, maxValue: 1000, automationRate: 'k-rate' },
    ];
  }

  private readonly limiter: TruePeakLimiter;
  /** Reused channel lists handed to the limiter (no array allocated per quantum). */
  private readonly ins: Float32Array[];
  private readonly outs: Float32Array[];
  /** Stands in for an absent input (nothing connected): the look-ahead still drains. */
  private silence = new Float32Array(128);
  /** Output sink when the output has fewer channels than two (never with outputChannelCount [2]). */
  private sink = new Float32Array(128);
  private ceilingDb: number;
  private releaseMs: number;
  private frames = 0;
  private readonly framesPerReport = Math.round(sampleRate / REPORTS_PER_SECOND);
  private alive = true;

  constructor(options?: unknown) {
    super();
    const o = (options ?? {}) as LimiterProcessorOptions;
    this.ceilingDb = o.parameterData?.ceilingDb ?? LIMITER_DEFAULTS.ceilingDb;
    this.releaseMs = o.parameterData?.releaseMs ?? LIMITER_DEFAULTS.releaseMs;
    this.limiter = new TruePeakLimiter(2, sampleRate, {
      lookaheadMs: o.processorOptions?.lookaheadMs ?? LIMITER_DEFAULTS.lookaheadMs,
      ceilingDb: this.ceilingDb,
      releaseMs: this.releaseMs,
    });
    this.ins = [this.silence, this.silence];
    this.outs = [this.sink, this.sink];
    this.port.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'dispose') this.alive = false;
    };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean {
    if (!this.alive) return false;
    const output = outputs[0];
    const first = output?.[0];
    if (!output || !first) return true;
    const frames = first.length;
    const ceilingDb = parameters['ceilingDb']?.[0] ?? this.ceilingDb;
    if (ceilingDb !== this.ceilingDb) {
      this.ceilingDb = ceilingDb;
      this.limiter.setCeilingDb(ceilingDb);
    }
    const releaseMs = parameters['releaseMs']?.[0] ?? this.releaseMs;
    if (releaseMs !== this.releaseMs) {
      this.releaseMs = releaseMs;
      this.limiter.setReleaseMs(releaseMs);
    }
    if (this.silence.length < frames) this.silence = new Float32Array(frames); // only if a quantum ever grows
    if (this.sink.length < frames) this.sink = new Float32Array(frames);
    // The node's input is 2-channel explicit ('speakers'), so a mono source arrives upmixed; an unconnected input
    // has no channels.
    const input = inputs[0];
    const left = input?.[0] ?? this.silence;
    this.ins[0] = left;
    this.ins[1] = input?.[1] ?? left;
    this.outs[0] = first;
    this.outs[1] = output[1] ?? this.sink;
    this.limiter.process(this.ins, this.outs, frames);
    this.frames += frames;
    if (this.frames >= this.framesPerReport) {
      this.frames -= this.framesPerReport;
      const message: LimiterWorkletMessage = { gainReductionDb: this.limiter.takePeakGainReductionDb() };
      this.port.postMessage(message);
    }
    return true;
  }
}

registerProcessor(LIMITER_PROCESSOR, LimiterProcessor);
