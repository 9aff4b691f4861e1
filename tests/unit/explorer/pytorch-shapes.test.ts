/**
 * The explorer against PyTorch itself: for every example and for a few hundred
 * seeded networks (most fit, some broken the ways students break them), the
 * layers' output shapes, the model's output shape and parameter count, or the
 * error (PyTorch's exception and message, and the lines of the user's code in
 * its traceback) must equal what PyTorch 1.13 gives running the same code on a
 * zero tensor. All cases go to one Python process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../../src/explorer/explore.ts';
import { EXAMPLES } from '../../../src/explorer/examples.ts';
import { generateNetworks } from './generate.ts';
import type { GeneratedCase } from './generate.ts';
import { findPython, runPython } from './python.ts';

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../src/explorer/examples');
const GENERATED = 300;

interface TorchResult {
  id: string;
  ok: boolean;
  rows: [string, string, number[]][];
  output?: number[];
  params?: number;
  error?: string;
  frames?: [string, number][];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the explorer says, in the oracle's terms. */
function explorerView(c: GeneratedCase, train: boolean) {
  const r = explore(c.code, { input: c.input, train });
  const error = r.diagnostics.find((d) => d.severity === 'error');
  return {
    ok: r.ok,
    rows: r.rows.filter((row) => row.kind === 'module').map((row) => [row.name, row.type, row.outputShape]),
    ...(r.ok
      ? { output: r.outputShape, params: r.totalParams }
      : { error: squash(error?.pytorch ?? `(no PyTorch message) ${error?.message}`), frames: error?.frames.map((f) => [f.function, f.line]) }),
  };
}

function torchView(t: TorchResult) {
  return {
    ok: t.ok,
    rows: t.rows,
    ...(t.ok ? { output: t.output, params: t.params } : { error: squash(t.error!), frames: t.frames }),
  };
}

const exampleCases: (GeneratedCase & { train: boolean })[] = EXAMPLES.flatMap((example) => {
  const code = readFileSync(path.join(EXAMPLES_DIR, `${example.id}.py`), 'utf8');
  // Each example at its own input, at batch 2 (where the lesson-12 bug fails), and in both modes.
  return [
    { id: `${example.id}`, code, input: [...example.input], train: true },
    { id: `${example.id}-batch2`, code, input: [2, ...example.input.slice(1)], train: true },
    { id: `${example.id}-eval-small`, code, input: [1, example.input[1], 32, 32], train: false },
  ];
});
const generated = generateNetworks(GENERATED, 20261204).map((c) => ({ ...c, train: true }));
let results = new Map<string, TorchResult>();
let version = '';

beforeAll(() => {
  findPython();
  const out = runPython<{ torch: string; results: TorchResult[] }>('torch_shapes.py', [...exampleCases, ...generated]);
  version = out.torch;
  results = new Map(out.results.map((r) => [r.id, r]));
}, 600_000);

describe('explorer vs PyTorch', () => {
  it('runs against PyTorch 1.13', () => {
    expect(version).toMatch(/^1\.13/);
  });

  it.each(exampleCases.map((c) => [c.id, c] as const))('example %s: same shapes or error', (_id, c) => {
    expect(explorerView(c, c.train)).toEqual(torchView(results.get(c.id)!));
  });

  it(`${GENERATED} generated networks: same shapes, parameters or error`, () => {
    const mismatches = generated
      .map((c) => ({ c, ours: explorerView(c, true), theirs: torchView(results.get(c.id)!) }))
      .filter(({ ours, theirs }) => JSON.stringify(ours) !== JSON.stringify(theirs));
    const shown = mismatches.slice(0, 3).map(({ c, ours, theirs }) => `${c.id} ${JSON.stringify(c.input)}\n${c.code}\nexplorer: ${JSON.stringify(ours)}\npytorch:  ${JSON.stringify(theirs)}`);
    expect(shown.join('\n\n'), `${mismatches.length} of ${GENERATED} differ`).toBe('');
    // The set must exercise both sides: networks that run and networks that fail.
    const failing = generated.filter((c) => !results.get(c.id)!.ok).length;
    expect(failing).toBeGreaterThan(GENERATED * 0.15);
    expect(failing).toBeLessThan(GENERATED * 0.6);
  });
});
