// Activations: TF.js for relu / leaky ReLU / sigmoid / tanh, and a float64
// reference for rrelu, which TF.js does not have.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Random,
  leakyRelu,
  listBackends,
  manualSeed,
  relu,
  rrelu,
  sigmoid,
  sum,
  tanh,
  tensor,
  withBackend,
} from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
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

/** Float64 definitions, from PyTorch's documentation. */
const naive = {
  relu: (x: Array64) => x.data.map((v) => Math.max(0, v)),
  leakyRelu: (slope: number) => (x: Array64) => x.data.map((v) => (v >= 0 ? v : slope * v)),
  sigmoid: (x: Array64) => x.data.map((v) => 1 / (1 + Math.exp(-v))),
  tanh: (x: Array64) => x.data.map((v) => (Math.exp(v) - Math.exp(-v)) / (Math.exp(v) + Math.exp(-v))),
};

const cases: [string, (x: Tensor) => Tensor, (t: Tf, x: any) => any, (x: Array64) => Float64Array][] = [
  ['relu', relu, (t, x) => t.relu(x), naive.relu],
  ['leakyRelu default', (x) => leakyRelu(x), (t, x) => t.leakyRelu(x, 0.01), naive.leakyRelu(0.01)],
  ['leakyRelu 0.2', (x) => leakyRelu(x, 0.2), (t, x) => t.leakyRelu(x, 0.2), naive.leakyRelu(0.2)],
  ['sigmoid', sigmoid, (t, x) => t.sigmoid(x), naive.sigmoid],
  ['tanh', tanh, (t, x) => t.tanh(x), naive.tanh],
];

/** A random tensor in [-4, 4) with a few exact zeros, where relu-like gradients have a rule to follow. */
function inputWithZeros(shape: number[], seed: number): Tensor {
  const rng = seeded(seed);
  const x = randomTensor(shape, rng, { requiresGrad: true, low: -4, high: 4 });
  for (let i = 0; i < x.data.length; i += 5) x.data[i] = 0;
  return x;
}

for (const backend of listBackends()) {
  describe(`activations on the ${backend} backend`, () => {
    for (const [name, op, tfOp, reference] of cases) {
      it(`${name} matches TF.js, forward and gradient (zeros included)`, () => {
        withBackend(backend, () => {
          const rng = seeded(name.length);
          for (let trial = 0; trial < 8; trial++) {
            const shape = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 5));
            const x = inputWithZeros(shape, trial * 13 + name.length);
            const dy = randomTensor(shape, rng);
            const y = op(x);
            y.backward(dy);
            const want = tf.tidy(() => {
              const tx = tf.tensor(x.data, shape);
              const [gx] = tf.grads((p: any) => tfOp(tf, p))([tx], tf.tensor(dy.data, shape));
              return { y: tfOp(tf, tx).dataSync().slice(), gx: gx.dataSync().slice() };
            });
            expect(y.shape).toEqual(shape);
            expectClose(y.data, want.y, { atol: 1e-6, rtol: 1e-5 }, name);
            expectClose(x.grad!.data, want.gx, { atol: 1e-6, rtol: 1e-5 }, `${name} gradient`);
          }
        });
      });

      it(`${name} passes a float64 gradient check`, () => {
        withBackend(backend, () => {
          const rng = seeded(name.length + 100);
          // Away from 0: finite differences across a kink measure neither side.
          const x = randomTensor([3, 4, 5], rng, { requiresGrad: true, low: 0.05, high: 3 });
          for (let i = 0; i < x.data.length; i += 2) x.data[i] = -x.data[i];
          expect(gradcheck(op, [x], { reference }).checked).toBe(60);
        });
      });
    }
  });
}

describe('activation details that follow PyTorch', () => {
  it('relu has gradient 0 at exactly 0 and keeps NaN; leaky ReLU has its slope there', () => {
    const x = tensor([-1, 0, 2], undefined, { requiresGrad: true });
    sum(relu(x)).backward();
    expect([...x.grad!.data]).toEqual([0, 0, 1]);
    const z = tensor([-1, 0, 2], undefined, { requiresGrad: true });
    sum(leakyRelu(z, 0.25)).backward();
    expect([...z.grad!.data]).toEqual([0.25, 0.25, 1]);
    expect(Number.isNaN(relu(tensor([NaN])).item())).toBe(true);
    // PyTorch's threshold_backward blocks the gradient only where x <= 0: a NaN lets it through.
    const n = tensor([NaN, -1], undefined, { requiresGrad: true });
    relu(n).backward(tensor([3, 3]));
    expect([...n.grad!.data]).toEqual([3, 0]);
    const m = tensor([NaN, -1], undefined, { requiresGrad: true });
    leakyRelu(m, 0.5).backward(tensor([3, 3]));
    expect(Number.isNaN(leakyRelu(tensor([NaN])).item())).toBe(true);
    expect([...m.grad!.data]).toEqual([1.5, 1.5]);
    expect([...leakyRelu(tensor([-10, 3]), 0.2).data]).toEqual([Math.fround(-2), 3]);
  });

  it('sigmoid and tanh saturate without overflow', () => {
    expect([...sigmoid(tensor([-1000, 0, 1000])).data]).toEqual([0, 0.5, 1]);
    expect([...tanh(tensor([-1000, 0, 1000])).data]).toEqual([-1, 0, 1]);
    const x = tensor([-1000, 1000], undefined, { requiresGrad: true });
    sum(sigmoid(x)).backward();
    expect([...x.grad!.data]).toEqual([0, 0]);
  });
});

