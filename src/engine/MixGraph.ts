import * as Tone from 'tone';
import type { Bus, Clip, Project, Track } from '../state/project';
import { stripAudibility, type StripAudibility } from '../state/selectors';
import { BusStrip } from './BusStrip';
import { ChannelStrip, compressorLatencyFrames, RETIRE_MARGIN_SEC, setParam, type StripState } from './ChannelStrip';
import { MasterBus } from './MasterBus';
import { automationToParam, scheduleLane } from './automation';
import { clipStartTime, secondsOfTicks, startTick } from './transportTime';
import { automationValueAt } from '../state/edits';
import pitchShiftUrl from './worklets/pitchShift.worklet.ts?worker&url';
import duckerUrl from './worklets/ducker.worklet.ts?worker&url';
import { loadWorkletModule } from './worklets/loadWorkletModule';

/** Must match PITCH_SHIFT_PROCESSOR in the worklet. */
const PITCH_SHIFT = 'earshot-pitch-shift';
/** Must match DUCKER_PROCESSOR in the worklet. */
const DUCKER = 'earshot-ducker';

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

/** The shortest fade at clip edges, so a clip cut or entered mid-note does not click. */
const CLIP_FADE_SEC = 0.004;

/** The cross-fade between a track's direct path and its pitch shifter, put in or taken out while playing. */
const SWAP_SEC = 0.05;
/** The pitch shifter's sweep window (the worklet's default, 20 ms): its output lags its input by up to this. */
const SHIFTER_WINDOW_SEC = 0.02;

interface PlayerNode {
  readonly clip: Clip;
  readonly buffer: AudioBuffer;
  readonly player: Tone.Player;
}

interface TrackNode {
  readonly strip: ChannelStrip;
  readonly tap: AudioNode | null;
  /** Only on a detuned track or one with wow: the pitch shifter between its players and its strip. */
  shifter: AudioWorkletNode | null;
  /** Only on a ducked track: the gain computer listening to the key track. */
  ducker: { node: AudioWorkletNode; keyId: string; key: AudioNode } | null;
  players: Map<string, PlayerNode>;
  trimDb: number;
  track: Track | null;
}

interface BusNode {
  readonly bus: BusStrip;
  readonly tap: AudioNode | null;
}

/**
 * Builds the mix from a project: clip players synced to the context's transport, a channel strip per track,
 * a bus strip per bus, and the master bus. The same class serves realtime playback and offline export,
 * so an export is what you heard.
 *
 * Latency contract: every strip's compressor delays by L = compressorLatencyFrames (bypassed or not).
 * A track reaches the master directly (L) or through a bus (2L): the direct path goes through one shared
 * delay of L, so both arrive together and parallel paths (e.g. parallel compression) do not comb-filter.
 */
export class MixGraph {
  readonly master: MasterBus;
  readonly masterTap: AudioNode | null;
  private readonly context: Tone.BaseContext;
  private readonly raw: BaseAudioContext;
  private readonly buffers: ReadonlyMap<string, AudioBuffer>;
  private readonly tapFactory: TapFactory | undefined;
  private readonly direct: DelayNode;
  private readonly tracks = new Map<string, TrackNode>();
  private readonly buses = new Map<string, BusNode>();
  private readonly stripLatencySec: number;
  private project: Project | null = null;
  /** Strips and sends removed while sound plays: faded out, disposed once the clock passes `until`. */
  private readonly retiring: { until: number; dispose: () => void }[] = [];
  private retireTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly retireAfter = (until: number, dispose: () => void): void => {
    if (until <= this.raw.currentTime) dispose();
    else {
      this.retiring.push({ until, dispose });
      this.armRetireTimer();
    }
  };
  private bpm: number | null = null;
  private playing = false;
  private disposed = false;
  private readonly onStart = (time: number, offset: number): void => {
    this.playing = true;
    this.scheduleAutomation(offset, time);
  };
  private readonly onLoop = (time: number): void => {
    // The loop begins on the whole tick at or before its start (see transportTime.ts).
    if (this.project) this.scheduleAutomation(secondsOfTicks(this.context.transport, startTick(this.context.transport, this.project.loop.startSec)), time);
  };
  private readonly onStop = (): void => {
    this.playing = false;
  };

