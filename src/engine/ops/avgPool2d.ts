/**
 * Average pooling: every output is the mean of its window. What "mean" divides
 * by at the borders is PyTorch's choice, spelled out in `avgPoolWindow`: with
 * `countIncludePad` (the default) padded positions count as zeros in the
 * window; without it only real pixels count; `divisorOverride` replaces both.
 * The backward pass hands each input an equal share of every window it is in.
 */
import { Tensor, expectOptions, expectTensor, fromOp } from '../tensor.ts';
import { getBackend } from '../backend.ts';
import type { AvgPoolGeometry } from '../backend.ts';
import { pool2dGeometry } from '../shapes.ts';
import type { Size2 } from '../shapes.ts';
import { floats } from '../storage.ts';

/** Options of `avgPool2d`, with PyTorch's names and defaults. */
export interface AvgPool2dOptions {
  /** Window size: one number for a square window, or [height, width]. */
  kernelSize: Size2;
  /** Step between windows. Default: the kernel size. */
  stride?: Size2 | null;
  /** Zeros added on each side. Default 0. */
  padding?: Size2;
  /** Round the output size up, letting a last partial window in. Default false. */
  ceilMode?: boolean;
  /** Count padded zeros in the divisor. Default true. */
  countIncludePad?: boolean;
  /** Divide every window by this instead (a non-zero integer). */
  divisorOverride?: number | null;
}

/** One output's window: the input rows [hStart, hEnd) and columns [wStart, wEnd), and its divisor. */
export interface AvgPoolWindow {
  hStart: number;
  hEnd: number;
  wStart: number;
  wEnd: number;
  divisor: number;
}

/**
 * PyTorch's window for output (oh, ow). Its size counting the padding (but not
 * whatever a ceil-mode window reaches beyond the padding) is what
 * count_include_pad divides by; then it is clipped to the real pixels.
 */
export function avgPoolWindow(g: AvgPoolGeometry, oh: number, ow: number): AvgPoolWindow {
  let hStart = oh * g.strideH - g.padTop;
  let wStart = ow * g.strideW - g.padLeft;
  let hEnd = Math.min(hStart + g.kernelHeight, g.inHeight + g.padTop);
  let wEnd = Math.min(wStart + g.kernelWidth, g.inWidth + g.padLeft);
  const sizeWithPadding = (hEnd - hStart) * (wEnd - wStart);
  hStart = Math.max(hStart, 0);
  wStart = Math.max(wStart, 0);
  hEnd = Math.min(hEnd, g.inHeight);
  wEnd = Math.min(wEnd, g.inWidth);
  const realPixels = (hEnd - hStart) * (wEnd - wStart);
  const divisor = g.divisorOverride ?? (g.countIncludePad ? sizeWithPadding : realPixels);
  return { hStart, hEnd, wStart, wEnd, divisor };
}

/** The forward loops: sum each window's real pixels and divide by PyTorch's divisor. */
export function avgPool2dForwardLoops(input: Float32Array, g: AvgPoolGeometry): Float32Array {
  const { inHeight: H, inWidth: W, outHeight, outWidth } = g;
  const planes = g.batch * g.channels;
  const output = floats(planes * outHeight * outWidth);
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const first = plane * H * W;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const win = avgPoolWindow(g, oh, ow);
        let sum = 0;
        for (let h = win.hStart; h < win.hEnd; h++) {
          for (let w = win.wStart; w < win.wEnd; w++) sum += input[first + h * W + w];
        }
        // A window with no real pixel gives 0, as in PyTorch (and avoids 0/0).
        output[o++] = win.hStart < win.hEnd && win.wStart < win.wEnd ? sum / win.divisor : 0;
      }
    }
  }
  return output;
}

/**
 * The backward loops: d out / d in = 1/divisor for every real pixel in the
 * window, so each one receives gradOutput / divisor, summed over the windows
 * that contain it.
 */
export function avgPool2dBackwardLoops(gradOutput: Float32Array, g: AvgPoolGeometry): Float32Array {
  const { inHeight: H, inWidth: W, outHeight, outWidth } = g;
  const planes = g.batch * g.channels;
  const gradInput = floats(planes * H * W);
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const first = plane * H * W;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const win = avgPoolWindow(g, oh, ow);
        const share = gradOutput[o++] / win.divisor;
        for (let h = win.hStart; h < win.hEnd; h++) {
          for (let w = win.wStart; w < win.wEnd; w++) gradInput[first + h * W + w] += share;
        }
      }
    }
  }
  return gradInput;
}

/**
 * `divisorOverride` as `avgPool2d` uses it (null when not given), or PyTorch's
 * error for a fractional or zero divisor. `nn.AvgPool2d` checks with it too, so
 * `summary` refuses exactly what the forward pass refuses.
 */
export function checkedDivisorOverride(divisorOverride: number | null | undefined): number | null {
  if (divisorOverride === undefined || divisorOverride === null) return null;
  if (!Number.isInteger(divisorOverride)) {
    throw new Error(`avgPool2d(): argument 'divisorOverride' must be int, not float (${divisorOverride})`);
  }
  if (divisorOverride === 0) throw new Error('divisor must be not zero');
  return divisorOverride;
}

/**
 * 2-D average pooling over an [N, C, H, W] or [C, H, W] input, as
 * `torch.nn.functional.avg_pool2d`.
 *
 * @example avgPool2d(x, { kernelSize: 2 })
 * @example avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false })
 */
export function avgPool2d(input: Tensor, options: AvgPool2dOptions): Tensor {
  expectTensor('avgPool2d', 'input', 1, input);
  expectOptions('avgPool2d', 2, options, 'kernelSize', '{ kernelSize: 2 }');
  const divisorOverride = checkedDivisorOverride(options.divisorOverride);
  const { geometry, outputShape } = pool2dGeometry('avgPool2d', input.shape, { ...options, dilation: 1 });
  const g: AvgPoolGeometry = { ...geometry, countIncludePad: options.countIncludePad ?? true, divisorOverride };
  // The backward pass runs on the backend that ran the forward pass.
  const kernels = getBackend();
  const output = kernels.avgPool2dForward(input.data, g);
  return fromOp('avgPool2d', output, outputShape, [input], (grad) => [kernels.avgPool2dBackward(grad, g)]);
}
