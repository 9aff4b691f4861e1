/**
 * Lesson 3, local connections, shared weights and receptive fields: the named
 * `receptive-fields/stack`, which input pixels one neuron sees, and the
 * parameters of a convolution against a fully connected layer.
 *
 * Receptive fields come from `src/geometry/receptive-field.ts`, whose tests check the
 * formula against the engine's own back-propagation; `validate` repeats that
 * check for every variant (a gradient traced from one output neuron).
 */
import { nn, summary } from '../../../engine/index.ts';
import { receptiveFieldSize, receptiveFieldSpan, traceReceptiveField } from '../../../geometry/receptive-field.ts';
import type { ConvLayerSpec } from '../../../geometry/receptive-field.ts';
import { encodeIntegers, grouped, texGrouped, parseIntegers } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, correct, incorrect, invalid, math, partial, table, text } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import type { Random } from '../../../engine/index.ts';
import { josa } from '../../../i18n/korean.ts';

/** One layer of `receptive-fields/stack`; the names are fixed for tools outside the site. */
export interface StackLayer {
  kernelSize: number;
  stride: number;
  dilation: number;
}

/** `receptive-fields/stack`: `{ layers: [{ kernelSize, stride, dilation }, ...] }`. */
export interface StackParams {
  layers: StackLayer[];
}

const withPadding = (layers: readonly StackLayer[]): ConvLayerSpec[] => layers.map((l) => ({ ...l, padding: 0 }));

function drawStack(rng: Random): StackLayer[] {
  const count = intBetween(rng, 2, 4);
  return Array.from({ length: count }, () => ({
    kernelSize: pick(rng, [1, 2, 3, 3, 3, 5]),
    stride: pick(rng, [1, 1, 2]),
    dilation: rng.next() < 0.2 ? 2 : 1,
  }));
}

/** Checks the formula against the engine: back-propagate from output (0, col) and measure the input it reaches. */
function traceCheck(layers: readonly StackLayer[], col: number): { start: number; end: number } {
  const specs = withPadding(layers);
  const span = receptiveFieldSpan(specs, col);
  const inputSize = span.end + 1;
  const trace = traceReceptiveField(inputSize, specs, 0, col);
  if (!trace.inputBox) throw new Error('no input pixel reaches the neuron');
  return { start: trace.inputBox.left, end: trace.inputBox.right };
}

function stackTable(layers: readonly StackLayer[], en: boolean): Block {
  return table(
    en ? ['Layer', 'kernel_size', 'stride', 'dilation'] : ['계층', 'kernel_size', 'stride', 'dilation'],
    layers.map((l, i) => [String(i + 1), String(l.kernelSize), String(l.stride), String(l.dilation)]),
  );
}

function stackMistakes(layers: readonly StackLayer[]): NumericMistake[] {
  const ignoreStride = 1 + layers.reduce((a, l) => a + l.dilation * (l.kernelSize - 1), 0);
  const ignoreDilation = receptiveFieldSize(layers.map((l) => ({ ...l, dilation: 1, padding: 0 })));
  let ownStride = 1;
  let jump = 1;
  for (const l of layers) {
    jump *= l.stride;
    ownStride += l.dilation * (l.kernelSize - 1) * jump;
  }
  return [
    {
      value: ignoreStride,
      note: 'ignored the strides',
      feedback: bi(
        'A stride below a layer makes each of its steps cover several input pixels: multiply by the product of the strides underneath.',
        '아래 계층의 스트라이드 때문에 한 걸음이 입력 픽셀 여러 개에 해당합니다. 그 아래 스트라이드들의 곱을 곱해야 합니다.',
      ),
    },
    {
      value: ignoreDilation,
      note: 'ignored dilation',
      feedback: bi('A dilated kernel reaches $d(k-1)+1$ pixels of the map below, not $k$.', '팽창된 커널은 아래 맵의 $k$개가 아니라 $d(k-1)+1$개 픽셀에 걸칩니다.'),
    },
    {
      value: ownStride,
      note: "counted a layer's own stride",
      feedback: bi("A layer's own stride spaces its outputs; it does not widen one output's field. Use the strides of the layers below it only.", '계층 자신의 스트라이드는 출력 사이의 간격을 정할 뿐 출력 하나의 수용 영역을 넓히지 않습니다. 그 아래 계층들의 스트라이드만 씁니다.'),
    },
    {
      value: layers.reduce((a, l) => a + l.kernelSize, 0),
      note: 'summed the kernel sizes',
      feedback: bi('Neighbouring windows overlap: each layer adds $k-1$ steps, not $k$.', '이웃한 창은 겹칩니다. 계층마다 $k$가 아니라 $k-1$ 걸음이 늘어납니다.'),
    },
    {
      value: layers.reduce((a, l) => a * l.kernelSize, 1),
      note: 'multiplied the kernel sizes',
      feedback: bi('Fields grow by adding, not multiplying: each layer adds $d(k-1)$ steps of the map below.', '수용 영역은 곱이 아니라 덧셈으로 자랍니다. 계층마다 아래 맵의 $d(k-1)$ 걸음이 더해집니다.'),
    },
  ];
}

