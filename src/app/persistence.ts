/**
 * Autosave: the project and the user's own audio, kept in IndexedDB so a reload or a crash loses at most a second.
 *
 * Storage (raw IndexedDB, database "earshot"):
 * - "projects": key "autosave" → { format: 1, savedAt, tabId, projectJson } (the project as JSON text, read back
 *   through `parseProject` like any file from outside);
 * - "audio": key asset id → { blob, mimeType }, the original bytes of each user asset as a Blob, written once
 *   (IndexedDB keeps a Blob outside the page's memory, on disk in a normal profile). Records written before this
 *   format held { bytes: ArrayBuffer, mimeType } and are still read.
 *
 * Each save is one read-write transaction over both stores: it writes audio the store does not hold yet, the
 * project, and deletes audio no longer referenced. The transaction is atomic, so the stored project and its audio
 * always agree: if any part fails (the quota, say), nothing changes and the previous autosave stays whole.
 *
 * Several tabs share the one autosave: the last tab to save wins. Tabs announce their saves on a BroadcastChannel,
 * and a tab that sees another's save while it has unsaved edits (or later overwrites it) reports a conflict.
 */
import type { Project } from '../state/project';
import { parseProject, ProjectFileError } from '../state/schema';

/**
 * The user's own audio (an import, a take) as the app keeps it for saving and the autosave: a Blob, never an
 * ArrayBuffer, so the file's bytes stay out of the page's memory (a picked File is read from disk; IndexedDB's copy
 * lives in its own storage). They are read back only to save a project file or to decode after a reload.
 */
export interface KeptAudio {
  readonly blob: Blob;
  /** e.g. "audio/wav", "audio/webm;codecs=opus" (from the bytes, not the file name) */
  readonly mimeType: string;
}

/** The IndexedDB database. */
export const AUTOSAVE_DB_NAME = 'earshot';
/** Object store of saved projects; the autosave is under AUTOSAVE_KEY. */
export const PROJECTS_STORE = 'projects';
/** Object store of user audio, keyed by asset id. */
export const AUDIO_STORE = 'audio';
export const AUTOSAVE_KEY = 'autosave';
/** The BroadcastChannel on which tabs announce their saves. */
export const AUTOSAVE_CHANNEL = 'earshot-autosave';

/** What the autosave tells the UI after each attempt, and when another tab saves. */
export type AutosaveStatus =
  | { readonly state: 'saved'; /** When the save committed, ms since the epoch. */ readonly at: number }
  | { readonly state: 'quota'; readonly message: string }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'conflict'; readonly message: string };

/** What the user is told when the browser's storage is full. */
export const QUOTA_MESSAGE = 'Browser storage is full: your project is kept in memory. Save it to a file (Save project) to keep it.';
/** What the user is told when another tab's save and this tab's edits collide. */
export const CONFLICT_MESSAGE = 'Earshot is open in another tab: the last tab to save wins.';

/** The part of the Earshot store the autosave reads: the project, and change notifications for it. */
export interface AutosaveStore {
  getState(): { readonly project: Project };
  subscribe<U>(selector: (state: { readonly project: Project }) => U, listener: (selected: U, previous: U) => void): () => void;
}

/** Where the autosave finds the bytes of user assets (imported or recorded audio). */
export interface AudioSource {
  get(assetId: string): KeptAudio | undefined;
}

/** Autosave settings; every field has a default. */
export interface AutosaveOptions {
  /** Quiet time after the last change before saving, ms. */
  readonly debounceMs?: number;
  /** The longest a change waits while edits keep coming, ms; with the write itself, a change is stored within 1 s. */
  readonly maxWaitMs?: number;
  readonly onStatus?: (status: AutosaveStatus) => void;
  readonly dbName?: string;
  readonly channelName?: string;
  /** Identifies this tab in save announcements; random by default. */
  readonly tabId?: string;
}

const DEFAULTS = { debounceMs: 300, maxWaitMs: 800, dbName: AUTOSAVE_DB_NAME, channelName: AUTOSAVE_CHANNEL };

