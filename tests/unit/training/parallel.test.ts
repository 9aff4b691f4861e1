// Two workers equal one, up to the order of floating-point sums: the batch is split
// in two, each half's gradient comes from its own trainer (as in the helper worker),
// the lead sums them and steps. The helper runs in this thread behind the same
// message interface the worker uses (structuredClone with transfers stands in for
// postMessage), over both transports; and on a thread of its own (worker_threads),
// where the lead blocks on the shared counter for the helper's half.
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasets, nn } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { Trainer, indexRange, mergeEvalReports } from '../../../src/training/trainer.ts';
import { HelperServer, ParallelStepper, canSplit, splitPoint } from '../../../src/training/parallel.ts';
import type { HelperCommand, HelperEvent, HelperLink, Transport } from '../../../src/training/parallel.ts';
import { getBackend } from '../../../src/engine/index.ts';

let sets: { train: RawImageSet; test: RawImageSet };

beforeAll(async () => {
  const [train, test] = await Promise.all([datasets.loadRaw('mnist', { split: 'train' }), datasets.loadRaw('mnist', { split: 'test' })]);
  sets = { train, test };
});

/** Loss tolerance (absolute, on losses of about 0.3 to 2.4) and weight tolerance (absolute, weights up to about 1). */
const LOSS_TOL = 2e-5;
const WEIGHT_TOL = 2e-5;

/** A helper in this thread: messages cross as structured clones, on a later task, as between workers. */
function inProcessHelper(options: { failAtShard?: number } = {}): HelperLink & { shards: number } {
  let shards = 0;
  let ended = false;
  const link: HelperLink & { shards: number } = {
    get shards() {
      return shards;
    },
    onEvent: null,
    onFailure: null,
    post(command: HelperCommand, transfer: Transferable[] = []) {
      const copy = structuredClone(command, { transfer: transfer as Transferable[] });
      setTimeout(() => {
        if (ended) return;
        if (copy.type === 'shard' && ++shards === options.failAtShard) {
          link.onFailure?.('simulated crash');
          return;
        }
        void server.handle(copy);
      }, 0);
    },
    end() {
      ended = true;
    },
  };
  const server = new HelperServer({
    post(event: HelperEvent, transfer: Transferable[] = []) {
      const copy = structuredClone(event, { transfer: transfer as Transferable[] });
      setTimeout(() => !ended && link.onEvent?.(copy), 0);
    },
    useBackend: async () => getBackend().name,
  });
  return link;
}

/** The helper on a thread of its own (helper-thread.ts), as the trainer worker starts it in a browser; `events` is what it sent. */
function threadHelper(): HelperLink & { worker: Worker; events: HelperEvent[] } {
  // Node runs the TypeScript sources as they are (type stripping; a flag before Node 23.6).
  const worker = new Worker(new URL('./helper-thread.ts', import.meta.url), { execArgv: ['--experimental-strip-types', '--no-warnings'] });
  const link: HelperLink & { worker: Worker; events: HelperEvent[] } = {
    worker,
    events: [],
    onEvent: null,
    onFailure: null,
    post: (command: HelperCommand, transfer: Transferable[] = []) => worker.postMessage(command, transfer as never),
    end: () => void worker.terminate(),
  };
  worker.on('message', (event: HelperEvent) => {
    link.events.push(event);
    link.onEvent?.(event);
  });
  worker.on('error', (error: Error) => link.onFailure?.(error.message));
  return link;
}

interface Run {
  losses: number[];
  correct: number[];
  weights: Float32Array;
}

function oneWorker(config: TrainConfig, steps: number): Run {
  const t = new Trainer(config, sets);
  const losses: number[] = [];
  const correct: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = t.trainStep();
    losses.push(r.loss);
    correct.push(r.correct);
  }
  return { losses, correct, weights: t.readWeights(new Float32Array(t.parameterCount)) };
}

async function twoWorkers(
  config: TrainConfig,
  steps: number,
  transport: Transport,
  link: HelperLink = inProcessHelper(),
  stepper = new ParallelStepper(link, transport),
): Promise<Run & { workers: number }> {
  const t = new Trainer(config, sets);
  const workers = await stepper.setup(t, 'mnist', getBackend().name);
  const losses: number[] = [];
  const correct: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = await stepper.step(t);
    losses.push(r.loss);
    correct.push(r.correct);
  }
  return { losses, correct, weights: t.readWeights(new Float32Array(t.parameterCount)), workers };
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function expectSameRun(two: Run, one: Run): void {
  expect(two.losses).toHaveLength(one.losses.length);
  two.losses.forEach((loss, i) => expect(Math.abs(loss - one.losses[i]), `loss at step ${i + 1}`).toBeLessThanOrEqual(LOSS_TOL));
  expect(maxDifference(two.weights, one.weights)).toBeLessThanOrEqual(WEIGHT_TOL);
}

// 500 images in batches of 64: seven full batches and a short one of 52, then the second epoch.
const LENET: TrainConfig = { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), trainLimit: 500, testLimit: 100 };
const STEPS = 10;

function dropoutStack(): TrainConfig {
  const layers = [...DEFAULT_STACK.layers];
  layers.splice(1, 0, { type: 'dropout', p: 0.2 });
  layers.splice(9, 0, { type: 'dropout', p: 0.5 });
  // Batches of 37: an odd split (19 rows on the lead, 18 on the helper); 300 images end in a short batch of 4.
  return { ...LENET, architecture: { kind: 'stack', layers }, optimizer: { kind: 'adam', lr: 0.002, momentum: 0, weightDecay: 1e-4 }, batchSize: 37, trainLimit: 300 };
}

