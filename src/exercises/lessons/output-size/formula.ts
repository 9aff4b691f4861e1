/**
 * What the output-size exercises of lessons 4 (convolution) and 11 (pooling)
 * share: the typical slips with PyTorch's formula, its working shown step by
 * step, the engine check that a configuration really gives that length, and
 * the "solve for one hyper-parameter" exercises, made by one factory.
 *
 * Every length comes from the engine's `convOutputSteps` / `poolOutputSteps`
 * (tested against PyTorch in tests/unit/engine/shapes.test.ts) and is
 * confirmed by running `conv2d` / `maxPool2d` on a tensor of that size.
 */
import { conv2d, convOutputSteps, maxPool2d, poolOutputSteps, zeros } from '../../../engine/index.ts';
import type { OutputSizeSteps, Random } from '../../../engine/index.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, incorrect, math, particle, text, withParticle } from '../../text.ts';
import type { Bilingual, Block, ExerciseDefinition } from '../../types.ts';
import { josa } from '../../../i18n/korean.ts';

/** Convolution or pooling along one dimension. */
export type Layer = 'conv' | 'pool';

/** The hyper-parameters of one dimension. */
export interface WindowConfig {
  inputSize: number;
  kernelSize: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
}

/** The engine's working of the formula (throws where PyTorch refuses the arguments). */
export function stepsOf(layer: Layer, c: WindowConfig): OutputSizeSteps {
  const { inputSize, ...rest } = c;
  return layer === 'conv' ? convOutputSteps(inputSize, rest) : poolOutputSteps(inputSize, rest);
}

/** The output length, or null where PyTorch refuses (bad arguments or an empty output). */
export function lengthOf(layer: Layer, c: WindowConfig): number | null {
  try {
    const steps = stepsOf(layer, c);
    return steps.result >= 1 ? steps.result : null;
  } catch {
    return null;
  }
}

/**
 * Runs the real op on a 1 x 1 x 1 x L tensor (a 1 x k window, so only the width
 * matters) and returns the width it produces. This is how `validate` proves
 * that the engine accepts a configuration and agrees with the formula.
 */
export function runLength(layer: Layer, c: WindowConfig): number {
  const input = zeros([1, 1, 1, c.inputSize]);
  if (layer === 'conv') {
    const weight = zeros([1, 1, 1, c.kernelSize]);
    return conv2d(input, weight, undefined, { stride: [1, c.stride], padding: [0, c.padding], dilation: [1, c.dilation] }).shape[3];
  }
  return maxPool2d(input, {
    kernelSize: [1, c.kernelSize],
    stride: [1, c.stride],
    padding: [0, c.padding],
    dilation: [1, c.dilation],
    ceilMode: c.ceilMode,
  }).shape[3];
}

/** Throws unless the engine runs the configuration and gives the formula's length. */
export function validateConfig(layer: Layer, c: WindowConfig, expected: number): void {
  const ran = runLength(layer, c);
  if (ran !== expected) throw new Error(`the engine's ${layer} gives length ${ran}, the formula ${expected}`);
}

const floorDiv = (a: number, b: number) => Math.floor(a / b);

/**
 * The slips students make with the formula, each as the length it would give.
 * Order matters: when two slips give the same number, the first names it.
 */
