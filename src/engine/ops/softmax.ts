/**
 * Softmax turns a vector of scores into probabilities; logSoftmax gives their
 * logarithms directly (what the losses need). Both subtract the largest score
 * first: the result is mathematically the same and e^x can no longer overflow.
 */
import { Tensor, expectTensor, fromOp, normalizeDim, numel } from '../tensor.ts';
import { floats } from '../storage.ts';

/**
 * Views `shape` as [outer, len, inner] around `dim`, so the values along `dim`
 * at (o, i) sit at o*len*inner + j*inner + i for j = 0..len-1.
 */
function splitAtDim(shape: readonly number[], dim: number, what: string) {
  if (dim === undefined) {
    throw new Error(`${what}: dim is required (PyTorch's implicit choice of dim is deprecated)`);
  }
  const d = normalizeDim(dim, shape.length, what);
  return {
    outer: numel(shape.slice(0, d)),
    len: shape.length === 0 ? 1 : shape[d],
    inner: numel(shape.slice(d + 1)),
  };
}

/** log(sum_j e^x_j) of every slice along the split dimension, computed as max + log(sum_j e^(x_j - max)). */
function logSumExpRows(x: Float32Array, outer: number, len: number, inner: number): Float64Array {
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let max = -Infinity;
      for (let j = 0; j < len; j++) max = Math.max(max, x[base + j * inner]);
      let total = 0;
      for (let j = 0; j < len; j++) total += Math.exp(x[base + j * inner] - max);
      out[o * inner + i] = max + Math.log(total);
    }
  }
  return out;
}

/**
 * softmax(x)_j = e^x_j / sum_k e^x_k along `dim` (required, as PyTorch now insists),
 * like `torch.softmax`. Each slice along `dim` sums to 1.
 *
 * Backward: dx_j = y_j (g_j - sum_k g_k y_k).
 */
export function softmax(input: Tensor, dim: number): Tensor {
  expectTensor('softmax', 'input', 1, input);
  const { outer, len, inner } = splitAtDim(input.shape, dim, 'softmax');
  const x = input.data;
  const lse = logSumExpRows(x, outer, len, inner);
  const y = floats(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      for (let j = 0; j < len; j++) y[base + j * inner] = Math.exp(x[base + j * inner] - lse[o * inner + i]);
    }
  }
  return fromOp('softmax', y, input.shape, [input], (g) => {
    const gx = floats(x.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * len * inner + i;
        let dot = 0;
        for (let j = 0; j < len; j++) dot += g[base + j * inner] * y[base + j * inner];
        for (let j = 0; j < len; j++) gx[base + j * inner] = y[base + j * inner] * (g[base + j * inner] - dot);
      }
    }
    return [gx];
  });
}

/**
 * log(softmax(x)) along `dim`, computed as x - logsumexp(x) so that very negative
 * log-probabilities stay finite, like `torch.log_softmax`.
 *
 * Backward: dx_j = g_j - softmax(x)_j * sum_k g_k.
 */
export function logSoftmax(input: Tensor, dim: number): Tensor {
  expectTensor('logSoftmax', 'input', 1, input);
  const { outer, len, inner } = splitAtDim(input.shape, dim, 'logSoftmax');
  const x = input.data;
  const lse = logSumExpRows(x, outer, len, inner);
  const y = floats(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      for (let j = 0; j < len; j++) y[base + j * inner] = x[base + j * inner] - lse[o * inner + i];
    }
  }
  return fromOp('logSoftmax', y, input.shape, [input], (g) => {
    const gx = floats(x.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * len * inner + i;
        let total = 0;
        for (let j = 0; j < len; j++) total += g[base + j * inner];
        for (let j = 0; j < len; j++) {
          const k = base + j * inner;
          gx[k] = g[k] - Math.exp(x[k] - lse[o * inner + i]) * total;
        }
      }
    }
    return [gx];
  });
}
