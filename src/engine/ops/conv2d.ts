/**
 * 2-D convolution (strictly, cross-correlation, as in every deep-learning
 * framework): PyTorch's `F.conv2d`, forward and backward.
 *
 * The three loop functions below are the whole of the arithmetic. They share one
 * loop nest, the definition itself:
 *
 *   out[n][co][oh][ow] = bias[co]
 *       + sum over ci (in co's group), kh, kw of
 *         in[n][ci][oh*stride - pad + kh*dilation][ow*stride - pad + kw*dilation] * w[co][ci][kh][kw]
 *
 * Each product  in[i] * w[k]  in that sum feeds out[o]. Backward runs the same
 * loops and sends the gradient back along each product:
 *   dIn[i] += dOut[o] * w[k]     and     dW[k] += dOut[o] * in[i].
 * Input positions in the zero padding read as 0. The products with them still
 * count (0 * w), so a NaN or infinite weight shows in the border outputs too, as
 * in PyTorch's im2col path; backward to the input has no pixel there to send to.
 */
import type { ConvGeometry } from '../backend.ts';
import { getBackend } from '../backend.ts';
import { Tensor, expectTensor, fromOp, formatShape, needsGrad, reshape } from '../tensor.ts';
import { pad } from './pad.ts';
import type { Size2 } from '../shapes.ts';
import { size2 } from '../shapes.ts';

/** Forward: every output element is a dot product of one kernel with one input patch. */
export function conv2dForwardLoops(
  input: Float32Array,
  weight: Float32Array,
  bias: Float32Array | null,
  g: ConvGeometry,
): Float32Array {
  const { inChannels, inHeight, inWidth, outChannels, kernelHeight, kernelWidth, outHeight, outWidth } = g;
  // Each group of output channels sees only its own slice of the input channels.
  const inPerGroup = inChannels / g.groups;
  const outPerGroup = outChannels / g.groups;
  const out = new Float32Array(g.batch * outChannels * outHeight * outWidth);
  let o = 0; // output elements are produced in memory order
  for (let n = 0; n < g.batch; n++) {
    for (let co = 0; co < outChannels; co++) {
      const firstIn = Math.floor(co / outPerGroup) * inPerGroup;
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          let sum = bias ? bias[co] : 0;
          for (let ci = 0; ci < inPerGroup; ci++) {
            for (let kh = 0; kh < kernelHeight; kh++) {
              const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
              const rowInside = ih >= 0 && ih < inHeight;
              const inRow = ((n * inChannels + firstIn + ci) * inHeight + ih) * inWidth;
              const wRow = ((co * inPerGroup + ci) * kernelHeight + kh) * kernelWidth;
              // kw walks along one row of the input and of the kernel: contiguous memory.
              for (let kw = 0; kw < kernelWidth; kw++) {
                const iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
                const x = rowInside && iw >= 0 && iw < inWidth ? input[inRow + iw] : 0; // 0 in the padding
                sum += x * weight[wRow + kw];
              }
            }
          }
          out[o++] = sum;
        }
      }
    }
  }
  return out;
}

/**
 * Backward to the input: the same loops as forward, but every product sends
 * dOut * w back to the input pixel it read. A pixel read by several windows
 * (overlapping kernels) collects all of their contributions.
 */
