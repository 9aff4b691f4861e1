/**
 * The case studies' architectures (lessons 15–17), by one name each, and their
 * per-layer budget: what `summary` reports, turned into the rows a table or a chart
 * shows: output shape, parameters, receptive field, multiply-accumulates and
 * activation memory per image, with totals per group (convolutions, fully connected
 * layers, the rest).
 *
 * Everything here is computed from the zoo's models by the engine's `summary`, which
 * allocates no weight: describing VGG-16 costs microseconds.
 */
import { models, summary } from '../engine/index.ts';
import type { ModelSummary, nn } from '../engine/index.ts';

/** Which lesson a model belongs to. */
export type Family = 'alexnet' | 'vgg' | 'resnet';

/** One entry of the registry. */
export interface ArchitectureSpec {
  key: ArchitectureKey;
  /** How the lesson names it ("VGG-16"). */
  label: string;
  family: Family;
  /** Input of one image: channels, height, width. */
  inputShape: readonly [number, number, number];
  /** The zoo call that builds it, as shown under a table. */
  builder: string;
  /** For a full-size model: its mini version the trainer trains; for a mini model: the full-size one. */
  partner: ArchitectureKey;
  /** Trained live in the page (lesson 13's trainer zoo) rather than only described. */
  mini: boolean;
  build: () => nn.Module;
}

/** Bytes of one float32 number. */
export const FLOAT32_BYTES = Float32Array.BYTES_PER_ELEMENT;

/** Side of the gray pictures (MNIST, Fashion-MNIST) the trainer feeds its zoo models. */
export const MINI_INPUT = 28;

/** Every key, in the order lessons 15, 16, 17 meet them. */
export const ARCHITECTURE_KEYS = [
  'alexnet',
  'alexnet-original',
  'mini-alexnet',
  'vgg11',
  'vgg13',
  'vgg16',
  'vgg19',
  'mini-vgg',
  'resnet18',
  'resnet34',
  'resnet50',
  'mini-resnet',
] as const;
export type ArchitectureKey = (typeof ARCHITECTURE_KEYS)[number];

const IMAGENET = [3, 224, 224] as const;
const GRAY = [1, MINI_INPUT, MINI_INPUT] as const;

/**
 * The registry. The mini models are built exactly as the trainer's zoo builds them
 * for a 1x28x28 dataset (src/training/architecture.ts `buildZoo`), so the summary
 * beside a full-size table is the network the reader trains.
 */
