// Losses: cross-entropy against tf.losses.softmaxCrossEntropy (one-hot labels,
// label smoothing, every reduction), MSE against tf.losses.meanSquaredError, and
// float64 definitions for gradient checks, NLL and ignoreIndex.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Tensor,
  crossEntropy,
  listBackends,
  logSoftmax,
  mseLoss,
  nllLoss,
  tensor,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import type { Reduction } from '../../../src/engine/index.ts';
import { loadTf } from './helpers/tf.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import type { Array64 } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

type Tf = Awaited<ReturnType<typeof loadTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const reductions: Reduction[] = ['mean', 'sum', 'none'];

function tfReduction(t: Tf, r: Reduction) {
  // SUM_BY_NONZERO_WEIGHTS without weights is the plain mean, as PyTorch's 'mean'.
  return r === 'mean' ? t.Reduction.SUM_BY_NONZERO_WEIGHTS : r === 'sum' ? t.Reduction.SUM : t.Reduction.NONE;
}

/**
 * F.cross_entropy from its definition in float64: the target distribution q mixes
 * the one-hot label with uniform 1/C by `smoothing`; loss_n = -sum_c q_c log softmax(x_n)_c.
 */
function crossEntropyNaive(x: Array64, targets: readonly number[], smoothing: number, reduction: Reduction): Float64Array {
  const [n, c] = x.shape;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = Array.from(x.data.subarray(i * c, (i + 1) * c));
    const logZ = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
    for (let j = 0; j < c; j++) {
      const q = (j === targets[i] ? 1 - smoothing : 0) + smoothing / c;
      losses[i] -= q * (row[j] - logZ);
    }
  }
  if (reduction === 'none') return losses;
  const total = losses.reduce((a, v) => a + v, 0);
  return Float64Array.of(reduction === 'mean' ? total / n : total);
}

function randomTargets(rng: ReturnType<typeof seeded>, n: number, classes: number): number[] {
  return Array.from({ length: n }, () => rng.int(classes));
}

