/**
 * The pooling stepper's words in English. This file defines their shape; every other
 * language's file must match it key for key.
 */
import type { InputId, PoolMode, StateProblem } from '../model.ts';

/** Why an average divides by what it divides by (chosen in the widget from the engine's window). */
export type DivisorReason = 'override' | 'includesPadding' | 'realOnly' | 'clipped' | 'full';

/** One language's strings; functions where a sentence has numbers in it. */
export interface PoolStrings {
  widgetLabel: string;
  intro: string;
  settings: string;
  modeLabel: string;
  modes: Record<PoolMode, string>;
  inputLabel: string;
  inputs: Record<InputId, (side: number) => string>;
  kernel: string;
  stride: string;
  padding: string;
  dilation: string;
  dilationAvgHint: string;
  ceilMode: string;
  countIncludePad: string;
  divisorOverride: string;
  divisorNone: string;
  maxOnlyHint: string;
  reset: string;
  previous: string;
  next: string;
  position: string;
  positionValue: (row: number, col: number, step: number, total: number) => string;
  inputTitle: (side: number, padding: number) => string;
  inputHint: (mode: PoolMode) => string;
  inputGrid: string;
  cell: (row: number, col: number, value: string, inWindow: boolean) => string;
  paddingCell: (inWindow: boolean) => string;
  outputTitle: (height: number, width: number) => string;
  outputHint: string;
  outputGrid: string;
  outputCell: (row: number, col: number, value: string) => string;
  readoutTitle: (row: number, col: number) => string;
  maxLine: (values: readonly string[], result: string) => string;
  winnerLine: (value: string, row: number, col: number) => string;
  paddingNeverWins: string;
  dilationLine: (dilation: number) => string;
  avgLine: (values: readonly string[], divisor: number, result: string) => string;
  divisorReason: (reason: DivisorReason, divisor: number, paddingCells: number, realCells: number) => string;
  engineLine: (value: string) => string;
  depthLine: (side: number, depth: number, out: readonly number[]) => string;
  depthRefused: (side: number, depth: number) => string;
  engineError: (message: string) => string;
  urlProblem: (parts: readonly StateProblem[]) => string;
}

const list = (values: readonly string[]) => values.join(', ');

