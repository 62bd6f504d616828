import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexPreview, parseWavHeader, sniffAudio, type WavHeader } from '../../src/dsp/audioSniff';
import { makeWav, randomBytes, sine, textBytes, tinyPng, type WavSpec } from '../browser/badAudio';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/audio/${name}`, import.meta.url)));
const u8 = (b: ArrayBuffer): Uint8Array => new Uint8Array(b);
const bytesOf = (...values: number[]): Uint8Array => new Uint8Array(values);

function header(spec: WavSpec, cut?: number): WavHeader {
  const bytes = u8(makeWav(spec));
  const parsed = parseWavHeader(cut === undefined ? bytes : bytes.subarray(0, cut));
  if (!parsed.ok) throw new Error(`expected a header, got: ${parsed.reason}`);
  return parsed.header;
}

function refusal(bytes: Uint8Array): string {
  const parsed = parseWavHeader(bytes);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.reason;
}

const mono16 = (frames = 100, sampleRate = 44100): WavSpec => ({ sampleRate, channels: [sine(1000, frames / sampleRate, sampleRate)], format: 'pcm16' });

describe('sniffAudio: real encoders’ files', () => {
  const cases: [string, string, string][] = [
    ['sine-1k-mono-44k.flac', 'flac', 'audio/flac'],
    ['sine-1k-mono-44k.mp3', 'mp3', 'audio/mpeg'],
    ['sine-1k-mono-44k.ogg', 'ogg', 'audio/ogg'],
    ['sine-1k-stereo-48k.opus', 'ogg', 'audio/ogg'],
    ['sine-1k-mono-44k.aac', 'aac', 'audio/aac'],
    ['sine-1k-stereo-44k.m4a', 'mp4', 'audio/mp4'],
    ['sine-1k-mono-48k.webm', 'webm', 'audio/webm'],
    ['mulaw-8k.wav', 'wav', 'audio/wav'],
    ['ima-adpcm.wav', 'wav', 'audio/wav'],
  ];
  for (const [name, container, mime] of cases) {
    it(`${name} is ${container}`, () => {
      expect(sniffAudio(fixture(name))).toMatchObject({ kind: 'audio', container, mimeType: mime });
    });
  }

  it('MP3 without its ID3 tag is still MP3, found by two consecutive frame headers', () => {
    const mp3 = fixture('sine-1k-mono-44k.mp3');
    const tag = 10 + ((mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!);
    const bare = mp3.subarray(tag);
    expect(bare[0]).toBe(0xff);
    expect(sniffAudio(bare)).toMatchObject({ kind: 'audio', container: 'mp3' });
  });

  it('a lone frame-sync-like header whose "next frame" is garbage is not MP3', () => {
    const mp3 = fixture('sine-1k-mono-44k.mp3');
    const tag = 10 + ((mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!);
    const fake = new Uint8Array(2000);
    fake.set(mp3.subarray(tag, tag + 4)); // one real header, then zeros where the next header should be
    expect(sniffAudio(fake).kind).not.toBe('audio');
  });

  it('AIFF is audio browsers cannot decode', () => {
    expect(sniffAudio(fixture('sine.aiff'))).toEqual({ kind: 'unsupported-audio', label: 'an AIFF file' });
  });
});

describe('sniffAudio: WAV family', () => {
  it('RIFF/WAVE, RF64 and BW64 are WAV; RIFX (big-endian) is refused', () => {
    const wav = u8(makeWav(mono16()));
    expect(sniffAudio(wav)).toMatchObject({ kind: 'audio', container: 'wav', label: 'a WAV file' });
    for (const outer of ['RF64', 'BW64']) {
      const copy = wav.slice();
      copy.set(new TextEncoder().encode(outer));
      expect(sniffAudio(copy)).toMatchObject({ kind: 'audio', container: 'wav' });
    }
    const rifx = wav.slice();
    rifx.set(new TextEncoder().encode('RIFX'));
    expect(sniffAudio(rifx)).toMatchObject({ kind: 'unsupported-audio', label: expect.stringMatching(/big-endian/) });
  });

  it('RIFF that is not WAVE: WebP image, AVI video', () => {
    const riff = (form: string) => new Uint8Array([...new TextEncoder().encode(`RIFF\x10\x00\x00\x00${form}`), ...new Uint8Array(16)]);
    expect(sniffAudio(riff('WEBP'))).toEqual({ kind: 'not-audio', label: 'a WebP image' });
    expect(sniffAudio(riff('AVI '))).toEqual({ kind: 'not-audio', label: 'an AVI video' });
  });
});

describe('sniffAudio: things that are not audio', () => {
  const enc = (s: string) => u8(textBytes(s));
  const cases: [string, Uint8Array, RegExp][] = [
    ['PNG', u8(tinyPng()), /^a PNG image$/],
    ['JPEG', bytesOf(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46), /^a JPEG image$/],
    ['GIF', enc('GIF89a\x01\x00\x01\x00'), /^a GIF image$/],
    ['PDF', enc('%PDF-1.7\n%âãÏÓ\n'), /^a PDF document$/],
    ['ZIP', bytesOf(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), /^a ZIP archive$/],
    ['gzip', bytesOf(0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0), /^a gzip archive$/],
    ['MIDI', enc('MThd\x00\x00\x00\x06\x00\x01\x00\x02'), /MIDI/],
    ['plain text', enc('These are my notes about the mix.\nMore vocals.\n'), /^a text file$/],
    ['text with UTF-8 accents', enc('Ça sonne très bien — vraiment.\n'), /^a text file$/],
    ['JSON', enc('  {"tracks": [1, 2, 3]}'), /^a JSON file$/],
    ['JSON array', enc('[1,2,3]'), /^a JSON file$/],
    ['HTML', enc('<!DOCTYPE html><html><body>Download</body></html>'), /^an HTML page$/],
    ['HTML lower case, after a BOM', enc('\uFEFF\n<html lang="en">'), /^an HTML page$/],
    ['SVG', enc('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), /^an SVG image$/],
    ['UTF-16 text with BOM', bytesOf(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), /^a text file$/],
    ['ELF', bytesOf(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), /program/],
    ['HEIC', enc('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00'), /^a HEIC image$/],
  ];
  for (const [name, bytes, label] of cases) {
    it(`${name}`, () => {
      const result = sniffAudio(bytes);
      expect(result.kind).toBe('not-audio');
      if (result.kind === 'not-audio') expect(result.label).toMatch(label);
    });
  }

  it('random bytes and empty input are unknown (several seeds)', () => {
    for (let seed = 1; seed <= 50; seed++) expect(sniffAudio(u8(randomBytes(seed, 4096))).kind).toBe('unknown');
    expect(sniffAudio(new Uint8Array(0)).kind).toBe('unknown');
  });

  it('text cut in the middle of a multi-byte character at the sniff window is still text', () => {
    const text = 'é'.repeat(5000); // 2 bytes each: the 4096-byte window ends on a character boundary…
    expect(sniffAudio(enc(`x${text}`))).toEqual({ kind: 'not-audio', label: 'a text file' }); // …or, shifted by one, inside one
  });

  it('hexPreview names the first bytes', () => {
    expect(hexPreview(bytesOf(0x3f, 0x8a, 0, 255, 1, 2, 3, 4, 5))).toBe('3f 8a 00 ff 01 02 03 04');
  });
});

describe('parseWavHeader', () => {
  it('reads a plain 16-bit stereo header', () => {
    const h = header({ sampleRate: 44100, channels: [sine(1000, 0.5, 44100), sine(500, 0.5, 44100)], format: 'pcm16' });
    expect(h).toMatchObject({ container: 'RIFF', encoding: 'pcm', formatTag: 1, channels: 2, sampleRate: 44100, bitsPerSample: 16, blockAlign: 4, dataOffset: 44 });
    expect(h.frames).toBe(22050);
    expect(h.declaredFrames).toBe(22050);
    expect(h.durationSec).toBeCloseTo(0.5, 12);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE: the sub-format decides the encoding', () => {
    const h = header({ ...mono16(), format: 'pcm24', extensible: true });
    expect(h).toMatchObject({ formatTag: 0xfffe, encoding: 'pcm', bitsPerSample: 24, blockAlign: 3 });
    expect(header({ ...mono16(), format: 'float32', extensible: true }).encoding).toBe('float');
  });

  it('walks past other chunks, and finds fmt after data', () => {
    const list = { id: 'LIST', body: new Uint8Array(33) }; // odd size: the pad byte must be skipped
    expect(header({ ...mono16(), extraChunks: [list] }).frames).toBe(100);
    expect(header({ ...mono16(), dataBeforeFmt: true })).toMatchObject({ frames: 100, dataOffset: 20 });
  });

  it('a data chunk that claims more than the file holds: declared vs present, whole frames only', () => {
    const h = header({ sampleRate: 8000, channels: [sine(100, 1, 8000), sine(100, 1, 8000)], format: 'pcm24' }, 44 + 3001);
    expect(h.declaredFrames).toBe(8000);
    expect(h.frames).toBe(500); // 3001 bytes = 500 frames of 6 bytes + 1 stray byte
    expect(h.dataBytes).toBe(3000);
    expect(h.durationSec).toBeCloseTo(500 / 8000, 12);
    const placeholder = header({ ...mono16(), dataSizeOverride: 0xffffffff, riffSizeOverride: 0xffffffff });
    expect(placeholder.declaredDataBytes).toBe(0xffffffff);
    expect(placeholder.frames).toBe(100);
  });

  it('RF64 (ffmpeg -rf64 always): the data size comes from the ds64 chunk', () => {
    const rf64 = fixture('rf64-8k.wav');
    expect(new DataView(rf64.buffer, rf64.byteOffset).getUint32(4, true)).toBe(0xffffffff);
    const parsed = parseWavHeader(rf64);
    expect(parsed.ok && parsed.header).toMatchObject({ container: 'RF64', sampleRate: 8000, frames: 4000, declaredDataBytes: 8000, dataBytes: 8000 });
  });

  it('every cut inside the header is refused as cut short, never read past the end', () => {
    const wav = u8(makeWav(mono16()));
    expect(refusal(wav.subarray(0, 0))).toMatch(/cut short: the file is only 0 bytes/);
    expect(refusal(wav.subarray(0, 11))).toMatch(/cut short: the file is only 11 bytes/);
    for (let cut = 12; cut < 36; cut++) expect(refusal(wav.subarray(0, cut)), `cut at ${cut}`).toMatch(/cut short.*'fmt '/);
    for (let cut = 36; cut < 44; cut++) expect(refusal(wav.subarray(0, cut)), `cut at ${cut}`).toMatch(/no audio.*ends before its 'data' chunk/);
  });

  it('refuses codecs other than PCM, float, A-law and µ-law, naming them', () => {
    expect(refusal(u8(makeWav({ ...mono16(), formatTagOverride: 0x55 })))).toMatch(/holding MP3 \(format 0x0055\).*cannot read/);
    expect(refusal(fixture('ima-adpcm.wav'))).toMatch(/IMA ADPCM \(format 0x0011\)/);
    expect(refusal(u8(makeWav({ ...mono16(), formatTagOverride: 0x1234 })))).toMatch(/audio in format 0x1234/);
    const mulaw = parseWavHeader(fixture('mulaw-8k.wav'));
    expect(mulaw.ok && mulaw.header).toMatchObject({ encoding: 'mulaw', sampleRate: 8000, frames: 4000 });
  });

  it('refuses impossible headers', () => {
    const wav = u8(makeWav(mono16()));
    const patched = (at: number, value: number, bytes: 2 | 4): Uint8Array => {
      const copy = wav.slice();
      const dv = new DataView(copy.buffer);
      if (bytes === 2) dv.setUint16(at, value, true);
      else dv.setUint32(at, value, true);
      return copy;
    };
    expect(refusal(patched(22, 0, 2))).toMatch(/0 channels/);
    expect(refusal(patched(24, 0, 4))).toMatch(/sample rate of 0 Hz/);
    expect(refusal(patched(24, 1000, 4))).toMatch(/sample rate is 1000 Hz; Earshot reads 3000–768000 Hz/);
    expect(refusal(patched(34, 12, 2))).toMatch(/12-bit PCM/);
    expect(refusal(patched(32, 3, 2))).toMatch(/inconsistent: 3 bytes per frame for 1 channel\(s\) of 16 bits/);
    expect(refusal(patched(16, 14, 4))).toMatch(/'fmt ' chunk is 14 bytes/);
  });

  it('a WAV whose fmt chunk never comes before a data chunk that runs off the end is refused', () => {
    const wav = u8(makeWav({ ...mono16(), dataBeforeFmt: true, dataSizeOverride: 0xffffffff }));
    expect(refusal(wav)).toMatch(/no 'fmt ' chunk before the audio/);
  });

  it('0 frames parses (the importer refuses it with its own message)', () => {
    expect(header({ sampleRate: 44100, channels: [new Float32Array(0)], format: 'pcm16' }).frames).toBe(0);
  });
});
