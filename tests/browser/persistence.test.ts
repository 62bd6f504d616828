import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUDIO_STORE,
  AUTOSAVE_KEY,
  CONFLICT_MESSAGE,
  createAutosave,
  loadAutosave,
  loadAutosavedAudio,
  PROJECTS_STORE,
  QUOTA_MESSAGE,
  type Autosave,
  type AutosaveOptions,
  type AutosaveStatus,
  type KeptAudio,
} from '../../src/app/persistence';
import { defaultBuses, emptyProject, makeClip, makeTrack, type Project } from '../../src/state/project';
import { ProjectFileError } from '../../src/state/schema';
import { createEarshotStore, type EarshotStore } from '../../src/state/store';

const DB = 'earshot';

function project(): Project {
  const buses = defaultBuses();
  return {
    ...emptyProject(),
    title: 'Autosave test',
    assets: [
      { id: 'kick', fileName: 'kick.flac', source: 'url', url: '/samples/kick.flac' },
      { id: 'take-1', fileName: 'Take 1.wav', source: 'user', url: '' },
      { id: 'take-2', fileName: 'Take 2.webm', source: 'user', url: '' },
    ],
    tracks: [
      makeTrack({ id: 'kick', name: 'Kick', role: 'kick', color: '#e4572e', clips: [makeClip({ id: 'c0', assetId: 'kick', startSec: 0, durationSec: 4 })] }, buses),
      makeTrack(
        {
          id: 'vox', name: 'Vocal', role: 'vocal', color: '#d16ba5',
          clips: [makeClip({ id: 'c1', assetId: 'take-1', startSec: 1, durationSec: 2 }), makeClip({ id: 'c2', assetId: 'take-2', startSec: 4, durationSec: 3 })],
        },
        buses,
      ),
    ],
    buses,
  };
}

/** The project without take 2 (its asset and its clip). */
function withoutTake2(p: Project): Project {
  return {
    ...p,
    assets: p.assets.filter((a) => a.id !== 'take-2'),
    tracks: p.tracks.map((t) => ({ ...t, clips: t.clips.filter((c) => c.assetId !== 'take-2') })),
  };
}

function bytesOf(n: number, seed: number): ArrayBuffer {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out.buffer;
}

const kept = (bytes: ArrayBuffer, mimeType: string): KeptAudio => ({ blob: new Blob([bytes], { type: mimeType }), mimeType });

const takes = (): Map<string, KeptAudio> =>
  new Map([
    ['take-1', kept(bytesOf(48_000, 1), 'audio/wav')],
    ['take-2', kept(bytesOf(20_001, 2), 'audio/webm;codecs=opus')],
  ]);

const bytesIn = async (a: KeptAudio | null | undefined): Promise<Uint8Array> => new Uint8Array(await a!.blob.arrayBuffer());

// ---------------------------------------------------------------------------------------------------------------
// Reading the database directly, as a second observer

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function withDb<T>(fn: (db: IDBDatabase) => Promise<T>): Promise<T | undefined> {
  const db = await request(indexedDB.open(DB));
  try {
    if (!db.objectStoreNames.contains(PROJECTS_STORE) || !db.objectStoreNames.contains(AUDIO_STORE)) return undefined;
    return await fn(db);
  } finally {
    db.close();
  }
}

/** The project the database holds now, or undefined. */
async function storedProject(): Promise<Project | undefined> {
  const record = await withDb((db) => request(db.transaction(PROJECTS_STORE).objectStore(PROJECTS_STORE).get(AUTOSAVE_KEY)));
  if (!record) return undefined;
  return JSON.parse((record as { projectJson: string }).projectJson) as Project;
}

async function storedAudioKeys(): Promise<string[]> {
  const keys = await withDb((db) => request(db.transaction(AUDIO_STORE).objectStore(AUDIO_STORE).getAllKeys()));
  return (keys ?? []).map(String).sort();
}

