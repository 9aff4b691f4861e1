/**
 * The output-size calculator's words in English. This file defines their shape
 * ({@link CalculatorStrings}); every other language's file must match it key for key.
 * Keys name a purpose, not an English sentence.
 */
import type { DimField, Mode, PresetName } from '../model.ts';
import { PRESETS } from '../model.ts';

/** The settings each preset's label names, taken from the presets themselves (every language uses these). */
export const presetSettings = {
  worked: PRESETS.worked.h,
  vggPool: PRESETS.vggPool.h,
  notExact: PRESETS.notExact.h,
  tooSmall: PRESETS.tooSmall.h,
} as const;
const { worked, vggPool, notExact, tooSmall } = presetSettings;

/** Text of the calculator. */
export interface CalculatorStrings {
  title: string;
  caption: string;
  presetsLabel: string;
  presets: Record<PresetName, string>;
  modeLabel: string;
  modes: Record<Mode, string>;
  linked: string;
  ceilMode: string;
  ceilModeConvNote: string;
  dims: { h: string; w: string; both: string };
  fields: Record<DimField, string>;
  fieldLabel: (field: DimField, dim: 'h' | 'w' | 'both') => string;
  invalidNumber: (min: number, max: number) => string;
  resultHeading: string;
  formulaSays: string;
  engineSays: string;
  size: (h: number, w: number) => string;
  agree: string;
  disagree: string;
  refused: string;
  workingHeading: string;
  droppedWindow: string;
  coverageHeading: string;
  legendRead: string;
  legendUnread: string;
  legendPadding: string;
  coverageAll: string;
  coverageSome: (rows: readonly number[], cols: readonly number[]) => string;
  coverageNone: string;
  gridLabel: (h: number, w: number, unread: number) => string;
  gridTooBig: (limit: number) => string;
  solveHeading: string;
  keepSizeTitle: string;
  keepSize: (padding: number, input: number) => string;
  keepSizeOdd: (total: number) => string;
  keepSizeOutOfRange: (padding: number, max: number) => string;
  applyPadding: (padding: number) => string;
  targetTitle: string;
  targetLabel: string;
  strides: (strides: readonly number[], andLarger: boolean, target: number) => string;
  noStride: (target: number) => string;
  applyStride: (stride: number) => string;
  dimPrefix: (dim: 'h' | 'w') => string;
  rejected: (keys: string) => string;
  /** While a field's text is refused: what the results below are computed from. */
  lastAccepted: string;
  /** Predict-first mode: what to predict, and the label of each number. */
  predictPrompt: string;
  predictLabel: (dim: 'h' | 'w' | 'both') => string;
}

