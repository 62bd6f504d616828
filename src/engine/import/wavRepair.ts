import type { WavHeader } from '../../dsp/audioSniff';

export interface WavRepair {
  /** A WAV file every browser decodes: the input itself when it needed nothing, else a rebuilt copy. */
  readonly bytes: ArrayBuffer;
  /** True when `bytes` is a rebuilt copy. */
  readonly rebuilt: boolean;
  /** Float samples that were NaN or ±Infinity and are 0 in `bytes`. */
  readonly nonFiniteReplaced: number;
}

/** Counts NaN and ±Infinity in the float data of a WAV file (0 for integer formats). */
export function countNonFiniteSamples(bytes: Uint8Array, header: WavHeader): number {
  if (header.encoding !== 'float') return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, header.dataBytes);
  let count = 0;
  if (header.bitsPerSample === 32) {
    for (let at = 0; at < header.dataBytes; at += 4) if (!Number.isFinite(view.getFloat32(at, true))) count++;
  } else {
    for (let at = 0; at < header.dataBytes; at += 8) if (!Number.isFinite(view.getFloat64(at, true))) count++;
  }
  return count;
}

function writeAscii(view: DataView, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

/**
 * Makes a WAV file safe to hand to decodeAudioData, without changing any sample that was fine:
 * - a data chunk that claims more bytes than the file holds (cut short, or a 0xFFFFFFFF placeholder) is rewritten
 *   with the size of the whole frames present, so every browser reads exactly those;
 * - NaN and ±Infinity float samples become 0 (the browser's resampler would smear one NaN over its whole kernel);
 * - 64-bit float becomes 32-bit float, which Chromium's decoder reads and 64-bit float it does not.
 * A file that needs none of this is returned as it is.
 * @param bytes the whole file
 * @param header its parsed header (parseWavHeader)
 */
export function repairWav(bytes: Uint8Array, header: WavHeader): WavRepair {
  const nonFinite = countNonFiniteSamples(bytes, header);
  const toFloat32 = header.encoding === 'float' && header.bitsPerSample === 64;
  const sizeIsRight = header.declaredDataBytes === header.dataBytes;
  if (nonFinite === 0 && !toFloat32 && sizeIsRight) {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return { bytes: whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer, rebuilt: false, nonFiniteReplaced: 0 };
  }

  const fmtBody = toFloat32 ? float32Fmt(header) : header.fmtBody;
  const samples = header.frames * header.channels;
  const dataBytes = toFloat32 ? samples * 4 : header.dataBytes;
  const fmtPad = fmtBody.length % 2;
  const dataPad = dataBytes % 2;
  const total = 12 + 8 + fmtBody.length + fmtPad + 8 + dataBytes + dataPad;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, total - 8, true);
  writeAscii(view, 8, 'WAVEfmt ');
  view.setUint32(16, fmtBody.length, true);
  out.set(fmtBody, 20);
  const dataHeader = 20 + fmtBody.length + fmtPad;
  writeAscii(view, dataHeader, 'data');
  view.setUint32(dataHeader + 4, dataBytes, true);
  const dataAt = dataHeader + 8;

  const src = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, header.dataBytes);
  if (toFloat32) {
    for (let i = 0; i < samples; i++) {
      const v = src.getFloat64(i * 8, true);
      view.setFloat32(dataAt + i * 4, Number.isFinite(v) ? v : 0, true);
    }
  } else {
    out.set(bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes), dataAt);
    if (nonFinite > 0) {
      for (let at = dataAt; at < dataAt + dataBytes; at += 4) if (!Number.isFinite(view.getFloat32(at, true))) view.setFloat32(at, 0, true);
    }
  }
  return { bytes: out.buffer, rebuilt: true, nonFiniteReplaced: nonFinite };
}

/** A plain 18-byte 'fmt ' body for 32-bit float (format 3) with the header's channels and rate. */
function float32Fmt(header: WavHeader): Uint8Array {
  const body = new Uint8Array(18);
  const view = new DataView(body.buffer);
  view.setUint16(0, 3, true);
  view.setUint16(2, header.channels, true);
  view.setUint32(4, header.sampleRate, true);
  view.setUint32(8, header.sampleRate * header.channels * 4, true);
  view.setUint16(12, header.channels * 4, true);
  view.setUint16(14, 32, true);
  view.setUint16(16, 0, true);
  return body;
}
