/**
 * State and arithmetic of the receptive-field explorer, apart from the UI.
 *
 * The widget answers one question two ways and shows both: how big is the patch of
 * input a chosen neuron depends on? The formula's answer comes from the engine's
 * `summary` of the same stack built from `nn.Conv2d` modules; the experimental one
 * from back-propagating through the engine's `conv2d` (see receptive-field.ts).
 */
import { nn, summary } from '../../../src/engine/index.ts';
import {
  featureMapSizes,
  jump,
  receptiveFieldSpan,
  traceReceptiveField,
  type BoundingBox,
  type ConvLayerSpec,
  type ReceptiveFieldTrace,
  type SquareSpan,
} from '../../../src/geometry/receptive-field.ts';
import { readInt } from '../../kit/query-state.ts';

/** Allowed range of every control; small enough that each update is instant. */
export const LIMITS = {
  inputSize: [4, 32],
  layers: [1, 5],
  kernelSize: [1, 7],
  stride: [1, 3],
  dilation: [1, 4],
  padding: [0, 3],
} as const;

/** The fields of one layer, in the order the controls show them. */
export const LAYER_FIELDS = ['kernelSize', 'stride', 'dilation', 'padding'] as const;
/** One of {@link LAYER_FIELDS}. */
export type LayerField = (typeof LAYER_FIELDS)[number];

/** Everything the explorer shows is a function of this. */
export interface ExplorerState {
  inputSize: number;
  layers: ConvLayerSpec[];
  /** The chosen neuron of the last layer. */
  row: number;
  col: number;
}

const plain = (kernelSize: number, stride = 1, dilation = 1, padding = 0): ConvLayerSpec => ({
  kernelSize,
  stride,
  dilation,
  padding,
});

/** Ready-made stacks, each making one point of the lesson. */
export const PRESETS = {
  threeByThreeTimesThree: { inputSize: 16, layers: [plain(3), plain(3), plain(3)] },
  sevenBySeven: { inputSize: 16, layers: [plain(7)] },
  dilated: { inputSize: 24, layers: [plain(3, 1, 1), plain(3, 1, 2), plain(3, 1, 4)] },
  strided: { inputSize: 24, layers: [plain(3, 2, 1, 1), plain(3, 2, 1, 1), plain(3)] },
} as const;

/** Name of one of {@link PRESETS}. */
export type PresetName = keyof typeof PRESETS;

/** The middle neuron of an output of side `side` (the upper-left of the middle four when even). */
export function centreOf(side: number): number {
  return Math.floor((side - 1) / 2);
}

/** A state for the given stack, with the neuron re-centred (or at 0 if the stack does not fit). */
export function withCentredNeuron(inputSize: number, layers: readonly ConvLayerSpec[]): ExplorerState {
  let middle = 0;
  try {
    const sizes = featureMapSizes(inputSize, layers);
    middle = centreOf(sizes[sizes.length - 1]);
  } catch {
    // The widget reports the error; the neuron is re-centred once the stack fits.
  }
  return { inputSize, layers: layers.map((l) => ({ ...l })), row: middle, col: middle };
}

/** Where the explorer starts: three 3x3 layers on a 16x16 input. */
export function defaultExplorerState(): ExplorerState {
  const preset = PRESETS.threeByThreeTimesThree;
  return withCentredNeuron(preset.inputSize, preset.layers);
}

/** Query keys of the explorer. */
export const EXPLORER_KEYS = { inputSize: 'rfIn', layers: 'rfL', neuron: 'rfAt' } as const;

/**
 * Writes the state as query values: `rfIn=16&rfL=3.1.1.0-3.1.1.0&rfAt=4.4`, one
 * kernel.stride.dilation.padding group per layer.
 */
export function encodeExplorer(state: ExplorerState): Record<string, string> {
  return {
    [EXPLORER_KEYS.inputSize]: String(state.inputSize),
    [EXPLORER_KEYS.layers]: state.layers
      .map((l) => [l.kernelSize, l.stride, l.dilation, l.padding].join('.'))
      .join('-'),
    [EXPLORER_KEYS.neuron]: `${state.row}.${state.col}`,
  };
}

function parseLayers(raw: string | null): ConvLayerSpec[] | null {
  if (raw === null) return null;
  const groups = raw.split('-');
  if (groups.length < LIMITS.layers[0] || groups.length > LIMITS.layers[1]) return null;
  const layers: ConvLayerSpec[] = [];
  for (const group of groups) {
    const parts = group.split('.');
    if (parts.length !== LAYER_FIELDS.length) return null;
    const values = parts.map(Number);
    const layer = {} as ConvLayerSpec;
    for (let f = 0; f < LAYER_FIELDS.length; f++) {
      const [min, max] = LIMITS[LAYER_FIELDS[f]];
      const v = values[f];
      if (parts[f] === '' || !Number.isInteger(v) || v < min || v > max) return null;
      layer[LAYER_FIELDS[f]] = v;
    }
    layers.push(layer);
  }
  return layers;
}

