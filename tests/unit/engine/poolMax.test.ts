// maxPool2d: hand-worked tables, PyTorch's edge rules, TF.js as an outside oracle
// for what it supports, a naive float64 reference for what it does not, and
// finite-difference gradients. Every case runs on every backend.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Tensor,
  listBackends,
  maxPool2d,
  poolOutputSize,
  sum,
  tensor,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import type { MaxPool2dOptions as AllOptions } from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import { expectClose, toArray64 } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';
import type * as TF from '@tensorflow/tfjs';
import { loadTf, nchwToNhwc, nhwcToNchw } from './helpers/tf.ts';
import { maxPoolNaive } from './poolNaive.ts';
import type { NaivePoolOptions } from './poolNaive.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadTf();
});

/** Options of the calls that return one tensor. */
type MaxPool2dOptions = AllOptions & { returnIndices?: false };

const flat = (t: Tensor) => [...t.data];
const both = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);

/** Engine options -> naive reference options. */
function naiveOptions(o: MaxPool2dOptions): NaivePoolOptions {
  const kernel = both(o.kernelSize as number | [number, number]);
  return {
    kernel,
    stride: o.stride == null ? kernel : both(o.stride as number | [number, number]),
    padding: both((o.padding ?? 0) as number | [number, number]),
    dilation: both((o.dilation ?? 1) as number | [number, number]),
    ceilMode: o.ceilMode ?? false,
  };
}

const syllabusInput = () =>
  tensor([
    [
      [
        [1, 1, 2, 4],
        [5, 6, 7, 8],
        [3, 2, 1, 0],
        [1, 2, 3, 4],
      ],
    ],
  ]);

