import { memo } from 'react';
import { RANGES } from '../../state/edits';
import type { Bus, Track } from '../../state/project';
import { formatDb, formatDbShort } from '../format';
import { useEarshot } from '../StoreContext';
import { BusEffectControls } from './BusEffectControls';
import { Fader } from './Fader';
import { Knob } from './Knob';
import { Meter } from './Meter';
import { PanKnob } from './PanKnob';
import { SendControl } from './SendControl';
import { StripInserts } from './StripInserts';

export interface BusInfo {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

type MixerStripProps = {
  readonly audible: boolean;
  /** The track selected in the store (for keys and recording); buses are never selected there. */
  readonly selected: boolean;
  /** This strip's inserts are showing in the detail area. */
  readonly open: boolean;
  readonly onToggleDetail: (stripId: string) => void;
} & ({ readonly kind: 'track'; readonly strip: Track; readonly buses: readonly BusInfo[] } | { readonly kind: 'bus'; readonly strip: Bus });

/**
 * One channel strip, top to bottom in signal order: name, input trim, inserts, sends, pan, then fader, meter,
 * mute and solo. A bus shows its effect, then its inserts, where a track has trim, inserts and sends.
 * Its rows line up with its neighbours' (CSS subgrid).
 */
export const MixerStrip = memo(function MixerStrip(props: MixerStripProps) {
  const { strip, kind, audible, selected, open, onToggleDetail } = props;
  const actions = useEarshot((s) => s.actions);
  const name = strip.name;
  const classes = ['mx-strip', `mx-strip-${kind}`, audible ? '' : 'is-silent', selected ? 'is-selected' : '', open ? 'is-open' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="group" aria-label={kind === 'track' ? `${name} channel` : `${name} bus`} style={{ ['--track-color' as string]: strip.color }}>
      <button
        type="button"
        className="mx-name"
        data-strip-name={strip.id}
        aria-expanded={open}
        aria-controls="mx-detail"
        aria-label={`${name} inserts`}
        title={`${name}: ${open ? 'hide' : 'show'} its inserts`}
        onClick={() => onToggleDetail(strip.id)}
      >
        {name}
      </button>
      {props.kind === 'track' ? (
        <>
          <div className="mx-row mx-trim">
            <Knob
              layout="row"
              label={`Trim ${name}`}
              caption="Trim"
              value={strip.trimDb}
              min={RANGES.trimDb[0]}
              max={RANGES.trimDb[1]}
              step={0.5}
              origin={0}
              defaultValue={0}
              format={formatDb}
              display={formatDbShort}
              onChange={(v) => actions.setTrim(strip.id, v)}
            />
          </div>
          <div className="mx-row">
            <StripInserts stripId={strip.id} stripName={name} inserts={strip.inserts} />
          </div>
          <div className="mx-row mx-sends">
            {props.buses.map((b) => (
              <SendControl
                key={b.id}
                trackId={strip.id}
                trackName={name}
                busId={b.id}
                busName={b.name}
                busColor={b.color}
                send={props.strip.sends.find((s) => s.busId === b.id)}
              />
            ))}
          </div>
        </>
      ) : (
        // A bus's effect comes first (it processes what the sends bring), then its strip: trim (in the
        // detail area, as a bus's trim is seldom touched) and inserts.
        <div className="mx-row mx-bus-top">
          <BusEffectControls busId={strip.id} busName={name} effect={props.strip.effect} color={strip.color} />
          <StripInserts stripId={strip.id} stripName={name} inserts={strip.inserts} />
        </div>
      )}
      <div className="mx-row mx-pan">
        <PanKnob label={`Pan ${name}`} value={strip.pan} onChange={(v) => actions.setTrackPan(strip.id, v)} />
      </div>
      <div className="mx-body">
        <Fader label={`Volume ${name}`} valueDb={strip.gainDb} onChange={(v) => actions.setTrackGain(strip.id, v)} />
        <Meter source={strip.id} label={name} />
        <div className="mx-ms">
          <button type="button" className="mx-btn mx-mute" aria-pressed={strip.mute} aria-label={`Mute ${name}`} title="Mute" onClick={() => actions.setTrackMute(strip.id, !strip.mute)}>
            M
          </button>
          <button type="button" className="mx-btn mx-solo" aria-pressed={strip.solo} aria-label={`Solo ${name}`} title="Solo" onClick={() => actions.setTrackSolo(strip.id, !strip.solo)}>
            S
          </button>
        </div>
      </div>
    </div>
  );
});
