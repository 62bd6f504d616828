// The audio import pipeline: bytes in, a clean AudioBuffer at the project's rate out, or an ImportError that says
// what is wrong with the file in words a person can act on.
//
//   size checks → sniff the bytes → (WAV) parse the header, repair → (compressed) read the container's facts
//   → decodeAudioData on an OfflineAudioContext at the target rate → check channels, duration, finiteness
import { MAX_AUDIO_BUFFER_RATE, MIN_AUDIO_BUFFER_RATE, hexPreview, parseWavHeader, sniffAudio, type SniffResult } from '../../dsp/audioSniff';
import { ImportError } from './ImportError';
import { probeContainer, type ContainerFacts } from './probeContainer';
import { resampleBuffer } from './resampleBuffer';
import { repairWav } from './wavRepair';

export { ImportError, type ImportFailure } from './ImportError';

/** Largest file imported, bytes (200 MB: about 20 minutes of 24-bit stereo at 96 kHz). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Longest audio imported, seconds (20 minutes); longer is refused, never cut. */
export const MAX_IMPORT_SECONDS = 20 * 60;
/**
 * Most channels imported. Files with more (5.1, 7.1, 8 discrete tracks) are refused with a message, not downmixed:
 * which channel is which is a guess, and a silent guess that drops the dialogue or doubles the bass is worse than
 * asking for a stereo mix.
 */
export const MAX_IMPORT_CHANNELS = 2;

export type ImportStage = 'reading' | 'decoding' | 'resampling';

/** Progress of one stage: `fraction` runs 0→1 within `stage`; stages come in the order of ImportStage. */
export type ImportProgress = (fraction: number, stage: ImportStage) => void;

export interface ImportAudioOptions {
  /** The rate the buffer comes out at, Hz (the project's / AudioContext's rate). */
  readonly sampleRate: number;
  readonly onProgress?: ImportProgress;
  /** Aborting rejects with the signal's reason (a DOMException named AbortError by default), not an ImportError. */
  readonly signal?: AbortSignal;
  /** Size limit, bytes; defaults to MAX_IMPORT_BYTES. Tests lower it to avoid allocating 200 MB. */
  readonly maxBytes?: number;
}

export interface ImportedAudio {
  /** At the target sample rate, 1 or 2 channels, at least one frame, every sample finite. */
  readonly buffer: AudioBuffer;
  readonly fileName: string;
  /**
   * The file's bytes, for saving with the project. The original bytes, except for a WAV that had to be repaired
   * (see `notes`): then the repaired WAV, so that reloading the saved bytes gives exactly this buffer.
   */
  readonly bytes: ArrayBuffer;
  /** From the bytes, not the name: `audio/wav`, `audio/flac`, `audio/mpeg`, `audio/ogg; codecs="opus"`, … */
  readonly mimeType: string;
  /** The file's own rate, Hz; null when the container did not say (the decoder resampled without telling). */
  readonly originalSampleRate: number | null;
  /** buffer.duration, seconds. */
  readonly durationSec: number;
  /** What was repaired, one sentence each, to show the user (e.g. NaN samples replaced with silence). Empty normally. */
  readonly notes: readonly string[];
}

