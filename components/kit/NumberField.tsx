/**
 * The one field for a number the reader types, in every widget. It keeps to these rules:
 *
 * - The text is the reader's. It is never rewritten while they type: when the value
 *   the field reported comes back as `value`, the text stays as typed ("0.50", "1e-3").
 * - The whole text is checked on every keystroke (`check`, or `rule` and `message`).
 *   While it is not acceptable the field is marked invalid and shows a message that
 *   states the rule (the range, whole numbers, ...), linked to the input and announced;
 *   the last acceptable value stays in force.
 * - The parent hears whether the text is acceptable (`onInvalid`), so it can hold up
 *   what depends on it, such as a Start button. Leaving the field changes nothing: a
 *   refused text stays with its message. (Reverting it on blur to the value in force
 *   brought back whatever valid prefix the typing had passed through: 600 became 60.)
 * - A value set from outside (a preset, a loaded model) replaces the text and clears
 *   the message; so does a new `revision`, even when the value itself did not change
 *   (restoring defaults over a field left invalid).
 *
 * The input is a text field with a numeric keyboard on phones, not `type="number"`,
 * which would hide what was typed whenever it is not a number ("1e", "abc") and so
 * could not say what is wrong. With a `rule`, the arrow keys step the value as a
 * number input's do. Styles: `.cl-number-field` in kit.css.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useHydrated } from './hydrated.ts';

/** What a rule-checked field accepts; every bound is inclusive. */
export interface NumberRule {
  min?: number;
  max?: number;
  /** Values must be whole multiples of it from `min` (or 0); 1, the default, means whole numbers. */
  step?: number;
}

/** A text's verdict: its value, or the sentence that states the rule it breaks. */
export type NumberCheck = { value: number } | { message: string };

/** A plain decimal number ("12", "-0.5", ".5", "1e-3"), as a number input accepts; NaN for anything else. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** True when `value` satisfies the bounds and step. */
export function isAllowedNumber(value: number, min?: number, max?: number, step = 1): boolean {
  if (!Number.isFinite(value)) return false;
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value > max) return false;
  const steps = (value - (min ?? 0)) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** Checks a whole text against `rule`; `message` is what a broken rule shows. */
export function checkNumber(text: string, rule: NumberRule, message: string): NumberCheck {
  const value = parseDecimal(text);
  return isAllowedNumber(value, rule.min, rule.max, rule.step) ? { value } : { message };
}

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  /** The value in force. */
  value: number;
  /** Called with each new acceptable value. */
  onChange: (value: number) => void;
  /** What the field accepts; also what the arrow keys step by. */
  rule?: NumberRule;
  /** The sentence shown while the text breaks `rule`; it should state the rule. */
  message?: string;
  /** A check of the whole text of the widget's own, used instead of `rule`. */
  check?: (text: string) => NumberCheck;
  /** Told true while the text is not acceptable, false once it is again (or the field goes away). */
  onInvalid?: (invalid: boolean) => void;
  /** Change it to show `value` afresh and drop any message, whether or not `value` changed. */
  revision?: number;
  hint?: string;
  /** Width in characters (default: the kit's width). */
  size?: number;
  disabled?: boolean;
  /** `data-field` on the wrapper, for tests and styling. */
  name?: string;
  /** The widget's own class for the wrapper, beside `cl-field cl-number-field`. */
  class?: string;
}

/** A labelled number field with its own error line (see the file comment). */
export function NumberField({
  label,
  value,
  onChange,
  rule,
  message: ruleMessage = '',
  check,
  onInvalid,
  revision,
  hint,
  size,
  disabled,
  name,
  class: className,
}: NumberFieldProps) {
  const id = useId();
  const hydrated = useHydrated();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  // The value this field last reported: its echo must not rewrite what the reader is typing.
  const emitted = useRef<number | null>(null);

  const show = (shown: number) => {
    emitted.current = null;
    setText(String(shown));
    setMessage(null);
  };

  // A value set from outside replaces the text.
  useEffect(() => {
    if (emitted.current !== null && Object.is(emitted.current, value)) return;
    show(value);
  }, [value]);
  useEffect(() => {
    if (revision !== undefined) show(value);
  }, [revision]);

  useEffect(() => {
    onInvalid?.(message !== null);
  }, [message !== null]);
  // A field that goes away (momentum, when another optimiser is chosen) no longer holds anything up.
  useEffect(() => () => onInvalid?.(false), []);

  const verdict = (next: string): NumberCheck => {
    if (check) return check(next);
    if (rule) return checkNumber(next, rule, ruleMessage);
    const number = parseDecimal(next);
    return Number.isFinite(number) ? { value: number } : { message: ruleMessage };
  };

  const take = (next: string) => {
    setText(next);
    const result = verdict(next);
    if ('message' in result) {
      setMessage(result.message);
      return;
    }
    setMessage(null);
    if (!Object.is(result.value, value)) {
      emitted.current = result.value;
      onChange(result.value);
    }
  };

  /** Arrow keys step a rule-checked value, as on a number input, and stay within the bounds. */
  const stepBy = (direction: 1 | -1) => {
    if (!rule) return false;
    const step = rule.step ?? 1;
    let next = value + direction * step;
    if (rule.min !== undefined) next = Math.max(rule.min, next);
    if (rule.max !== undefined) next = Math.min(rule.max, next);
    if (!isAllowedNumber(next, rule.min, rule.max, step)) return false;
    take(String(Number(next.toPrecision(12))));
    return true;
  };

  const whole = Number.isInteger(rule?.step ?? 1) && Number.isInteger(rule?.min ?? 0);
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={className ? `cl-field cl-number-field ${className}` : 'cl-field cl-number-field'} data-field={name}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={rule && whole ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellcheck={false}
        size={size}
        value={text}
        disabled={disabled || !hydrated}
        data-hydrating={hydrated ? undefined : ''}
        aria-invalid={message !== null ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => take(event.currentTarget.value)}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && stepBy(event.key === 'ArrowUp' ? 1 : -1)) {
            event.preventDefault();
          }
        }}
      />
      {hint && (
        <p class="cl-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {message && (
        <p class="cl-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
