/**
 * Lesson 3's parameter count: a convolution, the same convolution without weight
 * sharing, and a fully connected layer with the same inputs and outputs, counted by
 * the engine and drawn on a logarithmic scale (the gap spans many powers of ten).
 */
import { useMemo } from 'preact/hooks';
import {
  DEFAULT_PARAMS,
  PARAM_CHOICES,
  compareParams,
  encodeParams,
  parseParams,
  type ParamComparison,
  type ParamState,
} from './params-model.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS, formatCount } from './strings/index.ts';
import type { ParamStrings } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import './receptive-fields.css';

/** Props: the page's language. */
export interface ParameterCountProps {
  lang: Locale;
}

const ROWS = ['fc', 'local', 'conv'] as const;

/** Only the reader's own changes go to the address, so opening a plain link stays plain. */
const QUERY: QueryCodec<ParamState> = {
  initial: () => DEFAULT_PARAMS,
  read: (params) => {
    const { state, rejected } = parseParams(params);
    return { value: state, rejected };
  },
  write: (state, params) => {
    for (const [key, value] of Object.entries(encodeParams(state))) params.set(key, value);
  },
};

/** The comparison. */
export default function ParameterCount({ lang }: ParameterCountProps) {
  const t = stringsFor(STRINGS, lang).params;
  const { value: state, set: setState, rejected } = useQueryState(QUERY);

  const result = useMemo((): { ok: true; value: ParamComparison } | { ok: false; message: string } => {
    try {
      return { ok: true, value: compareParams(state) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }, [state]);

  const set = (key: keyof ParamState, value: number) => setState({ ...state, [key]: value });
  const fmt = (v: number) => formatCount(v, lang);
  const controls: { key: keyof ParamState; label: string }[] = [
    { key: 'inputSize', label: t.inputSize },
    { key: 'channels', label: t.channels },
    { key: 'kernelSize', label: t.kernelSize },
    { key: 'filters', label: t.filters },
  ];

  return (
    <WidgetFrame title={t.title} class="rfp">
      <p class="rfx-hint">{t.hint}</p>
      {rejected.length > 0 && (
        <Note class="rfx-note">{t.rejected(rejected.join(', '))}</Note>
      )}
      <div class="rfp-controls">
        {controls.map(({ key, label }) => (
          <label key={key} class="rfp-control">
            <span>{label}</span>
            <select value={state[key]} onChange={(e) => set(key, Number((e.target as HTMLSelectElement).value))}>
              {PARAM_CHOICES[key].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>

      {!result.ok ? (
        <p class="rfx-error" role="alert">
          {t.tooSmall(result.message)}
        </p>
      ) : (
        <Chart value={result.value} state={state} fmt={fmt} t={t} />
      )}
    </WidgetFrame>
  );
}

interface ChartProps {
  value: ParamComparison;
  state: ParamState;
  fmt: (v: number) => string;
  t: ParamStrings;
}

function Chart({ value, state, fmt, t }: ChartProps) {
  const counts = { fc: value.fc, local: value.local, conv: value.conv };
  const decades = Math.max(1, Math.ceil(Math.log10(value.fc)));
  const width = (v: number) => `${Math.max(1, (Math.log10(v) / decades) * 100)}%`;
  const ratio = value.fc / value.conv;
  return (
    <div aria-live="polite">
      <p>{t.outputs(value.outSide, state.filters, fmt(value.outputs))}</p>
      <figure class="rfp-chart">
        <ul class="rfp-bars" aria-label={t.chartLabel}>
          {ROWS.map((row) => (
            <li key={row} class="rfp-bar-row">
              <div class="rfp-bar-label">
                <strong>{t.rows[row]}</strong>{' '}
                <span class="rfx-mono" data-testid={`pc-${row}`}>
                  {fmt(counts[row])}
                </span>{' '}
                <span class="rfx-muted">{t.params}</span>
                <span class="rfx-muted rfx-small rfp-row-note">{t.rowNotes[row]}</span>
              </div>
              <div class="rfp-track" aria-hidden="true" style={{ backgroundSize: `${100 / decades}% 100%` }}>
                <div class={`rfp-bar rfp-bar-${row}`} style={{ width: width(counts[row]) }} />
              </div>
            </li>
          ))}
        </ul>
        <figcaption class="rfx-muted rfx-small">{t.scaleNote}</figcaption>
      </figure>
      <p>{t.perNeuron(fmt(value.convPerNeuron), fmt(value.fcPerNeuron))}</p>
      <p class="rfp-ratio" data-testid="pc-ratio">
        {t.ratio(fmt(ratio >= 100 ? Math.round(ratio) : Math.round(ratio * 10) / 10))}{' '}
        {value.fc * 4 >= 1e6 && t.memory(fmt(Math.round((value.fc * 4) / 1e6)))}
      </p>
    </div>
  );
}
