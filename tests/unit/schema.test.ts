import { describe, expect, it } from 'vitest';
import { DEFAULT_MASTERING } from '../../src/state/mastering';
import { defaultBuses, makeClip, makeTrack, PROJECT_VERSION, type Bus, type Project } from '../../src/state/project';
import { clampInserts, cleanText, parseProject, PROJECT_LIMITS, ProjectFileError } from '../../src/state/schema';

// ---------------------------------------------------------------------------------------------------------------
/** A version-2 project that uses every feature of the model, with values away from their defaults. */
function fullProject(): Project {
  const buses: Bus[] = [
    ...defaultBuses(),
    {
      id: 'parallel',
      name: 'Parallel comp',
      color: '#336699',
      trimDb: 3,
      inserts: {
        hpf: { bypass: false, freqHz: 120 },
        eq: {
          bypass: false,
          lowShelf: { freqHz: 90, gainDb: 2 },
          bell1: { freqHz: 350, gainDb: -3, q: 1.4 },
          bell2: { freqHz: 3000, gainDb: 1.5, q: 0.7 },
          highShelf: { freqHz: 10000, gainDb: 2.5 },
        },
        comp: { bypass: false, thresholdDb: -30, ratio: 8, attackMs: 1, releaseMs: 80, makeupDb: 6 },
        sat: { bypass: false, driveDb: 12 },
      },
      gainDb: -4,
      pan: 0,
      mute: false,
      solo: false,
      effect: { type: 'none' },
    },
  ];
  const tracks = [
    makeTrack(
      {
        id: 'kick',
        name: 'Kick <In>',
        role: 'kick',
        color: '#e4572e',
        gainDb: -2.5,
        pan: -0.1,
        trimDb: -1,
        clips: [
          makeClip({ id: 'kick-1', assetId: 'kick', startSec: 0, durationSec: 8 }),
          makeClip({ id: 'kick-2', assetId: 'kick', startSec: 8, offsetSec: 1.5, durationSec: 4, gainDb: -3, fadeInSec: 0.01, fadeOutSec: 0.5 }),
        ],
        automation: {
          volume: [
            { timeSec: 0, value: -60 },
            { timeSec: 2, value: 0 },
          ],
          pan: [{ timeSec: 4, value: 0.5 }],
        },
      },
      buses,
    ),
    makeTrack(
      {
        id: 'vox_take-3',
        name: 'Vocal take 3',
        role: 'vocal',
        color: '#D16BA5',
        mute: true,
        solo: true,
        clips: [makeClip({ id: 'vox-1', assetId: 'rec_1', startSec: 2, durationSec: 6.25, fadeInSec: 0.2, fadeOutSec: 1 })],
        sends: [
          { busId: 'reverb', levelDb: -12, pre: false },
          { busId: 'delay', levelDb: -18, pre: true },
          { busId: 'parallel', levelDb: 0, pre: false },
        ],
      },
      buses,
    ),
  ];
  return {
    version: PROJECT_VERSION,
    title: 'Full project',
    bpm: 96,
    keyName: 'A minor',
    beatsPerBar: 3,
    bars: 24,
    durationSec: 20,
    assets: [
      { id: 'kick', fileName: 'kick.flac', source: 'url', url: '/samples/kick.flac' },
      { id: 'rec_1', fileName: 'Recording 1.webm', source: 'user', url: '' },
      { id: 'import-2', fileName: 'guitar.wav', source: 'user', url: '' },
    ],
    tracks,
    buses,
    master: {
      gainDb: -1,
      mastering: {
        ...DEFAULT_MASTERING,
        eq: { ...DEFAULT_MASTERING.eq, bellDb: -2 },
        glue: { ...DEFAULT_MASTERING.glue, enabled: true },
        widthPct: 120,
        targetId: 'ebu-r128',
      },
    },
    loop: { enabled: true, startSec: 4, endSec: 12 },
    markers: [
      { id: 'm1', timeSec: 0, name: 'Intro' },
      { id: 'm2', timeSec: 8, name: 'Chorus' },
    ],
    presets: [],
  };
}

/** The JSON a file would hold: a deep, independent copy typed as data. */
function asJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): Json => {
  let cur = o;
  for (const key of path) cur = (cur as Json)[key as string];
  return cur as Json;
};

