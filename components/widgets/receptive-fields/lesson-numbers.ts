/**
 * Every number lesson 3's prose states, computed by the engine when the page is
 * built. Both language versions import this, so neither can drift from the engine
 * (or from the widgets, which start from the same examples).
 */
import { nn, summary } from '../../../src/engine/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { DEFAULT_PARAMS, compareParams } from './params-model.ts';
import { EDGES, INPUT_SIDE, OUTPUT_SIDE, tinyParameterCounts } from './tiny-net-model.ts';

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
  const threeByThree = stackedFields(3, 3);
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
    /** The same, rounded to whole millions for a sentence ("12 million"). */
    fcParamsMillions: Math.round(comparison.fc / 1e6),
    /** Korean counts large numbers in units of 10,000 (만): "1,205만". */
    fcParamsTenThousands: Math.round(comparison.fc / 1e4),
    localParams: comparison.local,
    ratio: Math.round(comparison.fc / comparison.conv),
    /** The tiny network. */
    tinyInputs: INPUT_SIDE * INPUT_SIDE,
    tinyOutputs: OUTPUT_SIDE * OUTPUT_SIDE,
    tinyEdges: EDGES.length,
    tinyConvWeights: tiny.conv,
    tinyFcWeights: tiny.fc,
    /** Receptive field after one, two and three 3x3 layers: 3, 5, 7. */
    threeByThree,
  };
}

/** Digit grouping for prose (12,046,160). */
export function grouped(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(value);
}
