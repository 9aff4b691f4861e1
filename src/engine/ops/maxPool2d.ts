/**
 * Max pooling: every output is the largest input value inside its window.
 * The forward pass remembers where each maximum came from; the backward pass
 * sends each output's gradient back to exactly that one input, since the
 * others did not affect the output at all.
 */
import { Tensor, expectOptions, expectTensor, fromOp } from '../tensor.ts';
import { getBackend } from '../backend.ts';
import type { PoolGeometry } from '../backend.ts';
import { pool2dGeometry } from '../shapes.ts';
import type { Size2 } from '../shapes.ts';
import { floats, ints } from '../storage.ts';

/** Options of `maxPool2d`, with PyTorch's names and defaults. */
export interface MaxPool2dOptions {
  /** Window size: one number for a square window, or [height, width]. */
  kernelSize: Size2;
  /** Step between windows. Default: the kernel size (windows do not overlap). */
  stride?: Size2 | null;
  /** Positions added on each side; they never win the max. Default 0. */
  padding?: Size2;
  /** Spacing between the window's taps. Default 1. */
  dilation?: Size2;
  /** Round the output size up, letting a last partial window in. Default false. */
  ceilMode?: boolean;
  /**
   * Also return where each maximum came from (flat h*W+w in its plane). Default false.
   * Unlike PyTorch (int64), the indices come as a float32 Tensor, the engine's only
   * kind of tensor; whole numbers are exact in float32 up to 2^24, far beyond any plane here.
   */
  returnIndices?: boolean;
}

/**
 * The forward loops, one output at a time, straight from the definition:
 * out[plane][oh][ow] = max over kh, kw of in[plane][oh*sH - pT + kh*dH][ow*sW - pL + kw*dW].
 */
export function maxPool2dForwardLoops(
  input: Float32Array,
  g: PoolGeometry,
): { output: Float32Array; indices: Int32Array } {
  const { inHeight: H, inWidth: W, outHeight, outWidth } = g;
  const planes = g.batch * g.channels;
  const output = floats(planes * outHeight * outWidth);
  const indices = ints(output.length);
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const first = plane * H * W;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        // Padding acts like -infinity: only taps on real pixels take part.
        let best = -Infinity;
        let bestAt = -1;
        for (let kh = 0; kh < g.kernelHeight; kh++) {
          const h = oh * g.strideH - g.padTop + kh * g.dilationH;
          if (h < 0 || h >= H) continue;
          for (let kw = 0; kw < g.kernelWidth; kw++) {
            const w = ow * g.strideW - g.padLeft + kw * g.dilationW;
            if (w < 0 || w >= W) continue;
            const value = input[first + h * W + w];
            // Strictly greater keeps the first of equal values; a NaN always takes
            // over, so it propagates (PyTorch's rule).
            if (bestAt === -1 || value > best || Number.isNaN(value)) {
              best = value;
              bestAt = h * W + w;
            }
          }
        }
        output[o] = best;
        indices[o] = bestAt;
        o++;
      }
    }
  }
  return { output, indices };
}

/**
 * The backward loops: each output's gradient goes to the input that won its
 * window. Overlapping windows can share a winner, so gradients add up.
 */
export function maxPool2dBackwardLoops(gradOutput: Float32Array, indices: Int32Array, g: PoolGeometry): Float32Array {
  const inPlane = g.inHeight * g.inWidth;
  const outPlane = g.outHeight * g.outWidth;
  const planes = g.batch * g.channels;
  const gradInput = floats(planes * inPlane);
  for (let plane = 0; plane < planes; plane++) {
    for (let k = 0; k < outPlane; k++) {
      const winner = indices[plane * outPlane + k];
      // -1: a window that only covered padding touched no input at all.
      if (winner < 0) continue;
      gradInput[plane * inPlane + winner] += gradOutput[plane * outPlane + k];
    }
  }
  return gradInput;
}

/**
 * 2-D max pooling over an [N, C, H, W] or [C, H, W] input, as
 * `torch.nn.functional.max_pool2d`. With `returnIndices`, returns
 * [output, indices] where indices hold flat h*W+w positions in each plane, as a
 * float32 Tensor (PyTorch's are int64: read them with `Math.round` or as they are,
 * they are exact whole numbers).
 *
 * @example maxPool2d(x, { kernelSize: 2 })            // halves H and W
 * @example maxPool2d(x, { kernelSize: 3, stride: 2 }) // AlexNet's overlapping pooling
 */
export function maxPool2d(input: Tensor, options: MaxPool2dOptions & { returnIndices: true }): [Tensor, Tensor];
export function maxPool2d(input: Tensor, options: MaxPool2dOptions & { returnIndices?: false }): Tensor;
export function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor | [Tensor, Tensor];
export function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor | [Tensor, Tensor] {
  expectTensor('maxPool2d', 'input', 1, input);
  expectOptions('maxPool2d', 2, options, 'kernelSize', '{ kernelSize: 2 }');
  const { geometry, outputShape } = pool2dGeometry('maxPool2d', input.shape, options);
  // The backward pass runs on the backend that ran the forward pass.
  const kernels = getBackend();
  const { output, indices } = kernels.maxPool2dForward(input.data, geometry);
  const result = fromOp('maxPool2d', output, outputShape, [input], (g) => [
    kernels.maxPool2dBackward(g, indices, geometry),
  ]);
  if (!options.returnIndices) return result;
  return [result, new Tensor(Float32Array.from(indices), outputShape)];
}
