/**
 * Lesson 1's widget keeps its seed and the reader's drawing in the query string
 * (`?seed=7&draw=...`), so a link reproduces the same run and the same picture.
 * Anything malformed falls back to the default and is reported, never thrown.
 */
import { readInt } from '../../kit/query-state.ts';
import { XO_EXPERIMENT_DEFAULTS, XO_MAX_SEED } from '../../../src/training/xo/config.ts';

/** Query keys this widget owns. */
export const URL_KEYS = { seed: 'seed', draw: 'draw' } as const;

/** What the address asked for, after validation. */
export interface XoUrlState {
  seed: number;
  /** The drawing (+1 ink, -1 background), or null when the address has none. */
  drawing: Float32Array | null;
  /** Keys whose values were invalid and were replaced by defaults. */
  rejected: string[];
}

/**
 * Packs a ±1 picture into hex, four pixels per digit (row-major, first pixel in
 * the highest bit), e.g. 81 pixels into 21 digits.
 */
export function encodePicture(picture: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < picture.length; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (i + b < picture.length && picture[i + b] > 0 ? 1 : 0);
    out += nibble.toString(16);
  }
  return out;
}

/** The inverse of {@link encodePicture}; null unless `text` is exactly the right number of hex digits. */
export function decodePicture(text: string, pixels: number): Float32Array | null {
  if (text.length !== Math.ceil(pixels / 4) || !/^[0-9a-f]+$/i.test(text)) return null;
  const out = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const nibble = parseInt(text[i >> 2], 16);
    out[i] = (nibble >> (3 - (i & 3))) & 1 ? 1 : -1;
  }
  return out;
}

/** Reads and validates the widget's keys from a query string. */
export function readUrlState(search: string | URLSearchParams, pixels: number): XoUrlState {
  const params = new URLSearchParams(search);
  const rejected: string[] = [];
  const seed = readInt(params, URL_KEYS.seed, 0, XO_MAX_SEED, XO_EXPERIMENT_DEFAULTS.seed, rejected);
  let drawing: Float32Array | null = null;
  const rawDraw = params.get(URL_KEYS.draw);
  if (rawDraw !== null) {
    drawing = decodePicture(rawDraw, pixels);
    if (!drawing) rejected.push(URL_KEYS.draw);
  }
  return { seed, drawing, rejected };
}

/** Puts the widget's keys into `params`. */
export function writeUrlState(seed: number, drawing: ArrayLike<number>, params: URLSearchParams): void {
  params.set(URL_KEYS.seed, String(seed));
  params.set(URL_KEYS.draw, encodePicture(drawing));
}
