/// <reference lib="webworker" />
/**
 * The instructor's regrade, off the page's thread (protocol:
 * src/exercises/regrade-protocol.ts). It decodes the link, reads the roster and
 * hands everything to the framework's `regrade`, exactly what `npm run grade`
 * runs. The MNIST test set is loaded only when the assignment has an exercise
 * that is checked on it.
 */
import { datasets } from '../engine/index.ts';
import type { RawImageSet } from '../engine/datasets/format.ts';
import { decodeAssignment, getExercise, parseRoster, regrade } from '../exercises/index.ts';
import type { CheckContext } from '../exercises/index.ts';
import { needsTestSet } from '../exercises/regrade-protocol.ts';
import type { RegradeCommand, RegradeMessage } from '../exercises/regrade-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(message: RegradeMessage): void {
  self.postMessage(message);
}

let mnistTest: Promise<RawImageSet> | null = null;

async function run(command: Extract<RegradeCommand, { type: 'regrade' }>): Promise<void> {
  const { request } = command;
  const decoded = decodeAssignment(command.link);
  if (!decoded.ok) {
    post({ type: 'failed', request, message: decoded.error.message });
    return;
  }
  const roster = parseRoster(command.roster.text);
  if (!roster.ok) {
    post({ type: 'failed', request, message: { en: `${command.roster.name}: ${roster.error.en}`, ko: `${command.roster.name}: ${roster.error.ko}` } });
    return;
  }
  const assignment = decoded.assignment;
  let context: CheckContext = {};
  const kinds = assignment.exercises.map((e) => getExercise(e.id, e.version)?.kind ?? '');
  if (needsTestSet(kinds)) {
    mnistTest ??= datasets.loadRaw('mnist', {
      split: 'test',
      baseUrl: command.dataUrl,
      onProgress: ({ loaded, total }) => post({ type: 'progress', request, stage: 'data', loaded, total }),
    });
    try {
      context = { mnistTest: await mnistTest };
    } catch (error) {
      mnistTest = null; // the next regrade tries again
      const reason = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', request, message: { en: `The MNIST test set, needed to check weights files, could not be loaded: ${reason}`, ko: `가중치 파일을 채점하는 데 필요한 MNIST 테스트 세트를 불러오지 못했습니다: ${reason}` } });
      return;
    }
  }
  const result = await regrade(assignment, roster.roster, command.files, {
    context,
    onProgress: (done, total) => post({ type: 'progress', request, stage: 'grade', done, total }),
  });
  post({ type: 'done', request, result });
}

self.onmessage = (event: MessageEvent<RegradeCommand>) => {
  const command = event.data;
  if (command.type === 'ping') {
    post({ type: 'pong' });
    return;
  }
  if (command.type === 'regrade') {
    run(command).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', request: command.request, message: { en: `Grading stopped: ${reason}`, ko: `채점이 멈췄습니다: ${reason}` } });
    });
  }
};
