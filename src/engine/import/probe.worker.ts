// Reads a compressed file's container facts off the main thread. The parser (mediabunny) meets hostile bytes here:
// on some (a FLAC cut short) it never returns, and in a Worker that costs a terminate(), not a frozen page.
import { ADTS, BufferSource, FLAC, Input, MATROSKA, MP3, MP4, OGG, QTFF, WEBM } from 'mediabunny';
import type { ContainerFacts } from './probeContainer';

export type ProbeReply = { readonly ok: true; readonly facts: ContainerFacts } | { readonly ok: false };

async function probe(bytes: ArrayBuffer): Promise<ContainerFacts> {
  const input = new Input({ source: new BufferSource(bytes), formats: [FLAC, MP3, OGG, MP4, QTFF, WEBM, MATROSKA, ADTS] });
  try {
    const mimeType = await input.getMimeType();
    const track = await input.getPrimaryAudioTrack();
    if (!track) return { hasAudio: false, channels: 0, sampleRate: 0, durationSec: 0, headerDurationSec: null, mimeType };
    // The packets' end is what will decode; the header's figure (FLAC's STREAMINFO sample count, an MP3's Xing
    // frame count) is more exact at the very end (a FLAC's last short block), but a header can lie. Prefer the
    // header when the two agree within 1 % (or 2 s).
    const fromPackets = await track.computeDuration();
    const fromHeader = await input.getDurationFromMetadata([track]);
    const agree = fromHeader !== null && Math.abs(fromHeader - fromPackets) <= Math.max(2, 0.01 * fromPackets);
    return {
      hasAudio: true,
      channels: track.numberOfChannels,
      sampleRate: track.sampleRate,
      durationSec: agree ? fromHeader : fromPackets,
      headerDurationSec: fromHeader,
      mimeType,
    };
  } finally {
    input.dispose();
  }
}

self.onmessage = (e: MessageEvent<ArrayBuffer>) => {
  probe(e.data).then(
    (facts) => (self as unknown as Worker).postMessage({ ok: true, facts } satisfies ProbeReply),
    () => (self as unknown as Worker).postMessage({ ok: false } satisfies ProbeReply),
  );
};
