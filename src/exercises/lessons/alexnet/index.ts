/**
 * Lesson 15, AlexNet: conv1's output side for a given input (the 224-against-227
 * question), the parameters of a grouped convolution (the paper's two-GPU split,
 * groups = 2), and the order of AlexNet's layers. Every answer is computed by the
 * engine: `convOutputSize` and `summary` of `nn.Conv2d` with `groups`.
 */
import { nn, summary } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { convOutputSize } from '../../../engine/shapes.ts';
import { encodeOrder, encodeSwapped, parseOrder } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, shuffled } from '../../seed.ts';
import { bi, code, correct, incorrect, invalid, math, partial, text } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';

// ---------------------------------------------------------------- conv1-side

/** Parameters of `alexnet/conv1-side`: the input side and conv1's padding (kernel 11, stride 4). */
export interface Conv1SideParams {
  side: number;
  padding: number;
}

const conv1Side = (p: Conv1SideParams) => convOutputSize(p.side, { kernelSize: 11, stride: 4, padding: p.padding });

function conv1Mistakes(p: Conv1SideParams): NumericMistake[] {
  const exact = (p.side + 2 * p.padding - 11) / 4 + 1;
  return [
    { value: Math.ceil(exact), note: 'rounded up', feedback: bi('A window that runs past the edge is not computed: round down.', '가장자리를 넘어가는 창은 계산하지 않습니다. 내림하세요.') },
    { value: Math.floor((p.side - 11) / 4) + 1, note: 'forgot the padding', feedback: bi(`Add the padding on both sides: ${p.side} + 2 · ${p.padding}.`, `양쪽 패딩을 더하세요: ${p.side} + 2 · ${p.padding}.`) },
    { value: Math.floor((p.side + 2 * p.padding - 11) / 4), note: 'forgot the + 1', feedback: bi('Count the first window too: + 1.', '첫 번째 창도 세야 합니다: + 1.') },
    { value: Math.floor((p.side + 2 * p.padding) / 4), note: 'ignored the kernel', feedback: bi('The last window must fit inside: subtract the kernel size 11 first.', '마지막 창이 안에 들어가야 합니다. 먼저 커널 크기 11을 빼세요.') },
  ];
}

