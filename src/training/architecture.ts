/**
 * From an architecture spec (plain JSON) to a model: LeNet-5 from the model
 * zoo, or a learner's stack of layers built into an `nn.Sequential`.
 *
 * A stack is checked layer by layer before anything is allocated: each layer's
 * settings, then the shape it receives, then the shape it produces (by the
 * engine's own shape arithmetic), and finally the whole model through `summary`.
 * The first problem found is reported with the layer's position and type, so an
 * editor can point at the row to fix.
 */
import { models, nn, summary } from '../engine/index.ts';
import type { ModelSummary } from '../engine/index.ts';
import { ACTIVATION_KINDS, ARCHITECTURE_KINDS, LAYER_TYPES, TRAIN_LIMITS, ZOO_MODELS } from './config.ts';
import type { ArchitectureSpec, LayerSpec, StackSpec } from './config.ts';

/** MNIST and Fashion-MNIST: one grey channel of 28x28. */
export const IMAGE_SHAPE: readonly number[] = Object.freeze([1, 28, 28]);
/** Both datasets have ten classes. */
export const NUM_CLASSES = 10;

/** A broken architecture. For a stack, names the layer at fault (index from 0). */
export class ArchitectureError extends Error {
  /** Position of the layer in the stack, from 0; undefined when no single layer is at fault. */
  readonly layerIndex: number | undefined;
  /** The layer's `type` ('conv', 'pool', ...). */
  readonly layerType: string | undefined;

  constructor(message: string, layerIndex?: number, layerType?: string) {
    super(message);
    this.name = 'ArchitectureError';
    this.layerIndex = layerIndex;
    this.layerType = layerType;
  }
}

/** One layer of a checked model, as a summary row. */
export interface LayerRow {
  /** Dotted name in the model ("3" in a stack, "features.0" in LeNet-5). */
  name: string;
  /** Engine type ("Conv2d"). */
  type: string;
  /** Output shape for one image (no batch dimension). */
  outputShape: number[];
  params: number;
  /** Multiply-accumulates for one image, for conv and linear layers. */
  macs?: number;
}

/** What `checkArchitecture` found. */
export type ArchitectureCheck =
  | { ok: true; layers: LayerRow[]; totalParams: number; totalMacs: number }
  | { ok: false; message: string; layerIndex?: number; layerType?: string };

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Seeds every initial weight and dropout mask. */
  seed: number;
  /** One image, [C, H, W] (default 1x28x28). */
  inputShape?: readonly number[];
  /** Outputs of the last layer (default 10). */
  numClasses?: number;
}

/** A built model and its summary for one image. */
export interface BuiltModel {
  model: nn.Module;
  summary: ModelSummary;
  layers: LayerRow[];
}

function describeShape(shape: readonly number[]): string {
  return shape.length === 1 ? `a flat vector of ${shape[0]}` : `[${shape.join(', ')}]`;
}

function layerLabel(index: number, layer: LayerSpec | undefined): string {
  return `layer ${index} (${typeof layer?.type === 'string' ? layer.type : 'unknown'})`;
}

/**
 * The range of each layer setting (inclusive). The stack editor's fields state and
 * enforce the same bounds, so a value the builder would refuse is refused as it is typed.
 */
export const LAYER_BOUNDS = Object.freeze({
  outChannels: { min: 1, max: 512 },
  convKernel: { min: 1, max: 28 },
  convStride: { min: 1, max: 8 },
  convPadding: { min: 0, max: 7 },
  poolKernel: { min: 1, max: 28 },
  poolStride: { min: 1, max: 28 },
  outFeatures: { min: 1, max: 4096 },
});

