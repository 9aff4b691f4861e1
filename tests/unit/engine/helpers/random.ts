/**
 * Seeded random inputs for engine tests. Every test that draws numbers draws them
 * from here with an explicit seed, so a failure reproduces exactly.
 *
 * @example
 *   const rng = seeded(42);
 *   const x = randomTensor([2, 3, 5, 5], rng, { requiresGrad: true });
 *   const k = randomInt(rng, 1, 3);
 */
import { Random, Tensor } from '../../../../src/engine/index.ts';

/** A generator to thread through a test: same seed, same sequence. */
export function seeded(seed: number): Random {
  return new Random(seed);
}

/** Options for random values. */
export interface RandomValueOptions {
  /** Lower end of the uniform range (default -1). */
  low?: number;
  /** Upper end of the uniform range (default 1). */
  high?: number;
}

/** `n` uniform values in [low, high), as float32. */
export function randomData(n: number, rng: Random, options: RandomValueOptions = {}): Float32Array {
  const { low = -1, high = 1 } = options;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform(low, high);
  return out;
}

/** A tensor of uniform values in [low, high) (default [-1, 1)). */
export function randomTensor(
  shape: readonly number[],
  rng: Random,
  options: RandomValueOptions & { requiresGrad?: boolean } = {},
): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return new Tensor(randomData(n, rng, options), shape, options.requiresGrad ?? false);
}

/** A whole number in [low, high], both ends included. */
export function randomInt(rng: Random, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

/** One element of `items`, uniformly. */
export function pick<T>(rng: Random, items: readonly T[]): T {
  return items[rng.int(items.length)];
}
