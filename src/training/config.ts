/**
 * What a training run is made of, as plain JSON: the dataset, the network, the
 * optimiser and the schedule. Nothing here imports the engine, so a page can lay
 * out its controls (and a URL or IndexedDB can hold a run) without loading it.
 */

/** Datasets the trainer can load. */
export const TRAIN_DATASETS = ['mnist', 'fashion-mnist'] as const;
/** One of {@link TRAIN_DATASETS}. */
export type TrainDataset = (typeof TRAIN_DATASETS)[number];

/**
 * Each dataset's mean and standard deviation of pixel values (on the 0..1
 * scale, over its training set): inputs are standardised to (x - mean) / std,
 * as PyTorch code does with `transforms.Normalize`, so they are centred on 0
 * with unit spread, which makes the first layers train much faster.
 */
export const DATASET_SCALING: Readonly<Record<TrainDataset, Readonly<{ mean: number; std: number }>>> = Object.freeze({
  mnist: Object.freeze({ mean: 0.1307, std: 0.3081 }),
  'fashion-mnist': Object.freeze({ mean: 0.286, std: 0.353 }),
});

/** Activations a learner can put in a stack (the engine's names). */
export const ACTIVATION_KINDS = ['relu', 'tanh', 'sigmoid', 'leakyRelu'] as const;
/** One of {@link ACTIVATION_KINDS}. */
export type ActivationKind = (typeof ACTIVATION_KINDS)[number];

/** A convolution; its input channels follow from the layer before. */
export interface ConvLayerSpec {
  type: 'conv';
  outChannels: number;
  kernelSize: number;
  /** Default 1. */
  stride?: number;
  /** Zero padding on each side, default 0. */
  padding?: number;
}

/** Max or average pooling. */
export interface PoolLayerSpec {
  type: 'pool';
  kind: 'max' | 'avg';
  kernelSize: number;
  /** Default: the kernel size (windows do not overlap). */
  stride?: number;
}

/** A non-linearity applied to every value. */
export interface ActivationLayerSpec {
  type: 'activation';
  kind: ActivationKind;
}

/** Turns [C, H, W] maps into one row of C*H*W features. */
export interface FlattenLayerSpec {
  type: 'flatten';
}

/** A fully connected layer; its input size follows from the layer before. */
export interface LinearLayerSpec {
  type: 'linear';
  outFeatures: number;
}

/** Dropout; `p` defaults to 0.5. */
export interface DropoutLayerSpec {
  type: 'dropout';
  p?: number;
}

/** One layer of a learner-editable stack. */
export type LayerSpec =
  | ConvLayerSpec
  | PoolLayerSpec
  | ActivationLayerSpec
  | FlattenLayerSpec
  | LinearLayerSpec
  | DropoutLayerSpec;

/** The kinds of layer, in the order an editor offers them. */
export const LAYER_TYPES = ['conv', 'pool', 'activation', 'flatten', 'linear', 'dropout'] as const;

/** LeNet-5 from the model zoo, for 28x28 input (the first convolution pads by 2). */
export interface LeNet5Spec {
  kind: 'lenet5';
  /** Default 'tanh', as in the paper. */
  activation?: 'tanh' | 'relu';
  /** Default 'avg', as in the paper (subsampling). */
  pooling?: 'avg' | 'max';
}

/** A stack of layers the learner built; the last must output one value per class. */
export interface StackSpec {
  kind: 'stack';
  layers: LayerSpec[];
}

/** The engine zoo's small models the trainer offers (built for 1x28x28 input, ten classes). */
export const ZOO_MODELS = ['miniAlexNet', 'miniVgg', 'miniResNet'] as const;
/** One of {@link ZOO_MODELS}. */
export type ZooModelName = (typeof ZOO_MODELS)[number];

/** A small model from the engine's zoo, with its default settings. */
export interface ZooSpec {
  kind: 'zoo';
  model: ZooModelName;
}

/** The network to train. */
export type ArchitectureSpec = LeNet5Spec | StackSpec | ZooSpec;

/** The kinds of architecture, for messages. */
export const ARCHITECTURE_KINDS = ['lenet5', 'stack', 'zoo'] as const;

/** Optimisers the trainer offers: 'momentum' is SGD with momentum. */
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adam'] as const;
/** One of {@link OPTIMIZER_KINDS}. */
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/** The optimiser and its hyper-parameters. */
export interface OptimizerConfig {
  kind: OptimizerKind;
  /** Learning rate. */
  lr: number;
  /** Momentum factor, used by 'momentum' only. */
  momentum: number;
  /** L2 penalty added to the gradient (PyTorch's weight_decay). */
  weightDecay: number;
}

/** Everything that defines a run. Same config (seed included), same run. */
export interface TrainConfig {
  dataset: TrainDataset;
  architecture: ArchitectureSpec;
  optimizer: OptimizerConfig;
  batchSize: number;
  epochs: number;
  /** Seeds the initial weights, the order of the training images and dropout. */
  seed: number;
  /** Train on the first `trainLimit` training images only (default: all of them). */
  trainLimit?: number;
  /** Evaluate on the first `testLimit` test images only (default: all of them). */
  testLimit?: number;
}

