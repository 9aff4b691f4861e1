/**
 * The page side of the bench's browser run (bundled by `train-browser.ts`): our
 * trainer, unchanged, on MNIST images the bench serves, timed in the page.
 */
import { Trainer } from '../../src/training/trainer.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/training/config.ts';
import type { TrainConfig } from '../../src/training/config.ts';
import type { RawImageSet } from '../../src/engine/datasets/format.ts';
import { MNIST_CLASSES } from '../../src/engine/datasets/mnist.ts';
import { getBackend, ready } from '../../src/engine/index.ts';

/** What the page reports back. */
export interface BrowserRunResult {
  imagesPerSec: number;
  images: number;
  seconds: number;
  finalLoss: number;
  /** The engine backend that trained ('wasm' where the browser has WebAssembly SIMD). */
  backend: string;
  /** Filled in by the bench from the renderer's CPU time (Chrome DevTools Protocol). */
  cpuImagesPerSec?: number;
}

let trainer: Trainer | null = null;

/** Loads the served images and builds the trainer (the default LeNet-5 run). */
async function setup(): Promise<number> {
  await ready();
  const response = await fetch('/mnist-train.bin');
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The bench's layout: a uint32 count, `count` labels, then the pixels.
  const count = new DataView(bytes.buffer).getUint32(0, true);
  const labels = bytes.subarray(4, 4 + count);
  const pixels = bytes.subarray(4 + count);
  const train: RawImageSet = { pixels, labels, count, shape: [1, 28, 28], classes: MNIST_CLASSES };
  const config: TrainConfig = { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), epochs: 100 };
  trainer = new Trainer(config, { train, test: train });
  return count;
}

/** Trains `steps` batches and times them with the page's clock. */
function steps(count: number): BrowserRunResult {
  if (!trainer) throw new Error('benchSetup first');
  let images = 0;
  let finalLoss = NaN;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const report = trainer.trainStep();
    images += report.count;
    finalLoss = report.loss;
  }
  const seconds = (performance.now() - start) / 1000;
  return { imagesPerSec: images / seconds, images, seconds, finalLoss, backend: getBackend().name };
}

Object.assign(globalThis, { benchSetup: setup, benchSteps: steps });
