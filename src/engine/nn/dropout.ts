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

  constructor(options: DropoutModuleOptions = {}) {
    super();
    this.p = probability('Dropout', options.p ?? 0.5);
    this.#rng = new Random(options.seed ?? drawSeed());
  }

  forward(x: Tensor): Tensor {
    if (!this.training) return x;
    return dropout(x, { p: this.p, training: true, seed: this.#rng.int(0x100000000) });
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
