/**
 * Every number lesson 4's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * checks them against the syllabus, so the text and the engine cannot drift apart.
 * Settings (the numbers a reader chooses) are written here once; results never are.
 */
import {
  conv2d,
  convOutputSize,
  convOutputSteps,
  maxPool2d,
  noGrad,
  paddingToKeepSize,
  poolOutputSize,
  poolOutputSteps,
  uncoveredInputs,
  zeros,
} from '../../../src/engine/index.ts';
import type { OutputSizeSteps } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/**
 * The only numbers lesson 4's prose and the calculator's strings may type themselves.
 * The formula's own constants (the 1 and 2 in it) live in its math, which is checked
 * by output-size.test.ts; everything else is printed from the values below.
 */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'stride 1, the stride at which padding (k − 1)/2 keeps the size, and the 1 of dilation × (kernel − 1)' },
  { value: 0, why: 'pixel positions counted from 0' },
];

/** The message of whatever `fn` throws (the lesson quotes the engine's refusals verbatim). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('errorOf: expected the engine to refuse, but it did not');
}

/** The shape of a real op run on zeros, as "1 × 1 × 4 × 4". */
function shapeText(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** One 1-D example: its settings, the formula's working and the pixels no window reads. */
export interface Example {
  inSize: number;
  kernelSize: number;
  stride: number;
  padding: number;
  dilation: number;
  steps: OutputSizeSteps;
  result: number;
  uncovered: number[];
  /** The input pixels each window spans, first to last, as "0–2" (clipped to the input). */
  windows: string[];
}

function convExample(inSize: number, kernelSize: number, stride = 1, padding = 0, dilation = 1): Example {
  const opts = { kernelSize, stride, padding, dilation };
  const steps = convOutputSteps(inSize, opts);
  const result = convOutputSize(inSize, opts);
  const windows = Array.from({ length: result }, (_, o) => {
    const first = o * stride - padding;
    const last = first + dilation * (kernelSize - 1);
    return `${Math.max(first, 0)}–${Math.min(last, inSize - 1)}`;
  });
  return { inSize, ...opts, steps, result, uncovered: uncoveredInputs(inSize, opts), windows };
}

/** The syllabus's worked example: L_in 6, kernel 3, stride 1, no padding, no dilation. */
export const worked = convExample(6, 3);

/** The worked example run as a real 2-D convolution of a 6x6 input with a 3x3 kernel. */
export const workedShape = shapeText(
  noGrad(
    () =>
      conv2d(zeros([1, 1, worked.inSize, worked.inSize]), zeros([1, 1, worked.kernelSize, worked.kernelSize])).shape,
  ),
);

/** CS231n's running example: 7 wide, a 3-wide filter, stride 2: (7 - 3)/2 + 1 is whole. */
export const cs231nFits = convExample(7, 3, 2);

/** The same input with stride 3: (7 - 3)/3 is not whole; CS231n calls it invalid, PyTorch floors. */
export const cs231nMisfit = convExample(7, 3, 3);

/** A division with a remainder, and the pixel it leaves out. */
export const notExact = convExample(8, 3, 2);

/** Padding that keeps a 3-wide kernel's output as long as its input, and the proof on the worked example. */
export const keepPadding = paddingToKeepSize(worked.kernelSize)!;
export const keptSize = convOutputSize(worked.inSize, { kernelSize: worked.kernelSize, padding: keepPadding });

/** VGG's pooling: 2x2 windows with stride 2 halve a 224-pixel side. */
export const vggPool = {
  inSize: 224,
  kernelSize: 2,
  stride: 2,
  result: poolOutputSize(224, { kernelSize: 2, stride: 2 }),
  shape: shapeText(noGrad(() => maxPool2d(zeros([1, 1, 224, 224]), { kernelSize: 2, stride: 2 }).shape)),
};

/** Ceil mode on a row of 5 with 2-wide windows: floor drops the fifth pixel, ceil keeps it. */
export const ceilExample = {
  inSize: 5,
  kernelSize: 2,
  floor: poolOutputSize(5, { kernelSize: 2 }),
  ceil: poolOutputSize(5, { kernelSize: 2, ceilMode: true }),
  uncoveredFloor: uncoveredInputs(5, { kernelSize: 2 }, 'pool'),
  ceilSteps: poolOutputSteps(5, { kernelSize: 2, ceilMode: true }),
};

/** Settings the lesson shows PyTorch refusing: a window bigger than the input, and too much pooling padding. */
export const refused = {
  input: 2,
  kernel: 3,
  padKernel: 3,
  padding: 2,
};

/** The refusals the lesson quotes, word for word as the engine (and PyTorch) says them. */
export const refusals = {
  /** A kernel-by-kernel pooling window on an input-by-input picture. */
  poolTooSmall: errorOf(() => maxPool2d(zeros([1, 1, refused.input, refused.input]), { kernelSize: refused.kernel })),
  /** The same with a convolution kernel. */
  convTooSmall: errorOf(() =>
    conv2d(zeros([1, 1, refused.input, refused.input]), zeros([1, 1, refused.kernel, refused.kernel])),
  ),
  /** Pooling padding beyond half the window. */
  poolPadding: errorOf(() => poolOutputSize(8, { kernelSize: refused.padKernel, padding: refused.padding })),
};
