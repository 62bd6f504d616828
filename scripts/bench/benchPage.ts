/**
 * The in-browser half of `npm run bench`: served by Vite's dev server at /scripts/bench/bench.html and driven by
 * run.mjs through Playwright. It exposes `window.earshotBench`; every method returns plain JSON.
 */
// First: the node counter must patch the constructors before Tone or the engine can keep the originals.
import { countsOf, diffCounts, offlineCounts, type NodeCounts } from './nodeCounter';
import * as Tone from 'tone';
import { gainToDb } from '../../src/dsp/decibels';
import { mulberry32 } from '../../src/dsp/random';
import { AudioEngine } from '../../src/engine/AudioEngine';
import { ChannelStrip } from '../../src/engine/ChannelStrip';
import { MasterBus } from '../../src/engine/MasterBus';
import { renderProject } from '../../src/engine/render';
import { applyTechnique, TECHNIQUES } from '../../src/presets';
import { projectFromManifest } from '../../src/state/manifest';
import { makeClip, makeTrack, type Project, type Track } from '../../src/state/project';
import { renderTwin } from './twin';

const SAMPLE_RATE = 44100;
const SAMPLES = '/samples/';

/**
 * When the latest OfflineAudioContext.startRendering() began and ended (performance.now()), so a render's time splits
 * into building and scheduling (JavaScript, main thread; Tone's offline clock runs here) and native rendering.
 */
const renderSpan = { start: 0, end: 0 };
const startRendering = OfflineAudioContext.prototype.startRendering;
OfflineAudioContext.prototype.startRendering = function (this: OfflineAudioContext): Promise<AudioBuffer> {
  renderSpan.start = performance.now();
  return startRendering.call(this).then((buffer) => {
    renderSpan.end = performance.now();
    return buffer;
  });
};

/** A render's wall time, split at startRendering(). */
interface RenderTiming {
  /** Whole call, ms. */
  readonly ms: number;
  /** From the call until native rendering started: graph building, scheduling (Tone's clock), worklet loading. */
  readonly beforeRenderingMs: number;
  /** Native rendering (the audio graph, limiter worklet included). */
  readonly renderingMs: number;
}

interface Demo {
  readonly project: Project;
  readonly buffers: Map<string, AudioBuffer>;
}

/** Options of {@link BenchApi.mixdown}. */
export interface MixdownOptions {
  /** Timed renders of each path. */
  readonly reps: number;
  /** Untimed renders of each path first (JIT, worklet compilation). */
  readonly warmup: number;
  /** Render only the song's first seconds (smoke mode); default the whole song. */
  readonly endSec?: number;
}

/** How closely the raw twin's render matches Earshot's for one project. */
export interface TwinFidelity {
  readonly project: string;
  readonly tracks: number;
  readonly buses: number;
  readonly renderedSec: number;
  /** Peak and RMS of Earshot's render, dBFS. */
  readonly earshotPeakDb: number;
  readonly earshotRmsDb: number;
  /** RMS of Earshot's render minus the twin's, dB (0 = the same level). */
  readonly levelDifferenceDb: number;
  /** Peak and RMS of (Earshot − twin), dBFS, and the residual's peak below the mix's peak, dB. */
  readonly residualPeakDb: number;
  readonly residualRmsDb: number;
  readonly residualBelowMixDb: number;
  /** Where the residual peaks, song seconds. */
  readonly residualPeakAtSec: number;
  /** Nodes one render of each path made. */
  readonly earshotNodes: NodeCounts;
  readonly twinNodes: NodeCounts;
  /** One render each, ms (not medians: for information). */
  readonly earshotMs: number;
  readonly twinMs: number;
}

export interface MixdownResult {
  readonly renderedSec: number;
  readonly tracks: number;
  readonly earshotMs: number[];
  readonly rawMs: number[];
  readonly earshotMedianMs: number;
  readonly rawMedianMs: number;
  /** Earshot time / raw twin time (medians): what Tone.js costs over the same graph of native nodes. */
  readonly ratio: number;
  /** The median of the per-pair ratios (each pair ran back to back, so slow drift cancels). */
  readonly pairedRatio: number;
  /** Medians of the split at startRendering(), ms. */
  readonly earshotBeforeRenderingMs: number;
  readonly earshotRenderingMs: number;
  readonly rawBeforeRenderingMs: number;
  readonly rawRenderingMs: number;
  readonly earshotRealtimeFactor: number;
  readonly rawRealtimeFactor: number;
  /** Null/level comparison on the timed project (the demo) and on the demo with every technique, automation and mastering on. */
  readonly fidelity: TwinFidelity[];
}

