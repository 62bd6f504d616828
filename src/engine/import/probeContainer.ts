import type { ProbeReply } from './probe.worker';

export interface ContainerFacts {
  /** False when the file is a valid container with no audio track (a silent video, say). */
  readonly hasAudio: boolean;
  readonly channels: number;
  /** The audio track's own rate, Hz. */
  readonly sampleRate: number;
  /** The file's duration, seconds, as the container reports it: close, not exact (MP3 encoder padding, say). */
  readonly durationSec: number;
  /** The duration the header states, seconds, if it states one; more than the packets hold when the file is cut short. */
  readonly headerDurationSec: number | null;
  /** MIME type with codecs where the container says, e.g. `audio/ogg; codecs="opus"`. */
  readonly mimeType: string;
}

/**
 * How long the probe may take before it is abandoned, ms: 2 s plus 50 ms per MB (a 200 MB MP3 is scanned frame by
 * frame; a healthy 1 MB file takes a few ms).
 */
export function probeDeadlineMs(byteLength: number): number {
  return 2000 + (50 * byteLength) / 2 ** 20;
}

/**
 * Reads a compressed file's channel count, rate and duration from its container (FLAC, MP3, Ogg, MP4/M4A, WebM, ADTS)
 * without decoding it, so a 3-hour or 8-channel file is refused before it is expanded to gigabytes of float samples.
 * Runs mediabunny in a Worker on a copy of the bytes, with a deadline (probeDeadlineMs): some damaged files send the
 * parser into an endless loop. Advisory: resolves null when the container cannot be read in time, and the caller
 * leaves the verdict to the decoder.
 * @param bytes the whole file; it is copied, not detached or changed
 * @param signal aborting stops the Worker and rejects with the signal's reason
 */
export function probeContainer(bytes: ArrayBuffer, signal?: AbortSignal): Promise<ContainerFacts | null> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('./probe.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ContainerFacts | null>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(signal?.reason);
    };
    const deadline = setTimeout(() => {
      finish();
      resolve(null);
    }, probeDeadlineMs(bytes.byteLength));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<ProbeReply>) => {
      finish();
      resolve(e.data.ok ? e.data.facts : null);
    };
    worker.onerror = () => {
      finish();
      resolve(null);
    };
    const copy = bytes.slice(0);
    worker.postMessage(copy, [copy]);
  });
}
