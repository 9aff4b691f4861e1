/**
 * A labelled range slider that shows its current value. Styles: `.cl-slider` in
 * kit.css.
 */
import { useId } from 'preact/hooks';
import { useHydrated } from './hydrated.ts';

/** Props of {@link SliderField}. */
export interface SliderFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Defaults to 1. */
  step?: number;
  /** Called on every movement with the new value. */
  onInput: (value: number) => void;
  /** How the value is displayed (and announced); defaults to the plain number. */
  format?: (value: number) => string;
  /** Optional help line under the slider. */
  hint?: string;
  disabled?: boolean;
}

/** Range input with a visible label and a live value readout. */
export function SliderField({ label, value, min, max, step = 1, onInput, format, hint, disabled }: SliderFieldProps) {
  const id = useId();
  // Disabled until hydrated: a slider moved before then would be put back (see hydrated.ts).
  const hydrated = useHydrated();
  const shown = format ? format(value) : String(value);
  return (
    <div class="cl-field cl-slider">
      <label for={id}>{label}</label>
      <div class="cl-slider__row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={disabled || !hydrated}
          data-hydrating={hydrated ? undefined : ''}
          aria-valuetext={shown}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(event) => onInput(Number(event.currentTarget.value))}
        />
        <output for={id}>{shown}</output>
      </div>
      {hint && (
        <p class="cl-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
