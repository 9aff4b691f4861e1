/**
 * Lesson 16's widgets in English. This file defines the shape of their words
 * ({@link VggStrings}); the Korean file must match it key for key.
 */

/** Text of the VGG widgets. */
export interface VggStrings {
  rejected: (keys: string) => string;

  stackTitle: string;
  stackCaption: string;
  channels: string;
  depth: string;
  stackPanel: (depth: number) => string;
  bigPanel: (kernel: number) => string;
  mapAria: (field: number) => string;
  field: (field: number) => string;
  weights: (weights: string, coef: number) => string;
  biases: (biases: string) => string;
  relus: (count: number) => string;
  verdict: (percent: number) => string;
  verdictEqual: string;

  configsTitle: (names: string) => string;
  configsCaption: string;
  colBlock: (index: number) => string;
  colClassifier: string;
  colWeightLayers: string;
  colTotalParams: string;
  pool: string;
}

export const en: VggStrings = {
  rejected: (keys) => `The address asked for values this widget cannot show (${keys}); it shows its defaults for them instead.`,

  stackTitle: 'Stacked 3×3 layers against one big kernel',
  stackCaption:
    'First panel: the input pixels one output pixel of the stack depends on, found by back-propagating from it. Second panel: the single kernel with the same field. Counts from the engine\'s summary of nn.Conv2d(C, C, k) layers.',
  channels: 'Channels C (in and out)',
  depth: 'Stacked 3×3 layers',
  stackPanel: (depth) => (depth === 1 ? 'One 3×3 layer' : `${depth} stacked 3×3 layers`),
  bigPanel: (kernel) => `One ${kernel}×${kernel} layer`,
  mapAria: (field) => `The output pixel depends on a ${field} by ${field} square of input pixels.`,
  field: (field) => `Receptive field ${field}×${field}`,
  weights: (weights, coef) => `${weights} weights (${coef}C²)`,
  biases: (biases) => `plus ${biases} biases`,
  relus: (count) => (count === 1 ? 'one ReLU' : `${count} ReLUs`),
  verdict: (percent) => `The stack needs ${percent}% fewer weights for the same field.`,
  verdictEqual: 'With one layer both sides are the same layer.',

  configsTitle: (names) => `${names} side by side`,
  configsCaption: 'Each column is one configuration from the engine\'s VGG_CONFIGS; each cell lists the 3×3 convolutions of a block, and a 2×2 max pool follows every block.',
  colBlock: (index) => `Block ${index}`,
  colClassifier: 'Classifier',
  colWeightLayers: 'Weight layers',
  colTotalParams: 'Parameters',
  pool: 'pool',
};

