/**
 * The raw twin of Earshot's export path: the same project rendered through the same graph, built by hand from plain
 * native nodes, with no Tone.js and no transport. Timing it against renderProject() isolates what Tone costs (its
 * offline clock pre-pass, its player wrappers and context nodes); a null test against renderProject() proves the
 * two graphs are the same.
 *
 * It mirrors, node for node and parameter for parameter (keep them in step):
 * - render.ts: an OfflineAudioContext of pre-roll + song + 50 ms, the song starts after PRE_ROLL_SEC, the chain's
 *   latency is dropped from the start of the result;
 * - MixGraph: clips → [pitch shifter worklet on a detuned track] → ChannelStrip → one shared direct DelayNode of a
 *   compressor's look-ahead → master; buses return straight to the master; a ducked track's gain follows a ducker
 *   worklet keyed from another track's output; volume and pan automation from the song's start;
 * - ChannelStrip: low shelf → bell → bell → high shelf → high-pass wet ‖ dry → compressor → make-up →
 *   wave shaper wet ‖ dry → [pre sends] → pan → [duck] → fader → [post sends] → mute;
 * - BusStrip: reverb (pre-delay → feed gain → convolver → low cut → high cut), delay (delay → gate ⇄ tone → feedback),
 *   or a gain (the feed and the gate are what make live changes click-free; a render leaves them at 1);
 * - MasterBus: fader → EQ → glue ‖ delayed dry → width → gain → limiter ‖ delayed dry → output → monitor.
 * Only the clip players differ by design: Tone.Player is a volume gain, and per start a buffer source with a fade
 * gain; here a clip is a buffer source and one gain carrying both the fade envelope and the clip gain and trim.
 * The worklets (limiter, pitch shifter, ducker) are Earshot's own processors, loaded here exactly as MixGraph does.
 */
import { dbToGain, faderGain } from '../../src/dsp/decibels';
import { nativeMakeupDb } from '../../src/dsp/compressorCurve';
import { reverbImpulse } from '../../src/dsp/impulseResponse';
import { clampPan } from '../../src/dsp/pan';
import { saturationCurve } from '../../src/dsp/saturation';
import { compressorLatencyFrames } from '../../src/engine/ChannelStrip';
import { LimiterNode } from '../../src/engine/LimiterNode';
import { compressorDelaySec } from '../../src/engine/MasterBus';
import { automationToParam, scheduleLane } from '../../src/engine/automation';
import { PRE_ROLL_SEC } from '../../src/engine/render';
import { clipStartTime } from '../../src/engine/transportTime';
import duckerUrl from '../../src/engine/worklets/ducker.worklet.ts?worker&url';
import { loadWorkletModule } from '../../src/engine/worklets/loadWorkletModule';
import pitchShiftUrl from '../../src/engine/worklets/pitchShift.worklet.ts?worker&url';
import { automationValueAt } from '../../src/state/edits';
import type { MasteringSettings } from '../../src/state/mastering';
import type { Bus, Clip, Project, Send, StripSettings, Track } from '../../src/state/project';
import { stripAudibility, type StripAudibility } from '../../src/state/selectors';

/** As render.ts: room reserved for the chain's look-ahead. */
const LATENCY_GUESS_SEC = 0.05;
/** As MixGraph: the shortest fade at clip edges. */
const CLIP_FADE_SEC = 0.004;
/** As MasterBus.create(). */
const LIMITER_LOOKAHEAD_MS = 3;
/** Tone's transport resolution, ticks per quarter note (its default, which Earshot keeps). */
const TONE_PPQ = 192;
/** As MixGraph's worklets. */
const PITCH_SHIFT = 'earshot-pitch-shift';
const DUCKER = 'earshot-ducker';

/** Options of {@link renderTwin}, as renderProject's (an export always starts at the song's start here). */
export interface TwinOptions {
  /** Output rate, Hz. */
  readonly sampleRate: number;
  /** Song time to end at; default the project's duration. */
  readonly endSec?: number;
}

