/**
 * Lesson 11, pooling (not written yet; these exercises can be assigned
 * already): the output size of a pooling layer, forward and solved for each
 * hyper-parameter, and a pooling worked by hand.
 */
import { avgPool2d, maxPool2d, tensor } from '../../../engine/index.ts';
import { encodeGrid, formatNumber, parseAnyGrid } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, correct, grid, incorrect, invalid, math, partial, text, texMatrix } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import { drawPoolConfig, formulaHints, formulaMistakes, formulaSolution, layerCode, lengthOf, makeSolveFor, validateConfig } from '../output-size/formula.ts';
import type { WindowConfig } from '../output-size/formula.ts';
import { josa } from '../../../i18n/korean.ts';

/** Parameters of `pooling/forward`. */
export interface PoolForwardParams {
  inputSize: number;
  kernelSize: number;
  stride: number;
  padding: number;
  ceilMode: boolean;
  /** Whether the code passes `stride` (if not, PyTorch uses the kernel size). */
  strideWritten: boolean;
  channels: number;
}

const poolConfig = (p: PoolForwardParams): WindowConfig => ({
  inputSize: p.inputSize,
  kernelSize: p.kernelSize,
  stride: p.stride,
  padding: p.padding,
  dilation: 1,
  ceilMode: p.ceilMode,
});

export const poolForward: ExerciseDefinition<PoolForwardParams> = {
  id: 'pooling/forward',
  version: 1,
  lesson: 'pooling',
  kind: 'output-size',
  title: bi('Output size of a pooling layer', '풀링 계층의 출력 크기'),
  generate(rng) {
    const c = drawPoolConfig(rng, true);
    return {
      inputSize: c.inputSize,
      kernelSize: c.kernelSize,
      stride: c.stride,
      padding: c.padding,
      ceilMode: c.ceilMode,
      strideWritten: c.stride !== c.kernelSize || rng.next() < 0.3,
      channels: pick(rng, [3, 16, 32, 64]),
    };
  },
  validate(p) {
    const length = lengthOf('pool', poolConfig(p));
    if (length === null) throw new Error('PyTorch refuses this pooling layer');
    validateConfig('pool', poolConfig(p), length);
  },
  prompt(p) {
    const snippet = code(
      `pool = ${layerCode('pool', poolConfig(p), undefined, p.strideWritten)}\nx = torch.randn(1, ${p.channels}, ${p.inputSize}, ${p.inputSize})\npool(x).shape  # torch.Size([1, ${p.channels}, ?, ?])`,
    );
    return {
      en: [text('What height and width (`?`) does this pooling layer output?'), snippet],
      ko: [text('이 풀링 계층이 내놓는 출력의 높이와 너비(`?`)는 얼마입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Output size', '출력 크기') }),
  answer(p) {
    const length = lengthOf('pool', poolConfig(p))!;
    return { typed: String(length), value: length, display: bi(String(length), String(length)) };
  },
  check(typed, p) {
    return checkNumeric(typed, { expected: lengthOf('pool', poolConfig(p))!, mistakes: formulaMistakes('pool', poolConfig(p), p.strideWritten) });
  },
  hints(p) {
    const first = p.strideWritten
      ? []
      : [bi<readonly Block[]>([text('No stride is given: what does a pooling layer use then?')], [text('스트라이드가 주어지지 않았습니다. 이럴 때 풀링 계층은 어떤 값을 씁니까?')])];
    return [...first, ...formulaHints('pool', poolConfig(p))];
  },
  solution(p) {
    const worked = formulaSolution('pool', poolConfig(p));
    const stride = p.strideWritten
      ? bi('', '')
      : bi(`No stride is given, so it is the kernel size, ${p.kernelSize}. `, `스트라이드가 없으므로 커널 크기와 같은 ${p.kernelSize}입니다. `);
    const depth = bi(
      `Pooling leaves the depth alone: the output is still ${p.channels} maps deep.`,
      `풀링은 깊이를 바꾸지 않습니다. 출력의 깊이는 여전히 ${p.channels}입니다.`,
    );
    return {
      en: [...(stride.en ? [text(stride.en)] : []), ...worked.en, text(depth.en)],
      ko: [...(stride.ko ? [text(stride.ko)] : []), ...worked.ko, text(depth.ko)],
    };
  },
  mistakes(p) {
    const right = lengthOf('pool', poolConfig(p))!;
    return numericMistakes(formulaMistakes('pool', poolConfig(p), p.strideWritten), (v) => v === right);
  },
};

/** Parameters of `pooling/by-hand`: a small integer image and a pooling to apply to it. */
export interface ByHandParams {
  mode: 'max' | 'avg';
  input: number[][];
  kernelSize: number;
  stride: number;
}

function pooled(p: ByHandParams, mode = p.mode, stride = p.stride): number[][] {
  const side = p.input.length;
  const x = tensor(p.input.flat(), [1, 1, side, side]);
  const y = mode === 'max' ? maxPool2d(x, { kernelSize: p.kernelSize, stride }) : avgPool2d(x, { kernelSize: p.kernelSize, stride });
  const [, , h, w] = y.shape;
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => y.data[r * w + c]));
}

