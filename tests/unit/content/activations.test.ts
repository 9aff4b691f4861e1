/**
 * Lesson 9 ("Activation functions") against the engine and the syllabus. The prose
 * prints its numbers from `lesson-numbers.ts`; this test pins them to the syllabus's
 * facts (ReLU is 0 below zero and the identity above, passes a gradient of 1 unchanged
 * and needs no exponential; sigmoid in (0, 1), tanh in (−1, 1); the dying ReLU at
 * weight −5 and bias −3; leaky ReLU max(ax, x) with a = 0.2 and its gradient 1 / a;
 * randomized leaky ReLU draws a in training; the activation map is the feature map
 * after the activation), and checks the widgets' models and address round trips.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leakyRelu, relu, tensor } from '../../../src/engine/index.ts';
import * as n from '../../../components/widgets/activations/lesson-numbers.ts';
import {
  ACTIVATIONS,
  DYING,
  RRELU_LOWER,
  RRELU_UPPER,
  curve,
  dyingInputs,
  evaluate,
  mapPair,
  trainNeuron,
} from '../../../components/widgets/activations/model.ts';
import {
  defaultDying,
  defaultMap,
  defaultPlot,
  readDying,
  readMap,
  readPlot,
  writeDying,
  writeMap,
  writePlot,
} from '../../../components/widgets/activations/state.ts';
import { STRINGS } from '../../../components/widgets/activations/strings/index.ts';

const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) <= eps;

describe('lesson 9 numbers, computed by the engine', () => {
  it('ReLU is 0 below zero and the identity above (syllabus)', () => {
    expect(n.reluAt).toEqual({ below: 0, above: n.probe.above, gradBelow: 0, gradAbove: 1 });
    for (const p of curve('relu', 0, 'eval')) expect(p.y).toBeCloseTo(p.x > 0 ? p.x : 0, 6);
  });

  it('ReLU passes a gradient of 1 unchanged above zero and nothing below (syllabus)', () => {
    const x = tensor([-3, -0.5, 0.5, 2, 7], undefined, { requiresGrad: true });
    const upstream = tensor([0.3, -1.7, 0.3, -1.7, 4.2]);
    relu(x).backward(upstream);
    expect([...x.grad!.data].map((v) => v + 0)).toEqual([0, 0, upstream.data[2], upstream.data[3], upstream.data[4]]);
  });

  it('ReLU needs no exponential, while the engine’s sigmoid and tanh do (syllabus: fast)', () => {
    const source = readFileSync(new URL('../../../src/engine/ops/activations.ts', import.meta.url), 'utf8');
    const body = (name: string) => {
      const start = source.indexOf(`export function ${name}(`);
      const end = source.indexOf('\nexport function', start + 1);
      return source.slice(start, end === -1 ? undefined : end);
    };
    const exponential = /Math\.(exp|tanh|pow)\b|\bexp\(/;
    expect(body('relu')).not.toMatch(exponential);
    expect(body('leakyRelu')).not.toMatch(exponential);
    expect(body('sigmoid')).toMatch(exponential);
    // tanh runs in the backend; its reference loop is Math.tanh, made of exponentials.
    expect(body('tanhForwardLoops')).toMatch(exponential);
  });

  it('sigmoid stays inside (0, 1) and tanh inside (−1, 1) (syllabus)', () => {
    const xs = Array.from({ length: 161 }, (_, i) => -8 + i * 0.1);
    for (const p of evaluate(xs, 'sigmoid', 0, 'eval')) {
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(1);
    }
    for (const p of evaluate(xs, 'tanh', 0, 'eval')) {
      expect(p.y).toBeGreaterThan(-1);
      expect(p.y).toBeLessThan(1);
    }
    expect(n.squash.sigmoidLow).toBe('0.018');
    expect(n.squash.sigmoidHigh).toBe('0.982');
    expect(n.squash.tanhLow).toBe('−0.999');
    expect(n.squash.tanhHigh).toBe('0.999');
    expect(n.squash.sigmoidPeakGradValue).toBe(0.25);
    expect(n.squash.tanhPeakGradValue).toBe(1);
    // The sigmoid's gradient never exceeds its value at 0.
    for (const p of evaluate(xs, 'sigmoid', 0, 'eval')) expect(p.grad).toBeLessThanOrEqual(0.25);
  });

  it('leaky ReLU is max(ax, x) with a = 0.2, and its gradient is 1 above zero and a below (syllabus)', () => {
    expect(n.leakySlope).toBe(0.2);
    expect(n.leakyAt.below).toBe('−0.4');
    expect(n.leakyAt.gradBelow).toBe('0.2');
    expect(n.leakyAt.gradAbove).toBe(1);
    for (const p of curve('leaky', 0.2, 'eval')) {
      expect(close(p.y, Math.max(0.2 * p.x, p.x), 1e-5)).toBe(true);
      if (p.x > 0) expect(p.grad).toBe(1);
      if (p.x < 0) expect(p.grad).toBeCloseTo(0.2, 6);
    }
  });

  it('max(ax, x) is a leaky ReLU only for a < 1', () => {
    const x = tensor([-1, 2]);
    // With a = 2 the engine's leaky ReLU keeps 2 for the positive input, but max(2x, x) would give 4.
    expect([...leakyRelu(x, 2).data]).toEqual([-2, 2]);
    expect(Math.max(2 * 2, 2)).toBe(4);
  });

  it('randomized leaky ReLU draws a at random in training, between 1/8 and 1/3, and uses the mean in evaluation (syllabus)', () => {
    expect(RRELU_LOWER).toBe(1 / 8);
    expect(RRELU_UPPER).toBe(1 / 3);
    const slopes = n.rreluDrawn.slopes;
    expect(n.rreluDrawn.count).toBe(4);
    expect(new Set(slopes).size).toBe(slopes.length);
    for (const s of slopes) {
      expect(s).toBeGreaterThanOrEqual(RRELU_LOWER);
      expect(s).toBeLessThanOrEqual(RRELU_UPPER);
    }
    // Seeded: the same draws every time.
    expect(evaluate([-1, -1, -1, -1], 'rrelu', 0, 'train').map((p) => p.grad)).toEqual(slopes);
    expect(n.rreluEvalSlope.value).toBeCloseTo((RRELU_LOWER + RRELU_UPPER) / 2, 6);
    expect(n.rreluEvalSlope.text).toBe('0.229');
    for (const p of curve('rrelu', 0, 'eval')) if (p.x < 0) expect(p.grad).toBeCloseTo(0.2291667, 6);
  });

  it('the dying ReLU: weight −5 and bias −3 on inputs in [0, 1] give output 0 and gradient 0, and nothing moves (syllabus)', () => {
    expect([DYING.weight, DYING.bias]).toEqual([-5, -3]);
    const history = n.dying.histories.reluUnit;
    expect(history).toHaveLength(DYING.maxSteps + 1);
    for (const s of history) {
      expect([s.weight, s.bias, s.gradWeight, s.gradBias, s.active]).toEqual([-5, -3, 0, 0, 0]);
      expect(s.loss).toBe(history[0].loss);
    }
    expect(n.dying.reluLoss).toBe('1.104');
    expect(n.dying.worstUnit).toBe('−3');
  });

  it('a leaky ReLU from the same start recovers', () => {
    const history = n.dying.histories.leakyUnit;
    expect(history[0].gradWeight).not.toBe(0);
    expect(history[0].gradBias).not.toBe(0);
    expect(n.dying.leakyAliveAt).toBe(18);
    expect(history.at(-1)!.active).toBe(DYING.points);
    expect(history.at(-1)!.loss).toBeLessThan(1e-4);
    expect(n.dying.leakyLast).toEqual({ weight: '1.00', bias: '0.50' });
  });

  it("on the notes' [−1, 1] the inputs below −0.6 get through at first, and training kills the neuron anyway", () => {
    expect(n.dying.bestSym).toBe('2');
    expect(n.dying.crossing).toBe('−0.6');
    expect(n.dying.symActive).toBe(2);
    expect(n.dying.symActiveInputs).toBe('−1.00, −0.75');
    expect(dyingInputs('symmetric').filter((x) => -5 * x - 3 > 0)).toHaveLength(2);
    const history = n.dying.histories.reluSym;
    expect(n.dying.symDiedAt).toBeGreaterThan(0);
    const died = history[n.dying.symDiedAt];
    for (const s of history.slice(n.dying.symDiedAt + 1)) {
      expect([s.weight, s.bias, s.active, s.gradWeight, s.gradBias]).toEqual([died.weight, died.bias, 0, 0, 0]);
    }
  });

  it('training is deterministic', () => {
    expect(trainNeuron('leaky', 'unit', 40)).toEqual(trainNeuron('leaky', 'unit', 40));
    expect(trainNeuron('leaky', 'unit', 40)).toEqual(n.dying.histories.leakyUnit.slice(0, 41));
  });
});

describe('lesson 9 widget models', () => {
  it('every activation’s gradient is the backward pass: it matches a finite difference of the forward pass', () => {
    for (const id of ACTIVATIONS.filter((a) => a !== 'rrelu')) {
      const xs = [-2.3, -0.7, 0.4, 1.9];
      const h = 1e-2;
      const plus = evaluate(xs.map((x) => x + h), id, 0.2, 'eval');
      const minus = evaluate(xs.map((x) => x - h), id, 0.2, 'eval');
      evaluate(xs, id, 0.2, 'eval').forEach((p, i) => expect(p.grad).toBeCloseTo((plus[i].y - minus[i].y) / (2 * h), 2));
    }
  });

  it('the activation map is the feature map after ReLU (syllabus)', () => {
    const side = 12;
    const data = Float32Array.from({ length: side * side }, (_, i) => ((i % side) < side / 2 ? 0.1 : 0.9) + 0.05 * Math.sin(i));
    const grey = tensor(data, [1, 1, side, side]);
    for (const filter of ['vertical', 'horizontal', 'outline'] as const) {
      const pair = mapPair(grey, filter);
      expect(pair.feature.shape).toEqual([1, 1, side, side]);
      expect([...pair.activation.data]).toEqual([...relu(pair.feature).data]);
      expect(pair.zeroShare).toBeGreaterThanOrEqual(pair.negativeShare);
      expect(pair.min).toBeLessThan(0);
    }
  });

  it('round-trips every widget’s state through the address and rejects bad values', () => {
    const params = new URLSearchParams();
    writePlot({ fn: 'sigmoid', slope: 35, mode: 'eval', probe: 3 }, params);
    writeDying({ range: 'symmetric', step: 42 }, params);
    writeMap({ photo: 'coffee', filter: 'outline' }, params);
    expect(params.toString()).toBe('acF=sigmoid&acA=35&acM=eval&acX=3&acR=symmetric&acS=42&acP=coffee&acK=outline');
    expect(readPlot(params)).toEqual({ value: { fn: 'sigmoid', slope: 35, mode: 'eval', probe: 3 }, rejected: [] });
    expect(readDying(params)).toEqual({ value: { range: 'symmetric', step: 42 }, rejected: [] });
    expect(readMap(params)).toEqual({ value: { photo: 'coffee', filter: 'outline' }, rejected: [] });
    const bad = new URLSearchParams('acF=swish&acA=0&acS=101&acR=x&acP=dog');
    expect(readPlot(bad)).toEqual({ value: defaultPlot(), rejected: ['acF', 'acA'] });
    expect(readDying(bad)).toEqual({ value: defaultDying(), rejected: ['acR', 'acS'] });
    expect(readMap(bad)).toEqual({ value: defaultMap(), rejected: ['acP'] });
  });

  it('has the same strings in both languages', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(STRINGS.en.neuronName('leaky', 0.2)).toBe('Leaky ReLU neuron (a = 0.2)');
  });
});
