/**
 * Lesson 12, fully connected layers: the length of the flattened last volume of a
 * typical stack, the parameters of the first FC layer after it, and spot the `torch.flatten(x)` bug in the lesson's PyTorch
 * network. `torch.flatten` starts at dimension 0 by default, so it flattens the
 * batch together with the maps, and the linear layer gets one huge vector
 * instead of one row per image. The engine's `flatten` has the same default
 * (ENGINE_CONTRACT.md), and `validate` shows the failure with the engine.
 */
import { flatten, nn, summary, zeros } from '../../../engine/index.ts';
import { encodeLineFix, parseLineFix } from '../../answers.ts';
import { intBetween, pick, shuffled } from '../../seed.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { josa } from '../../../i18n/korean.ts';
import { bi, code, math, correct, incorrect, invalid, partial, text } from '../../text.ts';
import type { AnswerOption, AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';

export interface FlattenBugParams {
  c1: number;
  c2: number;
  classes: number;
  /** Side of the maps reaching the linear layer; the input is 8 times it. */
  side: number;
  batch: number;
  dropout: boolean;
  /** The fixes offered, in the order shown. */
  fixes: string[];
}

/** Fixes that work: flatten from dimension 1, or reshape keeping the batch. */
const RIGHT_FIXES = new Set(['flatten-from-1', 'reshape-keep-batch']);

const FIX_TEXT: Record<string, { line: 'flatten' | 'linear'; en: string; ko: string; code: (p: FlattenBugParams) => string }> = {
  'flatten-from-1': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = torch.flatten(x, 1)' },
  'reshape-keep-batch': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = x.reshape(x.shape[0], -1)' },
  'view-all': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = x.view(-1)' },
  'flatten-from-2': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = torch.flatten(x, 2)' },
  'linear-times-batch': {
    line: 'linear',
    en: 'Replace it with',
    ko: '다음으로 바꾼다:',
    code: (p) => `self.fc = nn.Linear(${p.batch} * ${p.c2} * ${p.side} * ${p.side}, ${p.classes})`,
  },
};

/** The listing, one string per line (numbered from 1 on the page). */
function lines(p: FlattenBugParams): string[] {
  const input = p.side * 8;
  return [
    'class Net(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    `        self.conv1 = nn.Conv2d(3, ${p.c1}, kernel_size=3, stride=2, padding=1)`,
    `        self.conv2 = nn.Conv2d(${p.c1}, ${p.c2}, kernel_size=3, stride=1, padding=1)`,
    '        self.pool = nn.MaxPool2d(2)',
    ...(p.dropout ? ['        self.drop = nn.Dropout(0.5)'] : []),
    `        self.fc = nn.Linear(${p.c2} * ${p.side} * ${p.side}, ${p.classes})`,
    '',
    '    def forward(self, x):',
    '        x = self.pool(F.relu(self.conv1(x)))',
    '        x = self.pool(F.relu(self.conv2(x)))',
    '        x = torch.flatten(x)',
    ...(p.dropout ? ['        x = self.drop(x)'] : []),
    '        return self.fc(x)',
    '',
    'net = Net()',
    `images = torch.randn(${p.batch}, 3, ${input}, ${input})`,
    `scores = net(images)  # expected: [${p.batch}, ${p.classes}]`,
  ];
}

const bugLine = (p: FlattenBugParams) => lines(p).findIndex((l) => l.includes('torch.flatten(x)')) + 1;
const linearLine = (p: FlattenBugParams) => lines(p).findIndex((l) => l.includes('self.fc = nn.Linear')) + 1;

/** The convolution part as engine modules: the maps' shape for a batch, by the engine's summary. */
function mapsShape(p: FlattenBugParams): number[] {
  const features = new nn.Sequential(
    new nn.Conv2d(3, p.c1, 3, { stride: 2, padding: 1, seed: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(p.c1, p.c2, 3, { stride: 1, padding: 1, seed: 2 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
  );
  return summary(features, [p.batch, 3, p.side * 8, p.side * 8]).outputShape;
}

function optionsOf(p: FlattenBugParams): AnswerOption[] {
  return p.fixes.map((id) => {
    const fix = FIX_TEXT[id];
    const where = fix.line === 'flatten' ? bi('the flatten line', 'flatten 줄') : bi('the Linear line', 'Linear 줄');
    return { id, label: bi(`${where.en}: ${fix.code(p)}`, `${where.ko}: ${fix.code(p)}`) };
  });
}

function flattenCheck(typed: string, p: FlattenBugParams): CheckResult {
  const listing = lines(p);
  const parsed = parseLineFix(typed, listing.length, p.fixes);
  if (!parsed.ok) return invalid(parsed.reason, 'not a line and a fix');
  const { line, fix } = parsed.value;
  const bug = bugLine(p);
  if (line === bug && RIGHT_FIXES.has(fix)) return correct(bi('Right: the batch dimension must survive the flatten.', '맞습니다. 배치 차원은 펼친 뒤에도 남아 있어야 합니다.'));
  if (line === bug) {
    const why =
      fix === 'view-all'
        ? bi('`view(-1)` flattens the batch too: the same bug.', '`view(-1)`도 배치까지 펼칩니다. 같은 버그입니다.')
        : fix === 'flatten-from-2'
          ? bi('Starting at dimension 2 keeps the channels apart: the maps stay 3-D.', '2번 차원부터 펼치면 채널이 따로 남아 3차원 그대로입니다.')
          : bi('That fix does not fit this line.', '그 방법은 이 줄에 맞지 않습니다.');
    return partial(0.5, 'right line, wrong fix', bi(`Right line. ${why.en}`, `줄은 맞습니다. ${why.ko}`));
  }
  if (line === linearLine(p)) {
    return incorrect(
      'blamed the Linear layer',
      bi(
        'The Linear layer is sized right for one image. Making it take the whole batch as one vector would mix the images together and break for any other batch size; the flatten is what is wrong.',
        'Linear 계층은 이미지 한 장에 맞게 제대로 만들어져 있습니다. 배치 전체를 벡터 하나로 받게 하면 이미지들이 뒤섞이고 배치 크기가 바뀌면 깨집니다. 잘못된 것은 펼치는 줄입니다.',
      ),
    );
  }
  return incorrect('wrong line', bi(`Line ${line} is fine. Follow the shape of x through forward, from [${p.batch}, 3, ...].`, `${line}번째 줄은 괜찮습니다. forward 안에서 x의 모양을 [${p.batch}, 3, ...]부터 따라가 보세요.`));
}

export const flattenBug: ExerciseDefinition<FlattenBugParams> = {
  id: 'fully-connected/flatten-bug',
  version: 1,
  lesson: 'fully-connected',
  kind: 'spot-the-bug',
  title: bi('Spot the bug: flattening a batch', '버그 찾기: 배치 펼치기'),
  generate(rng) {
    return {
      c1: pick(rng, [8, 16, 16, 32]),
      c2: pick(rng, [16, 32, 32, 64]),
      classes: pick(rng, [10, 10, 100]),
      side: pick(rng, [4, 8, 16, 32]),
      batch: pick(rng, [4, 8, 16, 32, 64]),
      dropout: rng.next() < 0.4,
      fixes: shuffled(rng, Object.keys(FIX_TEXT)),
    };
  },
  validate(p) {
    const [, channels, height, width] = mapsShape(p);
    // The engine's flatten on maps of that shape; a batch of 2 shows the bug as well as any batch and costs little.
    const maps = zeros([2, channels, height, width]);
    const linear = new nn.Linear(p.c2 * p.side * p.side, p.classes, { seed: 3 });
    // The bug: flatten from dimension 0 gives one long vector ...
    const wrong = flatten(maps).shape;
    if (wrong.length !== 1 || wrong[0] !== 2 * p.c2 * p.side * p.side) throw new Error(`flatten(x) gave [${wrong.join(', ')}]`);
    let refused = false;
    try {
      linear.outputShape(wrong);
    } catch {
      refused = true;
    }
    if (!refused) throw new Error('the Linear layer accepted the whole batch as one vector');
    // ... and the fix gives one row per image and one score per class.
    const right = linear.outputShape(flatten(maps, 1).shape);
    if (right[0] !== 2 || right[1] !== p.classes) throw new Error(`the fixed network gives [${right.join(', ')}]`);
  },
  prompt(p) {
    const listing = code(lines(p).join('\n'), true);
    return {
      en: [text(`This network should give ${p.classes} scores for each of the ${p.batch} images, but the last line fails. Which line is wrong, and how do you fix it?`), listing],
      ko: [text(`이 신경망은 이미지 ${p.batch}장 각각에 대해 점수 ${p.classes}개를 내야 하는데, 마지막 줄에서 오류가 납니다. 어느 줄이 틀렸고 어떻게 고칩니까?`), listing],
    };
  },
  answerSpec: (p) => ({ kind: 'line-and-fix', lines: lines(p).length, options: optionsOf(p) }),
  answer(p) {
    const line = bugLine(p);
    return {
      typed: encodeLineFix(line, 'flatten-from-1'),
      value: { line, fixes: [...RIGHT_FIXES] },
      display: bi(`Line ${line}: x = torch.flatten(x, 1) (or x.reshape(x.shape[0], -1))`, `${line}번째 줄: x = torch.flatten(x, 1) (또는 x.reshape(x.shape[0], -1))`),
    };
  },
  check: (typed, p) => flattenCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`Write down the shape of x after each line of forward. After the second pooling it is [${mapsShape(p).join(', ')}].`)],
        [text(`forward의 줄마다 x의 모양을 적어 보세요. 두 번째 풀링 뒤에는 [${mapsShape(p).join(', ')}]입니다.`)],
      ),
      bi<readonly Block[]>(
        [text('Which dimension does `torch.flatten` start from when you do not say?')],
        [text('따로 말하지 않으면 `torch.flatten`은 몇 번 차원부터 펼칩니까?')],
      ),
    ];
  },
  solution(p) {
    const maps = mapsShape(p);
    const flat = maps.reduce((a, b) => a * b, 1);
    const per = flat / p.batch;
    return {
      en: [
        text(`Before line ${bugLine(p)}, x is [${maps.join(', ')}]. \`torch.flatten(x)\` starts at dimension 0, so it makes one vector of ${flat} values out of all ${p.batch} images, and \`self.fc\`, which expects rows of ${per}, refuses it. \`torch.flatten(x, 1)\` keeps the batch: [${p.batch}, ${per}], then [${p.batch}, ${p.classes}].`),
        code('x = torch.flatten(x, 1)'),
      ],
      ko: [
        text(`${bugLine(p)}번째 줄 앞에서 x는 [${maps.join(', ')}]입니다. \`torch.flatten(x)\`는 0번 차원부터 펼치므로 이미지 ${p.batch}장 전체를 값 ${flat}개짜리 벡터 하나로 만들고, 길이 ${per}인 행을 기대하는 \`self.fc\`가 이를 거부합니다. \`torch.flatten(x, 1)\`은 배치를 남깁니다: [${p.batch}, ${per}], 그다음 [${p.batch}, ${p.classes}].`),
        code('x = torch.flatten(x, 1)'),
      ],
    };
  },
  mistakes(p): Mistake[] {
    return [
      { typed: encodeLineFix(bugLine(p), 'view-all'), answerNote: 'right line, wrong fix' },
      { typed: encodeLineFix(linearLine(p), 'linear-times-batch'), answerNote: 'blamed the Linear layer' },
      { typed: encodeLineFix(1, 'flatten-from-1'), answerNote: 'wrong line' },
    ];
  },
};

