/**
 * The dashboard's settings: what the learner chose in the form, as one flat
 * object that a URL, localStorage and the form all share, and its translation
 * into the trainer's `TrainConfig`.
 *
 * Every number field is checked here (not in the form), with a reason code the
 * strings turn into a sentence in the reader's language, so the same rules
 * decide what the form refuses, what a URL may set and what gets sent to the
 * worker.
 */
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG, OPTIMIZER_DEFAULTS, TRAIN_LIMITS } from '../../../src/training/config.ts';
import type {
  ArchitectureSpec,
  LayerSpec,
  OptimizerKind,
  TrainConfig,
  TrainDataset,
  ZooModelName,
} from '../../../src/training/config.ts';

/** Which lesson the dashboard sits in: it decides the defaults and the storage key. */
export type DashboardLesson = 'training' | 'lenet-5' | 'alexnet' | 'vgg' | 'resnet';

/** The case-study lessons, each training one small model from the engine's zoo. */
export const ZOO_LESSON_MODELS: Readonly<Partial<Record<DashboardLesson, ZooModelName>>> = Object.freeze({
  alexnet: 'miniAlexNet',
  vgg: 'miniVgg',
  resnet: 'miniResNet',
});

/** The zoo model a lesson trains, or undefined for lessons 13 and 14. */
export function zooModelOf(lesson: DashboardLesson): ZooModelName | undefined {
  return ZOO_LESSON_MODELS[lesson];
}

/**
 * Each zoo model's quick recipe: two epochs over the first `trainLimit`
 * training images, tested on the first `testLimit` test images, with the
 * optimiser that measured best in that short budget (SGD with momentum, AlexNet's
 * own, only for miniVgg; the other two stayed near chance or learned slowly with
 * it). These models cost several times LeNet-5's compute per image, so a run over
 * the whole training set would take many minutes in a tab; the subset keeps a run
 * to a minute or two. Measured in Node on the shared 2-core machine (188 steps):
 * miniVgg 93% test accuracy. miniAlexNet (188 steps, the
 * default seed, 2000 test images): momentum SGD lr 0.01 stayed at chance (12%),
 * lr 0.05 reached 49% (and lr 0.02 stayed at chance in an earlier run); Adam
 * lr 0.0005 87%, Adam lr 0.002 89% (about 35 s in Node). So it trains on Adam
 * at lr 0.002. miniResNet (same budget, seed 1 unless said): momentum 0.05 gave
 * 39.5%, momentum 0.1 71.5%, Adam 0.001 79.0%, Adam 0.003 91.3% (seeds 2, 3:
 * 90.3%, 91.8%), Adam 0.005 94.0% (seeds 2, 3: 92.8%, 93.2%), Adam 0.01 93.6%;
 * so it trains on Adam at 0.005.
 */
export interface ZooRecipe {
  optimizer: OptimizerKind;
  lr: number;
  batchSize: number;
  epochs: number;
  trainLimit: number;
  testLimit: number;
}

export const ZOO_RECIPES: Readonly<Record<ZooModelName, Readonly<ZooRecipe>>> = Object.freeze({
  miniAlexNet: Object.freeze({ optimizer: 'adam', lr: 0.002, batchSize: 64, epochs: 2, trainLimit: 6000, testLimit: 2000 }),
  miniVgg: Object.freeze({ optimizer: 'momentum', lr: 0.02, batchSize: 64, epochs: 2, trainLimit: 6000, testLimit: 2000 }),
  miniResNet: Object.freeze({ optimizer: 'adam', lr: 0.005, batchSize: 64, epochs: 2, trainLimit: 6000, testLimit: 2000 }),
});

/** Everything the form sets. */
export interface DashboardSettings {
  dataset: TrainDataset;
  /** LeNet-5 from the model zoo, the learner's own stack, or a small zoo model (the case-study lessons). */
  arch: 'lenet5' | 'stack' | 'zoo';
  /** The zoo model, used when `arch` is 'zoo'. */
  zooModel: ZooModelName;
  lenetActivation: 'tanh' | 'relu';
  lenetPooling: 'avg' | 'max';
  /** The stack, kept even while LeNet-5 is chosen so switching back loses nothing. */
  layers: LayerSpec[];
  optimizer: OptimizerKind;
  lr: number;
  /** Used by 'momentum' only. */
  momentum: number;
  batchSize: number;
  weightDecay: number;
  epochs: number;
  seed: number;
}

/** The number fields of the form. */
export const NUMBER_FIELDS = ['lr', 'momentum', 'batchSize', 'weightDecay', 'epochs', 'seed'] as const;
/** One of {@link NUMBER_FIELDS}. */
export type NumberFieldName = (typeof NUMBER_FIELDS)[number];

/**
 * Why a number was refused, with the whole rule it broke, so the message can
 * state the rule itself ("a whole number from 1 to 100"), not just the symptom;
 * `strings/` words each one.
 */
export type FieldProblem = { kind: 'notANumber' | 'notWhole' | 'range' } & FieldRule;

/** The rule of one number field. */
export interface FieldRule {
  integer: boolean;
  min: number;
  max: number;
  /** The bound itself is not allowed (a learning rate of 0 learns nothing). */
  minOpen?: boolean;
  maxOpen?: boolean;
}

/** The rules, from the trainer's own limits (`checkTrainConfig` applies the same ones). */
export const FIELD_RULES: Readonly<Record<NumberFieldName, FieldRule>> = Object.freeze({
  lr: { integer: false, min: 0, max: 10, minOpen: true },
  momentum: { integer: false, min: 0, max: 1, maxOpen: true },
  batchSize: { integer: true, min: 1, max: TRAIN_LIMITS.maxBatchSize },
  weightDecay: { integer: false, min: 0, max: 1 },
  epochs: { integer: true, min: 1, max: TRAIN_LIMITS.maxEpochs },
  seed: { integer: true, min: 0, max: 0xffffffff },
});

