import { dbToGain, faderGain } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';
import { nativeMakeupDb } from '../dsp/compressorCurve';
import { saturationCurve } from '../dsp/saturation';
import type { Inserts, Send } from '../state/project';

/** The look-ahead of a DynamicsCompressorNode, frames: Chromium delays its signal by floor(0.006·sampleRate). */
export function compressorLatencyFrames(sampleRate: number): number {
  return Math.floor(0.006 * sampleRate);
}

export interface StripState {
  readonly inserts: Inserts;
  /** Fader position, dB (FADER_MIN_DB and below is off). Ignored while volume automation drives the fader. */
  readonly gainDb: number;
  /** −1 (left) .. +1 (right), equal-power. Ignored while pan automation drives the panner. */
  readonly pan: number;
  /** False when muted, or when something else is soloed: the strip's own output is silent. */
  readonly audible: boolean;
  /** False when the strip's sends must stop too (an explicit mute, or another track's solo). */
  readonly feeding: boolean;
  readonly sends: readonly Send[];
}

export interface ChannelStripOptions {
  readonly context: BaseAudioContext;
  /** Where the strip's output goes. */
  readonly destination: AudioNode;
  /** Bus inputs by bus id, for sends. */
  readonly busInput: (busId: string) => AudioNode | null;
  /** Optional post-fader tap, e.g. a peak meter. */
  readonly tap?: AudioNode | null;
  /**
   * Runs `dispose` once the context's clock passes `untilSec`: a send removed while sound plays fades out first.
   * Default: at once.
   */
  readonly retire?: (untilSec: number, dispose: () => void) => void;
}

interface SendNode {
  readonly gain: GainNode;
  pre: boolean;
  busId: string;
}

/**
 * A channel strip built from native nodes (15, plus one per active send, where Tone's EQ3+Compressor+PanVol
 * builds ~85):
 * input=low shelf → bell → bell → high shelf → high-pass (wet/dry) → compressor → make-up → saturation (wet/dry) →
 * [pre-fader sends] → pan → fader → [post-fader sends] → output mute → destination.
 *
 * Contracts:
 * - Every bypass is a parameter move, never a rewiring, so bypassing is click-free and the latency is constant:
 *   the high-pass and the saturation cross-fade to their dry paths (neither delays: a biquad has no latency and
 *   the wave shaper no oversampling), EQ gains glide to 0 dB, the compressor's ratio goes to 1 (its 6 ms
 *   look-ahead delay stays). The high-pass sits after the EQ: the filters are linear and time-invariant, so the
 *   order does not change the sound. (It used to glide to 0 Hz, which Chromium treats as an exact pass-through;
 *   but the filter's state lags far behind a cutoff falling towards 0 Hz and the final snap clicked: measured
 *   in tests/browser/clicks.test.ts.)
 * - The compressor's automatic make-up gain is divided out, so the make-up is exactly what the user set.
 * - The input trim and clip gain live in the clip players, which feed `input`.
 */
export class ChannelStrip {
  readonly input: AudioNode;
  readonly compressor: DynamicsCompressorNode;
  readonly panner: StereoPannerNode;
  readonly fader: GainNode;
  private readonly bands: BiquadFilterNode[];
  private readonly hpf: BiquadFilterNode;
  private readonly hpfWet: GainNode;
  private readonly hpfDry: GainNode;
  private readonly makeup: GainNode;
  /** The part of the make-up gain that divides out the compressor's own make-up, linear. */
  private compensation = 1;
  private shaper: WaveShaperNode;
  private wet: GainNode;
  /** The saturation was in (its wet path sounding) after the last set(). */
  private satOn = false;
  private readonly dry: GainNode;
  private readonly output: GainNode;
  private readonly tap: AudioNode | null;
  private readonly sends = new Map<string, SendNode>();
  private readonly busInput: (busId: string) => AudioNode | null;
  private readonly retire: (untilSec: number, dispose: () => void) => void;
  private driveDb = NaN;
  /** Only while the strip is ducked: a gain between pan and fader whose gain is the ducker's output. */
  private duck: GainNode | null = null;
  private disposed = false;
  /** While automation drives them, set() leaves these parameters alone. */
  automatedVolume = false;
  automatedPan = false;

