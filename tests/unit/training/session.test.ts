import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { TrainerSession } from '../../../src/training/session.ts';
import { transferables } from '../../../src/training/protocol.ts';
import type { EventOf, TrainerCommand, TrainerEvent, TrainerEventType } from '../../../src/training/protocol.ts';

/** A small, quick run: 256 training images in batches of 64, two epochs, 200 test images. */
const SMALL: TrainConfig = { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), trainLimit: 256, testLimit: 200 };

/** A session as the worker runs it, recording every event; data from the npm package. */
function harness() {
  const events: TrainerEvent[] = [];
  let loads = 0;
  const dataUrls: (string | undefined)[] = [];
  const session = new TrainerSession({
    post: (event) => {
      // What postMessage would do: the event must survive structured cloning.
      events.push(structuredClone(event));
    },
    yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
    loadData: (dataset, split, onProgress, dataUrl) => {
      loads++;
      dataUrls.push(dataUrl);
      return datasets.loadRaw(dataset, { split, onProgress: ({ loaded, total }) => onProgress(loaded, total) });
    },
  });
  const send = (command: TrainerCommand) => session.handle(command);
  const of = <T extends TrainerEventType>(type: T) => events.filter((e): e is EventOf<T> => e.type === type);
  const last = <T extends TrainerEventType>(type: T) => of(type).at(-1);
  return { session, events, send, of, last, loads: () => loads, dataUrls };
}