export function formulaMistakes(layer: Layer, c: WindowConfig, strideWritten: boolean): NumericMistake[] {
  const { inputSize: L, kernelSize: k, stride: s, padding: p, dilation: d } = c;
  const numerator = L + 2 * p - d * (k - 1) - 1;
  const list: NumericMistake[] = [
    {
      value: floorDiv(numerator, s),
      note: 'off-by-one: forgot +1',
      feedback: bi(
        'One short: the division counts the steps between window positions; add 1 for the first position.',
        '하나가 모자랍니다. 나눗셈은 창이 옮겨 가는 걸음 수를 셉니다. 첫 자리 하나를 더해야 합니다.',
      ),
    },
    {
      value: c.ceilMode ? floorDiv(numerator, s) + 1 : Math.ceil(numerator / s) + 1,
      note: c.ceilMode ? 'used floor instead of ceil' : 'used ceil instead of floor',
      feedback: c.ceilMode
        ? bi('With ceil_mode=True the division rounds up, not down.', 'ceil_mode=True이면 나눗셈을 내림이 아니라 올림합니다.')
        : bi(
            'PyTorch rounds the division down: a window that would stick out past the padded input is dropped.',
            'PyTorch는 나눗셈을 내림합니다. 패딩을 붙인 입력 밖으로 삐져나갈 창은 버려집니다.',
          ),
    },
    {
      value: floorDiv(L + p - d * (k - 1) - 1, s) + 1,
      note: 'padding counted once',
      feedback: bi('Padding is added on both sides: $2p$, not $p$.', '패딩은 양쪽에 붙습니다. $p$가 아니라 $2p$입니다.'),
    },
    {
      value: floorDiv(L - d * (k - 1) - 1, s) + 1,
      note: 'ignored padding',
      feedback: bi('The padding lengthens the input by $2p$ before the window slides.', '창이 미끄러지기 전에 패딩이 입력을 $2p$만큼 늘립니다.'),
    },
    {
      value: floorDiv(L + 2 * p - (k - 1) - 1, s) + 1,
      note: 'ignored dilation',
      feedback: bi(
        'With dilation $d$ the window spans $d(k-1)+1$ pixels, not $k$.',
        '팽창이 $d$이면 창은 $k$가 아니라 $d(k-1)+1$ 픽셀에 걸칩니다.',
      ),
    },
    {
      value: floorDiv(L + 2 * p - d * k, s) + 1,
      note: 'window span d*k instead of d*(k-1)+1',
      feedback: bi(
        'A dilated window spans $d(k-1)+1$ pixels: the gaps sit between taps, not after the last one.',
        '팽창된 창의 폭은 $d(k-1)+1$ 픽셀입니다. 빈칸은 탭 사이에만 있고 마지막 탭 뒤에는 없습니다.',
      ),
    },
    {
      value: floorDiv(L + 2 * p - d * (k - 1), s) + 1,
      note: 'forgot the -1',
      feedback: bi(
        'The last window must start at most $L + 2p - d(k-1) - 1$: you dropped the $-1$.',
        '마지막 창은 많아야 $L + 2p - d(k-1) - 1$에서 시작합니다. $-1$을 빠뜨렸습니다.',
      ),
    },
    {
      value: numerator + 1,
      note: 'ignored stride',
      feedback: bi('Divide by the stride: the window moves $s$ pixels at a time.', '스트라이드로 나누어야 합니다. 창은 한 번에 $s$ 픽셀씩 움직입니다.'),
    },
  ];
  if (layer === 'pool' && !strideWritten && k > 1) {
    list.unshift({
      value: L + 2 * p - d * (k - 1),
      note: 'pooling stride defaults to kernel_size, not 1',
      feedback: bi(
        'A pooling layer built without a stride uses stride = kernel_size, so its windows do not overlap.',
        '스트라이드 없이 만든 풀링 계층은 스트라이드로 kernel_size를 씁니다. 그래서 창이 겹치지 않습니다.',
      ),
    });
  }
  return list;
}

