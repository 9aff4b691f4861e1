// Shape arithmetic: PyTorch's output-size formula against windows counted one by
// one, the syllabus numbers, the special-case formulas it contains, the helpers
// the lessons use, every refusal, and agreement with the pooling ops themselves.
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  conv2d,
  convOutputSize,
  convOutputSteps,
  listBackends,
  maxPool2d,
  ones,
  paddingToKeepSize,
  pool2dGeometry,
  poolOutputSize,
  poolOutputSteps,
  stridesForOutputSize,
  sum,
  uncoveredInputs,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import { naiveWindowStarts } from './poolNaive.ts';

describe('convOutputSize', () => {
  it('gives the syllabus numbers: L_in 6, k 3 -> 4; 32 with a 5x5 filter -> 28', () => {
    expect(convOutputSize(6, { kernelSize: 3, stride: 1, padding: 0, dilation: 1 })).toBe(4);
    expect(convOutputSize(6, { kernelSize: 3 })).toBe(4);
    expect(convOutputSize(32, { kernelSize: 5 })).toBe(28);
  });

  it('shows its working: numerator, division, floor, result', () => {
    const s = convOutputSteps(6, { kernelSize: 3 });
    expect(s).toMatchObject({
      effectiveKernel: 3,
      numerator: 3,
      quotient: 3,
      exact: true,
      rounded: 3,
      candidate: 4,
      result: 4,
    });
    const t = convOutputSteps(8, { kernelSize: 3, stride: 2 });
    expect(t).toMatchObject({ numerator: 5, quotient: 2.5, exact: false, rounded: 2, result: 3 });
  });

  it('equals the number of window positions that fit, for 2000 configurations', () => {
    for (let inSize = 1; inSize <= 10; inSize++) {
      for (let k = 1; k <= 5; k++) {
        for (let s = 1; s <= 4; s++) {
          for (let p = 0; p <= 2; p++) {
            for (let d = 1; d <= 2; d++) {
              const windows = naiveWindowStarts(inSize, k, s, p, d, false).length;
              const call = () => convOutputSize(inSize, { kernelSize: k, stride: s, padding: p, dilation: d });
              if (windows === 0) expect(call).toThrow("Kernel size can't be greater than actual input size");
              else expect(call()).toBe(windows);
            }
          }
        }
      }
    }
  });

  it('contains the CS231n form (W - F + 2P)/S + 1 and the textbook form floor((I - K)/S) + 1', () => {
    for (let W = 1; W <= 40; W++) {
      for (let F = 1; F <= Math.min(W, 7); F++) {
        for (let S = 1; S <= 4; S++) {
          for (let P = 0; P <= 3; P++) {
            // CS231n: with dilation 1 the numerator is W + 2P - F, and the form is exact when S divides it.
            if ((W - F + 2 * P) % S === 0) {
              expect(convOutputSize(W, { kernelSize: F, stride: S, padding: P })).toBe((W - F + 2 * P) / S + 1);
            }
          }
          // Textbook: no padding, no dilation, floor written out.
          expect(convOutputSize(W, { kernelSize: F, stride: S })).toBe(Math.floor((W - F) / S) + 1);
        }
      }
    }
  });

  const refusals: [string, () => unknown, string][] = [
    [
      'a kernel wider than the padded input',
      () => convOutputSize(2, { kernelSize: 3 }),
      "Calculated padded input size per channel: (2). Kernel size: (3). Kernel size can't be greater than actual input size",
    ],
    ['the dilated kernel too', () => convOutputSize(4, { kernelSize: 3, dilation: 2 }), 'Kernel size: (5)'],
    [
      'a zero kernel',
      () => convOutputSize(4, { kernelSize: 0 }),
      'kernel size should be greater than zero, but got kernel_size=0',
    ],
    [
      'a zero stride',
      () => convOutputSize(4, { kernelSize: 2, stride: 0 }),
      'non-positive stride is not supported, got stride=0',
    ],
    [
      'a zero dilation',
      () => convOutputSize(4, { kernelSize: 2, dilation: 0 }),
      'dilation should be greater than zero, got dilation=0',
    ],
    [
      'negative padding',
      () => convOutputSize(4, { kernelSize: 2, padding: -1 }),
      'negative padding is not supported, got padding=-1',
    ],
    [
      'a fractional stride',
      () => convOutputSize(4, { kernelSize: 2, stride: 1.5 }),
      'stride must be an integer, but got 1.5',
    ],
    [
      'a fractional input size',
      () => convOutputSize(4.2, { kernelSize: 2 }),
      'input size must be an integer, but got 4.2',
    ],
    ['an empty input', () => convOutputSize(0, { kernelSize: 1 }), 'input size should be greater than zero, but got 0'],
    ['a NaN kernel', () => convOutputSize(4, { kernelSize: NaN }), 'kernel_size must be an integer, but got NaN'],
  ];
  for (const [what, call, message] of refusals) {
    it(`refuses ${what}`, () => {
      expect(call).toThrow(message);
    });
  }

  it("refuses a bad stride, dilation or padding in the very words conv2d uses (PyTorch's for convolution)", () => {
    const messageOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    const w = zeros([1, 1, 2, 2]);
    for (const bad of [{ stride: 0 }, { dilation: 0 }, { padding: -1 }]) {
      expect(messageOf(() => conv2d(zeros([1, 1, 4, 4]), w, null, bad))).toBe(`conv2d: ${messageOf(() => convOutputSize(4, { kernelSize: 2, ...bad }))}`);
    }
  });
});

