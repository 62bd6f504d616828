import type { Peaks } from '../../dsp/peaks';
import type { AssetRef } from '../../state/project';

export type AssetEvent =
  | { readonly type: 'loading'; readonly id: string }
  | { readonly type: 'ready'; readonly id: string; readonly durationSec: number; readonly peaks: Peaks }
  | { readonly type: 'error'; readonly id: string; readonly message: string };

/** Peaks resolution: enough for the deepest timeline zoom without a second look at the audio. */
export const PEAKS_PER_SEC = 200;

/**
 * Fetches and decodes each asset exactly once, keeps the AudioBuffer for playback and export,
 * and computes its waveform peaks once in a Worker, so no view ever decodes it again.
 */
export class AssetLibrary {
  readonly buffers = new Map<string, AudioBuffer>();
  private worker: Worker | null = null;
  private nextRequest = 1;
  private readonly pending = new Map<number, (peaks: Peaks) => void>();

  constructor(private readonly context: BaseAudioContext) {}

  /** Loads every asset; a failure of one is reported for it and does not stop the others. */
  async loadAll(assets: readonly AssetRef[], onEvent: (e: AssetEvent) => void): Promise<void> {
    await Promise.all(assets.map((a) => this.load(a, onEvent)));
  }

  async load(asset: AssetRef, onEvent: (e: AssetEvent) => void): Promise<void> {
    if (asset.source === 'user') return; // user audio arrives through addDecoded()
    onEvent({ type: 'loading', id: asset.id });
    try {
      const buffer = await this.decode(asset);
      this.buffers.set(asset.id, buffer);
      const peaks = await this.peaksOf(buffer);
      onEvent({ type: 'ready', id: asset.id, durationSec: buffer.duration, peaks });
    } catch (err) {
      onEvent({ type: 'error', id: asset.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Adds audio decoded elsewhere (an import, a recording) and reports it like a loaded asset. */
  async addDecoded(id: string, buffer: AudioBuffer, onEvent: (e: AssetEvent) => void): Promise<void> {
    this.buffers.set(id, buffer);
    const peaks = await this.peaksOf(buffer);
    onEvent({ type: 'ready', id, durationSec: buffer.duration, peaks });
  }

  /** Forgets audio no project uses any more. */
  forget(id: string): void {
    this.buffers.delete(id);
  }

  private async decode(asset: AssetRef): Promise<AudioBuffer> {
    let response: Response;
    try {
      response = await fetch(asset.url);
    } catch (err) {
      throw new Error(`${asset.fileName} could not be fetched: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!response.ok) throw new Error(`${asset.fileName} is missing: the server answered ${response.status} ${response.statusText || ''}`.trim());
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength === 0) throw new Error(`${asset.fileName} is empty (0 bytes)`);
    try {
      return await this.context.decodeAudioData(bytes);
    } catch (err) {
      const why = err instanceof Error && err.message ? err.message : 'the data is not audio the browser can read';
      throw new Error(`${asset.fileName} could not be decoded: ${why}`);
    }
  }

  private peaksOf(buffer: AudioBuffer): Promise<Peaks> {
    const worker = (this.worker ??= this.startWorker());
    const id = this.nextRequest++;
    const channels: Float32Array[] = [];
    for (let c = 0; c < buffer.numberOfChannels; c++) channels.push(buffer.getChannelData(c));
    return new Promise<Peaks>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, channels, sampleRate: buffer.sampleRate, bucketsPerSec: PEAKS_PER_SEC });
    });
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./peaks.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; peaks: Peaks }>) => {
      const resolve = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      resolve?.(e.data.peaks);
    };
    return worker;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
    this.buffers.clear();
  }
}
