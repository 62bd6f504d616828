/**
 * Converts an AudioBuffer to another sample rate by playing it into an OfflineAudioContext at that rate.
 * The import's fallback for a browser whose decodeAudioData does not already resample to the context's rate (the
 * Web Audio spec says it must; Chromium does, with its sinc resampler). Playback resampling in a source node is
 * plainer (Chromium interpolates linearly), so this is the second choice, not the first.
 * @param buffer 1 or more channels, any rate
 * @param sampleRate the rate wanted, Hz (3000–768000)
 * @param onProgress called with the fraction rendered, 0–1, about ten times
 * @returns a new buffer at `sampleRate` with the same duration (rounded to whole frames) and channel count
 */
export async function resampleBuffer(buffer: AudioBuffer, sampleRate: number, onProgress?: (fraction: number) => void): Promise<AudioBuffer> {
  const length = Math.max(1, Math.round(buffer.duration * sampleRate));
  const context = new OfflineAudioContext({ numberOfChannels: buffer.numberOfChannels, length, sampleRate });
  const source = new AudioBufferSourceNode(context, { buffer });
  // Keep the channel count through to the destination (its default interpretation is 'speakers').
  context.destination.channelCount = buffer.numberOfChannels;
  context.destination.channelCountMode = 'explicit';
  context.destination.channelInterpretation = 'discrete';
  source.connect(context.destination);
  source.start(0);
  if (onProgress) {
    // suspend() times must fall on distinct render-quantum (128-frame) boundaries inside the render.
    const frames = new Set<number>();
    for (let step = 1; step < 10; step++) frames.add(Math.floor((length * step) / 10 / 128) * 128);
    for (const frame of frames) {
      if (frame <= 0 || frame >= length) continue;
      void context.suspend(frame / sampleRate).then(() => {
        onProgress(frame / length);
        return context.resume();
      });
    }
  }
  const out = await context.startRendering();
  onProgress?.(1);
  return out;
}
