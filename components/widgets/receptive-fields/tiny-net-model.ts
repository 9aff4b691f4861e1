/**
 * The tiny network of lesson 3: a 3x3 input, one 2x2 filter (w1..w4), stride 1,
 * drawn as 9 input nodes, 4 output nodes and the 16 edges between them. Every
 * output uses the same four weights; this file says which edge carries which
 * weight, and lets the engine's conv2d compute the outputs.
 */
import { conv2d, convOutputSize, nn, noGrad, tensor } from '../../../src/engine/index.ts';

/** Side of the input picture. */
export const INPUT_SIDE = 3;
/** Side of the filter. */
export const FILTER_SIDE = 2;
/** Side of the output, as the engine computes it. */
export const OUTPUT_SIDE: number = convOutputSize(INPUT_SIDE, { kernelSize: FILTER_SIDE });

/** Starting values: easy to add up in your head. */
export const DEFAULT_INPUT: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/** w1 and w4 on, w2 and w3 off: each output is a diagonal pair. */
export const DEFAULT_WEIGHTS: readonly number[] = [1, 0, 0, 1];

/** One connection of the drawing, all indices 0-based and row-major. */
export interface Edge {
  input: number;
  output: number;
  weight: number;
}

/**
 * The 16 edges: output (r, c) reads input (r + a, c + b) through weight (a, b).
 * Listed output by output, so edges 4o..4o+3 are output o's.
 */
export const EDGES: readonly Edge[] = (() => {
  const edges: Edge[] = [];
  for (let r = 0; r < OUTPUT_SIDE; r++) {
    for (let c = 0; c < OUTPUT_SIDE; c++) {
      for (let a = 0; a < FILTER_SIDE; a++) {
        for (let b = 0; b < FILTER_SIDE; b++) {
          edges.push({ input: (r + a) * INPUT_SIDE + c + b, output: r * OUTPUT_SIDE + c, weight: a * FILTER_SIDE + b });
        }
      }
    }
  }
  return edges;
})();

/** The four outputs, computed by the engine's `conv2d` (no bias). */
export function tinyOutputs(input: readonly number[], weights: readonly number[]): number[] {
  const x = tensor(input, [1, 1, INPUT_SIDE, INPUT_SIDE]);
  const w = tensor(weights, [1, 1, FILTER_SIDE, FILTER_SIDE]);
  return Array.from(noGrad(() => conv2d(x, w)).data);
}

/** Weights of this convolution and of a fully connected 9 -> 4 layer, both without bias, counted from engine modules. */
export function tinyParameterCounts(): { conv: number; fc: number } {
  return {
    conv: new nn.Conv2d(1, 1, FILTER_SIDE, { bias: false }).countParameters(),
    fc: new nn.Linear(INPUT_SIDE * INPUT_SIDE, OUTPUT_SIDE * OUTPUT_SIDE, { bias: false }).countParameters(),
  };
}

/** Query keys: comma-separated numbers. */
export const TINY_KEYS = { input: 'tnX', weights: 'tnW' } as const;

/** Largest magnitude a value may have; keeps the drawing's numbers readable. */
export const VALUE_LIMIT = 1000;

function parseList(raw: string | null, length: number): number[] | null {
  if (raw === null) return null;
  const parts = raw.split(',');
  if (parts.length !== length) return null;
  const values = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  return values.every((v) => Number.isFinite(v) && Math.abs(v) <= VALUE_LIMIT) ? values : null;
}

/** Reads input and weights from the query; a malformed list falls back and is listed. */
export function parseTiny(params: URLSearchParams): { input: number[]; weights: number[]; rejected: string[] } {
  const rejected: string[] = [];
  const input = parseList(params.get(TINY_KEYS.input), INPUT_SIDE * INPUT_SIDE);
  const weights = parseList(params.get(TINY_KEYS.weights), FILTER_SIDE * FILTER_SIDE);
  if (input === null && params.has(TINY_KEYS.input)) rejected.push(TINY_KEYS.input);
  if (weights === null && params.has(TINY_KEYS.weights)) rejected.push(TINY_KEYS.weights);
  return { input: input ?? [...DEFAULT_INPUT], weights: weights ?? [...DEFAULT_WEIGHTS], rejected };
}

/** The values as query strings. */
export function encodeTiny(input: readonly number[], weights: readonly number[]): Record<string, string> {
  return { [TINY_KEYS.input]: input.join(','), [TINY_KEYS.weights]: weights.join(',') };
}

/** A value typed into a field: a finite number within the limit, or null. */
export function readValue(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= VALUE_LIMIT ? value : null;
}
