/**
 * Small models that train in a browser tab in seconds to minutes: scaled-down
 * AlexNet, VGG and ResNet for 1x28x28 (MNIST) or 3x32x32 (CIFAR-sized) input,
 * the plain and residual networks of He et al.'s degradation experiment, and
 * a multilayer perceptron.
 */
import type { Tensor } from '../tensor.ts';
import { Module } from '../nn/module.ts';
import { Sequential } from '../nn/container.ts';
import { Conv2d } from '../nn/conv.ts';
import { BatchNorm2d, LocalResponseNorm } from '../nn/normalization.ts';
import { ReLU } from '../nn/activation.ts';
import { MaxPool2d, AdaptiveAvgPool2d } from '../nn/pooling.ts';
import { Flatten, Linear } from '../nn/linear.ts';
import { Dropout } from '../nn/dropout.ts';
import { BasicBlock } from '../nn/residual.ts';
import type { ShapeTracer, TraceState } from '../nn/trace.ts';
import { ConvNet, activationLayer, classCount, finish, torchvisionInit } from './common.ts';
import type { ActivationName, ModelOptions } from './common.ts';
import { vggFeatures } from './vgg.ts';
import type { VggConfig } from './vgg.ts';

/** Options of the small image models. */
export interface SmallModelOptions extends ModelOptions {
  /** Default 10. */
  numClasses?: number;
  /** Default 1 (MNIST) for miniAlexNet, 3 for the others. */
  inChannels?: number;
  /** Height = width of the input (default 28 for one channel, 32 for three). */
  inputSize?: number;
}

