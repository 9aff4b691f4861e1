/// <reference lib="webworker" />
/**
 * Lesson 17's worker: trains the plain and residual networks of the degradation
 * experiment one after another off the page's thread and reports every curve
 * point. Stopping is the page's job: it terminates this worker.
 */
import { datasets, ready } from '../engine/index.ts';
import { makeRuns, parameterCount, shrinkImages } from '../training/degradation/experiment.ts';
import type { DegradationRequest, DegradationResponse } from '../training/degradation/messages.ts';

declare const self: DedicatedWorkerGlobalScope;

let training = false;

function post(message: DegradationResponse): void {
  self.postMessage(message);
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function train(request: Extract<DegradationRequest, { type: 'train' }>): Promise<void> {
  if (training) throw new Error('a training run is already in progress');
  training = true;
  try {
    const { options } = request;
    post({ type: 'loading' });
    await ready();
    const set = await datasets.mnist({ split: 'train', limit: options.trainCount, baseUrl: request.dataUrl });
    const from = set.shape[set.shape.length - 1];
    const data = { images: shrinkImages(set.images, set.count, from, options.size), labels: set.labels, count: set.count, size: options.size };
    const runs = makeRuns(options, data);
    post({
      type: 'started',
      params: runs.map((r) => ({ kind: r.kind, depth: r.depth, count: parameterCount(r.model) })),
      totalSteps: runs.length * options.steps,
    });
    let stepsDone = 0;
    for (const run of runs) {
      while (!run.done) {
        const point = run.step();
        stepsDone++;
        if (point) {
          post({ type: 'progress', curve: { ...run.curve, steps: [...run.curve.steps], loss: [...run.curve.loss] }, stepsDone });
          await pause();
        }
      }
    }
    post({ type: 'done' });
  } finally {
    training = false;
  }
}

self.onmessage = (event: MessageEvent<DegradationRequest>) => {
  const request = event.data;
  if (request.type === 'train') {
    train(request).catch((error) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  } else if (request.type === 'ping') {
    post({ type: 'pong' });
  }
};

post({ type: 'ready' });
