/**
 * Every number lesson 2's prose states, computed by the engine when the site is built.
 * Both language versions import this, and the content test checks it, so the text and
 * the engine cannot drift apart.
 */
import { convOutputSize } from '../../../src/engine/index.ts';
import {
  DIVISOR,
  FILTER_PRESETS,
  IMAGE_SIZE,
  KERNEL_SIZE,
  OUTPUT_SIZE,
  X_IMAGE,
  cellToPosition,
  computeFeatureMaps,
  formatFraction,
  formatRounded,
  formatSigned,
  formatTruncated,
  tapsAt,
} from './model.ts';
import type { Pixel } from './model.ts';
import { CHANNELS, DEPTH_FILTERS, DEPTH_KERNEL, PICTURE_SIZE, depthVolume } from './depth-model.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/**
 * The only numbers lesson 2's prose and widget strings may type themselves; every other
 * number is printed from {@link lessonNumbers} or from the widgets' constants.
 */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'pixel and weight values (+1 ink, −1 background, ±1 weights), the stride of the worked example, and the 1 a perfect match averages to' },
  { value: 0, why: 'tensor indices count from 0, and 0 is the third value a weight can take in the stepper' },
  { value: 2, why: 'the two passes of every layer (forward and backward), and the two decimals formatRounded keeps (pinned by convolution.test.ts)' },
];

/** One output of the worked example, formatted the ways the prose needs it. */
export interface WorkedOutput {
  row: number;
  col: number;
  /** Sum of the nine products (conv2d's raw output). */
  sum: number;
  /** The sum as printed, with a real minus sign. */
  sumText: string;
  /** Sum divided by 9, as the engine computed it. */
  value: number;
  /** "7/9" */
  fraction: string;
  /** "0.78" */
  rounded: string;
  /** "0.77": the source's cut-off digits. */
  truncated: string;
  /** How many of the nine products are +1 and how many -1. */
  agree: number;
  disagree: number;
}

const diagonal = FILTER_PRESETS[0].weights;

function workedOutput(maps: ReturnType<typeof computeFeatureMaps>, image: readonly Pixel[], row: number, col: number): WorkedOutput {
  const position = cellToPosition(row, col);
  const sum = maps.sums[position];
  const value = maps.values[position];
  const products = tapsAt(image, diagonal, position).map((tap) => tap.product);
  return {
    row,
    col,
    sum,
    sumText: formatSigned(sum),
    value,
    fraction: formatFraction(sum),
    rounded: formatRounded(value),
    truncated: formatTruncated(value),
    agree: products.filter((p) => p > 0).length,
    disagree: products.filter((p) => p < 0).length,
  };
}

/** The numbers of the X example and the depth example. */
export function lessonNumbers() {
  const maps = computeFeatureMaps(X_IMAGE, [diagonal]);
  const at = (row: number, col: number) => workedOutput(maps, X_IMAGE, row, col);
  const exact: { row: number; col: number }[] = [];
  for (let position = 0; position < maps.values.length; position++) {
    if (maps.sums[position] === DIVISOR) exact.push({ row: Math.floor(position / OUTPUT_SIZE), col: position % OUTPUT_SIZE });
  }
  const centre = Math.floor(OUTPUT_SIZE / 2);

  // Flip the top-left pixel to ink: the first window then matches the filter exactly.
  const cornerInked: Pixel[] = [...X_IMAGE];
  cornerInked[0] = 1;
  const cornerMaps = computeFeatureMaps(cornerInked, [diagonal]);

  const twoFilters = computeFeatureMaps(X_IMAGE, [diagonal, FILTER_PRESETS[1].weights]);
  const depth = depthVolume();

  return {
    imageSize: IMAGE_SIZE,
    kernelSize: KERNEL_SIZE,
    divisor: DIVISOR,
    outputSize: OUTPUT_SIZE,
    /** Straight from the engine's shape, not from the constant. */
    outputShape: `${maps.shape[2]}×${maps.shape[3]}`,
    diagonal: [...diagonal],
    diagonalRows: [0, 1, 2].map((r) => diagonal.slice(r * KERNEL_SIZE, (r + 1) * KERNEL_SIZE).map(formatSigned)),
    topLeft: at(0, 0),
    nextRight: at(0, 1),
    exact,
    exactCount: exact.length,
    firstExact: at(exact[0].row, exact[0].col),
    centre: at(centre, centre),
    table: Array.from({ length: OUTPUT_SIZE }, (_, r) =>
      Array.from({ length: OUTPUT_SIZE }, (_, c) => formatRounded(maps.values[cellToPosition(r, c)])),
    ),
    cornerInked: { fraction: formatFraction(cornerMaps.sums[0]), rounded: formatRounded(cornerMaps.values[0]) },
    twoFilterShape: `${twoFilters.shape[2]}×${twoFilters.shape[3]}×${twoFilters.shape[1]}`,
    depth: {
      pictureSize: PICTURE_SIZE,
      channels: CHANNELS,
      kernel: DEPTH_KERNEL,
      filters: DEPTH_FILTERS.length,
      inputShape: `${PICTURE_SIZE}×${PICTURE_SIZE}×${CHANNELS}`,
      filterShape: `${DEPTH_KERNEL}×${DEPTH_KERNEL}×${CHANNELS}`,
      outputShape: `${depth.shape[2]}×${depth.shape[3]}×${depth.shape[1]}`,
      outputSide: depth.shape[2],
      /** Products summed into each output number: the filter's full volume. */
      productsPerOutput: DEPTH_KERNEL * DEPTH_KERNEL * CHANNELS,
      /** The same side length from the shape formula, to show they agree. */
      formulaSide: convOutputSize(PICTURE_SIZE, { kernelSize: DEPTH_KERNEL }),
    },
  };
}

/** The numbers, computed once per build. */
export type LessonNumbers = ReturnType<typeof lessonNumbers>;
