import * as Tone from 'tone';
import type { AssetRef } from '../state/project';
import type { EarshotStore } from '../state/store';
import { AssetLibrary, type AssetEvent, type PrefetchedAssets } from './assets/AssetLibrary';
import { encodeWav } from './export/encodeWav';
import { Metronome } from './Metronome';
import { MixGraph } from './MixGraph';
import { PeakMeters } from './PeakMeters';
import { renderProject } from './render';
import { Analyzer } from './analysis/Analyzer';
import { LoudnessMonitor, type LoudnessHistory, type LoudnessReading } from './LoudnessMonitor';
import { analyzeBuffer, analyzeMix, autoMaster } from './mastering';
import { Comparison, measureMatch, type LoudnessMatch, type Side } from './Comparison';
import type { Project } from '../state/project';

/** Largest file "Analyze a file" accepts: decoding needs ~4× the file in memory. */
export const MAX_ANALYSIS_FILE_BYTES = 512 * 1024 * 1024;

export interface ExportOptions {
  readonly sampleRate: 44100 | 48000;
  readonly bitDepth: 16 | 24;
}

export interface AudioEngineOptions {
  /** A Tone context to run on; by default a new realtime one. Tests pass their own. */
  readonly context?: Tone.Context;
  /** Live peak meters (an AudioWorklet per strip). Default true. */
  readonly meters?: boolean;
}

/** Seconds the transport schedules ahead of the audio clock: short enough to feel immediate. */
const LOOK_AHEAD_SEC = 0.05;

/**
 * The realtime engine: a Tone context and transport, the mix graph, meters and the metronome.
 * It never keeps its own copy of the project: bindStore() makes it follow the store.
 */
export class AudioEngine {
  readonly context: Tone.Context;
  readonly raw: AudioContext;
  readonly library: AssetLibrary;
  readonly graph: MixGraph;
  readonly metronome: Metronome;
  readonly loudness: LoudnessMonitor | null;
  readonly analyzer = new Analyzer();
  private readonly meters: PeakMeters | null;
  /** The main mix's output gain: version B of an A/B comparison. */
  private readonly mainOut: GainNode;
  private comparison: Comparison | null = null;
  private disposed = false;

  private constructor(context: Tone.Context, meters: PeakMeters | null, loudness: LoudnessMonitor | null, library: AssetLibrary, graph: MixGraph, mainOut: GainNode) {
    this.mainOut = mainOut;
    this.context = context;
    this.loudness = loudness;
    this.raw = context.rawContext as unknown as AudioContext;
    this.meters = meters;
    this.library = library;
    this.graph = graph;
    this.metronome = new Metronome(context);
  }

  /**
   * The live context create() makes when it is given none. Made first, the app can decode the song's audio in it
   * while create() loads the worklet modules.
   */
  static createContext(): Tone.Context {
    return new Tone.Context({ context: new AudioContext({ latencyHint: 'interactive' }), lookAhead: LOOK_AHEAD_SEC });
  }

  static async create(options: AudioEngineOptions = {}): Promise<AudioEngine> {
    const context = options.context ?? AudioEngine.createContext();
    Tone.setContext(context);
    const raw = context.rawContext as unknown as AudioContext;
    const meters = options.meters === false ? null : await PeakMeters.create(raw);
    const loudness = options.meters === false ? null : await LoudnessMonitor.create(raw);
    const library = new AssetLibrary(raw);
    const mainOut = new GainNode(raw);
    mainOut.connect(raw.destination);
    const graph = await MixGraph.create({
      context,
      destination: mainOut,
      buffers: library.buffers,
      tap: meters ? meters.tap : undefined,
      masterTaps: loudness ? [loudness.input] : [],
    });
    return new AudioEngine(context, meters, loudness, library, graph, mainOut);
  }

  get transport(): ReturnType<typeof Tone.getTransport> {
    return this.context.transport;
  }

  /** Where the listener is in the song now, seconds (the audio clock, not the scheduler's look-ahead). */
  getPositionSec(): number {
    if (this.transport.state !== 'started') return this.transport.seconds;
    // What is heard now left the transport one chain-latency ago.
    return Math.max(0, this.transport.getSecondsAtTime(this.raw.currentTime - this.graph.latencySec));
  }

  /** Latest post-fader [peakL, peakR] of a track, or of "master"; linear. */
  readMeter(id: string): Float32Array {
    return this.meters?.read(id) ?? SILENT;
  }

  /** Resumes an AudioContext the autoplay policy held back. Must run inside a user gesture to succeed. */
  async resume(): Promise<void> {
    if (this.raw.state !== 'running') await this.raw.resume();
  }

  /** @param prefetched decodes started at boot (prefetchAssets), used instead of fetching again */
  loadAssets(assets: readonly AssetRef[], onEvent: (e: AssetEvent) => void, prefetched?: PrefetchedAssets): Promise<void> {
    return this.library.loadAll(assets, onEvent, prefetched);
  }

