/**
 * The non-linearities between layers. Each is applied to every element on its
 * own, so each is written as its value and its derivative side by side.
 */
import { Tensor, expectTensor, fromOp } from '../tensor.ts';
import { randomFor } from '../random.ts';
import { getBackend } from '../backend.ts';
import { emptyFloats, floats } from '../storage.ts';

/**
 * Applies `f` per element; backward multiplies the incoming gradient by `df`,
 * which may look at the input `x` and at the output `y` (sigmoid and tanh need y).
 *
 * `f` runs through `map`, a loop written out in each activation's own call
 * (`(x, y) => { for (...) y[i] = f(x[i]) }`): V8 then inlines `f` into that loop,
 * where calling it through a shared loop here would cost a function call per
 * element and halve the speed of the forward pass.
 */
function pointwise(
  name: string,
  input: Tensor,
  map: (x: Float32Array, y: Float32Array) => void,
  df: (x: number, y: number) => number,
): Tensor {
  expectTensor(name, 'input', 1, input);
  const x = input.data;
  const y = floats(x.length);
  map(x, y);
  return fromOp(name, y, input.shape, [input], (g) => {
    const gx = emptyFloats(x.length);
    for (let i = 0; i < x.length; i++) gx[i] = g[i] * df(x[i], y[i]);
    return [gx];
  });
}

/**
 * max(0, x). The gradient is 0 where x <= 0, including at exactly 0 (PyTorch's
 * choice), and passes through elsewhere. NaN stays NaN, and its gradient passes
 * through: as in PyTorch's threshold_backward, only x <= 0 blocks it.
 */
export function relu(input: Tensor): Tensor {
  return pointwise(
    'relu',
    input,
    (x, y) => {
      for (let i = 0; i < x.length; i++) y[i] = x[i] <= 0 ? 0 : x[i];
    },
    (x) => (x <= 0 ? 0 : 1),
  );
}

/**
 * x for x > 0, `negativeSlope * x` otherwise, like `F.leaky_relu`. The small slope
 * keeps a gradient flowing for negative inputs, so a unit cannot "die". At exactly
 * 0 the gradient is `negativeSlope`, as in PyTorch.
 */
export function leakyRelu(input: Tensor, negativeSlope = 0.01): Tensor {
  return pointwise(
    'leakyRelu',
    input,
    (x, y) => {
      for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : x[i] * negativeSlope;
    },
    (x) => (x > 0 ? 1 : negativeSlope),
  );
}

/** Options of {@link rrelu}, PyTorch's names and defaults. */
export interface RReluOptions {
  /** Smallest random slope (default 1/8). */
  lower?: number;
  /** Largest random slope (default 1/3). */
  upper?: number;
  /** Draw a random slope per element (true) or use the mean slope (false, the default as in `F.rrelu`). */
  training?: boolean;
  /** Seed for the slopes; without it the engine-wide generator (`manualSeed`) is used. */
  seed?: number;
}

/**
 * Randomised leaky ReLU, like `F.rrelu`. In training every element x <= 0 gets its
 * own slope drawn uniformly from [lower, upper], and backward uses the same slope.
 * In evaluation it is a leaky ReLU with the mean slope (lower + upper) / 2.
 */
export function rrelu(input: Tensor, options: RReluOptions = {}): Tensor {
  expectTensor('rrelu', 'input', 1, input);
  const { lower = 1 / 8, upper = 1 / 3, training = false } = options;
  if (!(lower <= upper)) {
    throw new Error(
      `rrelu: Lower bound should be less than or equal to the upper bound (got lower=${lower}, upper=${upper})`,
    );
  }
  if (!training) return leakyRelu(input, (lower + upper) / 2);

  const rng = randomFor(options.seed);
  const x = input.data;
  const slope = floats(x.length);
  const y = floats(x.length);
  for (let i = 0; i < x.length; i++) {
    slope[i] = x[i] <= 0 ? rng.uniform(lower, upper) : 1;
    y[i] = x[i] * slope[i];
  }
  return fromOp('rrelu', y, input.shape, [input], (g) => {
    const gx = floats(x.length);
    for (let i = 0; i < x.length; i++) gx[i] = g[i] * slope[i];
    return [gx];
  });
}

/**
 * 1 / (1 + e^-x), squashing into (0, 1). Derivative y (1 - y): at most 1/4, which is
 * why deep stacks of sigmoids learn slowly. Written so that e^x never overflows.
 */
export function sigmoid(input: Tensor): Tensor {
  return pointwise(
    'sigmoid',
    input,
    (x, y) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v >= 0) y[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          y[i] = e / (1 + e);
        }
      }
    },
    (_x, y) => y * (1 - y),
  );
}

/** tanh's forward loop: the reference and fast backends' `tanhForward`. */
export function tanhForwardLoops(x: Float32Array): Float32Array {
  const y = emptyFloats(x.length);
  for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
  return y;
}

/** tanh's backward loop, from the output: d tanh(x)/dx = 1 - tanh(x)^2 = 1 - y^2. */
export function tanhBackwardLoops(gradOutput: Float32Array, y: Float32Array): Float32Array {
  const gx = emptyFloats(y.length);
  for (let i = 0; i < y.length; i++) gx[i] = gradOutput[i] * (1 - y[i] * y[i]);
  return gx;
}

/**
 * Hyperbolic tangent, squashing into (-1, 1) around 0. Derivative 1 - y^2.
 * It runs on the active backend (LeNet-5 applies it to every feature map, so a
 * faster backend gives it SIMD); the backward uses the backend that ran the forward.
 */
export function tanh(input: Tensor): Tensor {
  expectTensor('tanh', 'input', 1, input);
  const kernels = getBackend();
  const y = kernels.tanhForward(input.data);
  return fromOp('tanh', y, input.shape, [input], (g) => [kernels.tanhBackward(g, y)]);
}
