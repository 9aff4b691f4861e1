/**
 * Matrix multiplication: the loop every fully connected layer runs, and the
 * one a fast backend speeds up first.
 */
import { Tensor, expectTensor, fromOp, needsGrad, formatShape } from '../tensor.ts';
import { getBackend } from '../backend.ts';
import { floats } from '../storage.ts';

/**
 * out[M,N] (+)= op(A)[M,K] * op(B)[K,N], plain triple loop. The i-k-j order walks
 * B and out along rows, so the innermost loop reads memory in order.
 */
export function gemmLoops(
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
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      // No shortcut for aip === 0: 0 * NaN and 0 * inf are NaN, and PyTorch lets them through.
      const aip = transA ? a[p * m + i] : a[i * k + p];
      const row = i * n;
      if (transB) for (let j = 0; j < n; j++) out[row + j] += aip * b[j * k + p];
      else {
        const bRow = p * n;
        for (let j = 0; j < n; j++) out[row + j] += aip * b[bRow + j];
      }
    }
  }
}

/**
 * Matrix product of two 2-D tensors, [M,K] x [K,N] -> [M,N].
 * Backward: dA = dOut B^T, dB = A^T dOut.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  expectTensor('matmul', 'input', 1, a);
  expectTensor('matmul', 'other', 2, b);
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new Error(`matmul: expected 2-D tensors, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (k !== k2) {
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${k2}x${n})`);
  }
  const kernels = getBackend();
  const out = floats(m * n);
  kernels.gemm(a.data, b.data, out, m, n, k, false, false, false);
  return fromOp('matmul', out, [m, n], [a, b], (g) => {
    let ga: Float32Array | null = null;
    let gb: Float32Array | null = null;
    if (needsGrad(a)) {
      ga = floats(m * k);
      kernels.gemm(g, b.data, ga, m, k, n, false, true, false);
    }
    if (needsGrad(b)) {
      gb = floats(k * n);
      kernels.gemm(a.data, g, gb, k, n, m, true, false, false);
    }
    return [ga, gb];
  });
}
