/**
 * Deliberately naive float64 references, written straight from PyTorch's
 * documented definitions and sharing no code with the engine. They are slow and
 * obvious on purpose: a test compares the engine against them, so they must be
 * easy to check by eye.
 *
 * Arrays are `{ data: Float64Array, shape }`, row-major like the engine's tensors.
 *
 * @example
 *   const y = conv2dNaive(toArray64(x), toArray64(w), null, { padding: 'same', paddingMode: 'reflect' });
 *   expectClose(engineOut.data, y.data, { atol: 1e-5, rtol: 1e-5 });
 */

/** A float64 n-dimensional array. */
export interface Array64 {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

/** Copies anything with `data` and `shape` (an engine Tensor, say) into float64. */
export function toArray64(x: { data: ArrayLike<number>; shape: readonly number[] }): Array64 {
  return { data: Float64Array.from(x.data), shape: [...x.shape] };
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Row-major flat index of a multi-index. */
function flatIndex(index: readonly number[], shape: readonly number[]): number {
  let at = 0;
  for (let d = 0; d < shape.length; d++) at = at * shape[d] + index[d];
  return at;
}

/** Multi-index of a row-major flat index. */
function multiIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

/** Padding modes, as `F.pad` names them. */
export type NaivePadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

/**
 * Where padded position `i` (0-based, `before` positions added in front of a
 * dimension of size `n`) takes its value from, or -1 for the constant.
 * reflect mirrors about the edge without repeating it (a b c -> c b | a b c | b a),
 * replicate repeats the edge, circular wraps around.
 */
function sourceIndex(i: number, before: number, n: number, mode: NaivePadMode): number {
  const j = i - before;
  if (j >= 0 && j < n) return j;
  switch (mode) {
    case 'constant':
      return -1;
    case 'reflect':
      return j < 0 ? -j : 2 * (n - 1) - j;
    case 'replicate':
      return j < 0 ? 0 : n - 1;
    case 'circular':
      return ((j % n) + n) % n;
  }
}

/**
 * F.pad in float64. `pads` lists (before, after) pairs from the last dimension
 * backwards, as PyTorch does: [left, right, top, bottom]. Negative constant pads crop.
 * No argument checking: tests check the engine's errors, not this.
 */
export function padNaive(input: Array64, pads: readonly number[], mode: NaivePadMode = 'constant', value = 0): Array64 {
  const ndim = input.shape.length;
  const before = new Array<number>(ndim).fill(0);
  const after = new Array<number>(ndim).fill(0);
  for (let p = 0; p < pads.length / 2; p++) {
    before[ndim - 1 - p] = pads[2 * p];
    after[ndim - 1 - p] = pads[2 * p + 1];
  }
  const outShape = input.shape.map((n, d) => n + before[d] + after[d]);
  const out = new Float64Array(product(outShape));
  for (let k = 0; k < out.length; k++) {
    const index = multiIndex(k, outShape);
    const src = index.map((i, d) => sourceIndex(i, before[d], input.shape[d], mode));
    out[k] = src.includes(-1) ? value : input.data[flatIndex(src, input.shape)];
  }
  return { data: out, shape: outShape };
}

/** Options of the reference convolution, with PyTorch's meanings and defaults. */
export interface NaiveConvOptions {
  stride?: number | readonly [number, number];
  padding?: number | readonly [number, number] | 'valid' | 'same';
  dilation?: number | readonly [number, number];
  groups?: number;
  paddingMode?: 'zeros' | 'reflect' | 'replicate' | 'circular';
}

function pair(v: number | readonly [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/**
 * The padding on each side, [top, bottom, left, right]. 'same' pads
 * dilation*(kernel-1) in total, the smaller half first, as PyTorch does.
 */
export function naiveConvPadding(
  padding: NaiveConvOptions['padding'],
  kernel: [number, number],
  dilation: [number, number],
): [number, number, number, number] {
  if (padding === 'valid' || padding === undefined) return [0, 0, 0, 0];
  if (padding === 'same') {
    const totalH = dilation[0] * (kernel[0] - 1);
    const totalW = dilation[1] * (kernel[1] - 1);
    const top = Math.floor(totalH / 2);
    const left = Math.floor(totalW / 2);
    return [top, totalH - top, left, totalW - left];
  }
  const [ph, pw] = pair(padding);
  return [ph, ph, pw, pw];
}

/**
 * conv2d in float64 (4-D NCHW input only), from the definition:
 *   out[n][co][oh][ow] = bias[co] + sum_{c, kh, kw} x[n][g*Cg + c][oh*sH + kh*dH][ow*sW + kw*dW] * w[co][c][kh][kw]
 * where x is the input padded explicitly first (zeros or the padding mode),
 * g = the group of output channel co, and Cg = in-channels per group.
 */
export function conv2dNaive(
  input: Array64,
  weight: Array64,
  bias: Array64 | null,
  options: NaiveConvOptions = {},
): Array64 {
  const [sH, sW] = pair(options.stride ?? 1);
  const [dH, dW] = pair(options.dilation ?? 1);
  const groups = options.groups ?? 1;
  const [outC, inPerGroup, kH, kW] = weight.shape;
  const [top, bottom, left, right] = naiveConvPadding(options.padding, [kH, kW], [dH, dW]);
  const mode = options.paddingMode ?? 'zeros';
  const x = padNaive(input, [left, right, top, bottom], mode === 'zeros' ? 'constant' : mode);
  const [batch, inC, hP, wP] = x.shape;
  const outH = Math.floor((hP - dH * (kH - 1) - 1) / sH) + 1;
  const outW = Math.floor((wP - dW * (kW - 1) - 1) / sW) + 1;
  const outPerGroup = outC / groups;
  const out = new Float64Array(batch * outC * outH * outW);
  let k = 0;
  for (let n = 0; n < batch; n++) {
    for (let co = 0; co < outC; co++) {
      const g = Math.floor(co / outPerGroup);
      for (let oh = 0; oh < outH; oh++) {
        for (let ow = 0; ow < outW; ow++) {
          let sum = bias ? bias.data[co] : 0;
          for (let c = 0; c < inPerGroup; c++) {
            for (let kh = 0; kh < kH; kh++) {
              for (let kw = 0; kw < kW; kw++) {
                const ci = g * inPerGroup + c;
                const xv = x.data[((n * inC + ci) * hP + oh * sH + kh * dH) * wP + ow * sW + kw * dW];
                sum += xv * weight.data[((co * inPerGroup + c) * kH + kh) * kW + kw];
              }
            }
          }
          out[k++] = sum;
        }
      }
    }
  }
  return { data: out, shape: [batch, outC, outH, outW] };
}

/** Tolerances for `expectClose`: |a - b| <= atol + rtol * |b|. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/**
 * Throws a message naming the first offending index when `actual` and `expected`
 * differ beyond the tolerance or in length. NaN matches NaN only; infinities must match exactly.
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance, what = 'values'): void {
  if (actual.length !== expected.length) {
    throw new Error(`${what}: length ${actual.length} differs from expected ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if (Number.isNaN(a) && Number.isNaN(b)) continue;
    } else if (!Number.isFinite(b) || !Number.isFinite(a)) {
      if (a === b) continue;
    } else if (Math.abs(a - b) <= tol.atol + tol.rtol * Math.abs(b)) continue;
    throw new Error(`${what}: index ${i} is ${a}, expected ${b} (atol ${tol.atol}, rtol ${tol.rtol})`);
  }
}
