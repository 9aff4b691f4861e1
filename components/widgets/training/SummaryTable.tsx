/**
 * The network as the engine's `summary` traces it for one image: each layer's
 * output shape and parameter count, and the total. For a stack that does not
 * fit, the layer at fault and the engine's reason instead.
 */
import type { ArchitectureCheck } from '../../../src/training/architecture.ts';
import { grouped, shapeText } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link SummaryTable}. */
export interface SummaryTableProps {
  check: ArchitectureCheck;
  /** One image, [C, H, W]. */
  inputShape: readonly number[];
  t: TrainingStrings;
  lang: Locale;
  /** id of the problem message, so Start can point at it (aria-describedby). */
  problemId: string;
}

/** The summary, or the reason there is none. */
export function SummaryTable({ check, inputShape, t, lang, problemId }: SummaryTableProps) {
  const s = t.summary;
  if (!check.ok) {
    const lead =
      check.layerIndex !== undefined
        ? s.brokenLayer(check.layerIndex, t.stack.types[check.layerType as keyof typeof t.stack.types] ?? String(check.layerType))
        : s.brokenNetwork;
    return (
      <div class="training-summary__problem" id={problemId} role="alert">
        <p>
          <strong>{lead}</strong>
        </p>
        <p lang="en" class="training-summary__detail">
          {check.message}
        </p>
      </div>
    );
  }
  return (
    <div class="training-table-scroll" tabIndex={0} role="region" aria-label={s.caption}>
      <table class="training-summary">
        <caption>{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.layer}</th>
            <th scope="col">{s.type}</th>
            <th scope="col">{s.output}</th>
            <th scope="col" class="training-num">
              {s.params}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{s.input}</th>
            <td />
            <td class="training-mono">{shapeText(inputShape)}</td>
            <td class="training-num" />
          </tr>
          {check.layers.map((row) => (
            <tr key={row.name}>
              <th scope="row" class="training-mono">
                {row.name}
              </th>
              <td class="training-mono">{row.type}</td>
              <td class="training-mono">{shapeText(row.outputShape)}</td>
              <td class="training-num">{grouped(row.params, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {s.total}
            </th>
            <td class="training-num" data-total-params={check.totalParams}>
              {grouped(check.totalParams, lang)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