/** "200 MB", "1.5 KB": binary units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** "1:00:00", "20:01", "0:04": a duration rounded up to the whole second, so over-limit files never read as equal. */
export function formatDuration(seconds: number): string {
  const total = Math.ceil(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const KNOWN_FORMATS = 'WAV, FLAC, MP3, Ogg (Vorbis, Opus), AAC/M4A or WebM';

/**
 * Rejects with `signal`'s reason as soon as it aborts; otherwise settles as `work` does. Browser work that cannot be
 * cancelled (decodeAudioData) runs on, and its result is dropped.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function checkSize(fileName: string, size: number, maxBytes: number): void {
  if (size === 0) throw new ImportError(fileName, 'it is empty (0 bytes)', 'empty');
  if (size > maxBytes) {
    throw new ImportError(fileName, `it is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for imported audio`, 'too-large');
  }
}

function checkChannels(fileName: string, channels: number): void {
  if (channels > MAX_IMPORT_CHANNELS) {
    throw new ImportError(fileName, `it has ${channels} channels; Earshot imports mono or stereo files, so mix it down to stereo first`, 'too-many-channels');
  }
}

function checkDuration(fileName: string, seconds: number): void {
  if (seconds > MAX_IMPORT_SECONDS) {
    throw new ImportError(
      fileName,
      `it is ${formatDuration(seconds)} long; Earshot imports audio up to ${MAX_IMPORT_SECONDS / 60} minutes, so trim it first`,
      'too-long',
    );
  }
}

/** Refuses what the sniffer says is not decodable audio; returns what it is otherwise. */
function requireAudio(fileName: string, sniff: SniffResult, bytes: Uint8Array): Extract<SniffResult, { kind: 'audio' }> {
  switch (sniff.kind) {
    case 'audio':
      return sniff;
    case 'not-audio':
      throw new ImportError(fileName, `it is ${sniff.label}, not audio`, 'not-audio');
    case 'unsupported-audio':
      throw new ImportError(fileName, `it is ${sniff.label}, which browsers cannot decode; convert it to WAV or FLAC`, 'unsupported-format');
    case 'unknown':
      throw new ImportError(
        fileName,
        `its contents are not in any audio format Earshot reads (${KNOWN_FORMATS}); it starts with the bytes ${hexPreview(bytes)}`,
        'not-audio',
      );
  }
}

function nonFiniteNote(count: number, what: string): string {
  const one = count === 1;
  return `${count} ${what}sample${one ? ' was' : 's were'} not a number (NaN or infinity) and ${one ? 'was' : 'were'} replaced with silence.`;
}

/** What the WAV path found out before decoding. */
interface Prepared {
  readonly decodeBytes: ArrayBuffer;
  /** What the container knows (compressed files), when it could be read. */
  readonly facts: ContainerFacts | null;
  readonly originalSampleRate: number | null;
  readonly mimeType: string;
  readonly notes: string[];
}

function prepareWav(fileName: string, bytes: Uint8Array, mimeType: string): Prepared {
  const parsed = parseWavHeader(bytes);
  if (!parsed.ok) throw new ImportError(fileName, parsed.reason, 'damaged');
  const h = parsed.header;
  checkChannels(fileName, h.channels);
  if (h.frames === 0) {
    const why = h.declaredFrames > 0 ? `its header promises ${formatDuration(h.declaredFrames / h.sampleRate)} of audio but the file ends before any of it` : 'its data chunk is empty (0 frames)';
    throw new ImportError(fileName, `it has no audio: ${why}`, 'no-audio');
  }
  checkDuration(fileName, h.durationSec);

  const repair = repairWav(bytes, h);
  const notes: string[] = [];
  if (h.declaredDataBytes > h.dataBytes + h.blockAlign - 1) {
    const present = `${h.durationSec.toFixed(2)} s`;
    notes.push(
      h.declaredDataBytes === 0xffffffff
        ? `Its header does not state the audio's length (as when a recording was not finished); the ${present} in the file were imported.`
        : `It is cut short: its header promises ${(h.declaredFrames / h.sampleRate).toFixed(2)} s of audio but only ${present} are in the file; those were imported.`,
    );
  }
  if (repair.nonFiniteReplaced > 0) notes.push(nonFiniteNote(repair.nonFiniteReplaced, ''));
  return { decodeBytes: repair.bytes, facts: null, originalSampleRate: h.sampleRate, mimeType, notes };
}

async function prepareCompressed(fileName: string, bytes: ArrayBuffer, sniff: Extract<SniffResult, { kind: 'audio' }>, signal: AbortSignal | undefined): Promise<Prepared> {
  const facts = await probeContainer(bytes, signal);
  // No audio track found is not refused yet: an MP4 cut short loses its index (at the end) and looks the same. The
  // decoder has the last word, and its failure is then explained in these terms.
  if (facts?.hasAudio) {
    checkChannels(fileName, facts.channels);
    // Container durations are estimates (encoder delay and padding, VBR without an index): allow a second of slack
    // here, and check the decoded duration exactly afterwards.
    if (facts.durationSec > MAX_IMPORT_SECONDS + 1) checkDuration(fileName, facts.durationSec);
  }
  return { decodeBytes: bytes, facts, originalSampleRate: facts?.hasAudio ? facts.sampleRate : null, mimeType: facts?.mimeType ?? sniff.mimeType, notes: [] };
}

/** Replaces NaN and ±Infinity with 0 in every channel; returns how many there were. */
function zeroNonFinite(buffer: AudioBuffer): number {
  let count = 0;
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const x = buffer.getChannelData(c);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]!)) {
        x[i] = 0;
        count++;
      }
    }
  }
  return count;
}

