/**
 * Lesson 2's stepper: a 3x3 filter slides over a 9x9 picture; each output number is
 * the engine's conv2d of the current picture and filters, divided by 9. Learners step,
 * scrub or play through the 49 positions, point at any output to see its arithmetic,
 * edit pixels and weights, and stack more filters to grow the output's depth.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useReducedMotion } from '../../kit/reduced-motion.ts';
import { Note } from '../../kit/Note.tsx';
import { PredictGate, PredictToggle } from '../../kit/predict/PredictFirst.tsx';
import { CellGrid } from '../../kit/CellGrid.tsx';
import {
  IMAGE_SIZE,
  DIVISOR,
  KERNEL_SIZE,
  OUTPUT_SIZE,
  POSITION_COUNT,
  computeFeatureMaps,
  cycleWeight,
  decodeState,
  defaultState,
  encodeState,
  formatFraction,
  formatRounded,
  formatSigned,
  formatTruncated,
  nextPreset,
  positionToCell,
  tapsAt,
} from './model.ts';
import type { ConvState, FeatureMaps, StateProblem } from './model.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './convolution.css';

/** Milliseconds between steps while playing. */
const PLAY_INTERVAL_MS = 900;

/** Props the MDX passes; `predictFirst` starts predict-first mode (off in lessons, on where an exercise embeds it). */
export interface ConvolutionStepperProps {
  lang: Locale;
  predictFirst?: boolean;
}

type Computed = { maps: FeatureMaps; error: null } | { maps: null; error: string };

/** The whole state lives in the address; defaults are left out, so an untouched widget leaves it clean. */
const QUERY: QueryCodec<ConvState, StateProblem> = {
  initial: defaultState,
  read: (params) => {
    const { state, problems } = decodeState(params);
    return { value: state, rejected: problems };
  },
  write: (state, params) => void encodeState(state, params),
  follow: 'always',
};

