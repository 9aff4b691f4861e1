// avgPool2d: PyTorch's three divisors at the borders, ceil mode, TF.js as an
// oracle (it always excludes padding, like countIncludePad = false), a naive
// float64 reference for the rest, and finite-difference gradients.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tensor, avgPool2d, listBackends, ones, sum, tensor, withBackend, zeros } from '../../../src/engine/index.ts';
import type { AvgPool2dOptions } from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import { expectClose, toArray64 } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';
import type * as TF from '@tensorflow/tfjs';
import { loadTf, nchwToNhwc, nhwcToNchw } from './helpers/tf.ts';
import { avgPoolNaive } from './poolNaive.ts';
import type { NaiveAvgOptions } from './poolNaive.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadTf();
});

const flat = (t: Tensor) => [...t.data];
const both = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);
const near = (actual: Tensor, expected: number[]) => expectClose(actual.data, expected, { atol: 1e-6, rtol: 1e-6 });

function naiveOptions(o: AvgPool2dOptions): NaiveAvgOptions {
  const kernel = both(o.kernelSize as number | [number, number]);
  return {
    kernel,
    stride: o.stride == null ? kernel : both(o.stride as number | [number, number]),
    padding: both((o.padding ?? 0) as number | [number, number]),
    ceilMode: o.ceilMode ?? false,
    countIncludePad: o.countIncludePad ?? true,
    divisorOverride: o.divisorOverride ?? null,
  };
}

