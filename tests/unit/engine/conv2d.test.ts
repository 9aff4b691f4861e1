// conv2d against hand-worked tables, the syllabus examples, TF.js (an outside
// implementation), a naive float64 reference written from PyTorch's definition,
// and finite differences. Every test runs on every registered backend.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Conv2dOptions, PaddingMode } from '../../../src/engine/index.ts';
import { Tensor, conv2d, listBackends, tensor, withBackend, zeros } from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import { conv2dNaive, expectClose, naiveConvPadding, toArray64 } from './helpers/reference.ts';
import { pick, randomData, randomInt, randomTensor, seeded } from './helpers/random.ts';
import { depthwiseFromTf, depthwiseToTf, hwioToOihw, loadTf, nchwToNhwc, nhwcToNchw, oihwToHwio } from './helpers/tf.ts';

const FORWARD_TOL = { atol: 1e-4, rtol: 1e-4 };
// Gradients sum hundreds of float32 products in a different order than TF.js.
const GRAD_TOL = { atol: 5e-4, rtol: 1e-4 };

function flat(x: Tensor): number[] {
  return [...x.data];
}

// ---------------------------------------------------------------------------
// TF.js oracle cases, computed once and shared by all backends.

interface TfCase {
  label: string;
  input: Float32Array;
  inputShape: number[];
  weight: Float32Array;
  weightShape: number[];
  bias: Float32Array | null;
  options: Conv2dOptions;
  gradOut: Float32Array;
  /** TF.js has no gradients for dilated convolutions: those cases check the forward only. */
  expected: { out: Float32Array; outShape: number[]; grads: { input: Float32Array; weight: Float32Array; bias: Float32Array | null } | null };
}