/** A running autosave. */
export interface Autosave {
  readonly tabId: string;
  /** Saves pending edits now (and waits for a save in progress). Never rejects: failures go to `onStatus`. */
  flush(): Promise<void>;
  /** Stops watching the store and closes the channel and the database. Pending edits are not saved: flush first. Idempotent. */
  dispose(): void;
}

/** A restored autosave. */
export interface RestoredAutosave {
  readonly project: Project;
  /** The audio of the project's user assets, by asset id. */
  readonly audio: Map<string, KeptAudio>;
  readonly warnings: string[];
  /** User assets whose audio was not found: their clips are kept but have nothing to play. */
  readonly missingAssetIds: string[];
  /** When it was saved, ms since the epoch. */
  readonly savedAt: number;
}

interface ProjectRecord {
  readonly format: 1;
  readonly savedAt: number;
  readonly tabId: string;
  readonly projectJson: string;
}

interface SaveAnnouncement {
  readonly type: 'saved';
  readonly tabId: string;
  readonly at: number;
}

// ---------------------------------------------------------------------------------------------------------------
// IndexedDB helpers

function openAt(name: string, version: number | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(PROJECTS_STORE)) db.createObjectStore(PROJECTS_STORE);
      if (!db.objectStoreNames.contains(AUDIO_STORE)) db.createObjectStore(AUDIO_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`The database "${name}" could not be opened`));
  });
}

/**
 * Opens the database at whatever version it has (creating it with both stores if it is new). Should a store be
 * missing (the database was made by something else), it upgrades by one version to add it.
 */
async function openDatabase(name: string): Promise<IDBDatabase> {
  const db = await openAt(name, undefined);
  if (db.objectStoreNames.contains(PROJECTS_STORE) && db.objectStoreNames.contains(AUDIO_STORE)) return db;
  const next = db.version + 1;
  db.close();
  return openAt(name, next);
}

const isQuotaError = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'name' in e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

const messageOf = (e: unknown): string => (e instanceof Error || e instanceof DOMException ? e.message || e.name : String(e));

/** A stored audio record as KeptAudio: { blob, mimeType }, or the older { bytes, mimeType } (made a Blob); else null. */
function keptAudioOf(value: unknown): KeptAudio | null {
  if (typeof value !== 'object' || value === null || !('mimeType' in value) || typeof value.mimeType !== 'string') return null;
  if ('blob' in value && value.blob instanceof Blob) return { blob: value.blob, mimeType: value.mimeType };
  if ('bytes' in value && value.bytes instanceof ArrayBuffer) return { blob: new Blob([value.bytes], { type: value.mimeType }), mimeType: value.mimeType };
  return null;
}

function userAssetIds(project: Project): Set<string> {
  return new Set(project.assets.filter((a) => a.source === 'user').map((a) => a.id));
}

function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Starts autosaving: every change to `store.getState().project` is written to IndexedDB within about 1 s
 * (`debounceMs` after the last change, at most `maxWaitMs` after the first unsaved one), with the audio of
 * user assets from `audioSource`. Also saves when the page is hidden or unloaded.
 * The project that is current when autosave starts counts as saved; the first change triggers the first write.
 */
