import { mulberry32 } from '../../src/dsp/random';
import { projectFromManifest } from '../../src/state/manifest';
import { DEFAULT_MASTERING } from '../../src/state/mastering';
import { defaultBuses, makeClip, makeTrack, PROJECT_VERSION, type Project, type Track } from '../../src/state/project';

export const SR = 44100;

/** A mono sine buffer at the given amplitude. */
export function sineBuffer(freq: number, seconds: number, amplitude = 0.5, sampleRate = SR): AudioBuffer {
  const buffer = new AudioBuffer({ length: Math.round(seconds * sampleRate), numberOfChannels: 1, sampleRate });
  const data = buffer.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / sampleRate);
  return buffer;
}

/** A mono buffer of seeded white noise. */
export function noiseBuffer(seed: number, seconds: number, amplitude = 0.3, sampleRate = SR): AudioBuffer {
  const buffer = new AudioBuffer({ length: Math.round(seconds * sampleRate), numberOfChannels: 1, sampleRate });
  const data = buffer.getChannelData(0);
  const rnd = mulberry32(seed);
  for (let i = 0; i < data.length; i++) data[i] = amplitude * (rnd() * 2 - 1);
  return buffer;
}

export function track(id: string, overrides: Partial<Track> = {}, durationSec = 2, startSec = 0): Track {
  return makeTrack(
    {
      id,
      name: id,
      role: 'other',
      color: '#888888',
      clips: [makeClip({ id: `${id}-c`, assetId: id, startSec, durationSec })],
      ...overrides,
    },
    defaultBuses(),
  );
}

export function project(tracks: Track[], durationSec = 2): Project {
  return {
    version: PROJECT_VERSION,
    title: 'Test',
    bpm: 120,
    keyName: 'C major',
    beatsPerBar: 4,
    bars: 1,
    durationSec,
    assets: tracks.map((t) => ({ id: t.id, fileName: `${t.id}.wav`, source: 'url' as const, url: `${t.id}.wav` })),
    tracks,
    buses: defaultBuses(),
    // The limiter is bypassed so strip-level measurements see the raw mix; the chain's latency stays.
    master: { gainDb: 0, mastering: { ...DEFAULT_MASTERING, limiter: { ...DEFAULT_MASTERING.limiter, enabled: false } } },
    loop: { enabled: false, startSec: 0, endSec: durationSec },
    markers: [],
    presets: [],
  };
}

export function channels(buffer: AudioBuffer): Float32Array[] {
  return Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
}

/** Skips the clip-edge fades when measuring a steady level: the middle of the render. */
export function middle(sampleRate: number, totalSec: number): [number, number] {
  return [Math.round(sampleRate * 0.25), Math.round(sampleRate * (totalSec - 0.25))];
}

let demoCache: { project: Project; buffers: Map<string, AudioBuffer> } | null = null;

/** The demo song as the app loads it: the manifest's project and its stems decoded at SR. Loaded once per file. */
export async function loadDemoSong(): Promise<{ project: Project; buffers: Map<string, AudioBuffer> }> {
  if (demoCache) return demoCache;
  const manifest: unknown = await (await fetch('/samples/manifest.json')).json();
  const p = projectFromManifest(manifest, '/samples/');
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: 128, sampleRate: SR });
  const buffers = new Map<string, AudioBuffer>();
  for (const a of p.assets) buffers.set(a.id, await ctx.decodeAudioData(await (await fetch(a.url)).arrayBuffer()));
  demoCache = { project: p, buffers };
  return demoCache;
}
