/**
 * Lesson 7's explorer. The reader picks a kernel, a dilation, a number of layers and
 * the input's size. The top row draws one layer's taps at dilations 1, 2 and 3 with
 * the engine's receptive field and weight count for each; below, a stack of layers
 * with the chosen dilation shows, by the engine's backward pass, which pixels inside
 * the stack's receptive field its middle output can never see (the gridding effect).
 * A stack too wide for the input shows the engine's own refusal.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { SeenGrid } from './SeenGrid.tsx';
import { LIMITS, TAP_DILATIONS, decodeConfig, defaultConfig, encodeConfig, stack, tapPanels, traceStack } from './model.ts';
import type { DilationConfig, StackResult } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { DilationStrings } from './strings/index.ts';
import './dilation.css';

const QUERY: QueryCodec<DilationConfig> = {
  initial: defaultConfig,
  read: (params) => {
    const { config, rejected } = decodeConfig(params);
    return { value: config, rejected };
  },
  write: encodeConfig,
};

function Refusal({ result, t, testId }: { result: Extract<StackResult, { ok: false }>; t: DilationStrings; testId: string }) {
  return (
    <div class="dl-refused" role="status" data-testid={testId}>
      <p>{t.refused}</p>
      <EngineMessage label={t.engineMessage} message={result.message} />
    </div>
  );
}

/** The explorer island. */
export default function DilationExplorer({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const panels = useMemo(() => tapPanels(config.kernel, config.input), [config.kernel, config.input]);
  const deep = useMemo(
    () => traceStack(config.input, stack(config.kernel, config.dilation, config.layers)),
    [config],
  );
  const field = (key: keyof DilationConfig) => (v: number) => set((c) => ({ ...c, [key]: v }));

  return (
    <WidgetFrame title={t.title} caption={t.caption} class="dl-explorer">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField label={t.kernel} value={config.kernel} min={LIMITS.kernel[0]} max={LIMITS.kernel[1]} onInput={field('kernel')} />
        <SliderField label={t.dilation} value={config.dilation} min={LIMITS.dilation[0]} max={LIMITS.dilation[1]} onInput={field('dilation')} />
        <SliderField label={t.layers} value={config.layers} min={LIMITS.layers[0]} max={LIMITS.layers[1]} onInput={field('layers')} />
        <NumberField
          label={t.input}
          name="input"
          value={config.input}
          rule={{ min: LIMITS.input[0], max: LIMITS.input[1] }}
          message={t.inputRule(LIMITS.input[0], LIMITS.input[1])}
          size={4}
          onChange={field('input')}
        />
      </div>

      <h3 class="dl-heading">{t.tapsHeading(TAP_DILATIONS)}</h3>
      <p class="dl-note">{t.tapsNote}</p>
      <div class="dl-panels">
        {panels.map(({ dilation, result }) => (
          <section key={dilation} class="dl-panel" aria-label={t.tapsPanel(dilation)} data-dilation={dilation}>
            <h4>{t.tapsPanel(dilation)}</h4>
            {result.ok ? (
              <>
                <SeenGrid map={result} testId={`taps-${dilation}`} label={t.tapsAria(dilation, config.kernel, result.receptiveField)} />
                <p class="dl-stats" data-testid={`taps-${dilation}-stats`}>
                  {t.tapsStats(result.receptiveField, result.params)}
                </p>
              </>
            ) : (
              <Refusal result={result} t={t} testId={`taps-${dilation}-error`} />
            )}
          </section>
        ))}
      </div>

      <h3 class="dl-heading">{t.stackHeading}</h3>
      <p class="dl-note">{t.stackNote}</p>
      {deep.ok ? (
        <div class="dl-stack">
          <SeenGrid map={deep} testId="stack-map" label={t.stackAria(deep.receptiveField, deep.seen, deep.unseen)} />
          <div aria-live="polite">
            <p class="dl-stats" data-testid="stack-stats">{t.stackStats(deep.receptiveField, deep.params)}</p>
            <p class="dl-stats" data-testid="stack-seen">
              {deep.unseen > 0 ? t.stackSeen(deep.seen, deep.unseen) : t.stackAllSeen}
            </p>
            <ul class="dl-legend">
              <li><span class="dl-swatch dl-swatch--seen" aria-hidden="true" />{t.legendSeen}</li>
              <li><span class="dl-swatch dl-swatch--unseen" aria-hidden="true">×</span>{t.legendUnseen}</li>
              <li><span class="dl-swatch" aria-hidden="true" />{t.legendOutside}</li>
            </ul>
          </div>
        </div>
      ) : (
        <Refusal result={deep} t={t} testId="stack-error" />
      )}
    </WidgetFrame>
  );
}
