import { FADER_MAX_DB, FADER_MIN_DB, formatFaderDb } from '../../dsp/decibels';

interface FaderProps {
  readonly label: string;
  readonly valueDb: number;
  readonly onChange: (valueDb: number) => void;
}

/** A vertical volume fader in dB: −∞ at the bottom stop, +6 dB at the top. Double-click resets to 0 dB. */
export function Fader({ label, valueDb, onChange }: FaderProps) {
  const text = formatFaderDb(valueDb);
  return (
    <div className="fader">
      <input
        type="range"
        className="fader-input"
        aria-label={label}
        aria-valuetext={text}
        aria-orientation="vertical"
        min={FADER_MIN_DB}
        max={FADER_MAX_DB}
        step={0.5}
        value={valueDb}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        onDoubleClick={() => onChange(0)}
      />
      <output className="fader-value" aria-hidden="true">
        {text.replace(' dB', '')}
      </output>
    </div>
  );
}