/** The working of the formula with the variant's numbers, as a worked solution. */
export function formulaSolution(layer: Layer, c: WindowConfig): Bilingual<readonly Block[]> {
  const s = stepsOf(layer, c);
  const round = s.ceilMode ? '\\left\\lceil' : '\\left\\lfloor';
  const roundEnd = s.ceilMode ? '\\right\\rceil' : '\\right\\rfloor';
  const formula = math(
    `L_{\\text{out}} = ${round} \\frac{${s.inSize} + 2 \\cdot ${s.padding} - ${s.dilation} \\cdot (${s.kernelSize} - 1) - 1}{${s.stride}} ${roundEnd} + 1 = ${round} \\frac{${s.numerator}}{${s.stride}} ${roundEnd} + 1 = ${s.rounded} + 1 = ${s.candidate}`,
  );
  const dropped = s.droppedLastWindow
    ? bi(
        ` The last window would start in the right-hand padding, so PyTorch drops it: ${s.result}.`,
        ` 마지막 창이 오른쪽 패딩 안에서 시작하게 되므로 PyTorch는 그 창을 버립니다. 답은 ${s.result}입니다.`,
      )
    : bi('', '');
  const exactEn = s.exact ? 'The stride divides it exactly.' : `The stride does not divide it exactly, so the division is rounded ${s.ceilMode ? 'up' : 'down'}.`;
  const exactKo = s.exact ? '스트라이드로 나누어떨어집니다.' : `스트라이드로 나누어떨어지지 않으므로 ${s.ceilMode ? '올림' : '내림'}합니다.`;
  return {
    en: [
      text(
        `The window spans $d(k-1)+1 = ${s.effectiveKernel}$ pixels of the input padded to $${s.inSize} + 2 \\cdot ${s.padding} = ${s.inSize + 2 * s.padding}$. It has $${s.numerator}$ pixels of room to move. ${exactEn}`,
      ),
      formula,
      text(`So the output is ${s.result} long.${dropped.en}`),
    ],
    ko: [
      text(
        `창은 패딩을 붙여 $${s.inSize} + 2 \\cdot ${s.padding} = ${s.inSize + 2 * s.padding}$${particle(s.inSize + 2 * s.padding, '이', '가')} 된 입력에서 $d(k-1)+1 = ${s.effectiveKernel}$ 픽셀에 걸칩니다. 움직일 수 있는 여유는 $${s.numerator}$ 픽셀입니다. ${exactKo}`,
      ),
      formula,
      text(`따라서 출력 길이는 ${s.result}입니다.${dropped.ko}`),
    ],
  };
}

/** The three hints of a forward output-size exercise. */
export function formulaHints(layer: Layer, c: WindowConfig): Bilingual<readonly Block[]>[] {
  const s = stepsOf(layer, c);
  const rounding = c.ceilMode ? '\\lceil \\cdot \\rceil' : '\\lfloor \\cdot \\rfloor';
  return [
    bi<readonly Block[]>(
      [text('Count the positions the window can take along one row: how far can it move, and how far does each step take it?')],
      [text('창이 한 줄을 따라 놓일 수 있는 자리를 세어 보세요. 창은 얼마나 움직일 수 있고, 한 걸음에 얼마나 갑니까?')],
    ),
    bi<readonly Block[]>(
      [text(`PyTorch's formula, with ${rounding}:`), math(`L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1`)],
      [text(`PyTorch의 공식입니다(${rounding}).`), math(`L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1`)],
    ),
    bi<readonly Block[]>(
      [text(`The numerator here is $${s.numerator}$.`)],
      [text(`이 문제에서 분자는 $${s.numerator}$입니다.`)],
    ),
  ];
}

/** A convolution configuration PyTorch accepts, with a non-empty output. */
export function drawConvConfig(rng: Random, withDilation: boolean): WindowConfig {
  for (;;) {
    const c: WindowConfig = {
      inputSize: intBetween(rng, 5, 64),
      kernelSize: pick(rng, [1, 2, 3, 3, 3, 4, 5, 5, 7]),
      stride: pick(rng, [1, 1, 2, 2, 3, 4]),
      padding: pick(rng, [0, 0, 1, 1, 2, 3]),
      dilation: withDilation && rng.next() < 0.35 ? pick(rng, [2, 3]) : 1,
      ceilMode: false,
    };
    if (lengthOf('conv', c) !== null) return c;
  }
}

/** A pooling configuration PyTorch accepts (padding at most half the kernel). */
export function drawPoolConfig(rng: Random, allowCeil: boolean): WindowConfig {
  for (;;) {
    const kernelSize = pick(rng, [2, 2, 2, 3, 3, 4, 5]);
    const c: WindowConfig = {
      inputSize: intBetween(rng, 4, 64),
      kernelSize,
      stride: rng.next() < 0.5 ? kernelSize : pick(rng, [1, 2, 2, 3]),
      padding: rng.next() < 0.6 ? 0 : intBetween(rng, 1, Math.floor(kernelSize / 2)),
      dilation: 1,
      ceilMode: allowCeil && rng.next() < 0.25,
    };
    if (lengthOf('pool', c) !== null) return c;
  }
}