/** The error parseProject throws, or a failure when it throws none. */
function errorOf(raw: unknown, name = 'song.earshot'): ProjectFileError {
  try {
    parseProject(raw, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectFileError);
    return e as ProjectFileError;
  }
  throw new Error('parseProject accepted the input');
}

const v1Project = () => ({
  version: 1,
  title: 'Old song',
  bpm: 100,
  keyName: 'D major',
  beatsPerBar: 4,
  bars: 8,
  durationSec: 19.2,
  assets: [
    { id: 'kick', fileName: 'kick.flac', url: '/samples/kick.flac' },
    { id: 'bass', fileName: 'bass.flac', url: '/samples/bass.flac' },
  ],
  tracks: [
    {
      id: 'kick', name: 'Kick', role: 'kick', color: '#e4572e', gainDb: -3, pan: 0, mute: false, solo: false,
      clips: [{ id: 'kick-clip-1', assetId: 'kick', startSec: 0, offsetSec: 0, durationSec: 19.2 }],
    },
    {
      id: 'bass', name: 'Bass', role: 'bass', color: '#3b8ea5', gainDb: 0, pan: 0.25, mute: true, solo: false,
      clips: [{ id: 'bass-clip-1', assetId: 'bass', startSec: 2.4, offsetSec: 0.5, durationSec: 12 }],
    },
  ],
  master: { gainDb: -1, mastering: { ...DEFAULT_MASTERING, widthPct: 110 } },
  loop: { enabled: true, startSec: 0, endSec: 9.6 },
});

