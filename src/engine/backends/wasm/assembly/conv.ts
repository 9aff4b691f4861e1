/**
 * Convolution forward and backward, as matrix products (see gemm.ts).
 *
 * Per image and group, with K = in-channels x kH x kW (one patch):
 *   out [Cout x positions] = weight [Cout x K] x patches [K x positions]
 *
 * Stride 1 copies the image once into a zero-padded buffer whose rows are
 * Wp = outWidth + dilation*(kW-1) long. Then the patch value for tap
 * (ci, kh, kw) at output (oh, ow) sits at flat index
 * ci*plane + (oh + kh*dH)*Wp + ow + kw*dW = start(oh, ow) + offset(tap), where
 * start(oh, ow) = oh*Wp + ow: the multiply reads the padded image in place
 * through a table of per-tap offsets, with no copy of every patch. Two ways to
 * lay the product on the 4 x 8 register tile, chosen by counting the work each
 * wastes (`forwardByChannel`):
 *
 * - "Direct": positions across the vector lanes, weights broadcast. The
 *   positions of a row of output, and even of several rows, are consecutive
 *   floats for every tap; the price is computing Wp - outWidth "wrap-around"
 *   columns per row and dropping them, and rounding Cout up to 4.
 * - "By channel": the product transposed, out^T = patches^T x weight^T, output
 *   channels across the lanes, pixels broadcast. A tile is four consecutive
 *   positions of an output plane, each read through its own pointer, so it may
 *   cross from one output row to the next and no wrap-around column is computed;
 *   the price is rounding Cout up to 8. It takes most shapes with more than
 *   four channels per group, and gains most where rows are short, as in
 *   LeNet-5 (outWidth 10 in rows of Wp 14: direct computes 40% more positions
 *   than there are). Backward passes do not use it.
 *
 * Any other stride ("im2col"): copy the patches into a [K x positions] matrix
 * first, a band of output rows at a time so it stays in cache.
 *
 * Backward to the input with stride 1 is itself a stride-1 convolution of the
 * output gradient with the kernel flipped and its channel axes swapped, padded
 * by dilation*(k-1) - padding, so it runs on the direct path too; other strides
 * multiply weight^T x gradOut into patch gradients and add them back into the
 * image ("col2im"). Backward to the weights is a sum over positions:
 *   dWeight [Cout x K] += gradOut [Cout x positions] x patches^T,
 * nine dot products at a time, over several images at once.
 */
import { allocFloats } from './memory';
import { MR, NR, packA, packedFloats, gemmPacked, gemmDot, rowOffsets, packB, packedColumnsFloats, tileGathered } from './gemm';

/** The geometry, laid out as JavaScript writes it (ConvGeometry, 16 int32). */
@unmanaged
class Conv {
  batch: i32;
  inChannels: i32;
  inHeight: i32;
  inWidth: i32;
  outChannels: i32;
  kernelHeight: i32;
  kernelWidth: i32;
  strideH: i32;
  strideW: i32;
  padTop: i32;
  padLeft: i32;
  dilationH: i32;
  dilationW: i32;
  groups: i32;
  outHeight: i32;
  outWidth: i32;
}

/** Aim for scratch blocks about this big, so they stay in the core's cache. */
const BLOCK_BYTES: i32 = 96 * 1024;

@inline
function roundUp(x: i32, to: i32): i32 {
  return ((x + to - 1) / to) * to;
}

