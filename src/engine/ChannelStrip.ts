import { faderGain } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';

export interface StripSettings {
  /** Fader position, dB (FADER_MIN_DB and below is off). */
  readonly gainDb: number;
  /** −1 (left) .. +1 (right), equal-power. */
  readonly pan: number;
  /** False when muted, or when another track is soloed. */
  readonly audible: boolean;
}

export interface ChannelStripOptions {
  readonly context: BaseAudioContext;
  /** Where the strip's output goes (the master bus input). */
  readonly destination: AudioNode;
  /** Optional post-fader tap, e.g. a peak meter. */
  readonly tap?: AudioNode | null;
}

/**
 * A track's channel strip, built from native nodes (4 per strip, where Tone's EQ3+Compressor+PanVol builds ~85):
 * input → pan → fader → mute → destination (and the meter tap).
 */
export class ChannelStrip {
  readonly input: GainNode;
  private readonly panner: StereoPannerNode;
  private readonly fader: GainNode;
  private readonly muter: GainNode;
  private readonly tap: AudioNode | null;
  private disposed = false;

  constructor(options: ChannelStripOptions) {
    const ctx = options.context;
    this.input = new GainNode(ctx, { channelCount: 2, channelCountMode: 'max' });
    this.panner = new StereoPannerNode(ctx);
    this.fader = new GainNode(ctx, { gain: 1 });
    this.muter = new GainNode(ctx, { gain: 1 });
    this.tap = options.tap ?? null;
    this.input.connect(this.panner).connect(this.fader).connect(this.muter).connect(options.destination);
    if (this.tap) this.muter.connect(this.tap);
  }

  /** Native nodes this strip owns (the meter tap is counted by whoever made it). */
  static readonly NODE_COUNT = 4;

  /**
   * Applies settings. With rampSec > 0 each parameter glides there (no zipper clicks while sound plays);
   * with 0 it is set at once, as an offline render wants before it starts.
   */
  set(settings: StripSettings, rampSec: number): void {
    if (this.disposed) return;
    const now = this.input.context.currentTime;
    setParam(this.fader.gain, faderGain(settings.gainDb), now, rampSec);
    setParam(this.panner.pan, clampPan(settings.pan), now, rampSec);
    setParam(this.muter.gain, settings.audible ? 1 : 0, now, rampSec);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.muter.disconnect();
    this.fader.disconnect();
    this.panner.disconnect();
    this.input.disconnect();
  }
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
