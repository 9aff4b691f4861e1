// The fully connected layer and the layout ops around it (flatten, permute,
// transpose, cat): TF.js where it has the op, a naive float64 reference otherwise.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  arange,
  cat,
  flatten,
  linear,
  listBackends,
  permute,
  sum,
  tensor,
  transpose,
  withBackend,
  zeros,
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

/** y[r, o] = b[o] + sum_i x[r, i] w[o, i], straight from the definition, in float64. */
function linearNaive(x: Array64, w: Array64, b?: Array64): Float64Array {
  const [outF, inF] = w.shape;
  const rows = x.data.length / inF;
  const y = new Float64Array(rows * outF);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outF; o++) {
      let acc = b ? b.data[o] : 0;
      for (let i = 0; i < inF; i++) acc += x.data[r * inF + i] * w.data[o * inF + i];
      y[r * outF + o] = acc;
    }
  }
  return y;
}

for (const backend of listBackends()) {
  describe(`linear on the ${backend} backend`, () => {
    it('matches TF.js (x W^T + b) forward and gradients for random shapes and leading dims', () => {
      withBackend(backend, () => {
        const rng = seeded(31);
        for (let trial = 0; trial < 30; trial++) {
          const lead = Array.from({ length: randomInt(rng, 0, 3) }, () => randomInt(rng, 1, 4));
          const inF = randomInt(rng, 1, 12);
          const outF = randomInt(rng, 1, 12);
          const withBias = rng.next() < 0.7;
          const x = randomTensor([...lead, inF], rng, { requiresGrad: true });
          const w = randomTensor([outF, inF], rng, { requiresGrad: true });
          const b = withBias ? randomTensor([outF], rng, { requiresGrad: true }) : null;
          const y = linear(x, w, b);
          expect(y.shape).toEqual([...lead, outF]);
          const dy = randomTensor(y.shape, rng);
          y.backward(dy);
          const rows = x.numel() / inF;
          const want = tf.tidy(() => {
            const f = (p: any, q: any, r?: any) => {
              const out = tf.matMul(p, q, false, true);
              return r ? tf.add(out, r) : out;
            };
            const args = [tf.tensor(x.data, [rows, inF]), tf.tensor(w.data, [outF, inF])];
            if (b) args.push(tf.tensor(b.data, [outF]));
            const out = (f as any)(...args);
            const grads = tf.grads(f as any)(args, tf.tensor(dy.data, [rows, outF]));
            return { y: out.dataSync().slice(), grads: grads.map((g) => g.dataSync().slice()) };
          });
          const tol = { atol: 1e-5, rtol: 1e-5 };
          const what = `linear ${JSON.stringify(x.shape)} -> ${outF}${b ? ' with bias' : ''}`;
          expectClose(y.data, want.y, tol, what);
          expectClose(x.grad!.data, want.grads[0], tol, `${what} dx`);
          expectClose(w.grad!.data, want.grads[1], tol, `${what} dW`);
          if (b) expectClose(b.grad!.data, want.grads[2], tol, `${what} db`);
        }
      });
    });

    it('passes a float64 gradient check on input, weight and bias', () => {
      withBackend(backend, () => {
        const rng = seeded(32);
        const x = randomTensor([2, 3, 5], rng, { requiresGrad: true });
        const w = randomTensor([4, 5], rng, { requiresGrad: true });
        const b = randomTensor([4], rng, { requiresGrad: true });
        const report = gradcheck(linear, [x, w, b], { reference: linearNaive });
        expect(report.checked).toBe(30 + 20 + 4);
        const unbiased = gradcheck((p, q) => linear(p, q), [x, w], { reference: (p, q) => linearNaive(p, q) });
        expect(unbiased.checked).toBe(50);
      });
    });

    it('handles a 1-D input as one row', () => {
      withBackend(backend, () => {
        const y = linear(tensor([1, 2]), tensor([[1, 1], [2, -1], [0, 3]]), tensor([0.5, 0, -1]));
        expect(y.shape).toEqual([3]);
        expect([...y.data]).toEqual([3.5, 0, 5]);
      });
    });

    it("raises PyTorch's errors for mismatched shapes", () => {
      withBackend(backend, () => {
        expect(() => linear(zeros([2, 5]), zeros([3, 4]))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)');
        expect(() => linear(zeros([2, 3, 5]), zeros([3, 4]))).toThrow('mat1 and mat2 shapes cannot be multiplied (6x5 and 4x3)');
        expect(() => linear(zeros([5]), zeros([3, 4]))).toThrow('mat1 and mat2 shapes cannot be multiplied (1x5 and 4x3)');
        expect(() => linear(zeros([2, 4]), zeros([4]))).toThrow('linear: weight must be 2-D [out_features, in_features], got shape [4]');
        expect(() => linear(zeros([2, 4]), zeros([3, 4]), zeros([4]))).toThrow(
          'linear: bias must have shape [3] to match weight [3, 4], got [4]',
        );
        expect(() => linear(tensor(1), zeros([3, 1]))).toThrow('linear: input must have at least 1 dimension, got a 0-d tensor');
      });
    });
  });
}

