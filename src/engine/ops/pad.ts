/**
 * Padding, like PyTorch's `F.pad`: grow (or, with negative constant pads, crop)
 * the last dimensions of a tensor. Convolutions use it for the padding modes
 * other than zeros, exactly as `nn.Conv2d` does.
 *
 * Every mode is a gather: each output element copies one input element (or the
 * constant). So the backward is the matching scatter: each output gradient is
 * added to the input element it was copied from, and an input element copied
 * several times (reflect, replicate, circular) collects the sum.
 */
import { Tensor, expectTensor, fromOp, formatShape, numel, stridesOf } from '../tensor.ts';
import { floats } from '../storage.ts';

/** How `pad` fills the new border. */
export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

const PAD_MODES: readonly PadMode[] = ['constant', 'reflect', 'replicate', 'circular'];

/**
 * Where padded position `i` of an axis reads from: an index into the original
 * axis of size `size`, or -1 for the constant. `before` positions were added in
 * front (negative: cropped).
 *   reflect   a b c d -> c b | a b c d | c b   (mirror, the edge is not repeated)
 *   replicate a b c d -> a a | a b c d | d d   (repeat the edge)
 *   circular  a b c d -> c d | a b c d | a b   (wrap around)
 */
function axisSource(i: number, before: number, size: number, mode: PadMode): number {
  const j = i - before;
  if (j >= 0 && j < size) return j;
  if (mode === 'constant') return -1;
  if (mode === 'reflect') return j < 0 ? -j : 2 * (size - 1) - j;
  if (mode === 'replicate') return j < 0 ? 0 : size - 1;
  return j < 0 ? j + size : j - size; // circular: pads never exceed the size, so one wrap is enough
}

/**
 * For every output element, the flat index of the input element it copies (-1 for
 * the constant). Forward gathers through this plan; backward scatters through it.
 */
function gatherPlan(shape: readonly number[], before: number[], outShape: number[], mode: PadMode): Int32Array {
  const strides = stridesOf(shape);
  const sources = outShape.map((m, d) =>
    Int32Array.from({ length: m }, (_, i) => axisSource(i, before[d], shape[d], mode)),
  );
  const plan = new Int32Array(numel(outShape));
  if (shape.length === 0) return plan; // a scalar has nothing to pad: it copies itself
  let k = 0;
  const last = shape.length - 1;
  const walk = (d: number, offset: number): void => {
    for (let i = 0; i < outShape[d]; i++) {
      const s = sources[d][i];
      const at = offset < 0 || s < 0 ? -1 : offset + s * strides[d];
      if (d === last) plan[k++] = at;
      else walk(d + 1, at);
    }
  };
  walk(0, 0);
  return plan;
}

