/**
 * Lesson 5 ("Padding") against the engine and the syllabus. The prose prints its
 * numbers from `lesson-numbers.ts`; this test pins those numbers to the syllabus's
 * facts (zero padding keeps the size and lets edge and corner pixels count; the
 * modes zeros, reflect, replicate and circular; 'same' padding for odd kernels),
 * checks them against independent arithmetic, and checks the widgets' model: the
 * padded values against a hand-written rule per mode, the window counts against
 * row-times-column counting, and the query strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as numbers from '../../../components/widgets/padding/lesson-numbers.ts';
import {
  AMOUNT,
  GRID_SIZE,
  GRID_VALUES,
  MODES,
  PHOTO_SIZE,
  PHOTOS,
  allModes,
  decodeCounts,
  decodeExplorer,
  decodeSame,
  encodeCounts,
  encodeExplorer,
  encodeSame,
  padAndConvolve,
  padRow,
  samePaddingOf,
  toGreyscale,
  windowCounts,
} from '../../../components/widgets/padding/model.ts';
import type { Mode } from '../../../components/widgets/padding/model.ts';
import { STRINGS } from '../../../components/widgets/padding/strings/index.ts';

/** Where padded position i of a row of n reads from, by the textbook rule of each mode (-1: zero). */
function sourceOf(i: number, before: number, n: number, mode: Mode): number {
  const j = i - before;
  if (j >= 0 && j < n) return j;
  if (mode === 'zeros') return -1;
  if (mode === 'reflect') return j < 0 ? -j : 2 * (n - 1) - j;
  if (mode === 'replicate') return j < 0 ? 0 : n - 1;
  return (j + n) % n;
}

describe('lesson 5 numbers, computed by the engine', () => {
  it('without padding a 3x3 kernel shrinks the grid; padding (k − 1)/2 keeps its size (syllabus: zero padding keeps the size)', () => {
    expect(numbers.kernel).toBe(3);
    expect(numbers.keepPadding).toBe((numbers.kernel - 1) / 2);
    expect(numbers.sizes).toEqual({ input: GRID_SIZE, unpadded: GRID_SIZE - 2, padded: GRID_SIZE });
    expect(numbers.shrink.sides).toBe('32 → 30 → 28 → 26 → 24 → 22');
    expect(numbers.shrink.end).toBe(numbers.shrink.start - 2 * numbers.shrink.layers);
  });

  it('teaches all four modes, zeros, reflect, replicate and circular (syllabus), each as PyTorch pads [1, 2, 3, 4] by 2', () => {
    expect(numbers.modeCount).toBe(4);
    expect([...MODES]).toEqual(['zeros', 'reflect', 'replicate', 'circular']);
    expect(numbers.row.text).toBe('1 2 3 4');
    // F.pad(torch.tensor([[[1., 2., 3., 4.]]]), (2, 2), mode) in PyTorch:
    expect(numbers.row.padded).toEqual({
      zeros: '0 0 1 2 3 4 0 0',
      reflect: '3 2 1 2 3 4 3 2',
      replicate: '1 1 1 2 3 4 4 4',
      circular: '3 4 1 2 3 4 1 2',
    });
    expect(numbers.gridCorner).toEqual({ zeros: 0, reflect: 7, replicate: 1, circular: 25 });
    expect(numbers.gridMax).toBe(GRID_SIZE * GRID_SIZE);
  });

  it('zero padding darkens the border of a flat picture, reflect does not', () => {
    expect(numbers.flat).toEqual({ corner: (4 / 9).toFixed(2), edge: (6 / 9).toFixed(2), centre: '1.00', reflectMin: '1.00', reflectMax: '1.00' });
  });

  it('corner pixels count once without padding, more with it, and as much as the centre with full padding (syllabus)', () => {
    const { counts } = numbers;
    expect(counts.none).toEqual({ corner: 1, edge: 2, max: 9, min: 1 });
    expect(counts.keep.corner).toBe(4);
    expect(counts.fullPadding).toBe(numbers.kernel - 1);
    expect(counts.full).toEqual({ corner: counts.kernelArea, edge: counts.kernelArea, max: counts.kernelArea, min: counts.kernelArea });
  });

  it("'same' padding: odd kernels split evenly, even ones put the extra pixel after, dilation changes the total", () => {
    const { same } = numbers;
    expect([same.odd.before, same.odd.after]).toEqual([1, 1]);
    expect([same.even.before, same.even.after]).toEqual([1, 2]);
    expect([same.oddDilated.before, same.oddDilated.after]).toEqual([2, 2]);
    expect([same.evenDilated.before, same.evenDilated.after]).toEqual([3, 3]);
    expect([same.evenDilatedOdd.before, same.evenDilatedOdd.after]).toEqual([1, 2]);
    for (const s of [same.odd, same.even, same.oddDilated, same.evenDilated, same.evenDilatedOdd]) {
      expect(s.before + s.after).toBe(s.dilation * (s.kernel - 1));
      expect(s.outputShape).toEqual([1, 1, same.input, same.input]);
    }
    expect(numbers.sameShape).toBe(`1 × 1 × ${same.input} × ${same.input}`);
  });

  it("quotes PyTorch's refusals word for word", () => {
    expect(numbers.refusals.reflectAmount).toBe(GRID_SIZE);
    expect(numbers.refusals.reflect).toBe(
      'Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 5) at dimension 3 of input [1, 1, 5, 5]',
    );
    expect(numbers.refusals.circular).toBe('Padding value causes wrapping around more than once: padding (6, 6) at dimension 3 of input [1, 1, 5, 5]');
    expect(numbers.refusals.same).toBe("padding='same' is not supported for strided convolutions (got stride=[2, 2])");
  });
});

