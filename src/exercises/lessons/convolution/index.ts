/**
 * Lesson 2, the convolution operation: one output by hand, the shape of an
 * output volume, the multiply-accumulates of a layer, and a kernel of the
 * student's own that must find vertical edges.
 */
import { Random, conv2d, datasets, nn, summary, tensor } from '../../../engine/index.ts';
import { encodeIntegers, formatNumber, grouped, texGrouped, parseIntegers } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, correct, grid, incorrect, invalid, math, partial, text, texMatrix, withParticle } from '../../text.ts';
import type { AnyExercise, Bilingual, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import { lengthOf } from '../output-size/formula.ts';
import { verticalEdges } from './vertical-edges.ts';
import { josa } from '../../../i18n/korean.ts';

/** Parameters of `convolution/one-output`. */
export interface OneOutputParams {
  /** 'integers': small whole numbers; 'x-picture': lesson 2's X of +1/-1 with the sum divided by 9. */
  style: 'integers' | 'x-picture';
  input: number[][];
  kernel: number[][];
  /** Output position, from 0. */
  row: number;
  col: number;
  divisor: number;
}

/** Cross-correlation (what PyTorch's conv2d computes) of the whole input, by the engine. */
function convolveAll(input: number[][], kernel: number[][]): number[][] {
  const side = input.length;
  const k = kernel.length;
  const y = conv2d(tensor(input.flat(), [1, 1, side, side]), tensor(kernel.flat(), [1, 1, k, k]));
  const out = y.shape[3];
  return Array.from({ length: out }, (_, r) => Array.from({ length: out }, (_, c) => y.data[r * out + c]));
}

const oneOutputValue = (p: OneOutputParams, input = p.input, kernel = p.kernel, row = p.row, col = p.col) =>
  convolveAll(input, kernel)[row][col] / p.divisor;

const rotated = (kernel: number[][]) => kernel.map((row) => [...row].reverse()).reverse();

/** The ways to get one output wrong, as values. */
function oneOutputMistakes(p: OneOutputParams): NumericMistake[] {
  const out = convolveAll(p.input, p.kernel);
  const side = out.length;
  const list: NumericMistake[] = [];
  if (p.divisor !== 1) {
    list.push({
      value: out[p.row][p.col],
      note: 'forgot to divide by 9',
      feedback: bi('Right sum, but this filter divides it by 9.', '합은 맞지만 이 필터는 그 합을 9로 나눕니다.'),
    });
  }
  list.push({
    value: oneOutputValue(p, p.input, rotated(p.kernel)),
    note: 'flipped the kernel',
    feedback: bi(
      'You turned the kernel half a circle first, as the textbook convolution does. PyTorch\'s conv2d (cross-correlation) lays the kernel on the patch as it is.',
      '커널을 반 바퀴 돌려서 계산했습니다. 교과서의 합성곱은 그렇게 하지만 PyTorch의 conv2d(교차 상관)는 커널을 그대로 패치에 겹칩니다.',
    ),
  });
  const neighbours: [number, number][] = [
    [p.col, p.row],
    [p.row, p.col + 1],
    [p.row + 1, p.col],
    [p.row, p.col - 1],
    [p.row - 1, p.col],
    [p.row + 1, p.col + 1],
  ];
  for (const [r, c] of neighbours) {
    if (r < 0 || c < 0 || r >= side || c >= side || (r === p.row && c === p.col)) continue;
    list.push({
      value: out[r][c] / p.divisor,
      note: 'used the wrong window',
      feedback: bi(
        `That is the output at row ${r}, column ${c}. Rows and columns count from 0, and output (r, c) uses the patch whose top-left pixel is input (r, c).`,
        `그것은 ${r}행 ${c}열의 출력입니다. 행과 열은 0부터 세며, 출력 (r, c)는 왼쪽 위 픽셀이 입력 (r, c)인 패치를 씁니다.`,
      ),
    });
  }
  return list;
}

const X_DIAGONAL = [
  [1, -1, -1],
  [-1, 1, -1],
  [-1, -1, 1],
];

export const oneOutput: ExerciseDefinition<OneOutputParams> = {
  id: 'convolution/one-output',
  version: 1,
  lesson: 'convolution',
  kind: 'by-hand',
  title: bi('One output by hand', '출력 하나를 손으로 계산하기'),
  generate(rng) {
    if (rng.next() < 0.35) {
      // Lesson 2's worked example: the engine's canonical 9x9 X and a diagonal filter.
      const side = 9;
      const x = datasets.drawXo(0, 'canonical', side, new Random(0));
      const input = Array.from({ length: side }, (_, r) => Array.from(x.subarray(r * side, (r + 1) * side)));
      const kernel = rng.next() < 0.5 ? X_DIAGONAL : X_DIAGONAL.map((row) => [...row].reverse());
      return { style: 'x-picture', input, kernel, row: rng.int(7), col: rng.int(7), divisor: 9 };
    }
    for (;;) {
      const side = pick(rng, [5, 6]);
      const input = Array.from({ length: side }, () => Array.from({ length: side }, () => intBetween(rng, -2, 3)));
      const kernel = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => intBetween(rng, -1, 2)));
      const params: OneOutputParams = { style: 'integers', input, kernel, row: rng.int(side - 2), col: rng.int(side - 2), divisor: 1 };
      // A flipped kernel must give a different number, or that slip would go unnoticed.
      if (oneOutputValue(params) !== oneOutputValue(params, input, rotated(kernel))) return params;
    }
  },
  validate(p) {
    const out = convolveAll(p.input, p.kernel);
    if (out.length !== p.input.length - 2 || p.row >= out.length || p.col >= out.length) throw new Error('position outside the output');
  },
  prompt(p) {
    const highlight = Array.from({ length: 9 }, (_, i) => ({ row: p.row + Math.floor(i / 3), col: p.col + (i % 3) }));
    const blocks = [grid('x', p.input, highlight), grid('w', p.kernel)];
    const divideEn = p.divisor === 1 ? '' : ' Divide the sum by 9, as the lesson does, so that a perfect match gives 1.';
    const divideKo = p.divisor === 1 ? '' : ' 레슨에서처럼 합을 9로 나눕니다. 그러면 완벽하게 일치할 때 1이 됩니다.';
    return {
      en: [
        text(
          `PyTorch's \`conv2d\` slides the 3x3 filter $w$ over the image $x$ (stride 1, no padding). What is the output at row ${p.row}, column ${p.col} (counting from 0)?${divideEn}`,
        ),
        ...blocks,
      ],
      ko: [
        text(`PyTorch의 \`conv2d\`가 3x3 필터(커널) $w$를 이미지 $x$ 위로 밀며 계산합니다(스트라이드 1, 패딩 없음). ${p.row}행 ${p.col}열(0부터 셈)의 출력은 얼마입니까?${divideKo}`),
        ...blocks,
      ],
    };
  },
  answerSpec: () => ({ kind: 'number', label: bi('Output value', '출력값') }),
  answer(p) {
    const value = oneOutputValue(p);
    const sum = value * p.divisor;
    const typed = p.divisor === 1 ? String(value) : `${sum}/${p.divisor}`;
    return { typed, value, display: bi(p.divisor === 1 ? typed : `${typed} ≈ ${formatNumber(value)}`, p.divisor === 1 ? typed : `${typed} ≈ ${formatNumber(value)}`) };
  },
  check(typed, p) {
    // 0.01 accepts 7/9 written as 0.78 or cut to 0.77; neighbouring answers are 2/9 apart.
    return checkNumeric(typed, { expected: oneOutputValue(p), mistakes: oneOutputMistakes(p), integer: false, tolerance: p.divisor === 1 ? 1e-9 : 0.01 });
  },
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`Lay $w$ on the highlighted 3x3 patch, whose top-left pixel is at row ${p.row}, column ${p.col}.`)],
        [text(`강조된 3x3 패치 위에 $w$를 겹치세요. 패치의 왼쪽 위 픽셀은 ${p.row}행 ${p.col}열에 있습니다.`)],
      ),
      bi<readonly Block[]>(
        [text('Multiply each pixel by the weight on top of it and add the nine products. Do not turn the kernel around: PyTorch does not.')],
        [text('픽셀마다 그 위에 놓인 가중치를 곱하고 곱 9개를 더하세요. 커널을 돌리지 마세요. PyTorch는 돌리지 않습니다.')],
      ),
    ];
  },
  solution(p) {
    const patch = p.input.slice(p.row, p.row + 3).map((row) => row.slice(p.col, p.col + 3));
    const terms = patch.flatMap((row, r) => row.map((v, c) => `(${v})(${p.kernel[r][c]})`));
    const sum = oneOutputValue(p) * p.divisor;
    const result = p.divisor === 1 ? `${sum}` : `\\frac{${sum}}{9} \\approx ${formatNumber(sum / 9)}`;
    const working = [math(`${texMatrix(patch)} \\odot ${texMatrix(p.kernel)}`), math(`${terms.join(' + ')} = ${sum}`), math(`y_{${p.row},${p.col}} = ${result}`)];
    return {
      en: [text('The patch and the filter, multiplied cell by cell and added up:'), ...working],
      ko: [text('패치와 필터를 칸끼리 곱해서 모두 더합니다.'), ...working],
    };
  },
  mistakes(p) {
    const right = oneOutputValue(p);
    const tolerance = p.divisor === 1 ? 1e-9 : 0.01;
    return numericMistakes(oneOutputMistakes(p), (v) => Math.abs(v - right) <= tolerance, false, tolerance);
  },
};

