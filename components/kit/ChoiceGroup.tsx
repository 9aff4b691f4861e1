/**
 * A segmented control: one choice among a few, built from native radio buttons so that
 * arrow keys, form semantics and screen readers work without extra code. Styles:
 * `.cl-choice` in kit.css.
 */
import { useId } from 'preact/hooks';

/** One option of a {@link ChoiceGroup}. */
export interface Choice<T extends string | number> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps<T extends string | number> {
  /** The question the choices answer, shown as the group's legend. */
  label: string;
  options: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** A row of mutually exclusive buttons (radio group) with a visible legend. */
export function ChoiceGroup<T extends string | number>({ label, options, value, onChange }: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset class="cl-choice">
      <legend>{label}</legend>
      <div class="cl-choice__options">
        {options.map((option) => (
          <label class="cl-choice__option" key={String(option.value)}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={option.value === value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
