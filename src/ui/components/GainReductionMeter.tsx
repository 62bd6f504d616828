import { useEffect, useRef } from 'react';
import { useEngine } from '../engineApi';
import { formatDbShort } from '../format';
import { onThrottled } from '../frameLoop';

/** The bar's full length, dB of gain reduction. */
const RANGE_DB = 20;
/** The same rate as the level meters, and in the same frames (see frameLoop.ts). */
const DRAW_INTERVAL_MS = 30;

interface GainReductionMeterProps {
  /** Track or bus id. */
  readonly stripId: string;
  /** Strip name, for the accessible name ("Piano compressor gain reduction"). */
  readonly stripName: string;
  /** "bar": a thin line inside the strip's Comp button (decoration); "full": a labelled meter with a readout. */
  readonly variant: 'bar' | 'full';
}

/**
 * How far a strip's compressor is turning the sound down right now, drawn outside React: about 30 times a second
 * it sets one transform, when it changed. The full meter also shows the figure (~10 times a second) and exposes it
 * as data-gr-db.
 */
export function GainReductionMeter({ stripId, stripName, variant }: GainReductionMeterProps) {
  const engine = useEngine();
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let shown = -1;
    let lastReport = 0;
    let shownText = '';
    return onThrottled((now) => {
      const db = Math.min(0, engine.compressorReductionDb(stripId));
      const fraction = Math.min(1, -db / RANGE_DB);
      // Skip the style write when nothing visible changed (most strips, most of the time).
      if (bar.current && Math.abs(fraction - shown) > 0.002) {
        shown = fraction;
        bar.current.style.transform = variant === 'full' ? `scaleY(${fraction})` : `scaleX(${fraction})`;
      }
      if (variant === 'full' && now - lastReport > 100 && root.current) {
        lastReport = now;
        const figure = db > -0.05 ? '0.0' : formatDbShort(db);
        root.current.dataset.grDb = db.toFixed(1);
        if (text.current && figure !== shownText) {
          shownText = figure;
          text.current.textContent = figure;
        }
      }
    }, { intervalMs: DRAW_INTERVAL_MS, awayFromPlayhead: true });
  }, [engine, stripId, variant]);

  if (variant === 'bar')
    return (
      <div className="gr-bar" aria-hidden="true">
        <div className="gr-bar-fill" ref={bar} />
      </div>
    );
  return (
    <div className="gr-meter" ref={root} role="img" aria-label={`${stripName} compressor gain reduction`} data-gr-db="0.0">
      <span className="gr-meter-caption" aria-hidden="true">
        GR
      </span>
      <div className="gr-meter-track" aria-hidden="true">
        <div className="gr-meter-fill" ref={bar} />
      </div>
      <span className="gr-meter-text" ref={text} aria-hidden="true">
        0.0
      </span>
    </div>
  );
}
