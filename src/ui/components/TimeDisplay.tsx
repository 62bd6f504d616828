import { useEffect, useRef } from 'react';
import { formatBarsBeats, formatClock } from '../../dsp/musicalTime';
import { useEngine } from '../engineApi';
import { onFrame } from '../frameLoop';
import { useEarshot } from '../StoreContext';

/** Bars.beats and clock time of the playhead, drawn each frame without re-rendering React. */
export function TimeDisplay() {
  const engine = useEngine();
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const bars = useRef<HTMLSpanElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shown = '';
    return onFrame(() => {
      const t = engine.getPositionSec();
      const c = formatClock(t);
      if (c === shown) return;
      shown = c;
      if (clock.current) clock.current.textContent = c;
      if (bars.current) bars.current.textContent = formatBarsBeats(t, { bpm, beatsPerBar });
    });
  }, [engine, bpm, beatsPerBar]);
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