/**
 * Imports an audio file the user chose: checks it, decodes it at the project's rate, and returns the buffer with the
 * bytes to save. Refusals are ImportErrors whose message names the file and the reason. Decisions:
 * - size: 0 bytes and over `maxBytes` (MAX_IMPORT_BYTES, 200 MB) are refused before anything is read;
 * - format: recognised by its bytes, never its name. Non-audio (PNG, PDF, text, JSON, HTML, ZIP, …) and audio that
 *   browsers do not decode (AIFF, CAF, …) are named in the refusal; bytes in no known format are refused without
 *   trying the decoder, which could otherwise turn random bytes into noise;
 * - WAV: the header is read here: cut-short headers, no data, unsupported codecs (ADPCM, MP3-in-WAV, …), 0 frames,
 *   more than 2 channels and more than 20 minutes are refused before decoding. A data chunk that claims more than the
 *   file holds is imported as far as it goes, with a note. 64-bit float is converted to 32-bit;
 * - compressed files: channels and duration are read from the container first, in a Worker with a deadline (a
 *   3-hour MP3 is refused before it is decoded to gigabytes; a damaged file that hangs the parser costs seconds, not
 *   the page), and checked again on the decoded buffer. A file that decodes to much less than its header promises
 *   (cut short) is imported with a note; one the browser cannot decode is refused with the browser's words;
 * - more than MAX_IMPORT_CHANNELS (2) channels: refused, not downmixed (see MAX_IMPORT_CHANNELS);
 * - NaN or ±Infinity samples: replaced with 0 (silence), with a note saying how many. In a WAV this happens before
 *   decoding, because the resampler would spread each NaN over its kernel;
 * - the rate: decodeAudioData on an OfflineAudioContext at `sampleRate` resamples (Chromium verified, 8–384 kHz);
 *   should a browser not, the buffer is resampled by an offline render ('resampling' stage).
 * @param file the name (for messages), the bytes (kept, not detached), and the browser's MIME type (ignored: bytes decide)
 * @param options target `sampleRate` in Hz (3000–768000), progress callback, abort signal
 * @throws ImportError for a refused file; RangeError for a bad `sampleRate`; the signal's reason when aborted
 */
