import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { secondsPerBar, secondsPerBeat, snapTo } from '../../dsp/musicalTime';
import { findClip, RANGES } from '../../state/edits';
import type { Track } from '../../state/project';
import { isAudible, selectAnySolo } from '../../state/selectors';
import type { SnapMode } from '../../state/store';
import { AutomationLane } from '../components/AutomationLane';
import { ClipView } from '../components/ClipView';
import { MarkerBar } from '../components/MarkerBar';
import { startDrag } from '../components/pointerDrag';
import { TrackHeader } from '../components/TrackHeader';
import { useEngine } from '../engineApi';
import { onFrame } from '../frameLoop';
import { useEarshot, useEarshotStore } from '../StoreContext';
import './Timeline.css';

/** Width of the track headers; Timeline.css has the same figure as --tl-header-w. */
const HEADER_W = 240;
const LANE_H = 64;
const AUTO_H = 60;
/** Bar numbers closer than this are thinned out (every 2nd, 4th… bar) so they never overlap. */
const MIN_LABEL_PX = 36;
/** Beat lines closer than this are left out of the grid. */
const MIN_BEAT_PX = 8;

const SNAP_LABELS: Record<SnapMode, string> = { bar: 'Bar', beat: 'Beat', off: 'Off' };

/** Song time under a pointer, from the element the pointer is over (its left edge is time 0). */
function timeAt(e: ReactPointerEvent<HTMLElement>, pxPerSec: number): number {
  const rect = e.currentTarget.getBoundingClientRect();
  return Math.max(0, (e.clientX - rect.left) / pxPerSec);
}

function Ruler({ pxPerSec, cap }: { pxPerSec: number; cap: RefObject<HTMLDivElement | null> }) {
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const durationSec = useEarshot((s) => s.project.durationSec);
  const loop = useEarshot((s) => s.project.loop);
  const actions = useEarshot((s) => s.actions);
  const barSec = secondsPerBar({ bpm, beatsPerBar });
  const beatSec = secondsPerBeat({ bpm, beatsPerBar });
  const bars = Math.ceil(durationSec / barSec);
  const barPx = barSec * pxPerSec;
  let labelEvery = 1;
  while (labelEvery * barPx < MIN_LABEL_PX && labelEvery < 64) labelEvery *= 2;
  const showBeats = beatSec * pxPerSec >= MIN_BEAT_PX;

  // A loop drag is one gesture: however far it goes, one undo step.
  const onLoopDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const left = e.currentTarget.getBoundingClientRect().left;
    const from = snapTo(timeAt(e, pxPerSec), beatSec);
    startDrag(e, actions, {
      onMove: (ev) => {
        const t = snapTo(Math.max(0, (ev.clientX - left) / pxPerSec), beatSec);
        if (Math.abs(t - from) >= beatSec) {
          actions.setLoop(from, t);
          actions.setLoopEnabled(true);
        }
      },
    });
  };

  return (
    <div className="ruler" style={{ width: durationSec * pxPerSec }} data-timeline-origin="">
      <div className="ruler-loop" title="Drag to set the loop region" onPointerDown={onLoopDown}>
        <div
          className={`loop-band${loop.enabled ? ' loop-on' : ''}`}
          style={{ left: loop.startSec * pxPerSec, width: (loop.endSec - loop.startSec) * pxPerSec }}
          aria-hidden="true"
        />
      </div>
      <div className="ruler-bars" data-testid="ruler" title="Click to move the playhead" onPointerDown={(e) => actions.seek(timeAt(e, pxPerSec))}>
        {Array.from({ length: bars }, (_, i) => (
          <div key={i} className={`ruler-bar${i % labelEvery === 0 ? '' : ' tl-bar-unlabelled'}`} style={{ left: i * barPx, width: barPx }}>
            {i % labelEvery === 0 && <span>{i + 1}</span>}
            {showBeats && Array.from({ length: beatsPerBar - 1 }, (_, b) => <i key={b} style={{ left: (b + 1) * beatSec * pxPerSec }} />)}
          </div>
        ))}
      </div>
      <div className="tl-ruler-cap" ref={cap} aria-hidden="true" />
    </div>
  );
}

interface LaneProps {
  readonly track: Track;
  readonly index: number;
  readonly count: number;
  readonly pxPerSec: number;
  readonly audible: boolean;
  readonly gridSec: number;
  readonly automationOpen: boolean;
  readonly onToggleAutomation: (trackId: string) => void;
}

