/**
 * Loss functions: one number that says how wrong the network is, whose gradient
 * training follows downhill. Cross-entropy for classification, mean squared error
 * for regression.
 */
import { Tensor, expectTensor, fromOp, needsGrad, formatShape } from '../tensor.ts';
import { floats } from '../storage.ts';

/** How per-sample losses are combined, PyTorch's `reduction`. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Class labels: one integer class index per sample. */
export type ClassTargets = Int32Array | readonly number[] | Tensor;

/** Options of {@link nllLoss}. */
export interface NllLossOptions {
  /** 'mean' (default) averages over the counted samples, 'sum' adds, 'none' returns one loss per sample. */
  reduction?: Reduction;
  /** Samples with this target add nothing and are left out of the mean (default -100, as PyTorch). */
  ignoreIndex?: number;
}

/** Options of {@link crossEntropy}. */
export interface CrossEntropyOptions extends NllLossOptions {
  /**
   * Mixes the one-hot target with the uniform distribution: the target becomes
   * (1 - labelSmoothing) on the true class plus labelSmoothing / C on every class (default 0).
   */
  labelSmoothing?: number;
}

function checkReduction(reduction: string): asserts reduction is Reduction {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw new Error(`${reduction} is not a valid value for reduction`);
  }
}

function checkLogits(input: Tensor, what: string): [number, number] {
  expectTensor(what, 'input', 1, input);
  if (input.ndim !== 2) {
    throw new Error(`${what}: expected input of shape [N, C] (N samples, C classes), got ${formatShape(input.shape)}`);
  }
  return [input.shape[0], input.shape[1]];
}

/**
 * Validates class-index targets against N samples and C classes and returns them as
 * integers; samples equal to `ignoreIndex` are kept as is (the losses skip them).
 */
function classIndices(targets: ClassTargets, batch: number, classes: number, ignoreIndex: number): Int32Array {
  let values: ArrayLike<number>;
  if (targets instanceof Tensor) {
    if (targets.ndim !== 1) {
      throw new Error(`Expected a 1-D tensor of class indices as target, got shape ${formatShape(targets.shape)}`);
    }
    values = targets.data;
  } else values = targets;
  if (values.length !== batch) {
    throw new Error(`Expected input batch_size (${batch}) to match target batch_size (${values.length}).`);
  }
  const out = new Int32Array(batch);
  for (let n = 0; n < batch; n++) {
    const t = values[n];
    if (t === ignoreIndex) {
      out[n] = t;
      continue;
    }
    if (!Number.isInteger(t)) throw new Error(`Target ${t} is not an integer class index (sample ${n}).`);
    if (t < 0 || t >= classes) throw new Error(`Target ${t} is out of bounds.`);
    out[n] = t;
  }
  return out;
}

/**
 * Combines the per-sample losses; returns the output and, per sample, the factor
 * by which the reduced output's gradient reaches that sample's loss.
 */
function reduce(perSample: Float64Array, counted: Uint8Array, reduction: Reduction) {
  const batch = perSample.length;
  if (reduction === 'none') {
    return {
      data: Float32Array.from(perSample),
      shape: [batch],
      weight: (n: number, g: Float32Array) => g[n] * counted[n],
    };
  }
  let total = 0;
  let count = 0;
  for (let n = 0; n < batch; n++) {
    if (!counted[n]) continue;
    total += perSample[n];
    count++;
  }
  // With every sample ignored, PyTorch's mean is 0/0 = NaN; so is this one.
  const divisor = reduction === 'mean' ? count : 1;
  return {
    data: new Float32Array([total / divisor]),
    shape: [] as number[],
    weight: (n: number, g: Float32Array) => (counted[n] ? g[0] / divisor : 0),
  };
}

/**
 * Negative log-likelihood, like `F.nll_loss`: `input` holds log-probabilities
 * `[N, C]` (from {@link logSoftmax}), the loss of sample n is -input[n, target_n].
 * Backward puts -1 (times the reduction's factor) at each target and 0 elsewhere.
 */
export function nllLoss(input: Tensor, targets: ClassTargets, options: NllLossOptions = {}): Tensor {
  const { reduction = 'mean', ignoreIndex = -100 } = options;
  checkReduction(reduction);
  const [batch, classes] = checkLogits(input, 'nllLoss');
  const t = classIndices(targets, batch, classes, ignoreIndex);
  const x = input.data;
  const perSample = new Float64Array(batch);
  const counted = new Uint8Array(batch);
  for (let n = 0; n < batch; n++) {
    if (t[n] === ignoreIndex) continue;
    counted[n] = 1;
    perSample[n] = -x[n * classes + t[n]];
  }
  const reduced = reduce(perSample, counted, reduction);
  return fromOp('nllLoss', reduced.data, reduced.shape, [input], (g) => {
    const gx = floats(x.length);
    for (let n = 0; n < batch; n++) if (counted[n]) gx[n * classes + t[n]] = -reduced.weight(n, g);
    return [gx];
  });
}

