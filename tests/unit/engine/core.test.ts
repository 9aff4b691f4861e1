// The engine core: tensors, creation, reshape, the autograd walk, grad modes,
// seeded randomness and matmul (checked against TF.js).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Random,
  Tensor,
  add,
  arange,
  full,
  getBackend,
  listBackends,
  manualSeed,
  matmul,
  mul,
  noGrad,
  normalizeDim,
  ones,
  rand,
  randn,
  reshape,
  sum,
  tensor,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import { loadTf } from './helpers/tf.ts';
import { randomInt, randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

type Tf = Awaited<ReturnType<typeof loadTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

describe('tensor creation', () => {
  it('infers shapes from nested arrays and accepts flat data with a shape', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(a.shape).toEqual([2, 3]);
    expect([...a.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    expect(b.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(tensor(Float32Array.from([7, 8])).shape).toEqual([2]);
    const s = tensor(3.5);
    expect(s.shape).toEqual([]);
    expect(s.ndim).toBe(0);
    expect(s.item()).toBe(3.5);
    expect(s.toArray()).toBe(3.5);
    expect(tensor([]).shape).toEqual([0]);
  });

  it('makes filled tensors and ranges', () => {
    expect([...zeros([2, 2]).data]).toEqual([0, 0, 0, 0]);
    expect([...ones([3]).data]).toEqual([1, 1, 1]);
    expect([...full([2], 7).data]).toEqual([7, 7]);
    expect(zeros([2, 0, 3]).numel()).toBe(0);
    expect([...arange(4).data]).toEqual([0, 1, 2, 3]);
    expect([...arange(1, 2, 0.25).data]).toEqual([1, 1.25, 1.5, 1.75]);
    expect(ones([2], { requiresGrad: true }).requiresGrad).toBe(true);
  });

  it('reports sizes, with negative dims counting from the end', () => {
    const x = zeros([2, 3, 4]);
    expect(x.size()).toEqual([2, 3, 4]);
    expect(x.size(-1)).toBe(4);
    expect(x.size(0)).toBe(2);
    expect(() => x.size(3)).toThrow('Dimension out of range (expected to be in range of [-3, 2], but got 3)');
    expect(normalizeDim(-1, 0)).toBe(0);
  });

  it('rejects ragged, mis-sized and negative shapes with messages naming the values', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow('tensor: expected sequence of length 2 at dim 1 (got 1)');
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow('tensor: shape [2, 2] is invalid for input of size 3');
    expect(() => zeros([2, -1])).toThrow('full: shape must be a list of non-negative integers, got [2, -1]');
    expect(() => randn([1.5])).toThrow('randn: shape must be a list of non-negative integers, got [1.5]');
    expect(() => new Tensor(new Float32Array(5), [2, 2])).toThrow('Tensor: shape [2, 2] is invalid for input of size 5');
    expect(() => zeros([2]).item()).toThrow('a Tensor with 2 elements cannot be converted to Scalar');
    expect(() => arange(0, 3, 0)).toThrow('arange: step must be nonzero');
  });
});

describe('reshape', () => {
  it('infers one -1 dimension and keeps row-major order', () => {
    const x = arange(24);
    expect(x.reshape(2, -1, 4).shape).toEqual([2, 3, 4]);
    expect(x.reshape([-1, 6]).shape).toEqual([4, 6]);
    const y = reshape(x, [4, 6]);
    expect((y.toArray() as number[][])[1]).toEqual([6, 7, 8, 9, 10, 11]);
    expect(tensor(5).reshape(-1).shape).toEqual([1]);
  });

  it("rejects shapes that do not fit with PyTorch's messages", () => {
    const x = arange(24);
    expect(() => x.reshape(5, -1)).toThrow("shape '[5, -1]' is invalid for input of size 24");
    expect(() => x.reshape(5, 5)).toThrow("shape '[5, 5]' is invalid for input of size 24");
    expect(() => x.reshape(-1, -1)).toThrow('only one dimension can be inferred');
    expect(() => x.reshape(-2, -12)).toThrow('reshape: invalid shape dimension -2');
  });

  it('passes the gradient back unchanged', () => {
    const x = randomTensor([2, 6], seeded(3), { requiresGrad: true });
    const report = gradcheck((t) => mul(reshape(t, [3, 4]), reshape(t, [3, 4])), [x], {
      reference: (a) => a.data.map((v) => v * v),
    });
    expect(report.checked).toBe(12);
  });
});

describe('autograd', () => {
  it('sums the gradients of a tensor used twice (a diamond-shaped graph)', () => {
    // a = 2x, b = 3x, c = a * b = 6x^2, so dc/dx = 12x.
    const x = tensor([1, -2, 0.5], [3], { requiresGrad: true });
    const c = mul(mul(x, 2), mul(x, 3));
    sum(c).backward();
    expect([...x.grad!.data]).toEqual([12, -24, 6]);
  });

  it('handles a tensor added to itself and deep chains sharing a node', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const y = add(x, x); // dy/dx = 2
    const z = add(mul(y, y), y); // 4x^2 + 2x -> 8x + 2
    sum(z).backward();
    expect([...x.grad!.data]).toEqual([10, 18]);
  });

  it('accumulates .grad over successive backward calls, as PyTorch does', () => {
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    sum(mul(x, x)).backward();
    sum(mul(x, x)).backward();
    expect([...x.grad!.data]).toEqual([4, 8, 12]);
  });

  it('keeps .grad on intermediates only with retainGrad()', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const kept = mul(x, 3).retainGrad();
    const dropped = mul(x, 5);
    sum(mul(kept, dropped)).backward();
    expect([...kept.grad!.data]).toEqual([5, 10]); // d/dkept = dropped = 5x
    expect(dropped.grad).toBeNull();
    expect([...x.grad!.data]).toEqual([30, 60]); // d(15x^2)/dx
    expect(kept.isLeaf).toBe(false);
    expect(x.isLeaf).toBe(true);
  });

  it('backpropagates a given output gradient for non-scalar outputs', () => {
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    mul(x, x).backward(tensor([1, 0, -1]));
    expect([...x.grad!.data]).toEqual([2, 0, -6]);
  });

  it('records nothing inside noGrad, and restores the mode after a throw', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const y = noGrad(() => mul(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(() =>
      noGrad(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(mul(x, x).requiresGrad).toBe(true);
  });

  it('does not track tensors that need no gradient', () => {
    const a = tensor([1, 2], [2], { requiresGrad: true });
    const b = tensor([3, 4]);
    sum(mul(a, b)).backward();
    expect(b.grad).toBeNull();
    expect([...a.grad!.data]).toEqual([3, 4]);
  });

  it('detach cuts the graph; clone keeps it', () => {
    const x = tensor([2], [1], { requiresGrad: true });
    expect(x.detach().requiresGrad).toBe(false);
    sum(mul(x.clone(), x.detach())).backward();
    expect(x.grad!.item()).toBe(2);
  });

  it("raises PyTorch's errors for impossible backward calls", () => {
    expect(() => tensor([1]).backward()).toThrow('element 0 of tensors does not require grad and does not have a grad_fn');
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const y = mul(x, 2);
    expect(() => y.backward()).toThrow('grad can be implicitly created only for scalar outputs');
    expect(() => y.backward(tensor([1, 2, 3]))).toThrow(
      'Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2].',
    );
    // Same count, other shape: still refused, as in PyTorch.
    expect(() => y.backward(tensor([1, 2], [2, 1]))).toThrow(
      'Mismatch in shape: grad_output[0] has a shape of [2, 1] and output[0] has a shape of [2].',
    );
    expect(() => y.requiresGrad_()).toThrow('you can only change requires_grad flags of leaf variables.');
  });
});

describe('seeded randomness', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    expect([...randn([50], { seed: 7 }).data]).toEqual([...randn([50], { seed: 7 }).data]);
    expect([...rand([50], { seed: 7 }).data]).toEqual([...rand([50], { seed: 7 }).data]);
    expect([...randn([50], { seed: 7 }).data]).not.toEqual([...randn([50], { seed: 8 }).data]);
    manualSeed(123);
    const first = rand([10]).data;
    manualSeed(123);
    expect([...rand([10]).data]).toEqual([...first]);
    const r = new Random(5);
    const values = Array.from({ length: 5 }, () => r.int(3));
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 3)).toBe(true);
  });

  it('has roughly the right moments', () => {
    const n = 200_000;
    const moments = (d: Float32Array) => {
      let m = 0;
      for (const v of d) m += v;
      m /= d.length;
      let v2 = 0;
      for (const v of d) v2 += (v - m) ** 2;
      return { mean: m, variance: v2 / d.length, min: Math.min(...d.subarray(0, 50_000)), max: Math.max(...d.subarray(0, 50_000)) };
    };
    const normal = moments(randn([n], { seed: 1 }).data);
    // Standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032; allow 5 of them.
    expect(Math.abs(normal.mean)).toBeLessThan(0.012);
    expect(Math.abs(normal.variance - 1)).toBeLessThan(0.016);
    const uniform = moments(rand([n], { seed: 2 }).data);
    expect(Math.abs(uniform.mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(uniform.variance - 1 / 12)).toBeLessThan(0.002);
    expect(uniform.min).toBeGreaterThanOrEqual(0);
    expect(uniform.max).toBeLessThan(1);
  });
});

