/**
 * Every number lesson 6's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * checks them against the syllabus. Settings (the numbers a reader chooses) are written
 * here once; results never are.
 */
import { convOutputSize, convOutputSteps, effectiveKernelSize, nn, summary, uncoveredInputs } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { defaultState, runStride } from './model.ts';

/** The only numbers lesson 6's prose may type itself. */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'stride 1, the step of an ordinary convolution, and the +1 of the output-size formula' },
  { value: 2, why: 'stride 2, the usual downsampling step, named as a setting' },
  { value: 0, why: 'the value zero padding puts in a padding cell, as the stepper labels it' },
];

/** The message of whatever `fn` throws (the lesson quotes the engine's refusals verbatim). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('errorOf: expected the engine to refuse, but it did not');
}

/** The widget's starting point: where the floor drops a row and a column. */
const start = defaultState();
const startRun = runStride(start);
export const floorExample = {
  side: start.size,
  kernel: start.kernel,
  stride: start.stride,
  numerator: startRun.steps.numerator,
  quotient: startRun.steps.quotient.toString(),
  out: startRun.outSize,
  dropped: startRun.dropped.join(', '),
  droppedCount: startRun.dropped.length,
  lastRead: start.size - startRun.dropped.length - 1,
};

/** One pixel fewer: now the stride divides exactly and every pixel is read. */
const exactSide = start.size - 1;
export const exactExample = {
  side: exactSide,
  numerator: convOutputSteps(exactSide, { kernelSize: start.kernel, stride: start.stride }).numerator,
  out: convOutputSize(exactSide, { kernelSize: start.kernel, stride: start.stride }),
  unreached: uncoveredInputs(exactSide, { kernelSize: start.kernel, stride: start.stride }).length,
};

/** The same 8-pixel row at strides 1 to 4: the output shrinks roughly by the stride. */
export const byStride = [1, 2, 3, 4].map((stride) => ({
  stride,
  out: convOutputSize(start.size, { kernelSize: start.kernel, stride }),
  unreached: uncoveredInputs(start.size, { kernelSize: start.kernel, stride }).join(', ') || '—',
}));

/** A stride longer than the kernel: whole rows fall between windows, not only at the end. */
const gapKernel = 2;
const gapStride = 3;
export const gapExample = {
  side: start.size,
  kernel: gapKernel,
  stride: gapStride,
  out: convOutputSize(start.size, { kernelSize: gapKernel, stride: gapStride }),
  skipped: uncoveredInputs(start.size, { kernelSize: gapKernel, stride: gapStride }).join(', '),
};

/**
 * The lecture notes' first layer: a 3 → 16 convolution, kernel 3, stride 2, padding 1,
 * on a 3×256×256 image halves the side.
 */
const notesConv = new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 });
const notesLayer = summary(new nn.Sequential(notesConv), [1, 3, 256, 256]);
export const notes = {
  inChannels: notesConv.inChannels,
  kernel: notesConv.kernelSize[0],
  stride: notesConv.stride[0],
  padding: (notesConv.padding as [number, number])[0],
  inSide: 256,
  outSide: notesLayer.outputShape[2],
  channels: notesLayer.outputShape[1],
};

/**
 * Downsampling by 2 two ways on a 3×224×224 photo with 16 filters: a stride-1
 * convolution then 2×2 max pooling, or a stride-2 convolution. Same output shape,
 * a quarter of the multiply-accumulates, as summary() counts them.
 */
const side = 224;
const filters = 16;
const pathKernel = 3;
const factor = 2;
const pooled = summary(new nn.Sequential(new nn.Conv2d(3, filters, pathKernel, { padding: 1 }), new nn.MaxPool2d(factor)), [1, 3, side, side]);
const strided = summary(new nn.Sequential(new nn.Conv2d(3, filters, pathKernel, { stride: factor, padding: 1 })), [1, 3, side, side]);
const shape = (s: readonly number[]) => `${s[2]}×${s[3]}×${s[1]}`;
export const paths = {
  side,
  filters,
  kernel: pathKernel,
  pool: factor,
  skipped: pooled.totalMacs / strided.totalMacs - 1,
  pooledShape: shape(pooled.outputShape),
  stridedShape: shape(strided.outputShape),
  pooledMacs: pooled.totalMacs.toLocaleString('en-US'),
  stridedMacs: strided.totalMacs.toLocaleString('en-US'),
  ratio: pooled.totalMacs / strided.totalMacs,
  params: strided.totalParams.toLocaleString('en-US'),
  sameParams: pooled.totalParams === strided.totalParams,
};

/** What the engine says to settings PyTorch refuses, quoted word for word. */
const tooBig = { size: 3, kernel: 5 };
const dilated = { size: 4, kernel: 3, dilation: 3 };
export const refusals = {
  tooBigSide: tooBig.size,
  tooBigKernel: tooBig.kernel,
  tooBig: errorOf(() => runStride({ ...start, ...tooBig })),
  dilatedSide: dilated.size,
  dilatedKernel: dilated.kernel,
  dilation: dilated.dilation,
  dilatedSpan: effectiveKernelSize(dilated.kernel, dilated.dilation),
  dilated: errorOf(() => runStride({ ...start, ...dilated })),
};
