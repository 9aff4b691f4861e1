/**
 * Lesson 9, activation functions: one activation's output by hand, the gradient a
 * leaky ReLU neuron sends to its weight, and how many inputs still reach a ReLU
 * neuron whose weight and bias have turned against it. Every answer is the engine's:
 * a forward pass through its activation, or its backward pass.
 */
import { add, leakyRelu, mul, relu, rrelu, sigmoid, sum, tanh, tensor } from '../../../engine/index.ts';
import type { Random, Tensor } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** Answers typed to three decimals are right within this much. */
const TOLERANCE = 0.002;
const near = (right: number) => (v: number) => Math.abs(v - right) <= TOLERANCE;
/** A value as Python and the prompt print it. */
const py = (v: number) => String(v);
const round3 = (v: number) => Number(v.toFixed(3));

// ---------------------------------------------------------------- forward

/** Parameters of `activations/forward`: one input through one activation. */
export interface ForwardParams {
  fn: 'relu' | 'leaky_relu' | 'rrelu' | 'sigmoid' | 'tanh';
  x: number;
  /** Leaky ReLU's negative slope (leaky_relu only). */
  slope?: number;
  /** rrelu's bounds (rrelu only; evaluated with training=False). */
  lower?: number;
  upper?: number;
}

function forwardOf(p: ForwardParams): number {
  const x = tensor([p.x]);
  const y = (() => {
    switch (p.fn) {
      case 'relu':
        return relu(x);
      case 'leaky_relu':
        return leakyRelu(x, p.slope);
      case 'rrelu':
        return rrelu(x, { lower: p.lower, upper: p.upper, training: false });
      case 'sigmoid':
        return sigmoid(x);
      case 'tanh':
        return tanh(x);
    }
  })();
  return y.data[0];
}

function forwardCall(p: ForwardParams): string {
  switch (p.fn) {
    case 'leaky_relu':
      return `F.leaky_relu(x, negative_slope=${py(p.slope!)})`;
    case 'rrelu':
      return `F.rrelu(x, lower=${py(p.lower!)}, upper=${py(p.upper!)}, training=False)`;
    default:
      return `torch.${p.fn}(x)`;
  }
}

function forwardMistakes(p: ForwardParams): NumericMistake[] {
  switch (p.fn) {
    case 'relu':
      return [
        { value: p.x, note: 'passed a negative input through', feedback: bi('ReLU lets only positive inputs through; below zero it outputs 0.', 'ReLU는 양수 입력만 통과시키고, 0 아래에서는 0을 출력합니다.') },
        { value: -p.x, note: 'took the absolute value', feedback: bi('ReLU does not flip the sign: it replaces a negative input with 0.', 'ReLU는 부호를 뒤집지 않습니다. 음수 입력을 0으로 바꿉니다.') },
      ];
    case 'leaky_relu':
      return [
        { value: 0, note: 'treated it as ReLU', feedback: bi('A leaky ReLU does not output 0 below zero: it multiplies the input by the slope.', '리키 ReLU는 0 아래에서 0을 내지 않고, 입력에 기울기를 곱합니다.') },
        { value: p.x, note: 'forgot the slope', feedback: bi('Below zero the input is multiplied by the negative slope.', '0 아래에서는 입력에 음의 구간 기울기를 곱합니다.') },
        { value: p.x / p.slope!, note: 'divided by the slope', feedback: bi('Multiply by the slope, do not divide.', '기울기로 나누지 말고 곱하세요.') },
      ];
    case 'rrelu': {
      const mean = (p.lower! + p.upper!) / 2;
      return [
        { value: p.x * p.lower!, note: 'used the lower bound', feedback: bi('In evaluation rrelu uses the mean of the two bounds, not one of them.', '평가 때 rrelu는 두 경계 중 하나가 아니라 그 평균을 씁니다.') },
        { value: p.x * p.upper!, note: 'used the upper bound', feedback: bi('In evaluation rrelu uses the mean of the two bounds, not one of them.', '평가 때 rrelu는 두 경계 중 하나가 아니라 그 평균을 씁니다.') },
        { value: 0, note: 'treated it as ReLU', feedback: bi(`Below zero rrelu multiplies by a slope; with training=False that slope is ${round3(mean)}.`, `0 아래에서 rrelu는 기울기를 곱합니다. training=False이면 그 기울기는 평균 ${round3(mean)}입니다.`) },
        { value: p.x, note: 'forgot the slope', feedback: bi('Below zero the input is multiplied by a slope.', '0 아래에서는 입력에 기울기를 곱합니다.') },
      ];
    }
    case 'sigmoid':
      return [
        { value: 1 - forwardOf(p), note: 'flipped the sign of x', feedback: bi('σ(x) = 1 / (1 + e^(−x)): the exponent has a minus sign, so a positive x gives more than 0.5.', 'σ(x) = 1 / (1 + e^(−x))입니다. 지수에 음의 부호가 있으므로 양수 x는 0.5보다 큰 값을 냅니다.') },
        { value: Math.tanh(p.x), note: 'computed tanh', feedback: bi('That is tanh, whose range is −1 to 1; the sigmoid stays between 0 and 1.', '그것은 범위가 −1부터 1인 tanh입니다. 시그모이드는 0과 1 사이에 머뭅니다.') },
      ];
    case 'tanh':
      return [
        { value: 1 / (1 + Math.exp(-p.x)), note: 'computed the sigmoid', feedback: bi('That is the sigmoid; tanh runs from −1 to 1, and tanh(0) = 0.', '그것은 시그모이드입니다. tanh는 −1부터 1까지이고 tanh(0) = 0입니다.') },
        { value: -Math.tanh(p.x), note: 'flipped the sign', feedback: bi('tanh keeps the sign of its input.', 'tanh는 입력의 부호를 유지합니다.') },
      ];
  }
}

