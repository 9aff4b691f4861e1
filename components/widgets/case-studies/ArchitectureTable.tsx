/**
 * A case study's architecture, layer by layer, computed live by the engine's
 * `summary` (see src/case-studies/architectures.ts): every layer's output shape,
 * parameters, receptive field, MACs and activation memory, and the totals by group.
 * With `compare`, the mini version the trainer trains is tabled beside it.
 *
 * Used from MDX: `<ArchitectureTable client:visible model="resnet18" choices={['resnet18', 'resnet34', 'resnet50']} compare />`.
 * Its state lives in the address (csM, csB, csC); a second table on one page takes `queryPrefix`.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { ARCHITECTURES, BATCHES, FLOAT32_BYTES, LAYER_GROUPS, compact, decodeTable, describeArchitecture, encodeTable, megabytes, tableKeys, tableRows } from './model.ts';
import type { ArchitectureKey, TableState } from './model.ts';
import type { CaseStudyStrings } from './strings/index.ts';
import { STRINGS } from './strings/index.ts';
import './case-studies.css';

/** Props of {@link ArchitectureTable}. */
export interface ArchitectureTableProps {
  /** Registry key of the model tabled first ('vgg16', 'resnet50', 'alexnet-original', ...). */
  model: ArchitectureKey;
  /** Models the reader may switch between (default: only `model`). */
  choices?: ArchitectureKey[];
  /** Start with the mini version's table beside it. */
  compare?: boolean;
  /** Prefix of its address keys (default 'cs': csM, csB, csC); give a second table on the same page another one. */
  queryPrefix?: string;
  lang?: Locale;
}

function Table({ modelKey, batch, t, locale }: { modelKey: ArchitectureKey; batch: number; t: CaseStudyStrings; locale: string }) {
  const spec = ARCHITECTURES[modelKey];
  const report = describeArchitecture(modelKey);
  const f = (v: number) => v.toLocaleString(locale);
  const mb = (bytes: number) => megabytes(bytes * batch, locale);
  const rows = tableRows(report);
  return (
    <div class="cs-table-block" data-testid={`arch-${modelKey}`} data-params={report.totalParams} data-macs={report.totalMacs}>
      <h4 class="cs-table-name">{spec.label}</h4>
      <p class="cs-built">{t.builtBy(spec.builder, spec.inputShape.join('×'))}</p>
      <p class="cs-totals" data-testid="arch-totals">
        {t.totalsLine(f(report.totalParams), compact(report.totalMacs, locale), mb(report.activationBytes), batch, megabytes(report.paramBytes, locale))}
      </p>
      <ul class="cs-groups">
        {LAYER_GROUPS.filter((g) => report.groups[g].layers > 0).map((g) => (
          <li key={g} data-group={g}>
            {t.groupLine(t.groupName[g], report.groups[g].layers, f(report.groups[g].params), compact(report.groups[g].macs, locale))}
          </li>
        ))}
      </ul>
      <div class="cs-scroll" tabIndex={0} role="region" aria-label={t.tableTitle(spec.label)}>
        <table class="cs-table" data-testid="arch-table">
          <thead>
            <tr>
              <th scope="col">{t.colLayer}</th>
              <th scope="col">{t.colShape}</th>
              <th scope="col">{t.colParams}</th>
              <th scope="col">{t.colField}</th>
              <th scope="col">{t.colMacs}</th>
              <th scope="col">{t.colMemory}</th>
            </tr>
          </thead>
          <tbody>
            <tr class="cs-input">
              <th scope="row">input</th>
              <td>{report.inputShape.join('×')}</td>
              <td class="cs-num">0</td>
              <td class="cs-num">1×1</td>
              <td class="cs-num">0</td>
              <td class="cs-num">{mb(report.inputActivations * FLOAT32_BYTES)}</td>
            </tr>
            {rows.map((r) => (
              <tr key={r.index} data-group={r.group}>
                <th scope="row">
                  <code>{r.name}</code>
                  <span class="cs-type">{r.type}</span>
                </th>
                <td>{r.outputShape.join('×')}</td>
                <td class="cs-num">{f(r.params)}</td>
                <td class="cs-num">{r.receptiveField ? `${r.receptiveField[0]}×${r.receptiveField[1]}` : '–'}</td>
                <td class="cs-num">{r.macs ? compact(r.macs, locale) : '0'}</td>
                <td class="cs-num">{r.kept ? mb(r.activationBytes) : <span title={t.inPlace}>–</span>}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td />
              <td class="cs-num">{f(report.totalParams)}</td>
              <td />
              <td class="cs-num">{compact(report.totalMacs, locale)}</td>
              <td class="cs-num">{mb(report.activationBytes)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

export default function ArchitectureTable({ model, choices, compare = false, queryPrefix = 'cs', lang }: ArchitectureTableProps) {
  const t = stringsFor(STRINGS, lang);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const options = choices && choices.length > 0 ? choices : [model];
  const query = useMemo<QueryCodec<TableState>>(
    () => ({
      initial: () => ({ model, batch: BATCHES[0], compare }),
      read: (params) => {
        const { state, rejected } = decodeTable(params, { model, batch: BATCHES[0], compare }, options, tableKeys(queryPrefix));
        return { value: state, rejected };
      },
      write: (state, params) => encodeTable(state, params, tableKeys(queryPrefix)),
    }),
    [model, compare, queryPrefix, options.join(',')],
  );
  const { value: state, set, rejected } = useQueryState(query);
  const spec = ARCHITECTURES[state.model];
  const partner = spec.partner;

  return (
    <WidgetFrame title={t.tableTitle(spec.label)} caption={t.tableCaption} class="cs-arch">
      {rejected.length > 0 && <Note testId="arch-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        {options.length > 1 && (
          <ChoiceGroup label={t.model} value={state.model} options={options.map((k) => ({ value: k, label: ARCHITECTURES[k].label }))}
            onChange={(m) => set((s) => ({ ...s, model: m }))} />
        )}
        <ChoiceGroup label={t.batch} value={state.batch} options={BATCHES.map((b) => ({ value: b, label: String(b) }))}
          onChange={(batch) => set((s) => ({ ...s, batch }))} />
        <label class="cs-check">
          <input type="checkbox" data-testid="arch-compare" checked={state.compare} onChange={(e) => set((s) => ({ ...s, compare: e.currentTarget.checked }))} />
          {t.compare} ({ARCHITECTURES[partner].label})
        </label>
      </div>
      <div class={state.compare ? 'cs-pair' : 'cs-single'}>
        <Table modelKey={state.model} batch={state.batch} t={t} locale={locale} />
        {state.compare && <Table modelKey={partner} batch={state.batch} t={t} locale={locale} />}
      </div>
    </WidgetFrame>
  );
}