export const ARCHITECTURES: Readonly<Record<ArchitectureKey, ArchitectureSpec>> = {
  alexnet: {
    key: 'alexnet', label: 'AlexNet (torchvision)', family: 'alexnet', inputShape: IMAGENET,
    builder: 'models.alexnet()', partner: 'mini-alexnet', mini: false, build: () => models.alexnet(),
  },
  'alexnet-original': {
    key: 'alexnet-original', label: 'AlexNet (2012, two GPUs)', family: 'alexnet', inputShape: [3, 227, 227],
    builder: 'models.alexnetOriginal({ groups: 2 })', partner: 'mini-alexnet', mini: false,
    build: () => models.alexnetOriginal({ groups: 2 }),
  },
  'mini-alexnet': {
    key: 'mini-alexnet', label: 'mini-AlexNet', family: 'alexnet', inputShape: GRAY,
    builder: `models.miniAlexNet({ inChannels: 1, inputSize: ${MINI_INPUT} })`, partner: 'alexnet', mini: true,
    build: () => models.miniAlexNet({ inChannels: 1, inputSize: MINI_INPUT }),
  },
  vgg11: {
    key: 'vgg11', label: 'VGG-11', family: 'vgg', inputShape: IMAGENET,
    builder: 'models.vgg11()', partner: 'mini-vgg', mini: false, build: () => models.vgg11(),
  },
  vgg13: {
    key: 'vgg13', label: 'VGG-13', family: 'vgg', inputShape: IMAGENET,
    builder: 'models.vgg13()', partner: 'mini-vgg', mini: false, build: () => models.vgg13(),
  },
  vgg16: {
    key: 'vgg16', label: 'VGG-16', family: 'vgg', inputShape: IMAGENET,
    builder: 'models.vgg16()', partner: 'mini-vgg', mini: false, build: () => models.vgg16(),
  },
  vgg19: {
    key: 'vgg19', label: 'VGG-19', family: 'vgg', inputShape: IMAGENET,
    builder: 'models.vgg19()', partner: 'mini-vgg', mini: false, build: () => models.vgg19(),
  },
  'mini-vgg': {
    key: 'mini-vgg', label: 'mini-VGG', family: 'vgg', inputShape: GRAY,
    builder: `models.miniVgg({ inChannels: 1, inputSize: ${MINI_INPUT} })`, partner: 'vgg16', mini: true,
    build: () => models.miniVgg({ inChannels: 1, inputSize: MINI_INPUT }),
  },
  resnet18: {
    key: 'resnet18', label: 'ResNet-18', family: 'resnet', inputShape: IMAGENET,
    builder: 'models.resnet18()', partner: 'mini-resnet', mini: false, build: () => models.resnet18(),
  },
  resnet34: {
    key: 'resnet34', label: 'ResNet-34', family: 'resnet', inputShape: IMAGENET,
    builder: 'models.resnet34()', partner: 'mini-resnet', mini: false, build: () => models.resnet34(),
  },
  resnet50: {
    key: 'resnet50', label: 'ResNet-50', family: 'resnet', inputShape: IMAGENET,
    builder: 'models.resnet50()', partner: 'mini-resnet', mini: false, build: () => models.resnet50(),
  },
  'mini-resnet': {
    key: 'mini-resnet', label: 'mini-ResNet', family: 'resnet', inputShape: GRAY,
    builder: 'models.miniResNet({ inChannels: 1 })', partner: 'resnet18', mini: true,
    build: () => models.miniResNet({ inChannels: 1 }),
  },
};

