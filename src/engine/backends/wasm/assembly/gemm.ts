/**
 * Matrix products with 128-bit SIMD: four float32 lanes per instruction.
 *
 * Three micro-kernels do all the arithmetic of the convolutions and the dense
 * layers:
 *
 * - `tile` computes a 4 x 8 block of C = A B. A is "packed": four rows of A
 *   side by side, so step p reads A[i..i+3][p] as four consecutive floats, and
 *   each is broadcast to all four lanes; B's row p contributes eight
 *   consecutive floats (two vectors). 4 x 8 = 8 vectors of running sums stay in
 *   registers, and each value loaded is used 4 or 8 times. Where B's rows live
 *   is read from a table of offsets, so the same kernel multiplies a plain
 *   matrix (offset p * rowLength) or, for a convolution, reads the image in
 *   place (offset of tap (ci, kh, kw) in the padded image): no copy of every
 *   patch needed.
 * - `tileGathered` is `tile` with the roles swapped: B is packed (eight
 *   columns side by side, two vectors per step) and A's four rows are read
 *   through four pointers and the offsets table, one broadcast float each per
 *   step. It stores its block transposed. The forward convolution uses it with
 *   output channels as B's columns and four output positions as A's rows, so the
 *   positions need not be consecutive in the image (see conv.ts, "by channel").
 * - `dot3x3` computes a 3 x 3 block of C = A B^T, where A's and B's rows both
 *   run along the shared dimension: nine dot products, four products per
 *   instruction, summed across the lanes at the end. The weight gradient of a
 *   convolution (a sum over every output position) has this shape.
 *
 * The 4 x 8 shape was measured against 6 x 8 and 4 x 12: those need more
 * vector registers than x86-64 has (16) with a separate multiply and add, and
 * spilled. With relaxed SIMD the multiply-add is one fused instruction.
 */

/** Rows of A per packed panel (and of C per tile). */
export const MR = 4;
/** Columns of B (and of C) per tile. */
export const NR = 8;

/** c + a * b, fused where the engine has relaxed SIMD (one rounding instead of two). */
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/** Floats in the packed copy of an m x k matrix: whole panels of MR rows. */
@inline
export function packedFloats(m: i32, k: i32): i32 {
  return ((m + MR - 1) / MR) * MR * k;
}

/**
 * Copies the m x k matrix whose element (i, p) is at a + 4 * (i * rowStep + p * colStep)
 * into panels: panel r holds rows 4r..4r+3, as k groups of four floats. Rows
 * past m are zero. (rowStep, colStep) = (k, 1) reads a row-major matrix, (1, m) its transpose.
 */
export function packA(a: usize, rowStep: i32, colStep: i32, m: i32, k: i32, dest: usize): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    for (let p = 0; p < k; p++) {
      for (let r = 0; r < MR; r++) {
        const i = i0 + r;
        const v: f32 = i < m ? load<f32>(a + ((<usize>(i * rowStep + p * colStep)) << 2)) : 0;
        store<f32>(dest, v);
        dest += 4;
      }
    }
  }
}

/**
 * C[4 x 8] at c (rows `ldc` bytes apart) = (C +) packed panel `ap` x B, over k steps;
 * B's row p starts at b + offsets[p] bytes.
 */
@inline
function tile(ap: usize, b: usize, offsets: usize, k: i32, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    const bp = b + <usize>load<i32>(offsets);
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    ap += 16;
    offsets += 4;
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  c += ldc;
  v128.store(c, c10);
  v128.store(c, c11, 16);
  c += ldc;
  v128.store(c, c20);
  v128.store(c, c21, 16);
  c += ldc;
  v128.store(c, c30);
  v128.store(c, c31, 16);
}

/**
 * C[m x n] (rows `ldc` floats apart) = (C +) A B, where A [m x k] was packed by
 * `packA` and B's row p is the floats from b + offsets[p] bytes. Tiles that
 * stick out past row m or column n are computed into `spare` (32 floats) and only
 * their inside is written, so C's neighbours are never touched.
 */
export function gemmPacked(pa: usize, b: usize, offsets: usize, c: usize, ldc: i32, m: i32, n: i32, k: i32, accumulate: bool, spare: usize): void {
  const ldcBytes = <usize>ldc << 2;
  for (let j = 0; j < n; j += NR) {
    const colsInside = j + NR <= n;
    const bj = b + (<usize>j << 2);
    for (let i = 0; i < m; i += MR) {
      const ap = pa + (<usize>(i * k) << 2);
      const cp = c + (<usize>(i * ldc + j) << 2);
      if (colsInside && i + MR <= m) {
        tile(ap, bj, offsets, k, cp, ldcBytes, accumulate);
        continue;
      }
      tile(ap, bj, offsets, k, spare, NR << 2, false);
      const rows = min(MR, m - i);
      const cols = min(NR, n - j);
      for (let r = 0; r < rows; r++) {
        for (let q = 0; q < cols; q++) {
          const at = cp + (<usize>(r * ldc + q) << 2);
          const v = load<f32>(spare + (<usize>(r * NR + q) << 2));
          store<f32>(at, accumulate ? load<f32>(at) + v : v);
        }
      }
    }
  }
}

