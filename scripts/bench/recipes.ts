/**
 * Which recipe (optimiser, learning rate, batch size) takes the dashboard's
 * default network, LeNet-5, to 98% test accuracy in the fewest training images?
 * Counted in images, not seconds, so a busy machine does not change the answer.
 * Each recipe trains from several seeds on the full MNIST sets; the whole test
 * set is scored every `--every` images, and a run stops at 98% or after two epochs.
 * (The dashboard has no learning-rate schedule, so none is tried.)
 *
 *   npx tsx scripts/bench/recipes.ts [--seeds=1,2,3] [--every=4000] [--only=default,adam]
 */
import { datasets, ready } from '../../src/engine/index.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/training/config.ts';
import type { OptimizerConfig, TrainConfig } from '../../src/training/config.ts';
import { Trainer } from '../../src/training/trainer.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const every = Number(arg('every', '4000'));
const TARGET = 0.98;

const momentum = (lr: number): OptimizerConfig => ({ kind: 'momentum', lr, momentum: 0.9, weightDecay: 0 });
const RECIPES: Record<string, { optimizer: OptimizerConfig; batchSize: number }> = {
  default: { optimizer: DEFAULT_TRAIN_CONFIG.optimizer, batchSize: DEFAULT_TRAIN_CONFIG.batchSize },
  'momentum-0.05': { optimizer: momentum(0.05), batchSize: 64 },
  'momentum-0.02-b32': { optimizer: momentum(0.02), batchSize: 32 },
  'adam-0.002': { optimizer: { kind: 'adam', lr: 0.002, momentum: 0, weightDecay: 0 }, batchSize: 64 },
  'momentum-0.05-b32': { optimizer: momentum(0.05), batchSize: 32 },
  'adam-0.001-b32': { optimizer: { kind: 'adam', lr: 0.001, momentum: 0, weightDecay: 0 }, batchSize: 32 },
  'adam-0.002-b32': { optimizer: { kind: 'adam', lr: 0.002, momentum: 0, weightDecay: 0 }, batchSize: 32 },
  'adam-0.001': { optimizer: { kind: 'adam', lr: 0.001, momentum: 0, weightDecay: 0 }, batchSize: 64 },
  'momentum-0.01-b16': { optimizer: momentum(0.01), batchSize: 16 },
  'momentum-0.03-b32': { optimizer: momentum(0.03), batchSize: 32 },
  'adam-0.001-b16': { optimizer: { kind: 'adam', lr: 0.001, momentum: 0, weightDecay: 0 }, batchSize: 16 },
};
const only = arg('only', Object.keys(RECIPES).join(',')).split(',');

await ready();
const [train, test] = await Promise.all([datasets.loadRaw('mnist', { split: 'train' }), datasets.loadRaw('mnist', { split: 'test' })]);

for (const name of only) {
  const recipe = RECIPES[name];
  const results: (number | null)[] = [];
  for (const seed of seeds) {
    const config: TrainConfig = { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), ...structuredClone(recipe), seed };
    const trainer = new Trainer(config, { train, test });
    let images = 0;
    let nextEval = every;
    let reached: number | null = null;
    let accuracy = 0;
    while (!trainer.done) {
      images += trainer.trainStep().count;
      if (images >= nextEval || trainer.done) {
        nextEval += every;
        accuracy = trainer.evaluate().accuracy;
        if (accuracy >= TARGET) {
          reached = images;
          break;
        }
      }
    }
    results.push(reached);
    console.log(`${name} seed ${seed}: ${reached === null ? `not reached in 2 epochs (${(accuracy * 100).toFixed(2)}%)` : `${reached} images (${(accuracy * 100).toFixed(2)}%)`}`);
  }
  const hit = results.filter((r): r is number => r !== null);
  const mean = hit.length ? Math.round(hit.reduce((a, b) => a + b, 0) / hit.length) : NaN;
  console.log(`${name}: ${JSON.stringify(recipe)} reached 98% in ${hit.length}/${seeds.length} seeds, mean ${mean} images`);
}
