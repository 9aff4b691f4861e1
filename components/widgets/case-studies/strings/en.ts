/** The case-study widgets' words in English; ko.ts matches it key for key. */
import type { LayerGroup } from '../../../../src/case-studies/architectures.ts';

export interface CaseStudyStrings {
  rejected: (keys: string) => string;
  loading: string;

  tableTitle: (model: string) => string;
  tableCaption: string;
  model: string;
  batch: string;
  compare: string;
  colLayer: string;
  colShape: string;
  colParams: string;
  colField: string;
  colMacs: string;
  colMemory: string;
  total: string;
  groupName: Record<LayerGroup, string>;
  groupLine: (group: string, layers: number, params: string, macs: string) => string;
  totalsLine: (params: string, macs: string, memory: string, batch: number, weights: string) => string;
  builtBy: (call: string, input: string) => string;
  inPlace: string;

  shareTitle: string;
  shareCaption: string;
  measureName: Record<'params' | 'macs', string>;
  shareAria: (model: string, fcParams: string, convMacs: string) => string;
  shareAxis: string;
  shareList: (model: string, measure: string, parts: string) => string;
  layerView: string;
  layerAxis: string;
  layerAria: (model: string, topParams: string, topMacs: string) => string;

  ilsvrcTitle: string;
  ilsvrcCaption: (runnerUpYear: number) => string;
  ilsvrcAria: (first: string, last: string, human: string) => string;
  ilsvrcYAxis: string;
  ilsvrcXAxis: string;
  humanLabel: (value: string) => string;
  sources: string;
}

export const en: CaseStudyStrings = {
  rejected: (keys) => `The address asked for something this widget cannot show (${keys}); the default stands in.`,
  loading: 'Drawing the chart…',

  tableTitle: (model) => `${model}, layer by layer`,
  tableCaption:
    'Computed in your browser by the engine’s summary of the zoo model, without allocating a single weight. Receptive field in input pixels; MACs (multiply-accumulates) per picture; memory of each kept output at float32 for the chosen batch. ReLU, dropout and flatten rows, which add no parameters, compute or memory, are left out.',
  model: 'Model',
  batch: 'Batch',
  compare: 'Its mini version beside it',
  colLayer: 'Layer',
  colShape: 'Output',
  colParams: 'Parameters',
  colField: 'Receptive field',
  colMacs: 'MACs',
  colMemory: 'Memory (MB)',
  total: 'Total',
  groupName: { conv: 'Convolutions', fc: 'Fully connected', other: 'Other layers' },
  groupLine: (group, layers, params, macs) => `${group} (${layers === 1 ? 'one layer' : `${layers} layers`}): ${params} parameters, ${macs} MACs`,
  totalsLine: (params, macs, memory, batch, weights) =>
    `${params} parameters (${weights} MB of weights), ${macs} MACs per picture; the outputs a forward pass keeps take ${memory} MB at batch ${batch}.`,
  builtBy: (call, input) => `Built by ${call}, input ${input}.`,
  inPlace: 'in place: no new memory',

  shareTitle: 'Where the parameters and the compute sit',
  shareCaption:
    'Each bar is one model’s total split into its convolutions, its fully connected layers and the rest (batch normalisation has a few parameters and no MACs here). Percentages from the same summary as the table.',
  measureName: { params: 'Parameters', macs: 'MACs' },
  shareAria: (model, fcParams, convMacs) =>
    `Bar chart for ${model}: the fully connected layers hold ${fcParams}% of the parameters, the convolutions do ${convMacs}% of the multiply-accumulates.`,
  shareAxis: 'Share of the total (%)',
  shareList: (model, measure, parts) => `${model}, ${measure}: ${parts}`,
  layerView: 'Layer by layer',
  layerAxis: 'Share of the model’s total (%)',
  layerAria: (model, topParams, topMacs) =>
    `Per-layer chart for ${model}: the layer with the most parameters is ${topParams}, the one with the most multiply-accumulates is ${topMacs}.`,

  ilsvrcTitle: 'ILSVRC top-5 error, year by year',
  ilsvrcCaption: (year) =>
    `The winner of the classification task each year (filled dots are convolutional networks, hollow ones are not), VGG as the runner-up of ${year} in grey, and the human estimate as a dashed line. Every value comes from the source listed below.`,
  ilsvrcAria: (first, last, human) =>
    `Line chart of the winning top-5 error from ${first} to ${last}, against a human error of ${human}%.`,
  ilsvrcYAxis: 'Top-5 error (%)',
  ilsvrcXAxis: 'Year',
  humanLabel: (value) => `human ≈ ${value}%`,
  sources: 'Sources',
};