/** Validates `pads` for `mode` and returns the per-dimension before/after amounts. */
function resolvePads(shape: readonly number[], pads: readonly number[], mode: PadMode, value: number | undefined) {
  if (!PAD_MODES.includes(mode)) {
    throw new Error(`pad: Unrecognised padding mode '${mode}' (expected 'constant', 'reflect', 'replicate' or 'circular')`);
  }
  if (mode !== 'constant' && value !== undefined) {
    throw new Error(`Padding mode "${mode}" doesn't take in value argument`);
  }
  if (!pads.every((p) => Number.isInteger(p))) {
    throw new Error(`pad: padding sizes must be integers, got [${pads.join(', ')}]`);
  }
  if (pads.length % 2 !== 0) throw new Error(`Padding length must be divisible by 2, got pad=[${pads.join(', ')}]`);
  const ndim = shape.length;
  if (pads.length > 2 * ndim) {
    throw new Error(
      `Padding length should be less than or equal to two times the input dimension but got padding length ${pads.length} and input of dimension ${ndim}`,
    );
  }
  const padded = pads.length / 2;
  if (mode !== 'constant') {
    // PyTorch's non-constant pads are 1-D (on [C, W] or [N, C, W]) or 2-D (on [C, H, W] or [N, C, H, W]).
    if (padded !== 1 && padded !== 2) {
      throw new Error(`pad: '${mode}' padding supports 1-D or 2-D padding (a pad list of 2 or 4 numbers), got [${pads.join(', ')}]`);
    }
    if (ndim !== padded + 1 && ndim !== padded + 2) {
      throw new Error(
        `pad: '${mode}' padding of ${pads.length} values expects a ${padded + 1}D or ${padded + 2}D (batch mode) input, but got input of size: ${formatShape(shape)}`,
      );
    }
    if (pads.some((p) => p < 0)) {
      throw new Error(`pad: negative padding is only supported in 'constant' mode, got [${pads.join(', ')}] with mode '${mode}'`);
    }
  }

  const before = new Array<number>(ndim).fill(0);
  const after = new Array<number>(ndim).fill(0);
  for (let p = 0; p < padded; p++) {
    const d = ndim - 1 - p;
    before[d] = pads[2 * p];
    after[d] = pads[2 * p + 1];
    const size = shape[d];
    if (mode === 'reflect' && (before[d] >= size || after[d] >= size)) {
      throw new Error(
        `Argument #${4 + 2 * p}: Padding size should be less than the corresponding input dimension, but got: padding (${before[d]}, ${after[d]}) at dimension ${d} of input ${formatShape(shape)}`,
      );
    }
    if (mode === 'circular' && (before[d] > size || after[d] > size)) {
      throw new Error(
        `Padding value causes wrapping around more than once: padding (${before[d]}, ${after[d]}) at dimension ${d} of input ${formatShape(shape)}`,
      );
    }
    if (mode === 'replicate' && size === 0 && before[d] + after[d] > 0) {
      throw new Error(`pad: 'replicate' padding needs a non-empty dimension ${d}, got input of size ${formatShape(shape)}`);
    }
    if (size + before[d] + after[d] < 0) {
      throw new Error(
        `The input size ${size}, plus negative padding ${before[d]} and ${after[d]} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`,
      );
    }
  }
  return { before, after };
}

/**
 * The shape `pad(input, pads, mode)` returns for an input of `shape`, with the
 * same checks and messages, computing nothing: layers use it to describe their
 * output (for `summary`) exactly as their forward pass would refuse or accept it.
 *
 * @example padOutputShape([1, 1, 3, 3], [1, 1, 2, 2], 'reflect') // [1, 1, 7, 5]
 */
export function padOutputShape(shape: readonly number[], pads: readonly number[], mode: PadMode = 'constant'): number[] {
  const { before, after } = resolvePads(shape, pads, mode, undefined);
  return shape.map((n, d) => n + before[d] + after[d]);
}

/**
 * Pads the last dimensions of `input`, like `F.pad(input, pads, mode, value)`.
 *
 * `pads` lists (before, after) pairs starting from the LAST dimension:
 * `[left, right]` pads the width, `[left, right, top, bottom]` width and height.
 * 'constant' (filled with `value`, default 0) works on any rank and takes negative
 * pads to crop; 'reflect', 'replicate' and 'circular' pad the last one or two
 * dimensions of a 2-D/3-D or 3-D/4-D input. Reflect pads must be smaller than the
 * dimension, circular pads at most its size.
 *
 * @example pad(x, [1, 1, 1, 1])              // [N, C, H, W] -> [N, C, H+2, W+2], zeros
 * @example pad(x, [2, 2, 0, 0], 'reflect')   // mirror two columns on each side
 */
export function pad(input: Tensor, pads: readonly number[], mode: PadMode = 'constant', value?: number): Tensor {
  expectTensor('pad', 'input', 1, input);
  const { before, after } = resolvePads(input.shape, pads, mode, value);
  const fill = value ?? 0;
  const outShape = input.shape.map((n, d) => n + before[d] + after[d]);
  const plan = gatherPlan(input.shape, before, outShape, mode);

  const out = floats(plan.length);
  const x = input.data;
  for (let k = 0; k < plan.length; k++) out[k] = plan[k] < 0 ? fill : x[plan[k]];

  return fromOp('pad', out, outShape, [input], (gradOut) => {
    const gradIn = floats(x.length);
    for (let k = 0; k < plan.length; k++) if (plan[k] >= 0) gradIn[plan[k]] += gradOut[k];
    return [gradIn];
  }, { savesTensors: mode !== 'constant' }); // as PyTorch: a constant pad's backward keeps only the pads
}
