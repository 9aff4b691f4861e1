/**
 * Lesson 6's photo comparison, without the UI: a photograph in grey, an outline filter
 * run two ways to downsample by a factor f (a stride-1 convolution then f×f max
 * pooling, or one convolution with stride f), and each path's output shape and
 * multiply-accumulates from the engine's `summary`. Kept apart from the widget so the
 * tests can run it on made-up pixels.
 */
import { conv2d, maxPool2d, nn, noGrad, relu, summary, tensor } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';

/** The photographs in public/images/ the panel offers. */
export const PHOTOS = ['camera', 'astronaut', 'chelsea', 'coffee'] as const;
export type PhotoId = (typeof PHOTOS)[number];

/** The downsampling factors offered: the stride of one path, the pooling window of the other. */
export const FACTORS = [2, 4] as const;
export type Factor = (typeof FACTORS)[number];

/** An outline filter: strong on thin lines, zero on flat areas, so lost detail shows. */
export const EDGE_KERNEL = [-1, -1, -1, -1, 8, -1, -1, -1, -1];

/** RGBA pixels as a [1, 1, H, W] grey tensor in [0, 1] (ITU-R 601 weights). */
export function greyTensor(rgba: ArrayLike<number>, width: number, height: number): Tensor {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    data[i] = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
  }
  return tensor(data, [1, 1, height, width]);
}

/** Both paths on one grey picture, run by the engine (ReLU keeps the lines, drops their dark halo). */
export function bothPaths(grey: Tensor, factor: Factor): { pooled: Tensor; strided: Tensor } {
  return noGrad(() => {
    const w = tensor(EDGE_KERNEL, [1, 1, 3, 3]);
    const full = relu(conv2d(grey, w, null, { padding: 1 }));
    return {
      pooled: maxPool2d(full, { kernelSize: factor }),
      strided: relu(conv2d(grey, w, null, { stride: factor, padding: 1 })),
    };
  });
}

/** Each path's output shape and cost as `summary` counts them, for a picture of this size. */
export function pathCosts(height: number, width: number, factor: Factor) {
  const input = [1, 1, height, width];
  const pooled = summary(new nn.Sequential(new nn.Conv2d(1, 1, 3, { padding: 1, bias: false }), new nn.MaxPool2d(factor)), input);
  const strided = summary(new nn.Sequential(new nn.Conv2d(1, 1, 3, { stride: factor, padding: 1, bias: false })), input);
  return {
    pooled: { shape: pooled.outputShape, macs: pooled.totalMacs },
    strided: { shape: strided.outputShape, macs: strided.totalMacs },
  };
}

/** The brightness drawn as white: the 99th percentile of the full-resolution map, shared by both paths. */
export function whitePoint(x: Tensor): number {
  const sorted = Float32Array.from(x.data).sort();
  const v = sorted[Math.floor(0.99 * (sorted.length - 1))];
  return v > 0 ? v : 1;
}

/** Grey RGBA pixels of a [1, 1, H, W] map, values divided by `white`. */
export function toRgba(x: Tensor, white: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * x.data.length);
  for (let i = 0; i < x.data.length; i++) {
    const g = Math.round((x.data[i] / white) * 255);
    out[4 * i] = g;
    out[4 * i + 1] = g;
    out[4 * i + 2] = g;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Share of output pixels that see an edge (above a quarter of the white point): how much line survives. */
export function edgeShare(x: Tensor, white: number): number {
  let n = 0;
  for (const v of x.data) if (v > white / 4) n++;
  return n / x.data.length;
}
