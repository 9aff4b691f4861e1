/**
 * The ceiling for the kernel bench: how many GFLOP/s one core reaches on a plain
 * float32 matrix product (SGEMM), measured two ways.
 *
 * - Our wasm gemm (`gemm` of src/engine/backends/wasm/assembly/blas.ts, both
 *   builds), called on matrices already in the module's memory: the most this
 *   engine's 4x8 micro-kernel gives in WebAssembly's 128-bit SIMD, with no copy
 *   and no convolution bookkeeping. A convolution kernel at this figure has
 *   nothing left to gain inside WebAssembly.
 * - Native OpenBLAS through NumPy, one thread, when `python3` with NumPy is on
 *   the machine: what the core does with its full vector width (AVX2 / AVX-512)
 *   and fused multiply-add, out of WebAssembly's reach.
 *
 * Each is the best of a few square sizes (the product of two n x n matrices, 2n^3
 * flops), timed by this process's CPU time (NumPy's by its own process's).
 *
 *   npx tsx scripts/bench/sgemm.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildWasm } from '../build-wasm.mjs';
import v8 from 'node:v8';

// Optimised WebAssembly from the start (see run.ts): no baseline code in the timings.
v8.setFlagsFromString('--no-liftoff');

interface GemmExports {
  memory: WebAssembly.Memory;
  reset(): void;
  alloc(bytes: number): number;
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number, accumulate: number): void;
}

/** Square sizes tried; the best one counts. */
const SIZES = [128, 256, 384, 512];

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** GFLOP/s of the wasm gemm on n x n matrices: best of five rounds of at least 100 ms. */
function wasmRate(e: GemmExports, n: number): number {
  e.reset();
  const a = e.alloc(n * n * 4);
  const b = e.alloc(n * n * 4);
  const c = e.alloc(n * n * 4);
  const f32 = new Float32Array(e.memory.buffer);
  for (let i = 0; i < n * n; i++) {
    f32[(a >> 2) + i] = Math.sin(i);
    f32[(b >> 2) + i] = Math.cos(i);
  }
  // The scratch gemm allocates (packed A, row offsets) sits above c, reused every call.
  const run = () => e.gemm(a, b, c, n, n, n, 0, 0, 0);
  for (let i = 0; i < 3; i++) run();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = cpuMs();
    let calls = 0;
    do {
      run();
      calls++;
    } while (cpuMs() - start < 100);
    best = Math.min(best, (cpuMs() - start) / calls);
  }
  return (2 * n ** 3) / best / 1e6;
}

/** One-thread OpenBLAS SGEMM through NumPy, or the reason it could not run. */
function nativeRate(): { gflops: number; size: number; library: string } | { unavailable: string } {
  const script = `
import time, numpy as np
best = (0, 0)
for n in ${JSON.stringify(SIZES.concat([1024]))}:
    a = np.random.rand(n, n).astype(np.float32); b = np.random.rand(n, n).astype(np.float32)
    a @ b
    t = float('inf')
    for _ in range(5):
        s = time.process_time(); reps = 0
        while True:
            a @ b; reps += 1
            if time.process_time() - s > 0.1: break
        t = min(t, (time.process_time() - s) / reps)
    best = max(best, (2 * n ** 3 / t / 1e9, n))
cfg = np.show_config(mode='dicts')['Build Dependencies']['blas']
print(best[0], best[1], cfg.get('name', 'blas'), cfg.get('version', ''))
`;
  try {
    const out = execFileSync('python3', ['-c', script], {
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const [gflops, size, name, version] = out.trim().split(/\s+/);
    return { gflops: Number(gflops), size: Number(size), library: `${name} ${version ?? ''}`.trim() };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { unavailable: `python3 with NumPy not usable (${message})` };
  }
}

export interface SgemmCeiling {
  /** Best GFLOP/s of our wasm gemm, per build, and the size it was reached at. */
  wasm: Record<'relaxed' | 'simd', { gflops: number; size: number }>;
  native: { gflops: number; size: number; library: string } | { unavailable: string };
}

/** Measures both ceilings (about ten seconds). */
export async function measureSgemm(): Promise<SgemmCeiling> {
  await buildWasm({ quiet: true });
  const wasm = {} as SgemmCeiling['wasm'];
  for (const variant of ['relaxed', 'simd'] as const) {
    const bytes = readFileSync(new URL(`../../src/engine/backends/wasm/build/kernels-${variant}.wasm`, import.meta.url));
    const { instance } = await WebAssembly.instantiate(bytes);
    const e = instance.exports as unknown as GemmExports;
    let best = { gflops: 0, size: 0 };
    for (const size of SIZES) {
      const gflops = wasmRate(e, size);
      if (gflops > best.gflops) best = { gflops, size };
    }
    wasm[variant] = best;
  }
  return { wasm, native: nativeRate() };
}

/** One line per ceiling, for the benches' reports. */
export function describeSgemm(s: SgemmCeiling): string[] {
  const lines = [
    `our wasm gemm, relaxed SIMD: ${s.wasm.relaxed.gflops.toFixed(1)} GFLOP/s (${s.wasm.relaxed.size}^3); plain SIMD: ${s.wasm.simd.gflops.toFixed(1)} GFLOP/s (${s.wasm.simd.size}^3)`,
  ];
  lines.push(
    'unavailable' in s.native
      ? `native SGEMM: not measured: ${s.native.unavailable}`
      : `native SGEMM (${s.native.library}, 1 thread): ${s.native.gflops.toFixed(1)} GFLOP/s (${s.native.size}^3)`,
  );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of describeSgemm(await measureSgemm())) console.log(line);
}
