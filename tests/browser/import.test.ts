// The import pipeline against a corpus of bad and edge-case files, decoded by real Chromium Web Audio (no mocks).
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHANNELS,
  MAX_IMPORT_SECONDS,
  importAudio,
  importAudioFile,
  readFileWithProgress,
  type ImportAudioOptions,
  type ImportedAudio,
  type ImportStage,
} from '../../src/engine/import/importAudio';
import { probeDeadlineMs } from '../../src/engine/import/probeContainer';
import { resampleBuffer } from '../../src/engine/import/resampleBuffer';
import { makeWav, randomBytes, silentWav16, sine, stored, textBytes, tinyPng, truncated, upwardZeroCrossings } from './badAudio';

const TARGET = 48000;

async function fixture(name: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(`../fixtures/audio/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return response.arrayBuffer();
}

function run(name: string, bytes: ArrayBuffer, options: Partial<ImportAudioOptions> = {}): Promise<ImportedAudio> {
  return importAudio({ name, bytes }, { sampleRate: TARGET, ...options });
}

/** Imports and expects an ImportError whose message names the file and gives the reason. */
async function refused(name: string, bytes: ArrayBuffer, options: Partial<ImportAudioOptions> = {}): Promise<ImportError> {
  const err: unknown = await run(name, bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${name} should be refused`).toBeInstanceOf(ImportError);
  const e = err as ImportError;
  expect(e.fileName).toBe(name);
  expect(e.message).toBe(`"${name}" could not be imported: ${e.reason}`);
  return e;
}

/** A pitch check: upward zero crossings per second over the middle of the buffer (edges skipped). */
function measuredHz(buffer: AudioBuffer, channel = 0, edgeSec = 0.1): number {
  const x = buffer.getChannelData(channel);
  const from = Math.round(edgeSec * buffer.sampleRate);
  const to = x.length - from;
  return upwardZeroCrossings(x, from, to) / ((to - from) / buffer.sampleRate);
}

function allFinite(buffer: AudioBuffer): boolean {
  for (let c = 0; c < buffer.numberOfChannels; c++) for (const v of buffer.getChannelData(c)) if (!Number.isFinite(v)) return false;
  return true;
}

