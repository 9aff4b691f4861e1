// The trainer's helper on a Node worker thread, for parallel.test.ts: what
// src/workers/trainer-helper.worker.ts does in a browser, over worker_threads' port.
import { parentPort } from 'node:worker_threads';
import { getBackend, listBackends, ready, setBackend } from '../../../src/engine/index.ts';
import { HelperServer } from '../../../src/training/parallel.ts';
import type { HelperCommand, HelperEvent } from '../../../src/training/parallel.ts';

const port = parentPort!;
const server = new HelperServer({
  post: (event: HelperEvent, transfer: Transferable[] = []) => port.postMessage(event, transfer as never),
  useBackend: async (name) => {
    if (name !== 'fast' && name !== 'reference') await ready();
    if (listBackends().includes(name)) setBackend(name);
    return getBackend().name;
  },
  // Long enough that a busy machine cannot make a half batch miss the counter (the test counts them).
  waitMs: 2000,
});
port.on('message', (command: HelperCommand) => void server.handle(command));
