import workletUrl from './worklets/loudnessMeter.worklet.ts?worker&url';
import { loadWorkletModule } from './worklets/loadWorkletModule';

/** Must match LOUDNESS_METER_PROCESSOR in the worklet (which cannot be imported here: it runs registerProcessor). */
const PROCESSOR = 'earshot-loudness-meter';

/** Time between two readings of the worklet, seconds of audio (it posts one per 100 ms, i.e. 10 per second). */
export const LOUDNESS_READING_INTERVAL_SEC = 0.1;
/** Length of the loudness history kept for a graph, seconds. */
export const LOUDNESS_HISTORY_SEC = 60;
/** Readings in the history ring: 600. */
const HISTORY_LENGTH = Math.round(LOUDNESS_HISTORY_SEC / LOUDNESS_READING_INTERVAL_SEC);

/**
 * One loudness reading (ITU-R BS.1770-5, EBU Mode), as of the end of the audio measured so far.
 * Every level is −∞ when undefined (silence, or too little audio yet); none is ever NaN.
 */
export interface LoudnessReading {
  /** Momentary loudness, last 400 ms, LUFS. */
  momentary: number;
  /** Short-term loudness, last 3 s, LUFS. */
  shortTerm: number;
  /** Integrated (gated) loudness since the last reset, LUFS; −∞ until a 400 ms block passes the gates. */
  integrated: number;
  /**
   * Loudness range (EBU Tech 3342) since the last reset, LU (≥ 0); −∞ until a complete 3 s window passes the
   * −70 LUFS gate. (measureLoudness() reports 0 there instead.)
   */
  lra: number;
  /** Largest true peak of either channel since the last reset, dBTP (4× oversampled below 96 kHz). */
  truePeakMaxDb: number;
  /** Largest momentary loudness since the last reset, LUFS. */
  momentaryMax: number;
  /** Largest short-term loudness since the last reset, LUFS. */
  shortTermMax: number;
  /** Audio measured since the last reset (or since the start), seconds; 0 in the reading that acknowledges a reset. */
  durationSec: number;
}

/** What the worklet posts: a reading, tagged with the generation of the reset it follows (stale ones are dropped). */
export interface LoudnessMeterMessage extends LoudnessReading {
  /** Counts resets: 0 from the start, then the value sent with each reset command. */
  generation: number;
}

/** Commands the worklet understands on its port. */
export type LoudnessWorkletCommand = { type: 'reset'; generation?: number } | { type: 'dispose' };

/** The loudness history, oldest first: entry i is (count − 1 − i) intervals before the latest reading. */
export interface LoudnessHistory {
  /** Momentary loudness, LUFS (−∞ for silence); entries 0..count−1 are valid. */
  readonly momentary: Float32Array;
  /** Short-term loudness, LUFS (−∞ for silence); entries 0..count−1 are valid. */
  readonly shortTerm: Float32Array;
  /** Valid entries, 0..600 (60 s). */
  readonly count: number;
  /** Time between entries, seconds (0.1). */
  readonly intervalSec: number;
}

const loadModule = (context: BaseAudioContext): Promise<void> => loadWorkletModule(context, workletUrl);

function emptyReading(): LoudnessReading {
  return {
    momentary: -Infinity,
    shortTerm: -Infinity,
    integrated: -Infinity,
    lra: -Infinity,
    truePeakMaxDb: -Infinity,
    momentaryMax: -Infinity,
    shortTermMax: -Infinity,
    durationSec: 0,
  };
}

/**
 * Live programme loudness (BS.1770-5 / EBU Mode: M, S, I, LRA, true peak) of a stereo signal, measured off the main
 * thread by an AudioWorklet that posts a reading every 100 ms of audio. The latest reading and a 60 s history for a
 * graph live here, never in a store: the UI reads them once per frame (or subscribes).
 *
 * Connect the signal to `input` (mono is measured as the same signal on both channels). Readings accumulate from
 * the start or the last reset(); a disconnected or idle input is measured as silence (M and S fall to −∞, time runs).
 */
export class LoudnessMonitor {
  /** Connect the signal to measure here (a 2-channel, explicit-count AudioWorkletNode with no outputs). */
  readonly input: AudioNode;
  private readonly node: AudioWorkletNode;
  private readonly latest: LoudnessReading = emptyReading();
  private readonly listeners = new Set<(reading: Readonly<LoudnessReading>) => void>();
  private generation = 0;
  private disposed = false;
  /** Ring of the last HISTORY_LENGTH readings: `head` is the next slot to write. */
  private readonly ringMomentary = new Float32Array(HISTORY_LENGTH);
  private readonly ringShortTerm = new Float32Array(HISTORY_LENGTH);
  private head = 0;
  private count = 0;
  /** history()'s result: unrolled from the ring when it has changed. */
  private readonly ordered = {
    momentary: new Float32Array(HISTORY_LENGTH),
    shortTerm: new Float32Array(HISTORY_LENGTH),
    count: 0,
    intervalSec: LOUDNESS_READING_INTERVAL_SEC,
  };
  private orderedStale = false;

