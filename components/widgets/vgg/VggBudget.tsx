/**
 * Lesson 16's budget table: every kept output of a VGG from the zoo, its shape, how
 * many numbers it holds, its memory for the chosen batch in float32, and the layer's
 * parameters. Totals below. All from the engine's summary (see model.ts `budget`).
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { BATCHES, BUDGET_MODELS, DEFAULT_BUDGET, budget, bytes, decodeBudget, encodeBudget } from './model.ts';
import type { BudgetState } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './vgg.css';

const QUERY: QueryCodec<BudgetState> = {
  initial: () => ({ ...DEFAULT_BUDGET }),
  read: (params) => {
    const { state, rejected } = decodeBudget(params);
    return { value: state, rejected };
  },
  write: encodeBudget,
};

const LABELS: Record<(typeof BUDGET_MODELS)[number], string> = {
  vgg11: 'VGG-11',
  vgg13: 'VGG-13',
  vgg16: 'VGG-16',
  vgg19: 'VGG-19',
  'mini-vgg': 'mini-VGG',
};

export default function VggBudget({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const f = (v: number) => v.toLocaleString(locale);
  const mb = (b: number) => (b / 1e6).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const { value: state, set, rejected } = useQueryState(QUERY);
  const result = useMemo(() => budget(state.model), [state.model]);
  const top = Math.max(...result.rows.map((r) => r.activations));
  const topParams = Math.max(...result.rows.map((r) => r.params));

  return (
    <WidgetFrame title={t.budgetTitle} caption={t.budgetCaption} class="vg-budget">
      {rejected.length > 0 && <Note testId="budget-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup label={t.model} value={state.model} options={BUDGET_MODELS.map((n) => ({ value: n, label: LABELS[n] }))}
          onChange={(model) => set((s) => ({ ...s, model }))} />
        <ChoiceGroup label={t.batch} value={state.batch} options={BATCHES.map((b) => ({ value: b, label: String(b) }))}
          onChange={(batch) => set((s) => ({ ...s, batch }))} />
      </div>
      <p class="vg-total" aria-live="polite" data-testid="budget-total" data-activations={result.activations}
        data-params={result.totalParams}>
        {t.totalLine(f(result.activations), mb(bytes(result.activations, state.batch)), f(result.totalParams), mb(bytes(result.totalParams)))}
      </p>
      <div class="vg-scroll" tabIndex={0} role="region" aria-label={t.budgetTitle}>
        <table class="vg-table" data-testid="budget-table">
          <thead>
            <tr>
              <th scope="col">{t.colLayer}</th>
              <th scope="col">{t.colShape}</th>
              <th scope="col">{t.colActivations}</th>
              <th scope="col">{t.colMemory}</th>
              <th scope="col">{t.colParams}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.name}>
                <th scope="row"><code>{r.name}</code> <span class="vg-type">{r.type}</span></th>
                <td>{r.shape.join('×')}</td>
                <td class="vg-num">
                  <span class="vg-bar" style={{ width: `${(r.activations / top) * 100}%` }} aria-hidden="true" />
                  <span class="vg-val">{f(r.activations)}</span>
                </td>
                <td class="vg-num">{mb(bytes(r.activations, state.batch))}</td>
                <td class="vg-num">
                  <span class="vg-bar vg-bar--params" style={{ width: `${(r.params / topParams) * 100}%` }} aria-hidden="true" />
                  <span class="vg-val">{f(r.params)}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td />
              <td class="vg-num">{f(result.activations)}</td>
              <td class="vg-num">{mb(bytes(result.activations, state.batch))}</td>
              <td class="vg-num">{f(result.totalParams)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </WidgetFrame>
  );
}
