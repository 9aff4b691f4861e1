/**
 * Max pooling's forward pass, with the reference loops' rules: padding
 * never wins, the first of equal values wins, and a NaN takes over (a later
 * NaN takes over from an earlier one too, as there).
 */

/** The geometry, laid out as JavaScript writes it (PoolGeometry, 14 int32). */
@unmanaged
class Pool {
  batch: i32;
  channels: i32;
  inHeight: i32;
  inWidth: i32;
  kernelHeight: i32;
  kernelWidth: i32;
  strideH: i32;
  strideW: i32;
  padTop: i32;
  padLeft: i32;
  dilationH: i32;
  dilationW: i32;
  outHeight: i32;
  outWidth: i32;
}

@inline
function f32At(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** 2x2 windows, stride 2, all inside the image: four vectors of inputs give four outputs at once. */
function maxPool2x2(x: usize, out: usize, indices: usize, g: Pool): void {
  const inW = g.inWidth, outW = g.outWidth, planes = g.batch * g.channels;
  const inPlane = g.inHeight * inW;
  const quads = outW & ~3;
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = f32At(x, plane * inPlane);
    for (let oh = 0; oh < g.outHeight; oh++) {
      const top = oh * 2 * inW;
      let ow = 0;
      for (; ow < quads; ow += 4, o += 4) {
        const r0 = base + (<usize>(top + 2 * ow) << 2);
        const r1 = r0 + (<usize>inW << 2);
        const a = v128.load(r0), b = v128.load(r0, 16);
        const c = v128.load(r1), d = v128.load(r1, 16);
        // Taps in window order: top-left, top-right, bottom-left, bottom-right.
        const t0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6);
        const t1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
        const t2 = v128.shuffle<f32>(c, d, 0, 2, 4, 6);
        const t3 = v128.shuffle<f32>(c, d, 1, 3, 5, 7);
        const at0 = i32x4.add(i32x4.splat(top + 2 * ow), i32x4(0, 2, 4, 6));
        let best = t0;
        let bestAt = at0;
        // Take the tap where it is greater, or NaN (x != x).
        let take = v128.or(f32x4.gt(t1, best), f32x4.ne(t1, t1));
        best = v128.bitselect(t1, best, take);
        bestAt = v128.bitselect(i32x4.add(at0, i32x4.splat(1)), bestAt, take);
        take = v128.or(f32x4.gt(t2, best), f32x4.ne(t2, t2));
        best = v128.bitselect(t2, best, take);
        bestAt = v128.bitselect(i32x4.add(at0, i32x4.splat(inW)), bestAt, take);
        take = v128.or(f32x4.gt(t3, best), f32x4.ne(t3, t3));
        best = v128.bitselect(t3, best, take);
        bestAt = v128.bitselect(i32x4.add(at0, i32x4.splat(inW + 1)), bestAt, take);
        v128.store(f32At(out, o), best);
        v128.store(f32At(indices, o), bestAt);
      }
      for (; ow < outW; ow++, o++) {
        const corner = top + 2 * ow;
        let best = load<f32>(f32At(base, corner));
        let bestAt = corner;
        for (let t = 1; t < 4; t++) {
          const at = corner + (t >> 1) * inW + (t & 1);
          const v = load<f32>(f32At(base, at));
          if (v > best || v != v) {
            best = v;
            bestAt = at;
          }
        }
        store<f32>(f32At(out, o), best);
        store<i32>(f32At(indices, o), bestAt);
      }
    }
  }
}

/** Max pooling; indices[o] = h*W + w of the winner in its plane, or -1 for a window of padding only. */
export function maxPoolForward(x: usize, out: usize, indices: usize, geometry: usize): void {
  const g = changetype<Pool>(geometry);
  const H = g.inHeight, W = g.inWidth;
  if (
    g.kernelHeight == 2 && g.kernelWidth == 2 && g.strideH == 2 && g.strideW == 2 &&
    g.padTop == 0 && g.padLeft == 0 && g.dilationH == 1 && g.dilationW == 1 &&
    2 * g.outHeight <= H && 2 * g.outWidth <= W
  ) {
    maxPool2x2(x, out, indices, g);
    return;
  }
  const planes = g.batch * g.channels;
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = f32At(x, plane * H * W);
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideH - g.padTop;
      for (let ow = 0; ow < g.outWidth; ow++, o++) {
        const w0 = ow * g.strideW - g.padLeft;
        let best: f32 = -Infinity;
        let bestAt = -1;
        for (let kh = 0; kh < g.kernelHeight; kh++) {
          const h = h0 + kh * g.dilationH;
          if (h < 0 || h >= H) continue;
          for (let kw = 0; kw < g.kernelWidth; kw++) {
            const w = w0 + kw * g.dilationW;
            if (w < 0 || w >= W) continue;
            const v = load<f32>(f32At(base, h * W + w));
            if (bestAt == -1 || v > best || v != v) {
              best = v;
              bestAt = h * W + w;
            }
          }
        }
        store<f32>(f32At(out, o), best);
        store<i32>(f32At(indices, o), bestAt);
      }
    }
  }
}