describe('flatten', () => {
  it('flattens everything by default, batch included (the lesson-12 bug), and from dim 1 when asked', () => {
    const x = zeros([2, 32, 32, 32]);
    expect(flatten(x).shape).toEqual([65536]);
    expect(flatten(x, 1).shape).toEqual([2, 32768]);
    expect(flatten(x, 1, 2).shape).toEqual([2, 1024, 32]);
    expect(flatten(x, -2).shape).toEqual([2, 32, 1024]);
    expect(flatten(x, 2, 2).shape).toEqual([2, 32, 32, 32]);
    expect(flatten(tensor(4)).shape).toEqual([1]);
  });

  it('keeps row-major order and passes the gradient back unchanged', () => {
    const rng = seeded(33);
    const x = randomTensor([2, 3, 2, 2], rng, { requiresGrad: true });
    const y = flatten(x, 1);
    expect([...y.data]).toEqual([...x.data]);
    const report = gradcheck((t) => flatten(t, 1), [x], { reference: (a) => a.data });
    expect(report.checked).toBe(24);
    expect(x.grad!.shape).toEqual([2, 3, 2, 2]);
  });

  it('rejects reversed or out-of-range dims', () => {
    expect(() => flatten(zeros([2, 3, 4]), 2, 1)).toThrow(
      'flatten() has invalid args: start_dim cannot come after end_dim (got startDim=2, endDim=1)',
    );
    expect(() => flatten(zeros([2, 3]), 3)).toThrow('flatten: Dimension out of range (expected to be in range of [-2, 1], but got 3)');
  });
});

/** out[i0..] = x[i_perm...], by explicit index arithmetic in float64. */
function permuteNaive(x: Array64, dims: readonly number[]): Float64Array {
  const outShape = dims.map((d) => x.shape[d]);
  const out = new Float64Array(x.data.length);
  for (let k = 0; k < out.length; k++) {
    let rest = k;
    const outIndex = new Array<number>(outShape.length);
    for (let d = outShape.length - 1; d >= 0; d--) {
      outIndex[d] = rest % outShape[d];
      rest = Math.floor(rest / outShape[d]);
    }
    const inIndex = new Array<number>(x.shape.length);
    dims.forEach((d, i) => (inIndex[d] = outIndex[i]));
    let at = 0;
    for (let d = 0; d < x.shape.length; d++) at = at * x.shape[d] + inIndex[d];
    out[k] = x.data[at];
  }
  return out;
}