  private constructor(options: MixGraphOptions, master: MasterBus, masterTap: AudioNode | null) {
    this.context = options.context;
    this.raw = options.context.rawContext as unknown as BaseAudioContext;
    this.buffers = options.buffers;
    this.tapFactory = options.tap;
    this.masterTap = masterTap;
    this.master = master;
    const latencyFrames = compressorLatencyFrames(this.raw.sampleRate);
    this.stripLatencySec = (2 * latencyFrames) / this.raw.sampleRate;
    this.direct = new DelayNode(this.raw, { maxDelayTime: 0.05, delayTime: latencyFrames / this.raw.sampleRate });
    this.direct.connect(master.input);
    const transport = this.context.transport;
    transport.on('start', this.onStart);
    transport.on('loop', this.onLoop);
    transport.on('stop', this.onStop);
    transport.on('pause', this.onStop);
  }

  /** Builds the graph's fixed part (the master bus and its limiter worklet); tracks follow with apply(). */
  static async create(options: MixGraphOptions): Promise<MixGraph> {
    const raw = options.context.rawContext as unknown as BaseAudioContext;
    const masterTap = options.tap?.('master') ?? null;
    const taps = [...(masterTap ? [masterTap] : []), ...(options.masterTaps ?? [])];
    const [master] = await Promise.all([
      MasterBus.create({ context: raw, destination: options.destination ?? raw.destination, taps }),
      loadWorkletModule(raw, pitchShiftUrl),
      loadWorkletModule(raw, duckerUrl),
    ]);
    return new MixGraph(options, master, masterTap);
  }

  /** Delay from the clip players to the master output (strip compressors and mastering look-ahead), seconds. */
  get latencySec(): number {
    return this.stripLatencySec + this.master.latencySec;
  }

  /** Native nodes the mix owns: strips, sends, buses, the shared direct delay and the master bus. */
  get nodeCount(): number {
    let n = 1 + this.master.nodeCount;
    for (const t of this.tracks.values()) n += t.strip.nodeCount + (t.shifter ? 1 : 0) + (t.ducker ? 1 : 0);
    for (const b of this.buses.values()) n += b.bus.nodeCount;
    return n;
  }

  /** Gain reduction of a strip's compressor now, dB (≤ 0), or 0 for an unknown strip. */
  reductionDb(stripId: string): number {
    return this.tracks.get(stripId)?.strip.reductionDb ?? this.buses.get(stripId)?.bus.strip.reductionDb ?? 0;
  }

  /**
   * Brings the graph in line with the project: adds and removes tracks, buses and clips, and sets every strip.
   * @param rampSec parameter glide time; 0 for offline renders, ~0.02 s while playing
   */
  apply(project: Project, rampSec: number): void {
    if (this.disposed) return;
    const prev = this.project;
    this.project = project;
    // Synced players store their start in transport ticks, converted at the tempo of the moment: set the
    // tempo first, and re-place every clip when it changes, so clips stay at their times in seconds.
    if (this.bpm !== project.bpm) {
      this.context.transport.bpm.value = project.bpm;
      if (this.bpm !== null) for (const node of this.tracks.values()) this.dropPlayers(node);
      this.bpm = project.bpm;
    }
    this.flushRetired();
    const audibility = stripAudibility(project);
    this.syncBuses(project.buses, audibility, rampSec);
    const seen = new Set<string>();
    let automationChanged = false;
    for (const track of project.tracks) {
      seen.add(track.id);
      const node = this.tracks.get(track.id) ?? this.addTrack(track.id);
      const swapIn = this.setDetune(node, track.detuneCents, track.wowCents, rampSec);
      this.syncClips(node, track, rampSec, swapIn);
      node.strip.setMono(track.clips.every((c) => (this.buffers.get(c.assetId)?.numberOfChannels ?? 1) === 1));
      if (node.track?.automation !== track.automation) automationChanged = true;
      node.track = track;
      node.strip.automatedVolume = track.automation.volume.length > 0;
      node.strip.automatedPan = track.automation.pan.length > 0;
      node.strip.set(stripState(track, track.sends, audibility.get(track.id)), rampSec);
    }
    for (const id of [...this.tracks.keys()]) if (!seen.has(id)) this.removeTrack(id, rampSec);
    for (const track of project.tracks) this.setDuck(this.tracks.get(track.id) as TrackNode, track);
    this.master.setGainDb(project.master.gainDb, rampSec);
    this.master.setMastering(project.master.mastering, rampSec);
    if (automationChanged || prev?.loop !== project.loop) this.rescheduleAutomation();
  }

