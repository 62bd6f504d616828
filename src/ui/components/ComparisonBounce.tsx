import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FLOOR_DB, SHORT_TERM_SEC, type ComparisonAnalysis } from '../../dsp/bounceAnalysis';
import { TECHNIQUES } from '../../presets';
import { AS_MIXED, AS_MIXED_LABEL, comparisonVariants } from '../../presets/comparison';
import type { EarshotStore } from '../../state/store';
import { useEngine } from '../engineApi';
import { useEarshot, useEarshotStore } from '../StoreContext';
import './ComparisonBounce.css';

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 5;
/** A comparison renders at least this much (short-term loudness needs 3 s windows) and at most this much, seconds. */
const MIN_SEC = 6;
const MAX_SEC = 30;

/** One colour and one dash pattern per variant, so the lines part on a washed-out projector and without colour. */
const STYLES = [
  { color: '#ffb547', dash: '' },
  { color: '#5cc8ff', dash: '12 6' },
  { color: '#f0e442', dash: '3 6' },
  { color: '#ff7ab8', dash: '16 5 3 5' },
  { color: '#5ee69a', dash: '7 4' },
] as const;

const CHOICES = [{ id: AS_MIXED, label: AS_MIXED_LABEL }, ...TECHNIQUES.map((t) => ({ id: t.id, label: t.name }))];

/** The stretch compared: the loop when it is on, else 12 s from the playhead; kept within 6..30 s and the song. */
function bounceExcerpt(store: EarshotStore): { startSec: number; endSec: number } {
  const { project, cursorSec } = store.getState();
  let start: number;
  let end: number;
  if (project.loop.enabled) [start, end] = [project.loop.startSec, project.loop.endSec];
  else {
    start = Math.max(0, Math.min(cursorSec, project.durationSec - 12));
    end = start + 12;
  }
  end = Math.min(end, start + MAX_SEC);
  if (end - start < MIN_SEC) end = start + MIN_SEC;
  if (end > project.durationSec) [start, end] = [Math.max(0, project.durationSec - (end - start)), project.durationSec];
  return { startSec: start, endSec: end };
}

const fmt = (x: number, digits = 1) => x.toFixed(digits).replace('-', '−');
const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const hzLabel = (label: string) => (label.endsWith('k') ? `${label.slice(0, -1)} kHz` : `${label} Hz`);

