/**
 * The fast backend: the same arithmetic as the reference loops, reorganised
 * for the memory hierarchy.
 *
 * A convolution becomes one matrix multiply per image and group ("im2col"):
 * copy every input patch into a column of a matrix `cols` [Cin*kH*kW, Hout*Wout],
 * then out[Cout, Hout*Wout] = weight[Cout, Cin*kH*kW] x cols. Backward is two
 * more multiplies: dCols = weight^T x dOut (scattered back into the image by
 * `col2im`), and dWeight += dOut x cols^T.
 *
 * The matrix multiply (`gemmPacked`) computes C in 4x4 tiles whose 16 running
 * sums live in local variables (registers), so each loaded value is used four
 * times. A is first copied into 4-row panels of float64 (`packA`) so the tile
 * reads it sequentially and without float32 -> float64 conversions; B is read
 * in place through a pair of strides, which covers both B and B^T. The shared
 * dimension is cut into blocks of KC so a panel of A stays in cache.
 *
 * Results equal the reference loops up to float32 rounding (the sums are
 * added in another order). Both backends run the same test suite.
 */
import type { ConvGeometry, Kernels, PoolGeometry } from '../backend.ts';
import { maxPool2dBackwardLoops } from '../ops/maxPool2d.ts';
import { avgPool2dForwardLoops, avgPool2dBackwardLoops } from '../ops/avgPool2d.ts';
import { tanhForwardLoops, tanhBackwardLoops } from '../ops/activations.ts';
import { floats, ints } from '../storage.ts';

/** Rows of A (and of C) per register tile. */
const MR = 4;
/** Length of a block of the shared dimension; 4 rows x 256 float64 = 8 KB of A per panel. */
const KC = 256;

// ---------------------------------------------------------------------------
// Scratch buffers. Kernels never call each other re-entrantly and JavaScript
// runs one kernel at a time, so one growable buffer per role is safe and saves
// allocating (and zeroing) megabytes per call.

let packed = new Float64Array(0);
let colsScratch = new Float32Array(0);
let transposeScratch = new Float32Array(0);

function packedBuffer(size: number): Float64Array {
  if (packed.length < size) packed = new Float64Array(size);
  return packed;
}
function colsBuffer(size: number): Float32Array {
  if (colsScratch.length < size) colsScratch = new Float32Array(size);
  return colsScratch;
}
function transposeBuffer(size: number): Float32Array {
  if (transposeScratch.length < size) transposeScratch = new Float32Array(size);
  return transposeScratch;
}

// ---------------------------------------------------------------------------
// Matrix multiply

/** Size of `packA`'s output for an m x k matrix. */
function packedSize(m: number, k: number): number {
  return Math.ceil(m / MR) * MR * k;
}

/**
 * Copies op(A) [m x k] into `dest` as float64 panels: for each block of KC
 * columns, for each group of MR rows, the MR values of column p side by side.
 * Rows past m are zero, so a tile never needs a short-row special case.
 * A starts at `offset`; op(A) is A [m x k] or, with `transA`, A stored as [k x m].
 */
function packA(a: Float32Array, offset: number, transA: boolean, m: number, k: number, dest: Float64Array): void {
  const rowsPadded = Math.ceil(m / MR) * MR;
  let d = 0;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    for (let i0 = 0; i0 < rowsPadded; i0 += MR) {
      for (let p = pc; p < pc + kc; p++) {
        for (let r = 0; r < MR; r++) {
          const i = i0 + r;
          dest[d++] = i >= m ? 0 : transA ? a[offset + p * m + i] : a[offset + i * k + p];
        }
      }
    }
  }
}

/**
 * C[m x n] += A B, where A was packed by `packA` and element (p, j) of B is
 * b[bOffset + p*bRowStep + j*bColStep] (row-major B: steps (n, 1); B^T stored
 * as [n x k]: steps (1, k)). C is row-major at `cOffset` with row length n.
 */