  private constructor(context: BaseAudioContext) {
    this.node = new AudioWorkletNode(context, PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
    });
    this.input = this.node;
    this.node.port.onmessage = (event: MessageEvent<LoudnessMeterMessage>) => this.receive(event.data);
  }

  /**
   * Loads the worklet module into the context (once per context) and makes a monitor.
   * @param context a running, suspended or offline context (not closed)
   */
  static async create(context: BaseAudioContext): Promise<LoudnessMonitor> {
    await loadModule(context);
    return new LoudnessMonitor(context);
  }

  private receive(message: LoudnessMeterMessage): void {
    if (this.disposed || message.generation !== this.generation) return; // from before the last reset
    const r = this.latest;
    r.momentary = message.momentary;
    r.shortTerm = message.shortTerm;
    r.integrated = message.integrated;
    r.lra = message.lra;
    r.truePeakMaxDb = message.truePeakMaxDb;
    r.momentaryMax = message.momentaryMax;
    r.shortTermMax = message.shortTermMax;
    r.durationSec = message.durationSec;
    if (message.durationSec > 0) {
      // A regular 100 ms reading (a reset's acknowledgement has durationSec 0 and is not a point of the graph).
      this.ringMomentary[this.head] = message.momentary;
      this.ringShortTerm[this.head] = message.shortTerm;
      this.head = (this.head + 1) % HISTORY_LENGTH;
      if (this.count < HISTORY_LENGTH) this.count++;
      this.orderedStale = true;
    }
    for (const listener of this.listeners) {
      try {
        listener(r);
      } catch (error) {
        // One failing listener must not starve the others; surface the error without breaking this handler.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /**
   * The latest reading. Allocation-free: always the same object, updated in place as readings arrive (copy it to
   * keep a snapshot). All levels −∞ before the first reading and right after reset().
   */
  read(): Readonly<LoudnessReading> {
    return this.latest;
  }

  /**
   * Calls `listener` with each new reading (about 10 a second while the context runs; in bursts when an offline
   * context renders faster than real time). The reading object is the one read() returns.
   * @returns unsubscribe (idempotent)
   */
  subscribe(listener: (reading: Readonly<LoudnessReading>) => void): () => void {
    if (this.disposed) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Momentary and short-term loudness of the last 60 s of readings (600 entries, one per 100 ms), oldest first, for a
   * loudness graph. Allocation-free: the same object and arrays each call, overwritten by the next call after new
   * readings; cost O(600) only when readings arrived since the last call.
   */
  history(): LoudnessHistory {
    if (this.orderedStale) {
      const { momentary, shortTerm } = this.ordered;
      const n = this.count;
      const start = (this.head - n + HISTORY_LENGTH) % HISTORY_LENGTH;
      const firstRun = Math.min(n, HISTORY_LENGTH - start);
      momentary.set(this.ringMomentary.subarray(start, start + firstRun), 0);
      shortTerm.set(this.ringShortTerm.subarray(start, start + firstRun), 0);
      if (firstRun < n) {
        momentary.set(this.ringMomentary.subarray(0, n - firstRun), firstRun);
        shortTerm.set(this.ringShortTerm.subarray(0, n - firstRun), firstRun);
      }
      this.ordered.count = n;
      this.orderedStale = false;
    }
    return this.ordered;
  }

  /**
   * Starts a new measurement: integrated loudness, LRA, the maxima and the history start again from now. Readings
   * posted before the worklet saw the reset are ignored; the worklet acknowledges with a cleared reading
   * (durationSec 0) to subscribers.
   */
  reset(): void {
    if (this.disposed) return;
    this.generation++;
    Object.assign(this.latest, emptyReading());
    this.head = 0;
    this.count = 0;
    this.orderedStale = true;
    const command: LoudnessWorkletCommand = { type: 'reset', generation: this.generation };
    this.node.port.postMessage(command);
  }

  /** Disconnects and stops the worklet; idempotent. read() and history() keep their last values. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listeners.clear();
    const command: LoudnessWorkletCommand = { type: 'dispose' };
    this.node.port.postMessage(command);
    this.node.port.onmessage = null;
    this.node.port.close();
    this.node.disconnect();
  }
}
