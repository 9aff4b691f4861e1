/**
 * Lesson 6's stepper: conv_arithmetic's sliding windows, but drawn live for any input
 * side, kernel, padding, dilation and stride, with the engine's real conv2d values.
 * The window can be stepped, played and paused (never played under reduced motion);
 * the input rows and columns no window reads are hatched, and the ones PyTorch's floor
 * drops past the last window are named. A refused setting shows the engine's message.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useReducedMotion } from '../../kit/reduced-motion.ts';
import { Note } from '../../kit/Note.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { CellGrid } from '../../kit/CellGrid.tsx';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import { LIMITS, decodeState, defaultState, encodeState, formatValue, inputValues, kernelValues, runStride, windowAt } from './model.ts';
import type { StateProblem, StrideResult, StrideState } from './model.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './stride.css';

export interface StrideStepperProps {
  lang: Locale;
}

/** How long each window stays when playing: long enough to read its sum. */
const PLAY_MS = 900;

type Computed = { result: StrideResult; error: null } | { result: null; error: string };

function compute(state: StrideState): Computed {
  try {
    return { result: runStride(state), error: null };
  } catch (error) {
    return { result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

const QUERY: QueryCodec<StrideState, StateProblem> = {
  initial: defaultState,
  read: (params) => {
    const { state, problems } = decodeState(params);
    return { value: state, rejected: problems };
  },
  write: (state, params) => void encodeState(state, params),
};

/** A setting changed: keep the window where it was if that window still exists. */
function withSetting(state: StrideState, change: Partial<StrideState>): StrideState {
  const next = { ...state, ...change };
  const computed = compute(next);
  const count = computed.result ? computed.result.outSize ** 2 : 0;
  return next.position < count ? next : { ...next, position: 0 };
}

/** The stepper (see the file comment). */
export default function StrideStepper({ lang }: StrideStepperProps): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const query = useQueryState(QUERY);
  const { value: state, set: setState, rejected: problems } = query;
  const reduced = useReducedMotion();
  const [playing, setPlaying] = useState(false);

  const computed = useMemo(() => compute(state), [state.size, state.kernel, state.padding, state.dilation, state.stride]);
  const result = computed.result;
  const out = result?.outSize ?? 0;
  const count = out * out;

  // Playing walks the windows in order and stops on the last one, as a reader stepping would.
  useEffect(() => {
    if (!playing || reduced || count === 0) return;
    const timer = setInterval(() => {
      setState((s) => {
        if (s.position >= count - 1) {
          setPlaying(false);
          return s;
        }
        return { ...s, position: s.position + 1 };
      });
    }, PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, reduced, count]);
  useEffect(() => {
    if (reduced || count === 0) setPlaying(false);
  }, [reduced, count]);

  const change = (c: Partial<StrideState>) => setState((s) => withSetting(s, c));
  const goTo = (p: number) => setState((s) => ({ ...s, position: Math.max(0, Math.min(count - 1, p)) }));
  const togglePlay = () => {
    if (!playing && state.position >= count - 1) goTo(0);
    setPlaying(!playing);
  };
  const reset = () => {
    setPlaying(false);
    query.clearRejected();
    setState(defaultState());
  };

  const n = state.size;
  const pad = state.padding;
  const shown = n + 2 * pad;
  const picture = inputValues(n);
  const position = Math.min(state.position, Math.max(0, count - 1));
  const oh = out > 0 ? Math.floor(position / out) : 0;
  const ow = out > 0 ? position % out : 0;
  const taps = result ? windowAt(state, position, out) : [];
  const tapKeys = new Set(taps.map((tap) => `${tap.row + pad},${tap.col + pad}`));
  const unreached = new Set(result?.unreached ?? []);
  const cellOf = (i: number) => ({ r: Math.floor(i / shown) - pad, c: (i % shown) - pad });
  const valueAt = (i: number): number | null => {
    const { r, c } = cellOf(i);
    return r >= 0 && r < n && c >= 0 && c < n ? picture[r][c] : null;
  };
  const inWindow = (i: number) => tapKeys.has(`${Math.floor(i / shown)},${i % shown}`);
  const isUnreached = (i: number) => {
    const { r, c } = cellOf(i);
    return valueAt(i) !== null && (unreached.has(r) || unreached.has(c));
  };

  // The frame spans the window's first to last tap; with dilation the taps inside it are marked on their own.
  const span = state.dilation * (state.kernel - 1) + 1;
  const frame = result ? (
    <div
      class="st-frame"
      aria-hidden="true"
      style={{
        left: `calc(${ow * state.stride} * 100% / ${shown})`,
        top: `calc(${oh * state.stride} * 100% / ${shown})`,
        width: `calc(${Math.min(span, shown - ow * state.stride)} * 100% / ${shown})`,
        height: `calc(${Math.min(span, shown - oh * state.stride)} * 100% / ${shown})`,
      }}
    />
  ) : null;

  const terms = taps.map((tap) => `${formatValue(tap.weight)}·${tap.value === null ? '0' : formatValue(tap.value)}`);
  const engineValue = result ? formatValue(result.values[position]) : '';
  const left = result ? result.steps.numerator % state.stride : 0;
  const list = (xs: number[]) => xs.join(', ');
  const kernelRows = kernelValues(state.kernel)
    .map((row) => `[${row.map(formatValue).join(' ')}]`)
    .join(' ');

  return (
    <section class="st-widget" aria-label={t.widgetLabel} data-window={`${oh},${ow}`} data-playing={playing ? '1' : '0'}>
      <p class="st-intro">{t.intro}</p>
      {problems.length > 0 && <Note class="st-note" testId="st-url-note">{t.urlProblem(problems)}</Note>}

      <fieldset class="st-settings">
        <legend>{t.settings}</legend>
        <div class="st-sliders">
          <SliderField label={t.size} value={state.size} min={LIMITS.size.min} max={LIMITS.size.max} onInput={(size) => change({ size })} />
          <SliderField label={t.kernel} value={state.kernel} min={LIMITS.kernel.min} max={LIMITS.kernel.max} onInput={(kernel) => change({ kernel })} />
          <SliderField label={t.padding} value={state.padding} min={LIMITS.padding.min} max={LIMITS.padding.max} onInput={(padding) => change({ padding })} />
          <SliderField label={t.dilation} value={state.dilation} min={LIMITS.dilation.min} max={LIMITS.dilation.max} onInput={(dilation) => change({ dilation })} />
          <SliderField label={t.stride} value={state.stride} min={LIMITS.stride.min} max={LIMITS.stride.max} onInput={(stride) => change({ stride })} />
        </div>
        <button type="button" class="st-button" onClick={reset}>
          {t.reset}
        </button>
      </fieldset>

      {computed.error !== null && (
        <p class="st-error" role="alert" data-testid="st-error">
          {t.engineError(computed.error)}
        </p>
      )}

      {result && (
        <>
          <p class="st-size" data-testid="st-size">
            {t.sizeLine(n, pad, state.dilation, state.kernel, state.stride, result.steps.numerator, out)}
          </p>
          <p class="st-hint" data-testid="st-exact">
            {result.steps.exact ? t.exact : t.notExact(left)}
          </p>
          <p class="st-hint" data-testid="st-unreached">
            {t.unreachedLine(list(result.unreached), list(result.dropped))}
          </p>
          <div class="st-controls">
            <button type="button" class="st-button" onClick={() => goTo(position - 1)} disabled={position === 0}>
              {t.previous}
            </button>
            <button type="button" class="st-button" onClick={() => goTo(position + 1)} disabled={position >= count - 1}>
              {t.next}
            </button>
            {!reduced && (
              <button type="button" class="st-button" aria-pressed={playing} onClick={togglePlay} disabled={count <= 1} data-testid="st-play">
                {playing ? t.pause : t.play}
              </button>
            )}
            <label class="st-slider">
              <span>{t.position}</span>
              <input
                type="range"
                min={0}
                max={Math.max(0, count - 1)}
                step={1}
                value={position}
                disabled={count <= 1}
                aria-valuetext={t.positionValue(oh, ow, position + 1, count)}
                onInput={(e) => goTo(Number((e.currentTarget as HTMLInputElement).value))}
              />
              <output class="st-slider-value" aria-live={playing ? 'off' : 'polite'}>
                {t.positionValue(oh, ow, position + 1, count)}
              </output>
            </label>
          </div>
          {reduced && <p class="st-hint">{t.reducedMotion}</p>}
        </>
      )}

      <div class="st-panels">
        <div class="st-panel">
          <h3 class="st-heading">{t.inputTitle(n, pad)}</h3>
          <CellGrid
            size={shown}
            values={Array.from({ length: shown * shown }, (_, i) => (valueAt(i) ?? 0) / 4)}
            text={(i) => {
              const v = valueAt(i);
              return v === null ? '0' : formatValue(v);
            }}
            cellLabel={(i) => {
              const v = valueAt(i);
              const { r, c } = cellOf(i);
              return v === null ? t.paddingCell(inWindow(i)) : t.cell(r, c, formatValue(v), inWindow(i), isUnreached(i));
            }}
            label={t.inputGrid}
            className="st-grid--input"
            marked={inWindow}
            cellClass={(i) => (valueAt(i) === null ? 'st-pad' : isUnreached(i) ? 'st-unreached' : undefined)}
            overlay={frame}
            testId="st-input"
          />
        </div>

        {result && (
          <div class="st-panel st-readout" data-testid="st-readout">
            <h3 class="st-heading">{t.readoutTitle(oh, ow)}</h3>
            <p class="st-hint">{t.kernelLine(kernelRows)}</p>
            <p class="st-working" data-testid="st-working">
              {t.sumLine(terms, engineValue)}
            </p>
            <p class="st-engine" data-testid="st-engine">{t.engineLine(engineValue)}</p>
          </div>
        )}

        {result && (
          <div class="st-panel">
            <h3 class="st-heading" data-testid="st-output-title">{t.outputTitle(out)}</h3>
            <CellGrid
              size={out}
              values={Array.from(result.values, (v) => v / 12)}
              text={(i) => formatValue(result.values[i])}
              cellLabel={(i) => t.outputCell(Math.floor(i / out), i % out, formatValue(result.values[i]))}
              label={t.outputGrid}
              className="st-grid--output"
              marked={(i) => i === position}
              focusIndex={position}
              onFocusCell={(i) => {
                setPlaying(false);
                goTo(i);
              }}
              testId="st-output"
            />
          </div>
        )}
      </div>
    </section>
  );
}
