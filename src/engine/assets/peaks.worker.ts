// Computes waveform peaks off the main thread, once per decoded file.
import { computePeaks } from '../../dsp/peaks';

interface PeaksRequest {
  readonly id: number;
  readonly channels: Float32Array[];
  readonly sampleRate: number;
  readonly bucketsPerSec: number;
}

self.onmessage = (e: MessageEvent<PeaksRequest>) => {
  const { id, channels, sampleRate, bucketsPerSec } = e.data;
  const peaks = computePeaks(channels, sampleRate, bucketsPerSec);
  (self as unknown as Worker).postMessage({ id, peaks }, peaks.channels.map((c) => c.buffer as ArrayBuffer));
};
