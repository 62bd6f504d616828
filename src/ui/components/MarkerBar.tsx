import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { formatClock } from '../../dsp/musicalTime';
import type { Marker } from '../../state/project';
import { useEarshot } from '../StoreContext';

interface MarkerBarProps {
  readonly pxPerSec: number;
  readonly durationSec: number;
}

/**
 * The row of markers under the ruler. A marker is a button named after it: click to jump there, double-click
 * (or F2) to rename, Delete to remove. Clicking empty space moves the playhead, as the ruler does.
 */
export function MarkerBar({ pxPerSec, durationSec }: MarkerBarProps) {
  const markers = useEarshot((s) => s.project.markers);
  const actions = useEarshot((s) => s.actions);
  const [editing, setEditing] = useState<string | null>(null);
  const closing = useRef(false);
  const bar = useRef<HTMLDivElement>(null);
  const refocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    const id = refocus.current;
    if (editing || !id) return;
    refocus.current = null;
    bar.current?.querySelector<HTMLElement>(`[data-marker="${CSS.escape(id)}"]`)?.focus();
  }, [editing]);

  const startEditing = (id: string) => {
    closing.current = false;
    setEditing(id);
  };
  const finish = (m: Marker, commit: boolean, value: string) => {
    if (closing.current) return;
    closing.current = true;
    if (commit) actions.renameMarker(m.id, value);
    refocus.current = m.id;
    setEditing(null);
  };

  const onMarkerKey = (m: Marker, i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'F2') {
      e.preventDefault();
      startEditing(m.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      actions.removeMarker(m.id);
      const next = markers[i + 1] ?? markers[i - 1];
      if (next) requestAnimationFrame(() => bar.current?.querySelector<HTMLElement>(`[data-marker="${CSS.escape(next.id)}"]`)?.focus());
    }
  };

  const onEmptyDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    actions.seek(Math.max(0, (e.clientX - e.currentTarget.getBoundingClientRect().left) / pxPerSec));
  };

  return (
    <div className="tl-markers" ref={bar} style={{ width: durationSec * pxPerSec }} role="group" aria-label="Markers" onPointerDown={onEmptyDown}>
      {markers.map((m, i) =>
        editing === m.id ? (
          <input
            key={m.id}
            className="tl-marker-input"
            style={{ left: m.timeSec * pxPerSec }}
            aria-label="Marker name"
            defaultValue={m.name}
            maxLength={40}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                finish(m, true, e.currentTarget.value);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                finish(m, false, '');
              }
            }}
            onBlur={(e) => finish(m, true, e.currentTarget.value)}
          />
        ) : (
          <button
            key={m.id}
            type="button"
            className="tl-marker"
            style={{ left: m.timeSec * pxPerSec }}
            data-marker={m.id}
            data-time-sec={m.timeSec.toFixed(3)}
            title={`${m.name} at ${formatClock(m.timeSec)}: click to jump here, double-click to rename, Delete to remove`}
            onClick={() => actions.seek(m.timeSec)}
            onDoubleClick={() => startEditing(m.id)}
            onKeyDown={onMarkerKey(m, i)}
          >
            {m.name}
          </button>
        ),
      )}
    </div>
  );
}
