/**
 * A labelled number input that only reports valid values. While the reader types
 * something out of range or not a number, the field is marked invalid and the last valid
 * value stays in force; leaving the field restores the shown text to that value.
 */
import { useEffect, useId, useState } from 'preact/hooks';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  /** Defaults to 1; values must be whole multiples of it from `min` (or 0). */
  step?: number;
  /** Called with each new valid value. */
  onChange: (value: number) => void;
  hint?: string;
  /** Message shown while the text is not a valid value; should name the allowed range. */
  invalidMessage?: string;
  disabled?: boolean;
}

/** True when `value` satisfies the field's bounds and step. */
export function isAllowedNumber(value: number, min?: number, max?: number, step = 1): boolean {
  if (!Number.isFinite(value)) return false;
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value > max) return false;
  const steps = (value - (min ?? 0)) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** Number input with a visible label, range checking and an error line. */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  hint,
  invalidMessage,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = text.trim() === '' ? Number.NaN : Number(text);
  const invalid = !isAllowedNumber(parsed, min, max, step);
  const describedBy = [hint ? `${id}-hint` : '', invalid && invalidMessage ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="cl-field cl-number-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={step % 1 === 0 && (min ?? 0) % 1 === 0 ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const number = Number(next);
          if (next.trim() !== '' && isAllowedNumber(number, min, max, step)) onChange(number);
        }}
        onBlur={() => setText(String(value))}
      />
      {hint && (
        <p class="cl-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {invalid && invalidMessage && (
        <p class="cl-error" id={`${id}-error`}>
          {invalidMessage}
        </p>
      )}
    </div>
  );
}
