/**
 * Activation layers. Each applies its function to every element and keeps the
 * shape, so for `summary` they are all the same: output shape = input shape.
 */
import type { Tensor } from '../tensor.ts';
import { normalizeDim } from '../tensor.ts';
import { relu, leakyRelu, rrelu, sigmoid, tanh } from '../ops/activations.ts';
import { softmax } from '../ops/softmax.ts';
import { Random } from '../random.ts';
import { Module, drawSeed } from './module.ts';

/** A layer that maps each element on its own: the shape passes through. */
abstract class ElementwiseModule extends Module {
  override outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
}

/** max(0, x), as `torch.nn.ReLU()`. */
export class ReLU extends ElementwiseModule {
  static readonly typeName = 'ReLU';

  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** Optional arguments of `nn.LeakyReLU`. */
export interface LeakyReLUOptions {
  /** Slope for negative inputs (default 0.01). */
  negativeSlope?: number;
}

/** max(0, x) + negativeSlope * min(0, x), as `torch.nn.LeakyReLU(negative_slope=0.01)`. */
export class LeakyReLU extends ElementwiseModule {
  static readonly typeName = 'LeakyReLU';
  readonly negativeSlope: number;

  constructor(options: LeakyReLUOptions = {}) {
    super();
    this.negativeSlope = options.negativeSlope ?? 0.01;
  }

  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }

  override extraRepr(): string {
    return `negative_slope=${this.negativeSlope}`;
  }
}

/** Optional arguments of `nn.RReLU`. */
export interface RReLUOptions {
  /** Smallest random slope (default 1/8). */
  lower?: number;
  /** Largest random slope (default 1/3). */
  upper?: number;
  /** Seed for the slopes drawn in training (default: one draw from the engine-wide generator). */
  seed?: number;
}

/**
 * Randomised leaky ReLU, as `torch.nn.RReLU(lower=1/8, upper=1/3)`: in training
 * every negative element gets a slope drawn from [lower, upper], fresh on every
 * call; in evaluation the slope is the mean (lower + upper) / 2.
 */
export class RReLU extends ElementwiseModule {
  static readonly typeName = 'RReLU';
  readonly lower: number;
  readonly upper: number;
  #rng: Random;

  constructor(options: RReLUOptions = {}) {
    super();
    this.lower = options.lower ?? 1 / 8;
    this.upper = options.upper ?? 1 / 3;
    if (!(this.lower <= this.upper)) {
      throw new Error(`RReLU: Lower bound should be less than or equal to the upper bound (got lower=${this.lower}, upper=${this.upper})`);
    }
    this.#rng = new Random(options.seed ?? drawSeed());
  }

  forward(x: Tensor): Tensor {
    const seed = this.training ? this.#rng.int(0x100000000) : undefined;
    return rrelu(x, { lower: this.lower, upper: this.upper, training: this.training, seed });
  }

  protected override reseedRandomness(seed: number): void {
    this.#rng = new Random(seed);
  }

  override extraRepr(): string {
    return `lower=${this.lower}, upper=${this.upper}`;
  }
}

/** 1 / (1 + e^-x), as `torch.nn.Sigmoid()`. */
export class Sigmoid extends ElementwiseModule {
  static readonly typeName = 'Sigmoid';

  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** Hyperbolic tangent, as `torch.nn.Tanh()`. */
export class Tanh extends ElementwiseModule {
  static readonly typeName = 'Tanh';

  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** Optional arguments of `nn.Softmax`. */
export interface SoftmaxOptions {
  /**
   * The dimension that sums to 1. Give it: without it PyTorch's deprecated
   * implicit rule applies (dim 0 for 0-, 1- and 3-D input, else dim 1).
   */
  dim?: number;
}

/** Turns scores into probabilities along `dim`, as `torch.nn.Softmax(dim)`. */
export class Softmax extends ElementwiseModule {
  static readonly typeName = 'Softmax';
  readonly dim: number | undefined;

  constructor(options: SoftmaxOptions = {}) {
    super();
    this.dim = options.dim;
  }

  /** The dimension used for an input with `ndim` dimensions. */
  dimFor(ndim: number): number {
    if (this.dim !== undefined) return this.dim;
    return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
  }

  forward(x: Tensor): Tensor {
    return softmax(x, this.dimFor(x.ndim));
  }

  override outputShape(inputShape: readonly number[]): number[] {
    normalizeDim(this.dimFor(inputShape.length), inputShape.length, 'softmax');
    return [...inputShape];
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}