/** Parameters of `convolution/output-volume`. */
export interface VolumeParams {
  height: number;
  width: number;
  channels: number;
  filters: number;
  kernelSize: number;
  stride: number;
  padding: number;
}

/** [height, width, depth] of the output, from the engine's summary of the layer (no weights allocated). */
function volumeOf(p: VolumeParams): [number, number, number] {
  const layer = new nn.Conv2d(p.channels, p.filters, p.kernelSize, { stride: p.stride, padding: p.padding, seed: 0 });
  const [, depth, height, width] = summary(layer, [1, p.channels, p.height, p.width]).outputShape;
  return [height, width, depth];
}

function volumeCheck(typed: string, p: VolumeParams): CheckResult {
  const parsed = parseIntegers(typed, 3);
  if (!parsed.ok) return invalid(parsed.reason, 'not three whole numbers');
  const [h, w, d] = parsed.value;
  const [H, W, D] = volumeOf(p);
  if (h === H && w === W && d === D) return correct();
  if (h === D && w === H && d === W && D !== H) {
    return incorrect('wrote depth first', bi('Give height, width, then depth (not PyTorch\'s channels-first order).', '높이, 너비, 깊이 순서로 쓰세요(PyTorch의 채널 먼저 순서가 아닙니다).'));
  }
  const spatialRight = h === H && w === W;
  let depthNote: { note: string; feedback: Bilingual } | null = null;
  if (d !== D) {
    if (d === p.channels) {
      depthNote = {
        note: 'depth = input channels',
        feedback: bi(
          `The depth of the output is the number of filters, ${D}: each filter spans all ${p.channels} input channels and gives one map.`,
          `출력의 깊이는 필터 개수인 ${D}입니다. 필터 하나는 입력 채널 ${p.channels}개를 모두 덮고 맵 하나를 만듭니다.`,
        ),
      };
    } else if (d === p.channels * p.filters) {
      depthNote = {
        note: 'depth = filters x input channels',
        feedback: bi(
          'A filter adds up over all input channels: it gives one map, not one per channel.',
          '필터는 모든 입력 채널에 걸쳐 합을 냅니다. 채널마다가 아니라 필터마다 맵이 하나입니다.',
        ),
      };
    } else {
      depthNote = { note: 'wrong depth', feedback: bi('The depth is the number of filters.', '깊이는 필터 개수입니다.') };
    }
  }
  if (spatialRight && depthNote) return partial(0.5, depthNote.note, bi(`Height and width are right. ${depthNote.feedback.en}`, `높이와 너비는 맞습니다. ${depthNote.feedback.ko}`));
  const sizeFeedback = bi(
    `Height and width follow the output-size formula: $\\lfloor (${p.height} + 2 \\cdot ${p.padding} - ${p.kernelSize}) / ${p.stride} \\rfloor + 1$.`,
    `높이와 너비는 출력 크기 공식을 따릅니다. $\\lfloor (${p.height} + 2 \\cdot ${p.padding} - ${p.kernelSize}) / ${p.stride} \\rfloor + 1$`,
  );
  if (!depthNote) return partial(0.5, 'wrong height or width', bi(`The depth is right. ${sizeFeedback.en}`, `깊이는 맞습니다. ${sizeFeedback.ko}`));
  return incorrect(`wrong height or width; ${depthNote.note}`, bi(`${sizeFeedback.en} ${depthNote.feedback.en}`, `${sizeFeedback.ko} ${depthNote.feedback.ko}`));
}