export function createAutosave(store: AutosaveStore, audioSource: AudioSource, options: AutosaveOptions = {}): Autosave {
  const debounceMs = options.debounceMs ?? DEFAULTS.debounceMs;
  const maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
  const dbName = options.dbName ?? DEFAULTS.dbName;
  const tabId = options.tabId ?? newTabId();

  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unsaved change happened; null when there is none. */
  let dirtySince: number | null = null;
  let saving: Promise<void> | null = null;
  /** Another tab saved after our last save: our next save overwrites its work. */
  let otherTabSaved = false;
  let dbPromise: Promise<IDBDatabase> | null = null;
  let db: IDBDatabase | null = null;

  const report = (status: AutosaveStatus) => {
    try {
      options.onStatus?.(status);
    } catch (e) {
      // A failing listener must not stop autosave; the error still surfaces.
      setTimeout(() => {
        throw e;
      });
    }
  };

  const getDb = (): Promise<IDBDatabase> => {
    if (!dbPromise) {
      const opening = openDatabase(dbName).then((opened) => {
        if (disposed) {
          opened.close();
          throw new Error('Autosave was disposed');
        }
        // Another connection wants to upgrade or delete the database: step aside, and reopen on the next save.
        opened.onversionchange = () => {
          opened.close();
          if (db === opened) db = null;
          if (dbPromise === opening) dbPromise = null;
        };
        opened.onclose = () => {
          if (db === opened) db = null;
          if (dbPromise === opening) dbPromise = null;
        };
        db = opened;
        return opened;
      });
      opening.catch(() => {
        if (dbPromise === opening) dbPromise = null;
      });
      dbPromise = opening;
    }
    return dbPromise;
  };

  const write = async (project: Project): Promise<number> => {
    const database = await getDb();
    const referenced = userAssetIds(project);
    const savedAt = Date.now();
    const record: ProjectRecord = { format: 1, savedAt, tabId, projectJson: JSON.stringify(project) };
    await new Promise<void>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = database.transaction([PROJECTS_STORE, AUDIO_STORE], 'readwrite');
      } catch (e) {
        reject(e);
        return;
      }
      let failure: unknown = null;
      const fail = (e: unknown) => {
        failure ??= e;
        try {
          tx.abort();
        } catch {
          // Already finished or aborting.
        }
      };
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The save was aborted', 'AbortError'));
      try {
        const audioStore = tx.objectStore(AUDIO_STORE);
        // Audio is written once per asset id: only what the database does not hold yet.
        for (const id of referenced) {
          const existing = audioStore.getKey(id);
          existing.onsuccess = () => {
            if (existing.result !== undefined) return;
            const audio = audioSource.get(id);
            if (!audio) return; // Not available yet: a later save writes it.
            try {
              audioStore.put({ blob: audio.blob, mimeType: audio.mimeType }, id);
            } catch (e) {
              fail(e);
            }
          };
        }
        tx.objectStore(PROJECTS_STORE).put(record, AUTOSAVE_KEY);
        // Audio the saved project no longer uses goes, in the same transaction: only if the save commits.
        const keys = audioStore.getAllKeys();
        keys.onsuccess = () => {
          try {
            for (const key of keys.result) if (typeof key !== 'string' || !referenced.has(key)) audioStore.delete(key);
          } catch (e) {
            fail(e);
          }
        };
      } catch (e) {
        fail(e);
      }
    });
    return savedAt;
  };

  const saveNow = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (saving) await saving;
    if (disposed || dirtySince === null) return;
    const project = store.getState().project;
    const firstChange = dirtySince;
    dirtySince = null;
    const attempt = (async () => {
      try {
        const at = await write(project);
        if (disposed) return;
        const overwrote = otherTabSaved;
        otherTabSaved = false;
        announce({ type: 'saved', tabId, at });
        report(overwrote ? { state: 'conflict', message: CONFLICT_MESSAGE } : { state: 'saved', at });
      } catch (e) {
        // The edits are still unsaved: the next change or flush tries again.
        dirtySince = Math.min(dirtySince ?? firstChange, firstChange);
        if (disposed) return;
        report(
          isQuotaError(e)
            ? { state: 'quota', message: QUOTA_MESSAGE }
            : {
                state: 'error',
                message: `Autosave failed (${messageOf(e)}): your project is kept in memory. Save it to a file (Save project) to keep it.`,
              },
        );
      }
    })();
    saving = attempt;
    try {
      await attempt;
    } finally {
      if (saving === attempt) saving = null;
    }
  };

  const schedule = () => {
    const now = Date.now();
    dirtySince ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, dirtySince + maxWaitMs - now));
    timer = setTimeout(() => void saveNow(), wait);
  };

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(options.channelName ?? DEFAULTS.channelName);
  const announce = (message: SaveAnnouncement) => {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel: nobody to tell.
    }
  };
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'saved' || !('tabId' in data)) return;
      if (data.tabId === tabId || disposed) return;
      otherTabSaved = true;
      if (dirtySince !== null || saving) report({ state: 'conflict', message: CONFLICT_MESSAGE });
    };
  }

  const unsubscribe = store.subscribe(
    (s) => s.project,
    () => {
      if (!disposed) schedule();
    },
  );

  const onHidden = () => {
    if (document.visibilityState === 'hidden') void saveNow();
  };
  const onPageHide = () => void saveNow();
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) {
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
  }

  // Open the database now, so a save on pagehide can start its transaction at once.
  void getDb().catch(() => {});

  return {
    tabId,
    flush: async () => {
      if (disposed) return;
      if (dirtySince !== null) await saveNow();
      else while (saving) await saving;
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (channel) {
        channel.onmessage = null;
        channel.close();
      }
      if (hasDocument) {
        document.removeEventListener('visibilitychange', onHidden);
        window.removeEventListener('pagehide', onPageHide);
      }
      // close() lets a save in progress finish first.
      db?.close();
      db = null;
    },
  };
}