/**
 * Reads the state from the query string. Anything missing takes its default;
 * anything malformed or out of range also takes its default and is listed in
 * `rejected`, so the widget can tell the reader.
 */
export function parseExplorer(params: URLSearchParams): { state: ExplorerState; rejected: string[] } {
  const rejected: string[] = [];
  const fallback = defaultExplorerState();
  const inputSize = readInt(params, EXPLORER_KEYS.inputSize, ...LIMITS.inputSize, fallback.inputSize, rejected);
  let layers = parseLayers(params.get(EXPLORER_KEYS.layers));
  if (layers === null) {
    if (params.has(EXPLORER_KEYS.layers)) rejected.push(EXPLORER_KEYS.layers);
    layers = fallback.layers;
  }
  const state = withCentredNeuron(inputSize, layers);

  const rawNeuron = params.get(EXPLORER_KEYS.neuron);
  if (rawNeuron !== null) {
    const match = /^(\d+)\.(\d+)$/.exec(rawNeuron);
    let last = -1;
    try {
      const sizes = featureMapSizes(inputSize, layers);
      last = sizes[sizes.length - 1];
    } catch {
      // No output to place a neuron in; the stack's own error is shown instead.
    }
    const row = match ? Number(match[1]) : -1;
    const col = match ? Number(match[2]) : -1;
    if (match && row < last && col < last) {
      state.row = row;
      state.col = col;
    } else {
      rejected.push(EXPLORER_KEYS.neuron);
    }
  }
  return { state, rejected };
}

/** The receptive field of every Conv2d layer, as the engine's `summary` reports it. */
export function summaryReceptiveFields(inputSize: number, layers: readonly ConvLayerSpec[]): number[] {
  const model = new nn.Sequential(
    ...layers.map(
      (l) =>
        new nn.Conv2d(1, 1, l.kernelSize, { stride: l.stride, padding: l.padding, dilation: l.dilation, bias: false }),
    ),
  );
  const report = summary(model, [1, 1, inputSize, inputSize]);
  return report.layers.filter((row) => row.type === 'Conv2d').map((row) => toSide(row.receptiveField));
}

/** The explorer's layers are square, so one side of the summary's [h, w] field describes it. */
function toSide(field: { size: readonly [number, number] } | undefined): number {
  if (!field || field.size[0] !== field.size[1]) {
    throw new Error(`summary: expected a square receptive field, got ${JSON.stringify(field)}`);
  }
  return field.size[0];
}

/** One term of the formula: how much layer `index` widens the field. */
export interface FormulaTerm {
  dilation: number;
  kernelSize: number;
  /** Input pixels per step of this layer's input. */
  jump: number;
  value: number;
}

/** The formula's terms, so the widget can print 1 + 2 + 2 + 2 = 7 with its working. */
export function formulaTerms(layers: readonly ConvLayerSpec[]): FormulaTerm[] {
  return layers.map((l, i) => {
    const j = jump(layers, i - 1);
    return { dilation: l.dilation, kernelSize: l.kernelSize, jump: j, value: l.dilation * (l.kernelSize - 1) * j };
  });
}

/** What the explorer shows for one state. */
export type ExplorerResult =
  | {
      ok: true;
      trace: ReceptiveFieldTrace;
      /** Receptive field side from the engine's summary, per layer. */
      summarySides: number[];
      /** The formula's field around the chosen neuron, unclipped, per axis. */
      rowSpan: SquareSpan;
      colSpan: SquareSpan;
      /** Whether some of that field lies outside the image (on padding). */
      clipped: boolean;
      /** Side of the gradient's bounding box when the field is wholly inside; null otherwise. */
      measuredSide: number | null;
    }
  | { ok: false; message: string };

/** Runs the engine for a state. Never throws: a stack that does not fit becomes a message. */
export function explore(state: ExplorerState): ExplorerResult {
  try {
    const trace = traceReceptiveField(state.inputSize, state.layers, state.row, state.col);
    const summarySides = summaryReceptiveFields(state.inputSize, state.layers);
    const rowSpan = receptiveFieldSpan(state.layers, state.row);
    const colSpan = receptiveFieldSpan(state.layers, state.col);
    const inside = (s: SquareSpan) => s.start >= 0 && s.end < state.inputSize;
    const clipped = !(inside(rowSpan) && inside(colSpan));
    const box: BoundingBox | null = trace.inputBox;
    const measuredSide =
      !clipped && box && box.bottom - box.top === box.right - box.left ? box.bottom - box.top + 1 : null;
    return { ok: true, trace, summarySides, rowSpan, colSpan, clipped, measuredSide };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
