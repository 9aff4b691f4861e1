/**
 * Lesson 5's 'same' diagram: the padding PyTorch adds for `padding='same'`, taken
 * from the engine's convolution plan, drawn as one row (padding, input, padding)
 * with the extra pixel of an odd total marked, and the shape of the engine's real
 * convolution. A stride other than 1 shows the engine's refusal.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { SAME_INPUT, SAME_LIMITS, decodeSame, defaultSame, encodeSame, samePaddingOf } from './model.ts';
import type { SameConfig } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './padding.css';

const QUERY: QueryCodec<SameConfig> = {
  initial: defaultSame,
  read: (params) => {
    const { config, rejected } = decodeSame(params);
    return { value: config, rejected };
  },
  write: encodeSame,
};

/** The 'same' island. */
export default function SamePadding({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const result = useMemo(() => samePaddingOf(config.kernel, config.dilation, config.stride), [config]);
  const odd = result.after > result.before;
  const cells: ('pad' | 'extra' | 'input')[] = [
    ...Array<'pad'>(result.before).fill('pad'),
    ...Array<'input'>(SAME_INPUT).fill('input'),
    ...Array<'pad'>(odd ? result.after - 1 : result.after).fill('pad'),
    ...(odd ? (['extra'] as const) : []),
  ];

  return (
    <WidgetFrame title={t.sameTitle} caption={t.sameCaption} class="pd-same">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField
          label={t.sameKernel}
          value={config.kernel}
          {...SAME_LIMITS.kernel}
          onInput={(kernel) => set((c) => ({ ...c, kernel }))}
        />
        <SliderField
          label={t.sameDilation}
          value={config.dilation}
          {...SAME_LIMITS.dilation}
          onInput={(dilation) => set((c) => ({ ...c, dilation }))}
        />
        <ChoiceGroup<number>
          label={t.sameStride}
          options={[
            { value: 1, label: '1' },
            { value: 2, label: '2' },
          ]}
          value={config.stride}
          onChange={(stride) => set((c) => ({ ...c, stride }))}
        />
      </div>
      <pre class="pd-code" lang="en">
        <code>{`nn.Conv2d(1, 1, kernel_size=${config.kernel}, dilation=${config.dilation}, stride=${config.stride}, padding='same')`}</code>
      </pre>
      <div aria-live="polite">
        {result.error === null ? (
          <>
            <div class="pd-row" role="img" aria-label={t.sameAria(SAME_INPUT, result.before, result.after)} data-testid="same-row">
              {cells.map((kind, i) => (
                <span key={i} class={`pd-row__cell pd-row__cell--${kind}`} data-kind={kind} />
              ))}
            </div>
            <ul class="pd-legend" aria-hidden="true">
              <li>
                <span class="pd-row__cell pd-row__cell--input" /> {t.legendInput}
              </li>
              <li>
                <span class="pd-row__cell pd-row__cell--pad" /> {t.legendPadding}
              </li>
              <li>
                <span class="pd-row__cell pd-row__cell--extra" /> {t.legendExtra}
              </li>
            </ul>
            <p data-testid="same-split">{t.sameSplit(result.before, result.after)}</p>
            <p>{odd ? t.sameExtra : t.sameEven}</p>
            <p data-testid="same-shape">{t.sameShape(result.outputShape!.join(', '))}</p>
          </>
        ) : (
          <div class="pd-refused" role="status" data-testid="same-error">
            <p>{t.sameRefused}</p>
            <EngineMessage label={t.engineMessage} message={result.error} />
          </div>
        )}
      </div>
    </WidgetFrame>
  );
}
