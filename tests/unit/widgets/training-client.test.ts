/**
 * The page's end of the trainer, against the real trainer session in Node
 * (a fake Worker hands messages to `TrainerSession.handle` and back, through
 * structured cloning like a real one): answers are matched to their commands,
 * refusals reject with the trainer's message and change nothing, and a crash
 * rejects what was pending, reports once and leaves a client that restarts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import { TrainerSession } from '../../../src/training/session.ts';
import { memoryRecords, createModelStore } from '../../../src/training/store.ts';
import type { TrainerEvent } from '../../../src/training/protocol.ts';
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

/** A worker whose replies the test controls: it records what it was sent and answers pings only while `answering`. */
class ScriptedWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  sent: { type: string }[] = [];
  answering = true;
  terminated = false;

  postMessage(message: unknown): void {
    const command = message as { type: string };
    this.sent.push(command);
    if (command.type === 'ping' && this.answering) this.reply({ type: 'pong' });
  }

  reply(event: TrainerEvent): void {
    this.onmessage?.({ data: event } as MessageEvent);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('TrainerClient: a silent worker', () => {
  const watch = { pingMs: 5_000, silentMs: 30_000, checkMs: 1_000 };

  function watched() {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const worker = new ScriptedWorker();
    const silence: boolean[] = [];
    const events: TrainerEvent[] = [];
    const crashes: (string | undefined)[] = [];
    const client = new TrainerClient(
      { onEvent: (e) => events.push(e), onCrash: (d) => crashes.push(d), onSilence: (s) => silence.push(s) },
      () => worker,
      watch,
    );
    client.send({ type: 'pause' }); // no worker yet: nothing happens
    void client.request({ type: 'evaluate' }).catch(() => {}); // starts the worker; never answered here
    const pings = () => worker.sent.filter((c) => c.type === 'ping').length;
    return { client, worker, silence, events, crashes, pings };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('pings a quiet worker; one that answers is never called silent, and pongs stay inside the client', () => {
    const w = watched();
    vi.advanceTimersByTime(4_000);
    expect(w.pings()).toBe(0); // heard from recently enough (it was just started)
    vi.advanceTimersByTime(2_000);
    expect(w.pings()).toBe(1);
    vi.advanceTimersByTime(120_000);
    expect(w.pings()).toBeGreaterThanOrEqual(20);
    expect(w.silence).toEqual([]);
    expect(w.events).toEqual([]); // the pongs were not passed on
    w.client.dispose();
  });

  it('a worker busy in a batch is not pinged while it keeps reporting progress', () => {
    const w = watched();
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(1_000);
      w.worker.reply({ type: 'status', state: 'running' });
    }
    expect(w.pings()).toBe(0);
    w.client.dispose();
  });

  it('an unanswered ping is reported once after silentMs, cleared when the worker speaks, and the worker is not ended', () => {
    const w = watched();
    w.worker.answering = false;
    vi.advanceTimersByTime(5_000); // the ping goes out
    expect(w.pings()).toBe(1);
    vi.advanceTimersByTime(29_000);
    expect(w.silence).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(w.silence).toEqual([true]);
    vi.advanceTimersByTime(60_000);
    expect(w.silence).toEqual([true]); // once, not at every check
    expect(w.pings()).toBe(1); // no ping storm at a busy worker
    expect(w.worker.terminated).toBe(false);
    expect(w.crashes).toEqual([]);

    // The long batch ends: the worker speaks, and the notice goes.
    w.worker.reply({ type: 'status', state: 'paused' });
    expect(w.silence).toEqual([true, false]);
    w.client.dispose();
  });

  it('restarting a silent worker clears the notice and ends the old worker', () => {
    const w = watched();
    w.worker.answering = false;
    vi.advanceTimersByTime(40_000);
    expect(w.silence).toEqual([true]);
    w.client.restart();
    expect(w.silence).toEqual([true, false]);
    expect(w.worker.terminated).toBe(true);
    vi.advanceTimersByTime(60_000); // no worker, no watch
    expect(w.silence).toEqual([true, false]);
  });
});
