/**
 * Hand-made filters of any size, to hold next to the filters a network learns
 * in its first layer, and a measure of how alike two filters are.
 *
 * The edge filters generalise Sobel's: a derivative across the edge (the
 * centred coordinate, -1 0 1 for a 3x3) times a binomial smoothing along it
 * (1 2 1), so at 3x3 they are exactly the Sobel filters of lesson 10. The spot
 * filter is a centre-surround (a bright dot on a dark ring) with zero sum.
 */

/** The hand-made filters, by name. */
export const HANDMADE_KINDS = ['vertical', 'horizontal', 'diagonalDown', 'diagonalUp', 'spot'] as const;
/** One of {@link HANDMADE_KINDS}. */
export type HandmadeKind = (typeof HANDMADE_KINDS)[number];

/** Row `size` of Pascal's triangle: 1 2 1, 1 4 6 4 1, ... */
export function binomialRow(size: number): number[] {
  let row = [1];
  for (let i = 1; i < size; i++) row = [...row, 0].map((v, k) => v + (k > 0 ? row[k - 1] : 0));
  return row;
}

/** A `size x size` hand-made filter, row-major. */
export function handmadeFilter(kind: HandmadeKind, size: number): Float32Array {
  if (!Number.isInteger(size) || size < 2) throw new Error(`handmadeFilter: size must be an integer of at least 2, got ${size}`);
  const out = new Float32Array(size * size);
  const smooth = binomialRow(size);
  const middle = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x - middle;
      const cy = y - middle;
      let v: number;
      switch (kind) {
        case 'vertical':
          // Dark on the left, bright on the right: responds to a vertical edge.
          v = cx * smooth[y];
          break;
        case 'horizontal':
          v = cy * smooth[x];
          break;
        case 'diagonalDown':
          v = cx - cy;
          break;
        case 'diagonalUp':
          v = cx + cy;
          break;
        case 'spot': {
          const r = Math.hypot(cx, cy);
          // A disc of about half the kernel: the centre pixel at 3x3, a 3x3 block at 5x5.
          v = r <= ((size - 1) / 2) * 0.75 ? 1 : -1;
          break;
        }
      }
      out[y * size + x] = v;
    }
  }
  if (kind === 'spot') {
    // Zero sum, so a flat patch gives no response.
    let sum = 0;
    for (const v of out) sum += v;
    const mean = sum / out.length;
    for (let i = 0; i < out.length; i++) out[i] -= mean;
  }
  return out;
}

/**
 * Pearson correlation of two equally long filters: their cosine after
 * removing each one's mean. 1: the same pattern (up to brightness and scale);
 * -1: the same pattern with light and dark swapped; 0: unrelated. 0 when either
 * is flat.
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>, aFrom = 0, bFrom = 0, length = a.length - aFrom): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < length; i++) {
    ma += a[aFrom + i];
    mb += b[bFrom + i];
  }
  ma /= length;
  mb /= length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < length; i++) {
    const da = a[aFrom + i] - ma;
    const db = b[bFrom + i] - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  const norm = Math.sqrt(aa * bb);
  return norm > 0 ? ab / norm : 0;
}

/** The hand-made filter a learned one looks most like. */
export interface ClosestHandmade {
  kind: HandmadeKind;
  /** Correlation with it, -1..1 (negative: light and dark swapped). */
  correlation: number;
}

/**
 * For each single-channel filter of a first layer (`filters` row-major in
 * [count, 1, k, k]), the hand-made filter with the strongest correlation,
 * whatever its sign.
 */
export function closestHandmade(filters: ArrayLike<number>, count: number, size: number): ClosestHandmade[] {
  const area = size * size;
  const references = HANDMADE_KINDS.map((kind) => ({ kind, values: handmadeFilter(kind, size) }));
  const out: ClosestHandmade[] = [];
  for (let f = 0; f < count; f++) {
    let best: ClosestHandmade = { kind: references[0].kind, correlation: 0 };
    for (const ref of references) {
      const r = correlation(filters, ref.values, f * area, 0, area);
      if (Math.abs(r) > Math.abs(best.correlation)) best = { kind: ref.kind, correlation: r };
    }
    out.push(best);
  }
  return out;
}
