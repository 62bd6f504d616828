// AudioWorklet: detunes a track by a few cents without changing its timing (src/dsp/pitchShift.ts), and adds
// tape wow and flutter on top (src/dsp/wowFlutter.ts).
// Parameters (k-rate): cents −50..+50; wow 0..20, the wow-and-flutter depth in cents.
// processorOptions: { windowMs?: number } (default 20 ms).
// Messages in: { type: 'dispose' } stops processing so the node can be collected.

import { PitchShifter } from '../../dsp/pitchShift';
import { WOW_MAX_CENTS, WowFlutterClock } from '../../dsp/wowFlutter';

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

export const PITCH_SHIFT_PROCESSOR = 'earshot-pitch-shift';

interface Options {
  processorOptions?: { windowMs?: number };
}

class PitchShiftProcessor extends AudioWorkletProcessor {
  static get parameterDescriptors() {
    return [
      { name: 'cents', defaultValue: 0, minValue: -50, maxValue: 50, automationRate: 'k-rate' },
      { name: 'wow', defaultValue: 0, minValue: 0, maxValue: WOW_MAX_CENTS, automationRate: 'k-rate' },
    ];
  }

  private readonly shifter: PitchShifter;
  private readonly wow = new WowFlutterClock(sampleRate);
  private alive = true;

  constructor(options?: unknown) {
    super();
    const o = (options ?? {}) as Options;
    const windowMs = o.processorOptions?.windowMs ?? 20;
    this.shifter = new PitchShifter(2, Math.max(64, Math.round((windowMs / 1000) * sampleRate)));
    this.port.onmessage = (e: MessageEvent<{ type?: string }>) => {
      if (e.data?.type === 'dispose') this.alive = false;
    };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean {
    const input = inputs[0] ?? [];
    const output = outputs[0];
    if (!output || output.length === 0) return this.alive;
    const frames = output[0]!.length;
    // The clock runs even at depth 0, so a depth ramp scales the wobble without jumping its phase.
    this.shifter.setCents((parameters.cents?.[0] ?? 0) + this.wow.next(parameters.wow?.[0] ?? 0, frames));
    this.shifter.process(input, output, frames);
    return this.alive;
  }
}

registerProcessor(PITCH_SHIFT_PROCESSOR, PitchShiftProcessor);
