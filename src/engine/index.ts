/**
 * ConvLab's tensor engine: PyTorch's semantics, in TypeScript, with no runtime
 * dependencies. Runs unchanged in a browser, a Web Worker and Node.
 *
 * The surface mirrors torch / torch.nn.functional / torch.nn / torch.optim.
 * Everything exported here is listed in CONTRACT.md (beside this file), with the
 * few places where the engine differs from PyTorch.
 */
import { registerBackend, setBackend } from './backend.ts';
import { referenceKernels } from './backends/reference.ts';
import { fastKernels } from './backends/fast.ts';
import { loadWasmKernels } from './backends/wasm.ts';

// The readable loops come first so a plain import is always runnable; the fast
// backend becomes the default because it is tested against the very same suite.
registerBackend(referenceKernels);
registerBackend(fastKernels);
setBackend('fast');

let readying: Promise<void> | null = null;

/**
 * Resolves once the fastest backend this runtime has is active: `wasm`
 * (WebAssembly SIMD: every current browser, Web Workers and Node) or, without
 * WebAssembly SIMD, `fast`. Code that never awaits it runs on `fast`. Call it
 * before heavy work (a trainer does, first thing); calling it again is free.
 *
 * It never rejects: if the kernels cannot be loaded the engine stays on `fast`
 * and says why on the console.
 *
 * @example await ready(); // then train as usual
 */
export function ready(): Promise<void> {
  readying ??= loadWasmKernels().then(
    (kernels) => {
      if (!kernels) return;
      registerBackend(kernels);
      setBackend(kernels.name);
    },
    (error: unknown) => {
      console.warn(`ConvLab engine: staying on the 'fast' backend (${error instanceof Error ? error.message : String(error)})`);
    },
  );
  return readying;
}

export * from './tensor.ts';
export { Random, manualSeed } from './random.ts';
export { ArrayPool, lastingArrays } from './storage.ts';
export * from './backend.ts';
export * from './ops/elementwise.ts';
export * from './ops/reduce.ts';
export * from './ops/matmul.ts';
export * from './ops/conv2d.ts';
export * from './ops/pad.ts';
export * from './ops/maxPool2d.ts';
export * from './ops/avgPool2d.ts';
export * from './ops/adaptiveAvgPool2d.ts';
export * from './ops/linear.ts';
export * from './ops/flatten.ts';
export * from './ops/activations.ts';
export * from './ops/softmax.ts';
export * from './ops/batchNorm.ts';
export * from './ops/localResponseNorm.ts';
export * from './ops/dropout.ts';
export * from './ops/losses.ts';
export * from './shapes.ts';
export * as nn from './nn/index.ts';
export * as optim from './optim.ts';
export * as models from './models/index.ts';
export { summary, formatSummary } from './summary.ts';
export type { ModelSummary } from './summary.ts';
export * as datasets from './datasets/index.ts';