// ---------------------------------------------------------------- flat-length

/** Parameters of `fully-connected/flat-length`: a [(CONV-RELU)×N − POOL]×M stack on a square picture. */
export interface FlatLengthParams {
  inChannels: number;
  size: number;
  n: number;
  /** Output channels of each block's convolutions. */
  channels: number[];
}

/** The stack as engine modules: 3×3 convolutions with padding 1 (size kept), then a 2×2 max pool per block. */
function flatStack(p: FlatLengthParams): nn.Sequential {
  const modules: nn.Module[] = [];
  let c = p.inChannels;
  p.channels.forEach((out, b) => {
    for (let i = 0; i < p.n; i++) {
      modules.push(new nn.Conv2d(c, out, 3, { padding: 1, seed: b * 10 + i }), new nn.ReLU());
      c = out;
    }
    modules.push(new nn.MaxPool2d(2));
  });
  modules.push(new nn.Flatten());
  return new nn.Sequential(...modules);
}

const flatLengthOf = (p: FlatLengthParams) => summary(flatStack(p), [1, p.inChannels, p.size, p.size]).outputShape[1];

function flatMistakes(p: FlatLengthParams): NumericMistake[] {
  const last = p.channels.at(-1)!;
  const side = p.size / 2 ** p.channels.length;
  return [
    { value: last * p.size * p.size, note: 'ignored the pooling', feedback: bi('Each 2×2 pool halves the width and the height.', '2×2 풀링은 너비와 높이를 하나씩 반으로 줄입니다.') },
    { value: side * side, note: 'forgot the channels', feedback: bi('Every channel of the last volume is flattened too: multiply by the depth.', '마지막 볼륨의 채널도 모두 펼쳐집니다. 깊이를 곱하세요.') },
    { value: last * side * 2 * side * 2, note: 'one pool too few', feedback: bi('Count the pools: there is one at the end of every block.', '풀링을 세어 보세요. 블록마다 끝에 하나씩 있습니다.') },
    { value: p.inChannels * side * side, note: 'used the input channels', feedback: bi('The depth of the last volume is the last convolution’s output channels, not the picture’s.', '마지막 볼륨의 깊이는 이미지의 채널이 아니라 마지막 합성곱의 출력 채널 수입니다.') },
  ];
}

