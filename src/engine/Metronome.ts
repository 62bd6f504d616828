import type * as Tone from 'tone';

/**
 * A click on every beat, accented on the downbeat, scheduled on the transport at audio time.
 * It goes straight to the speakers: it is never part of the mix or an export.
 */
export class Metronome {
  private eventId: number | null = null;
  private readonly raw: BaseAudioContext;
  private readonly out: GainNode;
  private beatsPerBar = 4;

  constructor(private readonly context: Tone.BaseContext) {
    this.raw = context.rawContext as unknown as BaseAudioContext;
    this.out = new GainNode(this.raw, { gain: 0.35 });
    this.out.connect(this.raw.destination);
  }

  setEnabled(on: boolean, beatsPerBar: number): void {
    this.beatsPerBar = beatsPerBar;
    const transport = this.context.transport;
    if (on && this.eventId === null) {
      this.eventId = transport.scheduleRepeat((time) => this.click(time), '4n', 0);
    } else if (!on && this.eventId !== null) {
      transport.clear(this.eventId);
      this.eventId = null;
    }
  }

  private click(time: number): void {
    const transport = this.context.transport;
    const beat = Math.round(transport.getTicksAtTime(time) / transport.PPQ);
    const downbeat = beat % this.beatsPerBar === 0;
    const osc = new OscillatorNode(this.raw, { type: 'sine', frequency: downbeat ? 1760 : 1320 });
    const env = new GainNode(this.raw, { gain: 0 });
    osc.connect(env).connect(this.out);
    env.gain.setValueAtTime(0, time);
    env.gain.linearRampToValueAtTime(downbeat ? 1 : 0.6, time + 0.001);
    env.gain.exponentialRampToValueAtTime(0.001, time + 0.05);
    osc.start(time);
    osc.stop(time + 0.06);
    osc.onended = () => env.disconnect();
  }

  dispose(): void {
    this.setEnabled(false, this.beatsPerBar);
    this.out.disconnect();
  }
}
