import { setLoopTicks, startTransportAt } from './transportTime';
import type { EarshotStore } from '../state/store';
import type { AudioStatus } from '../state/store';
import { STREAMING_REFERENCE_LUFS } from '../state/mastering';
import type { AudioEngine } from './AudioEngine';

/** Parameter glide while sound plays: short enough to feel instant, long enough not to click. */
export const RAMP_SEC = 0.02;

/** After the system takes the audio away, the engine asks for it back by itself at most this often, ms. */
const AUTO_RESUME_INTERVAL_MS = 5000;

/**
 * Makes the engine follow the store, one subscription per concern. Returns the function that undoes it all.
 */
export function bindStore(store: EarshotStore, engine: AudioEngine): () => void {
  const { transport } = engine;
  const actions = () => store.getState().actions;
  const off: Array<() => void> = [];

  // The mix: tracks, clips, strips, master. Asset arrivals re-apply, so a late stem joins in.
  const applyMix = (ramp: number) => engine.graph.apply(store.getState().project, ramp);
  applyMix(0);
  off.push(store.subscribe((s) => s.project.tracks, () => applyMix(RAMP_SEC)));
  off.push(store.subscribe((s) => s.project.buses, () => applyMix(RAMP_SEC)));
  off.push(store.subscribe((s) => s.project.master, () => applyMix(RAMP_SEC)));
  off.push(store.subscribe((s) => s.assetStatus, () => applyMix(RAMP_SEC)));

  // Streaming preview: a louder master is heard turned down to the streaming reference, as a service would.
  const applyPreview = () => {
    const s = store.getState();
    const measured = s.mixAnalysis?.integratedLufs;
    const turnDown = s.streamingPreview && measured !== undefined && Number.isFinite(measured) ? Math.min(0, STREAMING_REFERENCE_LUFS - measured) : 0;
    engine.graph.master.setMonitorGainDb(turnDown, RAMP_SEC * 5);
  };
  applyPreview();
  off.push(store.subscribe((s) => s.streamingPreview, applyPreview));
  off.push(store.subscribe((s) => s.mixAnalysis, applyPreview));

  // Tempo (MixGraph.apply sets the bpm itself, before it places clips) and loop.
  const applyTempo = () => {
    transport.timeSignature = store.getState().project.beatsPerBar;
    applyMix(RAMP_SEC);
  };
  applyTempo();
  off.push(store.subscribe((s) => s.project.bpm, applyTempo));
  off.push(store.subscribe((s) => s.project.beatsPerBar, applyTempo));
  const applyLoop = () => {
    const { loop } = store.getState().project;
    setLoopTicks(transport, loop.startSec, loop.endSec);
    transport.loop = loop.enabled;
    applyMix(RAMP_SEC); // automation follows the loop
  };
  applyLoop();
  off.push(store.subscribe((s) => s.project.loop, applyLoop));

  // The end of the song stops playback (unless a loop keeps it inside).
  let endEvent: number | null = null;
  const scheduleEnd = () => {
    if (endEvent !== null) transport.clear(endEvent);
    const end = store.getState().project.durationSec;
    endEvent = end > 0 ? transport.schedule(() => setTimeout(() => actions().stop(), 0), end) : null;
  };
  scheduleEnd();
  off.push(store.subscribe((s) => s.project.durationSec, scheduleEnd));

  // Play, pause, stop and seek.
  const startAt = (sec: number) => {
    const s = store.getState();
    const from = sec >= s.project.durationSec - 0.01 ? 0 : sec;
    void engine.resume().catch(() => undefined);
    // Stop and start at the same instant: synced players end and restart on one audio frame.
    const t = engine.takeStartTime();
    if (transport.state === 'started') transport.stop(t);
    startTransportAt(transport, t, from, false);
  };
  off.push(
    store.subscribe(
      (s) => s.playState,
      (playState, prev) => {
        if (playState === 'playing') startAt(store.getState().cursorSec);
        else if (playState === 'paused' && prev === 'playing') {
          const at = engine.getPositionSec();
          transport.pause();
          actions().syncCursor(at);
          transport.seconds = at;
        } else if (playState === 'stopped') {
          transport.stop();
          transport.seconds = store.getState().cursorSec;
        }
      },
    ),
  );
  off.push(
    store.subscribe(
      (s) => s.seekSerial,
      () => {
        const s = store.getState();
        if (s.playState === 'playing') startAt(s.cursorSec);
        else transport.seconds = s.cursorSec;
      },
    ),
  );

  // Metronome.
  const applyMetronome = () => engine.metronome.setEnabled(store.getState().metronome, store.getState().project.beatsPerBar);
  applyMetronome();
  off.push(store.subscribe((s) => s.metronome, applyMetronome));

  // Tell the user what the audio context is doing (autoplay policy, interruptions, device loss), and win it back.
  // Earshot never suspends its own context: once it has run, leaving 'running' is the system's doing (another app
  // took the audio device, a call, a sleeping laptop, a backgrounded tab on mobile). Playback pauses where it was
  // heard, and the engine asks for the audio back at once: the page's earlier gesture usually allows that. If it
  // is granted, playback goes on and a notice says what happened; if not, the status says "interrupted" until Play
  // (a gesture, which resumes the context) or resumeAudioIfInterrupted() brings it back.
  const raw = engine.raw;
  // An offline context (tests render the engine offline) closes when its render ends: nothing to win back.
  const realtime = !(raw instanceof OfflineAudioContext);
  let hasRun = raw.state === 'running';
  let pausedByInterruption = false;
  // One automatic attempt per interruption: a system that takes the device again at once is not fought in a loop.
  let lastAutoResume = -Infinity;
  const onStateChange = () => {
    const state = raw.state as string;
    if (state === 'running') {
      hasRun = true;
      actions().setAudioStatus('running');
      if (pausedByInterruption) {
        pausedByInterruption = false;
        if (store.getState().playState === 'paused') {
          actions().play();
          actions().notify('info', 'Audio was interrupted by the system and is back: playback goes on.');
        }
      }
      return;
    }
    actions().setAudioStatus(mapState(state, hasRun));
    if (!hasRun || !realtime) return; // before the first start, the autoplay policy: the first gesture starts it
    if (store.getState().playState === 'playing') {
      pausedByInterruption = true;
      actions().pause();
    }
    if (state !== 'closed' && Date.now() - lastAutoResume > AUTO_RESUME_INTERVAL_MS) {
      lastAutoResume = Date.now();
      void engine.resume().catch(() => undefined);
    }
  };
  onStateChange();
  raw.addEventListener('statechange', onStateChange);
  off.push(() => raw.removeEventListener('statechange', onStateChange));

  return () => {
    if (endEvent !== null) transport.clear(endEvent);
    for (const f of off.splice(0).reverse()) f();
  };
}

/**
 * The status the UI shows for a context state. 'suspended' is the autoplay policy holding audio back before it
 * ever ran; once it has run, a suspended context was taken away by the system and reads as 'interrupted'.
 */
function mapState(state: string, hasRun: boolean): AudioStatus {
  if (state === 'running') return 'running';
  if (state === 'closed') return 'closed';
  if (state === 'interrupted' || hasRun) return 'interrupted';
  return 'suspended';
}

/**
 * Asks for the audio back when the system took it (for a gesture or the page becoming visible again); does nothing
 * before the first start or after the context closed. Resolves once the attempt is done; a refusal is not an error.
 */
export async function resumeAudioIfInterrupted(store: EarshotStore, engine: AudioEngine): Promise<void> {
  if (store.getState().audioStatus !== 'interrupted') return;
  await engine.resume().catch(() => undefined);
}
