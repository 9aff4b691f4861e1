/**
 * Lesson 10, image kernels: one output pixel of a hand-set kernel worked out on a
 * patch, what a kernel does to a flat patch (the sum of its weights, over its
 * divisor), and the weights of colour filtering as a depthwise convolution. Every
 * answer is computed by the engine: a `conv2d` of the patch, and the `summary` of an
 * `nn.Conv2d` with `groups`.
 */
import { conv2d, nn, noGrad, summary, tensor } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { appliedWeights, embossKernel, presetKernel, EMBOSS_DIRECTIONS } from '../../../training/kernel-lab/model.ts';
import type { Kernel } from '../../../training/kernel-lab/model.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, grid, math, text } from '../../text.ts';
import { josa } from '../../../i18n/korean.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** One 3x3 output of `weights` (applied as they are) over `patch`, by the engine. */
function convolve(patch: readonly number[], weights: readonly number[]): number {
  const out = noGrad(() => conv2d(tensor(patch, [1, 1, 3, 3]), tensor(weights, [1, 1, 3, 3])));
  return Math.round(out.data[0] * 1e4) / 1e4;
}

const rows = (v: readonly number[]): number[][] => [v.slice(0, 3), v.slice(3, 6), v.slice(6, 9)];

// ---------------------------------------------------------------- weighted sum

const SUM_KERNELS = ['sobel-x', 'sobel-y', 'outline', 'sharpen', 'emboss'] as const;
type SumKernel = (typeof SUM_KERNELS)[number];

/** Parameters of `image-kernels/weighted-sum`: a 3x3 gray patch and an integer kernel. */
export interface WeightedSumParams {
  kernel: SumKernel;
  /** The emboss's direction (used only for the emboss). */
  direction: (typeof EMBOSS_DIRECTIONS)[number];
  patch: number[];
}

function weightsOf(p: WeightedSumParams): number[] {
  return p.kernel === 'emboss' ? embossKernel(p.direction) : presetKernel(p.kernel, p.direction).weights;
}

const sumOf = (p: WeightedSumParams) => convolve(p.patch, weightsOf(p));

function sumMistakes(p: WeightedSumParams): NumericMistake[] {
  const w = weightsOf(p);
  const right = sumOf(p);
  return [
    {
      value: convolve(p.patch, [...w].reverse()),
      note: 'flipped the kernel',
      feedback: bi(
        'That flips the kernel, as the convolution of mathematics does. `conv2d` (like PyTorch) does not flip it: weight (1,1) multiplies the top-left pixel.',
        '커널을 뒤집어 계산했습니다. 수학의 합성곱은 그렇게 하지만 `conv2d`(PyTorch와 마찬가지로)는 뒤집지 않습니다. (1,1) 가중치는 왼쪽 위 픽셀에 곱해집니다.',
      ),
    },
    {
      value: Math.max(0, Math.min(255, right)),
      note: 'clamped to a byte',
      feedback: bi('The question asks for the sum itself. Clamping to 0..255 happens only when the picture is shown.', '묻는 것은 합 그 자체입니다. 0..255로 자르는 것은 이미지를 보여 줄 때뿐입니다.'),
    },
    {
      value: p.patch.reduce((s, v) => s + v, 0),
      note: 'added the pixels without weights',
      feedback: bi('Each pixel must be multiplied by the weight above it before adding.', '더하기 전에 각 픽셀에 그 위의 가중치를 곱해야 합니다.'),
    },
    {
      value: p.patch[4] * w[4],
      note: 'only the middle pixel',
      feedback: bi('Every weight of the window counts, not only the middle one.', '가운데만이 아니라 창의 모든 가중치가 더해집니다.'),
    },
  ];
}