export const en: PoolStrings = {
  widgetLabel: 'Pooling stepper',
  intro:
    'Step the window across the input. Every output is what the engine’s maxPool2d or avgPool2d returned; the working beside it shows which cells that window read.',
  settings: 'Settings',
  modeLabel: 'Pooling',
  modes: { max: 'Max', avg: 'Average' },
  inputLabel: 'Input',
  inputs: {
    notes: (side) => `Notes’ ${side}×${side}`,
    seven: (side) => `${side}×${side} map`,
  },
  kernel: 'Kernel size',
  stride: 'Stride',
  padding: 'Padding',
  dilation: 'Dilation',
  dilationAvgHint: 'Average pooling has no dilation in PyTorch; it applies to max pooling only.',
  ceilMode: 'Ceil mode (round the output size up)',
  countIncludePad: 'count_include_pad (padding counts in the divisor)',
  divisorOverride: 'divisor_override',
  divisorNone: 'none',
  maxOnlyHint: 'These two apply to average pooling only.',
  reset: 'Reset',
  previous: 'Previous window',
  next: 'Next window',
  position: 'Window',
  positionValue: (row, col, step, total) => `row ${row}, column ${col} (${step} of ${total})`,
  inputTitle: (side, padding) =>
    padding === 0 ? `Input, ${side}×${side}` : `Input, ${side}×${side}, padded by ${padding} on each side`,
  inputHint: (mode) =>
    mode === 'max'
      ? 'Outlined cells are the window’s taps; the ringed cell is the maximum the engine picked. Padding shows as −∞: it can never win.'
      : 'Outlined cells are the window’s taps. Padding shows as 0.',
  inputGrid: 'Input values',
  cell: (row, col, value, inWindow) => `row ${row}, column ${col}: ${value}${inWindow ? ', in the window' : ''}`,
  paddingCell: (inWindow) => `padding${inWindow ? ', in the window' : ''}`,
  outputTitle: (height, width) => `Output, ${height}×${width}`,
  outputHint: 'Focus or point at an output to see its window.',
  outputGrid: 'Pooled values',
  outputCell: (row, col, value) => `output row ${row}, column ${col}: ${value}`,
  readoutTitle: (row, col) => `Output at row ${row}, column ${col}`,
  maxLine: (values, result) => `max(${list(values)}) = ${result}`,
  winnerLine: (value, row, col) => `The ${value} at input row ${row}, column ${col} wins.`,
  paddingNeverWins: 'The window hangs over the padding, but padding never wins: max pooling pads with −∞.',
  dilationLine: (dilation) => `Dilation ${dilation}: the taps are ${dilation} cells apart, so the window spreads without reading more cells.`,
  avgLine: (values, divisor, result) => `(${values.join(' + ')}) ÷ ${divisor} = ${result}`,
  divisorReason: (reason, divisor, paddingCells, realCells) => {
    switch (reason) {
      case 'override':
        return `divisor_override replaces the divisor with ${divisor}, whatever the window holds.`;
      case 'includesPadding':
        return `The ${paddingCells} padding cell${paddingCells === 1 ? '' : 's'} count as zeros in the divisor (count_include_pad=True), pulling the average down.`;
      case 'realOnly':
        return `Only the ${realCells} real pixel${realCells === 1 ? '' : 's'} count (count_include_pad=False).`;
      case 'clipped':
        return `The window reaches past the padded edge (ceil mode); only the ${divisor} cells inside count.`;
      case 'full':
        return `All ${divisor} cells of the window are real pixels.`;
    }
  },
  engineLine: (value) => `Engine: ${value}`,
  depthLine: (side, depth, out) =>
    `The same layer on a ${side}×${side}×${depth} volume gives ${out[2]}×${out[3]}×${out[1]}: each of the ${depth} maps is pooled on its own, so the depth stays ${out[1]}.`,
  depthRefused: (side, depth) => `The engine refuses these settings on a ${side}×${side}×${depth} volume too.`,
  engineError: (message) => `The engine refuses these settings: ${message}`,
  urlProblem: (parts) => `The link held settings this stepper cannot use (${parts.join(', ')}); their defaults are shown instead.`,
};

/** The photo panel's strings. */
export interface PhotoStrings {
  widgetLabel: string;
  intro: string;
  photoLabel: string;
  photos: Record<'chelsea' | 'coffee' | 'astronaut' | 'camera', string>;
  sourceLabel: string;
  sources: Record<'photo' | 'edges', string>;
  layers: string;
  modes: Record<PoolMode, string>;
  shape: (height: number, width: number, depth: number) => string;
  sourceShape: (shape: string) => string;
  canvasLabel: (mode: PoolMode, layers: number, shape: string) => string;
  kept: (percent: number) => string;
  loading: string;
  loadError: (message: string) => string;
  urlProblem: (parts: readonly string[]) => string;
}

export const photoEn: PhotoStrings = {
  widgetLabel: 'A photograph through pooling layers',
  intro:
    'The edge map is the grey photo through an outline filter and ReLU, run by the engine. Each pooling layer is the engine’s 2×2 pooling with stride 2: max on the left, average on the right, both drawn at the same size, so each pooled pixel shows as a block. The photo itself is pooled as its red, green and blue maps.',
  photoLabel: 'Photograph',
  photos: { chelsea: 'Cat', coffee: 'Coffee', astronaut: 'Astronaut', camera: 'Cameraman' },
  sourceLabel: 'Pool',
  sources: { photo: 'The photo', edges: 'Its edge map' },
  layers: 'Pooling layers',
  modes: { max: 'Max', avg: 'Average' },
  shape: (height, width, depth) => `${height}×${width}×${depth}`,
  sourceShape: (shape) => `Before pooling: ${shape}.`,
  canvasLabel: (mode, layers, shape) => `${mode === 'max' ? 'Max' : 'Average'} pooling, ${layers} layer${layers === 1 ? '' : 's'}: ${shape}`,
  kept: (percent) => `brightest edge ${percent}% of the original`,
  loading: 'Loading the photograph…',
  loadError: (message) => `The photograph could not be loaded: ${message}`,
  urlProblem: (parts) => `The link held settings this panel cannot use (${parts.join(', ')}); their defaults are shown instead.`,
};
