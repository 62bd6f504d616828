import recorderWorkletUrl from './worklets/recorder.worklet.ts?worker&url';
import { loadWorkletModule } from './worklets/loadWorkletModule';
import { gainToDb } from '../dsp/decibels';
import type { Decibels, Seconds } from '../dsp/units';

/** Must match RECORDER_PROCESSOR in the worklet (which cannot be imported here: it runs registerProcessor). */
const PROCESSOR = 'earshot-recorder';

/** Why the microphone could not be opened. */
export type RecorderErrorReason = 'denied' | 'no-device' | 'unsupported' | 'busy' | 'failed';

const MESSAGES: Record<RecorderErrorReason, string> = {
  denied: "Earshot may not use the microphone: permission was denied. Allow it in the browser's site settings and press Record again.",
  'no-device': 'No microphone was found. Plug one in and press Record again.',
  busy: 'The microphone is in use by another program or tab, or the system would not hand it over. Close the other program and press Record again.',
  unsupported:
    'This browser cannot record here: recording needs a secure (https) page and a browser with microphone and AudioWorklet support.',
  failed: 'The microphone could not be started. Press Record again; if it keeps failing, reload the page.',
};

/** An error whose message is written for the user (show it as is); `reason` is for code. */
export class RecorderError extends Error {
  override readonly name = 'RecorderError';
  readonly reason: RecorderErrorReason;

  constructor(reason: RecorderErrorReason, message: string = MESSAGES[reason], options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** Maps what getUserMedia (or node creation) threw to a RecorderError; DOMException names per Media Capture. */
function toRecorderError(error: unknown): RecorderError {
  if (error instanceof RecorderError) return error;
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError': // old Chromium name
      return new RecorderError('denied', undefined, { cause: error });
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError': // old Chromium name
      return new RecorderError('no-device', undefined, { cause: error });
    case 'NotReadableError':
    case 'TrackStartError': // old Chromium name
    case 'AbortError': // Firefox: the device is in use
      return new RecorderError('busy', undefined, { cause: error });
    case 'NotSupportedError':
    case 'TypeError': // no mediaDevices on an insecure page, or an unsupported constraint
      return new RecorderError('unsupported', undefined, { cause: error });
    default:
      return new RecorderError('failed', undefined, { cause: error });
  }
}

export interface RecorderOptions {
  /** The native realtime context the song plays on (AudioEngine.raw). */
  readonly context: AudioContext;
  /** A microphone from enumerateDevices(); default the system's default input. */
  readonly deviceId?: string;
  /**
   * Record this stream instead of asking for a microphone (another input, or a test signal). The recorder owns it:
   * dispose() stops its tracks.
   */
  readonly stream?: MediaStream;
  /**
   * Seconds the mix chain delays the song between the transport and the destination (MixGraph.latencySec: the
   * master's compressor and limiter look-ahead). The performer hears the song that much later, so it is trimmed too.
   * @min 0 @default 0
   */
  readonly chainLatencySec?: number;
}

type WorkletMessage =
  | { type: 'peak'; peak: number }
  | { type: 'chunk'; take: number; data: Float32Array<ArrayBuffer>; length: number }
  | { type: 'stopped'; take: number; firstFrame: number | null; endFrame: number };

interface Take {
  readonly id: number;
  /** First frame of the take (the frame at `atContextTime`), before compensation. */
  readonly startFrame: number;
  /** Frames trimmed from the start, fixed when the take ends. */
  trimFrames: number;
  readonly chunks: Float32Array<ArrayBuffer>[];
  finish: ((m: { firstFrame: number | null; endFrame: number }) => void) | null;
  fail: ((e: Error) => void) | null;
  stopping: boolean;
}

/** First frame at or after a context time (a hair of tolerance, so t = n / rate lands on n). */
function frameAtOrAfter(timeSec: number, sampleRate: number): number {
  return Math.ceil(timeSec * sampleRate - 1e-6);
}

function finiteOrZero(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}

/**
 * Records the microphone while the song plays (the overdub): getUserMedia → MediaStreamAudioSourceNode → an
 * AudioWorklet that writes from a sample-exact context time and transfers its chunks here, where they wait in one
 * list until stop() assembles the take. Nothing goes to the speakers (the worklet has no output; Chromium still runs a
 * worklet with inputs and no outputs).
 *
 * Time: start(t) makes sample 0 of the raw capture the frame at context time t. When the transport plays song position
 * `s` at context time t (transport.start(t, s)), place the returned take at song time `s`: compensationSec has already
 * been trimmed from its start, so what the performer played along to lines up with the song they heard.
 */
export class Recorder {
  readonly context: AudioContext;
  private readonly stream: MediaStream;
  private readonly track: MediaStreamTrack;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly node: AudioWorkletNode;
  private readonly chainLatencySec: number;
  private measuredRoundTripSec: number | null = null;
  private peakSinceRead = 0;
  private freshPeak = false;
  private lastPeakDb = -Infinity as Decibels;
  private take: Take | null = null;
  private takeCount = 0;
  private disposed = false;

