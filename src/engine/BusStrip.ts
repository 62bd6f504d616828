import { reverbImpulse } from '../dsp/impulseResponse';
import type { BusEffect } from '../state/project';
import { ChannelStrip, setParam, type StripState } from './ChannelStrip';

export interface BusStripOptions {
  readonly context: BaseAudioContext;
  readonly destination: AudioNode;
  readonly tap?: AudioNode | null;
}

/**
 * A bus: sends arrive at `input`, the bus's effect processes their sum, and a channel strip (the same inserts
 * as a track's) returns it to the master.
 * - reverb: pre-delay → convolver with a generated impulse response (regenerated only when decay or damping change);
 * - delay: a delay line whose feedback runs through a low-pass, so each repeat is darker;
 * - none: the sum goes straight to the strip (e.g. parallel compression).
 */
export class BusStrip {
  readonly input: AudioNode;
  readonly strip: ChannelStrip;
  private readonly nodes: AudioNode[] = [];
  private readonly type: BusEffect['type'];
  private convolver: ConvolverNode | null = null;
  private preDelay: DelayNode | null = null;
  private lowCut: BiquadFilterNode | null = null;
  private highCut: BiquadFilterNode | null = null;
  private delay: DelayNode | null = null;
  private feedback: GainNode | null = null;
  private tone: BiquadFilterNode | null = null;
  private irKey = '';
  private disposed = false;

  constructor(
    options: BusStripOptions,
    effect: BusEffect,
  ) {
    const ctx = options.context;
    this.type = effect.type;
    this.strip = new ChannelStrip({ context: ctx, destination: options.destination, busInput: () => null, tap: options.tap ?? null });
    if (effect.type === 'reverb') {
      this.preDelay = new DelayNode(ctx, { maxDelayTime: 0.25, delayTime: effect.preDelayMs / 1000 });
      this.convolver = new ConvolverNode(ctx, { disableNormalization: true });
      // The return's filters: open (20 Hz high-pass, 20 kHz low-pass) unless a technique narrows them.
      this.lowCut = new BiquadFilterNode(ctx, { type: 'highpass', frequency: effect.lowCutHz, Q: Math.SQRT1_2 });
      this.highCut = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.highCutHz, Q: Math.SQRT1_2 });
      this.preDelay.connect(this.convolver).connect(this.lowCut).connect(this.highCut).connect(this.strip.input);
      this.nodes.push(this.preDelay, this.lowCut, this.highCut);
      this.input = this.preDelay;
    } else if (effect.type === 'delay') {
      this.delay = new DelayNode(ctx, { maxDelayTime: 2.1, delayTime: effect.timeMs / 1000 });
      this.tone = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.toneHz, Q: Math.SQRT1_2 });
      this.feedback = new GainNode(ctx, { gain: effect.feedback });
      this.delay.connect(this.tone).connect(this.feedback).connect(this.delay);
      this.delay.connect(this.strip.input);
      this.nodes.push(this.delay, this.tone, this.feedback);
      this.input = this.delay;
    } else {
      const input = new GainNode(ctx);
      input.connect(this.strip.input);
      this.nodes.push(input);
      this.input = input;
    }
  }

  /** The effect's type is fixed for a bus's lifetime; MixGraph rebuilds a bus whose type changes. */
  get effectType(): BusEffect['type'] {
    return this.type;
  }

  get nodeCount(): number {
    return this.strip.nodeCount + this.nodes.length + (this.convolver ? 1 : 0);
  }

  set(effect: BusEffect, strip: StripState, rampSec: number): void {
    if (this.disposed) return;
    const now = this.input.context.currentTime;
    if (effect.type === 'reverb' && this.convolver && this.preDelay) {
      setParam(this.preDelay.delayTime, effect.preDelayMs / 1000, now, rampSec);
      if (this.lowCut) setParam(this.lowCut.frequency, effect.lowCutHz, now, rampSec);
      if (this.highCut) setParam(this.highCut.frequency, effect.highCutHz, now, rampSec);
      const key = `${effect.decaySec}/${effect.dampHz}`;
      if (key !== this.irKey) {
        this.irKey = key;
        this.convolver = this.swapConvolver(effect.decaySec, effect.dampHz);
      }
    } else if (effect.type === 'delay' && this.delay && this.feedback && this.tone) {
      setParam(this.delay.delayTime, effect.timeMs / 1000, now, rampSec);
      setParam(this.feedback.gain, effect.feedback, now, rampSec);
      setParam(this.tone.frequency, effect.toneHz, now, rampSec);
    }
    this.strip.set(strip, rampSec);
  }

  /** A convolver's impulse response is set once; a new decay gets a new convolver in the old one's place. */
  private swapConvolver(decaySec: number, dampHz: number): ConvolverNode {
    const ctx = this.input.context;
    const [l, r] = reverbImpulse({ sampleRate: ctx.sampleRate, decaySec, dampHz });
    const buffer = new AudioBuffer({ numberOfChannels: 2, length: l.length, sampleRate: ctx.sampleRate });
    buffer.copyToChannel(l, 0);
    buffer.copyToChannel(r, 1);
    const old = this.convolver;
    if (old && old.buffer === null) {
      old.buffer = buffer;
      return old;
    }
    const next = new ConvolverNode(ctx, { disableNormalization: true, buffer });
    this.preDelay?.connect(next).connect(this.lowCut ?? this.strip.input);
    if (old) {
      this.preDelay?.disconnect(old);
      old.disconnect();
    }
    return next;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.convolver?.disconnect();
    for (const n of this.nodes) n.disconnect();
    this.strip.dispose();
  }
}
