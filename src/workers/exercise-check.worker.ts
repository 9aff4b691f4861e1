/// <reference lib="webworker" />
/**
 * Checks an exercise answer off the page's thread, for checks that take a while
 * (protocol: src/exercises/check-protocol.ts). A weights file is scored on the
 * MNIST test set, which this worker loads once with progress and keeps; the
 * answer itself goes through the framework's `checkAnswer`, exactly as in a
 * regrade.
 */
import { datasets } from '../engine/index.ts';
import type { RawImageSet } from '../engine/datasets/format.ts';
import type { CheckCommand, CheckMessage } from '../exercises/check-protocol.ts';
import { checkAnswer, getExercise } from '../exercises/registry.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(message: CheckMessage): void {
  self.postMessage(message);
}

let mnistTest: Promise<RawImageSet> | null = null;

async function check(command: Extract<CheckCommand, { type: 'check' }>): Promise<void> {
  const { request } = command;
  const exercise = getExercise(command.id, command.version);
  if (!exercise) {
    post({ type: 'error', request, message: `exercise ${command.id} version ${command.version} is not on this site` });
    return;
  }
  let context = {};
  // Only an answer that is a file at all needs the test set; anything else is
  // judged (and refused) without a 10 MB download.
  if (exercise.kind === 'train-to-target' && command.typed.startsWith('data:')) {
    if (!mnistTest) {
      mnistTest = datasets.loadRaw('mnist', {
        split: 'test',
        baseUrl: command.dataUrl,
        onProgress: ({ loaded, total }) => post({ type: 'progress', request, stage: 'data', loaded, total }),
      });
      mnistTest.catch(() => {
        mnistTest = null; // let the next check try again
      });
    }
    try {
      context = { mnistTest: await mnistTest };
    } catch (error) {
      post({ type: 'error', request, message: `the MNIST test set could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
  }
  post({ type: 'progress', request, stage: 'check' });
  post({ type: 'result', request, result: await checkAnswer(exercise, command.params, command.typed, context) });
}

self.onmessage = (event: MessageEvent<CheckCommand>) => {
  const command = event.data;
  if (command.type === 'ping') post({ type: 'pong' });
  else if (command.type === 'check') {
    check(command).catch((error) => post({ type: 'error', request: command.request, message: error instanceof Error ? error.message : String(error) }));
  }
};
