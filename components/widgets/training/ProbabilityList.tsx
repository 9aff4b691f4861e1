/**
 * The network's probability for each class, as a list of labelled bars (the
 * text carries the numbers; the bars are decoration).
 */
import { percent } from './format.ts';

/** Props of {@link ProbabilityList}. */
export interface ProbabilityListProps {
  probabilities: readonly number[];
  /** Class names, by label. */
  classes: readonly string[];
  /** The class to mark as the answer. */
  predicted: number;
  /** The true class, when known (a test image). */
  label?: number;
  caption: string;
}

/** Ten bars. */
export function ProbabilityList({ probabilities, classes, predicted, label, caption }: ProbabilityListProps) {
  return (
    <figure class="training-probs">
      <figcaption class="training-probs__caption">{caption}</figcaption>
      <ol class="training-probs__list">
        {probabilities.map((p, c) => (
          <li
            key={c}
            class={[
              'training-probs__row',
              c === predicted ? 'training-probs__row--predicted' : '',
              c === label ? 'training-probs__row--true' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            data-class={c}
          >
            <span class="training-probs__name">{classes[c] ?? String(c)}</span>
            <span class="training-probs__bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
            </span>
            <span class="training-probs__value">{percent(p, 1)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