/** Options of {@link BenchApi.scaling}. */
export interface ScalingOptions {
  readonly sizes: readonly number[];
  readonly reps: number;
  readonly endSec?: number;
}

export interface ScalingRow {
  readonly tracks: number;
  readonly renderedSec: number;
  readonly ms: number[];
  readonly medianMs: number;
  /** Median time before native rendering started (building, scheduling), ms. */
  readonly beforeRenderingMedianMs: number;
  readonly realtimeFactor: number;
  /** Nodes one render made (Tone context, master bus, strips, players and their sources). */
  readonly nodes: NodeCounts;
}

export interface NodeCountResult {
  /** Per track in an offline render (export path): strip + clip player + the player's buffer source. */
  readonly offlinePerTrack: NodeCounts;
  /** Per track in live playback with a clip playing: the above plus the peak-meter tap. */
  readonly livePerTrack: NodeCounts;
  /** ChannelStrip alone, and what it declares. */
  readonly strip: NodeCounts;
  readonly stripDeclared: number;
  /** MasterBus alone (limiter worklet included), and what it declares. */
  readonly masterBus: NodeCounts;
  readonly masterBusDeclared: number;
  /** A bare Tone.OfflineContext (its transport, destination, listener…). */
  readonly toneContext: NodeCounts;
  /** Tracks used for the per-track figures. */
  readonly tracks: number;
}

export interface BenchApi {
  readonly demo: { readonly tracks: number; readonly durationSec: number };
  mixdown(options: MixdownOptions): Promise<MixdownResult>;
  scaling(options: ScalingOptions): Promise<ScalingRow[]>;
  nodeCounts(tracks: number): Promise<NodeCountResult>;
}

