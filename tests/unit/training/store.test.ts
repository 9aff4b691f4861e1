import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/training/architecture.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { createModelStore, indexedDbRecords, memoryRecords } from '../../../src/training/store.ts';
import { exportWeights, importWeights } from '../../../src/training/weights.ts';

function weightsFile(config: TrainConfig, accuracy: number | null, seed = 1): Uint8Array {
  const { model } = buildModel(config.architecture, { seed });
  return exportWeights(model, {
    config,
    inputShape: [1, 28, 28],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    meta: { epochs: 2, steps: 1876, testAccuracy: accuracy, seed, date: '2025-01-01T00:00:00.000Z' },
  });
}

/** A clock that moves a second per call, so saves have distinct times. */
function steppingClock() {
  let t = Date.parse('2025-06-01T12:00:00.000Z');
  return () => new Date((t += 1000));
}

describe('model store (on the in-memory records)', () => {
  const lenet = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
  const stack = { ...lenet, architecture: structuredClone(DEFAULT_STACK) };

  it('saves, lists newest first with the file\'s metadata, loads the same bytes and deletes', async () => {
    const store = createModelStore(memoryRecords(), steppingClock());
    const first = weightsFile(lenet, 0.985);
    const a = await store.save('  my LeNet  ', first);
    const b = await store.save('a stack', weightsFile(stack, null));
    expect(a.name).toBe('my LeNet');
    expect(a).toMatchObject({ dataset: 'mnist', architecture: lenet.architecture, testAccuracy: 0.985, epochs: 2, bytes: first.length });
    expect(b.testAccuracy).toBeNull();
    expect(a.id).not.toBe(b.id);
    expect((await store.list()).map((m) => m.name)).toEqual(['a stack', 'my LeNet']);
    const loaded = await store.load(a.id);
    expect(loaded).toEqual(first);
    expect(importWeights(loaded).meta.testAccuracy).toBe(0.985);
    await store.delete(b.id);
    expect((await store.list()).map((m) => m.id)).toEqual([a.id]);
    await expect(store.load(b.id)).rejects.toThrow(`load: no saved model with id '${b.id}'`);
  });

  it('keeps its own copy: changing the saved or loaded array changes nothing stored', async () => {
    const store = createModelStore(memoryRecords());
    const bytes = weightsFile(lenet, 0.9);
    const original = bytes.slice();
    const { id } = await store.save('x', bytes);
    bytes.fill(0);
    const loaded = await store.load(id);
    loaded.fill(1);
    expect(await store.load(id)).toEqual(original);
  });

  it('refuses to save a corrupt file or a nameless model, and stores nothing then', async () => {
    const records = memoryRecords();
    const store = createModelStore(records);
    const corrupt = weightsFile(lenet, 0.9);
    corrupt[corrupt.length - 1] ^= 0xff;
    await expect(store.save('bad', corrupt)).rejects.toThrow(/checksum mismatch/);
    await expect(store.save('zip', new Uint8Array([0x50, 0x4b, 3, 4]))).rejects.toThrow(/not a ConvLab weights file/);
    await expect(store.save('   ', weightsFile(lenet, 0.9))).rejects.toThrow('save: give the model a name');
    expect(await store.list()).toEqual([]);
    expect(await records.infos()).toEqual([]);
  });

  it('says plainly when there is no IndexedDB (as in Node)', () => {
    expect(() => indexedDbRecords(undefined)).toThrow('saved models need IndexedDB, which this environment does not provide');
  });
});