function Lane({ track, index, count, pxPerSec, audible, gridSec, automationOpen, onToggleAutomation }: LaneProps) {
  const assets = useEarshot((s) => s.project.assets);
  const status = useEarshot((s) => s.assetStatus);
  const selectedTrackId = useEarshot((s) => s.selectedTrackId);
  const selectedClipId = useEarshot((s) => s.selectedClipId);
  const actions = useEarshot((s) => s.actions);
  const error = track.clips.map((c) => status[c.assetId]).find((st) => st?.state === 'error');
  const onAreaDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    actions.select({ trackId: track.id, clipId: null });
    actions.seek(timeAt(e, pxPerSec));
  };
  return (
    <div
      className={`lane tl-lane${audible ? '' : ' lane-silent'}${selectedTrackId === track.id ? ' tl-lane-selected' : ''}`}
      style={{ ['--track-color' as string]: track.color, height: LANE_H }}
      role="group"
      aria-label={`${track.name} lane`}
      data-track-id={track.id}
    >
      <TrackHeader
        track={track}
        index={index}
        count={count}
        selected={selectedTrackId === track.id}
        automationOpen={automationOpen}
        onToggleAutomation={() => onToggleAutomation(track.id)}
        error={error?.state === 'error' ? error.message : null}
      />
      <div className="lane-area tl-lane-area" onPointerDown={onAreaDown}>
        {track.clips.map((clip) => (
          <ClipView
            key={clip.id}
            clip={clip}
            trackId={track.id}
            fileName={assets.find((a) => a.id === clip.assetId)?.fileName ?? clip.assetId}
            status={status[clip.assetId]}
            color={track.color}
            pxPerSec={pxPerSec}
            height={LANE_H - 10}
            selected={selectedClipId === clip.id}
            gridSec={gridSec}
          />
        ))}
      </div>
    </div>
  );
}

/** The playhead line, and its cap in the ruler: moved once per animation frame, never by a React render. */
function Playhead({ pxPerSec, scroller, cap }: { pxPerSec: number; scroller: RefObject<HTMLDivElement | null>; cap: RefObject<HTMLDivElement | null> }) {
  const engine = useEngine();
  const store = useEarshotStore();
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let shownX = -1;
    return onFrame(() => {
      // Whole device pixels: the line stays sharp, and at ordinary zoom it moves by less than a pixel a frame, so
      // some frames leave it where it is. The frame loop gives those frames to the meters (see frameLoop.ts).
      const dpr = window.devicePixelRatio || 1;
      const x = Math.round(engine.getPositionSec() * pxPerSec * dpr) / dpr;
      if (x === shownX) return false;
      shownX = x;
      if (line.current) line.current.style.transform = `translateX(${x}px)`;
      if (cap.current) cap.current.style.transform = `translateX(${x}px)`;
      const sc = scroller.current;
      // Follow the playhead while playing: page forward when it nears the right edge.
      if (sc && store.getState().playState === 'playing') {
        const visibleEnd = sc.scrollLeft + sc.clientWidth - HEADER_W - 24;
        if (x > visibleEnd || x < sc.scrollLeft) sc.scrollLeft = Math.max(0, x - 24);
      }
      return true;
    });
  }, [engine, store, pxPerSec, scroller, cap]);
  return <div className="playhead" ref={line} style={{ left: HEADER_W }} aria-hidden="true" />;
}

/** Gain and edit buttons for the selected clip. */
function SelectedClipControls() {
  const engine = useEngine();
  const actions = useEarshot((s) => s.actions);
  // Both selectors return what the store holds (a clip, a string), so they re-render only on a real change.
  const clip = useEarshot((s) => (s.selectedClipId ? (findClip(s.project, s.selectedClipId)?.clip ?? null) : null));
  const fileName = useEarshot((s) => (clip ? (s.project.assets.find((a) => a.id === clip.assetId)?.fileName ?? clip.assetId) : ''));
  const gainInput = useRef<HTMLInputElement>(null);
  const gainDb = clip?.gainDb ?? 0;

  // The field is uncontrolled so a half-typed number ("−") survives; it follows the store when not being typed in.
  useEffect(() => {
    const el = gainInput.current;
    if (el && document.activeElement !== el) el.value = String(gainDb);
  }, [gainDb, clip?.id]);

  if (!clip) return <p className="tl-hint">Click a clip to select it. Drag to move, drag its edges to trim, its top corners to fade.</p>;
  return (
    <div className="tl-selection" role="group" aria-label="Selected clip">
      <span className="tl-selection-name" title={fileName}>
        {fileName}
      </span>
      <label className="field tl-gain-field">
        <span>Gain</span>
        <input
          ref={gainInput}
          type="number"
          aria-label="Clip gain"
          min={RANGES.clipGainDb[0]}
          max={RANGES.clipGainDb[1]}
          step={0.5}
          defaultValue={gainDb}
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            if (Number.isFinite(v)) actions.setClipGain(clip.id, v);
          }}
          onBlur={(e) => {
            e.currentTarget.value = String(clip.gainDb);
          }}
        />
        <span aria-hidden="true">dB</span>
      </label>
      <button type="button" className="btn btn-small-text" title="Split the clip at the playhead (S)" onClick={() => actions.splitAt(engine.getPositionSec(), clip.id)}>
        Split
      </button>
      <button type="button" className="btn btn-small-text" title="Put a copy right after the clip" onClick={() => actions.duplicateClip(clip.id)}>
        Duplicate
      </button>
      <button type="button" className="btn btn-small-text" aria-label="Delete clip" title="Delete the clip (Delete)" onClick={() => actions.deleteClip(clip.id)}>
        Delete
      </button>
    </div>
  );
}

