/**
 * Every number lesson 9's prose states, computed by the engine when the site is built:
 * activations and their gradients by a forward and a backward pass, the dying neuron
 * by training it. Both language versions print these values; the content test ties
 * them to the syllabus. Settings are written here once; results never are.
 */
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { DYING, RANGE_BOUNDS, RRELU_LOWER, RRELU_UPPER, dyingInputs, evaluate, trainNeuron } from './model.ts';

/** The only numbers lesson 9's prose and its widgets' strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 0, why: 'ReLU is 0 below zero, its gradient 0 there; the sigmoid range starts at 0 (pinned by the content test)' },
  { value: 1, why: 'the gradient 1 of the identity part, the a < 1 condition and the ends of the ranges (0, 1) and (−1, 1), pinned by the content test' },
  { value: 2, why: 'the exponent of a squared error, and the halving of the photo' },
];

const fmt = (v: number, digits = 2) => {
  const s = v.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
};
/** Prints a signed value with a real minus sign. */
const signed = (v: number, digits = 2) => fmt(v, digits).replace('-', '−');

/** The two probe inputs of the prose: one below zero, one above. */
const PROBE_BELOW = -2;
export const probe = { below: signed(PROBE_BELOW, 0), belowValue: PROBE_BELOW, above: 3 };
const at = (id: Parameters<typeof evaluate>[1], slope = 0) =>
  evaluate([PROBE_BELOW, probe.above, 0], id, slope, 'eval').map((p) => ({ y: p.y, grad: p.grad }));

/** ReLU at the probes: 0 and the input itself; gradients 0 and 1, from the backward pass. */
export const reluAt = (() => {
  const [below, above] = at('relu');
  return { below: below.y, above: above.y, gradBelow: below.grad, gradAbove: above.grad };
})();

/** Leaky ReLU with the notes' slope 0.2. */
export const leakySlope = DYING.leakySlope;
export const leakyAt = (() => {
  const [below, above] = at('leaky', leakySlope);
  return { below: signed(below.y, 1), belowValue: below.y, above: above.y, gradBelow: fmt(below.grad, 1), gradBelowValue: below.grad, gradAbove: above.grad };
})();

/** Randomized leaky ReLU: PyTorch's bounds, and the mean slope used in evaluation (the engine's eval output at −1). */
export const rreluBounds = { lower: fmt(RRELU_LOWER, 3), upper: fmt(RRELU_UPPER, 3), lowerFraction: '1/8', upperFraction: '1/3' };
export const rreluEvalSlope = (() => {
  const [p] = evaluate([-1], 'rrelu', 0, 'eval');
  return { value: -p.y, text: fmt(-p.y, 3), grad: fmt(p.grad, 3) };
})();
/** A few training-mode slopes drawn by the engine's seeded rrelu at x = −1: all different, all inside the bounds. */
export const rreluDrawn = (() => {
  const points = evaluate([-1, -1, -1, -1], 'rrelu', 0, 'train');
  const slopes = points.map((p) => p.grad);
  return { slopes, count: slopes.length, text: slopes.map((s) => fmt(s, 3)).join(', ') };
})();

/** Sigmoid and tanh near the ends of the plot (x = ±4), and their largest gradient (at 0). */
export const squash = (() => {
  const xs = [-4, 4, 0];
  const s = evaluate(xs, 'sigmoid', 0, 'eval');
  const t = evaluate(xs, 'tanh', 0, 'eval');
  return {
    edge: xs[1],
    sigmoidLow: fmt(s[0].y, 3),
    sigmoidHigh: fmt(s[1].y, 3),
    sigmoidPeakGrad: fmt(s[2].grad, 2),
    sigmoidPeakGradValue: s[2].grad,
    sigmoidEdgeGrad: fmt(s[1].grad, 3),
    tanhLow: signed(t[0].y, 3),
    tanhHigh: fmt(t[1].y, 3),
    tanhPeakGrad: fmt(t[2].grad, 0),
    tanhPeakGradValue: t[2].grad,
    values: { sigmoid: [s[0].y, s[1].y], tanh: [t[0].y, t[1].y] },
  };
})();

/** The dying neuron, trained for the widget's full run on inputs in [0, 1] and in the notes' [−1, 1]. */
export const dying = (() => {
  const steps = DYING.maxSteps;
  const reluUnit = trainNeuron('relu', 'unit', steps);
  const leakyUnit = trainNeuron('leaky', 'unit', steps);
  const reluSym = trainNeuron('relu', 'symmetric', steps);
  const first = reluUnit[0];
  const last = reluUnit[steps];
  const leakyLast = leakyUnit[steps];
  const symInputs = dyingInputs('symmetric');
  // Where w x + b crosses zero: below it, the notes' range still lets the ReLU neuron through.
  const crossing = -DYING.bias / DYING.weight;
  return {
    weight: signed(DYING.weight, 0),
    bias: signed(DYING.bias, 0),
    weightValue: DYING.weight,
    biasValue: DYING.bias,
    points: DYING.points,
    lr: fmt(DYING.learningRate, 1),
    steps,
    unitLow: RANGE_BOUNDS.unit[0],
    unitHigh: RANGE_BOUNDS.unit[1],
    symLow: signed(RANGE_BOUNDS.symmetric[0], 0),
    symHigh: RANGE_BOUNDS.symmetric[1],
    worstUnit: signed(DYING.bias, 0),
    bestSym: fmt(DYING.weight * RANGE_BOUNDS.symmetric[0] + DYING.bias, 0),
    crossing: signed(crossing, 1),
    reluLoss: fmt(first.loss, 3),
    reluLossLast: fmt(last.loss, 3),
    reluGradWeight: fmt(first.gradWeight, 0),
    reluActive: first.active,
    reluLast: { weight: signed(last.weight, 0), bias: signed(last.bias, 0) },
    leakyStartGradWeight: signed(leakyUnit[0].gradWeight, 3),
    leakyStartGradBias: signed(leakyUnit[0].gradBias, 3),
    leakyLoss: fmt(leakyUnit[0].loss, 3),
    leakyLossLast: fmt(leakyLast.loss, 4),
    leakyLast: { weight: signed(leakyLast.weight, 2), bias: signed(leakyLast.bias, 2) },
    leakyAliveAt: leakyUnit.find((s) => s.active === DYING.points)?.step ?? -1,
    symActive: reluSym[0].active,
    symActiveInputs: symInputs.filter((x) => DYING.weight * x + DYING.bias > 0).map((x) => signed(x, 2)).join(', '),
    symDiedAt: reluSym.find((s) => s.active === 0)?.step ?? -1,
    symLast: { weight: signed(reluSym[steps].weight, 2), bias: signed(reluSym[steps].bias, 2), active: reluSym[steps].active },
    histories: { reluUnit, leakyUnit, reluSym },
  };
})();
