/**
 * The page's end of the exercise-check worker: one worker for the whole page,
 * started on the first slow check, and a promise per check. Progress goes to the
 * caller; a worker that fails rejects the checks it was running, and the next
 * check starts a fresh worker.
 */
import type { AnyExercise, CheckResult } from '../../src/exercises/index.ts';
import type { CheckCommand, CheckMessage } from '../../src/exercises/check-protocol.ts';
import { WorkerClient } from '../kit/worker-client.ts';

/** How far a slow check has got. */
export type CheckProgress = { stage: 'data'; loaded: number; total: number } | { stage: 'check' };

interface Pending {
  resolve: (result: CheckResult) => void;
  reject: (error: Error) => void;
  onProgress: (progress: CheckProgress) => void;
}

let client: WorkerClient<CheckCommand, CheckMessage> | null = null;
let nextRequest = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const [request, p] of pending) {
    pending.delete(request);
    p.reject(new Error(message));
  }
}

function workerClient(): WorkerClient<CheckCommand, CheckMessage> {
  client ??= new WorkerClient<CheckCommand, CheckMessage>({
    create: () => new Worker(new URL('../../src/workers/exercise-check.worker.ts', import.meta.url), { type: 'module', name: 'convlab-exercise-check' }),
    ping: { type: 'ping' },
    isPong: (m) => m.type === 'pong',
    onFailure: (failure) => failAll(failure.detail ?? failure.kind),
    onMessage: (m) => {
      if (m.type === 'pong') return;
      const p = pending.get(m.request);
      if (!p) return;
      if (m.type === 'progress') p.onProgress(m.stage === 'data' ? { stage: 'data', loaded: m.loaded, total: m.total } : { stage: 'check' });
      else {
        pending.delete(m.request);
        if (m.type === 'result') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
      if (pending.size === 0) client?.watch(false);
    },
  });
  return client;
}

/** Where the site's data files are, from the page's base path. */
function dataUrl(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}data/`;
}

/** Checks `typed` in the worker. Rejects only when the worker itself fails. */
export function checkInWorker(exercise: AnyExercise, params: unknown, typed: string, onProgress: (progress: CheckProgress) => void): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const request = nextRequest++;
    pending.set(request, { resolve, reject, onProgress });
    try {
      const c = workerClient();
      c.post({ type: 'check', request, id: exercise.id, version: exercise.version, params, typed, dataUrl: dataUrl() });
      c.watch(true);
    } catch (error) {
      pending.delete(request);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
