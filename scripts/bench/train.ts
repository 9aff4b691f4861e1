/**
 * The training bench: LeNet-5 on MNIST with ConvLab's trainer (on the engine's
 * wasm backend, and on its fast one for comparison), TF.js (CPU and WASM) and
 * ConvNetJS, in one process, on the same images in the same order, plus
 * ConvLab's trainer in headless Chromium (wasm backend, as the site's worker has it).
 *
 * For each Node contender: training images per second (steady state: the first
 * batches, while the JIT warms up, are left out) and the training time until
 * test accuracy first reaches 98% (the whole 10k test set is scored every
 * EVAL_EVERY images; scoring time is not training time). A contender stops at
 * 98%, after two epochs, or after its training-time budget, whichever comes
 * first, and a target not reached is reported as such.
 *
 *   npx tsx scripts/bench/train.ts           the full bench (about 10 minutes on an idle 2-core machine)
 *   npx tsx scripts/bench/train.ts --quick   throughput only, a few thousand images each (about a minute)
 *   npx tsx scripts/bench/train.ts --memory  heap over a 10-epoch run of ours (reduced set), nothing else
 *   --cpu-time                               time Node contenders by this process's CPU time (a busy machine)
 *   --only=convlab,tfjs-wasm                 run only these contenders (convlab, convlab-fast, tfjs-cpu, tfjs-wasm, convnetjs, browser)
 *
 * `npm run bench` (all.mjs) runs the kernel bench (run.ts) and then this one; of the
 * arguments after `npm run bench --`, `--cpu-time` reaches both and `--cases=` the kernel bench only.
 * Results also go to scripts/bench/results/train-<time>.json.
 */
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { datasets, getBackend, ready } from '../../src/engine/index.ts';
import type { WasmKernels } from '../../src/engine/backends/wasm.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/training/config.ts';
import type { TrainConfig } from '../../src/training/config.ts';
import { Trainer } from '../../src/training/trainer.ts';
import { convlabContender, convnetContender, tfContender } from './train-contenders.ts';
import type { BenchData, Contender } from './train-contenders.ts';
import { browserRun } from './train-browser.ts';

/**
 * Both WebAssembly contenders (ours and TF.js's) are compiled by V8's optimising
 * compiler from the start. By default V8 runs new WebAssembly through its baseline
 * compiler and swaps in optimised code from background threads; on the busy
 * development machine (load average 20 to 40 on 2 cores) that swap took minutes,
 * so the first cells timed baseline code, 2 to 7 times slower. This times the
 * steady state for both, as an idle machine reaches it within a second.
 */
v8.setFlagsFromString('--no-liftoff');

/** Test accuracy to reach. */
const TARGET = 0.98;
/** Images between two scorings of the test set. */
const EVAL_EVERY = 10_000;
/** Batches left out of the images/s figure while the JIT warms up. */
const WARMUP_STEPS = 10;

interface Options {
  quick: boolean;
  memory: boolean;
  cpuTime: boolean;
  only: string[] | null;
}

function parseOptions(argv: readonly string[]): Options {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  return { quick: argv.includes('--quick'), memory: argv.includes('--memory'), cpuTime: argv.includes('--cpu-time'), only: only ?? null };
}

/** Milliseconds: wall clock, or this process's CPU time with --cpu-time. */
function clock(cpuTime: boolean): () => number {
  if (!cpuTime) return () => performance.now();
  return () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
}

interface Scoring {
  images: number;
  trainSeconds: number;
  accuracy: number;
}

interface RaceResult {
  name: string;
  imagesPerSec: number;
  images: number;
  trainSeconds: number;
  /** Training seconds to the first scoring at or above TARGET; null if not reached. */
  secondsToTarget: number | null;
  imagesToTarget: number | null;
  scorings: Scoring[];
  stoppedBecause: string;
}

interface RaceLimits {
  /** Images to train at most. */
  maxImages: number;
  /** Seconds of training at most. */
  maxTrainSeconds: number;
  /** Score the test set (and stop at TARGET). */
  score: boolean;
}