/** Floats in the packed copy of a k x n matrix: whole panels of NR columns. */
@inline
export function packedColumnsFloats(k: i32, n: i32): i32 {
  return ((n + NR - 1) / NR) * NR * k;
}

/**
 * Copies the k x n matrix whose element (p, j) is at b + 4 * (p * rowStep + j * colStep)
 * into panels: panel s holds columns 8s..8s+7, as k groups of eight floats
 * (the two vectors `tileGathered` reads per step). Columns past n are zero.
 */
export function packB(b: usize, rowStep: i32, colStep: i32, k: i32, n: i32, dest: usize): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    for (let p = 0; p < k; p++) {
      for (let q = 0; q < NR; q++) {
        const j = j0 + q;
        const v: f32 = j < n ? load<f32>(b + ((<usize>(p * rowStep + j * colStep)) << 2)) : 0;
        store<f32>(dest, v);
        dest += 4;
      }
    }
  }
}

/** Stores the first `count` lanes of v at `at`. */
@inline
function storeLanes(at: usize, v: v128, count: i32): void {
  if (count == 4) {
    v128.store(at, v);
    return;
  }
  if (count > 0) store<f32>(at, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(at, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(at, f32x4.extract_lane(v, 2), 8);
}

/**
 * Stores the transpose of the 4 x 4 block whose rows are r0..r3: its column j
 * (lanes j of r0..r3) goes to c + j * ldc bytes, for j < cols, and only the first `rows` lanes.
 */
@inline
function storeTransposed(r0: v128, r1: v128, r2: v128, r3: v128, c: usize, ldc: usize, rows: i32, cols: i32): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  if (cols > 0) storeLanes(c, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5), rows);
  if (cols > 1) storeLanes(c + ldc, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7), rows);
  if (cols > 2) storeLanes(c + 2 * ldc, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5), rows);
  if (cols > 3) storeLanes(c + 3 * ldc, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7), rows);
}

/**
 * `tile` with the roles of A and B swapped: a 4 x 8 block of C = A B where A
 * is not packed but gathered, and B is packed (`packB`). Row r of A has its
 * element p at a_r + offsets[p] bytes, four rows anywhere; B's eight columns
 * come from the panel at bp, eight consecutive floats per step. The block is
 * stored transposed, plus bias[j] on column j (bias: eight floats): column j
 * of C goes to c + j * ldc bytes as four consecutive floats, for j < cols,
 * only the first `rows` of them.
 *
 * For a convolution, A's rows are four output positions (their patches read in
 * place in the padded image) and B's columns eight output channels (weights),
 * so C^T is the output planes, four positions of a plane per store.
 */
@inline
export function tileGathered(
  a0: usize, a1: usize, a2: usize, a3: usize, offsets: usize, bp: usize, k: i32,
  bias: usize, c: usize, ldc: usize, rows: i32, cols: i32,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    const at = <usize>load<i32>(offsets);
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(a0 + at);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(a1 + at);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(a2 + at);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(a3 + at);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    bp += 32;
    offsets += 4;
  }
  const bias0 = v128.load(bias);
  const bias1 = v128.load(bias, 16);
  c00 = f32x4.add(c00, bias0);
  c10 = f32x4.add(c10, bias0);
  c20 = f32x4.add(c20, bias0);
  c30 = f32x4.add(c30, bias0);
  c01 = f32x4.add(c01, bias1);
  c11 = f32x4.add(c11, bias1);
  c21 = f32x4.add(c21, bias1);
  c31 = f32x4.add(c31, bias1);
  storeTransposed(c00, c10, c20, c30, c, ldc, rows, cols);
  storeTransposed(c01, c11, c21, c31, c + 4 * ldc, ldc, rows, cols - 4);
}

/** A table of k offsets: row p of a row-major matrix with rows `rowFloats` apart. */
export function rowOffsets(k: i32, rowFloats: i32, dest: usize): usize {
  for (let p = 0; p < k; p++) store<i32>(dest + (<usize>p << 2), p * rowFloats * 4);
  return dest;
}