@inline
function f32At(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

// ---------------------------------------------------------------------------
// Direct paths (stride 1)

/**
 * Copies `channels` planes of an inH x inW image into a zero buffer of planes
 * Hp x Wp, shifted down by padTop and right by padLeft (either may be negative:
 * then the image is cropped).
 */
function fillPadded(x: usize, channels: i32, inH: i32, inW: i32, padTop: i32, padLeft: i32, hp: i32, wp: i32, dest: usize): void {
  const plane = hp * wp;
  memory.fill(dest, 0, <usize>(channels * plane) << 2);
  const firstCol = max(0, -padLeft);
  const endCol = min(inW, wp - padLeft);
  if (endCol <= firstCol) return;
  const bytes = <usize>(endCol - firstCol) << 2;
  for (let c = 0; c < channels; c++) {
    for (let ih = 0; ih < inH; ih++) {
      const row = ih + padTop;
      if (row < 0 || row >= hp) continue;
      memory.copy(f32At(dest, c * plane + row * wp + padLeft + firstCol), f32At(x, (c * inH + ih) * inW + firstCol), bytes);
    }
  }
}

/**
 * The table of byte offsets of taps (ci, kh, kw) in a padded image of planes
 * `plane` floats with rows `wp` floats: what the direct paths read through.
 */
function tapOffsets(channels: i32, kH: i32, kW: i32, dH: i32, dW: i32, wp: i32, plane: i32, dest: usize): usize {
  let t = 0;
  for (let ci = 0; ci < channels; ci++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++, t++) store<i32>(dest + (<usize>t << 2), (ci * plane + kh * dH * wp + kw * dW) * 4);
    }
  }
  return dest;
}

/**
 * A stride-1 convolution of every image: out = (bias +) weight * x, where the
 * weights are already packed per group (`packed`, `groupFloats` apart).
 * Geometry fields are passed one by one so backward can describe its own
 * transposed convolution.
 */
function direct(
  x: usize, packed: usize, groupFloats: i32, bias: usize, out: usize,
  batch: i32, inC: i32, inH: i32, inW: i32, outC: i32, kH: i32, kW: i32,
  padTop: i32, padLeft: i32, dH: i32, dW: i32, groups: i32, outH: i32, outW: i32,
): void {
  const inPerGroup = inC / groups;
  const outPerGroup = outC / groups;
  const k = inPerGroup * kH * kW;
  const wp = outW + dW * (kW - 1);
  const hp = outH + dH * (kH - 1);
  const plane = hp * wp;
  // One extra padded row: the last tile of a band reads up to NR - 1 floats past it.
  const padded = allocFloats(inPerGroup * plane + wp + NR);
  const offsets = tapOffsets(inPerGroup, kH, kW, dH, dW, wp, plane, allocFloats(k));
  // A band of output rows per multiply, its result in `band` (rows of C padded to MR, columns to NR).
  const rowsC = roundUp(outPerGroup, MR);
  const bandRows = max(1, min(outH, BLOCK_BYTES / (rowsC * wp * 4)));
  const ldc = roundUp(bandRows * wp, NR);
  const band = allocFloats(rowsC * ldc);
  const spare = allocFloats(MR * NR);
  const outPlane = outH * outW;
  for (let n = 0; n < batch; n++) {
    for (let grp = 0; grp < groups; grp++) {
      fillPadded(f32At(x, (n * inC + grp * inPerGroup) * inH * inW), inPerGroup, inH, inW, padTop, padLeft, hp, wp, padded);
      const pa = f32At(packed, grp * groupFloats);
      for (let oh0 = 0; oh0 < outH; oh0 += bandRows) {
        const rows = min(bandRows, outH - oh0);
        // Positions oh*Wp + ow of these rows, up to the last real column of the last row.
        const positions = roundUp((rows - 1) * wp + outW, NR);
        gemmPacked(pa, f32At(padded, oh0 * wp), offsets, band, ldc, rowsC, positions, k, false, spare);
        // Keep the real columns, adding the bias.
        for (let co = 0; co < outPerGroup; co++) {
          const b: f32 = bias ? load<f32>(f32At(bias, grp * outPerGroup + co)) : 0;
          const bv = f32x4.splat(b);
          const dst0 = f32At(out, (n * outC + grp * outPerGroup + co) * outPlane + oh0 * outW);
          for (let r = 0; r < rows; r++) {
            const src = f32At(band, co * ldc + r * wp);
            const dst = dst0 + (<usize>(r * outW) << 2);
            let ow = 0;
            for (; ow + 4 <= outW; ow += 4) v128.store(dst + (<usize>ow << 2), f32x4.add(v128.load(src + (<usize>ow << 2)), bv));
            for (; ow < outW; ow++) store<f32>(dst + (<usize>ow << 2), load<f32>(src + (<usize>ow << 2)) + b);
          }
        }
      }
    }
  }
}

