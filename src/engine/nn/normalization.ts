/**
 * Normalisation layers: `nn.BatchNorm2d` (learned per-channel scale and shift
 * after standardising over the batch) and `nn.LocalResponseNorm` (AlexNet's
 * cross-channel damping).
 */
import type { Tensor } from '../tensor.ts';
import { batchNorm } from '../ops/batchNorm.ts';
import { localResponseNorm } from '../ops/localResponseNorm.ts';
import { Module } from './module.ts';
import { constant, ones, zeros } from './init.ts';
import { positiveInteger } from './args.ts';

/** Optional arguments of `nn.BatchNorm2d`. */
export interface BatchNorm2dOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Weight of each new batch in the running statistics (default 0.1); null for a plain cumulative average. */
  momentum?: number | null;
  /** Learn a per-channel scale (weight) and shift (bias) (default true). */
  affine?: boolean;
  /** Keep running statistics for evaluation (default true); without them evaluation uses the batch's. */
  trackRunningStats?: boolean;
}

/**
 * Batch normalisation over [N, C, H, W], as `torch.nn.BatchNorm2d(num_features)`.
 * Parameters weight (ones) and bias (zeros); buffers running_mean (zeros),
 * running_var (ones) and num_batches_tracked (0), with PyTorch's names, so
 * `stateDict()` keys match a PyTorch checkpoint.
 */
export class BatchNorm2d extends Module {
  static readonly typeName = 'BatchNorm2d';
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;

  constructor(numFeatures: number, options: BatchNorm2dOptions = {}) {
    super();
    this.numFeatures = positiveInteger('BatchNorm2d', 'num_features', numFeatures);
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    if (this.affine) {
      this.registerParameter('weight', [numFeatures], ones());
      this.registerParameter('bias', [numFeatures], zeros());
    }
    if (this.trackRunningStats) {
      this.registerBuffer('running_mean', [numFeatures], zeros());
      this.registerBuffer('running_var', [numFeatures], ones());
      this.registerBuffer('num_batches_tracked', [], constant(0));
    }
  }

  /** The learned per-channel scale (gamma), or null without `affine`. */
  get weight(): Tensor | null {
    return this.affine ? this.tensorOf('weight') : null;
  }

  /** The learned per-channel shift (beta), or null without `affine`. */
  get bias(): Tensor | null {
    return this.affine ? this.tensorOf('bias') : null;
  }

  /** The running mean per channel, or null without `trackRunningStats`. */
  get runningMean(): Tensor | null {
    return this.trackRunningStats ? this.tensorOf('running_mean') : null;
  }

  /** The running (unbiased) variance per channel, or null without `trackRunningStats`. */
  get runningVar(): Tensor | null {
    return this.trackRunningStats ? this.tensorOf('running_var') : null;
  }

  /** How many training batches have updated the running statistics, or null. */
  get numBatchesTracked(): Tensor | null {
    return this.trackRunningStats ? this.tensorOf('num_batches_tracked') : null;
  }

  forward(x: Tensor): Tensor {
    this.#checkInput(x.shape);
    let factor = this.momentum ?? 0;
    if (this.training && this.trackRunningStats) {
      const counter = this.numBatchesTracked!;
      counter.data[0] += 1;
      // momentum = null: the running statistics become a plain average of every batch so far.
      if (this.momentum === null) factor = 1 / counter.data[0];
    }
    return batchNorm(x, this.runningMean, this.runningVar, this.weight, this.bias, {
      training: this.training || !this.trackRunningStats,
      momentum: factor,
      eps: this.eps,
    });
  }

  #checkInput(shape: readonly number[]): void {
    if (shape.length !== 4) throw new Error(`expected 4D input (got ${shape.length}D input)`);
  }

  override outputShape(inputShape: readonly number[]): number[] {
    this.#checkInput(inputShape);
    if (inputShape[1] !== this.numFeatures) {
      const name = this.trackRunningStats ? 'running_mean' : 'weight';
      throw new Error(`${name} should contain ${inputShape[1]} elements not ${this.numFeatures}`);
    }
    return [...inputShape];
  }

  override extraRepr(): string {
    const cap = (b: boolean) => (b ? 'True' : 'False');
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum ?? 'None'}, affine=${cap(this.affine)}, track_running_stats=${cap(this.trackRunningStats)}`;
  }
}

/** Optional arguments of `nn.LocalResponseNorm`. */
export interface LocalResponseNormModuleOptions {
  /** Default 1e-4 (divided by size, as in PyTorch). */
  alpha?: number;
  /** Default 0.75. */
  beta?: number;
  /** Default 1. */
  k?: number;
}

/**
 * AlexNet's "norm" layer, as `torch.nn.LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1)`:
 * each activation is divided by (k + alpha/size * sum of squares over `size`
 * neighbouring channels)^beta. No parameters.
 *
 * @example new nn.LocalResponseNorm(5, { alpha: 1e-4, beta: 0.75, k: 2 }) // AlexNet's setting
 */
export class LocalResponseNorm extends Module {
  static readonly typeName = 'LocalResponseNorm';
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;

  constructor(size: number, options: LocalResponseNormModuleOptions = {}) {
    super();
    this.size = positiveInteger('LocalResponseNorm', 'size', size);
    this.alpha = options.alpha ?? 1e-4;
    this.beta = options.beta ?? 0.75;
    this.k = options.k ?? 1;
  }

  forward(x: Tensor): Tensor {
    return localResponseNorm(x, this.size, { alpha: this.alpha, beta: this.beta, k: this.k });
  }

  override outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length < 3) {
      throw new Error(`Expected 3D or higher dimensionality input (got ${inputShape.length} dimensions)`);
    }
    return [...inputShape];
  }

  override extraRepr(): string {
    return `${this.size}, alpha=${this.alpha}, beta=${this.beta}, k=${this.k}`;
  }
}