export const weightedSum: ExerciseDefinition<WeightedSumParams> = {
  id: 'image-kernels/weighted-sum',
  version: 1,
  lesson: 'image-kernels',
  kind: 'by-hand',
  title: bi('One pixel of a hand-set kernel', '손으로 정한 커널의 픽셀 하나'),
  generate(rng: Random) {
    const kernel = pick(rng, SUM_KERNELS);
    const direction = pick(rng, EMBOSS_DIRECTIONS);
    const patch = Array.from({ length: 9 }, () => intBetween(rng, 0, 25) * 10);
    return { kernel, direction, patch };
  },
  validate(p) {
    const w = weightsOf(p);
    const byHand = w.reduce((s, v, i) => s + v * p.patch[i], 0);
    if (byHand !== sumOf(p)) throw new Error('the engine and the hand sum disagree');
  },
  prompt(p) {
    const blocks = (label: string, kLabel: string): Block[] => [grid(label, rows(p.patch)), grid(kLabel, rows(weightsOf(p)))];
    return {
      en: [
        text('A 3×3 window of a gray picture and a kernel (weights as shown, no divisor). What output does `conv2d` give for this window (no padding, stride 1)? Give the sum itself, not clamped.'),
        ...blocks('Window', 'Kernel'),
      ],
      ko: [
        text('회색조 이미지의 3×3 창과 커널이 있습니다(가중치는 그대로이고 나누는 수는 없습니다). 이 창에서 `conv2d`의 출력은 얼마입니까(패딩 없음, 스트라이드 1)? 잘라 내지 않은 합 그대로 답하세요.'),
        ...blocks('창', '커널'),
      ],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output value', '출력값') }),
  answer(p) {
    const v = sumOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: sumOf(p), mistakes: sumMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Lay the kernel over the window: each weight sits on one pixel. Skip the zero weights.')],
        [text('커널을 창 위에 겹치세요. 가중치 하나가 픽셀 하나 위에 놓입니다. 0인 가중치는 건너뛰세요.')],
      ),
      bi<readonly Block[]>(
        [text('Multiply each pixel by its weight and add the products:'), math('y = \\sum_{u,v} w_{u,v}\\, x_{u,v}')],
        [text('각 픽셀에 그 가중치를 곱해 곱을 모두 더하세요.'), math('y = \\sum_{u,v} w_{u,v}\\, x_{u,v}')],
      ),
    ];
  },
  solution(p) {
    const w = weightsOf(p);
    const terms = w.map((v, i) => (v === 0 ? null : `${v < 0 ? `(${v})` : v}\\cdot ${p.patch[i]}`)).filter((x): x is string => x !== null);
    const v = sumOf(p);
    const eq = math(`${terms.join(' + ')} = ${v}`);
    return {
      en: [text(`Only the nonzero weights contribute; the sum is ${v}:`), eq],
      ko: [text(`0이 아닌 가중치만 더해지며, 합은 ${v}입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = sumOf(p);
    return numericMistakes(sumMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- flat patch

/** Parameters of `image-kernels/flat-patch`: a flat gray value and a kernel with a divisor. */
export interface FlatParams {
  value: number;
  kernel: Kernel;
}

const flatOf = (p: FlatParams) => convolve(new Array(9).fill(p.value), appliedWeights(p.kernel));

function flatMistakes(p: FlatParams): NumericMistake[] {
  const total = p.kernel.weights.reduce((s, v) => s + v, 0);
  return [
    {
      value: p.value * total,
      note: 'forgot the divisor',
      feedback: bi('Every weight is divided by the divisor before it is applied.', '모든 가중치는 적용하기 전에 나누는 수로 나뉩니다.'),
    },
    {
      value: p.value,
      note: 'assumed brightness is kept',
      feedback: bi('Brightness is kept only when the weights over the divisor sum to one. Add them up.', '가중치를 나누는 수로 나눈 합이 1일 때만 밝기가 유지됩니다. 더해 보세요.'),
    },
    {
      value: 0,
      note: 'assumed a flat patch gives zero',
      feedback: bi('Only a kernel whose weights sum to zero erases a flat patch.', '가중치의 합이 0인 커널만 평평한 조각을 지웁니다.'),
    },
  ];
}

export const flatPatch: ExerciseDefinition<FlatParams> = {
  id: 'image-kernels/flat-patch',
  version: 1,
  lesson: 'image-kernels',
  kind: 'by-hand',
  title: bi('A kernel on a flat patch', '평평한 조각 위의 커널'),
  generate(rng: Random) {
    const divisor = pick(rng, [1, 2, 4, 5, 8, 10]);
    const weights = Array.from({ length: 9 }, () => intBetween(rng, -3, 4));
    // Keep the answer a whole number: the value is a multiple of the divisor.
    const value = divisor * intBetween(rng, 1, Math.floor(200 / divisor));
    return { value, kernel: { size: 3, weights, divisor } };
  },
  validate(p) {
    const total = p.kernel.weights.reduce((s, v) => s + v, 0);
    if (Math.abs(flatOf(p) - (p.value * total) / p.kernel.divisor) > 1e-3) throw new Error('the engine and value x sum / divisor disagree');
  },
  prompt(p) {
    const k = grid('kernel', rows(p.kernel.weights));
    return {
      en: [
        text(`Every pixel of a gray patch has the value ${p.value}. The kernel below is applied with every weight divided by ${p.kernel.divisor}. What is the output in the middle of the patch?`),
        k,
      ],
      ko: [
        text(`회색조 조각의 픽셀 값은 모두 ${p.value}입니다. 아래 커널의 모든 가중치를 ${josa(p.kernel.divisor, '(으)로')} 나누어 적용합니다. 조각 가운데의 출력은 얼마입니까?`),
        k,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output value', '출력값') }),
  answer(p) {
    const v = flatOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: flatOf(p), mistakes: flatMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('When every pixel is the same, the value can be taken out of the sum.')],
        [text('모든 픽셀이 같으면 그 값을 합 밖으로 꺼낼 수 있습니다.')],
      ),
      bi<readonly Block[]>(
        [text('So the output is the value times the sum of the weights, over the divisor:'), math('y = x \\cdot \\frac{\\sum w}{D}')],
        [text('그러므로 출력은 값 곱하기 가중치의 합을 나누는 수로 나눈 것입니다.'), math('y = x \\cdot \\frac{\\sum w}{D}')],
      ),
    ];
  },
  solution(p) {
    const total = p.kernel.weights.reduce((s, v) => s + v, 0);
    const v = flatOf(p);
    const eq = math(`${p.value} \\cdot \\frac{${total}}{${p.kernel.divisor}} = ${v}`);
    return {
      en: [text(`The weights sum to ${total}:`), eq],
      ko: [text(`가중치의 합은 ${total}입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = flatOf(p);
    return numericMistakes(flatMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- depthwise

/** Parameters of `image-kernels/depthwise`: channels, kernel side and whether there is a bias. */
export interface DepthwiseParams {
  channels: number;
  kernelSize: number;
  bias: boolean;
}

function paramsOf(p: DepthwiseParams, groups = p.channels): number {
  const layer = new nn.Conv2d(p.channels, p.channels, p.kernelSize, { groups, bias: p.bias });
  return summary(layer, [1, p.channels, p.kernelSize + 4, p.kernelSize + 4]).totalParams;
}

function depthwiseMistakes(p: DepthwiseParams): NumericMistake[] {
  const k2 = p.kernelSize * p.kernelSize;
  return [
    {
      value: paramsOf(p, 1),
      note: 'counted a full convolution',
      feedback: bi('With `groups` equal to the channels, each output channel sees one input channel only, not all of them.', '`groups`가 채널 수와 같으면 출력 채널마다 입력 채널 하나만 봅니다. 모든 채널을 보지 않습니다.'),
    },
    {
      value: k2 + (p.bias ? 1 : 0),
      note: 'one kernel for all channels',
      feedback: bi('The layer keeps a separate kernel for each channel, even when the lab puts the same weights in all of them.', '실험실이 같은 가중치를 넣더라도 계층은 채널마다 커널을 따로 가집니다.'),
    },
    {
      value: p.channels * k2 + (p.bias ? 0 : p.channels),
      note: p.bias ? 'forgot the bias' : 'counted a bias',
      feedback: p.bias
        ? bi('`bias=True` adds one number per output channel.', '`bias=True`는 출력 채널마다 수 하나를 더합니다.')
        : bi('`bias=False`: there is no bias to count.', '`bias=False`이므로 셀 편향(bias)이 없습니다.'),
    },
  ];
}

export const depthwise: ExerciseDefinition<DepthwiseParams> = {
  id: 'image-kernels/depthwise',
  version: 1,
  lesson: 'image-kernels',
  kind: 'count',
  title: bi('Weights of a depthwise filter', '깊이별 필터의 가중치'),
  generate(rng: Random) {
    return { channels: intBetween(rng, 2, 16), kernelSize: pick(rng, [3, 5, 7]), bias: rng.next() < 0.5 };
  },
  validate(p) {
    if (paramsOf(p) !== p.channels * p.kernelSize * p.kernelSize + (p.bias ? p.channels : 0)) throw new Error('summary and C*k*k (+C) disagree');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(${p.channels}, ${p.channels}, kernel_size=${p.kernelSize}, groups=${p.channels}, bias=${p.bias ? 'True' : 'False'})`);
    return {
      en: [text('This layer filters each channel on its own, as the kernel lab does in colour. How many parameters does it have?'), snippet],
      ko: [text('이 계층은 커널 실험실의 컬러 모드처럼 채널마다 따로 필터를 적용합니다. 파라미터는 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const v = paramsOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: paramsOf(p), mistakes: depthwiseMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('With `groups` equal to the number of channels, each output channel has one $k\\times k$ kernel over one input channel.')],
        [text('`groups`가 채널 수와 같으면 출력 채널마다 입력 채널 하나에 대한 $k\\times k$ 커널이 하나 있습니다.')],
      ),
      bi<readonly Block[]>(
        [text('Multiply by the number of channels, then add the biases if there are any.')],
        [text('채널 수를 곱한 뒤, 편향(bias)이 있으면 더하세요.')],
      ),
    ];
  },
  solution(p) {
    const v = paramsOf(p);
    const eq = math(`${p.channels}\\cdot ${p.kernelSize}\\cdot ${p.kernelSize}${p.bias ? ` + ${p.channels}` : ''} = ${v}`);
    return {
      en: [text(`${p.channels} kernels of ${p.kernelSize}×${p.kernelSize}${p.bias ? ', plus one bias each' : ''}:`), eq],
      ko: [text(`${p.kernelSize}×${p.kernelSize} 커널 ${p.channels}개${p.bias ? '와 채널마다 편향(bias) 하나' : ''}입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = paramsOf(p);
    return numericMistakes(depthwiseMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [weightedSum, flatPatch, depthwise];
