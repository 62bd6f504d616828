import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import type { Clip } from '../../state/project';
import { useEarshot } from '../StoreContext';
import { startDrag } from './pointerDrag';

interface FadeHandleProps {
  readonly clip: Clip;
  readonly edge: 'in' | 'out';
  readonly fileName: string;
  readonly pxPerSec: number;
  /** In the tab order only while its clip is selected, so a song full of clips is not three tab stops each. */
  readonly tabbable: boolean;
}

export const formatFadeSec = (sec: number): string => `${sec.toFixed(2)} s`;

const KEY_STEP_SEC = 0.05;

/**
 * The square at a clip's top corner that sets its fade-in or fade-out: drag it along the clip, or focus it and use
 * the arrow keys (a slider, 0 up to the clip's length).
 */
export function FadeHandle({ clip, edge, fileName, pxPerSec, tabbable }: FadeHandleProps) {
  const actions = useEarshot((s) => s.actions);
  const fadeSec = edge === 'in' ? clip.fadeInSec : clip.fadeOutSec;
  const label = edge === 'in' ? 'Fade in' : 'Fade out';
  const set = (sec: number) => {
    const v = Math.round(Math.max(0, Math.min(clip.durationSec, sec)) * 1000) / 1000;
    actions.setClipFades(clip.id, edge === 'in' ? { fadeInSec: v } : { fadeOutSec: v });
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.focus();
    const f0 = fadeSec;
    // The fade-in grows as the handle goes right, the fade-out as it goes left.
    const dir = edge === 'in' ? 1 : -1;
    startDrag(e, actions, { onMove: (_ev, dx) => set(f0 + (dir * dx) / pxPerSec) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 10 * KEY_STEP_SEC : KEY_STEP_SEC;
    let next: number;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = fadeSec + step;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = fadeSec - step;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = clip.durationSec;
    else return;
    e.preventDefault();
    e.stopPropagation();
    set(next);
  };

  const offset = fadeSec * pxPerSec;
  return (
    <div
      className={`tl-fade-handle tl-fade-${edge}`}
      style={edge === 'in' ? { left: offset } : { right: offset }}
      role="slider"
      tabIndex={tabbable ? 0 : -1}
      aria-label={`${label} ${fileName}`}
      aria-valuemin={0}
      aria-valuemax={Number(clip.durationSec.toFixed(3))}
      aria-valuenow={Number(fadeSec.toFixed(3))}
      aria-valuetext={formatFadeSec(fadeSec)}
      title={`${label} ${formatFadeSec(fadeSec)}: drag to change`}
      data-fade={edge}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
