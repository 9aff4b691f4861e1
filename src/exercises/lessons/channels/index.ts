/**
 * Lesson 8, channels and groups: the parameters of a grouped convolution, the
 * parameters of a depthwise-separable pair, and one output of a 1x1 convolution by
 * hand. Every answer is computed by the engine: `summary` of `nn.Conv2d` layers (whose
 * constructor also refuses channel counts the groups do not divide) and a `conv2d`.
 */
import { conv2d, nn, noGrad, summary, tensor } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, math, table, text } from '../../text.ts';
import { josa } from '../../../i18n/korean.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** Parameters of one model on a small input, from the engine's `summary`. */
const paramsOf = (model: nn.Module, inC: number): number => summary(model, [1, inC, 8, 8]).totalParams;

// ---------------------------------------------------------------- grouped

/** Parameters of `channels/grouped`: one `nn.Conv2d` with groups and a bias. */
export interface GroupedParams {
  inC: number;
  outC: number;
  kernelSize: number;
  groups: number;
}

const groupedCount = (p: GroupedParams) => paramsOf(new nn.Sequential(new nn.Conv2d(p.inC, p.outC, p.kernelSize, { groups: p.groups })), p.inC);

function groupedMistakes(p: GroupedParams): NumericMistake[] {
  const kk = p.kernelSize * p.kernelSize;
  return [
    {
      value: p.outC * p.inC * kk + p.outC,
      note: 'ignored groups',
      feedback: bi('With groups, each filter reaches only the input channels of its own group: $C_{in}/g$ of them.', '그룹이 있으면 필터는 자기 그룹의 입력 채널, 즉 $C_{in}/g$개에만 닿습니다.'),
    },
    {
      value: (p.outC * p.inC * kk) / p.groups,
      note: 'forgot the biases',
      feedback: bi('Each output channel also has one bias.', '출력 채널마다 편향이 하나씩 더 있습니다.'),
    },
    {
      value: (p.outC * p.inC * kk) / (p.groups * p.groups) + p.outC,
      note: 'divided by groups twice',
      feedback: bi('The number of filters stays $C_{out}$; only the depth of each one is divided by $g$.', '필터 수는 그대로 $C_{out}$개입니다. $g$로 나뉘는 것은 필터 하나의 깊이뿐입니다.'),
    },
    {
      value: p.outC * kk + p.outC,
      note: 'filters of depth one',
      feedback: bi('Only depthwise filters (groups equal to the input channels) are one channel deep.', '깊이가 채널 하나인 필터는 깊이별 합성곱(groups가 입력 채널 수와 같을 때)뿐입니다.'),
    },
  ];
}

