// AudioWorklet: sidechain ducking's gain computer (src/dsp/ducker.ts). Input: the key (e.g. the kick). Output: one
// channel of gain values (0..1) meant to drive a GainNode's gain (whose own value is 0), sample-accurately.
// processorOptions: { thresholdDb, depthDb, attackMs, releaseMs }. Messages in: the same fields to change them,
// or { type: 'dispose' }.

import { Ducker } from '../../dsp/ducker';

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

export const DUCKER_PROCESSOR = 'earshot-ducker';

interface Settings {
  thresholdDb: number;
  depthDb: number;
  attackMs: number;
  releaseMs: number;
}

class DuckerProcessor extends AudioWorkletProcessor {
  private readonly ducker = new Ducker(sampleRate);
  private alive = true;

  constructor(options?: unknown) {
    super();
    const o = (options ?? {}) as { processorOptions?: Partial<Settings> };
    if (o.processorOptions) this.apply(o.processorOptions);
    this.port.onmessage = (e: MessageEvent<Partial<Settings> & { type?: string }>) => {
      if (e.data?.type === 'dispose') this.alive = false;
      else if (e.data) this.apply(e.data);
    };
  }

  private apply(s: Partial<Settings>): void {
    this.ducker.set({ thresholdDb: s.thresholdDb ?? -30, depthDb: s.depthDb ?? 9, attackMs: s.attackMs ?? 3, releaseMs: s.releaseMs ?? 180 });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0]?.[0];
    if (!out) return this.alive;
    this.ducker.process(inputs[0]?.[0], out, out.length);
    return this.alive;
  }
}

registerProcessor(DUCKER_PROCESSOR, DuckerProcessor);