function gemmPacked(
  pa: Float64Array,
  b: Float32Array,
  bOffset: number,
  bRowStep: number,
  bColStep: number,
  c: Float32Array,
  cOffset: number,
  m: number,
  n: number,
  k: number,
): void {
  const rowsPadded = Math.ceil(m / MR) * MR;
  const n4 = n - (n % 4);
  const s1 = bColStep;
  const s2 = 2 * bColStep;
  const s3 = 3 * bColStep;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    const panelBase = pc * rowsPadded;
    for (let j = 0; j < n4; j += 4) {
      const bStart = bOffset + pc * bRowStep + j * bColStep;
      for (let i0 = 0; i0 < rowsPadded; i0 += MR) {
        if (m - i0 <= 2) {
          // A last panel of one or two real rows (m = 6 for LeNet's first layer):
          // skip the zero rows instead of multiplying them.
          twoRowTile(pa, panelBase + i0 * kc, b, bStart, bRowStep, s1, s2, s3, c, cOffset + i0 * n + j, n, kc, m - i0 === 2);
          continue;
        }
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        let ai = panelBase + i0 * kc;
        let bi = bStart;
        for (let p = 0; p < kc; p++) {
          const b0 = b[bi], b1 = b[bi + s1], b2 = b[bi + s2], b3 = b[bi + s3];
          const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
          c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
          c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
          ai += MR;
          bi += bRowStep;
        }
        let o = cOffset + i0 * n + j;
        c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
        if (i0 + 1 >= m) continue;
        o += n;
        c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13;
        if (i0 + 2 >= m) continue;
        o += n;
        c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23;
        if (i0 + 3 >= m) continue;
        o += n;
        c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
      }
    }
    // The last n % 4 columns, one at a time.
    for (let j = n4; j < n; j++) {
      const bStart = bOffset + pc * bRowStep + j * bColStep;
      for (let i0 = 0; i0 < rowsPadded; i0 += MR) {
        let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        let ai = panelBase + i0 * kc;
        let bi = bStart;
        for (let p = 0; p < kc; p++) {
          const bv = b[bi];
          c0 += pa[ai] * bv; c1 += pa[ai + 1] * bv; c2 += pa[ai + 2] * bv; c3 += pa[ai + 3] * bv;
          ai += MR;
          bi += bRowStep;
        }
        const o = cOffset + i0 * n + j;
        c[o] += c0;
        if (i0 + 1 < m) c[o + n] += c1;
        if (i0 + 2 < m) c[o + 2 * n] += c2;
        if (i0 + 3 < m) c[o + 3 * n] += c3;
      }
    }
  }
}

/**
 * The 2x4 version of the tile in `gemmPacked`, for a panel whose rows 2 and 3
 * (and, without `second`, row 1) are padding. Reads the panel with the same
 * MR-wide layout; adds into C rows `o` and, with `second`, `o + n`.
 */
function twoRowTile(
  pa: Float64Array,
  ai: number,
  b: Float32Array,
  bi: number,
  bRowStep: number,
  s1: number,
  s2: number,
  s3: number,
  c: Float32Array,
  o: number,
  n: number,
  kc: number,
  second: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  for (let p = 0; p < kc; p++) {
    const b0 = b[bi], b1 = b[bi + s1], b2 = b[bi + s2], b3 = b[bi + s3];
    const a0 = pa[ai], a1 = pa[ai + 1];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    ai += MR;
    bi += bRowStep;
  }
  c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
  if (!second) return;
  o += n;
  c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13;
}

/** The Kernels gemm: C (+)= op(A) op(B), all row-major. */
function gemm(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0, 0, m * n);
  if (m === 0 || n === 0 || k === 0) return;
  const pa = packedBuffer(packedSize(m, k));
  packA(a, 0, transA, m, k, pa);
  if (transB) gemmPacked(pa, b, 0, 1, k, out, 0, m, n, k);
  else gemmPacked(pa, b, 0, n, 1, out, 0, m, n, k);
}

// ---------------------------------------------------------------------------
// im2col and col2im

/**
 * For kernel column kw: the range [first, end) of output columns whose tap
 * lands inside the image (outside it is zero padding).
 */
function validColumns(kw: number, g: ConvGeometry): [number, number] {
  const shift = kw * g.dilationW - g.padLeft; // iw = ow*strideW + shift
  const first = Math.max(0, Math.ceil(-shift / g.strideW));
  const end = Math.min(g.outWidth, Math.floor((g.inWidth - 1 - shift) / g.strideW) + 1);
  return [first, Math.max(first, end)];
}

