import { useEffect, useRef } from 'react';
import { formatBarsBeats, formatClock } from '../../dsp/musicalTime';
import { useEngine } from '../engineApi';
import { onThrottled } from '../frameLoop';
import { useEarshot, useEarshotStore } from '../StoreContext';

const READOUT_INTERVAL_MS = 100;

/** Bars.beats and clock time of the playhead, written about ten times a second without re-rendering React. */
export function TimeDisplay() {
  const engine = useEngine();
  const store = useEarshotStore();
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const bars = useRef<HTMLSpanElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shownClock = '';
    let shownBars = '';
    // New text costs a layout and a repaint, so ten times a second is enough while playing: hundredths go by too
    // fast to read. Stopped or paused, the figure changes only on a seek or a pause, and shows at once.
    return onThrottled(
      () => {
        const t = engine.getPositionSec();
        const c = formatClock(t);
        if (c === shownClock) return;
        shownClock = c;
        if (clock.current) clock.current.textContent = c;
        const b = formatBarsBeats(t, { bpm, beatsPerBar });
        if (b !== shownBars && bars.current) {
          shownBars = b;
          bars.current.textContent = b;
        }
      },
      { intervalMs: () => (store.getState().playState === 'playing' ? READOUT_INTERVAL_MS : 0) },
    );
  }, [engine, store, bpm, beatsPerBar]);
  return (
    <div className="time-display" role="timer" aria-label="Playhead position" aria-live="off">
      <span className="time-bars" ref={bars} data-testid="position-bars">
        1.1
      </span>
      <span className="time-clock" ref={clock} data-testid="position-clock">
        0:00.00
      </span>
    </div>
  );
}
