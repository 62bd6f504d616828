import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { positionToValue, roundSignificant, valueToPosition } from '../format';

export interface KnobProps {
  /** Accessible name, e.g. "Threshold Piano". */
  readonly label: string;
  /** The short name shown beside or above the knob, e.g. "Threshold". */
  readonly caption: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Linear knobs move in steps of this size; log knobs round to three significant digits. */
  readonly step?: number;
  /** Logarithmic travel: for frequencies, times and ratios, where each turn multiplies. */
  readonly log?: boolean;
  /** Where the coloured arc starts: the minimum unless given (0 dB for a cut/boost). */
  readonly origin?: number;
  /** Double-click returns here. */
  readonly defaultValue: number;
  /** The value in units: the aria-valuetext, and the visible value unless `display` is given. */
  readonly format: (v: number) => string;
  /** A shorter visible value for tight places ("−12.0" for "−12.0 dB"). */
  readonly display?: (v: number) => string;
  readonly onChange: (v: number) => void;
  /** "stack": caption, knob, value one above the other; "row": knob, then caption over value. */
  readonly layout?: 'stack' | 'row';
  /** Arc colour (a CSS colour); the accent colour unless given. */
  readonly color?: string;
}

/** Travel, in CSS pixels of vertical drag, from one end to the other. Shift drags ten times finer. */
const DRAG_PX = 180;
/** Keyboard travel of a log knob per arrow press, and per Page Up/Down. */
const LOG_KEY_STEP = 1 / 100;
const LOG_PAGE_STEP = 1 / 10;
const SWEEP_DEG = 270;

function polar(angleDeg: number, r: number): { x: number; y: number } {
  const a = (angleDeg * Math.PI) / 180;
  return { x: 20 + r * Math.sin(a), y: 20 - r * Math.cos(a) };
}

/** An SVG arc path on the knob's circle, between two angles measured clockwise from 12 o'clock. */
function arc(fromDeg: number, toDeg: number, r: number): string {
  const lo = Math.min(fromDeg, toDeg);
  const hi = Math.max(fromDeg, toDeg);
  if (hi - lo < 0.01) return '';
  const a = polar(lo, r);
  const b = polar(hi, r);
  return `M ${a.x.toFixed(2)} ${a.y.toFixed(2)} A ${r} ${r} 0 ${hi - lo > 180 ? 1 : 0} 1 ${b.x.toFixed(2)} ${b.y.toFixed(2)}`;
}

/**
 * A rotary knob: role="slider" with its value in units (aria-valuetext). Drag up or down to turn it (Shift
 * for fine), use the arrow keys, Page Up/Down for big steps, Home/End for the ends; double-click resets.
 * The mixer wraps each drag in one undo gesture (see MixerPanel).
 */
export function Knob({
  label,
  caption,
  value,
  min,
  max,
  step = 1,
  log = false,
  origin,
  defaultValue,
  format,
  display,
  onChange,
  layout = 'stack',
  color,
}: KnobProps) {
  const drag = useRef<{ pointerId: number; startY: number; startPos: number } | null>(null);

  const quantize = (v: number): number => {
    const clamped = Math.max(min, Math.min(max, v));
    if (log) return Math.max(min, Math.min(max, roundSignificant(clamped, 3)));
    const q = min + Math.round((clamped - min) / step) * step;
    // Strip float noise from the step arithmetic (0.1 + 0.2), then keep inside the range.
    return Math.max(min, Math.min(max, Number(q.toFixed(6))));
  };
  const commit = (v: number) => {
    const next = quantize(v);
    if (next !== value) onChange(next);
  };

  /** A value one keyboard step away, in a direction; it always moves unless at the end. */
  const stepped = (direction: 1 | -1, big: boolean): number => {
    if (log) {
      const size = big ? LOG_PAGE_STEP : LOG_KEY_STEP;
      let pos = valueToPosition(value, min, max, true);
      for (let i = 0; i < 20; i++) {
        pos += direction * size;
        const next = quantize(positionToValue(pos, min, max, true));
        if (next !== value || pos <= 0 || pos >= 1) return next;
      }
      return value;
    }
    const size = big ? step * Math.max(1, Math.round((max - min) / step / 10)) : step;
    return quantize(value + direction * size);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    let next: number;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowRight':
        next = stepped(1, e.shiftKey);
        break;
      case 'ArrowDown':
      case 'ArrowLeft':
        next = stepped(-1, e.shiftKey);
        break;
      case 'PageUp':
        next = stepped(1, true);
        break;
      case 'PageDown':
        next = stepped(-1, true);
        break;
      case 'Home':
        next = min;
        break;
      case 'End':
        next = max;
        break;
      default:
        return;
    }
    // Handled here, so the global shortcuts (arrows seek, Home returns to the start) leave it alone.
    e.preventDefault();
    commit(next);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { pointerId: e.pointerId, startY: e.clientY, startPos: valueToPosition(value, min, max, log) };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const scale = e.shiftKey ? DRAG_PX * 10 : DRAG_PX;
    commit(positionToValue(d.startPos + (d.startY - e.clientY) / scale, min, max, log));
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === e.pointerId) drag.current = null;
  };

  const pos = valueToPosition(value, min, max, log);
  const originPos = valueToPosition(origin ?? min, min, max, log);
  const angle = -SWEEP_DEG / 2 + pos * SWEEP_DEG;
  const originAngle = -SWEEP_DEG / 2 + originPos * SWEEP_DEG;
  const tip = polar(angle, 11);
  const text = format(value);
  const shown = display ? display(value) : text;

  return (
    <div className={`knob knob-${layout}`} style={color ? { ['--knob-color' as string]: color } : undefined}>
      <div
        className="knob-dial"
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        aria-orientation="vertical"
        title={`${label}: ${text}`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onLostPointerCapture={onPointerEnd}
        onDoubleClick={() => commit(defaultValue)}
      >
        <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">
          <path className="knob-track" d={arc(-SWEEP_DEG / 2, SWEEP_DEG / 2, 15)} />
          <path className="knob-value" d={arc(originAngle, angle, 15)} />
          <circle className="knob-cap" cx="20" cy="20" r="10.5" />
          <line className="knob-pointer" x1="20" y1="20" x2={tip.x.toFixed(2)} y2={tip.y.toFixed(2)} />
        </svg>
      </div>
      <span className="knob-caption" aria-hidden="true">
        {caption}
      </span>
      <span className="knob-text" aria-hidden="true">
        {shown}
      </span>
    </div>
  );
}