/** Renders 2–5 versions of the excerpt, matches their loudness and overlays their spectra and short-term loudness. */
export function ComparisonBounce() {
  const store = useEarshotStore();
  const engine = useEngine();
  const actions = useEarshot((s) => s.actions);
  const playState = useEarshot((s) => s.playState);
  const [chosen, setChosen] = useState<readonly string[]>([AS_MIXED]);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ analysis: ComparisonAnalysis; startSec: number } | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const alive = useRef(true);

  // The song and a bounce never sound together: Play on the transport stops the bounce (its onEnded clears `playing`).
  useEffect(() => {
    if (playState === 'playing') engine.stopBounce();
  }, [playState, engine]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      engine.stopBounce();
    };
  }, [engine]);

  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? CHOICES.map((x) => x.id).filter((x) => x === id || c.includes(x)) : c.filter((x) => x !== id)));
  const count = chosen.length;
  const canRender = count >= MIN_VARIANTS && count <= MAX_VARIANTS && progress === null;

  const render = async () => {
    const excerpt = bounceExcerpt(store);
    const variants = comparisonVariants(store.getState().project, chosen);
    const notes = variants.flatMap((v) => (v.note ? [v.note] : []));
    if (notes.length > 0) actions.notify('info', notes.join(' '));
    engine.stopBounce();
    setPlaying(null);
    setProgress(0);
    try {
      const analysis = await engine.bounce(variants, excerpt, (f) => alive.current && setProgress(f));
      if (alive.current) setResult({ analysis, startSec: excerpt.startSec });
    } catch (e) {
      actions.notify('error', `The comparison could not be rendered: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (alive.current) setProgress(null);
    }
  };

  const play = (i: number) => {
    if (playing === i) {
      engine.stopBounce();
      setPlaying(null);
      return;
    }
    actions.pause();
    engine.playBounce(i, () => alive.current && setPlaying((p) => (p === i ? null : p)));
    setPlaying(i);
  };

  return (
    <section className="bounce" aria-labelledby="bounce-title">
      <h3 id="bounce-title">Comparison bounce</h3>
      <p className="muted bounce-intro">
        Renders the loop (or 12 s from the playhead) in {MIN_VARIANTS} to {MAX_VARIANTS} versions, turns each down to the loudness of the quietest, and
        lays their spectra and their loudness over time on top of each other. <em>As mixed</em> is your mix without techniques; each other version adds
        one.
      </p>
      <fieldset className="bounce-choices">
        <legend>
          Versions to compare ({count} of {MIN_VARIANTS}–{MAX_VARIANTS})
        </legend>
        {CHOICES.map((c) => {
          const on = chosen.includes(c.id);
          return (
            <label key={c.id} className={`bounce-choice${on ? ' is-on' : ''}`}>
              <input type="checkbox" checked={on} disabled={!on && count >= MAX_VARIANTS} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
              {c.label}
            </label>
          );
        })}
      </fieldset>
      <div className="bounce-actions">
        <button type="button" className="btn bounce-render" disabled={!canRender} onClick={() => void render()}>
          Render comparison
        </button>
        {progress !== null ? (
          <>
            <progress className="bounce-progress" value={progress} max={1} aria-label="Rendering comparison" />
            <span role="status">Rendering… {Math.round(progress * 100)}%</span>
          </>
        ) : (
          count < MIN_VARIANTS && <span className="muted">Choose at least {MIN_VARIANTS} versions.</span>
        )}
      </div>
      {result && <BounceResults analysis={result.analysis} startSec={result.startSec} playing={playing} onPlay={play} />}
    </section>
  );
}

function BounceResults({ analysis, startSec, playing, onPlay }: { analysis: ComparisonAnalysis; startSec: number; playing: number | null; onPlay: (i: number) => void }) {
  const { variants } = analysis;
  const names = variants.map((v) => v.label).join(', ');
  const ref = variants[0]!;
  // Where each version departs most from the first, in bands within 40 dB of the first's loudest.
  const loudest = Math.max(...ref.bandsDb);
  const spectrumNotes = variants.slice(1).map((v) => {
    let best = -1;
    v.bandsDb.forEach((db, b) => {
      if (db > FLOOR_DB && ref.bandsDb[b]! > loudest - 40 && (best < 0 || Math.abs(db - ref.bandsDb[b]!) > Math.abs(v.bandsDb[best]! - ref.bandsDb[best]!))) best = b;
    });
    return best < 0 ? `${v.label}: no sound to compare.` : `${v.label} ${signed(v.bandsDb[best]! - ref.bandsDb[best]!)} dB at ${hzLabel(analysis.bands[best]!.label)}`;
  });
  const endSec = startSec + analysis.durationSec;
  return (
    <div className="bounce-results">
      <ul className="bounce-legend" aria-label="Legend">
        {variants.map((v, i) => (
          <li key={i}>
            <svg width="48" height="14" aria-hidden="true">
              <line x1="2" y1="7" x2="46" y2="7" stroke={STYLES[i % STYLES.length]!.color} strokeWidth="4" strokeDasharray={STYLES[i % STYLES.length]!.dash} />
            </svg>
            <span className="bounce-legend-name">{v.label}</span>
            <span className="bounce-legend-gain">{Math.abs(v.gainDb) < 0.05 ? 'quietest, unchanged' : `turned down ${fmt(-v.gainDb)} dB`}</span>
            <button type="button" className="btn btn-small bounce-play" aria-pressed={playing === i} aria-label={`Play ${v.label}`} onClick={() => onPlay(i)}>
              <span aria-hidden="true">{playing === i ? '■' : '▶'}</span> Play
            </button>
          </li>
        ))}
      </ul>
      <div className="bounce-plots">
        <figure className="bounce-plot">
          <figcaption>Spectrum (1/3 octave, after matching)</figcaption>
          <SpectrumPlot analysis={analysis} label={`Spectra of ${variants.length} variants: ${names}`} />
          <p className="bounce-summary">
            {spectrumNotes.length > 0 ? `Largest difference from ${ref.label}: ${spectrumNotes.join('; ')}.` : ''}
          </p>
        </figure>
        <figure className="bounce-plot">
          <figcaption>Short-term loudness (3 s window)</figcaption>
          <LoudnessPlot analysis={analysis} startSec={startSec} label={`Short-term loudness over time of ${variants.length} variants: ${names}`} />
          <p className="bounce-summary">
            All matched to {fmt(analysis.targetLufs)} LUFS integrated over {fmt(startSec)}–{fmt(endSec)} s.{' '}
            {variants
              .map((v) => (Math.abs(v.gainDb) < 0.05 ? `${v.label} was the quietest` : `${v.label} was ${fmt(-v.gainDb)} dB louder`))
              .join('; ')}
            .
          </p>
        </figure>
      </div>
    </div>
  );
}

/** Plot frame in viewBox units; the SVG scales to its box, so type stays in proportion. */
const W = 640;
const H = 300;
const M = { left: 70, right: 18, top: 14, bottom: 54 };
const IW = W - M.left - M.right;
const IH = H - M.top - M.bottom;

function Frame({ label, xTicks, yTicks, xTitle, yTitle, children }: { label: string; xTicks: { x: number; text: string }[]; yTicks: { y: number; text: string }[]; xTitle: string; yTitle: string; children: ReactNode }) {
  return (
    <svg className="bounce-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x={M.left} y={M.top} width={IW} height={IH} className="plot-bg" />
      {yTicks.map((t) => (
        <g key={`y${t.text}`}>
          <line x1={M.left} x2={M.left + IW} y1={t.y} y2={t.y} className="plot-grid" />
          <text x={M.left - 8} y={t.y} dy="0.35em" textAnchor="end" className="plot-tick">
            {t.text}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`x${t.text}`}>
          <line y1={M.top} y2={M.top + IH} x1={t.x} x2={t.x} className="plot-grid" />
          <text x={t.x} y={M.top + IH + 22} textAnchor="middle" className="plot-tick">
            {t.text}
          </text>
        </g>
      ))}
      <text x={M.left + IW / 2} y={H - 6} textAnchor="middle" className="plot-title">
        {xTitle}
      </text>
      <text transform={`translate(18 ${M.top + IH / 2}) rotate(-90)`} textAnchor="middle" className="plot-title">
        {yTitle}
      </text>
      <svg x={M.left} y={M.top} width={IW} height={IH} viewBox={`0 0 ${IW} ${IH}`} overflow="hidden">
        {children}
      </svg>
    </svg>
  );
}

/** Rounds a range out to whole steps, at least `minSpan` wide. */
function niceRange(values: number[], step: number, minSpan: number, fallback: [number, number]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  let hi = Math.ceil(Math.max(...finite) / step) * step;
  let lo = Math.floor(Math.min(...finite) / step) * step;
  if (hi - lo < minSpan) lo = hi - minSpan;
  if (hi === lo) hi = lo + step;
  return [lo, hi];
}

function path(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

function SpectrumPlot({ analysis, label }: { analysis: ComparisonAnalysis; label: string }) {
  const { bands, variants } = analysis;
  const fLo = bands[0]!.lowHz;
  const fHi = bands.at(-1)!.highHz;
  const xOf = (hz: number) => (Math.log(hz / fLo) / Math.log(fHi / fLo)) * IW;
  const all = variants.flatMap((v) => v.bandsDb.filter((d) => d > FLOOR_DB));
  // Whole 10 dB steps around the data, 30 to 70 dB tall: what is lower than that is not what differs audibly.
  const [lo0, hi] = niceRange(all, 10, 30, [-60, 0]);
  const lo = Math.max(lo0, hi - 70);
  const yOf = (db: number) => ((hi - Math.max(lo, Math.min(hi, db))) / (hi - lo)) * IH;
  const xTicks = ['50', '100', '200', '500', '1k', '2k', '5k', '10k']
    .map((t) => ({ hz: t.endsWith('k') ? Number(t.slice(0, -1)) * 1000 : Number(t), text: t }))
    .filter((t) => t.hz > fLo && t.hz < fHi)
    .map((t) => ({ x: M.left + xOf(t.hz), text: t.text }));
  const yTicks = [];
  for (let d = lo; d <= hi; d += 10) yTicks.push({ y: M.top + yOf(d), text: fmt(d, 0) });
  return (
    <Frame label={label} xTicks={xTicks} yTicks={yTicks} xTitle="Frequency (Hz)" yTitle="Level (dB)">
      {variants.map((v, i) => (
        <path
          key={i}
          d={path(bands.map((b, k) => [xOf(b.centerHz), yOf(v.bandsDb[k]!)]))}
          className="plot-line"
          stroke={STYLES[i % STYLES.length]!.color}
          strokeDasharray={STYLES[i % STYLES.length]!.dash}
        />
      ))}
    </Frame>
  );
}

function LoudnessPlot({ analysis, startSec, label }: { analysis: ComparisonAnalysis; startSec: number; label: string }) {
  const { variants, hopSec } = analysis;
  const n = Math.max(...variants.map((v) => v.shortTermLufs.length));
  // Point i is the 3 s window ending at startSec + 3 + i·hop: drawn at the window's end, in song time.
  const t0 = startSec + SHORT_TERM_SEC;
  const t1 = t0 + Math.max(hopSec, (n - 1) * hopSec);
  const xOf = (t: number) => ((t - t0) / (t1 - t0)) * IW;
  const [lo, hi] = niceRange(
    variants.flatMap((v) => Array.from(v.shortTermLufs).filter((x) => x > -70)),
    3,
    12,
    [-30, -10],
  );
  const yOf = (l: number) => ((hi - Math.max(lo, Math.min(hi, l))) / (hi - lo)) * IH;
  const step = t1 - t0 > 16 ? 4 : t1 - t0 > 8 ? 2 : 1;
  const xTicks = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1 + 1e-6; t += step) xTicks.push({ x: M.left + xOf(t), text: `${t}` });
  const yTicks = [];
  const yStep = hi - lo > 24 ? 6 : 3;
  for (let l = lo; l <= hi; l += yStep) yTicks.push({ y: M.top + yOf(l), text: fmt(l, 0) });
  return (
    <Frame label={label} xTicks={xTicks} yTicks={yTicks} xTitle="Song time (s), end of each 3 s window" yTitle="Loudness (LUFS)">
      {variants.map((v, i) => (
        <path
          key={i}
          d={path(Array.from(v.shortTermLufs, (l, k) => [xOf(t0 + k * hopSec), yOf(Number.isFinite(l) ? l : lo)]))}
          className="plot-line"
          stroke={STYLES[i % STYLES.length]!.color}
          strokeDasharray={STYLES[i % STYLES.length]!.dash}
        />
      ))}
    </Frame>
  );
}
