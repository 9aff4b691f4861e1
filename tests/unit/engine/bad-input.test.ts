// Issue 2's "Bad input" list where the op files' own tests leave gaps: zero,
// negative and fractional hyper-parameters given to the nn layers (refused when
// the layer is built, naming the layer, the argument and the value), and NaN
// propagation through every op that has not shown it elsewhere.
import { describe, expect, it } from 'vitest';
import {
  Tensor,
  adaptiveAvgPool2d,
  avgPool2d,
  batchNorm,
  crossEntropy,
  linear,
  listBackends,
  localResponseNorm,
  logSoftmax,
  mseLoss,
  nn,
  ones,
  sigmoid,
  softmax,
  tanh,
  tensor,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';

describe('nn layers refuse zero, negative and fractional hyper-parameters when built', () => {
  const cases: [string, () => unknown, string][] = [
    ['a fractional kernel', () => new nn.Conv2d(3, 8, 2.5), 'Conv2d: kernel_size must be an integer >= 1 or a pair [h, w] of them, got 2.5'],
    ['a zero kernel height', () => new nn.Conv2d(3, 8, [0, 3]), 'Conv2d: kernel_size must be an integer >= 1 or a pair [h, w] of them, got [0, 3]'],
    ['a zero stride', () => new nn.Conv2d(3, 8, 3, { stride: 0 }), 'Conv2d: stride must be an integer >= 1 or a pair [h, w] of them, got 0'],
    ['a negative padding', () => new nn.Conv2d(3, 8, 3, { padding: [1, -1] }), 'Conv2d: padding must be an integer >= 0 or a pair [h, w] of them, got [1, -1]'],
    ['a fractional padding', () => new nn.Conv2d(3, 8, 3, { padding: 0.5 }), 'Conv2d: padding must be an integer >= 0 or a pair [h, w] of them, got 0.5'],
    ['a zero dilation', () => new nn.Conv2d(3, 8, 3, { dilation: 0 }), 'Conv2d: dilation must be an integer >= 1 or a pair [h, w] of them, got 0'],
    ['fractional groups', () => new nn.Conv2d(4, 8, 3, { groups: 1.5 }), 'Conv2d: groups must be a positive integer, got 1.5'],
    ['negative out-channels', () => new nn.Conv2d(3, -8, 3), 'Conv2d: out_channels must be a positive integer, got -8'],
    ['a zero pooling kernel', () => new nn.MaxPool2d(0), 'MaxPool2d: kernel_size must be an integer >= 1 or a pair [h, w] of them, got 0'],
    ['a negative pooling stride', () => new nn.MaxPool2d(2, { stride: -1 }), 'MaxPool2d: stride must be an integer >= 1 or a pair [h, w] of them, got -1'],
    ['a fractional pooling dilation', () => new nn.MaxPool2d(2, { dilation: 1.5 }), 'MaxPool2d: dilation must be an integer >= 1 or a pair [h, w] of them, got 1.5'],
    ['a fractional average-pool padding', () => new nn.AvgPool2d(2, { padding: 0.5 }), 'AvgPool2d: padding must be an integer >= 0 or a pair [h, w] of them, got 0.5'],
    ['a negative adaptive output size', () => new nn.AdaptiveAvgPool2d([2, -1]), 'AdaptiveAvgPool2d: output_size must be an integer >= 0 or a pair [h, w] of them (null keeps the input size), got [2,-1]'],
    ['zero in-features', () => new nn.Linear(0, 3), 'Linear: in_features must be a positive integer, got 0'],
    ['fractional out-features', () => new nn.Linear(4, 2.5), 'Linear: out_features must be a positive integer, got 2.5'],
    ['zero batch-norm features', () => new nn.BatchNorm2d(0), 'BatchNorm2d: num_features must be a positive integer, got 0'],
    ['a zero LRN size', () => new nn.LocalResponseNorm(0), 'LocalResponseNorm: size must be a positive integer, got 0'],
    ['a dropout probability above 1', () => new nn.Dropout({ p: 1.5 }), 'dropout probability has to be between 0 and 1, but got 1.5'],
  ];
  for (const [what, build, message] of cases) {
    it(`refuses ${what}`, () => expect(build).toThrow(message));
  }

  it('refuses, when run, a pooling padding over half the kernel and an output below 1', () => {
    expect(() => new nn.MaxPool2d(2, { padding: 2 }).forward(zeros([1, 1, 8, 8]))).toThrow(
      'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1',
    );
    expect(() => new nn.AvgPool2d(5).forward(zeros([1, 3, 4, 4]))).toThrow(
      'Given input size: (3x4x4). Calculated output size: (3x0x0). Output size is too small',
    );
  });
});

/** Whether each value is NaN. */
function nanMask(t: Tensor): boolean[] {
  return [...t.data].map(Number.isNaN);
}

for (const backend of listBackends()) {
  describe(`NaN propagates as in PyTorch on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);
    // A 4x4 plane of ones with a NaN at row 0, column 1.
    const plane = () => {
      const data = new Float32Array(16).fill(1);
      data[1] = NaN;
      return new Tensor(data, [1, 1, 4, 4]);
    };

    it('average pooling: exactly the windows that hold the NaN', () =>
      run(() => {
        expect(nanMask(avgPool2d(plane(), { kernelSize: 2 }))).toEqual([true, false, false, false]);
        // Windows at columns 0-1 and 1-2 of row 0 both read it.
        expect(nanMask(avgPool2d(plane(), { kernelSize: 2, stride: 1 }))).toEqual([true, true, false, false, false, false, false, false, false]);
        expect(nanMask(adaptiveAvgPool2d(plane(), [2, 2]))).toEqual([true, false, false, false]);
      }));

    it('linear: every output of the row that holds the NaN, and only that row', () =>
      run(() => {
        const x = tensor([[1, NaN, 2], [3, 4, 5]]);
        expect(nanMask(linear(x, ones([2, 3]), zeros([2])))).toEqual([true, true, false, false]);
      }));

    it('sigmoid and tanh keep NaN; softmax and logSoftmax spread it over its slice only', () =>
      run(() => {
        expect(nanMask(sigmoid(tensor([NaN, 0])))).toEqual([true, false]);
        expect(nanMask(tanh(tensor([NaN, 0])))).toEqual([true, false]);
        const scores = tensor([[1, NaN, 2], [0, 1, 2]]);
        expect(nanMask(softmax(scores, 1))).toEqual([true, true, true, false, false, false]);
        expect(nanMask(logSoftmax(scores, 1))).toEqual([true, true, true, false, false, false]);
        expect(nanMask(softmax(scores, 0))).toEqual([false, true, false, false, true, false]);
      }));

    it('batch norm in training: the whole channel that holds the NaN (its mean is NaN)', () =>
      run(() => {
        const x = tensor([1, NaN, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
        const y = batchNorm(x, zeros([2]), ones([2]), null, null, { training: true });
        // Channel 0 is elements 0, 1 (sample 0) and 4, 5 (sample 1).
        expect(nanMask(y)).toEqual([true, true, false, false, true, true, false, false]);
      }));

    it('local response norm: the channels whose window holds the NaN', () =>
      run(() => {
        // Channels 0..3 at one position; size 3 reaches one channel each way.
        const y = localResponseNorm(tensor([1, NaN, 1, 1], [1, 4, 1]), 3);
        expect(nanMask(y)).toEqual([true, true, true, false]);
      }));

    it('losses: a NaN score or prediction makes the mean NaN', () =>
      run(() => {
        expect(Number.isNaN(crossEntropy(tensor([[NaN, 0], [0, 1]]), [1, 0]).item())).toBe(true);
        expect(Number.isNaN(mseLoss(tensor([NaN, 1]), tensor([0, 1])).item())).toBe(true);
      }));
  });
}
