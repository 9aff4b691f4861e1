/**
 * The depth demo: a 32x32 colour picture (3 channels) and five 5x5x3 filters, each
 * looking for something different. The engine's conv2d turns them into a 28x28x5
 * volume; every number along its depth comes from the same 5x5x3 patch.
 */
import { conv2d, noGrad, tensor } from '../../../src/engine/index.ts';

/** Side of the demo picture. */
export const PICTURE_SIZE = 32;
/** Colour channels: red, green, blue. */
export const CHANNELS = 3;
/** Side of each demo filter. */
export const DEPTH_KERNEL = 5;

/** Names of the five filters, by what they respond to. */
export type DepthFilterId = 'vertical' | 'horizontal' | 'red' | 'green' | 'brightness';

/** A filter of shape [CHANNELS, DEPTH_KERNEL, DEPTH_KERNEL], flattened channel by channel. */
export interface DepthFilter {
  id: DepthFilterId;
  weights: Float32Array;
}

/**
 * A small landscape, channel-major ([3, 32, 32], values in 0..1): a blue sky that
 * darkens upward, a red-orange sun, green ground below a horizon. It has edges in both
 * directions and distinct colours, so each filter finds something.
 */
export function landscape(): Float32Array {
  const n = PICTURE_SIZE;
  const pixels = new Float32Array(CHANNELS * n * n);
  const horizon = 22;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let rgb: [number, number, number];
      const sun = Math.hypot(y - 10, x - 21) <= 5;
      if (y >= horizon) rgb = [0.15, 0.55 + 0.01 * (y - horizon), 0.2];
      else if (sun) rgb = [0.95, 0.45, 0.15];
      else rgb = [0.35 + 0.01 * y, 0.55 + 0.012 * y, 0.95];
      for (let c = 0; c < CHANNELS; c++) pixels[c * n * n + y * n + x] = rgb[c];
    }
  }
  return pixels;
}

/** Builds a filter from a rule giving the weight of channel c at row r, column k. */
function makeFilter(id: DepthFilterId, weight: (c: number, r: number, k: number) => number): DepthFilter {
  const size = DEPTH_KERNEL;
  const weights = new Float32Array(CHANNELS * size * size);
  for (let c = 0; c < CHANNELS; c++) {
    for (let r = 0; r < size; r++) for (let k = 0; k < size; k++) weights[c * size * size + r * size + k] = weight(c, r, k);
  }
  return { id, weights };
}

const middle = (DEPTH_KERNEL - 1) / 2;
const side = (i: number) => Math.sign(i - middle);

/** The five filters. Every one has weights in all three channels: a filter always spans the input's full depth. */
export const DEPTH_FILTERS: readonly DepthFilter[] = [
  makeFilter('vertical', (_c, _r, k) => side(k) / 30),
  makeFilter('horizontal', (_c, r) => side(r) / 30),
  makeFilter('red', (c) => (c === 0 ? 2 : -1) / 25),
  makeFilter('green', (c) => (c === 1 ? 2 : -1) / 25),
  makeFilter('brightness', () => 1 / 75),
];

/** The engine's output for the demo: shape [1, 5, 28, 28] and its values. */
export function depthVolume(): { shape: readonly number[]; values: Float32Array } {
  return noGrad(() => {
    const input = tensor(landscape(), [1, CHANNELS, PICTURE_SIZE, PICTURE_SIZE]);
    const weight = tensor(
      DEPTH_FILTERS.flatMap((f) => [...f.weights]),
      [DEPTH_FILTERS.length, CHANNELS, DEPTH_KERNEL, DEPTH_KERNEL],
    );
    const output = conv2d(input, weight);
    return { shape: output.shape, values: output.data };
  });
}
