/**
 * Lesson 10's own short training run: lesson 13's network (LeNet-5 on MNIST, the
 * trainer's default run) trained for a few hundred seeded steps in the trainer worker,
 * so that a reader who never trained a model still sees filters a network learned
 * beside the hand-set ones. The run is the trainer's (`../session.ts`); this module
 * only fixes its config and reads the maps the lab shows from an inspection.
 */
import { DEFAULT_TRAIN_CONFIG } from '../config.ts';
import type { TrainConfig } from '../config.ts';
import type { LayerInspection } from '../protocol.ts';

/** Steps the lab trains for unless the address asks for fewer (tests do). */
export const FIRST_LAYER_STEPS = 300;
/** Fewest and most steps the address may ask for. */
export const FIRST_LAYER_STEP_RANGE = [5, 1000] as const;
/** The seed of every lab run: the same run, the same filters. */
export const FIRST_LAYER_SEED = 10;
/** The test image whose maps are shown after the run (a 7 in MNIST's test set). */
export const FIRST_LAYER_TEST_INDEX = 0;

/** The steps a `?kernelsteps=` value asks for, clamped to the range; the default when absent or unreadable. */
export function firstLayerSteps(search: string): number {
  const raw = new URLSearchParams(search).get('kernelsteps');
  const n = raw === null ? NaN : Number(raw);
  if (!Number.isInteger(n)) return FIRST_LAYER_STEPS;
  return Math.min(FIRST_LAYER_STEP_RANGE[1], Math.max(FIRST_LAYER_STEP_RANGE[0], n));
}

/** The run: lesson 13's default network and optimiser, one epoch over exactly `steps` batches. */
export function firstLayerRunConfig(steps: number = FIRST_LAYER_STEPS): TrainConfig {
  const base = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
  return { ...base, epochs: 1, seed: FIRST_LAYER_SEED, trainLimit: steps * base.batchSize, testLimit: 200 };
}

/** One channel of a layer's output, as a picture. */
export interface FeatureMap {
  /** The layer's dotted name ("features.0"). */
  name: string;
  channel: number;
  channels: number;
  width: number;
  height: number;
  values: Float32Array;
}

/** Channel `channel` of a convolution's output [C, H, W]. */
function mapOf(layer: LayerInspection, channel: number): FeatureMap {
  const [channels, height, width] = layer.shape;
  const c = Math.min(channels - 1, Math.max(0, channel));
  return { name: layer.name, channel: c, channels, width, height, values: layer.activations.slice(c * width * height, (c + 1) * width * height) };
}

/** The first and the second convolution's maps of an inspected image (channel `channel` of each), or null without two convolutions. */
export function firstAndSecondMaps(layers: readonly LayerInspection[], channel = 0): { first: FeatureMap; second: FeatureMap } | null {
  const convs = layers.filter((l) => l.type === 'Conv2d' && l.shape.length === 3);
  if (convs.length < 2) return null;
  return { first: mapOf(convs[0], channel), second: mapOf(convs[1], channel) };
}

/** Gray levels 0..255 for a map: 128 is zero, the largest magnitude reaches black or white. */
export function mapGrays(values: ArrayLike<number>): Uint8ClampedArray {
  let peak = 1e-6;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, Math.abs(values[i]));
  const out = new Uint8ClampedArray(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(128 + (127 * values[i]) / peak);
  return out;
}