const stereo = { channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' } as const;

/** The nodes of a built strip that other parts connect to. */
interface Strip {
  readonly input: AudioNode;
  readonly panner: StereoPannerNode;
  readonly fader: GainNode;
  readonly output: GainNode;
}

/**
 * A channel strip, as ChannelStrip builds it and set() leaves it with rampSec 0.
 * @param mono null for a bus (its make-up keeps the default channel handling), else whether every clip is mono
 * @param duck a ducker's output for a ducked track, else null
 */
function buildStrip(
  ctx: BaseAudioContext,
  s: StripSettings,
  a: StripAudibility | undefined,
  mono: boolean | null,
  automated: { volume: boolean; pan: boolean },
  sends: ReadonlyArray<{ send: Send; bus: AudioNode }>,
  duck: AudioNode | null,
  destination: AudioNode,
): Strip {
  const { hpf, eq, comp, sat } = s.inserts;
  const feeding = a?.feeding ?? true;
  const audible = a?.audible ?? true;
  const eqOn = !eq.bypass;
  const lowShelf = new BiquadFilterNode(ctx, { type: 'lowshelf', frequency: eq.lowShelf.freqHz, gain: eqOn ? eq.lowShelf.gainDb : 0 });
  const bell1 = new BiquadFilterNode(ctx, { type: 'peaking', frequency: eq.bell1.freqHz, gain: eqOn ? eq.bell1.gainDb : 0, Q: eq.bell1.q });
  const bell2 = new BiquadFilterNode(ctx, { type: 'peaking', frequency: eq.bell2.freqHz, gain: eqOn ? eq.bell2.gainDb : 0, Q: eq.bell2.q });
  const highShelf = new BiquadFilterNode(ctx, { type: 'highshelf', frequency: eq.highShelf.freqHz, gain: eqOn ? eq.highShelf.gainDb : 0 });
  const highPass = new BiquadFilterNode(ctx, { type: 'highpass', frequency: hpf.freqHz, Q: Math.SQRT1_2 });
  const highPassWet = new GainNode(ctx, { gain: hpf.bypass ? 0 : 1 });
  const highPassDry = new GainNode(ctx, { gain: hpf.bypass ? 1 : 0 });
  const threshold = comp.bypass ? 0 : comp.thresholdDb;
  const ratio = comp.bypass ? 1 : comp.ratio;
  const compressor = new DynamicsCompressorNode(ctx, {
    knee: 0,
    threshold,
    ratio,
    attack: comp.attackMs / 1000,
    release: comp.releaseMs / 1000,
  });
  const makeup = new GainNode(ctx, {
    gain: feeding ? dbToGain(comp.bypass ? 0 : comp.makeupDb) * dbToGain(-nativeMakeupDb(threshold, ratio)) : 0,
    ...(mono === null ? {} : { channelCount: mono ? 1 : 2, channelCountMode: mono ? 'explicit' : 'max' }),
  });
  const shaper = new WaveShaperNode(ctx, { oversample: 'none', curve: saturationCurve(sat.driveDb) });
  const wet = new GainNode(ctx, { gain: sat.bypass ? 0 : 1 });
  const dry = new GainNode(ctx, { gain: sat.bypass ? 1 : 0 });
  const panner = new StereoPannerNode(ctx, { pan: automated.pan ? 0 : clampPan(s.pan) });
  const fader = new GainNode(ctx, { gain: automated.volume ? 1 : faderGain(s.gainDb) });
  const output = new GainNode(ctx, { gain: audible ? 1 : 0 });

  lowShelf.connect(bell1).connect(bell2).connect(highShelf);
  highShelf.connect(highPass).connect(highPassWet).connect(compressor);
  highShelf.connect(highPassDry).connect(compressor);
  compressor.connect(makeup);
  makeup.connect(shaper).connect(wet).connect(panner);
  makeup.connect(dry).connect(panner);
  if (duck) {
    const gain = new GainNode(ctx, { gain: 0 });
    panner.connect(gain).connect(fader);
    duck.connect(gain.gain);
  } else panner.connect(fader);
  fader.connect(output).connect(destination);
  for (const { send, bus } of sends) {
    const gain = new GainNode(ctx, { gain: faderGain(send.levelDb) });
    gain.connect(bus);
    if (send.pre) {
      wet.connect(gain);
      dry.connect(gain);
    } else fader.connect(gain);
  }
  return { input: lowShelf, panner, fader, output };
}

/** A bus, as BusStrip builds it: its effect into its strip, the strip to the master. */
function buildBus(ctx: BaseAudioContext, bus: Bus, a: StripAudibility | undefined, master: AudioNode): AudioNode {
  const strip = buildStrip(ctx, bus, a, null, { volume: false, pan: false }, [], null, master);
  const effect = bus.effect;
  if (effect.type === 'reverb') {
    const [l, r] = reverbImpulse({ sampleRate: ctx.sampleRate, decaySec: effect.decaySec, dampHz: effect.dampHz });
    const ir = new AudioBuffer({ numberOfChannels: 2, length: l.length, sampleRate: ctx.sampleRate });
    ir.copyToChannel(l, 0);
    ir.copyToChannel(r, 1);
    const preDelay = new DelayNode(ctx, { maxDelayTime: 0.25, delayTime: effect.preDelayMs / 1000 });
    const convolver = new ConvolverNode(ctx, { disableNormalization: true, buffer: ir });
    const lowCut = new BiquadFilterNode(ctx, { type: 'highpass', frequency: effect.lowCutHz, Q: Math.SQRT1_2 });
    const highCut = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.highCutHz, Q: Math.SQRT1_2 });
    preDelay.connect(new GainNode(ctx)).connect(convolver).connect(lowCut).connect(highCut).connect(strip.input);
    return preDelay;
  }
  if (effect.type === 'delay') {
    const delay = new DelayNode(ctx, { maxDelayTime: 2.1, delayTime: effect.timeMs / 1000 });
    const tone = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: effect.toneHz, Q: Math.SQRT1_2 });
    const feedback = new GainNode(ctx, { gain: effect.feedback });
    const gate = new GainNode(ctx);
    delay.connect(gate).connect(tone).connect(feedback).connect(delay);
    gate.connect(strip.input);
    return delay;
  }
  const input = new GainNode(ctx);
  input.connect(strip.input);
  return input;
}

