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
import { Tensor, expectTensor, fromOp, needsGrad } from '../tensor.ts';
import { pad } from './pad.ts';
import type { Conv2dArgs } from '../shapes.ts';
import { conv2dGeometry } from '../shapes.ts';
import { floats } from '../storage.ts';

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
  const out = floats(g.batch * outChannels * outHeight * outWidth);
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
  const gradInput = floats(g.batch * inChannels * inHeight * inWidth);
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
  const gradWeight = floats(outChannels * inPerGroup * kernelHeight * kernelWidth);
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
// The op: the geometry (shapes, padding and PyTorch's refusals) comes from the
// shape module, which nn.Conv2d and summary() use too; then the kernels run.

/** Options of `conv2d`: `stride`, `padding` (a number, [h, w], 'valid' or 'same'), `dilation`, `groups`, `paddingMode`. */
export type Conv2dOptions = Conv2dArgs;

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
  const plan = conv2dGeometry(input.shape, weight.shape, options, bias ? bias.shape : null);

  // Any mode but zeros pads for real first (as nn.Conv2d does), then convolves unpadded.
  const x = plan.inputPadding ? pad(input, plan.inputPadding.pads, plan.inputPadding.mode) : input;
  const geometry = plan.geometry;
  const kernels = getBackend();
  const out = kernels.conv2dForward(x.data, weight.data, bias ? bias.data : null, geometry);
  const parents = bias ? [x, weight, bias] : [x, weight];

  return fromOp('conv2d', out, plan.outputShape, parents, (gradOut) => {
    const gradInput = needsGrad(x) ? kernels.conv2dBackwardInput(gradOut, weight.data, geometry) : null;
    const gradWeight = needsGrad(weight) ? kernels.conv2dBackwardWeight(gradOut, x.data, geometry) : null;
    return bias ? [gradInput, gradWeight, needsGrad(bias) ? sumPerChannel(gradOut, geometry) : null] : [gradInput, gradWeight];
  });
}

/** dLoss/dBias: a bias is added at every position of its channel, so its gradient sums them all. */
function sumPerChannel(gradOut: Float32Array, g: ConvGeometry): Float32Array {
  const plane = g.outHeight * g.outWidth;
  const gradBias = floats(g.outChannels);
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