/** The minimum of each window (a slip: min instead of max), by negating max pooling's input. */
function minPooled(p: ByHandParams): number[][] {
  return pooled({ ...p, input: p.input.map((row) => row.map((v) => -v)) }, 'max').map((row) => row.map((v) => -v));
}

const sameGrid = (a: number[][], b: number[][], tolerance = 0.01) =>
  a.length === b.length && a.every((row, r) => row.length === b[r].length && row.every((v, c) => Math.abs(v - b[r][c]) <= tolerance));

function byHandCheck(typed: string, p: ByHandParams): CheckResult {
  const parsed = parseAnyGrid(typed);
  if (!parsed.ok) return invalid(parsed.reason, 'not a matrix');
  const got = parsed.value;
  const want = pooled(p);
  if (got.length !== want.length || got[0].length !== want[0].length) {
    const overlapping = pooled(p, p.mode, 1);
    if (got.length === overlapping.length && got[0].length === overlapping[0].length && p.stride !== 1) {
      return incorrect(
        'slid by 1 instead of the stride',
        bi(`The windows move ${p.stride} pixels at a time, so the output is ${want.length}x${want[0].length}.`, `창은 한 번에 ${p.stride} 픽셀씩 움직이므로 출력은 ${want.length}x${want[0].length}입니다.`),
      );
    }
    return incorrect('wrong output shape', bi(`The output is ${want.length}x${want[0].length}.`, `출력은 ${want.length}x${want[0].length}입니다.`));
  }
  if (sameGrid(got, want)) return correct();
  if (p.mode === 'max' && sameGrid(got, pooled(p, 'avg'))) {
    return incorrect('averaged instead of max', bi('This is average pooling; max pooling keeps the largest value of each window.', '이것은 평균 풀링입니다. 최대 풀링은 창마다 가장 큰 값을 남깁니다.'));
  }
  if (p.mode === 'avg' && sameGrid(got, pooled(p, 'max'))) {
    return incorrect('took max instead of average', bi('This is max pooling; average pooling takes the mean of each window.', '이것은 최대 풀링입니다. 평균 풀링은 창마다 평균을 냅니다.'));
  }
  if (p.mode === 'max' && sameGrid(got, minPooled(p))) {
    return incorrect('took the minimum', bi('Those are the smallest values; max pooling keeps the largest.', '가장 작은 값을 골랐습니다. 최대 풀링은 가장 큰 값을 남깁니다.'));
  }
  const area = p.kernelSize * p.kernelSize;
  if (p.mode === 'avg' && sameGrid(got, want.map((row) => row.map((v) => v * area)))) {
    return incorrect('summed instead of averaging', bi(`Divide each sum by the ${area} values of the window.`, `합을 창에 든 값 ${area}개로 나누어야 합니다.`));
  }
  let right = 0;
  want.forEach((row, r) => row.forEach((v, c) => (right += Math.abs(v - got[r][c]) <= 0.01 ? 1 : 0)));
  const total = want.length * want[0].length;
  if (right === 0) return incorrect('incorrect: other', bi('None of the values is right.', '맞는 값이 하나도 없습니다.'));
  return partial(right / total, 'some cells wrong', bi(`${right} of the ${total} values are right.`, `${total}개 값 중 ${right}개가 맞습니다.`));
}