/** rrelu in training, from PyTorch's definition: x if x > 0, else a * x with a ~ U(lower, upper) drawn per element. */
function rreluTrainNaive(lower: number, upper: number, seed: number) {
  return (x: Array64) => {
    const rng = new Random(seed);
    return x.data.map((v) => (v > 0 ? v : v * rng.uniform(lower, upper)));
  };
}

describe('rrelu', () => {
  it('in evaluation is a leaky ReLU with the mean slope (lower + upper) / 2', () => {
    const rng = seeded(41);
    const x = randomTensor([4, 6], rng, { requiresGrad: true, low: -3, high: 3 });
    const y = rrelu(x, { lower: 0.1, upper: 0.3 });
    expectClose(y.data, naive.leakyRelu(0.2)({ data: Float64Array.from(x.data), shape: x.shape }), { atol: 1e-6, rtol: 1e-6 }, 'rrelu eval');
    // Defaults 1/8 and 1/3: slope 11/48.
    expect(rrelu(tensor([-48])).item()).toBeCloseTo(-11, 5);
    gradcheck((t) => rrelu(t), [x], { reference: naive.leakyRelu((1 / 8 + 1 / 3) / 2) });
  });

  it('in training draws one slope per non-positive element, within [lower, upper], seeded', () => {
    const rng = seeded(42);
    const x = randomTensor([20000], rng, { requiresGrad: true, low: -2, high: 2 });
    x.data[0] = 0;
    const options = { lower: 0.1, upper: 0.4, training: true, seed: 9 };
    const y = rrelu(x, options);
    expect([...rrelu(x, options).data]).toEqual([...y.data]);
    expect([...rrelu(x, { ...options, seed: 10 }).data]).not.toEqual([...y.data]);

    y.backward(tensor(new Float32Array(x.numel()).fill(1), x.shape));
    const slopes: number[] = [];
    const violations: string[] = [];
    for (let i = 0; i < x.numel(); i++) {
      const g = x.grad!.data[i];
      if (x.data[i] > 0) {
        if (y.data[i] !== x.data[i] || g !== 1) violations.push(`positive element ${i} changed`);
      } else {
        if (g < 0.1 || g > Math.fround(0.4)) violations.push(`slope ${g} at ${i} outside [0.1, 0.4]`);
        // Backward uses the very slope the forward pass drew.
        if (Math.abs(y.data[i] - x.data[i] * g) > 1e-6) violations.push(`element ${i}: y ${y.data[i]} is not x * slope`);
        slopes.push(g);
      }
    }
    expect(violations).toEqual([]);
    expect(y.data[0]).toBe(0);
    const mean = slopes.reduce((a, b) => a + b, 0) / slopes.length;
    // Uniform on [0.1, 0.4]: mean 0.25, sd 0.087; about 10000 draws give a standard error of 0.0009.
    expect(Math.abs(mean - 0.25)).toBeLessThan(0.005);
    expect(new Set(slopes).size).toBeGreaterThan(slopes.length * 0.9);
  });

  it('in training matches the float64 definition and its gradient', () => {
    const rng = seeded(43);
    const x = randomTensor([3, 5, 4], rng, { requiresGrad: true, low: 0.05, high: 2 });
    for (let i = 0; i < x.data.length; i += 3) x.data[i] = -x.data[i];
    const report = gradcheck((t) => rrelu(t, { lower: 0.05, upper: 0.5, training: true, seed: 77 }), [x], {
      reference: rreluTrainNaive(0.05, 0.5, 77),
    });
    expect(report.checked).toBe(60);
  });

  it('without a seed draws from the engine-wide generator (manualSeed)', () => {
    const x = tensor([-1, -2, -3, 4]);
    manualSeed(5);
    const first = rrelu(x, { training: true }).data;
    manualSeed(5);
    expect([...rrelu(x, { training: true }).data]).toEqual([...first]);
  });

  it('rejects lower > upper', () => {
    expect(() => rrelu(tensor([1]), { lower: 0.5, upper: 0.2 })).toThrow(
      'rrelu: Lower bound should be less than or equal to the upper bound (got lower=0.5, upper=0.2)',
    );
  });
});
