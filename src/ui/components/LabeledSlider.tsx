interface LabeledSliderProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly format: (v: number) => string;
  readonly onChange: (v: number) => void;
  readonly disabled?: boolean;
}

/** A horizontal slider with its name and value in units, for screen readers and for the back of the room. */
export function LabeledSlider({ label, value, min, max, step, format, onChange, disabled = false }: LabeledSliderProps) {
  const text = format(value);
  return (
    <label className="lslider">
      <span className="lslider-label">{label}</span>
      <input type="range" aria-label={label} aria-valuetext={text} min={min} max={max} step={step} value={value} disabled={disabled} onChange={(e) => onChange(Number(e.currentTarget.value))} />
      <span className="lslider-value" aria-hidden="true">
        {text}
      </span>
    </label>
  );
}