export const poolByHand: ExerciseDefinition<ByHandParams> = {
  id: 'pooling/by-hand',
  version: 1,
  lesson: 'pooling',
  kind: 'by-hand',
  title: bi('Pooling by hand', '손으로 풀링하기'),
  generate(rng) {
    const [side, kernelSize, stride] = pick(rng, [
      [4, 2, 2],
      [4, 2, 2],
      [6, 2, 2],
      [5, 3, 2],
      [6, 3, 3],
    ] as const);
    const input = Array.from({ length: side }, () => Array.from({ length: side }, () => intBetween(rng, 0, 9)));
    return { mode: rng.next() < 0.6 ? 'max' : 'avg', input, kernelSize, stride };
  },
  validate(p) {
    const out = pooled(p);
    if (out.length < 1 || out.flat().some((v) => !Number.isFinite(v))) throw new Error('pooling gave no output');
  },
  prompt(p) {
    const layer = `nn.${p.mode === 'max' ? 'MaxPool2d' : 'AvgPool2d'}(kernel_size=${p.kernelSize}, stride=${p.stride})`;
    const g = grid('x', p.input);
    return {
      en: [text(`Apply \`${layer}\` to this ${p.input.length}x${p.input.length} image by hand. Type the output row by row: commas between values, semicolons between rows.`), g],
      ko: [text(`이 ${p.input.length}x${p.input.length} 이미지에 \`${layer}\`를 손으로 적용하세요. 출력을 행 단위로 입력합니다. 값 사이에는 쉼표, 행 사이에는 세미콜론을 씁니다.`), g],
    };
  },
  answerSpec(p) {
    const out = pooled(p);
    return { kind: 'grid', label: bi('Output', '출력'), rows: out.length, cols: out[0].length };
  },
  answer(p) {
    const out = pooled(p);
    return { typed: encodeGrid(out), value: out, display: bi(encodeGrid(out), encodeGrid(out)) };
  },
  check: (typed, p) => byHandCheck(typed, p),
  hints(p) {
    const out = pooled(p);
    return [
      bi<readonly Block[]>(
        [text(`The output is ${out.length}x${out[0].length}: the ${p.kernelSize}x${p.kernelSize} window starts at the top left and moves ${p.stride} pixels at a time.`)],
        [text(`출력은 ${out.length}x${out[0].length}입니다. ${p.kernelSize}x${p.kernelSize} 창은 왼쪽 위에서 시작해 한 번에 ${p.stride} 픽셀씩 움직입니다.`)],
      ),
      bi<readonly Block[]>(
        [text(p.mode === 'max' ? 'Each output is the largest value in its window.' : `Each output is the sum of its window divided by ${p.kernelSize * p.kernelSize}.`)],
        [text(p.mode === 'max' ? '출력값은 각 창에서 가장 큰 값입니다.' : `출력값은 각 창의 합을 ${josa(p.kernelSize * p.kernelSize, '(으)로')} 나눈 값입니다.`)],
      ),
    ];
  },
  solution(p) {
    const out = pooled(p);
    const first = p.input.slice(0, p.kernelSize).map((row) => row.slice(0, p.kernelSize));
    const op = p.mode === 'max' ? '\\max' : `\\tfrac{1}{${p.kernelSize * p.kernelSize}} \\sum`;
    const working = math(`${op} ${texMatrix(first)} = ${formatNumber(out[0][0])}, \\quad \\text{output} = ${texMatrix(out.map((row) => row.map((v) => Number(formatNumber(v)))))}`);
    return {
      en: [text('The first window and its result; every other window works the same way:'), working],
      ko: [text('첫 번째 창과 그 결과입니다. 다른 창도 모두 같은 방법으로 계산합니다.'), working],
    };
  },
  mistakes(p): Mistake[] {
    const want = pooled(p);
    const list: Mistake[] = [];
    const other = pooled(p, p.mode === 'max' ? 'avg' : 'max');
    if (!sameGrid(other, want)) list.push({ typed: encodeGrid(other), answerNote: p.mode === 'max' ? 'averaged instead of max' : 'took max instead of average' });
    if (p.stride !== 1) list.push({ typed: encodeGrid(pooled(p, p.mode, 1)), answerNote: 'slid by 1 instead of the stride' });
    const off = want.map((row, r) => row.map((v, c) => (r === 0 && c === 0 ? v + 1 : v)));
    list.push({ typed: encodeGrid(off), answerNote: 'some cells wrong' });
    return list;
  },
};

export const exercises: AnyExercise[] = [
  poolForward,
  poolByHand,
  makeSolveFor('pool', 'kernelSize'),
  makeSolveFor('pool', 'stride'),
  makeSolveFor('pool', 'padding'),
  makeSolveFor('pool', 'inputSize'),
];