export const flatLength: ExerciseDefinition<FlatLengthParams> = {
  id: 'fully-connected/flat-length',
  version: 1,
  lesson: 'fully-connected',
  kind: 'output-size',
  title: bi('Length of the flattened volume', '펼친 볼륨의 길이'),
  generate(rng) {
    const m = intBetween(rng, 2, 4);
    const first = pick(rng, [8, 16, 32]);
    return {
      inChannels: pick(rng, [1, 3]),
      size: pick(rng, [32, 64, 96, 128]),
      n: intBetween(rng, 1, 3),
      channels: Array.from({ length: m }, (_, b) => first * 2 ** b),
    };
  },
  validate(p) {
    const side = p.size / 2 ** p.channels.length;
    if (!Number.isInteger(side)) throw new Error('the picture does not halve evenly');
    if (flatLengthOf(p) !== p.channels.at(-1)! * side * side) throw new Error('the summary and D·W·H disagree');
  },
  prompt(p) {
    const listing = code(
      [
        'layers = []',
        `channels = ${p.inChannels}`,
        `for out in [${p.channels.join(', ')}]:`,
        `    for _ in range(${p.n}):`,
        '        layers += [nn.Conv2d(channels, out, 3, padding=1), nn.ReLU()]',
        '        channels = out',
        '    layers.append(nn.MaxPool2d(2))',
        'layers.append(nn.Flatten())',
        'net = nn.Sequential(*layers)',
      ].join('\n'),
    );
    return {
      en: [text(`This is the usual stack [(CONV-RELU)×${p.n} − POOL]×${p.channels.length} on a ${p.inChannels}×${p.size}×${p.size} picture. How many numbers does \`nn.Flatten()\` give for one picture?`), listing],
      ko: [text(`${p.inChannels}×${p.size}×${p.size} 이미지에 흔한 구성으로 계층을 쌓았습니다: [(CONV-RELU)×${p.n} − POOL]×${p.channels.length}. 이미지 한 장에 대해 \`nn.Flatten()\`은 숫자 몇 개를 냅니까?`), listing],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Numbers per picture', '이미지 한 장의 숫자 개수') }),
  answer(p) {
    const v = flatLengthOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: flatLengthOf(p), mistakes: flatMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A 3×3 convolution with padding 1 keeps the width and height; only the pools shrink them.')],
        [text('패딩 1인 3×3 합성곱은 너비와 높이를 그대로 둡니다. 줄이는 것은 풀링뿐입니다.')],
      ),
      bi<readonly Block[]>(
        [text(`Find the last volume’s depth, width and height, then multiply them.`)],
        [text('마지막 볼륨의 깊이, 너비, 높이를 구한 다음 곱하세요.')],
      ),
    ];
  },
  solution(p) {
    const side = p.size / 2 ** p.channels.length;
    const d = p.channels.at(-1)!;
    const v = flatLengthOf(p);
    const eq = math(`${d} \\times ${side} \\times ${side} = ${v}`);
    return {
      en: [text(`${p.channels.length} pools halve ${p.size} to ${side}; the last convolutions have ${d} output channels, so the last volume is ${d}×${side}×${side}:`), eq],
      ko: [text(`풀링 ${p.channels.length}번이 ${josa(p.size, '을/를')} ${side}까지 줄이고, 마지막 합성곱의 출력 채널은 ${d}개이므로 마지막 볼륨의 크기는 ${d}×${side}×${side}, 곧 다음과 같습니다.`), eq],
    };
  },
  mistakes(p) {
    const right = flatLengthOf(p);
    return numericMistakes(flatMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- fc-params

/** Parameters of `fully-connected/fc-params`: a last volume and the FC layer after it. */
export interface FcParamsParams {
  depth: number;
  side: number;
  units: number;
}

const fcParamsOf = (p: FcParamsParams) => summary(new nn.Linear(p.depth * p.side * p.side, p.units), [1, p.depth * p.side * p.side]).totalParams;

function fcMistakes(p: FcParamsParams): NumericMistake[] {
  const inputs = p.depth * p.side * p.side;
  return [
    { value: inputs * p.units, note: 'forgot the biases', feedback: bi('Each output unit also has its own bias.', '출력 뉴런마다 편향(bias)이 하나씩 더 있습니다.') },
    { value: inputs + p.units, note: 'added instead of multiplying', feedback: bi('Every input is connected to every output: one weight per pair.', '입력 하나하나가 출력 하나하나와 연결됩니다. 짝마다 가중치가 하나입니다.') },
    { value: (p.side * p.side) * p.units + p.units, note: 'forgot the depth', feedback: bi('The flattened vector holds every channel of the volume.', '펼친 벡터에는 볼륨의 모든 채널이 들어 있습니다.') },
    { value: inputs * p.units + inputs, note: 'one bias per input', feedback: bi('Biases belong to the outputs, not the inputs.', '편향은 입력이 아니라 출력에 붙습니다.') },
  ];
}

export const fcParams: ExerciseDefinition<FcParamsParams> = {
  id: 'fully-connected/fc-params',
  version: 1,
  lesson: 'fully-connected',
  kind: 'count',
  title: bi('Parameters of the first FC layer', '첫 완전 연결 계층의 파라미터'),
  generate(rng) {
    return { depth: pick(rng, [16, 32, 64, 128, 256]), side: intBetween(rng, 2, 8), units: pick(rng, [10, 64, 100, 128, 256, 512]) };
  },
  validate(p) {
    if (fcParamsOf(p) !== (p.depth * p.side * p.side + 1) * p.units) throw new Error('the summary and (in + 1)·out disagree');
  },
  prompt(p) {
    const listing = code(`x = torch.flatten(x, 1)   # x was [batch, ${p.depth}, ${p.side}, ${p.side}]\nfc = nn.Linear(${p.depth} * ${p.side} * ${p.side}, ${p.units})`);
    return {
      en: [text(`The last volume of a network is ${p.depth}×${p.side}×${p.side}. How many parameters (weights and biases) does the fully connected layer after it have?`), listing],
      ko: [text(`어떤 신경망의 마지막 볼륨이 ${p.depth}×${p.side}×${p.side}입니다. 그 뒤의 완전 연결 계층에는 파라미터(가중치와 편향)가 몇 개 있습니까?`), listing],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = fcParamsOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: fcParamsOf(p), mistakes: fcMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('First count the inputs: the flattened vector’s length.')], [text('먼저 입력 수, 곧 펼친 벡터의 길이를 세세요.')]),
      bi<readonly Block[]>([text('Every input connects to every output, and every output has a bias.'), math('(n_{in} + 1)\\, n_{out}')], [text('입력은 모든 출력과 연결되고, 출력마다 편향이 있습니다.'), math('(n_{in} + 1)\\, n_{out}')]),
    ];
  },
  solution(p) {
    const inputs = p.depth * p.side * p.side;
    const v = fcParamsOf(p);
    const eq = math(`(${inputs} + 1) \\times ${p.units} = ${v}`);
    return {
      en: [text(`The flattened vector has ${p.depth}·${p.side}·${p.side} = ${inputs} numbers; each of the ${p.units} outputs has a weight for each and one bias:`), eq],
      ko: [text(`펼친 벡터에는 숫자가 ${p.depth}·${p.side}·${p.side} = ${inputs}개 있고, 출력 ${p.units}개마다 입력 하나당 가중치 하나와 편향 하나가 있습니다.`), eq],
    };
  },
  mistakes(p) {
    const right = fcParamsOf(p);
    return numericMistakes(fcMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [flatLength, fcParams, flattenBug];
