/**
 * `nn.Dropout`: zeroes random elements in training, passes everything in evaluation.
 */
import type { Tensor } from '../tensor.ts';
import { dropout } from '../ops/dropout.ts';
import { Random } from '../random.ts';
import { Module, drawSeed } from './module.ts';
import { probability } from './args.ts';

/** Optional arguments of `nn.Dropout`. */
export interface DropoutModuleOptions {
  /** Probability of zeroing each element (default 0.5). */
  p?: number;
  /** Seed for the masks (default: one draw from the engine-wide generator). */
  seed?: number;
}

/**
 * Inverted dropout, as `torch.nn.Dropout(p=0.5)`: in training each element is
 * zeroed with probability p and the rest scaled by 1/(1-p), with a fresh mask
 * on every call; after `eval()` it is the identity.
 */
export class Dropout extends Module {
  static readonly typeName = 'Dropout';
  readonly p: number;
  #rng: Random;
  /**
   * Rows of a larger batch that come before this input's first row (default 0).
   * Data-parallel training sets it on each shard so that the shard's rows get
   * exactly the mask they would get in the whole batch (see `dropout`'s
   * `offset`). Not in PyTorch.
   */
  rowOffset = 0;

  constructor(options: DropoutModuleOptions = {}) {
    super();
    this.p = probability('Dropout', options.p ?? 0.5);
    this.#rng = new Random(options.seed ?? drawSeed());
  }

  forward(x: Tensor): Tensor {
    if (!this.training) return x;
    const seed = this.#rng.int(0x100000000);
    const offset = this.rowOffset === 0 || x.shape.length === 0 ? 0 : this.rowOffset * (x.data.length / x.shape[0]);
    return dropout(x, { p: this.p, training: true, seed, offset });
  }

  protected override reseedRandomness(seed: number): void {
    this.#rng = new Random(seed);
  }

  override outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  override extraRepr(): string {
    return `p=${this.p}, inplace=False`;
  }
}