/** The sum of a vector's four lanes. */
@inline
function lanesSum(v: v128): f32 {
  const pairs = f32x4.add(v, v128.shuffle<f32>(v, v, 2, 3, 0, 1));
  return f32x4.extract_lane(f32x4.add(pairs, v128.shuffle<f32>(pairs, pairs, 1, 0, 3, 2)), 0);
}

/**
 * Nine dot products of length k: rows a0..a2 against rows b0..b2, added
 * into C at c (rows `ldc` bytes apart), only the first `rows` x `cols` of them.
 */
@inline
function dot3x3(a0: usize, a1: usize, a2: usize, b0: usize, b1: usize, b2: usize, k: i32, c: usize, ldc: usize, rows: i32, cols: i32): void {
  let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s02 = f32x4.splat(0);
  let s10 = f32x4.splat(0), s11 = f32x4.splat(0), s12 = f32x4.splat(0);
  let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s22 = f32x4.splat(0);
  const k4 = k & ~3;
  for (let p: usize = 0; p < <usize>k4 << 2; p += 16) {
    const x0 = v128.load(a0 + p);
    const x1 = v128.load(a1 + p);
    const x2 = v128.load(a2 + p);
    let y = v128.load(b0 + p);
    s00 = madd(x0, y, s00);
    s10 = madd(x1, y, s10);
    s20 = madd(x2, y, s20);
    y = v128.load(b1 + p);
    s01 = madd(x0, y, s01);
    s11 = madd(x1, y, s11);
    s21 = madd(x2, y, s21);
    y = v128.load(b2 + p);
    s02 = madd(x0, y, s02);
    s12 = madd(x1, y, s12);
    s22 = madd(x2, y, s22);
  }
  let t00 = lanesSum(s00), t01 = lanesSum(s01), t02 = lanesSum(s02);
  let t10 = lanesSum(s10), t11 = lanesSum(s11), t12 = lanesSum(s12);
  let t20 = lanesSum(s20), t21 = lanesSum(s21), t22 = lanesSum(s22);
  for (let p = k4; p < k; p++) {
    const at = <usize>p << 2;
    const x0 = load<f32>(a0 + at), x1 = load<f32>(a1 + at), x2 = load<f32>(a2 + at);
    const y0 = load<f32>(b0 + at), y1 = load<f32>(b1 + at), y2 = load<f32>(b2 + at);
    t00 += x0 * y0; t01 += x0 * y1; t02 += x0 * y2;
    t10 += x1 * y0; t11 += x1 * y1; t12 += x1 * y2;
    t20 += x2 * y0; t21 += x2 * y1; t22 += x2 * y2;
  }
  store<f32>(c, load<f32>(c) + t00);
  if (cols > 1) store<f32>(c, load<f32>(c, 4) + t01, 4);
  if (cols > 2) store<f32>(c, load<f32>(c, 8) + t02, 8);
  if (rows < 2) return;
  c += ldc;
  store<f32>(c, load<f32>(c) + t10);
  if (cols > 1) store<f32>(c, load<f32>(c, 4) + t11, 4);
  if (cols > 2) store<f32>(c, load<f32>(c, 8) + t12, 8);
  if (rows < 3) return;
  c += ldc;
  store<f32>(c, load<f32>(c) + t20);
  if (cols > 1) store<f32>(c, load<f32>(c, 4) + t21, 4);
  if (cols > 2) store<f32>(c, load<f32>(c, 8) + t22, 8);
}

/**
 * C[m x n] += A B^T: C[i][j] += sum over p < k of A[i][p] B[j][p], with A's
 * rows `lda` floats apart, B's row j at b + offsets[j] bytes, C's rows `ldc`
 * floats apart. Blocks at the edges repeat the last row instead of reading
 * past the matrices, and keep only their inside.
 */
export function gemmDot(a: usize, lda: i32, b: usize, offsets: usize, c: usize, ldc: i32, m: i32, n: i32, k: i32): void {
  const aStep = <usize>lda << 2;
  const cStep = <usize>ldc << 2;
  for (let i = 0; i < m; i += 3) {
    const rows = min(3, m - i);
    const a0 = a + <usize>i * aStep;
    const a1 = rows > 1 ? a0 + aStep : a0;
    const a2 = rows > 2 ? a1 + aStep : a1;
    for (let j = 0; j < n; j += 3) {
      const cols = min(3, n - j);
      const row = offsets + (<usize>j << 2);
      const b0 = b + <usize>load<i32>(row);
      const b1 = cols > 1 ? b + <usize>load<i32>(row, 4) : b0;
      const b2 = cols > 2 ? b + <usize>load<i32>(row, 8) : b1;
      dot3x3(a0, a1, a2, b0, b1, b2, k, c + <usize>i * cStep + (<usize>j << 2), cStep, rows, cols);
    }
  }
}
