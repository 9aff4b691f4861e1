/**
 * Edits of a layer stack, as pure functions returning a new stack: the editor
 * calls them, and the shape check runs on whatever they return.
 */
import type { LayerSpec } from '../../../src/training/config.ts';

/** The kinds of layer the editor offers (dropout included: it changes no shape but is worth trying). */
export const EDITABLE_TYPES = ['conv', 'pool', 'activation', 'flatten', 'linear', 'dropout'] as const;
/** One of {@link EDITABLE_TYPES}. */
export type EditableType = (typeof EDITABLE_TYPES)[number];

/** A sensible new layer of each kind. */
export function newLayer(type: EditableType): LayerSpec {
  switch (type) {
    case 'conv':
      return { type: 'conv', outChannels: 8, kernelSize: 3, stride: 1, padding: 1 };
    case 'pool':
      return { type: 'pool', kind: 'max', kernelSize: 2 };
    case 'activation':
      return { type: 'activation', kind: 'relu' };
    case 'flatten':
      return { type: 'flatten' };
    case 'linear':
      return { type: 'linear', outFeatures: 32 };
    case 'dropout':
      return { type: 'dropout', p: 0.5 };
  }
}

function checkIndex(layers: readonly LayerSpec[], index: number, allowEnd = false): void {
  const last = allowEnd ? layers.length : layers.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > last) {
    throw new Error(`index must be an integer from 0 to ${last}, got ${index}`);
  }
}

/** Inserts a new layer of `type` at `index` (the end when `index` is the length). */
export function insertLayer(layers: readonly LayerSpec[], index: number, type: EditableType): LayerSpec[] {
  checkIndex(layers, index, true);
  return [...layers.slice(0, index), newLayer(type), ...layers.slice(index)];
}

/** Removes the layer at `index`. */
export function removeLayer(layers: readonly LayerSpec[], index: number): LayerSpec[] {
  checkIndex(layers, index);
  return layers.filter((_, i) => i !== index);
}

/** Swaps the layer at `index` with its neighbour (`by` = -1 up, +1 down); unchanged at either end. */
export function moveLayer(layers: readonly LayerSpec[], index: number, by: -1 | 1): LayerSpec[] {
  checkIndex(layers, index);
  const other = index + by;
  if (other < 0 || other >= layers.length) return [...layers];
  const next = [...layers];
  [next[index], next[other]] = [next[other], next[index]];
  return next;
}

/** Replaces the layer at `index` by a new layer of another kind (same kind: unchanged). */
export function changeType(layers: readonly LayerSpec[], index: number, type: EditableType): LayerSpec[] {
  checkIndex(layers, index);
  if (layers[index].type === type) return [...layers];
  return layers.map((layer, i) => (i === index ? newLayer(type) : layer));
}

/** Sets some settings of the layer at `index` (its kind stays). */
export function updateLayer(layers: readonly LayerSpec[], index: number, patch: Partial<LayerSpec>): LayerSpec[] {
  checkIndex(layers, index);
  return layers.map((layer, i) => (i === index ? ({ ...layer, ...patch, type: layer.type } as LayerSpec) : layer));
}
