/**
 * The explorer without Python: what it reports for lesson 12's bug, that its
 * rows are the engine's own summary, that the working shown is valid TeX with
 * the right numbers, how it finds the model, what it refuses, and that the
 * model it builds runs and trains like any engine model. (Agreement with real
 * PyTorch is in pytorch-shapes.test.ts and pytorch-weights.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { nn, optim, randn, summary, mean, mul } from '../../../src/engine/index.ts';
import { EXAMPLES, explore, exportPyTorch } from '../../../src/explorer/index.ts';

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../src/explorer/examples');
const example = (id: string) => readFileSync(path.join(EXAMPLES_DIR, `${id}.py`), 'utf8');
const H = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n';

describe("lesson 12's CNN", () => {
  const code = example('lesson12-cnn');

  it('at batch 1: runs, with a warning at the flatten (line 21) that the batch was flattened', () => {
    const r = explore(code, { input: [1, 3, 256, 256] });
    expect(r.ok).toBe(true);
    expect(r.outputShape).toEqual([10]);
    expect(r.diagnostics).toHaveLength(1);
    const [w] = r.diagnostics;
    expect(w).toMatchObject({ severity: 'warning', line: 21, column: 13 });
    expect(w.message).toContain('flattens the batch dimension too: [1, 32, 32, 32] becomes [32768]');
    expect(w.message).toContain('torch.flatten(x, 1)');
    // What PyTorch would say at a batch of 2 (checked against PyTorch in pytorch-shapes.test.ts's batch-2 case).
    expect(w.message).toContain("PyTorch would stop at 'fc' with: RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x65536 and 32768x10)");
  });

  it("at batch 2: PyTorch's error at the Linear (line 16), reached from forward's line 22, blaming the flatten", () => {
    const r = explore(code, { input: [2, 3, 256, 256] });
    expect(r.ok).toBe(false);
    const error = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ kind: 'shape', line: 16, layer: 'fc', pytorch: 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x65536 and 32768x10)' });
    expect(error.frames.map((f) => [f.function, f.line])).toEqual([['forward', 22]]);
    expect(error.message).toContain('with torch.flatten(x, 1) each example gives 32768 features, which fits');
    // The rows up to the failure are still there to show.
    expect(r.rows.map((row) => row.name)).toEqual(['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'torch.flatten']);
  });

  it('fixed, at a 32x32 input: the Linear error says which in_features would fit', () => {
    const fixed = code.replace('x = torch.flatten(x)', 'x = torch.flatten(x, 1)');
    const r = explore(fixed, { input: [1, 3, 32, 32] });
    const error = r.diagnostics[0];
    expect(error.pytorch).toBe('RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x512 and 32768x10)');
    expect(error.message).toContain('write nn.Linear(512, 10)');
    expect(explore(fixed, { input: [4, 3, 256, 256] }).outputShape).toEqual([4, 10]);
  });
});

describe('rows', () => {
  it.each(EXAMPLES.filter((e) => !e.buggy).map((e) => [e.id, e] as const))("%s: the engine's own summary() gives the same rows", (_id, e) => {
    const r = explore(example(e.id), { input: [...e.input] });
    expect(r.ok).toBe(true);
    const engine = summary(r.model!, e.input);
    const strip = (rows: { name: string; type: string; outputShape: number[]; params: number }[]) =>
      rows.map(({ name, type, outputShape, params }) => ({ name, type, outputShape, params }));
    expect(strip(r.rows)).toEqual(strip(engine.layers));
    expect(r.totalParams).toBe(engine.totalParams);
    expect(r.totalMacs).toBe(engine.totalMacs);
    expect(r.outputShape).toEqual(engine.outputShape);
  });

  it('LeNet-5: parameters, receptive fields and lines', () => {
    const r = explore(example('lenet5'), { input: [1, 1, 28, 28] });
    expect(r.totalParams).toBe(61706);
    const conv2 = r.rows.find((row) => row.name === 'conv2')!;
    expect(conv2).toMatchObject({ outputShape: [1, 16, 10, 10], params: 2416, macs: 16 * 10 * 10 * 6 * 25 });
    expect(conv2.receptiveField!.size).toEqual([14, 14]);
    expect(conv2.definition!.line).toBe(13);
    expect(conv2.call!.line).toBe(20);
    const view = r.rows.find((row) => row.name === 'x.view')!;
    expect(view).toMatchObject({ kind: 'function', type: 'view', inputShape: [1, 16, 5, 5], outputShape: [1, 400] });
  });

  it('names layers reached through a ModuleList loop as PyTorch does', () => {
    const code = `${H}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.layers = nn.ModuleList([nn.Conv2d(3, 3, 3, padding=1) for _ in range(3)])\n\n    def forward(self, x):\n        for layer in self.layers:\n            x = F.relu(layer(x))\n        return x\n`;
    const r = explore(code, { input: [1, 3, 8, 8] });
    expect(r.rows.map((row) => row.name)).toEqual(['layers.0', 'F.relu', 'layers.1', 'F.relu#2', 'layers.2', 'F.relu#3']);
    expect(Object.keys(r.model!.stateDict())).toEqual(['layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias', 'layers.2.weight', 'layers.2.bias']);
  });
});

describe('the working as TeX', () => {
  it('puts the numbers into the output-size formula', () => {
    const r = explore(example('lesson12-cnn'), { input: [1, 3, 256, 256] });
    const conv1 = r.rows[0];
    expect(conv1.steps.map((s) => [s.label, s.result])).toEqual([['C', 16], ['H = W', 128]]);
    expect(conv1.steps[1].tex).toContain('\\frac{256 + 2 \\times 1 - 1 \\times (3 - 1) - 1}{2}');
    const flatten = r.rows.find((row) => row.name === 'torch.flatten')!;
    expect(flatten.steps[0].tex).toContain('1 \\times 32 \\times 32 \\times 32 = 32768');
  });

  it('shows height and width apart when they differ, and the ceil-mode rule', () => {
    const code = `${H}model = nn.Sequential(nn.Conv2d(1, 2, (3, 5), stride=(1, 2)), nn.MaxPool2d(2, ceil_mode=True))\n`;
    const r = explore(code, { input: [1, 1, 9, 12] });
    expect(r.rows[0].steps.map((s) => [s.label, s.result])).toEqual([['C', 2], ['H', 7], ['W', 4]]);
    expect(r.rows[1].steps.map((s) => [s.label, s.result])).toEqual([['H', 4], ['W', 2]]);
    expect(r.rows[1].steps[0].tex).toContain('\\lceil');
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: every step is valid KaTeX', (_id, e) => {
    const r = explore(example(e.id), { input: [...e.input] });
    const steps = r.rows.flatMap((row) => row.steps);
    expect(steps.length).toBeGreaterThan(r.rows.length / 2);
    for (const step of steps) expect(() => katex.renderToString(step.tex, { displayMode: true, throwOnError: true })).not.toThrow();
  });
});

describe('finding the model', () => {
  const classes = `${H}class A(nn.Module):\n    def __init__(self, n=2):\n        super().__init__()\n        self.fc = nn.Linear(4, n)\n\n    def forward(self, x):\n        return self.fc(x)\n\n\nclass B(A):\n    def __init__(self):\n        super().__init__(3)\n`;

  it('takes the last class when nothing is assigned, built without arguments (inheriting forward)', () => {
    const r = explore(classes, { input: [2, 4] });
    expect(r.modelSource).toEqual({ kind: 'class', name: 'B' });
    expect(r.outputShape).toEqual([2, 3]);
  });

  it('takes the last module assigned or written at the top level', () => {
    expect(explore(`${classes}model = A(5)\nother = 3\n`, { input: [2, 4] })).toMatchObject({ modelSource: { kind: 'variable', name: 'model' }, outputShape: [2, 5] });
    expect(explore(`${H}nn.Sequential(nn.Linear(4, 7))\n`, { input: [1, 4] })).toMatchObject({ modelSource: { kind: 'expression' }, outputShape: [1, 7] });
  });

  it('builds the model without an input shape, and refuses a bad one', () => {
    const r = explore(example('lenet5'));
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([]);
    expect(r.totalParams).toBe(61706);
    expect(explore(example('lenet5'), { input: [1, 0, 28] }).diagnostics[0].message).toContain('positive whole numbers');
  });
});

describe('outside the subset: named, at its line, never skipped', () => {
  const cases: [string, string, number, string][] = [
    ['a while loop', `${H}x = 3\nwhile x:\n    x = x - 1\n`, 6, 'a while loop is outside'],
    ['a lambda', `${H}f = lambda x: x\n`, 5, 'a lambda is outside'],
    ['print', `${H}model = nn.Sequential(nn.ReLU())\nprint(model)\n`, 6, 'print() is outside'],
    ['an unknown layer', `${H}model = nn.Sequential(nn.GELU())\n`, 5, 'nn.GELU is outside'],
    ['torch.cat', `${H}class N(nn.Module):\n    def __init__(self):\n        super().__init__()\n\n    def forward(self, x):\n        return torch.cat([x, x], 1)\n`, 10, 'torch.cat is outside'],
    ['numpy', 'import numpy as np\n', 1, 'importing numpy is outside'],
    ['slicing', `${H}class N(nn.Module):\n    def __init__(self):\n        super().__init__()\n\n    def forward(self, x):\n        return x[:, 0]\n`, 10, 'slicing (a[i:j]) is outside'],
    ['a condition on values', `${H}class N(nn.Module):\n    def __init__(self):\n        super().__init__()\n\n    def forward(self, x):\n        if x:\n            return x\n        return x\n`, 10, "a condition on a tensor's values"],
    ['device=', `${H}model = nn.Linear(2, 3, device='cuda')\n`, 5, "leave device at None"],
  ];
  it.each(cases)('%s', (_name, code, line, message) => {
    const r = explore(code, { input: [1, 3, 8, 8] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ kind: 'subset', line });
    expect(r.diagnostics[0].message).toContain(message);
  });

  it('never throws, whatever the code: every prefix of every example gives a result', () => {
    for (const e of EXAMPLES) {
      const code = example(e.id);
      for (let cut = 0; cut < code.length; cut += 23) {
        const r = explore(code.slice(0, cut), { input: [...e.input] });
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(r.ok ? errors.length : errors.length).toBe(r.ok ? 0 : 1);
        for (const d of r.diagnostics) expect(d.message).not.toContain('internal error');
      }
    }
  });
});

describe('the model is a real engine model', () => {
  it('runs forward on tensors as the equivalent engine Sequential does', () => {
    const r = explore(`${H}model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64, 3))\n`);
    const engine = new nn.Sequential(new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.BatchNorm2d(4), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(64, 3));
    engine.loadStateDict(r.model!.stateDict());
    const x = randn([2, 1, 8, 8], { seed: 3 });
    expect(Array.from(r.model!.eval().forward(x).data)).toEqual(Array.from(engine.eval().forward(x).data));
  });

  it('trains: gradients reach every parameter of a class with a residual sum', () => {
    const r = explore(example('mini-resnet'));
    const model = r.model!.reseed(1);
    const before = model.parameters().map((p) => p.data.slice());
    const optimizer = new optim.SGD(model.parameters(), { lr: 0.1 });
    const out = model.forward(randn([2, 3, 16, 16], { seed: 2 }));
    mean(mul(out, out)).backward();
    for (const [name, p] of model.namedParameters()) expect(p.grad, name).not.toBeNull();
    optimizer.step();
    expect(model.parameters().every((p, i) => p.data.some((v, j) => v !== before[i][j]))).toBe(true);
  });

  it('exports a layer stack as code that reads back to the same rows', () => {
    const r = explore(`${H}net = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding='valid' if False else 1), nn.ReLU6(), nn.AdaptiveAvgPool2d((2, None)), nn.Flatten(), nn.Linear(8 * 2 * 5, 4), nn.LogSoftmax(dim=1))\n`, { input: [1, 3, 9, 9] });
    expect(r.ok).toBe(true);
    const code = exportPyTorch(r.model!);
    expect(code).toContain('class Net(nn.Sequential):');
    expect(code).toContain('nn.AdaptiveAvgPool2d((2, None))');
    const again = explore(code, { input: [1, 3, 9, 9] });
    const view = (rows: typeof r.rows) => rows.map(({ name, type, outputShape, params }) => ({ name, type, outputShape, params }));
    expect(view(again.rows)).toEqual(view(r.rows));
  });
});