async function putRaw(storeName: string, value: unknown, key: string): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(storeName, 'readwrite');
    if (value === undefined) tx.objectStore(storeName).delete(key);
    else tx.objectStore(storeName).put(value, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  });
}

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns true; resolves with the time it took, ms. */
async function until(fn: () => Promise<boolean> | boolean, timeoutMs = 3000, everyMs = 10): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await fn()) return performance.now() - t0;
    await sleep(everyMs);
  }
  throw new Error(`not true after ${timeoutMs} ms`);
}

// ---------------------------------------------------------------------------------------------------------------

let live: Autosave[] = [];

function start(store: EarshotStore, audio: Map<string, KeptAudio>, options: AutosaveOptions = {}) {
  const statuses: AutosaveStatus[] = [];
  const autosave = createAutosave(store, audio, { ...options, onStatus: (s) => statuses.push(s) });
  live.push(autosave);
  return { autosave, statuses };
}

const gainOf = (p: Project | undefined, id: string) => p?.tracks.find((t) => t.id === id)?.gainDb;

beforeEach(async () => {
  await deleteDb();
});

afterEach(async () => {
  for (const a of live) a.dispose();
  live = [];
  await deleteDb();
});

describe('autosave', () => {
  it('stores an edit within 1 s, polling the database directly', async () => {
    const store = createEarshotStore(project());
    const { statuses } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -7.5);
    const elapsed = await until(async () => gainOf(await storedProject(), 'vox') === -7.5);
    expect(elapsed).toBeLessThan(1000);
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect((statuses.at(-1) as { at: number }).at).toBeLessThanOrEqual(Date.now());
  });

  it('stores edits within 1 s even while edits keep coming', async () => {
    const store = createEarshotStore(project());
    start(store, takes());
    const t0 = performance.now();
    let i = 0;
    const typing = setInterval(() => store.getState().actions.setTrackGain('vox', -(++i)), 50);
    try {
      // The first edit lands at 50 ms; the debounce alone would wait until the typing stops.
      const elapsed = await until(async () => (gainOf(await storedProject(), 'vox') ?? 0) < 0);
      expect(performance.now() - t0).toBeGreaterThan(50);
      expect(elapsed).toBeLessThan(1050);
      expect(i).toBeGreaterThan(10); // still typing when it saved
    } finally {
      clearInterval(typing);
    }
  });

  it('saves user audio once and restores it byte for byte', async () => {
    const store = createEarshotStore(project());
    const audio = takes();
    const { autosave } = start(store, audio);
    store.getState().actions.setTrackPan('vox', 0.4);
    await autosave.flush();
    expect(await storedAudioKeys()).toEqual(['take-1', 'take-2']);

    // A second save writes the project only: audio is written once per asset.
    const put = IDBObjectStore.prototype.put;
    const storesWritten: string[] = [];
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      storesWritten.push(this.name);
      return put.apply(this, args);
    };
    try {
      store.getState().actions.setTrackPan('vox', -0.4);
      await autosave.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(storesWritten).toEqual([PROJECTS_STORE]);

    const restored = await loadAutosave();
    expect(restored).not.toBeNull();
    expect(restored!.project).toStrictEqual(store.getState().project);
    expect(restored!.warnings).toEqual([]);
    expect(restored!.missingAssetIds).toEqual([]);
    expect([...restored!.audio.keys()]).toEqual(['take-1', 'take-2']);
    for (const id of ['take-1', 'take-2']) {
      expect(await bytesIn(restored!.audio.get(id))).toEqual(await bytesIn(audio.get(id)));
      expect(restored!.audio.get(id)!.mimeType).toBe(audio.get(id)!.mimeType);
      // Saving a project file falls back on this copy when the kept Blob can no longer be read.
      expect(await bytesIn(await loadAutosavedAudio(id))).toEqual(await bytesIn(audio.get(id)));
    }
    expect(await loadAutosavedAudio('not-there')).toBeNull();
  });

  it('reads audio records written before Blobs were kept ({ bytes, mimeType })', async () => {
    const store = createEarshotStore(project());
    const { autosave } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -1);
    await autosave.flush();
    autosave.dispose();
    const old = bytesOf(1_000, 7);
    await putRaw(AUDIO_STORE, { bytes: old, mimeType: 'audio/wav' }, 'take-1');
    await putRaw(AUDIO_STORE, { bytes: 'not bytes', mimeType: 'audio/wav' }, 'take-2');
    const restored = await loadAutosave();
    expect(await bytesIn(restored!.audio.get('take-1'))).toEqual(new Uint8Array(old));
    expect(restored!.missingAssetIds).toEqual(['take-2']);
  });

  it('deletes audio no project references once the save succeeds', async () => {
    const store = createEarshotStore(project());
    const { autosave } = start(store, takes());
    store.getState().actions.setTrackGain('kick', -1);
    await autosave.flush();
    expect(await storedAudioKeys()).toEqual(['take-1', 'take-2']);
    await putRaw(AUDIO_STORE, { bytes: bytesOf(10, 9), mimeType: 'audio/wav' }, 'left-over');
    expect(await storedAudioKeys()).toEqual(['left-over', 'take-1', 'take-2']);

    store.getState().actions.loadProject(withoutTake2(store.getState().project));
    await autosave.flush();
    expect(await storedAudioKeys()).toEqual(['take-1']);
    expect((await storedProject())!.assets.map((a) => a.id)).toEqual(['kick', 'take-1']);
  });

  it('writes audio that becomes available later', async () => {
    const store = createEarshotStore(project());
    const audio = takes();
    const take2 = audio.get('take-2')!;
    audio.delete('take-2');
    const { autosave } = start(store, audio);
    store.getState().actions.setTrackGain('kick', -2);
    await autosave.flush();
    expect(await storedAudioKeys()).toEqual(['take-1']);
    const restored = await loadAutosave();
    expect(restored!.missingAssetIds).toEqual(['take-2']);
    expect(restored!.warnings).toEqual([
      'The audio for "Take 2.webm" was not in the browser\'s storage: its clips are kept, but they stay silent until you import the file again.',
    ]);
    expect(restored!.project.tracks[1]!.clips.map((c) => c.assetId)).toEqual(['take-1', 'take-2']);

    audio.set('take-2', take2);
    store.getState().actions.setTrackGain('kick', -3);
    await autosave.flush();
    expect(await storedAudioKeys()).toEqual(['take-1', 'take-2']);
  });

  it('reports a full disk as "quota", keeps the store as it was, and saves once there is room', async () => {
    const store = createEarshotStore(project());
    const { autosave, statuses } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -3);
    await autosave.flush();
    expect(gainOf(await storedProject(), 'vox')).toBe(-3);

    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let during: Project;
    try {
      store.getState().actions.setTrackGain('vox', -9);
      during = store.getState().project;
      await autosave.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(statuses.at(-1)).toEqual({ state: 'quota', message: QUOTA_MESSAGE });
    expect(store.getState().project).toBe(during);
    expect(gainOf(store.getState().project, 'vox')).toBe(-9);
    // The failed save changed nothing: the previous autosave is whole.
    expect(gainOf(await storedProject(), 'vox')).toBe(-3);
    expect(await storedAudioKeys()).toEqual(['take-1', 'take-2']);

    // The edit is still pending: the next flush stores it.
    await autosave.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect(gainOf(await storedProject(), 'vox')).toBe(-9);
  });

  it('reports other failures as "error"', async () => {
    const store = createEarshotStore(project());
    const { autosave, statuses } = start(store, takes());
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The object could not be cloned.', 'DataCloneError');
    };
    try {
      store.getState().actions.setTrackGain('vox', -4);
      await autosave.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(statuses).toHaveLength(1);
    expect(statuses[0]!.state).toBe('error');
    expect((statuses[0] as { message: string }).message).toMatch(/^Autosave failed \(The object could not be cloned\.\): your project is kept in memory/);
  });

  it('warns of a conflict when another tab saves while this one has unsaved edits; the last to save wins', async () => {
    const storeA = createEarshotStore(project());
    const storeB = createEarshotStore(project());
    const a = start(storeA, takes(), { tabId: 'tab-a' });
    // Tab B waits long before saving, so it is holding unsaved edits when A saves.
    const b = start(storeB, takes(), { tabId: 'tab-b', debounceMs: 60_000, maxWaitMs: 60_000 });
    storeB.getState().actions.setTrackGain('vox', -20);
    storeA.getState().actions.setTrackGain('vox', -10);
    await a.autosave.flush();
    expect(a.statuses).toEqual([{ state: 'saved', at: expect.any(Number) }]);
    await until(() => b.statuses.length > 0);
    expect(b.statuses).toEqual([{ state: 'conflict', message: CONFLICT_MESSAGE }]);
    expect(gainOf(await storedProject(), 'vox')).toBe(-10);

    // B saves last, so B's project wins, and B says again that it overwrote another tab's save.
    await b.autosave.flush();
    expect(gainOf(await storedProject(), 'vox')).toBe(-20);
    expect(b.statuses).toEqual([
      { state: 'conflict', message: CONFLICT_MESSAGE },
      { state: 'conflict', message: CONFLICT_MESSAGE },
    ]);
    // A had no unsaved edits when B saved: it hears of B's save but has nothing to report until it saves again.
    await sleep(50);
    expect(a.statuses).toHaveLength(1);
    storeA.getState().actions.setTrackGain('vox', -11);
    await a.autosave.flush();
    expect(a.statuses.at(-1)).toEqual({ state: 'conflict', message: CONFLICT_MESSAGE });
    // With no other save in between, the next save is an ordinary one.
    storeA.getState().actions.setTrackGain('vox', -12);
    await a.autosave.flush();
    expect(a.statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('dispose is idempotent and stops saving', async () => {
    const store = createEarshotStore(project());
    const { autosave, statuses } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -5);
    await autosave.flush();
    autosave.dispose();
    expect(() => autosave.dispose()).not.toThrow();
    store.getState().actions.setTrackGain('vox', -6);
    await autosave.flush();
    await sleep(1100);
    expect(gainOf(await storedProject(), 'vox')).toBe(-5);
    expect(statuses).toHaveLength(1);
    // The database connection is closed: deleting the database is not blocked.
    await deleteDb();
  });
});

