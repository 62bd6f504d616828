import { FADER_MAX_DB, FADER_MIN_DB } from '../../dsp/decibels';
import type { Send } from '../../state/project';
import { formatSendDb, formatSendShort } from '../format';
import { useEarshot } from '../StoreContext';
import { Knob } from './Knob';

interface SendControlProps {
  readonly trackId: string;
  readonly trackName: string;
  readonly busId: string;
  readonly busName: string;
  readonly busColor: string;
  /** The track's send to this bus; a track without one sends nothing (off, post-fader). */
  readonly send: Send | undefined;
}

/** A track's send to one bus: a level knob ("Send Reverb Piano") and a pre/post-fader toggle ("Pre-fader Reverb Piano"). */
export function SendControl({ trackId, trackName, busId, busName, busColor, send }: SendControlProps) {
  const actions = useEarshot((s) => s.actions);
  const levelDb = send?.levelDb ?? FADER_MIN_DB;
  const pre = send?.pre ?? false;
  return (
    <div className={`mx-send${levelDb <= FADER_MIN_DB ? ' is-off' : ''}`}>
      <Knob
        layout="row"
        label={`Send ${busName} ${trackName}`}
        caption={busName}
        value={levelDb}
        min={FADER_MIN_DB}
        max={FADER_MAX_DB}
        step={0.5}
        defaultValue={FADER_MIN_DB}
        format={formatSendDb}
        display={formatSendShort}
        color={busColor}
        onChange={(v) => actions.setSend(trackId, busId, { levelDb: v })}
      />
      <button
        type="button"
        className="mx-pre"
        aria-pressed={pre}
        aria-label={`Pre-fader ${busName} ${trackName}`}
        title={pre ? 'Pre-fader: the send ignores the fader' : 'Post-fader: the send follows the fader (click for pre-fader)'}
        onClick={() => actions.setSend(trackId, busId, { pre: !pre })}
      >
        PRE
      </button>
    </div>
  );
}
