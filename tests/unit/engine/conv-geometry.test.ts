// conv2dGeometry: a convolution's shapes, padding and refusals, worked out in one
// place for the conv2d op, nn.Conv2d (its outputShape, which summary() traces)
// and the 1-D shape functions. The three used to repeat the arithmetic; here
// they are made to agree over a grid of configurations, result and message.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conv2d, conv2dGeometry, convOutputSize, convOutputSteps, nn, summary, zeros } from '../../../src/engine/index.ts';
import type { Conv2dArgs } from '../../../src/engine/index.ts';

/** What a call returned, or the message it threw. */
function outcome(call: () => readonly number[]): { shape: readonly number[] } | { error: string } {
  try {
    return { shape: [...call()] };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('conv2dGeometry', () => {
  it('works out the padded sizes, the dilation span and the output, and hands the kernels their geometry', () => {
    const plan = conv2dGeometry([2, 3, 9, 8], [4, 3, 3, 2], { stride: [2, 1], padding: [1, 2], dilation: [1, 3] });
    expect(plan.outputShape).toEqual([2, 4, 5, 9]);
    expect(plan.padding).toEqual([1, 1, 2, 2]);
    expect(plan.inputPadding).toBeNull();
    expect(plan.heightSteps).toMatchObject({ inSize: 9, paddedSize: 11, effectiveKernel: 3, stride: 2, result: 5 });
    expect(plan.widthSteps).toMatchObject({ inSize: 8, paddedSize: 12, effectiveKernel: 4, stride: 1, result: 9 });
    expect(plan.geometry).toEqual({
      batch: 2,
      inChannels: 3,
      inHeight: 9,
      inWidth: 8,
      outChannels: 4,
      kernelHeight: 3,
      kernelWidth: 2,
      strideH: 2,
      strideW: 1,
      padTop: 1,
      padLeft: 2,
      dilationH: 1,
      dilationW: 3,
      groups: 1,
      outHeight: 5,
      outWidth: 9,
    });
  });

  it("splits 'same' padding as PyTorch does: the odd pixel goes after (checked against torch 1.13)", () => {
    // Kernel 4: 3 pixels of padding in all, 1 before and 2 after; dilation 3 with kernel 2: 1 and 2.
    expect(conv2dGeometry([1, 1, 7, 6], [1, 1, 4, 2], { padding: 'same', dilation: [1, 3] }).padding).toEqual([1, 2, 1, 2]);
    const plan = conv2dGeometry([1, 1, 7, 6], [1, 1, 4, 4], { padding: 'same' });
    expect(plan.outputShape).toEqual([1, 1, 7, 6]);
    expect(plan.heightSteps).toMatchObject({ padding: 1, paddingAfter: 2, paddedSize: 10 });
    expect(conv2dGeometry([1, 1, 7, 6], [1, 1, 3, 3], { padding: 'valid' }).padding).toEqual([0, 0, 0, 0]);
  });

  it('with a padding mode other than zeros, says how to pad the input first and gives the kernels no padding', () => {
    const plan = conv2dGeometry([1, 2, 5, 5], [3, 2, 4, 4], { padding: 'same', paddingMode: 'reflect' });
    expect(plan.inputPadding).toEqual({ pads: [1, 2, 1, 2], mode: 'reflect' });
    expect(plan.geometry).toMatchObject({ inHeight: 8, inWidth: 8, padTop: 0, padLeft: 0, outHeight: 5, outWidth: 5 });
    // With nothing to pad there is nothing to do first.
    expect(conv2dGeometry([1, 2, 5, 5], [3, 2, 3, 3], { paddingMode: 'circular' }).inputPadding).toBeNull();
  });

  it('keeps an unbatched input unbatched', () => {
    const plan = conv2dGeometry([3, 6, 6], [8, 3, 3, 3], { padding: 1 });
    expect(plan.outputShape).toEqual([8, 6, 6]);
    expect(plan.geometry.batch).toBe(1);
  });

  it("refuses with PyTorch's messages", () => {
    expect(() => conv2dGeometry([1, 1, 2, 2], [1, 1, 3, 3])).toThrow(
      "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    );
    expect(() => conv2dGeometry([1, 1, 4, 4], [1, 1, 3, 3], { padding: 'same', stride: 2 })).toThrow(
      "padding='same' is not supported for strided convolutions",
    );
    expect(() => conv2dGeometry([1, 4, 8, 8], [6, 3, 5, 5])).toThrow(
      'Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 4, 8, 8] to have 3 channels, but got 4 channels instead',
    );
    expect(() => conv2dGeometry([1, 3, 8, 8], [6, 3, 5, 5], {}, [5])).toThrow(
      'Given weight of size [6, 3, 5, 5], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead',
    );
  });
});

describe('conv2d, nn.Conv2d and the shape functions agree, result and message', () => {
  const paddings: Conv2dArgs['padding'][] = [0, 1, 2, [0, 2], 'valid', 'same'];
  const modes = ['zeros', 'reflect', 'circular'] as const;
  const configs: { input: number[]; kernel: [number, number]; args: Conv2dArgs }[] = [];
  for (const input of [[1, 2, 5, 6], [2, 3, 7], [1, 2, 2, 3]]) {
    for (const kernel of [[1, 1], [3, 3], [4, 2]] as [number, number][]) {
      for (const stride of [1, 2, [1, 3]] as Conv2dArgs['stride'][]) {
        for (const padding of paddings) {
          for (const dilation of [1, 2] as Conv2dArgs['dilation'][]) {
            for (const paddingMode of modes) configs.push({ input, kernel, args: { stride, padding, dilation, paddingMode } });
          }
        }
      }
    }
  }

  it(`over ${configs.length} configurations`, () => {
    let refused = 0;
    for (const { input, kernel, args } of configs) {
      const inChannels = input[input.length - 3];
      const weightShape = [4, inChannels, ...kernel];
      const label = JSON.stringify({ input, kernel, args });
      const planned = outcome(() => conv2dGeometry(input, weightShape, args).outputShape);
      // The layer refuses some arguments when built ('same' with a stride); the others it must pass through.
      let layer: nn.Conv2d | null = null;
      try {
        layer = new nn.Conv2d(inChannels, 4, kernel, { ...args, bias: false });
      } catch (error) {
        expect(planned, label).toEqual({ error: (error as Error).message });
      }
      const ran = outcome(() => conv2d(zeros(input), zeros(weightShape), null, args).shape);
      expect(ran, label).toEqual(planned);
      if (layer) expect(outcome(() => layer.outputShape(input)), label).toEqual(planned);
      if ('error' in planned) {
        refused++;
        continue;
      }
      // Symmetric padding: each side length is what the 1-D formula says.
      const pad = args.padding;
      if (typeof pad === 'number') {
        const [stride, dilation] = [args.stride, args.dilation].map((v) => (typeof v === 'number' ? [v, v] : v!));
        const side = (d: 0 | 1) =>
          convOutputSize(input[input.length - 2 + d], { kernelSize: kernel[d], stride: stride[d], padding: pad, dilation: dilation[d] });
        expect(planned.shape.slice(-2), label).toEqual([side(0), side(1)]);
      }
    }
    // The grid must exercise the refusals too.
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(configs.length / 2);
  });

  it('summary() traces a Conv2d to the shape the op returns, including odd same padding', () => {
    const model = new nn.Sequential(
      new nn.Conv2d(1, 2, 4, { padding: 'same', paddingMode: 'replicate' }),
      new nn.Conv2d(2, 3, 3, { stride: 2, dilation: 2, padding: 1 }),
    );
    const traced = summary(model, [1, 1, 11, 10]).layers.map((row) => row.outputShape);
    const first = model.at(0).forward(zeros([1, 1, 11, 10]));
    expect(traced).toEqual([first.shape, model.at(1).forward(first).shape]);
    expect(traced).toEqual([[1, 2, 11, 10], [1, 3, 5, 4]]);
  });

  it('convOutputSteps reports the padded size and the padding after, which is the padding before', () => {
    expect(convOutputSteps(7, { kernelSize: 3, padding: 2 })).toMatchObject({ padding: 2, paddingAfter: 2, paddedSize: 11 });
  });
});

describe('the arithmetic is written once', () => {
  /** Every .ts file under src/engine. */
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const root = join(import.meta.dirname, '../../../src/engine');
  const holding = (text: string) =>
    files(root)
      .filter((path) => readFileSync(path, 'utf8').includes(text))
      .map((path) => relative(root, path));

  it("each of a convolution's messages lives in the shape module only", () => {
    for (const message of [
      "Kernel size can't be greater than actual input size",
      "padding='same' is not supported for strided convolutions",
      'Invalid padding string',
      'expected bias to be 1-dimensional',
      'to have ${',
      'padding_mode must be one of',
    ]) {
      expect(holding(message), message).toEqual(['shapes.ts']);
    }
  });

  it("the dilation span, dilation * (kernel - 1) + 1, is computed in the shape module only", () => {
    const span = /dilation\w*(\[\w+\])?\s*\*\s*\(\s*(\w+\.)?(kernel\w*|k)(\[\w+\])?\s*-\s*1\s*\)/i;
    // The wasm backend's AssemblyScript is compiled on its own and cannot import
    // shapes.ts; it receives validated geometry and uses the span only in its cost
    // model, to choose between two backward paths.
    const offenders = files(root)
      .filter((path) => !path.endsWith('shapes.ts'))
      .filter((path) => !relative(root, path).startsWith('backends/wasm/assembly/'))
      .filter((path) => span.test(readFileSync(path, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '')))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });
});