declare global {
  interface Window {
    earshotBench?: BenchApi;
    earshotBenchError?: string;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(run: () => Promise<T>): Promise<{ timing: RenderTiming; value: T }> {
  const t0 = performance.now();
  const value = await run();
  const t1 = performance.now();
  const timing = { ms: t1 - t0, beforeRenderingMs: renderSpan.start - t0, renderingMs: renderSpan.end - renderSpan.start };
  return { timing, value };
}

/** The demo song as the app loads it, decoded once by an OfflineAudioContext at 44.1 kHz. */
async function loadDemo(): Promise<Demo> {
  const response = await fetch(`${SAMPLES}manifest.json`);
  if (!response.ok) throw new Error(`manifest.json: ${response.status}`);
  const project = projectFromManifest(await response.json(), SAMPLES);
  const decoder = new OfflineAudioContext({ numberOfChannels: 2, length: 1, sampleRate: SAMPLE_RATE });
  const buffers = new Map<string, AudioBuffer>();
  await Promise.all(
    project.assets.map(async (asset) => {
      const bytes = await (await fetch(asset.url)).arrayBuffer();
      buffers.set(asset.id, await decoder.decodeAudioData(bytes));
    }),
  );
  return { project, buffers };
}

/** The project cut to its first endSec seconds (only its duration changes: clips past the end are never heard). */
function upTo(project: Project, endSec: number | undefined): Project {
  return endSec === undefined ? project : { ...project, durationSec: Math.min(project.durationSec, endSec) };
}

/**
 * A project of `count` tracks made by duplicating the demo's tracks (new ids, the same assets), panned across the
 * field and turned down as tracks are added so the sum stays near the demo's level.
 */
function syntheticProject(demo: Project, count: number): Project {
  const trimDb = -10 * Math.log10(count / demo.tracks.length);
  const tracks: Track[] = Array.from({ length: count }, (_, i) => {
    const source = demo.tracks[i % demo.tracks.length]!;
    const id = `${source.id}-${i}`;
    return {
      ...source,
      id,
      name: `${source.name} ${i + 1}`,
      gainDb: source.gainDb + trimDb,
      pan: count > 1 ? -0.8 + (1.6 * i) / (count - 1) : 0,
      clips: source.clips.map((c) => ({ ...c, id: `${id}-clip` })),
    };
  });
  return { ...demo, tracks };
}

/** Tracks of seeded noise that all start at 0, so every clip's player makes its buffer source within a short render. */
function noiseProject(base: Project, count: number, seconds: number): { project: Project; buffers: Map<string, AudioBuffer> } {
  const buffers = new Map<string, AudioBuffer>();
  const tracks: Track[] = [];
  for (let i = 0; i < count; i++) {
    const id = `noise-${i}`;
    const buffer = new AudioBuffer({ numberOfChannels: 1, length: Math.round(seconds * SAMPLE_RATE), sampleRate: SAMPLE_RATE });
    const data = buffer.getChannelData(0);
    const random = mulberry32(1000 + i);
    for (let k = 0; k < data.length; k++) data[k] = 0.1 * (random() * 2 - 1);
    buffers.set(id, buffer);
    tracks.push(
      makeTrack(
        { id, name: id, role: 'other', color: '#888888', gainDb: -6, clips: [makeClip({ id: `${id}-clip`, assetId: id, startSec: 0, durationSec: seconds })] },
        base.buses,
      ),
    );
  }
  const project: Project = {
    ...base,
    durationSec: seconds,
    assets: tracks.map((t) => ({ id: t.id, fileName: `${t.id}.wav`, source: 'url' as const, url: '' })),
    tracks,
  };
  return { project, buffers };
}

/** Peak (and where it is, seconds) and RMS of a, or of (a − b), dBFS over both channels. */
function levels(a: AudioBuffer, b?: AudioBuffer): { peakDb: number; peakAtSec: number; rmsDb: number } {
  let peak = 0;
  let at = 0;
  let sum = 0;
  for (let c = 0; c < a.numberOfChannels; c++) {
    const x = a.getChannelData(c);
    const y = b?.getChannelData(c);
    for (let i = 0; i < x.length; i++) {
      const d = x[i]! - (y ? y[i]! : 0);
      if (Math.abs(d) > peak) {
        peak = Math.abs(d);
        at = i;
      }
      sum += d * d;
    }
  }
  return { peakDb: gainToDb(peak), peakAtSec: at / a.sampleRate, rmsDb: gainToDb(Math.sqrt(sum / (a.length * a.numberOfChannels))) };
}

/**
 * The demo with everything the twin must reproduce switched on: every technique (extra tracks with several clips,
 * fades and offsets, buses of all three kinds, pre and post sends, detune, ducking), inserts on a track, volume and
 * pan automation, a muted track, clip gain and trim, and the whole mastering chain.
 */
function featureProject(demo: Project): Project {
  let p = demo;
  for (const t of TECHNIQUES) p = applyTechnique(p, t).project;
  const [first, second, third] = p.tracks;
  const tracks = p.tracks.map((t) => {
    if (t === first) {
      return {
        ...t,
        trimDb: 3,
        inserts: {
          hpf: { bypass: false, freqHz: 120 },
          eq: {
            bypass: false,
            lowShelf: { freqHz: 150, gainDb: -3 },
            bell1: { freqHz: 500, gainDb: 4, q: 2 },
            bell2: { freqHz: 3000, gainDb: -5, q: 0.7 },
            highShelf: { freqHz: 9000, gainDb: 3 },
          },
          comp: { bypass: false, thresholdDb: -30, ratio: 6, attackMs: 5, releaseMs: 80, makeupDb: 6 },
          sat: { bypass: false, driveDb: 18 },
        },
        sends: t.sends.map((s) => ({ ...s, levelDb: -8, pre: true })),
        clips: t.clips.map((c) => ({ ...c, gainDb: -2, fadeInSec: 0.5, fadeOutSec: 0.8 })),
        automation: {
          volume: [
            { timeSec: 1, value: -20 },
            { timeSec: 6, value: 0 },
            { timeSec: 9, value: -60 },
            { timeSec: 12, value: -3 },
          ],
          pan: [
            { timeSec: 0, value: -1 },
            { timeSec: 8, value: 1 },
          ],
        },
      };
    }
    if (t === second) return { ...t, mute: true };
    if (t === third) return { ...t, sends: t.sends.map((s) => ({ ...s, levelDb: -6 })) };
    return t;
  });
  const m = p.master.mastering;
  const mastering = {
    ...m,
    eq: { ...m.eq, lowShelfDb: 2, bellDb: -2, highShelfDb: 3 },
    glue: { ...m.glue, enabled: true, thresholdDb: -24 },
    widthPct: 80,
    gainDb: 4,
  };
  return { ...p, title: `${p.title} + every technique`, tracks, master: { gainDb: -1, mastering } };
}

/** Renders a project through both paths once and compares them. */
async function fidelity(name: string, project: Project, buffers: ReadonlyMap<string, AudioBuffer>): Promise<TwinFidelity> {
  let before = offlineCounts();
  const earshot = await timed(() => renderProject(project, buffers, { sampleRate: SAMPLE_RATE }));
  const earshotNodes = diffCounts(offlineCounts(), before);
  before = offlineCounts();
  const twin = await timed(() => renderTwin(project, buffers, { sampleRate: SAMPLE_RATE }));
  const twinNodes = diffCounts(offlineCounts(), before);
  const mix = levels(earshot.value);
  const residual = levels(earshot.value, twin.value);
  return {
    project: name,
    tracks: project.tracks.length,
    buses: project.buses.length,
    renderedSec: project.durationSec,
    earshotPeakDb: mix.peakDb,
    earshotRmsDb: mix.rmsDb,
    levelDifferenceDb: mix.rmsDb - levels(twin.value).rmsDb,
    residualPeakDb: residual.peakDb,
    residualRmsDb: residual.rmsDb,
    residualBelowMixDb: mix.peakDb - residual.peakDb,
    residualPeakAtSec: residual.peakAtSec,
    earshotNodes,
    twinNodes,
    earshotMs: earshot.timing.ms,
    twinMs: twin.timing.ms,
  };
}

async function mixdown(demo: Demo, options: MixdownOptions): Promise<MixdownResult> {
  const project = upTo(demo.project, options.endSec);
  const earshot = () => renderProject(project, demo.buffers, { sampleRate: SAMPLE_RATE });
  const raw = () => renderTwin(project, demo.buffers, { sampleRate: SAMPLE_RATE });
  for (let i = 0; i < options.warmup; i++) {
    await earshot();
    await raw();
  }
  const earshotTimes: RenderTiming[] = [];
  const rawTimes: RenderTiming[] = [];
  // Alternate which path goes first, so slow drift (thermal, other processes) weighs on both alike.
  for (let i = 0; i < options.reps; i++) {
    const order: Array<'earshot' | 'raw'> = i % 2 === 0 ? ['earshot', 'raw'] : ['raw', 'earshot'];
    for (const which of order) {
      const run = await timed(which === 'earshot' ? earshot : raw);
      (which === 'earshot' ? earshotTimes : rawTimes).push(run.timing);
    }
  }
  const earshotMs = earshotTimes.map((t) => t.ms);
  const rawMs = rawTimes.map((t) => t.ms);
  const earshotMedianMs = median(earshotMs);
  const rawMedianMs = median(rawMs);
  const renderedSec = project.durationSec;
  const checks = [
    await fidelity('demo', project, demo.buffers),
    await fidelity('demo + every technique, automation, mastering', upTo(featureProject(demo.project), options.endSec), demo.buffers),
  ];
  return {
    renderedSec,
    tracks: project.tracks.length,
    earshotMs,
    rawMs,
    earshotMedianMs,
    rawMedianMs,
    ratio: earshotMedianMs / rawMedianMs,
    pairedRatio: median(earshotMs.map((ms, i) => ms / rawMs[i]!)),
    earshotBeforeRenderingMs: median(earshotTimes.map((t) => t.beforeRenderingMs)),
    earshotRenderingMs: median(earshotTimes.map((t) => t.renderingMs)),
    rawBeforeRenderingMs: median(rawTimes.map((t) => t.beforeRenderingMs)),
    rawRenderingMs: median(rawTimes.map((t) => t.renderingMs)),
    earshotRealtimeFactor: renderedSec / (earshotMedianMs / 1000),
    rawRealtimeFactor: renderedSec / (rawMedianMs / 1000),
    fidelity: checks,
  };
}

async function scaling(demo: Demo, options: ScalingOptions): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const size of options.sizes) {
    const project = upTo(syntheticProject(demo.project, size), options.endSec);
    const ms: number[] = [];
    const beforeRendering: number[] = [];
    let nodes: NodeCounts = { total: 0 };
    for (let i = 0; i < options.reps; i++) {
      const before = offlineCounts();
      const run = await timed(() => renderProject(project, demo.buffers, { sampleRate: SAMPLE_RATE }));
      nodes = diffCounts(offlineCounts(), before);
      ms.push(run.timing.ms);
      beforeRendering.push(run.timing.beforeRenderingMs);
    }
    const medianMs = median(ms);
    rows.push({
      tracks: size,
      renderedSec: project.durationSec,
      ms,
      medianMs,
      beforeRenderingMedianMs: median(beforeRendering),
      realtimeFactor: project.durationSec / (medianMs / 1000),
      nodes,
    });
  }
  return rows;
}