  private constructor(context: AudioContext, stream: MediaStream, source: MediaStreamAudioSourceNode, node: AudioWorkletNode, chainLatencySec: number) {
    this.context = context;
    this.stream = stream;
    this.track = stream.getAudioTracks()[0]!;
    this.source = source;
    this.node = node;
    this.chainLatencySec = chainLatencySec;
    node.port.onmessage = (e: MessageEvent<WorkletMessage>) => this.receive(e.data);
  }

  /**
   * Asks for the microphone (the browser may prompt) and readies the capture. Processing is switched off
   * (no echo cancellation, noise suppression or gain control): they would colour the take and add latency.
   * @throws RecorderError with a message for the user
   */
  static async open(options: RecorderOptions): Promise<Recorder> {
    const { context } = options;
    const chainLatencySec = finiteOrZero(options.chainLatencySec);
    const given = options.stream;
    if (typeof AudioWorkletNode === 'undefined' || !context.audioWorklet) throw new RecorderError('unsupported');
    if (!given && (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia)) throw new RecorderError('unsupported');
    try {
      await loadWorkletModule(context, recorderWorkletUrl);
    } catch (error) {
      throw new RecorderError('failed', undefined, { cause: error });
    }
    let stream: MediaStream;
    try {
      stream = given ?? await navigator.mediaDevices.getUserMedia({
        audio: {
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: false,
          ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
        },
      });
    } catch (error) {
      throw toRecorderError(error);
    }
    if (stream.getAudioTracks().length === 0) {
      for (const t of stream.getTracks()) t.stop();
      throw new RecorderError('no-device');
    }
    try {
      const source = new MediaStreamAudioSourceNode(context, { mediaStream: stream });
      // Mono: a stereo input is averaged ('speakers' down-mix), so a signal on either side is kept.
      const node = new AudioWorkletNode(context, PROCESSOR, {
        numberOfInputs: 1,
        numberOfOutputs: 0,
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
      });
      source.connect(node);
      return new Recorder(context, stream, source, node, chainLatencySec);
    } catch (error) {
      for (const t of stream.getTracks()) t.stop();
      // Firefox cannot connect a microphone whose rate differs from the context's (NotSupportedError).
      throw toRecorderError(error);
    }
  }

  /** The microphone track (read its label for the UI; its readyState is 'ended' after dispose or unplugging). */
  get inputTrack(): MediaStreamTrack {
    return this.track;
  }

  /** True between start() and the end of stop(). */
  get recording(): boolean {
    return this.take !== null;
  }

  /**
   * Input level for the input meter: the largest sample peak since the last call, dBFS (−∞ for silence).
   * The worklet reports every ~10 ms; a call with no new report since the previous one repeats that one's value.
   */
  readInputPeakDb(): Decibels {
    if (this.disposed) return -Infinity as Decibels;
    if (this.freshPeak) {
      this.lastPeakDb = gainToDb(this.peakSinceRead);
      this.peakSinceRead = 0;
      this.freshPeak = false;
    }
    return this.lastPeakDb;
  }

  /**
   * The input path's latency as the context estimates it, seconds: the output side (baseLatency, context →
   * audio system, plus outputLatency, audio system → speaker; the Web Audio spec defines them as consecutive parts
   * of one path) plus the input side (the microphone track's settings().latency, when the browser reports it).
   * Missing values count as 0.
   */
  get estimatedRoundTripSec(): Seconds {
    const settings = this.track.getSettings() as MediaTrackSettings & { latency?: number };
    return (finiteOrZero(this.context.baseLatency) + finiteOrZero(this.context.outputLatency) + finiteOrZero(settings.latency)) as Seconds;
  }

  /**
   * Seconds trimmed from the start of each take so it lands in time:
   * `chainLatencySec + (measured round trip ?? baseLatency + outputLatency + track input latency)`.
   * Read when a take ends, so a measurement made during the take still applies.
   */
  get compensationSec(): Seconds {
    return (this.chainLatencySec + (this.measuredRoundTripSec ?? this.estimatedRoundTripSec)) as Seconds;
  }

  /**
   * Overrides the estimate with a measured round trip (speaker → microphone, e.g. from measureRoundTrip()),
   * seconds ≥ 0; null goes back to the estimate.
   */
  setMeasuredRoundTrip(sec: number | null): void {
    if (sec !== null && !(Number.isFinite(sec) && sec >= 0)) throw new RangeError(`round trip must be a finite number of seconds ≥ 0, got ${sec}`);
    this.measuredRoundTripSec = sec;
  }