/** The master bus, as MasterBus builds it and setMastering() leaves it with rampSec 0. */
async function buildMaster(ctx: BaseAudioContext, m: MasteringSettings, masterGainDb: number): Promise<{ input: GainNode; latencySec: number }> {
  const on = m.enabled;
  const glueOn = on && m.glue.enabled;
  const input = new GainNode(ctx, stereo);
  const fader = new GainNode(ctx, { gain: faderGain(masterGainDb), ...stereo });
  const lowShelf = new BiquadFilterNode(ctx, { type: 'lowshelf', frequency: m.eq.lowShelfHz, gain: on ? m.eq.lowShelfDb : 0, ...stereo });
  const bell = new BiquadFilterNode(ctx, { type: 'peaking', frequency: m.eq.bellHz, Q: m.eq.bellQ, gain: on ? m.eq.bellDb : 0, ...stereo });
  const highShelf = new BiquadFilterNode(ctx, { type: 'highshelf', frequency: m.eq.highShelfHz, gain: on ? m.eq.highShelfDb : 0, ...stereo });
  const glue = new DynamicsCompressorNode(ctx, {
    knee: 6,
    threshold: m.glue.thresholdDb,
    ratio: m.glue.ratio,
    attack: m.glue.attackMs / 1000,
    release: m.glue.releaseMs / 1000,
    ...stereo,
  });
  const glueWet = new GainNode(ctx, { gain: glueOn ? 1 : 0, ...stereo });
  const glueDry = new GainNode(ctx, { gain: glueOn ? 0 : 1, ...stereo });
  const glueDelay = new DelayNode(ctx, { delayTime: compressorDelaySec(ctx.sampleRate), maxDelayTime: 0.05, ...stereo });
  const width = on ? m.widthPct / 100 : 1;
  const direct = (1 + width) / 2;
  const cross = (1 - width) / 2;
  const splitter = new ChannelSplitterNode(ctx, { numberOfOutputs: 2 });
  const merger = new ChannelMergerNode(ctx, { numberOfInputs: 2 });
  const ll = new GainNode(ctx, { gain: direct });
  const rl = new GainNode(ctx, { gain: cross });
  const lr = new GainNode(ctx, { gain: cross });
  const rr = new GainNode(ctx, { gain: direct });
  const gain = new GainNode(ctx, { gain: dbToGain(on ? m.gainDb : 0), ...stereo });
  const limiter = await LimiterNode.create(ctx, { lookaheadMs: LIMITER_LOOKAHEAD_MS, ceilingDb: m.limiter.ceilingDb, releaseMs: m.limiter.releaseMs });
  const limiterWet = new GainNode(ctx, { gain: m.limiter.enabled ? 1 : 0, ...stereo });
  const limiterDry = new GainNode(ctx, { gain: m.limiter.enabled ? 0 : 1, ...stereo });
  const limiterDelay = new DelayNode(ctx, { delayTime: limiter.latencySec, maxDelayTime: 0.05, ...stereo });
  const output = new GainNode(ctx, stereo);
  const monitor = new GainNode(ctx, stereo);

  input.connect(fader).connect(lowShelf).connect(bell).connect(highShelf);
  highShelf.connect(glue).connect(glueWet).connect(splitter);
  highShelf.connect(glueDelay).connect(glueDry).connect(splitter);
  splitter.connect(ll, 0).connect(merger, 0, 0);
  splitter.connect(rl, 1).connect(merger, 0, 0);
  splitter.connect(lr, 0).connect(merger, 0, 1);
  splitter.connect(rr, 1).connect(merger, 0, 1);
  merger.connect(gain);
  gain.connect(limiter.input);
  limiter.output.connect(limiterWet).connect(output);
  gain.connect(limiterDelay).connect(limiterDry).connect(output);
  output.connect(monitor).connect(ctx.destination);
  return { input, latencySec: compressorDelaySec(ctx.sampleRate) + limiter.latencySec };
}

