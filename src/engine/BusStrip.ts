import { reverbImpulse } from '../dsp/impulseResponse';
import type { BusEffect } from '../state/project';
import { ChannelStrip, RETIRE_MARGIN_SEC, setParam, type StripState } from './ChannelStrip';

export interface BusStripOptions {
  readonly context: BaseAudioContext;
  readonly destination: AudioNode;
  readonly tap?: AudioNode | null;
  /** Runs `dispose` once the context's clock passes `untilSec` (a replaced convolver rings out first). Default: at once. */
  readonly retire?: (untilSec: number, dispose: () => void) => void;
}

/**
 * A bus: sends arrive at `input`, the bus's effect processes their sum, and a channel strip (the same inserts
 * as a track's) returns it to the master.
 * - reverb: pre-delay → feed gain → convolver with a generated impulse response → low cut → high cut. A new decay or
 *   damping needs a new impulse response, so a new convolver: while sound plays the pre-delay's output cross-fades
 *   from the old convolver's feed to the new one's, and the old one rings out its tail before it goes (swapping
 *   convolvers cut the tail dead: measured 4.5× the signal's own largest step). A new pre-delay jumps behind the
 *   shut feed the same way (a glide read the line backwards: 1.4× the signal's own step, and a click above 8 kHz);
 * - delay: a delay line → gate → (the strip, and back through a low-pass and the feedback gain to the line), so each
 *   repeat is darker. A new delay time is a jump, not a glide: a glide plays the line back faster or slower and
 *   bends the repeats' pitch in a zip (6.5× the signal's own step). The gate closes, the time jumps while it is shut,
 *   and it opens again; the gate is inside the feedback loop, so no step is written back into the line;
 * - none: the sum goes straight to the strip (e.g. parallel compression).
 */
export class BusStrip {
  readonly input: AudioNode;
  readonly strip: ChannelStrip;
  private readonly nodes: AudioNode[] = [];
  private readonly type: BusEffect['type'];
  private convolver: ConvolverNode | null = null;
  /** The gain in front of the convolver: a replaced convolver's feed fades out while the new one's fades in. */
  private feed: GainNode | null = null;
  private gate: GainNode | null = null;
  private readonly retire: (untilSec: number, dispose: () => void) => void;
  private preDelay: DelayNode | null = null;
  private lowCut: BiquadFilterNode | null = null;
  private highCut: BiquadFilterNode | null = null;
  private delay: DelayNode | null = null;
  private feedback: GainNode | null = null;
  private tone: BiquadFilterNode | null = null;
  private irKey = '';
  /** The delay time last asked for, seconds (the line's parameter may still be on its way there). */
  private delayTimeSec = NaN;
  /** The reverb's pre-delay last asked for, seconds. */
  private preDelaySec = NaN;
  private disposed = false;

