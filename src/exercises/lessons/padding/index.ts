/**
 * Lesson 5, padding: what each padding mode copies into the border, how many
 * windows read a corner pixel, and where padding='same' puts its pixels. Every
 * answer is computed by the engine (`pad`, a traced `conv2d`, the convolution plan).
 */
import { conv2d, conv2dGeometry, noGrad, ones, pad, sum, tensor, zeros } from '../../../engine/index.ts';
import type { PadMode, Random } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick, shuffled } from '../../seed.ts';
import { bi, code, math, text } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

// ---------------------------------------------------------------- padded-value

type CopyMode = 'reflect' | 'replicate' | 'circular';

/** Parameters of `padding/padded-value`: a row, a mode, an amount, and which end of the padded row is asked. */
export interface PaddedValueParams {
  row: number[];
  mode: CopyMode;
  amount: number;
  side: 'left' | 'right';
}

/** The row padded by the engine's `pad` ('constant' for zeros). */
function padded(row: readonly number[], amount: number, mode: PadMode): number[] {
  return noGrad(() => Array.from(pad(tensor(row, [1, 1, row.length]), [amount, amount], mode).data));
}

/** The value at the asked end of the padded row. */
function endValue(p: PaddedValueParams, mode: PadMode = p.mode): number {
  const out = padded(p.row, p.amount, mode);
  return p.side === 'left' ? out[0] : out[out.length - 1];
}

/** NumPy's 'symmetric' mode (the edge pixel repeated in the mirror), which PyTorch does not have. */
function symmetricEnd(p: PaddedValueParams): number {
  const n = p.row.length;
  const j = p.side === 'left' ? -p.amount : n - 1 + p.amount;
  const index = j < 0 ? -j - 1 : 2 * n - 1 - j;
  return p.row[Math.max(0, Math.min(n - 1, index))];
}

const MODE_NOTE: Record<CopyMode, Record<CopyMode, string>> = {
  reflect: { reflect: '', replicate: 'used replicate instead of reflect', circular: 'used circular instead of reflect' },
  replicate: { reflect: 'used reflect instead of replicate', replicate: '', circular: 'used circular instead of replicate' },
  circular: { reflect: 'used reflect instead of circular', replicate: 'used replicate instead of circular', circular: '' },
};

const MODE_RULE: Record<CopyMode, { en: string; ko: string }> = {
  reflect: {
    en: "'reflect' mirrors the row around its edge pixel, without repeating that pixel.",
    ko: "'reflect'는 가장자리 픽셀을 축으로 줄을 거울처럼 뒤집으며, 축이 되는 픽셀은 반복하지 않습니다.",
  },
  replicate: { en: "'replicate' repeats the edge pixel.", ko: "'replicate'는 가장자리 픽셀을 그대로 반복합니다." },
  circular: {
    en: "'circular' wraps around: the left border continues from the right end, and the other way round.",
    ko: "'circular'는 한 바퀴 돌아 이어 붙입니다. 왼쪽 테두리는 오른쪽 끝에서 이어지고, 오른쪽 테두리는 왼쪽 끝에서 이어집니다.",
  },
};

function paddedValueMistakes(p: PaddedValueParams): NumericMistake[] {
  // A mode the engine refuses at this width (reflect as wide as the row) is no mistake anyone can make.
  const accepts = (m: CopyMode) => m !== 'reflect' || p.amount < p.row.length;
  const others = (['reflect', 'replicate', 'circular'] as const).filter((m) => m !== p.mode && accepts(m));
  return [
    ...others.map((m) => ({
      value: endValue(p, m),
      note: MODE_NOTE[p.mode][m],
      feedback: bi(`That is what '${m}' puts there. ${MODE_RULE[p.mode].en}`, `그 값은 '${m}' 모드가 넣는 값입니다. ${MODE_RULE[p.mode].ko}`),
    })),
    {
      value: symmetricEnd(p),
      note: 'repeated the edge pixel in the mirror',
      feedback: bi(
        "PyTorch's reflect does not repeat the edge pixel: the pixel next to the border is the second one of the row.",
        'PyTorch의 reflect는 가장자리 픽셀을 반복하지 않습니다. 테두리 바로 옆에는 줄의 두 번째 픽셀이 옵니다.',
      ),
    },
    {
      value: 0,
      note: 'used zero padding',
      feedback: bi('Zeros are the default, but this layer copies pixels of the row.', '기본값은 0이지만 이 계층은 줄의 픽셀을 복사합니다.'),
    },
  ].filter((m) => m.note !== '');
}

