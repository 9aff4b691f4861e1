/**
 * Every number lesson 11's prose states, computed by the engine when the site is built.
 * Both language versions import these, and tests/unit/content/pooling.test.ts pins them
 * to the syllabus, so the text and the engine cannot drift apart.
 */
import { avgPool2d, effectiveKernelSize, maxPool2d, models, nn, noGrad, poolOutputSize, summary, sum, tensor } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { DEPTH_DEMO, INPUTS, defaultState, formatValue, runPool, windowAt } from './model.ts';
import type { PoolState } from './model.ts';

/** The only numbers lesson 11's prose may type itself; every other one is printed from below. */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'the +1 of the output-size formula, stride 1, and divisor_override = 1 counting windows' },
  { value: 0, why: 'rows and columns counted from 0, and the zeros that padding adds' },
  { value: 2, why: 'the 2 of 2p in the output-size formula and "2×2 pooling", the common setting the syllabus names (pinned by pooling.test.ts)' },
];

/** The message of whatever `fn` throws: the lesson quotes the engine's refusals verbatim. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the engine to refuse');
}

const rows = (values: ArrayLike<number>, width: number): string[][] =>
  Array.from({ length: values.length / width }, (_, r) => Array.from({ length: width }, (_, c) => formatValue(values[r * width + c])));

/** A matrix as TeX, for the display math the MDX typesets. */
export function matrixTex(matrix: readonly (readonly (string | number)[])[]): string {
  return `\\begin{bmatrix} ${matrix.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

const notes = INPUTS.notes;
const start = defaultState();
const maxRun = runPool(start);
const avgRun = runPool({ ...start, mode: 'avg' });
const firstWindow = windowAt(start, 0, maxRun.outWidth).taps.map((tap) => tap.value!);

/** The notes' 4x4 example, pooled 2x2 with stride 2, both ways. */
export const example = {
  side: notes.length,
  kernel: start.kernel,
  stride: start.stride,
  input: notes.map((row) => row.map(String)),
  inputTex: matrixTex(notes),
  max: rows(maxRun.values, maxRun.outWidth),
  maxTex: matrixTex(rows(maxRun.values, maxRun.outWidth)),
  avg: rows(avgRun.values, avgRun.outWidth),
  avgTex: matrixTex(rows(avgRun.values, avgRun.outWidth)),
  outSide: maxRun.outHeight,
  firstWindow: firstWindow.map(String),
  firstMax: formatValue(maxRun.values[0]),
  firstSum: String(firstWindow.reduce((a, b) => a + b, 0)),
  firstAvg: formatValue(avgRun.values[0]),
  windowCells: start.kernel * start.kernel,
  /** The formula's size along one side, from the engine's shape arithmetic. */
  formulaSide: poolOutputSize(notes.length, { kernelSize: start.kernel, stride: start.stride }),
};

const depthModel = new nn.Sequential(new nn.MaxPool2d(2, { stride: 2 }));
const depthSummary = summary(depthModel, [1, DEPTH_DEMO.depth, DEPTH_DEMO.side, DEPTH_DEMO.side]);
const [, depthOut, heightOut, widthOut] = depthSummary.outputShape;
const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Depth untouched: 224x224x64 through 2x2 max pooling, stride 2, traced by summary(). */
export const depth = {
  side: DEPTH_DEMO.side,
  channels: DEPTH_DEMO.depth,
  inShape: `${DEPTH_DEMO.side}×${DEPTH_DEMO.side}×${DEPTH_DEMO.depth}`,
  outShape: `${heightOut}×${widthOut}×${depthOut}`,
  outSide: heightOut,
  outDepth: depthOut,
  params: depthSummary.totalParams,
  inValues: count([DEPTH_DEMO.side, DEPTH_DEMO.side, DEPTH_DEMO.depth]).toLocaleString('en-US'),
  outValues: count([heightOut, widthOut, depthOut]).toLocaleString('en-US'),
  /** How many input values feed each output: the shrink factor. */
  shrink: count([DEPTH_DEMO.side, DEPTH_DEMO.side]) / count([heightOut, widthOut]),
};

/** A 3x3 average with padding 1 and stride 1 at the corner of the notes' example: what the divisor counts. */
function averageCorner(change: Partial<PoolState>) {
  const state: PoolState = { ...start, mode: 'avg', kernel: 3, stride: 1, padding: 1, ...change };
  const run = runPool(state);
  const w = windowAt(state, 0, run.outWidth);
  return { value: formatValue(run.values[0]), divisor: w.avg!.divisor, sum: String(w.sum), padding: w.paddingCells, outSide: run.outHeight };
}

/** count_include_pad and divisor_override, at the corner window. */
export const divisor = {
  kernel: 3,
  padding: 1,
  included: averageCorner({}),
  excluded: averageCorner({ countIncludePad: false }),
  override: 2,
  overridden: averageCorner({ divisorOverride: 2 }),
};

/** ceil mode: a 3x3 window, stride 2, on the 4x4 example. */
const floorRun = runPool({ ...start, kernel: 3, stride: 2 });
const ceilRun = runPool({ ...start, kernel: 3, stride: 2, ceilMode: true });
export const ceil = {
  kernel: 3,
  stride: 2,
  floorSide: floorRun.outHeight,
  ceilSide: ceilRun.outHeight,
  floorValues: rows(floorRun.values, floorRun.outWidth).flat().join(', '),
  ceilTex: matrixTex(rows(ceilRun.values, ceilRun.outWidth)),
  /** The last window of ceil mode: the cells it reads, clipped at the edge. */
  lastCells: windowAt({ ...start, kernel: 3, stride: 2, ceilMode: true }, 3, ceilRun.outWidth).taps.length,
};

/** dilation 2 on the 4x4 example, stride 1: the first window reads every other cell. */
const dilatedState: PoolState = { ...start, kernel: 2, stride: 1, dilation: 2 };
const dilatedRun = runPool(dilatedState);
export const dilated = {
  dilation: 2,
  stride: 1,
  span: effectiveKernelSize(dilatedState.kernel, 2),
  outSide: dilatedRun.outHeight,
  firstTaps: windowAt(dilatedState, 0, dilatedRun.outWidth).taps.map((tap) => String(tap.value)).join(', '),
  firstMax: formatValue(dilatedRun.values[0]),
};

/** Settings PyTorch refuses, with the engine's words. */
const tooMuchPadding = 2;
export const refusals = {
  padding: tooMuchPadding,
  tooMuchPadding: errorOf(() => runPool({ ...start, padding: tooMuchPadding })),
  tooBig: errorOf(() => runPool({ ...start, kernel: 5 })),
};

/**
 * Overlapping pooling, as in AlexNet: 3x3 windows, stride 2, on its 55x55 maps. Each
 * input's number of windows is the gradient of the sum of an average pool whose divisor
 * is overridden to 1 (every window adds its inputs once), so the engine counts it.
 */
function windowsPerPixel(side: number, kernel: number, stride: number): number {
  const x = tensor(new Float32Array(side * side), [1, 1, side, side]).requiresGrad_();
  sum(avgPool2d(x, { kernelSize: kernel, stride, divisorOverride: 1 })).backward();
  return Math.max(...x.grad!.data);
}
/** AlexNet (the 2012 paper's, from the engine's zoo): its first pooling layer and what comes in. */
const alex = (() => {
  const model = models.alexnetOriginal();
  const rowsOf = summary(model, [1, 3, 227, 227]).layers;
  const poolIndex = rowsOf.findIndex((row) => row.type === 'MaxPool2d');
  const pool = model.getSubmodule(rowsOf[poolIndex].name) as nn.MaxPool2d;
  return { inShape: rowsOf[poolIndex - 1].outputShape, outShape: rowsOf[poolIndex].outputShape, pool };
})();
const [alexKernel] = alex.pool.kernelSize;
const [alexStride] = alex.pool.stride;
const alexSide = alex.inShape[2];
export const overlap = {
  side: alexSide,
  channels: alex.inShape[1],
  kernel: alexKernel,
  stride: alexStride,
  outSide: alex.outShape[2],
  plainOutSide: poolOutputSize(alexSide, { kernelSize: alexStride, stride: alexStride }),
  mostWindows: windowsPerPixel(alexSide, alexKernel, alexStride),
  plainMostWindows: windowsPerPixel(alexSide, alexStride, alexStride),
};

/** Pooling against a strided convolution on the same 224x224x64 volume. */
const stridedConv = summary(new nn.Sequential(new nn.Conv2d(64, 64, 3, { stride: 2, padding: 1 })), [1, 64, 224, 224]);
export const strided = {
  kernel: 3,
  stride: 2,
  padding: 1,
  outShape: `${stridedConv.outputShape[2]}×${stridedConv.outputShape[3]}×${stridedConv.outputShape[1]}`,
  params: stridedConv.totalParams.toLocaleString('en-US'),
  macs: stridedConv.totalMacs.toLocaleString('en-US'),
  poolParams: depthSummary.totalParams,
};

/**
 * Why max: two 2x2 windows of one feature map with the same average. One holds a single
 * strong response, the other a weak plateau; max keeps the difference, average erases it.
 */
const contrastMap = [
  [9, 0, 2, 2],
  [0, 0, 3, 2],
];
const contrast = noGrad(() => {
  const x = tensor(contrastMap.flat(), [1, 1, 2, 4]);
  return { max: maxPool2d(x, { kernelSize: 2 }).data, avg: avgPool2d(x, { kernelSize: 2 }).data };
});
/** The strong response moved to another cell of its window: max pooling cannot tell. */
const shifted = noGrad(() => maxPool2d(tensor([0, 0, 2, 2, 0, 9, 3, 2], [1, 1, 2, 4]), { kernelSize: 2 }).data);
export const whyMax = {
  mapTex: matrixTex(contrastMap),
  peak: formatValue(contrast.max[0]),
  plateauMax: formatValue(contrast.max[1]),
  avgLeft: formatValue(contrast.avg[0]),
  avgRight: formatValue(contrast.avg[1]),
  shiftedPeak: formatValue(shifted[0]),
};

/** Too much pooling: 224 through 2x2 / stride 2 again and again, side by side. */
export const repeated = (() => {
  const sides: number[] = [DEPTH_DEMO.side];
  while (sides.length < 6) sides.push(poolOutputSize(sides[sides.length - 1], { kernelSize: 2, stride: 2 }));
  return { sides: sides.join(' → '), layers: sides.length - 1, last: sides[sides.length - 1] };
})();
