/**
 * Every number lesson 3's prose states, computed by the engine when the page is
 * built. Both language versions import this, so neither can drift from the engine
 * (or from the widgets, which start from the same examples).
 */
import { nn, summary } from '../../../src/engine/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { DEFAULT_PARAMS, compareParams } from './params-model.ts';
import { EDGES, FILTER_SIDE, INPUT_SIDE, OUTPUT_SIDE, tinyParameterCounts } from './tiny-net-model.ts';
import { PRESETS } from './explorer-model.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/**
 * The only numbers lesson 3's prose and the explorer's strings may type themselves;
 * every other number is printed from {@link lessonNumbers} or a widget constant. The
 * preset labels name the stacks of explorer-model.ts's PRESETS (receptive-fields.test.ts
 * checks each label against its stack).
 */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'stride 1 and "no padding" examples, an all-ones filter, and a receptive field that starts at 1 pixel' },
  { value: 0, why: 'a gradient that is not 0, and padding that is 0' },
  { value: 2, why: 'a suggested experiment (dilation 2 on the explorer’s layer 2), and the two strokes of the X' },
  { value: 32, why: 'weights stored as 32-bit floats (the parameter counter’s memory note)' },
  { value: 10, why: 'the parameter counter’s logarithmic axis: each grid line is ten times the one before' },
  { phrase: 'Three 3×3', why: 'the label of the explorer preset of three 3×3 layers' },
  { phrase: 'One 7×7', why: 'the label of the explorer preset of one 7×7 layer' },
  { phrase: 'Stride 2, twice', why: 'the label of the explorer preset with two stride-2 layers' },
  { phrase: 'Dilations 1, 2, 4', why: 'the label of the explorer preset with dilations 1, 2 and 4' },
  { phrase: '3×3 세 층', why: 'the Korean label of the preset of three 3×3 layers' },
  { phrase: '7×7 한 층', why: 'the Korean label of the preset of one 7×7 layer' },
  { phrase: '스트라이드 2 두 번', why: 'the Korean label of the preset with two stride-2 layers' },
  { phrase: '팽창 1, 2, 4', why: 'the Korean label of the preset with dilations 1, 2 and 4' },
];

/** A large count said roughly, the way each language says it: "12 million", "1,205만". */
export function roughly(value: number, lang: 'en' | 'ko'): string {
  if (lang === 'ko') return `${grouped(Math.round(value / 1e4), 'ko')}만`;
  return `${grouped(Math.round(value / 1e6), 'en')} million`;
}

/** Receptive-field side after each of `count` stacked 3x3 convolutions, from `summary`. */
function stackedFields(count: number, kernelSize: number): number[] {
  const layers = Array.from({ length: count }, () => new nn.Conv2d(1, 1, kernelSize, { bias: false }));
  const report = summary(new nn.Sequential(...layers), [1, 1, 32, 32]);
  return report.layers.map((row) => row.receptiveField?.size[0] ?? Number.NaN);
}

/** The figures, plus a formatter for the reader's language. */
export function lessonNumbers() {
  const { inputSize, channels, kernelSize, filters } = DEFAULT_PARAMS;
  const comparison = compareParams(DEFAULT_PARAMS);
  const single = summary(new nn.Sequential(new nn.Conv2d(channels, filters, kernelSize)), [
    1,
    channels,
    inputSize,
    inputSize,
  ]);
  const singleRow = single.layers[0];
  const tiny = tinyParameterCounts();
  const stack = PRESETS.threeByThreeTimesThree.layers;
  const threeByThree = stackedFields(stack.length, stack[0].kernelSize);
  return {
    /** The running example's input: 32 (x 32 x 3). */
    inputSize,
    channels,
    /** Values in one input picture: 32 * 32 * 3. */
    inputValues: inputSize * inputSize * channels,
    kernelSize,
    filters,
    /** Receptive field of one layer of 5x5 filters: 5. */
    singleField: singleRow.receptiveField?.size[0] ?? Number.NaN,
    /** Its output volume [5, 28, 28] as side and depth. */
    outSide: singleRow.outputShape[2],
    outDepth: singleRow.outputShape[1],
    outputs: comparison.outputs,
    /** Weights of one conv neuron (5 * 5 * 3) and of one FC neuron (32 * 32 * 3), biases excluded. */
    convWeightsPerNeuron: comparison.convPerNeuron - 1,
    fcWeightsPerNeuron: comparison.fcPerNeuron - 1,
    convParams: comparison.conv,
    fcParams: comparison.fc,
    localParams: comparison.local,
    ratio: Math.round(comparison.fc / comparison.conv),
    /** The tiny network: a 3x3 input, one 2x2 filter, stride 1. */
    tinyInputSide: INPUT_SIDE,
    tinyFilterSide: FILTER_SIDE,
    tinyInputs: INPUT_SIDE * INPUT_SIDE,
    tinyOutputs: OUTPUT_SIDE * OUTPUT_SIDE,
    tinyEdges: EDGES.length,
    tinyConvWeights: tiny.conv,
    tinyFcWeights: tiny.fc,
    /** Receptive field after one, two and three 3x3 layers: 3, 5, 7. */
    threeByThree,
    /** That stack: how many layers, of what kernel size (the explorer's first preset). */
    stack: { layers: PRESETS.threeByThreeTimesThree.layers.length, kernel: PRESETS.threeByThreeTimesThree.layers[0].kernelSize },
    /** The single layer with the same field (the explorer's second preset). */
    single: PRESETS.sevenBySeven.layers[0].kernelSize,
  };
}

/** Digit grouping for prose (12,046,160). */
export function grouped(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(value);
}