  constructor(options: ChannelStripOptions) {
    const ctx = options.context;
    this.busInput = options.busInput;
    this.retire = options.retire ?? ((_, dispose) => dispose());
    this.hpf = new BiquadFilterNode(ctx, { type: 'highpass', frequency: 80, Q: Math.SQRT1_2 });
    this.hpfWet = new GainNode(ctx, { gain: 0 });
    this.hpfDry = new GainNode(ctx, { gain: 1 });
    this.bands = [
      new BiquadFilterNode(ctx, { type: 'lowshelf', gain: 0 }),
      new BiquadFilterNode(ctx, { type: 'peaking', gain: 0 }),
      new BiquadFilterNode(ctx, { type: 'peaking', gain: 0 }),
      new BiquadFilterNode(ctx, { type: 'highshelf', gain: 0 }),
    ];
    this.compressor = new DynamicsCompressorNode(ctx, { ratio: 1, knee: 0, threshold: 0 });
    this.makeup = new GainNode(ctx);
    this.shaper = new WaveShaperNode(ctx, { oversample: 'none' });
    this.wet = new GainNode(ctx, { gain: 0 });
    this.dry = new GainNode(ctx, { gain: 1 });
    this.panner = new StereoPannerNode(ctx);
    this.fader = new GainNode(ctx);
    this.output = new GainNode(ctx);
    this.tap = options.tap ?? null;

    const [first, ...rest] = this.bands as [BiquadFilterNode, ...BiquadFilterNode[]];
    this.input = first;
    let node: AudioNode = first;
    for (const b of rest) node = node.connect(b);
    node.connect(this.hpf).connect(this.hpfWet).connect(this.compressor);
    node.connect(this.hpfDry).connect(this.compressor);
    this.compressor.connect(this.makeup);
    this.makeup.connect(this.shaper).connect(this.wet).connect(this.panner);
    this.makeup.connect(this.dry).connect(this.panner);
    this.panner.connect(this.fader).connect(this.output).connect(options.destination);
    if (this.tap) this.output.connect(this.tap);
  }

  /** Native nodes of a strip with no sends (the meter tap is counted by whoever made it). */
  static readonly NODE_COUNT = 15;

  /** Native nodes this strip owns now. */
  get nodeCount(): number {
    return ChannelStrip.NODE_COUNT + this.sends.size + (this.duck ? 1 : 0);
  }

  /**
   * Chromium's compressor always outputs two channels, so a mono track would reach the panner as dual mono
   * and be balanced rather than panned. A mono track's make-up gain mixes back to one channel, so the panner
   * applies the equal-power law (−3 dB per side in the centre); stereo tracks keep both channels.
   */
  setMono(mono: boolean): void {
    if (this.disposed) return;
    this.makeup.channelCount = mono ? 1 : 2;
    this.makeup.channelCountMode = mono ? 'explicit' : 'max';
  }

  /**
   * Ducks the strip by a gain signal (0..1 per sample, e.g. a Ducker worklet's output) between pan and fader,
   * so post-fader sends duck too; null takes it out. One extra node, only on a ducked strip.
   */
  setDuckSignal(signal: AudioNode | null): void {
    if (this.disposed) return;
    if (signal && !this.duck) {
      this.duck = new GainNode(this.input.context, { gain: 0 });
      this.panner.disconnect(this.fader);
      this.panner.connect(this.duck).connect(this.fader);
      signal.connect(this.duck.gain);
    } else if (!signal && this.duck) {
      this.panner.disconnect(this.duck);
      this.duck.disconnect();
      this.duck = null;
      this.panner.connect(this.fader);
    }
  }

  /** The strip's output, after the fader and mute: what a sidechain listens to. */
  get post(): AudioNode {
    return this.output;
  }

  /**
   * Fades everything after the make-up gain (the output and every send) linearly to silence over rampSec, for a strip
   * about to be removed while sound plays; dispose() it once the fade has passed.
   */
  fadeOut(rampSec: number): void {
    if (this.disposed) return;
    fadeToSilence(this.makeup.gain, this.input.context.currentTime, rampSec);
  }

  /** Gain reduction of the compressor right now, dB (≤ 0). */
  get reductionDb(): number {
    return this.compressor.reduction;
  }

