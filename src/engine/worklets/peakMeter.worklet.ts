// AudioWorklet: reports the sample peak of each channel about 30 times a second, off the main thread.
// The main thread only reads two numbers per message.

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

export const PEAK_METER_PROCESSOR = 'earshot-peak-meter';

class PeakMeterProcessor extends AudioWorkletProcessor {
  private peakL = 0;
  private peakR = 0;
  private frames = 0;
  private readonly framesPerReport = Math.round(sampleRate / 30);

  process(inputs: Float32Array[][]): boolean {
    const input = inputs[0];
    if (input && input.length > 0) {
      const l = input[0]!;
      const r = input[1] ?? l;
      let pl = this.peakL;
      let pr = this.peakR;
      for (let i = 0; i < l.length; i++) {
        const a = Math.abs(l[i]!);
        if (a > pl) pl = a;
        const b = Math.abs(r[i]!);
        if (b > pr) pr = b;
      }
      this.peakL = pl;
      this.peakR = pr;
      this.frames += l.length;
    } else {
      this.frames += 128;
    }
    if (this.frames >= this.framesPerReport) {
      this.port.postMessage([this.peakL, this.peakR]);
      this.peakL = 0;
      this.peakR = 0;
      this.frames = 0;
    }
    return true;
  }
}

registerProcessor(PEAK_METER_PROCESSOR, PeakMeterProcessor);
