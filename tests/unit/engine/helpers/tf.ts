/**
 * TF.js as an outside oracle for engine tests (a dev dependency only).
 *
 * `loadTf()` imports the union package `@tensorflow/tfjs` once (tfjs-core's
 * CommonJS bundle registers no gradients, so `tf.grads` needs the union package)
 * and selects its plain-JavaScript `cpu` backend.
 *
 * TF.js lays images out as NHWC and conv filters as HWIO; the engine uses NCHW
 * and [Cout, Cin, kH, kW]. `transpose` and the named layout helpers convert.
 *
 * @example
 *   const tf = await loadTf();
 *   const y = tf.conv2d(tf.tensor4d(nchwToNhwc(x.data, x.shape), nhwcShape(x.shape)), ...);
 */
import type * as TF from '@tensorflow/tfjs';

let loading: Promise<typeof TF> | null = null;

/** The TF.js module on its `cpu` backend, loaded on first call and shared after. */
export function loadTf(): Promise<typeof TF> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return loading;
}

/**
 * Permutes the axes of a row-major array: output axis i is input axis perm[i].
 * Returns the new data and shape.
 */
export function transpose(
  data: ArrayLike<number>,
  shape: readonly number[],
  perm: readonly number[],
): { data: Float32Array; shape: number[] } {
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    inStrides[d] = s;
    s *= shape[d];
  }
  const stepOf = perm.map((p) => inStrides[p]);
  const out = new Float32Array(data.length);
  const counter = new Array<number>(shape.length).fill(0);
  let from = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = data[from];
    for (let d = outShape.length - 1; d >= 0; d--) {
      counter[d]++;
      from += stepOf[d];
      if (counter[d] < outShape[d]) break;
      from -= stepOf[d] * counter[d];
      counter[d] = 0;
    }
  }
  return { data: out, shape: outShape };
}

/** NCHW -> NHWC (engine image to TF.js image). */
export const nchwToNhwc = (data: ArrayLike<number>, shape: readonly number[]) => transpose(data, shape, [0, 2, 3, 1]);
/** NHWC -> NCHW (TF.js image to engine image). */
export const nhwcToNchw = (data: ArrayLike<number>, shape: readonly number[]) => transpose(data, shape, [0, 3, 1, 2]);
/** [Cout, Cin, kH, kW] -> HWIO (engine weight to TF.js conv filter). */
export const oihwToHwio = (data: ArrayLike<number>, shape: readonly number[]) => transpose(data, shape, [2, 3, 1, 0]);
/** HWIO -> [Cout, Cin, kH, kW] (TF.js filter gradient to engine weight layout). */
export const hwioToOihw = (data: ArrayLike<number>, shape: readonly number[]) => transpose(data, shape, [3, 2, 0, 1]);

/**
 * Engine depthwise weight [C*M, 1, kH, kW] (groups = C) -> TF.js depthwise filter
 * [kH, kW, C, M]. Output channel c*M + m of both is filter m of input channel c.
 */
export function depthwiseToTf(data: ArrayLike<number>, shape: readonly number[], channels: number) {
  const t = transpose(data, shape, [2, 3, 0, 1]);
  return { data: t.data, shape: [shape[2], shape[3], channels, shape[0] / channels] };
}

/** TF.js depthwise filter [kH, kW, C, M] -> engine weight [C*M, 1, kH, kW]. */
export function depthwiseFromTf(data: ArrayLike<number>, shape: readonly number[]) {
  const [kH, kW, c, m] = shape;
  return transpose(data, [kH, kW, c * m, 1], [2, 3, 0, 1]);
}
