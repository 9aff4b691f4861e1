/**
 * Lesson 4, output size: the named `output-size/forward`, the four solve-for
 * exercises and the pixels a strided window never reads.
 */
import { uncoveredInputs } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';
import { drawConvConfig, formulaHints, formulaMistakes, formulaSolution, lengthOf, makeSolveFor, validateConfig } from './formula.ts';
import type { WindowConfig } from './formula.ts';
import { josa } from '../../../i18n/korean.ts';

/**
 * `output-size/forward`. Its parameter names are fixed for tools outside the
 * site: `{ inputSize, kernelSize, stride, padding, dilation }`, and the answer
 * is PyTorch's output length as an integer.
 */
export interface ForwardParams {
  inputSize: number;
  kernelSize: number;
  stride: number;
  padding: number;
  dilation: number;
}

const config = (p: ForwardParams): WindowConfig => ({ ...p, ceilMode: false });

export const forward: ExerciseDefinition<ForwardParams> = {
  id: 'output-size/forward',
  version: 1,
  lesson: 'output-size',
  kind: 'output-size',
  title: bi('Output size of a convolution', '합성곱의 출력 크기'),
  generate(rng) {
    const { inputSize, kernelSize, stride, padding, dilation } = drawConvConfig(rng, true);
    return { inputSize, kernelSize, stride, padding, dilation };
  },
  validate(p) {
    const length = lengthOf('conv', config(p));
    if (length === null) throw new Error('PyTorch refuses this convolution');
    validateConfig('conv', config(p), length);
  },
  prompt(p) {
    const snippet = code(
      `conv = nn.Conv2d(3, 8, kernel_size=${p.kernelSize}, stride=${p.stride}, padding=${p.padding}, dilation=${p.dilation})\nx = torch.randn(1, 3, ${p.inputSize}, ${p.inputSize})\nconv(x).shape  # torch.Size([1, 8, ?, ?])`,
    );
    return {
      en: [text('What height and width (`?`) does PyTorch give this convolution\'s output?'), snippet],
      ko: [text('PyTorch에서 이 합성곱의 출력 높이와 너비(`?`)는 얼마입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output size', '출력 크기') }),
  answer(p) {
    const length = lengthOf('conv', config(p))!;
    return { typed: String(length), value: length, display: bi(String(length), String(length)) };
  },
  check(typed, p) {
    return checkNumeric(typed, { expected: lengthOf('conv', config(p))!, mistakes: formulaMistakes('conv', config(p), true) });
  },
  hints: (p) => formulaHints('conv', config(p)),
  solution: (p) => formulaSolution('conv', config(p)),
  mistakes(p) {
    const right = lengthOf('conv', config(p))!;
    return numericMistakes(formulaMistakes('conv', config(p), true), (v) => v === right);
  },
};

/** Parameters of `output-size/unseen-pixels`: a convolution without dilation. */
export interface UnseenParams {
  inputSize: number;
  kernelSize: number;
  stride: number;
  padding: number;
}

const unseenOf = (p: UnseenParams) => uncoveredInputs(p.inputSize, { kernelSize: p.kernelSize, stride: p.stride, padding: p.padding }, 'conv');

function unseenMistakes(p: UnseenParams): NumericMistake[] {
  const unseen = unseenOf(p);
  const length = lengthOf('conv', { ...p, dilation: 1, ceilMode: false })!;
  const lastRead = Math.min(p.inputSize - 1, (length - 1) * p.stride - p.padding + p.kernelSize - 1);
  const numerator = p.inputSize + 2 * p.padding - p.kernelSize;
  return [
    {
      value: p.inputSize - 1 - lastRead,
      note: 'missed the gaps between windows',
      feedback: bi(
        'Count the gaps too: with a stride longer than the kernel, some pixels fall between one window and the next.',
        '창과 창 사이의 빈틈도 세어야 합니다. 스트라이드가 커널보다 길면 두 창 사이에 끼어 읽히지 않는 픽셀이 생깁니다.',
      ),
    },
    {
      value: numerator % p.stride,
      note: 'counted padding as unseen pixels',
      feedback: bi(
        'The remainder of the division counts positions of the padded row; padding pixels are not input pixels.',
        '나눗셈의 나머지는 패딩을 붙인 줄의 위치를 셉니다. 패딩 픽셀은 입력 픽셀이 아닙니다.',
      ),
    },
    {
      value: 0,
      note: 'assumed every pixel is read',
      feedback: bi(
        'Some pixels are never read here: list where each window starts and ends.',
        '여기서는 읽히지 않는 픽셀이 있습니다. 창마다 어디서 시작해 어디서 끝나는지 적어 보세요.',
      ),
    },
    { value: unseen.length + 1, note: 'off by one', feedback: bi('One too many.', '하나가 많습니다.') },
    { value: unseen.length - 1, note: 'off by one', feedback: bi('One too few.', '하나가 적습니다.') },
  ];
}

export const unseenPixels: ExerciseDefinition<UnseenParams> = {
  id: 'output-size/unseen-pixels',
  version: 1,
  lesson: 'output-size',
  kind: 'output-size',
  title: bi('Pixels no window reads', '어느 창도 읽지 않는 픽셀'),
  generate(rng) {
    for (;;) {
      const p: UnseenParams = {
        inputSize: intBetween(rng, 6, 24),
        kernelSize: pick(rng, [1, 2, 3, 3, 5]),
        stride: pick(rng, [2, 2, 3, 3, 4]),
        padding: pick(rng, [0, 0, 0, 1, 2]),
      };
      if (lengthOf('conv', { ...p, dilation: 1, ceilMode: false }) === null) continue;
      // Mostly questions where something is left out; now and then none, so "0" must be earned.
      if (unseenOf(p).length > 0 || rng.next() < 0.15) return p;
    }
  },
  validate(p) {
    const length = lengthOf('conv', { ...p, dilation: 1, ceilMode: false });
    if (length === null) throw new Error('PyTorch refuses this convolution');
    validateConfig('conv', { ...p, dilation: 1, ceilMode: false }, length);
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, stride=${p.stride}, padding=${p.padding})\nx = torch.randn(1, 1, ${p.inputSize}, ${p.inputSize})`);
    return {
      en: [
        text(
          `Number the pixels of one input row from 0 to ${p.inputSize - 1}. How many of them does no window of this convolution ever read (so that changing them changes nothing in the output)?`,
        ),
        snippet,
      ],
      ko: [
        text(
          `입력의 한 줄에 있는 픽셀에 0부터 ${p.inputSize - 1}까지 번호를 붙입니다. 이 합성곱의 창이 한 번도 읽지 않는 픽셀, 즉 값을 바꿔도 출력이 전혀 변하지 않는 픽셀은 몇 개입니까?`,
        ),
        snippet,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Pixels never read', '읽히지 않는 픽셀 수') }),
  answer(p) {
    const unseen = unseenOf(p);
    const which = unseen.length === 0 ? bi('none', '없음') : bi(`pixels ${unseen.join(', ')}`, `${unseen.join(', ')}번 픽셀`);
    return { typed: String(unseen.length), value: unseen.length, display: bi(`${unseen.length} (${which.en})`, `${unseen.length} (${which.ko})`) };
  },
  check(typed, p) {
    return checkNumeric(typed, { expected: unseenOf(p).length, mistakes: unseenMistakes(p) });
  },
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`Work out the output length first; then window $i$ covers input pixels $i \\cdot ${p.stride} - ${p.padding}$ to $i \\cdot ${p.stride} - ${p.padding} + ${p.kernelSize - 1}$.`)],
        [text(`먼저 출력 길이를 구하세요. 그러면 $i$번째 창은 입력 픽셀 $i \\cdot ${p.stride} - ${p.padding}$부터 $i \\cdot ${p.stride} - ${p.padding} + ${p.kernelSize - 1}$까지 덮습니다.`)],
      ),
      bi<readonly Block[]>(
        [text('Pixels go unread in two places: after the last window, and between windows when the stride is longer than the kernel.')],
        [text('읽히지 않는 픽셀은 두 곳에서 생깁니다. 마지막 창 뒤, 그리고 스트라이드가 커널보다 길 때 창과 창 사이입니다.')],
      ),
    ];
  },
  solution(p) {
    const length = lengthOf('conv', { ...p, dilation: 1, ceilMode: false })!;
    const spans = Array.from({ length }, (_, i) => {
      const start = i * p.stride - p.padding;
      return `[${start}, ${start + p.kernelSize - 1}]`;
    });
    const unseen = unseenOf(p);
    const shown = spans.length > 12 ? `${spans.slice(0, 12).join(', ')}, …` : spans.join(', ');
    return {
      en: [
        text(`The output is ${length} long, so there are ${length} windows. Their spans (negative or past ${p.inputSize - 1} means padding): ${shown}.`),
        text(unseen.length === 0 ? 'Together they read every pixel: the answer is 0.' : `Pixels ${unseen.join(', ')} are in none of them: ${unseen.length}.`),
      ],
      ko: [
        text(`출력 길이가 ${josa(length, '이/가')}므로 창은 ${length}개입니다. 창이 덮는 범위는 다음과 같습니다(음수이거나 ${p.inputSize - 1}보다 크면 패딩). ${shown}`),
        text(unseen.length === 0 ? '창들이 모든 픽셀을 읽으므로 답은 0입니다.' : `어느 창에도 들지 않는 픽셀은 ${unseen.join(', ')}번이므로 답은 ${unseen.length}입니다.`),
      ],
    };
  },
  mistakes(p) {
    const right = unseenOf(p).length;
    return numericMistakes(unseenMistakes(p), (v) => v === right).filter((m) => Number(m.typed) >= 0);
  },
};

export const exercises: AnyExercise[] = [
  forward,
  makeSolveFor('conv', 'padding'),
  makeSolveFor('conv', 'stride'),
  makeSolveFor('conv', 'kernelSize'),
  makeSolveFor('conv', 'inputSize'),
  unseenPixels,
];
