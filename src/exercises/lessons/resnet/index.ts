/**
 * Lesson 17, ResNet: the weights of a bottleneck block, the weights of a
 * downsampling shortcut, and the output side of a stride-2 residual block. Every
 * answer is computed by the engine: `summary` of the layers and a forward pass of
 * `nn.BasicBlock`.
 */
import { nn, noGrad, summary, zeros } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

const conv = (i: number, o: number, k: number, stride = 1) => new nn.Conv2d(i, o, k, { padding: (k - 1) / 2, stride, bias: false });

// ---------------------------------------------------------------- bottleneck

/** Parameters of `resnet/bottleneck`: the channels inside the bottleneck (it takes and gives 4 times as many). */
export interface BottleneckParams {
  channels: number;
}

function bottleneckWeights(p: BottleneckParams): number {
  const c = p.channels;
  return summary(new nn.Sequential(conv(4 * c, c, 1), conv(c, c, 3), conv(c, 4 * c, 1)), [1, 4 * c, 8, 8]).totalParams;
}

function bottleneckMistakes(p: BottleneckParams): NumericMistake[] {
  const c = p.channels;
  return [
    {
      value: 2 * 9 * c * c,
      note: 'counted two 3x3 layers',
      feedback: bi('That is a basic block’s two 3×3 layers. The bottleneck has a 1×1, a 3×3 and a 1×1.', '그것은 기본 블록의 3×3 두 층입니다. 병목 블록은 1×1, 3×3, 1×1입니다.'),
    },
    {
      value: c * c + 9 * c * c + c * c,
      note: 'forgot the expansion to 4C',
      feedback: bi('The 1×1 layers connect $4C$ channels to $C$ and back: each has $4C^2$ weights.', '1×1 층은 $4C$채널을 $C$채널로, 다시 $4C$채널로 잇습니다. 각각 가중치가 $4C^2$개입니다.'),
    },
    {
      value: 4 * c * c + 3 * c * c + 4 * c * c,
      note: 'counted 3 weights per 3x3 kernel',
      feedback: bi('A 3×3 kernel has 9 weights for each pair of input and output channels.', '3×3 커널은 입력 채널과 출력 채널의 쌍마다 가중치가 9개입니다.'),
    },
  ];
}

