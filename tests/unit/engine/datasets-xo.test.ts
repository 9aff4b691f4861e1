import { describe, expect, it } from 'vitest';
import { Random, conv2d, datasets, listBackends, tensor, withBackend } from '../../../src/engine/index.ts';

const { xo, drawXo, canonicalXo, XO_VARIANTS } = datasets;

/** The 9x9 X of the syllabus (lesson 2's worked example), typed out by hand: 1 = ink. */
const SYLLABUS_X = [
  '.........',
  '.#.....#.',
  '..#...#..',
  '...#.#...',
  '....#....',
  '...#.#...',
  '..#...#..',
  '.#.....#.',
  '.........',
];

/** The canonical O: a ring of radius 3 around the centre. */
const RING_O = [
  '.........',
  '...###...',
  '..#...#..',
  '.#.....#.',
  '.#.....#.',
  '.#.....#.',
  '..#...#..',
  '...###...',
  '.........',
];

function fromRows(rows: string[]): number[] {
  return rows.flatMap((r) => [...r].map((ch) => (ch === '#' ? 1 : -1)));
}

function picture(images: Float32Array, i: number, size: number): number[] {
  return Array.from(images.subarray(i * size * size, (i + 1) * size * size));
}

/** `src` moved by whole pixels, with -1 coming in at the edges. */
function shifted(src: ArrayLike<number>, size: number, dx: number, dy: number): number[] {
  const out = new Array<number>(size * size).fill(-1);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sr < size && sc >= 0 && sc < size) out[r * size + c] = src[sr * size + sc];
    }
  }
  return out;
}

