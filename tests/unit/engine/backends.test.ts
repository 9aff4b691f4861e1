// Every backend against the reference kernels, call by call, on geometries that
// stress the fast backend's blocking: shared dimensions longer than one block,
// row and column counts that are not multiples of the register tile, the 1x1
// shortcut, groups, stride, dilation and uneven padding. The wasm backend runs
// them in both of its builds (relaxed SIMD and plain SIMD) and on each of its
// convolution paths, forced, as well as on the one it picks by shape.
import { afterAll, describe, expect, it } from 'vitest';
import type { ConvGeometry, Kernels, PoolGeometry } from '../../../src/engine/index.ts';
import { getBackend, listBackends, setBackend, withBackend } from '../../../src/engine/index.ts';
import { loadWasmKernels, wasmVariant } from '../../../src/engine/backends/wasm.ts';
import type { WasmKernels } from '../../../src/engine/backends/wasm.ts';
import { expectClose } from './helpers/reference.ts';
import { randomData, randomInt, seeded } from './helpers/random.ts';

function kernelsOf(name: string): Kernels {
  return withBackend(name, () => getBackend());
}
const reference = kernelsOf('reference');

/** The kernel sets under test: every registered backend but the reference, and the wasm build not registered. */
const candidates: { label: string; kernels: Kernels }[] = listBackends()
  .filter((name) => name !== 'reference')
  .map((name) => {
    const kernels = kernelsOf(name);
    return { label: name === 'wasm' ? `wasm (${(kernels as WasmKernels).variant})` : name, kernels };
  });
if (wasmVariant() === 'relaxed') {
  const simd = await loadWasmKernels({ variant: 'simd' });
  if (simd) candidates.push({ label: 'wasm (simd)', kernels: simd });
}

/** A random valid convolution geometry; `big` makes the shared dimension exceed one block. */
function drawGeometry(rng: ReturnType<typeof seeded>, big: boolean): ConvGeometry {
  for (;;) {
    const groups = randomInt(rng, 1, 3);
    const inPerGroup = big ? randomInt(rng, 20, 40) : randomInt(rng, 1, 5);
    const outPerGroup = randomInt(rng, 1, big ? 9 : 7);
    const kernelHeight = randomInt(rng, 1, big ? 3 : 5);
    const kernelWidth = randomInt(rng, 1, big ? 3 : 5);
    const [strideH, strideW] = [randomInt(rng, 1, 3), randomInt(rng, 1, 3)];
    const [dilationH, dilationW] = [randomInt(rng, 1, 2), randomInt(rng, 1, 2)];
    const [inHeight, inWidth] = [randomInt(rng, 1, 13), randomInt(rng, 1, 13)];
    const [padTop, padBottom, padLeft, padRight] = [0, 0, 0, 0].map(() => randomInt(rng, 0, 2));
    const spanH = dilationH * (kernelHeight - 1) + 1;
    const spanW = dilationW * (kernelWidth - 1) + 1;
    if (inHeight + padTop + padBottom < spanH || inWidth + padLeft + padRight < spanW) continue;
    return {
      batch: randomInt(rng, 1, 3),
      inChannels: groups * inPerGroup,
      inHeight,
      inWidth,
      outChannels: groups * outPerGroup,
      kernelHeight,
      kernelWidth,
      strideH,
      strideW,
      padTop,
      padLeft,
      dilationH,
      dilationW,
      groups,
      outHeight: Math.floor((inHeight + padTop + padBottom - spanH) / strideH) + 1,
      outWidth: Math.floor((inWidth + padLeft + padRight - spanW) / strideW) + 1,
    };
  }
}

/** Output height and width of `g` with stride 1 (its padding, dilation and kernel kept). */
function strideOneSize(g: ConvGeometry): [number, number] {
  // The far-side padding is implied by the output size: recover it from the strided geometry's maximum.
  const padBottom = (g.outHeight - 1) * g.strideH + g.dilationH * (g.kernelHeight - 1) + 1 - g.inHeight - g.padTop;
  const padRight = (g.outWidth - 1) * g.strideW + g.dilationW * (g.kernelWidth - 1) + 1 - g.inWidth - g.padLeft;
  return [
    g.inHeight + g.padTop + Math.max(0, padBottom) - g.dilationH * (g.kernelHeight - 1),
    g.inWidth + g.padLeft + Math.max(0, padRight) - g.dilationW * (g.kernelWidth - 1),
  ];
}

