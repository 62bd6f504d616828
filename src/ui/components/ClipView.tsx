import { useEffect, useRef, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { formatDb, gainToDb } from '../../dsp/decibels';
import { formatClock } from '../../dsp/musicalTime';
import { peakEnvelope, type Peaks } from '../../dsp/peaks';
import type { Clip } from '../../state/project';
import type { AssetStatus } from '../../state/store';
import { findClip } from '../../state/edits';
import { useEarshot, useEarshotStore } from '../StoreContext';
import { FadeHandle, formatFadeSec } from './FadeHandle';
import { snapTime, songTimeAt, startDrag, trackIdAt } from './pointerDrag';

interface ClipViewProps {
  readonly clip: Clip;
  readonly trackId: string;
  readonly fileName: string;
  readonly status: AssetStatus | undefined;
  readonly color: string;
  readonly pxPerSec: number;
  readonly height: number;
  readonly selected: boolean;
  /** Grid that moves and trims snap to, seconds; 0 for none. */
  readonly gridSec: number;
}

/** Pixels the pointer must travel before a press on a clip becomes a move rather than a click. */
const DRAG_THRESHOLD_PX = 4;

/** "Clip piano.flac at 0:02.50, 4.00 s": what a screen reader says, and what the e2e tests look for. */
export const clipName = (fileName: string, clip: Clip): string =>
  `Clip ${fileName} at ${formatClock(clip.startSec)}, ${clip.durationSec.toFixed(2)} s`;

/**
 * One clip on a lane: drag it to move (across lanes too), drag its edges to trim, its top corners to fade.
 * wavesurfer.js is only the view: it gets the peaks computed once at load and the duration, never the audio,
 * so nothing is decoded a second time. Tone owns playback.
 */
/** The clip's sample peak from the precomputed peaks, dBFS (what the waveform shows). */
function clipPeakDb(peaks: Peaks, offsetSec: number, durationSec: number): number {
  const from = Math.floor(offsetSec * peaks.bucketsPerSec) * 2;
  const to = Math.ceil((offsetSec + durationSec) * peaks.bucketsPerSec) * 2;
  let peak = 0;
  for (const ch of peaks.channels) for (let i = from; i < Math.min(to, ch.length); i++) peak = Math.max(peak, Math.abs(ch[i]!));
  return gainToDb(peak);
}

export function ClipView({ clip, trackId, fileName, status, color, pxPerSec, height, selected, gridSec }: ClipViewProps) {
  const store = useEarshotStore();
  const actions = useEarshot((s) => s.actions);
  const host = useRef<HTMLDivElement>(null);
  const ready = status?.state === 'ready' ? status : null;
  const sourceSec = ready?.durationSec;

  useEffect(() => {
    if (!ready || !host.current) return;
    const [top, bottom] = peakEnvelope(ready.peaks);
    const first = Math.floor(clip.offsetSec * ready.peaks.bucketsPerSec);
    const count = Math.ceil(clip.durationSec * ready.peaks.bucketsPerSec);
    const ws = WaveSurfer.create({
      container: host.current,
      peaks: [top.subarray(first, first + count), bottom.subarray(first, first + count)],
      duration: clip.durationSec,
      height,
      waveColor: color,
      progressColor: color,
      cursorWidth: 0,
      interact: false,
      normalize: false,
      fillParent: true,
      hideScrollbar: true,
      autoScroll: false,
      autoCenter: false,
    });
    return () => ws.destroy();
  }, [ready, clip.offsetSec, clip.durationSec, color, height]);

  const select = () => actions.select({ trackId, clipId: clip.id });

  const onBodyDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    select();
    const start0 = clip.startSec;
    startDrag(
      e,
      actions,
      {
        onMove: (ev, dx) => {
          // A drag straight up or down keeps the time, even off the grid: only a sideways drag snaps.
          const start = Math.abs(dx) < DRAG_THRESHOLD_PX ? start0 : Math.max(0, snapTime(start0 + dx / pxPerSec, gridSec, ev));
          actions.moveClip(clip.id, start, trackIdAt(ev.clientX, ev.clientY) ?? undefined);
        },
        onEnd: (ev, moved) => {
          const s = store.getState();
          if (moved) {
            // The clip may have changed lanes: its new track is the selected one.
            const found = findClip(s.project, clip.id);
            if (found) actions.select({ trackId: found.track.id, clipId: clip.id });
          } else if (ev.type === 'pointerup' && s.playState !== 'playing') {
            // A click while stopped or paused also puts the playhead there, ready for a split (S).
            actions.seek(songTimeAt(ev.clientX, pxPerSec));
          }
        },
      },
      DRAG_THRESHOLD_PX,
    );
  };

  const onTrimDown = (edge: 'start' | 'end') => (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    select();
    const start0 = clip.startSec;
    const end0 = clip.startSec + clip.durationSec;
    startDrag(e, actions, {
      onMove: (ev, dx) => {
        if (edge === 'start') actions.trimClipStart(clip.id, snapTime(start0 + dx / pxPerSec, gridSec, ev));
        else actions.trimClipEnd(clip.id, snapTime(end0 + dx / pxPerSec, gridSec, ev), sourceSec);
      },
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !e.repeat) {
      e.preventDefault();
      select();
    }
  };

  const width = Math.max(2, clip.durationSec * pxPerSec);
  const name = clipName(fileName, clip);
  const details = [
    clip.gainDb !== 0 ? `gain ${formatDb(clip.gainDb)}` : '',
    clip.fadeInSec > 0 ? `fade in ${formatFadeSec(clip.fadeInSec)}` : '',
    clip.fadeOutSec > 0 ? `fade out ${formatFadeSec(clip.fadeOutSec)}` : '',
  ].filter(Boolean);
  const peakDb = ready ? clipPeakDb(ready.peaks, clip.offsetSec, clip.durationSec) : null;
  const d = clip.durationSec;
  const fi = Math.min(clip.fadeInSec, d);
  const fo = Math.min(clip.fadeOutSec, d);
  return (
    <div
      className={`clip tl-clip clip-${status?.state ?? 'loading'}${selected ? ' tl-clip-selected' : ''}`}
      style={{ left: clip.startSec * pxPerSec, width, ['--track-color' as string]: color }}
      data-clip={clip.id}
      data-start-sec={clip.startSec.toFixed(3)}
      data-duration-sec={clip.durationSec.toFixed(3)}
      data-fade-in-sec={clip.fadeInSec.toFixed(3)}
      data-fade-out-sec={clip.fadeOutSec.toFixed(3)}
      data-gain-db={clip.gainDb.toFixed(1)}
      data-peak-db={peakDb === null ? undefined : Number.isFinite(peakDb) ? peakDb.toFixed(1) : '-Infinity'}
      data-selected={selected}
    >
      <div
        className="tl-clip-body"
        role="button"
        tabIndex={0}
        aria-label={name}
        aria-pressed={selected}
        title={`${name}${details.length ? ` (${details.join(', ')})` : ''}. Drag to move; Alt while dragging ignores the grid.`}
        onPointerDown={onBodyDown}
        onKeyDown={onKeyDown}
      >
        {ready && <div className="clip-wave" ref={host} />}
        {/* The engine's fades are linear in amplitude: gain rises in a straight line, so the line drawn is exact. */}
        {(fi > 0 || fo > 0) && (
          <svg className="tl-fades" viewBox={`0 0 ${d} 1`} preserveAspectRatio="none" aria-hidden="true">
            {fi > 0 && (
              <g className="tl-fade-shape" data-fade-shape="in">
                <title>{`Fade in ${formatFadeSec(clip.fadeInSec)}`}</title>
                <path d={`M0 0 L${fi} 0 L0 1 Z`} className="tl-fade-shade" />
                <line x1={0} y1={1} x2={fi} y2={0} className="tl-fade-line" />
              </g>
            )}
            {fo > 0 && (
              <g className="tl-fade-shape" data-fade-shape="out">
                <title>{`Fade out ${formatFadeSec(clip.fadeOutSec)}`}</title>
                <path d={`M${d - fo} 0 L${d} 0 L${d} 1 Z`} className="tl-fade-shade" />
                <line x1={d - fo} y1={0} x2={d} y2={1} className="tl-fade-line" />
              </g>
            )}
          </svg>
        )}
        {/* The name starts after the fade-in handle, so the handle never covers it. */}
        <div className="tl-clip-label" style={{ left: 18 + fi * pxPerSec }} aria-hidden="true">
          <span className="tl-clip-name">{fileName}</span>
          {clip.gainDb !== 0 && <span className="tl-gain-badge">{formatDb(clip.gainDb)}</span>}
        </div>
      </div>
      {status?.state === 'error' && (
        <div className="clip-message tl-clip-message" role="alert">
          {status.message}
        </div>
      )}
      {(!status || status.state === 'loading') && <div className="clip-message tl-clip-message">Loading {fileName}…</div>}
      <div className="tl-trim tl-trim-start" data-handle="start" aria-hidden="true" title="Drag to trim the start" onPointerDown={onTrimDown('start')} />
      <div className="tl-trim tl-trim-end" data-handle="end" aria-hidden="true" title="Drag to trim the end" onPointerDown={onTrimDown('end')} />
      <FadeHandle clip={clip} edge="in" fileName={fileName} pxPerSec={pxPerSec} tabbable={selected} />
      <FadeHandle clip={clip} edge="out" fileName={fileName} pxPerSec={pxPerSec} tabbable={selected} />
    </div>
  );
}
