import meterWorkletUrl from './worklets/peakMeter.worklet.ts?worker&url';
import { loadWorkletModule } from './worklets/loadWorkletModule';

const PROCESSOR = 'earshot-peak-meter';

/**
 * Peak meters for live playback: one AudioWorkletNode per strip measures off the main thread and posts
 * [peakL, peakR] ~30 times a second. Levels live here, never in the store; the UI reads them once per frame.
 */
export class PeakMeters {
  private readonly nodes = new Map<string, AudioWorkletNode>();
  private readonly levels = new Map<string, Float32Array>();
  private disposed = false;

  private constructor(private readonly context: BaseAudioContext) {}

  static async create(context: BaseAudioContext): Promise<PeakMeters> {
    await loadWorkletModule(context, meterWorkletUrl);
    return new PeakMeters(context);
  }

  /** Makes the tap node for a strip id; connect a signal into it. */
  tap = (id: string): AudioNode | null => {
    if (this.disposed) return null;
    this.nodes.get(id)?.disconnect();
    const node = new AudioWorkletNode(this.context, PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 2, channelCountMode: 'explicit' });
    const level = this.levels.get(id) ?? new Float32Array(2);
    this.levels.set(id, level);
    node.port.onmessage = (e: MessageEvent<[number, number]>) => {
      level[0] = e.data[0];
      level[1] = e.data[1];
    };
    this.nodes.set(id, node);
    return node;
  };

  /** Latest [peakL, peakR] for a strip id, linear; zeros when unknown. */
  read(id: string): Float32Array {
    return this.levels.get(id) ?? ZERO;
  }

  release(id: string): void {
    const node = this.nodes.get(id);
    if (node) {
      node.port.onmessage = null;
      node.disconnect();
    }
    this.nodes.delete(id);
    this.levels.delete(id);
  }

  dispose(): void {
    if (this.disposed) return;
    for (const id of [...this.nodes.keys()]) this.release(id);
    this.disposed = true;
  }
}

const ZERO = new Float32Array(2);