/** "7", "6 and 7", "3, 6 and 7". */
function listEn(values: readonly (number | string)[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** Runs of consecutive strides as "2", "2 to 4", "2, 5 to 7" (`to` is the language's "to"). */
export function strideRuns(strides: readonly number[], to: string): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= strides.length; i++) {
    if (i === strides.length || strides[i] !== strides[i - 1] + 1) {
      const a = strides[start];
      const b = strides[i - 1];
      runs.push(a === b ? String(a) : b === a + 1 ? `${a}, ${b}` : `${a}${to}${b}`);
      start = i;
    }
  }
  return runs;
}

export const en: CalculatorStrings = {
  title: 'Output size calculator',
  caption:
    'Change any setting: the formula is worked out again, the engine runs the real layer on a tensor of that size, and the grid shows which input pixels no window ever reads.',
  presetsLabel: 'Try an example',
  presets: {
    worked: `Worked example (${worked.input}, kernel ${worked.kernel})`,
    vggPool: `VGG pooling (${vggPool.input}, ${vggPool.kernel}×${vggPool.kernel}, stride ${vggPool.stride})`,
    notExact: `Division not exact (${notExact.input}, kernel ${notExact.kernel}, stride ${notExact.stride})`,
    tooSmall: `Kernel ${tooSmall.kernel} on a ${tooSmall.input}×${tooSmall.input} input`,
  },
  modeLabel: 'Layer',
  modes: { conv: 'Convolution', pool: 'Max pooling' },
  linked: 'Same settings for height and width',
  ceilMode: 'Ceil mode (round up)',
  ceilModeConvNote: 'conv2d has no ceil mode; it always rounds down.',
  dims: { h: 'Height', w: 'Width', both: 'Height and width' },
  fields: { input: 'Input size', kernel: 'Kernel size', stride: 'Stride', padding: 'Padding', dilation: 'Dilation' },
  fieldLabel: (field, dim) =>
    dim === 'both' ? en.fields[field] : `${en.fields[field]} (${en.dims[dim].toLowerCase()})`,
  invalidNumber: (min, max) => `Enter a whole number from ${min} to ${max}.`,
  resultHeading: 'Output size',
  formulaSays: 'Formula',
  engineSays: 'Engine',
  size: (h, w) => `${h} × ${w}`,
  agree: 'The shape the engine returned matches the formula.',
  disagree: 'The engine and the formula disagree. Please report this configuration.',
  refused: 'The engine refuses this configuration, as PyTorch does:',
  workingHeading: 'The arithmetic, step by step',
  droppedWindow:
    'Ceil mode asked for one more window, but it would start in the right-hand padding and read no pixel, so PyTorch drops it.',
  coverageHeading: 'Which input pixels are read?',
  legendRead: 'read by a window',
  legendUnread: 'never read',
  legendPadding: 'padding',
  coverageAll: 'Every input pixel is read by at least one window.',
  coverageSome: (rows, cols) => {
    const parts: string[] = [];
    if (rows.length) parts.push(`row${rows.length > 1 ? 's' : ''} ${listEn(rows)}`);
    if (cols.length) parts.push(`column${cols.length > 1 ? 's' : ''} ${listEn(cols)}`);
    return `No window ever reads ${parts.join(' or ')} (counting from 0): whatever is there cannot affect the output.`;
  },
  coverageNone: 'There is no output, so no window reads anything.',
  gridLabel: (h, w, unread) =>
    unread === 0
      ? `Input of ${h} by ${w} pixels; every pixel is read.`
      : `Input of ${h} by ${w} pixels; ${unread} of them are never read.`,
  gridTooBig: (limit) => `The grid is drawn when the padded input fits in ${limit} × ${limit} cells.`,
  solveHeading: 'Solve for a setting',
  keepSizeTitle: 'Which padding keeps the size?',
  keepSize: (padding, input) => `At stride 1, padding ${padding} keeps the length: ${input} in, ${input} out.`,
  keepSizeOdd: (total) =>
    `No padding can: the window needs dilation × (kernel − 1) = ${total} extra positions, an odd number, and padding adds the same amount on both sides.`,
  keepSizeOutOfRange: (padding, max) =>
    `It would take padding ${padding}, beyond this calculator's range (at most ${max}).`,
  applyPadding: (padding) => `Use stride 1, padding ${padding}`,
  targetTitle: 'Which stride reaches a target size?',
  targetLabel: 'Target output size',
  strides: (strides, andLarger, target) => {
    const runs = strideRuns(strides, ' to ');
    if (andLarger) return `Every stride from ${strides[0]} up gives ${target}.`;
    const single = strides.length === 1;
    return `Stride${single ? '' : 's'} ${listEn(runs)} give${single ? 's' : ''} ${target}.`;
  },
  noStride: (target) => `No stride gives exactly ${target} with these settings.`,
  applyStride: (stride) => `Use stride ${stride}`,
  dimPrefix: (dim) => `${en.dims[dim]}: `,
  lastAccepted: 'A field above holds a value that is not accepted; the results are for its last accepted value until it is corrected.',
  rejected: (keys) => `Some settings in the address were not valid and were reset to the defaults: ${keys}.`,
  predictPrompt: 'What size will the output be? Work it out from the settings above, then check it against the engine.',
  predictLabel: (dim) => (dim === 'both' ? 'Output height and width' : `Output ${dim === 'h' ? 'height' : 'width'}`),
};