export const grouped: ExerciseDefinition<GroupedParams> = {
  id: 'channels/grouped',
  version: 1,
  lesson: 'channels',
  kind: 'count',
  title: bi('Parameters of a grouped convolution', '그룹 합성곱의 파라미터 수'),
  generate(rng: Random) {
    const groups = pick(rng, [2, 3, 4, 8]);
    return {
      inC: groups * intBetween(rng, 1, 8),
      outC: groups * intBetween(rng, 1, 8),
      kernelSize: pick(rng, [1, 3, 5, 7]),
      groups,
    };
  },
  validate(p) {
    const kk = p.kernelSize * p.kernelSize;
    if (groupedCount(p) !== p.outC * (p.inC / p.groups) * kk + p.outC) throw new Error('the summary and C_out (C_in/g) k^2 + C_out disagree');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(${p.inC}, ${p.outC}, kernel_size=${p.kernelSize}, groups=${p.groups})`);
    return {
      en: [text('How many parameters (weights and biases) does this layer have?'), snippet],
      ko: [text('이 층의 파라미터(가중치와 편향)는 모두 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = groupedCount(p);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: groupedCount(p), mistakes: groupedMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('The weight tensor of a grouped convolution has the shape below. How deep is each filter?'), math('[C_{out},\\ C_{in}/g,\\ k,\\ k]')],
        [text('그룹 합성곱의 가중치 텐서 모양은 아래와 같습니다. 필터 하나의 깊이는 얼마입니까?'), math('[C_{out},\\ C_{in}/g,\\ k,\\ k]')],
      ),
      bi<readonly Block[]>(
        [text('Multiply the four sizes, then add one bias per output channel.')],
        [text('네 크기를 곱한 다음, 출력 채널마다 편향 하나를 더하세요.')],
      ),
    ];
  },
  solution(p) {
    const v = groupedCount(p);
    const depth = p.inC / p.groups;
    const eq = math(`${p.outC}\\cdot ${depth}\\cdot ${p.kernelSize}\\cdot ${p.kernelSize} + ${p.outC} = ${v}`);
    return {
      en: [text(`Each of the ${p.outC} filters is ${depth} channels deep (${p.inC} / ${p.groups}), so the engine's summary counts ${v}:`), eq],
      ko: [text(`필터 ${p.outC}개의 깊이는 각각 ${depth}채널(${p.inC} / ${p.groups})이므로 엔진의 summary는 ${josa(v, '을/를')} 셉니다.`), eq],
    };
  },
  mistakes(p) {
    const right = groupedCount(p);
    return numericMistakes(groupedMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- separable

/** Parameters of `channels/separable`: a depthwise k x k layer, then a 1x1 layer to `outC` channels, both with biases. */
export interface SeparableParams {
  inC: number;
  outC: number;
  kernelSize: number;
}

const pairCount = (p: SeparableParams) =>
  paramsOf(new nn.Sequential(new nn.Conv2d(p.inC, p.inC, p.kernelSize, { groups: p.inC }), new nn.Conv2d(p.inC, p.outC, 1)), p.inC);
const fullCount = (p: SeparableParams) => paramsOf(new nn.Sequential(new nn.Conv2d(p.inC, p.outC, p.kernelSize)), p.inC);

function separableMistakes(p: SeparableParams): NumericMistake[] {
  const kk = p.kernelSize * p.kernelSize;
  return [
    {
      value: fullCount(p),
      note: 'counted the full convolution',
      feedback: bi('That is one ordinary convolution; the pair splits it into a depthwise layer and a 1×1 layer.', '그것은 일반 합성곱 하나입니다. 이 쌍은 그것을 깊이별 층과 1×1 층으로 나눕니다.'),
    },
    {
      value: p.inC * kk + p.inC * p.outC,
      note: 'forgot the biases',
      feedback: bi('Both layers have biases: one per output channel of each.', '두 층 모두 편향이 있습니다. 각 층의 출력 채널마다 하나씩입니다.'),
    },
    {
      value: p.inC * p.inC * kk + p.inC + p.inC * p.outC + p.outC,
      note: 'depthwise filters as deep as the input',
      feedback: bi('A depthwise filter sees a single channel: it has $k^2$ weights, not $C_{in} k^2$.', '깊이별 필터는 채널 하나만 봅니다. 가중치는 $C_{in} k^2$개가 아니라 $k^2$개입니다.'),
    },
    {
      value: p.inC * kk + p.inC + p.outC + p.outC,
      note: '1x1 filters one channel deep',
      feedback: bi('The 1×1 layer is an ordinary convolution: each of its filters reaches through all the input channels.', '1×1 층은 일반 합성곱입니다. 필터마다 모든 입력 채널에 닿습니다.'),
    },
  ];
}

export const separablePair: ExerciseDefinition<SeparableParams> = {
  id: 'channels/separable',
  version: 1,
  lesson: 'channels',
  kind: 'count',
  title: bi('Parameters of a depthwise-separable pair', '깊이별 분리 쌍의 파라미터 수'),
  generate(rng: Random) {
    return { inC: pick(rng, [8, 16, 24, 32, 48, 64]), outC: pick(rng, [16, 32, 64, 96, 128]), kernelSize: pick(rng, [3, 5, 7]) };
  },
  validate(p) {
    const kk = p.kernelSize * p.kernelSize;
    if (pairCount(p) !== p.inC * kk + p.inC + p.inC * p.outC + p.outC) throw new Error('the summary and the pair formula disagree');
    if (pairCount(p) >= fullCount(p)) throw new Error('the pair is not smaller than the full layer');
  },
  prompt(p) {
    const snippet = code(
      `block = nn.Sequential(\n    nn.Conv2d(${p.inC}, ${p.inC}, kernel_size=${p.kernelSize}, groups=${p.inC}),\n    nn.Conv2d(${p.inC}, ${p.outC}, kernel_size=1),\n)`,
    );
    return {
      en: [text('How many parameters (weights and biases) does this block have in all?'), snippet],
      ko: [text('이 블록의 파라미터(가중치와 편향)는 모두 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = pairCount(p);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: pairCount(p), mistakes: separableMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Count the two layers separately. The first has groups equal to its input channels: how deep is each of its filters?')],
        [text('두 층을 따로 세세요. 첫 층은 groups가 입력 채널 수와 같습니다. 그 필터 하나의 깊이는 얼마입니까?')],
      ),
      bi<readonly Block[]>(
        [text('The second is a 1×1 convolution: one weight per input channel in each filter, and a bias.'), math('C_{in} k^2 + C_{in} + C_{in} C_{out} + C_{out}')],
        [text('둘째 층은 1×1 합성곱입니다. 필터마다 입력 채널당 가중치 하나, 그리고 편향 하나가 있습니다.'), math('C_{in} k^2 + C_{in} + C_{in} C_{out} + C_{out}')],
      ),
    ];
  },
  solution(p) {
    const v = pairCount(p);
    const full = fullCount(p);
    const kk = p.kernelSize * p.kernelSize;
    const eq = math(`(${p.inC}\\cdot ${kk} + ${p.inC}) + (${p.inC}\\cdot ${p.outC} + ${p.outC}) = ${v}`);
    return {
      en: [text(`The depthwise layer has ${p.inC * kk + p.inC} parameters and the 1×1 layer ${p.inC * p.outC + p.outC}; one full ${p.kernelSize}×${p.kernelSize} layer would have ${full}.`), eq],
      ko: [
        text(`깊이별 층의 파라미터는 ${p.inC * kk + p.inC}개, 1×1 층은 ${p.inC * p.outC + p.outC}개입니다. 일반 ${p.kernelSize}×${p.kernelSize} 층 하나라면 ${full}개입니다.`),
        eq,
      ],
    };
  },
  mistakes(p) {
    const right = pairCount(p);
    return numericMistakes(separableMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- one by one

/** Parameters of `channels/one-by-one`: one pixel's channel values, a 1x1 filter's weights and its bias. */
export interface OneByOneParams {
  values: number[];
  weights: number[];
  bias: number;
}

const mixOf = (p: OneByOneParams): number => {
  const c = p.values.length;
  const out = noGrad(() => conv2d(tensor(p.values, [1, c, 1, 1]), tensor(p.weights, [1, c, 1, 1]), tensor([p.bias])));
  return Math.round(out.data[0]);
};

function oneByOneMistakes(p: OneByOneParams): NumericMistake[] {
  const dot = p.values.reduce((s, v, i) => s + v * p.weights[i], 0);
  return [
    { value: dot, note: 'forgot the bias', feedback: bi('The bias is added once, after the channels are summed.', '편향은 채널을 모두 더한 뒤에 한 번 더해집니다.') },
    {
      value: p.values.reduce((s, v) => s + v, 0) + p.bias,
      note: 'added the values without weights',
      feedback: bi('Each channel is multiplied by its own weight before the sum.', '채널마다 자기 가중치를 곱한 다음 더합니다.'),
    },
    {
      value: p.values[0] * p.weights[0] + p.bias,
      note: 'used the first channel only',
      feedback: bi('A 1×1 filter still reaches through every channel at that pixel.', '1×1 필터도 그 픽셀의 모든 채널에 닿습니다.'),
    },
    {
      value: dot + p.bias * p.values.length,
      note: 'added the bias per channel',
      feedback: bi('There is one bias per filter, not one per channel.', '편향은 채널마다가 아니라 필터마다 하나입니다.'),
    },
  ];
}

export const oneByOne: ExerciseDefinition<OneByOneParams> = {
  id: 'channels/one-by-one',
  version: 1,
  lesson: 'channels',
  kind: 'by-hand',
  title: bi('A 1×1 convolution by hand', '1×1 합성곱 손으로 계산하기'),
  generate(rng: Random) {
    const c = intBetween(rng, 3, 5);
    const nonZero = () => pick(rng, [-3, -2, -1, 1, 2, 3]);
    return {
      values: Array.from({ length: c }, () => intBetween(rng, 0, 9)),
      weights: Array.from({ length: c }, nonZero),
      bias: intBetween(rng, -5, 5),
    };
  },
  validate(p) {
    const expected = p.values.reduce((s, v, i) => s + v * p.weights[i], 0) + p.bias;
    if (mixOf(p) !== expected) throw new Error('the engine and the weighted sum disagree');
  },
  prompt(p) {
    const c = p.values.length;
    const header = bi(['', ...p.values.map((_, i) => `channel ${i}`)], ['', ...p.values.map((_, i) => `채널 ${i}`)]);
    const rows = (valueLabel: string, weightLabel: string) => [
      [valueLabel, ...p.values.map(String)],
      [weightLabel, ...p.weights.map(String)],
    ];
    const snippet = code(`conv = nn.Conv2d(${c}, 1, kernel_size=1)  # bias = ${p.bias}`);
    return {
      en: [text(`One pixel of a ${c}-channel input, and the weights of a 1×1 filter. What does the filter output at this pixel?`), table(header.en, rows('input', 'weight')), snippet],
      ko: [text(`채널 ${c}개짜리 입력의 픽셀 하나와 1×1 필터의 가중치입니다. 이 픽셀에서 필터의 출력은 얼마입니까?`), table(header.ko, rows('입력', '가중치')), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output', '출력') }),
  answer(p) {
    const v = mixOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: mixOf(p), mistakes: oneByOneMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A 1×1 filter multiplies each channel at the pixel by its weight.')],
        [text('1×1 필터는 그 픽셀의 채널마다 가중치를 곱합니다.')],
      ),
      bi<readonly Block[]>(
        [text('Add the products over the channels, then the bias once.'), math('y = \\sum_c w_c\\, x_c + b')],
        [text('채널에 걸쳐 곱을 더한 다음, 편향을 한 번 더하세요.'), math('y = \\sum_c w_c\\, x_c + b')],
      ),
    ];
  },
  solution(p) {
    const v = mixOf(p);
    const terms = p.values.map((x, i) => `(${p.weights[i]})\\cdot ${x}`).join(' + ');
    const eq = math(`${terms} + (${p.bias}) = ${v}`);
    return {
      en: [text(`The channels are weighted and summed at this one pixel, and the bias added; the engine's conv2d gives ${v}:`), eq],
      ko: [text(`이 픽셀 하나에서 채널에 가중치를 곱해 더하고 편향을 더합니다. 엔진의 conv2d는 ${josa(v, '을/를')} 냅니다.`), eq],
    };
  },
  mistakes(p) {
    const right = mixOf(p);
    return numericMistakes(oneByOneMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [grouped, separablePair, oneByOne];
