/**
 * Every number lesson 10's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * ties them to the syllabus. Settings (the numbers a reader chooses) are written here
 * once; results never are.
 */
import { conv2d, conv2dGeometry, noGrad, tensor } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { EMBOSS_DIRECTIONS, appliedWeights, presetKernel } from '../../../src/training/kernel-lab/model.ts';
import type { Preset } from '../../../src/training/kernel-lab/model.ts';
import { MAX_MEGAPIXELS } from './picture-input.ts';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import { FIRST_LAYER_STEPS, firstLayerRunConfig } from '../../../src/training/kernel-lab/first-layer-run.ts';

/** The only numbers lesson 10's prose and its widget's strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 0, why: 'a byte’s smallest value, weights of zero, and a sum of zero' },
  { value: 255, why: 'a byte’s largest value: the brightest a channel can show' },
  { value: 1, why: 'a sum of one keeps brightness; one output channel per input channel' },
  { value: 2, why: 'Sobel weighs the middle row by 2 (counts it twice); the content test pins Sobel x to (bright - dark) * 4' },
];

/** The patch the worked example runs on: a dark column left, a bright one right (a vertical edge). */
export const dark = 10;
export const bright = 90;
const patch = [dark, dark, bright, dark, dark, bright, dark, dark, bright];

/** One output pixel of `preset` on the patch, by the engine's conv2d. */
function onPatch(preset: Preset): number {
  const k = presetKernel(preset, 'se');
  const out = noGrad(() => conv2d(tensor(patch, [1, 1, 3, 3]), tensor(appliedWeights(k), [1, 1, 3, 3])));
  return Math.round(out.data[0] * 1000) / 1000;
}

/** The same edge through several kernels. */
export const edge = {
  sobelX: onPatch('sobel-x'),
  sobelY: onPatch('sobel-y'),
  outline: onPatch('outline'),
  identity: onPatch('identity'),
  box: onPatch('box-blur'),
};

/** A flat patch (every pixel the same) through the same kernels: the weights' sum times the value. */
export const flat = (() => {
  const value = dark;
  const run = (preset: Preset) => {
    const k = presetKernel(preset, 'se');
    const out = noGrad(() => conv2d(tensor(new Array(9).fill(value), [1, 1, 3, 3]), tensor(appliedWeights(k), [1, 1, 3, 3])));
    return Math.round(out.data[0] * 1000) / 1000;
  };
  return { value, outline: run('outline'), sharpen: run('sharpen'), emboss: run('emboss'), box: run('box-blur') };
})();

/** Weight sums of the presets, as integer weights over their divisor. */
export const sums = Object.fromEntries(
  (['outline', 'sobel-x', 'sobel-y', 'emboss', 'sharpen', 'box-blur', 'gaussian-blur'] as const).map((p) => {
    const k = presetKernel(p, 'se');
    return [p, k.weights.reduce((s, v) => s + v, 0) / k.divisor];
  }),
) as Record<string, number>;

/** Colour as a depthwise convolution: three channels, one 3x3 kernel each. */
export const depthwise = (() => {
  const k = 3;
  const channels = 3;
  const perChannel = k * k;
  return { k, channels, perChannel, weights: channels * perChannel, fullWeights: channels * channels * perChannel };
})();

/** The cat photograph (451x300) with a 3x3 kernel, padding 1: stride 1 keeps its size, stride 2 halves it. */
export const cat = (() => {
  const width = 451;
  const height = 300;
  const out = (stride: number) => conv2dGeometry([1, 3, height, width], [3, 1, 3, 3], { stride, padding: 1, groups: 3 }).outputShape;
  const [, , h1, w1] = out(1);
  const stride = 2;
  const [, , h2, w2] = out(stride);
  return { width, height, stride, w1, h1, w2, h2 };
})();

/** The lab's limits, for the prose. */
export const limits = { maxKernel: 7, previewMegapixels: 1, refuseMegapixels: MAX_MEGAPIXELS };

/** The Gaussian 3x3's integer weights and divisor. */
export const gaussian = (() => {
  const k = presetKernel('gaussian-blur', 'se', 3);
  return { middle: k.weights[4], edge: k.weights[1], corner: k.weights[0], divisor: k.divisor };
})();

/** How many ways the emboss can face. */
export const directions = EMBOSS_DIRECTIONS.length;

/**
 * The lab's own training run (`first-layer-run.ts`): its steps, batch and seed, and the
 * shapes of lesson 13's network it trains, traced by the trainer's architecture check.
 */
export const firstLayerRun = (() => {
  const config = firstLayerRunConfig();
  const check = checkArchitecture(config.architecture);
  if (!check.ok) throw new Error(`lesson 10: ${check.message}`);
  const convs = check.layers.filter((l) => l.type === 'Conv2d');
  const [filters, side] = convs[0].outputShape;
  const [secondMaps, secondSide] = convs[1].outputShape;
  return {
    steps: FIRST_LAYER_STEPS,
    batch: config.batchSize,
    images: FIRST_LAYER_STEPS * config.batchSize,
    seed: config.seed,
    filters,
    /** Square kernels over one input channel: params = filters × (k² + 1 bias). */
    kernel: Math.round(Math.sqrt(convs[0].params / filters - 1)),
    side,
    secondMaps,
    secondSide,
  };
})();