for (const backend of listBackends()) {
  describe(`matmul on the ${backend} backend`, () => {
    it('matches TF.js forward and gradients on random shapes', () => {
      withBackend(backend, () => {
        const rng = seeded(11);
        for (let trial = 0; trial < 20; trial++) {
          const [m, k, n] = [randomInt(rng, 1, 9), randomInt(rng, 1, 9), randomInt(rng, 1, 9)];
          const a = randomTensor([m, k], rng, { requiresGrad: true });
          const b = randomTensor([k, n], rng, { requiresGrad: true });
          const dy = randomTensor([m, n], rng);
          const out = matmul(a, b);
          out.backward(dy);
          const expected = tf.tidy(() => {
            const ta = tf.tensor(a.data, [m, k]);
            const tb = tf.tensor(b.data, [k, n]);
            const y = tf.matMul(ta, tb).dataSync();
            const [ga, gb] = tf.grads((p: any, q: any) => tf.matMul(p, q))([ta, tb], tf.tensor(dy.data, [m, n]));
            return { y: y.slice(), ga: ga.dataSync().slice(), gb: gb.dataSync().slice() };
          });
          expect(out.shape).toEqual([m, n]);
          const tol = { atol: 1e-5, rtol: 1e-5 };
          expectClose(out.data, expected.y, tol, `matmul ${m}x${k} @ ${k}x${n}`);
          expectClose(a.grad!.data, expected.ga, tol, 'dA');
          expectClose(b.grad!.data, expected.gb, tol, 'dB');
        }
      });
    });

    it('passes a float64 gradient check', () => {
      withBackend(backend, () => {
        const rng = seeded(12);
        const a = randomTensor([3, 5], rng, { requiresGrad: true });
        const b = randomTensor([5, 4], rng, { requiresGrad: true });
        const naive = (x: { data: Float64Array }, y: { data: Float64Array }) => {
          const out = new Float64Array(12);
          for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) for (let p = 0; p < 5; p++) out[i * 4 + j] += x.data[i * 5 + p] * y.data[p * 4 + j];
          return out;
        };
        expect(gradcheck(matmul, [a, b], { reference: naive }).checked).toBe(35);
      });
    });

    it('propagates NaN and infinity through a zero factor (0 * NaN and 0 * inf are NaN), as PyTorch does', () => {
      withBackend(backend, () => {
        // Row [0, 1] times a column holding NaN (or inf) opposite the 0: the sum is NaN.
        for (const bad of [NaN, Infinity]) {
          for (const transA of [false, true]) {
            for (const transB of [false, true]) {
              const out = new Float32Array(2);
              const a = Float32Array.of(0, 1); // 1x2, and its own transpose
              const b = transB ? Float32Array.of(bad, 1, 2, 3) : Float32Array.of(bad, 2, 1, 3);
              getBackend().gemm(a, b, out, 1, 2, 2, transA, transB, false);
              expect([...out].map(Number.isNaN), `${bad} transA=${transA} transB=${transB}`).toEqual([true, false]);
            }
          }
        }
        expect(Number.isNaN(matmul(tensor([[0, 1]]), tensor([[NaN], [2]])).item())).toBe(true);
      });
    });

    it("rejects shapes that cannot be multiplied with PyTorch's message", () => {
      withBackend(backend, () => {
        expect(() => matmul(zeros([2, 5]), zeros([4, 3]))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)');
        expect(() => matmul(zeros([5]), zeros([5, 3]))).toThrow('matmul: expected 2-D tensors, got shapes [5] and [5, 3]');
      });
    });
  });
}
