import type { ReactNode } from 'react';
import { RANGES } from '../../state/edits';
import { DEFAULT_INSERTS, INSERT_NAMES, type BellBand, type InsertKey, type Inserts, type ShelfBand } from '../../state/project';
import { formatDb, formatHz, formatMs, formatQ, formatRatio } from '../format';
import { useEarshot } from '../StoreContext';
import { GainReductionMeter } from './GainReductionMeter';
import { Knob } from './Knob';

interface InsertSectionProps {
  readonly stripId: string;
  readonly stripName: string;
  readonly insertKey: InsertKey;
  readonly inserts: Inserts;
}

type EqBandKey = 'lowShelf' | 'bell1' | 'bell2' | 'highShelf';
const EQ_BANDS: readonly { key: EqBandKey; name: string; bell: boolean }[] = [
  { key: 'lowShelf', name: 'Low shelf', bell: false },
  { key: 'bell1', name: 'Bell 1', bell: true },
  { key: 'bell2', name: 'Bell 2', bell: true },
  { key: 'highShelf', name: 'High shelf', bell: false },
];

/**
 * One insert of a strip with all its settings, for the mixer's detail area. A bypassed insert is dimmed; its
 * knobs still turn, so it can be set up before it is switched on (with its button on the strip).
 */
export function InsertSection({ stripId, stripName, insertKey, inserts }: InsertSectionProps) {
  const actions = useEarshot((s) => s.actions);
  const bypassed = inserts[insertKey].bypass;
  const title = INSERT_NAMES[insertKey];

  let body: ReactNode;
  switch (insertKey) {
    case 'hpf':
      body = (
        <Knob
          label={`High-pass frequency ${stripName}`}
          caption="Freq"
          value={inserts.hpf.freqHz}
          min={RANGES.hpfHz[0]}
          max={RANGES.hpfHz[1]}
          log
          defaultValue={DEFAULT_INSERTS.hpf.freqHz}
          format={formatHz}
          onChange={(freqHz) => actions.setInsert(stripId, 'hpf', { freqHz })}
        />
      );
      break;
    case 'eq': {
      const eq = inserts.eq;
      const setBand = (key: EqBandKey, patch: Partial<BellBand>) =>
        actions.setInsert(stripId, 'eq', { [key]: { ...eq[key], ...patch } } as Partial<Inserts['eq']>);
      body = EQ_BANDS.map(({ key, name, bell }) => {
        const band: ShelfBand | BellBand = eq[key];
        const def = DEFAULT_INSERTS.eq[key];
        return (
          <div className="mx-band" key={key} role="group" aria-label={`${name} ${stripName}`}>
            <span className="mx-band-name" aria-hidden="true">
              {name}
            </span>
            <div className="mx-knobs">
              <Knob
                label={`${name} frequency ${stripName}`}
                caption="Freq"
                value={band.freqHz}
                min={RANGES.eqHz[0]}
                max={RANGES.eqHz[1]}
                log
                defaultValue={def.freqHz}
                format={formatHz}
                onChange={(freqHz) => setBand(key, { freqHz })}
              />
              <Knob
                label={`${name} gain ${stripName}`}
                caption="Gain"
                value={band.gainDb}
                min={RANGES.eqGainDb[0]}
                max={RANGES.eqGainDb[1]}
                step={0.5}
                origin={0}
                defaultValue={0}
                format={formatDb}
                onChange={(gainDb) => setBand(key, { gainDb })}
              />
              {bell && 'q' in band && (
                <Knob
                  label={`${name} Q ${stripName}`}
                  caption="Q"
                  value={band.q}
                  min={RANGES.q[0]}
                  max={RANGES.q[1]}
                  log
                  defaultValue={1}
                  format={formatQ}
                  onChange={(q) => setBand(key, { q })}
                />
              )}
            </div>
          </div>
        );
      });
      break;
    }
    case 'comp': {
      const c = inserts.comp;
      const d = DEFAULT_INSERTS.comp;
      body = (
        <>
          <Knob label={`Threshold ${stripName}`} caption="Threshold" value={c.thresholdDb} min={RANGES.thresholdDb[0]} max={RANGES.thresholdDb[1]} step={0.5} defaultValue={d.thresholdDb} format={formatDb} onChange={(thresholdDb) => actions.setInsert(stripId, 'comp', { thresholdDb })} />
          <Knob label={`Ratio ${stripName}`} caption="Ratio" value={c.ratio} min={RANGES.ratio[0]} max={RANGES.ratio[1]} log defaultValue={d.ratio} format={formatRatio} onChange={(ratio) => actions.setInsert(stripId, 'comp', { ratio })} />
          <Knob label={`Attack ${stripName}`} caption="Attack" value={c.attackMs} min={RANGES.attackMs[0]} max={RANGES.attackMs[1]} log defaultValue={d.attackMs} format={formatMs} onChange={(attackMs) => actions.setInsert(stripId, 'comp', { attackMs })} />
          <Knob label={`Release ${stripName}`} caption="Release" value={c.releaseMs} min={RANGES.releaseMs[0]} max={RANGES.releaseMs[1]} log defaultValue={d.releaseMs} format={formatMs} onChange={(releaseMs) => actions.setInsert(stripId, 'comp', { releaseMs })} />
          <Knob label={`Makeup gain ${stripName}`} caption="Makeup" value={c.makeupDb} min={RANGES.makeupDb[0]} max={RANGES.makeupDb[1]} step={0.5} defaultValue={d.makeupDb} format={formatDb} onChange={(makeupDb) => actions.setInsert(stripId, 'comp', { makeupDb })} />
          <GainReductionMeter stripId={stripId} stripName={stripName} variant="full" />
        </>
      );
      break;
    }
    case 'sat':
      body = (
        <Knob
          label={`Drive ${stripName}`}
          caption="Drive"
          value={inserts.sat.driveDb}
          min={RANGES.driveDb[0]}
          max={RANGES.driveDb[1]}
          step={0.5}
          defaultValue={DEFAULT_INSERTS.sat.driveDb}
          format={formatDb}
          onChange={(driveDb) => actions.setInsert(stripId, 'sat', { driveDb })}
        />
      );
      break;
  }

  return (
    <div className={`mx-section mx-section-${insertKey}${bypassed ? ' is-bypassed' : ''}`} role="group" aria-label={`${title} ${stripName}`}>
      <h3 className="mx-section-title">
        {title}
        <span className={`mx-state${bypassed ? ' is-bypassed' : ''}`}>{bypassed ? 'Bypassed' : 'On'}</span>
      </h3>
      <div className="mx-section-body">{body}</div>
    </div>
  );
}
