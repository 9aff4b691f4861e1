/**
 * The train-to-target checker on real weights files: a small network trained
 * here for a few seconds, scored on part of the MNIST test set (the full
 * exercise uses all of it; a subset keeps this test quick).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';
import { checkAnswer, encodeDataUrl, getExercise, makeVariant } from '../../../src/exercises/index.ts';
import { RECIPE, checkWeights, testAccuracy } from '../../../src/exercises/lessons/training/target-accuracy.ts';
import { Trainer } from '../../../src/training/trainer.ts';
import { exportWeights } from '../../../src/training/weights.ts';
import type { TrainConfig } from '../../../src/training/config.ts';

const config: TrainConfig = {
  dataset: 'mnist',
  architecture: RECIPE,
  optimizer: { kind: 'adam', lr: 0.003, momentum: 0, weightDecay: 0 },
  batchSize: 64,
  epochs: 1,
  seed: 3,
  trainLimit: 3000,
};

let test: RawImageSet;
let file: Uint8Array;
let accuracy: number;

function exportOf(trainer: Trainer, dataset: 'mnist' | 'fashion-mnist' = 'mnist'): Uint8Array {
  return exportWeights(trainer.model, {
    config: { ...trainer.config, dataset },
    inputShape: trainer.train.shape,
    classes: trainer.classes,
    meta: { epochs: 1, steps: trainer.globalStep, testAccuracy: 0.999, seed: 3, date: '2030-01-01T00:00:00.000Z' },
  });
}

beforeAll(async () => {
  const train = await datasets.loadRaw('mnist', { split: 'train', limit: 3000 });
  test = await datasets.loadRaw('mnist', { split: 'test', limit: 1000 });
  const trainer = new Trainer(config, { train, test });
  while (!trainer.done) trainer.trainStep();
  file = exportOf(trainer);
  accuracy = testAccuracy(trainer.model, test);
}, 120_000);

describe('training/target-accuracy', () => {
  it('scores the network in the file, not the accuracy its metadata claims', async () => {
    expect(accuracy).toBeGreaterThan(0.6);
    expect(accuracy).toBeLessThan(0.999);
    const typed = encodeDataUrl(file);
    const pass = await checkWeights(typed, { minAccuracy: accuracy - 0.05, maxParams: 8000 }, { mnistTest: test });
    expect(pass).toMatchObject({ score: 1, status: 'correct', answerNote: 'correct' });
    const shown = /([\d.]+)% of 1,000 test images/.exec(pass.feedback.en);
    expect(Number(shown?.[1])).toBeCloseTo(accuracy * 100, 2);
    const near = await checkWeights(typed, { minAccuracy: accuracy + 0.01, maxParams: 8000 }, { mnistTest: test });
    expect(near).toMatchObject({ score: 0.5, answerNote: 'accuracy just below the target' });
    // The file claims 99.9%; the checker measured less.
    const far = await checkWeights(typed, { minAccuracy: 0.999, maxParams: 8000 }, { mnistTest: test });
    expect(far).toMatchObject({ score: 0, answerNote: 'accuracy below the target' });
  });

  it('refuses a network over the parameter budget, an edited file and one trained on another dataset', async () => {
    const typed = encodeDataUrl(file);
    expect(await checkWeights(typed, { minAccuracy: 0.5, maxParams: 1000 }, { mnistTest: test })).toMatchObject({ score: 0, answerNote: 'too many parameters' });
    const edited = file.slice();
    edited[edited.length - 10] ^= 0xff;
    const r = await checkWeights(encodeDataUrl(edited), { minAccuracy: 0.5, maxParams: 8000 }, { mnistTest: test });
    expect(r).toMatchObject({ score: 0, status: 'invalid', answerNote: 'invalid: not a weights file' });
    expect(r.feedback.en).toMatch(/checksum mismatch/);
    const fashionTrainer = new Trainer({ ...config, dataset: 'fashion-mnist', trainLimit: 64 }, { train: test, test });
    const fashion = await checkWeights(encodeDataUrl(exportOf(fashionTrainer, 'fashion-mnist')), { minAccuracy: 0.5, maxParams: 8000 }, { mnistTest: test });
    expect(fashion.answerNote).toBe('trained on the wrong dataset');
  });

  it('for generated variants, the verdict follows the measured accuracy (a few seeds)', async () => {
    const exercise = getExercise('training/target-accuracy')!;
    for (const seed of [1, 2, 3]) {
      const { params } = makeVariant<{ minAccuracy: number; maxParams: number }>(exercise, seed);
      exercise.validate(params);
      const r = await checkAnswer(exercise, params, encodeDataUrl(file), { mnistTest: test });
      const expected = accuracy >= params.minAccuracy ? 1 : accuracy >= params.minAccuracy - 0.02 ? 0.5 : 0;
      expect(r.score).toBe(expected);
    }
  });
});