/** `validColumns` for every kernel column, as [first0, end0, first1, end1, ...]. */
function columnRanges(g: ConvGeometry): Int32Array {
  const ranges = new Int32Array(2 * g.kernelWidth);
  for (let kw = 0; kw < g.kernelWidth; kw++) {
    const [first, end] = validColumns(kw, g);
    ranges[2 * kw] = first;
    ranges[2 * kw + 1] = end;
  }
  return ranges;
}

/**
 * cols[(ci*kH + kh)*kW + kw][oh*Wout + ow] = the input pixel that tap (kh, kw)
 * of output (oh, ow) reads in channel ci, or 0 in the padding. Reads
 * `channels` channels starting at `inOffset`.
 */
function im2col(x: Float32Array, inOffset: number, channels: number, g: ConvGeometry, cols: Float32Array): void {
  const { inHeight: H, inWidth: W, outHeight, outWidth, strideW } = g;
  const positions = outHeight * outWidth;
  const ranges = columnRanges(g);
  let row = 0;
  for (let ci = 0; ci < channels; ci++) {
    const plane = inOffset + ci * H * W;
    for (let kh = 0; kh < g.kernelHeight; kh++) {
      for (let kw = 0; kw < g.kernelWidth; kw++, row++) {
        const first = ranges[2 * kw];
        const end = ranges[2 * kw + 1];
        const shift = kw * g.dilationW - g.padLeft;
        let d = row * positions;
        for (let oh = 0; oh < outHeight; oh++, d += outWidth) {
          const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= H) {
            cols.fill(0, d, d + outWidth);
            continue;
          }
          // Plain loops: the padded margins are a few values, cheaper to write than to call fill for.
          for (let ow = 0; ow < first; ow++) cols[d + ow] = 0;
          for (let ow = end; ow < outWidth; ow++) cols[d + ow] = 0;
          const src = plane + ih * W + shift;
          if (strideW === 1) {
            for (let ow = first; ow < end; ow++) cols[d + ow] = x[src + ow];
          } else {
            for (let ow = first; ow < end; ow++) cols[d + ow] = x[src + ow * strideW];
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: adds every entry of `cols` into the pixel it was copied from. */
function col2im(cols: Float32Array, channels: number, g: ConvGeometry, dx: Float32Array, inOffset: number): void {
  const { inHeight: H, inWidth: W, outHeight, outWidth, strideW } = g;
  const positions = outHeight * outWidth;
  const ranges = columnRanges(g);
  let row = 0;
  for (let ci = 0; ci < channels; ci++) {
    const plane = inOffset + ci * H * W;
    for (let kh = 0; kh < g.kernelHeight; kh++) {
      for (let kw = 0; kw < g.kernelWidth; kw++, row++) {
        const first = ranges[2 * kw];
        const end = ranges[2 * kw + 1];
        const shift = kw * g.dilationW - g.padLeft;
        let s = row * positions;
        for (let oh = 0; oh < outHeight; oh++, s += outWidth) {
          const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= H) continue;
          const dst = plane + ih * W + shift;
          for (let ow = first; ow < end; ow++) dx[dst + ow * strideW] += cols[s + ow];
        }
      }
    }
  }
}

/** A 1x1 kernel with stride 1 and no padding reads the input as it is: no copy needed. */
function isPointwise(g: ConvGeometry): boolean {
  return (
    g.kernelHeight === 1 && g.kernelWidth === 1 && g.strideH === 1 && g.strideW === 1 &&
    g.padTop === 0 && g.padLeft === 0 && g.outHeight === g.inHeight && g.outWidth === g.inWidth
  );
}

// ---------------------------------------------------------------------------
// Convolution

function conv2dForward(input: Float32Array, weight: Float32Array, bias: Float32Array | null, g: ConvGeometry): Float32Array {
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const patch = inPerGroup * g.kernelHeight * g.kernelWidth; // the shared dimension
  const positions = g.outHeight * g.outWidth;
  const inPlane = g.inHeight * g.inWidth;
  const out = floats(g.batch * g.outChannels * positions);
  if (bias) {
    for (let n = 0; n < g.batch; n++) {
      for (let co = 0; co < g.outChannels; co++) {
        const start = (n * g.outChannels + co) * positions;
        out.fill(bias[co], start, start + positions);
      }
    }
  }
  if (out.length === 0 || patch === 0) return out;
  const pointwise = isPointwise(g);
  const cols = pointwise ? input : colsBuffer(patch * positions);
  const groupSize = packedSize(outPerGroup, patch);
  // Each group's weights are packed once and reused for every image.
  const pa = packedBuffer(groupSize * g.groups);
  for (let grp = 0; grp < g.groups; grp++) {
    packA(weight, grp * outPerGroup * patch, false, outPerGroup, patch, pa.subarray(grp * groupSize));
  }
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const inOffset = (n * g.inChannels + grp * inPerGroup) * inPlane;
      if (!pointwise) im2col(input, inOffset, inPerGroup, g, cols);
      const outOffset = (n * g.outChannels + grp * outPerGroup) * positions;
      gemmPacked(pa.subarray(grp * groupSize), cols, pointwise ? inOffset : 0, positions, 1, out, outOffset, outPerGroup, positions, patch);
    }
  }
  return out;
}

function conv2dBackwardInput(gradOutput: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array {
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const patch = inPerGroup * g.kernelHeight * g.kernelWidth;
  const positions = g.outHeight * g.outWidth;
  const inPlane = g.inHeight * g.inWidth;
  const gradInput = floats(g.batch * g.inChannels * inPlane);
  if (gradInput.length === 0 || positions === 0 || outPerGroup === 0) return gradInput;
  const pointwise = isPointwise(g);
  const dCols = pointwise ? gradInput : colsBuffer(patch * positions);
  // dCols[patch x positions] = weight_g^T [patch x Cout_g] x dOut_g [Cout_g x positions]
  const groupSize = packedSize(patch, outPerGroup);
  const pa = packedBuffer(groupSize * g.groups);
  for (let grp = 0; grp < g.groups; grp++) {
    packA(weight, grp * outPerGroup * patch, true, patch, outPerGroup, pa.subarray(grp * groupSize));
  }
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const inOffset = (n * g.inChannels + grp * inPerGroup) * inPlane;
      const outOffset = (n * g.outChannels + grp * outPerGroup) * positions;
      if (pointwise) {
        // dCols is this image's slice of gradInput: still zero, so accumulating is writing.
        gemmPacked(pa.subarray(grp * groupSize), gradOutput, outOffset, positions, 1, gradInput, inOffset, patch, positions, outPerGroup);
      } else {
        dCols.fill(0, 0, patch * positions);
        gemmPacked(pa.subarray(grp * groupSize), gradOutput, outOffset, positions, 1, dCols, 0, patch, positions, outPerGroup);
        col2im(dCols, inPerGroup, g, gradInput, inOffset);
      }
    }
  }
  return gradInput;
}

function conv2dBackwardWeight(gradOutput: Float32Array, input: Float32Array, g: ConvGeometry): Float32Array {
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const patch = inPerGroup * g.kernelHeight * g.kernelWidth;
  const positions = g.outHeight * g.outWidth;
  const inPlane = g.inHeight * g.inWidth;
  const gradWeight = floats(g.outChannels * patch);
  if (gradWeight.length === 0 || positions === 0) return gradWeight;
  const pointwise = isPointwise(g);
  const cols = pointwise ? input : colsBuffer(patch * positions);
  const pa = packedBuffer(packedSize(outPerGroup, positions));
  // dWeight_g [Cout_g x patch] += dOut_g [Cout_g x positions] x cols^T [positions x patch],
  // summed over the batch: cols [patch x positions] is read as B^T through its strides.
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const inOffset = (n * g.inChannels + grp * inPerGroup) * inPlane;
      const outOffset = (n * g.outChannels + grp * outPerGroup) * positions;
      if (!pointwise) im2col(input, inOffset, inPerGroup, g, cols);
      packA(gradOutput, outOffset, false, outPerGroup, positions, pa);
      gemmPacked(pa, cols, pointwise ? inOffset : 0, 1, positions, gradWeight, grp * outPerGroup * patch, outPerGroup, patch, positions);
    }
  }
  return gradWeight;
}

