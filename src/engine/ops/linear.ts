/**
 * The fully connected layer as a function: every output is a weighted sum of
 * every input feature, plus a bias. It is one matrix product, so it runs on the
 * active backend's `gemm` (a fast backend speeds up every dense layer at once).
 */
import { Tensor, expectTensor, fromOp, needsGrad, formatShape, numel } from '../tensor.ts';
import { getBackend } from '../backend.ts';
import { floats } from '../storage.ts';

/**
 * y = x W^T + b, like `torch.nn.functional.linear`.
 *
 * - `input`: `[..., inFeatures]` (any number of leading dimensions, or just `[inFeatures]`).
 * - `weight`: `[outFeatures, inFeatures]` (PyTorch's layout: one row per output).
 * - `bias`: `[outFeatures]`, optional.
 *
 * Returns `[..., outFeatures]`. Backward, with G = dLoss/dy flattened to
 * [rows, out]: dx = G W, dW = G^T x, db = the column sums of G.
 *
 * @example linear(randn([8, 400]), randn([120, 400]), zeros([120])) // shape [8, 120]
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  expectTensor('linear', 'input', 1, input);
  expectTensor('linear', 'weight', 2, weight);
  if (bias != null) expectTensor('linear', 'bias', 3, bias);
  if (weight.ndim !== 2) {
    throw new Error(`linear: weight must be 2-D [out_features, in_features], got shape ${formatShape(weight.shape)}`);
  }
  if (input.ndim === 0) {
    throw new Error('linear: input must have at least 1 dimension, got a 0-d tensor');
  }
  const [outFeatures, inFeatures] = weight.shape;
  const features = input.shape[input.ndim - 1];
  // PyTorch folds the leading dimensions into rows and reports the 2-D product.
  const rows = numel(input.shape.slice(0, -1));
  if (features !== inFeatures) {
    throw new Error(
      `mat1 and mat2 shapes cannot be multiplied (${rows}x${features} and ${inFeatures}x${outFeatures})`,
    );
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outFeatures)) {
    throw new Error(
      `linear: bias must have shape [${outFeatures}] to match weight ${formatShape(weight.shape)}, got ${formatShape(bias.shape)}`,
    );
  }

  const kernels = getBackend();
  const x = input.data;
  const w = weight.data;
  const out = floats(rows * outFeatures);
  kernels.gemm(x, w, out, rows, outFeatures, inFeatures, false, true, false);
  if (bias) {
    const b = bias.data;
    for (let r = 0; r < rows; r++) {
      const row = r * outFeatures;
      for (let o = 0; o < outFeatures; o++) out[row + o] += b[o];
    }
  }
  const outShape = [...input.shape.slice(0, -1), outFeatures];
  const parents = bias ? [input, weight, bias] : [input, weight];

  return fromOp('linear', out, outShape, parents, (g) => {
    let gx: Float32Array | null = null;
    let gw: Float32Array | null = null;
    let gb: Float32Array | null = null;
    if (needsGrad(input)) {
      gx = floats(rows * inFeatures);
      kernels.gemm(g, w, gx, rows, inFeatures, outFeatures, false, false, false);
    }
    if (needsGrad(weight)) {
      gw = floats(outFeatures * inFeatures);
      kernels.gemm(g, x, gw, outFeatures, inFeatures, rows, true, false, false);
    }
    if (bias && needsGrad(bias)) {
      const acc = new Float64Array(outFeatures);
      for (let r = 0; r < rows; r++) {
        const row = r * outFeatures;
        for (let o = 0; o < outFeatures; o++) acc[o] += g[row + o];
      }
      gb = Float32Array.from(acc);
    }
    return bias ? [gx, gw, gb] : [gx, gw];
  }, { savesTensors: needsGrad(input) || needsGrad(weight) }); // dx needs w, dW needs x; db needs neither
}
