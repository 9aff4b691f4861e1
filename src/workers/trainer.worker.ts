/// <reference lib="webworker" />
/**
 * The trainer worker: serves the protocol of `src/training/protocol.ts` with a
 * {@link TrainerSession}, off the page's thread.
 *
 * Start it from a page with
 *   new Worker(new URL('../src/workers/trainer.worker.ts', import.meta.url), { type: 'module' })
 *
 * Every failure the session can see becomes an `error` event; anything that
 * still escapes (an unhandled rejection, an error thrown outside a command) is
 * posted as an `error` event too before the browser reports it on the Worker.
 */
import { datasets, ready } from '../engine/index.ts';
import { TrainerSession } from '../training/session.ts';
import { transferables } from '../training/protocol.ts';
import type { TrainerCommand, TrainerEvent } from '../training/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(event: TrainerEvent): void {
  // The buffers inside an event are never used again here, so they move instead of being copied.
  self.postMessage(event, transferables(event));
}

/**
 * A macrotask that runs as soon as the queue allows: a message to ourselves
 * through a MessageChannel (unlike setTimeout, never clamped to 4 ms), so the
 * page's commands get in between two batches at almost no cost.
 */
function messageYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

const session = new TrainerSession({
  post,
  yieldToMessages: messageYield(),
  loadData: (dataset, split, onProgress, dataUrl) =>
    datasets.loadRaw(dataset, {
      split,
      ...(dataUrl !== undefined ? { baseUrl: dataUrl } : {}),
      onProgress: ({ loaded, total }) => onProgress(loaded, total),
    }),
});

// The fastest kernels this browser has (WebAssembly SIMD) before the first command is served.
const engineReady = ready();

self.onmessage = (event: MessageEvent<TrainerCommand>) => {
  void engineReady.then(() => session.handle(event.data));
};

self.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  post({ type: 'error', message: reason instanceof Error ? reason.message : String(reason) });
});

self.addEventListener('error', (event) => {
  post({ type: 'error', message: event.message || 'the trainer worker failed' });
});

post({ type: 'status', state: 'empty' });