/**
 * Cross-entropy of raw scores `logits [N, C]` against class indices, like
 * `F.cross_entropy`: logSoftmax and NLL in one step. With q the target
 * distribution (one-hot, or smoothed) and p = softmax(logits):
 *
 *   loss_n = -sum_c q_c log p_c,   d loss_n / d logit_c = p_c - q_c.
 *
 * log p is computed as logit - max - log(sum e^(logit - max)), so large scores
 * cannot overflow. Reduction 'mean' (default) averages over non-ignored samples.
 *
 * @example crossEntropy(tensor([[2, 0, 0]]), [0]) // -log(e^2 / (e^2 + 2)) = 0.2395
 */
export function crossEntropy(logits: Tensor, targets: ClassTargets, options: CrossEntropyOptions = {}): Tensor {
  const { reduction = 'mean', ignoreIndex = -100, labelSmoothing = 0 } = options;
  checkReduction(reduction);
  if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    throw new Error(`label_smoothing must be between 0.0 and 1.0. Got: ${labelSmoothing}`);
  }
  const [batch, classes] = checkLogits(logits, 'crossEntropy');
  const t = classIndices(targets, batch, classes, ignoreIndex);
  const z = logits.data;
  // Target probability of class c for a sample whose label is `label`.
  const q = (c: number, label: number) => (c === label ? 1 - labelSmoothing : 0) + labelSmoothing / classes;

  const perSample = new Float64Array(batch);
  const counted = new Uint8Array(batch);
  const logSumExp = new Float64Array(batch);
  for (let n = 0; n < batch; n++) {
    if (t[n] === ignoreIndex) continue;
    counted[n] = 1;
    const row = n * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, z[row + c]);
    let total = 0;
    for (let c = 0; c < classes; c++) total += Math.exp(z[row + c] - max);
    logSumExp[n] = max + Math.log(total);
    let loss = 0;
    for (let c = 0; c < classes; c++) {
      const qc = q(c, t[n]);
      if (qc !== 0) loss -= qc * (z[row + c] - logSumExp[n]);
    }
    perSample[n] = loss;
  }
  const reduced = reduce(perSample, counted, reduction);
  return fromOp('crossEntropy', reduced.data, reduced.shape, [logits], (g) => {
    const gz = floats(z.length);
    for (let n = 0; n < batch; n++) {
      if (!counted[n]) continue;
      const factor = reduced.weight(n, g);
      const row = n * classes;
      for (let c = 0; c < classes; c++) gz[row + c] = factor * (Math.exp(z[row + c] - logSumExp[n]) - q(c, t[n]));
    }
    return [gz];
  });
}

/** Options of {@link mseLoss}. */
export interface MseLossOptions {
  /** 'mean' (default) over all elements, 'sum', or 'none' for the elementwise squares. */
  reduction?: Reduction;
}

/**
 * Mean squared error, like `F.mse_loss`: mean of (input - target)^2.
 * Backward: d/dinput = 2 (input - target) / count, and the negative for target.
 *
 * Unlike PyTorch, which only warns and then broadcasts, different shapes are an
 * error here: a `[N]` target against `[N, 1]` predictions would silently compare
 * every prediction with every target.
 */
export function mseLoss(input: Tensor, target: Tensor, options: MseLossOptions = {}): Tensor {
  expectTensor('mseLoss', 'input', 1, input);
  expectTensor('mseLoss', 'target', 2, target);
  const { reduction = 'mean' } = options;
  checkReduction(reduction);
  if (input.shape.length !== target.shape.length || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new Error(
      `mseLoss: target size (${formatShape(target.shape)}) must be the same as input size (${formatShape(input.shape)})`,
    );
  }
  const x = input.data;
  const y = target.data;
  const count = x.length;
  const diff = new Float64Array(count);
  for (let i = 0; i < count; i++) diff[i] = x[i] - y[i];

  let data: Float32Array;
  let shape: readonly number[];
  if (reduction === 'none') {
    data = floats(count);
    for (let i = 0; i < count; i++) data[i] = diff[i] * diff[i];
    shape = input.shape;
  } else {
    let total = 0;
    for (let i = 0; i < count; i++) total += diff[i] * diff[i];
    data = new Float32Array([reduction === 'mean' ? total / count : total]);
    shape = [];
  }
  return fromOp('mseLoss', data, shape, [input, target], (g) => {
    const gradAt = (i: number) =>
      reduction === 'none' ? 2 * diff[i] * g[i] : (2 * diff[i] * g[0]) / (reduction === 'mean' ? count : 1);
    const gx = needsGrad(input) ? floats(count) : null;
    const gy = needsGrad(target) ? floats(count) : null;
    for (let i = 0; i < count; i++) {
      const d = gradAt(i);
      if (gx) gx[i] = d;
      if (gy) gy[i] = -d;
    }
    return [gx, gy];
  });
}
