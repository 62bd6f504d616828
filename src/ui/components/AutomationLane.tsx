import { type KeyboardEvent, type PointerEvent as ReactPointerEvent, useRef } from 'react';
import { FADER_MAX_DB, FADER_MIN_DB, formatFaderDb } from '../../dsp/decibels';
import { formatClock } from '../../dsp/musicalTime';
import { formatPan } from '../../dsp/pan';
import type { AutomationParam, AutomationPoint, Track } from '../../state/project';
import { useEarshot, useEarshotStore } from '../StoreContext';
import { snapTime, startDrag } from './pointerDrag';

interface AutomationLaneProps {
  readonly track: Track;
  readonly param: AutomationParam;
  readonly pxPerSec: number;
  readonly durationSec: number;
  /** Grid that point times snap to, seconds; 0 for none. */
  readonly gridSec: number;
  readonly height: number;
}

/** Room above the top value and below the bottom one, so points at the extremes can still be grabbed. */
const PAD_PX = 8;

const RANGE: Record<AutomationParam, { min: number; max: number; step: number; keyStep: number }> = {
  volume: { min: FADER_MIN_DB, max: FADER_MAX_DB, step: 0.5, keyStep: 1 },
  pan: { min: -1, max: 1, step: 0.01, keyStep: 0.05 },
};

const TITLE: Record<AutomationParam, string> = { volume: 'Volume', pan: 'Pan' };

export const formatAutomationValue = (param: AutomationParam, value: number): string =>
  param === 'volume' ? formatFaderDb(value) : formatPan(value);

/** "Volume point at 0:04.00, −6.0 dB", "Pan point at 0:08.00, 40% left". */
export const automationPointName = (param: AutomationParam, pt: AutomationPoint): string =>
  `${TITLE[param]} point at ${formatClock(pt.timeSec)}, ${formatAutomationValue(param, pt.value)}`;

/**
 * A track's volume or pan automation under its lane. The line is drawn exactly as the engine plays it: straight
 * between points (volume straight in dB), flat before the first point and after the last. Click empty space to add a
 * point (and keep dragging to place it), drag a point to move it, Delete or double-click a point to remove it.
 */
