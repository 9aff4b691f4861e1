/**
 * Receptive fields of a stack of square convolutions, two ways.
 *
 * 1. By formula: every layer widens the field by `dilation * (kernel - 1)` steps of
 *    the layer below, and a step of the layer below is as many input pixels as the
 *    product of the strides underneath it.
 * 2. By experiment: put all-ones filters in the stack, run it forward with the
 *    engine, back-propagate from a single output neuron and look at which input
 *    pixels received a gradient. Those pixels are, by definition, the ones the
 *    neuron depends on.
 *
 * Lesson 3's explorer shows both and the tests check that they agree.
 */
import { Tensor, conv2d, convOutputSize, ones, zeros } from '../engine/index.ts';

/** One convolution layer; the same value serves height and width. */
export interface ConvLayerSpec {
  kernelSize: number;
  stride: number;
  dilation: number;
  padding: number;
}

/** A square region of a feature map, in pixel indices (both ends included). */
export interface SquareSpan {
  start: number;
  end: number;
}

/**
 * The side of every feature map from the input up, as the engine's
 * `convOutputSize` computes it. Throws the engine's error for the first layer
 * whose output would be empty, prefixed with that layer's number.
 */
export function featureMapSizes(inputSize: number, layers: readonly ConvLayerSpec[]): number[] {
  const sizes = [inputSize];
  layers.forEach((layer, i) => {
    try {
      sizes.push(convOutputSize(sizes[i], layer));
    } catch (error) {
      throw new Error(`layer ${i + 1}: ${(error as Error).message}`);
    }
  });
  return sizes;
}

/**
 * How many input pixels one step along layer `index`'s output spans: the product of
 * the strides of layers `0..index`. `jump(layers, -1)` is 1 (the input itself).
 */
export function jump(layers: readonly ConvLayerSpec[], index: number): number {
  let product = 1;
  for (let i = 0; i <= index; i++) product *= layers[i].stride;
  return product;
}

/**
 * The side of the receptive field of one neuron at the top of the stack, by the
 * formula r = 1 + sum over layers l of dilation_l * (kernel_l - 1) * jump(l - 1).
 */
export function receptiveFieldSize(layers: readonly ConvLayerSpec[]): number {
  let size = 1;
  layers.forEach((layer, l) => {
    size += layer.dilation * (layer.kernelSize - 1) * jump(layers, l - 1);
  });
  return size;
}

/**
 * Where the field of output position `outIndex` lies along one axis of the input,
 * before any clipping: it may start below 0 or end past the image when the
 * neuron's window covers padding.
 */
export function receptiveFieldSpan(layers: readonly ConvLayerSpec[], outIndex: number): SquareSpan {
  let start = outIndex * jump(layers, layers.length - 1);
  layers.forEach((layer, l) => {
    start -= layer.padding * jump(layers, l - 1);
  });
  return { start, end: start + receptiveFieldSize(layers) - 1 };
}

/** The smallest rectangle holding every nonzero cell of a square map (null if none). */
export interface BoundingBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What back-propagating from one output neuron through the engine reveals. */
export interface ReceptiveFieldTrace {
  /** Side of each feature map, input first. */
  sizes: number[];
  /**
   * Gradient of the chosen neuron with respect to each feature map, input first,
   * last entry the one-hot map of the neuron itself. With all-ones filters and no
   * bias, a cell's value counts the paths from it to the neuron, so it is
   * nonzero exactly where the neuron depends on the cell.
   */
  grads: Float32Array[];
  /** Bounding box of the nonzero input gradient. */
  inputBox: BoundingBox | null;
  /** How many input pixels received a gradient. */
  inputPixels: number;
}

/**
 * Runs the stack forward with all-ones 1x1-channel filters on a `inputSize` square
 * image, then calls `backward` on the neuron at (`row`, `col`) of the last map.
 * The arithmetic is the engine's own `conv2d` and autograd: nothing here knows
 * the receptive-field formula.
 */
export function traceReceptiveField(
  inputSize: number,
  layers: readonly ConvLayerSpec[],
  row: number,
  col: number,
): ReceptiveFieldTrace {
  const sizes = featureMapSizes(inputSize, layers);
  const last = sizes[sizes.length - 1];
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= last || col >= last) {
    throw new Error(`traceReceptiveField: neuron (${row}, ${col}) is outside the ${last}x${last} output`);
  }

  const input = ones([1, 1, inputSize, inputSize], { requiresGrad: true });
  const maps: Tensor[] = [input];
  let x = input;
  for (const layer of layers) {
    const weight = ones([1, 1, layer.kernelSize, layer.kernelSize]);
    x = conv2d(x, weight, undefined, {
      stride: layer.stride,
      padding: layer.padding,
      dilation: layer.dilation,
    });
    x.retainGrad();
    maps.push(x);
  }

  const seed = zeros([1, 1, last, last]);
  seed.data[row * last + col] = 1;
  x.backward(seed);

  const grads = maps.map((m, i) => (m.grad ? m.grad.data.slice() : new Float32Array(sizes[i] * sizes[i])));
  const { box, count } = nonzeroBox(grads[0], inputSize);
  return { sizes, grads, inputBox: box, inputPixels: count };
}

/** The bounding box and number of nonzero cells of a square map. */
export function nonzeroBox(map: Float32Array, side: number): { box: BoundingBox | null; count: number } {
  let top = side;
  let left = side;
  let bottom = -1;
  let right = -1;
  let count = 0;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (map[r * side + c] === 0) continue;
      count++;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return { box: count === 0 ? null : { top, left, bottom, right }, count };
}