/** `nn.Conv2d(...)` / `nn.MaxPool2d(...)` as PyTorch code, leaving out arguments at their defaults. */
export function layerCode(layer: Layer, c: Partial<WindowConfig>, unknown?: keyof WindowConfig, strideWritten = true): string {
  const arg = (name: string, key: keyof WindowConfig, skipIf?: number | boolean) => {
    if (key === unknown) return `${name}=?`;
    const value = c[key];
    if (value === undefined || value === skipIf) return null;
    return `${name}=${value === true ? 'True' : value === false ? 'False' : value}`;
  };
  if (layer === 'conv') {
    const args = ['3', '8', arg('kernel_size', 'kernelSize'), arg('stride', 'stride', 1), arg('padding', 'padding', 0), arg('dilation', 'dilation', 1)];
    return `nn.Conv2d(${args.filter((a) => a !== null).join(', ')})`;
  }
  const args = [
    arg('kernel_size', 'kernelSize'),
    strideWritten || unknown === 'stride' ? arg('stride', 'stride') : null,
    arg('padding', 'padding', 0),
    arg('ceil_mode', 'ceilMode', false),
  ];
  return `nn.MaxPool2d(${args.filter((a) => a !== null).join(', ')})`;
}

/** The unknowns a solve-for exercise can ask for. */
export type Unknown = 'padding' | 'stride' | 'kernelSize' | 'inputSize';

/** Parameters of a solve-for exercise: every hyper-parameter but the unknown, and the target length. */
export interface SolveParams {
  inputSize?: number;
  kernelSize?: number;
  stride?: number;
  padding?: number;
  dilation: number;
  outputSize: number;
}

/** Korean forms with their particles (패딩 ends in a consonant, the others in a vowel). */
const UNKNOWN_WORDS: Record<Unknown, Bilingual & { slug: string; koTopic: string; koSubject: string; koObject: string }> = {
  padding: { en: 'padding', ko: '패딩', slug: 'padding', koTopic: '패딩은', koSubject: '패딩이', koObject: '패딩을' },
  stride: { en: 'stride', ko: '스트라이드', slug: 'stride', koTopic: '스트라이드는', koSubject: '스트라이드가', koObject: '스트라이드를' },
  kernelSize: { en: 'kernel size', ko: '커널 크기', slug: 'kernel', koTopic: '커널 크기는', koSubject: '커널 크기가', koObject: '커널 크기를' },
  inputSize: { en: 'input size', ko: '입력 크기', slug: 'input', koTopic: '입력 크기는', koSubject: '입력 크기가', koObject: '입력 크기를' },
};

/** Largest value of the unknown worth trying: past it, nothing new can happen. */
function searchLimit(layer: Layer, unknown: Unknown, p: SolveParams): number {
  switch (unknown) {
    case 'padding':
      return layer === 'pool' ? Math.floor(((p.kernelSize! - 1) * p.dilation + 1) / 2) : p.kernelSize! * p.dilation + 8;
    case 'stride':
      return p.inputSize! + 2 * p.padding! + 1;
    case 'kernelSize':
      return p.inputSize! + 2 * p.padding!;
    case 'inputSize':
      return (p.outputSize + 1) * p.stride! + p.kernelSize! * p.dilation + 2;
  }
}

function configWith(p: SolveParams, unknown: Unknown, value: number): WindowConfig {
  return {
    inputSize: p.inputSize ?? 0,
    kernelSize: p.kernelSize ?? 0,
    stride: p.stride ?? 0,
    padding: p.padding ?? 0,
    dilation: p.dilation,
    ceilMode: false,
    [unknown]: value,
  };
}

