/**
 * Lesson 11's stepper: max or average pooling on the lecture notes' 4x4 example (or a
 * 7x7 map), stepped window by window like lesson 2's convolution stepper, whose grid it
 * reuses. Every output is the engine's maxPool2d / avgPool2d; every setting PyTorch
 * has (kernel, stride, padding, dilation, ceil mode, count_include_pad,
 * divisor_override) can be changed, and a refused one shows the engine's own message.
 */
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { CellGrid } from '../../kit/CellGrid.tsx';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import type { DivisorReason } from './strings/index.ts';
import {
  DEPTH_DEMO,
  INPUTS,
  INPUT_IDS,
  LIMITS,
  decodeState,
  defaultState,
  encodeState,
  formatValue,
  runPool,
  volumeShape,
  windowAt,
} from './model.ts';
import type { PoolResult, PoolState, StateProblem } from './model.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './pooling.css';

export interface PoolingStepperProps {
  lang: Locale;
}

type Computed = { result: PoolResult; error: null } | { result: null; error: string };

function compute(state: PoolState): Computed {
  try {
    return { result: runPool(state), error: null };
  } catch (error) {
    return { result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The state in the address, defaults left out. */
const QUERY: QueryCodec<PoolState, StateProblem> = {
  initial: defaultState,
  read: (params) => {
    const { state, problems } = decodeState(params);
    return { value: state, rejected: problems };
  },
  write: (state, params) => void encodeState(state, params),
  follow: 'always',
};

/** A setting changed: keep the window where it was if that window still exists. */
function withSetting(state: PoolState, change: Partial<PoolState>): PoolState {
  const next = { ...state, ...change };
  const computed = compute(next);
  const count = computed.result ? computed.result.outHeight * computed.result.outWidth : 0;
  return next.position < count ? next : { ...next, position: 0 };
}

/** The stepper (see the file comment). */
export default function PoolingStepper({ lang }: PoolingStepperProps): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const query = useQueryState(QUERY);
  const { value: state, set: setState, rejected: problems } = query;
  const [hover, setHover] = useState<number | null>(null);

  const computed = useMemo(() => compute(state), [state.mode, state.input, state.kernel, state.stride, state.padding, state.dilation, state.ceilMode, state.countIncludePad, state.divisorOverride]);
  const depth = useMemo(() => {
    try {
      return volumeShape(state, DEPTH_DEMO.side, DEPTH_DEMO.depth);
    } catch {
      return null;
    }
  }, [computed]);

  const change = (c: Partial<PoolState>) => setState((s) => withSetting(s, c));
  const picture = INPUTS[state.input];
  const n = picture.length;
  const pad = state.padding;
  const shownSide = n + 2 * pad;
  const result = computed.result;
  const count = result ? result.outHeight * result.outWidth : 0;
  const position = hover ?? state.position;
  const goTo = (p: number) => setState((s) => ({ ...s, position: Math.max(0, Math.min(count - 1, p)) }));
  const reset = () => {
    setHover(null);
    query.clearRejected();
    setState(defaultState());
  };

  const working = result ? windowAt(state, position, result.outWidth) : null;
  const oh = result ? Math.floor(position / result.outWidth) : 0;
  const ow = result ? position % result.outWidth : 0;
  const tapKeys = new Set((working?.taps ?? []).map((tap) => `${tap.row + pad},${tap.col + pad}`));
  const inWindow = (index: number) => tapKeys.has(`${Math.floor(index / shownSide)},${index % shownSide}`);
  const peak = Math.max(...picture.flat().map(Math.abs), 1);
  const shownValues = Array.from({ length: shownSide * shownSide }, (_, i) => {
    const r = Math.floor(i / shownSide) - pad;
    const c = (i % shownSide) - pad;
    return r >= 0 && r < n && c >= 0 && c < n ? picture[r][c] : null;
  });
  const padText = state.mode === 'max' ? '\u2212\u221e' : '0';
  const winner = result?.winners ? result.winners[position] : -1;
  const winnerRow = winner >= 0 ? Math.floor(winner / n) : -1;
  const winnerCol = winner >= 0 ? winner % n : -1;
  const engineValue = result ? formatValue(result.values[position]) : '';

  let reason: DivisorReason = 'full';
  let realCells = 0;
  if (working?.avg) {
    const a = working.avg;
    realCells = (a.hEnd - a.hStart) * (a.wEnd - a.wStart);
    if (state.divisorOverride !== 0) reason = 'override';
    else if (state.countIncludePad && working.paddingCells > 0) reason = 'includesPadding';
    else if (!state.countIncludePad && working.paddingCells > 0) reason = 'realOnly';
    else if (a.divisor < state.kernel * state.kernel) reason = 'clipped';
  }
  const realTaps = (working?.taps ?? []).filter((tap) => tap.value !== null);
  const paddedTerms = (working?.taps ?? []).map((tap) => (tap.value === null ? '0' : formatValue(tap.value)));

  const winnerRing =
    winnerRow >= 0 ? (
      <div
        class="pool-winner"
        aria-hidden="true"
        style={{
          left: `calc(${winnerCol + pad} * 100% / ${shownSide})`,
          top: `calc(${winnerRow + pad} * 100% / ${shownSide})`,
          width: `calc(100% / ${shownSide})`,
          height: `calc(100% / ${shownSide})`,
        }}
      />
    ) : null;

  return (
    <section class="pool-widget pool-stepper" aria-label={t.widgetLabel} data-mode={state.mode} data-window={`${oh},${ow}`}>
      <p class="pool-intro">{t.intro}</p>
      {problems.length > 0 && <Note class="pool-note" testId="pool-url-note">{t.urlProblem(problems)}</Note>}

      <fieldset class="pool-settings">
        <legend>{t.settings}</legend>
        <div class="pool-choices">
          <ChoiceGroup
            label={t.modeLabel}
            options={[
              { value: 'max', label: t.modes.max },
              { value: 'avg', label: t.modes.avg },
            ]}
            value={state.mode}
            onChange={(mode) => change({ mode })}
          />
          <ChoiceGroup
            label={t.inputLabel}
            options={INPUT_IDS.map((id) => ({ value: id, label: t.inputs[id](INPUTS[id].length) }))}
            value={state.input}
            onChange={(input) => change({ input })}
          />
        </div>
        <div class="pool-sliders">
          <SliderField label={t.kernel} value={state.kernel} min={LIMITS.kernel.min} max={LIMITS.kernel.max} onInput={(kernel) => change({ kernel })} />
          <SliderField label={t.stride} value={state.stride} min={LIMITS.stride.min} max={LIMITS.stride.max} onInput={(stride) => change({ stride })} />
          <SliderField label={t.padding} value={state.padding} min={LIMITS.padding.min} max={LIMITS.padding.max} onInput={(padding) => change({ padding })} />
          <SliderField
            label={t.dilation}
            value={state.dilation}
            min={LIMITS.dilation.min}
            max={LIMITS.dilation.max}
            disabled={state.mode === 'avg'}
            hint={state.mode === 'avg' ? t.dilationAvgHint : undefined}
            onInput={(dilation) => change({ dilation })}
          />
        </div>
        <label class="pool-check">
          <input type="checkbox" checked={state.ceilMode} onChange={(e) => change({ ceilMode: e.currentTarget.checked })} />
          {t.ceilMode}
        </label>
        <div class="pool-avg-only">
          <label class="pool-check">
            <input
              type="checkbox"
              checked={state.countIncludePad}
              disabled={state.mode === 'max'}
              onChange={(e) => change({ countIncludePad: e.currentTarget.checked })}
            />
            {t.countIncludePad}
          </label>
          <SliderField
            label={t.divisorOverride}
            value={state.divisorOverride}
            min={LIMITS.divisorOverride.min}
            max={LIMITS.divisorOverride.max}
            disabled={state.mode === 'max'}
            format={(v) => (v === 0 ? t.divisorNone : String(v))}
            hint={state.mode === 'max' ? t.maxOnlyHint : undefined}
            onInput={(divisorOverride) => change({ divisorOverride })}
          />
        </div>
        <button type="button" class="pool-button" onClick={reset}>
          {t.reset}
        </button>
      </fieldset>

      {computed.error !== null && (
        <p class="pool-error" role="alert" data-testid="pool-error">
          {t.engineError(computed.error)}
        </p>
      )}

      {result && (
        <div class="pool-controls">
          <button type="button" class="pool-button" onClick={() => goTo(state.position - 1)} disabled={state.position === 0}>
            {t.previous}
          </button>
          <button type="button" class="pool-button" onClick={() => goTo(state.position + 1)} disabled={state.position >= count - 1}>
            {t.next}
          </button>
          <label class="pool-slider">
            <span>{t.position}</span>
            <input
              type="range"
              min={0}
              max={Math.max(0, count - 1)}
              step={1}
              value={state.position}
              disabled={count <= 1}
              aria-valuetext={t.positionValue(Math.floor(state.position / result.outWidth), state.position % result.outWidth, state.position + 1, count)}
              onInput={(e) => goTo(Number((e.currentTarget as HTMLInputElement).value))}
            />
            <output class="pool-slider-value" aria-live="polite">
              {t.positionValue(Math.floor(state.position / result.outWidth), state.position % result.outWidth, state.position + 1, count)}
            </output>
          </label>
        </div>
      )}

      <div class="pool-panels">
        <div class="pool-panel">
          <h3 class="pool-heading">{t.inputTitle(n, pad)}</h3>
          <p class="pool-hint">{t.inputHint(state.mode)}</p>
          <CellGrid
            size={shownSide}
            values={shownValues.map((v) => (v === null ? 0 : v / peak))}
            text={(i) => (shownValues[i] === null ? padText : formatValue(shownValues[i]!))}
            cellLabel={(i) => {
              const v = shownValues[i];
              return v === null
                ? t.paddingCell(inWindow(i))
                : t.cell(Math.floor(i / shownSide) - pad, (i % shownSide) - pad, formatValue(v), inWindow(i));
            }}
            label={t.inputGrid}
            className="pool-grid--input"
            marked={inWindow}
            cellClass={(i) => (shownValues[i] === null ? 'pool-pad' : undefined)}
            overlay={winnerRing}
            testId="pool-input"
          />
        </div>

        {result && working && (
          <div class="pool-panel pool-readout" data-testid="pool-readout">
            <h3 class="pool-heading">{t.readoutTitle(oh, ow)}</h3>
            {state.mode === 'max' ? (
              <>
                <p class="pool-working" data-testid="pool-working">
                  {t.maxLine(realTaps.map((tap) => formatValue(tap.value!)), engineValue)}
                </p>
                {winnerRow >= 0 && <p class="pool-hint">{t.winnerLine(engineValue, winnerRow, winnerCol)}</p>}
                {working.paddingCells > 0 && <p class="pool-hint">{t.paddingNeverWins}</p>}
                {state.dilation > 1 && <p class="pool-hint">{t.dilationLine(state.dilation)}</p>}
              </>
            ) : (
              <>
                <p class="pool-working" data-testid="pool-working">
                  {t.avgLine(
                    state.countIncludePad || state.divisorOverride !== 0 ? paddedTerms : realTaps.map((tap) => formatValue(tap.value!)),
                    working.avg!.divisor,
                    engineValue,
                  )}
                </p>
                <p class="pool-hint" data-testid="pool-divisor">
                  {t.divisorReason(reason, working.avg!.divisor, working.paddingCells, realCells)}
                </p>
              </>
            )}
            <p class="pool-engine" data-testid="pool-engine">{t.engineLine(engineValue)}</p>
          </div>
        )}

        {result && (
          <div class="pool-panel">
            <h3 class="pool-heading" data-testid="pool-output-title">{t.outputTitle(result.outHeight, result.outWidth)}</h3>
            <p class="pool-hint">{t.outputHint}</p>
            <CellGrid
              size={result.outWidth}
              values={Array.from(result.values, (v) => v / peak)}
              text={(i) => formatValue(result.values[i])}
              cellLabel={(i) => t.outputCell(Math.floor(i / result.outWidth), i % result.outWidth, formatValue(result.values[i]))}
              label={t.outputGrid}
              className="pool-grid--output"
              marked={(i) => i === position}
              focusIndex={state.position}
              onFocusCell={(i) => setState((s) => ({ ...s, position: i }))}
              onHoverCell={setHover}
              testId="pool-output"
            />
          </div>
        )}
      </div>

      <p class="pool-depth" data-testid="pool-depth">
        {depth ? t.depthLine(DEPTH_DEMO.side, DEPTH_DEMO.depth, depth) : t.depthRefused(DEPTH_DEMO.side, DEPTH_DEMO.depth)}
      </p>
    </section>
  );
}
