/**
 * Test accuracy per kind of picture, both networks side by side: a real table
 * (so screen readers and copy-paste get the numbers) with a bar in each cell
 * (so the eye gets the comparison).
 */
import { XO_MODELS, XO_TEST_SETS } from '../../../src/training/xo/config.ts';
import type { PerModel, XoTestSet } from '../../../src/training/xo/config.ts';
import type { XoLabStrings } from './strings/index.ts';

/** Props of {@link AccuracyTable}. */
export interface AccuracyTableProps {
  accuracy: Record<XoTestSet, PerModel<number>>;
  t: XoLabStrings;
}

/** The table of accuracies. */
export function AccuracyTable({ accuracy, t }: AccuracyTableProps) {
  return (
    <table class="xolab-accuracy">
      <caption>{t.accuracyCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.testSetColumn}</th>
          {XO_MODELS.map((kind) => (
            <th scope="col" key={kind}>
              {t.model[kind]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {XO_TEST_SETS.map((set) => (
          <tr key={set} data-test-set={set}>
            <th scope="row">{t.testSet[set]}</th>
            {XO_MODELS.map((kind) => {
              const value = accuracy[set][kind];
              return (
                <td key={kind} data-model={kind} data-accuracy={value}>
                  <span class="xolab-accuracy__value">{t.percent(value)}</span>
                  <span class={`xolab-bar xolab-bar--${kind}`} aria-hidden="true">
                    <span style={{ width: `${Math.round(value * 100)}%` }} />
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
