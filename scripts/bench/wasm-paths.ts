/**
 * Which convolution path the wasm backend should take, measured: for each
 * stride-1 shape, the forward pass, the input gradient and the weight gradient
 * forced onto the direct path (the padded image read in place) and onto
 * im2col / col2im, the forward pass also onto "by-ch" (the direct path's
 * product transposed: output channels across the vector lanes), and what the
 * backend chooses by itself ("auto"). The
 * numbers are GFLOP/s of the kernel alone: the module is called directly on
 * data already in its memory, so no copy and no JavaScript allocation is
 * timed (the kernel bench, run.ts, times the whole call as the engine makes it).
 *
 *   npx tsx scripts/bench/wasm-paths.ts            LeNet-5's and the kernel bench's shapes, and a few more
 *   npx tsx scripts/bench/wasm-paths.ts --simd     the plain-SIMD build instead of relaxed SIMD
 *
 * Times are this process's CPU time, best of five, so other work on the machine disturbs them less.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { buildWasm } from '../build-wasm.mjs';
import v8 from 'node:v8';

// Optimised WebAssembly from the start (see run.ts): no baseline code in the timings.
v8.setFlagsFromString('--no-liftoff');

interface Exports {
  memory: WebAssembly.Memory;
  reset(): void;
  alloc(bytes: number): number;
  convForward(x: number, w: number, b: number, out: number, g: number): void;
  convBackwardInput(dy: number, w: number, dx: number, g: number): void;
  convBackwardWeight(dy: number, x: number, dw: number, g: number): void;
  setConvPath(path: number): void;
}

/** [batch, in channels, height, width, out channels, kernel, padding]; stride 1. */
type Shape = [number, number, number, number, number, number, number];

const SHAPES: [string, Shape][] = [
  ['LeNet-5 C1', [64, 1, 28, 28, 6, 5, 2]],
  ['LeNet-5 C3', [64, 6, 14, 14, 16, 5, 0]],
  ['bench 0', [64, 1, 28, 28, 6, 5, 0]],
  ['bench 2', [32, 16, 32, 32, 32, 3, 1]],
  ['bench 3', [8, 64, 56, 56, 64, 3, 1]],
  ['', [64, 3, 32, 32, 16, 3, 1]],
  ['', [64, 8, 14, 14, 16, 5, 0]],
  ['', [64, 16, 16, 16, 32, 3, 1]],
  ['', [64, 32, 8, 8, 64, 3, 1]],
  ['', [16, 3, 32, 32, 64, 5, 2]],
];

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Best time of five rounds of at least 40 ms each, after three warm-up calls. */
function time(run: () => void): number {
  for (let i = 0; i < 3; i++) run();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = cpuMs();
    let calls = 0;
    do {
      run();
      calls++;
    } while (cpuMs() - start < 40);
    best = Math.min(best, (cpuMs() - start) / calls);
  }
  return best;
}

await buildWasm({ quiet: true });
const variant = process.argv.includes('--simd') ? 'simd' : 'relaxed';
const bytes = readFileSync(new URL(`../../src/engine/backends/wasm/build/kernels-${variant}.wasm`, import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes);
const e = instance.exports as unknown as Exports;

console.log(`wasm convolution paths (${variant} build), GFLOP/s of the kernel alone; load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
console.log('shape                                   pass    direct  by-ch   im2col  auto');
for (const [label, [n, c, h, w, co, k, p]] of SHAPES) {
  const oh = h + 2 * p - k + 1;
  const ow = w + 2 * p - k + 1;
  const inputs = n * c * h * w;
  const weights = co * c * k * k;
  const outputs = n * co * oh * ow;
  // Every call starts from an empty arena, as the backend's calls do: else each call's
  // scratch would pile up above the last one's, and later calls would touch fresh memory.
  // Allocating the same sizes in the same order gives the same addresses, data intact.
  const allocAll = () => {
    e.reset();
    return [64, inputs, weights, co, outputs, outputs, inputs, weights].map((count) => e.alloc(count * 4));
  };
  const [geometry, x, wt, bias, out, dy, dx, dw] = allocAll();
  new Int32Array(e.memory.buffer).set([n, c, h, w, co, k, k, 1, 1, p, p, 1, 1, 1, oh, ow], geometry >> 2);
  const f32 = new Float32Array(e.memory.buffer);
  for (const [at, count] of [[x, inputs], [wt, weights], [bias, co], [dy, outputs]]) {
    for (let i = 0; i < count; i++) f32[(at >> 2) + i] = Math.sin(i * 0.37) * 0.5;
  }
  const flops = 2 * n * co * oh * ow * c * k * k;
  const passes: [string, () => void][] = [
    ['fwd', () => (allocAll(), e.convForward(x, wt, bias, out, geometry))],
    ['dInput', () => (allocAll(), e.convBackwardInput(dy, wt, dx, geometry))],
    ['dWeight', () => (allocAll(), e.convBackwardWeight(dy, x, dw, geometry))],
  ];
  passes.forEach(([pass, run], i) => {
    const rate = (path: number) => {
      e.setConvPath(path);
      return (flops / time(run) / 1e6).toFixed(1).padStart(6);
    };
    // By channel is a forward path only: its backward passes are the direct ones.
    const byChannel = pass === 'fwd' ? rate(3) : ''.padStart(6);
    const [direct, im2col, auto] = [rate(1), rate(2), rate(0)];
    const name = i === 0 ? `${label ? `${label}: ` : ''}${n}x${c}x${h}x${w} -> ${co}, k${k} p${p}` : '';
    console.log(`${name.padEnd(40)}${pass.padEnd(8)}${direct}  ${byChannel}  ${im2col}  ${auto}`);
  });
}