export const outputVolume: ExerciseDefinition<VolumeParams> = {
  id: 'convolution/output-volume',
  version: 1,
  lesson: 'convolution',
  kind: 'output-size',
  title: bi('Shape of the output volume', '출력 볼륨의 모양'),
  generate(rng) {
    for (;;) {
      const side = pick(rng, [7, 9, 28, 32, 32, 64, 224]);
      const p: VolumeParams = {
        height: side,
        width: side,
        channels: pick(rng, [1, 3, 3, 6, 16]),
        filters: pick(rng, [4, 5, 6, 8, 10, 16, 32, 64]),
        kernelSize: pick(rng, [3, 3, 5, 5, 7]),
        stride: pick(rng, [1, 1, 1, 2]),
        padding: pick(rng, [0, 0, 1, 2]),
      };
      if (p.filters === p.channels) continue;
      if (lengthOf('conv', { inputSize: side, kernelSize: p.kernelSize, stride: p.stride, padding: p.padding, dilation: 1, ceilMode: false }) !== null) return p;
    }
  },
  validate(p) {
    volumeOf(p);
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(${p.channels}, ${p.filters}, kernel_size=${p.kernelSize}, stride=${p.stride}, padding=${p.padding})`);
    return {
      en: [
        text(
          `An image of ${p.height}x${p.width}x${p.channels} (height x width x depth) goes through ${p.filters} filters of ${p.kernelSize}x${p.kernelSize}x${p.channels}, stride ${p.stride}, padding ${p.padding}. What is the output volume, as height, width, depth?`,
        ),
        snippet,
      ],
      ko: [
        text(
          `${p.height}x${p.width}x${p.channels}(높이 x 너비 x 깊이) 이미지가 ${p.kernelSize}x${p.kernelSize}x${p.channels} 필터 ${p.filters}개를 지납니다(스트라이드 ${p.stride}, 패딩 ${p.padding}). 출력 볼륨을 높이, 너비, 깊이 순서로 쓰세요.`,
        ),
        snippet,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('Height', '높이'), bi('Width', '너비'), bi('Depth', '깊이')] }),
  answer(p) {
    const v = volumeOf(p);
    return { typed: encodeIntegers(v), value: v, display: bi(v.join('x'), v.join('x')) };
  },
  check: (typed, p) => volumeCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text('Height and width come from the output-size formula; the depth does not depend on them.')],
        [text('높이와 너비는 출력 크기 공식으로 구합니다. 깊이는 그것과 상관이 없습니다.')],
      ),
      bi<readonly Block[]>(
        [text(`Each filter spans all ${p.channels} input channels and produces one feature map.`)],
        [text(`필터 하나는 입력 채널 ${p.channels}개를 모두 덮고 특징 맵 하나를 만듭니다.`)],
      ),
    ];
  },
  solution(p) {
    const [H, W, D] = volumeOf(p);
    const eq = math(`\\left\\lfloor \\frac{${p.height} + 2 \\cdot ${p.padding} - ${p.kernelSize}}{${p.stride}} \\right\\rfloor + 1 = ${H}`);
    return {
      en: [text('Height (and width, the same here):'), eq, text(`Depth: one map per filter, ${D}. The output is ${H}x${W}x${D}.`)],
      ko: [text('높이(여기서는 너비도 같습니다):'), eq, text(`깊이는 필터마다 맵이 하나이므로 ${D}입니다. 출력은 ${H}x${W}x${D}입니다.`)],
    };
  },
  mistakes(p): Mistake[] {
    const [H, W, D] = volumeOf(p);
    const list: Mistake[] = [{ typed: encodeIntegers([H, W, p.channels]), answerNote: 'depth = input channels' }];
    if (D !== H) list.push({ typed: encodeIntegers([D, H, W]), answerNote: 'wrote depth first' });
    list.push({ typed: encodeIntegers([H + 1, W + 1, D]), answerNote: 'wrong height or width' });
    return list;
  },
};

/** Parameters of `convolution/macs`. */
export interface MacsParams {
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  inputSize: number;
  stride: number;
  padding: number;
}

function macsSummary(p: MacsParams) {
  const layer = new nn.Conv2d(p.inChannels, p.outChannels, p.kernelSize, { stride: p.stride, padding: p.padding, seed: 0 });
  const result = summary(layer, [1, p.inChannels, p.inputSize, p.inputSize]);
  return { macs: result.totalMacs, out: result.outputShape[2] };
}

function macsMistakes(p: MacsParams): NumericMistake[] {
  const { out } = macsSummary(p);
  const k2 = p.kernelSize * p.kernelSize;
  return [
    {
      value: out * out * p.outChannels * k2,
      note: 'forgot the input channels',
      feedback: bi(`Each output value is a dot product over all ${p.inChannels} input channels, not one.`, `출력값 하나는 입력 채널 하나가 아니라 ${p.inChannels}개 전체에 걸친 내적입니다.`),
    },
    {
      value: out * out * p.inChannels * k2,
      note: 'counted one output map only',
      feedback: bi(`There are ${p.outChannels} output maps, each as costly as the first.`, `출력 맵은 ${p.outChannels}개이고 하나하나가 첫 맵만큼 계산이 듭니다.`),
    },
    {
      value: p.inputSize * p.inputSize * p.outChannels * p.inChannels * k2,
      note: 'used the input size for the output positions',
      feedback: bi(`The filter visits ${out}x${out} positions (the output size), not ${p.inputSize}x${p.inputSize}.`, `필터가 놓이는 자리는 ${withParticle(`${p.inputSize}x${p.inputSize}`, '이', '가')} 아니라 출력 크기인 ${out}x${out}개입니다.`),
    },
    {
      value: p.outChannels * p.inChannels * k2,
      note: 'counted weights, not multiply-accumulates',
      feedback: bi('That is the number of weights; each weight is used once at every output position.', '그것은 가중치 개수입니다. 가중치 하나는 출력 자리마다 한 번씩 쓰입니다.'),
    },
  ];
}

export const macs: ExerciseDefinition<MacsParams> = {
  id: 'convolution/macs',
  version: 1,
  lesson: 'convolution',
  kind: 'count',
  title: bi('Multiply-accumulates of a layer', '계층의 곱셈-누산 횟수'),
  generate(rng) {
    for (;;) {
      const p: MacsParams = {
        inChannels: pick(rng, [1, 3, 6, 16, 32]),
        outChannels: pick(rng, [4, 6, 8, 16, 32, 64]),
        kernelSize: pick(rng, [1, 3, 3, 5]),
        inputSize: pick(rng, [8, 14, 16, 28, 32]),
        stride: pick(rng, [1, 1, 2]),
        padding: pick(rng, [0, 1, 2]),
      };
      if (p.inChannels === p.outChannels) continue;
      if (lengthOf('conv', { inputSize: p.inputSize, kernelSize: p.kernelSize, stride: p.stride, padding: p.padding, dilation: 1, ceilMode: false }) !== null) return p;
    }
  },
  validate(p) {
    if (!(macsSummary(p).macs > 0)) throw new Error('no multiply-accumulates');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(${p.inChannels}, ${p.outChannels}, kernel_size=${p.kernelSize}, stride=${p.stride}, padding=${p.padding})\nx = torch.randn(1, ${p.inChannels}, ${p.inputSize}, ${p.inputSize})`);
    return {
      en: [text('How many multiply-accumulates (one multiplication added to a running sum) does this layer do for one image? Leave out the bias.'), snippet],
      ko: [text('이 계층은 이미지 한 장에 곱셈-누산(곱셈 하나를 누적 합에 더하는 일)을 몇 번 합니까? 편향은 빼고 셉니다.'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Multiply-accumulates', '곱셈-누산 횟수') }),
  answer(p) {
    const { macs: value } = macsSummary(p);
    return { typed: String(value), value, display: bi(grouped(value), grouped(value)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: macsSummary(p).macs, mistakes: macsMistakes(p) }),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text('First find the output size: how many positions does the filter visit?')],
        [text('먼저 출력 크기를 구하세요. 필터가 놓이는 자리는 몇 개입니까?')],
      ),
      bi<readonly Block[]>(
        [text(`One output value is a dot product of ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize} weights with the input.`)],
        [text(`출력값 하나는 가중치 ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize}개와 입력의 내적입니다.`)],
      ),
    ];
  },
  solution(p) {
    const { macs: value, out } = macsSummary(p);
    const eq = math(`\\underbrace{${out} \\cdot ${out}}_{\\text{positions}} \\cdot \\underbrace{${p.outChannels}}_{\\text{maps}} \\cdot \\underbrace{${p.inChannels} \\cdot ${p.kernelSize} \\cdot ${p.kernelSize}}_{\\text{one dot product}} = ${texGrouped(value)}`);
    const eqKo = math(`\\underbrace{${out} \\cdot ${out}}_{\\text{자리}} \\cdot \\underbrace{${p.outChannels}}_{\\text{맵}} \\cdot \\underbrace{${p.inChannels} \\cdot ${p.kernelSize} \\cdot ${p.kernelSize}}_{\\text{내적 하나}} = ${texGrouped(value)}`);
    return {
      en: [text(`The output is ${out}x${out}x${p.outChannels}, and every output value costs one dot product:`), eq],
      ko: [text(`출력은 ${out}x${out}x${josa(p.outChannels, '(이)고')} 출력값마다 내적 하나가 듭니다.`), eqKo],
    };
  },
  mistakes(p) {
    const right = macsSummary(p).macs;
    return numericMistakes(macsMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [oneOutput, outputVolume, macs, verticalEdges];
