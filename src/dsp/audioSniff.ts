// Identifies a file by its bytes (never by its name) and reads WAV headers, so that an import can refuse bad input
// with a message a person understands before any decoder sees it. Pure functions on bytes: runs in Node.

/** Containers a browser's decodeAudioData reads (Chromium, Firefox and Safari all read these, Safari bar Ogg). */
export type AudioContainer = 'wav' | 'flac' | 'ogg' | 'mp3' | 'aac' | 'mp4' | 'webm';

export type SniffResult =
  /** Audio in a container browsers decode. `label` reads "a FLAC file". */
  | { readonly kind: 'audio'; readonly container: AudioContainer; readonly mimeType: string; readonly label: string }
  /** Audio, but in a format browsers do not decode (AIFF, CAF, Wave64, …). */
  | { readonly kind: 'unsupported-audio'; readonly label: string }
  /** Something else that is recognisable: `label` reads "a PNG image", "a text file". */
  | { readonly kind: 'not-audio'; readonly label: string }
  | { readonly kind: 'unknown' };

/** How many leading bytes sniffAudio looks at, at most (ID3 tags are skipped beyond this). */
export const SNIFF_BYTES = 4096;

function ascii(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function startsWith(b: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (b.length < at + magic.length) return false;
  return magic.every((m, i) => b[at + i] === m);
}

const audio = (container: AudioContainer, mimeType: string, label: string): SniffResult => ({ kind: 'audio', container, mimeType, label });
const notAudio = (label: string): SniffResult => ({ kind: 'not-audio', label });
const unsupported = (label: string): SniffResult => ({ kind: 'unsupported-audio', label });

// MPEG audio bitrates, kbit/s, by [version group][layer][index]: MPEG-1, then MPEG-2/2.5.
const MPEG1_KBPS = [
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // layer I
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // layer II
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // layer III
];
const MPEG2_KBPS = [
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const MPEG1_RATES = [44100, 48000, 32000];

/**
 * The length in bytes of the MPEG audio frame (MP1/2/3) or ADTS AAC frame whose header starts at `at`, or 0 when the
 * bytes there are not a valid frame header.
 */
function mpegFrameLength(b: Uint8Array, at: number): { length: number; adts: boolean } | null {
  if (at + 7 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const b1 = b[at + 1]!;
  const b2 = b[at + 2]!;
  const layerBits = (b1 >> 1) & 3;
  if (layerBits === 0) {
    // ADTS (AAC): 12-bit sync, layer 00, frame length in 13 bits of bytes 3-5.
    if ((b1 & 0xf0) !== 0xf0) return null;
    const rateIndex = (b2 >> 2) & 0xf;
    if (rateIndex > 12) return null;
    const length = ((b[at + 3]! & 3) << 11) | (b[at + 4]! << 3) | (b[at + 5]! >> 5);
    return length >= 7 ? { length, adts: true } : null;
  }
  const versionBits = (b1 >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  if (versionBits === 1) return null;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null; // free format is too rare to sniff
  const layer = 4 - layerBits; // 1, 2 or 3
  const mpeg1 = versionBits === 3;
  const kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[layer - 1]![bitrateIndex]!;
  const sampleRate = MPEG1_RATES[rateIndex]! / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  const length =
    layer === 1
      ? (Math.floor((12 * kbps * 1000) / sampleRate) + padding) * 4
      : Math.floor(((layer === 3 && !mpeg1 ? 72 : 144) * kbps * 1000) / sampleRate) + padding;
  return { length, adts: false };
}

/** MP3 or ADTS AAC at `at`: a valid frame header, and a second one right after it when the bytes reach that far. */
function sniffMpegFrames(b: Uint8Array, at: number): SniffResult | null {
  const first = mpegFrameLength(b, at);
  if (!first) return null;
  const next = at + first.length;
  if (next + 4 <= b.length) {
    const second = mpegFrameLength(b, next);
    if (!second || second.adts !== first.adts) return null;
  }
  return first.adts ? audio('aac', 'audio/aac', 'an AAC (ADTS) file') : audio('mp3', 'audio/mpeg', 'an MP3 file');
}

/** The size of an ID3v2 tag starting at 0 (header and footer included), or 0 when there is none. */
function id3Length(b: Uint8Array): number {
  if (!startsWith(b, [0x49, 0x44, 0x33]) || b.length < 10) return 0;
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  const footer = b[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

function sniffIsoBmff(b: Uint8Array): SniffResult {
  const brand = ascii(b, 8, 4);
  if (['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(brand)) return notAudio(brand.startsWith('avi') ? 'an AVIF image' : 'a HEIC image');
  if (brand === 'qt  ') return audio('mp4', 'video/quicktime', 'a QuickTime movie');
  if (brand.startsWith('3g')) return audio('mp4', 'audio/3gpp', 'a 3GP file');
  return audio('mp4', 'audio/mp4', brand.startsWith('M4') ? 'an M4A file' : 'an MP4 file');
}

function sniffRiff(b: Uint8Array): SniffResult {
  const form = ascii(b, 8, 4);
  const outer = ascii(b, 0, 4);
  // Too short to name its form: in an audio import, a RIFF file is a WAV, and the WAV reader says it is cut short.
  if (b.length < 12 && outer !== 'RIFX') return audio('wav', 'audio/wav', 'a WAV file');
  if (form === 'WAVE') {
    if (outer === 'RIFX') return unsupported('a big-endian WAV (RIFX) file');
    return audio('wav', 'audio/wav', outer === 'RIFF' ? 'a WAV file' : `an ${outer} WAV file`);
  }
  if (form === 'WEBP') return notAudio('a WebP image');
  if (form === 'AVI ') return notAudio('an AVI video');
  if (form === 'RMID') return notAudio('a MIDI file (notes, not recorded sound)');
  return { kind: 'unknown' };
}

/** True when the first bytes look like text: valid UTF-8 (or a UTF-16 BOM) and no control characters but whitespace. */
function looksLikeText(b: Uint8Array): boolean {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  const head = b.subarray(0, SNIFF_BYTES);
  // A multi-byte character cut by the SNIFF_BYTES boundary is fine: decode with stream semantics.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < b.length });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
    if (c === 0x7f) return false;
  }
  return text.length > 0;
}

function textKind(b: Uint8Array): string {
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG image';
  if (head.startsWith('<?xml')) return 'an XML file';
  if (head.startsWith('{') || head.startsWith('[')) return 'a JSON file';
  return 'a text file';
}

/**
 * Identifies what a file holds from its first bytes (its name and MIME type are not trusted: a PNG renamed .mp3 is
 * still a PNG). Audio is recognised by container: WAV (RIFF, RF64, BW64), FLAC, Ogg, MP3 (with or without ID3 tag,
 * checked by two consecutive frame headers), ADTS AAC, MP4/M4A/MOV, WebM/Matroska. Common non-audio files are named
 * so that a refusal can say what the file is.
 * @param bytes the file's bytes; the first few KB are enough (ID3-tagged MP3 needs the bytes after the tag).
 */
export function sniffAudio(bytes: Uint8Array): SniffResult {
  const b = bytes;
  const id = ascii(b, 0, 4);
  if (id === 'RIFF' || id === 'RF64' || id === 'BW64' || id === 'RIFX') return sniffRiff(b);
  if (id === 'fLaC') return audio('flac', 'audio/flac', 'a FLAC file');
  if (id === 'OggS') return audio('ogg', 'audio/ogg', 'an Ogg file');
  if (ascii(b, 4, 4) === 'ftyp') return sniffIsoBmff(b);
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return audio('webm', 'audio/webm', 'a WebM file');
  const tag = id3Length(b);
  if (tag > 0) {
    // After the tag comes the audio: usually MP3 frames, sometimes FLAC or AAC. A tag with nothing recognisable after
    // it is still called MP3 (ID3 means MP3 in practice) and left to the decoder.
    if (ascii(b, tag, 4) === 'fLaC') return audio('flac', 'audio/flac', 'a FLAC file');
    return sniffMpegFrames(b, tag) ?? audio('mp3', 'audio/mpeg', 'an MP3 file');
  }
  const mpeg = sniffMpegFrames(b, 0);
  if (mpeg) return mpeg;

  if (id === 'FORM' && (ascii(b, 8, 4) === 'AIFF' || ascii(b, 8, 4) === 'AIFC')) return unsupported('an AIFF file');
  if (id === 'caff') return unsupported('a Core Audio (CAF) file');
  if (id === '.snd') return unsupported('a Sun/NeXT audio (.au) file');
  if (id === 'riff' && startsWith(b, [0x2e, 0x91, 0xcf, 0x11], 4)) return unsupported('a Sony Wave64 file');
  if (id === 'wvpk') return unsupported('a WavPack file');
  if (id === 'MAC ') return unsupported("a Monkey's Audio (APE) file");
  if (ascii(b, 0, 5) === '#!AMR') return unsupported('an AMR voice recording');
  if (startsWith(b, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return unsupported('a Windows Media (WMA/ASF) file');
  if (id === 'MThd') return notAudio('a MIDI file (notes, not recorded sound)');

  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return notAudio('a PNG image');
  if (startsWith(b, [0xff, 0xd8, 0xff])) return notAudio('a JPEG image');
  if (id === 'GIF8') return notAudio('a GIF image');
  if (id === '%PDF') return notAudio('a PDF document');
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return notAudio('a ZIP archive');
  if (startsWith(b, [0x1f, 0x8b])) return notAudio('a gzip archive');
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return notAudio('a 7-Zip archive');
  if (ascii(b, 0, 4) === 'Rar!') return notAudio('a RAR archive');
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return notAudio('a program (ELF executable)');
  if (ascii(b, 0, 2) === 'MZ') return notAudio('a Windows program');
  if (ascii(b, 0, 15) === 'SQLite format 3') return notAudio('a SQLite database');
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26 && ascii(b, 6, 4) === '\0\0\0\0') return notAudio('a BMP image');
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return notAudio('a TIFF image');
  if (looksLikeText(b)) return notAudio(textKind(b));
  return { kind: 'unknown' };
}

/** The first `count` bytes as hex pairs ("3f 8a 00"), to name an unknown file's start in a message. */
export function hexPreview(bytes: Uint8Array, count = 8): string {
  return Array.from(bytes.subarray(0, count), (v) => v.toString(16).padStart(2, '0')).join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// WAV headers

/** Sample encodings in a WAV data chunk that Earshot reads. */
export type WavEncoding = 'pcm' | 'float' | 'alaw' | 'mulaw';

export interface WavHeader {
  readonly container: 'RIFF' | 'RF64' | 'BW64';
  readonly encoding: WavEncoding;
  /** The format tag as written (0xFFFE for WAVE_FORMAT_EXTENSIBLE). */
  readonly formatTag: number;
  readonly channels: number;
  /** Frames per second, Hz. */
  readonly sampleRate: number;
  /** Bits per sample in the container (8, 16, 24, 32 or 64). */
  readonly bitsPerSample: number;
  /** Bytes per frame (all channels). */
  readonly blockAlign: number;
  /** The 'fmt ' chunk's body, as written: a repaired file reuses it. */
  readonly fmtBody: Uint8Array;
  /** Byte offset of the first sample. */
  readonly dataOffset: number;
  /** The data chunk's size as the header states it, bytes. */
  readonly declaredDataBytes: number;
  /** Bytes of whole frames actually present: the declared size, or less when the file ends early. */
  readonly dataBytes: number;
  /** Whole frames present. */
  readonly frames: number;
  /** Frames the header claims. */
  readonly declaredFrames: number;
  /** Duration of the frames present, seconds. */
  readonly durationSec: number;
}

export type WavParse = { readonly ok: true; readonly header: WavHeader } | { readonly ok: false; readonly reason: string };

/** Names of WAV format tags seen in the wild, for refusals. */
const WAV_CODEC_NAMES: Readonly<Record<number, string>> = {
  0x0002: 'Microsoft ADPCM',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG audio',
  0x0055: 'MP3',
  0x00ff: 'AAC',
  0x0160: 'Windows Media Audio',
  0x0161: 'Windows Media Audio',
  0x0162: 'Windows Media Audio Pro',
  0x2000: 'Dolby AC-3',
  0x2001: 'DTS',
  0xf1ac: 'FLAC',
};

const ENCODING_BY_TAG: Readonly<Record<number, WavEncoding>> = { 1: 'pcm', 3: 'float', 6: 'alaw', 7: 'mulaw' };

/** Lowest and highest sample rates a Web Audio AudioBuffer can hold, Hz (the spec's required range). */
export const MIN_AUDIO_BUFFER_RATE = 3000;
export const MAX_AUDIO_BUFFER_RATE = 768000;

function hexTag(tag: number): string {
  return `0x${tag.toString(16).toUpperCase().padStart(4, '0')}`;
}

const fail = (reason: string): WavParse => ({ ok: false, reason });

/**
 * Reads a WAV file's header by walking its chunks: RIFF, RF64 and BW64 (64-bit sizes from 'ds64'), plain and
 * WAVE_FORMAT_EXTENSIBLE formats. Facts only, no policy: a data chunk that claims more bytes than the file holds is
 * reported (declared vs present), not refused. Refuses what no decoder could read: a header cut short, no 'fmt ' or
 * 'data' chunk, a codec other than PCM/float/A-law/µ-law, impossible sizes or rates.
 * @param bytes the whole file (the data chunk is not read, only measured)
 * @returns the header, or a reason phrased to follow "could not be imported: " (e.g. "its WAV header is cut short…")
 */
export function parseWavHeader(bytes: Uint8Array): WavParse {
  const b = bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 12) return fail(`its WAV header is cut short: the file is only ${b.length} bytes`);
  const container = ascii(b, 0, 4);
  if ((container !== 'RIFF' && container !== 'RF64' && container !== 'BW64') || ascii(b, 8, 4) !== 'WAVE') return fail('it is not a WAV file');

  let ds64DataBytes: number | null = null;
  let fmt: { body: Uint8Array } | null = null;
  let data: { offset: number; declared: number } | null = null;
  let at = 12;
  while (at + 8 <= b.length && !(fmt && data)) {
    const chunkId = ascii(b, at, 4);
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (chunkId === 'ds64') {
      if (body + 16 > b.length) return fail("its WAV header is cut short: the file ends inside the 'ds64' chunk");
      ds64DataBytes = Number(view.getBigUint64(body + 8, true));
    } else if (chunkId === 'fmt ') {
      if (size < 16) return fail(`its WAV header is damaged: the 'fmt ' chunk is ${size} bytes, under the 16 it needs`);
      if (body + size > b.length) return fail("its WAV header is cut short: the file ends inside the 'fmt ' chunk");
      fmt = { body: b.subarray(body, body + size) };
    } else if (chunkId === 'data') {
      if (container !== 'RIFF' && size === 0xffffffff && ds64DataBytes !== null) size = ds64DataBytes;
      data = { offset: body, declared: size };
      // The data chunk's size may be a lie or a streaming placeholder (0xFFFFFFFF): nothing after it can be trusted
      // if it runs past the end, so stop there.
      if (body + size > b.length) break;
    }
    at = body + size + (size % 2);
  }
  if (!fmt) {
    return fail(data ? "its WAV header has no 'fmt ' chunk before the audio, so the sample format is unknown" : "its WAV header is cut short: the file ends before the 'fmt ' chunk");
  }
  if (!data) return fail("it has no audio: the WAV file ends before its 'data' chunk (it may be cut short)");

  const f = new DataView(fmt.body.buffer, fmt.body.byteOffset, fmt.body.byteLength);
  const formatTag = f.getUint16(0, true);
  const channels = f.getUint16(2, true);
  const sampleRate = f.getUint32(4, true);
  const blockAlign = f.getUint16(12, true);
  const bitsPerSample = f.getUint16(14, true);
  let tag = formatTag;
  if (formatTag === 0xfffe) {
    if (fmt.body.length < 40) return fail("its WAV header is damaged: an extensible 'fmt ' chunk shorter than 40 bytes");
    tag = f.getUint16(24, true); // the sub-format GUID starts with the plain format tag
  }
  const encoding = ENCODING_BY_TAG[tag];
  if (!encoding) {
    const name = WAV_CODEC_NAMES[tag];
    return fail(`it is a WAV file holding ${name ? `${name} (format ${hexTag(tag)})` : `audio in format ${hexTag(tag)}`}, which Earshot cannot read; convert it to a PCM WAV, FLAC or MP3`);
  }
  if (channels === 0) return fail('its WAV header says it has 0 channels');
  if (sampleRate === 0) return fail('its WAV header gives a sample rate of 0 Hz');
  if (sampleRate < MIN_AUDIO_BUFFER_RATE || sampleRate > MAX_AUDIO_BUFFER_RATE) {
    return fail(`its sample rate is ${sampleRate} Hz; Earshot reads ${MIN_AUDIO_BUFFER_RATE}–${MAX_AUDIO_BUFFER_RATE} Hz`);
  }
  const validBits =
    (encoding === 'pcm' && [8, 16, 24, 32].includes(bitsPerSample)) ||
    (encoding === 'float' && (bitsPerSample === 32 || bitsPerSample === 64)) ||
    ((encoding === 'alaw' || encoding === 'mulaw') && bitsPerSample === 8);
  if (!validBits) return fail(`it is a WAV file with ${bitsPerSample}-bit ${encoding === 'float' ? 'floating-point' : encoding.toUpperCase()} samples, which Earshot cannot read`);
  if (blockAlign !== (channels * bitsPerSample) / 8) {
    return fail(`its WAV header is inconsistent: ${blockAlign} bytes per frame for ${channels} channel(s) of ${bitsPerSample} bits`);
  }

  const present = Math.max(0, Math.min(data.declared, b.length - data.offset));
  const frames = Math.floor(present / blockAlign);
  return {
    ok: true,
    header: {
      container,
      encoding,
      formatTag,
      channels,
      sampleRate,
      bitsPerSample,
      blockAlign,
      fmtBody: fmt.body,
      dataOffset: data.offset,
      declaredDataBytes: data.declared,
      dataBytes: frames * blockAlign,
      frames,
      declaredFrames: Math.floor(data.declared / blockAlign),
      durationSec: frames / sampleRate,
    },
  };
}
