/**
 * Rearranging a tensor without computing anything new: flatten (the bridge from
 * the last feature volume to the fully connected layers), permute / transpose
 * (NCHW <-> NHWC, e.g. to draw feature maps) and cat (joining channels).
 * Each backward only moves the gradient back to where its value came from.
 */
import { Tensor, expectTensor, fromOp, needsGrad, normalizeDim, numel, stridesOf, formatShape, typeName } from '../tensor.ts';
import { floats } from '../storage.ts';

/**
 * Merges dimensions `startDim..endDim` (inclusive, negative counts from the end)
 * into one, like `torch.flatten`.
 *
 * The default `startDim = 0` is PyTorch's, and it flattens the batch dimension
 * too: `flatten(x)` of a `[N, C, H, W]` batch is one long vector `[N*C*H*W]`.
 * Before a fully connected layer you almost always want `flatten(x, 1)`, giving
 * `[N, C*H*W]` (which is what `nn.Flatten()` does).
 */
export function flatten(input: Tensor, startDim = 0, endDim = -1): Tensor {
  expectTensor('flatten', 'input', 1, input);
  // Like every rearrangement here, flatten's backward needs no value of the forward pass.
  if (input.ndim === 0) return fromOp('flatten', input.data, [1], [input], (g) => [g], { savesTensors: false });
  const start = normalizeDim(startDim, input.ndim, 'flatten');
  const end = normalizeDim(endDim, input.ndim, 'flatten');
  if (start > end) {
    throw new Error(
      `flatten() has invalid args: start_dim cannot come after end_dim (got startDim=${startDim}, endDim=${endDim})`,
    );
  }
  const shape = [
    ...input.shape.slice(0, start),
    numel(input.shape.slice(start, end + 1)),
    ...input.shape.slice(end + 1),
  ];
  // Row-major order is unchanged, so the buffer is shared and the gradient passes straight through.
  return fromOp('flatten', input.data, shape, [input], (g) => [g], { savesTensors: false });
}

/** Copies `data` (of `shape`) into the layout whose dimension i is the input's dimension `dims[i]`. */
function permuteData(data: Float32Array, shape: readonly number[], dims: readonly number[]): Float32Array {
  const inStrides = stridesOf(shape);
  const outShape = dims.map((d) => shape[d]);
  // Stepping one place along output dimension i moves this far in the input.
  const step = dims.map((d) => inStrides[d]);
  const out = floats(data.length);
  const counter = new Array<number>(dims.length).fill(0);
  let at = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = data[at];
    for (let i = dims.length - 1; i >= 0; i--) {
      counter[i]++;
      at += step[i];
      if (counter[i] < outShape[i]) break;
      at -= step[i] * counter[i];
      counter[i] = 0;
    }
  }
  return out;
}

/**
 * Reorders the dimensions: output dimension i is input dimension `dims[i]`,
 * like `torch.permute`. `permute(x, [0, 2, 3, 1])` turns NCHW into NHWC.
 * Backward applies the inverse permutation to the gradient.
 */
export function permute(input: Tensor, dims: readonly number[]): Tensor {
  expectTensor('permute', 'input', 1, input);
  if (dims.length !== input.ndim) {
    throw new Error(
      `permute(): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${input.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const order = dims.map((d) => normalizeDim(d, input.ndim, 'permute'));
  if (new Set(order).size !== order.length) {
    throw new Error(`permute(): duplicate dims are not allowed (got ${formatShape(dims)})`);
  }
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  const outShape = order.map((d) => input.shape[d]);
  const out = permuteData(input.data, input.shape, order);
  return fromOp('permute', out, outShape, [input], (g) => [permuteData(g, outShape, inverse)], { savesTensors: false });
}

/** Swaps two dimensions, like `torch.transpose`; `transpose(w, 0, 1)` of a matrix is its transpose. */
export function transpose(input: Tensor, dim0: number, dim1: number): Tensor {
  expectTensor('transpose', 'input', 1, input);
  const a = normalizeDim(dim0, input.ndim, 'transpose');
  const b = normalizeDim(dim1, input.ndim, 'transpose');
  const order = [...input.shape.keys()];
  if (input.ndim > 0) [order[a], order[b]] = [order[b], order[a]];
  return permute(input, order);
}

/**
 * Joins tensors along `dim` (default 0), like `torch.cat`; all other sizes must
 * agree. `cat([a, b], 1)` stacks the channels of two NCHW batches. Backward hands
 * each input back its own slice of the gradient.
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (!Array.isArray(tensors)) {
    throw new TypeError(`cat(): argument 'tensors' (position 1) must be a list of Tensors, not ${typeName(tensors)}`);
  }
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`cat(): expected Tensor as element ${i} in argument 0, but got ${typeName(t)}`);
  });
  if (tensors.length === 0) throw new Error('torch.cat(): expected a non-empty list of Tensors');
  const first = tensors[0];
  if (first.ndim === 0) throw new Error('zero-dimensional tensor (at position 0) cannot be concatenated');
  const d = normalizeDim(dim, first.ndim, 'cat');
  tensors.forEach((t, i) => {
    if (t.ndim !== first.ndim) {
      throw new Error(`Tensors must have same number of dimensions: got ${first.ndim} and ${t.ndim}`);
    }
    for (let j = 0; j < t.ndim; j++) {
      if (j !== d && t.shape[j] !== first.shape[j]) {
        throw new Error(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[j]} but got size ${t.shape[j]} for tensor number ${i} in the list.`,
        );
      }
    }
  });
  const outer = numel(first.shape.slice(0, d));
  const inner = numel(first.shape.slice(d + 1));
  // Each input contributes, per outer index, one contiguous block of `len * inner` values.
  const blocks = tensors.map((t) => t.shape[d] * inner);
  const outBlock = blocks.reduce((s, b) => s + b, 0);
  const outShape = [...first.shape];
  outShape[d] = tensors.reduce((total, t) => total + t.shape[d], 0);
  const out = floats(outer * outBlock);
  let offset = 0;
  tensors.forEach((t, i) => {
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * blocks[i], (o + 1) * blocks[i]), o * outBlock + offset);
    offset += blocks[i];
  });
  return fromOp('cat', out, outShape, tensors, (g) => {
    let from = 0;
    return tensors.map((t, i) => {
      const start = from;
      from += blocks[i];
      if (!needsGrad(t)) return null;
      const gt = floats(t.data.length);
      for (let o = 0; o < outer; o++) gt.set(g.subarray(o * outBlock + start, o * outBlock + start + blocks[i]), o * blocks[i]);
      return gt;
    });
  }, { savesTensors: false });
}
