/**
 * Golden tests: every registered exercise version, for fixed seeds, must keep
 * giving exactly the parameters and the answer pinned in golden.json.
 *
 * Assignment links name exercise versions, and old submissions are regraded
 * against them, so a version is frozen once published. When this test fails
 * for an existing version, do not edit golden.json: register the changed
 * generator as a new version (keeping the old one registered) and pin the new
 * version with
 *
 *   CONVLAB_PIN_GOLDEN=1 npx vitest run tests/unit/exercises/golden.test.ts
 *
 * which adds entries for versions not yet pinned and never rewrites old ones.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allExerciseVersions, makeVariant } from '../../../src/exercises/index.ts';

const GOLDEN = fileURLToPath(new URL('./golden.json', import.meta.url));
const SEEDS = [0, 1, 2, 42, 4294967295];

type Pin = { seed: number; params: unknown; answer: unknown; typed: string | null };
type Golden = Record<string, Pin[]>;

const key = (id: string, version: number) => `${id}@${version}`;

function pinsFor(id: string, version: number): Pin[] {
  const exercise = allExerciseVersions().find((e) => e.id === id && e.version === version)!;
  return SEEDS.map((seed) => {
    const { params } = makeVariant(exercise, seed);
    const answer = exercise.answer(params);
    // Through JSON, as the file stores it (drops undefined, normalises -0).
    return JSON.parse(JSON.stringify({ seed, params, answer: answer.value, typed: answer.typed })) as Pin;
  });
}

const golden: Golden = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : {};

if (process.env.CONVLAB_PIN_GOLDEN === '1') {
  let added = 0;
  for (const e of allExerciseVersions()) {
    if (golden[key(e.id, e.version)]) continue;
    golden[key(e.id, e.version)] = pinsFor(e.id, e.version);
    added++;
  }
  if (added > 0) writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
}

describe('golden exercise versions', () => {
  for (const e of allExerciseVersions()) {
    it(`${e.id} version ${e.version} gives the pinned parameters and answers`, () => {
      const pinned = golden[key(e.id, e.version)];
      expect(pinned, `${key(e.id, e.version)} is not pinned: run CONVLAB_PIN_GOLDEN=1 npx vitest run tests/unit/exercises/golden.test.ts`).toBeDefined();
      const now = pinsFor(e.id, e.version);
      for (let i = 0; i < SEEDS.length; i++) {
        expect(
          now[i],
          `${e.id} version ${e.version}, seed ${SEEDS[i]}: the generator or the answer changed. A published version is frozen: register the change as version ${e.version + 1} and keep version ${e.version} as it was.`,
        ).toEqual(pinned[i]);
      }
    });
  }

  it('every pinned version is still registered (old versions must stay, for old links and submissions)', () => {
    const registered = new Set(allExerciseVersions().map((e) => key(e.id, e.version)));
    const missing = Object.keys(golden).filter((k) => !registered.has(k));
    expect(missing, `pinned but no longer registered: ${missing.join(', ')}`).toEqual([]);
  });
});
