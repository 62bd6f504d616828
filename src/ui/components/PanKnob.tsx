import { formatPan, formatPanShort } from '../../dsp/pan';

interface PanKnobProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (pan: number) => void;
}

/** Pan as a horizontal slider: value text in words ("40% left"). Double-click centres it. */
export function PanKnob({ label, value, onChange }: PanKnobProps) {
  return (
    <div className="pan">
      <input
        type="range"
        className="pan-input"
        aria-label={label}
        aria-valuetext={formatPan(value)}
        min={-1}
        max={1}
        step={0.01}
        value={value}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        onDoubleClick={() => onChange(0)}
      />
      <span className="pan-value" aria-hidden="true">
        {formatPanShort(value)}
      </span>
    </div>
  );
}
