/**
 * The kernel bench (the first half of `npm run bench`, before train.ts): our
 * convolution and max pooling against TF.js, same shapes, same data, one process.
 *
 * Contenders: the engine's `reference` backend (the readable loops the lessons
 * show), `fast` backend (im2col + tiled gemm in JavaScript) and `wasm` backend
 * (WebAssembly SIMD, one thread, the build `ready()` picks), TF.js's
 * plain-JavaScript `cpu` backend, and TF.js's WebAssembly backend (SIMD, one
 * thread: its threaded build does not start under Node). Each cell is the median of several runs after
 * a warm-up run; a run slower than SLOW_MS is reported alone (the same code was
 * already warmed on the smaller shapes), which keeps the whole bench to a few minutes.
 *
 * "fwd" is the forward pass; "fwd+bwd" is forward plus the gradients for input,
 * weight and bias (TF.js: tf.grads). GFLOP/s counts 2 flops per multiply-add,
 * 3x the forward count for fwd+bwd; for pooling, one op per window tap.
 *
 * Before the table: the ceiling, one core's SGEMM (sgemm.ts): our wasm gemm on
 * data already in its memory, and native OpenBLAS through NumPy when there is one.
 *
 * Writes everything to scripts/bench/results/bench-<time>.json as well.
 *
 * Options (`npm run bench -- --cpu-time` passes them on too, or run it directly:
 * `npx tsx scripts/bench/run.ts --cases=0`):
 * `--cases=0,4` runs only those rows; `--cpu-time` times with this process's CPU
 * time instead of the wall clock (for a machine busy with other work).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random, Tensor, conv2d, getBackend, maxPool2d, noGrad, ready, setBackend, withBackend } from '../../src/engine/index.ts';
import { describeSgemm, measureSgemm } from './sgemm.ts';

/**
 * Both WebAssembly contenders (ours and TF.js's) are compiled by V8's optimising
 * compiler from the start. By default V8 runs new WebAssembly through its baseline
 * compiler and swaps in optimised code from background threads; on the busy
 * development machine (load average 20 to 40 on 2 cores) that swap took minutes,
 * so the first cells timed baseline code, 2 to 7 times slower. This times the
 * steady state for both, as an idle machine reaches it within a second.
 */
v8.setFlagsFromString('--no-liftoff');

/** A run longer than this is not repeated. */
const SLOW_MS = 2000;
/** Aim for about this much time per measurement. */
const TARGET_MS = 1200;
const MIN_RUNS = 3;
/** Untimed runs before the timed ones: for about this long, and at most this many. */
const WARMUP_MS = 600;
const WARMUP_MAX_RUNS = 200;
const MAX_RUNS = 15;

/**
 * The clock: wall time by default. On a machine shared with other work,
 * `--cpu-time` measures this process's CPU time instead (all contenders here run
 * on one thread), which other processes disturb far less.
 */
const CPU_TIME = process.argv.includes('--cpu-time');
function now(): number {
  if (!CPU_TIME) return performance.now();
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Measurement {
  medianMs: number;
  runsMs: number[];
}

/** Times `run`; `firstMs`, when given, is an untimed-here first run that already happened (the warm-up). */
function measure(run: () => void, firstMs?: number, expectedMs?: number): Measurement {
  const timeOnce = () => {
    const start = now();
    run();
    return now() - start;
  };
  let first = firstMs ?? timeOnce();
  // Far slower than the previous shape predicts: a cold start (TF.js WASM sets up and
  // grows its heap on the first call of a big shape). Count the next run instead.
  if (first > SLOW_MS && expectedMs !== undefined && first > 4 * expectedMs) first = timeOnce();
  if (first > SLOW_MS) return { medianMs: first, runsMs: [first] };
  // Warm up for a while before timing: V8 first runs WebAssembly (ours and TF.js's) through
  // its baseline compiler and swaps in optimised code from a background thread later, which
  // on a busy machine took hundreds of calls of our smaller shapes.
  for (let warm = 0, start = now(); warm < WARMUP_MAX_RUNS && now() - start < WARMUP_MS; warm++) run();
  const count = Math.max(MIN_RUNS, Math.min(MAX_RUNS, Math.round(TARGET_MS / Math.max(first, 1e-3))));
  const runsMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = now();
    run();
    runsMs.push(now() - t);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, runsMs };
}

