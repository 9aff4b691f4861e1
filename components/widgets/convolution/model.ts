/**
 * The stepper's state and arithmetic, kept apart from the UI so lessons, tests and the
 * widget share one definition of the X picture, the filters and the URL format.
 *
 * Every output number comes from the engine's `conv2d`: this file only lays the
 * pixels and weights out as NCHW tensors and reads the answer back.
 */
import { conv2d, convOutputSize, datasets, div, noGrad, tensor } from '../../../src/engine/index.ts';

/** A pixel of the picture: ink (+1) or background (-1). */
export type Pixel = 1 | -1;
/** A filter weight. Zero lets a learner switch a tap off. */
export type Weight = 1 | -1 | 0;

/** Side of the picture. */
export const IMAGE_SIZE = 9;
/** Side of every filter. */
export const KERNEL_SIZE = 3;
/** The syllabus averages over the window: the sum of the 9 products divided by 9. */
export const DIVISOR = KERNEL_SIZE * KERNEL_SIZE;
/** Side of each feature map: valid convolution, stride 1 (asked of the engine, not assumed). */
export const OUTPUT_SIZE: number = convOutputSize(IMAGE_SIZE, { kernelSize: KERNEL_SIZE });
/** Number of window positions the stepper walks through. */
export const POSITION_COUNT = OUTPUT_SIZE * OUTPUT_SIZE;

/**
 * The classic 9x9 X, as the engine's X/O dataset draws it (the one drawing of it):
 * +1 on both diagonals of the inner 7x7, -1 everywhere else, including a one-pixel
 * background border (that border is why the top-left window gives 7/9 and not 9/9).
 */
export const X_IMAGE: readonly Pixel[] = Array.from(datasets.canonicalXo(0, IMAGE_SIZE)) as Pixel[];

/** Filters the "add filter" button offers, in order. The first is the lesson's. */
export const FILTER_PRESETS: readonly { id: 'diagonal' | 'antiDiagonal' | 'cross' | 'plus'; weights: readonly Weight[] }[] = [
  { id: 'diagonal', weights: [1, -1, -1, -1, 1, -1, -1, -1, 1] },
  { id: 'antiDiagonal', weights: [-1, -1, 1, -1, 1, -1, 1, -1, -1] },
  { id: 'cross', weights: [1, -1, 1, -1, 1, -1, 1, -1, 1] },
  { id: 'plus', weights: [-1, 1, -1, 1, 1, 1, -1, 1, -1] },
];

/** At most this many filters (one per preset keeps the stack readable on a phone). */
export const MAX_FILTERS = FILTER_PRESETS.length;

/** Everything a learner can change, and everything the URL remembers. */
export interface ConvState {
  image: Pixel[];
  filters: Weight[][];
  /** Window position, row-major over the OUTPUT_SIZE x OUTPUT_SIZE output. */
  position: number;
  /** Which filter the arithmetic readout explains. */
  active: number;
}

/** The state a fresh page starts in: the X, the diagonal filter, the top-left window. */
export function defaultState(): ConvState {
  return { image: [...X_IMAGE], filters: [[...FILTER_PRESETS[0].weights]], position: 0, active: 0 };
}

/** Output of the engine for the current picture and filters. */
export interface FeatureMaps {
  /** Number of filters, so the volume is OUTPUT_SIZE x OUTPUT_SIZE x depth. */
  depth: number;
  /** conv2d's raw output, [depth * OUTPUT_SIZE * OUTPUT_SIZE]: each entry is the sum of 9 products. */
  sums: Float32Array;
  /** The same divided by DIVISOR, computed by the engine. */
  values: Float32Array;
  /** The engine's output shape, [1, depth, OUTPUT_SIZE, OUTPUT_SIZE]. */
  shape: readonly number[];
}

/**
 * Runs the engine: the picture as a [1, 1, 9, 9] tensor, the filters as [K, 1, 3, 3],
 * no bias, stride 1, no padding; then the engine divides by 9.
 */
export function computeFeatureMaps(image: readonly Pixel[], filters: readonly (readonly Weight[])[]): FeatureMaps {
  return noGrad(() => {
    const input = tensor(image, [1, 1, IMAGE_SIZE, IMAGE_SIZE]);
    const weight = tensor(filters.flat(), [filters.length, 1, KERNEL_SIZE, KERNEL_SIZE]);
    const raw = conv2d(input, weight);
    const averaged = div(raw, DIVISOR);
    return { depth: filters.length, sums: raw.data, values: averaged.data, shape: raw.shape };
  });
}

/** Row and column (from 0) of a window position. */
export function positionToCell(position: number): { row: number; col: number } {
  return { row: Math.floor(position / OUTPUT_SIZE), col: position % OUTPUT_SIZE };
}

/** Window position of an output row and column. */
export function cellToPosition(row: number, col: number): number {
  return row * OUTPUT_SIZE + col;
}

/** One tap of the filter over the picture: the pixel under it, its weight and their product. */
export interface Tap {
  pixel: Pixel;
  weight: Weight;
  product: number;
}

/** The nine taps of one filter at one window position, row by row (what the readout spells out). */
export function tapsAt(image: readonly Pixel[], filter: readonly Weight[], position: number): Tap[] {
  const { row, col } = positionToCell(position);
  return filter.map((weight, k) => {
    const pixel = image[(row + Math.floor(k / KERNEL_SIZE)) * IMAGE_SIZE + col + (k % KERNEL_SIZE)];
    return { pixel, weight, product: pixel * weight };
  });
}

