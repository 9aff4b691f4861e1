/** The Kernels interface's general matrix product, on top of gemm.ts's micro-kernels. */
import { allocFloats } from './memory';
import { MR, NR, packA, packedFloats, gemmPacked, gemmDot, rowOffsets } from './gemm';

/**
 * C[m x n] (+)= op(A) op(B), all row-major; op(A) is A [m x k] or, with transA,
 * A stored as [k x m]; op(B) is B [k x n] or, with transB, B stored as [n x k].
 */
export function gemm(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, accumulate: bool): void {
  if (!accumulate) memory.fill(c, 0, <usize>(m * n) << 2);
  if (m == 0 || n == 0 || k == 0) return;
  if (transB && !transA) {
    // Rows of A and rows of B both run along k: dot products, no copy.
    gemmDot(a, k, b, rowOffsets(n, k, allocFloats(n)), c, n, m, n, k);
    return;
  }
  const packed = allocFloats(packedFloats(m, k));
  if (transA) packA(a, 1, m, m, k, packed);
  else packA(a, k, 1, m, k, packed);
  let rows = b;
  if (transB) {
    // B^T into a row-major [k x n] copy, so its rows can be read eight columns at a time.
    rows = allocFloats(k * n);
    for (let j = 0; j < n; j++) {
      for (let p = 0; p < k; p++) store<f32>(rows + (<usize>(p * n + j) << 2), load<f32>(b + (<usize>(j * k + p) << 2)));
    }
  }
  const offsets = rowOffsets(k, n, allocFloats(k));
  gemmPacked(packed, rows, offsets, c, n, m, n, k, true, allocFloats(MR * NR));
}
