/**
 * Lesson 12's stack builder: the usual ConvNet recipe
 * [(CONV-RELU)×N − POOL?]×M − (FC-RELU)×K − SOFTMAX with N, M, K, the picture's size,
 * the filter size, how blocks shrink the map and which head ends the network. The
 * engine's summary traces it live; a stack that does not fit names its layer and shows
 * the engine's message. Everything is kept in the address.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { CLASSES, DOWNSAMPLES, FIRST_CHANNELS, IN_CHANNELS, HEADS, KERNELS, LIMITS, PRESETS, decodeStack, sameStack, defaultStack, encodeStack, traceStack } from './model.ts';
import type { PresetName, StackConfig, StackRow } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { FullyConnectedStrings } from './strings/index.ts';
import './fully-connected.css';

const QUERY: QueryCodec<StackConfig> = {
  initial: defaultStack,
  read: (params) => {
    const { config, rejected } = decodeStack(params);
    return { value: config, rejected };
  },
  write: encodeStack,
};

/** The recipe written out, e.g. "[(CONV-RELU)×2 − POOL]×3 − (FC-RELU)×1 − FC − SOFTMAX". */
export function recipeText(c: StackConfig): string {
  const block = c.downsample === 'pool' ? `[(CONV-RELU)×${c.n} − POOL]×${c.m}` : `[(CONV-RELU)×${c.n}]×${c.m}`;
  const head = c.head === 'gap' ? 'CONV 1×1 − GAP − SOFTMAX' : `${c.k > 0 ? `(FC-RELU)×${c.k} − ` : ''}FC − SOFTMAX`;
  return c.m > 0 ? `${block} − ${head}` : head;
}

function Rows({ rows, t, fmt, failed }: { rows: StackRow[]; t: FullyConnectedStrings; fmt: (n: number) => string; failed?: { label: string; type: string } }) {
  return (
    <div class="fc-table-wrap" tabindex={0} role="region" aria-label={t.tableLabel}>
      <table class="fc-table" data-testid="stack-table">
        <thead>
          <tr>
            <th scope="col">{t.colLayer}</th>
            <th scope="col">{t.colShape}</th>
            <th scope="col">{t.colParams}</th>
            <th scope="col">{t.colMacs}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-kind={row.role.kind}>
              <th scope="row">
                {t.role(row.role)}
                <span class="fc-type">
                  {' '}
                  {row.type}
                  {row.relu ? ` ${t.relu}` : ''}
                </span>
              </th>
              <td class="fc-num">{row.shape.join('×')}</td>
              <td class="fc-num">{fmt(row.params)}</td>
              <td class="fc-num">{fmt(row.macs)}</td>
            </tr>
          ))}
          {failed && (
            <tr class="fc-failed" data-testid="failed-row">
              <th scope="row">
                {failed.label} <span class="fc-type">{failed.type}</span>
              </th>
              <td class="fc-num" colSpan={3}>
                ✕
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export default function StackBuilder({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const result = useMemo(() => traceStack(config), [config]);
  const format = useMemo(() => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US'), [lang]);
  const fmt = (n: number) => format.format(n);
  const percent = useMemo(() => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }), [lang]);
  const field = <K extends keyof StackConfig>(key: K) => (v: StackConfig[K]) => set((c) => ({ ...c, [key]: v }));

  return (
    <WidgetFrame title={t.builderTitle} caption={t.builderCaption(IN_CHANNELS, CLASSES, FIRST_CHANNELS)} class="fc-builder">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="fc-presets" role="group" aria-label={t.presets}>
        <span aria-hidden="true">{t.presets}:</span>
        {(Object.keys(PRESETS) as PresetName[]).map((name) => {
          const active = sameStack(PRESETS[name](), config);
          return (
            <button key={name} type="button" class="cl-button" aria-pressed={active} data-testid={`preset-${name}`} onClick={() => set(PRESETS[name]())}>
              {t.presetNames[name]}
            </button>
          );
        })}
      </div>
      <div class="cl-controls">
        <SliderField label={t.n} value={config.n} min={LIMITS.n[0]} max={LIMITS.n[1]} onInput={field('n')} />
        <SliderField label={t.m} value={config.m} min={LIMITS.m[0]} max={LIMITS.m[1]} onInput={field('m')} />
        <SliderField
          label={t.k}
          value={config.k}
          min={LIMITS.k[0]}
          max={LIMITS.k[1]}
          onInput={field('k')}
          disabled={config.head === 'gap'}
          hint={config.head === 'gap' ? t.kUnused : undefined}
        />
        <NumberField
          label={t.size}
          name="size"
          value={config.size}
          rule={{ min: LIMITS.size[0], max: LIMITS.size[1] }}
          message={t.sizeRule(LIMITS.size[0], LIMITS.size[1])}
          size={4}
          onChange={field('size')}
        />
      </div>
      <div class="cl-controls">
        <ChoiceGroup label={t.kernel} options={KERNELS.map((k) => ({ value: k, label: t.kernelOption(k) }))} value={config.kernel} onChange={field('kernel')} />
        <ChoiceGroup label={t.downsample} options={DOWNSAMPLES.map((d) => ({ value: d, label: t.downsamples[d] }))} value={config.downsample} onChange={field('downsample')} />
        <ChoiceGroup label={t.head} options={HEADS.map((h) => ({ value: h, label: t.heads[h] }))} value={config.head} onChange={field('head')} />
      </div>
      <p class="fc-recipe">
        {t.recipe}: <code data-testid="recipe">{recipeText(config)}</code>
      </p>
      <div aria-live="polite" class="fc-summary" data-testid="stack-summary">
        {result.ok ? (
          <>
            <p data-testid="stack-totals">{t.totals(fmt(result.totalParams), fmt(result.totalMacs))}</p>
            <p data-testid="stack-flat">{result.flatLength !== null ? t.flatLine(fmt(result.flatLength)) : t.noFlatLine}</p>
            {result.flatLength !== null && <p data-testid="stack-fc-share">{t.fcShare(percent.format(result.fcParams / result.totalParams))}</p>}
            {result.receptiveField > 0 && <p data-testid="stack-field">{t.fieldLine(result.receptiveField)}</p>}
          </>
        ) : (
          <div class="fc-refused" role="status" data-testid="stack-error">
            <p>{t.refused(`${t.role(result.failedRole)} (${result.failedType})`)}</p>
            <EngineMessage label={t.engineMessage} message={result.message} />
          </div>
        )}
      </div>
      {result.ok ? (
        <Rows rows={result.rows} t={t} fmt={fmt} />
      ) : (
        <Rows rows={result.rows} t={t} fmt={fmt} failed={{ label: t.role(result.failedRole), type: result.failedType }} />
      )}
    </WidgetFrame>
  );
}
