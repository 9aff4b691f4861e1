/**
 * Lesson 11's photo panel, without the UI: a photograph (or its edge map) as a tensor,
 * pooled again and again by the engine's maxPool2d / avgPool2d, 2x2 windows with
 * stride 2 each time. Kept apart from the widget so tests can run it on made-up pixels.
 */
import { avgPool2d, conv2d, maxPool2d, noGrad, relu, tensor } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';

/** The photographs in public/images/ the panel offers. */
export const PHOTOS = ['chelsea', 'coffee', 'astronaut', 'camera'] as const;
export type PhotoId = (typeof PHOTOS)[number];

/** What is pooled: the colour photo itself (3 maps deep) or one feature map of it. */
export type PhotoSource = 'photo' | 'edges';

/** Pooling layers the slider reaches: at 5 a 512-pixel side is down to 16. */
export const MAX_LAYERS = 5;
/** Each layer's window and stride, the common 2x2 / 2. */
export const LAYER_KERNEL = 2;

/**
 * An outline (edge) filter: it answers strongly on thin lines and not at all on flat
 * areas, so its map is mostly dark with sparse bright detections, the kind of map
 * where max and average pooling part ways.
 */
export const EDGE_KERNEL = [-1, -1, -1, -1, 8, -1, -1, -1, -1];

/** RGBA pixels as a [1, 3, H, W] tensor with values in [0, 1]. */
export function photoTensor(rgba: Uint8ClampedArray, width: number, height: number): Tensor {
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    data[i] = rgba[4 * i] / 255;
    data[plane + i] = rgba[4 * i + 1] / 255;
    data[2 * plane + i] = rgba[4 * i + 2] / 255;
  }
  return tensor(data, [1, 3, height, width]);
}

/** The edge map: grey levels (ITU-R 601 weights, as one 1x1 convolution), then the outline filter and ReLU. */
export function edgeMap(photo: Tensor): Tensor {
  return noGrad(() => {
    const grey = conv2d(photo, tensor([0.299, 0.587, 0.114], [1, 3, 1, 1]));
    // Replicated borders: zero padding would draw a bright frame round every photo.
    return relu(conv2d(grey, tensor(EDGE_KERNEL, [1, 1, 3, 3]), null, { padding: 1, paddingMode: 'replicate' }));
  });
}

/** `layers` pooling layers in a row, each 2x2 with stride 2. */
export function poolRepeatedly(x: Tensor, mode: 'max' | 'avg', layers: number): Tensor {
  return noGrad(() => {
    let out = x;
    for (let i = 0; i < layers; i++) {
      out = mode === 'max' ? maxPool2d(out, { kernelSize: LAYER_KERNEL }) : avgPool2d(out, { kernelSize: LAYER_KERNEL });
    }
    return out;
  });
}

/**
 * RGBA pixels of a [1, C, H, W] tensor for a canvas. A colour photo is drawn as it is;
 * a single map is drawn in grey, divided by `scale` (the unpooled map's maximum, so
 * pooled maps are compared on one scale and a faded edge looks faded).
 */
export function toRgba(x: Tensor, scale = 1): Uint8ClampedArray<ArrayBuffer> {
  const [, channels, height, width] = x.shape;
  const plane = width * height;
  const out = new Uint8ClampedArray(4 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[4 * i + c] = Math.round((x.data[(channels === 3 ? c : 0) * plane + i] / scale) * 255);
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Largest value of a tensor (1 for an all-zero one, so dividing by it is safe). */
export function peak(x: Tensor): number {
  let best = 0;
  for (const v of x.data) if (v > best) best = v;
  return best > 0 ? best : 1;
}

/**
 * The brightness to draw as white: a high percentile rather than the maximum, since one
 * very bright pixel (a catch-light in an eye) would otherwise leave the rest of an edge
 * map nearly black. Values above it are drawn white.
 */
export function displayScale(x: Tensor, quantile = 0.99): number {
  const sorted = Float32Array.from(x.data).sort();
  const value = sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  return value > 0 ? value : peak(x);
}

/** Mean value, to say how much of the edge map's brightness survives each pooling. */
export function mean(x: Tensor): number {
  let total = 0;
  for (const v of x.data) total += v;
  return total / x.data.length;
}
