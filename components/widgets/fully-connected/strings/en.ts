/**
 * Lesson 12's widgets in English. This file defines the shape of their words
 * ({@link FullyConnectedStrings}); the Korean file must match it key for key.
 */
import type { RowRole } from '../model.ts';

export interface FullyConnectedStrings {
  engineMessage: string;
  rejected: (keys: string) => string;

  builderTitle: string;
  builderCaption: (inChannels: number, classes: number, first: number) => string;
  n: string;
  m: string;
  k: string;
  kUnused: string;
  size: string;
  sizeRule: (min: number, max: number) => string;
  kernel: string;
  kernelOption: (k: number) => string;
  downsample: string;
  downsamples: { pool: string; none: string; stride: string };
  head: string;
  heads: { fc: string; gap: string };
  recipe: string;
  presets: string;
  presetNames: { classic: string; bigFilters: string; allConv: string };
  tableLabel: string;
  colLayer: string;
  colShape: string;
  colParams: string;
  colMacs: string;
  role: (role: RowRole) => string;
  relu: string;
  totals: (params: string, macs: string) => string;
  flatLine: (length: string) => string;
  noFlatLine: string;
  fcShare: (percent: string) => string;
  fieldLine: (field: number) => string;
  refused: (layer: string) => string;
  rowsBefore: string;

  headTitle: string;
  headCaption: string;
  training: (step: number, steps: number) => string;
  trained: (steps: number) => string;
  weightsNote: string;
  picture: string;
  pictureOption: (letter: string, variant: string) => string;
  variants: Record<string, string>;
  inputHeading: string;
  volumeHeading: (filters: number, side: number) => string;
  flatHeading: (length: number) => string;
  hiddenHeading: (units: number) => string;
  scoresHeading: string;
  logit: string;
  probability: string;
  verdict: (letter: string, percent: string) => string;
  pictureAria: (letter: string, variant: string) => string;
  mapAria: (index: number) => string;
  flatAria: (length: number) => string;
  hiddenAria: (units: number) => string;
}

export const en: FullyConnectedStrings = {
  engineMessage: 'The engine’s message:',
  rejected: (keys) => `The address held values that cannot be used (${keys}); the defaults are shown instead.`,

  builderTitle: 'Build a whole ConvNet',
  builderCaption: (inChannels, classes, first) =>
    `Choose N, M and K and the picture’s size. The engine’s summary traces the stack for one ${inChannels}-channel picture and ${classes} classes: every output shape, parameter count and multiply-accumulate (MAC). Each block doubles the channels, starting at ${first}.`,
  n: 'N: CONV-RELU pairs per block',
  m: 'M: blocks',
  k: 'K: FC-RELU pairs before the last FC layer',
  kUnused: 'The global-average-pool head has no FC layer, so K is not used.',
  size: 'Input size (pixels per side)',
  sizeRule: (min, max) => `A whole number from ${min} to ${max}.`,
  kernel: 'Filter size',
  kernelOption: (k) => `${k}×${k}`,
  downsample: 'End of each block',
  downsamples: { pool: 'Max pool 2×2', none: 'No pool', stride: 'Last conv at stride 2' },
  head: 'Head',
  heads: { fc: 'Flatten + FC', gap: '1×1 conv + global average pool' },
  recipe: 'Recipe',
  presets: 'Start from',
  presetNames: { classic: 'The usual stack', bigFilters: 'Bigger filters, shallower', allConv: 'All-convolutional' },
  tableLabel: 'Layers of the stack, as the engine’s summary traces them',
  colLayer: 'Layer',
  colShape: 'Output shape',
  colParams: 'Parameters',
  colMacs: 'MACs',
  role: (r) => {
    switch (r.kind) {
      case 'conv':
        return `Block ${r.block}, conv ${r.index}${r.stride > 1 ? ` (stride ${r.stride})` : ''}`;
      case 'pool':
        return `Block ${r.block}, pool`;
      case 'flatten':
        return 'Flatten';
      case 'fc':
        return r.last ? 'FC to class scores' : `FC ${r.index}`;
      case 'classifier':
        return '1×1 conv to class maps';
      case 'gap':
        return 'Global average pool';
      case 'softmax':
        return 'Softmax';
    }
  },
  relu: '+ ReLU',
  totals: (params, macs) => `In all: ${params} parameters, ${macs} MACs for one picture.`,
  flatLine: (length) => `The last volume flattens into a vector of ${length} numbers.`,
  noFlatLine: 'No flattening of a big volume: each class map is averaged to one number.',
  fcShare: (percent) => `The FC layers hold ${percent} of the parameters.`,
  fieldLine: (field) => `Receptive field of the last conv layer: ${field}×${field} pixels.`,
  refused: (layer) => `The engine refuses this stack at ${layer}.`,
  rowsBefore: 'The layers before it:',

  headTitle: 'The head of a small trained network',
  headCaption:
    'A tiny ConvNet trained in this page on lesson 1’s X and O pictures. Choose a picture: its last volume is flattened into one vector, two FC layers turn it into two scores, and softmax turns the scores into probabilities.',
  training: (step, steps) => `Training in this page: step ${step} of ${steps}…`,
  trained: (steps) => `Trained in this page: ${steps} steps of Adam from a fixed seed, so everyone gets the same weights.`,
  weightsNote: 'These pictures were drawn from a seed the training never used.',
  picture: 'Picture',
  pictureOption: (letter, variant) => `${letter}, ${variant}`,
  variants: { canonical: 'as drawn', shifted: 'shifted', tilted: 'tilted', thick: 'thick', short: 'short strokes', noisy: 'noisy' },
  inputHeading: 'Input',
  volumeHeading: (filters, side) => `Last volume: ${filters} maps of ${side}×${side}`,
  flatHeading: (length) => `Flattened: ${length} numbers`,
  hiddenHeading: (units) => `FC + ReLU: ${units} numbers`,
  scoresHeading: 'FC to class scores, then softmax',
  logit: 'score',
  probability: 'probability',
  verdict: (letter, percent) => `The network says ${letter}, with probability ${percent}.`,
  pictureAria: (letter, variant) => `The picture: ${letter}, ${variant}`,
  mapAria: (index) => `Feature map ${index} after pooling`,
  flatAria: (length) => `The flattened vector of ${length} numbers, map by map, row by row`,
  hiddenAria: (units) => `The hidden layer's ${units} numbers`,
};