export function conv2dBackwardInputLoops(gradOutput: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array {
  const { inChannels, inHeight, inWidth, outChannels, kernelHeight, kernelWidth, outHeight, outWidth } = g;
  const inPerGroup = inChannels / g.groups;
  const outPerGroup = outChannels / g.groups;
  const gradInput = new Float32Array(g.batch * inChannels * inHeight * inWidth);
  let o = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let co = 0; co < outChannels; co++) {
      const firstIn = Math.floor(co / outPerGroup) * inPerGroup;
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          const dOut = gradOutput[o++];
          for (let ci = 0; ci < inPerGroup; ci++) {
            for (let kh = 0; kh < kernelHeight; kh++) {
              const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
              if (ih < 0 || ih >= inHeight) continue; // padding has no gradient to receive
              const inRow = ((n * inChannels + firstIn + ci) * inHeight + ih) * inWidth;
              const wRow = ((co * inPerGroup + ci) * kernelHeight + kh) * kernelWidth;
              for (let kw = 0; kw < kernelWidth; kw++) {
                const iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
                if (iw < 0 || iw >= inWidth) continue;
                gradInput[inRow + iw] += dOut * weight[wRow + kw];
              }
            }
          }
        }
      }
    }
  }
  return gradInput;
}

/**
 * Backward to the weights: again the same loops; every product sends dOut * in
 * to the weight it used. One weight is shared by every output position of its
 * channel, so its gradient is the sum over all of them and over the batch.
 */
export function conv2dBackwardWeightLoops(gradOutput: Float32Array, input: Float32Array, g: ConvGeometry): Float32Array {
  const { inChannels, inHeight, inWidth, outChannels, kernelHeight, kernelWidth, outHeight, outWidth } = g;
  const inPerGroup = inChannels / g.groups;
  const outPerGroup = outChannels / g.groups;
  const gradWeight = new Float32Array(outChannels * inPerGroup * kernelHeight * kernelWidth);
  let o = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let co = 0; co < outChannels; co++) {
      const firstIn = Math.floor(co / outPerGroup) * inPerGroup;
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          const dOut = gradOutput[o++];
          for (let ci = 0; ci < inPerGroup; ci++) {
            for (let kh = 0; kh < kernelHeight; kh++) {
              const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
              const rowInside = ih >= 0 && ih < inHeight;
              const inRow = ((n * inChannels + firstIn + ci) * inHeight + ih) * inWidth;
              const wRow = ((co * inPerGroup + ci) * kernelHeight + kh) * kernelWidth;
              for (let kw = 0; kw < kernelWidth; kw++) {
                const iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
                const x = rowInside && iw >= 0 && iw < inWidth ? input[inRow + iw] : 0; // as in forward
                gradWeight[wRow + kw] += dOut * x;
              }
            }
          }
        }
      }
    }
  }
  return gradWeight;
}

// ---------------------------------------------------------------------------
// The op: arguments, shapes and errors as PyTorch has them, then the kernels.

/** How the border is filled when a convolution pads (nn.Conv2d's `padding_mode`). */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/** Options of `conv2d`, with PyTorch's names, meanings and defaults. */
export interface Conv2dOptions {
  /** Step of the window (default 1). */
  stride?: Size2;
  /** Pixels added on each side (default 0), or 'valid' (none) or 'same' (output size = input size; stride 1 only). */
  padding?: Size2 | 'valid' | 'same';
  /** Spacing between kernel taps (default 1). */
  dilation?: Size2;
  /** Split channels into this many independent convolutions (default 1; in-channels for depthwise). */
  groups?: number;
  /** What the padding holds (default 'zeros'). */
  paddingMode?: PaddingMode;
}

const PADDING_MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