export function AutomationLane({ track, param, pxPerSec, durationSec, gridSec, height }: AutomationLaneProps) {
  const store = useEarshotStore();
  const actions = useEarshot((s) => s.actions);
  const area = useRef<HTMLDivElement>(null);
  const points = track.automation[param];
  const range = RANGE[param];
  const inner = height - 2 * PAD_PX;
  const width = durationSec * pxPerSec;

  const yOf = (v: number) => PAD_PX + (1 - (v - range.min) / (range.max - range.min)) * inner;
  const valueAtY = (y: number) => {
    const v = range.max - ((y - PAD_PX) / inner) * (range.max - range.min);
    const stepped = Math.round(v / range.step) * range.step;
    return Math.max(range.min, Math.min(range.max, Number(stepped.toFixed(2))));
  };
  const lane = (): readonly AutomationPoint[] => store.getState().project.tracks.find((t) => t.id === track.id)?.automation[param] ?? [];

  /** Runs an edit that adds or moves one point, and returns the index where that point ended up. */
  const editPoint = (edit: () => void, fallback: number): number => {
    const before = new Set(lane());
    edit();
    const i = lane().findIndex((p) => !before.has(p));
    return i >= 0 ? i : fallback;
  };

  const focusPoint = (i: number) => {
    requestAnimationFrame(() => area.current?.querySelector<HTMLElement>(`[data-point-index="${i}"]`)?.focus());
  };

  /** Drags the point at index from (t0, y0): every move is part of the gesture startDrag opened. */
  const dragPoint = (e: { clientX: number; clientY: number; pointerId: number }, index: number, t0: number, y0: number) => {
    let i = index;
    startDrag(e, actions, {
      onMove: (ev, dx, dy) => {
        const pt = { timeSec: Math.max(0, snapTime(t0 + dx / pxPerSec, gridSec, ev)), value: valueAtY(y0 + dy) };
        i = editPoint(() => actions.moveAutomationPoint(track.id, param, i, pt), i);
      },
      onEnd: (_ev, moved) => {
        if (moved) focusPoint(i);
      },
    });
  };

  const onAreaDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    e.stopPropagation();
    const rect = e.currentTarget.getBoundingClientRect();
    const y = e.clientY - rect.top;
    const pt = { timeSec: Math.max(0, snapTime((e.clientX - rect.left) / pxPerSec, gridSec, e)), value: valueAtY(y) };
    // Adding and then dragging the new point is one gesture, one undo step.
    actions.beginGesture();
    const i = editPoint(() => actions.addAutomationPoint(track.id, param, pt), -1);
    if (i >= 0) {
      dragPoint(e, i, pt.timeSec, y);
      focusPoint(i);
    }
    actions.endGesture();
  };

  const onPointDown = (i: number, p: AutomationPoint) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    dragPoint(e, i, p.timeSec, yOf(p.value));
  };

  const onPointKey = (i: number, p: AutomationPoint) => (e: KeyboardEvent<HTMLButtonElement>) => {
    let next: AutomationPoint | null = null;
    const timeStep = gridSec > 0 ? gridSec : 0.1;
    switch (e.key) {
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        e.stopPropagation();
        actions.removeAutomationPoint(track.id, param, i);
        focusPoint(Math.max(0, i - 1));
        return;
      case 'ArrowUp':
        next = { ...p, value: Math.min(range.max, p.value + range.keyStep) };
        break;
      case 'ArrowDown':
        next = { ...p, value: Math.max(range.min, p.value - range.keyStep) };
        break;
      case 'ArrowLeft':
        next = { ...p, timeSec: Math.max(0, p.timeSec - timeStep) };
        break;
      case 'ArrowRight':
        next = { ...p, timeSec: p.timeSec + timeStep };
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    const moved = next;
    focusPoint(editPoint(() => actions.moveAutomationPoint(track.id, param, i, moved), i));
  };

  // The line: flat from the song's start to the first point, through every point, flat to the end.
  const first = points[0];
  const last = points[points.length - 1];
  const idle = param === 'volume' ? track.gainDb : track.pan;
  const path =
    first && last
      ? `M0 ${yOf(first.value)} ${points.map((p) => `L${p.timeSec * pxPerSec} ${yOf(p.value)}`).join(' ')} L${width} ${yOf(last.value)}`
      : `M0 ${yOf(idle)} L${width} ${yOf(idle)}`;
  const label = `${track.name} ${param} automation`;

  return (
    <div className="tl-auto" style={{ height, ['--track-color' as string]: track.color }} data-track-id={track.id} data-automation={param} role="group" aria-label={label}>
      <div className="tl-auto-header">
        <span className="tl-auto-title">{TITLE[param]}</span>
        <span className="tl-auto-scale" aria-hidden="true">
          <span>{param === 'volume' ? '+6' : 'R'}</span>
          <span>{param === 'volume' ? '−∞' : 'L'}</span>
        </span>
        <button
          type="button"
          className="tl-text-btn"
          aria-label={`Clear ${param} automation ${track.name}`}
          aria-disabled={points.length === 0}
          onClick={() => points.length > 0 && actions.clearAutomation(track.id, param)}
        >
          Clear
        </button>
      </div>
      <div
        ref={area}
        className="tl-auto-area"
        style={{ width }}
        title={`Click to add a ${param} point; drag points to move them; double-click or Delete removes one`}
        onPointerDown={onAreaDown}
      >
        <svg className="tl-auto-svg" width={width} height={height} aria-hidden="true">
          {/* 0 dB for volume, the centre for pan. */}
          <line className="tl-auto-ref" x1={0} x2={width} y1={yOf(0)} y2={yOf(0)} />
          <path className={first ? 'tl-auto-line' : 'tl-auto-line tl-auto-idle'} d={path} />
        </svg>
        {!first && <span className="tl-auto-hint">{`${formatAutomationValue(param, idle)}: click to add a point`}</span>}
        {points.map((p, i) => (
          <button
            key={i}
            type="button"
            className="tl-auto-point"
            style={{ left: p.timeSec * pxPerSec, top: yOf(p.value) }}
            aria-label={automationPointName(param, p)}
            title={`${automationPointName(param, p)}: drag to move, double-click or Delete to remove`}
            data-point-index={i}
            data-time-sec={p.timeSec.toFixed(3)}
            data-value={p.value}
            onPointerDown={onPointDown(i, p)}
            onKeyDown={onPointKey(i, p)}
            onDoubleClick={() => actions.removeAutomationPoint(track.id, param, i)}
          />
        ))}
      </div>
    </div>
  );
}
