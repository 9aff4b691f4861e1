/**
 * Lesson 6 ("Stride") against the engine and the syllabus. The prose prints its
 * numbers from `lesson-numbers.ts`; this test pins them to the syllabus's facts (the
 * stride is the filter's step; a larger stride keeps less spatial detail and
 * downsamples; strided convolution is used instead of pooling) and to independent
 * arithmetic, and checks the widgets' models: every window sum against a hand-written
 * convolution, the unread rows against brute force, and the address round trip.
 */
import { describe, expect, it } from 'vitest';
import * as numbers from '../../../components/widgets/stride/lesson-numbers.ts';
import {
  LIMITS,
  decodeState,
  defaultState,
  encodeState,
  inputValues,
  kernelValues,
  runStride,
  windowAt,
} from '../../../components/widgets/stride/model.ts';
import type { StrideState } from '../../../components/widgets/stride/model.ts';
import { bothPaths, greyTensor, pathCosts } from '../../../components/widgets/stride/photo-model.ts';
import { STRINGS } from '../../../components/widgets/stride/strings/index.ts';

/** PyTorch's output length, written out again here rather than taken from the engine. */
const floorLength = (n: number, k: number, s: number, p = 0, d = 1) => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;

/** Every setting the stepper's sliders reach. */
function* allStates(): Generator<StrideState> {
  for (let size = LIMITS.size.min; size <= LIMITS.size.max; size++)
    for (let kernel = LIMITS.kernel.min; kernel <= LIMITS.kernel.max; kernel++)
      for (let padding = LIMITS.padding.min; padding <= LIMITS.padding.max; padding++)
        for (let dilation = LIMITS.dilation.min; dilation <= LIMITS.dilation.max; dilation++)
          for (let stride = LIMITS.stride.min; stride <= LIMITS.stride.max; stride++) yield { size, kernel, padding, dilation, stride, position: 0 };
}

describe('lesson 6 numbers, computed by the engine', () => {
  it('the starting example: 8 pixels, 3 taps, stride 2 floors 2.5 to 3 windows and drops the last row (syllabus: PyTorch floors)', () => {
    const f = numbers.floorExample;
    expect([f.side, f.kernel, f.stride]).toEqual([8, 3, 2]);
    expect(f.numerator).toBe(f.side - f.kernel);
    expect(f.quotient).toBe('2.5');
    expect(f.out).toBe(floorLength(8, 3, 2));
    expect(f.out).toBe(3);
    expect(f.dropped).toBe('7');
    expect(f.lastRead).toBe((f.out - 1) * f.stride + f.kernel - 1);
  });

  it('one pixel fewer divides exactly and reads every pixel', () => {
    expect(numbers.exactExample).toEqual({ side: 7, numerator: 4, out: 3, unreached: 0 });
  });

  it('a larger stride gives a smaller output (syllabus: larger stride, less spatial detail, downsampling)', () => {
    const outs = numbers.byStride.map((row) => row.out);
    expect(outs).toEqual([1, 2, 3, 4].map((s) => floorLength(8, 3, s)));
    for (let i = 1; i < outs.length; i++) expect(outs[i]).toBeLessThanOrEqual(outs[i - 1]);
    expect(numbers.byStride.map((row) => row.unreached)).toEqual(['—', '7', '6, 7', '3, 7']);
  });

  it('a stride longer than the kernel skips pixels between windows', () => {
    expect(numbers.gapExample).toMatchObject({ kernel: 2, stride: 3, out: 3, skipped: '2, 5' });
  });

  it('the lecture notes’ first layer (3 → 16, kernel 3, stride 2, padding 1) halves 256 to 128', () => {
    expect(numbers.notes).toEqual({ inChannels: 3, kernel: 3, stride: 2, padding: 1, inSide: 256, outSide: 128, channels: 16 });
  });

  it('strided convolution against convolution + pooling: same shape and weights, a quarter of the MACs (syllabus: strided conv instead of pooling)', () => {
    const p = numbers.paths;
    expect(p.pooledShape).toBe('112×112×16');
    expect(p.stridedShape).toBe(p.pooledShape);
    expect(p.sameParams).toBe(true);
    expect(p.params).toBe(String(16 * 3 * 9 + 16));
    expect(p.pooledMacs).toBe((224 * 224 * 16 * 27).toLocaleString('en-US'));
    expect(p.stridedMacs).toBe((112 * 112 * 16 * 27).toLocaleString('en-US'));
    expect(p.ratio).toBe(4);
    expect(p.skipped).toBe(3);
  });

  it('quotes the engine’s refusals, which are PyTorch’s words', () => {
    expect(numbers.refusals.tooBig).toBe("Calculated padded input size per channel: (3 x 3). Kernel size: (5 x 5). Kernel size can't be greater than actual input size");
    expect(numbers.refusals.dilated).toContain('Kernel size: (7 x 7)');
    expect(numbers.refusals.dilatedSpan).toBe(7);
  });
});