for (const backend of listBackends()) {
  describe(`losses on the ${backend} backend`, () => {
    it('crossEntropy matches tf.losses.softmaxCrossEntropy with one-hot labels, smoothing and every reduction', () => {
      withBackend(backend, () => {
        const rng = seeded(91);
        for (let trial = 0; trial < 24; trial++) {
          const n = randomInt(rng, 1, 6);
          const classes = randomInt(rng, 2, 10);
          const reduction = reductions[trial % 3];
          const labelSmoothing = pick(rng, [0, 0, 0.1, 0.3]);
          const targets = randomTargets(rng, n, classes);
          const logits = randomTensor([n, classes], rng, { requiresGrad: true, low: -4, high: 4 });
          const asTargets = pick(rng, [
            () => targets,
            () => Int32Array.from(targets),
            () => tensor(targets),
          ])();
          const loss = crossEntropy(logits, asTargets, { reduction, labelSmoothing });
          const dy = randomTensor(loss.shape, rng);
          loss.backward(dy);
          const want = tf.tidy(() => {
            const onehot = tf.oneHot(tf.tensor1d(targets, 'int32'), classes);
            const f = (z: any) => tf.losses.softmaxCrossEntropy(onehot, z, undefined, labelSmoothing, tfReduction(tf, reduction));
            const tz = tf.tensor(logits.data, [n, classes]);
            const out = f(tz);
            const [gz] = tf.grads(f)([tz], tf.tensor(dy.data, out.shape));
            return { y: out.dataSync().slice(), shape: out.shape, gz: gz.dataSync().slice() };
          });
          const what = `crossEntropy [${n}, ${classes}] ${reduction} smoothing ${labelSmoothing}`;
          expect(loss.shape).toEqual(want.shape);
          expectClose(loss.data, want.y, { atol: 1e-5, rtol: 1e-5 }, what);
          expectClose(logits.grad!.data, want.gz, { atol: 1e-6, rtol: 1e-4 }, `${what} gradient`);
        }
      });
    });

    it('crossEntropy passes float64 gradient checks', () => {
      withBackend(backend, () => {
        const rng = seeded(92);
        for (const reduction of reductions) {
          for (const smoothing of [0, 0.2]) {
            const targets = randomTargets(rng, 4, 5);
            const logits = randomTensor([4, 5], rng, { requiresGrad: true, low: -3, high: 3 });
            const report = gradcheck((z) => crossEntropy(z, targets, { reduction, labelSmoothing: smoothing }), [logits], {
              reference: (z) => crossEntropyNaive(z, targets, smoothing, reduction),
            });
            expect(report.checked).toBe(20);
          }
        }
      });
    });

    it('mseLoss matches tf.losses.meanSquaredError for every reduction, gradients for both arguments', () => {
      withBackend(backend, () => {
        const rng = seeded(93);
        for (let trial = 0; trial < 15; trial++) {
          const shape = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 5));
          const reduction = reductions[trial % 3];
          const input = randomTensor(shape, rng, { requiresGrad: true, low: -3, high: 3 });
          const target = randomTensor(shape, rng, { requiresGrad: true, low: -3, high: 3 });
          const loss = mseLoss(input, target, { reduction });
          const dy = randomTensor(loss.shape, rng);
          loss.backward(dy);
          const want = tf.tidy(() => {
            const f = (p: any, l: any) => tf.losses.meanSquaredError(l, p, undefined, tfReduction(tf, reduction));
            const args = [tf.tensor(input.data, shape), tf.tensor(target.data, shape)];
            const out = (f as any)(...args);
            const grads = tf.grads(f as any)(args, tf.tensor(dy.data, out.shape));
            return { y: out.dataSync().slice(), shape: out.shape, gi: grads[0].dataSync().slice(), gt: grads[1].dataSync().slice() };
          });
          const what = `mseLoss ${JSON.stringify(shape)} ${reduction}`;
          expect(loss.shape).toEqual(want.shape);
          expectClose(loss.data, want.y, { atol: 1e-5, rtol: 1e-5 }, what);
          expectClose(input.grad!.data, want.gi, { atol: 1e-6, rtol: 1e-4 }, `${what} d input`);
          expectClose(target.grad!.data, want.gt, { atol: 1e-6, rtol: 1e-4 }, `${what} d target`);
        }
      });
    });

    it('mseLoss passes a float64 gradient check', () => {
      withBackend(backend, () => {
        const rng = seeded(94);
        for (const reduction of reductions) {
          const a = randomTensor([3, 4], rng, { requiresGrad: true });
          const b = randomTensor([3, 4], rng, { requiresGrad: true });
          const naive = (p: Array64, q: Array64) => {
            const squares = p.data.map((v, i) => (v - q.data[i]) ** 2);
            const total = squares.reduce((s, v) => s + v, 0);
            return reduction === 'none' ? squares : [reduction === 'mean' ? total / squares.length : total];
          };
          const report = gradcheck((p, q) => mseLoss(p, q, { reduction }), [a, b], { reference: naive });
          expect(report.checked).toBe(24);
        }
      });
    });
  });
}

