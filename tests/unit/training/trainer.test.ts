import { beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { Trainer } from '../../../src/training/trainer.ts';

let sets: { train: RawImageSet; test: RawImageSet };

beforeAll(async () => {
  const [train, test] = await Promise.all([datasets.loadRaw('mnist', { split: 'train' }), datasets.loadRaw('mnist', { split: 'test' })]);
  sets = { train, test };
});

const BASE: TrainConfig = { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), trainLimit: 640, testLimit: 100 };

function losses(config: TrainConfig, steps: number): number[] {
  const trainer = new Trainer(config, sets);
  return Array.from({ length: steps }, () => trainer.trainStep().loss);
}

describe('the training loop', () => {
  it('is reproducible: the same seed gives the same losses, bit for bit', () => {
    const a = losses(BASE, 6);
    expect(losses(BASE, 6)).toEqual(a);
    expect(losses({ ...BASE, seed: 2 }, 6)).not.toEqual(a);
  });

  it('is reproducible with dropout and Adam in an edited stack', () => {
    const layers = [...DEFAULT_STACK.layers];
    layers.splice(8, 0, { type: 'dropout', p: 0.5 });
    const config: TrainConfig = { ...BASE, architecture: { kind: 'stack', layers }, optimizer: { kind: 'adam', lr: 0.002, momentum: 0, weightDecay: 1e-4 } };
    const a = losses(config, 5);
    expect(losses(config, 5)).toEqual(a);
    expect(losses({ ...config, seed: 3 }, 5)).not.toEqual(a);
  });

  it('visits every training image once per epoch, in a new seeded order each epoch', () => {
    const trainer = new Trainer(BASE, sets);
    const first = trainer.epochOrder(0).slice();
    const second = trainer.epochOrder(1).slice();
    expect([...first].sort((x, y) => x - y)).toEqual(Array.from({ length: 640 }, (_, i) => i));
    expect(second).not.toEqual(first);
    expect(new Trainer(BASE, sets).epochOrder(0)).toEqual(first);
  });

  it('counts steps and epochs, with a short last batch', () => {
    const trainer = new Trainer({ ...BASE, trainLimit: 100, epochs: 2 }, sets);
    expect(trainer.stepsPerEpoch).toBe(2);
    expect(trainer.totalSteps).toBe(4);
    const reports = [trainer.trainStep(), trainer.trainStep(), trainer.trainStep()];
    expect(reports.map((r) => [r.epoch, r.step, r.count, r.endOfEpoch])).toEqual([
      [1, 1, 64, false],
      [1, 2, 36, true],
      [2, 1, 64, false],
    ]);
    expect(trainer.epoch).toBe(2);
    expect(trainer.epochsDone).toBe(1.5);
    expect(trainer.done).toBe(false);
    trainer.trainStep();
    expect(trainer.done).toBe(true);
  });

  it('learns: a reduced LeNet-5 run (5,000 images, one epoch) scores over 90% on 1,000 test images', () => {
    // A short run takes bigger steps than the default two-epoch one: batches of 32 at lr 0.05.
    const config: TrainConfig = {
      ...BASE,
      optimizer: { kind: 'momentum', lr: 0.05, momentum: 0.9, weightDecay: 0 },
      batchSize: 32,
      epochs: 1,
      trainLimit: 5000,
      testLimit: 1000,
    };
    const trainer = new Trainer(config, sets);
    const before = trainer.evaluate();
    expect(before.accuracy).toBeLessThan(0.3);
    let first = 0;
    let lastLosses: number[] = [];
    while (!trainer.done) {
      const report = trainer.trainStep();
      if (report.globalStep === 1) first = report.loss;
      lastLosses = [...lastLosses.slice(-19), report.loss];
    }
    const after = trainer.evaluate();
    expect(after.accuracy).toBeGreaterThan(0.9);
    expect(after.count).toBe(1000);
    expect(after.loss).toBeLessThan(before.loss / 3);
    expect(lastLosses.reduce((a, b) => a + b) / lastLosses.length).toBeLessThan(first / 3);
    // Every digit is mostly right, not just the easy ones.
    after.confusion.forEach((row, digit) => {
      const total = row.reduce((a, b) => a + b);
      expect(row[digit] / total, `digit ${digit}`).toBeGreaterThan(0.75);
    });
  });
});
