import type { Peaks } from '../../dsp/peaks';
import type { AssetRef } from '../../state/project';

export type AssetEvent =
  | { readonly type: 'loading'; readonly id: string }
  | { readonly type: 'ready'; readonly id: string; readonly durationSec: number; readonly peaks: Peaks }
  | { readonly type: 'error'; readonly id: string; readonly message: string };

/** Fetches of assets started before the engine exists, by URL (see prefetchAssets); each is taken out once used. */
export type PrefetchedAssets = Map<string, Promise<Response>>;

/**
 * Starts fetching the assets' audio now, so the bytes arrive while the audio engine starts up (its worklet modules
 * load beside them) instead of after it: at boot the demo's stems were first requested 640 ms in. Each fetch's
 * failure is reported by the load that uses it, with the asset's name.
 */
export function prefetchAssets(assets: readonly AssetRef[]): PrefetchedAssets {
  const fetches = new Map<string, Promise<Response>>();
  for (const a of assets) {
    if (a.source === 'user' || !a.url || fetches.has(a.url)) continue;
    const response = fetch(a.url);
    response.catch(() => undefined); // Not unhandled: the load that uses it reports it.
    fetches.set(a.url, response);
  }
  return fetches;
}

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

  /**
   * Loads every asset; a failure of one is reported for it and does not stop the others.
   * @param prefetched fetches already under way (prefetchAssets), used instead of fetching again
   */
  async loadAll(assets: readonly AssetRef[], onEvent: (e: AssetEvent) => void, prefetched?: PrefetchedAssets): Promise<void> {
    await Promise.all(assets.map((a) => this.load(a, onEvent, prefetched)));
  }

  async load(asset: AssetRef, onEvent: (e: AssetEvent) => void, prefetched?: PrefetchedAssets): Promise<void> {
    if (asset.source === 'user') return; // user audio arrives through addDecoded()
    onEvent({ type: 'loading', id: asset.id });
    try {
      // A response's body is read once: a second asset with the same URL fetches its own.
      const early = prefetched?.get(asset.url);
      prefetched?.delete(asset.url);
      const buffer = await this.decode(asset, early);
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

  private async decode(asset: AssetRef, prefetched: Promise<Response> | undefined): Promise<AudioBuffer> {
    let response: Response;
    try {
      response = await (prefetched ?? fetch(asset.url));
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