describe('crossEntropy and nllLoss details', () => {
  it('works the one-sample example by hand', () => {
    // -log(e^2 / (e^2 + 1 + 1)) = log(e^2 + 2) - 2
    expect(crossEntropy(tensor([[2, 0, 0]]), [0]).item()).toBeCloseTo(Math.log(Math.exp(2) + 2) - 2, 6);
    // Uniform scores: the loss is log C whatever the label.
    expect(crossEntropy(zeros([3, 10]), [1, 5, 9]).item()).toBeCloseTo(Math.log(10), 6);
  });

  it('is nllLoss of logSoftmax, forward and gradient, with ignoreIndex left out of the mean', () => {
    const rng = seeded(95);
    const targets = [2, -100, 0, 4, -100, 1];
    const z1 = randomTensor([6, 5], rng, { requiresGrad: true, low: -3, high: 3 });
    const z2 = new Tensor(z1.data.slice(), z1.shape, true);
    const fused = crossEntropy(z1, targets);
    const composed = nllLoss(logSoftmax(z2, 1), targets);
    expectClose(fused.data, composed.data, { atol: 1e-6, rtol: 1e-6 });
    fused.backward();
    composed.backward();
    expectClose(z1.grad!.data, z2.grad!.data, { atol: 1e-7, rtol: 1e-5 });
    // Ignored rows get no gradient, and the mean is over the 4 counted samples.
    for (const row of [1, 4]) expect([...z1.grad!.data.subarray(row * 5, row * 5 + 5)]).toEqual([0, 0, 0, 0, 0]);
    const counted = [0, 2, 3, 5];
    const expected = crossEntropyNaive(
      { data: Float64Array.from(counted.flatMap((r) => [...z1.data.subarray(r * 5, r * 5 + 5)])), shape: [4, 5] },
      counted.map((r) => targets[r]),
      0,
      'mean',
    );
    expectClose(fused.data, expected, { atol: 1e-6, rtol: 1e-6 });
    const perSample = crossEntropy(z1, targets, { reduction: 'none' });
    expect(perSample.data[1]).toBe(0);
    expect(Number.isNaN(crossEntropy(z1, new Array(6).fill(-100)).item())).toBe(true);
    expect(crossEntropy(z1, [0, 1, 2, 3, 4, 3], { ignoreIndex: 3, reduction: 'sum' }).item()).toBeCloseTo(
      crossEntropyNaive({ data: Float64Array.from(z1.data.subarray(0, 15)), shape: [3, 5] }, [0, 1, 2], 0, 'sum')[0] +
        crossEntropyNaive({ data: Float64Array.from(z1.data.subarray(20, 25)), shape: [1, 5] }, [4], 0, 'sum')[0],
      5,
    );
  });

  it('nllLoss picks -input[n, target] and passes a gradient check', () => {
    const rng = seeded(96);
    const x = randomTensor([5, 4], rng, { requiresGrad: true });
    const targets = [3, 0, 0, 2, 1];
    expectClose(
      nllLoss(x, targets, { reduction: 'none' }).data,
      targets.map((t, n) => -x.data[n * 4 + t]),
      { atol: 0, rtol: 0 },
    );
    for (const reduction of reductions) {
      gradcheck((t) => nllLoss(t, targets, { reduction }), [x], {
        reference: (a) => {
          const picked = targets.map((t, n) => -a.data[n * 4 + t]);
          const total = picked.reduce((s, v) => s + v, 0);
          return reduction === 'none' ? picked : [reduction === 'mean' ? total / 5 : total];
        },
      });
    }
  });

  it('stays finite for huge logits', () => {
    const z = tensor([[1000, -1000, 0]], undefined, { requiresGrad: true });
    const loss = crossEntropy(z, [1]);
    expect(loss.item()).toBeCloseTo(2000, 2);
    loss.backward();
    expectClose(z.grad!.data, [1, -1, 0], { atol: 1e-6, rtol: 0 });
  });

  it("raises PyTorch's errors for bad targets and options", () => {
    const z = zeros([4, 5]);
    expect(() => crossEntropy(z, [0, 1, 5, 2])).toThrow('Target 5 is out of bounds.');
    expect(() => crossEntropy(z, [0, 1, -1, 2])).toThrow('Target -1 is out of bounds.');
    expect(() => crossEntropy(z, [0, 1, 2])).toThrow('Expected input batch_size (4) to match target batch_size (3).');
    expect(() => nllLoss(z, Int32Array.of(0, 1, 2, 3, 4))).toThrow('Expected input batch_size (4) to match target batch_size (5).');
    expect(() => crossEntropy(z, [0, 1.5, 2, 3])).toThrow('Target 1.5 is not an integer class index (sample 1).');
    expect(() => crossEntropy(z, tensor([[0, 1, 2, 3]]))).toThrow('Expected a 1-D tensor of class indices as target, got shape [1, 4]');
    expect(() => crossEntropy(z, [0, 1, 2, 3], { reduction: 'avg' as Reduction })).toThrow('avg is not a valid value for reduction');
    expect(() => crossEntropy(z, [0, 1, 2, 3], { labelSmoothing: 1.5 })).toThrow('label_smoothing must be between 0.0 and 1.0. Got: 1.5');
    expect(() => crossEntropy(zeros([5]), [0])).toThrow('crossEntropy: expected input of shape [N, C] (N samples, C classes), got [5]');
  });
});

describe('mseLoss details', () => {
  it('works a small example by hand', () => {
    const x = tensor([1, 2, 3]);
    const y = tensor([1, 0, 0]);
    expect(mseLoss(x, y).item()).toBeCloseTo(13 / 3, 6);
    expect(mseLoss(x, y, { reduction: 'sum' }).item()).toBe(13);
    expect([...mseLoss(x, y, { reduction: 'none' }).data]).toEqual([0, 4, 9]);
  });

  it('refuses different shapes instead of broadcasting [N] against [N, 1]', () => {
    expect(() => mseLoss(zeros([3, 1]), zeros([3]))).toThrow('mseLoss: target size ([3]) must be the same as input size ([3, 1])');
    expect(() => mseLoss(zeros([3]), zeros([3]), { reduction: 'max' as Reduction })).toThrow('max is not a valid value for reduction');
  });
});
