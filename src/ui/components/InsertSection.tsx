import { useCallback, useEffect, type ReactNode } from 'react';
import { RANGES, setInsert } from '../../state/edits';
import { DEFAULT_INSERTS, INSERT_NAMES, type BellBand, type InsertKey, type Inserts, type ShelfBand } from '../../state/project';
import { formatDb, formatHz, formatMs, formatQ, formatRatio } from '../format';
import { useEngine } from '../engineApi';
import { useEarshot, useEarshotStore } from '../StoreContext';
import { GainReductionMeter } from './GainReductionMeter';
import { Knob } from './Knob';

interface InsertSectionProps {
  readonly stripId: string;
  readonly stripName: string;
  readonly insertKey: InsertKey;
  readonly inserts: Inserts;
}

/**
 * A/B of one insert while the song plays: A is the mix with this insert bypassed, B the mix as it is, matched in
 * loudness by the engine (as the technique and lesson A/Bs are). Ends when the insert is bypassed or closed.
 */
function InsertAb({ stripId, stripName, insertKey, bypassed }: { stripId: string; stripName: string; insertKey: InsertKey; bypassed: boolean }) {
  const store = useEarshotStore();
  const engine = useEngine();
  const key = `insert:${stripId}:${insertKey}`;
  const ab = useEarshot((s) => (s.ab?.techniqueId === key ? s.ab : null));
  const name = `${INSERT_NAMES[insertKey]} ${stripName}`;
  const stop = useCallback(() => {
    if (store.getState().ab?.techniqueId !== key) return;
    engine.stopComparing();
    store.getState().actions.setAb(null);
  }, [store, engine, key]);
  useEffect(() => {
    if (bypassed) stop();
  }, [bypassed, stop]);
  // Closing the inserts (or moving to another strip) ends the comparison.
  useEffect(() => stop, [stop]);
  const flip = async () => {
    const { actions, project } = store.getState();
    if (ab) {
      const side = ab.side === 'A' ? 'B' : 'A';
      engine.selectSide(side);
      actions.setAb({ ...ab, side });
      return;
    }
    actions.setAb({ techniqueId: key, side: 'B', offsetDb: null });
    const from = Math.max(0, Math.min(engine.getPositionSec(), project.durationSec - 12));
    const excerpt = project.loop.enabled ? { startSec: project.loop.startSec, endSec: project.loop.endSec } : { startSec: from, endSec: Math.min(project.durationSec, from + 12) };
    try {
      const offsetDb = await engine.compare(setInsert(project, stripId, insertKey, { bypass: true }), excerpt);
      const now = store.getState().ab;
      if (now?.techniqueId === key) actions.setAb({ ...now, offsetDb });
    } catch (e) {
      stop();
      actions.notify('error', `The A/B of ${name} could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (bypassed) return null;
  return (
    <span className="mx-ab">
      <button type="button" className="mx-ab-btn" aria-label={`A/B ${name}`} aria-pressed={ab?.side === 'B'} onClick={() => void flip()} title="Hear this insert bypassed (A) and on (B), matched in loudness">
        {ab ? ab.side : 'A/B'}
      </button>
      {ab && (
        <>
          <span className="mx-ab-note" role="status">
            {ab.offsetDb === null ? 'matching…' : ab.side === 'A' ? 'bypassed' : 'on'}
          </span>
          <button type="button" className="mx-ab-btn" aria-label={`Stop comparing ${name}`} onClick={stop}>
            ✕
          </button>
        </>
      )}
    </span>
  );
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
        <InsertAb stripId={stripId} stripName={stripName} insertKey={insertKey} bypassed={bypassed} />
      </h3>
      <div className="mx-section-body">{body}</div>
    </div>
  );
}