/**
 * The stride-1 convolution of every image with the roles swapped: C^T
 * [positions x Cout] = patches^T x weight^T, output channels across the vector
 * lanes and positions broadcast (`tileGathered`), out = that + bias (bias 0: none).
 *
 * Each tile takes four consecutive positions of an output plane, in the plane's
 * row-major order, so a tile may run from the end of one output row into the
 * next: its four patches are read through four pointers into the padded image.
 * No wrap-around column is ever computed, and the tile's transposed result is
 * four consecutive floats of each channel's output plane.
 */
function directByChannel(x: usize, weight: usize, bias: usize, out: usize, g: Conv): void {
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const outH = g.outHeight, outW = g.outWidth;
  const k = inPerGroup * g.kernelHeight * g.kernelWidth;
  // weight^T [K x Cout_g] per group in panels of eight channels, and the bias padded to whole panels with zeros.
  const groupFloats = packedColumnsFloats(k, outPerGroup);
  const packed = allocFloats(groupFloats * g.groups);
  const biasFloats = roundUp(outPerGroup, NR);
  const biasPanels = allocFloats(biasFloats * g.groups);
  memory.fill(biasPanels, 0, <usize>(biasFloats * g.groups) << 2);
  for (let grp = 0; grp < g.groups; grp++) {
    packB(f32At(weight, grp * outPerGroup * k), 1, k, k, outPerGroup, f32At(packed, grp * groupFloats));
    if (bias) memory.copy(f32At(biasPanels, grp * biasFloats), f32At(bias, grp * outPerGroup), <usize>outPerGroup << 2);
  }
  const wp = outW + g.dilationW * (g.kernelWidth - 1);
  const hp = outH + g.dilationH * (g.kernelHeight - 1);
  const plane = hp * wp;
  // Every tap read is of a real position, inside the padded planes: no slack needed.
  const padded = allocFloats(inPerGroup * plane);
  const offsets = tapOffsets(inPerGroup, g.kernelHeight, g.kernelWidth, g.dilationH, g.dilationW, wp, plane, allocFloats(k));
  const positions = outH * outW;
  const planeBytes = <usize>positions << 2;
  const starts = patchStarts(outH, outW, wp, allocFloats(roundUp(positions, 4)));
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      fillPadded(f32At(x, (n * g.inChannels + grp * inPerGroup) * g.inHeight * g.inWidth), inPerGroup, g.inHeight, g.inWidth, g.padTop, g.padLeft, hp, wp, padded);
      // A panel of eight channels at a time: its weights (k x 8 floats) stay in cache over the whole image.
      for (let j = 0; j < outPerGroup; j += NR) {
        const bp = f32At(packed, grp * groupFloats + j * k);
        const b = f32At(biasPanels, grp * biasFloats + j);
        const c = f32At(out, (n * g.outChannels + grp * outPerGroup + j) * positions);
        const channels = min(NR, outPerGroup - j);
        for (let q = 0; q < positions; q += 4) {
          const at = starts + (<usize>q << 2);
          tileGathered(
            padded + <usize>load<i32>(at), padded + <usize>load<i32>(at, 4), padded + <usize>load<i32>(at, 8), padded + <usize>load<i32>(at, 12),
            offsets, bp, k, b, f32At(c, q), planeBytes, min(4, positions - q), channels,
          );
        }
      }
    }
  }
}

/**
 * The byte offset in the padded image where each output position's patch
 * starts, (oh * Wp + ow) * 4, in the plane's row-major order, padded to a
 * multiple of four by repeating the last: a last tile past the plane's end
 * computes that position again and stores only the real ones.
 */
