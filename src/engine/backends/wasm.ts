/**
 * The wasm backend: the hot loops in WebAssembly with 128-bit SIMD, four
 * float32 lanes per instruction (the kernels are AssemblyScript, in
 * ./wasm/assembly/; scripts/build-wasm.mjs compiles them into ./wasm/build/).
 *
 * Tensors live in JavaScript, so each call copies its inputs into the
 * module's memory and its result out again. The copies are linear in the data
 * while a convolution does K multiply-adds per output (K = 25 to 576 here), so
 * they cost a few percent of a training step; scratch (packed weights,
 * patches, padded images) never leaves the module. The module's memory is one
 * arena reset at the start of every call (see assembly/memory.ts): it grows
 * to the largest call and then stays that size, however long training runs.
 *
 * Loading is asynchronous (a .wasm must be fetched and compiled), so this
 * backend is registered by `ready()` (engine/index.ts), not at import. The
 * module comes in two builds and the runtime gets the best one it validates:
 * relaxed SIMD (fused multiply-add), else plain SIMD, else none (the engine
 * stays on `fast`).
 */
import type { AvgPoolGeometry, ConvGeometry, Kernels, PoolGeometry } from '../backend.ts';
import { avgPool2dForwardLoops, avgPool2dBackwardLoops } from '../ops/avgPool2d.ts';
import { maxPool2dBackwardLoops } from '../ops/maxPool2d.ts';
import { tanhBackwardLoops } from '../ops/activations.ts';
import { emptyFloats, ints } from '../storage.ts';

/** What the compiled module exports (pointers are byte offsets into `memory`; booleans are 0 / 1). */
interface WasmExports {
  memory: WebAssembly.Memory;
  reset(): void;
  alloc(bytes: number): number;
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number, accumulate: number): void;
  convForward(x: number, weight: number, bias: number, out: number, geometry: number): void;
  convBackwardInput(gradOut: number, weight: number, gradIn: number, geometry: number): void;
  convBackwardWeight(gradOut: number, x: number, gradWeight: number, geometry: number): void;
  maxPoolForward(x: number, out: number, indices: number, geometry: number): void;
  tanhForward(x: number, y: number, n: number): void;
  /** For the kernel bench: 0 chooses the convolution path by shape, 1 forces direct, 2 im2col / col2im, 3 forward by channel. */
  setConvPath(path: number): void;
}

/** Which build runs: 'relaxed' (relaxed SIMD: fused multiply-add) or 'simd'. */
export type WasmVariant = 'relaxed' | 'simd';

// ---------------------------------------------------------------------------
// Feature detection: two tiny modules, one function each, that only validate
// where the feature exists.

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** Type section: one function type () -> v128; function section: one function of that type. */
const SIGNATURE = [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00];
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** `v128.const 0` returned: valid wherever 128-bit SIMD is. */
const SIMD_PROBE = new Uint8Array([...HEADER, ...SIGNATURE, 0x0a, 0x16, 0x01, 0x14, 0x00, ...V128_ZERO, 0x0b]);
/** `f32x4.relaxed_madd` of three zero vectors: valid wherever relaxed SIMD is. */
const RELAXED_PROBE = new Uint8Array([
  ...HEADER, ...SIGNATURE, 0x0a, 0x3d, 0x01, 0x3b, 0x00, ...V128_ZERO, ...V128_ZERO, ...V128_ZERO, 0xfd, 0x85, 0x02, 0x0b,
]);

/** The best build this runtime can run, or null without WebAssembly SIMD. */
export function wasmVariant(): WasmVariant | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return null;
  try {
    if (!WebAssembly.validate(SIMD_PROBE)) return null;
    return WebAssembly.validate(RELAXED_PROBE) ? 'relaxed' : 'simd';
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Loading

/**
 * Where each build is. Written as literal `new URL(..., import.meta.url)` so
 * that Vite emits the file as an asset of whichever chunk (page or worker)
 * holds this code, and it is fetched only when `loadWasmKernels` runs.
 */
function wasmUrl(variant: WasmVariant): URL {
  return variant === 'relaxed'
    ? new URL('./wasm/build/kernels-relaxed.wasm', import.meta.url)
    : new URL('./wasm/build/kernels-simd.wasm', import.meta.url);
}

/** Node's `fs`, when running in Node (a browser or worker has no `process`). */
function nodeFs(): { readFileSync(path: URL): Uint8Array } | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.('node:fs') as { readFileSync(path: URL): Uint8Array } | undefined) ?? null;
}