  get trackIds(): string[] {
    return [...this.tracks.keys()];
  }

  private syncBuses(buses: readonly Bus[], audibility: ReadonlyMap<string, StripAudibility>, rampSec: number): void {
    const seen = new Set<string>();
    for (const bus of buses) {
      seen.add(bus.id);
      let node = this.buses.get(bus.id);
      if (node && node.bus.effectType !== bus.effect.type) {
        this.removeBus(bus.id, rampSec);
        node = undefined;
      }
      if (!node) {
        const tap = this.tapFactory?.(bus.id) ?? null;
        node = { bus: new BusStrip({ context: this.raw, destination: this.master.input, tap, retire: this.retireAfter }, bus.effect), tap };
        this.buses.set(bus.id, node);
        // Strips whose sends pointed at a bus that did not exist yet connect on their next set().
      }
      node.bus.set(bus.effect, stripState(bus, [], audibility.get(bus.id)), rampSec);
    }
    for (const id of [...this.buses.keys()]) if (!seen.has(id)) this.removeBus(id, rampSec);
  }

  /** Takes a bus out; while sound plays (rampSec > 0) its return fades out first, so a ringing tail is not cut. */
  private removeBus(id: string, rampSec = 0): void {
    const node = this.buses.get(id);
    if (!node) return;
    this.buses.delete(id);
    const teardown = () => {
      node.bus.dispose();
      node.tap?.disconnect();
    };
    if (rampSec <= 0) teardown();
    else {
      node.bus.strip.fadeOut(rampSec);
      this.retireAfter(this.raw.currentTime + rampSec + RETIRE_MARGIN_SEC, teardown);
    }
  }

  /** Disposes what was retired and whose fade has played out; polls the clock while anything is left. */
  private flushRetired(): void {
    const now = this.raw.currentTime;
    for (let i = this.retiring.length - 1; i >= 0; i--) {
      const r = this.retiring[i]!;
      if (r.until > now) continue;
      this.retiring.splice(i, 1);
      r.dispose();
    }
    if (this.retiring.length > 0) this.armRetireTimer();
  }

  private armRetireTimer(): void {
    if (this.retireTimer !== null || this.disposed) return;
    this.retireTimer = setTimeout(() => {
      this.retireTimer = null;
      this.flushRetired();
    }, 100);
  }

  private addTrack(id: string): TrackNode {
    const tap = this.tapFactory?.(id) ?? null;
    const strip = new ChannelStrip({
      context: this.raw,
      destination: this.direct,
      tap,
      busInput: (busId) => this.buses.get(busId)?.bus.input ?? null,
      retire: this.retireAfter,
    });
    const node: TrackNode = { strip, tap, shifter: null, ducker: null, players: new Map(), trimDb: 0, track: null };
    this.tracks.set(id, node);
    return node;
  }

