/**
 * A small pitch shifter for detuning by a few cents without changing timing: two read taps sweep through a delay
 * line, each faded in and out with sin² windows half a window apart (their gains always sum to 1). A tap whose
 * delay shrinks by (r − 1) samples per sample plays the signal r times faster, i.e. r times higher.
 * Latency: minDelay + window/2 samples on average, which a doubled part wants anyway (a second player is late).
 */
export class PitchShifter {
  private readonly buffers: Float32Array[];
  private readonly mask: number;
  private write = 0;
  private phase = 0;
  /** Frames of one sweep window. */
  readonly window: number;
  /** Shortest delay of a tap, frames. */
  readonly minDelay: number;
  private ratio = 1;

  /**
   * @param channels 1 or 2
   * @param window frames of one sweep (e.g. 1024 at 44.1 kHz ≈ 23 ms)
   */
  constructor(channels: number, window: number, minDelay = 2) {
    this.window = window;
    this.minDelay = minDelay;
    let size = 1;
    while (size < window + minDelay + 4) size <<= 1;
    this.mask = size - 1;
    this.buffers = Array.from({ length: channels }, () => new Float32Array(size));
  }

  /** Average delay, frames. */
  get latencyFrames(): number {
    return this.minDelay + this.window / 2;
  }

  /** @param cents pitch offset, −50..+50 */
  setCents(cents: number): void {
    this.ratio = Math.pow(2, cents / 1200);
  }

  /** Processes one block; input and output arrays per channel (a missing input channel reads as silence). */
  process(inputs: readonly (Float32Array | undefined)[], outputs: readonly Float32Array[], frames: number): void {
    const w = this.window;
    const step = (1 - this.ratio) / w;
    const mask = this.mask;
    const start = this.write;
    const startPhase = this.phase;
    for (let c = 0; c < outputs.length; c++) {
      const buf = this.buffers[c] ?? this.buffers[0]!;
      const input = inputs[c] ?? inputs[0];
      const out = outputs[c]!;
      let write = start;
      let phase = startPhase;
      for (let i = 0; i < frames; i++) {
        buf[write & mask] = input ? input[i]! : 0;
        const p2 = phase + 0.5 >= 1 ? phase - 0.5 : phase + 0.5;
        const d1 = this.minDelay + phase * w;
        const d2 = this.minDelay + p2 * w;
        const s1 = Math.sin(Math.PI * phase);
        const s2 = Math.sin(Math.PI * p2);
        out[i] = s1 * s1 * read(buf, write - d1, mask) + s2 * s2 * read(buf, write - d2, mask);
        phase += step;
        if (phase >= 1) phase -= 1;
        else if (phase < 0) phase += 1;
        write++;
      }
      if (c === outputs.length - 1) {
        this.write = write & mask;
        this.phase = phase;
      }
    }
  }
}

function read(buf: Float32Array, pos: number, mask: number): number {
  const i = Math.floor(pos);
  const f = pos - i;
  const a = buf[i & mask]!;
  const b = buf[(i + 1) & mask]!;
  return a + (b - a) * f;
}
