// Batch normalisation and local response normalisation. TF.js checks batch norm
// in training (tf.moments + tf.batchNorm, gradients through both) and LRN for odd
// sizes; float64 references written from PyTorch's definitions cover the rest.
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm, listBackends, localResponseNorm, ones, tensor, withBackend, zeros } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { loadTf, nchwToNhwc, nhwcToNchw } from './helpers/tf.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

type Tf = Awaited<ReturnType<typeof loadTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

// ---------------------------------------------------------------------------
// Batch norm

interface NaiveBatchNorm {
  y: Float64Array;
  runningMean: Float64Array;
  runningVar: Float64Array;
}

/**
 * F.batch_norm from its documentation: per channel c (dimension 1), over every other
 * dimension, y = (x - E[x]) / sqrt(Var[x] + eps) * gamma + beta with the biased
 * variance; running stats move by momentum towards the batch mean and UNBIASED
 * variance. In evaluation the running stats replace the batch ones.
 */
function batchNormNaive(
  x: Array64,
  runningMean: ArrayLike<number>,
  runningVar: ArrayLike<number>,
  weight: ArrayLike<number> | null,
  bias: ArrayLike<number> | null,
  training: boolean,
  momentum = 0.1,
  eps = 1e-5,
): NaiveBatchNorm {
  const [n, c] = x.shape;
  const spatial = x.data.length / (n * c);
  const valuesOf = (ch: number) => {
    const v: number[] = [];
    for (let i = 0; i < n; i++) for (let s = 0; s < spatial; s++) v.push(x.data[(i * c + ch) * spatial + s]);
    return v;
  };
  const y = new Float64Array(x.data.length);
  const newMean = Float64Array.from(runningMean);
  const newVar = Float64Array.from(runningVar);
  for (let ch = 0; ch < c; ch++) {
    const v = valuesOf(ch);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    const squares = v.reduce((a, b) => a + (b - m) ** 2, 0);
    const biased = squares / v.length;
    const unbiased = squares / (v.length - 1);
    const useMean = training ? m : runningMean[ch];
    const useVar = training ? biased : runningVar[ch];
    if (training) {
      newMean[ch] = (1 - momentum) * runningMean[ch] + momentum * m;
      newVar[ch] = (1 - momentum) * runningVar[ch] + momentum * unbiased;
    }
    for (let i = 0; i < n; i++) {
      for (let s = 0; s < spatial; s++) {
        const k = (i * c + ch) * spatial + s;
        y[k] = ((x.data[k] - useMean) / Math.sqrt(useVar + eps)) * (weight ? weight[ch] : 1) + (bias ? bias[ch] : 0);
      }
    }
  }
  return { y, runningMean: newMean, runningVar: newVar };
}

function randomBatchShape(rng: ReturnType<typeof seeded>): number[] {
  const rank = pick(rng, [2, 3, 4]);
  const shape = [randomInt(rng, 2, 4), randomInt(rng, 1, 4)];
  while (shape.length < rank) shape.push(randomInt(rng, 1, 4));
  return shape;
}