/** A configuration TF.js can run: dilation only with stride 1, groups 1 or depthwise. */
function drawTfConfig(rng: ReturnType<typeof seeded>, depthwise: boolean) {
  for (;;) {
    const batch = randomInt(rng, 1, 3);
    const inChannels = randomInt(rng, 1, 4);
    const multiplier = randomInt(rng, 1, 3);
    const outChannels = depthwise ? inChannels * multiplier : randomInt(rng, 1, 4);
    const [h, w] = [randomInt(rng, 3, 10), randomInt(rng, 3, 10)];
    const [kH, kW] = depthwise ? [randomInt(rng, 1, 4), randomInt(rng, 1, 4)] : [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
    const padKind = pick(rng, ['valid', 'same', 'explicit'] as const);
    let stride: [number, number] = [1, 1];
    let dilation: [number, number] = [1, 1];
    // TF.js's depthwise kernel wants equal strides (and equal dilations) in both directions.
    if (padKind !== 'same' && rng.next() < 0.5) {
      stride = depthwise ? [2, 2] : [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
    }
    if (stride[0] === 1 && stride[1] === 1 && rng.next() < 0.4) {
      dilation = depthwise ? [2, 2] : [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
    }
    const explicit: [number, number] = padKind === 'explicit' ? [randomInt(rng, 0, 2), randomInt(rng, 0, 2)] : [0, 0];
    const padding: Conv2dOptions['padding'] = padKind === 'explicit' ? explicit : padKind;
    const [top, bottom, left, right] = naiveConvPadding(padding, [kH, kW], dilation);
    if (h + top + bottom < dilation[0] * (kH - 1) + 1 || w + left + right < dilation[1] * (kW - 1) + 1) continue;
    return { batch, inChannels, outChannels, h, w, kH, kW, stride, dilation, padKind, explicit, padding, groups: depthwise ? inChannels : 1 };
  }
}

async function buildTfCases(count: number, depthwiseCount: number): Promise<TfCase[]> {
  const tf = await loadTf();
  const rng = seeded(2024);
  const cases: TfCase[] = [];
  for (let i = 0; i < count + depthwiseCount; i++) {
    const depthwise = i >= count;
    const c = drawTfConfig(rng, depthwise);
    const inputShape = [c.batch, c.inChannels, c.h, c.w];
    const weightShape = [c.outChannels, depthwise ? 1 : c.inChannels, c.kH, c.kW];
    const input = randomData(inputShape.reduce((a, b) => a * b), rng);
    const weight = randomData(weightShape.reduce((a, b) => a * b), rng);
    const bias = rng.next() < 0.5 ? randomData(c.outChannels, rng) : null;

    const x = nchwToNhwc(input, inputShape);
    const f = depthwise ? depthwiseToTf(weight, weightShape, c.inChannels) : oihwToHwio(weight, weightShape);
    const run = (xt: any, ft: any, bt: any) => {
      const xp = c.padKind === 'explicit' ? tf.pad(xt, [[0, 0], [c.explicit[0], c.explicit[0]], [c.explicit[1], c.explicit[1]], [0, 0]]) : xt;
      const pad = c.padKind === 'explicit' ? 'valid' : (c.padKind as 'valid' | 'same');
      const y = depthwise
        ? tf.depthwiseConv2d(xp, ft, c.stride, pad, 'NHWC', c.dilation)
        : tf.conv2d(xp, ft, c.stride, pad, 'NHWC', c.dilation);
      return bt ? tf.add(y, bt) : y;
    };
    tf.tidy(() => {
      const xt = tf.tensor4d(x.data, x.shape as [number, number, number, number]);
      const ft = tf.tensor4d(f.data, f.shape as [number, number, number, number]);
      const bt = bias ? tf.tensor1d(bias) : null;
      const y = run(xt, ft, bt);
      const [n, oh, ow, co] = y.shape;
      const outShape = [n, co, oh, ow];
      const gradOut = randomData(n * co * oh * ow, rng);
      const dy = nchwToNhwc(gradOut, outShape);
      const dyt = tf.tensor4d(dy.data, dy.shape as [number, number, number, number]);
      const dilated = c.dilation[0] > 1 || c.dilation[1] > 1;
      let grads: TfCase['expected']['grads'] = null;
      if (!dilated) {
        const g = bt
          ? tf.grads((a: any, b: any, d: any) => run(a, b, d))([xt, ft, bt], dyt)
          : tf.grads((a: any, b: any) => run(a, b, null))([xt, ft], dyt);
        grads = {
          input: nhwcToNchw(g[0].dataSync(), x.shape).data,
          weight: (depthwise ? depthwiseFromTf(g[1].dataSync(), f.shape) : hwioToOihw(g[1].dataSync(), f.shape)).data,
          bias: bt ? Float32Array.from(g[2].dataSync()) : null,
        };
      }
      cases.push({
        label: `#${i} x${JSON.stringify(inputShape)} w${JSON.stringify(weightShape)} ${JSON.stringify({ stride: c.stride, dilation: c.dilation, padding: c.padding, groups: c.groups })}`,
        input,
        inputShape,
        weight,
        weightShape,
        bias,
        options: { stride: c.stride, dilation: c.dilation, padding: c.padding, groups: c.groups },
        gradOut,
        expected: {
          out: nhwcToNchw(y.dataSync(), y.shape).data,
          outShape,
          grads,
        },
      });
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------
// Naive-reference cases: what TF.js cannot do (groups, dilation with stride,
// reflect / replicate / circular, 'same' with even kernels).

interface NaiveCase {
  inputShape: number[];
  weightShape: number[];
  withBias: boolean;
  options: Conv2dOptions;
}

const MODES: PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

function drawNaiveCase(rng: ReturnType<typeof seeded>, mode: PaddingMode, maxSize = 9): NaiveCase {
  for (;;) {
    const groups = randomInt(rng, 1, 3);
    const inPerGroup = randomInt(rng, 1, 2);
    const outPerGroup = randomInt(rng, 1, 2);
    const [h, w] = [randomInt(rng, 2, maxSize), randomInt(rng, 2, maxSize)];
    const kernel: [number, number] = [randomInt(rng, 1, 4), randomInt(rng, 1, 4)];
    const stride: [number, number] = [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
    const dilation: [number, number] = [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
    const kind = pick(rng, ['number', 'pair', 'valid', 'same'] as const);
    const padding: Conv2dOptions['padding'] =
      kind === 'number' ? randomInt(rng, 0, 2) : kind === 'pair' ? [randomInt(rng, 0, 2), randomInt(rng, 0, 2)] : kind;
    const options: Conv2dOptions = { stride, dilation, groups, padding, paddingMode: mode };
    if (kind === 'same') options.stride = 1;
    const [top, bottom, left, right] = naiveConvPadding(padding, kernel, dilation);
    if (mode === 'reflect' && Math.max(top, bottom) >= h) continue;
    if (mode === 'reflect' && Math.max(left, right) >= w) continue;
    if (mode === 'circular' && (Math.max(top, bottom) > h || Math.max(left, right) > w)) continue;
    if (h + top + bottom < dilation[0] * (kernel[0] - 1) + 1) continue;
    if (w + left + right < dilation[1] * (kernel[1] - 1) + 1) continue;
    return {
      inputShape: [randomInt(rng, 1, 2), groups * inPerGroup, h, w],
      weightShape: [groups * outPerGroup, inPerGroup, ...kernel],
      withBias: rng.next() < 0.5,
      options,
    };
  }
}

// ---------------------------------------------------------------------------
// The X picture of lesson 2: a -1 background with an X of +1 drawn on the
// diagonals of the inner 7x7 (the outermost ring stays background).

function xPicture(): number[][] {
  return Array.from({ length: 9 }, (_, i) =>
    Array.from({ length: 9 }, (_, j) => (i >= 1 && i <= 7 && (i === j || i + j === 8) ? 1 : -1)),
  );
}
const DIAGONAL = [
  [1, -1, -1],
  [-1, 1, -1],
  [-1, -1, 1],
];

let tfCases: TfCase[] = [];
beforeAll(async () => {
  tfCases = await buildTfCases(240, 60);
}, 120_000);

for (const backend of listBackends()) {
  describe(`conv2d on the ${backend} backend`, () => {
    const run = <T>(fn: () => T) => withBackend(backend, fn);

    describe('hand-worked tables', () => {
      const x = () => tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3], { requiresGrad: true });
      const w = () => tensor([1, 2, 3, 4], [1, 1, 2, 2], { requiresGrad: true });

      it('3x3 input, 2x2 kernel, stride 1: four outputs sharing the same four weights', () =>
        run(() => {
          // [1 2; 4 5].[1 2; 3 4] = 1+4+12+20 = 37, then 47, 67, 77.
          const out = conv2d(x(), w());
          expect(out.shape).toEqual([1, 1, 2, 2]);
          expect(flat(out)).toEqual([37, 47, 67, 77]);
          expect(flat(conv2d(x(), w(), tensor([10])))).toEqual([47, 57, 77, 87]);
        }));

      it('padding 1 and stride 2: windows that hang over the border read zeros', () =>
        run(() => {
          // Windows at padded (0,0): 1*4; (0,2): 2*3+3*4; (2,0): 4*2+7*4; (2,2): 5*1+6*2+8*3+9*4.
          expect(flat(conv2d(x(), w(), null, { stride: 2, padding: 1 }))).toEqual([4, 18, 36, 77]);
        }));

      it('backward of sum(out): each pixel collects the weights that touched it, each weight its patch sum', () =>
        run(() => {
          const xi = x();
          const wi = w();
          const b = tensor([0], [1], { requiresGrad: true });
          conv2d(xi, wi, b).backward(tensor([1, 1, 1, 1], [1, 1, 2, 2]));
          expect(flat(xi.grad!)).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
          expect(flat(wi.grad!)).toEqual([12, 16, 24, 28]);
          expect(flat(b.grad!)).toEqual([4]);
        }));

      it('reflect, replicate and circular padding on a 3x3, 1x1 kernel of 1 (the padded image itself)', () =>
        run(() => {
          const one = tensor([1], [1, 1, 1, 1]);
          const padded = (paddingMode: PaddingMode) => flat(conv2d(x(), one, null, { padding: 1, paddingMode }));
          expect(padded('reflect')).toEqual([5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 8, 7, 8, 9, 8, 5, 4, 5, 6, 5]);
          expect(padded('replicate')).toEqual([1, 1, 2, 3, 3, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 9, 9, 7, 7, 8, 9, 9]);
          expect(padded('circular')).toEqual([9, 7, 8, 9, 7, 3, 1, 2, 3, 1, 6, 4, 5, 6, 4, 9, 7, 8, 9, 7, 3, 1, 2, 3, 1]);
          expect(padded('zeros')).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 7, 8, 9, 0, 0, 0, 0, 0, 0]);
        }));

      it("'same' with an even kernel puts the extra padding at the bottom and right, as PyTorch does", () =>
        run(() => {
          // 2x2 kernel of ones: total padding 1, all of it after. out[i][j] = sum of x[i..i+1][j..j+1].
          const out = conv2d(x(), tensor([1, 1, 1, 1], [1, 1, 2, 2]), null, { padding: 'same' });
          expect(out.shape).toEqual([1, 1, 3, 3]);
          expect(flat(out)).toEqual([12, 16, 9, 24, 28, 15, 15, 17, 9]);
        }));

      it('groups=2 convolves each half of the channels with its own filters only', () =>
        run(() => {
          // Channel 0 is all 1, channel 1 all 10; 1x1 weights 2 (group 0) and 3 (group 1).
          const input = tensor([1, 1, 1, 1, 10, 10, 10, 10], [1, 2, 2, 2]);
          const out = conv2d(input, tensor([2, 3], [2, 1, 1, 1]), null, { groups: 2 });
          expect(flat(out)).toEqual([2, 2, 2, 2, 30, 30, 30, 30]);
        }));

      it('dilation 2 skips every other pixel', () =>
        run(() => {
          const input = tensor(Array.from({ length: 25 }, (_, i) => i), [1, 1, 5, 5]);
          // The taps of a dilated 2x2 kernel of ones at the top-left: pixels 0, 2, 10, 12.
          const out = conv2d(input, tensor([1, 1, 1, 1], [1, 1, 2, 2]), null, { dilation: 2 });
          expect(out.shape).toEqual([1, 1, 3, 3]);
          expect(flat(out)[0]).toBe(0 + 2 + 10 + 12);
        }));
    });

    describe('syllabus examples', () => {
      it('the X picture with the diagonal filter: 7/9, then -1/9, and exactly 1 where the patch is the filter', () =>
        run(() => {
          const picture = xPicture();
          const out = conv2d(tensor([[picture]]), tensor([[DIAGONAL]]));
          expect(out.shape).toEqual([1, 1, 7, 7]);
          const map = (out.toArray() as number[][][][])[0][0].map((row) => row.map((v) => v / 9));
          expect(map[0][0]).toBeCloseTo(7 / 9, 6);
          expect(map[0][1]).toBeCloseTo(-1 / 9, 6);
          // Exactly 1 wherever the 3x3 patch equals the filter, and nowhere else.
          const matches: [number, number][] = [];
          for (let i = 0; i < 7; i++) {
            for (let j = 0; j < 7; j++) {
              const same = DIAGONAL.every((r, a) => r.every((v, b) => picture[i + a][j + b] === v));
              if (same) matches.push([i, j]);
              expect(map[i][j] === 1).toBe(same);
            }
          }
          expect(matches).toEqual([
            [1, 1],
            [2, 2],
            [4, 4],
            [5, 5],
          ]);
        }));

      it('32x32x3 with five 5x5x3 filters gives 28x28x5', () =>
        run(() => {
          const rng = seeded(5);
          const w = randomTensor([5, 3, 5, 5], rng);
          expect(conv2d(randomTensor([1, 3, 32, 32], rng), w).shape).toEqual([1, 5, 28, 28]);
          expect(conv2d(randomTensor([3, 32, 32], rng), w).shape).toEqual([5, 28, 28]);
        }));
    });

    describe('against TF.js', () => {
      it('forward on 300 random configurations, and input, weight and bias gradients on the undilated ones', () =>
        run(() => {
          expect(tfCases.length).toBe(300);
          let withGradients = 0;
          for (const c of tfCases) {
            const x = new Tensor(c.input.slice(), c.inputShape, true);
            const w = new Tensor(c.weight.slice(), c.weightShape, true);
            const b = c.bias ? new Tensor(c.bias.slice(), [c.bias.length], true) : null;
            const out = conv2d(x, w, b, c.options);
            expect(out.shape, c.label).toEqual(c.expected.outShape);
            expectClose(out.data, c.expected.out, FORWARD_TOL, `forward ${c.label}`);
            const grads = c.expected.grads;
            if (!grads) continue;
            withGradients++;
            out.backward(new Tensor(c.gradOut, out.shape));
            expectClose(x.grad!.data, grads.input, GRAD_TOL, `grad input ${c.label}`);
            expectClose(w.grad!.data, grads.weight, GRAD_TOL, `grad weight ${c.label}`);
            if (b) expectClose(b.grad!.data, grads.bias!, GRAD_TOL, `grad bias ${c.label}`);
          }
          expect(withGradients).toBeGreaterThan(200);
        }));
    });

    describe('against the float64 definition', () => {
      it('forward on 200 random configurations with groups, dilation, stride and every padding mode', () =>
        run(() => {
          const rng = seeded(7);
          for (let i = 0; i < 200; i++) {
            const c = drawNaiveCase(rng, MODES[i % 4]);
            const x = randomTensor(c.inputShape, rng);
            const w = randomTensor(c.weightShape, rng);
            const b = c.withBias ? randomTensor([c.weightShape[0]], rng) : null;
            const expected = conv2dNaive(toArray64(x), toArray64(w), b && toArray64(b), c.options);
            const out = conv2d(x, w, b, c.options);
            const label = `#${i} ${JSON.stringify(c)}`;
            expect(out.shape, label).toEqual(expected.shape);
            expectClose(out.data, expected.data, FORWARD_TOL, label);
          }
        }));

      it('unbatched 3-D input gives the batched result without the batch dimension', () =>
        run(() => {
          const rng = seeded(8);
          const x = randomTensor([4, 7, 6], rng, { requiresGrad: true });
          const w = randomTensor([6, 2, 3, 2], rng);
          const options: Conv2dOptions = { groups: 2, padding: 'same', paddingMode: 'reflect' };
          const out = conv2d(x, w, null, options);
          expect(out.shape).toEqual([6, 7, 6]);
          const expected = conv2dNaive({ data: Float64Array.from(x.data), shape: [1, 4, 7, 6] }, toArray64(w), null, options);
          expectClose(out.data, expected.data, FORWARD_TOL);
          out.backward(zeros(out.shape));
          expect(x.grad!.shape).toEqual([4, 7, 6]);
        }));
    });

    describe('gradients', () => {
      it('match central finite differences of the float64 definition, for every padding mode', () =>
        run(() => {
          const rng = seeded(11);
          for (let i = 0; i < 32; i++) {
            const c = drawNaiveCase(rng, MODES[i % 4], 6);
            const inputs = [randomTensor(c.inputShape, rng, { requiresGrad: true }), randomTensor(c.weightShape, rng, { requiresGrad: true })];
            if (c.withBias) inputs.push(randomTensor([c.weightShape[0]], rng, { requiresGrad: true }));
            const report = gradcheck((x, w, b) => conv2d(x, w, b ?? null, c.options), inputs, {
              reference: (x, w, b) => conv2dNaive(x, w, b ?? null, c.options),
              maxChecksPerInput: 24,
              seed: i,
            });
            expect(report.checked).toBeGreaterThan(0);
          }
        }));

      it('satisfy the adjoint identities <conv(x), y> = <x, dx(y)> and <conv_w(x), y> = <w, dw(y)> on larger shapes', () =>
        run(() => {
          const rng = seeded(12);
          const shapes: [number[], number[], Conv2dOptions][] = [
            [[2, 6, 13, 11], [9, 2, 3, 3], { stride: 2, dilation: 2, groups: 3, padding: [2, 1] }],
            [[1, 8, 16, 16], [8, 1, 5, 5], { groups: 8, padding: 'same', paddingMode: 'circular' }],
            [[3, 4, 12, 9], [5, 4, 4, 2], { stride: [3, 2], padding: 3, paddingMode: 'replicate' }],
          ];
          for (const [xs, ws, options] of shapes) {
            const x = randomTensor(xs, rng, { requiresGrad: true });
            const w = randomTensor(ws, rng, { requiresGrad: true });
            const out = conv2d(x, w, null, options);
            const y = randomTensor(out.shape, rng);
            out.backward(y);
            const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
              let s = 0;
              for (let i = 0; i < a.length; i++) s += a[i] * b[i];
              return s;
            };
            const lhs = dot(out.data, y.data);
            // conv is linear in x and in w separately: both inner products equal <conv(x, w), y>.
            expect(dot(x.data, x.grad!.data)).toBeCloseTo(lhs, 2);
            expect(dot(w.data, w.grad!.data)).toBeCloseTo(lhs, 2);
          }
        }));
    });

    describe('NaN', () => {
      it('a NaN pixel poisons exactly the outputs whose window covers it, and the weight gradient', () =>
        run(() => {
          const data = new Float32Array(36).fill(1);
          data[0] = NaN;
          const x = new Tensor(data, [1, 1, 6, 6]);
          const w = tensor(new Array(9).fill(1), [1, 1, 3, 3], { requiresGrad: true });
          const out = conv2d(x, w);
          expect(Number.isNaN(out.data[0])).toBe(true);
          expect([...out.data.slice(1)].every((v) => v === 9)).toBe(true);
          out.backward(tensor(new Array(16).fill(1), [1, 1, 4, 4]));
          expect(Number.isNaN(w.grad!.data[0])).toBe(true);
        }));

      it('a NaN weight reaches every output, even where its tap falls in the zero padding (0 * NaN is NaN)', () =>
        run(() => {
          const weight = new Float32Array(9).fill(1);
          weight[0] = NaN; // the top-left tap: in the padding for the whole first row and column
          const out = conv2d(tensor(new Array(16).fill(1), [1, 1, 4, 4]), new Tensor(weight, [1, 1, 3, 3]), null, { padding: 1 });
          expect([...out.data].every(Number.isNaN)).toBe(true);
        }));

      it('an infinite output gradient reaches a weight tap that only saw padding there (Infinity * 0 is NaN)', () =>
        run(() => {
          const w = tensor(new Array(9).fill(1), [1, 1, 3, 3], { requiresGrad: true });
          const out = conv2d(tensor(new Array(16).fill(1), [1, 1, 4, 4]), w, null, { padding: 1 });
          const gradOut = new Float32Array(16);
          gradOut[0] = Infinity; // the top-left output, whose top-left tap reads padding
          out.backward(new Tensor(gradOut, out.shape));
          expect(Number.isNaN(w.grad!.data[0])).toBe(true);
          expect(w.grad!.data[4]).toBe(Infinity); // the centre tap read a real pixel of 1
        }));
    });

    describe('errors', () => {
      const x = (shape: number[]) => zeros(shape);
      const cases: [string, () => unknown, string][] = [
        ['input of rank 2', () => conv2d(x([1, 2]), x([1, 1, 1, 1])), 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 2]'],
        ['input of rank 5', () => conv2d(x([1, 1, 1, 3, 3]), x([1, 1, 1, 1])), 'but got input of size: [1, 1, 1, 3, 3]'],
        ['weight of rank 3', () => conv2d(x([1, 3, 8, 8]), x([6, 3, 5])), 'expected 4-dimensional weight [out_channels, in_channels/groups, kH, kW], but got weight of size [6, 3, 5]'],
        [
          'in-channels mismatch',
          () => conv2d(x([1, 4, 32, 32]), x([6, 3, 5, 5])),
          'Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 4, 32, 32] to have 3 channels, but got 4 channels instead',
        ],
        [
          'groups not dividing the in-channels',
          () => conv2d(x([1, 3, 5, 5]), x([4, 1, 3, 3]), null, { groups: 2 }),
          'Given groups=2, weight of size [4, 1, 3, 3], expected input[1, 3, 5, 5] to have 2 channels, but got 3 channels instead',
        ],
        [
          'groups not dividing the out-channels',
          () => conv2d(x([1, 4, 5, 5]), x([3, 2, 3, 3]), null, { groups: 2 }),
          'Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3] instead',
        ],
        [
          'kernel larger than the input',
          () => conv2d(x([1, 1, 2, 2]), x([1, 1, 3, 3])),
          "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
        ],
        [
          'dilated kernel larger than the input',
          () => conv2d(x([1, 1, 4, 6]), x([1, 1, 3, 3]), null, { dilation: 2 }),
          'Calculated padded input size per channel: (4 x 6). Kernel size: (5 x 5).',
        ],
        ['zero stride', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { stride: 0 }), 'non-positive stride is not supported, got stride=0'],
        ['negative stride', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { stride: [1, -2] }), 'non-positive stride is not supported, got stride=[1, -2]'],
        ['fractional stride', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { stride: 1.5 }), "conv2d(): argument 'stride' must be tuple of ints, but found element of type float at pos 0 (1.5)"],
        [
          'a stride of three numbers',
          () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { stride: [1, 2, 3] as unknown as [number, number] }),
          'conv2d: stride must either be a single int, or a tuple of two ints, but got [1, 2, 3]',
        ],
        ['zero dilation', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { dilation: 0 }), 'dilation should be greater than zero, got dilation=0'],
        ['fractional dilation', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { dilation: [1, 0.5] }), "conv2d(): argument 'dilation' must be tuple of ints, but found element of type float at pos 1 (0.5)"],
        ['negative padding', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { padding: -1 }), 'negative padding is not supported, got padding=-1'],
        ['fractional padding', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { padding: 0.5 }), "conv2d(): argument 'padding' must be tuple of ints, but found element of type float at pos 0 (0.5)"],
        ['unknown padding string', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { padding: 'full' as 'same' }), "Invalid padding string 'full', should be one of {'valid', 'same'}"],
        ['zero groups', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { groups: 0 }), 'non-positive groups is not supported, groups must be a positive integer, got groups=0'],
        ['fractional groups', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { groups: 0.5 }), 'got groups=0.5'],
        [
          "'same' with stride 2",
          () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { padding: 'same', stride: 2 }),
          "padding='same' is not supported for strided convolutions",
        ],
        [
          'unknown padding mode',
          () => conv2d(x([1, 1, 4, 4]), x([1, 1, 3, 3]), null, { padding: 1, paddingMode: 'mirror' as 'reflect' }),
          "padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='mirror'",
        ],
        [
          'reflect padding as large as the input',
          () => conv2d(x([1, 1, 3, 3]), x([1, 1, 3, 3]), null, { padding: 3, paddingMode: 'reflect' }),
          'Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 3 of input [1, 1, 3, 3]',
        ],
        [
          'circular padding larger than the input',
          () => conv2d(x([1, 1, 2, 2]), x([1, 1, 3, 3]), null, { padding: 3, paddingMode: 'circular' }),
          'Padding value causes wrapping around more than once',
        ],
        [
          'bias of the wrong length',
          () => conv2d(x([1, 3, 8, 8]), x([6, 3, 5, 5]), x([5])),
          'Given weight of size [6, 3, 5, 5], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead',
        ],
        [
          'bias of the wrong rank',
          () => conv2d(x([1, 3, 8, 8]), x([6, 3, 5, 5]), x([1, 6])),
          'expected bias to be 1-dimensional with 6 elements, but got bias of size [1, 6] instead',
        ],
        ['empty kernel', () => conv2d(x([1, 1, 4, 4]), x([1, 1, 0, 3])), 'weight must have non-zero in-channel and kernel sizes, but got weight of size [1, 1, 0, 3]'],
      ];
      for (const [what, call, message] of cases) {
        it(`refuses ${what}`, () => run(() => expect(call).toThrow(message)));
      }
    });
  });
}