function pointwise(batch: number, channels: number, outChannels: number, size: number, groups: number): ConvGeometry {
  return {
    batch, inChannels: channels, inHeight: size, inWidth: size + 1, outChannels,
    kernelHeight: 1, kernelWidth: 1, strideH: 1, strideW: 1, padTop: 0, padLeft: 0,
    dilationH: 1, dilationW: 1, groups, outHeight: size, outWidth: size + 1,
  };
}

// Float32 sums of a few hundred products, in another order.
const TOL = { atol: 2e-4, rtol: 1e-4 };

describe('the backend registry', () => {
  it('lists reference, fast and (with WebAssembly SIMD, as in Node 22+) wasm, every one implementing the whole kernel interface', () => {
    expect(wasmVariant()).not.toBeNull();
    expect(listBackends()).toEqual(expect.arrayContaining(['reference', 'fast', 'wasm']));
    const methods = Object.keys(reference).filter((key) => key !== 'name');
    for (const name of listBackends()) {
      const k = kernelsOf(name);
      expect(k.name).toBe(name);
      for (const method of methods) expect(typeof (k as unknown as Record<string, unknown>)[method], `${name}.${method}`).toBe('function');
    }
  });

  it('makes fast the default, and withBackend restores the previous one', () => {
    expect(getBackend().name).toBe('fast');
    withBackend('reference', () => expect(getBackend().name).toBe('reference'));
    expect(getBackend().name).toBe('fast');
    expect(() => setBackend('gpu')).toThrow("setBackend: unknown backend 'gpu'");
  });
});