async function wasmBytes(url: URL): Promise<BufferSource> {
  const fs = url.protocol === 'file:' ? nodeFs() : null;
  if (fs) return fs.readFileSync(url) as Uint8Array<ArrayBuffer>;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the WebAssembly kernels from ${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Fetches (or, in Node, reads) and instantiates the best build this runtime
 * runs, or the one named (tests run both). Resolves to null where WebAssembly
 * SIMD is missing; rejects when the file cannot be loaded (in a checkout:
 * `node scripts/build-wasm.mjs` builds it).
 */
export async function loadWasmKernels(options: { variant?: WasmVariant } = {}): Promise<WasmKernels | null> {
  const variant = options.variant ?? wasmVariant();
  if (variant === null) return null;
  const { instance } = await WebAssembly.instantiate(await wasmBytes(wasmUrl(variant)));
  return wasmKernels(instance.exports as unknown as WasmExports, variant);
}

// ---------------------------------------------------------------------------
// The kernels

/** The wasm backend's kernels, and what benches and tests may ask of it. */
export interface WasmKernels extends Kernels {
  /** Which build runs. */
  readonly variant: WasmVariant;
  /** Bytes of the module's memory now: the arena's high-water mark. */
  memoryBytes(): number;
  /**
   * Forces the convolution path (1 direct, 2 im2col / col2im, 3 the forward pass
   * by channel and the backward passes direct) or, with 0, lets the shape choose (the default).
   */
  setConvPath(path: 0 | 1 | 2 | 3): void;
}

/** The Kernels interface over an instantiated module. */
export function wasmKernels(e: WasmExports, variant: WasmVariant): WasmKernels {
  // Views of the module's memory; re-created whenever a growth has replaced the buffer.
  let buffer: ArrayBuffer | null = null;
  let f32 = new Float32Array(0);
  let i32 = new Int32Array(0);
  const views = (): void => {
    if (e.memory.buffer === buffer) return;
    buffer = e.memory.buffer;
    f32 = new Float32Array(buffer);
    i32 = new Int32Array(buffer);
  };
  /** Space for `count` 4-byte values. */
  const alloc = (count: number): number => e.alloc(count * 4);
  /** Copies `data` in; returns its address. */
  const put = (data: Float32Array | Int32Array): number => {
    const at = alloc(data.length);
    views();
    (data instanceof Float32Array ? f32 : i32).set(data, at >> 2);
    return at;
  };
  /**
   * Copies `count` floats out, into a new array (the caller's tensor owns it;
   * inside an ArrayPool's run, the pool lends it). A new array and `set`, not `slice`: V8's slice of a view of WebAssembly
   * memory measured about 3x slower than this for a megabyte.
   */
  const take = (at: number, count: number): Float32Array => {
    views();
    const out = emptyFloats(count);
    out.set(f32.subarray(at >> 2, (at >> 2) + count));
    return out;
  };
  const convGeometry = (g: ConvGeometry): number =>
    put(Int32Array.of(
      g.batch, g.inChannels, g.inHeight, g.inWidth, g.outChannels, g.kernelHeight, g.kernelWidth, g.strideH, g.strideW,
      g.padTop, g.padLeft, g.dilationH, g.dilationW, g.groups, g.outHeight, g.outWidth,
    ));
  const poolGeometry = (g: PoolGeometry): number =>
    put(Int32Array.of(
      g.batch, g.channels, g.inHeight, g.inWidth, g.kernelHeight, g.kernelWidth, g.strideH, g.strideW,
      g.padTop, g.padLeft, g.dilationH, g.dilationW, g.outHeight, g.outWidth,
    ));
  const inputSize = (g: ConvGeometry) => g.batch * g.inChannels * g.inHeight * g.inWidth;
  const outputSize = (g: ConvGeometry) => g.batch * g.outChannels * g.outHeight * g.outWidth;
  const weightSize = (g: ConvGeometry) => (g.outChannels * g.inChannels * g.kernelHeight * g.kernelWidth) / g.groups;

  return {
    name: 'wasm',
    variant,
    memoryBytes: () => e.memory.buffer.byteLength,
    setConvPath: (path) => e.setConvPath(path),

    conv2dForward(input, weight, bias, g) {
      const count = outputSize(g);
      if (count === 0) return new Float32Array(0);
      if (weightSize(g) === 0) return new Float32Array(0);
      e.reset();
      const x = put(input.subarray(0, inputSize(g)));
      const w = put(weight);
      const b = bias ? put(bias) : 0;
      const out = alloc(count);
      e.convForward(x, w, b, out, convGeometry(g));
      return take(out, count);
    },

    conv2dBackwardInput(gradOutput, weight, g) {
      const count = inputSize(g);
      if (count === 0 || outputSize(g) === 0 || g.outChannels === 0) return new Float32Array(count);
      e.reset();
      const dy = put(gradOutput);
      const w = put(weight);
      const dx = alloc(count);
      e.convBackwardInput(dy, w, dx, convGeometry(g));
      return take(dx, count);
    },

    conv2dBackwardWeight(gradOutput, input, g) {
      const count = weightSize(g);
      if (count === 0 || outputSize(g) === 0) return new Float32Array(count);
      e.reset();
      const dy = put(gradOutput);
      const x = put(input.subarray(0, inputSize(g)));
      const dw = alloc(count);
      e.convBackwardWeight(dy, x, dw, convGeometry(g));
      return take(dw, count);
    },

    maxPool2dForward(input, g) {
      const count = g.batch * g.channels * g.outHeight * g.outWidth;
      if (count === 0) return { output: new Float32Array(0), indices: new Int32Array(0) };
      e.reset();
      const x = put(input);
      const out = alloc(count);
      const indices = alloc(count);
      e.maxPoolForward(x, out, indices, poolGeometry(g));
      const output = take(out, count);
      const winners = ints(count);
      winners.set(i32.subarray(indices >> 2, (indices >> 2) + count));
      return { output, indices: winners };
    },

    // Pooling backward and tanh backward are one pass over data the op already
    // holds: copying it into the module and back measured slower than the plain loop.
    maxPool2dBackward: maxPool2dBackwardLoops,
    tanhBackward: tanhBackwardLoops,

    // Average pooling is a linear-time pass with PyTorch's divisor rules; it is not
    // in the default networks' hot path, so it shares the reference loops.
    avgPool2dForward: (input: Float32Array, g: AvgPoolGeometry) => avgPool2dForwardLoops(input, g),
    avgPool2dBackward: (gradOutput: Float32Array, g: AvgPoolGeometry) => avgPool2dBackwardLoops(gradOutput, g),

    gemm(a, b, out, m, n, k, transA, transB, accumulate) {
      if (m === 0 || n === 0) return;
      if (k === 0) {
        if (!accumulate) out.fill(0, 0, m * n);
        return;
      }
      e.reset();
      const pa = put(a.subarray(0, m * k));
      const pb = put(b.subarray(0, k * n));
      const pc = accumulate ? put(out.subarray(0, m * n)) : alloc(m * n);
      e.gemm(pa, pb, pc, m, n, k, transA ? 1 : 0, transB ? 1 : 0, accumulate ? 1 : 0);
      views();
      out.set(f32.subarray(pc >> 2, (pc >> 2) + m * n));
    },

    tanhForward(input) {
      const n = input.length;
      if (n === 0) return new Float32Array(0);
      e.reset();
      const x = put(input);
      const y = alloc(n);
      e.tanhForward(x, y, n);
      return take(y, n);
    },

  };
}
