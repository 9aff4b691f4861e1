/**
 * Gradient check: the engine's backward against central finite differences.
 *
 * The check reduces the op's output to a scalar with a fixed random projection,
 * L(x) = sum_i f(x)_i * y_i, so one backward pass gives dL/dx for every input
 * at once, and a finite difference of L perturbs one input element at a time:
 *   dL/dx_j ~ (L(x + eps e_j) - L(x - eps e_j)) / (2 eps).
 *
 * Give a float64 twin of the op as `reference` (see ./reference.ts): the finite
 * differences are then taken in float64 and are accurate to ~1e-9, so any
 * mismatch is the engine's. Without one, the engine itself is differenced in
 * float32, which is only good for loose tolerances.
 *
 * @example
 *   gradcheck(
 *     (x, w) => conv2d(x, w, null, { stride: 2 }),
 *     [randomTensor([1, 2, 5, 5], rng, { requiresGrad: true }), randomTensor([3, 2, 3, 3], rng, { requiresGrad: true })],
 *     { reference: (x, w) => conv2dNaive(x, w, null, { stride: 2 }) },
 *   );
 */
import { Tensor, noGrad } from '../../../../src/engine/index.ts';
import { Random } from '../../../../src/engine/index.ts';
import type { Array64 } from './reference.ts';
import { toArray64 } from './reference.ts';

/** Options of `gradcheck`. */
export interface GradcheckOptions {
  /** The op in float64, taking every input (in order) as an Array64. Strongly recommended. */
  reference?: (...inputs: Array64[]) => Array64 | ArrayLike<number>;
  /** Finite-difference step (default 1e-4 with a reference, 1e-2 without). */
  eps?: number;
  /** Absolute tolerance (default 1e-4 with a reference, 1e-2 without). */
  atol?: number;
  /** Relative tolerance, against the numerical value (default 1e-3 with a reference, 1e-2 without). */
  rtol?: number;
  /** Seed for the projection vector and for which elements are checked (default 0). */
  seed?: number;
  /** At most this many elements of each input are differenced, chosen at random (default 64). */
  maxChecksPerInput?: number;
}

/** What was checked, for tests that want to assert the check did something. */
export interface GradcheckReport {
  /** Number of (input, element) pairs compared. */
  checked: number;
  /** Largest |analytic - numeric| seen. */
  maxAbsError: number;
}

/**
 * Throws an Error naming the input, element and both values at the first
 * gradient that differs by more than atol + rtol * |numeric|. With a
 * `reference`, the forward values are compared the same way first.
 * Only inputs with `requiresGrad` are checked; their `.grad` is overwritten.
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  const { reference } = options;
  const eps = options.eps ?? (reference ? 1e-4 : 1e-2);
  const atol = options.atol ?? (reference ? 1e-4 : 1e-2);
  const rtol = options.rtol ?? (reference ? 1e-3 : 1e-2);
  const maxChecks = options.maxChecksPerInput ?? 64;
  const rng = new Random(options.seed ?? 0);

  // Analytic gradients: one backward pass of the projected output.
  for (const x of inputs) x.grad = null;
  const out = fn(...inputs);
  const projection = new Float32Array(out.data.length);
  for (let i = 0; i < projection.length; i++) projection[i] = rng.uniform(-1, 1);
  if (inputs.some((x) => x.requiresGrad)) {
    if (!out.requiresGrad) throw new Error('gradcheck: the output does not require grad although an input does');
    out.backward(new Tensor(projection.slice(), out.shape));
  }

  const project = (values: ArrayLike<number>): number => {
    if (values.length !== projection.length) {
      throw new Error(`gradcheck: reference gives ${values.length} values, the engine ${projection.length}`);
    }
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i] * projection[i];
    return sum;
  };
  const valuesOf = (r: Array64 | ArrayLike<number>): ArrayLike<number> => ('data' in r && 'shape' in r ? r.data : r);

  let loss: (which: number, perturbed: Float64Array) => number;
  if (reference) {
    const base = inputs.map(toArray64);
    const expected = valuesOf(reference(...base));
    project(expected); // checks the lengths agree before comparing values
    for (let i = 0; i < expected.length; i++) {
      const a = out.data[i];
      const b = expected[i];
      const bothNaN = Number.isNaN(a) && Number.isNaN(b);
      if (!bothNaN && !(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        throw new Error(`gradcheck: forward output[${i}] is ${a}, reference ${b}`);
      }
    }
    loss = (which, perturbed) =>
      project(valuesOf(reference(...base.map((a, k) => (k === which ? { data: perturbed, shape: a.shape } : a)))));
  } else {
    loss = (which, perturbed) =>
      noGrad(() =>
        project(fn(...inputs.map((x, k) => (k === which ? new Tensor(Float32Array.from(perturbed), x.shape) : x))).data),
      );
  }

  let checked = 0;
  let maxAbsError = 0;
  inputs.forEach((x, which) => {
    if (!x.requiresGrad) return;
    const analytic = x.grad?.data ?? new Float32Array(x.data.length);
    const positions = rng.shuffle([...Array(x.data.length).keys()]).slice(0, maxChecks);
    const values = Float64Array.from(x.data);
    for (const j of positions) {
      const original = values[j];
      values[j] = original + eps;
      const up = loss(which, values);
      values[j] = original - eps;
      const down = loss(which, values);
      values[j] = original;
      const numeric = (up - down) / (2 * eps);
      const error = Math.abs(analytic[j] - numeric);
      maxAbsError = Math.max(maxAbsError, error);
      if (!(error <= atol + rtol * Math.abs(numeric))) {
        throw new Error(
          `gradcheck: input ${which} (shape [${x.shape.join(', ')}]) element ${j}: backward gives ${analytic[j]}, finite differences ${numeric}`,
        );
      }
      checked++;
    }
  });
  return { checked, maxAbsError };
}
