import { analyseComparison, type ComparisonAnalysis } from '../dsp/bounceAnalysis';
import type { Project } from '../state/project';
import { renderProject } from './render';

/** Longest excerpt a comparison renders, seconds: five stereo variants of it stay in memory for playback. */
export const MAX_BOUNCE_SEC = 30;

export interface BounceOptions {
  /** Render and analysis rate, Hz: the live context's, so playback needs no resampling. */
  readonly sampleRate: number;
  /** Song time, seconds. */
  readonly startSec: number;
  readonly endSec: number;
  /** Spacing of the short-term loudness points, seconds (a multiple of 10 ms). Default 0.1. */
  readonly hopSec?: number;
  /** Called with 0..1 as the variants render. */
  readonly onProgress?: (fraction: number) => void;
}

/** The analysis, and the normalised audio of each variant (in order) for playback. */
export interface Bounce {
  readonly analysis: ComparisonAnalysis;
  readonly audio: readonly AudioBuffer[];
}

/**
 * Renders each variant offline over the same excerpt through the same graph as playback, one after another,
 * normalises them to the quietest (BS.1770 integrated) and measures their spectra and short-term loudness.
 */
export async function bounceVariants(variants: readonly { label: string; project: Project }[], buffers: ReadonlyMap<string, AudioBuffer>, options: BounceOptions): Promise<Bounce> {
  if (variants.length === 0) throw new RangeError('Nothing to compare: choose at least one variant');
  const durationSec = options.endSec - options.startSec;
  if (durationSec > MAX_BOUNCE_SEC + 1e-6) throw new RangeError(`The excerpt is ${durationSec.toFixed(1)} s; a comparison renders at most ${MAX_BOUNCE_SEC} s`);
  const audio: AudioBuffer[] = [];
  for (const [i, v] of variants.entries()) {
    audio.push(
      await renderProject(v.project, buffers, {
        sampleRate: options.sampleRate,
        startSec: options.startSec,
        endSec: options.endSec,
        onProgress: (f) => options.onProgress?.((i + f) / variants.length),
      }),
    );
  }
  // getChannelData is a live view: the analysis scales the buffers themselves, so playback hears what was measured.
  const analysis = analyseComparison(
    variants.map((v, i) => ({ label: v.label, channels: [audio[i]!.getChannelData(0), audio[i]!.getChannelData(1)] })),
    options.sampleRate,
    options.hopSec ?? 0.1,
  );
  return { analysis, audio };
}

/**
 * Plays one bounced variant at a time on the live context, straight to the speakers (the bounce already went
 * through the master chain). Starting one stops the others.
 */
export class BouncePlayer {
  private readonly context: BaseAudioContext;
  private readonly destination: AudioNode;
  private audio: readonly AudioBuffer[] = [];
  private playing: { source: AudioBufferSourceNode; gain: GainNode; index: number } | null = null;

  constructor(context: BaseAudioContext, destination: AudioNode = context.destination) {
    this.context = context;
    this.destination = destination;
  }

  /** Replaces the variants (stopping any that plays). */
  load(audio: readonly AudioBuffer[]): void {
    this.stop();
    this.audio = audio;
  }

  get playingIndex(): number | null {
    return this.playing?.index ?? null;
  }

  /** Plays variant `index` from its start; `onEnded` runs when it ends by itself or is stopped. */
  play(index: number, onEnded?: () => void): void {
    const buffer = this.audio[index];
    if (!buffer) throw new RangeError(`no bounced variant ${index}`);
    this.stop();
    const gain = new GainNode(this.context, { gain: 0 });
    const source = new AudioBufferSourceNode(this.context, { buffer });
    source.connect(gain).connect(this.destination);
    const now = this.context.currentTime;
    // A short fade in, so a start mid-waveform does not click.
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(1, now + FADE_SEC);
    source.start(now);
    const entry = { source, gain, index };
    source.onended = () => {
      if (this.playing === entry) this.playing = null;
      source.disconnect();
      gain.disconnect();
      onEnded?.();
    };
    this.playing = entry;
  }

  /** Fades the playing variant out (≤ 20 ms) and stops it. */
  stop(): void {
    const p = this.playing;
    if (!p) return;
    this.playing = null;
    const now = this.context.currentTime;
    p.gain.gain.cancelAndHoldAtTime(now);
    p.gain.gain.linearRampToValueAtTime(0, now + FADE_SEC);
    p.source.stop(now + FADE_SEC);
  }

  dispose(): void {
    this.stop();
    this.audio = [];
  }
}

const FADE_SEC = 0.02;