export const conv1SideExercise: ExerciseDefinition<Conv1SideParams> = {
  id: 'alexnet/conv1-side',
  version: 1,
  lesson: 'alexnet',
  kind: 'output-size',
  title: bi("Side of AlexNet's conv1 output", 'AlexNet conv1 출력의 변'),
  generate(rng: Random) {
    return { side: intBetween(rng, 200, 240), padding: intBetween(rng, 0, 2) };
  },
  validate(p) {
    if (conv1Side(p) !== Math.floor((p.side + 2 * p.padding - 11) / 4) + 1) throw new Error('convOutputSize disagrees with the formula');
  },
  prompt(p) {
    const snippet = code(`conv1 = nn.Conv2d(3, 96, kernel_size=11, stride=4, padding=${p.padding})\nx = torch.randn(1, 3, ${p.side}, ${p.side})`);
    return {
      en: [text('What is the height (and width) of conv1(x)?'), snippet],
      ko: [text('conv1(x)의 높이(와 너비)는 얼마입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output side', '출력 변') }),
  answer(p) {
    const v = conv1Side(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: conv1Side(p), mistakes: conv1Mistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('Use the output-size formula of lesson 4.'), math('\\left\\lfloor \\frac{L + 2p - k}{s} \\right\\rfloor + 1')], [text('4강의 출력 크기 공식을 쓰세요.'), math('\\left\\lfloor \\frac{L + 2p - k}{s} \\right\\rfloor + 1')]),
    ];
  },
  solution(p) {
    const v = conv1Side(p);
    const num = p.side + 2 * p.padding - 11;
    const eq = math(`\\left\\lfloor \\frac{${p.side} + 2 \\cdot ${p.padding} - 11}{4} \\right\\rfloor + 1 = \\left\\lfloor \\frac{${num}}{4} \\right\\rfloor + 1 = ${v}`);
    const fits = num % 4 === 0;
    return {
      en: [eq, text(fits ? 'The windows fit exactly.' : 'The windows do not fit exactly; the last pixels are dropped.')],
      ko: [eq, text(fits ? '창이 정확히 들어맞습니다.' : '창이 정확히 들어맞지 않아 마지막 픽셀들은 버려집니다.')],
    };
  },
  mistakes(p) {
    const right = conv1Side(p);
    return numericMistakes(conv1Mistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- grouped-params

/** Parameters of `alexnet/grouped-params`: a convolution split across two GPUs. */
export interface GroupedParams {
  inChannels: number;
  outChannels: number;
  kernel: number;
}

const groupedCount = (p: GroupedParams, groups: number) =>
  summary(new nn.Conv2d(p.inChannels, p.outChannels, p.kernel, { padding: Math.floor(p.kernel / 2), groups }), [1, p.inChannels, 13, 13]).totalParams;

function groupedMistakes(p: GroupedParams): NumericMistake[] {
  const k2 = p.kernel * p.kernel;
  return [
    { value: groupedCount(p, 1), note: 'ignored the groups', feedback: bi('With groups=2 each filter sees only half the input channels.', 'groups=2일 때는 필터마다 입력 채널의 절반만 봅니다.') },
    { value: (p.inChannels / 2) * k2 * (p.outChannels / 2) + p.outChannels / 2, note: 'counted one GPU', feedback: bi('That is one GPU\'s half; the question asks for the whole layer.', '그것은 GPU 하나의 몫입니다. 질문은 층 전체를 묻습니다.') },
    { value: (p.inChannels / 2) * k2 * p.outChannels, note: 'forgot the biases', feedback: bi(`Add one bias per filter: ${p.outChannels}.`, `필터마다 편향이 하나씩, ${p.outChannels}개를 더하세요.`) },
  ];
}

export const groupedParamsExercise: ExerciseDefinition<GroupedParams> = {
  id: 'alexnet/grouped-params',
  version: 1,
  lesson: 'alexnet',
  kind: 'count',
  title: bi('Parameters of a layer split across two GPUs', '두 GPU에 나눈 층의 파라미터'),
  generate(rng: Random) {
    return { inChannels: 32 * intBetween(rng, 1, 12), outChannels: 32 * intBetween(rng, 1, 12), kernel: [3, 5][intBetween(rng, 0, 1)] };
  },
  validate(p) {
    const expected = (p.inChannels / 2) * p.kernel * p.kernel * p.outChannels + p.outChannels;
    if (groupedCount(p, 2) !== expected) throw new Error('summary disagrees with (C_in/2)·k²·C_out + C_out');
  },
  prompt(p) {
    const snippet = code(`nn.Conv2d(${p.inChannels}, ${p.outChannels}, kernel_size=${p.kernel}, padding=${Math.floor(p.kernel / 2)}, groups=2)`);
    return {
      en: [text('AlexNet splits some layers across two GPUs, as a convolution with groups=2. How many parameters (weights and biases) does this layer have?'), snippet],
      ko: [text('AlexNet은 일부 층을 groups=2인 합성곱처럼 두 GPU에 나눕니다. 이 층의 파라미터(가중치와 편향)는 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = groupedCount(p, 2);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: groupedCount(p, 2), mistakes: groupedMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('Each filter sees C_in / 2 channels; there are C_out filters in all, each with a bias.')], [text('필터마다 C_in / 2개 채널을 봅니다. 필터는 모두 C_out개이고 각각 편향이 있습니다.')]),
    ];
  },
  solution(p) {
    const v = groupedCount(p, 2);
    const eq = math(`\\frac{${p.inChannels}}{2} \\cdot ${p.kernel} \\cdot ${p.kernel} \\cdot ${p.outChannels} + ${p.outChannels} = ${v}`);
    const one = groupedCount(p, 1);
    return {
      en: [eq, text(`On one tower (groups=1) the layer would have ${one}.`)],
      ko: [eq, text(`한 탑(groups=1)이라면 이 층은 ${one}개를 가집니다.`)],
    };
  },
  mistakes(p) {
    const right = groupedCount(p, 2);
    return numericMistakes(groupedMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- layer-order

const ORDER = ['conv1', 'pool', 'norm', 'conv2', 'pool', 'norm', 'conv3', 'conv4', 'conv5', 'pool', 'FC6', 'FC7', 'FC8'] as const;
const LETTERS = 'ABCDEFGHIJKLM'.split('');

/** Parameters of `alexnet/layer-order`: the layers, shuffled, each with a letter. */
export interface LayerOrderParams {
  cards: { id: string; layer: string }[];
}

/** The letters in AlexNet's order (alike cards, the pools and the norms, in letter order). */
function referenceIds(p: LayerOrderParams): string[] {
  const left = [...p.cards].sort((a, b) => a.id.localeCompare(b.id));
  return ORDER.map((name) => {
    const i = left.findIndex((c) => c.layer === name);
    return left.splice(i, 1)[0].id;
  });
}

function orderCheck(typed: string, p: LayerOrderParams): CheckResult {
  const parsed = parseOrder(typed, p.cards.map((c) => c.id));
  if (!parsed.ok) return invalid(parsed.reason, 'not an order of the cards');
  const names = parsed.value.map((id) => p.cards.find((c) => c.id === id)!.layer);
  const wrong = names.findIndex((n, i) => n !== ORDER[i]);
  if (wrong < 0) return correct();
  const swappedPoolNorm = names.every((n, i) => n === ORDER[i] || (ORDER[i] === 'pool' && n === 'norm') || (ORDER[i] === 'norm' && n === 'pool'));
  if (swappedPoolNorm) {
    return partial(0.5, 'norm before pool', bi('Almost: in AlexNet each of the first two pools comes before its norm layer.', '거의 맞습니다. AlexNet에서는 처음 두 풀링이 각각 norm 층보다 먼저 옵니다.'));
  }
  return incorrect('out of order', bi(`Position ${wrong + 1} is out of place.`, `${wrong + 1}번째 자리가 틀렸습니다.`));
}

export const layerOrderExercise: ExerciseDefinition<LayerOrderParams> = {
  id: 'alexnet/layer-order',
  version: 1,
  lesson: 'alexnet',
  kind: 'layer-order',
  title: bi("Put AlexNet's layers in order", 'AlexNet의 층 순서 맞추기'),
  generate(rng) {
    const layers = shuffled(rng, ORDER);
    return { cards: layers.map((layer, i) => ({ id: LETTERS[i], layer })) };
  },
  validate(p) {
    if (p.cards.length !== ORDER.length) throw new Error('wrong number of cards');
  },
  prompt(p) {
    const cards = code(p.cards.map((c) => `${c.id}: ${c.layer}`).join('\n'), false);
    return {
      en: [text("These are AlexNet's layers (ReLU and dropout left out), shuffled. Put them in order from the input to the class scores (type the letters, separated by commas)."), cards],
      ko: [text('AlexNet의 층(ReLU와 드롭아웃은 뺐습니다)을 뒤섞어 놓았습니다. 입력부터 클래스 점수까지 순서대로 놓으세요(글자를 쉼표로 구분해 입력합니다).'), cards],
    };
  },
  answerSpec: (p) => ({ kind: 'order', items: p.cards.map((c) => ({ id: c.id, label: bi(c.layer, c.layer) })) }),
  answer(p) {
    const ids = referenceIds(p);
    return { typed: encodeOrder(ids), value: ids, display: bi(ids.join(', '), ids.join(', ')) };
  },
  check: (typed, p) => orderCheck(typed, p),
  hints() {
    return [
      bi<readonly Block[]>([text('Five convolutions, then three fully connected layers. Pools follow conv1, conv2 and conv5; a norm follows each of the first two pools.')], [text('합성곱 다섯 개 다음에 완전 연결 계층 세 개가 옵니다. 풀링은 conv1, conv2, conv5 뒤에 오고, 처음 두 풀링 뒤에는 norm이 옵니다.')]),
    ];
  },
  solution(p) {
    const ids = referenceIds(p);
    const lines = code(ids.map((id) => `${id}: ${p.cards.find((c) => c.id === id)!.layer}`).join('\n'));
    return { en: [lines], ko: [lines] };
  },
  mistakes(p): Mistake[] {
    const ids = referenceIds(p);
    return [
      { typed: encodeSwapped(ids, 1, 2), answerNote: 'norm before pool' },
      { typed: encodeSwapped(ids, 0, 3), answerNote: 'out of order' },
    ];
  },
};

export const exercises: AnyExercise[] = [conv1SideExercise, groupedParamsExercise, layerOrderExercise];