export const bottleneck: ExerciseDefinition<BottleneckParams> = {
  id: 'resnet/bottleneck',
  version: 1,
  lesson: 'resnet',
  kind: 'count',
  title: bi('Weights of a bottleneck block', '병목 블록의 가중치'),
  generate(rng: Random) {
    return { channels: 4 * intBetween(rng, 2, 96) };
  },
  validate(p) {
    if (bottleneckWeights(p) !== 17 * p.channels * p.channels) throw new Error('the summary and 17C^2 disagree');
  },
  prompt(p) {
    const c = p.channels;
    const snippet = code(
      `nn.Sequential(\n    nn.Conv2d(${4 * c}, ${c}, 1, bias=False),\n    nn.Conv2d(${c}, ${c}, 3, padding=1, bias=False),\n    nn.Conv2d(${c}, ${4 * c}, 1, bias=False),\n)`,
    );
    return {
      en: [text('How many weights do the three convolutions of this bottleneck have together?'), snippet],
      ko: [text('이 병목 블록의 세 합성곱은 모두 합쳐 가중치가 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Weights', '가중치 수') }),
  answer(p) {
    const v = bottleneckWeights(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: bottleneckWeights(p), mistakes: bottleneckMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A convolution without bias has $k \\cdot k \\cdot C_{in} \\cdot C_{out}$ weights. Count each layer.')],
        [text('편향이 없는 합성곱의 가중치는 $k \\cdot k \\cdot C_{in} \\cdot C_{out}$개입니다. 층마다 세어 보세요.')],
      ),
      bi<readonly Block[]>(
        [text('With $C$ channels inside:'), math('4C^2 + 9C^2 + 4C^2 = 17C^2')],
        [text('안쪽 채널이 $C$개이면 다음과 같습니다.'), math('4C^2 + 9C^2 + 4C^2 = 17C^2')],
      ),
    ];
  },
  solution(p) {
    const c = p.channels;
    const v = bottleneckWeights(p);
    const eq = math(`${4 * c}\\cdot ${c} + 9\\cdot ${c}\\cdot ${c} + ${c}\\cdot ${4 * c} = ${v}`);
    return {
      en: [text('Two 1×1 layers and one 3×3 layer:'), eq],
      ko: [text('1×1 두 층과 3×3 한 층입니다.'), eq],
    };
  },
  mistakes(p) {
    const right = bottleneckWeights(p);
    return numericMistakes(bottleneckMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- shortcut

/** Parameters of `resnet/shortcut`: the channels before and after a downsampling block. */
export interface ShortcutParams {
  inChannels: number;
}

function shortcutWeights(p: ShortcutParams): number {
  const block = new nn.BasicBlock(p.inChannels, 2 * p.inChannels, { stride: 2 });
  if (!block.downsample) throw new Error('a stride-2 block must have a projection');
  return summary(block.downsample, [1, p.inChannels, 8, 8]).totalParams;
}

function shortcutMistakes(p: ShortcutParams): NumericMistake[] {
  const i = p.inChannels;
  const o = 2 * i;
  return [
    {
      value: i * o,
      note: 'forgot the BatchNorm',
      feedback: bi('The projection is a 1×1 convolution followed by BatchNorm2d, which has a weight and a bias per channel.', '사영은 1×1 합성곱 뒤에 BatchNorm2d가 붙습니다. BatchNorm2d는 채널마다 가중치와 편향이 하나씩 있습니다.'),
    },
    {
      value: 9 * i * o + 2 * o,
      note: 'counted a 3x3 projection',
      feedback: bi('The shortcut’s convolution is 1×1: one weight per pair of channels.', '지름길 연결의 합성곱은 1×1입니다. 채널 쌍마다 가중치가 하나입니다.'),
    },
    {
      value: i * i + 2 * i,
      note: 'kept the channel count',
      feedback: bi('The block doubles the channels, so the projection must too.', '블록이 채널을 두 배로 늘리므로 사영도 그래야 합니다.'),
    },
  ];
}

export const shortcut: ExerciseDefinition<ShortcutParams> = {
  id: 'resnet/shortcut',
  version: 1,
  lesson: 'resnet',
  kind: 'count',
  title: bi('Parameters of a downsampling shortcut', '다운샘플링 지름길의 파라미터'),
  generate(rng: Random) {
    return { inChannels: 4 * intBetween(rng, 2, 96) };
  },
  validate(p) {
    const o = 2 * p.inChannels;
    if (shortcutWeights(p) !== p.inChannels * o + 2 * o) throw new Error('the summary and the formula disagree');
  },
  prompt(p) {
    const snippet = code(`block = torchvision.models.resnet.BasicBlock(\n    ${p.inChannels}, ${2 * p.inChannels}, stride=2,\n    downsample=nn.Sequential(nn.Conv2d(${p.inChannels}, ${2 * p.inChannels}, 1, stride=2, bias=False), nn.BatchNorm2d(${2 * p.inChannels})),\n)`);
    return {
      en: [text('How many trainable parameters does the shortcut (`downsample`) of this block have?'), snippet],
      ko: [text('이 블록의 지름길 연결(`downsample`)에는 학습되는 파라미터가 몇 개 있습니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = shortcutWeights(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: shortcutWeights(p), mistakes: shortcutMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A 1×1 convolution has one weight per pair of input and output channels.')],
        [text('1×1 합성곱은 입력 채널과 출력 채널의 쌍마다 가중치가 하나입니다.')],
      ),
      bi<readonly Block[]>(
        [text('Then add BatchNorm2d’s weight and bias for every output channel.')],
        [text('그다음 출력 채널마다 BatchNorm2d의 가중치와 편향을 더하세요.')],
      ),
    ];
  },
  solution(p) {
    const i = p.inChannels;
    const o = 2 * i;
    const v = shortcutWeights(p);
    const eq = math(`${i}\\cdot ${o} + 2\\cdot ${o} = ${v}`);
    return { en: [text('The 1×1 convolution, then BatchNorm:'), eq], ko: [text('1×1 합성곱, 그다음 BatchNorm입니다.'), eq] };
  },
  mistakes(p) {
    const right = shortcutWeights(p);
    return numericMistakes(shortcutMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- output side

/** Parameters of `resnet/stride-output`: the side of the square input of a stride-2 BasicBlock. */
export interface StrideParams {
  inputSize: number;
}

function strideOutput(p: StrideParams): number {
  const block = new nn.BasicBlock(2, 4, { stride: 2 });
  block.eval();
  return noGrad(() => block.forward(zeros([1, 2, p.inputSize, p.inputSize])).shape[3]);
}

function strideMistakes(p: StrideParams): NumericMistake[] {
  return [
    {
      value: Math.floor(p.inputSize / 2),
      note: 'rounded the half down',
      feedback: bi('With padding 1 a 3×3 kernel at stride 2 also fits at the last odd position: the half rounds up.', '패딩 1에서 스트라이드 2인 3×3 커널은 마지막 홀수 위치에도 들어갑니다. 절반은 올림입니다.'),
    },
    {
      value: p.inputSize,
      note: 'ignored the stride',
      feedback: bi('The block’s first convolution has stride 2.', '블록의 첫 합성곱은 스트라이드가 2입니다.'),
    },
    {
      value: Math.floor((p.inputSize - 3) / 2) + 1,
      note: 'ignored the padding',
      feedback: bi('ResNet’s 3×3 convolutions have padding 1.', 'ResNet의 3×3 합성곱은 패딩이 1입니다.'),
    },
  ];
}

export const strideOutputExercise: ExerciseDefinition<StrideParams> = {
  id: 'resnet/stride-output',
  version: 1,
  lesson: 'resnet',
  kind: 'output-size',
  title: bi('The side after a downsampling block', '다운샘플링 블록 뒤의 한 변'),
  generate(rng: Random) {
    return { inputSize: intBetween(rng, 7, 120) };
  },
  validate(p) {
    if (strideOutput(p) !== Math.floor((p.inputSize + 2 - 3) / 2) + 1) throw new Error("the engine and PyTorch's formula disagree");
  },
  prompt(p) {
    const snippet = code(`block = torchvision.models.resnet.BasicBlock(2, 4, stride=2, downsample=...)\nx = torch.randn(1, 2, ${p.inputSize}, ${p.inputSize})\nblock(x).shape  # torch.Size([1, 4, ?, ?])`);
    return {
      en: [text('What is the side of the block’s output? Its convolutions are 3×3 with padding 1; the first has stride 2.'), snippet],
      ko: [text('블록 출력의 한 변은 얼마입니까? 합성곱은 패딩 1인 3×3이고, 첫 합성곱의 스트라이드는 2입니다.'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output side', '출력의 한 변') }),
  answer(p) {
    const v = strideOutput(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: strideOutput(p), mistakes: strideMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Only the first convolution changes the size; the second keeps it, and the shortcut must match it.')],
        [text('크기를 바꾸는 것은 첫 합성곱뿐입니다. 두 번째는 크기를 유지하고, 지름길 연결은 그 크기에 맞춰야 합니다.')],
      ),
      bi<readonly Block[]>(
        [text('Use the output-size formula:'), math('\\left\\lfloor \\frac{L + 2p - k}{s} \\right\\rfloor + 1')],
        [text('출력 크기 공식을 쓰세요.'), math('\\left\\lfloor \\frac{L + 2p - k}{s} \\right\\rfloor + 1')],
      ),
    ];
  },
  solution(p) {
    const v = strideOutput(p);
    const eq = math(`\\left\\lfloor \\frac{${p.inputSize} + 2 - 3}{2} \\right\\rfloor + 1 = ${v}`);
    return { en: [text('The first 3×3 convolution at stride 2 sets the side:'), eq], ko: [text('스트라이드 2인 첫 3×3 합성곱이 한 변을 정합니다.'), eq] };
  },
  mistakes(p) {
    const right = strideOutput(p);
    return numericMistakes(strideMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [bottleneck, shortcut, strideOutputExercise];
