/**
 * The network explorer's own exercises (the explorer is a page, not a numbered
 * lesson; see `exerciseHomes` in registry.ts). Each shows an `nn.Sequential` a
 * student might write and asks what the explorer answers for it: the
 * `in_features` that makes the first Linear fit, the parameter count, or the
 * line PyTorch stops at. The student may work it out by hand or paste the code
 * into the explorer; either way the reference answer is the engine's, and a test
 * (tests/unit/exercises/explorer.test.ts) checks that the explorer, reading the
 * same listing, agrees.
 */
import { LayerError } from '../../../engine/nn/errors.ts';
import { nn, summary } from '../../../engine/index.ts';
import { grouped } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, particle, text, withParticle } from '../../text.ts';
import type { AnyExercise, Block, ExerciseDefinition } from '../../types.ts';

/** One layer of a listing, as plain JSON (exercise parameters must be). */
export type LayerSpec =
  | { type: 'conv'; cin: number; cout: number; k: number; s: number; p: number }
  | { type: 'bn'; c: number }
  | { type: 'relu' }
  | { type: 'pool'; k: number; s: number }
  | { type: 'flatten' }
  | { type: 'linear'; fin: number; fout: number };

/** A listing: the input shape (batch first) and the layers of one `nn.Sequential`. */
export interface Listing {
  input: number[];
  layers: LayerSpec[];
}

function layerCode(layer: LayerSpec, linearIn?: string): string {
  switch (layer.type) {
    case 'conv':
      return `nn.Conv2d(${layer.cin}, ${layer.cout}, kernel_size=${layer.k}, stride=${layer.s}, padding=${layer.p})`;
    case 'bn':
      return `nn.BatchNorm2d(${layer.c})`;
    case 'relu':
      return 'nn.ReLU()';
    case 'pool':
      return `nn.MaxPool2d(${layer.k}, ${layer.s})`;
    case 'flatten':
      return 'nn.Flatten()';
    case 'linear':
      return `nn.Linear(${linearIn ?? layer.fin}, ${layer.fout})`;
  }
}

/**
 * The listing as Python, one string per line, as a student pastes it into the
 * explorer (the input shape goes in the explorer's field, so the listing does
 * not call the model). Layer i is on line i + 4; the first Linear's input may
 * be written as a name (the question's unknown).
 */
export function listingLines(listing: Listing, firstLinearIn?: string): string[] {
  const firstLinear = listing.layers.findIndex((l) => l.type === 'linear');
  return [
    'import torch',
    'from torch import nn',
    'model = nn.Sequential(',
    ...listing.layers.map((layer, i) => `    ${layerCode(layer, i === firstLinear ? firstLinearIn : undefined)},`),
    ')',
  ];
}

/** The line (from 1) of layer `index` in `listingLines`. */
export const layerLine = (index: number) => index + 4;

/** The engine's module for one layer (seeded, so building is deterministic). */
function engineLayer(layer: LayerSpec, seed: number): nn.Module {
  switch (layer.type) {
    case 'conv':
      return new nn.Conv2d(layer.cin, layer.cout, layer.k, { stride: layer.s, padding: layer.p, seed });
    case 'bn':
      return new nn.BatchNorm2d(layer.c);
    case 'relu':
      return new nn.ReLU();
    case 'pool':
      return new nn.MaxPool2d(layer.k, { stride: layer.s });
    case 'flatten':
      return new nn.Flatten();
    case 'linear':
      return new nn.Linear(layer.fin, layer.fout, { seed });
  }
}

export function engineModel(layers: readonly LayerSpec[]): nn.Sequential {
  return new nn.Sequential(...layers.map((layer, i) => engineLayer(layer, i + 1)));
}

/** The engine's summary of the whole listing (throws where PyTorch would). */
export const summarise = (listing: Listing) => summary(engineModel(listing.layers), listing.input);

