import { describe, expect, it } from 'vitest';
import { defaultBuses, emptyProject, makeClip, makeTrack, type Project } from '../../src/state/project';
import {
  CONTAINER_VERSION,
  crc32,
  decodeProjectFile,
  encodeProjectFile,
  type StoredAudio,
} from '../../src/state/projectFile';
import { ProjectFileError } from '../../src/state/schema';

function project(): Project {
  const buses = defaultBuses();
  return {
    ...emptyProject(),
    title: 'Two takes',
    assets: [
      { id: 'kick', fileName: 'kick.flac', source: 'url', url: '/samples/kick.flac' },
      { id: 'take-1', fileName: 'Take 1.wav', source: 'user', url: '' },
      { id: 'take-2', fileName: 'Take 2.webm', source: 'user', url: '' },
    ],
    tracks: [
      makeTrack({ id: 'kick', name: 'Kick', role: 'kick', color: '#e4572e', clips: [makeClip({ id: 'c0', assetId: 'kick', startSec: 0, durationSec: 4 })] }, buses),
      makeTrack(
        {
          id: 'vox', name: 'Vocal', role: 'vocal', color: '#d16ba5', gainDb: -3,
          clips: [
            makeClip({ id: 'c1', assetId: 'take-1', startSec: 1, durationSec: 2, fadeInSec: 0.1 }),
            makeClip({ id: 'c2', assetId: 'take-2', startSec: 4, durationSec: 3 }),
          ],
        },
        buses,
      ),
    ],
    buses,
  };
}

/** Deterministic bytes, as a file of `n` bytes would hold. */
function bytesOf(n: number, seed: number): ArrayBuffer {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out.buffer;
}

const audio = (): Map<string, StoredAudio> =>
  new Map([
    ['take-1', { bytes: bytesOf(5000, 1), mimeType: 'audio/wav' }],
    ['take-2', { bytes: bytesOf(3333, 2), mimeType: 'audio/webm;codecs=opus' }],
  ]);

const sameBytes = (a: ArrayBuffer, b: ArrayBuffer) => expect(new Uint8Array(a)).toEqual(new Uint8Array(b));

function errorOf(bytes: ArrayBuffer | Uint8Array, name = 'song.earshot'): ProjectFileError {
  try {
    decodeProjectFile(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectFileError);
    return e as ProjectFileError;
  }
  throw new Error('decodeProjectFile accepted the file');
}

/** Reads the container's parts, so a test can change one and put the file back together. */
function parts(file: Uint8Array) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(16, 16 + headerLength))) as {
    entries: { assetId: string; fileName: string; mimeType: string; offset: number; length: number; crc32: number }[];
    project: { offset: number; length: number; crc32: number };
  };
  return { header, data: file.slice(16 + headerLength) };
}

function assemble(header: unknown, data: Uint8Array, format = CONTAINER_VERSION, headerText = JSON.stringify(header)): Uint8Array {
  const h = new TextEncoder().encode(headerText);
  const out = new Uint8Array(16 + h.length + data.length);
  out.set(new TextEncoder().encode('EARSHOT\0'), 0);
  const view = new DataView(out.buffer);
  view.setUint16(8, format, true);
  view.setUint32(12, h.length, true);
  out.set(h, 16);
  out.set(data, 16 + h.length);
  return out;
}

