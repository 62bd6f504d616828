import { INSERT_KEYS, INSERT_NAMES, type InsertKey, type Inserts } from '../../state/project';
import { useEarshot } from '../StoreContext';
import { GainReductionMeter } from './GainReductionMeter';

/** What a strip's insert buttons say: short enough for a narrow strip. */
const SHORT_NAMES: Readonly<Record<InsertKey, string>> = { hpf: 'HPF', eq: 'EQ', comp: 'Comp', sat: 'Sat' };

interface StripInsertsProps {
  readonly stripId: string;
  readonly stripName: string;
  readonly inserts: Inserts;
}

/**
 * A strip's inserts in signal order as four bypass buttons: lit when the insert is working, dark when it is
 * bypassed (aria-pressed is "bypassed"). The compressor's button carries a gain-reduction bar.
 */
export function StripInserts({ stripId, stripName, inserts }: StripInsertsProps) {
  const actions = useEarshot((s) => s.actions);
  return (
    <div className="mx-inserts" role="group" aria-label={`Inserts ${stripName}`}>
      {INSERT_KEYS.map((key) => {
        const bypassed = inserts[key].bypass;
        return (
          <button
            key={key}
            type="button"
            className={`mx-insert${bypassed ? ' is-bypassed' : ''}`}
            aria-pressed={bypassed}
            aria-label={`Bypass ${INSERT_NAMES[key]} ${stripName}`}
            title={`${INSERT_NAMES[key]}: ${bypassed ? 'bypassed (click to switch on)' : 'on (click to bypass)'}`}
            onClick={() => actions.setInsertBypass(stripId, key, !bypassed)}
          >
            <span className="mx-insert-led" aria-hidden="true" />
            {SHORT_NAMES[key]}
            {key === 'comp' && <GainReductionMeter stripId={stripId} stripName={stripName} variant="bar" />}
          </button>
        );
      })}
    </div>
  );
}