describe('poolOutputSize', () => {
  it('pools 224 with 2x2 stride 2 down to 112 (stride defaults to the kernel)', () => {
    expect(poolOutputSize(224, { kernelSize: 2, stride: 2 })).toBe(112);
    expect(poolOutputSize(224, { kernelSize: 2 })).toBe(112);
  });

  it("equals the windows counted one by one, with PyTorch's ceil-mode rule, for every small configuration", () => {
    let ceilDiffers = 0;
    let dropped = 0;
    for (let inSize = 1; inSize <= 12; inSize++) {
      for (let k = 1; k <= 5; k++) {
        for (let s = 1; s <= 5; s++) {
          for (let d = 1; d <= 3; d++) {
            for (let p = 0; p <= Math.floor(((k - 1) * d + 1) / 2); p++) {
              for (const ceilMode of [false, true]) {
                const windows = naiveWindowStarts(inSize, k, s, p, d, ceilMode).length;
                const opts = { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode };
                if (windows === 0) {
                  expect(() => poolOutputSize(inSize, opts)).toThrow('Output size is too small');
                  continue;
                }
                expect(poolOutputSize(inSize, opts), JSON.stringify({ inSize, ...opts })).toBe(windows);
                if (ceilMode && windows !== naiveWindowStarts(inSize, k, s, p, d, false).length) ceilDiffers++;
                if (poolOutputSteps(inSize, opts).droppedLastWindow) dropped++;
              }
            }
          }
        }
      }
    }
    // The sweep really exercised ceil mode and its last-window rule.
    expect(ceilDiffers).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(10);
  });

  it('shows the ceil-mode working, including a dropped last window', () => {
    expect(poolOutputSteps(5, { kernelSize: 2, ceilMode: true })).toMatchObject({
      quotient: 1.5,
      rounded: 2,
      candidate: 3,
      droppedLastWindow: false,
      result: 3,
    });
    // Padded row: p 1 2 3 4 5 p. A 4th window would start on the right-hand padding.
    expect(poolOutputSteps(5, { kernelSize: 2, padding: 1, ceilMode: true })).toMatchObject({
      numerator: 5,
      rounded: 3,
      candidate: 4,
      droppedLastWindow: true,
      result: 3,
    });
  });

  it('lets a ceil-mode window overhang by less than a stride, as PyTorch does', () => {
    expect(poolOutputSize(2, { kernelSize: 3, ceilMode: true })).toBe(1);
    expect(() => poolOutputSize(2, { kernelSize: 3, stride: 1, ceilMode: true })).toThrow('Output size is too small');
  });

  const refusals: [string, () => unknown, string][] = [
    [
      'padding above half the kernel',
      () => poolOutputSize(8, { kernelSize: 3, padding: 2 }),
      'pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1',
    ],
    [
      'padding above half the dilated kernel',
      () => poolOutputSize(8, { kernelSize: 2, padding: 2, dilation: 2 }),
      'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=2',
    ],
    [
      'an output below 1',
      () => poolOutputSize(2, { kernelSize: 3 }),
      'Given input size: (2). Calculated output size: (0). Output size is too small',
    ],
    [
      'a zero stride',
      () => poolOutputSize(8, { kernelSize: 2, stride: 0 }),
      'stride should be greater than zero, but got stride=0',
    ],
    [
      'a fractional kernel',
      () => poolOutputSize(8, { kernelSize: 2.5 }),
      'kernel_size must be an integer, but got 2.5',
    ],
    [
      'negative padding',
      () => poolOutputSize(8, { kernelSize: 2, padding: -1 }),
      'pad must be non-negative, but got pad: -1',
    ],
  ];
  for (const [what, call, message] of refusals) {
    it(`refuses ${what}`, () => {
      expect(call).toThrow(message);
    });
  }
});