/** Byte-for-byte equality (expect().toEqual walks megabytes element by element, far too slowly). */
function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  const x = a instanceof Uint8Array ? a : new Uint8Array(a);
  const y = b instanceof Uint8Array ? b : new Uint8Array(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const mono16 = (seconds: number, sampleRate: number): ArrayBuffer => makeWav({ sampleRate, channels: [sine(1000, seconds, sampleRate, 0.5, 0.3)], format: 'pcm16' });

describe('importAudio refuses bad input with a message naming the file and the reason', () => {
  it('zero-length file', async () => {
    const e = await refused('empty.wav', new ArrayBuffer(0));
    expect(e.reason).toBe('it is empty (0 bytes)');
    expect(e.failure).toBe('empty');
  });

  it('over the size limit: the real 200 MB limit is in the message (a lazily zeroed 200 MB + 1 byte buffer)', async () => {
    expect(MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
    const e = await refused('huge.wav', new ArrayBuffer(MAX_IMPORT_BYTES + 1));
    expect(e.reason).toMatch(/^it is 200\.0 MB, over the 200 MB limit for imported audio$/);
    expect(e.failure).toBe('too-large');
    // A lowered limit (for tests) is stated as it is.
    expect((await refused('small-limit.wav', mono16(0.1, 8000), { maxBytes: 1024 })).reason).toMatch(/^it is 1\.6 KB, over the 1 KB limit/);
  });

  it('text renamed .wav', async () => {
    expect((await refused('notes.wav', textBytes('Verse 1: more reverb on the snare.\nChorus: double the vocal.\n'))).reason).toBe('it is a text file, not audio');
  });

  it('PNG renamed .mp3', async () => {
    const e = await refused('cover.mp3', tinyPng());
    expect(e.reason).toBe('it is a PNG image, not audio');
    expect(e.failure).toBe('not-audio');
  });

  it('JSON renamed .flac', async () => {
    expect((await refused('project.flac', textBytes('{"version": 2, "tracks": []}'))).reason).toBe('it is a JSON file, not audio');
  });

  it('HTML renamed .flac (a download page saved instead of the file)', async () => {
    expect((await refused('song.flac', textBytes('<!DOCTYPE html>\n<html><head><title>Download</title></head></html>'))).reason).toBe('it is an HTML page, not audio');
  });

  it('random bytes: refused without trying the decoder, first bytes shown', async () => {
    const e = await refused('noise.wav', randomBytes(7, 65536));
    expect(e.reason).toMatch(/^its contents are not in any audio format Earshot reads \(WAV, FLAC, MP3, .*\); it starts with the bytes ([0-9a-f]{2} ){7}[0-9a-f]{2}$/);
  });

  it('WAV header cut short', async () => {
    const e = await refused('cut-header.wav', truncated(mono16(1, 44100), 30));
    expect(e.reason).toMatch(/^its WAV header is cut short: the file ends inside the 'fmt ' chunk$/);
    expect(e.failure).toBe('damaged');
    expect((await refused('tiny.wav', truncated(mono16(1, 44100), 8))).reason).toMatch(/cut short: the file is only 8 bytes/);
  });

  it('WAV header complete, samples missing: the header promises audio the file does not have', async () => {
    const e = await refused('header-only.wav', truncated(mono16(1, 44100), 44));
    expect(e.reason).toMatch(/^it has no audio: its header promises 0:01 of audio but the file ends before any of it$/);
  });

  it('WAV with 0 frames', async () => {
    const e = await refused('zero-frames.wav', makeWav({ sampleRate: 44100, channels: [new Float32Array(0), new Float32Array(0)], format: 'pcm16' }));
    expect(e.reason).toBe('it has no audio: its data chunk is empty (0 frames)');
    expect(e.failure).toBe('no-audio');
  });

  it(`8-channel WAV: refused, not downmixed (MAX_IMPORT_CHANNELS = ${MAX_IMPORT_CHANNELS})`, async () => {
    const channels = Array.from({ length: 8 }, (_, c) => sine(100 * (c + 1), 0.2, 44100));
    const e = await refused('surround.wav', makeWav({ sampleRate: 44100, channels, format: 'pcm24', extensible: true }));
    expect(e.reason).toBe('it has 8 channels; Earshot imports mono or stereo files, so mix it down to stereo first');
    expect(e.failure).toBe('too-many-channels');
  });

  it('8-channel FLAC: refused from the container, before decoding', async () => {
    const stages: [number, ImportStage][] = [];
    const e = await refused('surround.flac', await fixture('eight-channels.flac'), { onProgress: (f, s) => stages.push([f, s]) });
    expect(e.reason).toMatch(/^it has 8 channels; Earshot imports mono or stereo/);
    expect(stages).toEqual([[0, 'decoding']]);
  });

  it('WAV codec Earshot does not read: format tag 0x0055 (MP3) over PCM bytes', async () => {
    const e = await refused('mp3-in-wav.wav', makeWav({ sampleRate: 44100, channels: [sine(440, 0.1, 44100)], format: 'pcm16', formatTagOverride: 0x55 }));
    expect(e.reason).toMatch(/^it is a WAV file holding MP3 \(format 0x0055\), which Earshot cannot read; convert it to a PCM WAV, FLAC or MP3$/);
  });

  it('WAV codec Earshot does not read: IMA ADPCM from ffmpeg', async () => {
    expect((await refused('adpcm.wav', await fixture('ima-adpcm.wav'))).reason).toMatch(/IMA ADPCM \(format 0x0011\)/);
  });

  it('WAV at 1000 Hz (below what Web Audio can hold)', async () => {
    expect((await refused('slow.wav', mono16(0.5, 1000))).reason).toBe('its sample rate is 1000 Hz; Earshot reads 3000–768000 Hz');
  });

  it(`a real 1-hour WAV (8 kHz mono 16-bit, 57.6 MB) is refused from its header, before decoding (limit ${MAX_IMPORT_SECONDS / 60} min)`, async () => {
    const bytes = silentWav16(8000, 1, 3600 * 8000);
    expect(bytes.byteLength).toBe(44 + 57_600_000);
    const stages: [number, ImportStage][] = [];
    const e = await refused('podcast.wav', bytes, { onProgress: (f, s) => stages.push([f, s]) });
    expect(e.reason).toBe('it is 1:00:00 long; Earshot imports audio up to 20 minutes, so trim it first');
    expect(e.failure).toBe('too-long');
    expect(stages).toEqual([[0, 'decoding']]); // never decoded
  });

  it('20 minutes and 1 second is refused; the message rounds up so it never reads "20:00"', async () => {
    const e = await refused('long.wav', silentWav16(3000, 1, (MAX_IMPORT_SECONDS + 0.2) * 3000));
    expect(e.reason).toMatch(/^it is 20:01 long/);
  });

  it('a real 1-hour FLAC (silence, 18 KB) is refused from its container, before decoding', async () => {
    const stages: [number, ImportStage][] = [];
    const e = await refused('hour.flac', await fixture('one-hour-silence.flac'), { onProgress: (f, s) => stages.push([f, s]) });
    expect(e.reason).toMatch(/^it is 1:00:00 long; Earshot imports audio up to 20 minutes/);
    expect(stages).toEqual([[0, 'decoding']]);
  });

  it('AIFF: audio, but not a format browsers decode', async () => {
    const e = await refused('take1.aif', await fixture('sine.aiff'));
    expect(e.reason).toBe('it is an AIFF file, which browsers cannot decode; convert it to WAV or FLAC');
    expect(e.failure).toBe('unsupported-format');
  });

  it('a WebM video with no audio track', async () => {
    const e = await refused('screen.webm', await fixture('no-audio-track.webm'));
    expect(e.reason).toBe('it is a WebM file with no audio track Earshot can find (a video without sound, or a file cut short)');
    expect(e.failure).toBe('no-audio');
  });

  it('an M4A cut in half (its index, at the end, is gone)', async () => {
    const e = await refused('half.m4a', truncated(await fixture('sine-1k-stereo-44k.m4a'), 6000));
    expect(e.reason).toMatch(/^it is an M4A file with no audio track Earshot can find \(.*cut short\)$/);
  });

  it('an Ogg Vorbis file cut in half: Chromium will not decode it, and says so through an ImportError', async () => {
    const e = await refused('half.ogg', truncated(await fixture('sine-1k-mono-44k.ogg'), 2500));
    expect(e.reason).toMatch(/^the browser could not decode it as an Ogg file/);
  });

  it('a FLAC cut to its first 2 KB, which sends the container parser into an endless loop: refused, page not frozen', async () => {
    const started = performance.now();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 100); // the page keeps running while the parser spins in its Worker
    const e = await refused('stub.flac', truncated(await fixture('sine-1k-mono-44k.flac'), 2048));
    clearInterval(timer);
    expect(e.reason).toMatch(/^the browser could not decode it as a FLAC file/);
    expect(performance.now() - started).toBeLessThan(probeDeadlineMs(2048) + 2000);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('FLAC magic followed by garbage: the browser’s decode error is wrapped, naming the file', async () => {
    const bytes = new Uint8Array(randomBytes(3, 8192));
    bytes.set([0x66, 0x4c, 0x61, 0x43]); // 'fLaC'
    const e = await refused('broken.flac', bytes.buffer);
    expect(e.reason).toMatch(/^the browser could not decode it as a FLAC file; it may be damaged or use a codec this browser lacks \(the browser said: .+\)$/);
    expect(e.failure).toBe('decode-failed');
    expect(e.cause).toBeInstanceOf(DOMException);
  });

  it('an ID3 tag with nothing after it', async () => {
    const tag = new Uint8Array(64);
    tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20]);
    expect((await refused('tag-only.mp3', tag.buffer)).reason).toMatch(/^the browser could not decode it as an MP3 file/);
  });

  it('a bad target rate is a programming error (RangeError), not an ImportError', async () => {
    await expect(importAudio({ name: 'a.wav', bytes: mono16(0.1, 8000) }, { sampleRate: 0 })).rejects.toThrow(RangeError);
  });
});

describe('importAudio repairs what it can, and says so', () => {
  it('a data chunk whose size lies (larger than the file): the frames present are imported, with a note', async () => {
    const whole = makeWav({ sampleRate: 44100, channels: [sine(1000, 1, 44100, 0.5, 0.3)], format: 'pcm16' });
    const cut = truncated(whole, 44 + 2 * 22050 + 1); // half the samples and a stray byte
    const result = await run('cut.wav', cut, { sampleRate: 44100 });
    expect(result.buffer.length).toBe(22050);
    expect(result.notes).toEqual(['It is cut short: its header promises 1.00 s of audio but only 0.50 s are in the file; those were imported.']);
    const reference = await run('whole.wav', whole, { sampleRate: 44100 });
    expect(maxAbsDiff(result.buffer.getChannelData(0), reference.buffer.getChannelData(0).subarray(0, 22050))).toBe(0);
    // The bytes kept for saving are the repaired WAV: re-importing them gives the same audio and no note.
    const again = await run('cut.wav', result.bytes, { sampleRate: 44100 });
    expect(again.notes).toEqual([]);
    expect(maxAbsDiff(again.buffer.getChannelData(0), result.buffer.getChannelData(0))).toBe(0);
  });

  it('a streaming placeholder size (0xFFFFFFFF) is read as "to the end of the file"', async () => {
    const bytes = makeWav({ sampleRate: 48000, channels: [sine(1000, 0.5, 48000)], format: 'pcm16', dataSizeOverride: 0xffffffff, riffSizeOverride: 0xffffffff });
    const result = await run('live.wav', bytes);
    expect(result.buffer.length).toBe(24000);
    expect(result.notes[0]).toMatch(/does not state the audio's length.*0\.50 s in the file were imported/);
  });

  it('32-bit float with NaN and ±Infinity: replaced with 0 before resampling, so no neighbour is smeared', async () => {
    const clean = sine(1000, 1, 44100, 0.5, 0.3);
    const dirty = clean.slice();
    const zeroed = clean.slice();
    for (const [i, v] of [[1000, NaN], [2000, Infinity], [3000, -Infinity]] as const) {
      dirty[i] = v;
      zeroed[i] = 0;
    }
    const result = await run('float-nan.wav', makeWav({ sampleRate: 44100, channels: [dirty], format: 'float32' }));
    expect(result.buffer.sampleRate).toBe(TARGET);
    expect(allFinite(result.buffer)).toBe(true);
    expect(result.notes).toEqual(['3 samples were not a number (NaN or infinity) and were replaced with silence.']);
    // Exactly what a file with zeros in those places gives: the repair touched those three samples and nothing else.
    const reference = await run('float-zeros.wav', makeWav({ sampleRate: 44100, channels: [zeroed], format: 'float32' }));
    expect(maxAbsDiff(result.buffer.getChannelData(0), reference.buffer.getChannelData(0))).toBe(0);
  });

  it('a FLAC cut in half: what decodes is imported, with a note comparing it to what the header promised', async () => {
    const result = await run('half.flac', truncated(await fixture('sine-1k-mono-44k.flac'), 10400));
    expect(result.durationSec).toBeGreaterThan(0);
    expect(result.durationSec).toBeLessThan(0.6);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^It seems cut short or damaged: its header promises 1\.00 s of audio but only 0\.\d\d s could be decoded; that was imported\.$/);
    // A short stretch (~0.08 s): one crossing more or less is ±12 Hz.
    expect(Math.abs(measuredHz(result.buffer, 0, 0.01) - 1000)).toBeLessThan(15);
  });

  it('64-bit float (which Chromium cannot decode) is converted to 32-bit float, NaN included', async () => {
    const x = sine(1000, 0.5, 44100, 0.5, 0.3);
    x[10] = NaN;
    const result = await run('double.wav', makeWav({ sampleRate: 44100, channels: [x, x], format: 'float64' }), { sampleRate: 44100 });
    expect(result.buffer.numberOfChannels).toBe(2);
    expect(result.notes).toEqual(['2 samples were not a number (NaN or infinity) and were replaced with silence.']);
    const out = result.buffer.getChannelData(1);
    expect(out[10]).toBe(0);
    out[10] = x[10] = 0;
    expect(maxAbsDiff(out, x)).toBe(0);
  });
});

describe('importAudio: files that import', () => {
  for (const rate of [8000, 192000]) {
    it(`${rate / 1000} kHz WAV comes out at ${TARGET / 1000} kHz, 1 s ± 1 ms, still 1 kHz`, async () => {
      const result = await run(`sine-${rate}.wav`, mono16(1, rate));
      expect(result.buffer.sampleRate).toBe(TARGET);
      expect(result.originalSampleRate).toBe(rate);
      expect(Math.abs(result.durationSec - 1)).toBeLessThanOrEqual(0.001);
      expect(result.durationSec).toBe(result.buffer.duration);
      expect(measuredHz(result.buffer)).toBeCloseTo(1000, -0.5); // within ±1.6 Hz: a crossing more or less
      expect(result.notes).toEqual([]);
    });
  }

  it('16-bit stereo 44.1 kHz at 44.1 kHz: every stored sample back within 1 LSB, channels kept apart; bytes kept intact', async () => {
    const left = sine(1000, 1, 44100, 0.5, 0.3);
    const right = sine(250, 1, 44100, 1); // full scale: the extremes are where decoders' scalings differ
    const bytes = makeWav({ sampleRate: 44100, channels: [left, right], format: 'pcm16' });
    const copy = bytes.slice(0);
    const result = await run('stereo.wav', bytes, { sampleRate: 44100 });
    expect(result.buffer.numberOfChannels).toBe(2);
    expect(result.buffer.length).toBe(44100);
    // Chromium scales positive integers by 1/32767 and negative by 1/32768, so +32767 comes back as exactly 1.0:
    // a difference of at most 1 LSB from n/32768.
    expect(maxAbsDiff(result.buffer.getChannelData(0), stored(left, 'pcm16'))).toBeLessThanOrEqual(1 / 32768);
    expect(maxAbsDiff(result.buffer.getChannelData(1), stored(right, 'pcm16'))).toBeLessThanOrEqual(1 / 32768);
    expect(result.mimeType).toBe('audio/wav');
    expect(bytes.byteLength).toBe(copy.byteLength); // not detached by decodeAudioData
    expect(sameBytes(result.bytes, copy)).toBe(true);
  });

  it('24-bit WAV (extensible header) at its own rate: every stored sample back within 1 LSB of 24 bits', async () => {
    const x = sine(1000, 0.5, 48000, 1, 0.3);
    const result = await run('hires.wav', makeWav({ sampleRate: 48000, channels: [x], format: 'pcm24', extensible: true }));
    expect(maxAbsDiff(result.buffer.getChannelData(0), stored(x, 'pcm24'))).toBeLessThanOrEqual(1 / 2 ** 23);
  });

  it('mono stays mono; 8-bit, µ-law and RF64 WAVs import too', async () => {
    const mono = await run('mono.wav', makeWav({ sampleRate: 22050, channels: [sine(1000, 0.5, 22050, 0.5, 0.3)], format: 'pcm8' }));
    expect(mono.buffer.numberOfChannels).toBe(1);
    expect(measuredHz(mono.buffer)).toBeCloseTo(1000, -0.5);
    for (const name of ['mulaw-8k.wav', 'rf64-8k.wav']) {
      const result = await run(name, await fixture(name));
      expect(result.buffer.sampleRate).toBe(TARGET);
      expect(Math.abs(result.durationSec - 0.5)).toBeLessThanOrEqual(0.001);
      expect(measuredHz(result.buffer)).toBeCloseTo(1000, -0.5);
    }
  });

  it('exactly 20 minutes is allowed (the limit refuses longer, not equal)', async () => {
    const result = await run('twenty.wav', silentWav16(3000, 1, MAX_IMPORT_SECONDS * 3000), { sampleRate: 3000 });
    expect(result.durationSec).toBe(MAX_IMPORT_SECONDS);
  });

  const compressed: [string, number, string, number][] = [
    // name, channels, MIME type, duration tolerance (s): codecs pad or trim a few ms at the ends
    ['sine-1k-mono-44k.flac', 1, 'audio/flac', 0.001],
    ['sine-1k-mono-44k.mp3', 1, 'audio/mpeg', 0.03],
    ['sine-1k-mono-44k.ogg', 1, 'audio/ogg; codecs="vorbis"', 0.01],
    ['sine-1k-mono-44k.aac', 1, 'audio/aac', 0.05],
    ['sine-1k-stereo-44k.m4a', 2, 'audio/mp4; codecs="mp4a.40.2"', 0.03],
    ['sine-1k-stereo-48k.opus', 2, 'audio/ogg; codecs="opus"', 0.01],
    ['sine-1k-mono-48k.webm', 1, 'audio/webm; codecs="opus"', 0.01],
  ];
  for (const [name, channels, mime, tolerance] of compressed) {
    it(`${name} (ffmpeg) decodes at ${TARGET / 1000} kHz: ${channels} channel(s), ~1 s, 1 kHz`, async () => {
      const result = await run(name, await fixture(name));
      expect(result.buffer.sampleRate).toBe(TARGET);
      expect(result.buffer.numberOfChannels).toBe(channels);
      expect(Math.abs(result.durationSec - 1)).toBeLessThanOrEqual(tolerance);
      expect(result.mimeType).toBe(mime);
      expect(result.originalSampleRate).toBe(name.includes('48k') ? 48000 : 44100);
      for (let c = 0; c < channels; c++) expect(measuredHz(result.buffer, c)).toBeCloseTo(1000, -0.5);
      expect(allFinite(result.buffer)).toBe(true);
    });
  }
});

describe('progress and abort', () => {
  it('reports decoding 0 then 1', async () => {
    const stages: [number, ImportStage][] = [];
    await run('p.wav', mono16(0.2, 44100), { onProgress: (f, s) => stages.push([f, s]) });
    expect(stages).toEqual([
      [0, 'decoding'],
      [1, 'decoding'],
    ]);
  });

  it('an already aborted signal rejects with its reason before any work', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await run('a.wav', mono16(1, 44100), { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('aborting during the decode rejects at once with AbortError (not an ImportError), with the caller’s reason', async () => {
    const controller = new AbortController();
    const bytes = makeWav({ sampleRate: 44100, channels: [sine(1000, 30, 44100), sine(500, 30, 44100)], format: 'pcm16' });
    const pending = run('long.wav', bytes, {
      signal: controller.signal,
      onProgress: (f, s) => {
        if (s === 'decoding' && f === 0) queueMicrotask(() => controller.abort(new DOMException('user pressed Cancel', 'AbortError')));
      },
    });
    const err = await pending.catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ImportError);
    expect((err as DOMException).name).toBe('AbortError');
    expect((err as DOMException).message).toBe('user pressed Cancel');
  });

  it('aborting while a compressed file is probed rejects with AbortError', async () => {
    const controller = new AbortController();
    const pending = run('x.flac', await fixture('sine-1k-mono-44k.flac'), { signal: controller.signal });
    controller.abort();
    expect(((await pending.catch((e: unknown) => e)) as DOMException).name).toBe('AbortError');
  });
});

describe('readFileWithProgress and importAudioFile', () => {
  it('reads a 6 MB File exactly, with rising progress ending at 1', async () => {
    const bytes = new Uint8Array(randomBytes(11, 6 * 1024 * 1024));
    const seen: number[] = [];
    const out = await readFileWithProgress(new File([bytes], 'big.bin'), { onProgress: (f) => seen.push(f) });
    expect(sameBytes(out, bytes)).toBe(true);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses empty and over-limit Files before reading them', async () => {
    await expect(readFileWithProgress(new File([], 'nothing.wav'))).rejects.toThrow('"nothing.wav" could not be imported: it is empty (0 bytes)');
    await expect(readFileWithProgress(new File([new Uint8Array(3000)], 'big.wav'), { maxBytes: 2048 })).rejects.toThrow(/"big\.wav" could not be imported: it is 2\.9 KB, over the 2 KB limit/);
  });

  it('abort while reading rejects with AbortError', async () => {
    const controller = new AbortController();
    const file = new File([new Uint8Array(randomBytes(5, 8 * 1024 * 1024))], 'slow.wav');
    const pending = readFileWithProgress(file, { signal: controller.signal, onProgress: (f) => f > 0 && controller.abort() });
    expect(((await pending.catch((e: unknown) => e)) as DOMException).name).toBe('AbortError');
  });

  it('importAudioFile: reading, then decoding; the File’s name is in refusals', async () => {
    const stages: ImportStage[] = [];
    const file = new File([mono16(0.5, 44100)], 'take.wav', { type: 'audio/wav' });
    const result = await importAudioFile(file, { sampleRate: TARGET, onProgress: (_, s) => stages.push(s) });
    expect(result.fileName).toBe('take.wav');
    expect(result.buffer.length).toBe(24000);
    expect(stages[0]).toBe('reading');
    expect(stages.at(-1)).toBe('decoding');
    expect(stages.indexOf('decoding')).toBeGreaterThan(stages.lastIndexOf('reading'));
    await expect(importAudioFile(new File([tinyPng()], 'art.wav', { type: 'audio/wav' }), { sampleRate: TARGET })).rejects.toThrow('"art.wav" could not be imported: it is a PNG image, not audio');
  });
});

describe('resampleBuffer (the fallback when a browser does not resample while decoding)', () => {
  it('8 kHz stereo → 48 kHz: same duration, channels and pitch, with progress', async () => {
    const source = new AudioBuffer({ numberOfChannels: 2, length: 8000, sampleRate: 8000 });
    source.copyToChannel(sine(1000, 1, 8000, 0.5, 0.3), 0);
    source.copyToChannel(sine(500, 1, 8000, 0.5, 0.3), 1);
    const seen: number[] = [];
    const out = await resampleBuffer(source, 48000, (f) => seen.push(f));
    expect(out.sampleRate).toBe(48000);
    expect(out.length).toBe(48000);
    expect(out.numberOfChannels).toBe(2);
    expect(measuredHz(out, 0)).toBeCloseTo(1000, -0.5);
    expect(measuredHz(out, 1)).toBeCloseTo(500, -0.5);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});
