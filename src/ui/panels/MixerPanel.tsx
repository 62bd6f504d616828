import { useCallback, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectAudibility } from '../../state/selectors';
import { Fader } from '../components/Fader';
import { InsertsDetail } from '../components/InsertsDetail';
import { Meter } from '../components/Meter';
import { MixerStrip, type BusInfo } from '../components/MixerStrip';
import { useEarshot, useEarshotStore } from '../StoreContext';
import './MixerPanel.css';

const SEP = '\u0000';
/** The mixer's height, px: it takes what the timeline above can spare (down to its min-height), within these. */
const MIN_HEIGHT = 260;
const MAX_HEIGHT = 480;
/** When the element above states no min-height in px, leave it at least this much. */
const FALLBACK_MIN_ABOVE = 160;

/** One column per track, a narrow gap, then one per bus. */
function columns(tracks: number, buses: number): string {
  const strips = (n: number) => Array.from({ length: n }, () => 'var(--mx-col)').join(' ');
  return [strips(tracks), buses > 0 ? `var(--mx-group-gap) ${strips(buses)}` : ''].join(' ').trim() || 'none';
}

/**
 * The mixer: a strip per track, then the buses (reverb, delay) with their effects, then the master. A strip's
 * name opens its inserts in a detail area over the bottom of the timeline.
 *
 * Every pointer drag on a slider or knob in here is one undo step: the drag opens a gesture on pointerdown
 * and closes it when the pointer is released anywhere.
 */
export function MixerPanel() {
  const store = useEarshotStore();
  const tracks = useEarshot((s) => s.project.tracks);
  const buses = useEarshot((s) => s.project.buses);
  // Only what a send shows of a bus, as one string: turning a bus's knobs does not re-render every track strip.
  const busKey = useEarshot((s) => s.project.buses.map((b) => [b.id, b.name, b.color].join(SEP)).join('\n'));
  const busInfo = useMemo<BusInfo[]>(
    () =>
      busKey === ''
        ? []
        : busKey.split('\n').map((line) => {
            const [id = '', name = '', color = ''] = line.split(SEP);
            return { id, name, color };
          }),
    [busKey],
  );
  const audible = useEarshot(useShallow(selectAudibility));
  const selectedTrackId = useEarshot((s) => s.selectedTrackId);
  const masterDb = useEarshot((s) => s.project.master.gainDb);
  const actions = useEarshot((s) => s.actions);
  const [detailId, setDetailId] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);

  const toggleDetail = useCallback(
    (id: string) => {
      setDetailId((current) => (current === id ? null : id));
      if (store.getState().project.tracks.some((t) => t.id === id)) actions.select({ trackId: id });
    },
    [store, actions],
  );
  const closeDetail = useCallback(() => {
    const id = detailId;
    setDetailId(null);
    if (id) document.querySelector<HTMLElement>(`[data-strip-name="${CSS.escape(id)}"]`)?.focus();
  }, [detailId]);

  // The detail area rises from the top of the bottom panel, above its tabs: measure how tall the tabs are.
  useLayoutEffect(() => {
    const section = root.current;
    if (!section || detailId === null) return;
    const tabs = section.closest('[role="tabpanel"]')?.previousElementSibling;
    const offset = tabs ? Math.max(0, section.getBoundingClientRect().top - tabs.getBoundingClientRect().top) : 0;
    section.style.setProperty('--mx-detail-offset', `${Math.round(offset)}px`);
  }, [detailId]);

  // Fit the screen: grow into the room the timeline above can spare, shrink when the page would overflow.
  // Written to the DOM, not React state: it follows window resizes and the header wrapping.
  useLayoutEffect(() => {
    const section = root.current;
    if (!section) return;
    const bottomPanel = section.closest('[role="tabpanel"]')?.parentElement ?? null;
    const above = bottomPanel?.previousElementSibling instanceof HTMLElement ? bottomPanel.previousElementSibling : null;
    const fit = () => {
      const box = section.getBoundingClientRect();
      let room = document.documentElement.clientHeight - (box.bottom + window.scrollY);
      if (above) {
        const min = Number.parseFloat(getComputedStyle(above).minHeight);
        room += Math.max(0, above.getBoundingClientRect().height - (Number.isFinite(min) ? min : FALLBACK_MIN_ABOVE));
      }
      const next = Math.round(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, box.height + room)));
      if (Math.abs(next - box.height) >= 1) section.style.height = `${next}px`;
    };
    fit();
    // Refit on the next frame, not inside the observer's callback, which would resize what it observes.
    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    const observer = new ResizeObserver(refit);
    if (above) observer.observe(above);
    window.addEventListener('resize', refit);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', refit);
    };
  }, []);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0 || !(e.target instanceof Element) || !e.target.closest('input[type="range"], [role="slider"]')) return;
      actions.beginGesture();
      const end = () => {
        window.removeEventListener('pointerup', end, true);
        window.removeEventListener('pointercancel', end, true);
        window.removeEventListener('blur', end);
        actions.endGesture();
      };
      window.addEventListener('pointerup', end, true);
      window.addEventListener('pointercancel', end, true);
      window.addEventListener('blur', end);
    },
    [actions],
  );

  return (
    <section className="mx" aria-label="Mixer" ref={root} onPointerDown={onPointerDown}>
      <div className="mx-scroll">
        <div className="mx-strips" style={{ gridTemplateColumns: columns(tracks.length, buses.length) }}>
          {tracks.map((t) => (
            <MixerStrip
              key={t.id}
              kind="track"
              strip={t}
              buses={busInfo}
              audible={audible[t.id] ?? true}
              selected={t.id === selectedTrackId}
              open={t.id === detailId}
              onToggleDetail={toggleDetail}
            />
          ))}
          {buses.length > 0 && <div className="mx-spacer" aria-hidden="true" />}
          {buses.map((b) => (
            <MixerStrip key={b.id} kind="bus" strip={b} audible={audible[b.id] ?? true} selected={false} open={b.id === detailId} onToggleDetail={toggleDetail} />
          ))}
        </div>
      </div>
      <div className="mx-master" role="group" aria-label="Master channel">
        <div className="mx-master-name">Master</div>
        <div className="mx-master-body">
          <Fader label="Master volume" valueDb={masterDb} onChange={actions.setMasterGain} />
          <Meter source="master" label="Master" readout />
        </div>
      </div>
      {detailId !== null && <InsertsDetail stripId={detailId} onClose={closeDetail} />}
    </section>
  );
}
