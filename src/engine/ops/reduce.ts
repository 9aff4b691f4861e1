/**
 * Reductions over all elements or along dimensions: sum, mean, and argmax (the
 * last has no gradient: it answers with indices).
 */
import { Tensor, expectTensor, fromOp, normalizeDim, numel } from '../tensor.ts';
import { floats } from '../storage.ts';

export interface ReduceOptions {
  /** Keep reduced dimensions with size 1 (PyTorch's `keepdim`). */
  keepdim?: boolean;
}

function normalizeDims(dim: number | readonly number[] | undefined, ndim: number, what: string): number[] {
  if (dim === undefined) return [...Array(ndim).keys()];
  const list = typeof dim === 'number' ? [dim] : [...dim];
  const dims = list.map((d) => normalizeDim(d, ndim, what));
  const repeated = dims.find((d, i) => dims.indexOf(d) !== i);
  if (repeated !== undefined) throw new Error(`${what}: dim ${repeated} appears multiple times in the list of dims`);
  return dims.sort((p, q) => p - q);
}

/**
 * Maps every input element to the output element it is summed into.
 * Returns the output shape (with or without the kept singleton dims) too.
 */
function reductionPlan(shape: readonly number[], dims: number[], keepdim: boolean) {
  const reduced = new Set(dims);
  const keptShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outShape = keepdim ? keptShape : shape.filter((_, i) => !reduced.has(i));
  const n = numel(shape);
  const target = new Int32Array(n);
  const outStrides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    outStrides[i] = reduced.has(i) ? 0 : s;
    s *= keptShape[i];
  }
  const counter = new Array<number>(shape.length).fill(0);
  let at = 0;
  for (let k = 0; k < n; k++) {
    target[k] = at;
    for (let d = shape.length - 1; d >= 0; d--) {
      counter[d]++;
      at += outStrides[d];
      if (counter[d] < shape[d]) break;
      at -= outStrides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return { outShape, target, outSize: numel(keptShape), count: n / Math.max(1, numel(keptShape)) };
}

/** Sum of all elements, or along `dim` (a number or a list). Backward spreads the gradient back unchanged. */
export function sum(x: Tensor, dim?: number | readonly number[], options: ReduceOptions = {}): Tensor {
  expectTensor('sum', 'input', 1, x);
  const dims = normalizeDims(dim, x.ndim, 'sum');
  const { outShape, target, outSize } = reductionPlan(x.shape, dims, options.keepdim ?? false);
  const X = x.data;
  // Accumulate in float64 so long sums stay accurate, then round once.
  const acc = new Float64Array(outSize);
  for (let k = 0; k < X.length; k++) acc[target[k]] += X[k];
  return fromOp('sum', Float32Array.from(acc), outShape, [x], (g) => {
    const gx = floats(X.length);
    for (let k = 0; k < X.length; k++) gx[k] = g[target[k]];
    return [gx];
  }, { savesTensors: false });
}

/** Mean of all elements, or along `dim`. Backward spreads gradient / count. */
export function mean(x: Tensor, dim?: number | readonly number[], options: ReduceOptions = {}): Tensor {
  expectTensor('mean', 'input', 1, x);
  const dims = normalizeDims(dim, x.ndim, 'mean');
  const { outShape, target, outSize, count } = reductionPlan(x.shape, dims, options.keepdim ?? false);
  const X = x.data;
  const acc = new Float64Array(outSize);
  for (let k = 0; k < X.length; k++) acc[target[k]] += X[k];
  const out = floats(outSize);
  for (let j = 0; j < outSize; j++) out[j] = acc[j] / count;
  return fromOp('mean', out, outShape, [x], (g) => {
    const gx = floats(X.length);
    for (let k = 0; k < X.length; k++) gx[k] = g[target[k]] / count;
    return [gx];
  }, { savesTensors: false });
}

/**
 * Index of the largest value along `dim` (the first one on ties; NaN counts as
 * largest, as in PyTorch). Not differentiable: returns plain indices.
 */
export function argmax(x: Tensor, dim: number): Int32Array {
  expectTensor('argmax', 'input', 1, x);
  const d = normalizeDim(dim, x.ndim, 'argmax');
  const outer = numel(x.shape.slice(0, d));
  const len = x.shape[d];
  const inner = numel(x.shape.slice(d + 1));
  // An empty slice has no largest element; reading on would return index 0 of nothing.
  if (len === 0) throw new Error(`argmax(): Expected reduction dim ${d} to have non-zero size.`);
  const out = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      let bestValue = x.data[o * len * inner + i];
      for (let j = 1; j < len && !Number.isNaN(bestValue); j++) {
        const v = x.data[(o * len + j) * inner + i];
        if (v > bestValue || Number.isNaN(v)) {
          best = j;
          bestValue = v;
        }
      }
      out[o * inner + i] = best;
    }
  }
  return out;
}
