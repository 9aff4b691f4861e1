/**
 * The words of lesson 3's widgets (the receptive-field explorer, the parameter count
 * and the tiny network) in English. This file defines their shape
 * ({@link ReceptiveFieldStrings}); every other language's file must match it key for
 * key. Keys name a purpose, not an English sentence.
 */
import type { LayerField, PresetName } from '../explorer-model.ts';
import { EDGES, FILTER_SIDE, INPUT_SIDE, OUTPUT_SIDE } from '../tiny-net-model.ts';

/** The tiny network's sizes, for the sentences that name them (every language uses these). */
export const TINY = { inputs: INPUT_SIDE * INPUT_SIDE, outputs: OUTPUT_SIDE * OUTPUT_SIDE, taps: FILTER_SIDE * FILTER_SIDE, edges: EDGES.length, inputSide: INPUT_SIDE, filterSide: FILTER_SIDE } as const;

/** Text of the receptive-field explorer. */
export interface ExplorerStrings {
  title: string;
  hint: string;
  presetsLabel: string;
  presets: Record<PresetName, string>;
  inputSize: string;
  layerHeading: string;
  fields: Record<LayerField, string>;
  layerName: (index: number) => string;
  controlLabel: (index: number, field: LayerField) => string;
  addLayer: string;
  removeLayer: string;
  inputCaption: string;
  mapCaption: (index: number) => string;
  sizeCaption: (side: number) => string;
  coneCaption: (height: number, width: number) => string;
  mapImageLabel: (name: string, side: number, height: number, width: number) => string;
  outputGridLabel: (index: number) => string;
  cellLabel: (row: number, col: number) => string;
  neuronSentence: (layer: number, row: number, col: number, side: number) => string;
  formulaLabel: string;
  formulaExplain: string;
  backwardLabel: string;
  backwardValue: (height: number, width: number, pixels: number) => string;
  agree: string;
  disagree: string;
  clipped: (height: number, width: number) => string;
  paddingOnly: string;
  holes: string;
  shadingNote: string;
  /** The widget's sentence; the engine's exact message follows it, labelled {@link engineMessage}. */
  badStack: string;
  engineMessage: string;
  rejected: (keys: string) => string;
  /** Predict-first mode. */
  predictPrompt: (layers: number) => string;
  predictLabel: string;
}

/** Text of the parameter-count comparison. */
export interface ParamStrings {
  title: string;
  hint: string;
  inputSize: string;
  channels: string;
  kernelSize: string;
  filters: string;
  rows: { fc: string; local: string; conv: string };
  rowNotes: { fc: string; local: string; conv: string };
  params: string;
  outputs: (side: number, filters: number, total: string) => string;
  perNeuron: (conv: string, fc: string) => string;
  ratio: (ratio: string) => string;
  memory: (megabytes: string) => string;
  scaleNote: string;
  chartLabel: string;
  tooSmall: (message: string) => string;
  rejected: (keys: string) => string;
}

/** Text of the tiny network. */
export interface TinyStrings {
  title: string;
  hint: string;
  inputsLegend: string;
  weightsLegend: string;
  outputsHeading: string;
  inputLabel: (index: number) => string;
  weightLabel: (index: number) => string;
  legendHeading: string;
  dashNames: readonly string[];
  showShared: (weight: number) => string;
  networkLabel: string;
  outputButton: (index: number, value: string) => string;
  equation: (index: number, terms: string, products: string, value: string) => string;
  sharedSentence: (weight: number, outputs: string) => string;
  idle: string;
  /** A field that is not a usable number: states the rule (|value| ≤ limit). */
  notANumber: (name: string, limit: number) => string;
  comparison: (fc: string, conv: string, edges: number) => string;
  rejected: (keys: string) => string;
}

/** All strings of one language, by widget. */
export interface ReceptiveFieldStrings {
  explorer: ExplorerStrings;
  params: ParamStrings;
  tiny: TinyStrings;
}

