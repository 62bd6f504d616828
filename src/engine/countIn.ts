/** Click pitch of the first (accented) beat and of the others, Hz: the metronome's. */
export const COUNT_IN_ACCENT_HZ = 1760;
export const COUNT_IN_BEAT_HZ = 1320;
/** Peak gain of the accented click and of the others (linear): the metronome's 0.35 output × 1 and × 0.6. */
export const COUNT_IN_ACCENT_GAIN = 0.35;
export const COUNT_IN_BEAT_GAIN = 0.21;
/** Click length, seconds: 1 ms attack, exponential decay to −60 dB at 50 ms, silent by 60 ms. */
const ATTACK_SEC = 0.001;
const DECAY_END_SEC = 0.05;
const CLICK_SEC = 0.06;

/**
 * Schedules a count-in: `beats` short clicks one beat apart from `startTime`, the first accented (higher and louder),
 * made of OscillatorNodes that disconnect themselves when they end.
 * @param context the context to play on (realtime or offline)
 * @param destination where the clicks go (the speakers, not the mix: a count-in is never exported)
 * @param startTime context time of the first click, seconds ≥ 0
 * @param beats number of clicks, an integer ≥ 0 (0 schedules nothing)
 * @param bpm tempo, beats per minute, > 0
 * @param signal optional: aborting it silences the clicks not yet played (Stop pressed during the count-in)
 * @returns the context time the count-in ends, seconds: startTime + beats × 60 / bpm, when playback and recording
 *   should start
 */
export function scheduleCountIn(
  context: BaseAudioContext,
  destination: AudioNode,
  startTime: number,
  beats: number,
  bpm: number,
  signal?: AbortSignal,
): number {
  if (!Number.isInteger(beats) || beats < 0) throw new RangeError(`beats must be an integer ≥ 0, got ${beats}`);
  if (!Number.isFinite(bpm) || bpm <= 0) throw new RangeError(`bpm must be > 0, got ${bpm}`);
  if (!Number.isFinite(startTime) || startTime < 0) throw new RangeError(`startTime must be ≥ 0 seconds, got ${startTime}`);
  const beatSec = 60 / bpm;
  const endTime = startTime + beats * beatSec;
  if (signal?.aborted) return endTime;

  const live = new Set<OscillatorNode>();
  const onAbort = (): void => {
    const now = context.currentTime;
    for (const osc of live) osc.stop(now);
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  for (let beat = 0; beat < beats; beat++) {
    const time = startTime + beat * beatSec;
    const accent = beat === 0;
    const osc = new OscillatorNode(context, { type: 'sine', frequency: accent ? COUNT_IN_ACCENT_HZ : COUNT_IN_BEAT_HZ });
    const env = new GainNode(context, { gain: 0 });
    osc.connect(env).connect(destination);
    env.gain.setValueAtTime(0, time);
    env.gain.linearRampToValueAtTime(accent ? COUNT_IN_ACCENT_GAIN : COUNT_IN_BEAT_GAIN, time + ATTACK_SEC);
    env.gain.exponentialRampToValueAtTime(0.001 * (accent ? COUNT_IN_ACCENT_GAIN : COUNT_IN_BEAT_GAIN), time + DECAY_END_SEC);
    env.gain.setValueAtTime(0, time + DECAY_END_SEC);
    osc.start(time);
    osc.stop(time + CLICK_SEC);
    live.add(osc);
    osc.onended = () => {
      osc.disconnect();
      env.disconnect();
      live.delete(osc);
      if (live.size === 0) signal?.removeEventListener('abort', onAbort);
    };
  }
  return endTime;
}
