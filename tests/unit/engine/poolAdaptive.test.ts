// adaptiveAvgPool2d: PyTorch's floor/ceil windows, agreement with avgPool2d when
// the sizes divide, a naive float64 reference, gradients and errors.
import { describe, expect, it } from 'vitest';
import {
  adaptiveAvgPool2d,
  adaptiveWindow,
  avgPool2d,
  listBackends,
  mean,
  tensor,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import { expectClose, toArray64 } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { randomInt, randomTensor, seeded } from './helpers/random.ts';
import { adaptiveAvgPoolNaive } from './poolNaive.ts';

for (const backend of listBackends()) {
  describe(`adaptiveAvgPool2d on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);

    it('uses windows floor(i*In/Out) .. ceil((i+1)*In/Out): 5 -> 3 overlaps by one', () => {
      expect([0, 1, 2].map((i) => adaptiveWindow(i, 5, 3))).toEqual([
        [0, 2],
        [1, 4],
        [3, 5],
      ]);
      const out = run(() => adaptiveAvgPool2d(tensor([[[[1, 2, 3, 4, 5]]]]), [1, 3]));
      expectClose(out.data, [1.5, 3, 4.5], { atol: 1e-6, rtol: 0 });
    });

    it('repeats inputs when asked for more outputs than inputs', () => {
      expect([0, 1, 2, 3].map((i) => adaptiveWindow(i, 2, 4))).toEqual([
        [0, 1],
        [0, 1],
        [1, 2],
        [1, 2],
      ]);
      expect([...run(() => adaptiveAvgPool2d(tensor([[[[7, 9]]]]), [1, 4])).data]).toEqual([7, 7, 9, 9]);
    });

    it('output 1 is the global average of each channel', () => {
      const x = randomTensor([2, 3, 5, 7], seeded(801));
      const out = run(() => adaptiveAvgPool2d(x, 1));
      expect(out.shape).toEqual([2, 3, 1, 1]);
      expectClose(out.data, mean(x, [2, 3]).data, { atol: 1e-6, rtol: 1e-6 });
    });

    it('null keeps that dimension, and an unbatched input stays unbatched', () => {
      const out = run(() => adaptiveAvgPool2d(zeros([3, 6, 5]), [2, null]));
      expect(out.shape).toEqual([3, 2, 5]);
    });

    it('equals avgPool2d with kernel = stride = In/Out when that divides', () => {
      const x = randomTensor([1, 2, 6, 8], seeded(802));
      const adaptive = run(() => adaptiveAvgPool2d(x, [3, 2]));
      const fixed = run(() => avgPool2d(x, { kernelSize: [2, 4] }));
      expectClose(adaptive.data, fixed.data, { atol: 1e-6, rtol: 1e-6 });
    });

    it('agrees with the naive reference on 100 random sizes', () => {
      const rng = seeded(803);
      for (let trial = 0; trial < 100; trial++) {
        const x = randomTensor(
          [randomInt(rng, 1, 2), randomInt(rng, 1, 3), randomInt(rng, 1, 9), randomInt(rng, 1, 9)],
          rng,
        );
        const outH = randomInt(rng, 1, 10);
        const outW = randomInt(rng, 1, 10);
        const out = run(() => adaptiveAvgPool2d(x, [outH, outW]));
        const expected = adaptiveAvgPoolNaive(toArray64(x), outH, outW);
        expect(out.shape).toEqual(expected.shape);
        expectClose(out.data, expected.data, { atol: 1e-6, rtol: 1e-5 }, `trial ${trial}`);
      }
    });

    for (const [outH, outW] of [
      [3, 2],
      [4, 5],
      [1, 1],
      [9, 3],
    ]) {
      it(`gradients to ${outH}x${outW} match float64 finite differences`, () => {
        const x = randomTensor([2, 2, 7, 5], seeded(810 + outH), { requiresGrad: true });
        const report = run(() =>
          gradcheck((v) => adaptiveAvgPool2d(v, [outH, outW]), [x], {
            reference: (v: Array64) => adaptiveAvgPoolNaive(v, outH, outW),
            maxChecksPerInput: 140,
          }),
        );
        expect(report.checked).toBe(140);
      });
    }

    const cases: [string, () => unknown, string][] = [
      [
        'a 2-D input',
        () => adaptiveAvgPool2d(zeros([4, 4]), 2),
        'adaptiveAvgPool2d(): Expected 3D or 4D tensor, but got [4, 4]',
      ],
      [
        'an empty spatial dimension',
        () => adaptiveAvgPool2d(zeros([1, 2, 0, 4]), 2),
        'adaptiveAvgPool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 2, 0, 4] with dimension 2 being empty',
      ],
      [
        'a negative output size',
        () => adaptiveAvgPool2d(zeros([1, 1, 4, 4]), [-1, 2]),
        'adaptiveAvgPool2d: elements of output_size must be greater than or equal to 0 but received {-1, 2}',
      ],
      [
        'three output sizes',
        () => adaptiveAvgPool2d(zeros([1, 1, 4, 4]), [1, 2, 3] as unknown as [number, number]),
        'adaptiveAvgPool2d: output_size must be 2, but got [1, 2, 3]',
      ],
      [
        'a fractional output size',
        () => adaptiveAvgPool2d(zeros([1, 1, 4, 4]), 1.5),
        "adaptiveAvgPool2d(): argument 'outputSize' must be tuple of ints, but found element of type float at pos 0",
      ],
    ];
    for (const [what, call, message] of cases) {
      it(`refuses ${what}`, () => {
        expect(() => run(call)).toThrow(message);
      });
    }
  });
}