  /**
   * A detuned track, or one with wow and flutter, gets a pitch shifter (one worklet node); back at 0 cents and no
   * wow it is taken out again.
   * While the song plays, putting it in or taking it out is a cross-fade, never a rewiring of sounding players: the
   * shifter starts with an empty delay line and is ~10 ms late, so switching the players over would click (measured
   * 24× the signal's own largest step going in, 36× coming out). Instead the clips get new players on the new path,
   * which fade in over SWAP_SEC while the old ones fade out on the old path; the old shifter goes once it is silent.
   * @returns the time and length of the fade-in the track's new players need, or null
   */
  private setDetune(node: TrackNode, cents: number, wowCents: number, rampSec: number): { at: number; sec: number } | null {
    const needed = cents !== 0 || wowCents > 0;
    if (!needed && !node.shifter) return null;
    if (needed && node.shifter) {
      setParam(node.shifter.parameters.get('cents') as AudioParam, cents, this.raw.currentTime, rampSec);
      setParam(node.shifter.parameters.get('wow') as AudioParam, wowCents, this.raw.currentTime, rampSec);
      return null;
    }
    const old = node.shifter;
    if (needed) {
      const shifter = new AudioWorkletNode(this.raw, PITCH_SHIFT, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [2],
        parameterData: { cents, wow: wowCents },
      });
      shifter.connect(node.strip.input);
      node.shifter = shifter;
    } else node.shifter = null;
    const target = node.shifter ?? node.strip.input;
    if (rampSec <= 0 || !this.playing || node.players.size === 0) {
      for (const p of node.players.values()) {
        p.player.disconnect();
        p.player.connect(target);
      }
      if (old) disposeShifter(old);
      return null;
    }
    // New players start at the context's look-ahead time (Tone's now()), so the fades are scheduled from there.
    const at = this.context.now();
    for (const p of node.players.values()) this.retirePlayer(p.player, SWAP_SEC);
    node.players.clear();
    // The old shifter's output lags its input by up to one window (20 ms): let it play out before it goes.
    if (old) this.retireAfter(at + SWAP_SEC + SHIFTER_WINDOW_SEC + RETIRE_MARGIN_SEC, () => disposeShifter(old));
    return { at, sec: SWAP_SEC };
  }

  /** Sidechain: a ducked track's gain follows a ducker worklet fed by the key track's output. */
  private setDuck(node: TrackNode, track: Track): void {
    const duck = track.duck;
    const key = duck && duck.keyTrackId !== track.id ? this.tracks.get(duck.keyTrackId) : undefined;
    if (node.ducker && (!duck || !key || node.ducker.keyId !== duck.keyTrackId || node.ducker.key !== key.strip.post)) this.dropDucker(node);
    if (!duck || !key) return;
    const settings = { thresholdDb: -30, depthDb: duck.depthDb, attackMs: 3, releaseMs: duck.releaseMs };
    if (!node.ducker) {
      const worklet = new AudioWorkletNode(this.raw, DUCKER, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 1,
        channelCountMode: 'explicit',
        processorOptions: settings,
      });
      key.strip.post.connect(worklet);
      node.strip.setDuckSignal(worklet);
      node.ducker = { node: worklet, keyId: duck.keyTrackId, key: key.strip.post };
    } else node.ducker.node.port.postMessage(settings);
  }

  private dropDucker(node: TrackNode): void {
    const d = node.ducker;
    if (!d) return;
    node.strip.setDuckSignal(null);
    d.key.disconnect(d.node);
    d.node.port.postMessage({ type: 'dispose' });
    d.node.disconnect();
    node.ducker = null;
  }

  private dropPlayers(node: TrackNode): void {
    for (const p of node.players.values()) p.player.dispose();
    node.players.clear();
  }

  /** Takes a track out; while sound plays (rampSec > 0) its strip and sends fade out first, so it does not click. */
  private removeTrack(id: string, rampSec = 0): void {
    const node = this.tracks.get(id);
    if (!node) return;
    this.tracks.delete(id);
    // Tracks this one keyed lose their ducker at once (their next apply() sees the key is gone).
    for (const other of this.tracks.values()) if (other.ducker?.keyId === id) this.dropDucker(other);
    const teardown = () => {
      this.dropPlayers(node);
      this.dropDucker(node);
      if (node.shifter) disposeShifter(node.shifter);
      node.strip.dispose();
      node.tap?.disconnect();
    };
    if (rampSec <= 0) teardown();
    else {
      node.strip.fadeOut(rampSec);
      this.retireAfter(this.raw.currentTime + rampSec + RETIRE_MARGIN_SEC, teardown);
    }
  }

  /**
   * Lets go of a clip's player. While the song plays (a clip moved, trimmed or replaced under the playhead) it fades
   * out over rampSec first, and the clip's new player fades in (its clip-edge fade), so the edit does not click.
   * The fade starts at Tone's now() (the clock plus the look-ahead), where a player started now begins to sound.
   */
  private retirePlayer(player: Tone.Player, rampSec: number): void {
    if (rampSec <= 0 || !this.playing) {
      player.dispose();
      return;
    }
    const at = this.context.now();
    player.volume.cancelScheduledValues(at);
    player.volume.setValueAtTime(player.volume.getValueAtTime(at), at);
    player.volume.linearRampToValueAtTime(-Infinity, at + rampSec);
    this.retireAfter(at + rampSec + RETIRE_MARGIN_SEC, () => player.dispose());
  }

  /** @param fadeIn new players fade in from silence over this (a pitch shifter put in or taken out while playing) */
  private syncClips(node: TrackNode, track: Track, rampSec: number, fadeIn: { at: number; sec: number } | null = null): void {
    const wanted = new Set<string>();
    const trimChanged = node.trimDb !== track.trimDb;
    node.trimDb = track.trimDb;
    for (const clip of track.clips) {
      const buffer = this.buffers.get(clip.assetId);
      if (!buffer) continue;
      wanted.add(clip.id);
      const existing = node.players.get(clip.id);
      if (existing && existing.clip === clip && existing.buffer === buffer) {
        if (trimChanged) rampVolume(existing.player, clip.gainDb + track.trimDb, rampSec);
        continue;
      }
      if (existing) this.retirePlayer(existing.player, rampSec);
      const fadeOut = Math.max(CLIP_FADE_SEC, Math.min(clip.fadeOutSec, clip.durationSec));
      const player = new Tone.Player({
        context: this.context,
        url: new Tone.ToneAudioBuffer(buffer),
        fadeIn: Math.max(CLIP_FADE_SEC, clip.fadeInSec),
        fadeOut,
        volume: clip.gainDb + track.trimDb,
      });
      player.connect(node.shifter ?? node.strip.input);
      // Tone starts the fade-out fadeOut before the end of the duration, so the clip ends on time.
      // See transportTime.ts: a clip on a whole tick starts a sample late and skips that sample, so it is never
      // dropped or doubled when playback or a loop starts on it.
      const at = clipStartTime(this.context.transport, clip.startSec, this.raw.sampleRate);
      const skip = Math.max(0, at - clip.startSec);
      player.sync().start(at, clip.offsetSec + skip, clip.durationSec - skip);
      if (fadeIn) {
        player.volume.setValueAtTime(-Infinity, fadeIn.at);
        player.volume.linearRampToValueAtTime(clip.gainDb + track.trimDb, fadeIn.at + fadeIn.sec);
      }
      node.players.set(clip.id, { clip, buffer, player });
    }
    for (const [id, p] of [...node.players]) {
      if (!wanted.has(id)) {
        this.retirePlayer(p.player, rampSec);
        node.players.delete(id);
      }
    }
  }

  /** Schedules every automation lane from song time fromSec, which plays at context time `at`. */
  private scheduleAutomation(fromSec: number, at: number): void {
    const project = this.project;
    if (!project) return;
    const loop = project.loop;
    const toSec = loop.enabled && fromSec < loop.endSec ? loop.endSec : project.durationSec;
    for (const node of this.tracks.values()) {
      const t = node.track;
      if (!t) continue;
      if (t.automation.volume.length > 0) scheduleLane(node.strip.fader.gain, 'volume', t.automation.volume, fromSec, toSec, at);
      if (t.automation.pan.length > 0) scheduleLane(node.strip.panner.pan, 'pan', t.automation.pan, fromSec, toSec, at);
    }
  }

  /** After an edit: lanes follow the new points from now on (or, when stopped, show the value at the playhead). */
  private rescheduleAutomation(): void {
    const transport = this.context.transport;
    const now = this.raw.currentTime;
    if (this.playing && transport.state === 'started') {
      this.scheduleAutomation(transport.getSecondsAtTime(now), now);
      return;
    }
    const at = transport.seconds;
    for (const node of this.tracks.values()) {
      const t = node.track;
      if (!t) continue;
      const vol = automationValueAt(t.automation.volume, at);
      if (vol !== null) setParam(node.strip.fader.gain, automationToParam('volume', vol), now, 0);
      const pan = automationValueAt(t.automation.pan, at);
      if (pan !== null) setParam(node.strip.panner.pan, automationToParam('pan', pan), now, 0);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    const transport = this.context.transport;
    transport.off('start', this.onStart);
    transport.off('loop', this.onLoop);
    transport.off('stop', this.onStop);
    transport.off('pause', this.onStop);
    for (const id of [...this.tracks.keys()]) this.removeTrack(id);
    for (const id of [...this.buses.keys()]) this.removeBus(id);
    if (this.retireTimer !== null) clearTimeout(this.retireTimer);
    this.retireTimer = null;
    for (const r of this.retiring.splice(0)) r.dispose();
    this.direct.disconnect();
    this.master.dispose();
    this.masterTap?.disconnect();
    this.disposed = true;
  }
}

function disposeShifter(shifter: AudioWorkletNode): void {
  shifter.port.postMessage({ type: 'dispose' });
  shifter.disconnect();
}

function stripState(s: Track | Bus, sends: Track['sends'], a: StripAudibility | undefined): StripState {
  return { inserts: s.inserts, gainDb: s.gainDb, pan: s.pan, audible: a?.audible ?? true, feeding: a?.feeding ?? true, sends };
}

function rampVolume(player: Tone.Player, db: number, rampSec: number): void {
  if (rampSec > 0) player.volume.rampTo(db, rampSec);
  else player.volume.value = db;
}