  /**
   * Applies settings. With rampSec > 0 each parameter glides there (no zipper clicks while sound plays);
   * with 0 it is set at once, as an offline render wants before it starts.
   */
  set(s: StripState, rampSec: number): void {
    if (this.disposed) return;
    const now = this.input.context.currentTime;
    const { hpf, eq, comp, sat } = s.inserts;
    setParam(this.hpf.frequency, hpf.freqHz, now, rampSec);
    setParam(this.hpfWet.gain, hpf.bypass ? 0 : 1, now, rampSec);
    setParam(this.hpfDry.gain, hpf.bypass ? 1 : 0, now, rampSec);
    const [ls, b1, b2, hs] = this.bands as [BiquadFilterNode, BiquadFilterNode, BiquadFilterNode, BiquadFilterNode];
    const on = !eq.bypass;
    setParam(ls.frequency, eq.lowShelf.freqHz, now, rampSec);
    setParam(ls.gain, on ? eq.lowShelf.gainDb : 0, now, rampSec);
    setParam(b1.frequency, eq.bell1.freqHz, now, rampSec);
    setParam(b1.gain, on ? eq.bell1.gainDb : 0, now, rampSec);
    setParam(b1.Q, eq.bell1.q, now, rampSec);
    setParam(b2.frequency, eq.bell2.freqHz, now, rampSec);
    setParam(b2.gain, on ? eq.bell2.gainDb : 0, now, rampSec);
    setParam(b2.Q, eq.bell2.q, now, rampSec);
    setParam(hs.frequency, eq.highShelf.freqHz, now, rampSec);
    setParam(hs.gain, on ? eq.highShelf.gainDb : 0, now, rampSec);

    // The compressor's parameters are k-rate and its own make-up gain follows threshold and ratio at once, block by
    // block, with no smoothing. A glide would step that make-up every 128 frames against a smooth compensation: a
    // zipper (measured: 16× the signal's own largest step). So threshold and ratio move at once, the compensation
    // moves with them in the same block (they cancel exactly), and only the user's make-up glides. The
    // compressor's attack and release smooth the change in gain reduction.
    const ratio = comp.bypass ? 1 : comp.ratio;
    const threshold = comp.bypass ? 0 : comp.thresholdDb;
    setParam(this.compressor.threshold, threshold, now, 0);
    setParam(this.compressor.ratio, ratio, now, 0);
    setParam(this.compressor.attack, comp.attackMs / 1000, now, 0);
    setParam(this.compressor.release, comp.releaseMs / 1000, now, 0);
    const compensation = dbToGain(-nativeMakeupDb(threshold, ratio));
    const makeup = s.feeding ? dbToGain(comp.bypass ? 0 : comp.makeupDb) * compensation : 0;
    const makeupParam = this.makeup.gain;
    makeupParam.cancelScheduledValues(now);
    if (rampSec <= 0) makeupParam.value = makeup;
    else {
      makeupParam.setValueAtTime((makeupParam.value * compensation) / this.compensation, now);
      makeupParam.setTargetAtTime(makeup, now, rampSec / 3);
    }
    this.compensation = compensation;

    // A new curve replaces the old one at once: leave it while the saturation fades out, so bypassing it does
    // not jump to a different curve first. A drive change while it is in and sound plays cross-fades to a second
    // shaper with the new curve (a curve swapped under a sounding signal steps: 1.6× its own largest step).
    let swapped = false;
    if (sat.driveDb !== this.driveDb && !(sat.bypass && !Number.isNaN(this.driveDb))) {
      const curve = saturationCurve(sat.driveDb);
      swapped = rampSec > 0 && this.satOn && !sat.bypass;
      if (swapped) this.swapShaper(curve, now, rampSec);
      else this.shaper.curve = curve;
      this.driveDb = sat.driveDb;
    }
    this.satOn = !sat.bypass;
    if (!swapped) setParam(this.wet.gain, sat.bypass ? 0 : 1, now, rampSec);
    setParam(this.dry.gain, sat.bypass ? 1 : 0, now, rampSec);

    if (!this.automatedPan) setParam(this.panner.pan, clampPan(s.pan), now, rampSec);
    if (!this.automatedVolume) setParam(this.fader.gain, faderGain(s.gainDb), now, rampSec);
    setParam(this.output.gain, s.audible ? 1 : 0, now, rampSec);
    this.setSends(s.sends, now, rampSec);
  }

  /** A new shaper and wet gain beside the old ones: the old wet fades out and is let go, the new one fades in. */
  private swapShaper(curve: Float32Array<ArrayBuffer>, now: number, rampSec: number): void {
    const ctx = this.input.context;
    const shaper = new WaveShaperNode(ctx, { oversample: 'none', curve });
    const wet = new GainNode(ctx, { gain: 0 });
    this.makeup.connect(shaper).connect(wet).connect(this.panner);
    for (const send of this.sends.values()) if (send.pre) wet.connect(send.gain);
    const [oldShaper, oldWet] = [this.shaper, this.wet];
    // Two straight lines that sum to 1 throughout (an exponential fade-in beside a linear fade-out summed to 1.28:
    // a step 1.3× the signal's own).
    fadeToSilence(oldWet.gain, now, rampSec);
    wet.gain.setValueAtTime(0, now);
    wet.gain.linearRampToValueAtTime(1, now + rampSec);
    this.retire(now + rampSec + RETIRE_MARGIN_SEC, () => {
      oldWet.disconnect();
      oldShaper.disconnect();
    });
    this.shaper = shaper;
    this.wet = wet;
  }

