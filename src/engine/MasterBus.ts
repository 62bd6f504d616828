import { dbToGain, faderGain } from '../dsp/decibels';
import { nativeMakeupDbWithKnee } from '../dsp/compressorCurve';
import type { MasteringSettings } from '../state/mastering';
import { setParam } from './ChannelStrip';
import { LimiterNode } from './LimiterNode';

export interface MasterBusOptions {
  readonly context: BaseAudioContext;
  readonly destination: AudioNode;
  /** Taps of the master output (meters, loudness), fed after the limiter. */
  readonly taps?: readonly AudioNode[];
}

/** The glue compressor's soft knee, dB. */
const GLUE_KNEE_DB = 6;

/**
 * DynamicsCompressorNode looks ahead 6 ms (264 frames at 44.1 kHz, 288 at 48 kHz, measured in Chromium);
 * the glue compressor's dry path is delayed to match, so bypassing it never shifts time or comb-filters.
 */
export const compressorDelaySec = (sampleRate: number): number => Math.floor(0.006 * sampleRate) / sampleRate;

/**
 * The master bus and mastering chain. Every strip sums into `input`; then:
 * master fader → EQ (low shelf, bell, high shelf) → glue compressor → stereo width (mid/side) → gain →
 * true-peak limiter → output, and a monitor gain after it that only playback uses (the streaming preview).
 * Bypasses cross-fade between equally delayed paths, so the chain's latency is constant: `latencySec`.
 */
export class MasterBus {
  readonly input: GainNode;
  /** The exported signal: the end of the chain, before the monitor gain. */
  readonly output: GainNode;
  readonly latencySec: number;
  private readonly fader: GainNode;
  private readonly lowShelf: BiquadFilterNode;
  private readonly bell: BiquadFilterNode;
  private readonly highShelf: BiquadFilterNode;
  private readonly glue: DynamicsCompressorNode;
  private readonly glueWet: GainNode;
  private readonly glueDry: GainNode;
  private readonly glueDelay: DelayNode;
  private readonly width: { splitter: ChannelSplitterNode; ll: GainNode; rl: GainNode; lr: GainNode; rr: GainNode; merger: ChannelMergerNode };
  private readonly gain: GainNode;
  private readonly limiter: LimiterNode;
  private readonly limiterWet: GainNode;
  private readonly limiterDry: GainNode;
  private readonly limiterDelay: DelayNode;
  private readonly monitor: GainNode;
  private readonly nodes: AudioNode[];
  /** The glue compressor's own make-up gain as last set, dB. */
  private glueAutoDb = 0;
  private disposed = false;

  private constructor(options: MasterBusOptions, limiter: LimiterNode) {
    const ctx = options.context;
    const stereo = { channelCount: 2, channelCountMode: 'explicit' as const, channelInterpretation: 'speakers' as const };
    this.input = new GainNode(ctx, stereo);
    this.fader = new GainNode(ctx, stereo);
    this.lowShelf = new BiquadFilterNode(ctx, { type: 'lowshelf', ...stereo });
    this.bell = new BiquadFilterNode(ctx, { type: 'peaking', ...stereo });
    this.highShelf = new BiquadFilterNode(ctx, { type: 'highshelf', ...stereo });
    this.glue = new DynamicsCompressorNode(ctx, { knee: GLUE_KNEE_DB, ...stereo });
    this.glueWet = new GainNode(ctx, { gain: 0, ...stereo });
    this.glueDry = new GainNode(ctx, { gain: 1, ...stereo });
    this.glueDelay = new DelayNode(ctx, { delayTime: compressorDelaySec(ctx.sampleRate), maxDelayTime: 0.05, ...stereo });
    const splitter = new ChannelSplitterNode(ctx, { numberOfOutputs: 2 });
    const merger = new ChannelMergerNode(ctx, { numberOfInputs: 2 });
    this.width = { splitter, merger, ll: new GainNode(ctx), rl: new GainNode(ctx), lr: new GainNode(ctx), rr: new GainNode(ctx) };
    this.gain = new GainNode(ctx, stereo);
    this.limiter = limiter;
    this.limiterWet = new GainNode(ctx, { gain: 1, ...stereo });
    this.limiterDry = new GainNode(ctx, { gain: 0, ...stereo });
    this.limiterDelay = new DelayNode(ctx, { delayTime: limiter.latencySec, maxDelayTime: 0.05, ...stereo });
    this.output = new GainNode(ctx, stereo);
    this.monitor = new GainNode(ctx, stereo);
    this.latencySec = compressorDelaySec(ctx.sampleRate) + limiter.latencySec;

    this.input.connect(this.fader).connect(this.lowShelf).connect(this.bell).connect(this.highShelf);
    this.highShelf.connect(this.glue).connect(this.glueWet);
    this.highShelf.connect(this.glueDelay).connect(this.glueDry);
    // Width: L' = L·(1+w)/2 + R·(1−w)/2 and R' = R·(1+w)/2 + L·(1−w)/2, i.e. the side signal scaled by w.
    const w = this.width;
    this.glueWet.connect(splitter);
    this.glueDry.connect(splitter);
    splitter.connect(w.ll, 0).connect(merger, 0, 0);
    splitter.connect(w.rl, 1).connect(merger, 0, 0);
    splitter.connect(w.lr, 0).connect(merger, 0, 1);
    splitter.connect(w.rr, 1).connect(merger, 0, 1);
    merger.connect(this.gain);
    this.gain.connect(limiter.input);
    limiter.output.connect(this.limiterWet).connect(this.output);
    this.gain.connect(this.limiterDelay).connect(this.limiterDry).connect(this.output);
    this.output.connect(this.monitor).connect(options.destination);
    for (const tap of options.taps ?? []) this.output.connect(tap);
    this.nodes = [
      this.input, this.fader, this.lowShelf, this.bell, this.highShelf, this.glue, this.glueWet, this.glueDry, this.glueDelay,
      splitter, w.ll, w.rl, w.lr, w.rr, merger, this.gain, this.limiterWet, this.limiterDry, this.limiterDelay, this.output, this.monitor,
    ];
  }

