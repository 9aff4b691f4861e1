/**
 * A labelled text field for one number, checked on every keystroke by a
 * `parse` function. While the text is not acceptable the field is marked
 * invalid, says why (linked with aria-describedby, announced as an alert), and
 * the last good value stays in force; `onInvalid` tells the dashboard so it can
 * hold training until the field is fixed.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';

/** Props of {@link NumberInput}. */
export interface NumberInputProps {
  label: string;
  value: number;
  /** Turns text into a value, or a sentence saying what is wrong with it. */
  parse: (text: string) => { value: number } | { message: string };
  onChange: (value: number) => void;
  /** Called with true while the text is unacceptable, false once it is fixed. */
  onInvalid?: (invalid: boolean) => void;
  hint?: string;
  /** Width in characters. */
  size?: number;
  disabled?: boolean;
  /** For tests and styling: data-field on the wrapper. */
  name?: string;
}

/** A number field with its own error line. */
export function NumberInput({ label, value, parse, onChange, onInvalid, hint, size = 8, disabled, name }: NumberInputProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  // The value this field last reported: its echo must not rewrite what the reader is typing ("1e-3").
  const emitted = useRef<number | null>(null);

  // A value set from outside (a loaded model, restored defaults) replaces the text.
  useEffect(() => {
    if (emitted.current !== null && Object.is(emitted.current, value)) return;
    emitted.current = null;
    setText(String(value));
    setMessage(null);
  }, [value]);

  useEffect(() => {
    onInvalid?.(message !== null);
  }, [message !== null]);
  // A field that goes away (momentum, when another optimiser is chosen) no longer holds anything up.
  useEffect(() => () => onInvalid?.(false), []);

  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="cl-field training-number" data-field={name}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        size={size}
        value={text}
        disabled={disabled}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const parsed = parse(next);
          if ('value' in parsed) {
            setMessage(null);
            if (parsed.value !== value) {
              emitted.current = parsed.value;
              onChange(parsed.value);
            }
          } else {
            setMessage(parsed.message);
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
