/**
 * Lesson 16's widgets, apart from the UI: stacks of 3x3 layers against one big
 * kernel, and VGG's per-layer memory and parameter budget.
 *
 * Nothing here knows a formula. Receptive fields are the input gradient of one
 * output pixel (the engine's `conv2d` and autograd, through `traceReceptiveField`,
 * the experiment lesson 3 runs); weight counts, output shapes and parameters are
 * read from the engine's `summary` of real `nn` modules and zoo models.
 */
import { models, nn, summary } from '../../../src/engine/index.ts';
import type { VggConfig } from '../../../src/engine/models/index.ts';
import { traceReceptiveField } from '../../../src/geometry/receptive-field.ts';
import type { ConvLayerSpec } from '../../../src/geometry/receptive-field.ts';
import { readInt } from '../../kit/query-state.ts';
import { MINI_INPUT as CASE_MINI_INPUT, describeArchitecture } from '../../../src/case-studies/architectures.ts';

/** Side of the picture the receptive-field maps are drawn on. */
export const MAP_INPUT = 11;

/** The channel counts the reader may pick (C in and C out of every layer). */
export const CHANNEL_CHOICES = [1, 3, 16, 64, 128, 256, 512] as const;

/** How many stacked 3x3 layers the comparison offers. */
export const DEPTH_LIMITS = [1, 3] as const;

/** The comparison's state. */
export interface StackState {
  channels: number;
  depth: number;
}

export const DEFAULT_STACK: StackState = { channels: 64, depth: 3 };

export const STACK_KEYS = { channels: 'vgC', depth: 'vgN' } as const;

export function encodeStack(state: StackState, params: URLSearchParams): void {
  params.set(STACK_KEYS.channels, String(state.channels));
  params.set(STACK_KEYS.depth, String(state.depth));
}

export function decodeStack(params: URLSearchParams): { state: StackState; rejected: string[] } {
  const rejected: string[] = [];
  const state = { ...DEFAULT_STACK };
  const c = readInt(params, STACK_KEYS.channels, 1, 512, DEFAULT_STACK.channels, rejected);
  if ((CHANNEL_CHOICES as readonly number[]).includes(c)) state.channels = c;
  else rejected.push(STACK_KEYS.channels);
  state.depth = readInt(params, STACK_KEYS.depth, DEPTH_LIMITS[0], DEPTH_LIMITS[1], DEFAULT_STACK.depth, rejected);
  return { state, rejected };
}

const layer = (kernelSize: number): ConvLayerSpec => ({ kernelSize, stride: 1, dilation: 1, padding: 0 });

/** `count` 3x3 layers, or one k x k layer. */
export const threeByThreeStack = (count: number): ConvLayerSpec[] => Array.from({ length: count }, () => layer(3));
export const single = (kernelSize: number): ConvLayerSpec[] => [layer(kernelSize)];

/** One output pixel's input gradient on a MAP_INPUT picture. */
export interface FieldMap {
  side: number;
  grad: Float32Array;
  /** First row (= column) of the field's square, and its side, from the gradient's bounding box. */
  start: number;
  field: number;
}

/** Back-propagates from the middle output pixel of a stack (weights of one, as lesson 3 does). */
export function fieldMap(layers: readonly ConvLayerSpec[], input = MAP_INPUT): FieldMap {
  const probe = traceReceptiveField(input, layers, 0, 0);
  const out = probe.sizes[probe.sizes.length - 1];
  const middle = Math.floor((out - 1) / 2);
  const trace = traceReceptiveField(input, layers, middle, middle);
  const box = trace.inputBox;
  if (!box) throw new Error('vgg: the output pixel depends on no input pixel');
  return { side: input, grad: trace.grads[0], start: box.top, field: box.bottom - box.top + 1 };
}

/** Weights, biases and ReLUs of a stack of C -> C convolutions (padding keeps the size, as VGG's do). */
export interface StackCost {
  weights: number;
  biases: number;
  /** weights + biases: what `countParameters` reports with biases on. */
  params: number;
  nonlinearities: number;
}

/** The cost of `count` layers nn.Conv2d(C, C, k, padding=k//2) + ReLU, from the engine's summary. */
export function stackCost(kernelSize: number, count: number, channels: number): StackCost {
  const build = (bias: boolean) => {
    const layers: nn.Module[] = [];
    for (let i = 0; i < count; i++) {
      layers.push(new nn.Conv2d(channels, channels, kernelSize, { padding: Math.floor(kernelSize / 2), bias }));
      layers.push(new nn.ReLU());
    }
    return new nn.Sequential(...layers);
  };
  const shape = [1, channels, 8, 8];
  const withBias = summary(build(true), shape);
  const weightsOnly = summary(build(false), shape);
  return {
    weights: weightsOnly.totalParams,
    biases: withBias.totalParams - weightsOnly.totalParams,
    params: withBias.totalParams,
    nonlinearities: withBias.layers.filter((row) => row.type === 'ReLU').length,
  };
}

