/**
 * The layer builder's model: a stack of layers with a few arguments each,
 * written as an `nn.Sequential(...)` the explorer reads back, and read from the
 * model the explorer built, so the builder and the code are one network seen
 * two ways. The builder knows a few layers with square kernels; a model it
 * cannot show (a class with its own forward, a dilated convolution, ...) is
 * left to the code editor.
 */
import { nn } from '../../src/engine/index.ts';
import { ExplorerSequential } from '../../src/explorer/index.ts';

/** The layers the builder offers, as PyTorch names them. */
export const BUILDER_TYPES = ['Conv2d', 'MaxPool2d', 'AvgPool2d', 'BatchNorm2d', 'ReLU', 'Tanh', 'Sigmoid', 'Dropout', 'Flatten', 'Linear'] as const;
export type BuilderType = (typeof BUILDER_TYPES)[number];

/** One argument of a layer, as the builder edits it. */
export interface ArgSpec {
  /** PyTorch's argument name. */
  key: string;
  /** Written by position (true) or as key=value. */
  positional: boolean;
  /** A new layer's value. */
  initial: number;
  /** PyTorch's default, left out of the code ('kernel' for pooling's stride=None). */
  pytorchDefault?: number | 'kernel';
  min: number;
  max: number;
  /** 1 for whole numbers; dropout's p steps by 0.05. */
  step: number;
}

const whole = (key: string, positional: boolean, initial: number, min: number, max: number, pytorchDefault?: number | 'kernel'): ArgSpec => ({
  key, positional, initial, min, max, step: 1, ...(pytorchDefault !== undefined ? { pytorchDefault } : {}),
});

export const ARGS: Readonly<Record<BuilderType, readonly ArgSpec[]>> = {
  Conv2d: [
    whole('in_channels', true, 1, 1, 4096),
    whole('out_channels', true, 8, 1, 4096),
    whole('kernel_size', false, 3, 1, 64),
    whole('stride', false, 1, 1, 64, 1),
    whole('padding', false, 0, 0, 64, 0),
  ],
  MaxPool2d: [whole('kernel_size', false, 2, 1, 64), whole('stride', false, 2, 1, 64, 'kernel')],
  AvgPool2d: [whole('kernel_size', false, 2, 1, 64), whole('stride', false, 2, 1, 64, 'kernel')],
  BatchNorm2d: [whole('num_features', true, 8, 1, 4096)],
  ReLU: [],
  Tanh: [],
  Sigmoid: [],
  Dropout: [{ key: 'p', positional: false, initial: 0.5, pytorchDefault: 0.5, min: 0, max: 1, step: 0.05 }],
  Flatten: [],
  Linear: [whole('in_features', true, 128, 1, 1_000_000), whole('out_features', true, 10, 1, 1_000_000)],
};

/** A layer in the builder. */
export interface BuilderLayer {
  type: BuilderType;
  /** Every argument of ARGS[type], by key. */
  args: Record<string, number>;
}

/** A fresh layer with the builder's starting arguments. */
export function newLayer(type: BuilderType): BuilderLayer {
  return { type, args: Object.fromEntries(ARGS[type].map((a) => [a.key, a.initial])) };
}

function pyNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Enough digits to read back the same float, without 0.30000000000000004.
  return String(Number(value.toPrecision(12)));
}

/** One layer as PyTorch code, leaving out arguments at PyTorch's defaults. */
export function layerSource(layer: BuilderLayer): string {
  const parts: string[] = [];
  for (const spec of ARGS[layer.type]) {
    const value = layer.args[spec.key] ?? spec.initial;
    const fallback = spec.pytorchDefault === 'kernel' ? layer.args.kernel_size : spec.pytorchDefault;
    if (!spec.positional && fallback !== undefined && value === fallback) continue;
    parts.push(spec.positional ? pyNumber(value) : `${spec.key}=${pyNumber(value)}`);
  }
  return `nn.${layer.type}(${parts.join(', ')})`;
}

/** The stack as a program the explorer (and PyTorch) runs. */
export function stackSource(layers: readonly BuilderLayer[]): string {
  const body = layers.map((l) => `    ${layerSource(l)},\n`).join('');
  return `import torch.nn as nn\n\nmodel = nn.Sequential(\n${body})\n`;
}

const square = (pair: readonly [number, number]): number | null => (pair[0] === pair[1] ? pair[0] : null);

/** One engine layer as a builder layer, or null when the builder cannot show it faithfully. */
function fromModule(m: nn.Module): BuilderLayer | null {
  if (m instanceof nn.Conv2d) {
    const k = square(m.kernelSize);
    const s = square(m.stride);
    const p = typeof m.padding === 'string' ? null : square(m.padding);
    if (k === null || s === null || p === null || m.dilation.some((d) => d !== 1) || m.groups !== 1 || !m.hasBias || m.paddingMode !== 'zeros') return null;
    return { type: 'Conv2d', args: { in_channels: m.inChannels, out_channels: m.outChannels, kernel_size: k, stride: s, padding: p } };
  }
  if (m instanceof nn.MaxPool2d || m instanceof nn.AvgPool2d) {
    const k = square(m.kernelSize);
    const s = square(m.stride);
    if (k === null || s === null || m.padding.some((v) => v !== 0) || m.ceilMode) return null;
    if (m instanceof nn.MaxPool2d && m.dilation.some((d) => d !== 1)) return null;
    if (m instanceof nn.AvgPool2d && (!m.countIncludePad || m.divisorOverride !== null)) return null;
    return { type: m instanceof nn.MaxPool2d ? 'MaxPool2d' : 'AvgPool2d', args: { kernel_size: k, stride: s } };
  }
  if (m instanceof nn.BatchNorm2d) {
    if (m.eps !== 1e-5 || m.momentum !== 0.1 || !m.affine || !m.trackRunningStats) return null;
    return { type: 'BatchNorm2d', args: { num_features: m.numFeatures } };
  }
  if (m instanceof nn.Linear) return m.hasBias ? { type: 'Linear', args: { in_features: m.inFeatures, out_features: m.outFeatures } } : null;
  if (m instanceof nn.Dropout) return { type: 'Dropout', args: { p: m.p } };
  if (m instanceof nn.Flatten) return m.startDim === 1 && m.endDim === -1 ? { type: 'Flatten', args: {} } : null;
  // Exact classes: LeakyReLU and friends extend ReLU in some engines; only the plain ones qualify.
  if (m.constructor === nn.ReLU) return { type: 'ReLU', args: {} };
  if (m.constructor === nn.Tanh) return { type: 'Tanh', args: {} };
  if (m.constructor === nn.Sigmoid) return { type: 'Sigmoid', args: {} };
  return null;
}

/**
 * The builder's view of a model the explorer built: its layers when it is one
 * `nn.Sequential` of layers the builder knows, else null.
 */
export function layersOfModel(model: nn.Module | null): BuilderLayer[] | null {
  if (!(model instanceof ExplorerSequential)) return null;
  const layers: BuilderLayer[] = [];
  for (const child of model.children()) {
    const layer = fromModule(child);
    if (layer === null) return null;
    layers.push(layer);
  }
  return layers;
}

/** Moves the layer at `index` by `by` places (clamped); a new array. */
export function moveLayer<T>(layers: readonly T[], index: number, by: number): T[] {
  const to = Math.max(0, Math.min(layers.length - 1, index + by));
  const next = [...layers];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}
