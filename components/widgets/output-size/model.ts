/**
 * The output-size calculator's state and arithmetic, kept apart from the UI so it can
 * be tested in Node. Every number comes from the engine: the formula's working from
 * `convOutputSteps` / `poolOutputSteps`, the real shape from running `conv2d` or
 * `maxPool2d` on zeros of that size, and the solvers from `src/engine/shapes.ts`.
 */
import {
  conv2d,
  convOutputSteps,
  maxPool2d,
  noGrad,
  paddingToKeepSize,
  poolOutputSteps,
  stridesForOutputSize,
  uncoveredInputs,
  zeros,
} from '../../../src/engine/index.ts';
import type { OutputSizeSteps, StrideSolution } from '../../../src/engine/index.ts';

/** Which layer the calculator sizes. */
export type Mode = 'conv' | 'pool';

/** The hyper-parameters along one spatial dimension. */
export interface DimConfig {
  input: number;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
}

/** Everything the reader can set. */
export interface Config {
  mode: Mode;
  /** One set of controls for both dimensions (the values of `h` then also hold for `w`). */
  linked: boolean;
  h: DimConfig;
  w: DimConfig;
  /** Pooling only: round up instead of down. */
  ceilMode: boolean;
  /** The output length the stride solver aims for. */
  target: number;
}

/** A dimension field's name. */
export type DimField = keyof DimConfig;

/** The order the controls appear in. */
export const DIM_FIELDS: readonly DimField[] = ['input', 'kernel', 'stride', 'padding', 'dilation'];

/** Allowed range of each field: wide enough for ImageNet-sized inputs, small enough to run instantly. */
export const LIMITS: Readonly<Record<DimField | 'target', { min: number; max: number }>> = {
  input: { min: 1, max: 512 },
  kernel: { min: 1, max: 15 },
  stride: { min: 1, max: 8 },
  padding: { min: 0, max: 8 },
  dilation: { min: 1, max: 5 },
  target: { min: 1, max: 512 },
};

const dim = (input: number, kernel: number, stride: number, padding = 0, dilation = 1): DimConfig => ({
  input,
  kernel,
  stride,
  padding,
  dilation,
});

/** Ready-made configurations, each making one point of the lesson. */
export const PRESETS = {
  /** The lesson's worked example. */
  worked: { mode: 'conv', linked: true, h: dim(6, 3, 1), w: dim(6, 3, 1), ceilMode: false, target: 4 },
  /** VGG's pooling: 224 halves to 112. */
  vggPool: { mode: 'pool', linked: true, h: dim(224, 2, 2), w: dim(224, 2, 2), ceilMode: false, target: 112 },
  /** The division leaves a remainder, so the last pixel is never read. */
  notExact: { mode: 'conv', linked: true, h: dim(8, 3, 2), w: dim(8, 3, 2), ceilMode: false, target: 4 },
  /** A window bigger than the input: PyTorch refuses. */
  tooSmall: { mode: 'pool', linked: true, h: dim(2, 3, 3), w: dim(2, 3, 3), ceilMode: false, target: 1 },
} as const satisfies Record<string, Config>;

/** A preset's name. */
export type PresetName = keyof typeof PRESETS;

/** A fresh copy of a preset (presets themselves are shared constants). */
export function presetConfig(name: PresetName): Config {
  const p = PRESETS[name];
  return { ...p, h: { ...p.h }, w: { ...p.w } };
}

/** The calculator's starting point: the worked example. */
export function defaultConfig(): Config {
  return presetConfig('worked');
}

/** Sets one field; with linked controls it sets both dimensions. */
export function withField(config: Config, which: 'h' | 'w', field: DimField, value: number): Config {
  const next = { ...config, h: { ...config.h }, w: { ...config.w } };
  if (config.linked) {
    next.h[field] = value;
    next.w[field] = value;
  } else {
    next[which][field] = value;
  }
  return next;
}

/** Links or unlinks the dimensions; linking copies the height's values to the width. */
export function withLinked(config: Config, linked: boolean): Config {
  return { ...config, linked, w: linked ? { ...config.h } : { ...config.w } };
}