function patchStarts(outH: i32, outW: i32, wp: i32, dest: usize): usize {
  let q = 0;
  for (let oh = 0; oh < outH; oh++) {
    for (let ow = 0; ow < outW; ow++, q++) store<i32>(dest + (<usize>q << 2), (oh * wp + ow) * 4);
  }
  const last = load<i32>(dest + (<usize>(q - 1) << 2));
  for (; q & 3; q++) store<i32>(dest + (<usize>q << 2), last);
  return dest;
}

// ---------------------------------------------------------------------------
// im2col path (any stride)

/**
 * Copies `count` floats, a vector at a time: the rows here are a few dozen
 * floats, where calling memory.copy measured slower than this loop.
 */
@inline
function copyFloats(dest: usize, src: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(dest + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
  for (; i < count; i++) store<f32>(dest + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
}

/** dest[i] += src[i] for i < count, a vector at a time. */
@inline
function addFloats(dest: usize, src: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = dest + (<usize>i << 2);
    v128.store(at, f32x4.add(v128.load(at), v128.load(src + (<usize>i << 2))));
  }
  for (; i < count; i++) {
    const at = dest + (<usize>i << 2);
    store<f32>(at, load<f32>(at) + load<f32>(src + (<usize>i << 2)));
  }
}

/**
 * Patches of output rows [oh0, oh0 + rows) of one image's group of channels:
 * dest[(ci*kH + kh)*kW + kw][(oh - oh0)*outW + ow] (rows `ld` floats apart)
 * = the pixel tap (kh, kw) of output (oh, ow) reads, or 0 in the padding.
 */
function im2col(x: usize, channels: i32, g: Conv, oh0: i32, rows: i32, dest: usize, ld: i32): void {
  const inH = g.inHeight, inW = g.inWidth, outW = g.outWidth, sW = g.strideW;
  let row = 0;
  for (let ci = 0; ci < channels; ci++) {
    for (let kh = 0; kh < g.kernelHeight; kh++) {
      for (let kw = 0; kw < g.kernelWidth; kw++, row++) {
        const shift = kw * g.dilationW - g.padLeft; // iw = ow * sW + shift
        // Output columns whose tap lands inside the image.
        const first = min(outW, max(0, (-shift + sW - 1) / sW));
        const end = max(first, min(outW, shift >= inW ? 0 : (inW - 1 - shift) / sW + 1));
        let d = f32At(dest, row * ld);
        for (let r = 0; r < rows; r++, d += <usize>outW << 2) {
          const ih = (oh0 + r) * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= inH) {
            memory.fill(d, 0, <usize>outW << 2);
            continue;
          }
          for (let ow = 0; ow < first; ow++) store<f32>(d + (<usize>ow << 2), 0);
          for (let ow = end; ow < outW; ow++) store<f32>(d + (<usize>ow << 2), 0);
          const src = f32At(x, (ci * inH + ih) * inW + shift);
          if (sW == 1) copyFloats(d + (<usize>first << 2), src + (<usize>first << 2), end - first);
          else for (let ow = first; ow < end; ow++) store<f32>(d + (<usize>ow << 2), load<f32>(src + (<usize>(ow * sW) << 2)));
        }
      }
    }
  }
}

