import { useEffect, useRef } from 'react';
import { formatDb } from '../../dsp/decibels';
import { useCommands } from '../commandsApi';
import { onThrottled } from '../frameLoop';

/** The microphone's level while recording, drawn about 30 times a second outside React state. */
export function InputMeter() {
  const commands = useCommands();
  const bar = useRef<HTMLSpanElement>(null);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      onThrottled(
        () => {
          const db = commands.readInputDb();
          const fill = Number.isFinite(db) ? Math.max(0, Math.min(1, (db + 60) / 60)) : 0;
          if (bar.current) bar.current.style.width = `${(fill * 100).toFixed(1)}%`;
          if (box.current) box.current.setAttribute('aria-valuetext', Number.isFinite(db) ? formatDb(db) : 'no signal');
        },
        { intervalMs: 30 },
      ),
    [commands],
  );
  return (
    <span ref={box} className="input-meter" role="meter" aria-label="Input level" aria-valuemin={-60} aria-valuemax={0} aria-valuetext="no signal">
      <span ref={bar} className="input-meter-fill" />
    </span>
  );
}