/**
 * Schedules a clip as a synced Tone.Player plays it in an export: from its start (one sample late, skipping that
 * sample, when it sits on a whole tick: see transportTime.ts), a linear fade-in, full level, and a linear fade-out
 * that ends with the clip.
 */
function scheduleClip(ctx: OfflineAudioContext, clip: Clip, buffer: AudioBuffer, level: number, bpm: number, songAt: number, into: AudioNode): void {
  const fadeIn = Math.max(CLIP_FADE_SEC, clip.fadeInSec);
  const fadeOut = Math.max(CLIP_FADE_SEC, Math.min(clip.fadeOutSec, clip.durationSec));
  const startSec = clipStartTime({ PPQ: TONE_PPQ, bpm: { value: bpm } }, clip.startSec, ctx.sampleRate);
  const skip = Math.max(0, startSec - clip.startSec);
  const duration = clip.durationSec - skip;
  const offset = clip.offsetSec + skip;
  const start = songAt + startSec;
  // Tone's transport never reaches a clip that starts after the render ends: it makes no nodes for it.
  if (duration <= 0 || offset >= buffer.duration || start >= ctx.length / ctx.sampleRate) return;
  // The fade-out starts fadeOut before the clip's end (never before it started); the level there is held.
  const fadeOutAt = start + Math.max(0, duration - fadeOut);
  const heldLevel = level * Math.min(1, (fadeOutAt - start) / fadeIn);
  const source = new AudioBufferSourceNode(ctx, { buffer });
  const envelope = new GainNode(ctx, { gain: 0 });
  const g = envelope.gain;
  g.setValueAtTime(0, start);
  if (fadeOutAt >= start + fadeIn) {
    g.linearRampToValueAtTime(level, start + fadeIn);
    g.setValueAtTime(level, fadeOutAt);
  } else g.linearRampToValueAtTime(heldLevel, fadeOutAt);
  g.linearRampToValueAtTime(0, fadeOutAt + fadeOut);
  source.connect(envelope).connect(into);
  source.start(start, offset);
  source.stop(fadeOutAt + fadeOut);
}

/** As MixGraph.scheduleAutomation and rescheduleAutomation: the value at the playhead, then the lane from the start. */
function automate(param: AudioParam, kind: 'volume' | 'pan', lane: Track['automation']['volume'], project: Project, at: number): void {
  const here = automationValueAt(lane, 0);
  if (here === null) return;
  param.value = automationToParam(kind, here);
  const loop = project.loop;
  const toSec = loop.enabled && loop.endSec > 0 ? loop.endSec : project.durationSec;
  scheduleLane(param, kind, lane, 0, toSec, at);
}

/**
 * Renders a project offline through the raw twin graph, as renderProject() would.
 * @returns a stereo AudioBuffer at options.sampleRate, aligned with the timeline like renderProject()'s
 */
