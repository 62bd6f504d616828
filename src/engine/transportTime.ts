/**
 * Song positions handed to Tone's transport in ticks, so that a clip starting exactly where playback (or a loop)
 * starts is never dropped.
 *
 * Tone converts seconds to ticks in floating point: 25 s at 96 BPM becomes 7679.999… ticks. A transport event
 * fires on the tick floor(t), while a transport started at 25 s processes ticks from round(t) = 7680 on, and a
 * synced player skips a start that coincides with the transport's start offset (it leaves it to the tick). So the
 * chorus entry of the demo song was silent whenever playback, an export or a loudness measurement began at the
 * chorus. And a loop starting on a clip could start it twice (+6 dB) on every pass. Here a clip that sits on a
 * whole tick is scheduled one sample after it, and playback and loops begin exactly on the whole tick at or before
 * the requested position (at most one tick, 3.3 ms at 96 BPM: the resolution Tone's loops already have; exports
 * move the start earlier by the same amount, so they stay sample-aligned).
 */

/** Far below a tick's length at any tempo, far above float error in a song's range of ticks (absolute ticks). */
const SNAP_TICKS = 1e-6;

interface TransportLike {
  readonly PPQ: number;
  readonly bpm: { value: number };
}

/** Ticks at a song time, as a plain number (bpm constant over the song). */
export function ticksAt(transport: TransportLike, sec: number): number {
  return (sec * transport.bpm.value * transport.PPQ) / 60;
}

export function secondsOfTicks(transport: TransportLike, ticks: number): number {
  return (ticks * 60) / (transport.bpm.value * transport.PPQ);
}

/**
 * When a synced Tone player should start a clip, in seconds. A clip on (or within float error of) a whole tick other
 * than 0 starts one sample after that tick (the caller skips that sample of the audio, so every later sample sounds
 * exactly where it would have): Tone then files the event under that tick, not the one before, and a transport
 * starting or looping on the tick leaves the start to the tick alone instead of starting the clip twice (once as
 * "already playing", once as due: Tone compares times within 1 µs, and a sample is 21 µs or more).
 * Tick 0 needs no help (Tone never treats a start at 0 as "already playing").
 */
export function clipStartTime(transport: TransportLike, sec: number, sampleRate: number): number {
  const s = Math.max(0, sec);
  const t = ticksAt(transport, s);
  const whole = Math.round(t);
  if (whole === 0 || Math.abs(t - whole) >= SNAP_TICKS) return s;
  return secondsOfTicks(transport, whole) + 1 / sampleRate;
}

/** The whole tick at or just before a song time: where playback or a loop actually begins. */
export function startTick(transport: TransportLike, sec: number): number {
  return Math.max(0, Math.floor(ticksAt(transport, Math.max(0, sec)) + SNAP_TICKS));
}

/**
 * Starts the transport so that song time `sec` sounds at context time `at` (exactly, when `at` leaves room for the
 * sub-tick lead; live playback passes "now" and starts up to one tick early in the song instead).
 */
export function startTransportAt(
  transport: TransportLike & { start(time: number, offset: string): unknown },
  at: number,
  sec: number,
  alignExactly: boolean,
): void {
  const tick = startTick(transport, sec);
  const lead = sec - secondsOfTicks(transport, tick);
  transport.start(alignExactly ? at - lead : at, `${tick}i`);
}

/** Sets the loop so it begins on a whole tick (Tone processes loops tick by tick). */
export function setLoopTicks(transport: TransportLike & { setLoopPoints(start: string, end: number): unknown }, startSec: number, endSec: number): void {
  transport.setLoopPoints(`${startTick(transport, startSec)}i`, endSec);
}