/**
 * Reads the autosaved project and its audio, validated through `parseProject` like any file from outside.
 * @returns null when nothing has been autosaved
 * @throws ProjectFileError (named "Autosave") when the autosave is unreadable or invalid; other errors when
 *   IndexedDB cannot be opened
 */
export async function loadAutosave(options: { readonly dbName?: string } = {}): Promise<RestoredAutosave | null> {
  const sourceName = 'Autosave';
  const database = await openDatabase(options.dbName ?? DEFAULTS.dbName);
  try {
    return await new Promise<RestoredAutosave | null>((resolve, reject) => {
      const tx = database.transaction([PROJECTS_STORE, AUDIO_STORE], 'readonly');
      let result: RestoredAutosave | null = null;
      let failure: unknown = null;
      tx.oncomplete = () => (failure === null ? resolve(result) : reject(failure));
      tx.onabort = () => reject(failure ?? tx.error ?? new Error('Reading the autosave was aborted'));
      const request = tx.objectStore(PROJECTS_STORE).get(AUTOSAVE_KEY);
      request.onsuccess = () => {
        const record: unknown = request.result;
        if (record === undefined) return;
        let parsed: { project: Project; warnings: string[] };
        let savedAt = 0;
        try {
          if (typeof record !== 'object' || record === null || !('projectJson' in record) || typeof record.projectJson !== 'string') {
            throw new ProjectFileError(sourceName, 'its record is unreadable');
          }
          if ('savedAt' in record && typeof record.savedAt === 'number' && Number.isFinite(record.savedAt)) savedAt = record.savedAt;
          let raw: unknown;
          try {
            raw = JSON.parse(record.projectJson);
          } catch {
            throw new ProjectFileError(sourceName, 'it is not valid JSON');
          }
          parsed = parseProject(raw, sourceName);
        } catch (e) {
          failure = e;
          return;
        }
        const { project, warnings } = parsed;
        const audio = new Map<string, KeptAudio>();
        const missingAssetIds: string[] = [];
        const audioStore = tx.objectStore(AUDIO_STORE);
        for (const asset of project.assets) {
          if (asset.source !== 'user') continue;
          const get = audioStore.get(asset.id);
          get.onsuccess = () => {
            const kept = keptAudioOf(get.result);
            if (kept) {
              audio.set(asset.id, kept);
            } else {
              missingAssetIds.push(asset.id);
              warnings.push(`The audio for "${asset.fileName}" was not in the browser's storage: its clips are kept, but they stay silent until you import the file again.`);
            }
          };
        }
        result = { project, audio, warnings, missingAssetIds, savedAt };
      };
    });
  } finally {
    database.close();
  }
}

/**
 * The autosave's copy of one user asset's audio, or null when it holds none. Saving a project falls back on it when
 * the Blob the app keeps can no longer be read (a picked file changed or was removed on disk since the import).
 */
export async function loadAutosavedAudio(assetId: string, options: { readonly dbName?: string } = {}): Promise<KeptAudio | null> {
  const database = await openDatabase(options.dbName ?? DEFAULTS.dbName);
  try {
    return await new Promise<KeptAudio | null>((resolve, reject) => {
      const request = database.transaction(AUDIO_STORE, 'readonly').objectStore(AUDIO_STORE).get(assetId);
      request.onsuccess = () => resolve(keptAudioOf(request.result));
      request.onerror = () => reject(request.error ?? new Error('Reading the autosaved audio failed'));
    });
  } finally {
    database.close();
  }
}