for (const { label: name, kernels: k } of candidates) {
  describe(`${name} kernels equal the reference kernels`, () => {
    // The wasm backend's paths, each forced in turn; 0 lets the shape choose.
    const paths = 'setConvPath' in k ? ([0, 1, 2, 3] as const) : ([0] as const);
    const forcePath = (path: 0 | 1 | 2 | 3) => (k as WasmKernels).setConvPath?.(path);
    afterAll(() => forcePath(0));

    it('gemm with every transpose flag, with and without accumulate, on awkward sizes', () => {
      const rng = seeded(31);
      const sizes = [
        [1, 1, 1], [3, 5, 7], [4, 4, 4], [5, 9, 300], [17, 3, 2], [64, 65, 257], [2, 130, 513],
      ];
      for (const [m, n, kk] of sizes) {
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            for (const accumulate of [false, true]) {
              const a = randomData(m * kk, rng);
              const b = randomData(kk * n, rng);
              const start = randomData(m * n, rng);
              const expected = start.slice();
              const actual = start.slice();
              reference.gemm(a, b, expected, m, n, kk, transA, transB, accumulate);
              k.gemm(a, b, actual, m, n, kk, transA, transB, accumulate);
              expectClose(actual, expected, TOL, `gemm ${m}x${n}x${kk} transA=${transA} transB=${transB} accumulate=${accumulate}`);
            }
          }
        }
      }
    });

    it('gemm leaves the rest of a larger output buffer alone and handles empty sizes', () => {
      const out = new Float32Array(10).fill(7);
      k.gemm(new Float32Array([2]), new Float32Array([3]), out, 1, 1, 1, false, false, false);
      expect([...out]).toEqual([6, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
      // An infinity in B must not leak into rows past m (0 * Infinity is NaN).
      for (const n of [1, 4, 5]) {
        const below = new Float32Array(2 * n).fill(7);
        k.gemm(new Float32Array([2]), new Float32Array(n).fill(Infinity), below, 1, n, 1, false, false, false);
        expect([...below.subarray(n)], `n=${n}`).toEqual(new Array(n).fill(7));
      }
      const zero = new Float32Array(4).fill(5);
      k.gemm(new Float32Array(0), new Float32Array(0), zero, 2, 2, 0, false, false, false);
      expect([...zero]).toEqual([0, 0, 0, 0]);
    });

    for (const path of paths) {
      const on = ['', ', direct path forced', ', im2col / col2im forced', ', forward by channel forced'][path];
      it(`convolution forward and both backwards on 150 random geometries${on}`, () => {
        forcePath(path);
        const rng = seeded(32);
        for (let i = 0; i < 150; i++) {
          // Every other geometry has stride 1, where the direct paths apply.
          const g = drawGeometry(rng, i % 10 === 0);
          if (i % 2) [g.strideH, g.strideW, g.outHeight, g.outWidth] = [1, 1, ...strideOneSize(g)];
          const label = `#${i} ${JSON.stringify(g)}`;
          const inPerGroup = g.inChannels / g.groups;
          const input = randomData(g.batch * g.inChannels * g.inHeight * g.inWidth, rng);
          const weight = randomData(g.outChannels * inPerGroup * g.kernelHeight * g.kernelWidth, rng);
          const bias = i % 2 ? randomData(g.outChannels, rng) : null;
          const gradOut = randomData(g.batch * g.outChannels * g.outHeight * g.outWidth, rng);
          if (i % 7 === 3) {
            // Non-finite values must land on the same outputs: a padded tap counts as 0 * w on both.
            weight[rng.int(weight.length)] = NaN;
            gradOut[rng.int(gradOut.length)] = Infinity;
            gradOut[rng.int(gradOut.length)] = -Infinity;
          }
          if (i % 7 === 5) {
            // An infinite pixel reaches exactly the weights whose taps read it (0 * inf is NaN elsewhere).
            input[rng.int(input.length)] = Infinity;
            input[rng.int(input.length)] = NaN;
          }
          expectClose(k.conv2dForward(input, weight, bias, g), reference.conv2dForward(input, weight, bias, g), TOL, `forward ${label}`);
          expectClose(k.conv2dBackwardInput(gradOut, weight, g), reference.conv2dBackwardInput(gradOut, weight, g), TOL, `input ${label}`);
          expectClose(k.conv2dBackwardWeight(gradOut, input, g), reference.conv2dBackwardWeight(gradOut, input, g), TOL, `weight ${label}`);
        }
      });
    }

    it('the LeNet-5 and kernel-bench shapes, on every path', () => {
      const rng = seeded(36);
      const shapes: [number, number, number, number, number, number][] = [
        [3, 1, 28, 6, 5, 2], [3, 6, 14, 16, 5, 0], [2, 16, 32, 32, 3, 1], [1, 64, 20, 64, 3, 1],
      ];
      for (const [batch, inChannels, size, outChannels, kernel, padding] of shapes) {
        const out = size + 2 * padding - kernel + 1;
        const g: ConvGeometry = {
          batch, inChannels, inHeight: size, inWidth: size, outChannels, kernelHeight: kernel, kernelWidth: kernel,
          strideH: 1, strideW: 1, padTop: padding, padLeft: padding, dilationH: 1, dilationW: 1, groups: 1, outHeight: out, outWidth: out,
        };
        const input = randomData(batch * inChannels * size * size, rng);
        const weight = randomData(outChannels * inChannels * kernel * kernel, rng);
        const bias = randomData(outChannels, rng);
        const gradOut = randomData(batch * outChannels * out * out, rng);
        // Sums of up to 576 products: a little more room than the random geometries need.
        const tol = { atol: 5e-4, rtol: 1e-4 };
        for (const path of paths) {
          forcePath(path);
          const label = `${JSON.stringify(g)} path ${path}`;
          expectClose(k.conv2dForward(input, weight, bias, g), reference.conv2dForward(input, weight, bias, g), tol, `forward ${label}`);
          expectClose(k.conv2dBackwardInput(gradOut, weight, g), reference.conv2dBackwardInput(gradOut, weight, g), tol, `input ${label}`);
          expectClose(k.conv2dBackwardWeight(gradOut, input, g), reference.conv2dBackwardWeight(gradOut, input, g), tol, `weight ${label}`);
        }
        forcePath(0);
      }
    });

    it('tanh forward and backward, with zeros, infinities, NaN and values far out', () => {
      const rng = seeded(37);
      const x = randomData(1001, rng, { low: -12, high: 12 });
      x.set([0, -0, 1e-30, -1e-30, 0.6249, 0.625, -0.625, 20, -20, 1000, -1000, Infinity, -Infinity, NaN, 1e-8, 88, 9.1]);
      const y = k.tanhForward(x);
      const expected = reference.tanhForward(x);
      // Within about 2 units in the last place of float32 (the values' own rounding is 1).
      expectClose(y, expected, { atol: 1e-37, rtol: 3e-7 }, 'tanh');
      expect(Object.is(y[1], -0)).toBe(true);
      expect([y[11], y[12]]).toEqual([1, -1]);
      const g = randomData(x.length, rng);
      expectClose(k.tanhBackward(g, y), reference.tanhBackward(g, y), { atol: 0, rtol: 0 }, 'tanh backward');
      expect(k.tanhForward(new Float32Array(0))).toHaveLength(0);
      expectClose(k.tanhForward(Float32Array.of(0.5, -2, 3)), reference.tanhForward(Float32Array.of(0.5, -2, 3)), { atol: 0, rtol: 3e-7 }, 'tanh of three');
    });

    it('the 1x1 stride-1 shortcut, with and without groups', () => {
      const rng = seeded(33);
      for (const g of [pointwise(2, 6, 10, 5, 1), pointwise(3, 6, 9, 4, 3), pointwise(1, 1, 1, 1, 1)]) {
        const input = randomData(g.batch * g.inChannels * g.inHeight * g.inWidth, rng);
        const weight = randomData((g.outChannels * g.inChannels) / g.groups, rng);
        const gradOut = randomData(g.batch * g.outChannels * g.outHeight * g.outWidth, rng);
        const bias = randomData(g.outChannels, rng);
        expectClose(k.conv2dForward(input, weight, bias, g), reference.conv2dForward(input, weight, bias, g), TOL);
        expectClose(k.conv2dBackwardInput(gradOut, weight, g), reference.conv2dBackwardInput(gradOut, weight, g), TOL);
        expectClose(k.conv2dBackwardWeight(gradOut, input, g), reference.conv2dBackwardWeight(gradOut, input, g), TOL);
      }
    });

    it('gives fresh output arrays: a result survives the next call', () => {
      const rng = seeded(34);
      const g = drawGeometry(rng, false);
      const input = randomData(g.batch * g.inChannels * g.inHeight * g.inWidth, rng);
      const weight = randomData((g.outChannels * g.inChannels * g.kernelHeight * g.kernelWidth) / g.groups, rng);
      const first = k.conv2dForward(input, weight, null, g);
      const copy = first.slice();
      k.conv2dForward(input.map((v) => -v), weight, null, g);
      expect([...first]).toEqual([...copy]);
    });

    it('max pooling: same maxima, same winners (first of ties, NaN wins) with padding, dilation and stride', () => {
      const rng = seeded(35);
      for (let i = 0; i < 120; i++) {
        const kernelHeight = randomInt(rng, 1, 4);
        const kernelWidth = randomInt(rng, 1, 4);
        const dilationH = randomInt(rng, 1, 2);
        const dilationW = randomInt(rng, 1, 2);
        const padTop = randomInt(rng, 0, Math.floor(kernelHeight / 2));
        const padLeft = randomInt(rng, 0, Math.floor(kernelWidth / 2));
        const inHeight = randomInt(rng, dilationH * (kernelHeight - 1) + 1, 12);
        const inWidth = randomInt(rng, dilationW * (kernelWidth - 1) + 1, 12);
        const strideH = randomInt(rng, 1, 3);
        const strideW = randomInt(rng, 1, 3);
        // Every third case keeps all windows inside the image (the fast path); of the
        // rest, half get one extra row / column as ceil mode can give.
        const inside = i % 3 === 0;
        const extra = inside ? 0 : i % 2;
        const g: PoolGeometry = {
          batch: randomInt(rng, 1, 2), channels: randomInt(rng, 1, 3), inHeight, inWidth,
          kernelHeight, kernelWidth, strideH, strideW,
          padTop: inside ? 0 : padTop, padLeft: inside ? 0 : padLeft,
          dilationH: inside ? 1 : dilationH, dilationW: inside ? 1 : dilationW,
          outHeight: 0, outWidth: 0,
        };
        g.outHeight = Math.floor((inHeight + 2 * g.padTop - g.dilationH * (kernelHeight - 1) - 1) / strideH) + 1 + extra;
        g.outWidth = Math.floor((inWidth + 2 * g.padLeft - g.dilationW * (kernelWidth - 1) - 1) / strideW) + 1 + extra;
        const n = g.batch * g.channels * inHeight * inWidth;
        // Few distinct values make ties common; a few NaNs test propagation.
        const input = Float32Array.from({ length: n }, () => (rng.next() < 0.03 ? NaN : randomInt(rng, -3, 3)));
        const expected = reference.maxPool2dForward(input, g);
        const actual = k.maxPool2dForward(input, g);
        const label = `#${i} ${JSON.stringify(g)}`;
        expectClose(actual.output, expected.output, { atol: 0, rtol: 0 }, label);
        expect([...actual.indices], label).toEqual([...expected.indices]);
        const gradOut = randomData(actual.output.length, rng);
        expectClose(k.maxPool2dBackward(gradOut, actual.indices, g), reference.maxPool2dBackward(gradOut, expected.indices, g), { atol: 0, rtol: 0 }, label);
      }
    });
  });
}
