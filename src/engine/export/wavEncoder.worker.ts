// Turns rendered float PCM into a WAV file off the main thread: TPDF dither for 16-bit, then mediabunny writes the file.
import { AudioSample, AudioSampleSource, BufferTarget, Output, WavOutputFormat } from 'mediabunny';
import { ditherTo16BitInterleaved, interleave } from '../../dsp/dither';
import { mulberry32 } from '../../dsp/random';

export interface EncodeRequest {
  readonly channels: Float32Array[];
  readonly sampleRate: number;
  readonly bitDepth: 16 | 24;
  readonly ditherSeed: number;
}

async function encode(req: EncodeRequest): Promise<ArrayBuffer> {
  const output = new Output({ format: new WavOutputFormat(), target: new BufferTarget() });
  const source = new AudioSampleSource({ codec: req.bitDepth === 16 ? 'pcm-s16' : 'pcm-s24' });
  output.addAudioTrack(source);
  await output.start();
  const numberOfChannels = req.channels.length;
  const sample =
    req.bitDepth === 16
      ? new AudioSample({ data: ditherTo16BitInterleaved(req.channels, mulberry32(req.ditherSeed)), format: 's16', numberOfChannels, sampleRate: req.sampleRate, timestamp: 0 })
      : new AudioSample({ data: interleave(req.channels), format: 'f32', numberOfChannels, sampleRate: req.sampleRate, timestamp: 0 });
  await source.add(sample);
  sample.close();
  await output.finalize();
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('the WAV writer produced no data');
  return buffer;
}

self.onmessage = (e: MessageEvent<EncodeRequest>) => {
  encode(e.data).then(
    (buffer) => (self as unknown as Worker).postMessage({ ok: true, buffer }, [buffer]),
    (err: unknown) => (self as unknown as Worker).postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
