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
 * Both branches are computed for every lane and one is kept; the Horner steps
 * are fused multiply-adds in the relaxed-SIMD build.
 */
import { madd } from './gemm';

/** The constants, each loaded and broadcast to four lanes where it is used. */
const K = memory.data<f32>([
  // 0-5: q(s), highest power first
  0.0022412361577153206, -0.008284050039947033, 0.02174360863864422, -0.05395457148551941, 0.13333268463611603, -0.3333333134651184,
  // 6-7: e^r's Taylor coefficients 1/7!, 1/6!
  1.0 / 5040, 1.0 / 720,
  // 8-12: 1/5!, 1/4!, 1/3!, 1/2, 1
  1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1,
  // 13: 1 / ln 2; 14-15: ln 2 = hi + lo (hi has few bits, so n * hi is exact)
  1.4426950408889634, 0.693145751953125, 1.428606765330187e-6,
  // 16: 1.5 * 2^23; 17: the clamp of 2|x|; 18: where the polynomial stops; 19: 2
  12582912, 40, 0.625, 2,
]);

@inline
function k(i: i32): v128 {
  return v128.load32_splat(K + (<usize>i << 2));
}

@inline
function tanh4(x: v128): v128 {
  const a = f32x4.abs(x);
  const sign = v128.xor(x, a);
  // Polynomial branch.
  const s = f32x4.mul(a, a);
  let q = k(0);
  for (let i = 1; i < 6; i++) q = madd(q, s, k(i));
  const small = f32x4.add(a, f32x4.mul(f32x4.mul(a, s), q));
  // Exponential branch: y = min(2|x|, 40), NaN kept (pmin would drop it).
  let y = f32x4.add(a, a);
  const clamp = k(17);
  y = v128.bitselect(clamp, y, f32x4.gt(y, clamp));
  // n = round(y / ln 2) by adding 1.5 * 2^23: the sum's last mantissa bits are then n itself.
  const magic = k(16);
  const shifted = f32x4.add(f32x4.mul(y, k(13)), magic);
  const n = f32x4.sub(shifted, magic);
  // r = y - n ln 2, in two steps.
  let r = f32x4.sub(y, f32x4.mul(n, k(14)));
  r = f32x4.sub(r, f32x4.mul(n, k(15)));
  let p = k(6);
  for (let i = 7; i < 13; i++) p = madd(p, r, k(i));
  const one = k(12);
  p = madd(p, r, one);
  // 2^n from its exponent bits (n <= 58 here, so no overflow): n + 127, read from `shifted`'s bits.
  const scale = i32x4.shl(i32x4.add(shifted, i32x4.splat(127 - 0x4b400000)), 23);
  const e = f32x4.mul(p, scale);
  const large = f32x4.sub(one, f32x4.div(k(19), f32x4.add(e, one)));
  const magnitude = v128.bitselect(small, large, f32x4.lt(a, k(18)));
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
