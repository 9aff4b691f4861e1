/**
 * Lesson 6's stride stepper, without the UI: the settings a reader can change, the
 * address format, one call into the engine's real `conv2d`, and the engine's
 * `convOutputSteps` / `uncoveredInputs` for the size and the rows no window reaches.
 * The widget, the lesson's numbers and the tests share it.
 */
import { conv2d, convOutputSteps, noGrad, tensor, uncoveredInputs } from '../../../src/engine/index.ts';
import type { OutputSizeSteps } from '../../../src/engine/index.ts';

/** Everything the reader can change, and everything the address remembers. */
export interface StrideState {
  size: number;
  kernel: number;
  padding: number;
  dilation: number;
  stride: number;
  /** Window position, row-major over the output. */
  position: number;
}

/**
 * Slider ranges. Padding reaches past what a small kernel can use and the kernel can
 * outgrow a small input, so the engine's refusals are one slider away.
 */
export const LIMITS = {
  size: { min: 3, max: 9 },
  kernel: { min: 1, max: 5 },
  padding: { min: 0, max: 2 },
  dilation: { min: 1, max: 3 },
  stride: { min: 1, max: 4 },
} as const;

/** Starts where the floor bites: 8 pixels, 3x3, stride 2 leaves the last row and column unread. */
export function defaultState(): StrideState {
  return { size: 8, kernel: 3, padding: 0, dilation: 1, stride: 2, position: 0 };
}

/** The input picture: small integers in a diagonal pattern, so every window sum is easy to check by hand. */
export function inputValues(size: number): number[][] {
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => (2 * r + 3 * c) % 5));
}

/** The kernel: a cross of ones with -1 in the corners, so a window's sum is not just the mean. */
export function kernelValues(kernel: number): number[][] {
  const mid = (kernel - 1) / 2;
  return Array.from({ length: kernel }, (_, i) =>
    Array.from({ length: kernel }, (_, j) => (i === Math.floor(mid) || j === Math.floor(mid) || kernel < 3 ? 1 : -1)),
  );
}

/** The engine's options for a state. */
export function convOptions(state: StrideState) {
  return { kernelSize: state.kernel, stride: state.stride, padding: state.padding, dilation: state.dilation };
}

/** One run: the engine's output, its size working and the input rows (= columns) no window reads. */
export interface StrideResult {
  outSize: number;
  values: Float32Array;
  steps: OutputSizeSteps;
  /** Input positions (0-based, along either axis) that no window reads. */
  unreached: number[];
  /** The unreached positions past the last window: the ones PyTorch's floor drops. */
  dropped: number[];
}

/** Runs the engine; throws the engine's own error for a refused setting. */
export function runStride(state: StrideState): StrideResult {
  const n = state.size;
  const k = state.kernel;
  const values = noGrad(() => {
    const x = tensor(inputValues(n).flat(), [1, 1, n, n]);
    const w = tensor(kernelValues(k).flat(), [1, 1, k, k]);
    return conv2d(x, w, null, { stride: state.stride, padding: state.padding, dilation: state.dilation });
  });
  const steps = convOutputSteps(n, convOptions(state));
  const unreached = uncoveredInputs(n, convOptions(state));
  const outSize = values.shape[3];
  const lastTap = (outSize - 1) * state.stride - state.padding + (k - 1) * state.dilation;
  return { outSize, values: values.data, steps, unreached, dropped: unreached.filter((i) => i > lastTap) };
}

/** One tap of a window, in input coordinates (negative or past the edge: padding). */
export interface Tap {
  row: number;
  col: number;
  weight: number;
  /** The input value, or null for a padding cell (a zero). */
  value: number | null;
}

/** The taps of output (oh, ow): rows oh*stride - padding + i*dilation, columns likewise. */
export function windowAt(state: StrideState, position: number, outSize: number): Tap[] {
  const oh = Math.floor(position / outSize);
  const ow = position % outSize;
  const picture = inputValues(state.size);
  const weights = kernelValues(state.kernel);
  const taps: Tap[] = [];
  for (let i = 0; i < state.kernel; i++) {
    for (let j = 0; j < state.kernel; j++) {
      const row = oh * state.stride - state.padding + i * state.dilation;
      const col = ow * state.stride - state.padding + j * state.dilation;
      const inside = row >= 0 && row < state.size && col >= 0 && col < state.size;
      taps.push({ row, col, weight: weights[i][j], value: inside ? picture[row][col] : null });
    }
  }
  return taps;
}

/** Prints an engine value: integers stay integers, anything else gets two decimals. */
export function formatValue(v: number): string {
  const text = Number.isInteger(v) ? String(v) : v.toFixed(2);
  return text.replace('-', '\u2212');
}

/** The query keys (prefix `st`, so other widgets on the page never clash). */
export const QUERY_KEYS = {
  size: 'stN',
  kernel: 'stK',
  padding: 'stP',
  dilation: 'stD',
  stride: 'stS',
  position: 'stAt',
} as const;

export type StateProblem = keyof typeof QUERY_KEYS;

/** Reads the state; anything malformed keeps its default and is reported. */
export function decodeState(params: URLSearchParams): { state: StrideState; problems: StateProblem[] } {
  const state = defaultState();
  const problems: StateProblem[] = [];
  for (const key of ['size', 'kernel', 'padding', 'dilation', 'stride'] as const) {
    const raw = params.get(QUERY_KEYS[key]);
    if (raw === null) continue;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value >= LIMITS[key].min && value <= LIMITS[key].max) state[key] = value;
    else problems.push(key);
  }
  const at = params.get(QUERY_KEYS.position);
  if (at !== null) {
    let count = 0;
    try {
      count = runStride(state).outSize ** 2;
    } catch {
      count = 0;
    }
    if (/^\d+$/.test(at) && Number(at) < count) state.position = Number(at);
    else problems.push('position');
  }
  return { state, problems };
}

/** Writes the state, leaving defaults out. */
export function encodeState(state: StrideState, params: URLSearchParams): URLSearchParams {
  const fresh = defaultState();
  for (const key of Object.keys(QUERY_KEYS) as (keyof StrideState)[]) {
    if (state[key] === fresh[key]) params.delete(QUERY_KEYS[key]);
    else params.set(QUERY_KEYS[key], String(state[key]));
  }
  return params;
}
