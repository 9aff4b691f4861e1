/// <reference lib="webworker" />
/**
 * Lesson 1's training worker: runs {@link XoExperiment} off the page's thread so
 * the page stays responsive, reports every step, and keeps the trained networks
 * to classify the reader's drawings afterwards.
 *
 * Cancelling is the page's job: it terminates this worker and starts a new one.
 */
import { XoExperiment } from '../training/xo/experiment.ts';
import type { XoWorkerRequest, XoWorkerResponse } from '../training/xo/messages.ts';

declare const self: DedicatedWorkerGlobalScope;

let experiment: XoExperiment | null = null;
/** Whether a run is in progress; a second 'train' while one runs is refused. */
let training = false;

function post(message: XoWorkerResponse): void {
  self.postMessage(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lets the event loop breathe, so queued messages and timers get their turn. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function train(request: Extract<XoWorkerRequest, { type: 'train' }>): Promise<void> {
  if (training) throw new Error('a training run is already in progress');
  training = true;
  try {
    const run = new XoExperiment(request.options);
    experiment = null;
    post({ type: 'started', params: run.parameterCounts(), steps: run.options.steps });
    let computeMs = 0;
    while (!run.done) {
      const begin = performance.now();
      const progress = run.step();
      const spent = performance.now() - begin;
      computeMs += spent;
      post({ type: 'progress', progress });
      await pause(Math.max(0, request.paceMs - spent));
    }
    const begin = performance.now();
    const result = run.finish();
    computeMs += performance.now() - begin;
    experiment = run;
    post({ type: 'done', result, computeMs });
  } finally {
    training = false;
  }
}

self.onmessage = (event: MessageEvent<XoWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'train') {
    train(request).catch((error) => post({ type: 'error', message: describe(error) }));
  } else if (request.type === 'ping') {
    post({ type: 'pong' });
  } else if (request.type === 'classify') {
    try {
      if (!experiment) throw new Error('no trained networks yet: train them first');
      post({ type: 'classified', id: request.id, probabilities: experiment.classify(request.picture) });
    } catch (error) {
      post({ type: 'error', message: describe(error) });
    }
  } else {
    post({ type: 'error', message: `unknown request ${JSON.stringify((request as { type?: unknown }).type)}` });
  }
};

post({ type: 'ready' });
