/// <reference lib="webworker" />
/**
 * Lesson 10's kernel lab worker: filters the reader's picture with the engine's
 * `conv2d` off the page's thread, so a large photo never freezes the page. It keeps
 * the last picture it was sent and answers each `filter` request in turn.
 */
import { ready } from '../engine/index.ts';
import { applyKernel, inputPlanes } from '../training/kernel-lab/model.ts';
import type { Pixels } from '../training/kernel-lab/model.ts';
import type { KernelLabCommand, KernelLabMessage } from '../training/kernel-lab/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let picture: { imageId: number; pixels: Pixels } | null = null;
const engine = ready();

function post(message: KernelLabMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<KernelLabCommand>) => {
  const command = event.data;
  if (command.type === 'ping') {
    post({ type: 'pong' });
    return;
  }
  if (command.type === 'image') {
    picture = { imageId: command.imageId, pixels: { data: command.data, width: command.width, height: command.height } };
    return;
  }
  await engine;
  const { requestId, imageId, settings } = command;
  if (!picture || picture.imageId !== imageId) {
    post({ type: 'refused', requestId, imageId, message: 'no picture' });
    return;
  }
  const begin = performance.now();
  const planes = inputPlanes(picture.pixels, settings.mode);
  const result = applyKernel(picture.pixels, settings, planes);
  const ms = performance.now() - begin;
  if (!result.ok) {
    post({ type: 'refused', requestId, imageId, message: result.message });
    return;
  }
  post(
    { type: 'filtered', requestId, imageId, width: result.width, height: result.height, channels: result.channels, raw: result.raw, rgba: result.rgba, planes: planes.data, ms },
    [result.raw.buffer, result.rgba.buffer, planes.data.buffer],
  );
};
