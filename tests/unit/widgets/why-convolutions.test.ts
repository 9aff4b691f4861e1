/**
 * Lesson 1's widget logic that runs without a browser: the link format for seed
 * and drawing, and the worker client's handling of every way a run can fail
 * (driven by a fake worker, so each failure is produced on purpose).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodePicture, encodePicture, readUrlState } from '../../../components/widgets/why-convolutions/url-state.ts';
import { SILENCE_LIMIT_MS, XoClient as TrainerClient } from '../../../components/widgets/why-convolutions/xo-client.ts';
import type { XoFailure as TrainerFailure } from '../../../components/widgets/why-convolutions/xo-client.ts';
import type { XoWorkerRequest, XoWorkerResponse } from '../../../src/training/xo/messages.ts';
import { datasets } from '../../../src/engine/index.ts';

describe('url-state', () => {
  it('packs a 9x9 picture into 21 hex digits and back', () => {
    const x = datasets.xo({ count: 1 }).images;
    const text = encodePicture(x);
    expect(text).toMatch(/^[0-9a-f]{21}$/);
    expect(Array.from(decodePicture(text, 81)!)).toEqual(Array.from(x));
    // First pixel in the highest bit: only pixel 0 inked is "8000...".
    const one = new Float32Array(81).fill(-1);
    one[0] = 1;
    expect(encodePicture(one)).toBe('8' + '0'.repeat(20));
  });

  it('reads a valid seed and drawing', () => {
    const state = readUrlState('?seed=42&draw=00000000000000000000f', 81);
    expect(state.seed).toBe(42);
    expect(state.rejected).toEqual([]);
    expect(Array.from(state.drawing!).filter((v) => v > 0)).toHaveLength(1);
  });

  it('falls back to defaults and names every key it rejected', () => {
    for (const [query, rejected] of [
      ['?seed=banana', ['seed']],
      ['?seed=-3', ['seed']],
      ['?seed=1.5', ['seed']],
      ['?seed=', ['seed']],
      ['?seed=1000000', ['seed']],
      ['?draw=xyz', ['draw']],
      ['?draw=' + '0'.repeat(22), ['draw']],
      ['?seed=x&draw=y', ['seed', 'draw']],
    ] as const) {
      const state = readUrlState(query, 81);
      expect(state.rejected, query).toEqual(rejected);
      if (rejected.includes('seed' as never)) expect(state.seed).toBe(1);
      if (rejected.includes('draw' as never)) expect(state.drawing).toBeNull();
    }
    expect(readUrlState('', 81)).toEqual({ seed: 1, drawing: null, rejected: [] });
  });
});

/** A stand-in for the Web Worker: records requests, and lets the test answer or fail. */
class FakeWorker {
  onmessage: ((event: MessageEvent<XoWorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: XoWorkerRequest[] = [];
  terminated = false;

  postMessage(request: XoWorkerRequest): void {
    this.posted.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: XoWorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<XoWorkerResponse>);
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

describe('TrainerClient', () => {
  let workers: FakeWorker[];
  let messages: XoWorkerResponse[];
  let failures: TrainerFailure[];
  let client: TrainerClient;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    messages = [];
    failures = [];
    client = new TrainerClient(
      { onMessage: (m) => messages.push(m), onFailure: (f) => failures.push(f) },
      () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a fresh worker per run and asks it to train', () => {
    client.train({ seed: 3 }, 0);
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toEqual([{ type: 'train', options: { seed: 3 }, paceMs: 0 }]);
    client.train({ seed: 4 }, 12);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('forwards progress and, once done, classification requests', () => {
    client.train({ seed: 1 }, 0);
    const w = workers[0];
    expect(client.classify(new Float32Array(81))).toBeNull(); // still training
    w.reply({ type: 'started', params: { mlp: 1, cnn: 2 }, steps: 2 });
    w.reply({ type: 'done', result: {} as never, computeMs: 5 });
    const id = client.classify(new Float32Array(81));
    expect(id).toBe(1);
    expect(w.posted[1]).toMatchObject({ type: 'classify', id: 1 });
    expect(messages.map((m) => m.type)).toEqual(['started', 'done']);
    // No watchdog after a finished run: the worker may idle forever.
    vi.advanceTimersByTime(SILENCE_LIMIT_MS * 2);
    expect(failures).toEqual([]);
  });

  it('turns a worker that fails to load into a "start" failure and ends it', () => {
    client.train({}, 0);
    workers[0].crash('Uncaught SyntaxError: bad');
    expect(failures).toEqual([{ kind: 'start', detail: 'Uncaught SyntaxError: bad' }]);
    expect(workers[0].terminated).toBe(true);
  });

  it('turns an error reported by the worker into a "crash" failure', () => {
    client.train({}, 0);
    workers[0].reply({ type: 'error', message: 'crossEntropy: boom' });
    expect(failures).toEqual([{ kind: 'crash', detail: 'crossEntropy: boom' }]);
    expect(messages).toEqual([]);
  });

  it('gives up on a silent worker after the time limit', () => {
    client.train({}, 0);
    workers[0].reply({ type: 'progress', progress: {} as never });
    vi.advanceTimersByTime(SILENCE_LIMIT_MS - 1);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(failures).toEqual([{ kind: 'silence' }]);
    expect(workers[0].terminated).toBe(true);
  });

  it('reports a worker that cannot even be constructed', () => {
    const broken = new TrainerClient(
      { onMessage: () => {}, onFailure: (f) => failures.push(f) },
      () => {
        throw new Error('Workers are disabled');
      },
    );
    broken.train({}, 0);
    expect(failures).toEqual([{ kind: 'start', detail: 'Workers are disabled' }]);
  });

  it('ignores a cancelled worker’s late messages', () => {
    client.train({}, 0);
    const old = workers[0];
    client.stop();
    old.reply({ type: 'progress', progress: {} as never });
    old.crash('late');
    expect(messages).toEqual([]);
    expect(failures).toEqual([]);
  });
});
