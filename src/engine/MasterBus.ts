import { faderGain } from '../dsp/decibels';
import { setParam } from './ChannelStrip';

export interface MasterBusOptions {
  readonly context: BaseAudioContext;
  readonly destination: AudioNode;
  readonly tap?: AudioNode | null;
}

/** The master bus: every strip sums into `input`; then the master fader; then the output. */
export class MasterBus {
  readonly input: GainNode;
  private readonly fader: GainNode;
  private disposed = false;

  constructor(options: MasterBusOptions) {
    this.input = new GainNode(options.context, { channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' });
    this.fader = new GainNode(options.context, { gain: 1 });
    this.input.connect(this.fader).connect(options.destination);
    if (options.tap) this.fader.connect(options.tap);
  }

  setGainDb(gainDb: number, rampSec: number): void {
    if (this.disposed) return;
    setParam(this.fader.gain, faderGain(gainDb), this.fader.context.currentTime, rampSec);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.fader.disconnect();
    this.input.disconnect();
  }
}