/** Waits for audio time to pass in a realtime context (so the transport has started its players). */
function waitAudio(context: BaseAudioContext, seconds: number): Promise<void> {
  const until = context.currentTime + seconds;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (context.currentTime >= until) resolve();
      else if (performance.now() - started > 10_000) reject(new Error(`the AudioContext is ${context.state}: its clock does not advance`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

/** Nodes a fresh realtime AudioEngine (meters on) makes for a project, from creation until it has played 0.3 s. */
async function liveNodes(project: Project, buffers: ReadonlyMap<string, AudioBuffer>): Promise<NodeCounts> {
  const native = new AudioContext({ latencyHint: 'interactive' });
  const engine = await AudioEngine.create({ context: new Tone.Context({ context: native, lookAhead: 0.05 }) });
  try {
    await engine.resume();
    for (const [id, buffer] of buffers) engine.library.buffers.set(id, buffer);
    engine.graph.apply(project, 0);
    engine.transport.start();
    await waitAudio(native, 0.3);
    engine.transport.stop();
    return countsOf(native);
  } finally {
    engine.dispose();
    await native.close();
  }
}

async function nodeCounts(demo: Demo, tracks: number): Promise<NodeCountResult> {
  const seconds = 1;
  // Offline: a render with no tracks against one with `tracks` noise tracks; the difference is per track.
  const empty = noiseProject(demo.project, 0, seconds);
  const full = noiseProject(demo.project, tracks, seconds);
  const c0 = offlineCounts();
  await renderProject(empty.project, empty.buffers, { sampleRate: SAMPLE_RATE });
  const c1 = offlineCounts();
  await renderProject(full.project, full.buffers, { sampleRate: SAMPLE_RATE });
  const c2 = offlineCounts();
  const offlinePerTrack = diffCounts(diffCounts(c2, c1), diffCounts(c1, c0), tracks);

  // Parts on their own.
  const scratch = new OfflineAudioContext({ numberOfChannels: 2, length: SAMPLE_RATE, sampleRate: SAMPLE_RATE });
  let before = countsOf(scratch);
  const bus = await MasterBus.create({ context: scratch, destination: scratch.destination });
  const masterBus = diffCounts(countsOf(scratch), before);
  const masterBusDeclared = bus.nodeCount;
  before = countsOf(scratch);
  const strip = new ChannelStrip({ context: scratch, destination: bus.input, busInput: () => null });
  const stripCounts = diffCounts(countsOf(scratch), before);
  strip.dispose();
  bus.dispose();
  const toneScratch = new OfflineAudioContext({ numberOfChannels: 2, length: SAMPLE_RATE, sampleRate: SAMPLE_RATE });
  before = countsOf(toneScratch);
  const toneContext = new Tone.OfflineContext(toneScratch);
  // Touch the transport and destination, as renderProject does, so their lazily made nodes are counted.
  void toneContext.transport;
  void toneContext.destination;
  const toneCounts = diffCounts(countsOf(toneScratch), before);
  toneContext.dispose();

  // Live: the realtime engine with peak meters, playing, with no tracks and then (a fresh engine) with `tracks`;
  // the difference is per track (meter taps included), free of what starting the transport makes once.
  const livePlaying = (project: Project) => liveNodes(project, full.buffers);
  const liveEmpty = await livePlaying(empty.project);
  const liveFull = await livePlaying(full.project);
  const livePerTrack = diffCounts(liveFull, liveEmpty, tracks);

  return {
    offlinePerTrack,
    livePerTrack,
    strip: stripCounts,
    stripDeclared: ChannelStrip.NODE_COUNT,
    masterBus,
    masterBusDeclared,
    toneContext: toneCounts,
    tracks,
  };
}

async function main(): Promise<void> {
  const demo = await loadDemo();
  window.earshotBench = {
    demo: { tracks: demo.project.tracks.length, durationSec: demo.project.durationSec },
    mixdown: (options) => mixdown(demo, options),
    scaling: (options) => scaling(demo, options),
    nodeCounts: (tracks) => nodeCounts(demo, tracks),
  };
  document.getElementById('status')!.textContent = 'ready';
}

main().catch((err: unknown) => {
  window.earshotBenchError = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  document.getElementById('status')!.textContent = `failed: ${window.earshotBenchError}`;
});
