/**
 * Every number lesson 16's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * pins them to the syllabus and to torchvision's parameter counts.
 */
import { models, summary } from '../../../src/engine/index.ts';
import { describeArchitecture, shares } from '../../../src/case-studies/architectures.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { BATCHES, DEFAULT_STACK, FLOAT32_BYTES, MAP_INPUT, MINI_INPUT, budget, compare, configurations, stackCost } from './model.ts';

/** The only numbers lesson 16's prose and its widget's strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 3, why: 'the 3x3 kernel is VGG\'s only convolution size (syllabus; the zoo configs build only kernel 3) and RGB has 3 channels' },
  { value: 2, why: 'the 2x2 max pool with stride 2 that halves the size (syllabus; VGG_CONFIGS M entries)' },
  { value: 1, why: 'stride 1, padding 1 of every VGG convolution (zoo), one layer, and batch 1' },
  { value: 224, why: 'the ImageNet input side 224 that torchvision\'s VGG takes (zoo docstring)' },
  { value: 7, why: 'the 7x7 kernel the syllabus compares three 3x3 layers with; vgg.test pins three.kernel to 7' },
  { value: 0, why: 'a gradient of zero marks a pixel the output does not depend on' },
  { value: 2014, why: 'year of Simonyan and Zisserman\'s paper (arXiv 1409.1556), a historical fact the engine cannot compute' },
];

const fmt = (v: number) => v.toLocaleString('en-US');
const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** The side of the picture the maps are drawn on. */
export const mapInput = MAP_INPUT;

/** One, two and three stacked 3x3 layers against the single kernel that sees as far. */
export const depths = [1, 2, 3].map((depth) => {
  const c = compare(depth, 1);
  return {
    depth,
    field: c.stack.map.field,
    kernel: c.big.kernel,
    bigField: c.big.map.field,
    /** Weights per C² (C = 1, no bias), stack and single kernel. */
    stackCoef: c.stack.cost.weights,
    bigCoef: c.big.cost.weights,
    stackRelu: c.stack.cost.nonlinearities,
    bigRelu: c.big.cost.nonlinearities,
  };
});
export const [one, two, three] = depths;

/** The reader's default C, with weights and biases counted apart. */
export const example = (() => {
  const channels = DEFAULT_STACK.channels;
  const stack = stackCost(3, three.depth, channels);
  const big = stackCost(three.kernel, 1, channels);
  const saved = 1 - stack.weights / big.weights;
  return {
    channels,
    stackWeights: fmt(stack.weights),
    bigWeights: fmt(big.weights),
    stackBiases: fmt(stack.biases),
    bigBiases: fmt(big.biases),
    stackParams: fmt(stack.params),
    bigParams: fmt(big.params),
    savedPercent: Math.round(saved * 100),
  };
})();

const b16 = budget('vgg16');

/** How many configurations the zoo has, and how many blocks each has. */
export const configCount = configurations().length;
export const blockCount = configurations()[0].blocks.length;
const mb = (bytes: number) => oneDecimal(bytes / 1e6);
const gb = (bytes: number) => oneDecimal(bytes / 1e9);

/** VGG-16's budget from the zoo's summary at 3x224x224. */
export const vgg16 = (() => {
  const conv = b16.rows.filter((r) => r.type === 'Conv2d');
  const fc = b16.rows.filter((r) => r.type === 'Linear');
  const convParams = conv.reduce((s, r) => s + r.params, 0);
  const fcParams = fc.reduce((s, r) => s + r.params, 0);
  const firstFc = fc[0];
  const first = conv[0];
  const activations = b16.activations;
  const [small, large] = BATCHES;
  const report = summary(models.vgg16(), [1, 3, 224, 224]);
  const convMacs = report.layers.filter((r) => r.type === 'Conv2d').reduce((s, r) => s + (r.macs ?? 0), 0);
  return {
    params: fmt(b16.totalParams),
    paramsMillions: Math.round(b16.totalParams / 1e6),
    weightLayers: b16.weightLayers,
    convLayers: conv.length,
    fcLayers: fc.length,
    convParams: fmt(convParams),
    fcParams: fmt(fcParams),
    fcPercent: Math.round((fcParams / b16.totalParams) * 100),
    firstFcParams: fmt(firstFc.params),
    firstFcPercent: Math.round((firstFc.params / b16.totalParams) * 100),
    firstFcIn: fmt(b16.rows[b16.rows.indexOf(firstFc) - 1].activations),
    firstConvActivations: fmt(first.activations),
    firstConvShape: first.shape.join('×'),
    firstConvParams: fmt(first.params),
    convMacsPercent: Math.round((convMacs / report.totalMacs) * 100),
    activations: fmt(activations),
    activationsMillions: oneDecimal(activations / 1e6),
    bytesPerFloat: FLOAT32_BYTES,
    smallBatch: small,
    largeBatch: large,
    forwardSmallMb: mb(activations * small * FLOAT32_BYTES),
    forwardLargeGb: gb(activations * large * FLOAT32_BYTES),
    paramsMb: mb(b16.totalParams * FLOAT32_BYTES),
  };
})();

/** The four configurations' depth and parameters, as torchvision counts them. */
export const configs = Object.fromEntries(
  configurations().map((c) => [c.name, { weightLayers: c.weightLayers, params: fmt(c.params) }]),
) as Record<'vgg11' | 'vgg13' | 'vgg16' | 'vgg19', { weightLayers: number; params: string }>;

/** The mini-VGG the trainer builds for 28x28 gray pictures, from the zoo's defaults. */
export const mini = (() => {
  const input = MINI_INPUT;
  const report = summary(models.miniVgg({ inChannels: 1, inputSize: input }), [1, 1, input, input]);
  const b = budget('mini-vgg');
  const miniShares = shares(describeArchitecture('mini-vgg'));
  const convs = report.layers.filter((r) => r.type === 'Conv2d');
  return {
    input,
    params: fmt(report.totalParams),
    convLayers: convs.length,
    weightLayers: convs.length + report.layers.filter((r) => r.type === 'Linear').length,
    ratio: Math.round(b16.totalParams / report.totalParams),
    activations: fmt(b.activations),
    fcPercent: Math.round(miniShares.fc.params * 100),
    convMacsPercent: Math.round(miniShares.conv.macs * 100),
    forwardLargeMb: mb(b.activations * BATCHES[1] * FLOAT32_BYTES),
  };
})();