export async function renderTwin(project: Project, buffers: ReadonlyMap<string, AudioBuffer>, options: TwinOptions): Promise<AudioBuffer> {
  const sampleRate = options.sampleRate;
  const endSec = options.endSec ?? project.durationSec;
  if (!(endSec > 0)) throw new RangeError(`Nothing to render: the range 0..${endSec} s is empty`);
  const length = Math.ceil(endSec * sampleRate);
  const preRollFrames = Math.round(PRE_ROLL_SEC * sampleRate);
  const latencyFrames = Math.round(LATENCY_GUESS_SEC * sampleRate);
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: preRollFrames + length + latencyFrames, sampleRate });
  const songAt = preRollFrames / sampleRate;

  // As MixGraph.create: the master (limiter module) and the other two worklet modules load together.
  const [master] = await Promise.all([
    buildMaster(ctx, project.master.mastering, project.master.gainDb),
    loadWorkletModule(ctx, pitchShiftUrl),
    loadWorkletModule(ctx, duckerUrl),
  ]);
  const stripL = compressorLatencyFrames(sampleRate);
  const direct = new DelayNode(ctx, { maxDelayTime: 0.05, delayTime: stripL / sampleRate });
  direct.connect(master.input);

  const audibility = stripAudibility(project);
  const busInputs = new Map<string, AudioNode>();
  for (const bus of project.buses) busInputs.set(bus.id, buildBus(ctx, bus, audibility.get(bus.id), master.input));

  // Ducked tracks need their key's output, so tracks are built keys first; a ducker reads its key's strip output.
  const built = new Map<string, Strip>();
  const duckKey = (t: Track): string | null => (t.duck && t.duck.keyTrackId !== t.id && project.tracks.some((k) => k.id === t.duck?.keyTrackId) ? t.duck.keyTrackId : null);
  const pending = [...project.tracks];
  while (pending.length) {
    const index = pending.findIndex((t) => {
      const key = duckKey(t);
      return key === null || built.has(key);
    });
    if (index < 0) throw new Error('the twin cannot build tracks that duck each other in a ring');
    const track = pending.splice(index, 1)[0]!;
    const key = duckKey(track);
    let duck: AudioNode | null = null;
    if (key !== null && track.duck) {
      const worklet = new AudioWorkletNode(ctx, DUCKER, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 1,
        channelCountMode: 'explicit',
        processorOptions: { thresholdDb: -30, depthDb: track.duck.depthDb, attackMs: 3, releaseMs: track.duck.releaseMs },
      });
      built.get(key)!.output.connect(worklet);
      duck = worklet;
    }
    // Last send to a bus wins, as ChannelStrip's map of sends by bus; silent sends make no node.
    const byBus = new Map<string, Send>();
    for (const send of track.sends) byBus.set(send.busId, send);
    const sends = [...byBus.values()]
      .filter((send) => faderGain(send.levelDb) !== 0 && busInputs.has(send.busId))
      .map((send) => ({ send, bus: busInputs.get(send.busId)! }));
    const mono = track.clips.every((c) => (buffers.get(c.assetId)?.numberOfChannels ?? 1) === 1);
    const automated = { volume: track.automation.volume.length > 0, pan: track.automation.pan.length > 0 };
    const strip = buildStrip(ctx, track, audibility.get(track.id), mono, automated, sends, duck, direct);
    built.set(track.id, strip);
    automate(strip.fader.gain, 'volume', track.automation.volume, project, songAt);
    automate(strip.panner.pan, 'pan', track.automation.pan, project, songAt);

    let into: AudioNode = strip.input;
    if (track.detuneCents !== 0) {
      const shifter = new AudioWorkletNode(ctx, PITCH_SHIFT, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [2],
        parameterData: { cents: track.detuneCents },
      });
      shifter.connect(strip.input);
      into = shifter;
    }
    for (const clip of track.clips) {
      const buffer = buffers.get(clip.assetId);
      if (buffer) scheduleClip(ctx, clip, buffer, dbToGain(clip.gainDb + track.trimDb), project.bpm, songAt, into);
    }
  }

  // As MixGraph.latencySec: two strip look-aheads (direct delay or bus) plus the master's.
  const latencySec = (2 * stripL) / sampleRate + master.latencySec;
  const skip = preRollFrames + Math.round(latencySec * sampleRate);
  const rendered = await ctx.startRendering();
  const out = new AudioBuffer({ numberOfChannels: 2, length, sampleRate });
  for (let c = 0; c < 2; c++) out.copyToChannel(rendered.getChannelData(c).subarray(skip, skip + length), c);
  return out;
}