export const stack: ExerciseDefinition<StackParams> = {
  id: 'receptive-fields/stack',
  version: 1,
  lesson: 'receptive-fields',
  kind: 'receptive-field',
  title: bi('Receptive field of a stack', '쌓은 계층의 수용 영역'),
  generate(rng) {
    for (;;) {
      const layers = drawStack(rng);
      // A stack of 1x1 kernels sees one pixel: true but not worth asking.
      if (receptiveFieldSize(withPadding(layers)) > 1) return { layers };
    }
  },
  validate(p) {
    const traced = traceCheck(p.layers, 0);
    const size = receptiveFieldSize(withPadding(p.layers));
    if (traced.end - traced.start + 1 !== size) throw new Error(`the engine traces ${traced.end - traced.start + 1} pixels, the formula ${size}`);
  },
  prompt(p) {
    const q = bi(
      'These convolutions are stacked, the first one on the input (no padding). How wide, in input pixels, is the receptive field of one output of the last layer?',
      '아래 합성곱 계층들을 쌓았습니다. 첫 번째 계층이 입력에 닿습니다(패딩 없음). 마지막 계층의 출력 하나가 보는 수용 영역은 입력 픽셀로 몇 칸입니까?',
    );
    return { en: [text(q.en), stackTable(p.layers, true)], ko: [text(q.ko), stackTable(p.layers, false)] };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Receptive field (pixels)', '수용 영역(픽셀)') }),
  answer(p) {
    const size = receptiveFieldSize(withPadding(p.layers));
    return { typed: String(size), value: size, display: bi(`${size} (${size}x${size})`, `${size} (${size}x${size})`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: receptiveFieldSize(withPadding(p.layers)), mistakes: stackMistakes(p.layers) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Start with one pixel of the last layer and walk down: each layer widens the field by $d(k-1)$ steps of the map below it.')],
        [text('마지막 계층의 픽셀 하나에서 시작해 아래로 내려가세요. 계층마다 그 아래 맵의 $d(k-1)$ 걸음만큼 영역이 넓어집니다.')],
      ),
      bi<readonly Block[]>(
        [text('A step of a map is as many input pixels as the product of the strides of the layers below it.'), math('r = 1 + \\sum_{l} d_l (k_l - 1) \\prod_{i<l} s_i')],
        [text('어떤 맵의 한 걸음은 그 아래 계층들의 스트라이드를 곱한 만큼의 입력 픽셀입니다.'), math('r = 1 + \\sum_{l} d_l (k_l - 1) \\prod_{i<l} s_i')],
      ),
    ];
  },
  solution(p) {
    let jump = 1;
    const terms: string[] = [];
    for (const l of p.layers) {
      terms.push(`${l.dilation} \\cdot ${l.kernelSize - 1} \\cdot ${jump}`);
      jump *= l.stride;
    }
    const size = receptiveFieldSize(withPadding(p.layers));
    const eq = math(`r = 1 + ${terms.join(' + ')} = ${size}`);
    return {
      en: [text('Each term is dilation times (kernel − 1) times the product of the strides below that layer:'), eq],
      ko: [text('각 항은 팽창 × (커널 − 1) × 그 계층 아래 스트라이드의 곱입니다.'), eq],
    };
  },
  mistakes(p) {
    const right = receptiveFieldSize(withPadding(p.layers));
    return numericMistakes(stackMistakes(p.layers), (v) => v === right);
  },
};

/** `receptive-fields/field-span`: which input columns output `index` of the last layer sees. */
export interface SpanParams {
  layers: StackLayer[];
  index: number;
}

function spanCheck(typed: string, p: SpanParams): CheckResult {
  const parsed = parseIntegers(typed, 2);
  if (!parsed.ok) return invalid(parsed.reason, 'not two whole numbers');
  const [start, end] = parsed.value;
  const span = receptiveFieldSpan(withPadding(p.layers), p.index);
  if (start === span.start && end === span.end) return correct();
  const size = span.end - span.start + 1;
  if (start === p.index && end === p.index + size - 1 && p.index !== span.start) {
    return incorrect('forgot the strides in the start', bi('Output $i$ of the last layer starts $i$ times the product of all strides into the input.', '마지막 계층의 $i$번째 출력은 입력에서 $i$ × (모든 스트라이드의 곱) 위치에서 시작합니다.'));
  }
  if (start === span.start) {
    return partial(0.5, 'right start, wrong end', bi(`The start is right; the field is ${size} pixels wide.`, `시작은 맞습니다. 수용 영역의 폭은 ${size} 픽셀입니다.`));
  }
  if (end - start === span.end - span.start) {
    return partial(0.5, 'right width, wrong position', bi('The width is right, but not the position: where does the first window of this output start?', '폭은 맞지만 위치가 틀렸습니다. 이 출력의 첫 창은 어디서 시작합니까?'));
  }
  return incorrect('incorrect: other', bi('Not right.', '틀렸습니다.'));
}

export const fieldSpan: ExerciseDefinition<SpanParams> = {
  id: 'receptive-fields/field-span',
  version: 1,
  lesson: 'receptive-fields',
  kind: 'receptive-field',
  title: bi('Which pixels one neuron sees', '뉴런 하나가 보는 픽셀'),
  generate(rng) {
    for (;;) {
      const layers = drawStack(rng).slice(0, 3);
      if (!layers.some((l) => l.stride > 1)) layers[0] = { ...layers[0], stride: 2 };
      if (receptiveFieldSize(withPadding(layers)) > 1) return { layers, index: intBetween(rng, 1, 5) };
    }
  },
  validate(p) {
    const traced = traceCheck(p.layers, p.index);
    const span = receptiveFieldSpan(withPadding(p.layers), p.index);
    if (traced.start !== span.start || traced.end !== span.end) throw new Error(`the engine traces ${traced.start}..${traced.end}, the formula ${span.start}..${span.end}`);
  },
  prompt(p) {
    const q = bi(
      `The same kind of stack (no padding). Along one row, which input pixels does output ${p.index} of the last layer see? Give the first and the last, counting from 0.`,
      `같은 방식으로 쌓은 계층입니다(패딩 없음). 한 줄을 따라 볼 때, 마지막 계층의 ${p.index}번 출력은 입력의 어느 픽셀들을 봅니까? 0부터 세어 첫 픽셀과 마지막 픽셀을 쓰세요.`,
    );
    return { en: [text(q.en), stackTable(p.layers, true)], ko: [text(q.ko), stackTable(p.layers, false)] };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('First pixel', '첫 픽셀'), bi('Last pixel', '마지막 픽셀')] }),
  answer(p) {
    const s = receptiveFieldSpan(withPadding(p.layers), p.index);
    return { typed: encodeIntegers([s.start, s.end]), value: [s.start, s.end], display: bi(`${s.start} to ${s.end}`, `${s.start}부터 ${s.end}까지`) };
  },
  check: (typed, p) => spanCheck(typed, p),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Where does it start? Each output step of the last layer moves the field by the product of all the strides.')],
        [text('어디서 시작합니까? 마지막 계층의 출력이 한 칸 옮겨 갈 때 수용 영역은 모든 스트라이드의 곱만큼 움직입니다.')],
      ),
      bi<readonly Block[]>([text('How wide is it? That is the receptive field of the stack.')], [text('폭은 얼마입니까? 그것이 이 계층들의 수용 영역입니다.')]),
    ];
  },
  solution(p) {
    const s = receptiveFieldSpan(withPadding(p.layers), p.index);
    const jump = p.layers.reduce((a, l) => a * l.stride, 1);
    const size = s.end - s.start + 1;
    return {
      en: [text(`All strides multiply to ${jump}, so output ${p.index} starts at input pixel ${p.index} × ${jump} = ${s.start}. The field is ${size} pixels wide, so it ends at ${s.start} + ${size} − 1 = ${s.end}.`)],
      ko: [text(`스트라이드를 모두 곱하면 ${josa(jump, '이/가')}므로 ${p.index}번 출력은 입력 픽셀 ${p.index} × ${jump} = ${s.start}에서 시작합니다. 수용 영역의 폭이 ${josa(size, '이/가')}므로 ${s.start} + ${size} − 1 = ${s.end}에서 끝납니다.`)],
    };
  },
  mistakes(p): Mistake[] {
    const s = receptiveFieldSpan(withPadding(p.layers), p.index);
    const list: Mistake[] = [{ typed: encodeIntegers([s.start, s.end + 1]), answerNote: 'right start, wrong end' }];
    if (p.index !== s.start) list.push({ typed: encodeIntegers([p.index, p.index + s.end - s.start]), answerNote: 'forgot the strides in the start' });
    return list;
  },
};