export const paddedValue: ExerciseDefinition<PaddedValueParams> = {
  id: 'padding/padded-value',
  version: 1,
  lesson: 'padding',
  kind: 'by-hand',
  title: bi('What the padding copies', '패딩이 복사하는 값'),
  generate(rng) {
    const n = intBetween(rng, 4, 6);
    const row = shuffled(rng, [1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, n);
    const mode = pick(rng, ['reflect', 'replicate', 'circular'] as const);
    // Reflect needs less than the row's length, circular at most its length; at least 2 so the mode matters.
    const amount = intBetween(rng, 2, Math.min(4, mode === 'reflect' ? n - 1 : n));
    return { row, mode, amount, side: rng.next() < 0.5 ? 'left' : 'right' };
  },
  validate(p) {
    const out = padded(p.row, p.amount, p.mode);
    if (out.length !== p.row.length + 2 * p.amount) throw new Error('the engine padded to an unexpected length');
  },
  prompt(p) {
    const snippet = code(`x = torch.tensor([[${p.row.join(', ')}]], dtype=torch.float32)\nF.pad(x, (${p.amount}, ${p.amount}), mode='${p.mode}')`);
    return {
      en: [text(`PyTorch pads this row by ${p.amount} on each side in '${p.mode}' mode. What is the ${p.side === 'left' ? 'first (leftmost)' : 'last (rightmost)'} value of the padded row?`), snippet],
      ko: [text(`PyTorch가 이 줄의 양쪽에 '${p.mode}' 모드로 ${p.amount}씩 패딩을 넣습니다. 패딩을 넣은 줄의 ${p.side === 'left' ? '첫 번째(가장 왼쪽)' : '마지막(가장 오른쪽)'} 값은 무엇입니까?`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Value', '값') }),
  answer(p) {
    const v = endValue(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: endValue(p), mistakes: paddedValueMistakes(p) }),
  hints(p) {
    return [
      bi<readonly Block[]>([text(MODE_RULE[p.mode].en)], [text(MODE_RULE[p.mode].ko)]),
      bi<readonly Block[]>(
        [text(`Write the row out and add the border one pixel at a time, ${p.amount} on the ${p.side}.`)],
        [text(`줄을 적어 놓고 ${p.side === 'left' ? '왼쪽' : '오른쪽'}에 테두리를 한 픽셀씩 붙여 보세요. 모두 ${p.amount}픽셀입니다.`)],
      ),
    ];
  },
  solution(p) {
    const out = padded(p.row, p.amount, p.mode).join(', ');
    const v = endValue(p);
    return {
      en: [text(`The engine's \`pad\` gives [${out}], so the ${p.side === 'left' ? 'first' : 'last'} value is ${v}.`)],
      ko: [text(`엔진의 \`pad\`가 돌려주는 줄은 [${out}]입니다. 따라서 ${p.side === 'left' ? '첫 번째' : '마지막'} 값은 ${v}입니다.`)],
    };
  },
  mistakes(p) {
    const right = endValue(p);
    return numericMistakes(paddedValueMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- corner-count

/** Parameters of `padding/corner-count`: a square input, a square kernel, zero padding, stride 1. */
export interface CornerParams {
  inputSize: number;
  kernelSize: number;
  padding: number;
}

/** Windows that read the top-left pixel: the gradient of the summed output of an all-ones kernel. */
function cornerCount(p: CornerParams): number {
  const x = zeros([1, 1, p.inputSize, p.inputSize], { requiresGrad: true });
  sum(conv2d(x, ones([1, 1, p.kernelSize, p.kernelSize]), null, { padding: p.padding })).backward();
  return x.grad!.data[0];
}

function cornerMistakes(p: CornerParams): NumericMistake[] {
  const perAxis = Math.min(p.kernelSize, p.padding + 1);
  return [
    {
      value: p.kernelSize * p.kernelSize,
      note: 'assumed every pixel is read k² times',
      feedback: bi(
        'Only a pixel far enough from the border is read by $k^2$ windows; count the window positions that still cover the corner.',
        '테두리에서 충분히 떨어진 픽셀만 창 $k^2$개가 읽습니다. 모서리를 덮는 창의 위치만 세어 보세요.',
      ),
    },
    {
      value: 1,
      note: 'ignored the padding',
      feedback: bi('Without padding the corner is read once; padding lets windows start above and to the left of it.', '패딩이 없으면 모서리는 한 번 읽히지만, 패딩이 있으면 창이 그 위와 왼쪽에서도 시작할 수 있습니다.'),
    },
    {
      value: perAxis,
      note: 'counted one axis only',
      feedback: bi('That is the count along one row; a window position is a row position and a column position.', '그것은 한 줄에서의 개수입니다. 창의 위치는 행 위치와 열 위치의 조합입니다.'),
    },
    {
      value: (p.padding + 1) * (p.padding + 1) + 1,
      note: 'off by one',
      feedback: bi('One too many.', '하나가 많습니다.'),
    },
  ];
}

export const cornerCountExercise: ExerciseDefinition<CornerParams> = {
  id: 'padding/corner-count',
  version: 1,
  lesson: 'padding',
  kind: 'count',
  title: bi('Windows that read the corner', '모서리를 읽는 창의 개수'),
  generate(rng: Random) {
    const kernelSize = intBetween(rng, 2, 5);
    return { inputSize: intBetween(rng, kernelSize + 2, 10), kernelSize, padding: intBetween(rng, 0, kernelSize - 1) };
  },
  validate(p) {
    const perAxis = Math.min(p.kernelSize, p.padding + 1);
    if (cornerCount(p) !== perAxis * perAxis) throw new Error('the engine and the row-times-column count disagree');
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, padding=${p.padding})  # stride 1, zero padding\nx = torch.randn(1, 1, ${p.inputSize}, ${p.inputSize})`);
    return {
      en: [text('How many positions of this convolution\'s window cover the top-left pixel of the input, `x[0, 0, 0, 0]`?'), snippet],
      ko: [text('이 합성곱의 창이 놓이는 위치 가운데 입력의 왼쪽 위 픽셀 `x[0, 0, 0, 0]`을 덮는 위치는 몇 개입니까?'), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Windows', '창의 개수') }),
  answer(p) {
    const v = cornerCount(p);
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: cornerCount(p), mistakes: cornerMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Along one row, a window covers the corner when it starts at most $k-1$ pixels before it; the padding decides how far before it can start.')],
        [text('한 줄에서 창은 모서리보다 최대 $k-1$ 픽셀 앞에서 시작할 때 모서리를 덮습니다. 얼마나 앞에서 시작할 수 있는지는 패딩이 정합니다.')],
      ),
      bi<readonly Block[]>(
        [text('Count the starts along a row, then along a column, and multiply.'), math('\\min(k,\\ p + 1)^2')],
        [text('행 방향의 시작 위치와 열 방향의 시작 위치를 각각 세어 곱하세요.'), math('\\min(k,\\ p + 1)^2')],
      ),
    ];
  },
  solution(p) {
    const perAxis = Math.min(p.kernelSize, p.padding + 1);
    const eq = math(`\\min(${p.kernelSize},\\ ${p.padding} + 1)^2 = ${perAxis}^2 = ${perAxis * perAxis}`);
    return {
      en: [text('Along each axis the window can start anywhere from the first padding pixel to the corner itself, but no more than $k$ starts still reach it:'), eq],
      ko: [text('축마다 창은 첫 번째 패딩 픽셀부터 모서리 자신까지 어디서든 시작할 수 있지만, 모서리에 닿는 시작 위치는 $k$개를 넘지 않습니다.'), eq],
    };
  },
  mistakes(p) {
    const right = cornerCount(p);
    return numericMistakes(cornerMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------- same-split

/** Parameters of `padding/same-split`: a kernel, a dilation, and the side asked about. */
export interface SameSplitParams {
  kernelSize: number;
  dilation: number;
  side: 'top' | 'bottom' | 'left' | 'right';
}

const SIDE_INDEX = { top: 0, bottom: 1, left: 2, right: 3 } as const;
const SIDE_KO = { top: '위', bottom: '아래', left: '왼쪽', right: '오른쪽' } as const;

/** [top, bottom, left, right] as the engine's convolution plan pads for padding='same'. */
function samePads(p: SameSplitParams): readonly number[] {
  return conv2dGeometry([1, 1, 16, 16], [1, 1, p.kernelSize, p.kernelSize], { padding: 'same', dilation: p.dilation }).padding;
}

function sameMistakes(p: SameSplitParams): NumericMistake[] {
  const pads = samePads(p);
  const total = pads[0] + pads[1];
  const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const;
  const nodil = Math.floor((p.kernelSize - 1) / 2);
  return [
    {
      value: pads[SIDE_INDEX[opposite[p.side]]],
      note: 'put the extra pixel on the wrong side',
      feedback: bi('PyTorch puts the extra pixel of an odd total after the input: at the bottom and on the right.', '합이 홀수일 때 남는 한 픽셀은 입력 뒤쪽, 즉 아래와 오른쪽에 들어갑니다.'),
    },
    {
      value: total,
      note: 'put all the padding on one side',
      feedback: bi('The total $d(k-1)$ is split between both sides.', '합 $d(k-1)$은 양쪽에 나뉩니다.'),
    },
    {
      value: p.side === 'top' || p.side === 'left' ? nodil : p.kernelSize - 1 - nodil,
      note: 'ignored dilation',
      feedback: bi('A dilated kernel spans $d(k-1)+1$ pixels, so the total padding is $d(k-1)$.', '팽창된 커널은 $d(k-1)+1$ 픽셀에 걸치므로 패딩의 합은 $d(k-1)$입니다.'),
    },
  ];
}

export const sameSplit: ExerciseDefinition<SameSplitParams> = {
  id: 'padding/same-split',
  version: 1,
  lesson: 'padding',
  kind: 'output-size',
  title: bi("Where padding='same' pads", "padding='same'이 패딩을 넣는 곳"),
  generate(rng) {
    const kernelSize = intBetween(rng, 2, 7);
    // Mostly the interesting case: an odd total, where the sides differ.
    for (;;) {
      const dilation = pick(rng, [1, 1, 2, 3]);
      const total = dilation * (kernelSize - 1);
      if (total % 2 === 1 || rng.next() < 0.25) return { kernelSize, dilation, side: pick(rng, ['top', 'bottom', 'left', 'right'] as const) };
    }
  },
  validate(p) {
    const y = noGrad(() => conv2d(zeros([1, 1, 16, 16]), zeros([1, 1, p.kernelSize, p.kernelSize]), null, { padding: 'same', dilation: p.dilation }));
    if (y.shape[2] !== 16 || y.shape[3] !== 16) throw new Error("padding='same' did not keep the size");
  },
  prompt(p) {
    const snippet = code(`conv = nn.Conv2d(1, 1, kernel_size=${p.kernelSize}, dilation=${p.dilation}, padding='same')\nx = torch.randn(1, 1, 16, 16)\nconv(x).shape  # torch.Size([1, 1, 16, 16])`);
    return {
      en: [text(`How many pixels of zero padding does PyTorch add on the ${p.side} of the input?`), snippet],
      ko: [text(`PyTorch는 입력의 ${SIDE_KO[p.side]}에 제로 패딩을 몇 픽셀 넣습니까?`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Padding (pixels)', '패딩(픽셀)') }),
  answer(p) {
    const v = samePads(p)[SIDE_INDEX[p.side]];
    return { typed: String(v), value: v, display: bi(String(v), String(v)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: samePads(p)[SIDE_INDEX[p.side]], mistakes: sameMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text("To keep the size at stride 1, the padding on both sides adds up to the window's span minus one:"), math('d(k-1)')],
        [text('스트라이드 1에서 크기를 유지하려면 양쪽 패딩의 합이 창이 걸치는 폭에서 하나를 뺀 값이어야 합니다.'), math('d(k-1)')],
      ),
      bi<readonly Block[]>(
        [text('When the total is odd, the side before the input gets the smaller half.')],
        [text('합이 홀수이면 입력 앞쪽이 작은 쪽 절반을 받습니다.')],
      ),
    ];
  },
  solution(p) {
    const pads = samePads(p);
    const total = pads[0] + pads[1];
    const eq = math(`${p.dilation}\\cdot(${p.kernelSize}-1) = ${total} = ${pads[0]} + ${pads[1]}`);
    return {
      en: [text(`The total is ${total}: ${pads[0]} before (top, left) and ${pads[1]} after (bottom, right), so the ${p.side} gets ${pads[SIDE_INDEX[p.side]]}.`), eq],
      ko: [text(`합은 ${total}입니다. 앞(위, 왼쪽)에 ${pads[0]}, 뒤(아래, 오른쪽)에 ${pads[1]} 픽셀이 들어가므로 ${SIDE_KO[p.side]}에는 ${pads[SIDE_INDEX[p.side]]} 픽셀이 들어갑니다.`), eq],
    };
  },
  mistakes(p) {
    const right = samePads(p)[SIDE_INDEX[p.side]];
    return numericMistakes(sameMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [paddedValue, cornerCountExercise, sameSplit];