describe('project file: round trip', () => {
  it('holds the project and two audio files, and reads them back exactly', () => {
    const p = project();
    const a = audio();
    const file = encodeProjectFile(p, a);
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe('EARSHOT\0');
    const out = decodeProjectFile(file.slice().buffer, 'two takes.earshot');
    expect(out.project).toStrictEqual(p);
    expect(out.warnings).toEqual([]);
    expect(out.missingAssetIds).toEqual([]);
    expect([...out.audio.keys()]).toEqual(['take-1', 'take-2']);
    sameBytes(out.audio.get('take-1')!.bytes, a.get('take-1')!.bytes);
    sameBytes(out.audio.get('take-2')!.bytes, a.get('take-2')!.bytes);
    expect(out.audio.get('take-2')!.mimeType).toBe('audio/webm;codecs=opus');
    // Writing what was read gives the same file, byte for byte.
    expect(encodeProjectFile(out.project, out.audio)).toEqual(file);
    // Each audio's place in the file, so the app can keep a slice of the File instead of its bytes.
    for (const [id, range] of out.audioRanges) sameBytes(file.slice(range.start, range.end).buffer, a.get(id)!.bytes);
    expect([...out.audioRanges.keys()]).toEqual(['take-1', 'take-2']);
  });

  it('lays out the header, the audio and the project as documented', () => {
    const file = encodeProjectFile(project(), audio());
    expect(new DataView(file.buffer).getUint16(8, true)).toBe(CONTAINER_VERSION);
    const { header, data } = parts(file);
    expect(header.entries.map(({ assetId, fileName, mimeType, offset, length }) => ({ assetId, fileName, mimeType, offset, length }))).toEqual([
      { assetId: 'take-1', fileName: 'Take 1.wav', mimeType: 'audio/wav', offset: 0, length: 5000 },
      { assetId: 'take-2', fileName: 'Take 2.webm', mimeType: 'audio/webm;codecs=opus', offset: 5000, length: 3333 },
    ]);
    expect(header.project.offset).toBe(8333);
    expect(header.project.length).toBe(data.length - 8333);
    expect(JSON.parse(new TextDecoder().decode(data.subarray(8333)))).toEqual(JSON.parse(JSON.stringify(project())));
  });

  it('reads a view into a larger buffer', () => {
    const file = encodeProjectFile(project(), audio());
    const big = new Uint8Array(file.length + 100);
    big.set(file, 37);
    const out = decodeProjectFile(big.subarray(37, 37 + file.length), 'x.earshot');
    sameBytes(out.audio.get('take-1')!.bytes, audio().get('take-1')!.bytes);
    expect(out.audio.get('take-1')!.bytes.byteLength).toBe(5000);
  });

  it('leaves out audio the project does not use, and keeps clips whose audio is missing', () => {
    const a = audio();
    a.delete('take-2');
    a.set('stray', { bytes: bytesOf(10, 3), mimeType: 'audio/wav' });
    const out = decodeProjectFile(encodeProjectFile(project(), a), 'half.earshot');
    expect([...out.audio.keys()]).toEqual(['take-1']);
    expect(out.missingAssetIds).toEqual(['take-2']);
    expect(out.project.tracks[1]!.clips.map((c) => c.assetId)).toEqual(['take-1', 'take-2']);
    expect(out.warnings).toEqual([
      'The audio for "Take 2.webm" is not in "half.earshot": its clips are kept, but they stay silent until you import the file again.',
    ]);
  });

  it('writes an unusable MIME type as application/octet-stream', () => {
    const a = audio();
    a.set('take-1', { bytes: bytesOf(8, 4), mimeType: 'audio/wav\r\nX-Evil: 1' });
    expect(decodeProjectFile(encodeProjectFile(project(), a), 'x').audio.get('take-1')!.mimeType).toBe('application/octet-stream');
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('project file: plain JSON', () => {
  it('reads a .json project, flagging user audio as missing', () => {
    const json = new TextEncoder().encode(`\ufeff  ${JSON.stringify(project())}`);
    const out = decodeProjectFile(json.buffer, 'song.json');
    expect(out.project).toStrictEqual(project());
    expect(out.audio.size).toBe(0);
    expect(out.audioRanges.size).toBe(0);
    expect(out.missingAssetIds).toEqual(['take-1', 'take-2']);
    expect(out.warnings).toHaveLength(2);
  });

  it('reads a version 1 .json project', () => {
    const v1 = {
      version: 1, title: 'Old', bpm: 90, keyName: 'C', beatsPerBar: 4, bars: 4, durationSec: 2,
      assets: [{ id: 'a', fileName: 'a.wav', url: '/samples/a.wav' }],
      tracks: [{ id: 't', name: 'T', role: 'other', color: '#123456', gainDb: 0, pan: 0, mute: false, solo: false, clips: [{ id: 'c', assetId: 'a', startSec: 0, offsetSec: 0, durationSec: 2 }] }],
      master: { gainDb: 0 },
      loop: { enabled: false, startSec: 0, endSec: 2 },
    };
    const out = decodeProjectFile(new TextEncoder().encode(JSON.stringify(v1)), 'old.json');
    expect(out.project.version).toBe(2);
    expect(out.project.buses.map((b) => b.id)).toEqual(['reverb', 'delay']);
  });

  it('names the file when the JSON is broken or the project is invalid', () => {
    expect(errorOf(new TextEncoder().encode('{"version": 2,'), 'broken.json').message).toMatch(/^"broken\.json" is damaged: it is not valid JSON \(/);
    const bad = { ...JSON.parse(JSON.stringify(project())), bpm: 'fast' } as unknown;
    expect(errorOf(new TextEncoder().encode(JSON.stringify(bad)), 'bad.json').message).toBe('"bad.json" is not a valid project: bpm must be a number');
    expect(errorOf(new TextEncoder().encode('{"__proto__":{"polluted":1}}'), 'evil.json').message).toContain('the key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('project file: damaged and hostile files', () => {
  const file = () => encodeProjectFile(project(), audio());

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a WAV file', new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['text', new TextEncoder().encode('hello')],
    ['a lower-case magic', new TextEncoder().encode('earshot\0' + '\0'.repeat(40))],
  ])('refuses %s as not an Earshot project file', (_name, bytes) => {
    expect(errorOf(bytes, 'thing.earshot').message).toBe('"thing.earshot" is not an Earshot project file.');
  });

  it('refuses the file cut at any point, saying it is truncated', () => {
    const f = file();
    for (let cut = 4; cut < f.length; cut += cut < 200 ? 1 : 97) {
      const e = errorOf(f.slice(0, cut), 'cut.earshot');
      expect(e.message, `cut at ${cut}`).toMatch(/^"cut\.earshot" is truncated: it is \d+ bytes long, but its contents run to byte \d+\. /);
    }
  });

  it('refuses a damaged project, and drops damaged audio with a warning', () => {
    const f = file();
    const last = f.slice();
    last[last.length - 3] = last[last.length - 3]! ^ 0x20;
    expect(errorOf(last).message).toBe('"song.earshot" is damaged: the project does not match its checksum');

    const { header } = parts(f);
    const dataStart = f.length - parts(f).data.length;
    const hurt = f.slice();
    const at = dataStart + header.entries[0]!.offset + 100;
    hurt[at] = hurt[at]! ^ 0xff;
    const out = decodeProjectFile(hurt, 'song.earshot');
    expect([...out.audio.keys()]).toEqual(['take-2']);
    expect(out.missingAssetIds).toEqual(['take-1']);
    expect(out.warnings[0]).toBe('The audio for "Take 1.wav" in "song.earshot" is damaged (it does not match its checksum); it was left out');
  });

  it('refuses entries whose offsets or lengths lie', () => {
    const { header, data } = parts(file());
    const shift = structuredClone(header);
    shift.entries[1]!.offset += 1;
    expect(errorOf(assemble(shift, data)).message).toMatch(/^"song\.earshot" is damaged: the audio for "Take 2\.webm" should start at byte \d+, but its entry says \d+$/);
    const longer = structuredClone(header);
    longer.entries[1]!.length += 10;
    expect(errorOf(assemble(longer, data)).message).toMatch(/is damaged: the project should start at byte/);
    const huge = structuredClone(header);
    huge.entries[0]!.length = 2 ** 40;
    expect(errorOf(assemble(huge, data)).message).toMatch(/is truncated: it is \d+ bytes long, but its contents run to byte 1099511/);
    const negative = structuredClone(header) as unknown as { entries: { length: number }[] };
    negative.entries[0]!.length = -5;
    expect(errorOf(assemble(negative, data)).message).toBe('"song.earshot" is damaged: its table of contents is not readable (at entries[0].length)');
    const shortProject = structuredClone(header);
    shortProject.project.length -= 1;
    expect(errorOf(assemble(shortProject, data)).message).toBe('"song.earshot" is damaged: it has 1 unexpected bytes after the project');
    const twice = structuredClone(header);
    twice.entries[1]!.assetId = 'take-1';
    expect(errorOf(assemble(twice, data)).message).toBe('"song.earshot" is damaged: it holds audio for asset "take-1" twice');
  });

  it('refuses trailing bytes, a lying header length and a newer format', () => {
    const f = file();
    const longer = new Uint8Array(f.length + 3);
    longer.set(f);
    expect(errorOf(longer).message).toBe('"song.earshot" is damaged: it has 3 unexpected bytes after the project');

    const lying = f.slice();
    new DataView(lying.buffer).setUint32(12, 0xfffffff0, true);
    expect(errorOf(lying).message).toMatch(/is damaged: its table of contents claims 4294967280 bytes/);
    const off = f.slice();
    const view = new DataView(off.buffer);
    view.setUint32(12, view.getUint32(12, true) - 1, true);
    expect(errorOf(off).message).toMatch(/^"song\.earshot" is damaged: its table of contents is not valid JSON/);

    const { header, data } = parts(f);
    expect(errorOf(assemble(header, data, 2), 'new.earshot').message).toBe(
      '"new.earshot" was saved by a newer version of Earshot (file format 2; this one reads up to 1). Update Earshot to open it.',
    );
    expect(errorOf(assemble(header, data, 0)).message).toBe('"song.earshot" is damaged: its file format number is 0');
  });

  it('refuses a hostile table of contents', () => {
    const { header, data } = parts(file());
    const text = JSON.stringify(header).replace('{"entries"', '{"__proto__":{"polluted":1},"entries"');
    expect(errorOf(assemble(null, data, 1, text)).message).toBe(
      '"song.earshot" is damaged: its table of contents is not allowed: __proto__: the key "__proto__" is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const badId = structuredClone(header);
    badId.entries[0]!.assetId = '../../etc/passwd';
    expect(errorOf(assemble(badId, data)).message).toBe('"song.earshot" is damaged: its table of contents is not readable (at entries[0].assetId)');
    const notUtf8 = assemble(header, data);
    notUtf8[17] = 0xff;
    expect(errorOf(notUtf8).message).toBe('"song.earshot" is damaged: its table of contents is not UTF-8 text');
  });

  it('names the file when the project inside is invalid', () => {
    const p = { ...project(), bpm: Number.NaN };
    const f = encodeProjectFile(p, audio()); // JSON writes NaN as null
    expect(errorOf(f, 'nan.earshot').message).toBe('"nan.earshot" is not a valid project: bpm must be a number');
  });
});
