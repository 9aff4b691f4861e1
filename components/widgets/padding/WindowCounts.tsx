/**
 * Lesson 5's heat map: for every input pixel, the number of stride-1 windows that
 * read it, without padding and with the reader's zero padding. The counts come from
 * the engine's backward pass (see `windowCounts` in model.ts), not from a formula.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { ValueGrid } from './ValueGrid.tsx';
import { COUNT_LIMITS, decodeCounts, defaultCounts, encodeCounts, windowCounts } from './model.ts';
import type { CountResult, CountsConfig } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { PaddingStrings } from './strings/index.ts';
import './padding.css';

const QUERY: QueryCodec<CountsConfig> = {
  initial: defaultCounts,
  read: (params) => {
    const { config, rejected } = decodeCounts(params);
    return { value: config, rejected };
  },
  write: encodeCounts,
};

function CountPanel({ heading, result, max, t, testId }: { heading: string; result: CountResult; max: number; t: PaddingStrings; testId: string }) {
  if (result.counts === null) {
    return (
      <section class="pd-mode" aria-label={heading}>
        <h4>{heading}</h4>
        <div class="pd-refused" role="status" data-testid={`${testId}-error`}>
          <EngineMessage label={t.engineMessage} message={result.error} />
        </div>
      </section>
    );
  }
  const values = result.counts.values;
  const corner = values[0];
  const most = Math.max(...values);
  return (
    <section class="pd-mode" aria-label={heading}>
      <h4>{heading}</h4>
      <ValueGrid map={result.counts} max={max} label={t.countsAria(heading, result.counts.size, corner, most)} testId={testId} />
      <p class="pd-label" data-testid={`${testId}-summary`}>
        {t.countsSummary(corner, most)}
      </p>
    </section>
  );
}

/** The heat-map island. */
export default function WindowCounts({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const without = useMemo(() => windowCounts(config.size, config.kernel, 0), [config.size, config.kernel]);
  const withPad = useMemo(() => windowCounts(config.size, config.kernel, config.padding), [config]);
  // One colour scale for both maps, so equal counts look equal.
  const max = Math.max(1, ...[without, withPad].flatMap((r) => (r.counts ? [Math.max(...r.counts.values)] : [])));
  const field = (key: keyof CountsConfig) => (v: number) => set((c) => ({ ...c, [key]: v }));

  return (
    <WidgetFrame title={t.countsTitle} caption={t.countsCaption} class="pd-counts">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField label={t.countsSize} value={config.size} {...COUNT_LIMITS.size} onInput={field('size')} />
        <SliderField label={t.countsKernel} value={config.kernel} {...COUNT_LIMITS.kernel} onInput={field('kernel')} />
        <SliderField label={t.countsPadding} value={config.padding} {...COUNT_LIMITS.padding} onInput={field('padding')} />
      </div>
      <div class="pd-modes pd-modes--two">
        <CountPanel heading={t.countsWithout} result={without} max={max} t={t} testId="counts-without" />
        <CountPanel heading={t.countsWith(config.padding)} result={withPad} max={max} t={t} testId="counts-with" />
      </div>
    </WidgetFrame>
  );
}