/** The adjoint of `im2col`: adds every patch value back into the pixel it came from. */
function col2im(cols: usize, ld: i32, channels: i32, g: Conv, oh0: i32, rows: i32, dx: usize): void {
  const inH = g.inHeight, inW = g.inWidth, outW = g.outWidth, sW = g.strideW;
  let row = 0;
  for (let ci = 0; ci < channels; ci++) {
    for (let kh = 0; kh < g.kernelHeight; kh++) {
      for (let kw = 0; kw < g.kernelWidth; kw++, row++) {
        const shift = kw * g.dilationW - g.padLeft;
        const first = min(outW, max(0, (-shift + sW - 1) / sW));
        const end = max(first, min(outW, shift >= inW ? 0 : (inW - 1 - shift) / sW + 1));
        let s = f32At(cols, row * ld);
        for (let r = 0; r < rows; r++, s += <usize>outW << 2) {
          const ih = (oh0 + r) * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= inH) continue;
          const dst = f32At(dx, (ci * inH + ih) * inW + shift);
          if (sW == 1) {
            addFloats(dst + (<usize>first << 2), s + (<usize>first << 2), end - first);
            continue;
          }
          for (let ow = first; ow < end; ow++) {
            const at = dst + (<usize>(ow * sW) << 2);
            store<f32>(at, load<f32>(at) + load<f32>(s + (<usize>ow << 2)));
          }
        }
      }
    }
  }
}

/** Output rows per im2col band, so a band of patches is about BLOCK_BYTES. */
@inline
function bandRowsFor(k: i32, g: Conv): i32 {
  return max(1, min(g.outHeight, BLOCK_BYTES / (k * max(1, g.outWidth) * 4)));
}

// ---------------------------------------------------------------------------
// The kernels

