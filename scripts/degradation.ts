/**
 * Records lesson 17's reference run of the degradation experiment: plain and
 * residual networks of growing depth trained on the same MNIST subset with the
 * same seed. Writes src/training/degradation/reference.json (a deliberate,
 * committed fixture) with the settings beside the curves.
 *
 *   npm run degradation:record            # the lesson's setting
 *   npm run degradation:record -- --tiny  # the small setting the unit test reruns
 *   npm run degradation:record -- --print --depths 8,20,32 --widths 4,8,16 --steps 150 --lr 0.05   # explore, write nothing
 */
import { writeFileSync } from 'node:fs';
import { mnist } from '../src/engine/datasets/index.ts';
import { DEGRADATION_DEFAULTS, DEGRADATION_TINY, finalLoss, runAll, shrinkImages } from '../src/training/degradation/experiment.ts';
import type { DegradationData, DegradationOptions } from '../src/training/degradation/experiment.ts';

/** Loads the first `trainCount` MNIST training digits, shrunk to `size`. */
export async function degradationData(options: DegradationOptions): Promise<DegradationData> {
  const set = await mnist({ split: 'train', limit: options.trainCount, source: 'npm' });
  const from = set.shape[set.shape.length - 1];
  const images = shrinkImages(set.images, set.count, from, options.size);
  return { images, labels: set.labels, count: set.count, size: options.size };
}

function parse(argv: string[]): { options: DegradationOptions; print: boolean; tiny: boolean } {
  const tiny = argv.includes('--tiny');
  const options: DegradationOptions = { ...(tiny ? DEGRADATION_TINY : DEGRADATION_DEFAULTS) };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (key === 'depths' || key === 'widths') options[key] = value.split(',').map(Number);
    else if (key in options && value !== undefined) (options as unknown as Record<string, number>)[key] = Number(value);
  }
  return { options, print: argv.includes('--print'), tiny };
}

async function main(): Promise<void> {
  const { options, print, tiny } = parse(process.argv.slice(2));
  const data = await degradationData(options);
  const begin = Date.now();
  const curves = runAll(options, data, (run) => {
    console.log(`${run.kind.padEnd(8)} depth ${String(run.depth).padStart(2)}: final loss ${finalLoss(run.curve).toFixed(4)}  (${((Date.now() - begin) / 1000).toFixed(1)} s)`);
  });
  if (print) return;
  const file = new URL(`../src/training/degradation/${tiny ? 'reference-tiny' : 'reference'}.json`, import.meta.url);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const out = { settings: options, dataset: 'mnist', curves: curves.map((c) => ({ ...c, loss: c.loss.map(round) })) };
  writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  console.log(`wrote ${file.pathname}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
