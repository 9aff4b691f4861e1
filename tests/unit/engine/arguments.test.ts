// Arguments of the wrong kind get a message that names the argument and what was
// expected, in PyTorch's words ("relu(): argument 'input' (position 1) must be
// Tensor, not list"), instead of a bare "Cannot read properties of undefined"
// from deep inside an op. And tensor() refuses values that are not numbers,
// rather than storing NaN.
import { describe, expect, it } from 'vitest';
import {
  abs,
  adaptiveAvgPool2d,
  add,
  argmax,
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
  pad,
  permute,
  pow,
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
  zeros,
} from '../../../src/engine/index.ts';

/** What a learner coming from Python might pass: nested lists instead of a tensor. */
const plain = [[1, 2], [3, 4]] as unknown as never;
const x4 = () => zeros([1, 1, 4, 4]);

describe('every functional op names a non-tensor argument', () => {
  // [call, the message]; each call passes a plain array where a tensor belongs.
  const cases: [string, () => unknown, string][] = [
    ['conv2d input', () => conv2d(plain, x4()), "conv2d(): argument 'input' (position 1) must be Tensor, not Array"],
    ['conv2d weight', () => conv2d(x4(), plain), "conv2d(): argument 'weight' (position 2) must be Tensor, not Array"],
    ['conv2d bias', () => conv2d(x4(), zeros([1, 1, 3, 3]), plain), "conv2d(): argument 'bias' (position 3) must be Tensor, not Array"],
    ['maxPool2d', () => maxPool2d(plain, { kernelSize: 2 }), "maxPool2d(): argument 'input' (position 1) must be Tensor, not Array"],
    ['avgPool2d', () => avgPool2d(plain, { kernelSize: 2 }), "avgPool2d(): argument 'input' (position 1) must be Tensor, not Array"],
    ['adaptiveAvgPool2d', () => adaptiveAvgPool2d(plain, 1), "adaptiveAvgPool2d(): argument 'input' (position 1) must be Tensor, not Array"],
    ['linear input', () => linear(plain, zeros([2, 2])), "linear(): argument 'input' (position 1) must be Tensor, not Array"],
    ['linear weight', () => linear(zeros([2, 2]), plain), "linear(): argument 'weight' (position 2) must be Tensor, not Array"],
    ['linear bias', () => linear(zeros([2, 2]), zeros([2, 2]), plain), "linear(): argument 'bias' (position 3) must be Tensor, not Array"],
    ['flatten', () => flatten(plain), "flatten(): argument 'input' (position 1) must be Tensor, not Array"],
    ['permute', () => permute(plain, [1, 0]), "permute(): argument 'input' (position 1) must be Tensor, not Array"],
    ['transpose', () => transpose(plain, 0, 1), "transpose(): argument 'input' (position 1) must be Tensor, not Array"],
    ['cat of a tensor', () => cat(zeros([2]) as unknown as never), "cat(): argument 'tensors' (position 1) must be a list of Tensors, not Tensor"],
    ['cat with a list inside', () => cat([zeros([2]), [1, 2] as unknown as never]), 'cat(): expected Tensor as element 1 in argument 0, but got Array'],
    ['reshape', () => reshape(plain, [4]), "reshape(): argument 'input' (position 1) must be Tensor, not Array"],
    ['pad', () => pad(plain, [1, 1]), "pad(): argument 'input' (position 1) must be Tensor, not Array"],
    ['relu', () => relu(plain), "relu(): argument 'input' (position 1) must be Tensor, not Array"],
    ['leakyRelu', () => leakyRelu(plain), "leakyRelu(): argument 'input' (position 1) must be Tensor, not Array"],
    ['rrelu', () => rrelu(plain), "rrelu(): argument 'input' (position 1) must be Tensor, not Array"],
    ['sigmoid', () => sigmoid(plain), "sigmoid(): argument 'input' (position 1) must be Tensor, not Array"],
    ['tanh', () => tanh(plain), "tanh(): argument 'input' (position 1) must be Tensor, not Array"],
    ['softmax', () => softmax(plain, 1), "softmax(): argument 'input' (position 1) must be Tensor, not Array"],
    ['logSoftmax', () => logSoftmax(plain, 1), "logSoftmax(): argument 'input' (position 1) must be Tensor, not Array"],
    ['batchNorm', () => batchNorm(plain, null, null), "batchNorm(): argument 'input' (position 1) must be Tensor, not Array"],
    ['batchNorm running mean', () => batchNorm(zeros([2, 2]), plain, null), "batchNorm(): argument 'runningMean' (position 2) must be Tensor, not Array"],
    ['localResponseNorm', () => localResponseNorm(plain, 2), "localResponseNorm(): argument 'input' (position 1) must be Tensor, not Array"],
    ['dropout', () => dropout(plain), "dropout(): argument 'input' (position 1) must be Tensor, not Array"],
    ['crossEntropy', () => crossEntropy(plain, [0, 1]), "crossEntropy(): argument 'input' (position 1) must be Tensor, not Array"],
    ['nllLoss', () => nllLoss(plain, [0, 1]), "nllLoss(): argument 'input' (position 1) must be Tensor, not Array"],
    ['mseLoss input', () => mseLoss(plain, zeros([2])), "mseLoss(): argument 'input' (position 1) must be Tensor, not Array"],
    ['mseLoss target', () => mseLoss(zeros([2]), plain), "mseLoss(): argument 'target' (position 2) must be Tensor, not Array"],
    ['matmul', () => matmul(zeros([2, 2]), plain), "matmul(): argument 'other' (position 2) must be Tensor, not Array"],
    ['sum', () => sum(plain), "sum(): argument 'input' (position 1) must be Tensor, not Array"],
    ['mean', () => mean(plain), "mean(): argument 'input' (position 1) must be Tensor, not Array"],
    ['argmax', () => argmax(plain, 0), "argmax(): argument 'input' (position 1) must be Tensor, not Array"],
    ['add', () => add(plain, 1), "add(): argument 'input' (position 1) must be Tensor or number, not Array"],
    ['sub', () => sub(zeros([2]), plain), "sub(): argument 'other' (position 2) must be Tensor or number, not Array"],
    ['mul', () => mul(zeros([2]), '2' as unknown as number), "mul(): argument 'other' (position 2) must be Tensor or number, not string"],
    ['div', () => div(null as unknown as number, 2), "div(): argument 'input' (position 1) must be Tensor or number, not null"],
    ['maximum', () => maximum(zeros([2]), plain), "maximum(): argument 'other' (position 2) must be Tensor or number, not Array"],
    ['neg', () => neg(plain), "neg(): argument 'input' (position 1) must be Tensor, not Array"],
    ['exp', () => exp(plain), "exp(): argument 'input' (position 1) must be Tensor, not Array"],
    ['log', () => log(plain), "log(): argument 'input' (position 1) must be Tensor, not Array"],
    ['sqrt', () => sqrt(plain), "sqrt(): argument 'input' (position 1) must be Tensor, not Array"],
    ['pow', () => pow(plain, 2), "pow(): argument 'input' (position 1) must be Tensor, not Array"],
    ['abs', () => abs(plain), "abs(): argument 'input' (position 1) must be Tensor, not Array"],
    ['clamp', () => clamp(plain, 0, 1), "clamp(): argument 'input' (position 1) must be Tensor, not Array"],
    ['scale', () => scale(plain, 2), "scale(): argument 'input' (position 1) must be Tensor, not Array"],
  ];
  for (const [what, call, message] of cases) {
    it(what, () => {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(message);
    });
  }

  it('names what it got: null, undefined, a number, a string, a typed array, an object', () => {
    const w = zeros([1, 1, 3, 3]);
    const got = (value: unknown) => () => conv2d(value as never, w);
    expect(got(null)).toThrow('must be Tensor, not null');
    expect(got(undefined)).toThrow('must be Tensor, not undefined');
    expect(got(3)).toThrow('must be Tensor, not number');
    expect(got('x')).toThrow('must be Tensor, not string');
    expect(got(new Float32Array(16))).toThrow('must be Tensor, not Float32Array');
    expect(got({ shape: [1, 1, 4, 4] })).toThrow('must be Tensor, not Object');
  });

  it('a missing bias (null or undefined) is still fine', () => {
    expect(conv2d(x4(), zeros([1, 1, 3, 3]), null).shape).toEqual([1, 1, 2, 2]);
    expect(conv2d(x4(), zeros([1, 1, 3, 3]), undefined).shape).toEqual([1, 1, 2, 2]);
    expect(linear(zeros([2, 3]), zeros([4, 3]), null).shape).toEqual([2, 4]);
  });
});