function Toolbar() {
  const engine = useEngine();
  const snap = useEarshot((s) => s.snap);
  const actions = useEarshot((s) => s.actions);
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline tools">
      <button type="button" className="btn btn-small-text" title="Add a marker at the playhead" onClick={() => actions.addMarker(engine.getPositionSec())}>
        Add marker
      </button>
      <label className="field">
        <span aria-hidden="true">Snap</span>
        <select aria-label="Snap" value={snap} title="Grid that clips and points snap to (hold Alt while dragging to ignore it)" onChange={(e) => actions.setSnap(e.currentTarget.value as SnapMode)}>
          {(Object.keys(SNAP_LABELS) as SnapMode[]).map((m) => (
            <option key={m} value={m}>
              {SNAP_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <SelectedClipControls />
    </div>
  );
}

export function Timeline() {
  const tracks = useEarshot((s) => s.project.tracks);
  const durationSec = useEarshot((s) => s.project.durationSec);
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const pxPerSec = useEarshot((s) => s.pxPerSec);
  const snap = useEarshot((s) => s.snap);
  const anySolo = useEarshot(selectAnySolo);
  const actions = useEarshot((s) => s.actions);
  const store = useEarshotStore();
  const scroller = useRef<HTMLDivElement>(null);
  const cap = useRef<HTMLDivElement>(null);
  const [automationOpen, setAutomationOpen] = useState<ReadonlySet<string>>(() => new Set());

  const barSec = secondsPerBar({ bpm, beatsPerBar });
  const beatSec = secondsPerBeat({ bpm, beatsPerBar });
  const gridSec = snap === 'bar' ? barSec : snap === 'beat' ? beatSec : 0;
  const width = durationSec * pxPerSec;

  const toggleAutomation = (trackId: string) =>
    setAutomationOpen((open) => {
      const next = new Set(open);
      if (!next.delete(trackId)) next.add(trackId);
      return next;
    });

  // Ctrl + wheel zooms about the pointer, so the time under it stays under it.
  useEffect(() => {
    const sc = scroller.current;
    if (!sc) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      const origin = sc.querySelector('[data-timeline-origin]');
      if (!origin) return;
      const before = store.getState().pxPerSec;
      const t = (e.clientX - origin.getBoundingClientRect().left) / before;
      store.getState().actions.setZoom(before * (e.deltaY < 0 ? 1.25 : 0.8));
      const after = store.getState().pxPerSec;
      requestAnimationFrame(() => {
        sc.scrollLeft = Math.max(0, sc.scrollLeft + t * (after - before));
      });
    };
    sc.addEventListener('wheel', onWheel, { passive: false });
    return () => sc.removeEventListener('wheel', onWheel);
  }, [store]);

  const grid = {
    ['--bar-px' as string]: `${barSec * pxPerSec}px`,
    ['--beat-px' as string]: `${beatSec * pxPerSec >= MIN_BEAT_PX ? beatSec * pxPerSec : barSec * pxPerSec}px`,
    ['--tl-header-w' as string]: `${HEADER_W}px`,
    width: HEADER_W + width + 40,
  };

  return (
    <section className="timeline tl" aria-label="Timeline">
      <Toolbar />
      <div className="timeline-scroll tl-scroll" ref={scroller}>
        <div className="timeline-content tl-content" style={grid}>
          <div className="tl-head">
            <div className="ruler-row">
              <div className="ruler-corner" style={{ width: HEADER_W }}>
                Bars
              </div>
              <Ruler pxPerSec={pxPerSec} cap={cap} />
            </div>
            <div className="tl-marker-row">
              <div className="tl-corner" style={{ width: HEADER_W }}>
                Markers
              </div>
              <MarkerBar pxPerSec={pxPerSec} durationSec={durationSec} />
            </div>
          </div>
          {tracks.map((t, i) => (
            <div key={t.id} className="tl-track">
              <Lane
                track={t}
                index={i}
                count={tracks.length}
                pxPerSec={pxPerSec}
                audible={isAudible(t, anySolo)}
                gridSec={gridSec}
                automationOpen={automationOpen.has(t.id)}
                onToggleAutomation={toggleAutomation}
              />
              {automationOpen.has(t.id) && (
                <>
                  <AutomationLane track={t} param="volume" pxPerSec={pxPerSec} durationSec={durationSec} gridSec={gridSec} height={AUTO_H} />
                  <AutomationLane track={t} param="pan" pxPerSec={pxPerSec} durationSec={durationSec} gridSec={gridSec} height={AUTO_H} />
                </>
              )}
            </div>
          ))}
          <div className="tl-add-row">
            <div className="tl-corner tl-add-cell" style={{ width: HEADER_W }}>
              <button type="button" className="btn btn-small-text tl-add-track" title="Add an empty track at the end" onClick={() => actions.addTrack()}>
                <span aria-hidden="true">+ </span>Add track
              </button>
            </div>
            {tracks.length === 0 && <p className="tl-hint tl-empty">No tracks yet: add one, or drop audio files here.</p>}
          </div>
          <Playhead pxPerSec={pxPerSec} scroller={scroller} cap={cap} />
        </div>
      </div>
    </section>
  );
}