// ---------------------------------------------------------------------------
// Workloads

interface ConvCase {
  kind: 'conv';
  n: number;
  cin: number;
  h: number;
  w: number;
  cout: number;
  k: number;
  stride: number;
  pad: number;
}
interface PoolCase {
  kind: 'pool';
  n: number;
  c: number;
  h: number;
  w: number;
  k: number;
  stride: number;
}
type Case = ConvCase | PoolCase;

const CASES: Case[] = [
  { kind: 'conv', n: 64, cin: 1, h: 28, w: 28, cout: 6, k: 5, stride: 1, pad: 0 },
  { kind: 'conv', n: 64, cin: 6, h: 14, w: 14, cout: 16, k: 5, stride: 1, pad: 0 },
  { kind: 'conv', n: 32, cin: 16, h: 32, w: 32, cout: 32, k: 3, stride: 1, pad: 1 },
  { kind: 'conv', n: 8, cin: 64, h: 56, w: 56, cout: 64, k: 3, stride: 1, pad: 1 },
  { kind: 'pool', n: 64, c: 6, h: 28, w: 28, k: 2, stride: 2 },
];

function outSize(size: number, k: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - k) / stride) + 1;
}

function describeCase(c: Case): string {
  return c.kind === 'conv'
    ? `conv ${c.n}x${c.cin}x${c.h}x${c.w} -> ${c.cout}, k${c.k} s${c.stride} p${c.pad}`
    : `maxpool ${c.n}x${c.c}x${c.h}x${c.w}, ${c.k}x${c.k}/${c.stride}`;
}

/** Forward work in flops (pooling: window taps). */
function forwardFlops(c: Case): number {
  if (c.kind === 'pool') return c.n * c.c * outSize(c.h, c.k, c.stride, 0) * outSize(c.w, c.k, c.stride, 0) * c.k * c.k;
  const positions = outSize(c.h, c.k, c.stride, c.pad) * outSize(c.w, c.k, c.stride, c.pad);
  return 2 * c.n * c.cout * positions * c.cin * c.k * c.k;
}

function randomArray(length: number, rng: Random): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.uniform(-1, 1);
  return out;
}

/** NCHW -> NHWC, or [Cout, Cin, kH, kW] -> [kH, kW, Cin, Cout], for TF.js. */
function toChannelsLast(data: Float32Array, [a, b, c, d]: number[], weight: boolean): Float32Array {
  const out = new Float32Array(data.length);
  let i = 0;
  for (let p = 0; p < a; p++) {
    for (let q = 0; q < b; q++) {
      for (let r = 0; r < c; r++) {
        for (let s = 0; s < d; s++, i++) {
          const at = weight ? ((r * d + s) * b + q) * a + p : ((p * c + r) * d + s) * b + q;
          out[at] = data[i];
        }
      }
    }
  }
  return out;
}

interface Inputs {
  input: Float32Array;
  inputShape: number[];
  weight: Float32Array;
  weightShape: number[];
  bias: Float32Array;
  gradOut: Float32Array;
  outShape: number[];
}

function makeInputs(c: Case, seed: number): Inputs {
  const rng = new Random(seed);
  if (c.kind === 'pool') {
    const inputShape = [c.n, c.c, c.h, c.w];
    const outShape = [c.n, c.c, outSize(c.h, c.k, c.stride, 0), outSize(c.w, c.k, c.stride, 0)];
    return {
      input: randomArray(inputShape.reduce((x, y) => x * y), rng),
      inputShape,
      weight: new Float32Array(0),
      weightShape: [],
      bias: new Float32Array(0),
      gradOut: randomArray(outShape.reduce((x, y) => x * y), rng),
      outShape,
    };
  }
  const inputShape = [c.n, c.cin, c.h, c.w];
  const weightShape = [c.cout, c.cin, c.k, c.k];
  const outShape = [c.n, c.cout, outSize(c.h, c.k, c.stride, c.pad), outSize(c.w, c.k, c.stride, c.pad)];
  return {
    input: randomArray(inputShape.reduce((x, y) => x * y), rng),
    inputShape,
    weight: randomArray(weightShape.reduce((x, y) => x * y), rng).map((v) => v / Math.sqrt(c.cin * c.k * c.k)),
    weightShape,
    bias: randomArray(c.cout, rng),
    gradOut: randomArray(outShape.reduce((x, y) => x * y), rng),
    outShape,
  };
}

