/**
 * Where the engine's arrays come from.
 *
 * Every op asks here for the numbers of a new tensor: `floats(n)` (zeros, as
 * `new Float32Array(n)` and `torch.zeros`) or `emptyFloats(n)` (for an op that
 * writes every element itself, as `torch.empty`). Outside an {@link ArrayPool}
 * both are simply a new array, left to the garbage collector.
 *
 * Why a pool at all: in a browser, a fresh array of a few hundred kilobytes is
 * fresh memory from the operating system, and every 4 KB page of it costs a page
 * fault when first written. A training step of LeNet-5 at batch 64 allocates about
 * 8 MB of activations and gradients; in headless Chromium that was some 2,100
 * page faults per step and nearly half the trainer worker's time spent in the
 * kernel (`scripts/bench/dashboard-workers.ts --threads`). The same shapes come
 * back every step, so a loop that knows when a step's graph is finished can
 * hand its arrays back and get the same memory next time.
 */

import type { Tensor } from './tensor.ts';

/** Arrays smaller than this are not worth the bookkeeping: small allocations do not reach the OS. */
const POOLED_MIN_BYTES = 16 * 1024;

/** The pool lending arrays now, if any (set only while {@link ArrayPool.run} runs). */
let lending: ArrayPool | null = null;

function buffer(bytes: number): { buffer: ArrayBuffer; reused: boolean } {
  if (lending !== null && bytes >= POOLED_MIN_BYTES) return lending.lend(bytes);
  return { buffer: new ArrayBuffer(bytes), reused: false };
}

/** n float32 zeros. */
export function floats(n: number): Float32Array {
  const { buffer: b, reused } = buffer(n * 4);
  const out = new Float32Array(b);
  if (reused) out.fill(0);
  return out;
}

/** n float32s whose values are unspecified: only for a caller that writes every one of them. */
export function emptyFloats(n: number): Float32Array {
  return new Float32Array(buffer(n * 4).buffer);
}

/** n int32 zeros (max pooling's winning positions). */
export function ints(n: number): Int32Array {
  const { buffer: b, reused } = buffer(n * 4);
  const out = new Int32Array(b);
  if (reused) out.fill(0);
  return out;
}

/**
 * Memory for a loop that builds the same graph again and again, such as a
 * training step: the arrays the engine allocates inside {@link run} are lent
 * from the pool, and {@link reclaim} takes them back once the caller has read
 * what it needs, so the next step reuses them instead of asking for new memory.
 *
 * The one rule: after `reclaim`, no tensor made inside `run` may be read, except
 * those passed to `reclaim` as kept (a model's parameters, their gradients and its
 * buffers, which live on). A pool holds at most what one round lent: arrays not
 * reused in a round are let go at its reclaim.
 *
 * @example
 * const pool = new ArrayPool();
 * const loss = pool.run(() => {
 *   optimizer.zeroGrad();
 *   const l = crossEntropy(model.forward(x), labels);
 *   l.backward();
 *   return l.item();
 * });
 * pool.reclaim(lastingArrays(model));
 * optimizer.step();
 */
export class ArrayPool {
  /** Arrays free for lending, by size in bytes. */
  #free = new Map<number, ArrayBuffer[]>();
  /** Arrays lent since the last reclaim. */
  #lent: ArrayBuffer[] = [];

  /** Runs `fn`, lending it (and every op it calls) the arrays of 16 KB or more that it allocates. */
  run<T>(fn: () => T): T {
    if (lending !== null) throw new Error('ArrayPool.run: another pool is already lending (pools do not nest)');
    lending = this;
    try {
      return fn();
    } finally {
      lending = null;
    }
  }

  /** For `floats` and friends: a free array of `bytes` if there is one, else a new one. */
  lend(bytes: number): { buffer: ArrayBuffer; reused: boolean } {
    const reusable = this.#free.get(bytes)?.pop();
    const buffer = reusable ?? new ArrayBuffer(bytes);
    this.#lent.push(buffer);
    return { buffer, reused: reusable !== undefined };
  }

  /**
   * Takes back every array lent since the last reclaim, except those under the
   * `kept` arrays, which stay with their tensors for good.
   */
  reclaim(kept: Iterable<ArrayBufferView> = []): void {
    const keep = new Set<ArrayBufferLike>();
    for (const view of kept) keep.add(view.buffer);
    const free = new Map<number, ArrayBuffer[]>();
    for (const b of this.#lent) {
      if (keep.has(b)) continue;
      const list = free.get(b.byteLength);
      if (list) list.push(b);
      else free.set(b.byteLength, [b]);
    }
    this.#lent = [];
    this.#free = free;
  }

  /** Lets every array go (to the garbage collector): for a pool that will not be used for a while. */
  clear(): void {
    this.#lent = [];
    this.#free = new Map();
  }

  /** Bytes held for lending now (free arrays only). */
  get freeBytes(): number {
    let total = 0;
    for (const [bytes, list] of this.#free) total += bytes * list.length;
    return total;
  }
}

/**
 * What outlives a training step of `model`, for {@link ArrayPool.reclaim}: every
 * parameter's values and gradient, and every buffer (BatchNorm's running statistics).
 */
export function lastingArrays(model: { parameters(): Tensor[]; buffers(): Tensor[] }): Float32Array[] {
  const kept: Float32Array[] = [];
  for (const p of model.parameters()) {
    kept.push(p.data);
    if (p.grad) kept.push(p.grad.data);
  }
  for (const b of model.buffers()) kept.push(b.data);
  return kept;
}