function describe(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/** Reads a number-or-pair argument; `min` is 1 for stride/dilation and 0 for padding. */
function pairArg(value: Size2, name: string, min: number): [number, number] {
  const pair = size2('conv2d', name, value);
  if (pair.some((v) => v < min)) {
    const message =
      name === 'padding' ? 'negative padding is not supported' : name === 'stride' ? 'non-positive stride is not supported' : 'dilation should be greater than zero';
    throw new Error(`conv2d: ${message}, got ${name}=${describe(value)}`);
  }
  return [pair[0], pair[1]];
}

/**
 * Padding on each side, [top, bottom, left, right]. 'same' pads dilation*(k-1)
 * in total per direction; when that is odd the extra pixel goes to the bottom /
 * right, as in PyTorch.
 */
function resolvePadding(
  padding: Conv2dOptions['padding'],
  stride: [number, number],
  dilation: [number, number],
  kernel: [number, number],
): [number, number, number, number] {
  if (typeof padding === 'string') {
    if (padding === 'valid') return [0, 0, 0, 0];
    if (padding !== 'same') {
      throw new Error(`Invalid padding string '${padding}', should be one of {'valid', 'same'}`);
    }
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new Error(`padding='same' is not supported for strided convolutions (got stride=${describe(stride)})`);
    }
    const totalH = dilation[0] * (kernel[0] - 1);
    const totalW = dilation[1] * (kernel[1] - 1);
    const top = Math.floor(totalH / 2);
    const left = Math.floor(totalW / 2);
    return [top, totalH - top, left, totalW - left];
  }
  const [ph, pw] = pairArg(padding ?? 0, 'padding', 0);
  return [ph, ph, pw, pw];
}

function checkShapes(input: Tensor, weight: Tensor, bias: Tensor | null, groups: number): void {
  if (weight.ndim !== 4) {
    throw new Error(
      `conv2d: expected 4-dimensional weight [out_channels, in_channels/groups, kH, kW], but got weight of size ${formatShape(weight.shape)}`,
    );
  }
  const [outChannels, inPerGroup, kernelHeight, kernelWidth] = weight.shape;
  if (kernelHeight < 1 || kernelWidth < 1 || inPerGroup < 1) {
    throw new Error(`conv2d: weight must have non-zero in-channel and kernel sizes, but got weight of size ${formatShape(weight.shape)}`);
  }
  if (outChannels % groups !== 0) {
    throw new Error(
      `Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${formatShape(weight.shape)} instead`,
    );
  }
  if (input.shape[1] !== inPerGroup * groups) {
    throw new Error(
      `Given groups=${groups}, weight of size ${formatShape(weight.shape)}, expected input${formatShape(input.shape)} to have ${inPerGroup * groups} channels, but got ${input.shape[1]} channels instead`,
    );
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outChannels)) {
    throw new Error(
      `Given weight of size ${formatShape(weight.shape)}, expected bias to be 1-dimensional with ${outChannels} elements, but got bias of size ${formatShape(bias.shape)} instead`,
    );
  }
}