for (const backend of listBackends()) {
  describe(`avgPool2d on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);

    describe('hand-worked tables', () => {
      it('averages the syllabus 4x4 example 2x2 stride 2', () => {
        const x = tensor([
          [
            [
              [1, 1, 2, 4],
              [5, 6, 7, 8],
              [3, 2, 1, 0],
              [1, 2, 3, 4],
            ],
          ],
        ]);
        expect(run(() => avgPool2d(x, { kernelSize: 2 })).toArray()).toEqual([
          [
            [
              [3.25, 5.25],
              [2, 2],
            ],
          ],
        ]);
      });

      it('divides by 9 with countIncludePad, by the real pixels without it, by the override with one', () => {
        // A 3x3 of ones, 3x3 windows, stride 1, padding 1: corners see 4 real pixels, edges 6, the centre 9.
        const x = ones([1, 1, 3, 3]);
        const opts = { kernelSize: 3, stride: 1, padding: 1 };
        near(
          run(() => avgPool2d(x, opts)),
          [4, 6, 4, 6, 9, 6, 4, 6, 4].map((n) => n / 9),
        );
        near(
          run(() => avgPool2d(x, { ...opts, countIncludePad: false })),
          new Array(9).fill(1),
        );
        near(
          run(() => avgPool2d(x, { ...opts, divisorOverride: 2 })),
          [4, 6, 4, 6, 9, 6, 4, 6, 4].map((n) => n / 2),
        );
      });

      it('in ceil mode, does not count what lies beyond the padding', () => {
        const x = tensor([[[[1, 2, 3, 4, 5]]]]);
        const k = { kernelSize: [1, 2] as [number, number] };
        // The last window holds only the 5: no padding, nothing else to count.
        near(
          run(() => avgPool2d(x, { ...k, ceilMode: true })),
          [1.5, 3.5, 5],
        );
        // Padding 1: windows start at -1, 1, 3; the first holds a padded zero and the 1.
        const padded = { ...k, padding: [0, 1] as [number, number], ceilMode: true };
        near(
          run(() => avgPool2d(x, padded)),
          [0.5, 2.5, 4.5],
        );
        near(
          run(() => avgPool2d(x, { ...padded, countIncludePad: false })),
          [1, 2.5, 4.5],
        );
      });

      it('in ceil mode, counts the padded part of a window that runs past the padding', () => {
        // Row 1..6, kernel 3, stride 2, padding 1: windows start at -1, 1, 3, 5.
        // The last spans 5, 6 (padding) and 7 (beyond): divisor 2 with padding, 1 without.
        const x = tensor([[[[1, 2, 3, 4, 5, 6]]]]);
        const opts = {
          kernelSize: [1, 3] as [number, number],
          stride: [1, 2] as [number, number],
          padding: [0, 1] as [number, number],
          ceilMode: true,
        };
        near(
          run(() => avgPool2d(x, opts)),
          [1, 3, 5, 3],
        );
        near(
          run(() => avgPool2d(x, { ...opts, countIncludePad: false })),
          [1.5, 3, 5, 6],
        );
        near(
          run(() => avgPool2d(x, { ...opts, divisorOverride: 3 })),
          [1, 3, 5, 2],
        );
      });

      it('spreads each window gradient evenly, divided by the same divisor', () => {
        const x = ones([1, 1, 2, 2], { requiresGrad: true });
        run(() => sum(avgPool2d(x, { kernelSize: 2, stride: 1, padding: 1 })).backward());
        // Every pixel sits in 4 windows, each dividing by 4.
        near(x.grad!, [1, 1, 1, 1]);
        const y = ones([1, 1, 2, 2], { requiresGrad: true });
        run(() => sum(avgPool2d(y, { kernelSize: 2, stride: 1, padding: 1, countIncludePad: false })).backward());
        // Corner windows hold 1 pixel, edges 2, the centre 4: 1 + 1/2 + 1/2 + 1/4.
        near(y.grad!, [2.25, 2.25, 2.25, 2.25]);
      });

      it('accepts an unbatched input and a negative divisor, as PyTorch does', () => {
        const out = run(() =>
          avgPool2d(
            tensor([
              [
                [2, 4],
                [6, 8],
              ],
            ]),
            { kernelSize: 2, divisorOverride: -4 },
          ),
        );
        expect(out.shape).toEqual([1, 1, 1]);
        near(out, [-5]);
      });
    });

    describe('errors, worded as PyTorch words them', () => {
      const x4 = () => zeros([1, 1, 4, 4]);
      const cases: [string, () => unknown, string | RegExp][] = [
        [
          'padding above half the kernel',
          () => avgPool2d(x4(), { kernelSize: 3, padding: 2 }),
          'pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1',
        ],
        [
          'an output size below 1',
          () => avgPool2d(zeros([64, 2, 2]), { kernelSize: 3 }),
          'Given input size: (64x2x2). Calculated output size: (64x0x0). Output size is too small',
        ],
        ['a zero divisor', () => avgPool2d(x4(), { kernelSize: 2, divisorOverride: 0 }), 'divisor must be not zero'],
        [
          'a fractional divisor',
          () => avgPool2d(x4(), { kernelSize: 2, divisorOverride: 1.5 }),
          "avgPool2d(): argument 'divisorOverride' must be int, not float (1.5)",
        ],
        [
          'a zero kernel',
          () => avgPool2d(x4(), { kernelSize: [2, 0] }),
          'kernel size should be greater than zero, but got kH: 2 kW: 0',
        ],
        [
          'a zero stride',
          () => avgPool2d(x4(), { kernelSize: 2, stride: 0 }),
          'stride should be greater than zero, but got dH: 0 dW: 0',
        ],
        [
          'negative padding',
          () => avgPool2d(x4(), { kernelSize: 2, padding: [0, -1] }),
          'pad must be non-negative, but got pad: -1',
        ],
        [
          'a fractional padding',
          () => avgPool2d(x4(), { kernelSize: 2, padding: 0.5 }),
          /argument 'padding' must be tuple of ints, but found element of type float at pos 0/,
        ],
        [
          'a 2-D input',
          () => avgPool2d(zeros([4, 4]), { kernelSize: 2 }),
          'avgPool2d: non-empty 3D or 4D (batch mode) tensor expected for input, but got input of size [4, 4]',
        ],
      ];
      for (const [what, call, message] of cases) {
        it(`refuses ${what}`, () => {
          expect(() => run(call)).toThrow(message);
        });
      }
    });

    describe('against TF.js (cpu), which excludes padding from the divisor', () => {
      it('agrees with countIncludePad = false on 200 configurations (forward values, and gradients without padding)', () => {
        const rng = seeded(601);
        let gradients = 0;
        for (let trial = 0; trial < 200; trial++) {
          const square = rng.next() < 0.5;
          const k: [number, number] = square
            ? both(randomInt(rng, 1, 4))
            : [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const s: [number, number] = square
            ? both(randomInt(rng, 1, 3))
            : [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
          const p = square && k[0] === k[1] && s[0] === s[1] ? randomInt(rng, 0, Math.floor(k[0] / 2)) : 0;
          const shape = [
            randomInt(rng, 1, 2),
            randomInt(rng, 1, 3),
            randomInt(rng, Math.max(1, k[0] - 2 * p), 9),
            randomInt(rng, Math.max(1, k[1] - 2 * p), 9),
          ];
          const x = randomTensor(shape, rng, { requiresGrad: true });
          const out = run(() => avgPool2d(x, { kernelSize: k, stride: s, padding: p, countIncludePad: false }));
          const dy = randomTensor(out.shape, rng);
          run(() => out.backward(dy));

          const xt = nchwToNhwc(x.data, x.shape);
          const dyt = nchwToNhwc(dy.data, dy.shape);
          const pool = (v: TF.Tensor4D): TF.Tensor4D =>
            p === 0 ? tf.avgPool(v, k, s, 'valid') : tf.avgPool(v, k, s, p, 'floor');
          const expected = tf.tidy(() => {
            const xv = tf.tensor4d(xt.data, xt.shape as [number, number, number, number]);
            const y = pool(xv);
            const g = tf.grad((v) => pool(v as TF.Tensor4D))(
              xv,
              tf.tensor4d(dyt.data, dyt.shape as [number, number, number, number]),
            );
            return { y: { data: y.dataSync(), shape: y.shape }, g: g.dataSync() };
          });
          const y = nhwcToNchw(expected.y.data, expected.y.shape);
          expect(out.shape, `trial ${trial}`).toEqual(y.shape);
          expectClose(out.data, y.data, { atol: 1e-6, rtol: 1e-5 }, `forward, trial ${trial}`);
          // TF.js's cpu gradient always divides by the full kernel area, even where its own
          // forward pass divided by fewer pixels; so only padding-free gradients are comparable
          // (the padded ones are checked against finite differences below).
          if (p === 0) {
            expectClose(
              x.grad!.data,
              nhwcToNchw(expected.g, xt.shape).data,
              { atol: 1e-6, rtol: 1e-5 },
              `gradient, trial ${trial}`,
            );
            gradients++;
          }
        }
        expect(gradients).toBeGreaterThan(100);
      });

      it("agrees with TF.js 'same' (odd kernel, stride 1) when padding is left out of the divisor", () => {
        const rng = seeded(602);
        for (let trial = 0; trial < 40; trial++) {
          const k = pick(rng, [1, 3, 5]);
          const x = randomTensor([1, randomInt(rng, 1, 3), randomInt(rng, 1, 8), randomInt(rng, 1, 8)], rng);
          const out = run(() =>
            avgPool2d(x, { kernelSize: k, stride: 1, padding: (k - 1) / 2, countIncludePad: false }),
          );
          const xt = nchwToNhwc(x.data, x.shape);
          const y = tf.tidy(() => {
            const r = tf.avgPool(tf.tensor4d(xt.data, xt.shape as [number, number, number, number]), k, 1, 'same');
            return nhwcToNchw(r.dataSync(), r.shape);
          });
          expectClose(out.data, y.data, { atol: 1e-6, rtol: 1e-5 }, `trial ${trial}`);
        }
      });
    });

    describe('against the naive float64 reference', () => {
      it('agrees on 300 random configurations across all three divisors and ceil mode', () => {
        const rng = seeded(603);
        let ran = 0;
        for (let trial = 0; trial < 300; trial++) {
          const k: [number, number] = [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const s: [number, number] = [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const p: [number, number] = [
            randomInt(rng, 0, Math.floor(k[0] / 2)),
            randomInt(rng, 0, Math.floor(k[1] / 2)),
          ];
          const divisor = pick(rng, ['include', 'exclude', 'override'] as const);
          const opts: AvgPool2dOptions = {
            kernelSize: k,
            stride: s,
            padding: p,
            ceilMode: rng.next() < 0.5,
            countIncludePad: divisor === 'include',
            divisorOverride: divisor === 'override' ? pick(rng, [1, 2, 3, 7, -2]) : null,
          };
          const x = randomTensor(
            [randomInt(rng, 1, 2), randomInt(rng, 1, 2), randomInt(rng, 1, 8), randomInt(rng, 1, 8)],
            rng,
          );
          const expected = avgPoolNaive(toArray64(x), naiveOptions(opts));
          if (expected.shape[2] * expected.shape[3] === 0) {
            expect(() => run(() => avgPool2d(x, opts)), `trial ${trial}`).toThrow('Output size is too small');
            continue;
          }
          const out = run(() => avgPool2d(x, opts));
          expect(out.shape, `trial ${trial}`).toEqual(expected.shape);
          expectClose(out.data, expected.data, { atol: 1e-6, rtol: 1e-5 }, `trial ${trial}`);
          ran++;
        }
        expect(ran).toBeGreaterThan(200);
      });
    });

    describe('gradients against float64 finite differences', () => {
      const configs: AvgPool2dOptions[] = [
        { kernelSize: 2 },
        { kernelSize: 3, stride: 1, padding: 1 },
        { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false },
        { kernelSize: 3, stride: 2, padding: 1, ceilMode: true },
        { kernelSize: 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false },
        { kernelSize: [2, 3], stride: [1, 2], padding: [1, 0], divisorOverride: 5 },
      ];
      configs.forEach((opts, i) => {
        it(`config ${i}: ${JSON.stringify(opts)}`, () => {
          const x = randomTensor([2, 2, 7, 6], seeded(700 + i), { requiresGrad: true });
          const report = run(() =>
            gradcheck((v) => avgPool2d(v, opts), [x], {
              reference: (v: Array64) => avgPoolNaive(v, naiveOptions(opts)),
              maxChecksPerInput: 168,
            }),
          );
          expect(report.checked).toBe(168);
        });
      });
    });
  });
}