describe('pooling without its options object', () => {
  it('maxPool2d(x) and avgPool2d(x) say that kernelSize is missing', () => {
    expect(() => maxPool2d(x4(), undefined as never)).toThrow(TypeError);
    expect(() => maxPool2d(x4(), undefined as never)).toThrow(
      "maxPool2d() missing 1 required argument: 'kernelSize' (pass the options, e.g. maxPool2d(input, { kernelSize: 2 }))",
    );
    expect(() => avgPool2d(x4(), undefined as never)).toThrow(
      "avgPool2d() missing 1 required argument: 'kernelSize' (pass the options, e.g. avgPool2d(input, { kernelSize: 2 }))",
    );
    expect(() => maxPool2d(x4(), {} as never)).toThrow("maxPool2d() missing 1 required argument: 'kernelSize'");
  });

  it('a bare kernel size, as F.max_pool2d(x, 2) takes it, is refused with the right form', () => {
    expect(() => maxPool2d(x4(), 2 as never)).toThrow(
      "maxPool2d(): argument 'options' (position 2) must be an options object such as { kernelSize: 2 }, not number",
    );
    expect(() => avgPool2d(x4(), [2, 2] as never)).toThrow(
      "avgPool2d(): argument 'options' (position 2) must be an options object such as { kernelSize: 2 }, not Array",
    );
  });
});

