/**
 * Lesson 5's widgets in English. This file defines the shape of their words
 * ({@link PaddingStrings}); the Korean file must match it key for key.
 */
import { SAME_INPUT } from '../model.ts';
import type { Mode, PhotoName } from '../model.ts';

/** Text of the padding explorer, the window-count map and the 'same' diagram. */
export interface PaddingStrings {
  modes: Record<Mode, string>;
  /** What each mode copies into the border, in a few words. */
  modeRules: Record<Mode, string>;
  engineMessage: string;
  rejected: (keys: string) => string;

  explorerTitle: string;
  explorerCaption: string;
  amountLabel: string;
  amountHint: (kernel: number) => string;
  gridHeading: string;
  photoHeading: string;
  photoLabel: string;
  photos: Record<PhotoName, string>;
  paddedLabel: (side: number) => string;
  outputLabel: (side: number) => string;
  refused: (mode: string) => string;
  gridAria: (what: string, mode: string, side: number, firstRow: string) => string;
  photoAria: (what: string, mode: string, side: number) => string;
  paddedWord: string;
  outputWord: string;
  photoLoading: string;
  photoFailed: string;

  countsTitle: string;
  countsCaption: string;
  countsSize: string;
  countsKernel: string;
  countsPadding: string;
  countsWithout: string;
  countsWith: (padding: number) => string;
  countsSummary: (corner: number, centre: number) => string;
  countsAria: (heading: string, side: number, corner: number, centre: number) => string;

  sameTitle: string;
  sameCaption: string;
  sameKernel: string;
  sameDilation: string;
  sameStride: string;
  sameSplit: (before: number, after: number) => string;
  sameExtra: string;
  sameEven: string;
  sameShape: (shape: string) => string;
  sameRefused: string;
  sameAria: (input: number, before: number, after: number) => string;
  legendInput: string;
  legendPadding: string;
  legendExtra: string;
}

export const en: PaddingStrings = {
  modes: { zeros: 'zeros', reflect: 'reflect', replicate: 'replicate', circular: 'circular' },
  modeRules: {
    zeros: 'fills the border with 0',
    reflect: 'mirrors the picture, without repeating the edge',
    replicate: 'repeats the edge pixel',
    circular: 'wraps around to the opposite side',
  },
  engineMessage: 'The engine’s message:',
  rejected: (keys) => `The address held values that cannot be used (${keys}); the defaults are shown instead.`,

  explorerTitle: 'Every padding mode, side by side',
  explorerCaption:
    'Choose how much padding to add. The engine pads a grid of numbers and a photograph in each of PyTorch’s padding modes, then averages each pixel with its neighbours in a window wide enough to keep the size.',
  amountLabel: 'Padding on each side',
  amountHint: (kernel) => `The averaging window is ${kernel}×${kernel}, so the output is as large as the input.`,
  gridHeading: 'A grid of numbers',
  photoHeading: 'A photograph',
  photoLabel: 'Photograph',
  photos: { camera: 'Cameraman', astronaut: 'Astronaut', chelsea: 'Cat', coffee: 'Coffee' },
  paddedLabel: (side) => `Padded input, ${side}×${side}`,
  outputLabel: (side) => `Output, ${side}×${side}`,
  refused: (mode) => `The engine refuses ${mode} padding this wide.`,
  gridAria: (what, mode, side, firstRow) => `${what}, ${mode} padding, ${side} by ${side}; first row: ${firstRow}`,
  photoAria: (what, mode, side) => `${what}, ${mode} padding: the photograph at ${side} by ${side} pixels`,
  paddedWord: 'Padded input',
  outputWord: 'Output',
  photoLoading: 'Loading the photograph…',
  photoFailed: 'The photograph could not be loaded; the grid of numbers above shows the same padding.',

  countsTitle: 'How many windows read each pixel',
  countsCaption:
    'Each cell says how many positions of a stride-1 window cover that input pixel, without padding and with zero padding. The engine counts them with its backward pass.',
  countsSize: 'Input size',
  countsKernel: 'Kernel size',
  countsPadding: 'Padding',
  countsWithout: 'No padding',
  countsWith: (padding) => `Zero padding ${padding}`,
  countsSummary: (corner, centre) => `Corner: ${corner}, most-read pixel: ${centre}`,
  countsAria: (heading, side, corner, centre) =>
    `${heading}: window counts of a ${side} by ${side} input; corner ${corner}, most-read pixel ${centre}`,

  sameTitle: "Where padding='same' puts its pixels",
  sameCaption: `The engine works out the padding of padding='same' for a ${SAME_INPUT}-pixel input and runs the convolution. Height and width are split the same way; one row is drawn.`,
  sameKernel: 'Kernel size',
  sameDilation: 'Dilation',
  sameStride: 'Stride',
  sameSplit: (before, after) => `${before} before (top, left), ${after} after (bottom, right)`,
  sameExtra: 'The total is odd: the extra pixel goes after, at the bottom and on the right.',
  sameEven: 'The total is even: both sides get the same.',
  sameShape: (shape) => `The engine’s output shape: [${shape}], as large as the input.`,
  sameRefused: "padding='same' only works with stride 1.",
  sameAria: (input, before, after) => `One row: ${before} padding pixels, ${input} input pixels, ${after} padding pixels`,
  legendInput: 'input',
  legendPadding: 'padding',
  legendExtra: 'the extra pixel',
};
