/**
 * Lesson 11's pooling stepper, without the UI: the input pictures, the settings a
 * reader can change, the address format, and one call into the engine's real
 * `maxPool2d` / `avgPool2d`. The widget, the lesson's numbers and the tests share it.
 *
 * Every output number is the engine's. What this file adds is the explanation of one
 * output: which input cells its window touches (PyTorch's rule, spelled out in the
 * engine's `avgPoolWindow` for averages and by the stride/padding/dilation arithmetic
 * for maxima), so the readout can show the working beside the engine's answer.
 */
import { avgPool2d, avgPoolWindow, maxPool2d, noGrad, pool2dGeometry, tensor } from '../../../src/engine/index.ts';
import type { AvgPoolWindow } from '../../../src/engine/index.ts';

/** Which pooling the stepper runs. */
export type PoolMode = 'max' | 'avg';

/** The pictures the stepper offers. */
export type InputId = 'notes' | 'seven';

/**
 * The lecture notes' 4x4 example and a 7x7 map for the settings that need room
 * (3x3 overlapping windows, padding, dilation). The 7x7 has one strong peak and a
 * weak plateau, so max and average visibly disagree.
 */
export const INPUTS: Record<InputId, readonly (readonly number[])[]> = {
  notes: [
    [1, 1, 2, 4],
    [5, 6, 7, 8],
    [3, 2, 1, 0],
    [1, 2, 3, 4],
  ],
  seven: [
    [0, 1, 0, 2, 2, 2, 1],
    [1, 9, 1, 2, 3, 2, 0],
    [0, 1, 0, 2, 2, 2, 1],
    [3, 0, 4, 1, 0, 5, 2],
    [0, 2, 1, 6, 1, 0, 3],
    [1, 0, 3, 1, 2, 8, 0],
    [2, 1, 0, 4, 0, 1, 1],
  ],
};

export const INPUT_IDS: readonly InputId[] = ['notes', 'seven'];

/** Everything the reader can change, and everything the address remembers. */
export interface PoolState {
  mode: PoolMode;
  input: InputId;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
  countIncludePad: boolean;
  /** 0: no override (PyTorch's None). */
  divisorOverride: number;
  /** Window position, row-major over the output. */
  position: number;
}

/**
 * Slider ranges. They deliberately reach settings PyTorch refuses (padding over half
 * the kernel, a window wider than the padded input), so the engine's messages show.
 */
export const LIMITS = {
  kernel: { min: 1, max: 5 },
  stride: { min: 1, max: 4 },
  padding: { min: 0, max: 2 },
  dilation: { min: 1, max: 3 },
  divisorOverride: { min: 0, max: 20 },
} as const;

/** The lesson's starting point: the notes' example, 2x2 max pooling with stride 2. */
export function defaultState(): PoolState {
  return {
    mode: 'max',
    input: 'notes',
    kernel: 2,
    stride: 2,
    padding: 0,
    dilation: 1,
    ceilMode: false,
    countIncludePad: true,
    divisorOverride: 0,
    position: 0,
  };
}

/** The engine's arguments for a state, exactly as the widget passes them. */
export function poolArgs(state: PoolState) {
  return state.mode === 'max'
    ? { kernelSize: state.kernel, stride: state.stride, padding: state.padding, dilation: state.dilation, ceilMode: state.ceilMode }
    : {
        kernelSize: state.kernel,
        stride: state.stride,
        padding: state.padding,
        ceilMode: state.ceilMode,
        countIncludePad: state.countIncludePad,
        divisorOverride: state.divisorOverride === 0 ? null : state.divisorOverride,
      };
}

/** One pooling run: the engine's output and, for max pooling, where each maximum came from. */
export interface PoolResult {
  inSize: number;
  outHeight: number;
  outWidth: number;
  /** The engine's output, row-major. */
  values: Float32Array;
  /** Max pooling only: the flat h*W+w index of each winner (the engine's returnIndices). */
  winners: Float32Array | null;
}

/** Runs the engine on the state's picture; throws the engine's own error for a refused setting. */
export function runPool(state: PoolState): PoolResult {
  const picture = INPUTS[state.input];
  const n = picture.length;
  return noGrad(() => {
    const x = tensor(picture.flat(), [1, 1, n, n]);
    if (state.mode === 'max') {
      const [out, indices] = maxPool2d(x, { ...poolArgs(state), returnIndices: true });
      return { inSize: n, outHeight: out.shape[2], outWidth: out.shape[3], values: out.data, winners: indices.data };
    }
    const out = avgPool2d(x, poolArgs(state));
    return { inSize: n, outHeight: out.shape[2], outWidth: out.shape[3], values: out.data, winners: null };
  });
}

/** One tap of a window, in input coordinates (negative or past the edge: padding). */
export interface Tap {
  row: number;
  col: number;
  /** The input value, or null for a padding cell. */
  value: number | null;
}

/** The working behind one output: its taps and, for averages, PyTorch's window and divisor. */
export interface WindowWorking {
  taps: Tap[];
  /** Sum of the real pixels the average reads (avg only). */
  sum: number;
  /** avg only: the engine's window rule for this output. */
  avg: AvgPoolWindow | null;
  /** avg only: padding cells inside the padded input that the window covers. */
  paddingCells: number;
}

