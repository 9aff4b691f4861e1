/**
 * Every number the prose of lessons 13 (training) and 14 (LeNet-5) states,
 * computed by the engine when the pages are built. Both languages import these
 * functions, so the prose cannot drift from the engine, and the content tests
 * check them against the engine's definitions and the data.
 */
import {
  avgPool2d,
  conv2d,
  crossEntropy,
  maxPool2d,
  models,
  optim,
  sum,
  summary,
  tensor,
  zeros,
} from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG, OPTIMIZER_DEFAULTS } from '../../../src/training/config.ts';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import { HANDMADE_KINDS, handmadeFilter } from './handmade.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/**
 * The only numbers the prose of lessons 13 and 14 and the dashboard's strings may type
 * themselves; every other number is printed from {@link trainingNumbers},
 * {@link lenetNumbers} or a constant of the trainer. training.test.ts and
 * lenet-5.test.ts pin the facts named here.
 */
export const allowedNumbers: AllowList = [
  { value: 0, why: 'a loss close to 0, the gradient 0 that pooling gives the losers, weight decay pulling towards 0, indices from 0' },
  { value: 1, why: 'a probability close to 1, a gradient of 1 arriving at each output, correlations of ±1' },
  { value: 2, why: 'two conv blocks and two fully connected layers in the default stack, LeNet-5’s two conv/subsampling rounds, two curves or runs compared' },
  { value: 3, why: 'LeNet-5’s three fully connected layers (lenet-5.test.ts pins the layer types)' },
  { value: 10, why: 'ln 10, the loss of a uniform guess over the ten digit classes (training.test.ts), and the tenfold learning-rate experiment' },
  { value: 1998, why: 'the year LeNet-5 was published (LENET_YEAR), in the labels tanh (1998) and Average (1998)' },
  { phrase: 'a 1 from a 7', why: 'two digit classes named as an example' },
  { phrase: '1과 7을', why: 'two digit classes named as an example' },
  { value: 0xffffffff, why: 'the largest seed, 2³² − 1, as the settings check prints it' },
  { value: 0.01, why: 'an example of how to type a number (0.01 or 1e-3), not a setting' },
];

/** MNIST's split sizes (the content test checks them against the data itself). */
export const MNIST_TRAIN_COUNT = 60000;
export const MNIST_TEST_COUNT = 10000;

/**
 * The short run both lessons promise and the browser test performs: LeNet-5
 * with the default settings, paused after this many steps, scores above this
 * test accuracy.
 */
export const QUICK_RUN = Object.freeze({ steps: 200, accuracy: 0.9 });

/** A 2-D array of a tensor's values (its last two dims), rounded to `digits` decimals. */
function grid(t: Tensor, digits = 4): number[][] {
  const [h, w] = t.shape.slice(-2);
  const scale = 10 ** digits;
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => Math.round(t.data[r * w + c] * scale) / scale));
}

/** The syllabus's pooling example. */
const POOL_INPUT = [
  [1, 1, 2, 4],
  [5, 6, 7, 8],
  [3, 2, 1, 0],
  [1, 2, 3, 4],
];

/** A 3x3 picture and a 2x2 filter small enough to follow the gradients by hand. */
const CONV_INPUT = [
  [1, 2, 0],
  [0, 1, 3],
  [2, 1, 1],
];
const CONV_FILTER = [
  [1, -1],
  [0, 2],
];

/** Forward and backward of `pool` on the example, with every output's gradient 1 (loss = sum of outputs). */
function poolGradients(pool: (x: Tensor) => Tensor) {
  const x = tensor(POOL_INPUT, [1, 1, 4, 4], { requiresGrad: true });
  const y = pool(x);
  sum(y).backward();
  return { output: grid(y), grad: grid(x.grad!) };
}

/** Step sizes of SGD with momentum on a loss whose gradient is always 1. */
function momentumSteps(lr: number, momentum: number, count: number): number[] {
  const w = tensor([0], [1], { requiresGrad: true });
  const optimizer = new optim.SGD([w], { lr, momentum });
  const steps: number[] = [];
  let before = 0;
  for (let i = 0; i < count; i++) {
    optimizer.zeroGrad();
    sum(w).backward();
    optimizer.step();
    steps.push(Math.round((before - w.data[0]) * 1e6) / 1e6);
    before = w.data[0];
  }
  return steps;
}