/** Every value of the unknown (within the search limit) that gives the target length. */
export function solutions(layer: Layer, unknown: Unknown, p: SolveParams): number[] {
  const out: number[] = [];
  const low = unknown === 'padding' ? 0 : 1;
  for (let v = low; v <= searchLimit(layer, unknown, p); v++) {
    if (lengthOf(layer, configWith(p, unknown, v)) === p.outputSize) out.push(v);
  }
  return out;
}

/** Builds `output-size/solve-*` (convolution) and `pooling/solve-*` (max pooling). */
export function makeSolveFor(layer: Layer, unknown: Unknown): ExerciseDefinition<SolveParams> {
  const words = UNKNOWN_WORDS[unknown];
  const lesson = layer === 'conv' ? 'output-size' : 'pooling';
  const layerWords = layer === 'conv' ? bi('convolution', '합성곱 계층') : bi('max pooling layer', '최대 풀링 계층');
  const classify = (p: SolveParams, value: number): { note: string; feedback: Bilingual } | null => {
    if (unknown !== 'padding' && value < 1) {
      return { note: 'refused: not positive', feedback: bi(`PyTorch refuses a ${words.en} below 1.`, `PyTorch는 1보다 작은 ${words.koObject} 받지 않습니다.`) };
    }
    if (unknown === 'padding' && value < 0) {
      return { note: 'refused: negative padding', feedback: bi('Padding cannot be negative.', '패딩은 음수일 수 없습니다.') };
    }
    let steps: OutputSizeSteps;
    try {
      steps = stepsOf(layer, configWith(p, unknown, value));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { note: 'refused by PyTorch', feedback: bi(`PyTorch refuses that: ${reason}.`, `PyTorch는 이 설정을 거부합니다: ${reason}.`) };
    }
    if (steps.result === p.outputSize) return null;
    if (steps.result < 1) {
      return {
        note: 'refused: empty output',
        feedback: bi('With that value the window does not fit at all, and PyTorch refuses.', '그 값이면 창이 아예 들어가지 않아 PyTorch가 거부합니다.'),
      };
    }
    const tooLarge = steps.result > p.outputSize;
    return {
      note: tooLarge ? 'output too large' : 'output too small',
      feedback: bi(
        `With ${words.en} ${value} the output would be ${steps.result} long, not ${p.outputSize}.`,
        `${words.koSubject} ${withParticle(value, '이면', '면')} 출력 길이는 ${withParticle(p.outputSize, '이', '가')} 아니라 ${steps.result}입니다.`,
      ),
    };
  };
  const known = (p: SolveParams): Partial<WindowConfig> => ({ ...p, ceilMode: false });
  return {
    id: `${lesson}/solve-${words.slug}`,
    version: 1,
    lesson,
    kind: 'solve-for',
    title: layer === 'conv' ? bi(`Convolution: solve for the ${words.en}`, `합성곱: ${words.ko} 구하기`) : bi(`Pooling: solve for the ${words.en}`, `풀링: ${words.ko} 구하기`),
    generate(rng) {
      for (;;) {
        const c = layer === 'conv' ? drawConvConfig(rng, true) : drawPoolConfig(rng, false);
        const outputSize = lengthOf(layer, c)!;
        const params: SolveParams = { dilation: c.dilation, outputSize };
        for (const key of ['inputSize', 'kernelSize', 'stride', 'padding'] as const) if (key !== unknown) params[key] = c[key];
        // A kernel of 1 (or a stride that is the whole input) makes a dull question; draw again.
        if (unknown === 'kernelSize' && c.kernelSize === 1) continue;
        if (solutions(layer, unknown, params).length > 0) return params;
      }
    },
    validate(p) {
      const all = solutions(layer, unknown, p);
      if (all.length === 0) throw new Error(`no ${words.en} gives output ${p.outputSize}`);
      validateConfig(layer, configWith(p, unknown, all[0]), p.outputSize);
    },
    prompt(p) {
      const snippet = code(
        `layer = ${layerCode(layer, known(p), unknown)}\nx = torch.randn(1, 3, ${unknown === 'inputSize' ? '?' : p.inputSize}, ${unknown === 'inputSize' ? '?' : p.inputSize})\nlayer(x).shape  # torch.Size([1, ${layer === 'conv' ? 8 : 3}, ${p.outputSize}, ${p.outputSize}])`,
      );
      return {
        en: [
          text(
            `This ${layerWords.en} must turn its input into maps ${p.outputSize} pixels high and wide. What ${words.en} does it need? If several values work, any of them is right.`,
          ),
          snippet,
        ],
        ko: [
          text(
            `이 ${josa(layerWords.ko, '은/는')} 입력을 높이와 너비가 ${p.outputSize} 픽셀인 맵으로 바꾸어야 합니다. ${words.koTopic} 얼마여야 합니까? 되는 값이 여럿이면 그중 어느 것이든 정답입니다.`,
          ),
          snippet,
        ],
      };
    },
    answerSpec: () => ({ kind: 'integer', label: bi(words.en, words.ko) }),
    answer(p) {
      const all = solutions(layer, unknown, p);
      const list = all.length > 6 ? `${all.slice(0, 6).join(', ')}, …` : all.join(', ');
      return {
        typed: String(all[0]),
        value: all[0],
        display: bi(
          all.length === 1 ? `${all[0]}` : `${all[0]} (every value that works: ${list})`,
          all.length === 1 ? `${all[0]}` : `${all[0]} (되는 값 전체: ${list})`,
        ),
      };
    },
    check(typed, p) {
      return checkNumeric(typed, {
        expected: (v) => classify(p, v) === null,
        mistakes: [],
        fallback: (v) => {
          const verdict = classify(p, v);
          return verdict ? incorrect(verdict.note, verdict.feedback) : incorrect('incorrect: other', bi('Not right.', '틀렸습니다.'));
        },
      });
    },
    hints() {
      const eq = math(`L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1`);
      return [
        bi<readonly Block[]>(
          [text(`Write the output-size formula with every number you know, and leave the ${words.en} as the unknown.`), eq],
          [text(`아는 수를 모두 출력 크기 공식에 넣고 ${words.ko}만 미지수로 남겨 두세요.`), eq],
        ),
        bi<readonly Block[]>(
          [text('The floor makes several values possible: try one, compute the output, and adjust. You can check any guess with the output-size calculator.')],
          [text('내림 때문에 되는 값이 여럿일 수 있습니다. 하나를 넣어 출력을 계산해 보고 고쳐 나가세요. 어떤 값이든 출력 크기 계산기로 확인할 수 있습니다.')],
        ),
      ];
    },
    solution(p) {
      const all = solutions(layer, unknown, p);
      const worked = formulaSolution(layer, configWith(p, unknown, all[0]));
      const listEn = all.length === 1 ? `Only ${all[0]} works.` : `The values that work are ${all.slice(0, 8).join(', ')}${all.length > 8 ? ', …' : ''}: the floor hides the difference.`;
      const listKo = all.length === 1 ? `되는 값은 ${all[0]} 하나뿐입니다.` : `되는 값은 ${all.slice(0, 8).join(', ')}${all.length > 8 ? ', …' : ''}입니다. 내림이 그 차이를 감춥니다.`;
      return {
        en: [text(`Try ${words.en} ${all[0]}:`), ...worked.en, text(listEn)],
        ko: [text(`${words.ko} ${withParticle(all[0], '을', '를')} 넣어 봅니다.`), ...worked.ko, text(listKo)],
      };
    },
    mistakes(p) {
      const ref = solutions(layer, unknown, p)[0];
      const candidates = [ref - 1, ref + 1, ref + 2, ref * 2, Math.max(0, ref - 2)];
      const mistakes: NumericMistake[] = [];
      for (const v of candidates) {
        const verdict = classify(p, v);
        if (verdict) mistakes.push({ value: v, note: verdict.note, feedback: verdict.feedback });
      }
      return numericMistakes(mistakes, (v) => classify(p, v) === null);
    },
  };
}