  /** Adds decoded user audio (an import or a take); its peaks are computed once, in the worker. */
  addDecodedAsset(id: string, buffer: AudioBuffer, onEvent: (e: AssetEvent) => void): Promise<void> {
    return this.library.addDecoded(id, buffer, onEvent);
  }

  hasAsset(id: string): boolean {
    return this.library.buffers.has(id);
  }

  private nextStartAt: number | null = null;

  /**
   * Makes the next Play start the transport at a context time rather than at once: a recording's count-in
   * ends there, and the take and the song start on the same frame.
   */
  startNextPlayAt(contextTime: number): void {
    this.nextStartAt = contextTime;
  }

  /** For bindStore: when the transport should start, and forget the request. */
  takeStartTime(): number {
    const now = this.context.now();
    const at = this.nextStartAt;
    this.nextStartAt = null;
    return at !== null && at > now ? at : now;
  }

  /** Renders the store's project offline through the same graph code and encodes a WAV file. */
  async exportMix(store: EarshotStore, options: ExportOptions, onProgress: (fraction: number) => void): Promise<Blob> {
    const project = store.getState().project;
    const rendered = await renderProject(project, this.library.buffers, {
      sampleRate: options.sampleRate,
      onProgress: (f) => onProgress(f * 0.9),
    });
    const channels: Float32Array[] = [];
    for (let c = 0; c < rendered.numberOfChannels; c++) channels.push(rendered.getChannelData(c));
    const bytes = await encodeWav({ channels, sampleRate: options.sampleRate, bitDepth: options.bitDepth, ditherSeed: 0x5eed });
    onProgress(1);
    return new Blob([bytes], { type: 'audio/wav' });
  }

  /** The live loudness of the master output (BS.1770, from an AudioWorklet), read once per frame. */
  readLoudness(): Readonly<LoudnessReading> | null {
    return this.loudness?.read() ?? null;
  }

  loudnessHistory(): LoudnessHistory | null {
    return this.loudness?.history() ?? null;
  }

  resetLoudness(): void {
    this.loudness?.reset();
  }

  /** Renders the mix offline through the whole chain and stores its loudness analysis. */
  async analyzeMix(store: EarshotStore, onProgress: (f: number) => void): Promise<void> {
    const project = store.getState().project;
    const analysis = await analyzeMix(project, this.library.buffers, this.analyzer, onProgress);
    store.getState().actions.setMixAnalysis(analysis, project);
  }

  /** Decodes a file the user chose (once) and stores its loudness analysis; the project is not touched. */
  async analyzeFile(store: EarshotStore, file: File): Promise<void> {
    if (file.size === 0) throw new Error(`${file.name} is empty (0 bytes)`);
    if (file.size > MAX_ANALYSIS_FILE_BYTES) throw new Error(`${file.name} is ${(file.size / 2 ** 20).toFixed(0)} MB, over the ${MAX_ANALYSIS_FILE_BYTES / 2 ** 20} MB limit`);
    let buffer: AudioBuffer;
    try {
      buffer = await this.raw.decodeAudioData(await file.arrayBuffer());
    } catch {
      throw new Error(`${file.name} could not be decoded: it is not audio this browser can read`);
    }
    store.getState().actions.setFileAnalysis(await analyzeBuffer(file.name, buffer, this.analyzer));
  }

  /** Sets gain and limiter to hit the chosen loudness target, then re-measures and reports. */
  async autoMaster(store: EarshotStore, onProgress: (f: number) => void): Promise<void> {
    const { mastering, report } = await autoMaster(store.getState().project, this.library.buffers, this.analyzer, onProgress);
    const { actions } = store.getState();
    actions.updateMastering(() => mastering);
    actions.setMixAnalysis(report.after, store.getState().project);
    actions.setAutoMasterReport(report);
    // The live integrated reading so far measured the old master; start it again for the new one.
    this.resetLoudness();
  }

  /**
   * Starts (or retargets) an A/B comparison: A is `withoutProject` playing beside the main mix (B) on the same
   * transport; both are measured offline over an excerpt and matched in loudness. Starts on B.
   */
  async compare(a: Project, b: Project, excerpt: { startSec: number; endSec: number }): Promise<LoudnessMatch> {
    this.comparison ??= await Comparison.create({ context: this.context, buffers: this.library.buffers, destination: this.raw.destination, bInput: this.mainOut });
    this.comparison.setA(a, 0.02);
    const match = await measureMatch(a, b, this.library.buffers, excerpt, this.raw.sampleRate);
    this.comparison?.setMatch(match.offsetDb, this.raw.currentTime);
    return match;
  }

  /** Cross-fades to A or B (≤ 20 ms). */
  selectSide(side: Side): void {
    this.comparison?.select(side, this.raw.currentTime);
  }

  /** Ends the comparison: only the main mix plays, at its own level. */
  stopComparing(): void {
    this.comparison?.dispose();
    this.comparison = null;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopComparing();
    this.analyzer.dispose();
    this.loudness?.dispose();
    this.transport.stop();
    this.transport.cancel(0);
    this.metronome.dispose();
    this.graph.dispose();
    this.meters?.dispose();
    this.library.dispose();
  }
}

const SILENT = new Float32Array(2);
