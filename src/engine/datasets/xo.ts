/**
 * Tiny pictures of the letters X and O, the running example of lesson 1 (and the
 * picture lesson 2 convolves). Pixels are +1 on the pen strokes and -1 elsewhere.
 *
 * The canonical 9x9 X is the classic one: a one-pixel frame of -1 and the two
 * diagonals of the inner 7x7 square set to +1, so that the 3x3 diagonal filter
 * gives 7/9 in the top-left corner. The canonical O is a ring of radius
 * (size - 3) / 2 around the centre. Variants redraw the same letter with one thing
 * changed, which is exactly what trips up a network that treats pixels as
 * unrelated inputs.
 */
import { Random } from '../random.ts';
import { type Point, type Stroke, ellipseArc, rasteriseRound, rasteriseThin, rotate, translate } from './raster.ts';

/** Class names by label: 0 is X, 1 is O. */
export const XO_CLASSES = ['X', 'O'] as const;

/** The ways a picture can differ from the canonical letter. */
export const XO_VARIANTS = ['canonical', 'shifted', 'tilted', 'short', 'thick', 'noisy'] as const;

/** One of {@link XO_VARIANTS}. */
export type XoVariant = (typeof XO_VARIANTS)[number];

/**
 * What each variant does, in numbers, so that lessons and tests quote the same
 * definitions the generator uses. Sizes scale with the picture.
 */
export const XO_VARIANT_RULES = {
  /** Whole-pixel shift in each direction, up to a quarter of the size (2 pixels at 9x9); never (0, 0). */
  maxShiftFraction: 0.25,
  /** Tilt of an X, either way, in degrees. */
  tiltDegrees: [10, 20] as const,
  /** A tilted O is an oval: its short radius relative to the long one. */
  ovalAspect: 0.75,
  /** Fraction of one X stroke cut off one end (of the stroke's length). */
  shortTrimFraction: [0.3, 0.5] as const,
  /** Fraction of the ring an open O leaves out. */
  shortGapFraction: [0.2, 0.3] as const,
  /** Radius of the round pen of a thick picture, in pixels (three pixels across a diagonal stroke); the others use a one-pixel pen. */
  thickHalfWidth: 0.75,
  /** Fraction of pixels flipped in a noisy picture (5 of 81 at 9x9). */
  noiseFraction: 0.06,
} as const;

/** Smallest picture that still has a frame and a recognisable letter inside. */
export const XO_MIN_SIZE = 5;

/** A labelled set of single-channel pictures, as every dataset of the engine returns. */
export interface ImageDataset {
  /** `count` pictures, each `shape` values, row-major, one after another. */
  images: Float32Array;
  /** One class index per picture. */
  labels: Uint8Array;
  count: number;
  /** Channels, height, width of one picture. */
  shape: [number, number, number];
}

/** The X/O set also says which variant drew each picture. */
export interface XoDataset extends ImageDataset {
  sampleVariants: XoVariant[];
}

/** Options of {@link xo}. */
export interface XoOptions {
  /** Number of pictures (labels alternate X, O, X, ...). */
  count: number;
  /** Width and height in pixels (default 9). */
  size?: number;
  /** Same seed, same pictures (default 0). */
  seed?: number;
  /** Variants to draw, cycled through pair by pair (default: canonical only). */
  variants?: readonly XoVariant[];
}

function checkSize(size: number, what: string): void {
  if (!Number.isInteger(size) || size < XO_MIN_SIZE) {
    throw new Error(`${what}: size must be an integer >= ${XO_MIN_SIZE}, got ${size}`);
  }
}

function checkVariant(variant: string, what: string): asserts variant is XoVariant {
  if (!(XO_VARIANTS as readonly string[]).includes(variant)) {
    throw new Error(`${what}: unknown variant '${variant}', expected one of ${XO_VARIANTS.join(', ')}`);
  }
}

/** The two strokes of the canonical X: the diagonals of the square inside the frame. */
function canonicalX(size: number): Stroke[] {
  const lo = 1;
  const hi = size - 2;
  return [
    [{ x: lo, y: lo }, { x: hi, y: hi }],
    [{ x: hi, y: lo }, { x: lo, y: hi }],
  ];
}

function centreOf(size: number): Point {
  return { x: (size - 1) / 2, y: (size - 1) / 2 };
}

function ringRadius(size: number): number {
  return (size - 3) / 2;
}

function canonicalO(size: number): Stroke[] {
  const r = ringRadius(size);
  return [ellipseArc(centreOf(size), r, r, 0, 0, 2 * Math.PI)];
}

function between(rng: Random, range: readonly [number, number]): number {
  return rng.uniform(range[0], range[1]);
}

/** Shortens stroke `which` by `fraction` of its length, from its start or its end. */
function trimStroke(strokes: Stroke[], which: number, fromEnd: boolean, fraction: number): Stroke[] {
  return strokes.map((s, i) => {
    if (i !== which) return s;
    const [a, b] = s;
    const keep = 1 - fraction;
    return fromEnd
      ? [a, { x: a.x + (b.x - a.x) * keep, y: a.y + (b.y - a.y) * keep }]
      : [{ x: b.x + (a.x - b.x) * keep, y: b.y + (a.y - b.y) * keep }, b];
  });
}