  /**
   * Starts a take at context time `atContextTime`, seconds: the first sample is the first frame at or after it. A time
   * already past when the worklet gets the command still counts: the frames it missed are silence, so the take stays
   * aligned. Call after the context runs.
   */
  start(atContextTime: number): void {
    if (this.disposed) throw new Error('Recorder: start() after dispose()');
    if (this.take) throw new Error('Recorder: already recording; stop() the take first');
    if (!Number.isFinite(atContextTime) || atContextTime < 0) throw new RangeError(`start time must be ≥ 0 seconds, got ${atContextTime}`);
    const id = ++this.takeCount;
    const startFrame = frameAtOrAfter(atContextTime, this.context.sampleRate);
    this.take = { id, startFrame, trimFrames: 0, chunks: [], finish: null, fail: null, stopping: false };
    this.node.port.postMessage({ type: 'start', take: id, frame: startFrame });
  }

  /**
   * Ends the take and returns it: mono, at the context's rate, compensationSec trimmed from its start (so its length is
   * the recorded time minus the compensation).
   * @param atContextTime optional end, context seconds (exclusive: frames before it are kept); default now, i.e. after
   *   the last block the worklet has processed
   * @throws RecorderError('failed') when the take is empty (stopped before it began, or shorter than the compensation)
   */
  stop(atContextTime?: number): Promise<AudioBuffer> {
    return this.endTake(atContextTime, null);
  }

