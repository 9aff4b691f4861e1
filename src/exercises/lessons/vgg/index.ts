/**
 * Lesson 16, VGG: the weights of a stack of 3x3 layers against the one kernel that
 * sees as far, the receptive field of such a stack, and the activation memory of one
 * VGG-16 layer for a batch. Every answer is computed by the engine: `summary` of
 * `nn.Conv2d` layers and of the zoo's `vgg16`, and the input gradient of a traced stack.
 */
import { models, nn, summary } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { traceReceptiveField } from '../../../geometry/receptive-field.ts';
import type { ConvLayerSpec } from '../../../geometry/receptive-field.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** Weights of `count` nn.Conv2d(C, C, k, padding=k//2, bias=False) layers, from `summary`. */
function weightsOf(kernelSize: number, count: number, channels: number): number {
  const layers = Array.from({ length: count }, () => new nn.Conv2d(channels, channels, kernelSize, { padding: Math.floor(kernelSize / 2), bias: false }));
  return summary(new nn.Sequential(...layers), [1, channels, 8, 8]).totalParams;
}

/** Side of the input patch one middle output of `count` k x k layers depends on, from the backward pass. */
function traceField(count: number, kernelSize = 3): number {
  const layers: ConvLayerSpec[] = Array.from({ length: count }, () => ({ kernelSize, stride: 1, dilation: 1, padding: 0 }));
  const input = count * (kernelSize - 1) + 5;
  const out = input - count * (kernelSize - 1);
  const middle = Math.floor((out - 1) / 2);
  const box = traceReceptiveField(input, layers, middle, middle).inputBox!;
  return box.bottom - box.top + 1;
}

const pick = <T>(rng: Random, xs: readonly T[]): T => xs[intBetween(rng, 0, xs.length - 1)];

// ---------------------------------------------------------------- stack-weights

/** Parameters of `vgg/stack-weights`: how many 3x3 layers and the channel count. */
export interface StackWeightsParams {
  layers: number;
  channels: number;
}

const stackWeights = (p: StackWeightsParams) => weightsOf(3, p.layers, p.channels);

function stackWeightsMistakes(p: StackWeightsParams): NumericMistake[] {
  const c = p.channels;
  const side = 2 * p.layers + 1;
  return [
    {
      value: side * side * c * c,
      note: 'counted the single big kernel',
      feedback: bi(`That is one ${side}×${side} layer, which sees as far; the question asks for the stack of 3×3 layers.`, `그것은 같은 범위를 보는 ${side}×${side} 층 하나입니다. 질문은 3×3 층을 쌓은 것을 묻습니다.`),
    },
    {
      value: 9 * c * c,
      note: 'counted one layer',
      feedback: bi('That is one layer; every layer of the stack has its own weights.', '그것은 층 하나입니다. 쌓은 층마다 자기 가중치가 있습니다.'),
    },
    {
      value: p.layers * 9 * c,
      note: 'forgot one factor of C',
      feedback: bi('Each of the C filters has 3 · 3 · C weights: one 3×3 slice per input channel.', '필터 C개 각각에 가중치가 3 · 3 · C개 있습니다. 입력 채널마다 3×3 조각이 하나씩입니다.'),
    },
    {
      value: p.layers * (9 * c * c + c),
      note: 'added biases',
      feedback: bi('The layers have bias=False: count weights only.', '층에 bias=False가 있으므로 가중치만 세세요.'),
    },
  ];
}

