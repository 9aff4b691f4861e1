/**
 * Numbers to pixels for the dashboard's small pictures (activation maps,
 * filters, test images), as RGBA arrays a canvas takes with `putImageData`.
 *
 * Two colourings:
 *  - greyscale, stretched from the smallest to the largest value: the classic
 *    way to show first-layer filters and plain images (black low, white high);
 *  - diverging, symmetric around zero (`components/kit/colors.ts`): for signed
 *    values, so that the sign of a weight or an activation stays readable and
 *    zero is always the same neutral colour in a given theme.
 */
import { divergingRgb } from '../../kit/colors.ts';
import type { DivergingPalette } from '../../kit/colors.ts';

/** Smallest and largest finite value of `values[from .. from+length)`. */
export function valueRange(values: ArrayLike<number>, from = 0, length = values.length - from): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < from + length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/** Largest absolute finite value of a slice (0 when empty): the half-width of a diverging scale. */
export function maxAbs(values: ArrayLike<number>, from = 0, length = values.length - from): number {
  let m = 0;
  for (let i = from; i < from + length; i++) {
    const a = Math.abs(values[i]);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}

/**
 * Greyscale RGBA for `count` values from `from`, stretched so `min` is black and
 * `max` white (a flat slice is mid-grey: it has no contrast to show).
 */
export function greyscaleRgba(values: ArrayLike<number>, from: number, count: number, min: number, max: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(count * 4);
  const span = max - min;
  for (let i = 0; i < count; i++) {
    const v = values[from + i];
    const level = span > 0 && Number.isFinite(v) ? Math.round(((v - min) / span) * 255) : 128;
    out[i * 4] = level;
    out[i * 4 + 1] = level;
    out[i * 4 + 2] = level;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Diverging RGBA for `count` values from `from`, on the scale -`scale` .. +`scale`. */
export function divergingRgba(
  values: ArrayLike<number>,
  from: number,
  count: number,
  scale: number,
  palette: DivergingPalette,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const [r, g, b] = divergingRgb(values[from + i], scale, palette);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Bytes 0..255 of a picture (a test image) as opaque grey RGBA. */
export function bytesToRgba(bytes: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bytes.length * 4);
  for (let i = 0; i < bytes.length; i++) {
    out[i * 4] = bytes[i];
    out[i * 4 + 1] = bytes[i];
    out[i * 4 + 2] = bytes[i];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** How a flat layer of `count` values is laid out as a small picture: as square as possible. */
export function stripShape(count: number): { width: number; height: number } {
  const width = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { width, height: Math.max(1, Math.ceil(count / width)) };
}

/** `count` values padded with NaN to fill `width x height` (NaN draws as the neutral colour). */
export function padTo(values: ArrayLike<number>, from: number, count: number, size: number): Float32Array {
  const out = new Float32Array(size).fill(Number.NaN);
  for (let i = 0; i < count; i++) out[i] = values[from + i];
  return out;
}
