/**
 * A labelled progress bar (native <progress>) with a text readout, for training runs
 * and long computations. Leave `value` undefined while the total is unknown.
 */
import { useId } from 'preact/hooks';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  label: string;
  /** Amount done, from 0 to `max`; undefined shows an indeterminate bar. */
  value?: number | undefined;
  /** Defaults to 1. */
  max?: number;
  /** Readout beside the label; defaults to a whole percentage. */
  text?: string;
}

/** Progress of a task, with its label and readout. */
export function ProgressBar({ label, value, max = 1, text }: ProgressBarProps) {
  const id = useId();
  const clamped = value === undefined ? undefined : Math.min(max, Math.max(0, value));
  const readout = text ?? (clamped === undefined ? '' : `${Math.round((clamped / max) * 100)}%`);
  return (
    <div class="cl-progress">
      <div class="cl-progress__label">
        <span id={id}>{label}</span>
        <span class="cl-progress__value">{readout}</span>
      </div>
      <progress aria-labelledby={id} max={max} value={clamped} />
    </div>
  );
}
