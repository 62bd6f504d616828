import { snapTo } from '../../dsp/musicalTime';
import type { Actions } from '../../state/store';

export interface DragHandlers {
  /** Called per pointer move once the pointer has gone past the threshold; dx, dy in CSS pixels from the start. */
  onMove(e: PointerEvent, dx: number, dy: number): void;
  /** Called once at pointerup or pointercancel; `moved` says whether onMove ever ran. */
  onEnd?(e: PointerEvent, moved: boolean): void;
}

/**
 * Follows one pointer from its pointerdown to its pointerup (or cancel) as ONE gesture, so the whole drag is one
 * undo step. It listens on window rather than capturing on the element, so a drag survives the element being
 * re-rendered elsewhere (a clip dragged onto another lane is a new element there).
 * @param threshold pixels the pointer must travel before the drag starts: below it, the press is a click
 */
export function startDrag(
  down: { clientX: number; clientY: number; pointerId: number },
  actions: Pick<Actions, 'beginGesture' | 'endGesture'>,
  handlers: DragHandlers,
  threshold = 0,
): void {
  const x0 = down.clientX;
  const y0 = down.clientY;
  const id = down.pointerId;
  let moved = false;
  actions.beginGesture();
  const move = (e: PointerEvent) => {
    if (e.pointerId !== id) return;
    const dx = e.clientX - x0;
    const dy = e.clientY - y0;
    if (!moved && Math.hypot(dx, dy) < threshold) return;
    moved = true;
    handlers.onMove(e, dx, dy);
  };
  const end = (e: PointerEvent) => {
    if (e.pointerId !== id) return;
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    actions.endGesture();
    handlers.onEnd?.(e, moved);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

/** Song time under a client x: the element marked data-timeline-origin has its left edge at time 0. */
export function songTimeAt(clientX: number, pxPerSec: number): number {
  const origin = document.querySelector('[data-timeline-origin]');
  const left = origin ? origin.getBoundingClientRect().left : 0;
  return Math.max(0, (clientX - left) / pxPerSec);
}

/** The track whose row (lane or automation lane) is under a client point, by its data-track-id. */
export function trackIdAt(clientX: number, clientY: number): string | null {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const row = el.closest<HTMLElement>('[data-track-id]');
    if (row?.dataset.trackId) return row.dataset.trackId;
  }
  return null;
}

/** Snaps to the grid unless the grid is off (0) or Alt is held. */
export function snapTime(sec: number, gridSec: number, e: { altKey: boolean }): number {
  return e.altKey || !(gridSec > 0) ? sec : snapTo(sec, gridSec);
}
