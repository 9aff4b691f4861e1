// A second backward() through the same graph, as PyTorch handles it: a node that
// saved tensors in the forward pass (an input or its output, to compute its
// derivative) frees them after one backward, so going through it again is an
// error unless the first call kept the graph ({ retainGraph: true }, PyTorch's
// retain_graph=True). Nodes that saved nothing (add, reshape, sum, ...) can be
// walked again, and then the gradients simply accumulate.
//
// Which op raises and which does not was read off real PyTorch 1.13: for each
// op, y = op(x); y.backward(ones); y.backward(ones).
import { describe, expect, it } from 'vitest';
import {
  Tensor,
  abs,
  adaptiveAvgPool2d,
  add,
  avgPool2d,
  batchNorm,
  cat,
  clamp,
  conv2d,
  crossEntropy,
  div,
  dropout,
  exp,
  flatten,
  leakyRelu,
  linear,
  listBackends,
  localResponseNorm,
  log,
  logSoftmax,
  matmul,
  maxPool2d,
  maximum,
  mean,
  mseLoss,
  mul,
  neg,
  nllLoss,
  ones,
  pad,
  permute,
  pow,
  randn,
  relu,
  reshape,
  rrelu,
  scale,
  sigmoid,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  tensor,
  transpose,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';

const SECOND_TIME =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retainGraph: true (PyTorch: retain_graph=True) if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

/** A leaf of the given shape that requires grad (seeded, so no value is zero by accident). */
const leaf = (shape: number[], seed = 1) => randn(shape, { seed, requiresGrad: true });
/** A constant of the given shape. */
const constant = (shape: number[], seed = 2) => randn(shape, { seed });
/** Positive leaf values, for log and sqrt. */
const positiveLeaf = (shape: number[]) => {
  const t = leaf(shape);
  t.data = t.data.map((v) => Math.abs(v) + 0.5);
  return t;
};

/** Backward with a gradient of ones, the way the PyTorch probe did it. */
const backwardOnes = (y: Tensor, options?: { retainGraph?: boolean }) => y.backward(ones([...y.shape]), options);

// [what, build the output] for ops whose PyTorch node saves nothing: a second backward works.
const savesNothing: [string, () => Tensor][] = [
  ['add(x, x)', () => ((x) => add(x, x))(leaf([3]))],
  ['add(x, constant)', () => add(leaf([3]), constant([3]))],
  ['add(x, 2)', () => add(leaf([3]), 2)],
  ['sub(x, constant)', () => sub(leaf([3]), constant([3]))],
  ['neg', () => neg(leaf([3]))],
  ['reshape', () => reshape(leaf([6]), [2, 3])],
  ['Tensor.reshape', () => leaf([6]).reshape(3, 2)],
  ['flatten', () => flatten(leaf([2, 3]))],
  ['permute', () => permute(leaf([2, 3]), [1, 0])],
  ['transpose', () => transpose(leaf([2, 3]), 0, 1)],
  ['cat', () => cat([leaf([2]), constant([2])])],
  ['clone', () => leaf([3]).clone()],
  ['sum', () => sum(leaf([3]))],
  ['sum over a dimension', () => sum(leaf([2, 3]), 1)],
  ['mean', () => mean(leaf([3]))],
  ['constant pad', () => pad(leaf([1, 1, 3]), [1, 1])],
  ['linear where only the bias needs a gradient', () => linear(constant([2, 3]), constant([4, 3], 3), leaf([4]))],
  ['dropout in evaluation (the identity)', () => dropout(add(leaf([4]), 1), { training: false })],
];

// Ops whose PyTorch node saves a tensor: the second backward raises.
const savesTensors: [string, () => Tensor][] = [
  ['mul(x, 2)', () => mul(leaf([3]), 2)],
  ['mul(x, constant)', () => mul(leaf([3]), constant([3]))],
  ['scale(x, 2) (PyTorch: x * 2)', () => scale(leaf([3]), 2)],
  ['div(x, 2)', () => div(leaf([3]), 2)],
  ['div(constant, x)', () => div(constant([3]), leaf([3]))],
  ['exp', () => exp(leaf([3]))],
  ['log', () => log(positiveLeaf([3]))],
  ['sqrt', () => sqrt(positiveLeaf([3]))],
  ['pow(x, 2)', () => pow(leaf([3]), 2)],
  ['pow(x, 0)', () => pow(leaf([3]), 0)],
  ['abs', () => abs(leaf([3]))],
  ['clamp', () => clamp(leaf([3]), -1, 1)],
  ['maximum', () => maximum(leaf([3]), constant([3]))],
  ['matmul', () => matmul(leaf([2, 3]), constant([3, 2]))],
  ['linear', () => linear(leaf([2, 3]), constant([4, 3]))],
  ['linear where only the weight needs a gradient', () => linear(constant([2, 3]), leaf([4, 3]))],
  ['conv2d', () => conv2d(leaf([1, 1, 4, 4]), constant([1, 1, 3, 3]))],
  ['conv2d where only the bias needs a gradient', () => conv2d(constant([1, 1, 4, 4]), constant([1, 1, 3, 3], 3), leaf([1]))],
  ['maxPool2d', () => maxPool2d(leaf([1, 1, 4, 4]), { kernelSize: 2 })],
  ['avgPool2d', () => avgPool2d(leaf([1, 1, 4, 4]), { kernelSize: 2 })],
  ['adaptiveAvgPool2d', () => adaptiveAvgPool2d(leaf([1, 1, 4, 4]), 2)],
  ['reflect pad', () => pad(leaf([1, 1, 3]), [1, 1], 'reflect')],
  ['replicate pad', () => pad(leaf([1, 1, 3]), [1, 1], 'replicate')],
  ['circular pad', () => pad(leaf([1, 1, 3]), [1, 1], 'circular')],
  ['relu', () => relu(leaf([3]))],
  ['leakyRelu', () => leakyRelu(leaf([3]))],
  ['rrelu in evaluation', () => rrelu(leaf([3]))],
  ['rrelu in training', () => rrelu(leaf([3]), { training: true, seed: 1 })],
  ['sigmoid', () => sigmoid(leaf([3]))],
  ['tanh', () => tanh(leaf([3]))],
  ['softmax', () => softmax(leaf([2, 3]), 1)],
  ['logSoftmax', () => logSoftmax(leaf([2, 3]), 1)],
  ['batchNorm in training', () => batchNorm(leaf([2, 3, 2, 2]), null, null, null, null, { training: true })],
  ['batchNorm in evaluation', () => batchNorm(leaf([2, 3, 2, 2]), zeros([3]), ones([3]), null, null, { training: false })],
  ['localResponseNorm', () => localResponseNorm(leaf([1, 4, 2, 2]), 2)],
  ['dropout in training', () => dropout(leaf([10]), { p: 0.5, seed: 1 })],
  ['crossEntropy', () => crossEntropy(leaf([2, 3]), [0, 2])],
  ['nllLoss', () => nllLoss(leaf([2, 3]), [0, 2])],
  ['mseLoss', () => mseLoss(leaf([3]), constant([3]))],
  ['sum(x * x)', () => ((x) => sum(mul(x, x)))(leaf([3]))],
];

for (const backend of listBackends()) {
  describe(`a second backward() on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);

    for (const [what, build] of savesNothing) {
      it(`walks ${what} again (it saved nothing) and accumulates`, () =>
        run(() => {
          const y = build();
          backwardOnes(y);
          const leaves = leavesOf(y);
          const once = leaves.map((t) => [...t.grad!.data]);
          backwardOnes(y);
          expect(leaves.map((t) => [...t.grad!.data])).toEqual(once.map((g) => g.map((v) => 2 * v)));
        }));
    }

    for (const [what, build] of savesTensors) {
      it(`refuses to go through ${what} again, with PyTorch's message`, () =>
        run(() => {
          const y = build();
          backwardOnes(y);
          expect(() => backwardOnes(y)).toThrow(SECOND_TIME);
        }));

      it(`goes through ${what} again when the first call kept the graph`, () =>
        run(() => {
          const y = build();
          backwardOnes(y, { retainGraph: true });
          const leaves = leavesOf(y);
          const once = leaves.map((t) => [...t.grad!.data]);
          backwardOnes(y);
          expect(leaves.map((t) => [...t.grad!.data])).toEqual(once.map((g) => g.map((v) => 2 * v)));
        }));
    }
  });
}

