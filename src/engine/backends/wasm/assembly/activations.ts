/**
 * tanh for float32, four lanes at a time, to within about 2 units in the last
 * place of Math.tanh (tested against it).
 *
 * - |x| < 0.625: an odd polynomial, tanh x = x + x^3 q(x^2). The coefficients
 *   of q (degree 5) were fitted here for the smallest relative error on that
 *   interval, with a float32 Horner evaluation; near 0 they are the Taylor
 *   coefficients -1/3, 2/15, ... give or take the fit.
 * - Otherwise tanh|x| = 1 - 2 / (e^(2|x|) + 1), with e^y = 2^n e^r (n = round(y / ln 2),
 *   |r| <= ln 2 / 2, e^r by its Taylor series to r^7), and the sign put back.
 *   2|x| is clamped to 40, where the result is 1 in float32 already.
 *
 * NaN stays NaN: every step propagates it, and the clamp uses comparisons that keep it.
 */

const SMALL: f32 = 0.625;

@inline
function tanh4(x: v128): v128 {
  const sign = v128.and(x, i32x4.splat(0x80000000));
  const a = f32x4.abs(x);
  // Polynomial branch.
  const s = f32x4.mul(a, a);
  let q = f32x4.splat(0.0022412361577153206);
  q = f32x4.add(f32x4.mul(q, s), f32x4.splat(-0.008284050039947033));
  q = f32x4.add(f32x4.mul(q, s), f32x4.splat(0.02174360863864422));
  q = f32x4.add(f32x4.mul(q, s), f32x4.splat(-0.05395457148551941));
  q = f32x4.add(f32x4.mul(q, s), f32x4.splat(0.13333268463611603));
  q = f32x4.add(f32x4.mul(q, s), f32x4.splat(-0.3333333134651184));
  const small = f32x4.add(a, f32x4.mul(f32x4.mul(a, s), q));
  // Exponential branch: y = min(2|x|, 40), NaN kept (pmin would drop it).
  let y = f32x4.add(a, a);
  y = v128.bitselect(f32x4.splat(40), y, f32x4.gt(y, f32x4.splat(40)));
  const n = f32x4.nearest(f32x4.mul(y, f32x4.splat(1.4426950408889634)));
  // r = y - n ln 2, with ln 2 split in two so n * ln2Hi is exact.
  let r = f32x4.sub(y, f32x4.mul(n, f32x4.splat(0.693145751953125)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(1.428606765330187e-6)));
  let p = f32x4.splat(1.0 / 5040);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 720));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 120));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 24));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 6));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  // 2^n from its exponent bits (n <= 58 here, so no overflow).
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  const e = f32x4.mul(p, scale);
  const large = f32x4.sub(f32x4.splat(1), f32x4.div(f32x4.splat(2), f32x4.add(e, f32x4.splat(1))));
  const magnitude = v128.bitselect(small, large, f32x4.lt(a, f32x4.splat(SMALL)));
  return v128.or(magnitude, sign);
}

/** y[i] = tanh(x[i]) for i < n. */
export function tanhForward(x: usize, y: usize, n: i32): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) v128.store(y + (<usize>i << 2), tanh4(v128.load(x + (<usize>i << 2))));
  if (i < n) {
    // The last one to three values, one lane at a time.
    for (let j = i; j < n; j++) {
      const v = tanh4(f32x4.splat(load<f32>(x + (<usize>j << 2))));
      store<f32>(y + (<usize>j << 2), f32x4.extract_lane(v, 0));
    }
  }
}

/** gx[i] = g[i] (1 - y[i]^2): tanh's backward from its output. */
export function tanhBackward(g: usize, y: usize, gx: usize, n: i32): void {
  const one = f32x4.splat(1);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const at = <usize>i << 2;
    const yv = v128.load(y + at);
    v128.store(gx + at, f32x4.mul(v128.load(g + at), f32x4.sub(one, f32x4.mul(yv, yv))));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const yv = load<f32>(y + at);
    store<f32>(gx + at, load<f32>(g + at) * (1 - yv * yv));
  }
}
