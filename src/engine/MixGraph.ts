import * as Tone from 'tone';
import type { Clip, Project, Track } from '../state/project';
import { isAudible } from '../state/selectors';
import { ChannelStrip } from './ChannelStrip';
import { MasterBus } from './MasterBus';

/** Makes a post-fader tap for a strip id ("master" for the master bus), or null for none. */
export type TapFactory = (id: string) => AudioNode | null;

export interface MixGraphOptions {
  /** A Tone context wrapping a native AudioContext or OfflineAudioContext. */
  readonly context: Tone.BaseContext;
  /** Decoded audio by asset id. A missing asset leaves its clips silent; the rest still plays. */
  readonly buffers: ReadonlyMap<string, AudioBuffer>;
  readonly destination?: AudioNode;
  readonly tap?: TapFactory;
  /** More taps of the master output, e.g. the loudness monitor. */
  readonly masterTaps?: readonly AudioNode[];
}

/** Short fades at clip edges, so a clip cut or entered mid-note does not click. */
const CLIP_FADE_SEC = 0.004;

interface TrackNode {
  readonly strip: ChannelStrip;
  readonly tap: AudioNode | null;
  players: Map<string, { clip: Clip; buffer: AudioBuffer; player: Tone.Player }>;
}

/**
 * Builds the mix from a project: clip players synced to the context's transport, a channel strip per track,
 * and the master bus. The same class serves realtime playback and offline export, so an export is what you heard.
 */
export class MixGraph {
  readonly master: MasterBus;
  readonly masterTap: AudioNode | null;
  private readonly context: Tone.BaseContext;
  private readonly raw: BaseAudioContext;
  private readonly buffers: ReadonlyMap<string, AudioBuffer>;
  private readonly tapFactory: TapFactory | undefined;
  private readonly tracks = new Map<string, TrackNode>();
  private bpm: number | null = null;
  private disposed = false;

  private constructor(options: MixGraphOptions, master: MasterBus, masterTap: AudioNode | null) {
    this.context = options.context;
    this.raw = options.context.rawContext as unknown as BaseAudioContext;
    this.buffers = options.buffers;
    this.tapFactory = options.tap;
    this.masterTap = masterTap;
    this.master = master;
  }

  /** Builds the graph's fixed part (the master bus and its limiter worklet); tracks follow with apply(). */
  static async create(options: MixGraphOptions): Promise<MixGraph> {
    const raw = options.context.rawContext as unknown as BaseAudioContext;
    const masterTap = options.tap?.('master') ?? null;
    const taps = [...(masterTap ? [masterTap] : []), ...(options.masterTaps ?? [])];
    const master = await MasterBus.create({ context: raw, destination: options.destination ?? raw.destination, taps });
    return new MixGraph(options, master, masterTap);
  }

  /** Delay from the strips to the master output (mastering chain look-ahead), seconds. */
  get latencySec(): number {
    return this.master.latencySec;
  }

  /**
   * Brings the graph in line with the project: adds and removes tracks and clips, and sets every strip.
   * @param rampSec parameter glide time; 0 for offline renders, ~0.02 s while playing
   */
  apply(project: Project, rampSec: number): void {
    if (this.disposed) return;
    // Synced players store their start in transport ticks, converted at the tempo of the moment: set the
    // tempo first, and re-place every clip when it changes, so clips stay at their times in seconds.
    if (this.bpm !== project.bpm) {
      this.context.transport.bpm.value = project.bpm;
      if (this.bpm !== null) for (const node of this.tracks.values()) this.dropPlayers(node);
      this.bpm = project.bpm;
    }
    const anySolo = project.tracks.some((t) => t.solo);
    const seen = new Set<string>();
    for (const track of project.tracks) {
      seen.add(track.id);
      const node = this.tracks.get(track.id) ?? this.addTrack(track.id);
      this.syncClips(node, track);
      node.strip.set({ gainDb: track.gainDb, pan: track.pan, audible: isAudible(track, anySolo) }, rampSec);
    }
    for (const id of [...this.tracks.keys()]) if (!seen.has(id)) this.removeTrack(id);
    this.master.setGainDb(project.master.gainDb, rampSec);
    this.master.setMastering(project.master.mastering, rampSec);
  }

  get trackIds(): string[] {
    return [...this.tracks.keys()];
  }

  private addTrack(id: string): TrackNode {
    const tap = this.tapFactory?.(id) ?? null;
    const strip = new ChannelStrip({ context: this.raw, destination: this.master.input, tap });
    const node: TrackNode = { strip, tap, players: new Map() };
    this.tracks.set(id, node);
    return node;
  }

  private dropPlayers(node: TrackNode): void {
    for (const p of node.players.values()) p.player.dispose();
    node.players.clear();
  }

  private removeTrack(id: string): void {
    const node = this.tracks.get(id);
    if (!node) return;
    this.dropPlayers(node);
    node.strip.dispose();
    node.tap?.disconnect();
    this.tracks.delete(id);
  }

  private syncClips(node: TrackNode, track: Track): void {
    const wanted = new Set<string>();
    for (const clip of track.clips) {
      const buffer = this.buffers.get(clip.assetId);
      if (!buffer) continue;
      wanted.add(clip.id);
      const existing = node.players.get(clip.id);
      if (existing && existing.clip === clip && existing.buffer === buffer) continue;
      existing?.player.dispose();
      const player = new Tone.Player({
        context: this.context,
        url: new Tone.ToneAudioBuffer(buffer),
        fadeIn: CLIP_FADE_SEC,
        fadeOut: CLIP_FADE_SEC,
      });
      player.connect(node.strip.input);
      player.sync().start(clip.startSec, clip.offsetSec, clip.durationSec);
      node.players.set(clip.id, { clip, buffer, player });
    }
    for (const [id, p] of [...node.players]) {
      if (!wanted.has(id)) {
        p.player.dispose();
        node.players.delete(id);
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    for (const id of [...this.tracks.keys()]) this.removeTrack(id);
    this.master.dispose();
    this.masterTap?.disconnect();
    this.disposed = true;
  }
}
