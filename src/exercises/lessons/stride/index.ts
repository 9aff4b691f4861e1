/**
 * Lesson 6, stride: where the last window reaches, what a strided convolution costs,
 * and how much a stride saves against convolution followed by pooling. Every answer
 * is computed by the engine (`convOutputSize`, `uncoveredInputs`, `summary`).
 */
import { convOutputSize, nn, summary, uncoveredInputs } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

// ---------------------------------------------------------------- last-read

/** Parameters of `stride/last-read`: one row, a kernel and a stride that do not divide it exactly. */
export interface LastReadParams {
  inputSize: number;
  kernelSize: number;
  stride: number;
}

/** The last input position any window reads: the one before the first the engine reports unread at the end. */
function lastRead(p: LastReadParams): number {
  const unread = new Set(uncoveredInputs(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride }));
  let i = p.inputSize - 1;
  while (unread.has(i)) i--;
  return i;
}

function lastReadMistakes(p: LastReadParams): NumericMistake[] {
  const out = convOutputSize(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride });
  return [
    {
      value: p.inputSize - 1,
      note: 'assumed the windows reach the end',
      feedback: bi(
        'The stride does not divide the room exactly here: PyTorch floors, so the last window stops short of the end.',
        '여기서는 스트라이드가 나누어떨어지지 않습니다. PyTorch는 내림을 하므로 마지막 창은 끝에 닿지 못합니다.',
      ),
    },
    {
      value: (out - 1) * p.stride,
      note: 'gave where the last window starts',
      feedback: bi('That is where the last window starts; it reads $k$ pixels from there.', '그것은 마지막 창이 시작하는 위치입니다. 창은 거기서부터 $k$픽셀을 읽습니다.'),
    },
    {
      value: out * p.stride + p.kernelSize - 1,
      note: 'counted one window too many (ceil instead of floor)',
      feedback: bi('That window would not fit: count the windows with the floor.', '그 창은 들어가지 않습니다. 창의 개수는 내림으로 세세요.'),
    },
  ];
}

