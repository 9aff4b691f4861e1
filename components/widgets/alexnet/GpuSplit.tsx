/**
 * Lesson 15's first widget: the paper's two-GPU AlexNet layer by layer from the
 * engine's summary (output shape from 227x227x3, parameters with groups = 2 and on one
 * tower, and which layers read both GPUs), and conv1's arithmetic for a 224 or 227 input.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { models, summary } from '../../../src/engine/index.ts';
import { SIDES, conv1Steps, splitRows } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './alexnet.css';

type Side = (typeof SIDES)[number];
const KEY = 'axIn';

const QUERY: QueryCodec<Side> = {
  initial: () => 227,
  read: (params) => {
    const raw = params.get(KEY);
    if (raw === null) return { value: 227, rejected: [] };
    const v = Number(raw);
    return (SIDES as readonly number[]).includes(v) ? { value: v as Side, rejected: [] } : { value: 227, rejected: [KEY] };
  },
  write: (side, params) => {
    if (side === 227) params.delete(KEY);
    else params.set(KEY, String(side));
  },
};

export default function GpuSplit({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const f = (v: number) => v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');
  const { value: side, set, rejected } = useQueryState(QUERY);
  const split = useMemo(() => splitRows(), []);
  const tv = useMemo(() => summary(models.alexnet({ seed: 0 }), [1, 3, 224, 224]).totalParams, []);
  const steps = conv1Steps(side);
  const quotient = Number.isInteger(steps.quotient) ? String(steps.quotient) : steps.quotient.toFixed(2);

  return (
    <WidgetFrame title={t.splitTitle} caption={t.splitCaption} class="ax-split">
      {rejected.length > 0 && <Note testId="split-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup label={t.inputSide} value={side} options={SIDES.map((s) => ({ value: s, label: `${s}×${s}` }))}
          onChange={(s) => set(() => s)} />
      </div>
      <p class="ax-steps" data-testid="conv1-steps" data-result={steps.result} data-exact={String(steps.exact)} aria-live="polite">
        conv1: {t.steps(side, steps.numerator, quotient, steps.result)}. {steps.exact ? t.exact : t.notExact}
      </p>
      <div class="ax-scroll" role="region" aria-label={t.tableLabel} tabIndex={0}>
        <table class="ax-table" data-testid="split-table" data-params={split.totalParams} data-one-tower={split.totalOneTower}>
          <thead>
            <tr>
              <th scope="col">{t.colLayer}</th>
              <th scope="col">{t.colShape}</th>
              <th scope="col">{t.colParams}</th>
              <th scope="col">{t.colOneTower}</th>
              <th scope="col">{t.colGpu}</th>
            </tr>
          </thead>
          <tbody>
            {split.rows.map((r) => (
              <tr key={r.label} data-layer={r.label} data-role={r.role} class={`ax-role-${r.role}`}>
                <th scope="row">{r.label}</th>
                <td class="ax-num">{r.shape.join('×')}</td>
                <td class="ax-num">{r.params ? f(r.params) : '–'}</td>
                <td class="ax-num">{r.paramsOneTower ? f(r.paramsOneTower) : '–'}</td>
                <td>{t.roles[r.role]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td />
              <td class="ax-num" data-testid="split-total">{f(split.totalParams)}</td>
              <td class="ax-num" data-testid="split-one-tower">{f(split.totalOneTower)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="ax-note" data-testid="torchvision-params" data-params={tv}>{t.torchvision(f(tv))}</p>
    </WidgetFrame>
  );
}
