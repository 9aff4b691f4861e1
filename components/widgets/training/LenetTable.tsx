/**
 * LeNet-5 layer by layer, as the engine's `summary` traces it for one MNIST
 * digit: rendered when the page is built (used without a client directive, so
 * it ships no JavaScript). The paper's names (C1, S2, ...) sit beside the
 * engine's.
 */
import type { LenetRow } from './lesson-numbers.ts';
import { grouped, shapeText } from './format.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './training.css';

/** Props of {@link LenetTable}. */
export interface LenetTableProps {
  rows: readonly LenetRow[];
  totalParams: number;
  totalMacs: number;
  lang: Locale;
}

/** The paper's name of each row: C for convolutions, S for subsampling, F and OUTPUT for the full layers. */
export function paperNames(rows: readonly LenetRow[]): string[] {
  let index = 1;
  let full = 0;
  const fullNames = ['C5', 'F6', 'OUTPUT'];
  return rows.map((row) => {
    if (row.type === 'Conv2d') return `C${index++}`;
    if (row.type === 'AvgPool2d' || row.type === 'MaxPool2d') return `S${index++}`;
    if (row.type === 'Linear') {
      index++;
      return fullNames[full++] ?? '';
    }
    return '';
  });
}

/** The table. */
export function LenetTable({ rows, totalParams, totalMacs, lang }: LenetTableProps) {
  const w = stringsFor(STRINGS, lang).lenetTable;
  const names = paperNames(rows);
  return (
    <div class="training-table-scroll lenet-table" tabIndex={0} role="region" aria-label={w.caption}>
      <table class="training-summary">
        <caption>{w.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{w.paper}</th>
            <th scope="col">{w.layer}</th>
            <th scope="col">{w.type}</th>
            <th scope="col">{w.output}</th>
            <th scope="col" class="training-num">
              {w.params}
            </th>
            <th scope="col" class="training-num">
              {w.macs}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{w.input}</th>
            <td />
            <td />
            <td class="training-mono">{shapeText([1, 28, 28])}</td>
            <td />
            <td />
          </tr>
          {rows.map((row, i) => (
            <tr key={row.name} data-layer={row.name}>
              <th scope="row">{names[i]}</th>
              <td class="training-mono">{row.name}</td>
              <td class="training-mono">{row.type}</td>
              <td class="training-mono">{shapeText(row.outputShape)}</td>
              <td class="training-num">{grouped(row.params, lang)}</td>
              <td class="training-num">{row.macs ? grouped(row.macs, lang) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {w.total}
            </th>
            <td class="training-num">{grouped(totalParams, lang)}</td>
            <td class="training-num">{grouped(totalMacs, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
