/**
 * Seeded pseudo-random numbers. Every random draw in the engine goes through a
 * `Random` so that a run with the same seed is the same run, in a browser, a
 * worker or Node.
 */

/**
 * A small, fast generator (mulberry32) with a 32-bit state. Not for
 * cryptography; plenty for weight initialisation, dropout masks and shuffles.
 */
export class Random {
  private state: number;
  /** A spare standard normal from the last Box-Muller pair. */
  private spare: number | null = null;

  constructor(seed = 0) {
    if (!Number.isFinite(seed)) throw new Error(`Random: seed must be a finite number, got ${seed}`);
    // Mix the seed so that nearby seeds (0, 1, 2...) start far apart.
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * Moves on as `n` calls of `next()` would, in constant time: the state only
   * ever grows by one constant per draw. A slice of a long stream (one shard's
   * part of a dropout mask) can so start where it starts in the whole.
   */
  skip(n: number): this {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Random.skip: n must be a whole number >= 0, got ${n}`);
    // n * step mod 2^32, exactly: split n so that no product exceeds 2^53.
    const low = n % 0x10000;
    const high = Math.floor(n / 0x10000) % 0x10000;
    const step = 0x6d2b79f5;
    this.state = (this.state + Math.imul(low, step) + Math.imul(Math.imul(high, 0x10000), step)) >>> 0;
    return this;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** Standard normal, by the Box-Muller transform. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next(); // log(0) is -Infinity
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Shuffles `array` in place (Fisher-Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: any }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }
}

let globalRandom = new Random(0);

/** Re-seeds the engine-wide generator used when no seed is given (like `torch.manual_seed`). */
export function manualSeed(seed: number): void {
  globalRandom = new Random(seed);
}

/** The generator to use: a fresh one for an explicit seed, else the engine-wide one. */
export function randomFor(seed?: number): Random {
  return seed === undefined ? globalRandom : new Random(seed);
}
