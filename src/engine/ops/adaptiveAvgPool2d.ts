/**
 * Adaptive average pooling: you choose the output size and the windows adapt.
 * Output row i averages input rows floor(i*In/Out) up to ceil((i+1)*In/Out),
 * so the windows tile the input, overlapping by at most one row when Out does
 * not divide In. ResNet uses it with output 1 (global average pooling).
 */
import { Tensor, expectTensor, fromOp } from '../tensor.ts';
import { size2 } from '../shapes.ts';
import { floats } from '../storage.ts';

/** Output size: one number for both dimensions, or [height, width] where null keeps the input's size. */
export type AdaptiveOutputSize = number | readonly [number | null, number | null];

/**
 * The input range [start, end) that output position `i` of `outSize` averages,
 * out of `inSize` input positions (PyTorch's start_index / end_index).
 *
 * @example adaptiveWindow(0, 5, 3) // [0, 2]
 * @example adaptiveWindow(1, 5, 3) // [1, 4]
 */
export function adaptiveWindow(i: number, inSize: number, outSize: number): [number, number] {
  return [Math.floor((i * inSize) / outSize), Math.ceil(((i + 1) * inSize) / outSize)];
}

function resolveOutputSize(outputSize: AdaptiveOutputSize, inHeight: number, inWidth: number): [number, number] {
  const op = 'adaptiveAvgPool2d';
  if (typeof outputSize !== 'number' && outputSize.length !== 2) {
    throw new Error(`${op}: output_size must be 2, but got [${outputSize.join(', ')}]`);
  }
  const [h, w] = typeof outputSize === 'number' ? [outputSize, outputSize] : outputSize;
  const resolved = size2(op, 'outputSize', [h ?? inHeight, w ?? inWidth]);
  if (resolved[0] < 0 || resolved[1] < 0) {
    throw new Error(
      `${op}: elements of output_size must be greater than or equal to 0 but received {${resolved[0]}, ${resolved[1]}}`,
    );
  }
  return resolved;
}

/**
 * Average pooling to a fixed output size over an [N, C, H, W] or [C, H, W]
 * input, as `torch.nn.functional.adaptive_avg_pool2d`.
 *
 * @example adaptiveAvgPool2d(x, 1)          // [N, C, 1, 1]: one mean per channel
 * @example adaptiveAvgPool2d(x, [7, null])  // height 7, width unchanged
 */
export function adaptiveAvgPool2d(input: Tensor, outputSize: AdaptiveOutputSize): Tensor {
  expectTensor('adaptiveAvgPool2d', 'input', 1, input);
  const ndim = input.ndim;
  if (ndim !== 3 && ndim !== 4) {
    throw new Error(`adaptiveAvgPool2d(): Expected 3D or 4D tensor, but got [${input.shape.join(', ')}]`);
  }
  for (const dim of [ndim - 2, ndim - 1]) {
    if (input.shape[dim] === 0) {
      throw new Error(
        `adaptiveAvgPool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [${input.shape.join(', ')}] with dimension ${dim} being empty`,
      );
    }
  }
  const [H, W] = input.shape.slice(-2);
  const [outH, outW] = resolveOutputSize(outputSize, H, W);
  const planes = input.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const x = input.data;

  const output = floats(planes * outH * outW);
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const first = plane * H * W;
    for (let oh = 0; oh < outH; oh++) {
      const [h0, h1] = adaptiveWindow(oh, H, outH);
      for (let ow = 0; ow < outW; ow++) {
        const [w0, w1] = adaptiveWindow(ow, W, outW);
        let sum = 0;
        for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) sum += x[first + h * W + w];
        output[o++] = sum / ((h1 - h0) * (w1 - w0));
      }
    }
  }

  const outputShape = [...input.shape.slice(0, -2), outH, outW];
  return fromOp('adaptiveAvgPool2d', output, outputShape, [input], (g) => {
    // Every pixel of a window gets an equal share of that window's gradient.
    const gradInput = floats(x.length);
    let k = 0;
    for (let plane = 0; plane < planes; plane++) {
      const first = plane * H * W;
      for (let oh = 0; oh < outH; oh++) {
        const [h0, h1] = adaptiveWindow(oh, H, outH);
        for (let ow = 0; ow < outW; ow++) {
          const [w0, w1] = adaptiveWindow(ow, W, outW);
          const share = g[k++] / ((h1 - h0) * (w1 - w0));
          for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) gradInput[first + h * W + w] += share;
        }
      }
    }
    return [gradInput];
  });
}
