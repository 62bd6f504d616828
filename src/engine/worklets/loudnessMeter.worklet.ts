// AudioWorklet: live BS.1770-5 / EBU Mode loudness (M, S, I, LRA) and true peak of a stereo signal, off the main
// thread. Every render quantum goes through a LoudnessMeter and a TruePeakMeter (both allocation-free per block);
// at every 100 ms of audio (the meter's gating hop, exactly) one reading object is posted.
//
// Integrated loudness and LRA are kept here incrementally rather than read from the meter's getters, which rescan
// (integrated) and sort (LRA) the whole history on each read: measured in V8 at 10 reads a second, LRA's sort costs
// ~0.7 ms per read after 10 min of programme and ~4 ms after 30 min, more than a 2.7 ms render quantum, so the audio
// would glitch. Here each hop inserts the meter's new gating block and short-term value into sorted arrays
// (binary search + one memmove) and a reading is O(log n) plus a short sum: same values, same gates, same
// percentile rule as gatedLoudness() and loudnessRange(), so readings equal measureLoudness() to rounding
// (~1e-12 LU). Values at or below −70 LUFS are never stored, so silence and idle time cost nothing.
//
// Messages in:  { type: 'reset', generation?: number }  forget everything measured (I, LRA, maxima, histories);
//                                                       posts a cleared reading (durationSec 0) at once, as an ack.
//               { type: 'dispose' }                     stop: process() returns false from then on.
// Messages out: LoudnessMeterMessage (a LoudnessReading plus the generation of the last reset).

import type { LoudnessMeterMessage, LoudnessWorkletCommand } from '../LoudnessMonitor';
import {
  ABSOLUTE_GATE_LUFS,
  LRA_HIGH_PERCENTILE,
  LRA_LOW_PERCENTILE,
  LRA_RELATIVE_GATE_LU,
  LoudnessMeter,
  RELATIVE_GATE_LU,
  energyToLufs,
  lufsToEnergy,
} from '../../dsp/loudness';
import { TruePeakMeter } from '../../dsp/truePeak';

declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

/** The processor's registered name (LoudnessMonitor repeats it: importing this module runs registerProcessor). */
export const LOUDNESS_METER_PROCESSOR = 'earshot-loudness-meter';
/** The meter's sub-blocks per second (10 ms each) and sub-blocks per hop (100 ms): one reading per hop. */
const SUB_RATE = 100;
const HOP_SUBS = 10;
/** Hops before the first complete 400 ms gating block, and before the first complete 3 s short-term window. */
const FIRST_BLOCK_HOP = 4;
const FIRST_SHORT_TERM_HOP = 30;
/** Frames of one render quantum; the stand-in for an absent input. */
const QUANTUM = 128;
/** Stored values preallocated for (per history): 10 minutes of audible programme; they grow by doubling past it. */
const INITIAL_CAPACITY = 6000;
const ABSOLUTE_GATE_ENERGY = lufsToEnergy(ABSOLUTE_GATE_LUFS);

/**
 * The gating-block (or short-term) loudness values of a programme that pass the absolute gate, kept sorted
 * ascending, with their energies and the energy sum in arrival order (as gatedLoudness() sums them).
 */
class GatedValues {
  /** LUFS, ascending; entries 0..length−1. */
  private lufs = new Float64Array(INITIAL_CAPACITY);
  /** lufsToEnergy of the same entries. */
  private energy = new Float64Array(INITIAL_CAPACITY);
  length = 0;
  /** Σ energy over every stored value, summed in arrival order. */
  private sum = 0;

  clear(): void {
    this.length = 0;
    this.sum = 0;
  }

  /** Adds one value (LUFS) if it passes the absolute gate: O(log n) search, O(n) memmove. */
  add(lufs: number): void {
    if (!(lufs > ABSOLUTE_GATE_LUFS)) return; // also drops NaN
    const z = lufsToEnergy(lufs);
    if (!(z > ABSOLUTE_GATE_ENERGY) || z === Infinity) return;
    if (this.length === this.lufs.length) {
      const lufsNext = new Float64Array(this.length * 2);
      const energyNext = new Float64Array(this.length * 2);
      lufsNext.set(this.lufs);
      energyNext.set(this.energy);
      this.lufs = lufsNext;
      this.energy = energyNext;
    }
    const at = this.countAtMost(lufs);
    this.lufs.copyWithin(at + 1, at, this.length);
    this.energy.copyWithin(at + 1, at, this.length);
    this.lufs[at] = lufs;
    this.energy[at] = z;
    this.length++;
    this.sum += z;
  }

