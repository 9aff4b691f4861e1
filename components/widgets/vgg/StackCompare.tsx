/**
 * Lesson 16's first widget. The reader picks how many 3x3 layers to stack and the
 * channel count C. Left, the stack's receptive field from the engine's backward
 * pass; right, the one kernel with the same field. Under each: weights (and, apart,
 * biases) from the engine's summary, and the number of ReLUs.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { FieldMap } from './FieldMap.tsx';
import { CHANNEL_CHOICES, DEFAULT_STACK, DEPTH_LIMITS, compare, decodeStack, encodeStack, stackCost } from './model.ts';
import type { StackCost, StackState } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { VggStrings } from './strings/index.ts';
import './vgg.css';

const QUERY: QueryCodec<StackState> = {
  initial: () => ({ ...DEFAULT_STACK }),
  read: (params) => {
    const { state, rejected } = decodeStack(params);
    return { value: state, rejected };
  },
  write: encodeStack,
};

const fmt = (lang: Locale) => (v: number) => v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');

function Costs({ cost, coef, t, f, testId }: { cost: StackCost; coef: number; t: VggStrings; f: (v: number) => string; testId: string }) {
  return (
    <ul class="vg-costs" data-testid={testId} data-weights={cost.weights} data-biases={cost.biases}>
      <li>{t.weights(f(cost.weights), coef)}</li>
      <li>{t.biases(f(cost.biases))}</li>
      <li>{t.relus(cost.nonlinearities)}</li>
    </ul>
  );
}

export default function StackCompare({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const f = fmt(lang);
  const { value: state, set, rejected } = useQueryState(QUERY);
  const result = useMemo(() => compare(state.depth, state.channels), [state]);
  const coefs = useMemo(
    () => ({ stack: stackCost(3, state.depth, 1).weights, big: stackCost(result.big.kernel, 1, 1).weights }),
    [state.depth, result.big.kernel],
  );
  const saved = Math.round((1 - result.stack.cost.weights / result.big.cost.weights) * 100);

  return (
    <WidgetFrame title={t.stackTitle} caption={t.stackCaption} class="vg-stack">
      {rejected.length > 0 && <Note testId="stack-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField label={t.depth} value={state.depth} min={DEPTH_LIMITS[0]} max={DEPTH_LIMITS[1]}
          onInput={(depth) => set((s) => ({ ...s, depth }))} />
        <ChoiceGroup label={t.channels} value={state.channels}
          options={CHANNEL_CHOICES.map((c) => ({ value: c, label: String(c) }))}
          onChange={(channels) => set((s) => ({ ...s, channels }))} />
      </div>
      <div class="vg-panels">
        <section class="vg-panel" aria-label={t.stackPanel(state.depth)}>
          <h4>{t.stackPanel(state.depth)}</h4>
          <FieldMap map={result.stack.map} testId="stack-map" label={t.mapAria(result.stack.map.field)} />
          <p class="vg-stat" data-testid="stack-field">{t.field(result.stack.map.field)}</p>
          <Costs cost={result.stack.cost} coef={coefs.stack} t={t} f={f} testId="stack-costs" />
        </section>
        <section class="vg-panel" aria-label={t.bigPanel(result.big.kernel)}>
          <h4>{t.bigPanel(result.big.kernel)}</h4>
          <FieldMap map={result.big.map} testId="big-map" label={t.mapAria(result.big.map.field)} />
          <p class="vg-stat" data-testid="big-field">{t.field(result.big.map.field)}</p>
          <Costs cost={result.big.cost} coef={coefs.big} t={t} f={f} testId="big-costs" />
        </section>
      </div>
      <p class="vg-verdict" aria-live="polite" data-testid="stack-verdict">
        {saved > 0 ? t.verdict(saved) : t.verdictEqual}
      </p>
    </WidgetFrame>
  );
}
