/**
 * The page's end of the trainer, against the real trainer session in Node
 * (a fake Worker hands messages to `TrainerSession.handle` and back, through
 * structured cloning like a real one): answers are matched to their commands,
 * refusals reject with the trainer's message and change nothing, and a crash
 * rejects what was pending, reports once and leaves a client that restarts.
 */
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import { TrainerSession } from '../../../src/training/session.ts';
import { memoryRecords, createModelStore } from '../../../src/training/store.ts';
import type { TrainerEvent } from '../../../src/workers/trainer-protocol.ts';
import { TrainerClient, TrainerGoneError, TrainerRequestError } from '../../../components/widgets/training/trainer-client.ts';
import type { WorkerLike } from '../../../components/widgets/training/trainer-client.ts';
import { defaultSettings, toTrainConfig } from '../../../components/widgets/training/settings.ts';

/** A Worker stand-in that runs a TrainerSession in this thread. */
class SessionWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly session = new TrainerSession({
    post: (event: TrainerEvent) => {
      const copy = structuredClone(event);
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent);
      }, 0);
    },
    yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
    loadData: (dataset, split, onProgress) => datasets.loadRaw(dataset, { split, onProgress: ({ loaded, total }) => onProgress(loaded, total) }),
  });

  postMessage(message: unknown): void {
    void this.session.handle(structuredClone(message) as never);
  }

  terminate(): void {
    this.terminated = true;
    void this.session.handle({ type: 'pause' });
  }

  /** What a real Worker does when its script throws. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const config = { ...toTrainConfig(defaultSettings('lenet-5')), trainLimit: 256, testLimit: 200, batchSize: 32 };

function setup() {
  const workers: SessionWorker[] = [];
  const events: TrainerEvent[] = [];
  const crashes: (string | undefined)[] = [];
  const client = new TrainerClient(
    { onEvent: (e) => events.push(e), onCrash: (d) => crashes.push(d) },
    () => {
      const w = new SessionWorker();
      workers.push(w);
      return w;
    },
  );
  return { client, workers, events, crashes };
}

describe('TrainerClient with the real session', () => {
  it('answers init, step, inspect, classify and export with their own events', async () => {
    const { client, events } = setup();
    const ready = await client.request({ type: 'init', config });
    expect(ready.type).toBe('ready');
    if (ready.type !== 'ready') return;
    expect(ready.totalParams).toBe(61706);
    expect(ready.stepsPerEpoch).toBe(8);

    const stepped = await client.request({ type: 'step' });
    expect(stepped).toMatchObject({ type: 'status', state: 'paused' });
    expect(events.some((e) => e.type === 'progress' && e.globalStep === 1)).toBe(true);

    const inspection = await client.request({ type: 'inspect', testIndex: 3 });
    expect(inspection.type).toBe('inspection');
    if (inspection.type === 'inspection') {
      expect(inspection.testIndex).toBe(3);
      const arch = config.architecture.kind === 'lenet5' ? config.architecture : null;
      const pool = arch?.pooling === 'max' ? 'MaxPool2d' : 'AvgPool2d';
      const act = arch?.activation === 'relu' ? 'ReLU' : 'Tanh';
      expect(inspection.layers.map((l) => l.type)).toEqual(['Conv2d', act, pool, 'Conv2d', act, pool, 'Flatten', 'Linear', act, 'Linear', act, 'Linear']);
      expect(inspection.layers[0].filterShape).toEqual([6, 1, 5, 5]);
    }

    const classification = await client.request({ type: 'classify', pixels: new Float32Array(784).fill(0.5) });
    expect(classification.type).toBe('classification');

    const weights = await client.request({ type: 'exportWeights' });
    expect(weights.type).toBe('weights');
    if (weights.type === 'weights') {
      // What the dashboard keeps in IndexedDB: the store accepts the file as it comes.
      const store = createModelStore(memoryRecords());
      const info = await store.save('my LeNet', weights.bytes);
      expect(info).toMatchObject({ name: 'my LeNet', dataset: 'mnist', architecture: { kind: 'lenet5' } });
      // Loading it back answers with a ready event carrying the saved step.
      const loaded = await client.request({ type: 'importWeights', bytes: await store.load(info.id) });
      expect(loaded).toMatchObject({ type: 'ready', step: 1 });
    }
    client.dispose();
  });

  it('a corrupt weights file is refused with the trainer’s reason and changes nothing', async () => {
    const { client, workers } = setup();
    await client.request({ type: 'init', config });
    await client.request({ type: 'step' });
    const before = workers[0].session.trainer!;
    const junk = new TextEncoder().encode('this is not a weights file at all, just text');
    const refused = client.request({ type: 'importWeights', bytes: junk });
    await expect(refused).rejects.toBeInstanceOf(TrainerRequestError);
    await expect(refused).rejects.toThrow(/CLWT|weights file/i);
    expect(workers[0].session.trainer).toBe(before);
    expect(before.globalStep).toBe(1);
    client.dispose();
  });

  it('a broken stack is refused naming the layer', async () => {
    const { client } = setup();
    const broken = { ...config, architecture: { kind: 'stack' as const, layers: [{ type: 'linear' as const, outFeatures: 10 }] } };
    const error = await client.request({ type: 'init', config: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainerRequestError);
    expect((error as TrainerRequestError).event).toMatchObject({ command: 'init', layerIndex: 0, layerType: 'linear' });
    client.dispose();
  });

  it('a crash rejects pending requests, reports once, and the next request starts a fresh worker', async () => {
    const { client, workers, crashes } = setup();
    const pending = client.request({ type: 'init', config });
    workers[0].crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(TrainerGoneError);
    expect(crashes).toEqual(['out of memory']);
    expect(workers[0].terminated).toBe(true);
    expect(client.alive).toBe(false);
    const ready = await client.request({ type: 'init', config });
    expect(ready.type).toBe('ready');
    expect(workers).toHaveLength(2);
    // Messages from the dead worker are ignored.
    workers[0].onmessage?.({ data: { type: 'status', state: 'running' } } as MessageEvent);
    client.dispose();
    expect(workers[1].terminated).toBe(true);
  });
});
