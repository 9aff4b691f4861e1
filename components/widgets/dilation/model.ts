/**
 * Lesson 7's widget, apart from the UI: where a dilated kernel's taps land, what it
 * costs, and which pixels a stack of dilated layers can see.
 *
 * Nothing here knows the dilation formula. The taps and the gridding map are the
 * input gradient of one output neuron (the engine's `conv2d` and autograd, through
 * `traceReceptiveField`, the same experiment lesson 3 runs); the receptive field and
 * the parameter count are read from the engine's `summary` of `nn.Conv2d` layers.
 */
import { nn, summary } from '../../../src/engine/index.ts';
import { traceReceptiveField } from '../../../src/geometry/receptive-field.ts';
import type { ConvLayerSpec } from '../../../src/geometry/receptive-field.ts';
import { readInt } from '../../kit/query-state.ts';

/** The dilations drawn side by side for the taps: the syllabus's 1 and 2, and 3. */
export const TAP_DILATIONS = [1, 2, 3] as const;

/** Allowed range of every control, inclusive. The input may be set too small on purpose: the engine then refuses. */
export const LIMITS = {
  kernel: [1, 5],
  dilation: [1, 4],
  layers: [1, 4],
  input: [3, 32],
} as const;

/** Everything the widget shows is a function of this. */
export interface DilationConfig {
  kernel: number;
  /** Dilation of every layer of the stack. */
  dilation: number;
  layers: number;
  input: number;
}

/** Where the widget starts: three 3x3 layers with dilation 2 on a 17x17 input (the gridding example). */
export function defaultConfig(): DilationConfig {
  return { kernel: 3, dilation: 2, layers: 3, input: 17 };
}

/** Query keys, prefixed so they never clash with another widget's. */
export const KEYS = { kernel: 'dlK', dilation: 'dlD', layers: 'dlL', input: 'dlN' } as const;

/** Writes the config's keys into `params`. */
export function encodeConfig(config: DilationConfig, params: URLSearchParams): void {
  for (const field of Object.keys(KEYS) as (keyof DilationConfig)[]) params.set(KEYS[field], String(config[field]));
}

/** Reads the config; a missing key takes its default, a bad one too and is named in `rejected`. */
export function decodeConfig(params: URLSearchParams): { config: DilationConfig; rejected: string[] } {
  const rejected: string[] = [];
  const fallback = defaultConfig();
  const config = { ...fallback };
  for (const field of Object.keys(KEYS) as (keyof DilationConfig)[]) {
    config[field] = readInt(params, KEYS[field], LIMITS[field][0], LIMITS[field][1], fallback[field], rejected);
  }
  return { config, rejected };
}

/** `count` identical square layers at stride 1 without padding. */
export function stack(kernel: number, dilation: number, count: number): ConvLayerSpec[] {
  return Array.from({ length: count }, () => ({ kernelSize: kernel, stride: 1, dilation, padding: 0 }));
}

/** What the engine's `summary` says about a stack: the whole stack's receptive field side and its weights. */
export interface StackSummary {
  receptiveField: number;
  params: number;
}

/** The stack as `nn.Conv2d(1, 1, k, dilation=d, bias=False)` layers, summarised by the engine. */
export function summarise(input: number, layers: readonly ConvLayerSpec[]): StackSummary {
  const model = new nn.Sequential(
    ...layers.map((l) => new nn.Conv2d(1, 1, l.kernelSize, { stride: l.stride, dilation: l.dilation, padding: l.padding, bias: false })),
  );
  const report = summary(model, [1, 1, input, input]);
  const last = report.layers.filter((row) => row.type === 'Conv2d').at(-1);
  const field = last?.receptiveField;
  if (!field || field.size[0] !== field.size[1]) throw new Error(`summary: expected a square receptive field, got ${JSON.stringify(field)}`);
  return { receptiveField: field.size[0], params: report.totalParams };
}

/** A square map of one neuron's input gradient, with where its field lies. */
export interface SeenMap {
  side: number;
  /** Gradient of the output neuron with respect to each input pixel (row-major): paths from the pixel to it. */
  grad: Float32Array;
  /** The square the receptive field covers (first row = first column, as the neuron is central). */
  start: number;
  field: number;
  /** Pixels inside the field with a nonzero gradient, and those with none. */
  seen: number;
  unseen: number;
}

/** What the widget shows for one stack, or the engine's refusal. */
export type StackResult = ({ ok: true } & SeenMap & StackSummary) | { ok: false; message: string };

/**
 * Runs the stack on an `input`-sized picture and back-propagates from the middle
 * output neuron. Never throws: a stack that does not fit becomes the engine's message.
 */
export function traceStack(input: number, layers: readonly ConvLayerSpec[]): StackResult {
  try {
    const stats = summarise(input, layers);
    // The middle output neuron; its field is then as central as the input allows.
    const probe = traceReceptiveField(input, layers, 0, 0);
    const out = probe.sizes[probe.sizes.length - 1];
    const middle = Math.floor((out - 1) / 2);
    const trace = traceReceptiveField(input, layers, middle, middle);
    const grad = trace.grads[0];
    const box = trace.inputBox!;
    const field = box.bottom - box.top + 1;
    return {
      ok: true,
      ...stats,
      side: input,
      grad,
      start: box.top,
      field,
      seen: trace.inputPixels,
      unseen: field * field - trace.inputPixels,
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** One panel of the taps row: a single layer of the chosen kernel at one dilation. */
export interface TapPanel {
  dilation: number;
  result: StackResult;
}

/** The taps of a single k x k layer at dilations 1, 2 and 3, on the chosen input. */
export function tapPanels(kernel: number, input: number): TapPanel[] {
  return TAP_DILATIONS.map((dilation) => ({ dilation, result: traceStack(input, stack(kernel, dilation, 1)) }));
}

/** Whether pixel `index` of a map lies inside its field's square. */
export function insideField(map: SeenMap, index: number): boolean {
  const r = Math.floor(index / map.side);
  const c = index % map.side;
  const end = map.start + map.field;
  return r >= map.start && r < end && c >= map.start && c < end;
}
