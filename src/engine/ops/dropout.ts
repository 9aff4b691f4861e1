/**
 * Dropout: during training, every unit is switched off at random, so no unit
 * can rely on one particular other unit being present.
 */
import { Tensor, expectTensor, fromOp } from '../tensor.ts';
import { randomFor } from '../random.ts';
import { floats } from '../storage.ts';

/** Options of {@link dropout}, PyTorch's names and defaults. */
export interface DropoutOptions {
  /** Probability of zeroing each element (default 0.5). */
  p?: number;
  /** Drop only in training (default true, as `F.dropout`); in evaluation dropout is the identity. */
  training?: boolean;
  /** Seed for the mask; without it the engine-wide generator (`manualSeed`) is used. */
  seed?: number;
  /**
   * Where `input` starts in the mask the seed draws (default 0): the mask of a
   * slice of a larger tensor is then the same slice of that tensor's mask.
   * Data-parallel training splits a batch this way; not in PyTorch.
   */
  offset?: number;
}

/**
 * Inverted dropout, like `torch.nn.functional.dropout`: each element is zeroed with
 * probability `p` and the survivors are multiplied by 1 / (1 - p), so the expected
 * value of every element is unchanged and evaluation needs no rescaling. `p = 1`
 * zeroes everything. Backward lets the gradient through the same mask, scaled alike.
 */
export function dropout(input: Tensor, options: DropoutOptions = {}): Tensor {
  expectTensor('dropout', 'input', 1, input);
  const { p = 0.5, training = true } = options;
  if (!(p >= 0 && p <= 1)) {
    throw new Error(`dropout probability has to be between 0 and 1, but got ${p}`);
  }
  if (!training || p === 0) return input;

  const rng = randomFor(options.seed);
  if (options.offset !== undefined && options.offset !== 0) {
    if (!Number.isInteger(options.offset) || options.offset < 0) {
      throw new Error(`dropout: offset must be a whole number >= 0, got ${JSON.stringify(options.offset)}`);
    }
    if (options.seed === undefined) throw new Error('dropout: an offset needs an explicit seed (it places the input inside that seed\'s mask)');
    rng.skip(options.offset);
  }
  const x = input.data;
  // The mask holds the factor each element is multiplied by: 0 or 1 / (1 - p).
  const mask = floats(x.length);
  const keep = p === 1 ? 0 : 1 / (1 - p);
  for (let i = 0; i < x.length; i++) mask[i] = rng.next() < p ? 0 : keep;
  const y = floats(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] * mask[i];
  return fromOp('dropout', y, input.shape, [input], (g) => {
    const gx = floats(x.length);
    for (let i = 0; i < x.length; i++) gx[i] = g[i] * mask[i];
    return [gx];
  });
}
