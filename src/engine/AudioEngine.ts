import * as Tone from 'tone';
import type { AssetRef } from '../state/project';
import type { EarshotStore } from '../state/store';
import { AssetLibrary, type AssetEvent } from './assets/AssetLibrary';
import { encodeWav } from './export/encodeWav';
import { Metronome } from './Metronome';
import { MixGraph } from './MixGraph';
import { PeakMeters } from './PeakMeters';
import { renderProject } from './render';

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
  private readonly meters: PeakMeters | null;
  private disposed = false;

  private constructor(context: Tone.Context, meters: PeakMeters | null) {
    this.context = context;
    this.raw = context.rawContext as unknown as AudioContext;
    this.meters = meters;
    this.library = new AssetLibrary(this.raw);
    this.graph = new MixGraph({ context, buffers: this.library.buffers, tap: meters ? meters.tap : undefined });
    this.metronome = new Metronome(context);
  }

  static async create(options: AudioEngineOptions = {}): Promise<AudioEngine> {
    const context =
      options.context ?? new Tone.Context({ context: new AudioContext({ latencyHint: 'interactive' }), lookAhead: LOOK_AHEAD_SEC });
    Tone.setContext(context);
    const raw = context.rawContext as unknown as AudioContext;
    const meters = options.meters === false ? null : await PeakMeters.create(raw);
    return new AudioEngine(context, meters);
  }

  get transport(): ReturnType<typeof Tone.getTransport> {
    return this.context.transport;
  }

  /** Where the listener is in the song now, seconds (the audio clock, not the scheduler's look-ahead). */
  getPositionSec(): number {
    if (this.transport.state !== 'started') return this.transport.seconds;
    return Math.max(0, this.transport.getSecondsAtTime(this.raw.currentTime));
  }

  /** Latest post-fader [peakL, peakR] of a track, or of "master"; linear. */
  readMeter(id: string): Float32Array {
    return this.meters?.read(id) ?? SILENT;
  }

  /** Resumes an AudioContext the autoplay policy held back. Must run inside a user gesture to succeed. */
  async resume(): Promise<void> {
    if (this.raw.state !== 'running') await this.raw.resume();
  }

  loadAssets(assets: readonly AssetRef[], onEvent: (e: AssetEvent) => void): Promise<void> {
    return this.library.loadAll(assets, onEvent);
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.transport.stop();
    this.transport.cancel(0);
    this.metronome.dispose();
    this.graph.dispose();
    this.meters?.dispose();
    this.library.dispose();
  }
}

const SILENT = new Float32Array(2);