/**
 * Runs the listing through the engine and returns the index of the layer that
 * refuses its input, or -1 when the whole model runs. The engine names the
 * failing layer by its position in the Sequential.
 */
export function failingLayer(listing: Listing): { index: number; message: string } {
  try {
    summarise(listing);
    return { index: -1, message: '' };
  } catch (error) {
    if (error instanceof LayerError && /^\d+$/.test(error.layerName)) return { index: Number(error.layerName), message: error.reason };
    throw error;
  }
}

/** The shape reaching the layer at `index` (that layer not included). */
function shapeBefore(listing: Listing, index: number): number[] {
  return index === 0 ? [...listing.input] : summarise({ input: listing.input, layers: listing.layers.slice(0, index) }).outputShape;
}

const product = (values: readonly number[]) => values.reduce((a, b) => a * b, 1);

/** Draws conv-relu(-pool) blocks whose maps stay at least `minSide` wide, then `Flatten` and a classifier. */
function drawNetwork(rng: Parameters<ExerciseDefinition<unknown>['generate']>[0], options: { batchNorm: boolean }): Listing {
  for (;;) {
    const channels = pick(rng, [1, 3, 3]);
    const side = pick(rng, [28, 32, 32, 48, 64]);
    const blocks = intBetween(rng, 2, 3);
    const layers: LayerSpec[] = [];
    let cin = channels;
    let width = pick(rng, [6, 8, 16]);
    for (let b = 0; b < blocks; b++) {
      const k = pick(rng, [3, 3, 5]);
      const p = pick(rng, [0, (k - 1) / 2]);
      const s = rng.next() < 0.2 ? 2 : 1;
      layers.push({ type: 'conv', cin, cout: width, k, s, p });
      if (options.batchNorm && rng.next() < 0.6) layers.push({ type: 'bn', c: width });
      layers.push({ type: 'relu' });
      if (b < blocks - 1 || rng.next() < 0.7) layers.push(rng.next() < 0.8 ? { type: 'pool', k: 2, s: 2 } : { type: 'pool', k: 3, s: 2 });
      cin = width;
      width = Math.min(width * 2, 64);
    }
    const listing: Listing = { input: [pick(rng, [1, 8, 16]), channels, side, side], layers };
    let maps: number[];
    try {
      maps = summarise(listing).outputShape;
    } catch {
      continue; // the maps vanished: draw again (the rng alone decides, so the variant is still reproducible)
    }
    if (maps[2] < 2 || maps[3] < 2) continue;
    const hidden = pick(rng, [64, 84, 120, 128]);
    const classes = pick(rng, [10, 10, 2, 100]);
    layers.push({ type: 'flatten' }, { type: 'linear', fin: product(maps.slice(1)), fout: hidden }, { type: 'relu' }, { type: 'linear', fin: hidden, fout: classes });
    return listing;
  }
}

const listingBlock = (lines: readonly string[]) => code(lines.join('\n'), true);

const explorerHint = bi<readonly Block[]>(
  [text('Paste the code into the network explorer and set the input shape: it shows the shape after every layer.')],
  [text('코드를 네트워크 탐색기에 붙여 넣고 입력 모양을 맞추면 계층마다 출력 모양을 보여 줍니다.')],
);

// ---------------------------------------------------------------------------
// explorer/fit-linear: the in_features that makes the first Linear fit.

export interface FitLinearParams {
  listing: Listing;
}

const firstLinear = (listing: Listing) => listing.layers.findIndex((l) => l.type === 'linear');
/** The maps reaching Flatten, from the engine. */
const mapsBeforeFlatten = (listing: Listing) => shapeBefore(listing, listing.layers.findIndex((l) => l.type === 'flatten'));

/**
 * The size Flatten would hand on (per image) for a variant of the features, or
 * null when that variant does not run: a slip no one can reach.
 */
function flattenedSize(input: number[], layers: readonly LayerSpec[]): number | null {
  try {
    const maps = summarise({ input, layers: layers.slice(0, layers.findIndex((l) => l.type === 'flatten')) }).outputShape;
    return product(maps.slice(1));
  } catch {
    return null;
  }
}

