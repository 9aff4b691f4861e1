/**
 * Lesson 7, dilation: the span of a dilated kernel against its weights, the output
 * size a dilated convolution gives, and the pixels a stack of equally dilated layers
 * never sees (the gridding effect). Every answer is computed by the engine: `summary`
 * of `nn.Conv2d` layers, a `conv2d`, and the input gradient of a traced stack.
 */
import { conv2d, nn, noGrad, summary, zeros } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { traceReceptiveField } from '../../../geometry/receptive-field.ts';
import type { ConvLayerSpec } from '../../../geometry/receptive-field.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import { josa } from '../../../i18n/korean.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** Receptive field side and weights of a stack of `nn.Conv2d(1, 1, k, dilation=d, bias=False)` layers, from `summary`. */
function summarise(inputSize: number, layers: readonly ConvLayerSpec[]): { field: number; params: number } {
  const model = new nn.Sequential(
    ...layers.map((l) => new nn.Conv2d(1, 1, l.kernelSize, { dilation: l.dilation, stride: l.stride, padding: l.padding, bias: false })),
  );
  const report = summary(model, [1, 1, inputSize, inputSize]);
  const field = report.layers.filter((row) => row.type === 'Conv2d').at(-1)!.receptiveField!;
  return { field: field.size[0], params: report.totalParams };
}

const layer = (kernelSize: number, dilation: number): ConvLayerSpec => ({ kernelSize, dilation, stride: 1, padding: 0 });

// ---------------------------------------------------------------- span

/** Parameters of `dilation/span`: one kernel and its dilation. */
export interface SpanParams {
  kernelSize: number;
  dilation: number;
}

const spanOf = (p: SpanParams) => summarise(p.dilation * (p.kernelSize - 1) + 4, [layer(p.kernelSize, p.dilation)]).field;

function spanMistakes(p: SpanParams): NumericMistake[] {
  return [
    {
      value: p.kernelSize,
      note: 'ignored dilation',
      feedback: bi('The kernel still has $k$ taps, but dilation spreads them apart.', '탭은 여전히 $k$개지만, 팽창이 그 사이를 벌립니다.'),
    },
    {
      value: p.dilation * p.kernelSize,
      note: 'multiplied k by d',
      feedback: bi('There are $k-1$ gaps between $k$ taps, not $k$: count the steps from the first tap to the last.', '$k$개의 탭 사이의 간격은 $k$개가 아니라 $k-1$개입니다. 첫 탭에서 마지막 탭까지의 걸음을 세어 보세요.'),
    },
    {
      value: p.dilation * (p.kernelSize - 1),
      note: 'off-by-one: forgot +1',
      feedback: bi('That counts the steps between the first and last tap; the pixels they cover are one more.', '그것은 첫 탭과 마지막 탭 사이의 걸음 수입니다. 덮는 픽셀은 하나 더 많습니다.'),
    },
    {
      value: p.kernelSize + (p.kernelSize - 1) * p.dilation,
      note: 'added d pixels per gap',
      feedback: bi('Dilation $d$ puts taps $d$ pixels apart, which leaves $d-1$ pixels between them.', '팽창 $d$는 탭을 $d$ 픽셀 간격으로 놓으므로 그 사이에는 $d-1$ 픽셀이 남습니다.'),
    },
  ];
}

