/**
 * Lesson 3's receptive-field explorer: a stack of up to five convolutions, one
 * chosen output neuron, and the cone of cells it depends on in every layer below.
 * The cone is what the engine's backward pass reports; the size beside it is what
 * the engine's `summary` computes by formula.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConvLayerSpec } from '../../../src/geometry/receptive-field.ts';
import { nonzeroBox } from '../../../src/geometry/receptive-field.ts';
import {
  LAYER_FIELDS,
  LIMITS,
  PRESETS,
  defaultExplorerState,
  encodeExplorer,
  explore,
  formulaTerms,
  parseExplorer,
  withCentredNeuron,
  type ExplorerState,
  type LayerField,
  type PresetName,
} from './explorer-model.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS, type ExplorerStrings } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { PredictGate, PredictToggle } from '../../kit/predict/PredictFirst.tsx';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import './receptive-fields.css';

/** Props: the page's language; `predictFirst` starts predict-first mode (off in lessons, on where an exercise embeds it). */
export interface ReceptiveFieldExplorerProps {
  lang: Locale;
  predictFirst?: boolean;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Pixel size of one cell: all maps in one row when the widget is wide enough, never
 * so small that the output grid is hard to click (then the maps wrap), never huge.
 */
function cellSize(available: number, sides: readonly number[]): number {
  const gaps = 16 * (sides.length - 1) + 8;
  const total = sides.reduce((a, b) => a + b, 0);
  return Math.max(8, Math.min(18, Math.floor((available - gaps) / total)));
}

/** Opacity of a cell from its path count: visible even for a single path, solid at the maximum. */
function shade(value: number, max: number): number {
  return value === 0 || max === 0 ? 0 : 0.25 + 0.75 * Math.sqrt(value / max);
}

function maxOf(values: Float32Array): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

interface MapProps {
  name: string;
  side: number;
  grad: Float32Array;
  cell: number;
  /** The formula's field on the input (clipped to the image), drawn as a dashed outline. */
  outline?: { top: number; left: number; bottom: number; right: number } | null;
  t: ExplorerStrings;
}

/** One feature map below the output, with the cells that feed the chosen neuron shaded. */
function FeatureMap({ name, side, grad, cell, outline, t }: MapProps) {
  const { box } = nonzeroBox(grad, side);
  const height = box ? box.bottom - box.top + 1 : 0;
  const width = box ? box.right - box.left + 1 : 0;
  const max = maxOf(grad);
  const cells = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = grad[r * side + c];
      cells.push(<rect key={`b${r}-${c}`} class="rfx-cell" x={c * cell} y={r * cell} width={cell} height={cell} />);
      if (v !== 0) {
        cells.push(
          <rect
            key={`h${r}-${c}`}
            class="rfx-hot"
            x={c * cell}
            y={r * cell}
            width={cell}
            height={cell}
            fill-opacity={shade(v, max)}
          />,
        );
      }
    }
  }
  const size = side * cell;
  return (
    <figure class="rfx-map">
      <svg
        width={size}
        height={size}
        viewBox={`-1 -1 ${size + 2} ${size + 2}`}
        role="img"
        aria-label={t.mapImageLabel(name, side, height, width)}
      >
        {cells}
        {outline && (
          <rect
            class="rfx-outline"
            x={outline.left * cell}
            y={outline.top * cell}
            width={(outline.right - outline.left + 1) * cell}
            height={(outline.bottom - outline.top + 1) * cell}
          />
        )}
      </svg>
      <figcaption>
        <strong>{name}</strong> {t.sizeCaption(side)}
        <br />
        <span class="rfx-muted">{t.coneCaption(height, width)}</span>
      </figcaption>
    </figure>
  );
}

interface OutputGridProps {
  layer: number;
  side: number;
  row: number;
  col: number;
  cell: number;
  t: ExplorerStrings;
  onPick: (row: number, col: number, viaKeyboard: boolean) => void;
}

