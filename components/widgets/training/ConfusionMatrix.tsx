/**
 * The confusion matrix of the latest test: row = true class, column = the
 * network's answer, each cell a count. A real table (headers, caption), so a
 * screen reader can walk it; shading only repeats what the numbers say. The
 * diagonal (right answers) is shaded by its share of the row; the mistakes by
 * their size against the largest mistake, so the typical confusions stand out
 * even when they are a few images among thousands.
 */
import { memo } from 'preact/compat';
import { grouped, percent } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link ConfusionMatrix}. */
export interface ConfusionMatrixProps {
  confusion: number[][];
  classes: readonly string[];
  t: TrainingStrings;
  lang: Locale;
}

/**
 * Shading strengths (0..1) of each cell. Exported for tests: the diagonal by
 * row share, off-diagonal cells against the largest off-diagonal count.
 */
export function confusionShades(confusion: readonly (readonly number[])[]): number[][] {
  let worst = 0;
  confusion.forEach((row, r) => row.forEach((n, c) => (r !== c && n > worst ? (worst = n) : 0)));
  return confusion.map((row, r) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((n, c) => (r === c ? (total > 0 ? n / total : 0) : worst > 0 ? n / worst : 0));
  });
}

// Mixing limits that keep --fg text at AA contrast on the shade, in both themes.
const RIGHT_MIX = 45;
const WRONG_MIX = 35;

function ConfusionMatrixInner({ confusion, classes, t, lang }: ConfusionMatrixProps) {
  const c = t.confusion;
  const shades = confusionShades(confusion);
  const names = classes.map((name, i) => name ?? String(i));
  return (
    <div class="training-table-scroll" tabIndex={0} role="region" aria-label={c.caption}>
      <table class="training-confusion">
        <caption>{c.caption}</caption>
        <thead>
          <tr>
            <td class="training-confusion__corner">
              <span>{c.trueAxis}</span> \ <span>{c.predictedAxis}</span>
            </td>
            {names.map((name, col) => (
              <th scope="col" key={col} title={name}>
                <span class="training-confusion__head">{name}</span>
              </th>
            ))}
            <th scope="col">{c.rowAccuracy}</th>
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, r) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={r}>
                <th scope="row">{names[r]}</th>
                {row.map((n, col) => {
                  const right = r === col;
                  const mix = Math.round(shades[r][col] * (right ? RIGHT_MIX : WRONG_MIX));
                  const colour = right ? 'var(--accent)' : 'var(--danger)';
                  return (
                    <td
                      key={col}
                      class={right ? 'training-confusion__cell training-confusion__cell--right' : 'training-confusion__cell'}
                      style={n > 0 ? { background: `color-mix(in oklab, ${colour} ${mix}%, var(--bg))` } : undefined}
                      data-count={n}
                    >
                      {n > 0 ? grouped(n, lang) : <span class="training-confusion__zero">0</span>}
                    </td>
                  );
                })}
                <td class="training-num">{total > 0 ? percent(row[r] / total, 1) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The matrix (redrawn only when a new evaluation arrives). */
export const ConfusionMatrix = memo(ConfusionMatrixInner);
