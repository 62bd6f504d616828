// Reads a PCM WAV file's header and samples, to check what Export mix wrote.
export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly frames: number;
  readonly durationSec: number;
  /** RMS over all samples, as a fraction of full scale. */
  readonly rms: number;
  readonly peak: number;
  /** The samples, one array per channel. */
  readonly channelData: Float32Array[];
}

export function readWav(bytes: Buffer): WavInfo {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let fmt: { channels: number; sampleRate: number; bits: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = { channels: bytes.readUInt16LE(body + 2), sampleRate: bytes.readUInt32LE(body + 4), bits: bytes.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('data chunk before fmt chunk');
      const bytesPer = fmt.bits / 8;
      const end = Math.min(bytes.length, body + size);
      const count = Math.floor((end - body) / bytesPer);
      let sum = 0;
      let peak = 0;
      const frames = Math.floor(count / fmt.channels);
      const channelData = Array.from({ length: fmt.channels }, () => new Float32Array(frames));
      for (let i = 0; i < frames * fmt.channels; i++) {
        const at = body + i * bytesPer;
        const v = fmt.bits === 16 ? bytes.readInt16LE(at) / 32768 : bytes.readIntLE(at, 3) / 8388608;
        channelData[i % fmt.channels]![Math.floor(i / fmt.channels)] = v;
        sum += v * v;
        peak = Math.max(peak, Math.abs(v));
      }
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, bitsPerSample: fmt.bits, frames, durationSec: frames / fmt.sampleRate, rms: Math.sqrt(sum / count), peak, channelData };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/**
 * A 16-bit PCM WAV of a sine on every channel: test data made here, which the app reads through its real import path.
 * @param amplitude peak, 0..1
 */
export function sineWav16(opts: { seconds: number; freqHz: number; amplitude: number; channels: number; sampleRate: number }): Buffer {
  const { seconds, freqHz, amplitude, channels, sampleRate } = opts;
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * freqHz * i) / sampleRate));
    for (let c = 0; c < channels; c++) data.writeInt16LE(v, (i * channels + c) * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}
