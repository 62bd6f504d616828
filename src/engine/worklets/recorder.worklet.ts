// AudioWorklet: captures its (mono) input from a given frame on, in chunks it transfers to the main thread, and
// reports the input's sample peak about 100 times a second whether or not it is recording.
// Contract with Recorder.ts (messages on the node's port):
//   in:  { type: 'start', take, frame }  write from the first frame >= `frame` (frames missed before the command
//                                        arrived are reported through `firstFrame`, never silently shifted)
//        { type: 'stop', take, frame }   end before `frame` (exclusive); null = after the last block processed. Answered at once
//                                        when the frame has passed, so a suspended context still answers.
//        { type: 'dispose' }             drop everything, stop reporting
//   out: { type: 'peak', peak }          linear sample peak since the previous report
//        { type: 'chunk', take, data }   consecutive captured frames (data.buffer is transferred; the last chunk of a
//                                        take may be partly filled: use `length`)
//        { type: 'stopped', take, firstFrame, endFrame }  after the take's last chunk; firstFrame is null when the
//                                        take never began. Chunks may run past endFrame (stop in the past): trim.

declare const sampleRate: number;
declare const currentFrame: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

export const RECORDER_PROCESSOR = 'earshot-recorder';

/** Frames per transferred chunk: 2^14 (0.34 s at 48 kHz, 64 KB), so a take costs ~3 messages a second. */
const CHUNK_FRAMES = 16384;
const QUANTUM = 128;

type Command =
  | { type: 'start'; take: number; frame: number }
  | { type: 'stop'; take: number; frame: number | null }
  | { type: 'dispose' };

class RecorderProcessor extends AudioWorkletProcessor {
  private peak = 0;
  private framesSinceReport = 0;
  private readonly framesPerReport = QUANTUM * Math.max(1, Math.round(sampleRate / 100 / QUANTUM));

  private take = -1;
  private startFrame = 0;
  private stopFrame = Infinity;
  private firstFrame: number | null = null;
  private recording = false;
  private chunk: Float32Array | null = null;
  private filled = 0;
  private alive = true;
  /** End (exclusive) of the last block processed: every frame before it has been seen. */
  private processedEnd = 0;

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<Command>) => this.command(e.data);
  }

  private command(c: Command): void {
    if (c.type === 'dispose') {
      this.alive = false;
      this.recording = false;
      this.chunk = null;
      this.port.onmessage = null;
      return;
    }
    if (c.type === 'start') {
      if (this.recording) this.finish(currentFrame);
      this.take = c.take;
      this.startFrame = c.frame;
      this.stopFrame = Infinity;
      this.firstFrame = null;
      this.filled = 0;
      this.chunk = null;
      this.recording = true;
      return;
    }
    if (!this.recording || c.take !== this.take) return;
    const frame = c.frame ?? this.processedEnd;
    // Every frame before processedEnd has been written already: answer now (also when the context is suspended).
    if (frame <= this.processedEnd) this.finish(frame);
    else this.stopFrame = frame;
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.alive) return false;
    const channel = inputs[0]?.[0];
    const n = channel?.length ?? QUANTUM;
    const blockStart = currentFrame;

    if (channel) {
      let p = this.peak;
      for (let i = 0; i < n; i++) {
        const a = Math.abs(channel[i]!);
        if (a > p) p = a;
      }
      this.peak = p;
    }
    this.framesSinceReport += n;
    if (this.framesSinceReport >= this.framesPerReport) {
      this.port.postMessage({ type: 'peak', peak: this.peak });
      this.peak = 0;
      this.framesSinceReport = 0;
    }

    if (this.recording) {
      const from = Math.max(this.startFrame, blockStart);
      const to = Math.min(blockStart + n, this.stopFrame);
      if (from < to) {
        if (this.firstFrame === null) this.firstFrame = from;
        this.write(channel, from - blockStart, to - blockStart);
      }
      if (blockStart + n >= this.stopFrame) this.finish(this.stopFrame);
    }
    this.processedEnd = blockStart + n;
    return true;
  }

  /** Appends input[from, to) (silence when there is no input: a disconnected or ended source). */
  private write(input: Float32Array | undefined, from: number, to: number): void {
    let i = from;
    while (i < to) {
      if (!this.chunk) {
        this.chunk = new Float32Array(CHUNK_FRAMES);
        this.filled = 0;
      }
      const count = Math.min(to - i, CHUNK_FRAMES - this.filled);
      if (input) this.chunk.set(input.subarray(i, i + count), this.filled);
      this.filled += count;
      i += count;
      if (this.filled === CHUNK_FRAMES) this.flush();
    }
  }

  private flush(): void {
    const data = this.chunk;
    if (!data || this.filled === 0) return;
    this.port.postMessage({ type: 'chunk', take: this.take, data, length: this.filled }, [data.buffer]);
    this.chunk = null;
    this.filled = 0;
  }

  private finish(endFrame: number): void {
    this.flush();
    this.recording = false;
    this.port.postMessage({ type: 'stopped', take: this.take, firstFrame: this.firstFrame, endFrame });
  }
}

registerProcessor(RECORDER_PROCESSOR, RecorderProcessor);