describe('tensor() takes numbers only', () => {
  it("refuses strings, booleans, null and undefined, naming the position (tensor(['a', 'b']) gave NaN)", () => {
    expect(() => tensor(['a', 'b'] as never)).toThrow("tensor: expected a number at [0], but got string 'a'");
    expect(() => tensor([1, '2'] as never)).toThrow("tensor: expected a number at [1], but got string '2'");
    expect(() => tensor([[1, 2], [3, 'x']] as never)).toThrow("tensor: expected a number at [1][1], but got string 'x'");
    expect(() => tensor([1, null] as never)).toThrow('tensor: expected a number at [1], but got null');
    expect(() => tensor([undefined] as never)).toThrow('tensor: expected a number at [0], but got undefined');
    expect(() => tensor([true, false] as never)).toThrow('tensor: expected a number at [0], but got boolean true');
    expect(() => tensor([1, 2], [2], {}).shape).not.toThrow();
  });

  it('refuses a values argument that is not a number, an array or a typed array', () => {
    const message = "tensor(): argument 'values' (position 1) must be a number, an array of numbers or a typed array, not";
    expect(() => tensor('12' as never)).toThrow(`${message} string`);
    expect(() => tensor(null as never)).toThrow(`${message} null`);
    expect(() => tensor(undefined as never)).toThrow(`${message} undefined`);
    expect(() => tensor({ 0: 1, length: 1 } as never)).not.toThrow();
  });

  it('refuses ragged and mixed nesting, as PyTorch does', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow('tensor: expected sequence of length 2 at dim 1 (got 1)');
    expect(() => tensor([[[1], [2]], [[3], [4, 5]]])).toThrow('tensor: expected sequence of length 1 at dim 2 (got 2)');
    expect(() => tensor([[1, 2], 3] as never)).toThrow('tensor: expected sequence of length 2 at dim 1 (got number)');
    expect(() => tensor([1, [2, 3]] as never)).toThrow('tensor: expected a number at [1], but got Array');
    expect(() => tensor([[], [1]])).toThrow('tensor: expected sequence of length 0 at dim 1 (got 1)');
  });

  it('still takes every kind of number: NaN and infinities, typed arrays, nested arrays, a scalar', () => {
    expect([...tensor([NaN, Infinity, -Infinity]).data]).toEqual([NaN, Infinity, -Infinity]);
    expect([...tensor(Int32Array.of(1, 2, 3)).data]).toEqual([1, 2, 3]);
    expect(tensor([[1, 2], [3, 4]]).shape).toEqual([2, 2]);
    expect(tensor(5).item()).toBe(5);
    expect(tensor([]).shape).toEqual([0]);
  });
});