/** The stepper (see the file comment). */
export default function ConvolutionStepper({ lang, predictFirst = false }: ConvolutionStepperProps): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const query = useQueryState(QUERY);
  const { value: state, set: setState, rejected: problems } = query;
  const [playing, setPlaying] = useState(false);
  const [hover, setHover] = useState<{ position: number; active: number } | null>(null);
  const reducedMotion = useReducedMotion();
  const [predicting, setPredicting] = useState(predictFirst);
  // Windows whose sum has been revealed ("position:filter"), for this picture and these filters only.
  const [revealed, setRevealed] = useState<{ key: string; cells: ReadonlySet<string> }>({ key: '', cells: new Set() });

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      setState((s) => ({ ...s, position: Math.min(POSITION_COUNT - 1, s.position + 1) }));
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  useEffect(() => {
    if (playing && state.position >= POSITION_COUNT - 1) setPlaying(false);
  }, [playing, state.position]);

  const computed: Computed = useMemo(() => {
    try {
      return { maps: computeFeatureMaps(state.image, state.filters), error: null };
    } catch (error) {
      return { maps: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [state.image, state.filters]);

  const shown = hover ?? { position: state.position, active: state.active };
  const active = Math.min(shown.active, state.filters.length - 1);
  const { row, col } = positionToCell(shown.position);
  const inWindow = (index: number) => {
    const r = Math.floor(index / IMAGE_SIZE);
    const c = index % IMAGE_SIZE;
    return r >= row && r < row + KERNEL_SIZE && c >= col && c < col + KERNEL_SIZE;
  };

  const update = (change: Partial<ConvState>) => setState((s) => ({ ...s, ...change }));
  const goTo = (position: number) => {
    setPlaying(false);
    update({ position: Math.max(0, Math.min(POSITION_COUNT - 1, position)) });
  };
  const togglePlay = () => {
    if (playing) return setPlaying(false);
    if (predicting) return;
    if (state.position >= POSITION_COUNT - 1) update({ position: 0 });
    setHover(null);
    setPlaying(true);
  };
  const flipPixel = (index: number) =>
    setState((s) => ({ ...s, image: s.image.map((p, i) => (i === index ? (p === 1 ? -1 : 1) : p)) }));
  const cycleTap = (filter: number, tap: number) =>
    setState((s) => ({
      ...s,
      active: filter,
      filters: s.filters.map((f, k) => (k === filter ? f.map((w, i) => (i === tap ? cycleWeight(w) : w)) : f)),
    }));
  const addFilter = () =>
    setState((s) => {
      const preset = nextPreset(s.filters);
      return preset ? { ...s, filters: [...s.filters, [...preset]], active: s.filters.length } : s;
    });
  const removeFilter = () =>
    setState((s) => {
      if (s.filters.length <= 1) return s;
      const filters = s.filters.filter((_, k) => k !== s.active);
      return { ...s, filters, active: Math.min(s.active, filters.length - 1) };
    });
  const reset = () => {
    setPlaying(false);
    setHover(null);
    query.clearRejected();
    setState(defaultState());
  };

  const maps = computed.maps;
  const depth = state.filters.length;
  const taps = tapsAt(state.image, state.filters[active], shown.position);
  const outIndex = active * POSITION_COUNT + shown.position;
  const sum = maps ? maps.sums[outIndex] : NaN;
  const value = maps ? maps.values[outIndex] : NaN;
  const rounded = formatRounded(value);
  const truncated = formatTruncated(value);
  const pictureKey = JSON.stringify([state.image, state.filters]);
  const revealedCells = revealed.key === pictureKey ? revealed.cells : new Set<string>();
  const isShown = (position: number, filter: number) => !predicting || revealedCells.has(`${position}:${filter}`);
  const hereShown = maps === null || isShown(shown.position, active);
  const reveal = () =>
    setRevealed({ key: pictureKey, cells: new Set([...revealedCells, `${shown.position}:${active}`]) });

  const windowFrame = (
    <div
      class={`conv-window${reducedMotion ? ' conv-window--still' : ''}`}
      aria-hidden="true"
      style={{
        left: `calc(${col} * 100% / ${IMAGE_SIZE})`,
        top: `calc(${row} * 100% / ${IMAGE_SIZE})`,
        width: `calc(${KERNEL_SIZE} * 100% / ${IMAGE_SIZE})`,
        height: `calc(${KERNEL_SIZE} * 100% / ${IMAGE_SIZE})`,
      }}
    />
  );

  return (
    <section class="conv-widget" aria-label={t.widgetLabel} data-window={`${row},${col}`} data-active={active}>
      <p class="conv-intro">{t.intro}</p>
      {problems.length > 0 && (
        <Note class="conv-note">{t.urlProblem(problems)}</Note>
      )}
      {computed.error !== null && (
        <p class="conv-error" role="alert">
          {t.engineError(computed.error)}
        </p>
      )}

      <PredictToggle
        lang={lang}
        on={predicting}
        onChange={(on) => {
          setPlaying(false);
          setPredicting(on);
        }}
      />

      <div class="conv-controls">
        <button type="button" class="conv-button" onClick={togglePlay} aria-pressed={playing} disabled={predicting}>
          {playing ? t.pause : t.play}
        </button>
        <button type="button" class="conv-button" onClick={() => goTo(state.position - 1)} disabled={state.position === 0}>
          {t.previous}
        </button>
        <button
          type="button"
          class="conv-button"
          onClick={() => goTo(state.position + 1)}
          disabled={state.position === POSITION_COUNT - 1}
        >
          {t.next}
        </button>
        <label class="conv-slider">
          <span>{t.position}</span>
          <input
            type="range"
            min={0}
            max={POSITION_COUNT - 1}
            step={1}
            value={state.position}
            aria-valuetext={t.positionValue(positionToCell(state.position).row, positionToCell(state.position).col, state.position + 1, POSITION_COUNT)}
            onInput={(e) => goTo(Number((e.currentTarget as HTMLInputElement).value))}
          />
          <output class="conv-slider-value" aria-live={playing ? 'off' : 'polite'}>
            {t.positionValue(positionToCell(state.position).row, positionToCell(state.position).col, state.position + 1, POSITION_COUNT)}
          </output>
        </label>
      </div>

      <div class="conv-panels">
        <div class="conv-panel conv-panel--input">
          <h3 class="conv-heading">{t.inputTitle}</h3>
          <p class="conv-hint">{t.inputHint}</p>
          <CellGrid
            size={IMAGE_SIZE}
            values={state.image}
            text={(i) => formatSigned(state.image[i])}
            cellLabel={(i) => t.pixel(Math.floor(i / IMAGE_SIZE), i % IMAGE_SIZE, formatSigned(state.image[i]), inWindow(i))}
            label={t.inputGrid}
            className="conv-grid--input"
            marked={inWindow}
            onActivate={flipPixel}
            overlay={windowFrame}
            testId="conv-input"
          />
        </div>

        <div class="conv-panel conv-readout" data-testid="conv-readout">
          <h3 class="conv-heading">{t.readoutTitle(active + 1, row, col)}</h3>
          <p class="conv-hint">{t.productsCaption}</p>
          <ol class="conv-products">
            {taps.map((tap, i) => (
              <li key={i} data-sign={!hereShown ? undefined : tap.product > 0 ? 'pos' : tap.product < 0 ? 'neg' : 'zero'}>
                <span class="conv-product-terms">
                  {formatSigned(tap.pixel)} × {formatSigned(tap.weight)}
                </span>
                <strong>{hereShown ? formatSigned(tap.product) : '?'}</strong>
              </li>
            ))}
          </ol>
          <PredictGate
            lang={lang}
            on={maps !== null && predicting}
            questionKey={`${pictureKey}:${shown.position}:${active}`}
            prompt={t.predictPrompt(active + 1, row, col)}
            questions={[{ label: t.predictLabel, expected: sum }]}
            revealed={hereShown}
            onReveal={reveal}
            format={formatSigned}>
            <p class="conv-sum" aria-live={playing ? 'off' : 'polite'} data-testid="conv-sum">
              {maps ? t.sumLine(formatSigned(sum), formatFraction(sum), rounded, Math.round(sum) % DIVISOR === 0) : ''}
            </p>
            {maps && truncated !== rounded && <p class="conv-hint">{t.truncationNote(truncated, rounded)}</p>}
            {maps && (
              <div class="conv-depth">
                <p class="conv-hint">{t.depthLine(depth)}</p>
                <ul class="conv-depth-values">
                  {state.filters.map((_, k) => (
                    <li key={k}>
                      {t.mapName(k + 1)}:{' '}
                        <strong>{isShown(shown.position, k) ? formatRounded(maps.values[k * POSITION_COUNT + shown.position]) : '?'}</strong>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </PredictGate>
        </div>

        <div class="conv-panel conv-panel--output">
          <h3 class="conv-heading">
            {t.outputTitle}: <span class="conv-volume" data-testid="conv-volume">
              {maps ? t.volume(maps.shape[2], maps.shape[3], maps.shape[1]) : '…'}
            </span>
          </h3>
          <p class="conv-hint">{t.outputHint}</p>
          <div class="conv-maps">
            {state.filters.map((_, k) => (
              <figure class={`conv-map${k === active ? ' conv-map--active' : ''}`} key={k}>
                <figcaption>{t.mapName(k + 1)}</figcaption>
                <CellGrid
                  size={OUTPUT_SIZE}
                  values={
                    maps
                      ? maps.values.subarray(k * POSITION_COUNT, (k + 1) * POSITION_COUNT).map((v, i) => (isShown(i, k) ? v : 0))
                      : new Float32Array(POSITION_COUNT)
                  }
                  text={(i) => (maps && isShown(i, k) ? formatRounded(maps.values[k * POSITION_COUNT + i]) : maps ? '?' : '')}
                  cellLabel={(i) =>
                    t.outputCell(
                      Math.floor(i / OUTPUT_SIZE),
                      i % OUTPUT_SIZE,
                      maps && isShown(i, k) ? formatRounded(maps.values[k * POSITION_COUNT + i]) : maps ? '?' : '',
                    )
                  }
                  label={t.mapGrid(k + 1)}
                  className="conv-grid--output"
                  marked={(i) => i === shown.position}
                  focusIndex={state.position}
                  onFocusCell={(i) => {
                    setPlaying(false);
                    update({ position: i, active: k });
                  }}
                  onHoverCell={(i) => setHover(i === null || playing ? null : { position: i, active: k })}
                  testId={`conv-map-${k}`}
                />
              </figure>
            ))}
          </div>
        </div>

        <div class="conv-panel conv-panel--filters">
          <h3 class="conv-heading">{t.filtersTitle}</h3>
          <p class="conv-hint">{t.filtersHint}</p>
          <div class="conv-filters">
            {state.filters.map((filter, k) => (
              <div class={`conv-filter${k === active ? ' conv-filter--active' : ''}`} key={k}>
                <CellGrid
                  size={KERNEL_SIZE}
                  values={filter}
                  text={(i) => formatSigned(filter[i])}
                  cellLabel={(i) => t.weight(Math.floor(i / KERNEL_SIZE), i % KERNEL_SIZE, formatSigned(filter[i]))}
                  label={t.filterGrid(k + 1)}
                  className="conv-grid--filter"
                  onActivate={(i) => cycleTap(k, i)}
                  testId={`conv-filter-${k}`}
                />
                <button
                  type="button"
                  class="conv-button conv-button--small"
                  aria-pressed={k === active}
                  onClick={() => update({ active: k })}
                >
                  {t.explainFilter(k + 1)}
                </button>
              </div>
            ))}
          </div>
          <div class="conv-controls">
            <button type="button" class="conv-button" onClick={addFilter} disabled={nextPreset(state.filters) === null}>
              {t.addFilter}
            </button>
            <button type="button" class="conv-button" onClick={removeFilter} disabled={depth <= 1}>
              {t.removeFilter}
            </button>
            <button type="button" class="conv-button" onClick={reset}>
              {t.reset}
            </button>
          </div>
        </div>
      </div>

    </section>
  );
}