// ---------------------------------------------------------------------------
// Contenders: each returns a forward and a forward+backward closure, and the forward output for a sanity check.

interface Runner {
  forward: () => void;
  forwardBackward: (() => void) | null;
  /** Why forward+backward cannot run, when it cannot. */
  unavailable?: string;
  output: () => Float32Array;
}

function engineRunner(backend: string, c: Case, d: Inputs): Runner {
  const dy = new Tensor(d.gradOut, d.outShape);
  // Fresh leaf tensors per call, so fwd+bwd builds and walks its graph every time.
  const op = (requiresGrad: boolean) => {
    const x = new Tensor(d.input, d.inputShape, requiresGrad);
    if (c.kind === 'pool') return maxPool2d(x, { kernelSize: c.k, stride: c.stride });
    const w = new Tensor(d.weight, d.weightShape, requiresGrad);
    const b = new Tensor(d.bias, [d.bias.length], requiresGrad);
    return conv2d(x, w, b, { stride: c.stride, padding: c.pad });
  };
  return {
    forward: () => withBackend(backend, () => noGrad(() => op(false))),
    forwardBackward: () => withBackend(backend, () => op(true).backward(dy)),
    output: () => withBackend(backend, () => noGrad(() => op(false)).data),
  };
}

function tfRunner(backend: 'cpu' | 'wasm', c: Case, d: Inputs): Runner {
  const [n, ch, h, w] = d.inputShape;
  const [, co, oh, ow] = d.outShape;
  const x = tf.tensor4d(toChannelsLast(d.input, d.inputShape, false), [n, h, w, ch]);
  const dy = tf.tensor4d(toChannelsLast(d.gradOut, d.outShape, false), [n, oh, ow, co]);
  const filter = c.kind === 'conv' ? tf.tensor4d(toChannelsLast(d.weight, d.weightShape, true), [c.k, c.k, c.cin, c.cout]) : null;
  const bias = c.kind === 'conv' ? tf.tensor1d(d.bias) : null;
  const op = (xi: tf.Tensor4D, fi: tf.Tensor4D | null, bi: tf.Tensor1D | null): tf.Tensor4D =>
    c.kind === 'conv' ? tf.add(tf.conv2d(xi, fi!, c.stride, c.pad), bi!) : tf.maxPool(xi, c.k, c.stride, 'valid');
  const forward = () =>
    tf.tidy(() => {
      op(x, filter, bias).dataSync();
    });
  // tf.grads passes plain tensors; the casts restore the ranks the ops were given.
  const grads =
    c.kind === 'conv'
      ? tf.grads((...t: tf.Tensor[]) => op(t[0] as tf.Tensor4D, t[1] as tf.Tensor4D, t[2] as tf.Tensor1D))
      : tf.grads((...t: tf.Tensor[]) => op(t[0] as tf.Tensor4D, null, null));
  const forwardBackward = () =>
    tf.tidy(() => {
      const inputs = c.kind === 'conv' ? [x, filter!, bias!] : [x];
      for (const g of grads(inputs, dy)) g.dataSync();
    });
  // TF.js's WASM backend lacks some gradient kernels; ask the registry rather than fail mid-run.
  const needed = c.kind === 'conv' ? ['Conv2DBackpropInput', 'Conv2DBackpropFilter'] : ['MaxPoolGrad'];
  const missing = needed.filter((name) => !tf.getKernel(name, backend));
  const unavailable = missing.length ? `no ${missing.join(' / ')} kernel in TF.js '${backend}'` : undefined;
  return {
    forward,
    forwardBackward: unavailable ? null : forwardBackward,
    unavailable,
    output: () =>
      tf.tidy(() => {
        const y = op(x, filter, bias);
        return toNchw(y.dataSync() as Float32Array, y.shape);
      }),
  };
}