  constructor(
    options: BusStripOptions,
    effect: BusEffect,
  ) {
    const ctx = options.context;
    this.type = effect.type;
    this.retire = options.retire ?? ((_, dispose) => dispose());
    this.strip = new ChannelStrip({ context: ctx, destination: options.destination, busInput: () => null, tap: options.tap ?? null });
    if (effect.type === 'reverb') {
      this.preDelay = new DelayNode(ctx, { maxDelayTime: 0.25, delayTime: effect.preDelayMs / 1000 });
      this.preDelaySec = effect.preDelayMs / 1000;
      this.feed = new GainNode(ctx);
      this.convolver = new ConvolverNode(ctx, { disableNormalization: true });
      // The return's filters: open (20 Hz high-pass, 20 kHz low-pass) unless a technique narrows them.
      this.lowCut = new BiquadFilterNode(ctx, { type: 'highpass', frequency: effect.lowCutHz, Q: Math.SQRT1_2 });
      this.highCut = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.highCutHz, Q: Math.SQRT1_2 });
      this.preDelay.connect(this.feed).connect(this.convolver).connect(this.lowCut).connect(this.highCut).connect(this.strip.input);
      this.nodes.push(this.preDelay, this.lowCut, this.highCut);
      this.input = this.preDelay;
    } else if (effect.type === 'delay') {
      this.delay = new DelayNode(ctx, { maxDelayTime: 2.1, delayTime: effect.timeMs / 1000 });
      this.delayTimeSec = effect.timeMs / 1000;
      this.tone = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.toneHz, Q: Math.SQRT1_2 });
      this.feedback = new GainNode(ctx, { gain: effect.feedback });
      this.gate = new GainNode(ctx);
      this.delay.connect(this.gate).connect(this.tone).connect(this.feedback).connect(this.delay);
      this.gate.connect(this.strip.input);
      this.nodes.push(this.delay, this.gate, this.tone, this.feedback);
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
    return this.strip.nodeCount + this.nodes.length + (this.convolver ? 2 : 0);
  }

  set(effect: BusEffect, strip: StripState, rampSec: number): void {
    if (this.disposed) return;
    const now = this.input.context.currentTime;
    if (effect.type === 'reverb' && this.convolver && this.preDelay) {
      if (this.lowCut) setParam(this.lowCut.frequency, effect.lowCutHz, now, rampSec);
      if (this.highCut) setParam(this.highCut.frequency, effect.highCutHz, now, rampSec);
      // A pre-delay glided under sound reads its line faster or backwards (a warble and a click), so while sound
      // plays a new pre-delay shuts the feed over rampSec, jumps, and opens it again; the reverb's tail rings on.
      const preDelaySec = effect.preDelayMs / 1000;
      const jump = preDelaySec !== this.preDelaySec && rampSec > 0;
      const delayTime = this.preDelay.delayTime;
      if (preDelaySec !== this.preDelaySec) {
        // Only on a change: another setting moved within the glide must not cancel a jump still to come.
        delayTime.cancelScheduledValues(now);
        if (jump) delayTime.setValueAtTime(preDelaySec, now + rampSec);
        else delayTime.value = preDelaySec;
        this.preDelaySec = preDelaySec;
      }
      const key = `${effect.decaySec}/${effect.dampHz}`;
      if (key !== this.irKey) {
        this.irKey = key;
        this.swapConvolver(effect.decaySec, effect.dampHz, now, rampSec, jump ? rampSec : 0);
      } else if (jump && this.feed) {
        const feed = this.feed.gain;
        feed.cancelScheduledValues(now);
        feed.setValueAtTime(feed.value, now);
        feed.linearRampToValueAtTime(0, now + rampSec);
        feed.linearRampToValueAtTime(1, now + 2 * rampSec);
      }
    } else if (effect.type === 'delay' && this.delay && this.feedback && this.tone && this.gate) {
      this.setDelayTime(effect.timeMs / 1000, now, rampSec);
      setParam(this.feedback.gain, effect.feedback, now, rampSec);
      setParam(this.tone.frequency, effect.toneHz, now, rampSec);
    }
    this.strip.set(strip, rampSec);
  }

  /**
   * A convolver's impulse response is set once; a new decay gets a new convolver beside the old one. With rampSec > 0
   * the feeds cross-fade and the old convolver is retired once its tail has rung out.
   * @param openAfterSec the new feed starts to open this long after now (rampSec while the pre-delay jumps: the old
   *   feed is shut by then)
   */
  private swapConvolver(decaySec: number, dampHz: number, now: number, rampSec: number, openAfterSec: number): void {
    const ctx = this.input.context;
    const [l, r] = reverbImpulse({ sampleRate: ctx.sampleRate, decaySec, dampHz });
    const buffer = new AudioBuffer({ numberOfChannels: 2, length: l.length, sampleRate: ctx.sampleRate });
    buffer.copyToChannel(l, 0);
    buffer.copyToChannel(r, 1);
    const old = this.convolver;
    const oldFeed = this.feed;
    if (!old || !oldFeed || !this.preDelay) return;
    if (old.buffer === null) {
      old.buffer = buffer;
      return;
    }
    const feed = new GainNode(ctx, { gain: rampSec > 0 ? 0 : 1 });
    const next = new ConvolverNode(ctx, { disableNormalization: true, buffer });
    this.preDelay.connect(feed).connect(next).connect(this.lowCut ?? this.strip.input);
    this.convolver = next;
    this.feed = feed;
    const drop = () => {
      // dispose() disconnects the pre-delay from everything; until then it still feeds the old feed gain.
      if (!this.disposed) this.preDelay?.disconnect(oldFeed);
      oldFeed.disconnect();
      old.disconnect();
    };
    if (rampSec <= 0) {
      drop();
      return;
    }
    feed.gain.setValueAtTime(0, now + openAfterSec);
    feed.gain.linearRampToValueAtTime(1, now + openAfterSec + rampSec);
    oldFeed.gain.cancelScheduledValues(now);
    oldFeed.gain.setValueAtTime(oldFeed.gain.value, now);
    oldFeed.gain.linearRampToValueAtTime(0, now + rampSec);
    this.retire(now + rampSec + (old.buffer?.duration ?? 0) + RETIRE_MARGIN_SEC, drop);
  }

  /** A new delay time: at once offline; while sound plays the gate shuts over rampSec, the time jumps, and it opens. */
  private setDelayTime(timeSec: number, now: number, rampSec: number): void {
    const delay = this.delay as DelayNode;
    const gate = (this.gate as GainNode).gain;
    if (rampSec <= 0) {
      this.delayTimeSec = timeSec;
      delay.delayTime.cancelScheduledValues(now);
      delay.delayTime.value = timeSec;
      gate.cancelScheduledValues(now);
      gate.value = 1;
      return;
    }
    if (this.delayTimeSec === timeSec) return;
    this.delayTimeSec = timeSec;
    // From wherever the gate is now (a slider drag sends a new time before the last jump is done).
    gate.cancelScheduledValues(now);
    gate.setValueAtTime(gate.value, now);
    gate.linearRampToValueAtTime(0, now + rampSec);
    delay.delayTime.cancelScheduledValues(now);
    delay.delayTime.setValueAtTime(timeSec, now + rampSec);
    gate.linearRampToValueAtTime(1, now + 2 * rampSec);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.convolver?.disconnect();
    this.feed?.disconnect();
    for (const n of this.nodes) n.disconnect();
    this.strip.dispose();
  }
}