describe('parseProject: migrations', () => {
  it('migrates version 1 to version 2 with the model defaults', () => {
    const { project, warnings } = parseProject(v1Project(), 'old.json');
    const buses = defaultBuses();
    const expected: Project = {
      version: PROJECT_VERSION,
      title: 'Old song',
      bpm: 100,
      keyName: 'D major',
      beatsPerBar: 4,
      bars: 8,
      durationSec: 19.2,
      assets: [
        { id: 'kick', fileName: 'kick.flac', source: 'url', url: '/samples/kick.flac' },
        { id: 'bass', fileName: 'bass.flac', source: 'url', url: '/samples/bass.flac' },
      ],
      tracks: [
        makeTrack(
          { id: 'kick', name: 'Kick', role: 'kick', color: '#e4572e', gainDb: -3, pan: 0, mute: false, solo: false,
            clips: [makeClip({ id: 'kick-clip-1', assetId: 'kick', startSec: 0, durationSec: 19.2 })] },
          buses,
        ),
        makeTrack(
          { id: 'bass', name: 'Bass', role: 'bass', color: '#3b8ea5', gainDb: 0, pan: 0.25, mute: true, solo: false,
            clips: [makeClip({ id: 'bass-clip-1', assetId: 'bass', startSec: 2.4, offsetSec: 0.5, durationSec: 12 })] },
          buses,
        ),
      ],
      buses,
      master: { gainDb: -1, mastering: { ...DEFAULT_MASTERING, widthPct: 110 } },
      loop: { enabled: true, startSec: 0, endSec: 9.6 },
      markers: [],
      presets: [],
    };
    expect(project).toStrictEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('gives a version 1 project without a mastering chain the default one', () => {
    const raw = v1Project();
    const { project } = parseProject({ ...raw, master: { gainDb: 0 } }, 'old.json');
    expect(project.master).toStrictEqual({ gainDb: 0, mastering: DEFAULT_MASTERING });
  });

  it('clamps a version 1 project as it does version 2', () => {
    const raw = v1Project();
    at(raw, 'tracks', 0).gainDb = 40;
    const { project, warnings } = parseProject(raw, 'old.json');
    expect(project.tracks[0]!.gainDb).toBe(6);
    expect(warnings).toEqual(['tracks[0].gainDb was 40, outside -60..+6 dB; clamped to 6']);
  });

  it('refuses a version newer than it reads, saying so', () => {
    const e = errorOf({ ...asJson(fullProject()), version: 3 }, 'future.earshot');
    expect(e.message).toBe(
      `"future.earshot" was saved by a newer version of Earshot (project format 3; this one reads up to ${PROJECT_VERSION}). Update Earshot to open it.`,
    );
    expect(e.fileName).toBe('future.earshot');
  });

  it.each([
    [undefined, 'version is missing'],
    [0, 'version must be a whole number from 1 to 2'],
    ['2', 'version must be a whole number from 1 to 2'],
    [1.5, 'version must be a whole number from 1 to 2'],
    [Number.NaN, 'version must be a whole number from 1 to 2'],
  ])('refuses version %s', (version, reason) => {
    const raw = asJson(fullProject());
    if (version === undefined) delete raw.version;
    else raw.version = version;
    expect(errorOf(raw).message).toBe(`"song.earshot" is not a valid project: ${reason}`);
  });
});

describe('parseProject: round trip', () => {
  it('reads back a full version 2 project exactly, with no warnings', () => {
    const original = fullProject();
    const { project, warnings } = parseProject(asJson(original), 'full.earshot');
    expect(project).toStrictEqual(original);
    expect(warnings).toEqual([]);
  });

  it('reads a decoded object (not only JSON) and shares no object with it', () => {
    const raw = fullProject();
    const { project } = parseProject(raw, 'full');
    expect(project).toStrictEqual(raw);
    expect(project).not.toBe(raw);
    expect(project.tracks).not.toBe(raw.tracks);
    expect(project.tracks[0]).not.toBe(raw.tracks[0]);
    expect(project.tracks[0]!.inserts).not.toBe(raw.tracks[0]!.inserts);
    expect(project.tracks[0]!.inserts.eq.bell1).not.toBe(raw.tracks[0]!.inserts.eq.bell1);
    expect(project.tracks[0]!.clips[0]).not.toBe(raw.tracks[0]!.clips[0]);
    expect(project.tracks[0]!.automation.volume[0]).not.toBe(raw.tracks[0]!.automation.volume[0]);
    expect(project.master.mastering).not.toBe(raw.master.mastering);
    expect(project.buses[0]!.effect).not.toBe(raw.buses[0]!.effect);
    expect(Object.getPrototypeOf(project)).toBe(Object.prototype);
  });

  it('drops keys the model does not define', () => {
    const raw = asJson(fullProject());
    raw.extra = { nested: true };
    at(raw, 'tracks', 0).secret = 'x';
    const { project } = parseProject(raw, 'full');
    expect(Object.keys(project)).not.toContain('extra');
    expect(Object.keys(project.tracks[0]!)).not.toContain('secret');
  });
});

describe('parseProject: hostile and broken input', () => {
  it('names the file, the path and the rule for a wrong type', () => {
    const raw = asJson(fullProject());
    const tracks = raw.tracks as Json[];
    while (tracks.length < 4) tracks.push({ ...tracks[0]!, id: `t${tracks.length}`, clips: [{ ...at(tracks[0], 'clips', 0), id: `c${tracks.length}` }] });
    at(tracks[3], 'clips', 0).startSec = 'soon';
    expect(errorOf(raw, 'my song.earshot').message).toBe('"my song.earshot" is not a valid project: tracks[3].clips[0].startSec must be a number ≥ 0');
  });

  it.each<[string, (raw: Json) => void, string]>([
    ['NaN fader', (r) => (at(r, 'tracks', 0).gainDb = Number.NaN), 'tracks[0].gainDb must be a number'],
    ['Infinity time', (r) => (at(r, 'tracks', 0, 'clips', 0).startSec = Infinity), 'tracks[0].clips[0].startSec must be a number ≥ 0'],
    ['-Infinity bpm', (r) => (r.bpm = -Infinity), 'bpm must be a number'],
    ['NaN in mastering', (r) => (at(r, 'master', 'mastering', 'eq').bellQ = Number.NaN), 'master.mastering.eq.bellQ must be a number'],
    ['string bpm', (r) => (r.bpm = '120'), 'bpm must be a number'],
    ['null title', (r) => (r.title = null), 'title must be text'],
    ['number mute', (r) => (at(r, 'tracks', 1).mute = 1), 'tracks[1].mute must be true or false'],
    ['tracks not a list', (r) => (r.tracks = { 0: {} }), 'tracks must be a list'],
    ['inserts not an object', (r) => (at(r, 'buses', 0).inserts = 'none'), 'buses[0].inserts must be an object'],
    ['missing pan', (r) => delete at(r, 'tracks', 0).pan, 'tracks[0].pan is missing'],
    ['missing master', (r) => delete r.master, 'master is missing'],
    ['missing clip gain', (r) => delete at(r, 'tracks', 0, 'clips', 1).gainDb, 'tracks[0].clips[1].gainDb is missing'],
    ['zero duration', (r) => (at(r, 'tracks', 0, 'clips', 0).durationSec = 0), 'tracks[0].clips[0].durationSec must be a number > 0'],
    ['negative duration', (r) => (at(r, 'tracks', 0, 'clips', 0).durationSec = -2), 'tracks[0].clips[0].durationSec must be a number > 0'],
    ['dangling asset', (r) => (at(r, 'tracks', 1, 'clips', 0).assetId = 'gone'), 'tracks[1].clips[0].assetId "gone" names no asset in the project'],
    ['bad id', (r) => (at(r, 'tracks', 0).id = 'kick drum'), 'tracks[0].id must be an id: 1 to 64 letters, digits, "_" or "-"'],
    ['long id', (r) => (at(r, 'markers', 0).id = 'x'.repeat(65)), 'markers[0].id must be an id: 1 to 64 letters, digits, "_" or "-"'],
    ['duplicate track id', (r) => (at(r, 'tracks', 1).id = 'kick'), 'tracks[1].id "kick" is already used by tracks[0].id'],
    ['bus and track share an id', (r) => (at(r, 'tracks', 0).id = 'reverb'), 'tracks[0].id "reverb" is already used by buses[0].id'],
    ['duplicate clip id', (r) => (at(r, 'tracks', 1, 'clips', 0).id = 'kick-1'), 'tracks[1].clips[0].id "kick-1" is already used by tracks[0].clips[0].id'],
    ['unknown effect', (r) => (at(r, 'buses', 1, 'effect').type = 'flanger'), 'buses[1].effect.type must be "reverb", "delay" or "none"'],
    ['unknown source', (r) => (at(r, 'assets', 0).source = 'ftp'), 'assets[0].source must be "url" or "user"'],
    ['external url', (r) => (at(r, 'assets', 0).url = 'https://evil.example/kick.flac'), 'assets[0].url must be a path on this site (no scheme, no "//", at most 2048 characters)'],
    ['javascript url', (r) => (at(r, 'assets', 0).url = 'JavaScript:alert(1)'), 'assets[0].url must be a path on this site'],
    ['protocol-relative url', (r) => (at(r, 'assets', 0).url = '//evil.example/a.wav'), 'assets[0].url must be a path on this site'],
    ['17 buses', (r) => (r.buses = Array.from({ length: 17 }, (_, i) => ({ ...at(r, 'buses', 0), id: `b${i}` }))), '17 buses is more than the 16 allowed'],
    ['too many clips', (r) => (at(r, 'tracks', 0).clips = new Array(5000).fill(at(r, 'tracks', 0, 'clips', 0))), 'tracks[0].clips: 5000 clips is more than the 4096 allowed'],
  ])('%s', (_name, mutate, reason) => {
    const raw = fullProject() as unknown as Json;
    const copy = asJson(raw);
    // NaN and Infinity do not survive JSON, so they are set on the decoded copy.
    mutate(copy);
    expect(errorOf(copy).message).toContain(`"song.earshot" is not a valid project: ${reason}`);
  });

  it('refuses 10000 tracks with a message a person can read', () => {
    const raw = asJson(fullProject());
    const t = at(raw, 'tracks', 0);
    raw.tracks = Array.from({ length: 10000 }, (_, i) => ({ ...t, id: `t${i}`, clips: [] }));
    expect(errorOf(raw, 'big.earshot').message).toBe('"big.earshot" is not a valid project: 10000 tracks is more than the 256 allowed');
    expect(PROJECT_LIMITS.maxTracks).toBe(256);
  });

  it('accepts exactly 256 tracks', () => {
    const raw = asJson(fullProject());
    const t = at(raw, 'tracks', 0);
    raw.tracks = Array.from({ length: 256 }, (_, i) => ({ ...t, id: `t${i}`, clips: [] }));
    expect(parseProject(raw, 'x').project.tracks).toHaveLength(256);
  });

  it.each([
    ['{"__proto__":{"polluted":1}}', '__proto__: the key "__proto__" is not allowed'],
    ['{"version":2,"tracks":[{"__proto__":{"polluted":1}}]}', 'tracks[0].__proto__: the key "__proto__" is not allowed'],
    ['{"version":2,"tracks":[{"clips":[{"id":"a","__proto__":{"polluted":1}}]}]}', 'tracks[0].clips[0].__proto__: the key "__proto__" is not allowed'],
    ['{"version":2,"master":{"mastering":{"eq":{"__proto__":{"polluted":1}}}}}', 'master.mastering.eq.__proto__: the key "__proto__" is not allowed'],
    ['{"version":2,"constructor":{"prototype":{"polluted":1}}}', 'constructor: the key "constructor" is not allowed'],
    ['{"version":2,"buses":[{"effect":{"prototype":{"polluted":1}}}]}', 'buses[0].effect.prototype: the key "prototype" is not allowed'],
  ])('refuses forbidden keys at any depth: %s', (json, reason) => {
    const raw: unknown = JSON.parse(json);
    expect(errorOf(raw).message).toBe(`"song.earshot" is not a valid project: ${reason}`);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a __proto__ key hidden inside an otherwise valid project', () => {
    const json = JSON.stringify(fullProject()).replace('"name":"Kick <In>"', '"name":"Kick <In>","__proto__":{"polluted":1,"gainDb":0}');
    const raw: unknown = JSON.parse(json);
    expect(errorOf(raw).message).toContain('tracks[0].__proto__: the key "__proto__" is not allowed');
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('refuses data nested too deeply, and cycles', () => {
    let deep: Json = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = (deep.a = {}) as Json;
    expect(errorOf({ version: 2, title: root }).message).toContain(`is nested more than ${PROJECT_LIMITS.maxDepth} levels deep`);
    const cyclic = asJson(fullProject());
    at(cyclic, 'tracks', 0).self = cyclic;
    expect(errorOf(cyclic).message).toContain('levels deep');
  });

  it.each([null, 'a string', 42, [1, 2]])('refuses a top level of %s', (raw) => {
    expect(errorOf(raw).message).toBe('"song.earshot" is not a valid project: the top level must be an object');
  });

  it('clamps huge numbers into range with a warning', () => {
    const raw = asJson(fullProject());
    at(raw, 'tracks', 0).gainDb = 1e308;
    at(raw, 'tracks', 0, 'clips', 0).startSec = 1e308;
    at(raw, 'buses', 2, 'inserts', 'eq', 'bell1').q = 1e308;
    raw.bpm = -1e308;
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[0]!.gainDb).toBe(6);
    expect(project.tracks[0]!.clips[0]!.startSec).toBe(PROJECT_LIMITS.maxTimeSec);
    expect(project.buses[2]!.inserts.eq.bell1.q).toBe(18);
    expect(project.bpm).toBe(20);
    expect(warnings).toContain('tracks[0].gainDb was 1e+308, outside -60..+6 dB; clamped to 6');
    expect(warnings).toContain('tracks[0].clips[0].startSec was 1e+308, outside 0..36000; clamped to 36000');
    expect(warnings).toContain('buses[2].inserts.eq.bell1.q was 1e+308, outside 0.1..18; clamped to 18');
    expect(warnings).toContain('bpm was -1e+308, outside 20..400; clamped to 20');
    // The song grows to hold the clip that moved.
    expect(project.durationSec).toBe(PROJECT_LIMITS.maxTimeSec + 8);
  });

  it('reads a track without wowCents (an older file) as 0, and clamps it into 0..20 with a warning', () => {
    const raw = asJson(fullProject());
    delete at(raw, 'tracks', 0).wowCents;
    at(raw, 'tracks', 1).wowCents = 35;
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[0]!.wowCents).toBe(0);
    expect(project.tracks[1]!.wowCents).toBe(20);
    expect(warnings).toEqual(['tracks[1].wowCents was 35, outside 0..20; clamped to 20']);
  });

  it('clamps negative times to 0 with a warning', () => {
    const raw = asJson(fullProject());
    at(raw, 'tracks', 1, 'clips', 0).startSec = -3;
    at(raw, 'markers', 1).timeSec = -0.5;
    at(raw, 'tracks', 0, 'automation', 'volume', 0).timeSec = -1;
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[1]!.clips[0]!.startSec).toBe(0);
    expect(project.markers[1]!.timeSec).toBe(0);
    expect(project.tracks[0]!.automation.volume[0]!.timeSec).toBe(0);
    expect(warnings).toEqual([
      'tracks[0].automation.volume[0].timeSec was -1, outside 0..36000; clamped to 0',
      'tracks[1].clips[0].startSec was -3, outside 0..36000; clamped to 0',
      'markers[1].timeSec was -0.5, outside 0..36000; clamped to 0',
    ]);
  });

  it('clamps every kind of parameter to its range', () => {
    const raw = asJson(fullProject());
    const strip = at(raw, 'tracks', 0);
    Object.assign(strip, { trimDb: -99, pan: 3 });
    Object.assign(at(strip, 'inserts', 'hpf'), { freqHz: 5 });
    Object.assign(at(strip, 'inserts', 'eq', 'lowShelf'), { freqHz: 50000, gainDb: -40 });
    Object.assign(at(strip, 'inserts', 'comp'), { thresholdDb: 5, ratio: 0.5, attackMs: 0, releaseMs: 99999, makeupDb: -1 });
    Object.assign(at(strip, 'inserts', 'sat'), { driveDb: 100 });
    Object.assign(at(raw, 'buses', 0, 'effect'), { decaySec: 60, preDelayMs: -5, dampHz: 100 });
    Object.assign(at(raw, 'buses', 1, 'effect'), { timeMs: 0, feedback: 1.5, toneHz: 30000 });
    Object.assign(at(raw, 'tracks', 1, 'sends', 0), { levelDb: 20 });
    Object.assign(at(raw, 'tracks', 0, 'automation', 'pan', 0), { value: -7 });
    Object.assign(at(raw, 'tracks', 0, 'clips', 1), { gainDb: 50, fadeInSec: 3, fadeOutSec: 3 });
    Object.assign(at(raw, 'master', 'mastering'), { widthPct: 500 });
    raw.beatsPerBar = 99;
    const { project, warnings } = parseProject(raw, 'x');
    const t = project.tracks[0]!;
    expect([t.trimDb, t.pan]).toEqual([-24, 1]);
    expect(t.inserts.hpf.freqHz).toBe(20);
    expect(t.inserts.eq.lowShelf).toEqual({ freqHz: 20000, gainDb: -24 });
    expect(t.inserts.comp).toMatchObject({ thresholdDb: 0, ratio: 1, attackMs: 0.1, releaseMs: 1000, makeupDb: 0 });
    expect(t.inserts.sat.driveDb).toBe(36);
    expect(project.buses[0]!.effect).toEqual({ type: 'reverb', decaySec: 8, preDelayMs: 0, dampHz: 500, lowCutHz: 20, highCutHz: 20000 });
    expect(project.buses[1]!.effect).toEqual({ type: 'delay', timeMs: 1, feedback: 0.95, toneHz: 20000 });
    expect(project.tracks[1]!.sends[0]!.levelDb).toBe(6);
    expect(t.automation.pan[0]!.value).toBe(-1);
    // Fades fit inside the 4 s clip.
    expect(t.clips[1]).toMatchObject({ gainDb: 24, fadeInSec: 2, fadeOutSec: 2 });
    expect(project.master.mastering.widthPct).toBe(200);
    expect(project.beatsPerBar).toBe(16);
    expect(warnings).toHaveLength(23);
    expect(warnings).toContain('master.mastering.widthPct was 500, outside its range; clamped to 200');
  });

  it('keeps markup in names as plain text, and collapses control characters', () => {
    const raw = asJson(fullProject());
    at(raw, 'tracks', 0).name = '<img src=x onerror=alert(1)>';
    at(raw, 'tracks', 1).name = 'Vox\u0000\u0007\n\tlead\u202e';
    raw.title = '<script>alert("t")</script> & co';
    at(raw, 'markers', 0).name = 'x'.repeat(500);
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[0]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(project.title).toBe('<script>alert("t")</script> & co');
    expect(project.tracks[1]!.name).toBe('Vox lead');
    expect(project.markers[0]!.name).toBe('x'.repeat(PROJECT_LIMITS.maxNameLength));
    expect(warnings).toEqual([
      'tracks[1].name held control characters; each run became a space',
      `markers[0].name was longer than ${PROJECT_LIMITS.maxNameLength} characters; it was cut`,
    ]);
  });

  it('never cuts text inside a surrogate pair', () => {
    expect(cleanText('🎸'.repeat(10), 3).text).toBe('🎸🎸🎸');
    expect(cleanText('a'.repeat(1e6), 5)).toEqual({ text: 'aaaaa', hadControls: false, cut: true });
  });

  it('falls back for bad colours, unknown roles and unknown loudness targets, with warnings', () => {
    const raw = asJson(fullProject());
    at(raw, 'tracks', 0).color = 'red';
    at(raw, 'buses', 0).color = 42;
    at(raw, 'tracks', 1).role = 'kazoo';
    at(raw, 'master', 'mastering').targetId = 'spotify-2031';
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[0]!.color).toBe('#8aa4c8');
    expect(project.buses[0]!.color).toBe('#8aa4c8');
    expect(project.tracks[1]!.role).toBe('other');
    expect(project.master.mastering.targetId).toBe('streaming');
    expect(warnings).toEqual([
      'buses[0].color 42 is not a #rrggbb colour; using #8aa4c8',
      'tracks[0].color "red" is not a #rrggbb colour; using #8aa4c8',
      'tracks[1].role "kazoo" is not a known role; using "other"',
      'master.mastering.targetId "spotify-2031" is not a known loudness target; using "streaming"',
    ]);
  });

  it('drops sends to buses that do not exist, and second sends to one bus', () => {
    const raw = asJson(fullProject());
    const sends = at(raw, 'tracks', 1).sends as Json[];
    sends.push({ busId: 'nowhere', levelDb: 0, pre: false }, { busId: 'reverb', levelDb: 0, pre: true });
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[1]!.sends.map((s) => s.busId)).toEqual(['reverb', 'delay', 'parallel']);
    expect(project.tracks[1]!.sends[0]!.levelDb).toBe(-12);
    expect(warnings).toEqual([
      'tracks[1].sends[3] went to a bus "nowhere" that does not exist; it was removed',
      'tracks[1].sends[4] was a second send to bus "reverb"; it was removed',
    ]);
  });

  it('sorts automation that is out of time order, and orders the loop', () => {
    const raw = asJson(fullProject());
    (at(raw, 'tracks', 0, 'automation').volume as Json[]).reverse();
    raw.loop = { enabled: true, startSec: 12, endSec: 4 };
    const { project, warnings } = parseProject(raw, 'x');
    expect(project.tracks[0]!.automation.volume.map((p) => p.timeSec)).toEqual([0, 2]);
    expect(project.loop).toEqual({ enabled: true, startSec: 4, endSec: 12 });
    expect(warnings).toEqual(['tracks[0].automation.volume was out of time order; it was sorted', 'loop.endSec was before loop.startSec; they were swapped']);
  });

  it('forces the url of user audio empty', () => {
    const raw = asJson(fullProject());
    at(raw, 'assets', 1).url = 'https://evil.example/x.wav';
    expect(parseProject(raw, 'x').project.assets[1]).toEqual({ id: 'rec_1', fileName: 'Recording 1.webm', source: 'user', url: '' });
  });

  it('caps the number of warnings', () => {
    const raw = asJson(fullProject());
    const t = at(raw, 'tracks', 0);
    raw.tracks = Array.from({ length: 100 }, (_, i) => ({ ...t, id: `t${i}`, gainDb: 10, clips: [] }));
    const { warnings } = parseProject(raw, 'x');
    expect(warnings).toHaveLength(51);
    expect(warnings[50]).toBe('… and 50 more changes');
  });

  it('names the file cleanly even when its name is hostile', () => {
    expect(errorOf(null, 'a\u0000b<i>.earshot').message).toBe('"a b<i>.earshot" is not a valid project: the top level must be an object');
  });
});

describe('clampInserts', () => {
  it('turns NaN into the default and leaves good values alone', () => {
    const p = fullProject();
    const inserts = p.buses[2]!.inserts;
    expect(clampInserts(inserts)).toStrictEqual(inserts);
    const warnings: string[] = [];
    const out = clampInserts({ ...inserts, sat: { bypass: false, driveDb: Number.NaN } }, (w) => warnings.push(w), 'x');
    expect(out.sat.driveDb).toBe(6);
    expect(warnings).toEqual(['x.sat.driveDb was NaN, not a number; set to 6']);
  });
});
