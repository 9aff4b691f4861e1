// Broadcasting elementwise ops and reductions, against TF.js and by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Tensor,
  abs,
  add,
  argmax,
  broadcastShapes,
  clamp,
  div,
  exp,
  listBackends,
  log,
  maximum,
  mean,
  mul,
  neg,
  pow,
  scale,
  sqrt,
  sub,
  sum,
  tensor,
  withBackend,
} from '../../../src/engine/index.ts';
import type { Random } from '../../../src/engine/index.ts';
import { loadTf } from './helpers/tf.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

type Tf = Awaited<ReturnType<typeof loadTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const tol = { atol: 1e-5, rtol: 1e-5 };

/**
 * Two operand shapes that broadcast together (cut from one full shape, with leading
 * dims dropped and some dims set to 1), and the shape they broadcast to.
 */
function broadcastPair(rng: Random): [number[], number[], number[]] {
  const full = Array.from({ length: randomInt(rng, 0, 4) }, () => randomInt(rng, 2, 4));
  const operand = () => full.slice(randomInt(rng, 0, full.length)).map((d) => (rng.next() < 0.3 ? 1 : d));
  const a = operand();
  const b = operand();
  const rank = Math.max(a.length, b.length);
  const out = full.slice(full.length - rank).map((d, i) => {
    const da = a[i - (rank - a.length)] ?? 1;
    const db = b[i - (rank - b.length)] ?? 1;
    return Math.max(da, db);
  });
  return [out, a, b];
}

/** Engine output and gradients of `op(a, b)` for a projected backward with `dy`. */
function engineRun(op: (a: Tensor, b: Tensor) => Tensor, a: Tensor, b: Tensor, dy: Tensor) {
  a.grad = null;
  b.grad = null;
  const y = op(a, b);
  y.backward(dy);
  return { y, ga: a.grad!.data, gb: b.grad!.data };
}

const binaryCases: [string, (a: Tensor, b: Tensor) => Tensor, (tfx: Tf, a: any, b: any) => any][] = [
  ['add', add, (t, a, b) => t.add(a, b)],
  ['sub', sub, (t, a, b) => t.sub(a, b)],
  ['mul', mul, (t, a, b) => t.mul(a, b)],
  ['div', div, (t, a, b) => t.div(a, b)],
  // TF.js's Maximum gradient does not reduce over broadcast dims, so broadcast explicitly first.
  ['maximum', maximum, (t, a, b) => {
    const shape = t.broadcastArgs(t.tensor1d(a.shape, 'int32'), t.tensor1d(b.shape, 'int32')).arraySync() as number[];
    return t.maximum(t.broadcastTo(a, shape), t.broadcastTo(b, shape));
  }],
];

const unaryCases: [string, (x: Tensor) => Tensor, (tfx: Tf, x: any) => any, { low: number; high: number }][] = [
  ['neg', neg, (t, x) => t.neg(x), { low: -2, high: 2 }],
  ['exp', exp, (t, x) => t.exp(x), { low: -3, high: 3 }],
  ['log', log, (t, x) => t.log(x), { low: 0.1, high: 5 }],
  ['sqrt', sqrt, (t, x) => t.sqrt(x), { low: 0.1, high: 5 }],
  ['pow 3', (x) => pow(x, 3), (t, x) => t.pow(x, t.scalar(3)), { low: -2, high: 2 }],
  ['pow 0.5', (x) => pow(x, 0.5), (t, x) => t.pow(x, t.scalar(0.5)), { low: 0.1, high: 4 }],
  ['pow -2', (x) => pow(x, -2), (t, x) => t.pow(x, t.scalar(-2)), { low: 0.5, high: 3 }],
  ['abs', abs, (t, x) => t.abs(x), { low: -2, high: 2 }],
  ['clamp', (x) => clamp(x, -0.5, 0.7), (t, x) => t.clipByValue(x, -0.5, 0.7), { low: -2, high: 2 }],
  ['scale', (x) => scale(x, -2.5), (t, x) => t.mul(x, -2.5), { low: -2, high: 2 }],
];

