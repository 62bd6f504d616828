import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { secondsPerBar, secondsPerBeat, snapTo } from '../../dsp/musicalTime';
import type { Track } from '../../state/project';
import { ClipView } from '../components/ClipView';
import { useEngine } from '../engineApi';
import { onFrame } from '../frameLoop';
import { useEarshot, useEarshotStore } from '../StoreContext';
import { isAudible, selectAnySolo } from '../../state/selectors';

const HEADER_W = 176;
const LANE_H = 56;

/** Song time under a pointer, from the element the pointer is over (its left edge is time 0). */
function timeAt(e: ReactPointerEvent<HTMLElement>, pxPerSec: number): number {
  const rect = e.currentTarget.getBoundingClientRect();
  return Math.max(0, (e.clientX - rect.left) / pxPerSec);
}

function Ruler({ pxPerSec }: { pxPerSec: number }) {
  const bpm = useEarshot((s) => s.project.bpm);
  const beatsPerBar = useEarshot((s) => s.project.beatsPerBar);
  const durationSec = useEarshot((s) => s.project.durationSec);
  const loop = useEarshot((s) => s.project.loop);
  const actions = useEarshot((s) => s.actions);
  const barSec = secondsPerBar({ bpm, beatsPerBar });
  const beatSec = secondsPerBeat({ bpm, beatsPerBar });
  const bars = Math.ceil(durationSec / barSec);
  const drag = useRef<number | null>(null);

  const onLoopDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = snapTo(timeAt(e, pxPerSec), beatSec);
  };
  const onLoopMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    const t = snapTo(timeAt(e, pxPerSec), beatSec);
    if (Math.abs(t - drag.current) >= beatSec) {
      actions.setLoop(drag.current, t);
      actions.setLoopEnabled(true);
    }
  };
  const onLoopUp = () => {
    drag.current = null;
  };

  return (
    <div className="ruler" style={{ width: durationSec * pxPerSec }}>
      <div
        className="ruler-loop"
        title="Drag to set the loop region"
        onPointerDown={onLoopDown}
        onPointerMove={onLoopMove}
        onPointerUp={onLoopUp}
        onPointerCancel={onLoopUp}
      >
        <div
          className={`loop-band${loop.enabled ? ' loop-on' : ''}`}
          style={{ left: loop.startSec * pxPerSec, width: (loop.endSec - loop.startSec) * pxPerSec }}
          aria-hidden="true"
        />
      </div>
      <div className="ruler-bars" data-testid="ruler" title="Click to move the playhead" onPointerDown={(e) => actions.seek(timeAt(e, pxPerSec))}>
        {Array.from({ length: bars }, (_, i) => (
          <div key={i} className="ruler-bar" style={{ left: i * barSec * pxPerSec, width: barSec * pxPerSec }}>
            <span>{i + 1}</span>
            {Array.from({ length: beatsPerBar - 1 }, (_, b) => (
              <i key={b} style={{ left: (b + 1) * beatSec * pxPerSec }} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Lane({ track, pxPerSec, audible }: { track: Track; pxPerSec: number; audible: boolean }) {
  const assets = useEarshot((s) => s.project.assets);
  const status = useEarshot((s) => s.assetStatus);
  const actions = useEarshot((s) => s.actions);
  const error = track.clips.map((c) => status[c.assetId]).find((st) => st?.state === 'error');
  return (
    <div className={`lane${audible ? '' : ' lane-silent'}`} style={{ ['--track-color' as string]: track.color, height: LANE_H }} role="group" aria-label={`${track.name} lane`}>
      <div className="lane-header" style={{ width: HEADER_W }}>
        <span className="lane-swatch" aria-hidden="true" />
        <span className="lane-name">{track.name}</span>
        {error && <span className="lane-error-badge" title={error.state === 'error' ? error.message : ''}>!</span>}
      </div>
      <div className="lane-area" onPointerDown={(e) => actions.seek(timeAt(e, pxPerSec))}>
        {track.clips.map((clip) => (
          <ClipView
            key={clip.id}
            clip={clip}
            fileName={assets.find((a) => a.id === clip.assetId)?.fileName ?? clip.assetId}
            status={status[clip.assetId]}
            color={track.color}
            pxPerSec={pxPerSec}
            height={LANE_H - 8}
          />
        ))}
      </div>
    </div>
  );
}

function Playhead({ pxPerSec, scroller }: { pxPerSec: number; scroller: React.RefObject<HTMLDivElement | null> }) {
  const engine = useEngine();
  const store = useEarshotStore();
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let shownX = -1;
    return onFrame(() => {
      const x = engine.getPositionSec() * pxPerSec;
      if (Math.abs(x - shownX) < 0.25) return;
      shownX = x;
      if (line.current) line.current.style.transform = `translateX(${x}px)`;
      const sc = scroller.current;
      // Follow the playhead while playing: page forward when it nears the right edge.
      if (sc && store.getState().playState === 'playing') {
        const visibleEnd = sc.scrollLeft + sc.clientWidth - HEADER_W - 24;
        if (x > visibleEnd || x < sc.scrollLeft) sc.scrollLeft = Math.max(0, x - 24);
      }
    });
  }, [engine, store, pxPerSec, scroller]);
  return <div className="playhead" ref={line} style={{ left: HEADER_W }} aria-hidden="true" />;
}

export function Timeline() {
  const tracks = useEarshot((s) => s.project.tracks);
  const durationSec = useEarshot((s) => s.project.durationSec);
  const pxPerSec = useEarshot((s) => s.pxPerSec);
  const anySolo = useEarshot(selectAnySolo);
  const scroller = useRef<HTMLDivElement>(null);
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-scroll" ref={scroller}>
        <div className="timeline-content" style={{ width: HEADER_W + durationSec * pxPerSec + 40 }}>
          <div className="ruler-row">
            <div className="ruler-corner" style={{ width: HEADER_W }}>
              Bars
            </div>
            <Ruler pxPerSec={pxPerSec} />
          </div>
          {tracks.map((t) => (
            <Lane key={t.id} track={t} pxPerSec={pxPerSec} audible={isAudible(t, anySolo)} />
          ))}
          <Playhead pxPerSec={pxPerSec} scroller={scroller} />
        </div>
      </div>
    </section>
  );
}