  /** Ends the take at a context time (null: now) and trims `trimSec` (null: compensationSec, read now). */
  private endTake(atContextTime: number | undefined, trimSec: number | null): Promise<AudioBuffer> {
    const take = this.take;
    if (this.disposed || !take) return Promise.reject(new Error('Recorder: stop() without a take'));
    if (take.stopping) return Promise.reject(new Error('Recorder: stop() called twice for one take'));
    take.stopping = true;
    const rate = this.context.sampleRate;
    const frame = atContextTime === undefined ? null : Math.max(take.startFrame, frameAtOrAfter(atContextTime, rate));
    return new Promise<AudioBuffer>((resolve, reject) => {
      take.fail = reject;
      take.finish = ({ firstFrame, endFrame }) => {
        this.take = null;
        take.trimFrames = Math.max(0, Math.round((trimSec ?? this.compensationSec) * rate));
        try {
          resolve(assemble(take, firstFrame, endFrame, rate));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.node.port.postMessage({ type: 'stop', take: take.id, frame });
    });
  }

  /**
   * Measures the round trip speaker → room → microphone: plays three short chirps at irregular times into
   * `destination` (default the context's destination, not through the mix, so the chain's latency is not included)
   * and finds all three in the input at one common delay.
   * @returns seconds (0..maxSec), or null when the chirps were not heard (headphones, muted speakers, a noisy room)
   */
  async measureRoundTrip(destination: AudioNode = this.context.destination, maxSec = 0.5): Promise<number | null> {
    if (this.take) throw new Error('Recorder: measureRoundTrip() while recording');
    const rate = this.context.sampleRate;
    const probe = loopbackProbe(rate);
    const t0 = (frameAtOrAfter(this.context.currentTime, rate) + Math.round(0.1 * rate)) / rate;
    const src = new AudioBufferSourceNode(this.context, { buffer: probe.buffer });
    src.connect(destination);
    src.start(t0);
    let raw: AudioBuffer;
    try {
      this.start(t0);
      // The raw capture (nothing trimmed), ending once the last chirp could have come back.
      raw = await this.endTake(t0 + probe.buffer.duration + maxSec, 0);
    } finally {
      src.disconnect();
    }
    const lag = findProbe(raw.getChannelData(0), probe, Math.round(maxSec * rate));
    return lag === null ? null : lag / rate;
  }

  /** Idempotent: stops the microphone (its tracks end), disconnects the nodes, rejects a pending stop(). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const take = this.take;
    this.take = null;
    take?.fail?.(new Error('Recorder: disposed during a take'));
    this.node.port.postMessage({ type: 'dispose' });
    this.node.port.onmessage = null;
    this.node.port.close();
    this.source.disconnect();
    this.node.disconnect();
    for (const t of this.stream.getTracks()) t.stop();
  }

  private receive(m: WorkletMessage): void {
    if (m.type === 'peak') {
      if (m.peak > this.peakSinceRead) this.peakSinceRead = m.peak;
      this.freshPeak = true;
      return;
    }
    const take = this.take;
    if (!take || m.take !== take.id) return;
    if (m.type === 'chunk') take.chunks.push(m.length === m.data.length ? m.data : m.data.subarray(0, m.length));
    else take.finish?.(m);
  }
}

/**
 * Puts the chunks in one buffer: raw frame r (0 = the take's start frame) goes to r − trim; frames the worklet
 * missed before `firstFrame` are silence, frames past `endFrame` are dropped.
 */
function assemble(take: Take, firstFrame: number | null, endFrame: number, sampleRate: number): AudioBuffer {
  const rawLength = Math.max(0, endFrame - take.startFrame);
  const length = rawLength - take.trimFrames;
  if (length <= 0) {
    throw new RecorderError('failed', 'Nothing was recorded: the take was stopped before it began. Press Record and play a little longer.');
  }
  const buffer = new AudioBuffer({ numberOfChannels: 1, length, sampleRate });
  let r = (firstFrame ?? endFrame) - take.startFrame;
  const chunks = take.chunks;
  for (let i = 0; i < chunks.length; i++) {
    const data = chunks[i]!;
    const a = Math.max(r, take.trimFrames);
    const b = Math.min(r + data.length, rawLength);
    if (a < b) buffer.copyToChannel(data.subarray(a - r, b - r), 0, a - take.trimFrames);
    r += data.length;
  }
  chunks.length = 0;
  return buffer;
}

/** The loopback probe: three chirps at irregular offsets, so a periodic noise cannot match all three at once. */
export interface LoopbackProbe {
  /** What is played: silence with a chirp at each offset. */
  readonly buffer: AudioBuffer;
  /** One chirp. */
  readonly chirp: Float32Array;
  /** Where each chirp starts in the buffer, frames. */
  readonly offsets: readonly number[];
}

const PROBE_OFFSETS_SEC = [0, 0.23, 0.61] as const;
const CHIRP_SEC = 0.005;

/**
 * Makes the loopback probe for a sample rate: each chirp is a 5 ms Hann-windowed sweep 500 Hz → 6 kHz at 0.5 peak
 * (broadband, so its correlation peak is sharp; within what laptop speakers and microphones pass).
 */
export function loopbackProbe(sampleRate: number): LoopbackProbe {
  const n = Math.round(CHIRP_SEC * sampleRate);
  const chirp = new Float32Array(n);
  const f0 = 500;
  const f1 = 6000;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const phase = 2 * Math.PI * (f0 * t + ((f1 - f0) * t * t) / (2 * CHIRP_SEC));
    const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    chirp[i] = 0.5 * window * Math.sin(phase);
  }
  const offsets = PROBE_OFFSETS_SEC.map((s) => Math.round(s * sampleRate));
  const buffer = new AudioBuffer({ numberOfChannels: 1, length: offsets[offsets.length - 1]! + n, sampleRate });
  const data = buffer.getChannelData(0);
  for (const o of offsets) data.set(chirp, o);
  return { buffer, chirp, offsets };
}

/** Normalised correlation every chirp must reach at the found delay. */
const MATCH_THRESHOLD = 0.6;

/**
 * Finds the probe in a capture that started when the probe did: the delay (frames, 0..maxLag) at which every chirp
 * correlates with the capture at ≥ 0.6 (normalised, same polarity), taking the delay whose weakest chirp matches best.
 * @returns the delay in frames, or null when no delay matches all chirps
 */
export function findProbe(capture: Float32Array, probe: LoopbackProbe, maxLag: number): number | null {
  const { chirp, offsets } = probe;
  const n = chirp.length;
  let chirpEnergy = 0;
  for (let j = 0; j < n; j++) chirpEnergy += chirp[j]! * chirp[j]!;
  const lastLag = Math.min(maxLag, capture.length - (offsets[offsets.length - 1]! + n));
  let best: number | null = null;
  let bestScore = MATCH_THRESHOLD;
  for (let lag = 0; lag <= lastLag; lag++) {
    let score = Infinity;
    let sign = 0;
    for (const o of offsets) {
      const at = lag + o;
      let dot = 0;
      let energy = 0;
      for (let j = 0; j < n; j++) {
        const x = capture[at + j]!;
        dot += x * chirp[j]!;
        energy += x * x;
      }
      if (energy === 0) {
        score = 0;
        break;
      }
      const ncc = dot / Math.sqrt(energy * chirpEnergy);
      const s = Math.sign(ncc);
      if (sign === 0) sign = s;
      if (s !== sign) {
        score = 0;
        break;
      }
      score = Math.min(score, Math.abs(ncc));
      if (score < bestScore) break;
    }
    if (score > bestScore) {
      bestScore = score;
      best = lag;
    }
  }
  return best;
}