function toNchw(data: Float32Array, [n, h, w, c]: number[]): Float32Array {
  const out = new Float32Array(data.length);
  let i = 0;
  for (let p = 0; p < n; p++) for (let r = 0; r < h; r++) for (let s = 0; s < w; s++) for (let q = 0; q < c; q++) out[((p * c + q) * h + r) * w + s] = data[i++];
  return out;
}

// ---------------------------------------------------------------------------

const CONTENDERS = ['reference', 'fast', 'wasm', 'tfjs-cpu', 'tfjs-wasm'] as const;
type Contender = (typeof CONTENDERS)[number];

/**
 * A fwd+bwd run predicted to take longer than this is not run in full: TF.js
 * CPU's filter gradient manages a few MFLOP/s (one 64x56x56 image takes over a
 * minute). The cell then reports a lower bound instead: the time of fwd+bwd on
 * the first few images of the batch (strictly less work than the whole batch),
 * or, when even one image would take longer than SUB_BATCH_CAP_MS, the forward
 * time alone. A lower bound only flatters the contender it stands for.
 */
const FORWARD_BACKWARD_CAP_MS = 20_000;
/** Aim for this long when timing a sub-batch for a lower bound. */
const SUB_BATCH_TARGET_MS = 8_000;
/** Do not time a sub-batch whose single image is predicted to take longer. */
const SUB_BATCH_CAP_MS = 15_000;

type Result =
  | ({ kind: 'measured'; gflops: number } & Measurement)
  | { kind: 'lowerBound'; lowerBoundMs: number; reason: string }
  | { kind: 'unavailable'; reason: string };

interface Row {
  case: string;
  shape: Case;
  pass: 'fwd' | 'fwd+bwd';
  flops: number;
  results: Partial<Record<Contender, Result>>;
}

function makeRunner(who: Contender, c: Case, data: Inputs): Runner {
  if (who === 'reference' || who === 'fast' || who === 'wasm') return engineRunner(who, c, data);
  return tfRunner(who === 'tfjs-cpu' ? 'cpu' : 'wasm', c, data);
}

/** The same inputs cut to the first `images` of the batch. */
function firstImages(d: Inputs, images: number): Inputs {
  const inputShape = [images, ...d.inputShape.slice(1)];
  const outShape = [images, ...d.outShape.slice(1)];
  return {
    ...d,
    input: d.input.subarray(0, inputShape.reduce((x, y) => x * y)),
    inputShape,
    gradOut: d.gradOut.subarray(0, outShape.reduce((x, y) => x * y)),
    outShape,
  };
}