/** The figures of lesson 13. */
export function trainingNumbers() {
  const classes = 10;
  const initialLoss = crossEntropy(zeros([1, classes]), [0]).item();

  const max = poolGradients((x) => maxPool2d(x, { kernelSize: 2 }));
  const avg = poolGradients((x) => avgPool2d(x, { kernelSize: 2 }));

  const x = tensor(CONV_INPUT, [1, 1, 3, 3], { requiresGrad: true });
  const w = tensor(CONV_FILTER, [1, 1, 2, 2], { requiresGrad: true });
  const y = conv2d(x, w);
  sum(y).backward();

  const lr = 0.1;
  const momentum = OPTIMIZER_DEFAULTS.momentum.momentum;
  const steps = momentumSteps(lr, momentum, 5);

  const stack = checkArchitecture(DEFAULT_STACK);
  const lenet = checkArchitecture({ kind: 'lenet5' });
  const firstStackConv = DEFAULT_STACK.layers.find((l) => l.type === 'conv');
  return {
    classes,
    /** Cross-entropy of a network that gives every class the same score: ln 10. */
    initialLoss,
    poolInput: POOL_INPUT,
    maxOutput: max.output,
    maxGrad: max.grad,
    avgOutput: avg.output,
    avgGrad: avg.grad,
    convInput: CONV_INPUT,
    convFilter: CONV_FILTER,
    convOutput: grid(y),
    /** d(sum of outputs)/d(filter): each weight's gradient adds up the pixels it met. */
    convWeightGrad: grid(w.grad!),
    /** d(sum of outputs)/d(input): each pixel's gradient adds up the weights that met it. */
    convInputGrad: grid(x.grad!),
    /** Positions the 2x2 filter takes on the 3x3 picture. */
    convPositions: y.data.length,
    lr,
    momentum,
    momentumSteps: steps,
    /** Where the momentum step settles: lr / (1 - momentum), as a multiple of lr. */
    momentumGain: Math.round(1 / (1 - momentum)),
    optimizerLr: { sgd: OPTIMIZER_DEFAULTS.sgd.lr, momentum: OPTIMIZER_DEFAULTS.momentum.lr, adam: OPTIMIZER_DEFAULTS.adam.lr },
    batchSize: DEFAULT_TRAIN_CONFIG.batchSize,
    epochs: DEFAULT_TRAIN_CONFIG.epochs,
    stepsPerEpoch: Math.ceil(MNIST_TRAIN_COUNT / DEFAULT_TRAIN_CONFIG.batchSize),
    trainCount: MNIST_TRAIN_COUNT,
    testCount: MNIST_TEST_COUNT,
    stackParams: stack.ok ? stack.totalParams : Number.NaN,
    stackFilters: firstStackConv?.type === 'conv' ? firstStackConv.outChannels : Number.NaN,
    stackKernel: firstStackConv?.type === 'conv' ? firstStackConv.kernelSize : Number.NaN,
    lenetParams: lenet.ok ? lenet.totalParams : Number.NaN,
    sobel: Array.from({ length: 3 }, (_, r) => Array.from(handmadeFilter('vertical', 3).slice(r * 3, r * 3 + 3))),
    /** Directions of the hand-made edge filters the dashboard compares with (the others are spots). */
    edgeDirections: HANDMADE_KINDS.filter((kind) => kind !== 'spot').length,
    quickSteps: QUICK_RUN.steps,
    quickAccuracy: Math.round(QUICK_RUN.accuracy * 100),
    quickFraction: Math.round((QUICK_RUN.steps / Math.ceil(MNIST_TRAIN_COUNT / DEFAULT_TRAIN_CONFIG.batchSize)) * 100),
  };
}

/** One row of LeNet-5's table. */
export interface LenetRow {
  name: string;
  type: string;
  /** Output for one image, without the batch dimension. */
  outputShape: number[];
  params: number;
  macs: number;
}

/**
 * The paper's C3 connection table (LeCun et al. 1998, Table I): which of the
 * six S2 maps each of the sixteen C3 maps reads. Six read three neighbouring
 * maps, six read four neighbouring maps, three read four maps that are not all
 * neighbours, and one reads all six.
 */