/** True when every one of n floats is finite. */
function allFinite(x: usize, n: i32): bool {
  for (let i = 0; i < n; i++) {
    const v = load<f32>(f32At(x, i));
    if (v - v != 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Which path: by stride and shape, unless a bench forces one.

/**
 * 0: choose by shape; 1: direct wherever it applies; 2: always im2col / col2im;
 * 3: the forward pass of stride 1 by channel (`directByChannel`), the backward passes as 1.
 */
let forcedPath: i32 = 0;

/** For the kernel bench (scripts/bench/wasm-paths.ts): force a path, or 0 to choose by shape again. */
export function setConvPath(path: i32): void {
  forcedPath = path;
}

/**
 * Whether backward to the input of a stride-1 convolution runs as a direct
 * transposed convolution (else col2im). The transposed convolution pads the
 * output gradient by dilation*(k-1) on every side and multiplies all of that
 * padding by the kernel; with few input channels or a small image most of its
 * work is on zeros. Count multiply-adds both ways, rows rounded to the tile:
 * col2im's products have a short shared dimension (Cout per group) and
 * measured about half as fast per multiply-add, so direct wins up to twice
 * col2im's count (scripts/bench/wasm-paths.ts shows both on the bench shapes).
 */
function backwardInputDirect(g: Conv): bool {
  if (forcedPath != 0) return forcedPath != 2;
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const taps = <i64>(g.kernelHeight * g.kernelWidth);
  const rowLength = <i64>(g.inWidth + g.dilationW * (g.kernelWidth - 1));
  const direct = <i64>roundUp(inPerGroup, MR) * outPerGroup * taps * g.inHeight * rowLength;
  const col2im = <i64>roundUp(inPerGroup * <i32>taps, MR) * outPerGroup * roundUp(g.outHeight * g.outWidth, NR);
  return direct <= 2 * col2im;
}

/**
 * Whether the forward pass of a stride-1 convolution runs with output channels
 * across the vector lanes (`directByChannel`), else on `direct`. Both waste
 * work: by channel rounds the channels (per group) up to a panel of 8 and the
 * positions of a plane up to 4; direct rounds the channels up to 4 and computes
 * whole padded rows (Wp per output row). Count multiply-adds both ways (the
 * shared dimension is the same) and take the smaller: per multiply-add computed,
 * by channel measured as fast or a little faster on every shape in
 * scripts/bench/wasm-paths.ts, so it wins ties. With 4 or fewer channels direct wins.
 */
function forwardByChannel(g: Conv): bool {
  if (forcedPath != 0) return forcedPath == 3;
  const outPerGroup = g.outChannels / g.groups;
  const rowLength = g.outWidth + g.dilationW * (g.kernelWidth - 1);
  const byChannel = <i64>roundUp(outPerGroup, NR) * roundUp(g.outHeight * g.outWidth, 4);
  const direct = <i64>roundUp(outPerGroup, MR) * g.outHeight * rowLength;
  return byChannel <= direct;
}

/** out = conv(x, weight) + bias (bias 0: none). */
export function convForward(x: usize, weight: usize, bias: usize, out: usize, geometry: usize): void {
  const g = changetype<Conv>(geometry);
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const k = inPerGroup * g.kernelHeight * g.kernelWidth;
  if (g.strideH == 1 && g.strideW == 1 && forwardByChannel(g)) {
    directByChannel(x, weight, bias, out, g);
    return;
  }
  const groupFloats = packedFloats(outPerGroup, k);
  const packed = allocFloats(groupFloats * g.groups);
  for (let grp = 0; grp < g.groups; grp++) {
    packA(f32At(weight, grp * outPerGroup * k), k, 1, outPerGroup, k, f32At(packed, grp * groupFloats));
  }
  // Stride 1 reads the image in place; im2col measured slower on every bench shape (wasm-paths.ts).
  if (g.strideH == 1 && g.strideW == 1 && forcedPath != 2) {
    direct(
      x, packed, groupFloats, bias, out, g.batch, g.inChannels, g.inHeight, g.inWidth, g.outChannels,
      g.kernelHeight, g.kernelWidth, g.padTop, g.padLeft, g.dilationH, g.dilationW, g.groups, g.outHeight, g.outWidth,
    );
    return;
  }
  const positions = g.outHeight * g.outWidth;
  const bandRows = bandRowsFor(k, g);
  const ld = roundUp(bandRows * g.outWidth, NR);
  const cols = allocFloats(k * ld);
  const offsets = rowOffsets(k, ld, allocFloats(k));
  const spare = allocFloats(MR * NR);
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const image = f32At(x, (n * g.inChannels + grp * inPerGroup) * g.inHeight * g.inWidth);
      const outBase = f32At(out, (n * g.outChannels + grp * outPerGroup) * positions);
      for (let oh0 = 0; oh0 < g.outHeight; oh0 += bandRows) {
        const rows = min(bandRows, g.outHeight - oh0);
        im2col(image, inPerGroup, g, oh0, rows, cols, ld);
        gemmPacked(f32At(packed, grp * groupFloats), cols, offsets, f32At(outBase, oh0 * g.outWidth), positions, outPerGroup, rows * g.outWidth, k, false, spare);
      }
      if (bias) {
        for (let co = 0; co < outPerGroup; co++) {
          const b = load<f32>(f32At(bias, grp * outPerGroup + co));
          const plane = f32At(outBase, co * positions);
          for (let p = 0; p < positions; p++) store<f32>(f32At(plane, p), load<f32>(f32At(plane, p)) + b);
        }
      }
    }
  }
}

/** dx = dLoss/dInput from dy = dLoss/dOutput. */
export function convBackwardInput(dy: usize, weight: usize, dx: usize, geometry: usize): void {
  const g = changetype<Conv>(geometry);
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const kH = g.kernelHeight, kW = g.kernelWidth, taps = kH * kW;
  const k = inPerGroup * taps;
  const positions = g.outHeight * g.outWidth;
  // A NaN or infinite weight would meet the transposed convolution's zero padding
  // (0 * inf = NaN) where the definition has no product at all: such weights take the col2im path.
  if (g.strideH == 1 && g.strideW == 1 && backwardInputDirect(g) && allFinite(weight, g.outChannels * k)) {
    // The flipped kernel: w'[grp][ci][co][kh][kw] = w[grp*Cog + co][ci][kH-1-kh][kW-1-kw],
    // a convolution from Cout channels to Cin, packed per group.
    const kT = outPerGroup * taps;
    const groupFloats = packedFloats(inPerGroup, kT);
    const flipped = allocFloats(inPerGroup * kT);
    const packed = allocFloats(groupFloats * g.groups);
    for (let grp = 0; grp < g.groups; grp++) {
      for (let ci = 0; ci < inPerGroup; ci++) {
        for (let co = 0; co < outPerGroup; co++) {
          const src = f32At(weight, ((grp * outPerGroup + co) * inPerGroup + ci) * taps);
          const dst = f32At(flipped, (ci * outPerGroup + co) * taps);
          for (let t = 0; t < taps; t++) store<f32>(f32At(dst, taps - 1 - t), load<f32>(f32At(src, t)));
        }
      }
      packA(flipped, kT, 1, inPerGroup, kT, f32At(packed, grp * groupFloats));
    }
    direct(
      dy, packed, groupFloats, 0, dx, g.batch, g.outChannels, g.outHeight, g.outWidth, g.inChannels, kH, kW,
      g.dilationH * (kH - 1) - g.padTop, g.dilationW * (kW - 1) - g.padLeft, g.dilationH, g.dilationW, g.groups, g.inHeight, g.inWidth,
    );
    return;
  }
  // col2im: patch gradients [K x positions] = weight^T [K x Cout_g] x dy [Cout_g x positions], a band of rows at a time.
  memory.fill(dx, 0, <usize>(g.batch * g.inChannels * g.inHeight * g.inWidth) << 2);
  const groupFloats = packedFloats(k, outPerGroup);
  const packed = allocFloats(groupFloats * g.groups);
  for (let grp = 0; grp < g.groups; grp++) {
    packA(f32At(weight, grp * outPerGroup * k), 1, k, k, outPerGroup, f32At(packed, grp * groupFloats));
  }
  const bandRows = bandRowsFor(k, g);
  const ld = roundUp(bandRows * g.outWidth, NR);
  const cols = allocFloats(k * ld);
  const offsets = rowOffsets(outPerGroup, positions, allocFloats(outPerGroup));
  const spare = allocFloats(MR * NR);
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const image = f32At(dx, (n * g.inChannels + grp * inPerGroup) * g.inHeight * g.inWidth);
      const dyBase = f32At(dy, (n * g.outChannels + grp * outPerGroup) * positions);
      for (let oh0 = 0; oh0 < g.outHeight; oh0 += bandRows) {
        const rows = min(bandRows, g.outHeight - oh0);
        gemmPacked(f32At(packed, grp * groupFloats), f32At(dyBase, oh0 * g.outWidth), offsets, cols, ld, k, rows * g.outWidth, outPerGroup, false, spare);
        col2im(cols, ld, inPerGroup, g, oh0, rows, image);
      }
    }
  }
}