export const span: ExerciseDefinition<SpanParams> = {
  id: 'dilation/span',
  version: 1,
  lesson: 'dilation',
  kind: 'receptive-field',
  title: bi('How far a dilated kernel reaches', '팽창된 커널이 닿는 범위'),
  generate(rng: Random) {
    return { kernelSize: intBetween(rng, 2, 9), dilation: intBetween(rng, 2, 8) };
  },
  validate(p) {
    const { params } = summarise(p.dilation * (p.kernelSize - 1) + 4, [layer(p.kernelSize, p.dilation)]);
    if (params !== p.kernelSize * p.kernelSize) throw new Error('dilation changed the number of weights');
    if (spanOf(p) !== p.dilation * (p.kernelSize - 1) + 1) throw new Error('the summary and d(k-1)+1 disagree');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, dilation=${p.dilation}, bias=False)`);
    return {
      en: [text('How many input pixels, along one side, does one output of this layer depend on (its receptive field)?'), snippet],
      ko: [text('이 층의 출력 하나는 한 변을 따라 입력 픽셀 몇 개에 의존합니까(수용 영역)?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Pixels per side', '한 변의 픽셀 수') }),
  answer(p) {
    const v = spanOf(p);
    return { typed: String(v), value: v, display: bi(`${v}×${v}`, `${v}×${v}`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: spanOf(p), mistakes: spanMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Draw the taps of one row: the first at 0, each next one $d$ pixels further.')],
        [text('한 줄의 탭을 그려 보세요. 첫 탭은 0에, 다음 탭은 $d$ 픽셀씩 더 멀리 놓입니다.')],
      ),
      bi<readonly Block[]>(
        [text('The last tap is at $d(k-1)$; count the pixels from 0 to there.'), math('d\\,(k-1) + 1')],
        [text('마지막 탭은 $d(k-1)$에 있습니다. 0부터 거기까지의 픽셀을 세어 보세요.'), math('d\\,(k-1) + 1')],
      ),
    ];
  },
  solution(p) {
    const v = spanOf(p);
    const eq = math(`${p.dilation}\\cdot(${p.kernelSize}-1) + 1 = ${v}`);
    const weights = p.kernelSize * p.kernelSize;
    return {
      en: [text(`The taps sit ${p.dilation} pixels apart, so the field is ${v}×${v}, still with ${weights} weights:`), eq],
      ko: [text(`탭이 ${p.dilation}픽셀 간격으로 놓이므로 수용 영역은 ${v}×${josa(v, '(이)고')}, 가중치는 여전히 ${weights}개입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = spanOf(p);
    return numericMistakes(spanMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- output

/** Parameters of `dilation/output`: a square input, a kernel, a dilation and zero padding, stride 1. */
export interface OutputParams {
  inputSize: number;
  kernelSize: number;
  dilation: number;
  padding: number;
}

function outputOf(p: OutputParams): number {
  return noGrad(
    () => conv2d(zeros([1, 1, p.inputSize, p.inputSize]), zeros([1, 1, p.kernelSize, p.kernelSize]), null, { dilation: p.dilation, padding: p.padding }).shape[3],
  );
}

function outputMistakes(p: OutputParams): NumericMistake[] {
  const padded = p.inputSize + 2 * p.padding;
  return [
    {
      value: padded - p.kernelSize + 1,
      note: 'ignored dilation',
      feedback: bi('The window spans $d(k-1)+1$ pixels, not $k$: that is what must fit.', '창은 $k$가 아니라 $d(k-1)+1$ 픽셀에 걸칩니다. 들어가야 하는 것은 그 폭입니다.'),
    },
    {
      value: padded - p.dilation * (p.kernelSize - 1) - 1,
      note: 'off-by-one: forgot +1',
      feedback: bi('Count the positions again: a window as wide as the input fits once.', '위치를 다시 세어 보세요. 입력만큼 넓은 창은 한 번 들어갑니다.'),
    },
    {
      value: p.inputSize - p.dilation * (p.kernelSize - 1),
      note: 'ignored padding',
      feedback: bi('Padding adds $p$ pixels on each side before the window slides.', '창이 움직이기 전에 패딩이 양쪽에 $p$ 픽셀씩 더해집니다.'),
    },
  ];
}

export const output: ExerciseDefinition<OutputParams> = {
  id: 'dilation/output',
  version: 1,
  lesson: 'dilation',
  kind: 'output-size',
  title: bi('Output size with dilation', '팽창이 있을 때의 출력 크기'),
  generate(rng: Random) {
    const kernelSize = intBetween(rng, 2, 5);
    const dilation = intBetween(rng, 2, 4);
    const padding = intBetween(rng, 0, 2);
    const spanSize = dilation * (kernelSize - 1) + 1;
    return { inputSize: intBetween(rng, Math.max(spanSize - 2 * padding, 5) + 1, 32), kernelSize, dilation, padding };
  },
  validate(p) {
    const expected = p.inputSize + 2 * p.padding - p.dilation * (p.kernelSize - 1);
    if (outputOf(p) !== expected) throw new Error("the engine and PyTorch's formula disagree");
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, dilation=${p.dilation}, padding=${p.padding})\nx = torch.randn(1, 1, ${p.inputSize}, ${p.inputSize})\nconv(x).shape  # torch.Size([1, 1, ?, ?])`);
    return {
      en: [text('What is the side of the output (stride 1)?'), snippet],
      ko: [text('출력의 한 변은 얼마입니까(스트라이드 1)?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output side', '출력의 한 변') }),
  answer(p) {
    const v = outputOf(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: outputOf(p), mistakes: outputMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('First work out how many pixels the dilated window spans.')],
        [text('먼저 팽창된 창이 몇 픽셀에 걸치는지 구하세요.')],
      ),
      bi<readonly Block[]>(
        [text("Then PyTorch's formula at stride 1:"), math('L_{out} = L_{in} + 2p - d\\,(k-1)')],
        [text('그다음 스트라이드 1에서의 PyTorch 공식을 쓰세요.'), math('L_{out} = L_{in} + 2p - d\\,(k-1)')],
      ),
    ];
  },
  solution(p) {
    const v = outputOf(p);
    const eq = math(`${p.inputSize} + 2\\cdot ${p.padding} - ${p.dilation}\\cdot(${p.kernelSize}-1) = ${v}`);
    return {
      en: [text(`The window spans ${p.dilation * (p.kernelSize - 1) + 1} pixels, and the engine's output is ${v}×${v}:`), eq],
      ko: [text(`창은 ${p.dilation * (p.kernelSize - 1) + 1}픽셀에 걸치고, 엔진의 출력은 ${v}×${v}입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = outputOf(p);
    return numericMistakes(outputMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- unseen

/** Parameters of `dilation/unseen`: `layers` identical k x k layers, all with the same dilation. */
export interface UnseenParams {
  layers: number;
  kernelSize: number;
  dilation: number;
}

/** The stack's field side, and the input pixels of the top-left output that get a gradient (the engine's backward pass). */
function traceUnseen(p: UnseenParams): { field: number; seen: number; unseen: number } {
  // Checking, the mistakes and the solution each ask again; the trace of an 81-pixel input is worth keeping.
  const key = `${p.layers}.${p.kernelSize}.${p.dilation}`;
  let hit = unseenCache.get(key);
  if (!hit) {
    hit = computeUnseen(p);
    unseenCache.set(key, hit);
  }
  return hit;
}

const unseenCache = new Map<string, { field: number; seen: number; unseen: number }>();

function computeUnseen(p: UnseenParams): { field: number; seen: number; unseen: number } {
  const stackLayers = Array.from({ length: p.layers }, () => layer(p.kernelSize, p.dilation));
  const { field } = summarise(p.layers * p.dilation * (p.kernelSize - 1) + 3, stackLayers);
  const trace = traceReceptiveField(field, stackLayers, 0, 0);
  return { field, seen: trace.inputPixels, unseen: field * field - trace.inputPixels };
}

function unseenMistakes(p: UnseenParams): NumericMistake[] {
  const { field, seen } = traceUnseen(p);
  return [
    {
      value: 0,
      note: 'assumed the field is filled',
      feedback: bi('Every step of every layer is a multiple of $d$: pixels in between are never reached.', '모든 층의 걸음이 $d$의 배수이므로, 그 사이의 픽셀에는 결코 닿지 않습니다.'),
    },
    {
      value: seen,
      note: 'counted the seen pixels',
      feedback: bi('That is how many pixels the output sees; the question asks for the ones it misses.', '그것은 출력이 보는 픽셀의 개수입니다. 묻는 것은 보지 못하는 픽셀입니다.'),
    },
    {
      value: field * field - p.layers * p.kernelSize * p.kernelSize,
      note: 'counted one tap per weight',
      feedback: bi('Taps of different layers overlap: the seen pixels form a grid, one per combination of steps that lands on a new pixel.', '서로 다른 층의 탭은 겹칩니다. 보이는 픽셀은 격자를 이루며, 걸음의 조합이 닿는 서로 다른 픽셀만 셉니다.'),
    },
    {
      value: field - (p.layers * (p.kernelSize - 1) + 1),
      note: 'counted one axis only',
      feedback: bi('That is one row of the field; the holes run along both axes.', '그것은 수용 영역의 한 줄입니다. 구멍은 두 축을 따라 생깁니다.'),
    },
  ];
}

export const unseen: ExerciseDefinition<UnseenParams> = {
  id: 'dilation/unseen',
  version: 1,
  lesson: 'dilation',
  kind: 'receptive-field',
  title: bi('Holes in a dilated stack', '팽창된 층을 쌓을 때의 구멍'),
  generate(rng: Random) {
    return { layers: intBetween(rng, 2, 4), kernelSize: intBetween(rng, 2, 5), dilation: intBetween(rng, 2, 5) };
  },
  validate(p) {
    const { field, seen } = traceUnseen(p);
    const perAxis = p.layers * (p.kernelSize - 1) + 1;
    if (field !== p.layers * p.dilation * (p.kernelSize - 1) + 1) throw new Error('the summary and the receptive-field formula disagree');
    if (seen !== perAxis * perAxis) throw new Error('the backward pass and the grid count disagree');
  },
  prompt(p) {
    const line = `nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, dilation=${p.dilation})`;
    const snippet = code(`net = nn.Sequential(\n${Array.from({ length: p.layers }, () => `    ${line},`).join('\n')}\n)`);
    return {
      en: [text('One output of this stack has a square receptive field on the input. How many input pixels inside that square can it never depend on, whatever the weights?'), snippet],
      ko: [text('이 층들의 출력 하나는 입력 위에 정사각형 수용 영역을 가집니다. 가중치가 무엇이든 그 정사각형 안에서 출력이 결코 의존할 수 없는 입력 픽셀은 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Pixels never seen', '보지 못하는 픽셀') }),
  answer(p) {
    const v = traceUnseen(p).unseen;
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: traceUnseen(p).unseen, mistakes: unseenMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('First the receptive field: each layer adds $d(k-1)$ pixels to its side.')],
        [text('먼저 수용 영역을 구하세요. 층마다 한 변에 $d(k-1)$ 픽셀이 더해집니다.')],
      ),
      bi<readonly Block[]>(
        [text('Along one row, the output reaches only offsets that are multiples of $d$. How many such offsets fit in the field? The seen pixels are that number squared.')],
        [text('한 줄에서 출력은 $d$의 배수인 위치에만 닿습니다. 수용 영역 안에 그런 위치가 몇 개입니까? 보이는 픽셀은 그 수의 제곱입니다.')],
      ),
    ];
  },
  solution(p) {
    const { field, seen, unseen: missed } = traceUnseen(p);
    const perAxis = Math.round(Math.sqrt(seen));
    const eq = math(`${field}^2 - ${perAxis}^2 = ${field * field} - ${seen} = ${missed}`);
    return {
      en: [text(`The field is ${field}×${field}. Along each axis the output reaches ${perAxis} offsets, ${p.dilation} pixels apart, so the backward pass finds ${seen} pixels with a gradient and ${missed} without:`), eq],
      ko: [text(`수용 영역은 ${field}×${field}입니다. 축마다 출력은 ${p.dilation}픽셀 간격의 위치 ${perAxis}곳에 닿으므로, 역전파로 기울기가 있는 픽셀은 ${seen}개, 없는 픽셀은 ${missed}개입니다.`), eq],
    };
  },
  mistakes(p) {
    const right = traceUnseen(p).unseen;
    return numericMistakes(unseenMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [span, output, unseen];
