/**
 * Share links: a lesson step plus the mix the sharer made, packed into the URL's hash as
 * `#/lesson/<id>/<step>?mix=<payload>`.
 *
 * The payload is the project without its asset list (the demo's own stems always stand in), as JSON, deflated and
 * written in base64url. Opening a link trusts nothing in it: the size is capped before and after inflating, the
 * JSON goes through the same validation as a project file, and every clip must play one of the demo's stems, so a
 * link can neither point the app at another site nor smuggle in audio.
 */
import { parseProject, ProjectFileError } from '../state/schema';
import type { Project } from '../state/project';

/** Longest payload accepted in a link, characters (a full Wall of Sound mix is about 6 000). */
export const MAX_PAYLOAD_CHARS = 60_000;
/** Largest inflated JSON accepted, bytes. */
export const MAX_JSON_BYTES = 1_000_000;
const NAME = 'The shared link';

/** A share link that cannot be opened; the message says why, in words for the person who clicked it. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw new ShareLinkError(`${NAME} is damaged: its mix is not valid base64url text.`);
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pump(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const writing = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ShareLinkError(`${NAME} holds more than ${Math.round(limit / 1000)} kB of mix data, more than any real mix needs.`);
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Packs a mix made from the demo song. Audio the user imported or recorded cannot travel in a link. */
export async function encodeMix(project: Project): Promise<string> {
  const own = project.assets.filter((a) => a.source === 'user');
  if (own.length > 0) throw new ShareLinkError(`A link cannot carry your own audio (${own.map((a) => a.fileName).join(', ')}). Save the project as a file to share it.`);
  // The asset list stays out: the receiving side puts the demo's own in its place.
  const json = new TextEncoder().encode(JSON.stringify({ ...project, assets: undefined }));
  return toBase64Url(await pump(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY));
}

/**
 * Unpacks a mix from a link and checks it against the demo song.
 * @throws ShareLinkError with the reason; nothing has been applied when it throws
 */
export async function decodeMix(payload: string, demo: Project): Promise<Project> {
  if (payload.length === 0) throw new ShareLinkError(`${NAME} has an empty mix.`);
  if (payload.length > MAX_PAYLOAD_CHARS) throw new ShareLinkError(`${NAME} is too long (${payload.length} characters; the most a mix needs is ${MAX_PAYLOAD_CHARS}).`);
  let json: Uint8Array;
  try {
    json = await pump(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError(`${NAME} is damaged: its mix could not be unpacked.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareLinkError(`${NAME} is damaged: its mix is not valid JSON.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ShareLinkError(`${NAME} is damaged: its mix is not a project.`);
  let project: Project;
  try {
    project = parseProject({ ...(raw as Record<string, unknown>), assets: demo.assets }, 'the shared link').project;
  } catch (e) {
    throw new ShareLinkError(e instanceof ProjectFileError ? `${NAME} holds a mix Earshot cannot use: ${e.reason}.` : `${NAME} could not be read.`);
  }
  const stems = new Set(demo.assets.map((a) => a.id));
  for (const t of project.tracks) {
    const foreign = t.clips.find((c) => !stems.has(c.assetId));
    if (foreign) throw new ShareLinkError(`${NAME} refers to audio that is not in the demo song (track "${t.name}").`);
  }
  return project;
}