/**
 * The weight gradient of a stride-1 convolution without copying patches: the
 * dot product for tap (ci, kh, kw) runs over the padded image from that tap's
 * offset, as the direct forward path reads it, against the output gradient
 * laid out in rows of Wp with zeros in the wrap-around columns.
 */
function directWeight(dy: usize, x: usize, dw: usize, g: Conv): void {
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const kH = g.kernelHeight, kW = g.kernelWidth, dH = g.dilationH, dW = g.dilationW;
  const outH = g.outHeight, outW = g.outWidth;
  const k = inPerGroup * kH * kW;
  const wp = outW + dW * (kW - 1);
  const hp = outH + dH * (kH - 1);
  const plane = hp * wp;
  const length = roundUp(outH * wp, 4);
  // The last taps' rows run up to wp + 3 floats past the image: zero them once
  // (fillPadded rewrites only the image), since they meet zero gradients and must not hold inf or NaN.
  const padded = allocFloats(inPerGroup * plane + wp + NR);
  memory.fill(f32At(padded, inPerGroup * plane), 0, <usize>(wp + NR) << 2);
  const offsets = tapOffsets(inPerGroup, kH, kW, dH, dW, wp, plane, allocFloats(k));
  const grads = allocFloats(outPerGroup * length);
  memory.fill(grads, 0, <usize>(outPerGroup * length) << 2);
  const inPlane = g.inHeight * g.inWidth;
  const outPlane = outH * outW;
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      fillPadded(f32At(x, (n * g.inChannels + grp * inPerGroup) * inPlane), inPerGroup, g.inHeight, g.inWidth, g.padTop, g.padLeft, hp, wp, padded);
      // Only the real columns are written: the wrap-around ones stay zero.
      for (let co = 0; co < outPerGroup; co++) {
        const src = f32At(dy, (n * g.outChannels + grp * outPerGroup + co) * outPlane);
        for (let oh = 0; oh < outH; oh++) memory.copy(f32At(grads, co * length + oh * wp), f32At(src, oh * outW), <usize>outW << 2);
      }
      gemmDot(grads, length, padded, offsets, f32At(dw, grp * outPerGroup * k), k, outPerGroup, k, length);
    }
  }
}