/** A signed number with a real minus sign, as printed in the grids: "−1", "1". */
export function formatSigned(value: number): string {
  return value < 0 ? `\u2212${Math.abs(value)}` : String(value);
}

/** Rounded to two decimals with a real minus sign: 7/9 gives "0.78", -1/9 gives "−0.11". */
export function formatRounded(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text.replace('-', '\u2212');
}

/** Cut (not rounded) to two decimals, the way the source's figure printed 7/9 as 0.77. */
export function formatTruncated(value: number): string {
  // A hair of slack so float32 values like 0.29999998 still cut to 0.29, not 0.28.
  const cut = Math.trunc(value * 100 + Math.sign(value) * 1e-4) / 100;
  return formatRounded(cut);
}

/** The sum over 9 as a fraction, "7/9" or "−1/9". */
export function formatFraction(sum: number): string {
  return `${formatSigned(Math.round(sum))}/${DIVISOR}`;
}

// ---- URL state ------------------------------------------------------------------

/** Query parameter names; prefixed so other widgets on the page cannot collide. */
export const QUERY_KEYS = { image: 'conv-image', filters: 'conv-filters', at: 'conv-at', map: 'conv-map' } as const;

const PIXEL_CHARS: Record<string, Pixel> = { '1': 1, '-': -1 };
const WEIGHT_CHARS: Record<string, Weight> = { '1': 1, '-': -1, '0': 0 };
const weightChar = (w: Weight): string => (w === 1 ? '1' : w === -1 ? '-' : '0');

/** Rows of "1" (ink) and "-" (background), separated by dots. */
export function encodeImage(image: readonly Pixel[]): string {
  const rows: string[] = [];
  for (let r = 0; r < IMAGE_SIZE; r++) {
    rows.push(image.slice(r * IMAGE_SIZE, (r + 1) * IMAGE_SIZE).map((p) => (p === 1 ? '1' : '-')).join(''));
  }
  return rows.join('.');
}

/** Filters of 9 weights each ("1", "-", "0"), row by row, separated by dots. */
export function encodeFilters(filters: readonly (readonly Weight[])[]): string {
  return filters.map((f) => f.map(weightChar).join('')).join('.');
}

function decodeImage(text: string): Pixel[] | null {
  const chars = text.replaceAll('.', '');
  if (chars.length !== IMAGE_SIZE * IMAGE_SIZE) return null;
  const pixels = [...chars].map((c) => PIXEL_CHARS[c]);
  return pixels.every((p) => p !== undefined) ? pixels : null;
}

function decodeFilters(text: string): Weight[][] | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > MAX_FILTERS) return null;
  const filters = parts.map((part) => [...part].map((c) => WEIGHT_CHARS[c]));
  const valid = filters.every((f) => f.length === DIVISOR && f.every((w) => w !== undefined));
  return valid ? filters : null;
}

function decodeIndex(text: string, count: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value < count ? value : null;
}

/** Which query parameters were present but not understood (the widget shows a note). */
export type StateProblem = keyof typeof QUERY_KEYS;

/**
 * Reads the state from a query string. Anything missing takes its default; anything
 * malformed also takes its default and is reported, so the widget can say so.
 */
export function decodeState(query: URLSearchParams): { state: ConvState; problems: StateProblem[] } {
  const state = defaultState();
  const problems: StateProblem[] = [];
  const imageText = query.get(QUERY_KEYS.image);
  if (imageText !== null) {
    const image = decodeImage(imageText);
    if (image) state.image = image;
    else problems.push('image');
  }
  const filtersText = query.get(QUERY_KEYS.filters);
  if (filtersText !== null) {
    const filters = decodeFilters(filtersText);
    if (filters) state.filters = filters;
    else problems.push('filters');
  }
  const atText = query.get(QUERY_KEYS.at);
  if (atText !== null) {
    const at = decodeIndex(atText, POSITION_COUNT);
    if (at !== null) state.position = at;
    else problems.push('at');
  }
  const mapText = query.get(QUERY_KEYS.map);
  if (mapText !== null) {
    const map = decodeIndex(mapText, state.filters.length);
    if (map !== null) state.active = map;
    else problems.push('map');
  }
  return { state, problems };
}

/**
 * Writes the state into `query`, in place, and returns it (other widgets' parameters
 * are kept). Defaults are left out, so an untouched widget leaves the address clean.
 */
export function encodeState(state: ConvState, query: URLSearchParams): URLSearchParams {
  const fresh = defaultState();
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) query.delete(key);
    else query.set(key, value);
  };
  set(QUERY_KEYS.image, encodeImage(state.image), encodeImage(fresh.image));
  set(QUERY_KEYS.filters, encodeFilters(state.filters), encodeFilters(fresh.filters));
  set(QUERY_KEYS.at, String(state.position), '0');
  set(QUERY_KEYS.map, String(state.active), '0');
  return query;
}

/** The next preset "add filter" should offer: the first one not already in the stack. */
export function nextPreset(filters: readonly (readonly Weight[])[]): readonly Weight[] | null {
  const used = new Set(filters.map((f) => f.join(',')));
  const preset = FILTER_PRESETS.find((p) => !used.has(p.weights.join(',')));
  if (filters.length >= MAX_FILTERS) return null;
  return preset ? preset.weights : FILTER_PRESETS[filters.length % FILTER_PRESETS.length].weights;
}

/** A weight's next value when clicked: 1 -> -1 -> 0 -> 1. */
export function cycleWeight(weight: Weight): Weight {
  return weight === 1 ? -1 : weight === -1 ? 0 : 1;
}