export const lastReadExercise: ExerciseDefinition<LastReadParams> = {
  id: 'stride/last-read',
  version: 1,
  lesson: 'stride',
  kind: 'output-size',
  title: bi('The last pixel a strided window reads', '스트라이드 창이 읽는 마지막 픽셀'),
  generate(rng: Random) {
    for (;;) {
      const kernelSize = intBetween(rng, 2, 5);
      const stride = intBetween(rng, 2, kernelSize);
      const inputSize = intBetween(rng, kernelSize + stride, 16);
      if ((inputSize - kernelSize) % stride !== 0) return { inputSize, kernelSize, stride };
    }
  },
  validate(p) {
    if ((p.inputSize - p.kernelSize) % p.stride === 0) throw new Error('the stride divides exactly: nothing is dropped');
    if (p.stride > p.kernelSize) throw new Error('a stride longer than the kernel also skips pixels between windows');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, stride=${p.stride})  # padding 0\nx = torch.randn(1, 1, ${p.inputSize}, ${p.inputSize})`);
    return {
      en: [text(`Count columns of \`x\` from 0. What is the last (highest) column that any window of this convolution reads?`), snippet],
      ko: [text('`x`의 열 번호를 0부터 셉니다. 이 합성곱의 창이 읽는 마지막(가장 큰 번호의) 열은 몇 번입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Column', '열 번호') }),
  answer(p) {
    const v = lastRead(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: lastRead(p), mistakes: lastReadMistakes(p) }),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text('First count the windows with the output-size formula.'), math(`\\left\\lfloor \\frac{${p.inputSize} - ${p.kernelSize}}{${p.stride}} \\right\\rfloor + 1`)],
        [text('먼저 출력 크기 식으로 창의 개수를 세세요.'), math(`\\left\\lfloor \\frac{${p.inputSize} - ${p.kernelSize}}{${p.stride}} \\right\\rfloor + 1`)],
      ),
      bi<readonly Block[]>(
        [text('Window $i$ (from 0) starts at $i \\cdot s$ and reads $k$ columns.')],
        [text('0부터 센 $i$번째 창은 $i \\cdot s$에서 시작해 $k$개의 열을 읽습니다.')],
      ),
    ];
  },
  solution(p) {
    const out = convOutputSize(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride });
    const v = lastRead(p);
    const eq = math(`(${out} - 1) \\cdot ${p.stride} + ${p.kernelSize} - 1 = ${v}`);
    return {
      en: [text(`There are ${out} windows; the last starts at column ${(out - 1) * p.stride} and reads up to`), eq, text(`Columns ${v + 1} to ${p.inputSize - 1} are never read.`)],
      ko: [text(`창은 ${out}개이고, 마지막 창은 ${(out - 1) * p.stride}번 열에서 시작해 다음 열까지 읽습니다.`), eq, text(`${v + 1}번부터 ${p.inputSize - 1}번까지의 열은 한 번도 읽히지 않습니다.`)],
    };
  },
  mistakes(p) {
    const right = lastRead(p);
    return numericMistakes(lastReadMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- strided-macs

/** Parameters of `stride/strided-macs`: a square colour input and a strided 3x3-ish convolution. */
export interface StridedMacsParams {
  inputSize: number;
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  stride: number;
  padding: number;
}

function stridedMacs(p: StridedMacsParams, stride = p.stride): number {
  const layer = new nn.Conv2d(p.inChannels, p.outChannels, p.kernelSize, { stride, padding: p.padding });
  return summary(new nn.Sequential(layer), [1, p.inChannels, p.inputSize, p.inputSize]).totalMacs;
}

function stridedMacsMistakes(p: StridedMacsParams): NumericMistake[] {
  const out = convOutputSize(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride, padding: p.padding });
  const perOutput = p.inChannels * p.kernelSize * p.kernelSize;
  return [
    {
      value: stridedMacs(p, 1),
      note: 'ignored the stride',
      feedback: bi('That is the cost at stride 1: with a stride the layer computes far fewer outputs.', '그것은 스트라이드 1일 때의 계산량입니다. 스트라이드가 있으면 계산하는 출력이 훨씬 적습니다.'),
    },
    {
      value: out * out * p.outChannels * p.kernelSize * p.kernelSize,
      note: 'forgot the input channels',
      feedback: bi('Each filter spans all input channels: one output needs $C_{in} k^2$ multiply-accumulates.', '필터는 입력 채널 전체에 걸칩니다. 출력 하나에 곱셈-누산이 $C_{in} k^2$번 필요합니다.'),
    },
    {
      value: out * out * perOutput,
      note: 'forgot the output channels',
      feedback: bi('Every filter makes its own output map: multiply by the number of filters.', '필터마다 출력 맵을 하나씩 만듭니다. 필터 개수를 곱하세요.'),
    },
  ];
}

export const stridedMacsExercise: ExerciseDefinition<StridedMacsParams> = {
  id: 'stride/strided-macs',
  version: 1,
  lesson: 'stride',
  kind: 'count',
  title: bi('Multiply-accumulates of a strided convolution', '스트라이드 합성곱의 곱셈-누산 횟수'),
  generate(rng: Random) {
    const kernelSize = pick(rng, [3, 5] as const);
    return {
      inputSize: pick(rng, [16, 28, 32, 64] as const),
      inChannels: pick(rng, [1, 3, 8] as const),
      outChannels: pick(rng, [4, 8, 16] as const),
      kernelSize,
      stride: intBetween(rng, 2, 3),
      padding: (kernelSize - 1) / 2,
    };
  },
  validate(p) {
    const out = convOutputSize(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride, padding: p.padding });
    if (stridedMacs(p) !== out * out * p.outChannels * p.inChannels * p.kernelSize * p.kernelSize) throw new Error('summary and the hand count disagree');
  },
  prompt(p) {
    const snippet = code(
      `conv = nn.Conv2d(${p.inChannels}, ${p.outChannels}, kernel_size=${p.kernelSize}, stride=${p.stride}, padding=${p.padding})\nx = torch.randn(1, ${p.inChannels}, ${p.inputSize}, ${p.inputSize})`,
    );
    return {
      en: [text('How many multiply-accumulates does this layer do on `x` (bias additions not counted)?'), snippet],
      ko: [text('이 계층은 `x`에 곱셈-누산을 몇 번 합니까(편향을 더하는 것은 세지 않습니다)?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Multiply-accumulates', '곱셈-누산 횟수') }),
  answer(p) {
    const v = stridedMacs(p);
    return { typed: String(v), value: v, display: bi(v.toLocaleString('en-US'), v.toLocaleString('ko-KR')) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: stridedMacs(p), mistakes: stridedMacsMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('First find the output size; the stride divides it.')],
        [text('먼저 출력 크기를 구하세요. 스트라이드가 출력 크기를 나눕니다.')],
      ),
      bi<readonly Block[]>(
        [text('Each output value is one filter over one window:'), math('H_{out} W_{out} \\cdot C_{out} \\cdot C_{in} k^2')],
        [text('출력 값 하나는 필터 하나가 창 하나를 계산한 것입니다.'), math('H_{out} W_{out} \\cdot C_{out} \\cdot C_{in} k^2')],
      ),
    ];
  },
  solution(p) {
    const out = convOutputSize(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride, padding: p.padding });
    const v = stridedMacs(p);
    const eq = math(`${out} \\cdot ${out} \\cdot ${p.outChannels} \\cdot ${p.inChannels} \\cdot ${p.kernelSize}^2 = ${v}`);
    return {
      en: [text(`The output is ${out}×${out}, so the engine's \`summary\` counts`), eq],
      ko: [text(`출력이 ${out}×${out} 크기이므로 엔진의 \`summary\`는 다음과 같이 셉니다.`), eq],
    };
  },
  mistakes(p) {
    const right = stridedMacs(p);
    return numericMistakes(stridedMacsMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- pool-or-stride

/** Parameters of `stride/pool-or-stride`: a layer, and a downsampling factor done by pooling or by the stride. */
export interface PoolOrStrideParams {
  inputSize: number;
  channels: number;
  factor: number;
}

/** Both paths' multiply-accumulates, from `summary`. */
function pathMacs(p: PoolOrStrideParams): { pooled: number; strided: number } {
  const input = [1, p.channels, p.inputSize, p.inputSize];
  const pooled = summary(new nn.Sequential(new nn.Conv2d(p.channels, p.channels, 3, { padding: 1 }), new nn.MaxPool2d(p.factor)), input);
  const strided = summary(new nn.Sequential(new nn.Conv2d(p.channels, p.channels, 3, { stride: p.factor, padding: 1 })), input);
  return { pooled: pooled.totalMacs, strided: strided.totalMacs };
}

const ratioOf = (p: PoolOrStrideParams) => {
  const m = pathMacs(p);
  return m.pooled / m.strided;
};

function poolOrStrideMistakes(p: PoolOrStrideParams): NumericMistake[] {
  return [
    {
      value: p.factor,
      note: 'counted one axis only',
      feedback: bi('The stride skips positions along the rows and down the columns.', '스트라이드는 행 방향과 열 방향 모두에서 위치를 건너뜁니다.'),
    },
    {
      value: 1,
      note: 'assumed the same cost',
      feedback: bi(
        'The outputs have the same shape, but the pooling path computes every position at stride 1 first.',
        '출력 모양은 같지만, 풀링 경로는 먼저 스트라이드 1로 모든 위치를 계산합니다.',
      ),
    },
  ];
}

export const poolOrStride: ExerciseDefinition<PoolOrStrideParams> = {
  id: 'stride/pool-or-stride',
  version: 1,
  lesson: 'stride',
  kind: 'count',
  title: bi('Pooling or stride: the cost', '풀링인가 스트라이드인가: 계산량'),
  generate(rng: Random) {
    const factor = intBetween(rng, 2, 4);
    return { inputSize: factor * pick(rng, [8, 14, 16, 28, 56] as const), channels: pick(rng, [8, 16, 32, 64] as const), factor };
  },
  validate(p) {
    const m = pathMacs(p);
    if (m.pooled % m.strided !== 0) throw new Error('the ratio is not a whole number');
  },
  prompt(p) {
    const snippet = code(
      `# path A\nnn.Sequential(nn.Conv2d(${p.channels}, ${p.channels}, 3, padding=1), nn.MaxPool2d(${p.factor}))\n# path B\nnn.Conv2d(${p.channels}, ${p.channels}, 3, stride=${p.factor}, padding=1)\nx = torch.randn(1, ${p.channels}, ${p.inputSize}, ${p.inputSize})`,
    );
    return {
      en: [text('Both paths turn `x` into maps of the same shape. How many times more multiply-accumulates does path A do than path B? (Pooling does none.)'), snippet],
      ko: [text('두 경로 모두 `x`를 같은 모양의 맵으로 바꿉니다. 경로 A는 경로 B보다 곱셈-누산을 몇 배 더 합니까? (풀링은 곱셈-누산을 하지 않습니다.)'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Times more', '배수') }),
  answer(p) {
    const v = ratioOf(p);
    return { typed: String(v), value: v, display: bi(`${v}×`, `${v}배`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: ratioOf(p), mistakes: poolOrStrideMistakes(p) }),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text('The convolutions are identical except for the stride, so the cost per output is the same: compare the number of outputs.')],
        [text('두 합성곱은 스트라이드만 다르므로 출력 하나당 계산량은 같습니다. 출력의 개수를 비교하세요.')],
      ),
      bi<readonly Block[]>(
        [text(`Path A computes ${p.inputSize}×${p.inputSize} positions; path B only every ${p.factor}th along each axis.`)],
        [text(`경로 A는 ${p.inputSize}×${p.inputSize}개의 위치를 계산하고, 경로 B는 축마다 ${p.factor}번째 위치만 계산합니다.`)],
      ),
    ];
  },
  solution(p) {
    const m = pathMacs(p);
    const v = ratioOf(p);
    const eq = math(`\\frac{${m.pooled}}{${m.strided}} = ${v} = ${p.factor}^2`);
    return {
      en: [text("The engine's `summary` counts both paths:"), eq],
      ko: [text('엔진의 `summary`로 두 경로를 세면 다음과 같습니다.'), eq],
    };
  },
  mistakes(p) {
    const right = ratioOf(p);
    return numericMistakes(poolOrStrideMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [lastReadExercise, stridedMacsExercise, poolOrStride];