function fitLinearMistakes(p: FitLinearParams): NumericMistake[] {
  const { listing } = p;
  const maps = mapsBeforeFlatten(listing);
  const [, channels, height, width] = maps;
  const mistakes: NumericMistake[] = [
    {
      value: height * width,
      note: 'forgot the channels',
      feedback: bi(
        `That is one map. Flatten joins all ${channels} maps, so multiply by the channels too.`,
        `그것은 특징 맵 하나입니다. Flatten은 맵 ${channels}개를 모두 이어 붙이므로 채널 수도 곱해야 합니다.`,
      ),
    },
    {
      value: product(maps),
      note: 'counted the batch',
      feedback: bi(
        `nn.Flatten keeps the batch dimension (it starts at dimension 1), so in_features is the size of one image's maps, without the batch of ${maps[0]}.`,
        `nn.Flatten은 배치 차원을 남깁니다(1번 차원부터 펼칩니다). 그러니 in_features는 배치 ${withParticle(maps[0], '을', '를')} 뺀, 이미지 한 장의 맵 크기입니다.`,
      ),
    },
    {
      value: listing.input[1] * height * width,
      note: 'used the input channels',
      feedback: bi(
        `The maps have as many channels as the last convolution has filters (${channels}), not as the picture (${listing.input[1]}).`,
        `맵의 채널 수는 입력 이미지의 채널 수(${listing.input[1]})가 아니라 마지막 합성곱의 필터 수(${channels})입니다.`,
      ),
    },
  ];
  // A pooling layer overlooked: the same listing without its last pooling layer, if it still runs.
  const lastPool = listing.layers.map((l) => l.type).lastIndexOf('pool');
  const withoutPool = lastPool < 0 ? null : flattenedSize(listing.input, listing.layers.filter((_, i) => i !== lastPool));
  if (withoutPool !== null) {
    mistakes.push({
      value: withoutPool,
      note: 'missed a pooling layer',
      feedback: bi('Follow the shape through every layer: a pooling layer shrinks the maps too.', '모든 계층을 따라 모양을 계산하세요. 풀링 계층도 맵을 줄입니다.'),
    });
  }
  // Padding forgotten: every convolution with padding 0, if that still runs.
  const padded = listing.layers.some((l) => l.type === 'conv' && l.p > 0);
  const unpadded = padded ? flattenedSize(listing.input, listing.layers.map((l) => (l.type === 'conv' ? { ...l, p: 0 } : l))) : null;
  if (unpadded !== null) {
    mistakes.push({
      value: unpadded,
      note: 'ignored the padding',
      feedback: bi('A convolution with padding grows its input by twice the padding before the kernel slides.', '패딩이 있는 합성곱은 커널이 움직이기 전에 입력을 양쪽으로 패딩만큼 늘립니다.'),
    });
  }
  return mistakes;
}

