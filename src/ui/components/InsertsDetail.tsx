import type { KeyboardEvent } from 'react';
import { RANGES } from '../../state/edits';
import { INSERT_KEYS } from '../../state/project';
import { formatDb } from '../format';
import { useEarshot } from '../StoreContext';
import { InsertSection } from './InsertSection';
import { Knob } from './Knob';

interface InsertsDetailProps {
  readonly stripId: string;
  readonly onClose: () => void;
}

/**
 * Every setting of one strip's inserts, in signal order, in one row: high-pass, EQ, compressor (with its
 * gain-reduction meter), saturation; for a bus, its input trim first. Escape closes it.
 */
export function InsertsDetail({ stripId, onClose }: InsertsDetailProps) {
  const strip = useEarshot((s) => s.project.tracks.find((t) => t.id === stripId) ?? s.project.buses.find((b) => b.id === stripId) ?? null);
  const isBus = useEarshot((s) => s.project.buses.some((b) => b.id === stripId));
  const actions = useEarshot((s) => s.actions);
  if (!strip) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  return (
    <div
      id="mx-detail"
      className={`mx-detail${isBus ? ' is-bus' : ''}`}
      role="region"
      aria-label={`${strip.name} inserts`}
      onKeyDown={onKeyDown}
      style={{ ['--track-color' as string]: strip.color }}
    >
      <div className="mx-detail-head">
        <h2 className="mx-detail-title">
          {strip.name}
          <span className="mx-detail-sub">{isBus ? 'bus inserts' : 'inserts'} · in signal order · drag a knob up or down, double-click to reset</span>
        </h2>
        <button type="button" className="mx-close" aria-label="Close inserts" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="mx-detail-body">
        {isBus && (
          // A track's trim is on its strip; a bus's lives here.
          <div className="mx-section" role="group" aria-label={`Input ${strip.name}`}>
            <h3 className="mx-section-title">Input</h3>
            <div className="mx-section-body">
              <Knob
                label={`Trim ${strip.name}`}
                caption="Trim"
                value={strip.trimDb}
                min={RANGES.trimDb[0]}
                max={RANGES.trimDb[1]}
                step={0.5}
                origin={0}
                defaultValue={0}
                format={formatDb}
                onChange={(v) => actions.setTrim(strip.id, v)}
              />
            </div>
          </div>
        )}
        {INSERT_KEYS.map((key) => (
          <InsertSection key={key} stripId={strip.id} stripName={strip.name} insertKey={key} inserts={strip.inserts} />
        ))}
      </div>
    </div>
  );
}
