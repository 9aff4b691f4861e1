// softmax and logSoftmax along any dim: TF.js (which only does the last axis,
// so the dim is moved last there and back) and a float64 definition.
import { beforeAll, describe, expect, it } from 'vitest';
import { listBackends, logSoftmax, softmax, sum, tensor, withBackend } from '../../../src/engine/index.ts';
import { loadTf } from './helpers/tf.ts';
import { randomInt, randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

type Tf = Awaited<ReturnType<typeof loadTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

/** e^x_j / sum_k e^x_k along `dim`, by the textbook formula in float64 (fine for moderate inputs). */
function softmaxNaive(x: Array64, dim: number, takeLog: boolean): Float64Array {
  const d = dim < 0 ? dim + x.shape.length : dim;
  const len = x.shape[d];
  const inner = x.shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < out.length; k++) {
    // Position of k along dim, and the first element of its slice.
    const j = Math.floor(k / inner) % len;
    const first = k - j * inner;
    let total = 0;
    for (let m = 0; m < len; m++) total += Math.exp(x.data[first + m * inner]);
    out[k] = takeLog ? x.data[k] - Math.log(total) : Math.exp(x.data[k]) / total;
  }
  return out;
}

/** TF.js softmax / logSoftmax along any axis: move it last, apply, move it back. */
function tfAlongDim(t: Tf, x: any, dim: number, takeLog: boolean) {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[dim], perm[rank - 1]] = [perm[rank - 1], perm[dim]];
  const moved = t.transpose(x, perm);
  return t.transpose(takeLog ? t.logSoftmax(moved) : t.softmax(moved), perm);
}

for (const backend of listBackends()) {
  describe(`softmax on the ${backend} backend`, () => {
    for (const takeLog of [false, true]) {
      const name = takeLog ? 'logSoftmax' : 'softmax';
      const op = takeLog ? logSoftmax : softmax;

      it(`${name} matches TF.js along every dim, forward and gradient`, () => {
        withBackend(backend, () => {
          const rng = seeded(takeLog ? 51 : 52);
          for (let trial = 0; trial < 25; trial++) {
            const shape = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 5));
            const dim = randomInt(rng, 0, shape.length - 1);
            const engineDim = rng.next() < 0.5 ? dim - shape.length : dim;
            const x = randomTensor(shape, rng, { requiresGrad: true, low: -5, high: 5 });
            const dy = randomTensor(shape, rng);
            const y = op(x, engineDim);
            y.backward(dy);
            const want = tf.tidy(() => {
              const tx = tf.tensor(x.data, shape);
              const f = (p: any) => tfAlongDim(tf, p, dim, takeLog);
              const [gx] = tf.grads(f)([tx], tf.tensor(dy.data, shape));
              return { y: f(tx).dataSync().slice(), gx: gx.dataSync().slice() };
            });
            const what = `${name} of ${JSON.stringify(shape)} along ${engineDim}`;
            expect(y.shape).toEqual(shape);
            expectClose(y.data, want.y, { atol: 1e-6, rtol: 1e-5 }, what);
            expectClose(x.grad!.data, want.gx, { atol: 1e-6, rtol: 1e-4 }, `${what} gradient`);
          }
        });
      });

      it(`${name} passes a float64 gradient check`, () => {
        withBackend(backend, () => {
          const rng = seeded(takeLog ? 53 : 54);
          for (const dim of [0, 1, -1]) {
            const x = randomTensor([3, 4, 5], rng, { requiresGrad: true, low: -3, high: 3 });
            const report = gradcheck((t) => op(t, dim), [x], { reference: (a) => softmaxNaive(a, dim, takeLog) });
            expect(report.checked).toBe(60);
          }
        });
      });
    }
  });
}

describe('softmax details', () => {
  it('makes probabilities that sum to 1 along the dim, and is shift-invariant', () => {
    const x = tensor([
      [1, 2, 3],
      [1, 1, 1],
    ]);
    const p = softmax(x, 1);
    expect(Array.from(sum(p, 1).data, (v) => Number(v.toFixed(6)))).toEqual([1, 1]);
    expectClose(p.data.subarray(3), [1 / 3, 1 / 3, 1 / 3], { atol: 1e-7, rtol: 0 });
    expectClose(softmax(tensor([[1001, 1002, 1003]]), 1).data, p.data.subarray(0, 3), { atol: 1e-7, rtol: 0 });
  });

  it('stays finite for huge scores, where the textbook formula overflows', () => {
    const x = tensor([1000, 0, -1000]);
    expectClose(softmax(x, 0).data, [1, 0, 0], { atol: 0, rtol: 0 });
    const lp = logSoftmax(x, 0);
    expectClose(lp.data, [0, -1000, -2000], { atol: 1e-3, rtol: 0 });
    expect(lp.data.every(Number.isFinite)).toBe(true);
    const g = tensor([1000, 0, -1000], undefined, { requiresGrad: true });
    sum(logSoftmax(g, 0)).backward();
    // d/dx_j sum_k log p_k = 1 - 3 p_j.
    expectClose(g.grad!.data, [-2, 1, 1], { atol: 1e-6, rtol: 0 });
  });

  it('handles -Infinity scores like PyTorch: zero probability, NaN when all are -Infinity', () => {
    expectClose(softmax(tensor([-Infinity, 0]), 0).data, [0, 1], { atol: 0, rtol: 0 });
    expect(logSoftmax(tensor([-Infinity, 0]), 0).data[0]).toBe(-Infinity);
    expect(softmax(tensor([-Infinity, -Infinity]), 0).data.every(Number.isNaN)).toBe(true);
  });

  it('requires a dim in range', () => {
    expect(() => (softmax as (x: unknown) => unknown)(tensor([1, 2]))).toThrow(
      "softmax: dim is required (PyTorch's implicit choice of dim is deprecated)",
    );
    expect(() => logSoftmax(tensor([[1, 2]]), 2)).toThrow(
      'logSoftmax: Dimension out of range (expected to be in range of [-2, 1], but got 2)',
    );
    expect(softmax(tensor(3), 0).item()).toBe(1);
  });
});
