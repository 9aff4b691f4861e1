/**
 * Lesson 9's widgets in English. This file defines the shape of their words
 * ({@link ActivationStrings}); the Korean file must match it key for key.
 */
import type { ActivationId, FilterId, InputRange, NeuronKind, PhotoId, RReluMode } from '../model.ts';

/** Text of the three activation widgets. */
export interface ActivationStrings {
  rejected: (keys: string) => string;
  loading: string;

  plotTitle: string;
  plotCaption: string;
  functionLabel: string;
  names: Record<ActivationId, string>;
  slope: string;
  probe: string;
  modeLabel: string;
  modes: Record<RReluMode, string>;
  legendValue: string;
  legendGrad: string;
  axisX: string;
  axisY: string;
  plotAria: (name: string, from: string, to: string, low: string, high: string, gradLow: string, gradHigh: string) => string;
  readout: (x: string, y: string, grad: string) => string;
  rreluNote: (lower: string, upper: string, mean: string) => string;

  dyingTitle: string;
  dyingCaption: string;
  rangeLabel: string;
  ranges: Record<InputRange, string>;
  step: string;
  run: string;
  pause: string;
  reset: string;
  neuronName: (kind: NeuronKind, slope: number) => string;
  stepCount: (step: number, max: number) => string;
  loss: string;
  weight: string;
  bias: string;
  gradWeight: string;
  gradBias: string;
  active: (active: number, total: number) => string;
  verdictDead: string;
  verdictAlive: string;
  verdictPartly: string;
  verdictFitted: string;
  lossChartAria: (step: number, relu: string, leaky: string) => string;
  paramsChartAria: (step: number, reluW: string, reluB: string, leakyW: string, leakyB: string) => string;
  axisParams: string;
  axisStep: string;
  axisLoss: string;

  mapTitle: string;
  mapCaption: string;
  photoLabel: string;
  photos: Record<PhotoId, string>;
  filterLabel: string;
  filters: Record<FilterId, string>;
  featureHeading: string;
  activationHeading: string;
  featureAria: (width: number, height: number) => string;
  activationAria: (zeroPercent: number) => string;
  mapStats: (negativePercent: number, zeroPercent: number) => string;
  mapRange: (min: string, max: string) => string;
  mapSource: (width: number, height: number) => string;
  legendNegative: string;
  legendZero: string;
  legendPositive: string;
  loadError: (message: string) => string;
}

export const en: ActivationStrings = {
  rejected: (keys) => `The address held values that cannot be used (${keys}); the defaults are shown instead.`,
  loading: 'Loading…',

  plotTitle: 'An activation and its gradient',
  plotCaption:
    'The solid line is the activation, the dashed line its gradient. Both come from the engine: one forward pass through its activation and one backward pass, nothing typed in by hand.',
  functionLabel: 'Activation',
  names: { relu: 'ReLU', leaky: 'Leaky ReLU', rrelu: 'Randomized leaky ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' },
  slope: 'Leaky slope a',
  probe: 'Input x',
  modeLabel: 'Randomized leaky ReLU in',
  modes: { train: 'training (slopes drawn)', eval: 'evaluation (mean slope)' },
  legendValue: 'f(x)',
  legendGrad: 'gradient df/dx',
  axisX: 'x',
  axisY: 'value',
  plotAria: (name, from, to, low, high, gradLow, gradHigh) =>
    `${name} from x = ${from} to ${to}: the output runs from ${low} to ${high}; the gradient from ${gradLow} to ${gradHigh}.`,
  readout: (x, y, grad) => `At x = ${x}: f(x) = ${y}, gradient ${grad}`,
  rreluNote: (lower, upper, mean) =>
    `In training each negative input gets its own slope, drawn between ${lower} and ${upper} by the engine's seeded generator; in evaluation every one uses the mean, ${mean}.`,

  dyingTitle: 'The dying ReLU, trained live',
  dyingCaption:
    'Both neurons start from the same weight and bias and learn y = x + 1/2 with the engine’s autograd and SGD. No randomness: the same steps give the same numbers every time.',
  rangeLabel: 'Inputs in',
  ranges: { unit: '[0, 1]', symmetric: '[−1, 1]' },
  step: 'Step',
  run: 'Run',
  pause: 'Pause',
  reset: 'Reset',
  neuronName: (kind, slope) => (kind === 'relu' ? 'ReLU neuron' : `Leaky ReLU neuron (a = ${slope})`),
  stepCount: (step, max) => `Step ${step} of ${max}`,
  loss: 'Loss',
  weight: 'Weight w',
  bias: 'Bias b',
  gradWeight: 'Gradient of w',
  gradBias: 'Gradient of b',
  active: (active, total) => `Inputs with w·x + b > 0: ${active} of ${total}`,
  verdictDead: 'Dead: every output is 0, every gradient is 0, nothing moves.',
  verdictAlive: 'Learning: the gradient is not zero, so the weights move.',
  verdictFitted: 'Fitted: every input gets through, and the loss is almost zero.',
  verdictPartly: 'Some inputs still get through, so it still learns, for now.',
  paramsChartAria: (step, reluW, reluB, leakyW, leakyB) =>
    `Weight w and bias b of both neurons over ${step} steps: ReLU w = ${reluW}, b = ${reluB}; leaky ReLU w = ${leakyW}, b = ${leakyB}.`,
  lossChartAria: (step, relu, leaky) => `Loss of both neurons over ${step} steps: ReLU ${relu}, leaky ReLU ${leaky}.`,
  axisParams: 'w and b',
  axisStep: 'step',
  axisLoss: 'loss',

  mapTitle: 'A feature map before and after ReLU',
  mapCaption:
    'The engine convolves the grey photo with a hand-set filter (the feature map), then applies its ReLU (the activation map). Orange is positive, blue negative; ReLU turns every blue pixel to the background colour, zero.',
  photoLabel: 'Photo',
  photos: { camera: 'Cameraman', astronaut: 'Astronaut', chelsea: 'Cat', coffee: 'Coffee' },
  filterLabel: 'Filter',
  filters: { vertical: 'Vertical edges', horizontal: 'Horizontal edges', outline: 'Outline' },
  featureHeading: 'Feature map (before the activation)',
  activationHeading: 'Activation map (after ReLU)',
  featureAria: (width, height) => `Feature map, ${width} by ${height} pixels, positive values orange, negative blue`,
  activationAria: (zeroPercent) => `Activation map after ReLU: ${zeroPercent}% of its pixels are exactly zero`,
  mapStats: (negativePercent, zeroPercent) =>
    `${negativePercent}% of the feature map is negative; after ReLU ${zeroPercent}% of the activation map is exactly zero.`,
  mapRange: (min, max) => `Feature map values from ${min} to ${max}; activation map from 0 to ${max}.`,
  mapSource: (width, height) => `The photo in grey, shrunk to ${width}×${height} pixels by average pooling.`,
  legendNegative: 'negative',
  legendZero: 'zero',
  legendPositive: 'positive',
  loadError: (message) => `The photo could not be loaded: ${message}`,
};
