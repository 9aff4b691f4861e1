/**
 * Where a variant's numbers come from.
 *
 * An exercise's generator draws from the engine's seeded `Random` (mulberry32)
 * and from nothing else. The seed of a student's variant in an assignment is a
 * hash of (assignment salt, student id, exercise id, exercise version):
 *
 *   seed = fmix32(FNV-1a-32(UTF-8 of JSON.stringify([salt, student, id, version])))
 *
 * FNV-1a is a simple, well-known byte hash; murmur3's 32-bit finaliser (fmix32)
 * spreads its bits so that ids differing in one letter give unrelated seeds.
 * JSON.stringify keeps the four parts apart ("ab"+"c" and "a"+"bc" differ).
 * Same inputs, same seed: a reload gives the same numbers, and the instructor's
 * regrade rebuilds them from the roster. Different students get different seeds,
 * so (for any exercise with more than a handful of variants) different numbers.
 */
import { Random } from '../engine/index.ts';

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A student id as the site compares and hashes it: Unicode NFC, trimmed, inner
 * runs of white space made one space, lower case. So " Kim01" typed on one day
 * and "kim01" on the next give the same variant and match the same roster row.
 */
export function normaliseStudentId(id: string): string {
  return id.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The seed of one student's variant of one exercise version in one assignment. */
export function variantSeed(salt: string, student: string, exerciseId: string, version: number): number {
  return fmix32(fnv1a32(JSON.stringify([salt, normaliseStudentId(student), exerciseId, version])));
}

/** A uint32 seed for practice ("new variant"): any source of numbers will do, it is only a starting point. */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0];
}

/** A fresh generator for a seed. */
export function rngFor(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`exercise seed must be an integer from 0 to 4294967295, got ${String(seed)}`);
  }
  return new Random(seed);
}

/** A whole number from `low` to `high`, both included. */
export function intBetween(rng: Random, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

/** One element of a non-empty list. */
export function pick<T>(rng: Random, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** A shuffled copy. */
export function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  return rng.shuffle([...items]);
}
