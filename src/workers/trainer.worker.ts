/// <reference lib="webworker" />
/**
 * The trainer worker: serves the protocol of `src/training/protocol.ts` with a
 * {@link TrainerSession}, off the page's thread.
 *
 * Start it from a page with
 *   new Worker(new URL('../src/workers/trainer.worker.ts', import.meta.url), { type: 'module' })
 *
 * Two workers: where the machine has two or more cores, this worker starts a
 * helper (`trainer-helper.worker.ts`) and splits every batch with it
 * (src/training/parallel.ts), over shared memory when the page is
 * cross-origin isolated, else by passing buffers. A helper that cannot start
 * or dies leaves this worker training alone.
 *
 * Flags in the worker's name (set by the page from its URL, for tests and
 * measurements): `workers=1` trains on this worker only; `backend=fast` stays
 * on the `fast` backend, as a browser without WebAssembly SIMD would;
 * `transport=messages` passes buffers even where memory could be shared.
 *
 * Every failure the session can see becomes an `error` event; anything that
 * still escapes (an unhandled rejection, an error thrown outside a command) is
 * posted as an `error` event too before the browser reports it on the Worker.
 */
import { datasets, getBackend, ready } from '../engine/index.ts';
import { ParallelStepper, sharedMemoryAvailable } from '../training/parallel.ts';
import type { HelperCommand, HelperEvent, HelperLink } from '../training/parallel.ts';
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

/** `key=value` flags in the worker's name ("convlab-trainer workers=1 backend=fast"). */
const flags = new Map(
  (self.name ?? '')
    .split(/\s+/)
    .filter((part) => part.includes('='))
    .map((part) => part.split('=', 2) as [string, string]),
);

/** The helper worker behind the parallel protocol, or null where none can start. */
function startHelper(): ParallelStepper | null {
  if (flags.get('workers') === '1' || (navigator.hardwareConcurrency ?? 1) < 2 || typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./trainer-helper.worker.ts', import.meta.url), { type: 'module', name: 'convlab-trainer-helper' });
  } catch {
    return null;
  }
  const link: HelperLink = {
    onEvent: null,
    onFailure: null,
    post: (command: HelperCommand, transfer: Transferable[] = []) => worker.postMessage(command, transfer),
    end: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<HelperEvent>) => link.onEvent?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    link.onFailure?.(event.message || 'the helper worker failed to start');
  };
  worker.onmessageerror = () => link.onFailure?.('a message from the helper could not be read');
  // The helper is another thread, so the lead may block for its half (at most half a
  // second, so a pause or a dead helper is still seen soon).
  return new ParallelStepper(link, sharedMemoryAvailable() && flags.get('transport') !== 'messages' ? 'shared' : 'messages', { blockMs: 500 });
}

const helper = startHelper();

const session = new TrainerSession({
  ...(helper ? { helper } : {}),
  backend: () => getBackend().name,
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
// `backend=fast` skips it, to run the site as a browser without WebAssembly SIMD would.
const engineReady = flags.get('backend') === 'fast' ? Promise.resolve() : ready();

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