/** What the comparison shows for a depth: n stacked 3x3 layers against the one kernel that sees as far. */
export interface Comparison {
  depth: number;
  stack: { map: FieldMap; cost: StackCost };
  big: { kernel: number; map: FieldMap; cost: StackCost };
}

export function compare(depth: number, channels: number): Comparison {
  const stackMap = fieldMap(threeByThreeStack(depth));
  // The single kernel that sees as far is the one whose side is the stack's measured field.
  const kernel = stackMap.field;
  return {
    depth,
    stack: { map: stackMap, cost: stackCost(3, depth, channels) },
    big: { kernel, map: fieldMap(single(kernel)), cost: stackCost(kernel, 1, channels) },
  };
}

// ------------------------------------------------------------------ the budget

/** The four VGG configurations the zoo has, by torchvision's names. */
export const VGG_NAMES = ['vgg11', 'vgg13', 'vgg16', 'vgg19'] as const;
export type VggName = (typeof VGG_NAMES)[number];

/** Bytes in a float32. */
export const FLOAT32_BYTES = Float32Array.BYTES_PER_ELEMENT;

/** The batches the lesson's prose quotes the forward pass's memory for (the table offers the same). */
export const BATCHES = [1, 64] as const;

/** One row of the budget: a layer whose output is kept for the backward pass. */
export interface BudgetRow {
  name: string;
  type: string;
  /** Output shape per image, channels first, without the batch. */
  shape: number[];
  /** Numbers in one image's output. */
  activations: number;
  params: number;
}

export interface Budget {
  rows: BudgetRow[];
  /** Activations per image, input included. */
  activations: number;
  totalParams: number;
  weightLayers: number;
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/** The models the budget offers: the four VGGs, and the mini-VGG the lesson trains (28x28 gray pictures). */
export const BUDGET_MODELS = [...VGG_NAMES, 'mini-vgg'] as const;
export type BudgetModel = (typeof BUDGET_MODELS)[number];

/** Side of the mini-VGG's gray input (MNIST, Fashion-MNIST). */
export const MINI_INPUT = CASE_MINI_INPUT;

/**
 * The zoo model's summary (VGG at 3x224x224) as the budget's rows: the input, then every
 * output a forward pass keeps (conv, pool and FC; ReLU runs in place, dropout and the 7x7
 * average pool at 224 change nothing). The rows are the case studies' shared ones
 * (src/case-studies/architectures.ts), so this table and lessons 15 and 17's agree.
 */
export function budget(name: BudgetModel): Budget {
  const report = describeArchitecture(name);
  const rows: BudgetRow[] = [
    { name: 'input', type: 'Input', shape: report.inputShape, activations: product(report.inputShape), params: 0 },
  ];
  for (const row of report.rows) {
    if (!row.kept) continue;
    rows.push({ name: row.name, type: row.type, shape: row.outputShape, activations: row.activations, params: row.params });
  }
  return {
    rows,
    activations: report.activations,
    totalParams: report.totalParams,
    weightLayers: report.weightLayers,
  };
}

/** Bytes of `count` float32 numbers for a batch. */
export const bytes = (count: number, batch = 1) => count * batch * FLOAT32_BYTES;

/** Mebibytes, for display. */
export const mib = (b: number) => b / (1024 * 1024);

// ------------------------------------------------------------------ configurations

/** A configuration as blocks: the conv widths between pools. */
export function blocks(config: VggConfig): number[][] {
  const out: number[][] = [[]];
  for (const item of config) {
    if (item === 'M') out.push([]);
    else out[out.length - 1].push(item);
  }
  return out.filter((b) => b.length > 0);
}

/** Each configuration's blocks, weight layers and parameters, from the zoo. */
export function configurations() {
  return VGG_NAMES.map((name) => {
    const b = budget(name);
    const classifier = b.rows.filter((r) => r.type === 'Linear').map((r) => r.shape[0]);
    return { name, blocks: blocks(models.VGG_CONFIGS[name]), classifier, weightLayers: b.weightLayers, params: b.totalParams };
  });
}