// ---------------------------------------------------------------------------
// Pooling

/**
 * Max pooling with the window clipped to the image once per row and column
 * instead of testing every tap. Same tie and NaN rules as the reference: the
 * first of equal values wins, and a NaN takes over and stays.
 */
function maxPool2dForward(input: Float32Array, g: PoolGeometry): { output: Float32Array; indices: Int32Array } {
  if (windowsInside(g)) return maxPool2dInterior(input, g);
  const { inHeight: H, inWidth: W, outHeight, outWidth, kernelHeight, kernelWidth } = g;
  const planes = g.batch * g.channels;
  const output = floats(planes * outHeight * outWidth);
  const indices = ints(output.length);
  // Per output column: the first tap inside the image and how many taps follow.
  const firstTapW = new Int32Array(outWidth);
  const endTapW = new Int32Array(outWidth);
  for (let ow = 0; ow < outWidth; ow++) {
    const w0 = ow * g.strideW - g.padLeft;
    firstTapW[ow] = Math.max(0, Math.ceil(-w0 / g.dilationW));
    endTapW[ow] = Math.min(kernelWidth, Math.floor((W - 1 - w0) / g.dilationW) + 1);
  }
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * g.strideH - g.padTop;
      const khFirst = Math.max(0, Math.ceil(-h0 / g.dilationH));
      const khEnd = Math.min(kernelHeight, Math.floor((H - 1 - h0) / g.dilationH) + 1);
      for (let ow = 0; ow < outWidth; ow++, o++) {
        const w0 = ow * g.strideW - g.padLeft;
        const kwFirst = firstTapW[ow];
        const kwEnd = endTapW[ow];
        let best = -Infinity;
        let bestAt = -1;
        for (let kh = khFirst; kh < khEnd; kh++) {
          const rowAt = (h0 + kh * g.dilationH) * W;
          for (let kw = kwFirst; kw < kwEnd; kw++) {
            const at = rowAt + w0 + kw * g.dilationW;
            const value = input[base + at];
            if (value > best || bestAt === -1 || value !== value) {
              best = value;
              bestAt = at;
            }
          }
        }
        output[o] = best;
        indices[o] = bestAt;
      }
    }
  }
  return { output, indices };
}

