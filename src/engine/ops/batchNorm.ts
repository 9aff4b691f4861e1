/**
 * Batch normalisation: every channel is shifted and scaled to mean 0 and
 * variance 1 over the batch (and over H, W for images), then given a learned
 * scale (weight, gamma) and shift (bias, beta).
 */
import { Tensor, expectTensor, fromOp, needsGrad, numel, formatShape } from '../tensor.ts';
import { floats } from '../storage.ts';

/** Options of {@link batchNorm}, PyTorch's names and defaults. */
export interface BatchNormOptions {
  /** Normalise with this batch's statistics and update the running ones (default false, as `F.batch_norm`). */
  training?: boolean;
  /** Weight of the new batch in the running averages (default 0.1). */
  momentum?: number;
  /** Added to the variance before the square root, so a constant channel does not divide by 0 (default 1e-5). */
  eps?: number;
}

function checkChannelVector(t: Tensor | null | undefined, channels: number, name: string): void {
  if (t && t.numel() !== channels) {
    throw new Error(`${name} should contain ${channels} elements not ${t.numel()}`);
  }
}

/**
 * Like `torch.nn.functional.batch_norm` for `[N, C]`, `[N, C, L]` or `[N, C, H, W]`
 * input (channel is dimension 1; every other dimension is averaged over).
 *
 * - Training: x_hat = (x - mean_B) / sqrt(var_B + eps), with the batch mean and the
 *   biased batch variance (divided by the count m). The running statistics are then
 *   updated in place, PyTorch's way: running = (1 - momentum) * running + momentum * batch,
 *   using the UNBIASED variance (divided by m - 1) for `runningVar`.
 * - Evaluation: x_hat = (x - runningMean) / sqrt(runningVar + eps), a fixed affine map.
 *
 * Output y = weight * x_hat + bias (weight 1 and bias 0 when omitted). Differentiable
 * with respect to input, weight and bias; the running statistics are buffers, not
 * parameters, and never receive a gradient.
 */
export function batchNorm(
  input: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight?: Tensor | null,
  bias?: Tensor | null,
  options: BatchNormOptions = {},
): Tensor {
  expectTensor('batchNorm', 'input', 1, input);
  // The optional tensors may be null or undefined, but nothing else.
  [runningMean, runningVar, weight, bias].forEach((t, i) => {
    if (t != null) expectTensor('batchNorm', ['runningMean', 'runningVar', 'weight', 'bias'][i], i + 2, t);
  });
  const { training = false, momentum = 0.1, eps = 1e-5 } = options;
  if (input.ndim < 2) {
    throw new Error(`batchNorm: expected input of at least 2 dimensions [N, C, ...], got shape ${formatShape(input.shape)}`);
  }
  if (!(eps > 0)) throw new Error(`batchNorm: eps must be positive, got ${eps}`);
  const [batch, channels] = input.shape;
  const spatial = numel(input.shape.slice(2));
  const count = batch * spatial; // values per channel
  checkChannelVector(runningMean, channels, 'running_mean');
  checkChannelVector(runningVar, channels, 'running_var');
  checkChannelVector(weight, channels, 'weight');
  checkChannelVector(bias, channels, 'bias');
  if (training && count <= 1) {
    throw new Error(`Expected more than 1 value per channel when training, got input size ${formatShape(input.shape)}`);
  }
  if (!training && (!runningMean || !runningVar)) {
    throw new Error('batchNorm: running_mean and running_var must be defined in evaluation mode');
  }

  const x = input.data;
  const at = (n: number, c: number) => (n * channels + c) * spatial; // first value of (n, c)
  const mean = new Float64Array(channels);
  const invStd = new Float64Array(channels);
  if (training) {
    for (let c = 0; c < channels; c++) {
      let total = 0;
      for (let n = 0; n < batch; n++) for (let s = 0; s < spatial; s++) total += x[at(n, c) + s];
      const mu = total / count;
      let squares = 0;
      for (let n = 0; n < batch; n++) for (let s = 0; s < spatial; s++) squares += (x[at(n, c) + s] - mu) ** 2;
      const variance = squares / count;
      mean[c] = mu;
      invStd[c] = 1 / Math.sqrt(variance + eps);
      if (runningMean) runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mu;
      if (runningVar) runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * (squares / (count - 1));
    }
  } else {
    for (let c = 0; c < channels; c++) {
      mean[c] = runningMean!.data[c];
      invStd[c] = 1 / Math.sqrt(runningVar!.data[c] + eps);
    }
  }

  const gamma = (c: number) => (weight ? weight.data[c] : 1);
  const xHat = floats(x.length);
  const y = floats(x.length);
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      const beta = bias ? bias.data[c] : 0;
      for (let s = 0; s < spatial; s++) {
        const k = at(n, c) + s;
        xHat[k] = (x[k] - mean[c]) * invStd[c];
        y[k] = gamma(c) * xHat[k] + beta;
      }
    }
  }

  const parents = [input, weight ?? null, bias ?? null].filter((t): t is Tensor => t !== null);
  return fromOp('batchNorm', y, input.shape, parents, (g) => {
    // Per channel: sum of g and of g * x_hat, which give dBias, dWeight and the input gradient.
    const sumG = new Float64Array(channels);
    const sumGXHat = new Float64Array(channels);
    for (let n = 0; n < batch; n++) {
      for (let c = 0; c < channels; c++) {
        for (let s = 0; s < spatial; s++) {
          const k = at(n, c) + s;
          sumG[c] += g[k];
          sumGXHat[c] += g[k] * xHat[k];
        }
      }
    }
    let gx: Float32Array | null = null;
    if (needsGrad(input)) {
      gx = floats(x.length);
      for (let n = 0; n < batch; n++) {
        for (let c = 0; c < channels; c++) {
          const scale = gamma(c) * invStd[c];
          for (let s = 0; s < spatial; s++) {
            const k = at(n, c) + s;
            // With batch statistics, mean and variance depend on x too: subtract the
            // gradient's mean and its component along x_hat. With running ones they are constants.
            gx[k] = training
              ? (scale / count) * (count * g[k] - sumG[c] - xHat[k] * sumGXHat[c])
              : scale * g[k];
          }
        }
      }
    }
    const grads: (Float32Array | null)[] = [gx];
    if (weight) grads.push(needsGrad(weight) ? Float32Array.from(sumGXHat) : null);
    if (bias) grads.push(needsGrad(bias) ? Float32Array.from(sumG) : null);
    return grads;
  });
}
