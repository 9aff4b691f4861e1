/**
 * The words of lesson 2's widgets (the convolution stepper and the depth demo) in
 * English. This file defines their shape; every other language's file must match it
 * key for key.
 */
import type { DepthFilterId } from '../depth-model.ts';
import { CHANNELS, DEPTH_FILTERS } from '../depth-model.ts';
import type { StateProblem } from '../model.ts';
import { DIVISOR, IMAGE_SIZE, KERNEL_SIZE, OUTPUT_SIZE } from '../model.ts';

/** One language's strings; functions where a sentence has numbers in it. */
export interface ConvStrings {
  widgetLabel: string;
  intro: string;
  play: string;
  pause: string;
  previous: string;
  next: string;
  position: string;
  positionValue: (row: number, col: number, step: number, total: number) => string;
  inputTitle: string;
  inputHint: string;
  inputGrid: string;
  pixel: (row: number, col: number, value: string, inWindow: boolean) => string;
  filtersTitle: string;
  filtersHint: string;
  filterName: (index: number) => string;
  filterGrid: (index: number) => string;
  weight: (row: number, col: number, value: string) => string;
  /** The button that shows a filter's arithmetic below. */
  explainFilter: (index: number) => string;
  addFilter: string;
  removeFilter: string;
  reset: string;
  outputTitle: string;
  outputHint: string;
  volume: (height: number, width: number, depth: number) => string;
  mapName: (index: number) => string;
  mapGrid: (index: number) => string;
  outputCell: (row: number, col: number, value: string) => string;
  readoutTitle: (filter: number, row: number, col: number) => string;
  productsCaption: string;
  /** `exact`: the division has no remainder, so the shown value is equal, not approximate. */
  sumLine: (sum: string, fraction: string, rounded: string, exact: boolean) => string;
  truncationNote: (truncated: string, rounded: string) => string;
  depthLine: (depth: number) => string;
  urlProblem: (parts: readonly StateProblem[]) => string;
  engineError: (message: string) => string;
  /** Predict-first mode: what to predict at the current window. */
  predictPrompt: (filter: number, row: number, col: number) => string;
  predictLabel: string;
}

/** One language's strings for the depth demo. */
export interface DepthStrings {
  widgetLabel: string;
  intro: string;
  shapes: (input: string, count: number, filter: string, output: string) => string;
  row: string;
  column: string;
  pictureCaption: string;
  pictureLabel: (row: number, col: number, kernel: number) => string;
  filtersCaption: string;
  filterName: (id: DepthFilterId) => string;
  filterLabel: (id: DepthFilterId, kernel: number) => string;
  channelNames: readonly [string, string, string];
  mapsCaption: (shape: string) => string;
  mapLabel: (id: DepthFilterId) => string;
  columnLine: (row: number, col: number, depth: number) => string;
  samePatch: (products: number, filterShape: string) => string;
  engineError: (message: string) => string;
}

/** What each part of the state that a link may hold is called, in a sentence about a bad link. */
const problemNames: Record<StateProblem, string> = { image: 'picture', filters: 'filters', at: 'window position', map: 'selected filter' };

