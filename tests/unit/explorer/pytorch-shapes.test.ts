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
      : {
          error: squash(error?.pytorch ?? `(no PyTorch message) ${error?.message}`),
          frames: error?.kind === 'syntax' ? [['<syntax>', error.line]] : error?.frames.map((f) => [f.function, f.line]),
        }),
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

const H = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n';
const NET = (init: string, forward: string) =>
  `${H}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n${init}\n\n    def forward(self, x):\n${forward}\n`;
/** Mistakes people make, each with the message Python or PyTorch gives for it. */
const mistakes: (GeneratedCase & { train: boolean })[] = [
  ['unclosed-bracket', `${H}model = nn.Sequential(\n    nn.Conv2d(3, 8, 3),\n    nn.ReLU()\n`],
  ['missing-comma', `${H}model = nn.Sequential(nn.Conv2d(3 8, 3))\n`],
  ['missing-colon', `${H}class Net(nn.Module)\n    def __init__(self):\n        super().__init__()\n`],
  ['bad-unindent', `${H}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n      self.a = nn.ReLU()\n`],
  ['unexpected-indent', `${H}model = nn.Sequential(nn.ReLU())\n    x = 1\n`],
  ['no-import', 'model = nn.Sequential(nn.ReLU())\n'],
  ['no-super', `${H}class Net(nn.Module):\n    def __init__(self):\n        self.fc = nn.Linear(4, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n`],
  ['missing-attribute', NET('        self.conv = nn.Conv2d(3, 8, 3)', '        return self.conv2(x)')],
  ['missing-argument', NET('        self.conv = nn.Conv2d(3, 8)', '        return self.conv(x)')],
  ['misspelt-keyword', NET('        self.pool = nn.MaxPool2d(kernel=2)', '        return self.pool(x)')],
  ['forward-arguments', NET('        self.fc = nn.Linear(3, 2)', '        return self.fc(x, x)')],
  ['init-arguments', `${H}class Net(nn.Module):\n    def __init__(self, width):\n        super().__init__()\n        self.conv = nn.Conv2d(3, width, 3)\n\n    def forward(self, x):\n        return self.conv(x)\n`],
  ['call-module-list', NET('        self.layers = nn.ModuleList([nn.ReLU(), nn.ReLU()])', '        return self.layers(x)')],
  ['index-out-of-range', NET('        self.layers = nn.Sequential(nn.ReLU())', '        return self.layers[1](x)')],
  ['view-does-not-divide', NET('        self.fc = nn.Linear(10, 2)', '        return self.fc(x.view(-1, 10))')],
  ['flatten-then-conv', NET('        self.conv = nn.Conv2d(3, 8, 3)', '        x = torch.flatten(x, 1)\n        return self.conv(x)')],
  ['size-out-of-range', NET('        self.fc = nn.Linear(3, 2)', '        return x.view(x.size(4), -1)')],
  ['pool-too-small', NET('        self.pool = nn.MaxPool2d(4)', '        return self.pool(self.pool(x))')],
  ['batchnorm-channels', NET('        self.bn = nn.BatchNorm2d(8)', '        return self.bn(x)')],
  ['batchnorm-one-value', NET('        self.pool = nn.AdaptiveAvgPool2d(1)\n        self.bn = nn.BatchNorm2d(3)', '        return self.bn(self.pool(x))')],
  ['tuple-index', NET('        self.fc = nn.Linear(3, 2)', '        return self.fc(x.view(x.shape[5], -1))')],
  ['no-forward', `${H}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(3, 2)\n`],
  ['flatten-dim', NET('        self.fc = nn.Linear(3, 2)', '        return torch.flatten(x, 4)')],
].map(([id, code]) => ({ id: `mistake-${id}`, code, input: [1, 3, 8, 8], train: true }));
let results = new Map<string, TorchResult>();
let version = '';

beforeAll(() => {
  findPython();
  const out = runPython<{ torch: string; results: TorchResult[] }>('torch_shapes.py', [...exampleCases, ...mistakes, ...generated]);
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

  it.each(mistakes.map((c) => [c.id, c] as const))('%s: same error, same line', (_id, c) => {
    const theirs = torchView(results.get(c.id)!);
    expect(theirs.ok).toBe(false);
    expect(explorerView(c, c.train)).toEqual(theirs);
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