/** True when no window touches padding or leaves the image: the common 2x2/2 case. */
function windowsInside(g: PoolGeometry): boolean {
  return (
    g.padTop === 0 && g.padLeft === 0 && g.dilationH === 1 && g.dilationW === 1 &&
    (g.outHeight - 1) * g.strideH + g.kernelHeight <= g.inHeight &&
    (g.outWidth - 1) * g.strideW + g.kernelWidth <= g.inWidth
  );
}

/** Max pooling when every window lies inside the image: no clipping, no bound tests. */
function maxPool2dInterior(input: Float32Array, g: PoolGeometry): { output: Float32Array; indices: Int32Array } {
  const { inHeight: H, inWidth: W, outHeight, outWidth, kernelHeight, kernelWidth, strideH, strideW } = g;
  const planes = g.batch * g.channels;
  const output = floats(planes * outHeight * outWidth);
  const indices = ints(output.length);
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, o++) {
        const corner = oh * strideH * W + ow * strideW;
        let best = input[base + corner];
        let bestAt = corner;
        for (let kh = 0; kh < kernelHeight; kh++) {
          const row = corner + kh * W;
          for (let kw = kh === 0 ? 1 : 0; kw < kernelWidth; kw++) {
            const value = input[base + row + kw];
            if (value > best || value !== value) {
              best = value;
              bestAt = row + kw;
            }
          }
        }
        output[o] = best;
        indices[o] = bestAt;
      }
    }
  }
  return { output, indices };
}

/** The fast backend. Pooling backward, average pooling and tanh are already single linear passes: shared with the reference. */
export const fastKernels: Kernels = {
  name: 'fast',
  conv2dForward,
  conv2dBackwardInput,
  conv2dBackwardWeight,
  maxPool2dForward,
  maxPool2dBackward: maxPool2dBackwardLoops,
  avgPool2dForward: avgPool2dForwardLoops,
  avgPool2dBackward: avgPool2dBackwardLoops,
  gemm,
  tanhForward: tanhForwardLoops,
  tanhBackward: tanhBackwardLoops,
};