export function isArchitectureKey(value: unknown): value is ArchitectureKey {
  return typeof value === 'string' && (ARCHITECTURE_KEYS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

/** Where a layer's parameters and compute are counted. */
export type LayerGroup = 'conv' | 'fc' | 'other';
export const LAYER_GROUPS: readonly LayerGroup[] = ['conv', 'fc', 'other'];

/** One layer of the table, per image (batch 1). */
export interface ArchitectureRow {
  /** 0-based position in the forward pass. */
  index: number;
  /** Dotted name as in PyTorch ("features.0", "layer1.0.conv1"). */
  name: string;
  type: string;
  group: LayerGroup;
  /** Output shape of one image (no batch dimension). */
  outputShape: number[];
  params: number;
  /** Receptive field [h, w] in input pixels, while the output is still a map. */
  receptiveField: [number, number] | null;
  /** Multiply-accumulates for one image (conv and linear layers; 0 for the rest). */
  macs: number;
  /** Numbers in the layer's output for one image. */
  activations: number;
  /** Those numbers at float32. */
  activationBytes: number;
  /**
   * Whether this output is a tensor of its own that a forward pass keeps for the
   * backward pass. False for ReLU (PyTorch runs it in place here), dropout at
   * evaluation, flatten (a view), and a pool that changes nothing.
   */
  kept: boolean;
}

/** Totals of one group. */
export interface GroupTotals {
  layers: number;
  params: number;
  macs: number;
}

/** A model's rows and totals. */
export interface ArchitectureReport {
  /** Input of one image. */
  inputShape: number[];
  inputActivations: number;
  rows: ArchitectureRow[];
  totalParams: number;
  totalMacs: number;
  /** Input plus every kept output, per image. */
  activations: number;
  activationBytes: number;
  /** Parameters at float32. */
  paramBytes: number;
  /** Weight layers (conv and linear), the depth the papers count. */
  weightLayers: number;
  groups: Record<LayerGroup, GroupTotals>;
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/** Layers whose output is not a new tensor worth counting. */
const NOT_KEPT = new Set(['ReLU', 'Dropout', 'Flatten', 'Identity']);

export function groupOf(type: string): LayerGroup {
  if (type === 'Conv2d') return 'conv';
  if (type === 'Linear') return 'fc';
  return 'other';
}

/**
 * A summary (taken at batch 1) as table rows with totals. Parameters and MACs of
 * the rows add up to the summary's totals (each layer owns its parameters once in
 * these models).
 */
export function architectureRows(result: ModelSummary): ArchitectureReport {
  const batch = result.inputShape[0] ?? 1;
  const inputShape = result.inputShape.slice(1);
  const inputActivations = product(inputShape);
  let previous = inputShape;
  const rows = result.layers.map((layer, index): ArchitectureRow => {
    const outputShape = layer.outputShape.slice(1);
    const activations = product(outputShape);
    const unchanged = layer.type === 'AdaptiveAvgPool2d' && outputShape.join('x') === previous.join('x');
    previous = outputShape;
    const rf = layer.receptiveField ? ([layer.receptiveField.size[0], layer.receptiveField.size[1]] as [number, number]) : null;
    return {
      index,
      name: layer.name,
      type: layer.type,
      group: groupOf(layer.type),
      outputShape,
      params: layer.params,
      receptiveField: rf,
      macs: (layer.macs ?? 0) / batch,
      activations,
      activationBytes: activations * FLOAT32_BYTES,
      kept: !NOT_KEPT.has(layer.type) && !unchanged,
    };
  });
  const groups = Object.fromEntries(LAYER_GROUPS.map((g) => [g, { layers: 0, params: 0, macs: 0 }])) as Record<LayerGroup, GroupTotals>;
  for (const row of rows) {
    const g = groups[row.group];
    if (row.group !== 'other' || row.params > 0) g.layers += 1;
    g.params += row.params;
    g.macs += row.macs;
  }
  const activations = inputActivations + rows.filter((r) => r.kept).reduce((s, r) => s + r.activations, 0);
  return {
    inputShape,
    inputActivations,
    rows,
    totalParams: result.totalParams,
    totalMacs: result.totalMacs / batch,
    activations,
    activationBytes: activations * FLOAT32_BYTES,
    paramBytes: result.totalParams * FLOAT32_BYTES,
    weightLayers: groups.conv.layers + groups.fc.layers,
    groups,
  };
}

const cache = new Map<ArchitectureKey, ArchitectureReport>();

/** The registry model's summary at batch 1, as rows (computed once per key). */
export function describeArchitecture(key: ArchitectureKey): ArchitectureReport {
  let report = cache.get(key);
  if (!report) {
    const spec = ARCHITECTURES[key];
    if (!spec) throw new Error(`describeArchitecture: unknown model ${JSON.stringify(key)}; one of ${ARCHITECTURE_KEYS.join(', ')}`);
    report = architectureRows(summary(spec.build(), [1, ...spec.inputShape]));
    cache.set(key, report);
  }
  return report;
}

/** Activation bytes of a forward pass for a batch (float32). */
export const batchBytes = (report: ArchitectureReport, batch: number): number => report.activationBytes * batch;

/**
 * Where parameters and compute sit, as fractions of the totals per group: what the
 * case-study chart draws and what the lessons' prose quotes.
 */
export function shares(report: ArchitectureReport): Record<LayerGroup, { params: number; macs: number }> {
  return Object.fromEntries(
    LAYER_GROUPS.map((g) => [
      g,
      {
        params: report.totalParams ? report.groups[g].params / report.totalParams : 0,
        macs: report.totalMacs ? report.groups[g].macs / report.totalMacs : 0,
      },
    ]),
  ) as Record<LayerGroup, { params: number; macs: number }>;
}