export const PAPER_C3_TABLE: readonly (readonly number[])[] = [
  [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 0], [5, 0, 1],
  [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 0], [4, 5, 0, 1], [5, 0, 1, 2],
  [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];

/** The year LeCun, Bottou, Bengio and Haffner published LeNet-5 ("Gradient-based learning applied to document recognition"). */
export const LENET_YEAR = 1998;

/**
 * The paper's output layer compared F6's values with a fixed drawing of each
 * class, a bitmap of this many rows and columns: that is why F6 has 84 units.
 */
export const PAPER_RBF_BITMAP = Object.freeze({ rows: 7, columns: 12 });

/** The figures of lesson 14. */
export function lenetNumbers() {
  // The network trained on the page: MNIST's 28x28 digits, padded by 2 in the first layer.
  const ours = summary(models.lenet5({ inputSize: 28 }), [1, 1, 28, 28]);
  // The paper's: 32x32 inputs (the digits centred in a larger field), no padding.
  const paper = summary(models.lenet5(), [1, 1, 32, 32]);
  const rows: LenetRow[] = ours.layers.map((row) => ({
    name: row.name,
    type: row.type,
    outputShape: row.outputShape.slice(1),
    params: row.params,
    macs: row.macs ?? 0,
  }));
  const convs = rows.filter((r) => r.type === 'Conv2d');
  const linears = rows.filter((r) => r.type === 'Linear');
  const kernel = 5;
  const c3Inputs = PAPER_C3_TABLE.reduce((n, maps) => n + maps.length, 0);
  const c3Sizes = [...new Set(PAPER_C3_TABLE.map((maps) => maps.length))].sort((a, b) => a - b);
  return {
    rows,
    totalParams: ours.totalParams,
    paperShapes: paper.layers.map((row) => row.outputShape.slice(1)),
    oursShapes: rows.map((r) => r.outputShape),
    totalMacs: ours.totalMacs,
    macsThousands: Math.round(ours.totalMacs / 1000),
    c1Params: convs[0].params,
    c3Params: convs[1].params,
    c5Params: linears[0].params,
    f6Params: linears[1].params,
    outParams: linears[2].params,
    c1Maps: convs[0].outputShape[0],
    c1Side: convs[0].outputShape[1],
    s2Side: rows[2].outputShape[1],
    c3Maps: convs[1].outputShape[0],
    c3Side: convs[1].outputShape[1],
    s4Side: rows[5].outputShape[1],
    flat: rows.find((r) => r.type === 'Flatten')?.outputShape[0] ?? Number.NaN,
    c5Units: linears[0].outputShape[0],
    f6Units: linears[1].outputShape[0],
    classes: linears[2].outputShape[0],
    kernel,
    /** Subsampling window: each S layer halves the side. */
    pool: convs[0].outputShape[1] / rows[2].outputShape[1],
    /** Padding of C1 that makes 28x28 digits give the paper's 28x28 maps. */
    padding: (paper.inputShape[2] - ours.inputShape[2]) / 2,
    paperInput: paper.inputShape[2],
    oursInput: ours.inputShape[2],
    /** The paper's C3, with its sparse table: weights for 60 map pairs plus 16 biases. */
    paperC3Inputs: c3Inputs,
    paperC3Params: c3Inputs * kernel * kernel + PAPER_C3_TABLE.length,
    /** How many S2 maps the paper's C3 maps read: 3, 4 or all 6. */
    paperC3Sizes: c3Sizes,
    /** Share of the parameters in the fully connected layers, in percent. */
    fullShare: Math.round(((linears[0].params + linears[1].params + linears[2].params) / ours.totalParams) * 100),
    /** Share of the multiply-adds in the convolutions, in percent. */
    convMacShare: Math.round(((convs[0].macs + convs[1].macs) / ours.totalMacs) * 100),
    trainCount: MNIST_TRAIN_COUNT,
    testCount: MNIST_TEST_COUNT,
    quickSteps: QUICK_RUN.steps,
    quickAccuracy: Math.round(QUICK_RUN.accuracy * 100),
    year: LENET_YEAR,
    rbfRows: PAPER_RBF_BITMAP.rows,
    rbfColumns: PAPER_RBF_BITMAP.columns,
    /** C3 connected to every S2 map, as here: map pairs. */
    fullC3Inputs: convs[1].outputShape[0] * convs[0].outputShape[0],
  };
}

/** A number with digit grouping in the reader's language: 61,706. */
export function n(value: number, lang: Locale): string {
  return Math.round(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
}

/** A matrix as KaTeX source: \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}. */
export function texMatrix(rows: readonly (readonly number[])[]): string {
  const cell = (v: number) => (Object.is(v, -0) ? '0' : String(v));
  return `\\begin{bmatrix} ${rows.map((r) => r.map(cell).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}