/** The leaves that require grad, found by walking the graph from `y`. */
function leavesOf(y: Tensor): Tensor[] {
  const found = new Set<Tensor>();
  const walk = (t: Tensor) => {
    if (t.gradFn === null) {
      if (t.requiresGrad) found.add(t);
      return;
    }
    t.gradFn.parents.forEach(walk);
  };
  walk(y);
  return [...found];
}

describe('backward() twice, the cases PyTorch distinguishes', () => {
  it('a leaf on its own can be walked any number of times', () => {
    const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
    x.backward(ones([3]));
    x.backward(ones([3]));
    expect([...x.grad!.data]).toEqual([2, 2, 2]);
  });

  it('retainGraph keeps the graph for one more call only, as retain_graph=True', () => {
    const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
    const y = sum(mul(x, x));
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect([...x.grad!.data]).toEqual([4, 8, 12]);
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
  });

  it('retainGraph: false is the default', () => {
    const x = tensor([1, 2], undefined, { requiresGrad: true });
    const y = sum(mul(x, x));
    y.backward(undefined, { retainGraph: false });
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
  });

  it('a second loss that reaches a freed node that saved tensors raises', () => {
    const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
    const h = mul(x, x);
    sum(h).backward();
    expect(() => sum(add(h, 1)).backward()).toThrow('Trying to backward through the graph a second time');
  });

  it('a second loss whose path shares only nodes that saved nothing works', () => {
    const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
    const h = add(x, 1);
    sum(mul(h, h)).backward();
    sum(add(h, 1)).backward();
    // 2 (x + 1) from the first loss, then 1 from the second.
    expect([...x.grad!.data]).toEqual([5, 7, 9]);
  });

  it('a refused backward() writes no gradient at all (PyTorch may already have written some)', () => {
    const a = tensor([1, 2, 3], undefined, { requiresGrad: true });
    const b = tensor([1, 1, 1], undefined, { requiresGrad: true });
    const y = add(sum(mul(a, a)), sum(b));
    y.backward();
    a.grad = null;
    b.grad = null;
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
    expect([a.grad, b.grad]).toEqual([null, null]);
  });

  it('a training loop that builds a fresh graph every step never meets the error', () => {
    const w = tensor([0.5], [1], { requiresGrad: true });
    for (let step = 0; step < 3; step++) {
      w.grad = null;
      sum(mul(w, w)).backward();
    }
    expect(w.grad!.item()).toBeCloseTo(1, 6);
  });
});
