import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import { TrainerSession } from '../../../src/training/session.ts';
import type { EventOf, TrainerEvent } from '../../../src/training/protocol.ts';
import { firstLayerFilters } from '../../../src/training/kernel-lab/learned.ts';
import {
  FIRST_LAYER_STEPS,
  firstAndSecondMaps,
  firstLayerRunConfig,
  firstLayerSteps,
  mapGrays,
} from '../../../src/training/kernel-lab/first-layer-run.ts';

/** The lab's run as the worker serves it: init, start, then the weights and the inspection. */
async function run(steps: number) {
  const events: TrainerEvent[] = [];
  const session = new TrainerSession({
    post: (event) => events.push(structuredClone(event)),
    yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
    loadData: (dataset, split, onProgress) => datasets.loadRaw(dataset, { split, onProgress: ({ loaded, total }) => onProgress(loaded, total) }),
  });
  await session.handle({ type: 'init', config: firstLayerRunConfig(steps) });
  await session.handle({ type: 'exportWeights', id: 1 });
  await session.handle({ type: 'start' });
  // Start answers at once and trains between messages: wait for the run to finish.
  while (!events.some((e) => e.type === 'status' && e.state === 'done')) await new Promise((resolve) => setTimeout(resolve, 5));
  await session.handle({ type: 'exportWeights', id: 2 });
  await session.handle({ type: 'inspect', id: 3, testIndex: 0 });
  const weights = events.filter((e): e is EventOf<'weights'> => e.type === 'weights');
  const inspection = events.find((e): e is EventOf<'inspection'> => e.type === 'inspection')!;
  const progress = events.filter((e): e is EventOf<'progress'> => e.type === 'progress');
  return { before: weights[0].bytes, after: weights[1].bytes, inspection, progress };
}

function filters(bytes: Uint8Array): number[][] {
  const result = firstLayerFilters(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.layer.filters;
}

describe('lesson 10: the first layer trained in the lab', () => {
  it('reads the step count from the address, clamped, with the default otherwise', () => {
    expect(firstLayerSteps('')).toBe(FIRST_LAYER_STEPS);
    expect(firstLayerSteps('?kernelsteps=20')).toBe(20);
    expect(firstLayerSteps('?kernelsteps=1')).toBe(5);
    expect(firstLayerSteps('?kernelsteps=99999')).toBe(1000);
    expect(firstLayerSteps('?kernelsteps=abc')).toBe(FIRST_LAYER_STEPS);
    const config = firstLayerRunConfig(20);
    expect(config.trainLimit).toBe(20 * config.batchSize);
    expect(config.epochs).toBe(1);
  });

  it('the same seeded run gives the same filters twice, and they moved away from the start', async () => {
    const a = await run(30);
    const b = await run(30);
    expect(a.progress.at(-1)!.globalStep).toBe(30);
    const fa = filters(a.after);
    expect(fa).toEqual(filters(b.after));
    expect(fa).toHaveLength(6);
    expect(fa[0]).toHaveLength(25);
    const start = filters(a.before);
    expect(start).toEqual(filters(b.before));
    // Every filter changed, by a clear fraction of its size.
    fa.forEach((f, i) => {
      const moved = Math.hypot(...f.map((v, j) => v - start[i][j]));
      const size = Math.hypot(...start[i]);
      expect(moved / size).toBeGreaterThan(0.05);
    });
  }, 120_000);

  it('shows a first- and a second-layer map of the inspected digit', async () => {
    const { inspection } = await run(5);
    const maps = firstAndSecondMaps(inspection.layers, 2)!;
    expect(maps.first).toMatchObject({ name: 'features.0', channel: 2, channels: 6, width: 28, height: 28 });
    expect(maps.second).toMatchObject({ channel: 2, channels: 16, width: 10, height: 10 });
    expect(maps.second.values).toHaveLength(100);
    expect(firstAndSecondMaps(inspection.layers.filter((l) => l.name !== maps.second.name))).toBeNull();
    const grays = mapGrays([-2, 0, 1]);
    expect([...grays]).toEqual([1, 128, 192]);
  }, 60_000);
});
