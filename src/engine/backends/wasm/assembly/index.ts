/**
 * ConvLab's WebAssembly kernels (AssemblyScript, compiled by scripts/build-wasm.mjs
 * with SIMD, and again with relaxed SIMD for its fused multiply-add). The
 * JavaScript side is src/engine/backends/wasm.ts: it copies a call's inputs
 * into this module's memory, calls one of these, and copies the result out.
 *
 * Every pointer is a byte offset into the module's memory; no function here
 * allocates anything that outlives the call (see memory.ts).
 */
export { reset, alloc } from './memory';
export { gemm } from './blas';
export { convForward, convBackwardInput, convBackwardWeight, setConvPath } from './conv';
export { maxPoolForward } from './pool';
export { tanhForward } from './activations';
