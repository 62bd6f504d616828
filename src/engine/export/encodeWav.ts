import type { EncodeRequest } from './wavEncoder.worker';

/**
 * Encodes planar float PCM as a WAV file in a Worker (16-bit with TPDF dither, or 24-bit).
 * @returns the file's bytes
 */
export function encodeWav(req: EncodeRequest): Promise<ArrayBuffer> {
  const worker = new Worker(new URL('./wavEncoder.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ArrayBuffer>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; buffer: ArrayBuffer } | { ok: false; message: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.buffer);
      else reject(new Error(`WAV encoding failed: ${e.data.message}`));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`WAV encoding failed: ${e.message}`));
    };
    worker.postMessage(req, req.channels.map((c) => c.buffer as ArrayBuffer));
  });
}