describe('datasets.xo', () => {
  it('draws the canonical 9x9 X exactly as the syllabus picture: +1 on both diagonals inside a -1 frame', () => {
    const set = xo({ count: 2, seed: 5 });
    expect(set.shape).toEqual([1, 9, 9]);
    expect(picture(set.images, 0, 9)).toEqual(fromRows(SYLLABUS_X));
    expect(picture(set.images, 1, 9)).toEqual(fromRows(RING_O));
    expect(Array.from(set.labels)).toEqual([0, 1]);
  });

  it('canonicalXo() is the canonical letter, without a generator: the 9x9 X of lesson 2 by default', () => {
    expect(Array.from(canonicalXo(0))).toEqual(fromRows(SYLLABUS_X));
    expect(Array.from(canonicalXo(1))).toEqual(fromRows(RING_O));
    for (let size = 5; size <= 12; size++) {
      for (const label of [0, 1] as const) {
        expect(Array.from(canonicalXo(label, size)), `${label} at ${size}`).toEqual(Array.from(drawXo(label, 'canonical', size, new Random(3))));
      }
    }
    // Each call draws afresh, so a caller may change its copy.
    const mine = canonicalXo(0);
    mine[0] = 1;
    expect(canonicalXo(0)[0]).toBe(-1);
    expect(() => canonicalXo(0, 4)).toThrow('canonicalXo: size must be an integer >= 5, got 4');
    expect(() => canonicalXo(2 as 0)).toThrow('canonicalXo: label must be 0 (X) or 1 (O), got 2');
  });

  it('gives the worked numbers of lesson 2 under the diagonal filter: 7/9 at the top left, -1/9 next to it, 1 on the diagonal', () => {
    const filter = tensor([1, -1, -1, -1, 1, -1, -1, -1, 1], [1, 1, 3, 3]);
    const sums = conv2d(tensor(canonicalXo(0), [1, 1, 9, 9]), filter).data;
    expect([sums[0] / 9, sums[1] / 9, sums[8] / 9]).toEqual([7 / 9, -1 / 9, 1].map((v) => expect.closeTo(v, 6)));
  });

  it('puts the X on the diagonals of the inner square at every size', () => {
    for (let size = 5; size <= 15; size++) {
      const x = drawXo(0, 'canonical', size, new Random(0));
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const inner = r >= 1 && r <= size - 2;
          const onDiagonal = inner && (c === r || c === size - 1 - r);
          expect(x[r * size + c], `size ${size} pixel (${r}, ${c})`).toBe(onDiagonal ? 1 : -1);
        }
      }
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = xo({ count: 60, seed: 7, variants: XO_VARIANTS });
    const b = xo({ count: 60, seed: 7, variants: XO_VARIANTS });
    const c = xo({ count: 60, seed: 8, variants: XO_VARIANTS });
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.images)).not.toEqual(Array.from(c.images));
  });

  it('balances the labels and gives both letters in every variant', () => {
    for (const count of [0, 1, 10, 31, 120]) {
      const set = xo({ count, seed: 1, variants: XO_VARIANTS });
      const xs = set.labels.filter((l) => l === 0).length;
      const os = set.labels.filter((l) => l === 1).length;
      expect(xs + os).toBe(count);
      expect(xs - os).toBe(count % 2);
    }
    const set = xo({ count: 120, seed: 1, variants: XO_VARIANTS });
    for (const v of XO_VARIANTS) {
      const labels = set.sampleVariants.flatMap((sv, i) => (sv === v ? [set.labels[i]] : []));
      expect(labels.filter((l) => l === 0).length, v).toBe(10);
      expect(labels.filter((l) => l === 1).length, v).toBe(10);
    }
  });

  it('only ever uses the two pixel values +1 and -1', () => {
    const set = xo({ count: 120, size: 12, seed: 3, variants: XO_VARIANTS });
    expect(set.images.length).toBe(120 * 144);
    expect(set.images.every((v) => v === 1 || v === -1)).toBe(true);
  });

  it('draws every non-canonical variant different from the canonical letter', () => {
    for (const size of [9, 13]) {
      for (const label of [0, 1] as const) {
        const canonical = Array.from(drawXo(label, 'canonical', size, new Random(0)));
        for (const variant of XO_VARIANTS.filter((v) => v !== 'canonical')) {
          const rng = new Random(size * 10 + label);
          for (let k = 0; k < 40; k++) {
            expect(Array.from(drawXo(label, variant, size, rng)), `${variant} ${label} size ${size}`).not.toEqual(canonical);
          }
        }
      }
    }
  });

  it('shifts by whole pixels: a shifted picture is the canonical one moved by at most 2 pixels', () => {
    const rng = new Random(11);
    for (const label of [0, 1] as const) {
      const canonical = drawXo(label, 'canonical', 9, new Random(0));
      for (let k = 0; k < 30; k++) {
        const moved = Array.from(drawXo(label, 'shifted', 9, rng));
        let found = false;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) {
            if ((dx !== 0 || dy !== 0) && shifted(canonical, 9, dx, dy).every((v, i) => v === moved[i])) found = true;
          }
        }
        expect(found).toBe(true);
      }
    }
  });

  it('keeps the ink of thin variants close to the canonical amount, and thickens the thick one', () => {
    const ink = (p: Float32Array) => p.filter((v) => v > 0).length;
    const rng = new Random(2);
    const canonicalInk = ink(drawXo(0, 'canonical', 9, rng));
    expect(canonicalInk).toBe(13);
    expect(ink(drawXo(0, 'thick', 9, rng))).toBeGreaterThan(2 * canonicalInk);
    for (let k = 0; k < 20; k++) {
      const short = ink(drawXo(0, 'short', 9, rng));
      expect(short).toBeLessThan(canonicalInk);
      expect(short).toBeGreaterThanOrEqual(canonicalInk - 4);
    }
    // Noise flips exactly round(6% of 81) = 5 pixels.
    const clean = drawXo(1, 'canonical', 9, rng);
    const noisy = drawXo(1, 'noisy', 9, rng);
    expect(clean.filter((v, i) => v !== noisy[i]).length).toBe(5);
  });

  it('rejects bad arguments with messages naming them', () => {
    expect(() => xo({ count: -1 })).toThrow(/count must be a non-negative integer, got -1/);
    expect(() => xo({ count: 2, size: 4 })).toThrow(/size must be an integer >= 5, got 4/);
    expect(() => xo({ count: 2, size: 8.5 })).toThrow(/got 8.5/);
    expect(() => xo({ count: 2, variants: [] })).toThrow(/at least one variant/);
    expect(() => xo({ count: 2, variants: ['wobbly' as never] })).toThrow(/unknown variant 'wobbly'/);
    expect(() => xo({ count: 2, seed: Number.NaN })).toThrow(/seed must be a finite number, got NaN/);
  });
});

for (const backend of listBackends()) {
  describe(`the canonical X under the diagonal filter (${backend})`, () => {
    it('gives the syllabus numbers 7/9, -1/9 and 1 on a 7x7 map', () => {
      withBackend(backend, () => {
        const x = xo({ count: 1 });
        const input = tensor(x.images, [1, 1, 9, 9]);
        const filter = tensor([1, -1, -1, -1, 1, -1, -1, -1, 1], [1, 1, 3, 3]);
        const out = conv2d(input, filter);
        expect(out.shape).toEqual([1, 1, 7, 7]);
        const at = (r: number, c: number) => out.data[r * 7 + c] / 9;
        expect(at(0, 0)).toBeCloseTo(7 / 9, 6);
        expect(at(0, 1)).toBeCloseTo(-1 / 9, 6);
        expect(at(1, 1)).toBeCloseTo(1, 6);
      });
    });
  });
}
