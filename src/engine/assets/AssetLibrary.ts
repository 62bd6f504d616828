import type { Peaks } from '../../dsp/peaks';
import type { AssetRef } from '../../state/project';

export type AssetEvent =
  | { readonly type: 'loading'; readonly id: string }
  | { readonly type: 'ready'; readonly id: string; readonly durationSec: number; readonly peaks: Peaks }
  | { readonly type: 'error'; readonly id: string; readonly message: string };

/** Assets' audio being fetched and decoded since before the engine was ready, by URL (see prefetchAssets). */
export type PrefetchedAssets = ReadonlyMap<string, Promise<AudioBuffer>>;

/**
 * Starts fetching and decoding the assets' audio now, in `context` (the one the engine will play it in), so it
 * happens while the engine's worklet modules load instead of after them: at boot the demo's stems were first
 * requested 640 ms in, and decoding them is most of the wait. A failure is reported by the load that uses it.
 */
export function prefetchAssets(assets: readonly AssetRef[], context: BaseAudioContext): PrefetchedAssets {
  const decoding = new Map<string, Promise<AudioBuffer>>();
  for (const a of assets) {
    if (a.source === 'user' || !a.url || decoding.has(a.url)) continue;
    const buffer = fetchAndDecode(a, context);
    buffer.catch(() => undefined); // Not unhandled: the load that uses it reports it.
    decoding.set(a.url, buffer);
  }
  return decoding;
}

/** Fetches an asset's audio and decodes it; each failure is an Error naming the file and the reason. */
async function fetchAndDecode(asset: AssetRef, context: BaseAudioContext): Promise<AudioBuffer> {
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
    return await context.decodeAudioData(bytes);
  } catch (err) {
    const why = err instanceof Error && err.message ? err.message : 'the data is not audio the browser can read';
    throw new Error(`${asset.fileName} could not be decoded: ${why}`);
  }
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
   * @param prefetched decodes already under way (prefetchAssets), used instead of fetching again
   */
  async loadAll(assets: readonly AssetRef[], onEvent: (e: AssetEvent) => void, prefetched?: PrefetchedAssets): Promise<void> {
    await Promise.all(assets.map((a) => this.load(a, onEvent, prefetched)));
  }

  async load(asset: AssetRef, onEvent: (e: AssetEvent) => void, prefetched?: PrefetchedAssets): Promise<void> {
    if (asset.source === 'user') return; // user audio arrives through addDecoded()
    onEvent({ type: 'loading', id: asset.id });
    try {
      const buffer = await (prefetched?.get(asset.url) ?? fetchAndDecode(asset, this.context));
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