/** Builds one stack layer for an input of `shape` (one image), or throws the reason. */
function buildLayer(layer: LayerSpec, shape: readonly number[], seed: number): nn.Module {
  const integer = (value: unknown, name: string, min: number, max: number, optional = false): number | undefined => {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const needMaps = (what: string) => {
    if (shape.length !== 3) {
      throw new Error(`${what} needs [channels, height, width] maps, but its input is ${describeShape(shape)} (it comes after a flatten)`);
    }
  };
  switch (layer.type) {
    case 'conv': {
      needMaps('a convolution');
      const outChannels = integer(layer.outChannels, 'outChannels', LAYER_BOUNDS.outChannels.min, LAYER_BOUNDS.outChannels.max)!;
      const kernelSize = integer(layer.kernelSize, 'kernelSize', LAYER_BOUNDS.convKernel.min, LAYER_BOUNDS.convKernel.max)!;
      const stride = integer(layer.stride, 'stride', LAYER_BOUNDS.convStride.min, LAYER_BOUNDS.convStride.max, true) ?? 1;
      const padding = integer(layer.padding, 'padding', LAYER_BOUNDS.convPadding.min, LAYER_BOUNDS.convPadding.max, true) ?? 0;
      return new nn.Conv2d(shape[0], outChannels, kernelSize, { stride, padding, seed });
    }
    case 'pool': {
      needMaps('pooling');
      if (layer.kind !== 'max' && layer.kind !== 'avg') throw new Error(`kind must be 'max' or 'avg', got ${JSON.stringify(layer.kind)}`);
      const kernelSize = integer(layer.kernelSize, 'kernelSize', LAYER_BOUNDS.poolKernel.min, LAYER_BOUNDS.poolKernel.max)!;
      const stride = integer(layer.stride, 'stride', LAYER_BOUNDS.poolStride.min, LAYER_BOUNDS.poolStride.max, true) ?? kernelSize;
      return layer.kind === 'max' ? new nn.MaxPool2d(kernelSize, { stride }) : new nn.AvgPool2d(kernelSize, { stride });
    }
    case 'activation':
      switch (layer.kind) {
        case 'relu':
          return new nn.ReLU();
        case 'tanh':
          return new nn.Tanh();
        case 'sigmoid':
          return new nn.Sigmoid();
        case 'leakyRelu':
          return new nn.LeakyReLU();
        default:
          throw new Error(`kind must be one of ${ACTIVATION_KINDS.join(', ')}, got ${JSON.stringify((layer as { kind: unknown }).kind)}`);
      }
    case 'flatten':
      if (shape.length === 1) throw new Error('its input is already flat: remove it');
      return new nn.Flatten();
    case 'linear': {
      if (shape.length !== 1) {
        throw new Error(`a fully connected layer needs a flat vector, but its input is ${describeShape(shape)} maps: put a flatten layer before it`);
      }
      const outFeatures = integer(layer.outFeatures, 'outFeatures', LAYER_BOUNDS.outFeatures.min, LAYER_BOUNDS.outFeatures.max)!;
      return new nn.Linear(shape[0], outFeatures, { seed });
    }
    case 'dropout': {
      const p = layer.p ?? 0.5;
      if (typeof p !== 'number' || !(p >= 0 && p < 1)) throw new Error(`p must be a probability in [0, 1), got ${JSON.stringify(p)}`);
      return new nn.Dropout({ p, seed });
    }
    default:
      throw new Error(`unknown layer type ${JSON.stringify((layer as { type: unknown }).type)}; expected one of ${LAYER_TYPES.join(', ')}`);
  }
}

/**
 * Builds a stack, checking each layer against the shape that reaches it. Each
 * layer gets its position as a provisional seed (so building draws nothing from
 * the engine-wide generator); `buildModel` then reseeds the whole model.
 */
function buildStack(spec: StackSpec, inputShape: readonly number[], numClasses: number): nn.Sequential {
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new ArchitectureError('the stack has no layers: add at least a flatten and a linear layer');
  }
  if (spec.layers.length > TRAIN_LIMITS.maxLayers) {
    throw new ArchitectureError(`the stack has ${spec.layers.length} layers; at most ${TRAIN_LIMITS.maxLayers} are allowed`);
  }
  const modules: nn.Module[] = [];
  let shape: readonly number[] = inputShape;
  spec.layers.forEach((layer, index) => {
    const label = layerLabel(index, layer);
    if (typeof layer !== 'object' || layer === null) throw new ArchitectureError(`${label}: expected an object`, index);
    try {
      const module = buildLayer(layer, shape, index);
      // The engine's own shape arithmetic, with the batch dimension it expects.
      shape = module.outputShape([1, ...shape]).slice(1);
      if (shape.some((d) => d < 1)) throw new Error(`its output would be empty: ${describeShape(shape)}`);
      modules.push(module);
    } catch (error) {
      if (error instanceof ArchitectureError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ArchitectureError(`${label}: ${reason}`, index, layer.type);
    }
  });
  const lastIndex = spec.layers.length - 1;
  const last = spec.layers[lastIndex];
  if (shape.length !== 1 || shape[0] !== numClasses) {
    const fix = shape.length === 1 ? `end with a linear layer of ${numClasses} outputs` : `end with a flatten and a linear layer of ${numClasses} outputs`;
    throw new ArchitectureError(
      `${layerLabel(lastIndex, last)}: the network must end with ${numClasses} scores, one per class, but it outputs ${describeShape(shape)}: ${fix}`,
      lastIndex,
      last.type,
    );
  }
  if (last.type !== 'linear') {
    throw new ArchitectureError(
      `${layerLabel(lastIndex, last)}: the last layer must be linear: its ${numClasses} outputs are the class scores that cross-entropy turns into probabilities`,
      lastIndex,
      last.type,
    );
  }
  return new nn.Sequential(...modules);
}

/**
 * One of the zoo's small models for `inputShape`. Their default widths suit
 * 28x28: miniAlexNet's three overlapping pools leave 2x2 maps, miniVgg's three
 * 2x2 pools leave 3x3, miniResNet ends in global average pooling. miniResNet has
 * BatchNorm, so `parallel.ts` (`canSplit`) trains it on one worker: statistics
 * over half a batch are not those of the whole batch.
 */
function buildZoo(name: unknown, inputShape: readonly number[], numClasses: number, seed: number): nn.Module {
  if (!(ZOO_MODELS as readonly unknown[]).includes(name)) {
    throw new ArchitectureError(`zoo: model must be one of ${ZOO_MODELS.join(', ')}, got ${JSON.stringify(name)}`);
  }
  const [inChannels, height, width] = inputShape;
  if (height !== width) throw new ArchitectureError(`zoo: ${String(name)} takes square images, got ${inputShape.join('x')}`);
  try {
    switch (name as (typeof ZOO_MODELS)[number]) {
      case 'miniAlexNet':
        return models.miniAlexNet({ inChannels, inputSize: height, numClasses, seed });
      case 'miniVgg':
        return models.miniVgg({ inChannels, inputSize: height, numClasses, seed });
      case 'miniResNet':
        return models.miniResNet({ inChannels, numClasses, seed });
    }
  } catch (error) {
    throw new ArchitectureError(`zoo: ${String(name)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  throw new ArchitectureError(`zoo: unknown model ${JSON.stringify(name)}`);
}

function rowsOf(result: ModelSummary): LayerRow[] {
  return result.layers.map((row) => ({
    name: row.name,
    type: row.type,
    outputShape: row.outputShape.slice(1),
    params: row.params,
    ...(row.macs !== undefined ? { macs: row.macs } : {}),
  }));
}

/**
 * Builds the model an architecture spec describes, with initial weights from
 * `seed`, and checks it end to end with `summary` (no weight is allocated until
 * training touches it). Throws an {@link ArchitectureError} naming the layer at
 * fault.
 *
 * @example buildModel({ kind: 'lenet5' }, { seed: 1 }).summary.totalParams // 61706
 */
export function buildModel(spec: ArchitectureSpec, options: BuildOptions): BuiltModel {
  const inputShape = options.inputShape ?? IMAGE_SHAPE;
  const numClasses = options.numClasses ?? NUM_CLASSES;
  let model: nn.Module;
  if (spec?.kind === 'lenet5') {
    const activation = spec.activation ?? 'tanh';
    const pooling = spec.pooling ?? 'avg';
    if (activation !== 'tanh' && activation !== 'relu') throw new ArchitectureError(`lenet5: activation must be 'tanh' or 'relu', got ${JSON.stringify(activation)}`);
    if (pooling !== 'avg' && pooling !== 'max') throw new ArchitectureError(`lenet5: pooling must be 'avg' or 'max', got ${JSON.stringify(pooling)}`);
    if (inputShape[1] !== 28 || inputShape[2] !== 28) throw new ArchitectureError(`lenet5 takes 28x28 images, got ${inputShape.join('x')}`);
    model = models.lenet5({ inputSize: 28, inChannels: inputShape[0], activation, pooling, numClasses, seed: options.seed });
  } else if (spec?.kind === 'stack') {
    model = buildStack(spec, inputShape, numClasses);
  } else if (spec?.kind === 'zoo') {
    model = buildZoo(spec.model, inputShape, numClasses, options.seed);
  } else {
    throw new ArchitectureError(`architecture.kind must be one of ${ARCHITECTURE_KINDS.join(', ')}, got ${JSON.stringify((spec as { kind?: unknown } | null)?.kind)}`);
  }
  model.reseed(options.seed);
  let result: ModelSummary;
  try {
    result = summary(model, [1, ...inputShape]);
  } catch (error) {
    // Unreachable for a stack that passed the per-layer checks; kept so a future
    // layer kind cannot slip through unchecked.
    throw new ArchitectureError(error instanceof Error ? error.message : String(error));
  }
  if (result.totalParams > TRAIN_LIMITS.maxParams) {
    throw new ArchitectureError(
      `the network has ${result.totalParams.toLocaleString('en-US')} parameters; at most ${TRAIN_LIMITS.maxParams.toLocaleString('en-US')} train in reasonable time in a browser`,
    );
  }
  return { model, summary: result, layers: rowsOf(result) };
}

/**
 * Checks an architecture without keeping the model: cheap enough (no weights
 * are allocated) to run on every edit of a stack, on the page itself.
 *
 * @example checkArchitecture({ kind: 'stack', layers: [{ type: 'linear', outFeatures: 10 }] })
 * // { ok: false, layerIndex: 0, layerType: 'linear', message: 'layer 0 (linear): a fully connected layer needs a flat vector, ...' }
 */
export function checkArchitecture(
  spec: ArchitectureSpec,
  inputShape: readonly number[] = IMAGE_SHAPE,
  numClasses = NUM_CLASSES,
): ArchitectureCheck {
  try {
    const built = buildModel(spec, { seed: 0, inputShape, numClasses });
    return { ok: true, layers: built.layers, totalParams: built.summary.totalParams, totalMacs: built.summary.totalMacs };
  } catch (error) {
    if (error instanceof ArchitectureError) {
      return {
        ok: false,
        message: error.message,
        ...(error.layerIndex !== undefined ? { layerIndex: error.layerIndex } : {}),
        ...(error.layerType !== undefined ? { layerType: error.layerType } : {}),
      };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