/** `receptive-fields/parameters`: a convolution against a fully connected layer with the same input and output sizes. */
export interface ParamsParams {
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  inputSize: number;
}

function counts(p: ParamsParams): { conv: number; fc: number; out: number } {
  const conv = new nn.Conv2d(p.inChannels, p.outChannels, p.kernelSize, { seed: 0 });
  const out = summary(conv, [1, p.inChannels, p.inputSize, p.inputSize]).outputShape[2];
  // nn.Linear allocates nothing until used, so even a huge layer can be counted.
  const fc = new nn.Linear(p.inChannels * p.inputSize * p.inputSize, p.outChannels * out * out, { seed: 0 });
  return { conv: conv.countParameters(), fc: fc.countParameters(), out };
}

function paramsCheck(typed: string, p: ParamsParams): CheckResult {
  const parsed = parseIntegers(typed, 2);
  if (!parsed.ok) return invalid(parsed.reason, 'not two whole numbers');
  const [conv, fc] = parsed.value;
  const c = counts(p);
  const k2 = p.kernelSize * p.kernelSize;
  const convRight = conv === c.conv;
  const fcRight = fc === c.fc;
  if (convRight && fcRight) return correct();
  const notes: string[] = [];
  const en: string[] = [];
  const ko: string[] = [];
  if (!convRight) {
    if (conv === p.outChannels * p.inChannels * k2) {
      notes.push('conv: forgot the biases');
      en.push(`The convolution also has one bias per filter (${p.outChannels}).`);
      ko.push(`합성곱 계층에는 필터마다 편향도 하나씩(${p.outChannels}개) 있습니다.`);
    } else if (conv === p.outChannels * k2 + p.outChannels) {
      notes.push('conv: forgot the input channels');
      en.push(`Each filter spans all ${p.inChannels} input channels: ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize} weights.`);
      ko.push(`필터 하나는 입력 채널 ${p.inChannels}개를 모두 덮습니다. 가중치는 ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize}개입니다.`);
    } else if (conv === (p.outChannels * p.inChannels * k2 + p.outChannels) * c.out * c.out) {
      notes.push('conv: counted a filter per position');
      en.push('The filter is shared: the same weights serve every position.');
      ko.push('필터는 공유됩니다. 모든 위치에서 같은 가중치를 씁니다.');
    } else {
      notes.push('conv: wrong');
      en.push('The convolution count is not right.');
      ko.push('합성곱 계층의 개수가 틀렸습니다.');
    }
  }
  if (!fcRight) {
    if (fc === c.fc - p.outChannels * c.out * c.out) {
      notes.push('fc: forgot the biases');
      en.push('The fully connected layer has one bias per output.');
      ko.push('완전 연결 계층에는 출력마다 편향이 하나씩 있습니다.');
    } else {
      notes.push('fc: wrong');
      en.push(`A fully connected layer connects each of the ${grouped(p.inChannels * p.inputSize * p.inputSize)} inputs to each of the ${grouped(p.outChannels * c.out * c.out)} outputs.`);
      ko.push(`완전 연결 계층은 입력 ${grouped(p.inChannels * p.inputSize * p.inputSize)}개 하나하나를 출력 ${grouped(p.outChannels * c.out * c.out)}개 하나하나와 잇습니다.`);
    }
  }
  const feedback = bi(en.join(' '), ko.join(' '));
  return convRight || fcRight ? partial(0.5, notes.join('; '), feedback) : incorrect(notes.join('; '), feedback);
}

