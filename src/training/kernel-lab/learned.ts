/**
 * The first-layer filters of a model saved in this browser (lesson 13's trainer keeps
 * them in IndexedDB, see `../store.ts`), read from its weights file so that lesson 10's
 * lab can run a learned filter on a photograph beside the hand-set ones. Only the
 * first convolution's kernels are taken: they look at the picture itself, so they can
 * be read as image kernels; deeper ones mix many channels and cannot.
 */
import { importWeights } from '../weights.ts';
import { MAX_KERNEL } from './model.ts';

export interface FirstLayer {
  /** The state-dict name of the weight tensor, e.g. "features.0.weight". */
  name: string;
  count: number;
  inChannels: number;
  size: number;
  /** One kernel per output channel, row by row, the input channels averaged when there are several. */
  filters: number[][];
}

export type FirstLayerResult = { ok: true; layer: FirstLayer } | { ok: false; message: string };

/** The first convolution's filters of a weights file, or why they cannot be used. */
export function firstLayerFilters(bytes: Uint8Array): FirstLayerResult {
  try {
    const { header, stateDict } = importWeights(bytes);
    const entry = header.tensors.find((t) => t.shape.length === 4);
    if (!entry) return { ok: false, message: 'the model has no convolutional layer' };
    const [count, inChannels, h, w] = entry.shape;
    if (h !== w || h > MAX_KERNEL) return { ok: false, message: `its first kernels are ${h}×${w}; the lab takes square kernels up to ${MAX_KERNEL}×${MAX_KERNEL}` };
    const data = stateDict[entry.name].data;
    const per = inChannels * h * w;
    const filters = Array.from({ length: count }, (_, o) =>
      Array.from({ length: h * w }, (_, i) => {
        let s = 0;
        for (let c = 0; c < inChannels; c++) s += data[o * per + c * h * w + i];
        return s / inChannels;
      }),
    );
    return { ok: true, layer: { name: entry.name, count, inChannels, size: h, filters } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A learned kernel as lab weights: three decimals, inside the lab's range. */
export function labWeights(filter: readonly number[], limit: number): number[] {
  return filter.map((v) => Math.max(-limit, Math.min(limit, Math.round(v * 1000) / 1000)));
}