  /** How many stored values are ≤ `lufs` (binary search). */
  private countAtMost(lufs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lufs[mid]! <= lufs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Values at or below the relative gate `gateLu` under the mean energy (all of them gone, the absolute gate). */
  private belowRelativeGate(gateLu: number): number {
    const relative = (this.sum / this.length) * Math.pow(10, gateLu / 10);
    return relative > ABSOLUTE_GATE_ENERGY ? this.countAtMost(energyToLufs(relative)) : 0;
  }

  /** gatedLoudness() of the stored values: LUFS, −∞ when none. O(log n + values below the gate). */
  integrated(): number {
    const n = this.length;
    if (n === 0) return -Infinity;
    const below = this.belowRelativeGate(RELATIVE_GATE_LU);
    if (below === n) return -Infinity;
    let low = 0;
    for (let i = 0; i < below; i++) low += this.energy[i]!;
    return energyToLufs((this.sum - low) / (n - below));
  }

  /** loudnessRange() of the stored values: LU (≥ 0), −∞ when none. O(log n). */
  range(): number {
    const n = this.length;
    if (n === 0) return -Infinity;
    const below = this.belowRelativeGate(LRA_RELATIVE_GATE_LU);
    const m = n - below;
    if (m === 0) return 0;
    const low = this.lufs[below + Math.round((m - 1) * LRA_LOW_PERCENTILE)]!;
    const high = this.lufs[below + Math.round((m - 1) * LRA_HIGH_PERCENTILE)]!;
    return high - low;
  }
}

/** NaN (e.g. from an infinite sample) never leaves the worklet. */
function clean(value: number): number {
  return value === value ? value : -Infinity;
}

class LoudnessMeterProcessor extends AudioWorkletProcessor {
  private readonly loudness = new LoudnessMeter(2, sampleRate);
  private readonly peaks = new TruePeakMeter(2, sampleRate);
  private readonly blocks = new GatedValues();
  private readonly shortTerms = new GatedValues();
  /** Zeros, fed while the input has no channels (nothing connected or actively playing into it). */
  private readonly silence = new Float32Array(QUANTUM);
  /** Reused [left, right] views of the current quantum. */
  private readonly channels: Float32Array[] = [this.silence, this.silence];
  /** Frames since the last reset; the number of the next hop and the frame it ends at. */
  private frames = 0;
  private hop = 1;
  private hopEnd = LoudnessMeterProcessor.hopEndFrame(1);
  private running = true;
  /** One object, refilled and posted (structured clone copies it) at every hop. */
  private readonly reading: LoudnessMeterMessage = {
    momentary: -Infinity,
    shortTerm: -Infinity,
    integrated: -Infinity,
    lra: -Infinity,
    truePeakMaxDb: -Infinity,
    momentaryMax: -Infinity,
    shortTermMax: -Infinity,
    durationSec: 0,
    generation: 0,
  };

  /** The frame where hop k ends: exactly where the meter completes its (10k)th sub-block (its own formula). */
  private static hopEndFrame(k: number): number {
    return Math.round((k * HOP_SUBS * sampleRate) / SUB_RATE);
  }

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<LoudnessWorkletCommand>) => {
      const command = event.data;
      if (command.type === 'reset') this.reset(command.generation ?? this.reading.generation + 1);
      else if (command.type === 'dispose') this.running = false;
    };
  }

  private reset(generation: number): void {
    this.loudness.reset();
    this.peaks.reset();
    this.blocks.clear();
    this.shortTerms.clear();
    this.frames = 0;
    this.hop = 1;
    this.hopEnd = LoudnessMeterProcessor.hopEndFrame(1);
    this.reading.generation = generation;
    this.report();
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const input = inputs[0];
    const channels = this.channels;
    let frames = QUANTUM;
    if (input && input.length > 0) {
      const left = input[0]!;
      channels[0] = left;
      channels[1] = input[1] ?? left;
      frames = left.length;
    } else {
      // No input: measure digital silence, so M and S fall and time runs on. Cheap: nothing is stored for it.
      channels[0] = this.silence;
      channels[1] = this.silence;
    }
    // Split the quantum at hop ends, so each hop sees the meter exactly at its gating-block boundary.
    let from = 0;
    while (from < frames) {
      const to = Math.min(frames, from + (this.hopEnd - this.frames));
      this.loudness.process(channels, from, to);
      this.peaks.process(channels, from, to);
      this.frames += to - from;
      from = to;
      if (this.frames === this.hopEnd) this.endHop();
    }
    return true;
  }

  /**
   * The meter has just completed the sub-block that ends this hop: its momentary value is the gating block it adds
   * to its history (from the 4th hop on) and its short-term value the one it adds for the LRA (from the 30th).
   */
  private endHop(): void {
    const meter = this.loudness;
    if (this.hop >= FIRST_BLOCK_HOP) this.blocks.add(meter.momentary);
    if (this.hop >= FIRST_SHORT_TERM_HOP) this.shortTerms.add(meter.shortTerm);
    this.report();
    this.hop++;
    this.hopEnd = LoudnessMeterProcessor.hopEndFrame(this.hop);
  }

  private report(): void {
    const r = this.reading;
    const meter = this.loudness;
    r.momentary = clean(meter.momentary);
    r.shortTerm = clean(meter.shortTerm);
    r.integrated = clean(this.blocks.integrated());
    r.lra = clean(this.shortTerms.range());
    r.truePeakMaxDb = clean(this.peaks.truePeakDb);
    r.momentaryMax = clean(meter.momentaryMax);
    r.shortTermMax = clean(meter.shortTermMax);
    r.durationSec = this.frames / sampleRate;
    this.port.postMessage(r);
  }
}

registerProcessor(LOUDNESS_METER_PROCESSOR, LoudnessMeterProcessor);