/** The stepper's strings. */
export const en: ConvStrings = {
  widgetLabel: 'Convolution stepper',
  intro: 'Slide the filter over the picture one step at a time, or point at any output number to see where it came from.',
  play: 'Play',
  pause: 'Pause',
  previous: 'Previous position',
  next: 'Next position',
  position: 'Window position',
  positionValue: (row, col, step, total) => `row ${row}, column ${col} (step ${step} of ${total})`,
  inputTitle: `Input picture (${IMAGE_SIZE} × ${IMAGE_SIZE})`,
  inputHint: 'Click a pixel (or press Enter on it) to flip it between 1 and −1.',
  inputGrid: `Input picture, ${IMAGE_SIZE} by ${IMAGE_SIZE} pixels`,
  pixel: (row, col, value, inWindow) => `Pixel row ${row}, column ${col}: ${value}${inWindow ? ', under the filter' : ''}`,
  filtersTitle: `Filters (${KERNEL_SIZE} × ${KERNEL_SIZE})`,
  filtersHint: 'Click a weight to cycle it 1 → −1 → 0.',
  filterName: (index) => `Filter ${index}`,
  filterGrid: (index) => `Filter ${index} weights, ${KERNEL_SIZE} by ${KERNEL_SIZE}`,
  weight: (row, col, value) => `Weight row ${row}, column ${col}: ${value}`,
  explainFilter: (index) => `Show filter ${index}’s arithmetic`,
  addFilter: 'Add filter',
  removeFilter: 'Remove selected filter',
  reset: 'Reset all',
  outputTitle: 'Output volume',
  outputHint: 'Hover over or focus an output number to see its window and its arithmetic.',
  volume: (height, width, depth) => `${height} × ${width} × ${depth}`,
  mapName: (index) => `Feature map ${index}`,
  mapGrid: (index) => `Feature map ${index}, ${OUTPUT_SIZE} by ${OUTPUT_SIZE}`,
  outputCell: (row, col, value) => `Output row ${row}, column ${col}: ${value}`,
  readoutTitle: (filter, row, col) => `Filter ${filter} over the window at row ${row}, column ${col}`,
  productsCaption: `pixel × weight, for each of the ${KERNEL_SIZE * KERNEL_SIZE} taps`,
  sumLine: (sum, fraction, rounded, exact) => `Sum of the products = ${sum}; divided by ${DIVISOR}: ${fraction} ${exact ? '=' : '≈'} ${rounded}`,
  truncationNote: (truncated, rounded) =>
    `Cutting off the digits would print ${truncated} (as the textbook figure did); rounded, it is ${rounded}.`,
  depthLine: (depth) =>
    depth === 1 ? 'This window, one filter:' : `This same window, seen by all ${depth} filters (one number per map):`,
  urlProblem: (parts) =>
    `The link's ${parts.map((p) => problemNames[p]).join(', ')} could not be read, so the default is shown instead.`,
  engineError: (message) => `The engine refused this input: ${message}`,
  predictPrompt: (filter, row, col) =>
    `Multiply each pixel under the window by the weight of filter ${filter} above it and add the ${KERNEL_SIZE * KERNEL_SIZE} products: what is the sum at row ${row}, column ${col}?`,
  predictLabel: 'Sum of the products',
};

const filterNames: Record<DepthFilterId, string> = { vertical: 'Vertical edges', horizontal: 'Horizontal edges', red: 'Red', green: 'Green', brightness: 'Brightness' };

/** The depth demo's strings. */
export const depthEn: DepthStrings = {
  widgetLabel: 'Output depth demo',
  intro: `Move the patch with the sliders, or click the picture or any map. The ${DEPTH_FILTERS.length} filters all read the same patch.`,
  shapes: (input, count, filter, output) => `Input ${input}, ${count} filters of ${filter} each, output ${output}.`,
  row: 'Output row',
  column: 'Output column',
  pictureCaption: 'Input picture (red, green and blue channels)',
  pictureLabel: (row, col, kernel) => `A small landscape: blue sky, red sun, green ground. The outlined ${kernel} by ${kernel} patch starts at row ${row}, column ${col}.`,
  filtersCaption: `${DEPTH_FILTERS.length} filters, each with a slice for every channel`,
  filterName: (id) => filterNames[id],
  filterLabel: (id, kernel) => `${filterNames[id]} filter: ${CHANNELS} ${kernel} by ${kernel} slices, one per colour channel`,
  channelNames: ['R', 'G', 'B'],
  mapsCaption: (shape) => `Output volume ${shape}: one feature map per filter`,
  mapLabel: (id) => `Feature map of the ${filterNames[id].toLowerCase()} filter`,
  columnLine: (row, col, depth) => `Row ${row}, column ${col}: the ${depth} numbers along the depth are`,
  samePatch: (products, filterShape) =>
    `Each is a sum of ${products} products (${filterShape}) over the very same patch; only the weights differ.`,
  engineError: (message) => `The engine refused this input: ${message}`,
};
