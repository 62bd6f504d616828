import { secondsPerBar } from '../../dsp/musicalTime';
import { Icon } from '../components/Icon';
import { TimeDisplay } from '../components/TimeDisplay';
import { useEarshot } from '../StoreContext';

function LoopBars() {
  const loop = useEarshot((s) => s.project.loop);
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const durationSec = useEarshot((s) => s.project.durationSec);
  const actions = useEarshot((s) => s.actions);
  const barSec = secondsPerBar({ bpm, beatsPerBar });
  const bars = Math.max(1, Math.ceil(durationSec / barSec));
  const from = Math.round(loop.startSec / barSec) + 1;
  const to = Math.max(from, Math.round(loop.endSec / barSec));
  const set = (a: number, b: number) => actions.setLoop((a - 1) * barSec, b * barSec);
  return (
    <div className="loop-bars" role="group" aria-label="Loop region in bars">
      <label className="field">
        <span>Bars</span>
        <input type="number" aria-label="Loop start bar" min={1} max={bars} value={from} onChange={(e) => set(Number(e.currentTarget.value), Math.max(to, Number(e.currentTarget.value)))} />
      </label>
      <label className="field">
        <span>to</span>
        <input type="number" aria-label="Loop end bar" min={1} max={bars} value={to} onChange={(e) => set(Math.min(from, Number(e.currentTarget.value)), Number(e.currentTarget.value))} />
      </label>
    </div>
  );
}

export function TransportBar() {
  const playState = useEarshot((s) => s.playState);
  const loopOn = useEarshot((s) => s.project.loop.enabled);
  const metronome = useEarshot((s) => s.metronome);
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const keyName = useEarshot((s) => s.project.keyName);
  const pxPerSec = useEarshot((s) => s.pxPerSec);
  const actions = useEarshot((s) => s.actions);
  const playing = playState === 'playing';
  return (
    <div className="transport" role="toolbar" aria-label="Transport">
      <div className="transport-group">
        <button type="button" className="btn btn-play" aria-label="Play" aria-pressed={playing} title={playing ? 'Pause (Space)' : 'Play (Space)'} onClick={actions.togglePlay}>
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="btn" aria-label="Stop" title="Stop and return to the start (Home)" onClick={actions.stop}>
          <Icon name="stop" />
        </button>
        <button type="button" className="btn btn-toggle" aria-label="Loop" aria-pressed={loopOn} title="Loop (L)" onClick={() => actions.setLoopEnabled(!loopOn)}>
          <Icon name="loop" />
        </button>
        <button type="button" className="btn btn-toggle" aria-label="Metronome" aria-pressed={metronome} title="Metronome (K)" onClick={() => actions.setMetronome(!metronome)}>
          <Icon name="metronome" />
        </button>
      </div>
      <TimeDisplay />
      <div className="transport-info" aria-label="Song">
        <span className="info-chip" title="Tempo">
          <strong>{bpm}</strong> BPM
        </span>
        <span className="info-chip" title="Time signature">
          {beatsPerBar}/4
        </span>
        {keyName && <span className="info-chip">{keyName}</span>}
      </div>
      <LoopBars />
      <div className="transport-group" role="group" aria-label="Zoom">
        <button type="button" className="btn btn-small" aria-label="Zoom out" title="Zoom out (−)" onClick={() => actions.setZoom(pxPerSec / 1.5)}>
          <Icon name="zoom-out" />
        </button>
        <button type="button" className="btn btn-small" aria-label="Zoom in" title="Zoom in (+)" onClick={() => actions.setZoom(pxPerSec * 1.5)}>
          <Icon name="zoom-in" />
        </button>
      </div>
    </div>
  );
}
