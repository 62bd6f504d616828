// Test-only generators of audio files, good and bad: WAV bytes in any sample format, channel count and rate,
// optionally with lying sizes or cut short; and a few non-audio files (PNG, text) to pass off as audio.

/** How samples are stored in the WAV's data chunk. */
export type WavSampleFormat = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64';

export interface WavSpec {
  /** Frames per second, Hz. */
  readonly sampleRate: number;
  /** One array per channel, all the same length, full scale ±1. Float formats store the values as they are (NaN too). */
  readonly channels: readonly Float32Array[];
  readonly format: WavSampleFormat;
  /** Writes WAVE_FORMAT_EXTENSIBLE (0xFFFE) with the matching sub-format GUID. */
  readonly extensible?: boolean;
  /** Writes this format tag instead of the right one (e.g. 0x0055, MPEG Layer 3, over PCM bytes). */
  readonly formatTagOverride?: number;
  /** Writes this as the data chunk's size instead of the true one. */
  readonly dataSizeOverride?: number;
  /** Writes this as the RIFF chunk's size instead of the true one. */
  readonly riffSizeOverride?: number;
  /** Chunks placed between 'fmt ' and 'data' (e.g. LIST), to check the parser walks chunks. */
  readonly extraChunks?: readonly { readonly id: string; readonly body: Uint8Array }[];
  /** Puts the data chunk before the fmt chunk. */
  readonly dataBeforeFmt?: boolean;
}

const BITS: Record<WavSampleFormat, number> = { pcm8: 8, pcm16: 16, pcm24: 24, pcm32: 32, float32: 32, float64: 64 };
const KSDATAFORMAT_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

function clampInt(x: number, bits: number): number {
  const full = 2 ** (bits - 1);
  return Math.max(-full, Math.min(full - 1, Math.round(x * full)));
}

function ascii(view: DataView, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

/** The samples as a WAV data chunk body: interleaved, little-endian. */
function encodeSamples(spec: WavSpec): Uint8Array {
  const frames = spec.channels[0]?.length ?? 0;
  const n = spec.channels.length;
  const bytesPer = BITS[spec.format] / 8;
  const out = new Uint8Array(frames * n * bytesPer);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < n; c++) {
      const x = spec.channels[c]![i]!;
      switch (spec.format) {
        case 'pcm8':
          view.setUint8(at, clampInt(x, 8) + 128);
          break;
        case 'pcm16':
          view.setInt16(at, clampInt(x, 16), true);
          break;
        case 'pcm24': {
          const v = clampInt(x, 24);
          view.setUint8(at, v & 0xff);
          view.setUint8(at + 1, (v >> 8) & 0xff);
          view.setUint8(at + 2, (v >> 16) & 0xff);
          break;
        }
        case 'pcm32':
          view.setInt32(at, clampInt(x, 32), true);
          break;
        case 'float32':
          view.setFloat32(at, x, true);
          break;
        case 'float64':
          view.setFloat64(at, x, true);
          break;
      }
      at += bytesPer;
    }
  }
  return out;
}