async function useTfBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend '${name}' failed to start`);
  await tf.ready();
}

function measured(m: Measurement, flops: number): Result {
  return { kind: 'measured', ...m, gflops: flops / m.medianMs / 1e6 };
}

/**
 * Runs both WebAssembly contenders (ours and TF.js's) over every case, whole
 * batches, for a few seconds of wall-clock time before anything is timed. V8
 * first runs a module through its baseline compiler and swaps in optimised code
 * per function from background threads; on a machine busy with other work that
 * took seconds, and a kernel timed before it looked up to seven times slower
 * than after (seen in the runs of one cell). With --no-liftoff (above) this is
 * the JavaScript around the kernels warming up. Wall time, so other threads get their turn.
 */
async function warmUpWebAssembly(seconds = 4): Promise<void> {
  await useTfBackend('wasm');
  const runners = CASES.flatMap((c, i) => {
    const data = makeInputs(c, 100 + i);
    return [engineRunner('wasm', c, data), tfRunner('wasm', c, data)];
  });
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const runner of runners) {
      runner.forward();
      runner.forwardBackward?.();
    }
    // Let the compiler threads (and anything else) run.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
  setWasmPaths(wasmDir + path.sep);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await useTfBackend('wasm');
  const wasmSimd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  // Our wasm backend, registered by ready(); `fast` stays the default the other engine rows name explicitly.
  await ready();
  if (getBackend().name !== 'wasm') throw new Error('the engine has no wasm backend in this runtime (WebAssembly SIMD missing?)');
  const ourWasm = (getBackend() as unknown as { variant: string }).variant;
  setBackend('fast');

  console.log(`ConvLab bench: ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, TF.js ${tf.version.tfjs}, WASM SIMD ${wasmSimd ? 'on' : 'off'}, 1 thread`);
  // Other work on the machine slows every contender; the load average says how much to trust a run.
  const load = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  console.log(`Load average before the run: ${load}`);
  console.log(`Clock: ${CPU_TIME ? 'CPU time of this process (--cpu-time)' : 'wall time'}. Our wasm backend: the ${ourWasm} build.`);
  const sgemm = await measureSgemm();
  console.log(`Ceiling, one core's SGEMM (CPU time, best square size): ${describeSgemm(sgemm).join('; ')}.`);
  console.log('Each cell: median ms (GFLOP/s). Ratios are time ours / time theirs (fast/cpu: our fast vs TF.js CPU; fast/wasm and wasm/wasm: our fast and our wasm vs TF.js WASM): below 1 means ours is faster.\n');

  await warmUpWebAssembly();

  const rows: Row[] = [];
  const began = performance.now();
  // Last fwd+bwd speed of each contender per kind of op, to predict the next (bigger) shape.
  const lastRate = new Map<string, number>();
  // `--cases=0,4` runs only those rows (for a quick look); the default is all of them.
  const only = process.argv.find((a) => a.startsWith('--cases='))?.slice(8).split(',').map(Number);
  for (const [index, c] of CASES.entries()) {
    if (only && !only.includes(index)) continue;
    const data = makeInputs(c, 100 + index);
    const flops = forwardFlops(c);
    const fwd: Row = { case: describeCase(c), shape: c, pass: 'fwd', flops, results: {} };
    // Convolution's backward is two more products as big as the forward; pooling's is one scatter.
    const both: Row = { case: describeCase(c), shape: c, pass: 'fwd+bwd', flops: (c.kind === 'conv' ? 3 : 2) * flops, results: {} };
    let fastOutput: Float32Array | null = null;
    let checks = '';
    for (const who of CONTENDERS) {
      if (who === 'tfjs-cpu' || who === 'tfjs-wasm') await useTfBackend(who === 'tfjs-cpu' ? 'cpu' : 'wasm');
      const runner = makeRunner(who, c, data);
      const start = now();
      const output = runner.output(); // doubles as the forward warm-up
      const firstMs = now() - start;
      if (who === 'fast') fastOutput = output;
      else if (fastOutput) {
        let worst = 0;
        for (let i = 0; i < output.length; i++) worst = Math.max(worst, Math.abs(output[i] - fastOutput[i]));
        checks += ` max|fast-${who}|=${worst.toExponential(1)}`;
      }
      const fwdKey = `${who} ${c.kind} fwd`;
      const f = measure(runner.forward, firstMs, lastRate.has(fwdKey) ? flops / lastRate.get(fwdKey)! : undefined);
      lastRate.set(fwdKey, flops / f.medianMs);
      fwd.results[who] = measured(f, flops);

      const rateKey = `${who} ${c.kind}`;
      const predictedMs = lastRate.has(rateKey) ? both.flops / lastRate.get(rateKey)! : 0;
      if (!runner.forwardBackward) {
        both.results[who] = { kind: 'unavailable', reason: runner.unavailable ?? 'not available' };
      } else if (predictedMs > FORWARD_BACKWARD_CAP_MS) {
        const perImageMs = predictedMs / c.n;
        const images = Math.min(c.n - 1, Math.floor(SUB_BATCH_TARGET_MS / perImageMs));
        let lowerBoundMs = f.medianMs;
        let basis = 'its forward time';
        if (images >= 1 && perImageMs <= SUB_BATCH_CAP_MS) {
          const part = measure(makeRunner(who, { ...c, n: images }, firstImages(data, images)).forwardBackward!);
          lastRate.set(rateKey, (both.flops * images) / c.n / part.medianMs);
          if (part.medianMs > lowerBoundMs) {
            lowerBoundMs = part.medianMs;
            basis = `its fwd+bwd on the first ${images} of ${c.n} images`;
          }
        }
        both.results[who] = {
          kind: 'lowerBound',
          lowerBoundMs,
          reason: `${describeCase(c)}: whole batch not run (predicted ${(predictedMs / 1000).toFixed(0)} s); lower bound = ${basis}`,
        };
      } else {
        const fb = measure(runner.forwardBackward);
        both.results[who] = measured(fb, both.flops);
        lastRate.set(rateKey, both.flops / fb.medianMs);
      }
    }
    rows.push(fwd, both);
    printRow(fwd, rows.length === 2);
    printRow(both, false);
    console.log(`${''.padEnd(45)}check:${checks}`);
  }
  const seconds = (performance.now() - began) / 1000;
  const notes = new Set(
    rows.flatMap((r) => Object.entries(r.results).flatMap(([who, m]) => (m.kind === 'measured' ? [] : [`${m.kind === 'lowerBound' ? '>' : 'n/a'} (${who}): ${m.reason}`]))),
  );
  const singles = rows.some((r) => Object.values(r.results).some((m) => m.kind === 'measured' && m.runsMs.length === 1));
  console.log('');
  if (singles) console.log(`* a single run (slower than ${SLOW_MS} ms; the code was already warmed on the smaller shapes).`);
  for (const note of notes) console.log(`${note}.`);
  console.log(`Total ${seconds.toFixed(0)} s.`);

  const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    node: process.version,
    tfjs: tf.version.tfjs,
    wasmSimd,
    wasmThreads: 1,
    ourWasmBuild: ourWasm,
    sgemm,
    clock: CPU_TIME ? 'cpu' : 'wall',
    loadAverageBefore: load,
    loadAverageAfter: os.loadavg().map((v) => v.toFixed(1)).join(' '),
  };
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, totalSeconds: seconds, rows }, null, 2));
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function cell(r: Result | undefined): string {
  if (!r) return '-';
  if (r.kind === 'unavailable') return 'n/a';
  if (r.kind === 'lowerBound') return `> ${formatMs(r.lowerBoundMs)} ms`;
  return `${formatMs(r.medianMs)} ms (${r.gflops.toFixed(2)})${r.runsMs.length === 1 ? '*' : ''}`;
}