/**
 * 2-D convolution over an NCHW batch, like PyTorch's `F.conv2d` (with
 * `paddingMode`, also what `nn.Conv2d` does).
 *
 * - `input`: [N, Cin, H, W], or [Cin, H, W] unbatched (the result is then 3-D too).
 * - `weight`: [Cout, Cin/groups, kH, kW]; `bias`: [Cout], or null/undefined.
 * - Output: [N, Cout, Hout, Wout] with Hout = floor((H + padTop + padBottom - dilation*(kH-1) - 1) / stride) + 1.
 *
 * Differentiable with respect to input, weight and bias. The arithmetic runs on
 * the active backend (`getBackend()`); the backward uses the backend that ran the forward.
 *
 * @example conv2d(x, w)                                     // 'valid', stride 1
 * @example conv2d(x, w, b, { stride: 2, padding: 1 })
 * @example conv2d(x, w, null, { padding: 'same', paddingMode: 'reflect' })
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options: Conv2dOptions = {}): Tensor {
  expectTensor('conv2d', 'input', 1, input);
  expectTensor('conv2d', 'weight', 2, weight);
  if (bias != null) expectTensor('conv2d', 'bias', 3, bias);
  if (input.ndim !== 3 && input.ndim !== 4) {
    throw new Error(
      `Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${formatShape(input.shape)}`,
    );
  }
  if (input.ndim === 3) {
    // Unbatched: a batch of one, then the batch dimension is dropped again.
    const batched = conv2d(reshape(input, [1, ...input.shape]), weight, bias, options);
    return reshape(batched, batched.shape.slice(1));
  }

  const stride = pairArg(options.stride ?? 1, 'stride', 1);
  const dilation = pairArg(options.dilation ?? 1, 'dilation', 1);
  const groups = options.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1) {
    throw new Error(`conv2d: non-positive groups is not supported, groups must be a positive integer, got groups=${groups}`);
  }
  const paddingMode = options.paddingMode ?? 'zeros';
  if (!PADDING_MODES.includes(paddingMode)) {
    throw new Error(
      `padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${paddingMode}'`,
    );
  }
  checkShapes(input, weight, bias ?? null, groups);
  const [outChannels, , kernelHeight, kernelWidth] = weight.shape;
  const [top, bottom, left, right] = resolvePadding(options.padding, stride, dilation, [kernelHeight, kernelWidth]);

  // Any mode but zeros pads for real first (as nn.Conv2d does), then convolves unpadded.
  let x = input;
  let [padTop, padBottom, padLeft, padRight] = [top, bottom, left, right];
  if (paddingMode !== 'zeros' && top + bottom + left + right > 0) {
    x = pad(input, [left, right, top, bottom], paddingMode);
    [padTop, padBottom, padLeft, padRight] = [0, 0, 0, 0];
  }

  const [batch, inChannels, inHeight, inWidth] = x.shape;
  const paddedHeight = inHeight + padTop + padBottom;
  const paddedWidth = inWidth + padLeft + padRight;
  const dilatedKernelHeight = dilation[0] * (kernelHeight - 1) + 1;
  const dilatedKernelWidth = dilation[1] * (kernelWidth - 1) + 1;
  if (paddedHeight < dilatedKernelHeight || paddedWidth < dilatedKernelWidth) {
    throw new Error(
      `Calculated padded input size per channel: (${paddedHeight} x ${paddedWidth}). Kernel size: (${dilatedKernelHeight} x ${dilatedKernelWidth}). Kernel size can't be greater than actual input size`,
    );
  }

  const geometry: ConvGeometry = {
    batch,
    inChannels,
    inHeight,
    inWidth,
    outChannels,
    kernelHeight,
    kernelWidth,
    strideH: stride[0],
    strideW: stride[1],
    padTop,
    padLeft,
    dilationH: dilation[0],
    dilationW: dilation[1],
    groups,
    outHeight: Math.floor((paddedHeight - dilatedKernelHeight) / stride[0]) + 1,
    outWidth: Math.floor((paddedWidth - dilatedKernelWidth) / stride[1]) + 1,
  };
  const kernels = getBackend();
  const out = kernels.conv2dForward(x.data, weight.data, bias ? bias.data : null, geometry);
  const outShape = [batch, outChannels, geometry.outHeight, geometry.outWidth];
  const parents = bias ? [x, weight, bias] : [x, weight];

  return fromOp('conv2d', out, outShape, parents, (gradOut) => {
    const gradInput = needsGrad(x) ? kernels.conv2dBackwardInput(gradOut, weight.data, geometry) : null;
    const gradWeight = needsGrad(weight) ? kernels.conv2dBackwardWeight(gradOut, x.data, geometry) : null;
    return bias ? [gradInput, gradWeight, needsGrad(bias) ? sumPerChannel(gradOut, geometry) : null] : [gradInput, gradWeight];
  });
}

/** dLoss/dBias: a bias is added at every position of its channel, so its gradient sums them all. */
function sumPerChannel(gradOut: Float32Array, g: ConvGeometry): Float32Array {
  const plane = g.outHeight * g.outWidth;
  const gradBias = new Float32Array(g.outChannels);
  for (let n = 0; n < g.batch; n++) {
    for (let co = 0; co < g.outChannels; co++) {
      const start = (n * g.outChannels + co) * plane;
      let sum = 0;
      for (let i = start; i < start + plane; i++) sum += gradOut[i];
      gradBias[co] += sum;
    }
  }
  return gradBias;
}