export async function importAudio(file: { readonly name: string; readonly bytes: ArrayBuffer; readonly type?: string }, options: ImportAudioOptions): Promise<ImportedAudio> {
  const { sampleRate, onProgress, signal } = options;
  if (!(sampleRate >= MIN_AUDIO_BUFFER_RATE && sampleRate <= MAX_AUDIO_BUFFER_RATE)) {
    throw new RangeError(`importAudio: sampleRate must be ${MIN_AUDIO_BUFFER_RATE}–${MAX_AUDIO_BUFFER_RATE} Hz, not ${sampleRate}`);
  }
  signal?.throwIfAborted();
  const fileName = file.name;
  checkSize(fileName, file.bytes.byteLength, options.maxBytes ?? MAX_IMPORT_BYTES);
  const view = new Uint8Array(file.bytes);
  const sniff = requireAudio(fileName, sniffAudio(view), view);

  onProgress?.(0, 'decoding');
  const prepared = sniff.container === 'wav' ? prepareWav(fileName, view, sniff.mimeType) : await prepareCompressed(fileName, file.bytes, sniff, signal);
  signal?.throwIfAborted();

  // decodeAudioData detaches the buffer it is given: give it a copy, since these bytes are kept for saving.
  const toDecode = prepared.decodeBytes.slice(0);
  const context = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate });
  let buffer: AudioBuffer;
  try {
    buffer = await abortable(context.decodeAudioData(toDecode), signal);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (prepared.facts && !prepared.facts.hasAudio) {
      throw new ImportError(fileName, `it is ${sniff.label} with no audio track Earshot can find (a video without sound, or a file cut short)`, 'no-audio', { cause: err });
    }
    const detail = err instanceof Error && err.message ? ` (the browser said: ${err.message})` : '';
    throw new ImportError(fileName, `the browser could not decode it as ${sniff.label}; it may be damaged or use a codec this browser lacks${detail}`, 'decode-failed', { cause: err });
  }
  onProgress?.(1, 'decoding');

  checkChannels(fileName, buffer.numberOfChannels);
  if (buffer.length === 0) throw new ImportError(fileName, 'it has no audio (0 frames)', 'no-audio');
  checkDuration(fileName, buffer.duration);
  if (buffer.sampleRate !== sampleRate) {
    onProgress?.(0, 'resampling');
    buffer = await abortable(resampleBuffer(buffer, sampleRate, (f) => onProgress?.(f, 'resampling')), signal);
  }
  const notes = [...prepared.notes];
  const promised = prepared.facts?.headerDurationSec;
  if (promised && buffer.duration < 0.9 * promised && promised - buffer.duration > 0.1) {
    notes.push(`It seems cut short or damaged: its header promises ${promised.toFixed(2)} s of audio but only ${buffer.duration.toFixed(2)} s could be decoded; that was imported.`);
  }
  const nonFinite = zeroNonFinite(buffer);
  if (nonFinite > 0) notes.push(nonFiniteNote(nonFinite, 'decoded '));

  return {
    buffer,
    fileName,
    bytes: prepared.decodeBytes,
    mimeType: prepared.mimeType,
    originalSampleRate: prepared.originalSampleRate,
    durationSec: buffer.duration,
    notes,
  };
}

export interface ReadFileOptions {
  /** Fraction of the file read, 0–1; called per chunk the browser delivers. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
  /** Size limit, bytes; defaults to MAX_IMPORT_BYTES. */
  readonly maxBytes?: number;
}

/**
 * Reads a File chosen by the user into memory from its stream, reporting progress as it goes (a 200 MB file from a
 * slow disk or network share takes seconds). Empty and over-limit files are refused before reading.
 * @throws ImportError for the size checks or a read failure; the signal's reason when aborted
 */
export async function readFileWithProgress(file: File, options: ReadFileOptions = {}): Promise<ArrayBuffer> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  checkSize(file.name, file.size, options.maxBytes ?? MAX_IMPORT_BYTES);
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let at = 0;
  try {
    onProgress?.(0);
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      if (at + value.length > out.length) throw new ImportError(file.name, 'it changed while it was being read (it grew)', 'damaged');
      out.set(value, at);
      at += value.length;
      onProgress?.(at / out.length);
    }
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (err instanceof ImportError) throw err;
    const detail = err instanceof Error && err.message ? `: ${err.message}` : '';
    throw new ImportError(file.name, `it could not be read${detail}`, 'damaged', { cause: err });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (at !== out.length) throw new ImportError(file.name, `it changed while it was being read (${formatBytes(at)} of ${formatBytes(out.length)} arrived)`, 'damaged');
  return out.buffer;
}

/**
 * readFileWithProgress then importAudio: the whole import of a File from a file picker or a drop, with progress
 * through the 'reading' and 'decoding' stages. Also gives `blob`, the audio to keep for saving: `file` itself when
 * its bytes are kept as they are, else a Blob of the repaired WAV.
 */
export async function importAudioFile(file: File, options: ImportAudioOptions): Promise<ImportedAudio & { readonly blob: Blob }> {
  const bytes = await readFileWithProgress(file, {
    onProgress: (f) => options.onProgress?.(f, 'reading'),
    signal: options.signal,
    maxBytes: options.maxBytes,
  });
  const imported = await importAudio({ name: file.name, bytes, type: file.type }, options);
  // What to keep for saving: the File itself (read from disk again when needed) unless a repaired WAV replaced its
  // bytes, so the bytes read here are garbage once the caller drops the result.
  const blob = imported.bytes === bytes ? file : new Blob([imported.bytes], { type: imported.mimeType });
  return { ...imported, blob };
}