describe('loadAutosave', () => {
  it('returns null when nothing was saved', async () => {
    expect(await loadAutosave()).toBeNull();
  });

  it('refuses an invalid autosave with a named error', async () => {
    const store = createEarshotStore(project());
    const { autosave } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -1);
    await autosave.flush();
    autosave.dispose();

    const bad = { ...project(), tracks: [{ ...project().tracks[0]!, gainDb: 'loud' }] };
    await putRaw(PROJECTS_STORE, { format: 1, savedAt: 1, tabId: 'x', projectJson: JSON.stringify(bad) }, AUTOSAVE_KEY);
    await expect(loadAutosave()).rejects.toThrow(new ProjectFileError('Autosave', 'tracks[0].gainDb must be a number'));

    await putRaw(PROJECTS_STORE, { format: 1, savedAt: 1, tabId: 'x', projectJson: '{"__proto__":{"polluted":1}}' }, AUTOSAVE_KEY);
    await expect(loadAutosave()).rejects.toThrow('"Autosave" is not a valid project: __proto__: the key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    await putRaw(PROJECTS_STORE, { projectJson: 42 }, AUTOSAVE_KEY);
    await expect(loadAutosave()).rejects.toThrow('"Autosave" is not a valid project: its record is unreadable');
  });

  it('refuses an autosave whose JSON is broken', async () => {
    const store = createEarshotStore(project());
    const { autosave } = start(store, takes());
    store.getState().actions.setTrackGain('vox', -1);
    await autosave.flush();
    autosave.dispose();
    // JSON has no NaN; a record written by something else might hold JSON with one anyway.
    await putRaw(PROJECTS_STORE, { format: 1, savedAt: 1, tabId: 'x', projectJson: JSON.stringify(project()).replace('"bpm":120', '"bpm":NaN') }, AUTOSAVE_KEY);
    await expect(loadAutosave()).rejects.toThrow('"Autosave" is not a valid project: it is not valid JSON');
  });
});
