/**
 * Lesson 17's widgets in English. This file defines the shape of their words
 * ({@link ResNetStrings}); the Korean file must match it key for key.
 */

/** Text of the degradation lab, the block stepper and the bottleneck comparison. */
export interface ResNetStrings {
  loading: string;
  rejected: (keys: string) => string;
  degTitle: string;
  degCaption: string;
  recordedHeading: string;
  recordedNote: (seed: number, steps: number) => string;
  liveHeading: string;
  liveIdle: string;
  plain: (depth: number) => string;
  residual: (depth: number) => string;
  plainPanel: string;
  residualPanel: string;
  layers: (depth: number) => string;
  axisStep: string;
  axisLoss: string;
  chartLabel: (which: string, parts: string) => string;
  chartPart: (name: string, loss: number) => string;
  steps: string;
  stepsRule: (min: number, max: number) => string;
  train: string;
  stop: string;
  progress: string;
  loadingData: string;
  stopped: string;
  done: string;
  failed: (detail: string) => string;
  finalHeading: string;
  net: string;
  recordedColumn: string;
  liveColumn: string;
  params: string;

  blockTitle: string;
  blockCaption: string;
  previous: string;
  next: string;
  stageOf: (index: number, total: number) => string;
  stageNames: Record<'x' | 'conv1' | 'bn1' | 'relu1' | 'conv2' | 'bn2' | 'shortcut' | 'sum' | 'out', string>;
  stageNotes: Record<'x' | 'conv1' | 'bn1' | 'relu1' | 'conv2' | 'bn2' | 'shortcut' | 'sum' | 'out', string>;
  /** The same notes where the downsampling block says something else. */
  downNotes: Partial<Record<'x' | 'conv1' | 'sum', string>>;
  blockKind: string;
  blockKinds: { same: string; down: string };
  shape: (shape: string) => string;
  gridLabel: (name: string) => string;
  cellLabel: (row: number, col: number, value: string) => string;

  bottleTitle: string;
  bottleCaption: string;
  channels: string;
  channelsRule: (min: number, max: number) => string;
  design: string;
  two3x3: (c: number) => string;
  bottleneck: (c: number, wide: number) => string;
  weights: string;
  macs: string;
  bottleSummary: (ratio: string) => string;
  mapSide: (side: number) => string;
}

export const en: ResNetStrings = {
  loading: 'Loading the chart…',
  rejected: (keys) => `Part of the address could not be used (${keys}); showing the default instead.`,
  degTitle: 'Plain against residual networks of growing depth',
  degCaption:
    'Training loss (mean over windows of steps) of plain and residual networks trained on the same digits, with the same seed, optimiser and number of steps. Above: the run recorded by the lesson’s script. Below: your run, in a Web Worker.',
  recordedHeading: 'Recorded run',
  recordedNote: (seed, steps) => `Seed ${seed}, ${steps} steps per network.`,
  liveHeading: 'Your run',
  liveIdle: 'Press Train to train every network in your browser, one after another. With the recorded number of steps it takes less than a minute on most computers.',
  plain: (depth) => `plain-${depth}`,
  residual: (depth) => `residual-${depth}`,
  plainPanel: 'plain',
  residualPanel: 'residual',
  layers: (depth) => `${depth} layers`,
  axisStep: 'step',
  axisLoss: 'training loss',
  chartLabel: (which, parts) => `${which}: training loss by step. Last values: ${parts}.`,
  chartPart: (name, loss) => `${name} ${loss.toFixed(2)}`,
  steps: 'Steps per network',
  stepsRule: (min, max) => `A whole number from ${min} to ${max}.`,
  train: 'Train',
  stop: 'Stop',
  progress: 'Training',
  loadingData: 'Loading the digits…',
  stopped: 'Stopped. Press Train to start again.',
  done: 'Done: every network has taken its steps.',
  failed: (detail) => `The run failed: ${detail}`,
  finalHeading: 'Final training loss (mean of the last three points)',
  net: 'Network',
  recordedColumn: 'Recorded',
  liveColumn: 'Yours',
  params: 'Parameters',

  blockTitle: 'A residual block, one operation at a time',
  blockCaption:
    'A BasicBlock built by the engine (seeded weights, BatchNorm in evaluation mode) on a small input. Each step shows the first channel of the real tensor and its shape.',
  previous: 'Previous step',
  next: 'Next step',
  stageOf: (index, total) => `Step ${index} of ${total}`,
  stageNames: {
    x: 'input x',
    conv1: 'conv1 (3×3)',
    bn1: 'bn1',
    relu1: 'ReLU',
    conv2: 'conv2 (3×3)',
    bn2: 'bn2 = F(x)',
    shortcut: 'shortcut: 1×1 conv, stride 2, BN',
    sum: 'F(x) + x',
    out: 'ReLU(F(x) + x)',
  },
  stageNotes: {
    x: 'The block’s input. It goes two ways: into the convolutions, and unchanged along the shortcut.',
    conv1: 'The first 3×3 convolution, padding 1, so the size stays the same.',
    bn1: 'Batch normalisation. Fresh running statistics (mean 0, variance 1) leave the values almost as they were.',
    relu1: 'Negative values become zero.',
    conv2: 'The second 3×3 convolution.',
    bn2: 'The end of the main path: this is the residual F(x), what the block adds to its input.',
    shortcut: 'The projection shortcut: a 1×1 convolution with stride 2 and batch normalisation gives x the main path’s shape, twice the channels at half the side.',
    sum: 'The shortcut adds x back, element by element. The shapes must agree.',
    out: 'A last ReLU. The engine checks that these numbers equal the block’s own forward pass.',
  },
  downNotes: {
    x: 'The block’s input. This block opens a stage: its main path halves the side and doubles the channels, so the shortcut cannot carry x unchanged.',
    conv1: 'The first 3×3 convolution, with stride 2: the side halves and the channels double.',
    sum: 'The projected shortcut is added to F(x), element by element; both now have the same shape.',
  },
  blockKind: 'Block',
  blockKinds: { same: 'Same shape (identity shortcut)', down: 'Downsampling (1×1 stride-2 shortcut)' },
  shape: (shape) => `shape ${shape}`,
  gridLabel: (name) => `Channel 0 of ${name}`,
  cellLabel: (row, col, value) => `row ${row}, column ${col}: ${value}`,

  bottleTitle: 'Bottleneck against two 3×3 layers',
  bottleCaption:
    'Weights and multiply-accumulates (MACs) of the convolutions alone, from the engine’s summary, on a square map of the side shown. The bottleneck works on a map four times as wide.',
  channels: 'Channels C',
  channelsRule: (min, max) => `A whole number from ${min} to ${max}.`,
  design: 'Design',
  two3x3: (c) => `two 3×3 (${c} → ${c} → ${c})`,
  bottleneck: (c, wide) => `bottleneck (${wide} → ${c} → ${c} → ${wide})`,
  weights: 'Weights',
  macs: 'MACs',
  mapSide: (side) => `Map: ${side}×${side}.`,
  bottleSummary: (ratio) => `The bottleneck uses ${ratio} times the weights of the two 3×3 layers while its input and output are four times as wide.`,
};