const explorerEn: ExplorerStrings = {
  title: 'Receptive-field explorer',
  hint: 'Choose a neuron in the last layer: click it, or tab to the grid and use the arrow keys. The shaded cells are everything it depends on, in every layer down to the input.',
  presetsLabel: 'Try a stack',
  presets: {
    threeByThreeTimesThree: 'Three 3×3',
    sevenBySeven: 'One 7×7',
    dilated: 'Dilations 1, 2, 4',
    strided: 'Stride 2, twice',
  },
  inputSize: 'Input size',
  layerHeading: 'Layer',
  fields: { kernelSize: 'Kernel', stride: 'Stride', dilation: 'Dilation', padding: 'Padding' },
  layerName: (i) => `Layer ${i}`,
  controlLabel: (i, field) =>
    `Layer ${i} ${{ kernelSize: 'kernel size', stride: 'stride', dilation: 'dilation', padding: 'padding' }[field]}`,
  addLayer: 'Add a layer',
  removeLayer: 'Remove the last layer',
  inputCaption: 'Input',
  mapCaption: (i) => `Layer ${i}`,
  sizeCaption: (s) => `${s}×${s}`,
  coneCaption: (h, w) => (h === 0 ? 'none used' : `${h}×${w} used`),
  mapImageLabel: (name, s, h, w) =>
    h === 0
      ? `${name}, ${s} by ${s}: no cell feeds the chosen neuron`
      : `${name}, ${s} by ${s}: a ${h} by ${w} region feeds the chosen neuron`,
  outputGridLabel: (i) => `Layer ${i} (the output): choose a neuron`,
  cellLabel: (r, c) => `row ${r + 1}, column ${c + 1}`,
  neuronSentence: (layer, r, c, side) =>
    `The neuron at row ${r + 1}, column ${c + 1} of layer ${layer} has a ${side}×${side} receptive field.`,
  formulaLabel: 'Formula (engine summary)',
  formulaExplain:
    'Start at 1 pixel; each layer adds dilation × (kernel − 1) steps, and a step is worth the product of the strides below that layer.',
  backwardLabel: 'Backward pass through the engine',
  backwardValue: (h, w, n) => `${h}×${w}, ${n} pixel${n === 1 ? '' : 's'} with a nonzero gradient`,
  agree: 'Both agree.',
  disagree: 'They disagree. That would be a bug in the engine: please report it.',
  clipped: (h, w) =>
    h === 0
      ? ''
      : `Part of this field hangs over the edge, onto padding, so only ${h}×${w} of it lies on the image. Pick a neuron nearer the middle to see the full size.`,
  paddingOnly: 'This neuron looks only at padding: no input pixel reaches it.',
  holes: 'The field has holes: dilation, or a stride larger than the kernel, skips some pixels entirely.',
  shadingNote: 'Darker cells reach the neuron along more paths through the layers.',
  badStack: 'This stack does not fit the input. Make the input larger or a kernel, stride or dilation smaller.',
  engineMessage: 'The engine says:',
  rejected: (keys) => `The link set ${keys} to values the explorer cannot use, so the defaults are shown instead.`,
  predictPrompt: (layers) =>
    `How many input pixels wide is the receptive field of one neuron in layer ${layers}? Work it out from the kernels, strides and dilations, then let the engine show the cone.`,
  predictLabel: 'Receptive field (pixels per side)',
};

const paramsEn: ParamStrings = {
  title: 'Counting parameters: convolution against fully connected',
  hint: 'Both layers read the same input and produce the same number of outputs. Change the sizes and watch the gap.',
  inputSize: 'Input size (H = W)',
  channels: 'Channels C',
  kernelSize: 'Filter size F',
  filters: 'Filters K',
  rows: { fc: 'Fully connected', local: 'Local, not shared', conv: 'Convolution' },
  rowNotes: {
    fc: 'every output sees every input',
    local: 'every output sees an F×F×C patch, with weights of its own',
    conv: 'K filters of F×F×C, shared by every position',
  },
  params: 'parameters',
  outputs: (side, k, total) => `Both layers produce ${side}×${side}×${k} = ${total} outputs.`,
  perNeuron: (conv, fc) =>
    `One convolution neuron has ${conv} parameters (its filter and bias); one fully connected neuron has ${fc}.`,
  ratio: (r) => `The fully connected layer needs ${r} times as many parameters as the convolution.`,
  memory: (mb) => `Stored as 32-bit floats, its weights alone would take ${mb} MB.`,
  scaleNote: 'Logarithmic scale: each grid line is ten times the previous one.',
  chartLabel: 'Bar chart of the parameter counts on a logarithmic scale',
  tooSmall: (m) => `The filter does not fit the input: ${m}.`,
  rejected: (keys) => `The link set ${keys} to values this widget cannot use, so the defaults are shown instead.`,
};

const tinyEn: TinyStrings = {
  title: 'A convolution drawn as a tiny neural network',
  hint: `Hover over an output, or tab to it, to see its ${TINY.taps} connections. Press Enter to keep it highlighted. The buttons under the legend show where one weight is reused.`,
  inputsLegend: `Input x (${TINY.inputSide}×${TINY.inputSide})`,
  weightsLegend: `Filter w (${TINY.filterSide}×${TINY.filterSide})`,
  outputsHeading: 'Outputs',
  inputLabel: (i) => `x${i}`,
  weightLabel: (i) => `w${i}`,
  legendHeading: 'Which weight an edge carries',
  dashNames: ['solid', 'long dashes', 'dots', 'dash-dot'],
  showShared: (w) => `Show w${w}`,
  networkLabel: `${TINY.inputs} input nodes and ${TINY.outputs} output nodes joined by ${TINY.edges} edges, each carrying one of the weights w1 to w${TINY.taps}`,
  outputButton: (i, v) => `Output y${i} = ${v}: highlight its ${TINY.taps} edges`,
  equation: (i, terms, products, value) => `y${i} = ${terms} = ${products} = ${value}`,
  sharedSentence: (w, outs) => `w${w} sits on ${TINY.outputs} edges, one into each output (${outs}): one number, used ${TINY.outputs} times.`,
  idle: 'Pick an output to see how it is computed.',
  notANumber: (name, limit) => `${name} must be a number from −${limit} to ${limit}.`,
  comparison: (fc, conv, edges) =>
    `${edges} edges, but only ${conv} different weights. A fully connected layer from these ${TINY.inputs} inputs to ${TINY.outputs} outputs would need ${fc}.`,
  rejected: (keys) => `The link set ${keys} to values this widget cannot use, so the defaults are shown instead.`,
};

export const en: ReceptiveFieldStrings = { explorer: explorerEn, params: paramsEn, tiny: tinyEn };
