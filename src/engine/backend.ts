/**
 * The kernel interface: the few hot loops (convolution, pooling, matrix
 * multiply, tanh) that every op funnels into. The ops own validation, shapes and the
 * autograd graph; a backend owns only arithmetic on flat Float32Arrays.
 *
 * The `reference` backend is the plain loops from the op files, written to be
 * read in the lessons. A faster backend must give the same numbers and runs the
 * very same test suite (tests loop over `listBackends()`).
 */

/** Everything a convolution kernel needs to know, already validated by `conv2d`. */
export interface ConvGeometry {
  batch: number;
  inChannels: number;
  inHeight: number;
  inWidth: number;
  outChannels: number;
  kernelHeight: number;
  kernelWidth: number;
  strideH: number;
  strideW: number;
  /** Zero padding before the first row / column; the far side is implied by the output size. */
  padTop: number;
  padLeft: number;
  dilationH: number;
  dilationW: number;
  groups: number;
  outHeight: number;
  outWidth: number;
}

/** Everything a pooling kernel needs, already validated by the pooling op. */
export interface PoolGeometry {
  batch: number;
  channels: number;
  inHeight: number;
  inWidth: number;
  kernelHeight: number;
  kernelWidth: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
  dilationH: number;
  dilationW: number;
  outHeight: number;
  outWidth: number;
}

/** Average pooling adds PyTorch's divisor rules. */
export interface AvgPoolGeometry extends PoolGeometry {
  countIncludePad: boolean;
  divisorOverride: number | null;
}

export interface Kernels {
  readonly name: string;
  /** NCHW input, [Cout, Cin/groups, kH, kW] weight, optional [Cout] bias -> NCHW output. */
  conv2dForward(input: Float32Array, weight: Float32Array, bias: Float32Array | null, g: ConvGeometry): Float32Array;
  /** dLoss/dInput from dLoss/dOutput (a transposed convolution). */
  conv2dBackwardInput(gradOutput: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array;
  /** dLoss/dWeight from dLoss/dOutput and the input (a correlation of the two). */
  conv2dBackwardWeight(gradOutput: Float32Array, input: Float32Array, g: ConvGeometry): Float32Array;
  /** Max pooling; `indices` holds, per output, the flat h*W+w index of the winner in its plane (-1 if the window held no input). */
  maxPool2dForward(input: Float32Array, g: PoolGeometry): { output: Float32Array; indices: Int32Array };
  maxPool2dBackward(gradOutput: Float32Array, indices: Int32Array, g: PoolGeometry): Float32Array;
  avgPool2dForward(input: Float32Array, g: AvgPoolGeometry): Float32Array;
  avgPool2dBackward(gradOutput: Float32Array, g: AvgPoolGeometry): Float32Array;
  /**
   * C[M,N] (+)= op(A) op(B), row-major, where op(A) is A[M,K] or, with transA, A stored as [K,M]
   * (likewise B: [K,N], or [N,K] with transB). With `accumulate`, adds into `out`.
   */
  gemm(
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    accumulate: boolean,
  ): void;
  /** y = tanh(x) per element, into a new array (the activation LeNet-5 trains with). */
  tanhForward(input: Float32Array): Float32Array;
  /** dLoss/dx = dLoss/dy * (1 - y^2), from tanh's output y. */
  tanhBackward(gradOutput: Float32Array, output: Float32Array): Float32Array;
}

const registry = new Map<string, Kernels>();
let active: Kernels | null = null;

/** Makes a backend available by name. The first one registered becomes active. */
export function registerBackend(kernels: Kernels): void {
  registry.set(kernels.name, kernels);
  if (active === null) active = kernels;
}

/** Switches every op to the named backend. */
export function setBackend(name: string): void {
  const k = registry.get(name);
  if (!k) throw new Error(`setBackend: unknown backend '${name}' (available: ${[...registry.keys()].join(', ')})`);
  active = k;
}

/** The backend ops run on now. */
export function getBackend(): Kernels {
  if (active === null) throw new Error('no engine backend is registered');
  return active;
}

/** Names of all registered backends, for tests that must pass on each. */
export function listBackends(): string[] {
  return [...registry.keys()];
}

/** Runs `fn` with another backend active, then restores the previous one. */
export function withBackend<T>(name: string, fn: () => T): T {
  const previous = getBackend().name;
  setBackend(name);
  try {
    return fn();
  } finally {
    setBackend(previous);
  }
}
