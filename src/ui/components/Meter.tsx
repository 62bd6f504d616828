import { useEffect, useRef } from 'react';
import { gainToDb, SILENCE_DB } from '../../dsp/decibels';
import { meterBallistics } from '../../dsp/levels';
import { useEngine } from '../engineApi';
import { onThrottled } from '../frameLoop';
import { watchVisibility } from '../visibility';

const FLOOR_DB = -60;
const CEIL_DB = 6;
/** The engine reports peaks about 30 times a second; drawing more often would only smooth the fall. */
const DRAW_INTERVAL_MS = 30;
/** Smallest change of a cover worth a write: under half a pixel on a 215 px meter. */
const MIN_STEP = 0.002;
const toFraction = (valueDb: number) => Math.max(0, Math.min(1, (valueDb - FLOOR_DB) / (CEIL_DB - FLOOR_DB)));

interface MeterProps {
  /** Track id, or "master". */
  readonly source: string;
  readonly label: string;
  /** Show the numeric peak under the bars. */
  readonly readout?: boolean;
}

/**
 * A stereo peak meter drawn outside React: about 30 times a second it sets two transforms directly, only when they
 * changed and only while the meter is on screen. The coloured scale is fixed (green to −12 dB, amber to −3 dB, red above) and a cover slides off it, so colours keep their meaning.
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
    // What the covers show now (1: all covered); -1 forces the next write.
    let drawnL = -1;
    let drawnR = -1;
    let visible = true;
    let lastReport = 0;
    let shownText = '';
    const stopWatching = root.current
      ? watchVisibility(root.current, (v) => {
          visible = v;
          drawnL = -1;
          drawnR = -1;
        })
      : () => undefined;
    const stopDrawing = onThrottled(
      (now, elapsed) => {
        const [l = 0, r = 0] = engine.readMeter(source);
        shownL = meterBallistics(shownL, Math.max(SILENCE_DB, gainToDb(l)), elapsed);
        shownR = meterBallistics(shownR, Math.max(SILENCE_DB, gainToDb(r)), elapsed);
        if (visible) {
          // Write only what moved visibly: a still or silent meter costs the compositor nothing.
          const coverL = 1 - toFraction(shownL);
          const coverR = 1 - toFraction(shownR);
          if (left.current && Math.abs(coverL - drawnL) > MIN_STEP) {
            drawnL = coverL;
            left.current.style.transform = `scaleY(${coverL})`;
          }
          if (right.current && Math.abs(coverR - drawnR) > MIN_STEP) {
            drawnR = coverR;
            right.current.style.transform = `scaleY(${coverR})`;
          }
        }
        if (now - lastReport > 100 && root.current) {
          lastReport = now;
          const peak = Math.max(shownL, shownR);
          const label = peak <= FLOOR_DB ? 'silent' : peak.toFixed(1);
          root.current.dataset.levelDb = peak <= SILENCE_DB ? '-Infinity' : peak.toFixed(1);
          root.current.classList.toggle('clipping', peak > 0);
          const figure = label === 'silent' ? '−∞' : label.replace('-', '−');
          // Changing text costs a layout and a repaint: only when the figure changes.
          if (text.current && figure !== shownText) {
            shownText = figure;
            text.current.textContent = figure;
          }
        }
      },
      { intervalMs: DRAW_INTERVAL_MS, awayFromPlayhead: true },
    );
    return () => {
      stopDrawing();
      stopWatching();
    };
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
