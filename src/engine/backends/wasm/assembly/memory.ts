/**
 * Memory for the kernels: one bump allocator over the module's linear memory.
 *
 * Every kernel call starts with `reset()`, then JavaScript allocates the call's
 * inputs and outputs and the kernel allocates its own scratch, all from the same
 * arena. Nothing is freed one by one: the next call simply starts again at the
 * bottom. Memory therefore grows only to the largest single call (a training
 * step's biggest convolution) and then stays flat, however long training runs.
 */

/** Bytes left readable after every block: the SIMD loops may read up to one vector past a row's end. */
const SLACK: usize = 64;

let top: usize = 0;

/** Forgets every block: the next `alloc` starts at the bottom of the heap again. */
export function reset(): void {
  top = (__heap_base + 63) & ~63;
}

/**
 * A block of `bytes` bytes, 64-byte aligned, followed by SLACK readable bytes.
 * Grows the linear memory when the block does not fit; a growth detaches
 * JavaScript's views of the old buffer, which the caller re-creates.
 */
export function alloc(bytes: usize): usize {
  if (top == 0) reset();
  const start = top;
  const end = (start + bytes + SLACK + 63) & ~63;
  const have = (<usize>memory.size()) << 16;
  if (end > have) {
    if (memory.grow(<i32>((end - have + 0xffff) >> 16)) < 0) unreachable();
  }
  top = end;
  return start;
}

/** `alloc` for `count` floats. */
@inline
export function allocFloats(count: i32): usize {
  return alloc(<usize>count << 2);
}
