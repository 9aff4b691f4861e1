/**
 * Argument checks shared by the layer constructors, so a bad argument fails
 * when the model is built (naming the layer and the value), not at the first
 * forward pass.
 */
import type { Size2 } from '../shapes.ts';

/** `value` if it is a positive whole number, else an error naming `layer` and `name`. */
export function positiveInteger(layer: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${layer}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** A number-or-pair argument as [h, w], each a whole number of at least `min`. */
export function pairOf(layer: string, name: string, value: Size2, min: number): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : [...value];
  if (pair.length !== 2 || !pair.every((v) => Number.isInteger(v) && v >= min)) {
    const shown = typeof value === 'number' ? String(value) : `[${[...value].join(', ')}]`;
    throw new Error(`${layer}: ${name} must be an integer >= ${min} or a pair [h, w] of them, got ${shown}`);
  }
  return [pair[0], pair[1]];
}

/** A probability in [0, 1], with PyTorch's message. */
export function probability(layer: string, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`${layer}: dropout probability has to be between 0 and 1, but got ${p}`);
  return p;
}
