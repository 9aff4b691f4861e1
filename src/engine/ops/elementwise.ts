/**
 * Elementwise arithmetic with NumPy/PyTorch broadcasting, and the unary maths
 * the layers and losses are built from. Each op: forward, then its backward.
 */
import { Tensor, expectTensor, fromOp, needsGrad, formatShape, stridesOf, numel, typeName } from '../tensor.ts';
import { floats } from '../storage.ts';

/** A tensor or a plain number (a number broadcasts everywhere). */
export type TensorLike = Tensor | number;

/** A number as a 0-d tensor; anything but a number or a tensor is refused, naming `op`'s argument. */
function asTensor(x: TensorLike, op: string, position: 1 | 2): Tensor {
  if (typeof x === 'number') return new Tensor(new Float32Array([x]), []);
  if (!(x instanceof Tensor)) {
    const name = position === 1 ? 'input' : 'other';
    throw new TypeError(`${op}(): argument '${name}' (position ${position}) must be Tensor or number, not ${typeName(x)}`);
  }
  return x;
}

/** The broadcast shape of two shapes, or PyTorch's error when they do not broadcast. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // From the last dimension back, as PyTorch checks: its message names the last mismatch.
  for (let i = n - 1; i >= 0; i--) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** For each element of `outShape`, the index of the element of `shape` that broadcasts to it. */
function broadcastIndex(shape: readonly number[], outShape: readonly number[]): Int32Array | null {
  if (shape.length === outShape.length && shape.every((d, i) => d === outShape[i])) return null;
  const n = numel(outShape);
  const index = new Int32Array(n);
  const offset = outShape.length - shape.length;
  const inStrides = stridesOf(shape);
  const strides = outShape.map((_, i) => {
    const j = i - offset;
    return j < 0 || shape[j] === 1 ? 0 : inStrides[j];
  });
  const counter = new Array<number>(outShape.length).fill(0);
  let at = 0;
  for (let k = 0; k < n; k++) {
    index[k] = at;
    for (let d = outShape.length - 1; d >= 0; d--) {
      counter[d]++;
      at += strides[d];
      if (counter[d] < outShape[d]) break;
      at -= strides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return index;
}

/** Sums a gradient of the broadcast shape back down to one input's shape. */
function unbroadcast(grad: Float32Array, index: Int32Array | null, size: number): Float32Array {
  if (index === null) return grad;
  const out = floats(size);
  for (let k = 0; k < grad.length; k++) out[index[k]] += grad[k];
  return out;
}

/**
 * Shared skeleton of the binary ops: broadcast, apply `f` per element, and on the
 * way back apply the two partial derivatives and sum over broadcast dimensions.
 */
function binary(
  name: string,
  aIn: TensorLike,
  bIn: TensorLike,
  f: (x: number, y: number) => number,
  dfdx: (x: number, y: number, out: number, g: number) => number,
  dfdy: (x: number, y: number, out: number, g: number) => number,
  savesTensors = true,
): Tensor {
  const a = asTensor(aIn, name, 1);
  const b = asTensor(bIn, name, 2);
  const shape = broadcastShapes(a.shape, b.shape);
  const ia = broadcastIndex(a.shape, shape);
  const ib = broadcastIndex(b.shape, shape);
  const n = numel(shape);
  const out = floats(n);
  const A = a.data;
  const B = b.data;
  for (let k = 0; k < n; k++) out[k] = f(A[ia ? ia[k] : k], B[ib ? ib[k] : k]);
  return fromOp(name, out, shape, [a, b], (g) => {
    let ga: Float32Array | null = null;
    let gb: Float32Array | null = null;
    if (needsGrad(a)) {
      const full = floats(n);
      for (let k = 0; k < n; k++) full[k] = dfdx(A[ia ? ia[k] : k], B[ib ? ib[k] : k], out[k], g[k]);
      ga = unbroadcast(full, ia, A.length);
    }
    if (needsGrad(b)) {
      const full = floats(n);
      for (let k = 0; k < n; k++) full[k] = dfdy(A[ia ? ia[k] : k], B[ib ? ib[k] : k], out[k], g[k]);
      gb = unbroadcast(full, ib, B.length);
    }
    return [ga, gb];
  }, { savesTensors });
}

/** a + b, broadcasting. d/da = 1, d/db = 1. */
export function add(a: TensorLike, b: TensorLike): Tensor {
  // The derivatives are constants: like PyTorch's AddBackward, nothing from the forward pass is kept.
  return binary('add', a, b, (x, y) => x + y, (_x, _y, _o, g) => g, (_x, _y, _o, g) => g, false);
}

/** a - b, broadcasting. d/da = 1, d/db = -1. */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return binary('sub', a, b, (x, y) => x - y, (_x, _y, _o, g) => g, (_x, _y, _o, g) => -g, false);
}

/** a * b, broadcasting. d/da = b, d/db = a. */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return binary('mul', a, b, (x, y) => x * y, (_x, y, _o, g) => g * y, (x, _y, _o, g) => g * x);
}

