/**
 * The raw twin of Earshot's export path: the same project rendered through a graph of plain native nodes, built by
 * hand, with no Tone.js and no transport. It mirrors render.ts, ChannelStrip and MasterBus node for node and uses
 * the very same limiter AudioWorklet, so timing it against renderProject() isolates what Tone and the transport cost.
 */
import { dbToGain, faderGain } from '../../src/dsp/decibels';
import { clampPan } from '../../src/dsp/pan';
import { LimiterNode } from '../../src/engine/LimiterNode';
import { compressorDelaySec } from '../../src/engine/MasterBus';
import type { MasteringSettings } from '../../src/state/mastering';
import type { Clip, Project } from '../../src/state/project';
import { isAudible } from '../../src/state/selectors';

/** As render.ts: room reserved for the chain's look-ahead, dropped from the start of the result. */
const LATENCY_GUESS_SEC = 0.05;
/** As MixGraph: the fade at each clip edge (Tone.Player's linear fadeIn/fadeOut). */
const CLIP_FADE_SEC = 0.004;
/** As MasterBus.create(). */
const LIMITER_LOOKAHEAD_MS = 3;

/** Options of {@link renderTwin}. */
export interface TwinOptions {
  /** Output rate, Hz. */
  readonly sampleRate: number;
  /** Song time to end at; default the project's duration. Rendering always starts at 0. */
  readonly endSec?: number;
}

const stereo = { channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' } as const;

/** Master bus of native nodes, wired as MasterBus: fader → EQ → glue (‖ delayed dry) → width → gain → limiter (‖ delayed dry). */
async function buildMaster(ctx: OfflineAudioContext, m: MasteringSettings, masterGainDb: number): Promise<{ input: GainNode; latencySec: number }> {
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

/** Schedules a clip as Tone.Player does: start at its time, linear fades in and out, stop after the fade-out. */
function scheduleClip(ctx: OfflineAudioContext, clip: Clip, buffer: AudioBuffer, envelope: AudioParam, into: AudioNode): void {
  const source = new AudioBufferSourceNode(ctx, { buffer });
  const start = clip.startSec;
  const end = clip.startSec + clip.durationSec;
  envelope.setValueAtTime(0, start);
  envelope.linearRampToValueAtTime(1, start + CLIP_FADE_SEC);
  envelope.setValueAtTime(1, end);
  envelope.linearRampToValueAtTime(0, end + CLIP_FADE_SEC);
  source.connect(into);
  source.start(start, clip.offsetSec);
  source.stop(end + CLIP_FADE_SEC);
}

/**
 * Renders a project offline through the raw native twin graph.
 * Per track: AudioBufferSourceNode per clip → input GainNode → StereoPannerNode → fader GainNode → mute GainNode → master.
 * A lone clip's edge fades ride on the strip's input gain; a track with several clips gets a GainNode per clip.
 * @returns a stereo AudioBuffer at options.sampleRate, aligned with the timeline like renderProject()'s
 */
export async function renderTwin(project: Project, buffers: ReadonlyMap<string, AudioBuffer>, options: TwinOptions): Promise<AudioBuffer> {
  const endSec = options.endSec ?? project.durationSec;
  const sampleRate = options.sampleRate;
  const length = Math.ceil(endSec * sampleRate);
  const latencyFrames = Math.round(LATENCY_GUESS_SEC * sampleRate);
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: length + latencyFrames, sampleRate });
  const master = await buildMaster(ctx, project.master.mastering, project.master.gainDb);
  const anySolo = project.tracks.some((t) => t.solo);

  for (const track of project.tracks) {
    const input = new GainNode(ctx, { channelCount: 2, channelCountMode: 'max' });
    const panner = new StereoPannerNode(ctx, { pan: clampPan(track.pan) });
    const fader = new GainNode(ctx, { gain: faderGain(track.gainDb) });
    const mute = new GainNode(ctx, { gain: isAudible(track, anySolo) ? 1 : 0 });
    input.connect(panner).connect(fader).connect(mute).connect(master.input);
    const clips = track.clips.filter((c) => buffers.has(c.assetId));
    if (clips.length === 1) input.gain.value = 0;
    for (const clip of clips) {
      const buffer = buffers.get(clip.assetId)!;
      if (clips.length === 1) {
        scheduleClip(ctx, clip, buffer, input.gain, input);
      } else {
        const envelope = new GainNode(ctx, { gain: 0 });
        envelope.connect(input);
        scheduleClip(ctx, clip, buffer, envelope.gain, envelope);
      }
    }
  }

  const skip = Math.round(master.latencySec * sampleRate);
  const rendered = await ctx.startRendering();
  const out = new AudioBuffer({ numberOfChannels: 2, length, sampleRate });
  for (let c = 0; c < 2; c++) out.copyToChannel(rendered.getChannelData(c).subarray(skip, skip + length), c);
  return out;
}