for (const backend of listBackends()) {
  describe(`batchNorm on the ${backend} backend`, () => {
    it('in training matches TF.js (tf.moments + tf.batchNorm), forward and gradients', () => {
      withBackend(backend, () => {
        const rng = seeded(61);
        for (let trial = 0; trial < 12; trial++) {
          const [n, c, h, w] = [randomInt(rng, 2, 4), randomInt(rng, 1, 4), randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          const x = randomTensor([n, c, h, w], rng, { requiresGrad: true, low: -2, high: 3 });
          const gamma = randomTensor([c], rng, { requiresGrad: true, low: 0.5, high: 2 });
          const beta = randomTensor([c], rng, { requiresGrad: true });
          const y = batchNorm(x, zeros([c]), ones([c]), gamma, beta, { training: true });
          const dy = randomTensor(y.shape, rng);
          y.backward(dy);
          const want = tf.tidy(() => {
            const nhwc = nchwToNhwc(x.data, x.shape);
            const f = (p: any, g: any, b: any) => {
              const { mean, variance } = tf.moments(p, [0, 1, 2]);
              return tf.batchNorm(p, mean, variance, b, g, 1e-5);
            };
            const args = [tf.tensor(nhwc.data, nhwc.shape), tf.tensor(gamma.data, [c]), tf.tensor(beta.data, [c])];
            const dyNhwc = nchwToNhwc(dy.data, dy.shape);
            const out = (f as any)(...args);
            const grads = tf.grads(f as any)(args, tf.tensor(dyNhwc.data, dyNhwc.shape));
            return {
              y: nhwcToNchw(out.dataSync(), nhwc.shape).data,
              gx: nhwcToNchw(grads[0].dataSync(), nhwc.shape).data,
              gGamma: grads[1].dataSync().slice(),
              gBeta: grads[2].dataSync().slice(),
            };
          });
          const what = `batchNorm ${JSON.stringify(x.shape)}`;
          expectClose(y.data, want.y, { atol: 1e-4, rtol: 1e-4 }, what);
          expectClose(x.grad!.data, want.gx, { atol: 1e-4, rtol: 1e-3 }, `${what} dx`);
          expectClose(gamma.grad!.data, want.gGamma, { atol: 1e-4, rtol: 1e-4 }, `${what} dweight`);
          expectClose(beta.grad!.data, want.gBeta, { atol: 1e-4, rtol: 1e-4 }, `${what} dbias`);
        }
      });
    });

    it('matches the float64 definition in training and evaluation, running statistics included', () => {
      withBackend(backend, () => {
        const rng = seeded(62);
        for (let trial = 0; trial < 20; trial++) {
          const shape = randomBatchShape(rng);
          const c = shape[1];
          const training = rng.next() < 0.6;
          const affine = rng.next() < 0.7;
          const momentum = pick(rng, [0.1, 0.5, 1]);
          const eps = pick(rng, [1e-5, 1e-3]);
          const x = randomTensor(shape, rng, { low: -3, high: 3 });
          const rm = randomTensor([c], rng);
          const rv = randomTensor([c], rng, { low: 0.5, high: 2 });
          const w = affine ? randomTensor([c], rng) : null;
          const b = affine ? randomTensor([c], rng) : null;
          const want = batchNormNaive({ data: Float64Array.from(x.data), shape }, rm.data, rv.data, w?.data ?? null, b?.data ?? null, training, momentum, eps);
          const y = batchNorm(x, rm, rv, w, b, { training, momentum, eps });
          const what = `batchNorm ${JSON.stringify(shape)} training=${training} affine=${affine} momentum=${momentum}`;
          expectClose(y.data, want.y, { atol: 1e-5, rtol: 1e-5 }, what);
          expectClose(rm.data, want.runningMean, { atol: 1e-6, rtol: 1e-6 }, `${what} running mean`);
          expectClose(rv.data, want.runningVar, { atol: 1e-6, rtol: 1e-6 }, `${what} running var`);
        }
      });
    });

    it('passes float64 gradient checks on input, weight and bias (training and evaluation)', () => {
      withBackend(backend, () => {
        const rng = seeded(63);
        for (const shape of [[4, 3], [2, 3, 5], [3, 2, 3, 3]]) {
          for (const training of [true, false]) {
            const c = shape[1];
            const x = randomTensor(shape, rng, { requiresGrad: true, low: -2, high: 2 });
            const w = randomTensor([c], rng, { requiresGrad: true, low: 0.5, high: 1.5 });
            const b = randomTensor([c], rng, { requiresGrad: true });
            const rm = randomTensor([c], rng);
            const rv = randomTensor([c], rng, { low: 0.5, high: 2 });
            const report = gradcheck(
              // Fresh running stats per call: training updates them in place.
              (p, q, r) => batchNorm(p, rm.detach(), rv.detach(), q, r, { training }),
              [x, w, b],
              { reference: (p, q, r) => batchNormNaive(p, rm.data, rv.data, q.data, r.data, training).y },
            );
            expect(report.checked).toBe(Math.min(64, x.numel()) + 2 * c);
          }
        }
        // Without weight and bias the input gradient is still exact.
        const x = randomTensor([3, 2, 2, 2], rng, { requiresGrad: true });
        gradcheck((p) => batchNorm(p, null, null, null, null, { training: true }), [x], {
          reference: (p) => batchNormNaive(p, [0, 0], [1, 1], null, null, true).y,
        });
      });
    });
  });
}

describe('batchNorm details', () => {
  it('works a two-value batch by hand, updating running stats with the unbiased variance', () => {
    // Values 1 and 3: mean 2, biased variance 1 (used to normalise), unbiased 2 (for the running stat).
    const rm = zeros([1]);
    const rv = ones([1]);
    const y = batchNorm(tensor([[1], [3]]), rm, rv, null, null, { training: true });
    const s = 1 / Math.sqrt(1 + 1e-5);
    expectClose(y.data, [-s, s], { atol: 1e-7, rtol: 0 });
    expectClose(rm.data, [0.2], { atol: 1e-7, rtol: 0 });
    expectClose(rv.data, [1.1], { atol: 1e-7, rtol: 0 });
    // Evaluation uses (and leaves) the running stats: (3 - 0.2) / sqrt(1.1 + 1e-5).
    const e = batchNorm(tensor([[3]]), rm, rv);
    expectClose(e.data, [2.8 / Math.sqrt(1.1 + 1e-5)], { atol: 1e-6, rtol: 0 });
    expectClose(rm.data, [0.2], { atol: 1e-7, rtol: 0 });
  });

  it('gives a per-channel mean of 0 and variance of 1 in training', () => {
    const x = randomTensor([8, 3, 4, 4], seeded(64), { low: 5, high: 9 });
    const y = batchNorm(x, null, null, null, null, { training: true });
    for (let c = 0; c < 3; c++) {
      const v: number[] = [];
      for (let n = 0; n < 8; n++) for (let s = 0; s < 16; s++) v.push(y.data[(n * 3 + c) * 16 + s]);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const variance = v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.abs(variance - 1)).toBeLessThan(1e-3);
    }
  });

  it("raises PyTorch's errors", () => {
    expect(() => batchNorm(zeros([1, 4]), zeros([4]), ones([4]), null, null, { training: true })).toThrow(
      'Expected more than 1 value per channel when training, got input size [1, 4]',
    );
    expect(() => batchNorm(zeros([1, 4, 1, 1]), null, null, null, null, { training: true })).toThrow(
      'Expected more than 1 value per channel when training, got input size [1, 4, 1, 1]',
    );
    expect(batchNorm(zeros([1, 4]), zeros([4]), ones([4])).shape).toEqual([1, 4]);
    expect(() => batchNorm(zeros([2, 4]), zeros([3]), ones([4]))).toThrow('running_mean should contain 4 elements not 3');
    expect(() => batchNorm(zeros([2, 4]), zeros([4]), ones([5]))).toThrow('running_var should contain 4 elements not 5');
    expect(() => batchNorm(zeros([2, 4]), zeros([4]), ones([4]), ones([2]))).toThrow('weight should contain 4 elements not 2');
    expect(() => batchNorm(zeros([2, 4]), zeros([4]), ones([4]), null, ones([1]))).toThrow('bias should contain 4 elements not 1');
    expect(() => batchNorm(zeros([2, 4]), null, null)).toThrow(
      'batchNorm: running_mean and running_var must be defined in evaluation mode',
    );
    expect(() => batchNorm(zeros([4]), zeros([4]), ones([4]))).toThrow(
      'batchNorm: expected input of at least 2 dimensions [N, C, ...], got shape [4]',
    );
    expect(() => batchNorm(zeros([2, 4]), zeros([4]), ones([4]), null, null, { eps: 0 })).toThrow('batchNorm: eps must be positive, got 0');
  });
});