/** Time ours / time theirs; with a lower bound on theirs, the ratio is an upper bound. */
function ratio(row: Row, ours: Contender, theirs: Contender): string {
  const a = row.results[ours];
  const b = row.results[theirs];
  if (!a || !b || a.kind !== 'measured' || b.kind === 'unavailable') return 'n/a';
  if (b.kind === 'lowerBound') return `< ${(a.medianMs / b.lowerBoundMs).toFixed(2)}`;
  return (a.medianMs / b.medianMs).toFixed(2);
}

function printRow(row: Row, header: boolean): void {
  const widths = [37, 8, 19, 19, 19, 19, 19, 9, 9, 9];
  const line = (cells: string[]) => console.log(cells.map((s, i) => s.padEnd(widths[i])).join(' ').trimEnd());
  if (header) {
    line(['shape', 'pass', 'reference', 'fast', 'wasm', 'tfjs-cpu', 'tfjs-wasm', 'fast/cpu', 'fast/wasm', 'wasm/wasm']);
    line(widths.map((w) => '-'.repeat(w)));
  }
  line([
    row.pass === 'fwd' ? row.case : '',
    row.pass,
    ...CONTENDERS.map((who) => cell(row.results[who])),
    ratio(row, 'fast', 'tfjs-cpu'),
    ratio(row, 'fast', 'tfjs-wasm'),
    ratio(row, 'wasm', 'tfjs-wasm'),
  ]);
}

await main();
