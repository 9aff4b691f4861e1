/**
 * Pieces shared by the model zoo: the options every model takes, the
 * "features -> pool -> flatten -> classifier" skeleton of LeNet, AlexNet and
 * VGG, and torchvision's weight initialisation.
 */
import type { Tensor } from '../tensor.ts';
import { Module } from '../nn/module.ts';
import { Flatten } from '../nn/linear.ts';
import { Conv2d } from '../nn/conv.ts';
import { Linear } from '../nn/linear.ts';
import { BatchNorm2d } from '../nn/normalization.ts';
import { ReLU, Tanh, Sigmoid, LeakyReLU } from '../nn/activation.ts';
import type { Sequential } from '../nn/container.ts';
import type { ShapeTracer, TraceState } from '../nn/trace.ts';
import { constant, kaimingNormal, normal } from '../nn/init.ts';

/** Options every model builder takes. */
export interface ModelOptions {
  /** Size of the output layer. */
  numClasses?: number;
  /**
   * Seed for every initial weight (and dropout mask): same seed, same model.
   * Without it the engine-wide generator is used (see `manualSeed`).
   */
  seed?: number;
}

/** Activations a small model can be built with. */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid' | 'leakyRelu';

/** A fresh activation layer by name. */
export function activationLayer(name: ActivationName): Module {
  switch (name) {
    case 'relu':
      return new ReLU();
    case 'tanh':
      return new Tanh();
    case 'sigmoid':
      return new Sigmoid();
    case 'leakyRelu':
      return new LeakyReLU();
    default:
      throw new Error(`unknown activation '${String(name)}' (expected relu, tanh, sigmoid or leakyRelu)`);
  }
}

/** Checks numClasses and seeds the finished model. */
export function finish<M extends Module>(model: M, options: ModelOptions): M {
  if (options.seed !== undefined) model.reseed(options.seed);
  return model;
}

/** `numClasses` if it is a positive integer. */
export function classCount(builder: string, numClasses: number): number {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`${builder}: numClasses must be a positive integer, got ${String(numClasses)}`);
  }
  return numClasses;
}

/**
 * The classic CNN skeleton, as torchvision's AlexNet and VGG: a convolutional
 * `features` stack, an optional `avgpool` that fixes the spatial size, a
 * `flatten` (start dim 1), and a fully connected `classifier`. Parameter names
 * match torchvision's ("features.0.weight", "classifier.6.bias").
 */
export class ConvNet extends Module {
  readonly features: Sequential;
  readonly avgpool: Module | null;
  readonly flatten: Flatten;
  readonly classifier: Sequential;
  readonly #typeName: string;

  constructor(typeName: string, features: Sequential, avgpool: Module | null, classifier: Sequential) {
    super();
    this.#typeName = typeName;
    this.features = features;
    this.avgpool = avgpool;
    this.flatten = new Flatten();
    this.classifier = classifier;
  }

  override get typeName(): string {
    return this.#typeName;
  }

  forward(x: Tensor): Tensor {
    let out = this.runChild('features', this.features, x);
    if (this.avgpool) out = this.runChild('avgpool', this.avgpool, out);
    out = this.runChild('flatten', this.flatten, out);
    return this.runChild('classifier', this.classifier, out);
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    let state = this.traceChild('features', this.features, input, tracer, name);
    if (this.avgpool) state = this.traceChild('avgpool', this.avgpool, state, tracer, name);
    state = this.traceChild('flatten', this.flatten, state, tracer, name);
    return this.traceChild('classifier', this.classifier, state, tracer, name);
  }
}

/**
 * torchvision's initialisation for VGG and ResNet: convolutions He-normal for
 * the backward pass (fan_out, ReLU), conv biases 0, BatchNorm scale 1 and shift 0;
 * with `linearStd`, linear weights N(0, linearStd^2) and biases 0 (VGG), else
 * PyTorch's Linear default (ResNet).
 */
export function torchvisionInit(model: Module, linearStd: number | null): void {
  for (const module of model.modules()) {
    if (module instanceof Conv2d) {
      module.setInitializer('weight', kaimingNormal({ mode: 'fan_out', nonlinearity: 'relu' }));
      if (module.hasBias) module.setInitializer('bias', constant(0));
    } else if (module instanceof BatchNorm2d && module.affine) {
      module.setInitializer('weight', constant(1));
      module.setInitializer('bias', constant(0));
    } else if (module instanceof Linear && linearStd !== null) {
      module.setInitializer('weight', normal(0, linearStd));
      if (module.hasBias) module.setInitializer('bias', constant(0));
    }
  }
}