// ---------------------------------------------------------------------------
// Local response normalisation

/**
 * F.local_response_norm from PyTorch's definition: the squares are averaged over a
 * window of `size` channels, zero-padded with floor(size/2) channels before and
 * floor((size-1)/2) after, then b = a / (k + alpha * average)^beta.
 */
function lrnNaive(x: Array64, size: number, alpha: number, beta: number, k: number): Float64Array {
  const [n, c] = x.shape;
  const spatial = x.data.length / (n * c);
  const padded = (i: number, ch: number, s: number) => (ch < 0 || ch >= c ? 0 : x.data[(i * c + ch) * spatial + s]);
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      for (let s = 0; s < spatial; s++) {
        let average = 0;
        for (let m = 0; m < size; m++) average += padded(i, ch - Math.floor(size / 2) + m, s) ** 2 / size;
        const at = (i * c + ch) * spatial + s;
        out[at] = x.data[at] / (k + alpha * average) ** beta;
      }
    }
  }
  return out;
}

for (const backend of listBackends()) {
  describe(`localResponseNorm on the ${backend} backend`, () => {
    it('matches TF.js for odd sizes (depthRadius = (size-1)/2, TF alpha = alpha/size), forward and gradient', () => {
      withBackend(backend, () => {
        const rng = seeded(71);
        for (let trial = 0; trial < 16; trial++) {
          const size = pick(rng, [1, 3, 5, 7]);
          const shape = [randomInt(rng, 1, 3), randomInt(rng, 1, 9), randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
          // Large alpha so the damping is far from negligible.
          const alpha = pick(rng, [1e-4, 0.5, 2]);
          const beta = pick(rng, [0.75, 0.5, 1.3]);
          const k = pick(rng, [1, 2]);
          const x = randomTensor(shape, rng, { requiresGrad: true, low: -2, high: 2 });
          const y = localResponseNorm(x, size, { alpha, beta, k });
          const dy = randomTensor(shape, rng);
          y.backward(dy);
          const want = tf.tidy(() => {
            const nhwc = nchwToNhwc(x.data, shape);
            const f = (p: any) => tf.localResponseNormalization(p, (size - 1) / 2, k, alpha / size, beta);
            const tx = tf.tensor4d(nhwc.data, nhwc.shape as [number, number, number, number]);
            const dyNhwc = nchwToNhwc(dy.data, shape);
            const [gx] = tf.grads(f)([tx], tf.tensor(dyNhwc.data, dyNhwc.shape));
            return { y: nhwcToNchw(f(tx).dataSync(), nhwc.shape).data, gx: nhwcToNchw(gx.dataSync(), nhwc.shape).data };
          });
          const what = `LRN size ${size} alpha ${alpha} beta ${beta} k ${k} on ${JSON.stringify(shape)}`;
          expectClose(y.data, want.y, { atol: 1e-5, rtol: 1e-4 }, what);
          expectClose(x.grad!.data, want.gx, { atol: 1e-4, rtol: 1e-3 }, `${what} gradient`);
        }
      });
    });

    it("matches PyTorch's asymmetric window for even sizes and any rank (float64 reference)", () => {
      withBackend(backend, () => {
        const rng = seeded(72);
        for (let trial = 0; trial < 16; trial++) {
          const size = randomInt(rng, 1, 8);
          const rank = pick(rng, [3, 4, 5]);
          const shape = [randomInt(rng, 1, 3), randomInt(rng, 1, 8)];
          while (shape.length < rank) shape.push(randomInt(rng, 1, 3));
          const alpha = pick(rng, [1e-4, 1, 3]);
          const x = randomTensor(shape, rng, { low: -2, high: 2 });
          const y = localResponseNorm(x, size, { alpha, beta: 0.75, k: 1 });
          expectClose(
            y.data,
            lrnNaive({ data: Float64Array.from(x.data), shape }, size, alpha, 0.75, 1),
            { atol: 1e-6, rtol: 1e-5 },
            `LRN size ${size} on ${JSON.stringify(shape)}`,
          );
        }
      });
    });

    it('passes float64 gradient checks for sizes 1 to 6', () => {
      withBackend(backend, () => {
        const rng = seeded(73);
        for (let size = 1; size <= 6; size++) {
          const x = randomTensor([2, 5, 2, 3], rng, { requiresGrad: true, low: -2, high: 2 });
          const options = { alpha: 1.5, beta: 0.75, k: 1.2 };
          const report = gradcheck((t) => localResponseNorm(t, size, options), [x], {
            reference: (a) => lrnNaive(a, size, options.alpha, options.beta, options.k),
          });
          expect(report.checked).toBe(60);
        }
      });
    });
  });
}

describe('localResponseNorm details', () => {
  it('works a size-2 window by hand: one channel before, none after', () => {
    // alpha = 1, beta = 1, k = 1, channels a = [1, 2]:
    //   c = 0 sees channels {-1 (zero), 0}: 1 + (0 + 1) / 2 = 1.5, b = 1 / 1.5
    //   c = 1 sees channels {0, 1}:          1 + (1 + 4) / 2 = 3.5, b = 2 / 3.5
    const y = localResponseNorm(tensor([1, 2], [1, 2, 1]), 2, { alpha: 1, beta: 1, k: 1 });
    expectClose(y.data, [1 / 1.5, 2 / 3.5], { atol: 1e-7, rtol: 0 });
  });

  it('uses defaults alpha 1e-4, beta 0.75, k 1 (barely changes small inputs)', () => {
    const x: Tensor = randomTensor([1, 6, 2, 2], seeded(74));
    const y = localResponseNorm(x, 5);
    expectClose(y.data, lrnNaive({ data: Float64Array.from(x.data), shape: x.shape }, 5, 1e-4, 0.75, 1), { atol: 1e-7, rtol: 1e-6 });
  });

  it("raises PyTorch's errors", () => {
    expect(() => localResponseNorm(zeros([2, 3]), 2)).toThrow('Expected 3D or higher dimensionality input (got 2 dimensions)');
    expect(() => localResponseNorm(zeros([1, 3, 2]), 0)).toThrow('localResponseNorm: size must be a positive integer, got 0');
    expect(() => localResponseNorm(zeros([1, 3, 2]), 2.5)).toThrow('localResponseNorm: size must be a positive integer, got 2.5');
  });
});