for (const backend of listBackends()) {
  describe(`elementwise ops on the ${backend} backend`, () => {
    for (const [name, op, tfOp] of binaryCases) {
      it(`${name} broadcasts like TF.js, forward and gradients`, () => {
        withBackend(backend, () => {
          const rng = seeded(name.length * 101);
          for (let trial = 0; trial < 25; trial++) {
            const [outShape, sa, sb] = broadcastPair(rng);
            const a = randomTensor(sa, rng, { requiresGrad: true, low: -2, high: 2 });
            // Keep divisors away from 0 so float32 quotients stay well conditioned.
            const b = randomTensor(sb, rng, { requiresGrad: true, low: 0.5, high: 2 });
            if (name !== 'div') for (let i = 0; i < b.data.length; i++) b.data[i] *= rng.next() < 0.5 ? -1 : 1;
            const dy = randomTensor(outShape, rng);
            const got = engineRun(op, a, b, dy);
            const want = tf.tidy(() => {
              const ta = tf.tensor(a.data, sa);
              const tb = tf.tensor(b.data, sb);
              const y = tfOp(tf, ta, tb);
              const [ga, gb] = tf.grads((p: any, q: any) => tfOp(tf, p, q))([ta, tb], tf.tensor(dy.data, outShape));
              return { y: y.dataSync().slice(), shape: y.shape, ga: ga.dataSync().slice(), gb: gb.dataSync().slice() };
            });
            const what = `${name} ${JSON.stringify(sa)} with ${JSON.stringify(sb)}`;
            expect(got.y.shape, what).toEqual(want.shape);
            expectClose(got.y.data, want.y, tol, what);
            expectClose(got.ga, want.ga, tol, `${what} dA`);
            expectClose(got.gb, want.gb, tol, `${what} dB`);
          }
        });
      });
    }

    for (const [name, op, tfOp, range] of unaryCases) {
      it(`${name} matches TF.js, forward and gradient`, () => {
        withBackend(backend, () => {
          const rng = seeded(name.length * 7 + 3);
          const shape = [randomInt(rng, 1, 4), randomInt(rng, 1, 5), randomInt(rng, 1, 5)];
          const x = randomTensor(shape, rng, { requiresGrad: true, ...range });
          const dy = randomTensor(shape, rng);
          const y = op(x);
          y.backward(dy);
          const want = tf.tidy(() => {
            const tx = tf.tensor(x.data, shape);
            const [gx] = tf.grads((p: any) => tfOp(tf, p))([tx], tf.tensor(dy.data, shape));
            return { y: tfOp(tf, tx).dataSync().slice(), gx: gx.dataSync().slice() };
          });
          expectClose(y.data, want.y, tol, name);
          expectClose(x.grad!.data, want.gx, { atol: 1e-5, rtol: 1e-4 }, `${name} gradient`);
        });
      });
    }

    it('binary ops pass a float64 gradient check with broadcasting', () => {
      withBackend(backend, () => {
        const rng = seeded(5);
        const a = randomTensor([2, 3, 4], rng, { requiresGrad: true, low: 0.5, high: 2 });
        const b = randomTensor([3, 1], rng, { requiresGrad: true, low: 0.5, high: 2 });
        // out[i, j, k] combines a[i, j, k] with b[j, 0].
        const naive = (f: (x: number, y: number) => number) => (x: { data: Float64Array }, y: { data: Float64Array }) =>
          x.data.map((v, idx) => f(v, y.data[Math.floor(idx / 4) % 3]));
        gradcheck(div, [a, b], { reference: naive((x, y) => x / y) });
        gradcheck(mul, [a, b], { reference: naive((x, y) => x * y) });
        gradcheck(sub, [a, b], { reference: naive((x, y) => x - y) });
      });
    });
  });
}