describe('trainer session: the worker protocol, driven directly', () => {
  it('init loads data with progress, checks the model and answers ready', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL, id: 1 });
    const types = h.events.map((e) => e.type);
    expect(types[0]).toBe('status');
    expect(h.of('status')[0].state).toBe('loading');
    const progress = h.of('dataProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.loaded).toBe(progress.at(-1)!.total);
    const ready = h.last('ready')!;
    expect(ready.id).toBe(1);
    expect(ready.totalParams).toBe(61_706);
    expect(ready).toMatchObject({ trainCount: 256, testCount: 200, stepsPerEpoch: 4, inputShape: [1, 28, 28], step: 0 });
    expect(ready.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ready.layers[0]).toEqual({ name: 'features.0', type: 'Conv2d', outputShape: [6, 28, 28], params: 156 });
    expect(h.session.state).toBe('idle');
    expect(types.at(-1)).toBe('status');
  });

  it('step trains one batch and reports it; start runs every epoch with an evaluation after each', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    await h.send({ type: 'step', id: 7 });
    const first = h.last('progress')!;
    expect(first).toMatchObject({ epoch: 1, step: 1, stepsPerEpoch: 4, globalStep: 1, totalSteps: 8 });
    expect(first.loss).toBeGreaterThan(1.5); // about ln 10 before any learning
    expect(first.trainAcc).toBeGreaterThanOrEqual(0);
    expect(first.imagesPerSec).toBeGreaterThan(0);
    expect(h.last('status')).toMatchObject({ state: 'paused', id: 7 });

    await h.send({ type: 'start' });
    await h.session.whenStopped();
    expect(h.session.state).toBe('done');
    const evals = h.of('evalResult');
    expect(evals.map((e) => e.epoch)).toEqual([1, 2]);
    const final = evals.at(-1)!;
    expect(final.confusion).toHaveLength(10);
    expect(final.confusion.flat().reduce((a, b) => a + b)).toBe(200);
    const diagonal = final.confusion.reduce((sum, row, i) => sum + row[i], 0);
    expect(final.testAcc).toBeCloseTo(diagonal / 200, 12);
    expect(final.misclassifiedCount).toBe(200 - diagonal);
    for (const m of final.misclassified) {
      expect(m.label).not.toBe(m.predicted);
      expect(m.image).toHaveLength(784);
      expect(final.confusion[m.label][m.predicted]).toBeGreaterThan(0);
    }
    const lastProgress = h.last('progress')!;
    expect(lastProgress).toMatchObject({ epoch: 2, step: 4, globalStep: 8, etaSeconds: 0 });
    // A finished run refuses to start again, and says what to do.
    await h.send({ type: 'start', id: 3 });
    expect(h.last('error')).toMatchObject({ id: 3, command: 'start', message: expect.stringMatching(/all 2 epochs are trained: reset/) });
  });

  it('pause stops between batches, and a paused run carries on where it stopped', async () => {
    const h = harness();
    await h.send({ type: 'init', config: { ...SMALL, trainLimit: 1024, epochs: 1 } });
    await h.send({ type: 'start' });
    // Let a few batches run, then pause.
    while (h.session.trainer!.globalStep < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await h.send({ type: 'pause' });
    await h.session.whenStopped();
    expect(h.session.state).toBe('paused');
    const stoppedAt = h.session.trainer!.globalStep;
    expect(stoppedAt).toBeLessThan(16);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.session.trainer!.globalStep).toBe(stoppedAt);
    await h.send({ type: 'start' });
    await h.session.whenStopped();
    expect(h.session.trainer!.globalStep).toBe(16);
    expect(h.session.state).toBe('done');
  });

  it('a paused run reports the step it stopped on, even between throttled progress events', async () => {
    // A clock that never moves: after the first batch, no progress event is due by time.
    const events: TrainerEvent[] = [];
    const session = new TrainerSession({
      post: (event) => events.push(structuredClone(event)),
      yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
      loadData: (dataset, split) => datasets.loadRaw(dataset, { split }),
      now: () => 0,
    });
    await session.handle({ type: 'init', config: { ...SMALL, trainLimit: 1024, epochs: 1 } });
    await session.handle({ type: 'start' });
    while (session.trainer!.globalStep < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    await session.handle({ type: 'pause' });
    await session.whenStopped();
    const stoppedAt = session.trainer!.globalStep;
    const progress = events.filter((e): e is EventOf<'progress'> => e.type === 'progress');
    // The first batch and the flush on stopping: nothing in between was due.
    expect(progress.map((p) => p.globalStep)).toEqual([1, stoppedAt]);
    // The flushed event averages the batches since the first report, and comes before 'paused'.
    expect(progress[1].loss).toBeGreaterThan(0);
    const pausedAt = events.findIndex((e) => e.type === 'status' && e.state === 'paused');
    expect(events.indexOf(progress[1])).toBeLessThan(pausedAt);
  });

  it('answers ping at once, ahead of queued commands, with the ping\'s id', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    const evaluation = h.send({ type: 'evaluate', id: 1 });
    await h.send({ type: 'ping', id: 2 });
    await evaluation;
    const order = h.events.filter((e) => e.type === 'pong' || e.type === 'evalResult').map((e) => [e.type, e.id]);
    expect(order).toEqual([['pong', 2], ['evalResult', 1]]);
  });

  it('answers inspect, classify and evaluate while training runs', async () => {
    const h = harness();
    await h.send({ type: 'init', config: { ...SMALL, trainLimit: 2048, epochs: 1 } });
    await h.send({ type: 'start' });
    await h.send({ type: 'inspect', testIndex: 5, id: 11 });
    await h.send({ type: 'classify', pixels: new Array(784).fill(0), id: 12 });
    await h.send({ type: 'evaluate', id: 13 });
    expect(h.session.state).toBe('running');
    await h.send({ type: 'pause' });
    await h.session.whenStopped();

    const inspection = h.last('inspection')!;
    expect(inspection.id).toBe(11);
    expect(inspection.testIndex).toBe(5);
    expect(inspection.input).toHaveLength(784);
    expect(inspection.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(inspection.layers.map((l) => [l.name, l.shape])).toEqual([
      ['features.0', [6, 28, 28]], ['features.1', [6, 28, 28]], ['features.2', [6, 14, 14]],
      ['features.3', [16, 10, 10]], ['features.4', [16, 10, 10]], ['features.5', [16, 5, 5]],
      ['flatten', [400]], ['classifier.0', [120]], ['classifier.1', [120]], ['classifier.2', [84]], ['classifier.3', [84]], ['classifier.4', [10]],
    ]);
    const conv1 = inspection.layers[0];
    expect(conv1.filterShape).toEqual([6, 1, 5, 5]);
    expect(conv1.filters).toHaveLength(150);
    expect(conv1.activations).toHaveLength(6 * 28 * 28);
    expect(inspection.layers[1].filters).toBeUndefined();

    const classification = h.last('classification')!;
    expect(classification.id).toBe(12);
    expect(classification.probabilities).toHaveLength(10);
    expect(classification.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(classification.probabilities[classification.predicted]).toBe(Math.max(...classification.probabilities));
    expect(h.last('evalResult')!.id).toBe(13);
  });

  it('reset starts the same run again: same seed, same losses', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    for (let i = 0; i < 3; i++) await h.send({ type: 'step' });
    const before = h.of('progress').map((p) => p.loss);
    await h.send({ type: 'reset', id: 4 });
    expect(h.last('ready')).toMatchObject({ id: 4, step: 0 });
    for (let i = 0; i < 3; i++) await h.send({ type: 'step' });
    expect(h.of('progress').slice(3).map((p) => p.loss)).toEqual(before);
    await h.send({ type: 'reset', seed: 99 });
    await h.send({ type: 'step' });
    expect(h.last('ready')!.config.seed).toBe(99);
    expect(h.last('progress')!.loss).not.toBe(before[0]);
    expect(h.loads()).toBe(2); // the data was loaded once: train and test
  });

  it('exports weights and imports them into a new session that classifies identically', async () => {
    const a = harness();
    await a.send({ type: 'init', config: SMALL });
    await a.send({ type: 'start' });
    await a.session.whenStopped();
    await a.send({ type: 'exportWeights', id: 21 });
    const file = a.last('weights')!;
    expect(file.id).toBe(21);
    expect(file.fileName).toMatch(/^convlab-lenet5-mnist-\d+\.\d\.clw$/);
    expect(file.meta).toMatchObject({ dataset: 'mnist', steps: 8, epochs: 2, seed: SMALL.seed });
    expect(file.meta.testAccuracy).toBe(a.last('evalResult')!.testAcc);

    const b = harness();
    await b.send({ type: 'importWeights', bytes: file.bytes, id: 22, dataUrl: '/convlab/data/' });
    // A fresh worker loads the file's dataset itself, from where the page says the data is.
    expect(b.dataUrls).toEqual(['/convlab/data/', '/convlab/data/']);
    const ready = b.last('ready')!;
    expect(ready).toMatchObject({ id: 22, step: 8, loaded: file.meta });
    expect(b.session.state).toBe('done');
    const drawing = Array.from({ length: 784 }, (_, i) => ((i * 37) % 11) / 10);
    await a.send({ type: 'classify', pixels: drawing });
    await b.send({ type: 'classify', pixels: drawing });
    expect(b.last('classification')!.probabilities).toEqual(a.last('classification')!.probabilities);
    await b.send({ type: 'evaluate' });
    expect(b.last('evalResult')!.testAcc).toBe(file.meta.testAccuracy);
  });

  it('a bad weights file is refused with its message and changes nothing', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    await h.send({ type: 'start' });
    await h.session.whenStopped();
    await h.send({ type: 'exportWeights' });
    const good = h.last('weights')!.bytes;
    const probe = new Array(784).fill(0.5);
    await h.send({ type: 'classify', pixels: probe });
    const before = h.last('classification')!.probabilities;
    const trainerBefore = h.session.trainer;

    const truncated = good.slice(0, good.length - 400);
    const flipped = good.slice();
    flipped[flipped.length - 1] ^= 1;
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /^not a ConvLab weights file \(expected magic CLWT, got 'PK\.\.'\)$/],
      [truncated, /^file is truncated: header says 61,706 floats, found 61,606$/],
      [flipped, /^file is corrupt: checksum mismatch/],
    ];
    for (const [bytes, message] of cases) {
      await h.send({ type: 'importWeights', bytes, id: 5 });
      expect(h.last('error')).toMatchObject({ id: 5, command: 'importWeights', message: expect.stringMatching(message) });
      expect(h.session.trainer).toBe(trainerBefore);
      expect(h.session.state).toBe('done');
      await h.send({ type: 'classify', pixels: probe });
      expect(h.last('classification')!.probabilities).toEqual(before);
    }
  });

  it('a broken stack is refused at init, naming the layer, and the current run is kept', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    const trainer = h.session.trainer;
    const broken: TrainConfig = {
      ...SMALL,
      architecture: { kind: 'stack', layers: [{ type: 'conv', outChannels: 4, kernelSize: 3 }, { type: 'linear', outFeatures: 10 }] },
    };
    await h.send({ type: 'init', config: broken, id: 9 });
    expect(h.last('error')).toMatchObject({ id: 9, command: 'init', layerIndex: 1, layerType: 'linear' });
    expect(h.last('error')!.message).toMatch(/^layer 1 \(linear\): .*put a flatten layer before it$/);
    expect(h.session.trainer).toBe(trainer);
    expect(h.session.state).toBe('idle');
  });

  it('commands before init, unknown commands and bad arguments become error events', async () => {
    const h = harness();
    for (const type of ['start', 'step', 'evaluate', 'exportWeights'] as const) {
      await h.send({ type, id: 1 });
      expect(h.last('error')).toMatchObject({ command: type, id: 1, message: 'the trainer has no model yet: send init first' });
    }
    await h.send({ type: 'launch' } as unknown as TrainerCommand);
    expect(h.last('error')!.message).toBe('unknown command "launch"');
    await h.send({ type: 'init', config: { ...SMALL, batchSize: 0 } });
    expect(h.last('error')!.message).toMatch(/batchSize must be an integer from 1 to 1024, got 0/);
    await h.send({ type: 'init', config: SMALL });
    await h.send({ type: 'inspect', testIndex: 200 });
    expect(h.last('error')!.message).toBe('testIndex must be an integer from 0 to 199, got 200');
    await h.send({ type: 'classify', pixels: [1, 2, 3] });
    expect(h.last('error')!.message).toBe('classify: pixels must hold 28x28 = 784 values, got 3');
    await h.send({ type: 'classify', pixels: new Array(784).fill(Number.NaN) });
    expect(h.last('error')!.message).toBe('classify: pixel 0 is NaN, expected a number in [0, 1]');
  });

  it('stops a diverging run with a message instead of training on NaN', async () => {
    const h = harness();
    // A ReLU MLP with momentum and a learning rate of 10 overflows within a dozen steps.
    const mlp: TrainConfig['architecture'] = {
      kind: 'stack',
      layers: [
        { type: 'flatten' },
        { type: 'linear', outFeatures: 32 },
        { type: 'activation', kind: 'relu' },
        { type: 'linear', outFeatures: 32 },
        { type: 'activation', kind: 'relu' },
        { type: 'linear', outFeatures: 10 },
      ],
    };
    await h.send({ type: 'init', config: { ...SMALL, architecture: mlp, optimizer: { kind: 'momentum', lr: 10, momentum: 0.9, weightDecay: 0 }, trainLimit: 640, epochs: 3 } });
    await h.send({ type: 'start' });
    await h.session.whenStopped();
    const error = h.last('error');
    expect(error?.message).toMatch(/^the loss became NaN at step \d+: training diverged\. Lower the learning rate and reset\.$/);
    expect(h.session.state).toBe('paused');
    expect(h.session.trainer!.done).toBe(false);
  });

  it('lists the buffers an event can transfer instead of copying', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    await h.send({ type: 'inspect', testIndex: 0 });
    const inspection = h.last('inspection')!;
    const buffers = transferables(inspection);
    expect(buffers).toContain(inspection.input.buffer);
    expect(buffers).toContain(inspection.layers[0].filters!.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(transferables({ type: 'status', state: 'idle' })).toEqual([]);
  });

  it('scores a fixed, evenly spread test sample every few seconds of training, before the epoch ends', async () => {
    // Each reading of this clock is one second later, so every batch "takes" a second or more.
    let clock = 0;
    const events: TrainerEvent[] = [];
    const session = new TrainerSession({
      post: (event) => events.push(structuredClone(event)),
      yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
      loadData: (dataset, split) => datasets.loadRaw(dataset, { split }),
      now: () => (clock += 1000),
    });
    await session.handle({ type: 'init', config: { ...SMALL, trainLimit: 1024, epochs: 1 } });
    await session.handle({ type: 'start' });
    await session.whenStopped();
    const samples = events.filter((e): e is EventOf<'subsetResult'> => e.type === 'subsetResult');
    const firstEval = events.findIndex((e) => e.type === 'evalResult');
    expect(samples.length).toBeGreaterThan(0);
    expect(events.indexOf(samples[0])).toBeLessThan(firstEval);
    for (const sample of samples) {
      expect(sample.count).toBe(200); // the whole 200-image test set: the sample is at most 500
      expect(sample.globalStep).toBeGreaterThan(0);
      expect(sample.globalStep).toBeLessThan(16);
      expect(sample.epoch).toBeCloseTo(sample.globalStep / 16, 12);
      expect(sample.testAcc).toBeGreaterThanOrEqual(0);
      expect(sample.testAcc).toBeLessThanOrEqual(1);
      expect(sample.id).toBeUndefined();
    }
    // Training moves on between two scorings: never two at the same step.
    const steps = samples.map((sample) => sample.globalStep);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('a test sample is every k-th test image, and is scored like the whole set', async () => {
    const h = harness();
    await h.send({ type: 'init', config: SMALL });
    await h.send({ type: 'step' });
    const trainer = h.session.trainer!;
    const sample = trainer.testSubset(50);
    expect(Array.from(sample)).toEqual(Array.from({ length: 50 }, (_, i) => 4 * i));
    expect(trainer.testSubset().length).toBe(200); // never more images than the set has
    const whole = trainer.evaluate();
    const run = trainer.evaluation(16, sample);
    let next = run.next();
    while (!next.done) next = run.next();
    const part = next.value;
    const wrongInSample = whole.misclassified.filter((m) => sample.includes(m.index));
    expect(part.count).toBe(50);
    expect(part.misclassified).toEqual(wrongInSample);
    expect(part.accuracy).toBeCloseTo(1 - wrongInSample.length / 50, 12);
    expect(part.confusion.flat().reduce((a, b) => a + b)).toBe(50);
  });
});