  /** Builds the bus; async because the limiter's AudioWorklet module must load into the context first. */
  static async create(options: MasterBusOptions): Promise<MasterBus> {
    const limiter = await LimiterNode.create(options.context, { lookaheadMs: 3 });
    return new MasterBus(options, limiter);
  }

  /** Native nodes this bus owns, for the benchmark's node counts (the limiter worklet counts as one). */
  get nodeCount(): number {
    return this.nodes.length + 1;
  }

  /** Latest limiter gain reduction, dB ≥ 0. */
  get gainReductionDb(): number {
    return this.limiter.gainReductionDb;
  }

  setGainDb(gainDb: number, rampSec: number): void {
    if (this.disposed) return;
    setParam(this.fader.gain, faderGain(gainDb), this.fader.context.currentTime, rampSec);
  }

  /** Applies mastering settings; rampSec 0 sets them at once (offline), otherwise they glide. */
  setMastering(m: MasteringSettings, rampSec: number): void {
    if (this.disposed) return;
    const now = this.input.context.currentTime;
    const on = m.enabled;
    setParam(this.lowShelf.gain, on ? m.eq.lowShelfDb : 0, now, rampSec);
    setParam(this.lowShelf.frequency, m.eq.lowShelfHz, now, rampSec);
    setParam(this.bell.gain, on ? m.eq.bellDb : 0, now, rampSec);
    setParam(this.bell.frequency, m.eq.bellHz, now, rampSec);
    setParam(this.bell.Q, m.eq.bellQ, now, rampSec);
    setParam(this.highShelf.gain, on ? m.eq.highShelfDb : 0, now, rampSec);
    setParam(this.highShelf.frequency, m.eq.highShelfHz, now, rampSec);
    // The glue's parameters are k-rate and its automatic make-up follows threshold and ratio block by block: a glide
    // would step the level every 128 frames (a zipper). They move at once instead; the wet gain takes the make-up's
    // jump back out in the same block and glides to unity, so the make-up change is heard as a glide.
    const glueOn = on && m.glue.enabled;
    setParam(this.glue.threshold, m.glue.thresholdDb, now, 0);
    setParam(this.glue.ratio, m.glue.ratio, now, 0);
    setParam(this.glue.attack, m.glue.attackMs / 1000, now, 0);
    setParam(this.glue.release, m.glue.releaseMs / 1000, now, 0);
    const autoDb = nativeMakeupDbWithKnee(m.glue.thresholdDb, m.glue.ratio, GLUE_KNEE_DB);
    const wet = this.glueWet.gain;
    wet.cancelScheduledValues(now);
    if (rampSec <= 0) wet.value = glueOn ? 1 : 0;
    else {
      wet.setValueAtTime(wet.value * dbToGain(this.glueAutoDb - autoDb), now);
      wet.setTargetAtTime(glueOn ? 1 : 0, now, rampSec / 3);
    }
    this.glueAutoDb = autoDb;
    setParam(this.glueDry.gain, glueOn ? 0 : 1, now, rampSec);
    const width = on ? m.widthPct / 100 : 1;
    const direct = (1 + width) / 2;
    const cross = (1 - width) / 2;
    setParam(this.width.ll.gain, direct, now, rampSec);
    setParam(this.width.rr.gain, direct, now, rampSec);
    setParam(this.width.rl.gain, cross, now, rampSec);
    setParam(this.width.lr.gain, cross, now, rampSec);
    setParam(this.gain.gain, dbToGain(on ? m.gainDb : 0), now, rampSec);
    this.limiter.setCeilingDb(m.limiter.ceilingDb, rampSec);
    this.limiter.setReleaseMs(m.limiter.releaseMs);
    setParam(this.limiterWet.gain, m.limiter.enabled ? 1 : 0, now, rampSec);
    setParam(this.limiterDry.gain, m.limiter.enabled ? 0 : 1, now, rampSec);
  }

  /** Playback-only level after the chain (streaming preview); never part of an export. */
  setMonitorGainDb(gainDb: number, rampSec: number): void {
    if (this.disposed) return;
    setParam(this.monitor.gain, dbToGain(gainDb), this.monitor.context.currentTime, rampSec);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const n of [...this.nodes].reverse()) n.disconnect();
    this.limiter.dispose();
  }
}