describe('two workers train as one', () => {
  for (const transport of ['messages', 'shared'] as const) {
    it(`LeNet-5, SGD with momentum, ${STEPS} steps across an epoch's end (${transport})`, async () => {
      const one = oneWorker(LENET, STEPS);
      const two = await twoWorkers(LENET, STEPS, transport);
      expect(two.workers).toBe(2);
      expectSameRun(two, one);
      expect(two.correct).toEqual(one.correct);
      // Not trivially equal: the sums really were taken in another order somewhere.
      expect(two.losses.some((l, i) => l !== one.losses[i]) || maxDifference(two.weights, one.weights) > 0).toBe(true);
    });

    it(`a stack with two dropout layers, Adam and weight decay, odd batches (${transport})`, async () => {
      const config = dropoutStack();
      const one = oneWorker(config, STEPS);
      const two = await twoWorkers(config, STEPS, transport);
      expect(two.workers).toBe(2);
      expectSameRun(two, one);
      expect(two.correct).toEqual(one.correct);
    });
  }

  it('with the helper on its own thread, both take their halves at the shared counter, and the run is the same', async () => {
    const link = threadHelper();
    try {
      const stepper = new ParallelStepper(link, 'shared', { blockMs: 10_000 });
      const one = oneWorker(LENET, STEPS);
      const two = await twoWorkers(LENET, STEPS, 'shared', link, stepper);
      expect(two.workers).toBe(2);
      expectSameRun(two, one);
      expect(two.correct).toEqual(one.correct);
      expect(stepper.arrivals).toEqual({ counter: STEPS, message: 0 });
      // Every half batch is answered once; after the first (by message), the helper was
      // blocked on the counter when the next one was published. The answers trail the steps.
      const answers = () => link.events.filter((e) => e.type === 'shardDone');
      await expect.poll(() => answers().length).toBe(STEPS);
      expect(answers().map((e) => e.type === 'shardDone' && e.step)).toEqual([...Array(STEPS).keys()]);
      expect(answers().filter((e) => e.type === 'shardDone' && e.atCounter).length).toBe(STEPS - 1);
      stepper.dispose();
    } finally {
      await link.worker.terminate();
    }
  });

  it('without blocking (the helper in this thread) every half arrives by message', async () => {
    const stepper = new ParallelStepper(inProcessHelper(), 'shared');
    await twoWorkers(LENET, 3, 'shared', undefined, stepper);
    expect(stepper.arrivals).toEqual({ counter: 0, message: 3 });
  });

  it('scores the test set in two halves, one on each worker, to the one-worker score', async () => {
    const config = { ...LENET, testLimit: 333 };
    const t = new Trainer(config, sets);
    for (let i = 0; i < 4; i++) t.trainStep();
    const whole = t.evaluate();
    const stepper = new ParallelStepper(inProcessHelper(), 'messages');
    expect(await stepper.setup(t, 'mnist', getBackend().name)).toBe(2);
    const half = Math.ceil(t.test.count / 2);
    const theirs = await stepper.score(t, half, t.test.count);
    expect(theirs).not.toBeNull();
    const mine = t.evaluation(undefined, indexRange(0, half));
    let next = mine.next();
    while (!next.done) next = mine.next();
    const merged = mergeEvalReports(next.value, theirs!);
    expect(merged.count).toBe(333);
    expect(merged.accuracy).toBe(whole.accuracy);
    expect(merged.confusion).toEqual(whole.confusion);
    expect(merged.misclassified).toEqual(whole.misclassified);
    expect(Math.abs(merged.loss - whole.loss)).toBeLessThanOrEqual(LOSS_TOL);
    // A helper out of use says so, and the lead scores those images itself.
    stepper.dispose();
    expect(await stepper.score(t, half, t.test.count)).toBeNull();
  });

  it('a different dropout mask would show: the tolerance can fail', async () => {
    const config = dropoutStack();
    const one = oneWorker(config, 3);
    const other = oneWorker({ ...config, seed: config.seed + 1 }, 3);
    expect(Math.max(...one.losses.map((l, i) => Math.abs(l - other.losses[i])))).toBeGreaterThan(100 * LOSS_TOL);
  });

  it('splits a batch with the odd row on the lead', () => {
    expect([1, 2, 37, 64].map(splitPoint)).toEqual([1, 1, 19, 32]);
  });

  it('carries on alone when the helper dies mid-run, with the same result', async () => {
    const link = inProcessHelper({ failAtShard: 4 });
    const one = oneWorker(LENET, 6);
    const t = new Trainer(LENET, sets);
    const stepper = new ParallelStepper(link, 'messages');
    expect(await stepper.setup(t, 'mnist', getBackend().name)).toBe(2);
    const losses: number[] = [];
    for (let i = 0; i < 6; i++) losses.push((await stepper.step(t)).loss);
    expect(stepper.workers).toBe(1);
    expect(stepper.failure).toMatch(/simulated crash/);
    losses.forEach((loss, i) => expect(Math.abs(loss - one.losses[i])).toBeLessThanOrEqual(LOSS_TOL));
    expect(maxDifference(t.readWeights(new Float32Array(t.parameterCount)), one.weights)).toBeLessThanOrEqual(WEIGHT_TOL);
  });

  it('keeps a model with BatchNorm on one worker (half-batch statistics are not the batch\'s)', async () => {
    const bn = new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2));
    expect(canSplit(bn)).toBe(false);
    expect(canSplit(new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.Dropout()))).toBe(true);
  });
});
