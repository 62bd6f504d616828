import { useEffect, useRef } from 'react';
import { gainToDb, SILENCE_DB } from '../../dsp/decibels';
import { meterBallistics } from '../../dsp/levels';
import { useEngine } from '../engineApi';
import { onFrame } from '../frameLoop';

const FLOOR_DB = -60;
const CEIL_DB = 6;
const toFraction = (valueDb: number) => Math.max(0, Math.min(1, (valueDb - FLOOR_DB) / (CEIL_DB - FLOOR_DB)));

interface MeterProps {
  /** Track id, or "master". */
  readonly source: string;
  readonly label: string;
  /** Show the numeric peak under the bars. */
  readonly readout?: boolean;
}

/**
 * A stereo peak meter drawn outside React: each frame sets two transforms directly. The coloured scale
 * is fixed (green to −12 dB, amber to −3 dB, red above) and a cover slides off it, so colours keep their meaning.
 * It exposes its level as data-level-db (updated ~10 times a second) for tests and assistive tech.
 */
export function Meter({ source, label, readout = false }: MeterProps) {
  const engine = useEngine();
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let shownL = SILENCE_DB;
    let shownR = SILENCE_DB;
    let lastReport = 0;
    return onFrame((now, elapsed) => {
      const [l = 0, r = 0] = engine.readMeter(source);
      shownL = meterBallistics(shownL, Math.max(SILENCE_DB, gainToDb(l)), elapsed);
      shownR = meterBallistics(shownR, Math.max(SILENCE_DB, gainToDb(r)), elapsed);
      if (left.current) left.current.style.transform = `scaleY(${1 - toFraction(shownL)})`;
      if (right.current) right.current.style.transform = `scaleY(${1 - toFraction(shownR)})`;
      if (now - lastReport > 100 && root.current) {
        lastReport = now;
        const peak = Math.max(shownL, shownR);
        const label = peak <= FLOOR_DB ? 'silent' : peak.toFixed(1);
        root.current.dataset.levelDb = peak <= SILENCE_DB ? '-Infinity' : peak.toFixed(1);
        root.current.classList.toggle('clipping', peak > 0);
        if (text.current) text.current.textContent = label === 'silent' ? '−∞' : label.replace('-', '−');
      }
    });
  }, [engine, source]);

  return (
    <div className="meter" ref={root} data-meter={source} role="img" aria-label={`${label} level meter`} data-level-db="-Infinity">
      <div className="meter-bars" aria-hidden="true">
        <div className="meter-track">
          <div className="meter-cover" ref={left} />
        </div>
        <div className="meter-track">
          <div className="meter-cover" ref={right} />
        </div>
      </div>
      {readout && (
        <span className="meter-readout" ref={text} aria-hidden="true">
          −∞
        </span>
      )}
    </div>
  );
}