/** The last layer as an ARIA grid: one tab stop, arrow keys move the chosen neuron. */
function OutputGrid({ layer, side, row, col, cell, t, onPick }: OutputGridProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, side - 1],
      PageUp: [0, col],
      PageDown: [side - 1, col],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    const clamp = (v: number) => Math.max(0, Math.min(side - 1, v));
    onPick(clamp(target[0]), clamp(target[1]), true);
  };
  // With 1px spacing between cells, the grid is as wide as the maps drawn beside it.
  const cellStyle = { width: `${cell - 1}px`, height: `${cell - 1}px` };
  return (
    <figure class="rfx-map">
      <table class="rfx-grid" role="grid" aria-label={t.outputGridLabel(layer)} onKeyDown={onKeyDown}>
        <tbody>
          {range(0, side - 1).map((r) => (
            <tr key={r}>
              {range(0, side - 1).map((c) => {
                const chosen = r === row && c === col;
                return (
                  <td
                    key={c}
                    role="gridcell"
                    data-r={r}
                    data-c={c}
                    tabIndex={chosen ? 0 : -1}
                    aria-selected={chosen}
                    aria-label={t.cellLabel(r, c)}
                    class={chosen ? 'rfx-gridcell rfx-chosen' : 'rfx-gridcell'}
                    style={cellStyle}
                    onClick={() => onPick(r, c, false)}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        <strong>{t.mapCaption(layer)}</strong> {t.sizeCaption(side)}
      </figcaption>
    </figure>
  );
}

/** Only the reader's own changes go to the address, so opening a plain link stays plain. */
const QUERY: QueryCodec<ExplorerState> = {
  initial: defaultExplorerState,
  read: (params) => {
    const { state, rejected } = parseExplorer(params);
    return { value: state, rejected };
  },
  write: (state, params) => {
    for (const [key, value] of Object.entries(encodeExplorer(state))) params.set(key, value);
  },
};

/** The explorer. */
export default function ReceptiveFieldExplorer({ lang, predictFirst = false }: ReceptiveFieldExplorerProps) {
  const t = stringsFor(STRINGS, lang).explorer;
  const [predicting, setPredicting] = useState(predictFirst);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const { value: state, set: apply, rejected } = useQueryState(QUERY);
  const gridHolder = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(640);

  const result = useMemo(() => explore(state), [state]);

  useEffect(() => {
    const element = body.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const setLayers = (layers: ConvLayerSpec[]) => apply(withCentredNeuron(state.inputSize, layers));
  const setField = (index: number, field: LayerField, value: number) =>
    setLayers(state.layers.map((l, i) => (i === index ? { ...l, [field]: value } : l)));
  const usePreset = (name: PresetName) => apply(withCentredNeuron(PRESETS[name].inputSize, [...PRESETS[name].layers]));

  const cell = cellSize(available, result.ok ? result.trace.sizes : [state.inputSize]);
  const lastLayer = state.layers.length;
  const fieldRange: Record<LayerField, number[]> = {
    kernelSize: range(...LIMITS.kernelSize),
    stride: range(...LIMITS.stride),
    dilation: range(...LIMITS.dilation),
    padding: range(...LIMITS.padding),
  };

  return (
    <WidgetFrame title={t.title} class="rfx">
      <div ref={body}>
        <p class="rfx-hint">{t.hint}</p>
        <PredictToggle lang={lang} on={predicting} onChange={setPredicting} />
        {rejected.length > 0 && (
          <Note class="rfx-note">{t.rejected(rejected.join(', '))}</Note>
        )}

        <div class="rfx-presets" role="group" aria-label={t.presetsLabel}>
          <span class="rfx-muted">{t.presetsLabel}:</span>
          {(Object.keys(PRESETS) as PresetName[]).map((name) => (
            <button key={name} type="button" class="rfx-button" onClick={() => usePreset(name)}>
              {t.presets[name]}
            </button>
          ))}
        </div>

        <div class="rfx-controls">
          <label class="rfx-inline">
            {t.inputSize}{' '}
            <select
              value={state.inputSize}
              onChange={(e) => apply(withCentredNeuron(Number((e.target as HTMLSelectElement).value), state.layers))}
            >
              {range(...LIMITS.inputSize).map((n) => (
                <option key={n} value={n}>
                  {n}×{n}
                </option>
              ))}
            </select>
          </label>
          <div class="rfx-layers-scroll">
            <table class="rfx-layers">
              <thead>
                <tr>
                  <th scope="col">{t.layerHeading}</th>
                  {LAYER_FIELDS.map((f) => (
                    <th key={f} scope="col">
                      {t.fields[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.layers.map((layer, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    {LAYER_FIELDS.map((f) => (
                      <td key={f}>
                        <select
                          aria-label={t.controlLabel(i + 1, f)}
                          value={layer[f]}
                          onChange={(e) => setField(i, f, Number((e.target as HTMLSelectElement).value))}
                        >
                          {fieldRange[f].map((v) => (
                            <option key={v} value={v}>
                              {v}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="rfx-row">
            <button
              type="button"
              class="rfx-button"
              disabled={lastLayer >= LIMITS.layers[1]}
              onClick={() => setLayers([...state.layers, { kernelSize: 3, stride: 1, dilation: 1, padding: 0 }])}
            >
              {t.addLayer}
            </button>
            <button
              type="button"
              class="rfx-button"
              disabled={lastLayer <= LIMITS.layers[0]}
              onClick={() => setLayers(state.layers.slice(0, -1))}
            >
              {t.removeLayer}
            </button>
          </div>
        </div>

        {!result.ok ? (
          <div class="rfx-error" role="alert">
            <p>{t.badStack}</p>
            <EngineMessage label={t.engineMessage} message={result.message} />
          </div>
        ) : (
          <ExplorerResults
            state={state}
            result={result}
            cell={cell}
            t={t}
            gridHolder={gridHolder}
            lang={lang}
            predicting={predicting}
            revealedKey={revealedKey}
            onReveal={setRevealedKey}
            onPick={(r, c, viaKeyboard) => {
              apply({ ...state, row: r, col: c });
              // Focus follows the keys at once: every cell is focusable, and waiting for an
              // effect loses keys pressed in quick succession (Preact runs a pending effect
              // before the next render commits, so it would focus the previous cell).
              if (viaKeyboard) gridHolder.current?.querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`)?.focus();
            }}
          />
        )}
      </div>
    </WidgetFrame>
  );
}

interface ResultsProps {
  state: ExplorerState;
  result: Extract<ReturnType<typeof explore>, { ok: true }>;
  cell: number;
  t: ExplorerStrings;
  gridHolder: { current: HTMLDivElement | null };
  onPick: (row: number, col: number, viaKeyboard: boolean) => void;
  lang: Locale;
  predicting: boolean;
  revealedKey: string | null;
  onReveal: (key: string) => void;
}

function ExplorerResults({ state, result, cell, t, gridHolder, onPick, lang, predicting, revealedKey, onReveal }: ResultsProps) {
  const { trace, summarySides, rowSpan, colSpan, clipped, measuredSide } = result;
  const last = state.layers.length;
  const formulaSide = summarySides[summarySides.length - 1];
  const terms = formulaTerms(state.layers);
  const box = trace.inputBox;
  const boxHeight = box ? box.bottom - box.top + 1 : 0;
  const boxWidth = box ? box.right - box.left + 1 : 0;
  const n = state.inputSize;
  const outline = {
    top: Math.max(0, rowSpan.start),
    bottom: Math.min(n - 1, rowSpan.end),
    left: Math.max(0, colSpan.start),
    right: Math.min(n - 1, colSpan.end),
  };
  const outlineVisible = outline.top <= outline.bottom && outline.left <= outline.right;
  // The field's size depends on the stack, not on which neuron is picked.
  const questionKey = JSON.stringify([state.inputSize, state.layers]);
  const hidden = predicting && revealedKey !== questionKey;

  return (
    <>
      <div class="rfx-maps" ref={gridHolder}>
        {!hidden && trace.sizes.slice(0, -1).map((side, m) => (
          <FeatureMap
            key={m}
            name={m === 0 ? t.inputCaption : t.mapCaption(m)}
            side={side}
            grad={trace.grads[m]}
            cell={cell}
            outline={m === 0 && outlineVisible ? outline : null}
            t={t}
          />
        ))}
        <OutputGrid
          layer={last}
          side={trace.sizes[last]}
          row={state.row}
          col={state.col}
          cell={cell}
          t={t}
          onPick={onPick}
        />
      </div>
      <PredictGate
        lang={lang}
        on={predicting}
        questionKey={questionKey}
        prompt={t.predictPrompt(last)}
        questions={[{ label: t.predictLabel, expected: formulaSide }]}
        revealed={!hidden}
        onReveal={() => onReveal(questionKey)}>
        <p class="rfx-muted rfx-small">{t.shadingNote}</p>

        <div class="rfx-result" aria-live="polite">
          <p class="rfx-headline">{t.neuronSentence(last, state.row, state.col, formulaSide)}</p>
          <dl class="rfx-facts">
            <dt>{t.formulaLabel}</dt>
            <dd>
              <span class="rfx-mono" data-testid="rf-formula">
                1 + {terms.map((term) => term.value).join(' + ')} = {formulaSide}
              </span>
              <span class="rfx-muted rfx-small">
                {' '}
                ({formulaSide}×{formulaSide})
              </span>
            </dd>
            <dt>{t.backwardLabel}</dt>
            <dd class="rfx-mono" data-testid="rf-backward">
              {t.backwardValue(boxHeight, boxWidth, trace.inputPixels)}
            </dd>
          </dl>
          <p class="rfx-muted rfx-small">{t.formulaExplain}</p>
          {!box && <p>{t.paddingOnly}</p>}
          {box && clipped && <p>{t.clipped(boxHeight, boxWidth)}</p>}
          {measuredSide !== null && (
            <p
              class={measuredSide === formulaSide ? 'rfx-ok' : 'rfx-error'}
              role={measuredSide === formulaSide ? undefined : 'alert'}
            >
              {measuredSide === formulaSide ? t.agree : t.disagree}
            </p>
          )}
          {box && trace.inputPixels < boxHeight * boxWidth && <p>{t.holes}</p>}
        </div>
      </PredictGate>
    </>
  );
}