for (const backend of listBackends()) {
  describe(`maxPool2d on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);

    describe('hand-worked tables', () => {
      it('pools the syllabus 4x4 example 2x2 stride 2 into [[6,8],[3,4]]', () => {
        const [out, indices] = run(() => maxPool2d(syllabusInput(), { kernelSize: 2, stride: 2, returnIndices: true }));
        expect(out.toArray()).toEqual([
          [
            [
              [6, 8],
              [3, 4],
            ],
          ],
        ]);
        expect(out.shape).toEqual([1, 1, 2, 2]);
        // 6 at (1,1), 8 at (1,3), 3 at (2,0), 4 at (3,3): flat h*4+w.
        expect(indices.toArray()).toEqual([
          [
            [
              [5, 7],
              [8, 15],
            ],
          ],
        ]);
      });

      it('stride defaults to the kernel size', () => {
        const out = run(() => maxPool2d(syllabusInput(), { kernelSize: 2 }));
        expect(out.toArray()).toEqual([
          [
            [
              [6, 8],
              [3, 4],
            ],
          ],
        ]);
      });

      it('routes each gradient to its window winner only', () => {
        const x = syllabusInput().requiresGrad_();
        run(() => sum(maxPool2d(x, { kernelSize: 2 })).backward());
        expect(x.grad!.toArray()).toEqual([
          [
            [
              [0, 0, 0, 0],
              [0, 1, 0, 1],
              [1, 0, 0, 0],
              [0, 0, 0, 1],
            ],
          ],
        ]);
      });

      it('adds the gradients of overlapping windows that share a winner', () => {
        const x = tensor(
          [
            [
              [
                [0, 0, 0],
                [0, 9, 0],
                [0, 0, 0],
              ],
            ],
          ],
          undefined,
          { requiresGrad: true },
        );
        const out = run(() => maxPool2d(x, { kernelSize: 2, stride: 1 }));
        expect(out.toArray()).toEqual([
          [
            [
              [9, 9],
              [9, 9],
            ],
          ],
        ]);
        run(() => sum(out).backward());
        expect(x.grad!.toArray()).toEqual([
          [
            [
              [0, 0, 0],
              [0, 4, 0],
              [0, 0, 0],
            ],
          ],
        ]);
      });

      it('pads with -infinity, so padding never wins even over negative inputs', () => {
        const x = tensor([
          [
            [
              [-1, -2],
              [-3, -4],
            ],
          ],
        ]);
        const out = run(() => maxPool2d(x, { kernelSize: 2, stride: 1, padding: 1 }));
        expect(out.toArray()).toEqual([
          [
            [
              [-1, -1, -2],
              [-1, -1, -2],
              [-3, -3, -4],
            ],
          ],
        ]);
      });

      it('ceil mode lets a last partial window in', () => {
        const x = tensor([[[[1, 2, 3, 4, 5]]]]);
        expect(flat(run(() => maxPool2d(x, { kernelSize: [1, 2] })))).toEqual([2, 4]);
        expect(flat(run(() => maxPool2d(x, { kernelSize: [1, 2], ceilMode: true })))).toEqual([2, 4, 5]);
      });

      it('ceil mode drops a window that would start in the right-hand padding', () => {
        // Padded row: -inf 1 2 3 4 5 -inf. A fourth window would start on the last -inf.
        const x = tensor([[[[1, 2, 3, 4, 5]]]]);
        const opts = { kernelSize: [1, 2] as [number, number], padding: [0, 1] as [number, number], ceilMode: true };
        expect(flat(run(() => maxPool2d(x, opts)))).toEqual([1, 3, 5]);
        // Here the fourth window starts on the input's last pixel, so it stays.
        const y = tensor([[[[1, 2, 3, 4, 5, 6]]]]);
        const opts3 = {
          kernelSize: [1, 3] as [number, number],
          stride: [1, 2] as [number, number],
          padding: [0, 1] as [number, number],
        };
        expect(flat(run(() => maxPool2d(y, opts3)))).toEqual([2, 4, 6]);
        expect(flat(run(() => maxPool2d(y, { ...opts3, ceilMode: true })))).toEqual([2, 4, 6, 6]);
      });

      it('dilation spaces the taps', () => {
        const x = tensor([[[[0, 1, 2, 3, 4, 5, 6]]]]);
        // Taps 3 apart: (0,3) (1,4) (2,5) (3,6).
        expect(flat(run(() => maxPool2d(x, { kernelSize: [1, 2], stride: 1, dilation: [1, 3] })))).toEqual([
          3, 4, 5, 6,
        ]);
      });

      it('a window whose taps all land on padding gives -inf, index -1 and no gradient', () => {
        const x = tensor([[[[7]]]], undefined, { requiresGrad: true });
        // Width: taps at -2 and +1, then -1 and +2; the only pixel (0) is never hit.
        const opts = {
          kernelSize: [1, 2] as [number, number],
          stride: 1,
          padding: [0, 2] as [number, number],
          dilation: [1, 3] as [number, number],
          returnIndices: true as const,
        };
        const [out, indices] = run(() => maxPool2d(x, opts));
        expect(flat(out)).toEqual([-Infinity, -Infinity]);
        expect(flat(indices)).toEqual([-1, -1]);
        run(() => out.backward(tensor([[[[1, 1]]]])));
        expect(flat(x.grad!)).toEqual([0]);
      });

      it('ties go to the first position, also when every value is -inf', () => {
        const [, indices] = run(() =>
          maxPool2d(
            tensor([
              [
                [
                  [2, 2],
                  [2, 1],
                ],
              ],
            ]),
            { kernelSize: 2, returnIndices: true },
          ),
        );
        expect(flat(indices)).toEqual([0]);
        const x = tensor(
          [
            [
              [
                [-Infinity, -Infinity],
                [-Infinity, -Infinity],
              ],
            ],
          ],
          undefined,
          { requiresGrad: true },
        );
        const [out, where] = run(() => maxPool2d(x, { kernelSize: 2, returnIndices: true }));
        expect(flat(out)).toEqual([-Infinity]);
        expect(flat(where)).toEqual([0]);
        run(() => sum(out).backward());
        expect(flat(x.grad!)).toEqual([1, 0, 0, 0]);
      });

      it('propagates NaN: a window holding one gives NaN, and the NaN is the argmax', () => {
        const x = tensor(
          [
            [
              [
                [1, NaN, 5, 6],
                [3, 4, 7, 8],
              ],
            ],
          ],
          undefined,
          { requiresGrad: true },
        );
        const [out, indices] = run(() => maxPool2d(x, { kernelSize: 2, returnIndices: true }));
        expect(Number.isNaN(out.data[0])).toBe(true);
        expect(out.data[1]).toBe(8);
        expect(flat(indices)).toEqual([1, 7]);
        run(() => sum(out).backward());
        expect(flat(x.grad!)).toEqual([0, 1, 0, 0, 0, 0, 0, 1]);
        // A NaN stays the answer even when larger values follow it in the window.
        expect(
          Number.isNaN(
            run(() =>
              maxPool2d(
                tensor([
                  [
                    [
                      [NaN, 9],
                      [9, 9],
                    ],
                  ],
                ]),
                { kernelSize: 2 },
              ),
            ).data[0],
          ),
        ).toBe(true);
      });

      it('accepts an unbatched [C, H, W] input and keeps channels apart', () => {
        const x = tensor([
          [
            [1, 2],
            [3, 4],
          ],
          [
            [-1, -2],
            [-3, -4],
          ],
        ]);
        const out = run(() => maxPool2d(x, { kernelSize: 2 }));
        expect(out.shape).toEqual([2, 1, 1]);
        expect(flat(out)).toEqual([4, -1]);
      });

      it('accepts [h, w] pairs and one-element lists', () => {
        const x = tensor(
          Array.from({ length: 24 }, (_, i) => i),
          [1, 1, 4, 6],
        );
        const out = run(() => maxPool2d(x, { kernelSize: [2, 3], stride: [2, 3] }));
        expect(out.toArray()).toEqual([
          [
            [
              [8, 11],
              [20, 23],
            ],
          ],
        ]);
        const same = run(() => maxPool2d(x, { kernelSize: [2] as unknown as [number, number] }));
        expect(same.shape).toEqual([1, 1, 2, 3]);
      });

      it('pools 224x224x64 2x2/2 down to 112x112x64, as poolOutputSize says', () => {
        expect(poolOutputSize(224, { kernelSize: 2, stride: 2 })).toBe(112);
        const out = run(() => maxPool2d(zeros([1, 64, 224, 224]), { kernelSize: 2, stride: 2 }));
        expect(out.shape).toEqual([1, 64, 112, 112]);
      });
    });

    describe('errors, worded as PyTorch words them', () => {
      const x4 = () => zeros([1, 1, 4, 4]);
      const cases: [string, () => unknown, string | RegExp][] = [
        [
          'padding above half the kernel',
          () => maxPool2d(x4(), { kernelSize: 3, padding: 2 }),
          'pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1',
        ],
        [
          'padding judged against the dilated kernel',
          () => maxPool2d(x4(), { kernelSize: 2, dilation: 2, padding: 2 }),
          'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=2',
        ],
        [
          'an output size below 1',
          () => maxPool2d(zeros([64, 2, 2]), { kernelSize: 3 }),
          'Given input size: (64x2x2). Calculated output size: (64x0x0). Output size is too small',
        ],
        [
          'a zero kernel',
          () => maxPool2d(x4(), { kernelSize: 0 }),
          'kernel size should be greater than zero, but got kH: 0 kW: 0',
        ],
        [
          'a negative stride',
          () => maxPool2d(x4(), { kernelSize: 2, stride: [1, -1] }),
          'stride should be greater than zero, but got dH: 1 dW: -1',
        ],
        [
          'a zero dilation',
          () => maxPool2d(x4(), { kernelSize: 2, dilation: 0 }),
          'dilation should be greater than zero, but got dilationH: 0 dilationW: 0',
        ],
        [
          'negative padding',
          () => maxPool2d(x4(), { kernelSize: 2, padding: -1 }),
          'pad must be non-negative, but got pad: -1',
        ],
        [
          'a fractional kernel',
          () => maxPool2d(x4(), { kernelSize: 2.5 }),
          /argument 'kernelSize' must be tuple of ints, but found element of type float at pos 0/,
        ],
        [
          'a fractional stride',
          () => maxPool2d(x4(), { kernelSize: 2, stride: [1, 1.5] }),
          /argument 'stride' must be tuple of ints, but found element of type float at pos 1/,
        ],
        [
          'three kernel sizes',
          () => maxPool2d(x4(), { kernelSize: [2, 2, 2] as unknown as [number, number] }),
          'maxPool2d: kernelSize must either be a single int, or a tuple of two ints, but got [2, 2, 2]',
        ],
        [
          'a 2-D input',
          () => maxPool2d(zeros([4, 4]), { kernelSize: 2 }),
          'maxPool2d: non-empty 3D or 4D (batch mode) tensor expected for input, but got input of size [4, 4]',
        ],
        [
          'a 5-D input',
          () => maxPool2d(zeros([1, 1, 1, 4, 4]), { kernelSize: 2 }),
          /non-empty 3D or 4D \(batch mode\) tensor expected/,
        ],
        [
          'an empty plane',
          () => maxPool2d(zeros([1, 0, 4, 4]), { kernelSize: 2 }),
          'Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got: [1, 0, 4, 4]',
        ],
      ];
      for (const [what, call, message] of cases) {
        it(`refuses ${what}`, () => {
          expect(() => run(call)).toThrow(message);
        });
      }

      it('accepts a padding of exactly half the effective kernel', () => {
        expect(run(() => maxPool2d(x4(), { kernelSize: 3, padding: 1 })).shape).toEqual([1, 1, 2, 2]);
        expect(run(() => maxPool2d(x4(), { kernelSize: 2, dilation: 2, padding: 1, stride: 1 })).shape).toEqual([
          1, 1, 4, 4,
        ]);
      });
    });

    describe('against TF.js (cpu) on random configurations it supports', () => {
      it('agrees on forward values and gradients for 200 configurations', () => {
        const rng = seeded(401);
        let compared = 0;
        for (let trial = 0; trial < 200; trial++) {
          const square = rng.next() < 0.5;
          const k: [number, number] = square
            ? both(randomInt(rng, 1, 4))
            : [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const s: [number, number] = square
            ? both(randomInt(rng, 1, 3))
            : [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
          // TF.js takes one number for explicit padding, and sizes it with the kernel's height and stride only.
          const p = square && k[0] === k[1] && s[0] === s[1] ? randomInt(rng, 0, Math.floor(k[0] / 2)) : 0;
          const shape = [
            randomInt(rng, 1, 2),
            randomInt(rng, 1, 3),
            randomInt(rng, Math.max(1, k[0] - 2 * p), 9),
            randomInt(rng, Math.max(1, k[1] - 2 * p), 9),
          ];
          const x = randomTensor(shape, rng, { requiresGrad: true });
          const out = run(() => maxPool2d(x, { kernelSize: k, stride: s, padding: p }));
          const dy = randomTensor(out.shape, rng);
          run(() => out.backward(dy));

          const xt = nchwToNhwc(x.data, x.shape);
          const dyt = nchwToNhwc(dy.data, dy.shape);
          const pool = (v: TF.Tensor4D): TF.Tensor4D =>
            p === 0 ? tf.maxPool(v, k, s, 'valid') : tf.maxPool(v, k, s, p, 'floor');
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
          expectClose(out.data, y.data, { atol: 0, rtol: 0 }, `forward, trial ${trial}`);
          expectClose(
            x.grad!.data,
            nhwcToNchw(expected.g, xt.shape).data,
            { atol: 1e-6, rtol: 1e-6 },
            `gradient, trial ${trial}`,
          );
          compared++;
        }
        expect(compared).toBe(200);
      });

      it("agrees with TF.js 'same' where that padding is symmetric (odd kernel, stride 1)", () => {
        const rng = seeded(402);
        for (let trial = 0; trial < 40; trial++) {
          const k = pick(rng, [1, 3, 5]);
          const shape = [1, randomInt(rng, 1, 3), randomInt(rng, 1, 8), randomInt(rng, 1, 8)];
          const x = randomTensor(shape, rng);
          const out = run(() => maxPool2d(x, { kernelSize: k, stride: 1, padding: (k - 1) / 2 }));
          const xt = nchwToNhwc(x.data, x.shape);
          const y = tf.tidy(() => {
            const r = tf.maxPool(tf.tensor4d(xt.data, xt.shape as [number, number, number, number]), k, 1, 'same');
            return nhwcToNchw(r.dataSync(), r.shape);
          });
          expect(out.shape).toEqual(y.shape);
          expectClose(out.data, y.data, { atol: 0, rtol: 0 }, `trial ${trial}`);
        }
      });
    });

    describe('against the naive float64 reference where TF.js cannot go', () => {
      it('agrees on 300 random configurations with ceil mode, dilation and asymmetric everything, and refuses exactly when the reference finds no window', () => {
        const rng = seeded(403);
        let ran = 0;
        let refused = 0;
        for (let trial = 0; trial < 300; trial++) {
          const k: [number, number] = [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const d: [number, number] = [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
          const s: [number, number] = [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const p: [number, number] = [0, 1].map((i) => randomInt(rng, 0, Math.floor(((k[i] - 1) * d[i] + 1) / 2))) as [
            number,
            number,
          ];
          const opts: MaxPool2dOptions = {
            kernelSize: k,
            stride: s,
            padding: p,
            dilation: d,
            ceilMode: rng.next() < 0.5,
          };
          const x = randomTensor(
            [randomInt(rng, 1, 2), randomInt(rng, 1, 2), randomInt(rng, 1, 8), randomInt(rng, 1, 8)],
            rng,
          );
          const expected = maxPoolNaive(toArray64(x), naiveOptions(opts));
          const windows = expected.shape[2] * expected.shape[3];
          if (windows === 0) {
            expect(() => run(() => maxPool2d(x, opts)), `trial ${trial}`).toThrow('Output size is too small');
            refused++;
            continue;
          }
          const out = run(() => maxPool2d(x, opts));
          expect(out.shape, `trial ${trial}`).toEqual(expected.shape);
          expectClose(out.data, expected.data, { atol: 0, rtol: 0 }, `trial ${trial}`);
          ran++;
        }
        expect(ran).toBeGreaterThan(200);
        expect(refused).toBeGreaterThan(0);
      });

      it('propagates NaN wherever the reference does', () => {
        const rng = seeded(404);
        const x = randomTensor([1, 2, 7, 7], rng);
        for (const at of [0, 10, 24, 48, 60, 97]) x.data[at] = NaN;
        const opts: MaxPool2dOptions = { kernelSize: 3, stride: 2, padding: 1, ceilMode: true };
        expectClose(run(() => maxPool2d(x, opts)).data, maxPoolNaive(toArray64(x), naiveOptions(opts)).data, {
          atol: 0,
          rtol: 0,
        });
      });
    });

    describe('gradients against float64 finite differences', () => {
      const configs: MaxPool2dOptions[] = [
        { kernelSize: 2 },
        { kernelSize: 3, stride: 1, padding: 1 },
        { kernelSize: 3, stride: 2, padding: 1, ceilMode: true },
        { kernelSize: [2, 3], stride: [1, 2], dilation: [2, 1], padding: [1, 1] },
        { kernelSize: 2, stride: 3, dilation: 2, ceilMode: true },
        { kernelSize: [3, 1], stride: [2, 1], padding: [1, 0], ceilMode: true },
      ];
      configs.forEach((opts, i) => {
        it(`config ${i}: ${JSON.stringify(opts)}`, () => {
          const x = randomTensor([2, 2, 7, 6], seeded(500 + i), { requiresGrad: true });
          const report = run(() =>
            gradcheck((v) => maxPool2d(v, opts), [x], {
              reference: (v: Array64) => maxPoolNaive(v, naiveOptions(opts)),
              // Max pooling is piecewise linear: a tiny step never crosses a tie between random values.
              eps: 1e-6,
              maxChecksPerInput: 168,
            }),
          );
          expect(report.checked).toBe(168);
        });
      });
    });
  });
}
