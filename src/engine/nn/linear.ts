/**
 * `nn.Linear` (the fully connected layer), `nn.Flatten` (the bridge to it from a
 * feature volume) and `nn.Identity`.
 */
import type { Tensor } from '../tensor.ts';
import { normalizeDim } from '../tensor.ts';
import { linear } from '../ops/linear.ts';
import { flatten } from '../ops/flatten.ts';
import { Module } from './module.ts';
import { defaultBias, defaultWeight } from './init.ts';
import { positiveInteger } from './args.ts';

/** Optional arguments of `nn.Linear`. */
export interface LinearOptions {
  /** Learn a bias per output (default true). */
  bias?: boolean;
  /** Seed for the initial weights (default: one draw from the engine-wide generator). */
  seed?: number;
}

/**
 * Fully connected layer y = x W^T + b, as `torch.nn.Linear(in_features, out_features)`.
 * Weight [out, in] and bias [out], both U(-1/sqrt(in), 1/sqrt(in)) as in PyTorch.
 *
 * @example new nn.Linear(400, 120)
 */
export class Linear extends Module {
  static readonly typeName = 'Linear';
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly hasBias: boolean;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = positiveInteger('Linear', 'in_features', inFeatures);
    this.outFeatures = positiveInteger('Linear', 'out_features', outFeatures);
    this.hasBias = options.bias ?? true;
    this.useSeed(options.seed);
    const weightShape = [outFeatures, inFeatures];
    this.registerParameter('weight', weightShape, defaultWeight());
    if (this.hasBias) this.registerParameter('bias', [outFeatures], defaultBias(weightShape));
  }

  /** [out_features, in_features]: one row of weights per output. */
  get weight(): Tensor {
    return this.tensorOf('weight');
  }

  /** [out_features], or null when built with `bias: false`. */
  get bias(): Tensor | null {
    return this.hasBias ? this.tensorOf('bias') : null;
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }

  override outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) throw new Error('expected an input with at least 1 dimension, got a 0-d shape');
    const last = inputShape[inputShape.length - 1];
    if (last !== this.inFeatures) {
      throw new Error(`expected last dimension ${this.inFeatures}, got ${last}`);
    }
    return [...inputShape.slice(0, -1), this.outFeatures];
  }

  /** One multiply-accumulate per weight per input row. */
  override macs(inputShape: readonly number[]): number {
    const rows = inputShape.slice(0, -1).reduce((a, b) => a * b, 1);
    return rows * this.inFeatures * this.outFeatures;
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.hasBias ? 'True' : 'False'}`;
  }
}

/** Optional arguments of `nn.Flatten`. */
export interface FlattenOptions {
  /** First dimension merged (default 1: the batch dimension is kept, unlike `flatten()`'s 0). */
  startDim?: number;
  /** Last dimension merged (default -1). */
  endDim?: number;
}

/**
 * Merges dimensions startDim..endDim into one, as `torch.nn.Flatten(start_dim=1, end_dim=-1)`.
 * [N, C, H, W] becomes [N, C*H*W]: one feature vector per example.
 */
export class Flatten extends Module {
  static readonly typeName = 'Flatten';
  readonly startDim: number;
  readonly endDim: number;

  constructor(options: FlattenOptions = {}) {
    super();
    this.startDim = options.startDim ?? 1;
    this.endDim = options.endDim ?? -1;
  }

  forward(x: Tensor): Tensor {
    return flatten(x, this.startDim, this.endDim);
  }

  override outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) return [1];
    const start = normalizeDim(this.startDim, inputShape.length, 'flatten');
    const end = normalizeDim(this.endDim, inputShape.length, 'flatten');
    if (start > end) {
      throw new Error(
        `flatten() has invalid args: start_dim cannot come after end_dim (got startDim=${this.startDim}, endDim=${this.endDim})`,
      );
    }
    const merged = inputShape.slice(start, end + 1).reduce((a, b) => a * b, 1);
    return [...inputShape.slice(0, start), merged, ...inputShape.slice(end + 1)];
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}

/** Passes its input through unchanged, as `torch.nn.Identity` (a placeholder in a model). */
export class Identity extends Module {
  static readonly typeName = 'Identity';

  forward(x: Tensor): Tensor {
    return x;
  }

  override outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
}