/** The default optimiser of each kind: what the controls reset to when the kind changes. */
export const OPTIMIZER_DEFAULTS: Readonly<Record<OptimizerKind, Readonly<OptimizerConfig>>> = Object.freeze({
  sgd: Object.freeze({ kind: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 }),
  momentum: Object.freeze({ kind: 'momentum', lr: 0.02, momentum: 0.9, weightDecay: 0 }),
  adam: Object.freeze({ kind: 'adam', lr: 0.001, momentum: 0, weightDecay: 0 }),
});

/**
 * The default run: LeNet-5 (tanh, as in the paper, with max pooling, which
 * trains faster than the paper's averaging) on MNIST, SGD with momentum,
 * batches of 64, two epochs. It reaches 98% test accuracy within those two
 * epochs (the bench measures it on the full sets).
 */
export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze({
  dataset: 'mnist',
  architecture: Object.freeze({ kind: 'lenet5', activation: 'tanh', pooling: 'max' }) as LeNet5Spec,
  optimizer: OPTIMIZER_DEFAULTS.momentum,
  batchSize: 64,
  epochs: 2,
  seed: 1,
});

/** A small stack to start editing from: conv, pool, conv, pool, two full layers. */
export const DEFAULT_STACK: Readonly<StackSpec> = Object.freeze({
  kind: 'stack',
  layers: [
    { type: 'conv', outChannels: 8, kernelSize: 5, padding: 2 },
    { type: 'activation', kind: 'relu' },
    { type: 'pool', kind: 'max', kernelSize: 2 },
    { type: 'conv', outChannels: 16, kernelSize: 5 },
    { type: 'activation', kind: 'relu' },
    { type: 'pool', kind: 'max', kernelSize: 2 },
    { type: 'flatten' },
    { type: 'linear', outFeatures: 64 },
    { type: 'activation', kind: 'relu' },
    { type: 'linear', outFeatures: 10 },
  ],
}) as StackSpec;

/** Limits that keep a run inside what a browser tab can do. */
export const TRAIN_LIMITS = Object.freeze({
  maxBatchSize: 1024,
  maxEpochs: 100,
  maxLayers: 32,
  /** More parameters than this would take minutes per epoch in a tab. */
  maxParams: 4_000_000,
});

function fail(message: string): never {
  throw new Error(`TrainConfig: ${message}`);
}

function positiveInt(value: unknown, name: string, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    fail(`${name} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
}

/**
 * Checks everything in a config except the architecture's layers (those need
 * shape tracing: see `checkArchitecture`). Throws an Error naming the field and
 * the value.
 */
export function checkTrainConfig(config: TrainConfig): void {
  if (typeof config !== 'object' || config === null) fail(`expected an object, got ${JSON.stringify(config)}`);
  if (!(TRAIN_DATASETS as readonly string[]).includes(config.dataset)) {
    fail(`dataset must be one of ${TRAIN_DATASETS.join(', ')}, got ${JSON.stringify(config.dataset)}`);
  }
  const archKind = (config.architecture as { kind?: unknown } | undefined)?.kind;
  if (!(ARCHITECTURE_KINDS as readonly unknown[]).includes(archKind)) {
    fail(`architecture.kind must be one of ${ARCHITECTURE_KINDS.join(', ')}, got ${JSON.stringify(archKind)}`);
  }
  if (archKind === 'zoo') {
    const model = (config.architecture as { model?: unknown }).model;
    if (!(ZOO_MODELS as readonly unknown[]).includes(model)) {
      fail(`architecture.model must be one of ${ZOO_MODELS.join(', ')}, got ${JSON.stringify(model)}`);
    }
  }
  const opt = config.optimizer as OptimizerConfig | undefined;
  if (!opt || !(OPTIMIZER_KINDS as readonly string[]).includes(opt.kind)) {
    fail(`optimizer.kind must be one of ${OPTIMIZER_KINDS.join(', ')}, got ${JSON.stringify(opt?.kind)}`);
  }
  if (!(typeof opt.lr === 'number' && opt.lr > 0 && opt.lr <= 10)) fail(`optimizer.lr must be a number in (0, 10], got ${JSON.stringify(opt.lr)}`);
  if (!(typeof opt.momentum === 'number' && opt.momentum >= 0 && opt.momentum < 1)) {
    fail(`optimizer.momentum must be a number in [0, 1), got ${JSON.stringify(opt.momentum)}`);
  }
  if (!(typeof opt.weightDecay === 'number' && opt.weightDecay >= 0 && opt.weightDecay <= 1)) {
    fail(`optimizer.weightDecay must be a number in [0, 1], got ${JSON.stringify(opt.weightDecay)}`);
  }
  positiveInt(config.batchSize, 'batchSize', TRAIN_LIMITS.maxBatchSize);
  positiveInt(config.epochs, 'epochs', TRAIN_LIMITS.maxEpochs);
  if (!(typeof config.seed === 'number' && Number.isInteger(config.seed) && config.seed >= 0 && config.seed <= 0xffffffff)) {
    fail(`seed must be an integer from 0 to 4294967295, got ${JSON.stringify(config.seed)}`);
  }
  if (config.trainLimit !== undefined) positiveInt(config.trainLimit, 'trainLimit', 1_000_000);
  if (config.testLimit !== undefined) positiveInt(config.testLimit, 'testLimit', 1_000_000);
}