/** dw = dLoss/dWeight from dy = dLoss/dOutput and the input x. */
export function convBackwardWeight(dy: usize, x: usize, dw: usize, geometry: usize): void {
  const g = changetype<Conv>(geometry);
  const inPerGroup = g.inChannels / g.groups;
  const outPerGroup = g.outChannels / g.groups;
  const k = inPerGroup * g.kernelHeight * g.kernelWidth;
  const positions = g.outHeight * g.outWidth;
  memory.fill(dw, 0, <usize>(g.outChannels * k) << 2);
  // The wrap-around columns meet a zero gradient, so an infinite or NaN pixel
  // there would give 0 * inf = NaN where the definition has no product: such inputs take im2col.
  if (
    g.strideH == 1 && g.strideW == 1 && forcedPath != 2 &&
    allFinite(x, g.batch * g.inChannels * g.inHeight * g.inWidth)
  ) {
    directWeight(dy, x, dw, g);
    return;
  }
  // Several images side by side: the dot products then run over more positions
  // before their lanes are summed. Each image's positions are padded to a whole vector with zeros.
  const stride = roundUp(positions, 4);
  const images = max(1, min(g.batch, BLOCK_BYTES / (k * stride * 4)));
  const ld = images * stride;
  const cols = allocFloats(k * ld);
  const offsets = rowOffsets(k, ld, allocFloats(k));
  const grads = allocFloats(outPerGroup * ld);
  const inPlanes = g.inHeight * g.inWidth;
  for (let grp = 0; grp < g.groups; grp++) {
    for (let n0 = 0; n0 < g.batch; n0 += images) {
      const count = min(images, g.batch - n0);
      for (let i = 0; i < count; i++) {
        const n = n0 + i;
        const at = i * stride;
        // Patches: im2col writes rows `ld` apart; one band holds the whole image.
        im2colStrided(f32At(x, (n * g.inChannels + grp * inPerGroup) * inPlanes), inPerGroup, g, f32At(cols, at), ld, k, positions, stride);
        for (let co = 0; co < outPerGroup; co++) {
          const dst = f32At(grads, co * ld + at);
          memory.copy(dst, f32At(dy, (n * g.outChannels + grp * outPerGroup + co) * positions), <usize>positions << 2);
          if (stride > positions) memory.fill(f32At(dst, positions), 0, <usize>(stride - positions) << 2);
        }
      }
      gemmDot(grads, ld, cols, offsets, f32At(dw, grp * outPerGroup * k), k, outPerGroup, k, count * stride);
    }
  }
}

/** `im2col` of a whole image into rows `ld` apart, with the columns from `positions` to `stride` zeroed. */
function im2colStrided(x: usize, channels: i32, g: Conv, dest: usize, ld: i32, k: i32, positions: i32, stride: i32): void {
  im2col(x, channels, g, 0, g.outHeight, dest, ld);
  if (stride > positions) {
    for (let row = 0; row < k; row++) memory.fill(f32At(dest, row * ld + positions), 0, <usize>(stride - positions) << 2);
  }
}