function inputOf(builder: string, options: SmallModelOptions, defaultChannels: number): [number, number] {
  const inChannels = options.inChannels ?? defaultChannels;
  const inputSize = options.inputSize ?? (inChannels === 1 ? 28 : 32);
  for (const [name, value] of [['inChannels', inChannels], ['inputSize', inputSize]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${builder}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return [inChannels, inputSize];
}

/** Number of features `features` leaves for one input image: what the first Linear must take. */
function flattenedSize(features: Module, inChannels: number, inputSize: number): number {
  const shape = features.outputShape([1, inChannels, inputSize, inputSize]);
  return shape.slice(1).reduce((a, b) => a * b, 1);
}

/**
 * AlexNet's recipe at MNIST scale: five 3x3/5x5 convolutions with ReLU,
 * overlapping 3x3 stride-2 max pools, local response normalisation after the
 * first two pools, and a dropout-regularised three-layer classifier (256, 256,
 * numClasses). About 350 thousand parameters and 11 million
 * multiply-accumulates per 1x28x28 image.
 */
export function miniAlexNet(options: SmallModelOptions & { dropout?: number } = {}): ConvNet {
  const [inChannels, inputSize] = inputOf('miniAlexNet', options, 1);
  const numClasses = classCount('miniAlexNet', options.numClasses ?? 10);
  const p = options.dropout ?? 0.5;
  const norm = () => new LocalResponseNorm(5, { alpha: 1e-4, beta: 0.75, k: 2 });
  const features = new Sequential(
    new Conv2d(inChannels, 32, 5, { padding: 2 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    norm(),
    new Conv2d(32, 64, 3, { padding: 1 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    norm(),
    new Conv2d(64, 96, 3, { padding: 1 }),
    new ReLU(),
    new Conv2d(96, 96, 3, { padding: 1 }),
    new ReLU(),
    new Conv2d(96, 64, 3, { padding: 1 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
  );
  const classifier = new Sequential(
    new Dropout({ p }),
    new Linear(flattenedSize(features, inChannels, inputSize), 256),
    new ReLU(),
    new Dropout({ p }),
    new Linear(256, 256),
    new ReLU(),
    new Linear(256, numClasses),
  );
  return finish(new ConvNet('MiniAlexNet', features, null, classifier), options);
}

/** Options of `miniVgg`. */
export interface MiniVggOptions extends SmallModelOptions {
  /** Channels of each block (default [16, 32, 64]); each block ends in a 2x2 max pool. */
  widths?: readonly number[];
  /** 3x3 convolutions per block (default 2). */
  convsPerBlock?: number;
  /** Width of the hidden fully connected layer (default 128). */
  hidden?: number;
  /** BatchNorm2d after every conv (default false). */
  batchNorm?: boolean;
  /** Dropout before the last layer (default 0.5). */
  dropout?: number;
}

/**
 * VGG's recipe at small scale: blocks of 3x3 convolutions (stride 1, pad 1)
 * with ReLU, each block closed by a 2x2 max pool, then FC hidden - ReLU -
 * Dropout - FC numClasses. Depth is `widths.length * convsPerBlock + 2`.
 */
export function miniVgg(options: MiniVggOptions = {}): ConvNet {
  const [inChannels, inputSize] = inputOf('miniVgg', options, 3);
  const numClasses = classCount('miniVgg', options.numClasses ?? 10);
  const { widths = [16, 32, 64], convsPerBlock = 2, hidden = 128, batchNorm = false, dropout = 0.5 } = options;
  if (widths.length === 0) throw new Error('miniVgg: widths must name at least one block');
  if (!Number.isInteger(convsPerBlock) || convsPerBlock < 1) {
    throw new Error(`miniVgg: convsPerBlock must be a positive integer, got ${String(convsPerBlock)}`);
  }
  const config: VggConfig = widths.flatMap((w) => [...Array<number>(convsPerBlock).fill(w), 'M' as const]);
  const features = vggFeatures(config, batchNorm, inChannels);
  const classifier = new Sequential(
    new Linear(flattenedSize(features, inChannels, inputSize), hidden),
    new ReLU(),
    new Dropout({ p: dropout }),
    new Linear(hidden, numClasses),
  );
  const model = new ConvNet('MiniVGG', features, null, classifier);
  torchvisionInit(model, null);
  return finish(model, options);
}

/** Options of the small residual / plain networks. */
export interface StagedNetOptions extends ModelOptions {
  /** Default 10. */
  numClasses?: number;
  /** Default 3. */
  inChannels?: number;
  /**
   * Weight layers: the stem conv, two per block, and the final FC, so
   * depth = 2 * blocksPerStage * widths.length + 2 (for three stages 8, 14, 20, 26, 32, 44, 56, ...).
   */
  depth?: number;
  /** Channels of each stage; every stage after the first halves the size (stride 2). */
  widths?: readonly number[];
}

/**
 * He et al.'s CIFAR-style network: a 3x3 stem conv with BN and ReLU, stages of
 * two-conv blocks, global average pooling and one FC layer. With `residual`
 * every block has a skip connection (a 1x1 projection where the shape changes);
 * without, it is the same stack with no skips: the "plain" net whose training
 * error grows with depth. Children: conv1, bn1, relu, layer1.., avgpool, flatten, fc.
 */
export class StagedNet extends Module {
  readonly residual: boolean;
  readonly blocksPerStage: number;

  constructor(options: StagedNetOptions & { residual: boolean }, builder: string) {
    super();
    const { inChannels = 3, widths = [16, 32, 64] } = options;
    const depth = options.depth ?? 20;
    const numClasses = classCount(builder, options.numClasses ?? 10);
    const perStage = (depth - 2) / (2 * widths.length);
    if (widths.length === 0 || !Number.isInteger(perStage) || perStage < 1) {
      const examples = [1, 2, 3, 4].map((n) => 2 * n * widths.length + 2).join(', ');
      throw new Error(`${builder}: depth must be 2 * blocks * stages + 2 (with ${widths.length} stages: ${examples}, ...), got ${depth}`);
    }
    this.residual = options.residual;
    this.blocksPerStage = perStage;
    this.registerModule('conv1', new Conv2d(inChannels, widths[0], 3, { padding: 1, bias: false }));
    this.registerModule('bn1', new BatchNorm2d(widths[0]));
    this.registerModule('relu', new ReLU());
    let channels = widths[0];
    widths.forEach((width, s) => {
      const stage = new Sequential();
      for (let b = 0; b < perStage; b++) {
        const stride = s > 0 && b === 0 ? 2 : 1;
        stage.append(new BasicBlock(channels, width, { stride, residual: options.residual }));
        channels = width;
      }
      this.registerModule(`layer${s + 1}`, stage);
    });
    this.registerModule('avgpool', new AdaptiveAvgPool2d(1));
    this.registerModule('flatten', new Flatten());
    this.registerModule('fc', new Linear(channels, numClasses));
  }

  override get typeName(): string {
    return this.residual ? 'ResidualNet' : 'PlainNet';
  }

  forward(x: Tensor): Tensor {
    let out = x;
    for (const [name, child] of this.namedChildren()) out = this.runChild(name, child, out);
    return out;
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    let state = input;
    for (const [childName, child] of this.namedChildren()) state = this.traceChild(childName, child, state, tracer, name);
    return state;
  }
}

function stagedNet(builder: string, residual: boolean, options: StagedNetOptions, defaults: StagedNetOptions): StagedNet {
  const model = new StagedNet({ ...defaults, ...options, residual }, builder);
  torchvisionInit(model, null);
  return finish(model, options);
}

/** A plain (no skip connections) CIFAR-style net; default depth 20, widths [16, 32, 64]. */
export function plainNet(options: StagedNetOptions = {}): StagedNet {
  return stagedNet('plainNet', false, options, {});
}

/** The residual twin of `plainNet` (ResNet-20 by default), same layers plus skips. */
export function residualNet(options: StagedNetOptions = {}): StagedNet {
  return stagedNet('residualNet', true, options, {});
}

/** A small ResNet for in-browser training: depth 8 (one block per stage), widths [8, 16, 32] by default. */
export function miniResNet(options: StagedNetOptions = {}): StagedNet {
  return stagedNet('miniResNet', true, options, { depth: 8, widths: [8, 16, 32] });
}

/** Options of `mlp`. */
export interface MlpOptions extends ModelOptions {
  /** Features of one flattened input (default 784 = 28 * 28). */
  inFeatures?: number;
  /** Width of each hidden layer (default [128]). */
  hidden?: readonly number[];
  /** Default 10. */
  numClasses?: number;
  /** Default 'relu'. */
  activation?: ActivationName;
}

/**
 * A multilayer perceptron: Flatten, then Linear - activation per hidden layer,
 * then Linear to numClasses. Every input pixel is its own feature: the
 * baseline the first lesson compares a CNN against.
 */
export function mlp(options: MlpOptions = {}): Sequential {
  const { inFeatures = 784, hidden = [128], activation = 'relu' } = options;
  const numClasses = classCount('mlp', options.numClasses ?? 10);
  const model = new Sequential(new Flatten());
  let width = inFeatures;
  for (const h of hidden) {
    model.append(new Linear(width, h)).append(activationLayer(activation));
    width = h;
  }
  model.append(new Linear(width, numClasses));
  return finish(model, options);
}