/** Trains one contender on the shared order, scoring as it goes. */
async function race(contender: Contender, orderOf: (epoch: number) => Uint32Array, trainCount: number, batchSize: number, limits: RaceLimits, now: () => number): Promise<RaceResult> {
  const scorings: Scoring[] = [];
  let images = 0;
  let steps = 0;
  let trainMs = 0;
  let steadyMs = 0;
  let steadyImages = 0;
  let nextScoring = EVAL_EVERY;
  let stoppedBecause = '';
  let secondsToTarget: number | null = null;
  let imagesToTarget: number | null = null;
  const score = async () => {
    const accuracy = await contender.accuracy();
    scorings.push({ images, trainSeconds: trainMs / 1000, accuracy });
    process.stdout.write(`  ${contender.name}: ${images.toLocaleString('en-US')} images, ${(trainMs / 1000).toFixed(1)} s of training, test accuracy ${(accuracy * 100).toFixed(2)}%\n`);
    if (accuracy >= TARGET && secondsToTarget === null) {
      secondsToTarget = trainMs / 1000;
      imagesToTarget = images;
    }
  };
  outer: for (let epoch = 0; ; epoch++) {
    const order = orderOf(epoch);
    for (let from = 0; from < trainCount; from += batchSize) {
      const indices = order.subarray(from, Math.min(from + batchSize, trainCount));
      const start = now();
      await contender.step(indices);
      const ms = now() - start;
      trainMs += ms;
      images += indices.length;
      steps++;
      if (steps > WARMUP_STEPS) {
        steadyMs += ms;
        steadyImages += indices.length;
      }
      if (limits.score && images >= nextScoring) {
        nextScoring += EVAL_EVERY;
        await score();
        if (secondsToTarget !== null) {
          stoppedBecause = `reached ${TARGET * 100}%`;
          break outer;
        }
      }
      if (images >= limits.maxImages) {
        stoppedBecause = `${limits.maxImages.toLocaleString('en-US')}-image cap`;
        break outer;
      }
      if (trainMs / 1000 >= limits.maxTrainSeconds) {
        stoppedBecause = `${limits.maxTrainSeconds} s training budget`;
        break outer;
      }
    }
  }
  if (limits.score && scorings.at(-1)?.images !== images) await score();
  return {
    name: contender.name,
    // A contender too slow to get past the warm-up inside its budget is timed over every batch.
    imagesPerSec: steadyImages > 0 ? steadyImages / (steadyMs / 1000) : images / (trainMs / 1000),
    images,
    trainSeconds: trainMs / 1000,
    secondsToTarget,
    imagesToTarget,
    scorings,
    stoppedBecause,
  };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function toTarget(r: RaceResult, scored: boolean): string {
  if (!scored) return 'not measured (--quick)';
  if (r.secondsToTarget !== null) return `${fmt(r.secondsToTarget, 1)} s (${fmt(r.imagesToTarget!)} images)`;
  const best = Math.max(...r.scorings.map((s) => s.accuracy));
  return `not reached (best ${(best * 100).toFixed(2)}% in ${fmt(r.trainSeconds, 0)} s, ${fmt(r.images)} images)`;
}

async function memoryRun(data: BenchData, now: () => number): Promise<object> {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as () => void;
  // A full GC, three times with pauses: V8 frees dead ArrayBuffers' memory from a
  // background task, which lagged by tens of megabytes on the busy machine after a single gc().
  const gc = async () => {
    for (let i = 0; i < 3; i++) {
      collect();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const trainCount = 6000;
  const config: TrainConfig = { ...data.config, epochs: 10, trainLimit: trainCount, testLimit: 1000 };
  const trainer = new Trainer(config, { train: data.train, test: data.test });
  const mb = (bytes: number) => bytes / 2 ** 20;
  // The wasm backend's module memory: an arena that grows to the largest call and no further.
  const kernels = getBackend() as Partial<WasmKernels>;
  const wasmMB = () => (kernels.memoryBytes ? mb(kernels.memoryBytes()) : NaN);
  const rows: { epoch: number; heapUsedMB: number; arrayBuffersMB: number; wasmMemoryMB: number; rssMB: number; testAccuracy: number; seconds: number }[] = [];
  console.log(`\nMemory: ConvLab LeNet-5 on the ${getBackend().name} backend, 10 epochs of ${fmt(trainCount)} images (batch ${config.batchSize}), test 1,000 after each; measured after a full GC.`);
  console.log('epoch  heapUsed MB  arrayBuffers MB  wasm memory MB  rss MB  test acc  train s');
  await gc();
  const base = process.memoryUsage();
  console.log(`start  ${mb(base.heapUsed).toFixed(1).padStart(11)}  ${mb(base.arrayBuffers).toFixed(1).padStart(15)}  ${wasmMB().toFixed(1).padStart(14)}  ${mb(base.rss).toFixed(0).padStart(6)}`);
  for (let epoch = 1; epoch <= 10; epoch++) {
    const start = now();
    while (trainer.globalStep < epoch * trainer.stepsPerEpoch) trainer.trainStep();
    const seconds = (now() - start) / 1000;
    const testAccuracy = trainer.evaluate().accuracy;
    await gc();
    const m = process.memoryUsage();
    rows.push({ epoch, heapUsedMB: mb(m.heapUsed), arrayBuffersMB: mb(m.arrayBuffers), wasmMemoryMB: wasmMB(), rssMB: mb(m.rss), testAccuracy, seconds });
    console.log(
      `${String(epoch).padStart(5)}  ${mb(m.heapUsed).toFixed(1).padStart(11)}  ${mb(m.arrayBuffers).toFixed(1).padStart(15)}  ${wasmMB().toFixed(1).padStart(14)}  ${mb(m.rss).toFixed(0).padStart(6)}  ${(testAccuracy * 100).toFixed(1).padStart(7)}%  ${seconds.toFixed(1).padStart(7)}`,
    );
  }
  const growth = rows[9].heapUsedMB - rows[0].heapUsedMB;
  const bufferGrowth = rows[9].arrayBuffersMB - rows[0].arrayBuffersMB;
  const wasmGrowth = rows[9].wasmMemoryMB - rows[0].wasmMemoryMB;
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
  console.log(`From epoch 1 to 10: heap ${signed(growth)} MB; array buffers ${signed(bufferGrowth)} MB; wasm memory ${signed(wasmGrowth)} MB.`);
  return { backend: getBackend().name, trainCount, rows, heapGrowthMB: growth, arrayBufferGrowthMB: bufferGrowth, wasmMemoryGrowthMB: wasmGrowth };
}

/** Runs the training bench with the given command-line arguments. */
export async function runTrainingBench(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseOptions(argv);
  const now = clock(options.cpuTime);
  // The fastest backend this runtime has (wasm), as the site's trainer worker gets it.
  await ready();
  const began = performance.now();
  const load = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  const [train, test] = await Promise.all([datasets.loadRaw('mnist', { split: 'train' }), datasets.loadRaw('mnist', { split: 'test' })]);
  const config: TrainConfig = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
  const data: BenchData = { train, test, config };
  const wanted = (name: string) => !options.only || options.only.includes(name);
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, tfjs: tf.version.tfjs, loadAverageBefore: load },
    clock: options.cpuTime ? 'cpu' : 'wall',
    mode: options.memory ? 'memory' : options.quick ? 'quick' : 'full',
  };
  console.log(`ConvLab training bench: ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, TF.js ${tf.version.tfjs}`);
  console.log(`Load average before: ${load}. Clock: ${options.cpuTime ? 'CPU time of this process (--cpu-time)' : 'wall time'}.`);
  const { lr, momentum } = config.optimizer;
  console.log(
    `LeNet-5 (conv 6@5x5 pad 2, tanh, max pool, conv 16@5x5, tanh, max pool, fc 120, fc 84, fc 10), SGD momentum ${momentum}, lr ${lr}, batch ${config.batchSize}, MNIST standardised, same image order for all.`,
  );

  if (options.memory) {
    out.memory = await memoryRun(data, now);
    finish(out, began);
    return;
  }

  const orderer = new Trainer(config, { train, test });
  const orderOf = (epoch: number) => orderer.epochOrder(epoch).slice();
  const limits: RaceLimits = options.quick
    ? { maxImages: 3200, maxTrainSeconds: 30, score: false }
    : { maxImages: 2 * train.count, maxTrainSeconds: 120, score: true };
  console.log(
    options.quick
      ? `Quick: ${fmt(limits.maxImages)} images each (or ${limits.maxTrainSeconds} s), throughput only.\n`
      : `Each trains until ${TARGET * 100}% test accuracy (10k test images scored every ${fmt(EVAL_EVERY)} images), two epochs, or ${limits.maxTrainSeconds} s of training.\n`,
  );

  const results: RaceResult[] = [];
  const makers: [string, () => Promise<Contender> | Contender][] = [
    ['convlab', () => convlabContender(data, 'wasm')],
    ['convlab-fast', () => convlabContender(data, 'fast')],
    ['tfjs-wasm', () => tfContender('wasm', data)],
    ['tfjs-cpu', () => tfContender('cpu', data)],
    ['convnetjs', () => convnetContender(data)],
  ];
  for (const [key, make] of makers) {
    if (!wanted(key)) continue;
    console.log(`${key}...`);
    const contender = await make();
    const result = await race(contender, orderOf, train.count, config.batchSize, limits, now);
    contender.dispose?.();
    console.log(`  ${fmt(result.imagesPerSec)} images/s; ${toTarget(result, limits.score)}; stopped: ${result.stoppedBecause}`);
    results.push(result);
  }

  let browser: BrowserSummary | null = null;
  if (wanted('browser')) {
    console.log('browser (ConvLab in headless Chromium)...');
    const steps = options.quick ? 40 : 150;
    const run = await browserRun(train, steps, WARMUP_STEPS);
    browser =
      'unavailable' in run
        ? run
        : { imagesPerSec: options.cpuTime ? run.result.cpuImagesPerSec ?? NaN : run.result.imagesPerSec, wallImagesPerSec: run.result.imagesPerSec, cpuImagesPerSec: run.result.cpuImagesPerSec ?? NaN, version: run.version, backend: run.result.backend };
    console.log(
      'unavailable' in run
        ? `  unavailable: ${run.unavailable}`
        : `  ${fmt(run.result.imagesPerSec)} images/s by the wall clock, ${fmt(run.result.cpuImagesPerSec ?? NaN)} by the renderer's CPU time, over ${fmt(run.result.images)} images (Chromium ${run.version}, ${run.result.backend} backend)`,
    );
  }

  printTable(results, browser, limits.score);
  out.results = results;
  out.browser = browser;
  finish(out, began);
}

/** The browser row: images/s by the bench's clock (wall, or the renderer's CPU time with --cpu-time). */
type BrowserSummary = { imagesPerSec: number; wallImagesPerSec: number; cpuImagesPerSec: number; version: string; backend: string } | { unavailable: string };

function printTable(results: RaceResult[], browser: BrowserSummary | null, scored: boolean): void {
  const ours = results.find((r) => r.name === 'ConvLab (wasm)');
  console.log('\n| trainer | images/s | ours / theirs (speed) | time to 98% | theirs / ours (time to 98%) |');
  console.log('|---|---:|---:|---|---:|');
  for (const r of results) {
    const speed = ours && r !== ours ? `${(ours.imagesPerSec / r.imagesPerSec).toFixed(2)}x` : '';
    let timeRatio = '';
    if (ours && r !== ours && scored) {
      if (ours.secondsToTarget !== null && r.secondsToTarget !== null) timeRatio = `${(r.secondsToTarget / ours.secondsToTarget).toFixed(2)}x`;
      else if (ours.secondsToTarget !== null && r.secondsToTarget === null) timeRatio = `> ${(r.trainSeconds / ours.secondsToTarget).toFixed(2)}x`;
    }
    console.log(`| ${r.name} | ${fmt(r.imagesPerSec)} | ${speed} | ${toTarget(r, scored)} | ${timeRatio} |`);
  }
  if (browser) {
    if ('unavailable' in browser) console.log(`| ConvLab in Chromium | unavailable: ${browser.unavailable} | | | |`);
    else {
      const vsNode = ours ? `${(browser.imagesPerSec / ours.imagesPerSec).toFixed(2)}x of ours in Node` : '';
      console.log(`| ConvLab (${browser.backend}) in Chromium ${browser.version} | ${fmt(browser.imagesPerSec)} | ${vsNode} | | |`);
    }
  }
  console.log('\n"ours / theirs": how many times faster ConvLab trains; time ratios above 1 mean ConvLab reaches 98% sooner.');
}

function finish(out: Record<string, unknown>, began: number): void {
  const seconds = (performance.now() - began) / 1000;
  out.totalSeconds = seconds;
  (out.machine as Record<string, unknown>).loadAverageAfter = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `train-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`Total ${seconds.toFixed(0)} s. Results written to ${path.relative(process.cwd(), file)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runTrainingBench();
}