export const forward: ExerciseDefinition<ForwardParams> = {
  id: 'activations/forward',
  version: 1,
  lesson: 'activations',
  kind: 'by-hand',
  title: bi('An activation by hand', '활성화 함수를 손으로 계산하기'),
  generate(rng: Random) {
    const fn = pick(rng, ['relu', 'leaky_relu', 'rrelu', 'sigmoid', 'tanh'] as const);
    if (fn === 'sigmoid' || fn === 'tanh') {
      // x = ±0.5 .. ±3 in halves; never 0, where the sign slips give the right answer.
      const x = (pick(rng, [-1, 1]) * intBetween(rng, 1, 6)) / 2;
      return { fn, x };
    }
    const x = -intBetween(rng, 1, 20) / 4;
    if (fn === 'leaky_relu') return { fn, x, slope: pick(rng, [0.01, 0.05, 0.1, 0.2, 0.25, 0.3]) };
    if (fn === 'rrelu') {
      const [lower, upper] = pick(rng, [[0.125, 0.375], [0.1, 0.3], [0.2, 0.4], [0.05, 0.25]] as const);
      return { fn, x, lower, upper };
    }
    return { fn, x };
  },
  validate(p) {
    const y = forwardOf(p);
    const expected = {
      relu: Math.max(0, p.x),
      leaky_relu: Math.max(p.x * (p.slope ?? 0), p.x),
      rrelu: Math.max(p.x * ((p.lower ?? 0) + (p.upper ?? 0)) / 2, p.x),
      sigmoid: 1 / (1 + Math.exp(-p.x)),
      tanh: Math.tanh(p.x),
    }[p.fn];
    if (Math.abs(y - expected) > 1e-5) throw new Error(`the engine's ${p.fn} disagrees with its definition`);
  },
  prompt(p) {
    const snippet = code(`x = torch.tensor(${py(p.x)})\ny = ${forwardCall(p)}`);
    return {
      en: [text('What is `y`? Give three decimals.'), snippet],
      ko: [text('`y`는 얼마입니까? 소수점 아래 셋째 자리까지 쓰세요.'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'number', label: bi('y', 'y') }),
  answer(p) {
    const v = forwardOf(p);
    const shown = v.toFixed(3);
    return { typed: shown, value: round3(v), display: bi(shown, shown) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: near(forwardOf(p)), mistakes: forwardMistakes(p), integer: false, tolerance: TOLERANCE }),
  hints(p) {
    const first =
      p.fn === 'sigmoid' || p.fn === 'tanh'
        ? bi<readonly Block[]>([text('Both squash: the sigmoid into 0..1, tanh into −1..1.'), math(p.fn === 'sigmoid' ? '\\sigma(x) = \\frac{1}{1 + e^{-x}}' : '\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}')], [text('둘 다 값을 눌러 담습니다. 시그모이드는 0..1, tanh는 −1..1로 보냅니다.'), math(p.fn === 'sigmoid' ? '\\sigma(x) = \\frac{1}{1 + e^{-x}}' : '\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}')])
        : bi<readonly Block[]>([text('The input is negative: what does this function do below zero?')], [text('입력이 음수입니다. 이 함수는 0 아래에서 무엇을 합니까?')]);
    const second =
      p.fn === 'rrelu'
        ? bi<readonly Block[]>([text('With training=False there is no random draw: the slope is the mean of lower and upper.')], [text('training=False이면 무작위로 뽑지 않습니다. 기울기는 lower와 upper의 평균입니다.')])
        : bi<readonly Block[]>([text('Leaky ReLU is max(ax, x) with a < 1; ReLU is max(0, x).')], [text('리키 ReLU는 a < 1인 max(ax, x), ReLU는 max(0, x)입니다.')]);
    return [first, second];
  },
  solution(p) {
    const v = forwardOf(p).toFixed(3);
    const eq = math(`y = ${v}`);
    return {
      en: [text(`The engine's forward pass gives this, to three decimals:`), eq],
      ko: [text('엔진의 순전파 결과를 소수점 아래 셋째 자리까지 쓰면 다음과 같습니다.'), eq],
    };
  },
  mistakes(p) {
    return numericMistakes(forwardMistakes(p), near(forwardOf(p)), false, TOLERANCE);
  },
};

// ---------------------------------------------------------------- leaky gradient

/** Parameters of `activations/leaky-gradient`: y = leaky_relu(w x + b, a), one input. */
export interface LeakyGradientParams {
  w: number;
  b: number;
  x: number;
  slope: number;
}

/** dy/dw by the engine's backward pass. */
function leakyGradOf(p: LeakyGradientParams): number {
  const w = tensor([p.w], [1], { requiresGrad: true });
  const b = tensor([p.b], [1], { requiresGrad: true });
  const y: Tensor = leakyRelu(add(mul(tensor([p.x]), w), b), p.slope);
  sum(y).backward();
  return w.grad!.data[0];
}

const preActivation = (p: LeakyGradientParams) => p.w * p.x + p.b;

function leakyGradMistakes(p: LeakyGradientParams): NumericMistake[] {
  const negative = preActivation(p) < 0;
  return [
    {
      value: 0,
      note: 'treated it as ReLU',
      feedback: bi('That would be a ReLU below zero. A leaky ReLU still passes a gradient of a there.', '그것은 0 아래의 ReLU입니다. 리키 ReLU는 그곳에서도 기울기 a를 전달합니다.'),
    },
    {
      value: p.x,
      note: negative ? 'used gradient 1 below zero' : 'used the slope above zero',
      feedback: negative
        ? bi('Here w·x + b is negative, so the activation’s gradient is a, not 1.', '여기서는 w·x + b가 음수이므로 활성화 함수의 기울기는 1이 아니라 a입니다.')
        : bi('Check the sign of w·x + b first.', '먼저 w·x + b의 부호를 확인하세요.'),
    },
    {
      value: p.slope * p.x,
      note: 'used the slope above zero',
      feedback: bi('Here w·x + b is positive: the gradient there is 1, and the slope a plays no part.', '여기서는 w·x + b가 양수입니다. 그곳의 기울기는 1이고, 기울기 a는 쓰이지 않습니다.'),
    },
    {
      value: negative ? p.slope : 1,
      note: 'forgot the chain rule',
      feedback: bi('That is the activation’s own gradient; multiply it by d(w·x + b)/dw = x.', '그것은 활성화 함수 자체의 기울기입니다. 여기에 d(w·x + b)/dw = x를 곱하세요.'),
    },
    {
      value: negative ? p.slope * p.w : p.w,
      note: 'differentiated by x',
      feedback: bi('The question asks for the gradient of w, so the inner derivative is x, not w.', '묻는 것은 w의 기울기이므로 안쪽 미분은 w가 아니라 x입니다.'),
    },
  ];
}

export const leakyGradient: ExerciseDefinition<LeakyGradientParams> = {
  id: 'activations/leaky-gradient',
  version: 1,
  lesson: 'activations',
  kind: 'by-hand',
  title: bi('The gradient through a leaky ReLU', '리키 ReLU를 지나는 기울기'),
  generate(rng: Random) {
    for (;;) {
      const w = pick(rng, [-1, 1]) * intBetween(rng, 1, 6);
      const b = intBetween(rng, -5, 3);
      const x = (pick(rng, [-1, 1]) * intBetween(rng, 1, 8)) / 4;
      const slope = pick(rng, [0.05, 0.1, 0.2, 0.25, 0.3]);
      // Never exactly at zero, where the two sides disagree; negative most of the time, the lesson's case.
      const z = w * x + b;
      if (z === 0 || Math.abs(x) === 1) continue;
      if (z > 0 && rng.next() < 0.6) continue;
      return { w, b, x, slope };
    }
  },
  validate(p) {
    const g = leakyGradOf(p);
    const expected = preActivation(p) > 0 ? p.x : p.slope * p.x;
    if (Math.abs(g - expected) > 1e-6) throw new Error('the backward pass and the leaky ReLU gradient disagree');
  },
  prompt(p) {
    const snippet = code(
      `w = torch.tensor(${py(p.w)}., requires_grad=True)\nb = torch.tensor(${py(p.b)}.)\nx = torch.tensor(${py(p.x)})\ny = F.leaky_relu(w * x + b, negative_slope=${py(p.slope)})\ny.backward()\nw.grad  # ?`,
    );
    return {
      en: [text('What is `w.grad`? Give three decimals.'), snippet],
      ko: [text('`w.grad`는 얼마입니까? 소수점 아래 셋째 자리까지 쓰세요.'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'number', label: bi('w.grad', 'w.grad') }),
  answer(p) {
    const v = leakyGradOf(p);
    const shown = v.toFixed(3);
    return { typed: shown, value: round3(v), display: bi(shown, shown) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: near(leakyGradOf(p)), mistakes: leakyGradMistakes(p), integer: false, tolerance: TOLERANCE }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('First compute w·x + b: is it above or below zero?')],
        [text('먼저 w·x + b를 계산하세요. 0보다 큽니까, 작습니까?')],
      ),
      bi<readonly Block[]>(
        [text("The leaky ReLU's gradient is 1 above zero and a below; multiply it by the inner derivative x."), math("\\frac{\\partial y}{\\partial w} = f'(wx + b)\\, x")],
        [text('리키 ReLU의 기울기는 0 위에서 1, 0 아래에서 a입니다. 여기에 안쪽 미분 x를 곱하세요.'), math("\\frac{\\partial y}{\\partial w} = f'(wx + b)\\, x")],
      ),
    ];
  },
  solution(p) {
    const z = preActivation(p);
    const factor = z > 0 ? '1' : py(p.slope);
    const v = leakyGradOf(p).toFixed(3);
    const eq = math(`w x + b = ${py(z)},\\quad \\frac{\\partial y}{\\partial w} = ${factor} \\cdot (${py(p.x)}) = ${v}`);
    return {
      en: [text(z > 0 ? 'The input to the activation is positive, so its gradient is 1:' : 'The input to the activation is negative, so its gradient is the slope a:'), eq],
      ko: [text(z > 0 ? '활성화 함수에 들어가는 값이 양수이므로 기울기는 1입니다.' : '활성화 함수에 들어가는 값이 음수이므로 기울기는 a입니다.'), eq],
    };
  },
  mistakes(p) {
    return numericMistakes(leakyGradMistakes(p), near(leakyGradOf(p)), false, TOLERANCE);
  },
};

// ---------------------------------------------------------------- dead inputs

/** Parameters of `activations/alive-inputs`: a ReLU neuron and a batch of inputs. */
export interface AliveInputsParams {
  w: number;
  b: number;
  inputs: number[];
}

/** How many inputs get a gradient through the ReLU: the engine's backward pass to the inputs. */
function aliveOf(p: AliveInputsParams): number {
  const x = tensor(p.inputs, [p.inputs.length], { requiresGrad: true });
  sum(relu(add(mul(x, tensor([p.w])), tensor([p.b])))).backward();
  return [...x.grad!.data].filter((g) => g !== 0).length;
}

function aliveMistakes(p: AliveInputsParams): NumericMistake[] {
  const n = p.inputs.length;
  const right = aliveOf(p);
  return [
    { value: n - right, note: 'counted the dead inputs', feedback: bi('That is how many inputs the neuron blocks; the question asks for the ones that get through.', '그것은 뉴런이 막는 입력의 개수입니다. 묻는 것은 통과하는 입력입니다.') },
    { value: 0, note: 'assumed negative weights kill the neuron', feedback: bi('A negative weight and bias do not block every input: check w·x + b for each one.', '가중치와 편향이 음수라고 모든 입력이 막히지는 않습니다. 입력마다 w·x + b를 확인하세요.') },
    { value: n, note: 'assumed every input gets through', feedback: bi('Where w·x + b is negative the ReLU outputs 0 and passes no gradient.', 'w·x + b가 음수인 곳에서 ReLU는 0을 내고 기울기를 전달하지 않습니다.') },
    {
      value: p.inputs.filter((x) => x > 0).length,
      note: 'counted the positive inputs',
      feedback: bi('What matters is the sign of w·x + b, not of x.', '중요한 것은 x가 아니라 w·x + b의 부호입니다.'),
    },
  ];
}

export const aliveInputs: ExerciseDefinition<AliveInputsParams> = {
  id: 'activations/alive-inputs',
  version: 1,
  lesson: 'activations',
  kind: 'count',
  title: bi('Is the ReLU neuron dead?', 'ReLU 뉴런은 죽었을까?'),
  generate(rng: Random) {
    for (;;) {
      const w = pick(rng, [-1, 1]) * intBetween(rng, 1, 6);
      const b = -intBetween(rng, 1, 5);
      const pool = Array.from({ length: 9 }, (_, i) => -1 + i * 0.25);
      const count = intBetween(rng, 5, 8);
      const inputs = pool
        .map((x) => ({ x, key: rng.next() }))
        .sort((a, b2) => a.key - b2.key)
        .slice(0, count)
        .map((e) => e.x)
        .sort((a, b2) => a - b2);
      // Never exactly at zero (ReLU's gradient there is a convention), and at most half alive: the dying case.
      if (inputs.some((x) => w * x + b === 0)) continue;
      const alive = inputs.filter((x) => w * x + b > 0).length;
      if (alive > count / 2) continue;
      return { w, b, inputs };
    }
  },
  validate(p) {
    if (aliveOf(p) !== p.inputs.filter((x) => p.w * x + p.b > 0).length) throw new Error('the backward pass and the sign count disagree');
  },
  prompt(p) {
    const snippet = code(`w, b = ${py(p.w)}., ${py(p.b)}.\nx = torch.tensor([${p.inputs.map(py).join(', ')}], requires_grad=True)\ny = torch.relu(w * x + b)\ny.sum().backward()`);
    return {
      en: [text('A ReLU neuron with this weight and bias sees a batch of inputs. For how many of them is `x.grad` not zero, that is, how many still get through the ReLU?'), snippet],
      ko: [text('이 가중치와 편향을 가진 ReLU 뉴런이 입력 배치를 봅니다. 그중 몇 개에서 `x.grad`가 0이 아닙니까? 곧, 몇 개가 아직 ReLU를 통과합니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Inputs that get through', '통과하는 입력') }),
  answer(p) {
    const v = aliveOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: aliveOf(p), mistakes: aliveMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('ReLU passes a gradient only where its input, w·x + b, is above zero.')], [text('ReLU는 입력 w·x + b가 0보다 큰 곳에서만 기울기를 전달합니다.')]),
      bi<readonly Block[]>([text('Solve w·x + b > 0 for x; mind the direction of the inequality when w is negative.')], [text('w·x + b > 0을 x에 대해 푸세요. w가 음수이면 부등호의 방향에 주의하세요.')]),
    ];
  },
  solution(p) {
    const v = aliveOf(p);
    const rows = p.inputs.map((x) => `${py(x)} \\mapsto ${py(p.w * x + p.b)}`).join(',\\; ');
    return {
      en: [text(`w·x + b for each input; ${v} of them are above zero:`), math(rows)],
      ko: [text(`입력마다 w·x + b를 계산하면 0보다 큰 것은 ${v}개입니다.`), math(rows)],
    };
  },
  mistakes(p) {
    const right = aliveOf(p);
    return numericMistakes(aliveMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [forward, leakyGradient, aliveInputs];