export const parameters: ExerciseDefinition<ParamsParams> = {
  id: 'receptive-fields/parameters',
  version: 1,
  lesson: 'receptive-fields',
  kind: 'count',
  title: bi('Parameters: shared filter or full connections', '파라미터: 공유 필터와 완전 연결'),
  generate(rng) {
    return {
      inChannels: pick(rng, [1, 3]),
      outChannels: pick(rng, [4, 6, 8, 16]),
      kernelSize: pick(rng, [3, 5]),
      inputSize: pick(rng, [8, 10, 16, 28, 32]),
    };
  },
  validate(p) {
    if (!(counts(p).fc > counts(p).conv)) throw new Error('expected the fully connected layer to be larger');
  },
  prompt(p) {
    const c = counts(p);
    const snippet = code(`conv = nn.Conv2d(${p.inChannels}, ${p.outChannels}, kernel_size=${p.kernelSize})  # on ${p.inChannels}x${p.inputSize}x${p.inputSize} input\nfc = nn.Linear(${p.inChannels}*${p.inputSize}*${p.inputSize}, ${p.outChannels}*${c.out}*${c.out})`);
    return {
      en: [
        text(`Both layers take a ${p.inChannels}x${p.inputSize}x${p.inputSize} input and give ${p.outChannels}x${c.out}x${c.out} outputs. How many parameters (weights and biases) does each have? Type the convolution's count, then the fully connected layer's.`),
        snippet,
      ],
      ko: [
        text(`두 계층 모두 ${p.inChannels}x${p.inputSize}x${p.inputSize} 입력을 받아 ${p.outChannels}x${c.out}x${c.out} 출력을 냅니다. 각 계층의 파라미터(가중치와 편향)는 몇 개입니까? 합성곱 계층의 개수, 완전 연결 계층의 개수 순서로 쓰세요.`),
        snippet,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('Convolution', '합성곱 계층'), bi('Fully connected', '완전 연결 계층')] }),
  answer(p) {
    const c = counts(p);
    return { typed: encodeIntegers([c.conv, c.fc]), value: [c.conv, c.fc], display: bi(`${grouped(c.conv)} and ${grouped(c.fc)}`, `${grouped(c.conv)}개와 ${grouped(c.fc)}개`) };
  },
  check: (typed, p) => paramsCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`A filter has ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize} weights and one bias, and the same filter serves every position.`)],
        [text(`필터 하나에는 가중치 ${p.inChannels} x ${p.kernelSize} x ${p.kernelSize}개와 편향 하나가 있고, 같은 필터가 모든 위치에 쓰입니다.`)],
      ),
      bi<readonly Block[]>(
        [text('A fully connected layer has a weight for every (input, output) pair and a bias per output.')],
        [text('완전 연결 계층에는 (입력, 출력) 쌍마다 가중치가 하나, 출력마다 편향이 하나 있습니다.')],
      ),
    ];
  },
  solution(p) {
    const c = counts(p);
    const nIn = p.inChannels * p.inputSize * p.inputSize;
    const nOut = p.outChannels * c.out * c.out;
    const eqs = [
      math(`\\text{conv}: ${p.outChannels} \\cdot (${p.inChannels} \\cdot ${p.kernelSize} \\cdot ${p.kernelSize} + 1) = ${texGrouped(c.conv)}`),
      math(`\\text{fc}: ${nIn} \\cdot ${nOut} + ${nOut} = ${texGrouped(c.fc)}`),
    ];
    const ratio = Math.round(c.fc / c.conv);
    return {
      en: [...eqs, text(`Sharing one small filter across all positions saves a factor of about ${grouped(ratio)}.`)],
      ko: [...eqs, text(`작은 필터 하나를 모든 위치에서 공유하면 파라미터가 약 ${grouped(ratio)}분의 1로 줄어듭니다.`)],
    };
  },
  mistakes(p): Mistake[] {
    const c = counts(p);
    const k2 = p.kernelSize * p.kernelSize;
    return [
      { typed: encodeIntegers([p.outChannels * p.inChannels * k2, c.fc]), answerNote: 'conv: forgot the biases' },
      { typed: encodeIntegers([c.conv, c.fc - p.outChannels * c.out * c.out]), answerNote: 'fc: forgot the biases' },
      { typed: encodeIntegers([(p.outChannels * p.inChannels * k2 + p.outChannels) * c.out * c.out, c.fc]), answerNote: 'conv: counted a filter per position' },
    ];
  },
};

export const exercises: AnyExercise[] = [stack, fieldSpan, parameters];