export const stackWeightsExercise: ExerciseDefinition<StackWeightsParams> = {
  id: 'vgg/stack-weights',
  version: 1,
  lesson: 'vgg',
  kind: 'count',
  title: bi('Weights of stacked 3×3 layers', '쌓은 3×3 층의 가중치'),
  generate(rng: Random) {
    return { layers: intBetween(rng, 2, 4), channels: 8 * intBetween(rng, 1, 64) };
  },
  validate(p) {
    if (stackWeights(p) !== p.layers * 9 * p.channels * p.channels) throw new Error('summary disagrees with L·9C²');
  },
  prompt(p) {
    const snippet = code(
      `nn.Sequential(*[nn.Sequential(nn.Conv2d(${p.channels}, ${p.channels}, 3, padding=1, bias=False), nn.ReLU())\n                for _ in range(${p.layers})])`,
    );
    return {
      en: [text('How many weights does this stack of 3×3 layers have?'), snippet],
      ko: [text('이렇게 쌓은 3×3 층에는 가중치가 몇 개 있습니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Weights', '가중치 수') }),
  answer(p) {
    const v = stackWeights(p);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: stackWeights(p), mistakes: stackWeightsMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('One 3×3 layer from C channels to C channels has C filters of 3 × 3 × C.')],
        [text('C채널에서 C채널로 가는 3×3 층 하나에는 3 × 3 × C 필터가 C개 있습니다.')],
      ),
      bi<readonly Block[]>([text('Multiply by the number of layers.'), math('L \\cdot 9\\,C^2')], [text('층 수를 곱하세요.'), math('L \\cdot 9\\,C^2')]),
    ];
  },
  solution(p) {
    const v = stackWeights(p);
    const side = 2 * p.layers + 1;
    const big = weightsOf(side, 1, p.channels);
    const eq = math(`${p.layers} \\cdot 3 \\cdot 3 \\cdot ${p.channels} \\cdot ${p.channels} = ${v}`);
    return {
      en: [text(`Each layer has 3 · 3 · ${p.channels} · ${p.channels} weights, and there are ${p.layers} layers. One ${side}×${side} layer, which sees as far, would have ${big}.`), eq],
      ko: [text(`층마다 가중치가 3 · 3 · ${p.channels} · ${p.channels}개이고 층이 ${p.layers}개입니다. 같은 범위를 보는 ${side}×${side} 층 하나에는 ${big}개가 있습니다.`), eq],
    };
  },
  mistakes(p) {
    const right = stackWeights(p);
    return numericMistakes(stackWeightsMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- stack-field

/** Parameters of `vgg/stack-field`: how many layers, and their kernel (VGG's 3, or 5 or 7 to compare). */
export interface StackFieldParams {
  layers: number;
  kernelSize: number;
}

const fieldOf = (p: StackFieldParams) => traceField(p.layers, p.kernelSize);

function stackFieldMistakes(p: StackFieldParams): NumericMistake[] {
  return [
    {
      value: p.kernelSize * p.layers,
      note: 'added the kernel sizes',
      feedback: bi('Neighbouring windows overlap: each extra layer adds k − 1 pixels, not k.', '이웃한 창은 겹칩니다. 층이 하나 늘 때마다 k가 아니라 k − 1픽셀이 더해집니다.'),
    },
    {
      value: p.kernelSize ** p.layers,
      note: 'multiplied the kernel sizes',
      feedback: bi('The field grows by a fixed amount per layer at stride 1, not by a factor.', '스트라이드 1에서 수용 영역은 층마다 일정한 양만큼 자라며, 몇 배씩 자라지 않습니다.'),
    },
    {
      value: (p.kernelSize - 1) * p.layers,
      note: 'forgot the first pixel',
      feedback: bi('Each layer adds k − 1, but start from the single output pixel: 1 + L(k − 1).', '층마다 k − 1이 더해지지만 출력 픽셀 하나에서 시작하세요. 1 + L(k − 1)입니다.'),
    },
  ];
}

export const stackFieldExercise: ExerciseDefinition<StackFieldParams> = {
  id: 'vgg/stack-field',
  version: 1,
  lesson: 'vgg',
  kind: 'receptive-field',
  title: bi('How far stacked layers see', '쌓은 층이 보는 범위'),
  generate(rng: Random) {
    return { layers: intBetween(rng, 2, 15), kernelSize: pick(rng, [3, 3, 5, 7]) };
  },
  validate(p) {
    if (fieldOf(p) !== 1 + p.layers * (p.kernelSize - 1)) throw new Error('the backward pass disagrees with 1 + L(k-1)');
  },
  prompt(p) {
    const k = p.kernelSize;
    return {
      en: [text(`A network stacks ${p.layers} convolutions of ${k}×${k}, all with stride 1. How many input pixels, along one side, does one output of the last layer depend on?`)],
      ko: [text(`어떤 신경망이 스트라이드 1인 ${k}×${k} 합성곱 ${p.layers}개를 쌓았습니다. 마지막 층의 출력 하나는 한 변을 따라 입력 픽셀 몇 개에 의존합니까?`)],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Pixels per side', '한 변의 픽셀 수') }),
  answer(p) {
    const v = fieldOf(p);
    return { typed: String(v), value: v, display: bi(`${v}×${v}`, `${v}×${v}`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: fieldOf(p), mistakes: stackFieldMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('One k×k layer sees k pixels. A second layer reads k neighbouring outputs, which overlap.')],
        [text('k×k 층 하나는 k픽셀을 봅니다. 두 번째 층은 서로 겹치는 이웃 출력 k개를 읽습니다.')],
      ),
      bi<readonly Block[]>([text('Each layer adds k − 1 pixels.'), math('1 + L\\,(k-1)')], [text('층마다 k − 1픽셀이 더해집니다.'), math('1 + L\\,(k-1)')]),
    ];
  },
  solution(p) {
    const v = fieldOf(p);
    const step = p.kernelSize - 1;
    const eq = math(`1 + ${p.layers} \\cdot ${step} = ${v}`);
    return {
      en: [text(`Each layer widens the field by ${step} pixels, so ${p.layers} layers see ${v}×${v}, as one ${v}×${v} kernel would:`), eq],
      ko: [text(`층마다 수용 영역이 ${step}픽셀 넓어지므로 층 ${p.layers}개는 ${v}×${v} 범위를 봅니다. ${v}×${v} 커널 하나와 같습니다.`), eq],
    };
  },
  mistakes(p) {
    const right = fieldOf(p);
    return numericMistakes(stackFieldMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- activation-memory

/** Parameters of `vgg/activation-memory`: a VGG-16 conv layer (by its name) and a batch. */
export interface MemoryParams {
  layer: string;
  batch: number;
}

const VGG16_CONVS = (() => {
  const report = summary(models.vgg16(), [1, 3, 224, 224]);
  return report.layers.filter((r) => r.type === 'Conv2d').map((r) => ({ name: r.name, shape: r.outputShape.slice(1) }));
})();

function shapeOf(layer: string): number[] {
  const row = VGG16_CONVS.find((r) => r.name === layer);
  if (!row) throw new Error(`vgg/activation-memory: no conv layer ${layer} in vgg16`);
  return row.shape;
}

const countOf = (layer: string) => shapeOf(layer).reduce((a, b) => a * b, 1);
const memoryOf = (p: MemoryParams) => countOf(p.layer) * p.batch * Float32Array.BYTES_PER_ELEMENT;

function memoryMistakes(p: MemoryParams): NumericMistake[] {
  const n = countOf(p.layer);
  return [
    { value: n * p.batch, note: 'counted numbers, not bytes', feedback: bi('Each float32 takes 4 bytes.', 'float32 하나는 4바이트를 차지합니다.') },
    { value: n * 4, note: 'forgot the batch', feedback: bi('Every picture of the batch has its own output.', '배치의 이미지마다 자기 출력이 있습니다.') },
    { value: n * p.batch * 32, note: 'used bits', feedback: bi('32 is the number of bits in a float32; a byte holds 8 of them.', '32는 float32의 비트 수입니다. 1바이트는 8비트입니다.') },
  ];
}

export const memoryExercise: ExerciseDefinition<MemoryParams> = {
  id: 'vgg/activation-memory',
  version: 1,
  lesson: 'vgg',
  kind: 'count',
  title: bi('Activation memory of a VGG-16 layer', 'VGG-16 층의 활성화 메모리'),
  generate(rng: Random) {
    return { layer: pick(rng, VGG16_CONVS).name, batch: pick(rng, [1, 2, 4, 8, 16, 32, 64]) };
  },
  validate(p) {
    const [c, h, w] = shapeOf(p.layer);
    if (h !== w || memoryOf(p) !== c * h * w * p.batch * 4) throw new Error('unexpected shape');
  },
  prompt(p) {
    const [c, h, w] = shapeOf(p.layer);
    return {
      en: [text(`In VGG-16 on 224×224 RGB pictures, layer ${p.layer} outputs ${c} channels of ${h}×${w}. How many bytes does its output take for a batch of ${p.batch} in float32?`)],
      ko: [text(`224×224 RGB 이미지를 받는 VGG-16에서 ${p.layer} 층은 ${h}×${w} 채널 ${c}개를 출력합니다. 배치 ${p.batch}에서 float32로 이 출력은 몇 바이트를 차지합니까?`)],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Bytes', '바이트') }),
  answer(p) {
    const v = memoryOf(p);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: memoryOf(p), mistakes: memoryMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('Count the numbers in one picture\'s output: C × H × W.')], [text('이미지 하나의 출력에 있는 수를 세세요. C × H × W입니다.')]),
      bi<readonly Block[]>([text('Multiply by the batch and by 4 bytes per float32.'), math('C\\,H\\,W \\cdot B \\cdot 4')], [text('배치와 float32 하나의 4바이트를 곱하세요.'), math('C\\,H\\,W \\cdot B \\cdot 4')]),
    ];
  },
  solution(p) {
    const [c, h, w] = shapeOf(p.layer);
    const v = memoryOf(p);
    const eq = math(`${c} \\cdot ${h} \\cdot ${w} \\cdot ${p.batch} \\cdot 4 = ${v}`);
    return {
      en: [text(`One picture's output holds ${c * h * w} numbers; the batch has ${p.batch} of them, 4 bytes each:`), eq],
      ko: [text(`이미지 하나의 출력에는 수가 ${c * h * w}개 있습니다. 배치에 그런 출력이 ${p.batch}개 있고 수마다 4바이트입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = memoryOf(p);
    return numericMistakes(memoryMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [stackWeightsExercise, stackFieldExercise, memoryExercise];