describe('the stride stepper’s model', () => {
  it('every window’s engine value equals its taps times the kernel, and unread rows match brute force, for every reachable setting', () => {
    let checked = 0;
    let refused = 0;
    for (const state of allStates()) {
      const span = state.dilation * (state.kernel - 1) + 1;
      if (span > state.size + 2 * state.padding) {
        expect(() => runStride(state)).toThrow(/Kernel size can't be greater than actual input size/);
        refused++;
        continue;
      }
      const result = runStride(state);
      const out = floorLength(state.size, state.kernel, state.stride, state.padding, state.dilation);
      expect(result.outSize).toBe(out);
      for (let position = 0; position < out * out; position++) {
        const taps = windowAt(state, position, out);
        const sum = taps.reduce((acc, tap) => acc + tap.weight * (tap.value ?? 0), 0);
        expect(result.values[position]).toBe(sum);
      }
      const read = new Set<number>();
      for (let o = 0; o < out; o++) for (let t = 0; t < state.kernel; t++) read.add(o * state.stride - state.padding + t * state.dilation);
      const unread = Array.from({ length: state.size }, (_, i) => i).filter((i) => !read.has(i));
      expect(result.unreached).toEqual(unread);
      const lastTap = (out - 1) * state.stride - state.padding + (state.kernel - 1) * state.dilation;
      expect(result.dropped).toEqual(unread.filter((i) => i > lastTap));
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(0);
  });

  it('draws a small integer picture and a cross-shaped kernel', () => {
    expect(inputValues(3)).toEqual([
      [0, 3, 1],
      [2, 0, 3],
      [4, 2, 0],
    ]);
    expect(kernelValues(3)).toEqual([
      [-1, 1, -1],
      [1, 1, 1],
      [-1, 1, -1],
    ]);
  });

  it('round-trips its state through the address and rejects what it cannot use', () => {
    const state: StrideState = { size: 6, kernel: 2, padding: 1, dilation: 2, stride: 3, position: 2 };
    const params = encodeState(state, new URLSearchParams());
    expect(decodeState(params)).toEqual({ state, problems: [] });
    expect(encodeState(defaultState(), new URLSearchParams()).toString()).toBe('');
    const bad = decodeState(new URLSearchParams('stS=9&stN=x&stAt=999'));
    expect(bad.state).toEqual(defaultState());
    expect(bad.problems).toEqual(['size', 'stride', 'position']);
  });

  it('says how many pixels the floor leaves over in both languages', () => {
    expect(STRINGS.en.notExact(1)).toContain('1 pixel is');
    expect(STRINGS.ko.notExact(2)).toContain('2픽셀');
  });
});

describe('the photo comparison’s model', () => {
  it('both paths give the summary’s shape, and the strided path costs factor² less', () => {
    const width = 12;
    const height = 8;
    const rgba = new Uint8ClampedArray(4 * width * height);
    // A one-pixel vertical line at an odd column: the stride-2 path never centres a window on it.
    for (let y = 0; y < height; y++) for (let c = 0; c < 3; c++) rgba[4 * (y * width + 5) + c] = 255;
    const grey = greyTensor(rgba, width, height);
    for (const factor of [2, 4] as const) {
      const { pooled, strided } = bothPaths(grey, factor);
      const costs = pathCosts(height, width, factor);
      expect(pooled.shape).toEqual(costs.pooled.shape);
      expect(strided.shape).toEqual(costs.strided.shape);
      expect(costs.pooled.macs).toBe(height * width * 9);
      expect(costs.pooled.macs / costs.strided.macs).toBe(factor * factor);
    }
    // Inside the picture the line answers 8 − 2 = 6. Max pooling keeps that; the stride-2
    // windows are centred on even columns, only graze the line with a −1 tap, and ReLU leaves 0.
    const { pooled, strided } = bothPaths(grey, 2);
    expect(Math.max(...pooled.data.slice(pooled.shape[3], 2 * pooled.shape[3]))).toBeCloseTo(6, 5);
    expect(Math.max(...strided.data)).toBe(0);
  });
});