describe('permute and transpose', () => {
  it('match TF.js transpose on random shapes, with gradients', () => {
    const rng = seeded(34);
    for (let trial = 0; trial < 20; trial++) {
      const shape = Array.from({ length: randomInt(rng, 1, 5) }, () => randomInt(rng, 1, 4));
      const dims = rng.shuffle([...shape.keys()]);
      const x = randomTensor(shape, rng, { requiresGrad: true });
      const y = permute(x, dims);
      const dy = randomTensor(y.shape, rng);
      y.backward(dy);
      const want = tf.tidy(() => {
        const tx = tf.tensor(x.data, shape);
        const [gx] = tf.grads((p: any) => tf.transpose(p, dims))([tx], tf.tensor(dy.data, y.shape as number[]));
        return { y: tf.transpose(tx, dims).dataSync().slice(), shape: tf.transpose(tx, dims).shape, gx: gx.dataSync().slice() };
      });
      expect(y.shape).toEqual(want.shape);
      expectClose(y.data, want.y, { atol: 0, rtol: 0 }, `permute ${JSON.stringify(dims)}`);
      expectClose(x.grad!.data, want.gx, { atol: 0, rtol: 0 }, 'permute gradient');
    }
  });

  it('passes a gradient check and agrees with the naive definition', () => {
    const rng = seeded(35);
    const x = randomTensor([2, 3, 4, 2], rng, { requiresGrad: true });
    gradcheck((t) => permute(t, [0, 2, 3, 1]), [x], { reference: (a) => permuteNaive(a, [0, 2, 3, 1]) });
    gradcheck((t) => transpose(t, 1, -1), [x], { reference: (a) => permuteNaive(a, [0, 3, 2, 1]) });
    const m = arange(6).reshape(2, 3);
    expect(transpose(m, 0, 1).toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it("rejects bad orderings with PyTorch's messages", () => {
    const x = zeros([2, 3, 4]);
    expect(() => permute(x, [0, 1])).toThrow(
      'permute(): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2',
    );
    expect(() => permute(x, [0, 1, 1])).toThrow('permute(): duplicate dims are not allowed (got [0, 1, 1])');
    expect(() => transpose(x, 0, 3)).toThrow('transpose: Dimension out of range (expected to be in range of [-3, 2], but got 3)');
  });
});

describe('cat', () => {
  it('matches TF.js concat along every dim, with gradients split back', () => {
    const rng = seeded(36);
    for (let trial = 0; trial < 20; trial++) {
      const base = Array.from({ length: randomInt(rng, 1, 4) }, () => randomInt(rng, 1, 3));
      const dim = randomInt(rng, 0, base.length - 1);
      const parts: Tensor[] = Array.from({ length: randomInt(rng, 1, 3) }, () => {
        const shape = [...base];
        shape[dim] = randomInt(rng, 0, 3);
        return randomTensor(shape, rng, { requiresGrad: true });
      });
      const y = cat(parts, dim - (rng.next() < 0.5 ? base.length : 0));
      const dy = randomTensor(y.shape, rng);
      y.backward(dy);
      const want = tf.tidy(() => {
        const ts = parts.map((p) => tf.tensor(p.data, p.shape as number[]));
        const out = tf.concat(ts, dim);
        const grads = tf.grads((...args: any[]) => tf.concat(args, dim))(ts, tf.tensor(dy.data, out.shape));
        return { y: out.dataSync().slice(), shape: out.shape, grads: grads.map((g) => g.dataSync().slice()) };
      });
      expect(y.shape).toEqual(want.shape);
      expectClose(y.data, want.y, { atol: 0, rtol: 0 }, 'cat');
      parts.forEach((p, i) => expectClose(p.grad?.data ?? [], want.grads[i], { atol: 0, rtol: 0 }, `cat gradient ${i}`));
    }
  });

  it('stacks channels of NCHW batches', () => {
    const a = tensor([1, 2, 3, 4], [1, 1, 2, 2]);
    const b = tensor([5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 2, 2]);
    const y = cat([a, b], 1);
    expect(y.shape).toEqual([1, 3, 2, 2]);
    expect([...y.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const x = tensor([1, 2], [2], { requiresGrad: true });
    sum(cat([x, x, tensor([5])])).backward();
    expect([...x.grad!.data]).toEqual([2, 2]);
  });

  it("rejects mismatched inputs with PyTorch's messages", () => {
    expect(() => cat([])).toThrow('torch.cat(): expected a non-empty list of Tensors');
    expect(() => cat([zeros([2, 3]), zeros([2])])).toThrow('Tensors must have same number of dimensions: got 2 and 1');
    expect(() => cat([zeros([2, 3]), zeros([3, 3])], 1)).toThrow(
      'Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.',
    );
    expect(() => cat([tensor(1)])).toThrow('zero-dimensional tensor (at position 0) cannot be concatenated');
  });
});