/** A WAV file's bytes, as `spec` says (lies included). */
export function makeWav(spec: WavSpec): ArrayBuffer {
  const isFloat = spec.format === 'float32' || spec.format === 'float64';
  const bits = BITS[spec.format];
  const n = spec.channels.length;
  const blockAlign = (n * bits) / 8;
  const fmtSize = spec.extensible ? 40 : isFloat ? 18 : 16;
  const data = encodeSamples(spec);
  const extras = spec.extraChunks ?? [];
  const extraBytes = extras.reduce((sum, c) => sum + 8 + c.body.length + (c.body.length % 2), 0);
  const dataPad = data.length % 2;
  const total = 12 + 8 + fmtSize + extraBytes + 8 + data.length + dataPad;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, spec.riffSizeOverride ?? total - 8, true);
  ascii(view, 8, 'WAVE');

  const writeFmt = (at: number): number => {
    ascii(view, at, 'fmt ');
    view.setUint32(at + 4, fmtSize, true);
    const tag = spec.formatTagOverride ?? (spec.extensible ? 0xfffe : isFloat ? 3 : 1);
    view.setUint16(at + 8, tag, true);
    view.setUint16(at + 10, n, true);
    view.setUint32(at + 12, spec.sampleRate, true);
    view.setUint32(at + 16, spec.sampleRate * blockAlign, true);
    view.setUint16(at + 20, blockAlign, true);
    view.setUint16(at + 22, bits, true);
    if (fmtSize >= 18) view.setUint16(at + 24, fmtSize - 18, true);
    if (spec.extensible) {
      view.setUint16(at + 26, bits, true); // valid bits per sample
      view.setUint32(at + 28, n <= 2 ? (n === 1 ? 0x4 : 0x3) : 2 ** n - 1, true); // channel mask
      view.setUint16(at + 32, isFloat ? 3 : 1, true); // sub-format GUID's first two bytes
      KSDATAFORMAT_TAIL.forEach((b, i) => view.setUint8(at + 34 + i, b));
    }
    return at + 8 + fmtSize;
  };
  const writeData = (at: number): number => {
    ascii(view, at, 'data');
    view.setUint32(at + 4, spec.dataSizeOverride ?? data.length, true);
    bytes.set(data, at + 8);
    return at + 8 + data.length + dataPad;
  };

  let at = 12;
  if (spec.dataBeforeFmt) at = writeData(at);
  at = writeFmt(at);
  for (const chunk of extras) {
    ascii(view, at, chunk.id);
    view.setUint32(at + 4, chunk.body.length, true);
    bytes.set(chunk.body, at + 8);
    at += 8 + chunk.body.length + (chunk.body.length % 2);
  }
  if (!spec.dataBeforeFmt) writeData(at);
  return bytes.buffer;
}

/**
 * The values a decoder should give back for `x` stored as `format`: each sample rounded to the nearest step, as
 * makeWav stores it, divided by 2^(bits−1). Float formats give `x` (rounded to float32).
 */
export function stored(x: Float32Array, format: WavSampleFormat): Float32Array {
  if (format === 'float32' || format === 'float64') return x.slice();
  const bits = BITS[format];
  return x.map((v) => clampInt(v, bits) / 2 ** (bits - 1));
}

/** A WAV header claiming `frames` frames of 16-bit PCM, followed by real (zero) sample bytes for all of them. */
export function silentWav16(sampleRate: number, channelCount: number, frames: number): ArrayBuffer {
  const dataBytes = frames * channelCount * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(view, 8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channelCount * 2, true);
  view.setUint16(32, channelCount * 2, true);
  view.setUint16(34, 16, true);
  ascii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes.buffer;
}

/** The first `length` bytes of `bytes`, as a new buffer. */
export function truncated(bytes: ArrayBuffer, length: number): ArrayBuffer {
  return bytes.slice(0, length);
}

/** A sine wave, `amplitude` × sin(2π f t), for `seconds` at `sampleRate`. */
export function sine(freqHz: number, seconds: number, sampleRate: number, amplitude = 0.5, phase = 0): Float32Array<ArrayBuffer> {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * freqHz * i) / sampleRate + phase);
  return x;
}

/** UTF-8 bytes of `text`. */
export function textBytes(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

/** A real 1×1 red PNG (signature, IHDR, IDAT, IEND, CRCs right). */
export function tinyPng(): ArrayBuffer {
  const hex =
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff' +
    '89993d1d0000000049454e44ae426082';
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16))).buffer;
}

/** `length` seeded pseudo-random bytes (mulberry32-style), never starting with a known magic number. */
export function randomBytes(seed: number, length: number): ArrayBuffer {
  const out = new Uint8Array(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out.buffer;
}

/** Counts upward zero crossings of one channel: a sine of f Hz over T seconds gives about f·T. */
export function upwardZeroCrossings(x: Float32Array, from = 0, to = x.length): number {
  let count = 0;
  for (let i = Math.max(1, from); i < to; i++) if (x[i - 1]! < 0 && x[i]! >= 0) count++;
  return count;
}