/** Checks one number against its field's rule: null when allowed. */
export function numberProblem(field: NumberFieldName, value: number): FieldProblem | null {
  const rule = FIELD_RULES[field];
  if (!Number.isFinite(value)) return { kind: 'notANumber', ...rule };
  if (rule.integer && !Number.isInteger(value)) return { kind: 'notWhole', ...rule };
  const below = rule.minOpen ? value <= rule.min : value < rule.min;
  const above = rule.maxOpen ? value >= rule.max : value > rule.max;
  return below || above ? { kind: 'range', ...rule } : null;
}

/**
 * Parses what the learner typed into a number field. Accepts the usual ways of
 * writing a number ("0.01", "1e-3", " 64 "); refuses empty text and anything
 * `Number` would stretch ("0x10", "Infinity").
 */
export function parseField(field: NumberFieldName, text: string): { value: number } | { problem: FieldProblem } {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { problem: { kind: 'notANumber', ...FIELD_RULES[field] } };
  const value = Number(trimmed);
  const problem = numberProblem(field, value);
  return problem ? { problem } : { value };
}

/** A deep copy of a stack, so edits never reach a shared default. */
export function copyLayers(layers: readonly LayerSpec[]): LayerSpec[] {
  return layers.map((layer) => ({ ...layer }));
}

/** The defaults of each lesson: lesson 13 starts from the editable stack, lesson 14 from LeNet-5. */
export function defaultSettings(lesson: DashboardLesson): DashboardSettings {
  const base = DEFAULT_TRAIN_CONFIG;
  const lenet = base.architecture.kind === 'lenet5' ? base.architecture : { activation: 'tanh' as const, pooling: 'avg' as const };
  const zoo = zooModelOf(lesson);
  const recipe = zoo ? ZOO_RECIPES[zoo] : undefined;
  return {
    dataset: base.dataset,
    arch: zoo ? 'zoo' : lesson === 'training' ? 'stack' : 'lenet5',
    zooModel: zoo ?? 'miniAlexNet',
    lenetActivation: lenet.activation ?? 'tanh',
    lenetPooling: lenet.pooling ?? 'avg',
    layers: copyLayers(DEFAULT_STACK.layers),
    optimizer: recipe?.optimizer ?? base.optimizer.kind,
    lr: recipe?.lr ?? base.optimizer.lr,
    momentum: OPTIMIZER_DEFAULTS.momentum.momentum,
    batchSize: recipe?.batchSize ?? base.batchSize,
    weightDecay: base.optimizer.weightDecay,
    epochs: recipe?.epochs ?? base.epochs,
    seed: base.seed,
  };
}

/** The architecture the settings describe. */
export function architectureOf(settings: DashboardSettings): ArchitectureSpec {
  if (settings.arch === 'zoo') return { kind: 'zoo', model: settings.zooModel };
  return settings.arch === 'lenet5'
    ? { kind: 'lenet5', activation: settings.lenetActivation, pooling: settings.lenetPooling }
    : { kind: 'stack', layers: copyLayers(settings.layers) };
}

/** The run the worker is asked to train. */
export function toTrainConfig(settings: DashboardSettings): TrainConfig {
  return {
    dataset: settings.dataset,
    architecture: architectureOf(settings),
    optimizer: {
      kind: settings.optimizer,
      lr: settings.lr,
      momentum: settings.optimizer === 'momentum' ? settings.momentum : 0,
      weightDecay: settings.weightDecay,
    },
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    seed: settings.seed,
    ...(settings.arch === 'zoo'
      ? { trainLimit: ZOO_RECIPES[settings.zooModel].trainLimit, testLimit: ZOO_RECIPES[settings.zooModel].testLimit }
      : {}),
  };
}

/**
 * The settings of a run the worker reports (after loading a saved model, say),
 * keeping from `current` whatever the run does not decide (the stack while the
 * run is LeNet-5, the momentum of a plain SGD run).
 */
export function fromTrainConfig(config: TrainConfig, current: DashboardSettings): DashboardSettings {
  const arch = config.architecture;
  return {
    ...current,
    dataset: config.dataset,
    arch: arch.kind,
    zooModel: arch.kind === 'zoo' ? arch.model : current.zooModel,
    lenetActivation: arch.kind === 'lenet5' ? (arch.activation ?? 'tanh') : current.lenetActivation,
    lenetPooling: arch.kind === 'lenet5' ? (arch.pooling ?? 'avg') : current.lenetPooling,
    layers: arch.kind === 'stack' ? copyLayers(arch.layers) : current.layers,
    optimizer: config.optimizer.kind,
    lr: config.optimizer.lr,
    momentum: config.optimizer.kind === 'momentum' ? config.optimizer.momentum : current.momentum,
    batchSize: config.batchSize,
    weightDecay: config.optimizer.weightDecay,
    epochs: config.epochs,
    seed: config.seed,
  };
}

/** Switching optimiser brings its usual learning rate (Adam's is fifty times smaller than momentum's). */
export function withOptimizer(settings: DashboardSettings, kind: OptimizerKind): DashboardSettings {
  const defaults = OPTIMIZER_DEFAULTS[kind];
  return {
    ...settings,
    optimizer: kind,
    lr: defaults.lr,
    momentum: kind === 'momentum' ? defaults.momentum : settings.momentum,
  };
}

/** Whether two settings ask for the same run (the form against the run the worker holds). */
export function sameRun(a: TrainConfig, b: TrainConfig): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted and `undefined` fields dropped, so equal configs compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