/** Flips `n` distinct pixels (+1 to -1 and back), picked by `rng`. */
function flipPixels(picture: Float32Array, n: number, rng: Random): void {
  const order = rng.shuffle(Array.from(picture, (_, i) => i));
  for (let k = 0; k < n; k++) picture[order[k]] = -picture[order[k]];
}

function checkLabel(label: number, what: string): asserts label is 0 | 1 {
  if (label !== 0 && label !== 1) throw new Error(`${what}: label must be 0 (X) or 1 (O), got ${label}`);
}

/**
 * The canonical letter (0 = X, 1 = O), `size * size` values (+1 ink, -1
 * background), row-major. This is THE picture of the course: at the default size
 * it is the classic 9x9 X that lesson 2 convolves (7/9 under the diagonal filter
 * in the top-left corner, because of the frame). Widgets and lessons take it from
 * here rather than drawing their own. A fresh copy on every call.
 *
 * @example canonicalXo(0) // the 9x9 X
 */
export function canonicalXo(label: 0 | 1, size = 9): Float32Array {
  checkSize(size, 'canonicalXo');
  checkLabel(label, 'canonicalXo');
  return rasteriseThin(label === 0 ? canonicalX(size) : canonicalO(size), size);
}

/**
 * Draws one picture of class `label` (0 = X, 1 = O) in `variant`, taking the
 * variant's random choices (shift, angle, which end to trim, noisy pixels) from `rng`.
 * Returns `size * size` values, row-major.
 */
export function drawXo(label: 0 | 1, variant: XoVariant, size: number, rng: Random): Float32Array {
  checkSize(size, 'drawXo');
  checkVariant(variant, 'drawXo');
  checkLabel(label, 'drawXo');
  const rules = XO_VARIANT_RULES;
  const centre = centreOf(size);
  let strokes = label === 0 ? canonicalX(size) : canonicalO(size);
  let thick = false;
  let flips = 0;

  switch (variant) {
    case 'canonical':
      break; // the strokes of canonicalXo, drawn with the same pen below
    case 'shifted': {
      const m = Math.max(1, Math.floor(size * rules.maxShiftFraction));
      let dx = 0;
      let dy = 0;
      while (dx === 0 && dy === 0) {
        dx = rng.int(2 * m + 1) - m;
        dy = rng.int(2 * m + 1) - m;
      }
      strokes = translate(strokes, dx, dy);
      break;
    }
    case 'tilted': {
      const degrees = between(rng, rules.tiltDegrees) * (rng.next() < 0.5 ? -1 : 1);
      const radians = (degrees * Math.PI) / 180;
      if (label === 0) strokes = rotate(strokes, radians, centre);
      else {
        // A circle turned is the same circle: a tilted O is a leaning oval.
        const r = ringRadius(size);
        const tilt = Math.PI / 2 + radians;
        strokes = [ellipseArc(centre, r, r * rules.ovalAspect, tilt, 0, 2 * Math.PI)];
      }
      break;
    }
    case 'short': {
      if (label === 0) {
        const which = rng.int(2);
        const fromEnd = rng.next() < 0.5;
        strokes = trimStroke(strokes, which, fromEnd, between(rng, rules.shortTrimFraction));
      } else {
        const gap = between(rng, rules.shortGapFraction) * 2 * Math.PI;
        const start = rng.uniform(0, 2 * Math.PI);
        const r = ringRadius(size);
        strokes = [ellipseArc(centre, r, r, 0, start + gap, start + 2 * Math.PI)];
      }
      break;
    }
    case 'thick':
      thick = true;
      break;
    case 'noisy':
      flips = Math.max(1, Math.round(size * size * rules.noiseFraction));
      break;
  }
  const picture = thick ? rasteriseRound(strokes, size, rules.thickHalfWidth) : rasteriseThin(strokes, size);
  if (flips > 0) flipPixels(picture, flips, rng);
  return picture;
}

/**
 * A seeded set of X and O pictures, like the engine's other datasets:
 * `{ images, labels, count, shape: [1, size, size] }`, plus the variant of each
 * picture. Labels alternate 0 (X), 1 (O), so the classes are balanced (X has one
 * more when `count` is odd); variants take turns pair by pair, so both letters
 * appear in every variant.
 *
 * @example xo({ count: 64, seed: 1, variants: ['canonical', 'noisy'] })
 */
export function xo(options: XoOptions): XoDataset {
  const { count, size = 9, seed = 0, variants = ['canonical'] } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`xo: count must be a non-negative integer, got ${count}`);
  checkSize(size, 'xo');
  if (!Number.isFinite(seed)) throw new Error(`xo: seed must be a finite number, got ${seed}`);
  if (variants.length === 0) throw new Error('xo: variants must name at least one variant, got an empty list');
  for (const v of variants) checkVariant(v, 'xo');

  const rng = new Random(seed);
  const pixels = size * size;
  const images = new Float32Array(count * pixels);
  const labels = new Uint8Array(count);
  const sampleVariants: XoVariant[] = [];
  for (let i = 0; i < count; i++) {
    const label = (i % 2) as 0 | 1;
    const variant = variants[Math.floor(i / 2) % variants.length];
    images.set(drawXo(label, variant, size, rng), i * pixels);
    labels[i] = label;
    sampleVariants.push(variant);
  }
  return { images, labels, count, shape: [1, size, size], sampleVariants };
}
