/**
 * From a drawing on the pad to a picture the network can read, the way MNIST's
 * digits were prepared: the ink's bounding box is scaled, keeping its aspect
 * ratio, to fit a 20x20 box (area-averaged, which gives the soft grey edges
 * MNIST digits have), then placed in a 28x28 field so that its centre of mass
 * sits in the middle. A network trained on MNIST has only ever seen digits
 * centred like this: an off-centre or tiny drawing would puzzle it for reasons
 * that have nothing to do with the digit.
 */

/** MNIST's field and the box the digit is scaled into. */
export const FIELD_SIZE = 28;
export const BOX_SIZE = 20;
/** Where MNIST's digits have their centre of mass, in pixel units from the top-left corner. */
export const MASS_CENTRE = FIELD_SIZE / 2 + 0.5;
/** Ink below this (of 1) counts as background when finding the bounding box. */
export const INK_THRESHOLD = 0.05;

/** The smallest rectangle holding every pixel with ink, or null for an empty drawing. */
export function inkBounds(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  threshold = INK_THRESHOLD,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Weights of area resampling along one axis: output cell `t` covers source
 * interval [t/scale, (t+1)/scale); each source pixel contributes the length of
 * its overlap with that interval, times `scale` (so the weights of one output
 * cell add up to 1).
 */
function areaWeights(sourceLength: number, targetLength: number): { from: number; weights: number[] }[] {
  const scale = targetLength / sourceLength;
  const out: { from: number; weights: number[] }[] = [];
  for (let t = 0; t < targetLength; t++) {
    const start = t / scale;
    const end = (t + 1) / scale;
    const from = Math.floor(start);
    const weights: number[] = [];
    for (let s = from; s < Math.min(sourceLength, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      weights.push(Math.max(0, overlap) * scale);
    }
    out.push({ from, weights });
  }
  return out;
}

/**
 * Resamples the `w x h` window at (`x0`, `y0`) of `image` (row stride `stride`)
 * to `tw x th` by area averaging.
 */
export function resampleArea(
  image: ArrayLike<number>,
  stride: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  tw: number,
  th: number,
): Float32Array {
  const across = areaWeights(w, tw);
  const down = areaWeights(h, th);
  // Rows first (h x tw), then columns (th x tw).
  const rows = new Float32Array(h * tw);
  for (let y = 0; y < h; y++) {
    const base = (y0 + y) * stride + x0;
    for (let t = 0; t < tw; t++) {
      const { from, weights } = across[t];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * image[base + from + k];
      rows[y * tw + t] = sum;
    }
  }
  const out = new Float32Array(th * tw);
  for (let t = 0; t < th; t++) {
    const { from, weights } = down[t];
    for (let x = 0; x < tw; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * rows[(from + k) * tw + x];
      out[t * tw + x] = sum;
    }
  }
  return out;
}

/** Centre of mass of a `w x h` picture, in pixel units with (0.5, 0.5) the middle of the first pixel. */
export function centreOfMass(image: ArrayLike<number>, w: number, h: number): { x: number; y: number } | null {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = image[y * w + x];
      total += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return total > 0 ? { x: sx / total, y: sy / total } : null;
}

/**
 * A drawing (`width x height` values in [0, 1], 1 = ink) as a 28x28 MNIST-style
 * picture, row by row, values in [0, 1] with the strongest ink at 1; null when
 * nothing is drawn.
 */
export function toMnistPicture(ink: ArrayLike<number>, width: number, height: number): Float32Array | null {
  const box = inkBounds(ink, width, height);
  if (!box) return null;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const scale = BOX_SIZE / Math.max(w, h);
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const digit = resampleArea(ink, width, box.x0, box.y0, w, h, tw, th);
  const centre = centreOfMass(digit, tw, th);
  if (!centre) return null;
  // Whole-pixel shift putting the centre of mass on pixel (14, 14), as in MNIST's own files
  // (measured from pixel centres, that is the point 14.5 from the top-left corner).
  const dx = Math.round(MASS_CENTRE - centre.x);
  const dy = Math.round(MASS_CENTRE - centre.y);
  const out = new Float32Array(FIELD_SIZE * FIELD_SIZE);
  let peak = 0;
  for (let y = 0; y < th; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= FIELD_SIZE) continue;
    for (let x = 0; x < tw; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= FIELD_SIZE) continue;
      const v = Math.min(1, Math.max(0, digit[y * tw + x]));
      out[ty * FIELD_SIZE + tx] = v;
      if (v > peak) peak = v;
    }
  }
  // A light pencil should not read as a faint digit: stretch so the darkest stroke is full ink.
  if (peak > 0 && peak < 1) for (let i = 0; i < out.length; i++) out[i] /= peak;
  return out;
}

/** Ink per pixel of an RGBA canvas image where ink is opaque and the background transparent. */
export function inkFromAlpha(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4 + 3] / 255;
  return out;
}
