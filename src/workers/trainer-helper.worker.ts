/// <reference lib="webworker" />
/**
 * The trainer's helper: the second of two data-parallel workers. The trainer
 * worker starts it and sends it the run's config and training set, then half
 * of every batch; it answers with that half's gradients (src/training/parallel.ts).
 * It never steps an optimiser: the weights it uses arrive with each half batch.
 */
import { getBackend, listBackends, ready, setBackend } from '../engine/index.ts';
import { HelperServer } from '../training/parallel.ts';
import type { HelperCommand, HelperEvent } from '../training/parallel.ts';

declare const self: DedicatedWorkerGlobalScope;

const server = new HelperServer({
  post: (event: HelperEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer),
  // The lead's backend, so both halves run the same kernels ('fast' when the lead was told to skip WebAssembly).
  useBackend: async (name) => {
    if (name !== 'fast' && name !== 'reference') await ready();
    if (listBackends().includes(name)) setBackend(name);
    return getBackend().name;
  },
  // A thread of its own: between half batches it blocks on the shared counter for the next
  // one, for up to 20 ms (a step of LeNet-5 takes a few), then goes back to its messages.
  waitMs: 20,
});

self.onmessage = (event: MessageEvent<HelperCommand>) => {
  void server.handle(event.data);
};