/**
 * The taps of output (oh, ow): rows oh*stride - padding + i*dilation, likewise columns,
 * kept only while inside the padded input (a ceil-mode window may hang past it; PyTorch
 * reads nothing there).
 */
export function windowAt(state: PoolState, position: number, outWidth: number): WindowWorking {
  const picture = INPUTS[state.input];
  const n = picture.length;
  const oh = Math.floor(position / outWidth);
  const ow = position % outWidth;
  const dilation = state.mode === 'max' ? state.dilation : 1;
  const taps: Tap[] = [];
  for (let i = 0; i < state.kernel; i++) {
    const row = oh * state.stride - state.padding + i * dilation;
    if (row >= n + state.padding) continue;
    for (let j = 0; j < state.kernel; j++) {
      const col = ow * state.stride - state.padding + j * dilation;
      if (col >= n + state.padding) continue;
      const inside = row >= 0 && row < n && col >= 0 && col < n;
      taps.push({ row, col, value: inside ? picture[row][col] : null });
    }
  }
  if (state.mode === 'max') return { taps, sum: 0, avg: null, paddingCells: taps.filter((t) => t.value === null).length };
  const plan = pool2dGeometry('avgPool2d', [1, 1, n, n], { kernelSize: state.kernel, stride: state.stride, padding: state.padding, ceilMode: state.ceilMode });
  const avg = avgPoolWindow(
    { ...plan.geometry, countIncludePad: state.countIncludePad, divisorOverride: state.divisorOverride === 0 ? null : state.divisorOverride },
    oh,
    ow,
  );
  let sum = 0;
  for (let r = avg.hStart; r < avg.hEnd; r++) for (let c = avg.wStart; c < avg.wEnd; c++) sum += picture[r][c];
  return { taps, sum, avg, paddingCells: taps.filter((t) => t.value === null).length };
}

/** Output side of a 224x224xdepth volume under the state's settings, from the engine's shape rules. */
export function volumeShape(state: PoolState, side: number, depth: number): number[] {
  const { kernelSize, stride, padding, ceilMode } = poolArgs(state);
  const dilation = state.mode === 'max' ? state.dilation : 1;
  return pool2dGeometry(state.mode === 'max' ? 'maxPool2d' : 'avgPool2d', [1, depth, side, side], { kernelSize, stride, padding, dilation, ceilMode }).outputShape;
}

/** Up to two decimals, trailing zeros dropped, real minus sign: 2.25, 4.5, 6. */
export function formatValue(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace('-', '\u2212');
}

// ---- address --------------------------------------------------------------------

/** Query keys, prefixed so other widgets on the page cannot collide. */
export const QUERY_KEYS = {
  mode: 'pool-mode',
  input: 'pool-in',
  kernel: 'pool-k',
  stride: 'pool-s',
  padding: 'pool-p',
  dilation: 'pool-d',
  ceilMode: 'pool-ceil',
  countIncludePad: 'pool-cip',
  divisorOverride: 'pool-div',
  position: 'pool-at',
} as const;

export type StateProblem = keyof typeof QUERY_KEYS;

/** Reads the state; anything malformed keeps its default and is reported. */
export function decodeState(params: URLSearchParams): { state: PoolState; problems: StateProblem[] } {
  const state = defaultState();
  const problems: StateProblem[] = [];
  const mode = params.get(QUERY_KEYS.mode);
  if (mode !== null) {
    if (mode === 'max' || mode === 'avg') state.mode = mode;
    else problems.push('mode');
  }
  const input = params.get(QUERY_KEYS.input);
  if (input !== null) {
    if ((INPUT_IDS as readonly string[]).includes(input)) state.input = input as InputId;
    else problems.push('input');
  }
  for (const key of ['kernel', 'stride', 'padding', 'dilation', 'divisorOverride'] as const) {
    const raw = params.get(QUERY_KEYS[key]);
    if (raw === null) continue;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value >= LIMITS[key].min && value <= LIMITS[key].max) state[key] = value;
    else problems.push(key);
  }
  for (const key of ['ceilMode', 'countIncludePad'] as const) {
    const raw = params.get(QUERY_KEYS[key]);
    if (raw === null) continue;
    if (raw === '1' || raw === '0') state[key] = raw === '1';
    else problems.push(key);
  }
  const at = params.get(QUERY_KEYS.position);
  if (at !== null) {
    // Whether the position exists depends on the settings: checked against the engine's output.
    let count = 0;
    try {
      const result = runPool(state);
      count = result.outHeight * result.outWidth;
    } catch {
      count = 0;
    }
    if (/^\d+$/.test(at) && Number(at) < count) state.position = Number(at);
    else problems.push('position');
  }
  return { state, problems };
}

/** Writes the state's keys; defaults are left out so an untouched widget leaves the address clean. */
export function encodeState(state: PoolState, params: URLSearchParams): URLSearchParams {
  const fresh = defaultState();
  const text = (key: keyof PoolState, value: PoolState[keyof PoolState]) =>
    typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  for (const key of Object.keys(QUERY_KEYS) as (keyof PoolState)[]) {
    if (state[key] === fresh[key]) params.delete(QUERY_KEYS[key]);
    else params.set(QUERY_KEYS[key], text(key, state[key]));
  }
  return params;
}

/** The syllabus's volume for "depth untouched": 224x224x64, as VGG's first pooling layer sees it. */
export const DEPTH_DEMO = { side: 224, depth: 64 } as const;