describe('lesson 5 prose', () => {
  it('prints the lesson numbers it imports in both languages, and names every mode', () => {
    for (const lang of ['en', 'ko'] as const) {
      const text = readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'padding.mdx'), 'utf8');
      for (const value of ['refusals.reflect', 'refusals.circular', 'refusals.same', 'counts.none.corner', 'counts.full.max', 'same.even.after', 'row.padded.reflect']) {
        expect(text, `${lang} prints {${value}}`).toContain(value);
      }
      for (const mode of MODES) expect(text).toContain(`'${mode}'`);
    }
  });
});

describe('lesson 5 widget model', () => {
  it('pads every mode exactly as the textbook rule says, for every amount the explorer offers', () => {
    for (let amount = AMOUNT.min; amount <= AMOUNT.max; amount++) {
      for (const result of allModes(GRID_VALUES, GRID_SIZE, amount)) {
        const refused = (result.mode === 'reflect' && amount >= GRID_SIZE) || (result.mode === 'circular' && amount > GRID_SIZE);
        expect(result.error !== null, `${result.mode} ${amount}`).toBe(refused);
        if (refused) continue;
        const side = GRID_SIZE + 2 * amount;
        expect(result.padded!.size).toBe(side);
        for (let r = 0; r < side; r++) {
          for (let c = 0; c < side; c++) {
            const sr = sourceOf(r, amount, GRID_SIZE, result.mode);
            const sc = sourceOf(c, amount, GRID_SIZE, result.mode);
            const expected = sr < 0 || sc < 0 ? 0 : GRID_VALUES[sr * GRID_SIZE + sc];
            expect(result.padded!.values[r * side + c]).toBe(expected);
          }
        }
        // The mean filter of width 2p + 1 keeps the size; each output is the mean of its padded window.
        expect(result.output!.size).toBe(GRID_SIZE);
        const k = 2 * amount + 1;
        let total = 0;
        for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) total += result.padded!.values[r * side + c];
        expect(result.output!.values[0]).toBeCloseTo(total / (k * k), 4);
      }
    }
  });

  it('counts windows as row positions times column positions', () => {
    for (const [size, kernel, padding] of [[6, 3, 0], [6, 3, 1], [7, 4, 2], [5, 5, 4], [9, 2, 1]]) {
      const result = windowCounts(size, kernel, padding);
      const perAxis = (i: number) => {
        let n = 0;
        for (let start = -padding; start + kernel <= size + padding; start++) if (i >= start && i < start + kernel) n++;
        return n;
      };
      for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(result.counts!.values[r * size + c]).toBe(perAxis(r) * perAxis(c));
    }
    expect(windowCounts(3, 5, 0).error).toContain("Kernel size can't be greater than actual input size");
  });

  it("agrees with PyTorch's rule for 'same' on every setting of the diagram", () => {
    for (let k = 1; k <= 8; k++) {
      for (let d = 1; d <= 3; d++) {
        const total = d * (k - 1);
        expect(samePaddingOf(k, d)).toMatchObject({ before: Math.floor(total / 2), after: total - Math.floor(total / 2), error: null });
      }
    }
    expect(samePaddingOf(3, 1, 2).error).toBe(numbers.refusals.same);
  });

  it('reads and writes its query strings, naming bad values', () => {
    const params = new URLSearchParams();
    encodeExplorer({ amount: 4, photo: 'chelsea' }, params);
    encodeCounts({ size: 7, kernel: 2, padding: 3 }, params);
    encodeSame({ kernel: 5, dilation: 2, stride: 2 }, params);
    expect(decodeExplorer(params)).toEqual({ config: { amount: 4, photo: 'chelsea' }, rejected: [] });
    expect(decodeCounts(params)).toEqual({ config: { size: 7, kernel: 2, padding: 3 }, rejected: [] });
    expect(decodeSame(params)).toEqual({ config: { kernel: 5, dilation: 2, stride: 2 }, rejected: [] });
    const bad = new URLSearchParams('padP=7&padImg=dog&pcN=x&pcK=0&psS=3&psD=2');
    expect(decodeExplorer(bad)).toEqual({ config: { amount: 1, photo: 'camera' }, rejected: ['padP', 'padImg'] });
    expect(decodeCounts(bad).rejected).toEqual(['pcN', 'pcK']);
    expect(decodeSame(bad)).toEqual({ config: { kernel: 4, dilation: 2, stride: 1 }, rejected: ['psS'] });
  });

  it('turns a photograph into greyscale by averaging blocks', () => {
    // A 4x4 RGBA picture: left half white, right half black, scaled to 2x2.
    const rgba = new Uint8ClampedArray(4 * 16);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) rgba.fill(x < 2 ? 255 : 0, 4 * (y * 4 + x), 4 * (y * 4 + x) + 3);
    expect(Array.from(toGreyscale(rgba, 4, 4, 2), (v) => Number(v.toFixed(3)))).toEqual([1, 0, 1, 0]);
  });

  it('offers only photographs the site has', () => {
    for (const name of PHOTOS) expect(existsSync(path.join(process.cwd(), 'public', 'images', 'thumbs', `${name}.jpg`))).toBe(true);
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(Object.keys(STRINGS.ko.modes)).toEqual([...MODES]);
  });

  it('refuses nothing on the photograph at any amount the explorer offers', () => {
    const flat = new Array<number>(PHOTO_SIZE * PHOTO_SIZE).fill(0.5);
    for (let amount = AMOUNT.min; amount <= AMOUNT.max; amount++) {
      for (const mode of MODES) expect(padAndConvolve(flat, PHOTO_SIZE, amount, mode).error).toBeNull();
    }
    expect(padRow([1, 2, 3], 1, 1, 'circular')).toEqual([3, 1, 2, 3, 1]);
  });
});