// ---------------------------------------------------------------------------
// Evaluation

/** The formula along one dimension. */
export interface DimResult {
  /** The working, or null when the arguments are invalid before any arithmetic. */
  steps: OutputSizeSteps | null;
  /** The engine's message when the shape functions refuse the arguments. */
  stepsError: string | null;
  /** Input positions no window reads (empty when the output is empty too). */
  uncovered: number[];
}

/** What the calculator shows for one configuration. */
export interface Evaluation {
  height: DimResult;
  width: DimResult;
  /** The formula's output [height, width] when both are at least 1. */
  formulaSize: [number, number] | null;
  /** The call that was run, as a reader would type it. */
  call: string;
  /** The shape the engine's op returned, or null when it threw. */
  engineShape: number[] | null;
  /** The engine's own error message when the op refused the configuration. */
  engineError: string | null;
  /** Whether the formula and the op agree (both give the same size, or both refuse). */
  agree: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The steps of the formula for one dimension, with the engine's refusal if any. */
export function evaluateDim(mode: Mode, d: DimConfig, ceilMode: boolean): DimResult {
  const opts = { kernelSize: d.kernel, stride: d.stride, padding: d.padding, dilation: d.dilation };
  try {
    const steps = mode === 'conv' ? convOutputSteps(d.input, opts) : poolOutputSteps(d.input, { ...opts, ceilMode });
    const uncovered =
      steps.result >= 1 ? uncoveredInputs(d.input, mode === 'pool' ? { ...opts, ceilMode } : opts, mode) : [];
    return { steps, stepsError: null, uncovered };
  } catch (error) {
    return { steps: null, stepsError: messageOf(error), uncovered: [] };
  }
}

/** The engine call matching a configuration, in the site's TypeScript. */
export function describeCall(config: Config): string {
  const { h, w } = config;
  const pair = (a: number, b: number) => (a === b ? String(a) : `[${a}, ${b}]`);
  const input = `zeros([1, 1, ${h.input}, ${w.input}])`;
  const common = `stride: ${pair(h.stride, w.stride)}, padding: ${pair(h.padding, w.padding)}, dilation: ${pair(h.dilation, w.dilation)}`;
  if (config.mode === 'conv') {
    return `conv2d(${input}, zeros([1, 1, ${h.kernel}, ${w.kernel}]), null, { ${common} })`;
  }
  return `maxPool2d(${input}, { kernelSize: ${pair(h.kernel, w.kernel)}, ${common}, ceilMode: ${config.ceilMode} })`;
}

/** Runs the real op on a zero tensor of the configured size and reports its shape or its error. */
export function runEngine(config: Config): { shape: number[] | null; error: string | null } {
  const { h, w } = config;
  try {
    const shape = noGrad(() => {
      const input = zeros([1, 1, h.input, w.input]);
      const common = {
        stride: [h.stride, w.stride] as [number, number],
        padding: [h.padding, w.padding] as [number, number],
        dilation: [h.dilation, w.dilation] as [number, number],
      };
      const out =
        config.mode === 'conv'
          ? conv2d(input, zeros([1, 1, h.kernel, w.kernel]), null, common)
          : maxPool2d(input, { kernelSize: [h.kernel, w.kernel], ...common, ceilMode: config.ceilMode });
      return [...out.shape];
    });
    return { shape, error: null };
  } catch (error) {
    return { shape: null, error: messageOf(error) };
  }
}

/** Everything the calculator displays for `config`. */
export function evaluate(config: Config): Evaluation {
  const ceil = config.mode === 'pool' && config.ceilMode;
  const height = evaluateDim(config.mode, config.h, ceil);
  const width = evaluateDim(config.mode, config.w, ceil);
  const oh = height.steps?.result ?? 0;
  const ow = width.steps?.result ?? 0;
  const formulaSize: [number, number] | null = oh >= 1 && ow >= 1 ? [oh, ow] : null;
  const engine = runEngine(config);
  const agree =
    formulaSize === null
      ? engine.shape === null
      : engine.shape !== null && engine.shape[2] === formulaSize[0] && engine.shape[3] === formulaSize[1];
  return {
    height,
    width,
    formulaSize,
    call: describeCall(config),
    engineShape: engine.shape,
    engineError: engine.error,
    agree,
  };
}

// ---------------------------------------------------------------------------
// Solvers

/** "Which padding keeps the size at stride 1", for one dimension. */
export interface KeepSizeAnswer {
  /** The padding, or null when no symmetric padding does (dilation*(kernel-1) is odd). */
  padding: number | null;
  /** dilation*(kernel-1): the total padding needed. */
  total: number;
  /** Whether that padding fits the calculator's range. */
  inRange: boolean;
}

/** Which padding keeps the input length at stride 1. */
export function keepSize(d: DimConfig): KeepSizeAnswer {
  const padding = paddingToKeepSize(d.kernel, d.dilation);
  return { padding, total: d.dilation * (d.kernel - 1), inRange: padding !== null && padding <= LIMITS.padding.max };
}

/** Which strides reach the target, or the engine's message when the other settings are invalid. */
export function stridesFor(
  mode: Mode,
  d: DimConfig,
  target: number,
  ceilMode: boolean,
): StrideSolution | { error: string } {
  try {
    return stridesForOutputSize(
      d.input,
      target,
      { kernelSize: d.kernel, padding: d.padding, dilation: d.dilation, ceilMode: mode === 'pool' && ceilMode },
      mode,
    );
  } catch (error) {
    return { error: messageOf(error) };
  }
}

// ---------------------------------------------------------------------------
// The query string

/** Query keys; the prefix keeps them apart from any other widget on the page. */
export const QUERY_KEYS = {
  mode: 'osMode',
  input: 'osIn',
  kernel: 'osK',
  stride: 'osS',
  padding: 'osP',
  dilation: 'osD',
  ceilMode: 'osCeil',
  target: 'osTarget',
} as const;

/** The configuration as query parameters: one number per field when linked, "HxW" otherwise. */
export function encodeConfig(config: Config): Record<string, string> {
  const out: Record<string, string> = { [QUERY_KEYS.mode]: config.mode };
  for (const field of DIM_FIELDS) {
    const a = config.h[field];
    const b = config.w[field];
    out[QUERY_KEYS[field]] = config.linked ? String(a) : `${a}x${b}`;
  }
  out[QUERY_KEYS.ceilMode] = config.ceilMode ? '1' : '0';
  out[QUERY_KEYS.target] = String(config.target);
  return out;
}

function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * Reads a configuration from the query string. Missing keys take the default;
 * a key holding anything invalid also takes the default and is listed in
 * `rejected`, so the widget can say which setting it ignored.
 */
export function decodeConfig(params: URLSearchParams): { config: Config; rejected: string[] } {
  const config = defaultConfig();
  const rejected: string[] = [];
  let linked = true;

  const mode = params.get(QUERY_KEYS.mode);
  if (mode === 'conv' || mode === 'pool') config.mode = mode;
  else if (mode !== null) rejected.push(QUERY_KEYS.mode);

  for (const field of DIM_FIELDS) {
    const raw = params.get(QUERY_KEYS[field]);
    if (raw === null) continue;
    const { min, max } = LIMITS[field];
    const parts = raw.split('x');
    const values = parts.map((part) => parseWhole(part.trim(), min, max));
    if (parts.length > 2 || values.some((v) => v === null)) {
      rejected.push(QUERY_KEYS[field]);
      continue;
    }
    config.h[field] = values[0]!;
    config.w[field] = values[values.length - 1]!;
    if (parts.length === 2) linked = false;
  }

  const ceil = params.get(QUERY_KEYS.ceilMode);
  if (ceil === '1' || ceil === '0') config.ceilMode = ceil === '1';
  else if (ceil !== null) rejected.push(QUERY_KEYS.ceilMode);

  const target = params.get(QUERY_KEYS.target);
  if (target !== null) {
    const value = parseWhole(target, LIMITS.target.min, LIMITS.target.max);
    if (value === null) rejected.push(QUERY_KEYS.target);
    else config.target = value;
  }

  // A width given apart from the height unlinks the controls, even if only one field differs.
  config.linked = linked;
  return { config, rejected };
}