describe('uncoveredInputs', () => {
  it('names the pixels past the last window when the division is not exact', () => {
    expect(uncoveredInputs(7, { kernelSize: 3, stride: 2 })).toEqual([]);
    expect(uncoveredInputs(8, { kernelSize: 3, stride: 2 })).toEqual([7]);
    expect(uncoveredInputs(10, { kernelSize: 3, stride: 4 })).toEqual([3, 7, 8, 9]);
    expect(uncoveredInputs(5, { kernelSize: 2 }, 'pool')).toEqual([4]);
    expect(uncoveredInputs(5, { kernelSize: 2, ceilMode: true }, 'pool')).toEqual([]);
  });

  it('names the pixels between dilated taps', () => {
    // Taps 2 apart, stride 2: windows read 0,2 / 2,4 / 4,6, never an odd pixel.
    expect(uncoveredInputs(7, { kernelSize: 2, stride: 2, dilation: 2 })).toEqual([1, 3, 5]);
  });

  it('are exactly the pixels that get no gradient from an average pool over them', () => {
    for (const backend of listBackends()) {
      for (let W = 1; W <= 9; W++) {
        for (let k = 1; k <= Math.min(W, 4); k++) {
          for (let s = 1; s <= 4; s++) {
            for (let p = 0; p <= Math.floor(k / 2); p++) {
              const x = ones([1, 1, 1, W], { requiresGrad: true });
              withBackend(backend, () =>
                sum(avgPool2d(x, { kernelSize: [1, k], stride: [1, s], padding: [0, p] })).backward(),
              );
              const noGradient = [...x.grad!.data].flatMap((g, i) => (g === 0 ? [i] : []));
              expect(uncoveredInputs(W, { kernelSize: k, stride: s, padding: p }, 'pool')).toEqual(noGradient);
            }
          }
        }
      }
    }
  });
});

describe('solvers', () => {
  it('paddingToKeepSize keeps the size at stride 1 for odd kernels (and dilated ones)', () => {
    expect(paddingToKeepSize(3)).toBe(1);
    expect(paddingToKeepSize(5)).toBe(2);
    expect(paddingToKeepSize(3, 2)).toBe(2);
    expect(paddingToKeepSize(2)).toBeNull();
    expect(paddingToKeepSize(2, 2)).toBe(1);
    for (let n = 1; n <= 30; n++) {
      for (const k of [1, 3, 5, 7]) {
        for (const d of [1, 2, 3]) {
          const p = paddingToKeepSize(k, d)!;
          expect(convOutputSize(n, { kernelSize: k, padding: p, dilation: d })).toBe(n);
        }
      }
    }
    expect(() => paddingToKeepSize(0)).toThrow('kernel size should be greater than zero');
  });

  it('stridesForOutputSize finds every stride that reaches the target, and only those', () => {
    expect(stridesForOutputSize(224, 112, { kernelSize: 2 }, 'pool')).toEqual({ strides: [2], andEveryLarger: false });
    expect(stridesForOutputSize(10, 1, { kernelSize: 3 })).toEqual({ strides: [8, 9, 10], andEveryLarger: true });
    expect(stridesForOutputSize(10, 7, { kernelSize: 3 }).strides).toEqual([]);
    for (let inSize = 1; inSize <= 15; inSize++) {
      for (const kind of ['conv', 'pool'] as const) {
        const opts = { kernelSize: 3, padding: 1, ceilMode: kind === 'pool' };
        for (let target = 1; target <= inSize + 2; target++) {
          const { strides } = stridesForOutputSize(inSize, target, opts, kind);
          for (let s = 1; s <= 3 * (inSize + 2); s++) {
            const size =
              kind === 'conv'
                ? convOutputSize(inSize, { ...opts, stride: s })
                : poolOutputSize(inSize, { ...opts, stride: s });
            if (s <= inSize + 2) expect(strides.includes(s)).toBe(size === target);
          }
        }
      }
    }
  });
});

describe('the pooling ops use the same arithmetic', () => {
  it('pool2dGeometry and the ops give poolOutputSize in each dimension', () => {
    for (let H = 1; H <= 9; H += 2) {
      for (let W = 1; W <= 9; W += 3) {
        for (const k of [1, 2, 3]) {
          for (const s of [1, 2, 3]) {
            for (const ceilMode of [false, true]) {
              const opts = { kernelSize: k, stride: s, padding: Math.floor(k / 2), ceilMode };
              let expected: number[];
              try {
                expected = [2, 3, poolOutputSize(H, opts), poolOutputSize(W, opts)];
              } catch {
                expect(() => maxPool2d(zeros([2, 3, H, W]), opts)).toThrow('Output size is too small');
                continue;
              }
              expect(pool2dGeometry('maxPool2d', [2, 3, H, W], opts).outputShape).toEqual(expected);
              expect(maxPool2d(zeros([2, 3, H, W]), opts).shape).toEqual(expected);
              expect(avgPool2d(zeros([2, 3, H, W]), opts).shape).toEqual(expected);
            }
          }
        }
      }
    }
  });
});
