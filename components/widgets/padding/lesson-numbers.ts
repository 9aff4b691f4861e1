/**
 * Every number lesson 5's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * checks them against the syllabus, so the text and the engine cannot drift apart.
 * Settings (the numbers a reader chooses) are written here once; results never are.
 */
import { conv2d, noGrad, paddingToKeepSize, zeros } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { GRID_SIZE, GRID_VALUES, MODES, SAME_INPUT, padAndConvolve, padRow, samePaddingOf, windowCounts } from './model.ts';
import type { Mode } from './model.ts';

/** The only numbers lesson 5's prose and its widgets' strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 1, why: "stride 1, the only stride padding='same' accepts, and pixel counts of one" },
  { value: 0, why: 'the value zero padding fills in' },
];

/** The message of whatever `fn` throws (the lesson quotes the engine's refusals verbatim). */
function errorOf(fn: () => string | null): string {
  const message = fn();
  if (message === null) throw new Error('errorOf: expected the engine to refuse, but it did not');
  return message;
}

/** Two decimals, as the lesson prints fractions of a pixel's brightness. */
const twoDecimals = (v: number) => v.toFixed(2);

/** A conv2d of a zero tensor: the side of its output. */
function outputSide(input: number, kernel: number, padding: number): number {
  return noGrad(() => conv2d(zeros([1, 1, input, input]), zeros([1, 1, kernel, kernel]), null, { padding }).shape[3]);
}

/** The 3x3 kernel the lesson starts from, and the padding that keeps its output as large as its input. */
export const kernel = 3;
export const keepPadding = paddingToKeepSize(kernel)!;

/** Without padding a 3x3 kernel trims a ring; with padding 1 the grid keeps its size. */
export const sizes = {
  input: GRID_SIZE,
  unpadded: outputSide(GRID_SIZE, kernel, 0),
  padded: outputSide(GRID_SIZE, kernel, keepPadding),
};

/** Five 3x3 layers without padding, one after another, on a 32-pixel picture: the side after each. */
export const shrink = (() => {
  const start = 32;
  const layers = 5;
  const sides = [start];
  for (let i = 0; i < layers; i++) sides.push(outputSide(sides[i], kernel, 0));
  return { start, layers, end: sides[layers], sides: sides.join(' → ') };
})();

/** A row of four values padded by two on each side in every mode, as the engine's `pad` returns it. */
export const row = {
  values: [1, 2, 3, 4],
  amount: 2,
  text: [1, 2, 3, 4].join(' '),
  padded: Object.fromEntries(MODES.map((m) => [m, padRow([1, 2, 3, 4], 2, 2, m).join(' ')])) as Record<Mode, string>,
};

/** The top-left corner of the 5x5 grid's padding (amount 1) in each mode: which pixel it copies. */
export const gridCorner = Object.fromEntries(
  MODES.map((m) => [m, padAndConvolve(GRID_VALUES, GRID_SIZE, 1, m).padded!.values[0]]),
) as Record<Mode, number>;

/** A uniformly bright picture (all ones) averaged over 3x3 with padding 1: zeros darken the border, reflect does not. */
export const flat = (() => {
  const ones = new Array<number>(GRID_SIZE * GRID_SIZE).fill(1);
  const zerosOut = padAndConvolve(ones, GRID_SIZE, keepPadding, 'zeros').output!.values;
  const reflectOut = padAndConvolve(ones, GRID_SIZE, keepPadding, 'reflect').output!.values;
  const centre = Math.floor(GRID_SIZE / 2) * (GRID_SIZE + 1);
  return {
    corner: twoDecimals(zerosOut[0]),
    edge: twoDecimals(zerosOut[Math.floor(GRID_SIZE / 2)]),
    centre: twoDecimals(zerosOut[centre]),
    reflectMin: twoDecimals(Math.min(...reflectOut)),
    reflectMax: twoDecimals(Math.max(...reflectOut)),
  };
})();

/** Window counts on a 6x6 input with a 3x3 kernel: no padding, padding 1, and full padding 2 (kernel − 1). */
export const counts = (() => {
  const size = 6;
  const fullPadding = kernel - 1;
  const of = (padding: number) => {
    const values = windowCounts(size, kernel, padding).counts!.values;
    return { corner: values[0], edge: values[1], max: Math.max(...values), min: Math.min(...values) };
  };
  return { size, none: of(0), keep: of(keepPadding), full: of(fullPadding), fullPadding, kernelArea: kernel * kernel };
})();

/** padding='same' as the engine splits it, for odd and even kernels, with and without dilation. */
export const same = {
  input: SAME_INPUT,
  odd: { kernel: 3, dilation: 1, ...samePaddingOf(3, 1) },
  even: { kernel: 4, dilation: 1, ...samePaddingOf(4, 1) },
  oddDilated: { kernel: 3, dilation: 2, ...samePaddingOf(3, 2) },
  evenDilated: { kernel: 4, dilation: 2, ...samePaddingOf(4, 2) },
  evenDilatedOdd: { kernel: 2, dilation: 3, ...samePaddingOf(2, 3) },
};

/** The shape a 'same' convolution returns, as "1 × 1 × 6 × 6". */
export const sameShape = same.even.outputShape!.join(' × ');

/** Settings the engine refuses, and its messages, word for word. */
export const refusals = {
  reflectAmount: GRID_SIZE,
  circularAmount: GRID_SIZE + 1,
  reflect: errorOf(() => padAndConvolve(GRID_VALUES, GRID_SIZE, GRID_SIZE, 'reflect').error),
  circular: errorOf(() => padAndConvolve(GRID_VALUES, GRID_SIZE, GRID_SIZE + 1, 'circular').error),
  sameStride: 2,
  same: errorOf(() => samePaddingOf(3, 1, 2).error),
};

/** How many padding modes `nn.Conv2d` offers. */
export const modeCount = MODES.length;

/** The largest value of the grid of numbers (they run from 1 up to it). */
export const gridMax = GRID_VALUES[GRID_VALUES.length - 1];