export const fitLinear: ExerciseDefinition<FitLinearParams> = {
  id: 'explorer/fit-linear',
  version: 1,
  lesson: 'explorer',
  kind: 'output-size',
  title: bi('Make the Linear layer fit', 'Linear 계층 맞추기'),
  generate(rng) {
    return { listing: drawNetwork(rng, { batchNorm: false }) };
  },
  validate(p) {
    // The listing as written must run in the engine, and the first Linear must take exactly the flattened maps.
    const result = summarise(p.listing);
    const linear = p.listing.layers[firstLinear(p.listing)];
    if (linear.type !== 'linear' || linear.fin !== product(mapsBeforeFlatten(p.listing).slice(1))) throw new Error('the first Linear does not fit the maps');
    if (result.outputShape.length !== 2) throw new Error(`the model gives [${result.outputShape.join(', ')}]`);
  },
  prompt(p) {
    const listing = listingBlock(listingLines(p.listing, 'in_features'));
    const line = layerLine(firstLinear(p.listing));
    return {
      en: [text(`What must \`in_features\` be on line ${line} for this model to run on an input of shape [${p.listing.input.join(', ')}]?`), listing],
      ko: [text(`모양이 [${p.listing.input.join(', ')}]인 입력에서 이 모델이 돌아가려면 ${line}번째 줄의 \`in_features\`는 얼마여야 합니까?`), listing],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('in_features', 'in_features') }),
  answer(p) {
    const value = product(mapsBeforeFlatten(p.listing).slice(1));
    return { typed: String(value), value, display: bi(`in_features = ${grouped(value)}`, `in_features = ${grouped(value)}`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: product(mapsBeforeFlatten(p.listing).slice(1)), mistakes: fitLinearMistakes(p) }),
  hints(p) {
    return [
      explorerHint,
      bi<readonly Block[]>(
        [text(`Start from [${p.listing.input.join(', ')}] and write the shape after each layer; nn.Flatten keeps dimension 0 and multiplies the rest.`)],
        [text(`[${p.listing.input.join(', ')}]에서 시작해 계층마다 모양을 적어 보세요. nn.Flatten은 0번 차원을 남기고 나머지를 곱합니다.`)],
      ),
    ];
  },
  solution(p) {
    const maps = mapsBeforeFlatten(p.listing);
    const value = product(maps.slice(1));
    const steps = summarise({ input: p.listing.input, layers: p.listing.layers.slice(0, p.listing.layers.findIndex((l) => l.type === 'flatten')) })
      .layers.filter((row) => row.name !== '')
      .map((row) => `${row.type}: [${row.outputShape.join(', ')}]`);
    return {
      en: [
        text(`The shapes, layer by layer: ${steps.join(' → ')}. Flatten keeps the batch and joins the rest: ${maps.slice(1).join(' × ')} = ${grouped(value)}.`),
        code(layerCode(p.listing.layers[firstLinear(p.listing)])),
      ],
      ko: [
        text(`계층별 모양: ${steps.join(' → ')}. Flatten은 배치를 남기고 나머지를 이어 붙입니다: ${maps.slice(1).join(' × ')} = ${grouped(value)}.`),
        code(layerCode(p.listing.layers[firstLinear(p.listing)])),
      ],
    };
  },
  mistakes(p) {
    const right = product(mapsBeforeFlatten(p.listing).slice(1));
    return numericMistakes(fitLinearMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------------------
// explorer/parameters: the model's parameter count, as the explorer totals it.

export interface ParametersParams {
  listing: Listing;
}

const totalParams = (p: ParametersParams) => summarise(p.listing).totalParams;

function parameterMistakes(p: ParametersParams): NumericMistake[] {
  const total = totalParams(p);
  const layers = p.listing.layers;
  const biases = layers.reduce((n, l) => n + (l.type === 'conv' ? l.cout : l.type === 'linear' ? l.fout : 0), 0);
  const batchNorm = layers.reduce((n, l) => n + (l.type === 'bn' ? 2 * l.c : 0), 0);
  const depthless = layers.reduce((n, l) => n + (l.type === 'conv' ? l.k * l.k * l.cout * (l.cin - 1) : 0), 0);
  const mistakes: NumericMistake[] = [
    {
      value: total - biases,
      note: 'forgot the biases',
      feedback: bi('Each Conv2d has one bias per filter and each Linear one per output (bias=True is the default).', 'Conv2d에는 필터마다, Linear에는 출력마다 편향이 하나씩 있습니다(bias=True가 기본값입니다).'),
    },
    {
      value: total - depthless,
      note: 'filter without depth',
      feedback: bi('A filter spans every input channel: kernel height × width × in_channels weights each.', '필터는 입력 채널 전체에 걸칩니다. 필터마다 가중치가 커널 높이 × 너비 × in_channels개입니다.'),
    },
  ];
  if (batchNorm > 0) {
    mistakes.push(
      {
        value: total - batchNorm,
        note: 'forgot BatchNorm',
        feedback: bi('BatchNorm2d learns a scale and a shift per channel: 2 × channels parameters.', 'BatchNorm2d는 채널마다 배율과 이동값을 학습합니다. 파라미터가 채널 수의 2배입니다.'),
      },
      {
        value: total + batchNorm,
        note: 'counted running statistics',
        feedback: bi(
          "BatchNorm2d's running mean and variance are buffers: saved in the state dict but not learned, so they are not parameters.",
          'BatchNorm2d의 이동 평균과 이동 분산은 버퍼입니다. state dict에는 저장되지만 학습하지 않으므로 파라미터가 아닙니다.',
        ),
      },
    );
  }
  return mistakes;
}

export const parameters: ExerciseDefinition<ParametersParams> = {
  id: 'explorer/parameters',
  version: 1,
  lesson: 'explorer',
  kind: 'count',
  title: bi('Parameters of a model', '모델의 파라미터 수'),
  generate(rng) {
    return { listing: drawNetwork(rng, { batchNorm: true }) };
  },
  validate(p) {
    const counted = p.listing.layers.reduce(
      (n, l) => n + (l.type === 'conv' ? l.cout * (l.cin * l.k * l.k + 1) : l.type === 'linear' ? l.fout * (l.fin + 1) : l.type === 'bn' ? 2 * l.c : 0),
      0,
    );
    if (counted !== totalParams(p)) throw new Error(`the engine counts ${totalParams(p)} parameters, the layer formulas ${counted}`);
  },
  prompt(p) {
    const listing = listingBlock(listingLines(p.listing));
    return {
      en: [text('How many parameters (learned values: weights, biases, BatchNorm scales and shifts) does this model have?'), listing],
      ko: [text('이 모델의 파라미터(학습하는 값: 가중치, 편향, BatchNorm의 배율과 이동값)는 모두 몇 개입니까?'), listing],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const value = totalParams(p);
    return { typed: String(value), value, display: bi(`${grouped(value)} parameters`, `파라미터 ${grouped(value)}개`) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: totalParams(p), mistakes: parameterMistakes(p) }),
  hints() {
    return [
      explorerHint,
      bi<readonly Block[]>(
        [text('Conv2d: out × (in × k × k + 1). Linear: out × (in + 1). BatchNorm2d: 2 × channels. ReLU, pooling and Flatten: none.')],
        [text('Conv2d: out × (in × k × k + 1). Linear: out × (in + 1). BatchNorm2d: 2 × 채널 수. ReLU, 풀링, Flatten: 없음.')],
      ),
    ];
  },
  solution(p) {
    const rows = p.listing.layers
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.type === 'conv' || l.type === 'linear' || l.type === 'bn')
      .map(({ l, i }) => {
        const count =
          l.type === 'conv'
            ? `${l.cout} × (${l.cin} × ${l.k} × ${l.k} + 1) = ${grouped(l.cout * (l.cin * l.k * l.k + 1))}`
            : l.type === 'linear'
              ? `${l.fout} × (${grouped(l.fin)} + 1) = ${grouped(l.fout * (l.fin + 1))}`
              : `2 × ${(l as Extract<LayerSpec, { type: 'bn' }>).c} = ${2 * (l as Extract<LayerSpec, { type: 'bn' }>).c}`;
        return { line: layerLine(i), count };
      });
    const total = grouped(totalParams(p));
    return {
      en: [text(`Line by line: ${rows.map((r) => `line ${r.line}, ${r.count}`).join('; ')}. In all, ${total}.`)],
      ko: [text(`줄별로: ${rows.map((r) => `${r.line}번째 줄, ${r.count}`).join('; ')}. 모두 ${total}개입니다.`)],
    };
  },
  mistakes(p) {
    const right = totalParams(p);
    return numericMistakes(parameterMistakes(p), (v) => v === right);
  },
};

// ---------------------------------------------------------------------------
// explorer/error-line: the layer that refuses its input (PyTorch's traceback ends at the call; the layer is what to fix).

export type Bug = 'channels' | 'batchnorm' | 'linear' | 'vanished';

export interface ErrorLineParams {
  listing: Listing;
  bug: Bug;
}

/** Puts one bug into a working listing; null when this listing has no place for it. */
function withBug(listing: Listing, bug: Bug, rng: Parameters<ExerciseDefinition<unknown>['generate']>[0]): Listing | null {
  const layers = listing.layers.map((l) => ({ ...l }));
  if (bug === 'channels') {
    const convs = layers.map((l, i) => (l.type === 'conv' ? i : -1)).filter((i) => i > 0);
    if (convs.length === 0) return null;
    const at = pick(rng, convs);
    const conv = layers[at] as Extract<LayerSpec, { type: 'conv' }>;
    // A slip a student makes: the previous layer's input channels, or the next width.
    conv.cin = conv.cin === conv.cout ? conv.cin * 2 : conv.cout;
  } else if (bug === 'batchnorm') {
    const norms = layers.map((l, i) => (l.type === 'bn' ? i : -1)).filter((i) => i >= 0);
    if (norms.length === 0) return null;
    const bn = layers[pick(rng, norms)] as Extract<LayerSpec, { type: 'bn' }>;
    bn.c = bn.c >= 16 ? bn.c / 2 : bn.c * 2;
  } else if (bug === 'linear') {
    const linear = layers.find((l) => l.type === 'linear') as Extract<LayerSpec, { type: 'linear' }>;
    // The size computed without the last pooling layer, or by the input side, a common slip.
    const side = listing.input[2];
    const wrong = pick(rng, [linear.fin * 4, linear.fin / 2, side * side]);
    if (!Number.isInteger(wrong) || wrong === linear.fin) return null;
    linear.fin = wrong;
  } else {
    // One block too many at the end of the features (another conv-relu-pool, as when copying a block
    // once more for depth): the maps run out, at the convolution or at the pooling.
    const flattenAt = layers.findIndex((l) => l.type === 'flatten');
    const convs = layers.filter((l) => l.type === 'conv') as Extract<LayerSpec, { type: 'conv' }>[];
    const width = convs[convs.length - 1].cout;
    const k = pick(rng, [3, 5]);
    const extra: LayerSpec[] = [];
    let runsOut = false;
    for (let n = 0; n < 2 && !runsOut; n++) {
      extra.push({ type: 'conv', cin: width, cout: width, k, s: 1, p: 0 }, { type: 'relu' }, { type: 'pool', k: 2, s: 2 });
      runsOut = failingLayer({ input: listing.input, layers: [...layers.slice(0, flattenAt), ...extra] }).index >= 0;
    }
    if (!runsOut) return null;
    layers.splice(flattenAt, 0, ...extra);
  }
  const broken = { input: listing.input, layers };
  return failingLayer(broken).index >= 0 ? broken : null;
}

const errorLine = (p: ErrorLineParams) => layerLine(failingLayer(p.listing).index);

function errorLineMistakes(p: ErrorLineParams): NumericMistake[] {
  const at = failingLayer(p.listing).index;
  const mistakes: NumericMistake[] = [];
  const linearAt = p.listing.layers.findIndex((l) => l.type === 'linear');
  if (linearAt !== at) {
    mistakes.push({
      value: layerLine(linearAt),
      note: 'blamed the Linear layer',
      feedback: bi(
        'A Linear layer that does not fit is a common error, but this model breaks before it: follow the shape from the input.',
        'Linear 계층이 맞지 않는 경우가 흔하지만 이 모델은 그 전에 멈춥니다. 입력부터 모양을 따라가 보세요.',
      ),
    });
  }
  // The layer before the one that fails made the shape, but it ran without complaint.
  for (let i = at - 1; i >= 0; i--) {
    const layer = p.listing.layers[i];
    if (layer.type === 'relu') continue;
    mistakes.push({
      value: layerLine(i),
      note: 'blamed the layer before',
      feedback: bi(
        'That layer runs: it takes what it gets and passes a shape on. The error comes from the next layer, the first that cannot take that shape.',
        '그 계층은 잘 돌아갑니다. 받은 입력으로 모양을 만들어 넘길 뿐입니다. 오류는 그 모양을 받을 수 없는 다음 계층에서 납니다.',
      ),
    });
    break;
  }
  return mistakes;
}

const BUGS: readonly Bug[] = ['channels', 'batchnorm', 'linear', 'vanished'];

export const errorLineExercise: ExerciseDefinition<ErrorLineParams> = {
  id: 'explorer/error-line',
  version: 1,
  lesson: 'explorer',
  kind: 'spot-the-bug',
  title: bi('Which layer fails', '어느 계층에서 멈추는가'),
  generate(rng) {
    for (;;) {
      const bug = pick(rng, BUGS);
      const broken = withBug(drawNetwork(rng, { batchNorm: bug === 'batchnorm' }), bug, rng);
      if (broken) return { listing: broken, bug };
    }
  },
  validate(p) {
    const { index } = failingLayer(p.listing);
    if (index < 0) throw new Error('the listing runs without an error');
  },
  prompt(p) {
    const listing = listingBlock(listingLines(p.listing));
    return {
      en: [text(`Run on an input of shape [${p.listing.input.join(', ')}], this model raises an error. Which line holds the layer that refuses its input? (Give the line number.)`), listing],
      ko: [text(`모양이 [${p.listing.input.join(', ')}]인 입력을 넣으면 이 모델에서 오류가 납니다. 입력을 받지 못하는 계층은 몇 번째 줄에 있습니까? (줄 번호로 답하세요.)`), listing],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Line', '줄 번호') }),
  answer(p) {
    const line = errorLine(p);
    return { typed: String(line), value: { line, bug: p.bug }, display: bi(`Line ${line}`, `${line}번째 줄`) };
  },
  check: (typed, p) =>
    checkNumeric(typed, {
      expected: errorLine(p),
      mistakes: errorLineMistakes(p),
      correctFeedback: bi(`Right. The engine says: ${failingLayer(p.listing).message}`, `맞습니다. 엔진의 메시지: ${failingLayer(p.listing).message}`),
    }),
  hints(p) {
    return [
      explorerHint,
      bi<readonly Block[]>(
        [text(`Follow the shape from [${p.listing.input.join(', ')}]. Each layer checks what it receives: a Conv2d or BatchNorm2d its channels, a Linear its features, a pooling layer or convolution that its window fits.`)],
        [text(`[${p.listing.input.join(', ')}]부터 모양을 따라가 보세요. 계층마다 받은 입력을 확인합니다. Conv2d와 BatchNorm2d는 채널 수를, Linear는 특징 수를, 풀링과 합성곱은 창이 들어가는지를 확인합니다.`)],
      ),
    ];
  },
  solution(p) {
    const { index, message } = failingLayer(p.listing);
    const before = shapeBefore(p.listing, index);
    const line = layerLine(index);
    return {
      en: [text(`Line ${line} receives [${before.join(', ')}] and cannot take it. The engine's message, like PyTorch's:`), code(message, false, 'text')],
      ko: [text(`${line}번째 줄의 계층은 [${before.join(', ')}]${particle(before[before.length - 1], '을', '를')} 받는데 이를 처리할 수 없습니다. PyTorch와 같은 엔진의 메시지:`), code(message, false, 'text')],
    };
  },
  mistakes(p) {
    const right = errorLine(p);
    return numericMistakes(errorLineMistakes(p), (v) => v === right);
  },
};

export const exercises: AnyExercise[] = [fitLinear, parameters, errorLineExercise];
