import type { AssetRef, Project, Track, TrackRole } from './project';
import { clampFaderDb, clampPanValue, defaultBuses, makeClip, makeTrack, PROJECT_VERSION } from './project';
import { DEFAULT_MASTERING } from './mastering';

const ROLES: readonly TrackRole[] = ['kick', 'snare', 'hats', 'tambourine', 'bass', 'piano', 'guitar', 'strings', 'lead', 'other'];

/** A problem with a sample manifest, naming the field that is wrong. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Json, key: string, where: string, maxLength = 200): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) throw new ManifestError(`${where}: "${key}" must be a non-empty string`);
  if (v.length > maxLength) throw new ManifestError(`${where}: "${key}" is longer than ${maxLength} characters`);
  return v;
}

function num(o: Json, key: string, where: string, min: number, max: number, fallback?: number): number {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ManifestError(`${where}: "${key}" must be a number`);
  if (v < min || v > max) throw new ManifestError(`${where}: "${key}" is ${v}, outside ${min}..${max}`);
  return v;
}

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(wav|flac|mp3|ogg|m4a)$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Reads `public/samples/manifest.json` into a project: one track per stem, one clip per file.
 * @param raw the parsed JSON
 * @param baseUrl the folder the files are in, ending in "/"
 */
export function projectFromManifest(raw: unknown, baseUrl: string): Project {
  if (!isObject(raw)) throw new ManifestError('manifest.json: the top level must be an object');
  const where = 'manifest.json';
  const bpm = num(raw, 'bpm', where, 20, 400);
  const bars = num(raw, 'bars', where, 1, 10_000);
  const ts = raw.timeSignature;
  const beatsPerBar = Array.isArray(ts) && typeof ts[0] === 'number' && ts[0] >= 1 && ts[0] <= 16 ? ts[0] : 4;
  const stems = raw.stems;
  if (!Array.isArray(stems) || stems.length === 0) throw new ManifestError(`${where}: "stems" must be a non-empty list`);
  if (stems.length > 64) throw new ManifestError(`${where}: ${stems.length} stems is more than the 64 allowed`);

  const buses = defaultBuses();
  const assets: AssetRef[] = [];
  const tracks: Track[] = [];
  const ids = new Set<string>();
  stems.forEach((s: unknown, i) => {
    const at = `${where}, stem ${i + 1}`;
    if (!isObject(s)) throw new ManifestError(`${at}: must be an object`);
    const id = str(s, 'id', at, 40);
    if (!/^[a-z0-9-]+$/i.test(id)) throw new ManifestError(`${at}: "id" may hold only letters, digits and "-"`);
    if (ids.has(id)) throw new ManifestError(`${at}: the id "${id}" is used twice`);
    ids.add(id);
    const file = str(s, 'file', at, 100);
    if (!SAFE_FILE.test(file)) throw new ManifestError(`${at}: "${file}" is not a plain audio file name`);
    const role = typeof s.role === 'string' && (ROLES as readonly string[]).includes(s.role) ? (s.role as TrackRole) : 'other';
    const color = typeof s.color === 'string' && COLOR.test(s.color) ? s.color : '#8aa4c8';
    const startSec = num(s, 'startSec', at, 0, 36_000, 0);
    const durationSec = num(s, 'durationSec', at, 0.001, 36_000);
    assets.push({ id, fileName: file, source: 'url', url: `${baseUrl}${file}` });
    tracks.push(
      makeTrack(
        {
      id,
      name: str(s, 'name', at, 60),
      role,
      color,
      gainDb: clampFaderDb(num(s, 'gainDb', at, -60, 6, 0)),
      pan: clampPanValue(num(s, 'pan', at, -1, 1, 0)),
      clips: [makeClip({ id: `${id}-clip-1`, assetId: id, startSec, durationSec })],
        },
        buses,
      ),
    );
  });

  const durationSec = Math.max(...tracks.flatMap((t) => t.clips.map((c) => c.startSec + c.durationSec)));
  const barSec = (60 / bpm) * beatsPerBar;
  return {
    version: PROJECT_VERSION,
    title: typeof raw.title === 'string' ? raw.title.slice(0, 120) : 'Demo song',
    bpm,
    keyName: typeof raw.key === 'string' ? raw.key.slice(0, 40) : '',
    beatsPerBar,
    bars,
    durationSec,
    assets,
    tracks,
    buses,
    master: { gainDb: 0, mastering: DEFAULT_MASTERING },
    loop: { enabled: false, startSec: 0, endSec: Math.min(durationSec, barSec * 4) },
    markers: [],
    presets: [],
  };
}
