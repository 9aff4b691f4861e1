/**
 * Local response normalisation, AlexNet's "norm" layer: a unit is damped when
 * its neighbours in nearby channels (same position) respond strongly, a form of
 * lateral inhibition. Batch normalisation has since replaced it.
 */
import { Tensor, expectTensor, fromOp, numel } from '../tensor.ts';
import { floats } from '../storage.ts';

/** Options of {@link localResponseNorm}, PyTorch's names and defaults. */
export interface LocalResponseNormOptions {
  /** Strength of the damping (default 1e-4); divided by `size`, as in PyTorch. */
  alpha?: number;
  /** Exponent of the denominator (default 0.75). */
  beta?: number;
  /** Constant in the denominator (default 1). */
  k?: number;
}

/**
 * Like `torch.nn.functional.local_response_norm` on `[N, C, ...]` input:
 *
 *   b_c = a_c * (k + alpha / size * sum_{c'} a_{c'}^2)^(-beta)
 *
 * where c' runs over the window of `size` channels from c - floor(size / 2) to
 * c + floor((size - 1) / 2), clipped to the existing channels (missing channels
 * count as 0, but the sum is still divided by `size`).
 *
 * Backward, with s_c the bracket above: da_j = g_j s_j^-beta
 *   - 2 beta alpha / size * a_j * sum_{c whose window holds j} g_c a_c s_c^(-beta-1).
 */
export function localResponseNorm(input: Tensor, size: number, options: LocalResponseNormOptions = {}): Tensor {
  expectTensor('localResponseNorm', 'input', 1, input);
  const { alpha = 1e-4, beta = 0.75, k = 1 } = options;
  if (input.ndim < 3) {
    throw new Error(`Expected 3D or higher dimensionality input (got ${input.ndim} dimensions)`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`localResponseNorm: size must be a positive integer, got ${size}`);
  }
  const [batch, channels] = input.shape;
  const spatial = numel(input.shape.slice(2));
  const before = Math.floor(size / 2);
  const after = Math.floor((size - 1) / 2);
  const a = input.data;
  const scale = alpha / size;
  const at = (n: number, c: number, s: number) => (n * channels + c) * spatial + s;

  // s = the bracket k + alpha/size * (windowed sum of squares), kept for backward.
  const bracket = new Float64Array(a.length);
  const out = floats(a.length);
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      const lo = Math.max(0, c - before);
      const hi = Math.min(channels - 1, c + after);
      for (let s = 0; s < spatial; s++) {
        let squares = 0;
        for (let cc = lo; cc <= hi; cc++) squares += a[at(n, cc, s)] ** 2;
        const i = at(n, c, s);
        bracket[i] = k + scale * squares;
        out[i] = a[i] * bracket[i] ** -beta;
      }
    }
  }

  return fromOp('localResponseNorm', out, input.shape, [input], (g) => {
    // t_c = g_c a_c s_c^(-beta-1): how much channel c's output pulls on its window.
    const pull = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) pull[i] = g[i] * a[i] * bracket[i] ** (-beta - 1);
    const ga = floats(a.length);
    for (let n = 0; n < batch; n++) {
      for (let j = 0; j < channels; j++) {
        // Channel j lies in the window of every c from j - after to j + before.
        const lo = Math.max(0, j - after);
        const hi = Math.min(channels - 1, j + before);
        for (let s = 0; s < spatial; s++) {
          let total = 0;
          for (let c = lo; c <= hi; c++) total += pull[at(n, c, s)];
          const i = at(n, j, s);
          ga[i] = g[i] * bracket[i] ** -beta - 2 * beta * scale * a[i] * total;
        }
      }
    }
    return [ga];
  });
}
