/**
 * The messages between lesson 10's kernel lab and its worker
 * (`src/workers/kernel-lab.worker.ts`). The page sends a picture once (`image`), then
 * a `filter` for every change of kernel or settings; the worker answers each filter
 * with the engine's output, or the engine's refusal, and how long the engine took.
 * Only the newest request matters: the page ignores answers to older ones.
 */
import type { LabSettings } from './model.ts';

export type KernelLabCommand =
  | { type: 'ping' }
  | { type: 'image'; imageId: number; data: Uint8ClampedArray; width: number; height: number }
  | { type: 'filter'; requestId: number; imageId: number; settings: LabSettings };

export type KernelLabMessage =
  | { type: 'pong' }
  | {
      type: 'filtered';
      requestId: number;
      imageId: number;
      width: number;
      height: number;
      channels: number;
      raw: Float32Array;
      rgba: Uint8ClampedArray;
      /** The input planes the kernel saw (3 colour or 1 luma), for the window's numbers. */
      planes: Float32Array;
      /** Milliseconds the worker spent (planes and convolution). */
      ms: number;
    }
  | { type: 'refused'; requestId: number; imageId: number; message: string };
