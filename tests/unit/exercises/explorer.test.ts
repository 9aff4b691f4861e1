/**
 * The explorer's exercises against the explorer and against PyTorch: the
 * listing a student is shown, pasted into the explorer (or run by PyTorch 1.13
 * on a zero tensor), must give the exercise's answer. The in_features that fits,
 * the parameter count and the failing layer all come from the engine in the
 * exercise; here the parser, and PyTorch itself, read the same Python text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../../src/explorer/explore.ts';
import { errorLineExercise, fitLinear, layerLine, listingLines, parameters } from '../../../src/exercises/lessons/explorer/index.ts';
import type { Listing } from '../../../src/exercises/lessons/explorer/index.ts';
import { rngFor } from '../../../src/exercises/seed.ts';
import { findPython, runPython } from '../explorer/python.ts';

const SEEDS = 150;
/** Seeds per exercise sent to PyTorch (one Python process for all). */
const TORCH_SEEDS = 25;

const seeds = Array.from({ length: SEEDS }, (_, i) => i * 7919 + 1);
const source = (listing: Listing, linearIn?: string) => listingLines(listing, linearIn).join('\n') + '\n';
const explored = (listing: Listing, linearIn?: string) => explore(source(listing, linearIn), { input: listing.input });

describe('explorer exercises, read by the explorer', () => {
  it('fit-linear: the answer fits and the explorer names the layer for a wrong size, with the size that fits', () => {
    for (const seed of seeds) {
      const p = fitLinear.generate(rngFor(seed));
      const answer = Number(fitLinear.answer(p).typed);
      const fits = explored(p.listing, String(answer));
      expect(fits.ok, `seed ${seed}`).toBe(true);
      const wrong = explored(p.listing, String(answer + 1));
      const error = wrong.diagnostics.find((d) => d.severity === 'error')!;
      expect(error.layer).toBe(String(p.listing.layers.findIndex((l) => l.type === 'linear')));
      expect(error.message).toContain(String(answer));
    }
  });

  it('parameters: the explorer totals the same count', () => {
    for (const seed of seeds) {
      const p = parameters.generate(rngFor(seed));
      const result = explored(p.listing);
      expect(result.ok, `seed ${seed}`).toBe(true);
      expect(result.totalParams).toBe(parameters.answer(p).value);
    }
  });

  it('error-line: the explorer stops at the same layer, and every kind of bug occurs', () => {
    const bugs = new Set<string>();
    for (const seed of seeds) {
      const p = errorLineExercise.generate(rngFor(seed));
      bugs.add(p.bug);
      const result = explored(p.listing);
      const error = result.diagnostics.find((d) => d.severity === 'error')!;
      expect(result.ok, `seed ${seed}`).toBe(false);
      expect(layerLine(Number(error.layer)), `seed ${seed}`).toBe(Number(errorLineExercise.answer(p).typed));
    }
    expect([...bugs].sort()).toEqual(['batchnorm', 'channels', 'linear', 'vanished']);
  });
});

interface TorchResult {
  id: string;
  ok: boolean;
  params?: number;
  output?: number[];
  error?: string;
}

describe('explorer exercises, run by PyTorch', () => {
  const cases: { id: string; code: string; input: number[]; train: boolean }[] = [];
  const expected = new Map<string, { ok: true; params?: number } | { ok: false; pytorch: string }>();
  for (const seed of seeds.slice(0, TORCH_SEEDS)) {
    const fit = fitLinear.generate(rngFor(seed));
    cases.push({ id: `fit-${seed}`, code: source(fit.listing, fitLinear.answer(fit).typed!), input: fit.listing.input, train: true });
    expected.set(`fit-${seed}`, { ok: true });
    const count = parameters.generate(rngFor(seed));
    cases.push({ id: `params-${seed}`, code: source(count.listing), input: count.listing.input, train: true });
    expected.set(`params-${seed}`, { ok: true, params: parameters.answer(count).value as number });
    const broken = errorLineExercise.generate(rngFor(seed));
    const error = explored(broken.listing).diagnostics.find((d) => d.severity === 'error')!;
    cases.push({ id: `error-${seed}`, code: source(broken.listing), input: broken.listing.input, train: true });
    expected.set(`error-${seed}`, { ok: false, pytorch: error.pytorch ?? '' });
  }
  let results = new Map<string, TorchResult>();
  beforeAll(() => {
    findPython();
    results = new Map(runPython<{ results: TorchResult[] }>('torch_shapes.py', cases).results.map((r) => [r.id, r]));
  }, 600_000);

  it(`${TORCH_SEEDS} variants of each: PyTorch runs the fitted model, counts the same parameters and raises the same error`, () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const c of cases) {
      const torch = results.get(c.id)!;
      const want = expected.get(c.id)!;
      expect(torch.ok, c.id).toBe(want.ok);
      if (want.ok && want.params !== undefined) expect(torch.params, c.id).toBe(want.params);
      if (!want.ok) expect(squash(torch.error!), c.id).toBe(squash(want.pytorch));
    }
  });
});