describe('broadcasting rules', () => {
  it('aligns trailing dimensions and stretches size 1', () => {
    expect(broadcastShapes([2, 1, 4], [3, 1])).toEqual([2, 3, 4]);
    expect(broadcastShapes([], [2, 3])).toEqual([2, 3]);
    expect(broadcastShapes([5], [1])).toEqual([5]);
    expect(add(tensor([[1], [2]]), tensor([10, 20, 30])).toArray()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
    expect(add(tensor([1, 2]), 5).toArray()).toEqual([6, 7]);
  });

  it("rejects incompatible shapes with PyTorch's message", () => {
    expect(() => broadcastShapes([2, 3], [4])).toThrow(
      'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1',
    );
    // Two mismatches: PyTorch names the last one (checked against torch 1.13).
    expect(() => broadcastShapes([2, 16, 16, 16], [2, 8, 32, 32])).toThrow(
      'The size of tensor a (16) must match the size of tensor b (32) at non-singleton dimension 3',
    );
    expect(() => mul(tensor([1, 2, 3]), tensor([1, 2]))).toThrow(
      'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0',
    );
  });

  it('sums the gradient over the broadcast dimensions', () => {
    const a = tensor([[1], [2]], undefined, { requiresGrad: true });
    const b = tensor([10, 20, 30], undefined, { requiresGrad: true });
    sum(mul(a, b)).backward();
    expect(a.grad!.toArray()).toEqual([[60], [60]]);
    expect(b.grad!.toArray()).toEqual([3, 3, 3]);
  });
});

describe('elementwise edge cases follow PyTorch', () => {
  it('maximum splits the gradient on ties and propagates NaN', () => {
    const a = tensor([1, 2, 3], undefined, { requiresGrad: true });
    const b = tensor([1, 5, 0], undefined, { requiresGrad: true });
    sum(maximum(a, b)).backward();
    expect([...a.grad!.data]).toEqual([0.5, 0, 1]);
    expect([...b.grad!.data]).toEqual([0.5, 1, 0]);
    expect(Number.isNaN(maximum(tensor([NaN]), tensor([1])).item())).toBe(true);
    // PyTorch masks only the strictly smaller side: with a NaN neither is, so both get the gradient.
    const c = tensor([NaN, 1], undefined, { requiresGrad: true });
    const d = tensor([2, NaN], undefined, { requiresGrad: true });
    maximum(c, d).backward(tensor([3, 5]));
    expect([...c.grad!.data, ...d.grad!.data]).toEqual([3, 5, 3, 5]);
  });

  it('abs has gradient 0 at 0 and clamp passes it inside the closed range', () => {
    const x = tensor([-1, 0, 2], undefined, { requiresGrad: true });
    sum(abs(x)).backward();
    expect([...x.grad!.data]).toEqual([-1, 0, 1]);
    const y = tensor([-1, 0, 1, 2], undefined, { requiresGrad: true });
    sum(clamp(y, 0, 1)).backward();
    expect([...y.grad!.data]).toEqual([0, 1, 1, 0]);
    expect(() => clamp(y, 2, 1)).toThrow('clamp: min (2) must not exceed max (1)');
  });
});

describe('sum and mean', () => {
  it('reduce along dims, with and without keepdim, like TF.js (gradients too)', () => {
    const rng = seeded(21);
    for (let trial = 0; trial < 30; trial++) {
      const shape = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 4));
      const dims = [...shape.keys()].filter(() => rng.next() < 0.5);
      const negate = rng.next() < 0.5;
      const engineDims = dims.map((d) => (negate ? d - shape.length : d));
      const keepdim = rng.next() < 0.5;
      const op = pick(rng, ['sum', 'mean'] as const);
      const x = randomTensor(shape, rng, { requiresGrad: true });
      const whole = dims.length === 0 && rng.next() < 0.5;
      const y = (op === 'sum' ? sum : mean)(x, whole ? undefined : engineDims.length ? engineDims : undefined, { keepdim });
      const axes = whole || dims.length === 0 ? [...shape.keys()] : dims;
      const dy = randomTensor(y.shape, rng);
      y.backward(dy);
      const want = tf.tidy(() => {
        const tx = tf.tensor(x.data, shape);
        const f = (p: any) => (op === 'sum' ? tf.sum(p, axes, keepdim) : tf.mean(p, axes, keepdim));
        const out = f(tx);
        const [gx] = tf.grads(f)([tx], tf.tensor(dy.data, out.shape));
        return { y: out.dataSync().slice(), shape: out.shape, gx: gx.dataSync().slice() };
      });
      const what = `${op} of ${JSON.stringify(shape)} over ${JSON.stringify(engineDims)} keepdim=${keepdim}`;
      expect(y.shape, what).toEqual(want.shape);
      expectClose(y.data, want.y, tol, what);
      expectClose(x.grad!.data, want.gx, tol, `${what} gradient`);
    }
  });

  it('hand-worked cases and errors', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(sum(x).item()).toBe(21);
    expect(sum(x, 0).toArray()).toEqual([5, 7, 9]);
    expect(sum(x, 1, { keepdim: true }).toArray()).toEqual([[6], [15]]);
    expect(mean(x, -1).toArray()).toEqual([2, 5]);
    expect(mean(x, [0, 1]).item()).toBe(3.5);
    expect(() => sum(x, 2)).toThrow('sum: Dimension out of range (expected to be in range of [-2, 1], but got 2)');
    expect(() => sum(x, [1, -1])).toThrow('sum: dim 1 appears multiple times in the list of dims');
    expect(Number.isNaN(mean(tensor([])).item())).toBe(true);
  });
});

describe('argmax', () => {
  it('picks the first maximum along a dim, and NaN as the largest', () => {
    const x = tensor([
      [1, 3, 3],
      [7, 2, 7],
    ]);
    expect([...argmax(x, 1)]).toEqual([1, 0]);
    expect([...argmax(x, 0)]).toEqual([1, 0, 1]);
    expect([...argmax(x, -1)]).toEqual([1, 0]);
    expect([...argmax(tensor([1, NaN, 5, NaN]), 0)]).toEqual([1]);
    expect([...argmax(tensor([NaN, 9]), 0)]).toEqual([0]);
    expect([...argmax(tensor([-Infinity, -Infinity]), 0)]).toEqual([0]);
    expect(() => argmax(x, 2)).toThrow('argmax: Dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });

  it('refuses an empty reduction dimension', () => {
    expect(() => argmax(tensor([], [2, 0]), 1)).toThrow('argmax(): Expected reduction dim 1 to have non-zero size.');
  });
});
