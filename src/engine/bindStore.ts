import type { EarshotStore } from '../state/store';
import type { AudioStatus } from '../state/store';
import { STREAMING_REFERENCE_LUFS } from '../state/mastering';
import type { AudioEngine } from './AudioEngine';

/** Parameter glide while sound plays: short enough to feel instant, long enough not to click. */
export const RAMP_SEC = 0.02;

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
    transport.setLoopPoints(loop.startSec, loop.endSec);
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
    transport.start(t, from);
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

  // Tell the user what the audio context is doing (autoplay policy, device loss).
  const raw = engine.raw;
  const reportStatus = () => actions().setAudioStatus(mapState(raw.state));
  reportStatus();
  raw.addEventListener('statechange', reportStatus);
  off.push(() => raw.removeEventListener('statechange', reportStatus));

  return () => {
    if (endEvent !== null) transport.clear(endEvent);
    for (const f of off.splice(0).reverse()) f();
  };
}

function mapState(state: string): AudioStatus {
  if (state === 'running') return 'running';
  if (state === 'closed') return 'closed';
  if (state === 'interrupted') return 'interrupted';
  return 'suspended';
}
