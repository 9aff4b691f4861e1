// pad (F.pad) against hand-worked rows, the float64 definition of each mode, and
// finite differences; every error PyTorch raises. Runs on every backend.
import { describe, expect, it } from 'vitest';
import type { PadMode } from '../../../src/engine/index.ts';
import { Tensor, listBackends, pad, padOutputShape, tensor, withBackend, zeros } from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import { expectClose, padNaive, toArray64 } from './helpers/reference.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';

const MODES: PadMode[] = ['constant', 'reflect', 'replicate', 'circular'];

/** A random pad list valid for `mode` on `shape`. */
function drawPads(rng: ReturnType<typeof seeded>, shape: number[], count: number, mode: PadMode): number[] {
  const pads: number[] = [];
  for (let p = 0; p < count; p++) {
    const size = shape[shape.length - 1 - p];
    const limit = mode === 'reflect' ? size - 1 : mode === 'circular' ? size : 3;
    const low = mode === 'constant' ? -Math.min(2, Math.floor(size / 2)) : 0;
    pads.push(randomInt(rng, low, limit), randomInt(rng, low, limit));
  }
  return pads;
}

for (const backend of listBackends()) {
  describe(`pad on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);
    const row = () => tensor([1, 2, 3, 4], [1, 1, 4], { requiresGrad: true });

    it('fills a row a b c d by each definition', () =>
      run(() => {
        expect([...pad(row(), [2, 1]).data]).toEqual([0, 0, 1, 2, 3, 4, 0]);
        expect([...pad(row(), [2, 1], 'constant', -5).data]).toEqual([-5, -5, 1, 2, 3, 4, -5]);
        expect([...pad(row(), [2, 1], 'reflect').data]).toEqual([3, 2, 1, 2, 3, 4, 3]);
        expect([...pad(row(), [2, 1], 'replicate').data]).toEqual([1, 1, 1, 2, 3, 4, 4]);
        expect([...pad(row(), [2, 1], 'circular').data]).toEqual([3, 4, 1, 2, 3, 4, 1]);
      }));

    it('pads width then height with [left, right, top, bottom]', () =>
      run(() => {
        const x = tensor([1, 2, 3, 4, 5, 6], [1, 1, 2, 3]);
        const out = pad(x, [1, 0, 0, 1], 'replicate');
        expect(out.shape).toEqual([1, 1, 3, 4]);
        expect(out.toArray()).toEqual([[[[1, 1, 2, 3], [4, 4, 5, 6], [4, 4, 5, 6]]]]);
      }));

    it('crops with negative constant pads, on any rank, and leaves unnamed dimensions alone', () =>
      run(() => {
        expect([...pad(row(), [-1, -2]).data]).toEqual([2]);
        const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
        expect(pad(x, [0, 0, 1, 0], 'constant', 7).toArray()).toEqual([[7, 7, 7], [1, 2, 3], [4, 5, 6]]);
        expect(pad(tensor([1, 2], [2]), []).toArray()).toEqual([1, 2]);
        expect(pad(zeros([1, 1, 1, 1, 2]), [1, 1, 0, 0, 2, 2]).shape).toEqual([1, 1, 5, 1, 4]);
      }));

    it('backward adds each output gradient to the element it was copied from', () =>
      run(() => {
        const ones = (n: number) => tensor(new Array(n).fill(1), [1, 1, n]);
        const grads = (mode: PadMode) => {
          const x = row();
          pad(x, [2, 2], mode).backward(ones(8));
          return [...x.grad!.data];
        };
        expect(grads('constant')).toEqual([1, 1, 1, 1]);
        expect(grads('replicate')).toEqual([3, 1, 1, 3]); // the edges were copied three times
        expect(grads('reflect')).toEqual([1, 3, 3, 1]); // 3 2 | 1 2 3 4 | 3 2
        expect(grads('circular')).toEqual([2, 2, 2, 2]); // 3 4 | 1 2 3 4 | 1 2
        const x = row();
        pad(x, [-1, 0]).backward(ones(3));
        expect([...x.grad!.data]).toEqual([0, 1, 1, 1]); // the cropped element gets nothing
      }));

    it('matches the float64 definition on 200 random 2-D/3-D/4-D cases', () =>
      run(() => {
        const rng = seeded(21);
        for (let i = 0; i < 200; i++) {
          const mode = MODES[i % 4];
          const padded = pick(rng, [1, 2]);
          const ndim = randomInt(rng, padded + 1, padded + 2);
          const shape = Array.from({ length: ndim }, () => randomInt(rng, 1, 5));
          const pads = drawPads(rng, shape, padded, mode);
          const x = randomTensor(shape, rng);
          const value = mode === 'constant' ? rng.uniform(-2, 2) : undefined;
          const expected = padNaive(toArray64(x), pads, mode, value);
          const out = pad(x, pads, mode, value);
          const label = `${mode} ${JSON.stringify(shape)} ${JSON.stringify(pads)}`;
          expect(out.shape, label).toEqual(expected.shape);
          expectClose(out.data, expected.data, { atol: 1e-6, rtol: 1e-6 }, label);
        }
      }));

    it('has gradients matching finite differences in every mode', () =>
      run(() => {
        const rng = seeded(22);
        for (let i = 0; i < 24; i++) {
          const mode = MODES[i % 4];
          const shape = [randomInt(rng, 1, 2), randomInt(rng, 1, 2), randomInt(rng, 2, 5), randomInt(rng, 2, 5)];
          const pads = drawPads(rng, shape, 2, mode);
          const report = gradcheck((x) => pad(x, pads, mode), [randomTensor(shape, rng, { requiresGrad: true })], {
            reference: (x) => padNaive(x, pads, mode),
            seed: i,
          });
          expect(report.checked).toBeGreaterThan(0);
        }
      }));

    it('carries NaN through', () =>
      run(() => {
        const out = pad(new Tensor(Float32Array.from([NaN, 1]), [1, 1, 2]), [1, 1], 'replicate');
        expect([...out.data].map(Number.isNaN)).toEqual([true, true, false, false]);
      }));

    describe('errors', () => {
      const x = (shape: number[]) => zeros(shape);
      const cases: [string, () => unknown, string][] = [
        [
          'reflect padding as large as the width',
          () => pad(x([1, 1, 3, 3]), [3, 3, 1, 1], 'reflect'),
          'Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 3 of input [1, 1, 3, 3]',
        ],
        [
          'reflect padding as large as the height',
          () => pad(x([1, 1, 3, 5]), [1, 1, 0, 3], 'reflect'),
          'Argument #6: Padding size should be less than the corresponding input dimension, but got: padding (0, 3) at dimension 2 of input [1, 1, 3, 5]',
        ],
        ['circular padding wrapping twice', () => pad(x([1, 2, 2]), [3, 0], 'circular'), 'Padding value causes wrapping around more than once: padding (3, 0) at dimension 2 of input [1, 2, 2]'],
        ['an odd pad list', () => pad(x([1, 3]), [1, 2, 3]), 'Padding length must be divisible by 2, got pad=[1, 2, 3]'],
        [
          'a pad list longer than the rank allows',
          () => pad(x([3]), [1, 1, 1, 1]),
          'Padding length should be less than or equal to two times the input dimension but got padding length 4 and input of dimension 1',
        ],
        ['an unknown mode', () => pad(x([1, 3]), [1, 1], 'wrap' as PadMode), "pad: Unrecognised padding mode 'wrap'"],
        ['a value with a non-constant mode', () => pad(x([1, 1, 3]), [1, 1], 'reflect', 0), 'Padding mode "reflect" doesn\'t take in value argument'],
        ['fractional pads', () => pad(x([1, 3]), [0.5, 1]), 'pad: padding sizes must be integers, got [0.5, 1]'],
        ['3-D reflect padding', () => pad(x([1, 1, 3, 3, 3]), [1, 1, 1, 1, 1, 1], 'reflect'), "pad: 'reflect' padding supports 1-D or 2-D padding (a pad list of 2 or 4 numbers), got [1, 1, 1, 1, 1, 1]"],
        ['2-D replicate padding of a 5-D input', () => pad(x([1, 1, 1, 3, 3]), [1, 1, 1, 1], 'replicate'), "pad: 'replicate' padding of 4 values expects a 3D or 4D (batch mode) input, but got input of size: [1, 1, 1, 3, 3]"],
        ['negative reflect padding', () => pad(x([1, 1, 3]), [-1, 0], 'reflect'), "pad: negative padding is only supported in 'constant' mode, got [-1, 0] with mode 'reflect'"],
        [
          'cropping past nothing',
          () => pad(x([1, 3]), [-2, -2]),
          'The input size 3, plus negative padding -2 and -2 resulted in a negative output size, which is invalid. Check dimension 1 of your input.',
        ],
      ];
      for (const [what, call, message] of cases) {
        it(`refuses ${what}`, () => run(() => expect(call).toThrow(message)));
      }
    });
  });
}

describe('padOutputShape', () => {
  it('gives the shape pad gives, or its refusal, without computing', () => {
    const rng = seeded(95);
    let refused = 0;
    for (let trial = 0; trial < 200; trial++) {
      const shape = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 4));
      const pads = Array.from({ length: 2 * randomInt(rng, 1, Math.min(2, shape.length)) }, () => randomInt(rng, -1, 4));
      const mode = pick(rng, MODES);
      let expected: number[] | string;
      try {
        expected = [...pad(zeros(shape), pads, mode).shape];
      } catch (error) {
        expected = (error as Error).message;
        refused++;
      }
      const label = `${mode} ${JSON.stringify(pads)} on ${JSON.stringify(shape)}`;
      if (typeof expected === 'string') expect(() => padOutputShape(shape, pads, mode), label).toThrow(expected);
      else expect(padOutputShape(shape, pads, mode), label).toEqual(expected);
    }
    expect(refused).toBeGreaterThan(20);
    expect(refused).toBeLessThan(180);
  });
});