/** a / b, broadcasting. d/da = 1/b, d/db = -a/b^2. */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return binary('div', a, b, (x, y) => x / y, (_x, y, _o, g) => g / y, (x, y, _o, g) => (-g * x) / (y * y));
}

/**
 * max(a, b) elementwise; the gradient goes to the larger (half each on a tie, as
 * PyTorch). PyTorch only withholds it from the strictly smaller side, so where a
 * NaN makes the comparison fail both sides receive the whole gradient.
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return binary(
    'maximum',
    a,
    b,
    (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)),
    (x, y, _o, g) => (x < y ? 0 : x === y ? g / 2 : g),
    (x, y, _o, g) => (y < x ? 0 : x === y ? g / 2 : g),
  );
}

function unary(
  name: string,
  x: Tensor,
  f: (v: number) => number,
  df: (v: number, out: number) => number,
  savesTensors = true,
): Tensor {
  expectTensor(name, 'input', 1, x);
  const X = x.data;
  const out = floats(X.length);
  for (let i = 0; i < X.length; i++) out[i] = f(X[i]);
  return fromOp(name, out, x.shape, [x], (g) => {
    const gx = floats(X.length);
    for (let i = 0; i < X.length; i++) gx[i] = g[i] * df(X[i], out[i]);
    return [gx];
  }, { savesTensors });
}

/** -x. */
export function neg(x: Tensor): Tensor {
  return unary('neg', x, (v) => -v, () => -1, false);
}

/** e^x; its derivative is itself. */
export function exp(x: Tensor): Tensor {
  return unary('exp', x, Math.exp, (_v, out) => out);
}

/** Natural logarithm; derivative 1/x. */
export function log(x: Tensor): Tensor {
  return unary('log', x, Math.log, (v) => 1 / v);
}

/** Square root; derivative 1/(2 sqrt x). */
export function sqrt(x: Tensor): Tensor {
  return unary('sqrt', x, Math.sqrt, (_v, out) => 0.5 / out);
}

/** x^p for a constant exponent p; derivative p x^(p-1). */
export function pow(x: Tensor, p: number): Tensor {
  return unary('pow', x, (v) => v ** p, (v) => (p === 0 ? 0 : p * v ** (p - 1)));
}

/** |x|; the gradient at 0 is 0, as PyTorch's sign(0) = 0. */
export function abs(x: Tensor): Tensor {
  return unary('abs', x, Math.abs, (v) => Math.sign(v));
}

/** Clamps into [min, max]; the gradient passes only where x was inside. */
export function clamp(x: Tensor, min = -Infinity, max = Infinity): Tensor {
  if (min > max) throw new Error(`clamp: min (${min}) must not exceed max (${max})`);
  return unary('clamp', x, (v) => (v < min ? min : v > max ? max : v), (v) => (v >= min && v <= max ? 1 : 0));
}

/** x * scalar, without building a broadcast index. */
export function scale(x: Tensor, factor: number): Tensor {
  return unary('scale', x, (v) => v * factor, () => factor);
}

export { formatShape };
