// Vitest setup file, run before each test file in its own module graph: registers
// the wasm backend (without making it the default), so the tests that loop over
// `listBackends()` run on reference, fast and wasm alike. A runtime without
// WebAssembly SIMD would leave it out; Node 22+ has it, and backends.test.ts
// checks that it is there.
import { registerBackend } from '../../../src/engine/index.ts';
import { loadWasmKernels } from '../../../src/engine/backends/wasm.ts';

const kernels = await loadWasmKernels();
if (kernels) registerBackend(kernels);
