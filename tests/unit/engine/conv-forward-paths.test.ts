// The wasm backend's two stride-1 forward paths, against the definition
// (conv2dForwardLoops): "direct" (positions across the vector lanes, weights
// broadcast) and "by channel" (output channels across the lanes, pixels
// broadcast, four consecutive positions per tile, a tile possibly running from
// one output row into the next). Each shape runs with the path chosen by shape
// and with each path forced; the comments say which one the shape picks. The
// shapes stress the by-channel tile's edges: channel counts that are not a
// multiple of eight, planes whose size is not a multiple of four, rows shorter
// than a tile, groups, dilation, uneven padding, and non-finite values.
import { describe, it } from 'vitest';
import type { ConvGeometry } from '../../../src/engine/index.ts';
import { conv2dForwardLoops } from '../../../src/engine/ops/conv2d.ts';
import { loadWasmKernels } from '../../../src/engine/backends/wasm.ts';
import type { WasmKernels } from '../../../src/engine/backends/wasm.ts';
import { expectClose } from './helpers/reference.ts';
import { randomData, seeded } from './helpers/random.ts';

const builds = (await Promise.all([loadWasmKernels({ variant: 'relaxed' }), loadWasmKernels({ variant: 'simd' })]))
  .filter((k): k is WasmKernels => k !== null);

interface Shape {
  batch: number;
  inChannels: number;
  size: [number, number];
  outChannels: number;
  kernel: [number, number];
  pad?: [number, number, number, number]; // top, bottom, left, right
  dilation?: [number, number];
  groups?: number;
}

function geometry(s: Shape): ConvGeometry {
  const [inHeight, inWidth] = s.size;
  const [kernelHeight, kernelWidth] = s.kernel;
  const [padTop, padBottom, padLeft, padRight] = s.pad ?? [0, 0, 0, 0];
  const [dilationH, dilationW] = s.dilation ?? [1, 1];
  return {
    batch: s.batch, inChannels: s.inChannels, inHeight, inWidth, outChannels: s.outChannels, kernelHeight, kernelWidth,
    strideH: 1, strideW: 1, padTop, padLeft, dilationH, dilationW, groups: s.groups ?? 1,
    outHeight: inHeight + padTop + padBottom - dilationH * (kernelHeight - 1),
    outWidth: inWidth + padLeft + padRight - dilationW * (kernelWidth - 1),
  };
}

const SHAPES: [string, Shape][] = [
  // By channel: LeNet-5's second convolution, two whole panels of eight channels.
  ['LeNet-5 C3', { batch: 2, inChannels: 6, size: [14, 14], outChannels: 16, kernel: [5, 5] }],
  // By channel: six channels of a panel of eight, padding on every side, a 28-wide row (7 tiles).
  ['LeNet-5 C1', { batch: 2, inChannels: 1, size: [28, 28], outChannels: 6, kernel: [5, 5], pad: [2, 2, 2, 2] }],
  // By channel: 5 x 7 = 35 positions (the last tile holds three), rows of 7 (tiles straddle rows), 13 channels.
  ['odd plane', { batch: 3, inChannels: 3, size: [7, 9], outChannels: 13, kernel: [3, 3], pad: [0, 0, 0, 0] }],
  // By channel: groups of 6 channels, uneven padding, a 3 x 2 kernel dilated.
  ['groups, dilation', { batch: 2, inChannels: 4, size: [9, 8], outChannels: 12, kernel: [3, 2], pad: [1, 0, 2, 1], dilation: [2, 3], groups: 2 }],
  // By channel: rows of one position (every tile spans four rows) and planes of three.
  ['one column', { batch: 2, inChannels: 2, size: [3, 5], outChannels: 9, kernel: [1, 5] }],
  // By channel: a single output position, the tile's other three lanes repeat it.
  ['one position', { batch: 2, inChannels: 5, size: [3, 5], outChannels: 8, kernel: [3, 5] }],
  // Direct: four channels would fill half a panel by channel; direct tiles them whole.
  ['four channels', { batch: 2, inChannels: 3, size: [12, 11], outChannels: 4, kernel: [3, 3], pad: [1, 1, 1, 1] }],
  // Direct: depthwise, one channel per group.
  ['depthwise', { batch: 2, inChannels: 3, size: [8, 10], outChannels: 3, kernel: [3, 3], pad: [1, 1, 0, 2], groups: 3 }],
  // Direct: two channels, a wide image, dilation.
  ['two channels', { batch: 1, inChannels: 2, size: [6, 21], outChannels: 2, kernel: [2, 3], dilation: [2, 2] }],
];

// Float32 sums of up to a few hundred products, in another order.
const TOL = { atol: 2e-4, rtol: 1e-4 };
// 0: the path the shape chooses; 1: direct forced; 3: by channel forced.
const PATHS = [0, 1, 3] as const;

for (const k of builds) {
  describe(`wasm (${k.variant}) stride-1 forward paths equal conv2dForwardLoops`, () => {
    for (const [name, shape] of SHAPES) {
      it(`${name}, with and without bias, on every path`, () => {
        const g = geometry(shape);
        const rng = seeded(41);
        const input = randomData(g.batch * g.inChannels * g.inHeight * g.inWidth, rng);
        const weight = randomData((g.outChannels * g.inChannels * g.kernelHeight * g.kernelWidth) / g.groups, rng);
        const bias = randomData(g.outChannels, rng);
        try {
          for (const path of PATHS) {
            k.setConvPath(path);
            for (const b of [bias, null]) {
              const label = `${name} path ${path} ${b ? 'bias' : 'no bias'}`;
              expectClose(k.conv2dForward(input, weight, b, g), conv2dForwardLoops(input, weight, b, g), TOL, label);
            }
          }
        } finally {
          k.setConvPath(0);
        }
      });
    }

    it('gives NaN and infinities exactly where the definition does, on every path', () => {
      const rng = seeded(42);
      for (const [name, shape] of SHAPES) {
        const g = geometry(shape);
        const input = randomData(g.batch * g.inChannels * g.inHeight * g.inWidth, rng);
        const weight = randomData((g.outChannels * g.inChannels * g.kernelHeight * g.kernelWidth) / g.groups, rng);
        const bias = randomData(g.outChannels, rng);
        // An infinite pixel at the end of a row and a NaN at the start of one: a wrap-around column or a
        // zero weight past the last channel must not turn them into outputs the definition keeps finite.
        input[g.inWidth - 1] = Infinity;
        input[input.length - g.inWidth] = NaN;
        const nanWeight = weight.slice();
        nanWeight[rng.int(nanWeight.length)] = NaN;
        try {
          for (const path of PATHS) {
            k.setConvPath(path);
            const label = `${name} path ${path}`;
            expectClose(k.conv2dForward(input, weight, bias, g), conv2dForwardLoops(input, weight, bias, g), TOL, `${label} inf/NaN pixels`);
            expectClose(k.conv2dForward(input, nanWeight, null, g), conv2dForwardLoops(input, nanWeight, null, g), TOL, `${label} NaN weight`);
          }
        } finally {
          k.setConvPath(0);
        }
      }
    });
  });
}