  private setSends(sends: readonly Send[], now: number, rampSec: number): void {
    const wanted = new Set<string>();
    for (const send of sends) {
      const level = faderGain(send.levelDb);
      let existing = this.sends.get(send.busId);
      if (existing && existing.pre !== send.pre && rampSec > 0) {
        // Re-tapped while sound plays (pre- to post-fader or back): the send fades out from its old tap and a new
        // one fades in from the new tap, so neither jumps.
        this.retireSend(existing, now, rampSec);
        this.sends.delete(send.busId);
        existing = undefined;
      }
      if (level === 0 && !existing) continue;
      const bus = this.busInput(send.busId);
      if (!bus) continue;
      wanted.add(send.busId);
      if (!existing) {
        // A send that appears while sound plays fades in from silence.
        const gain = new GainNode(this.input.context, { gain: rampSec > 0 ? 0 : level });
        if (rampSec > 0) setParam(gain.gain, level, now, rampSec);
        gain.connect(bus);
        const node: SendNode = { gain, pre: send.pre, busId: send.busId };
        this.connectSendSource(node);
        this.sends.set(send.busId, node);
        continue;
      }
      if (existing.pre !== send.pre) {
        // Offline, before the render starts: re-tap at once.
        this.disconnectSendSource(existing);
        existing.pre = send.pre;
        this.connectSendSource(existing);
      }
      setParam(existing.gain.gain, level, now, rampSec);
    }
    for (const [busId, node] of [...this.sends]) {
      if (wanted.has(busId)) continue;
      this.sends.delete(busId);
      // Its bus is gone (the bus fades out too): fade the send before letting go, or the bus's input stops dead.
      this.retireSend(node, now, rampSec);
    }
  }

  /** Lets go of a send: at once with rampSec 0, otherwise after a fade to silence. */
  private retireSend(node: SendNode, now: number, rampSec: number): void {
    const drop = () => {
      node.gain.disconnect();
      this.disconnectSendSource(node);
    };
    if (rampSec <= 0) drop();
    else {
      fadeToSilence(node.gain.gain, now, rampSec);
      this.retire(now + rampSec + RETIRE_MARGIN_SEC, drop);
    }
  }

  private connectSendSource(node: SendNode): void {
    if (node.pre) {
      this.wet.connect(node.gain);
      this.dry.connect(node.gain);
    } else this.fader.connect(node.gain);
  }

  private disconnectSendSource(node: SendNode): void {
    if (node.pre) {
      this.wet.disconnect(node.gain);
      this.dry.disconnect(node.gain);
    } else this.fader.disconnect(node.gain);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.sends.values()) s.gain.disconnect();
    this.duck?.disconnect();
    this.sends.clear();
    for (const n of [this.output, this.fader, this.panner, this.dry, this.wet, this.shaper, this.makeup, this.compressor, this.hpfDry, this.hpfWet, this.hpf, ...this.bands])
      n.disconnect();
  }
}

/** After a fade to silence, how long to wait before disconnecting, seconds: the fade has surely played out. */
export const RETIRE_MARGIN_SEC = 0.05;

/** Ramps a gain linearly to exactly 0 over rampSec (an exponential approach would leave 5% to cut). */
function fadeToSilence(param: AudioParam, now: number, rampSec: number): void {
  param.cancelScheduledValues(now);
  param.setValueAtTime(param.value, now);
  param.linearRampToValueAtTime(0, now + rampSec);
}

/**
 * Moves a parameter to a value: at once when rampSec is 0, otherwise along an exponential approach
 * with time constant rampSec / 3, so it is within 5% after rampSec.
 */
export function setParam(param: AudioParam, value: number, now: number, rampSec: number): void {
  param.cancelScheduledValues(now);
  if (rampSec <= 0) {
    param.value = value;
    return;
  }
  param.setValueAtTime(param.value, now);
  param.setTargetAtTime(value, now, rampSec / 3);
}
