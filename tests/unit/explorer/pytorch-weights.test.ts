/**
 * Weights both ways between the engine and real PyTorch 1.13, through
 * `.safetensors` files and exported code:
 *  - the engine trains a model briefly, exports its code and weights; PyTorch
 *    loads both (load_state_dict strict=True) and gives the same logits;
 *  - PyTorch trains the same code briefly and saves a .safetensors file; the
 *    engine imports it and gives the same logits;
 *  - a file with a missing, an extra and a misshapen tensor is refused by both,
 *    naming the same tensors.
 * Logits must agree within 1e-4. All PyTorch work happens in one process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tensor, models, nn, optim, randn, mean, mul } from '../../../src/engine/index.ts';
import { loadSafetensors, saveSafetensors, writeSafetensors } from '../../../src/engine/io/safetensors.ts';
import { explore } from '../../../src/explorer/explore.ts';
import { exportPyTorch } from '../../../src/explorer/export.ts';
import { pythonLoadSnippet } from '../../../src/explorer/snippet.ts';
import { runPython } from './python.ts';

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../src/explorer/examples');
const dir = mkdtempSync(path.join(tmpdir(), 'convlab-explorer-'));
const TOLERANCE = 1e-4;

function example(id: string): string {
  return readFileSync(path.join(EXAMPLES_DIR, `${id}.py`), 'utf8');
}

function built(code: string): nn.Module {
  const result = explore(code);
  if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.model;
}

/** Two SGD steps on seeded noise, so weights and BatchNorm statistics are far from their initial values. */
function trainBriefly(model: nn.Module, inputShape: number[], seed: number): void {
  model.reseed(seed).train();
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  for (let step = 0; step < 2; step++) {
    const out = model.forward(randn([4, ...inputShape.slice(1)], { seed: seed + step + 1 }));
    const loss = mean(mul(out, out));
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
  }
  model.eval();
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

interface Case {
  id: string;
  /** The model and the code PyTorch builds it from. */
  make: () => { model: nn.Module; code: string };
  input: number[];
}

const engineToTorch: Case[] = [
  { id: 'lenet5', input: [2, 1, 28, 28], make: () => ({ model: built(example('lenet5')), code: example('lenet5') }) },
  { id: 'mini-vgg', input: [2, 3, 32, 32], make: () => ({ model: built(example('mini-vgg')), code: example('mini-vgg') }) },
  { id: 'mini-resnet', input: [2, 3, 32, 32], make: () => ({ model: built(example('mini-resnet')), code: example('mini-resnet') }) },
  { id: 'mini-alexnet', input: [2, 3, 64, 64], make: () => ({ model: built(example('mini-alexnet')), code: example('mini-alexnet') }) },
  // Models made of engine layers, not code: the exporter writes their code.
  { id: 'zoo-lenet5', input: [2, 1, 28, 28], make: () => {
    const model = models.lenet5({ inputSize: 28 });
    return { model, code: exportPyTorch(model, { className: 'LeNet5' }) };
  } },
  { id: 'layer-stack', input: [2, 1, 28, 28], make: () => {
    const model = new nn.Sequential(
      new nn.Conv2d(1, 8, 3, { padding: 1 }), new nn.BatchNorm2d(8), new nn.LeakyReLU({ negativeSlope: 0.1 }),
      new nn.AvgPool2d(2), new nn.Conv2d(8, 12, 3, { stride: 2, bias: false }), new nn.Tanh(), new nn.Flatten(),
      new nn.Dropout({ p: 0.3 }), new nn.Linear(12 * 6 * 6, 10),
    );
    return { model, code: exportPyTorch(model) };
  } },
];
const torchToEngine = ['lenet5', 'mini-vgg', 'mini-resnet'];

interface Prepared {
  id: string;
  model: nn.Module;
  code: string;
  input: { shape: number[]; data: number[] };
  logits: Float32Array;
}

let prepared: Prepared[] = [];
let results = new Map<string, { logits?: number[]; error?: string | null }>();
let strictFiles: { id: string; bytes: Uint8Array }[] = [];

beforeAll(() => {
  prepared = engineToTorch.map((c, i) => {
    const { model, code } = c.make();
    trainBriefly(model, c.input, 100 + i);
    const x = randn(c.input, { seed: 500 + i });
    const logits = model.forward(x).data.slice();
    writeFileSync(path.join(dir, `${c.id}.safetensors`), saveSafetensors(model));
    writeFileSync(path.join(dir, `${c.id}.py`), code);
    return { id: c.id, model, code, input: { shape: c.input, data: Array.from(x.data) }, logits };
  });
  // One file that is wrong three ways at once, from LeNet-5's state dict.
  const lenet = prepared[0].model.stateDict();
  const broken: Record<string, { shape: readonly number[]; data: ArrayLike<number> }> = { ...lenet };
  delete broken['fc3.bias'];
  broken['fc4.weight'] = { shape: [2, 2], data: [1, 2, 3, 4] };
  broken['fc1.weight'] = { shape: [120, 256], data: new Float32Array(120 * 256) };
  strictFiles = [{ id: 'strict-lenet5', bytes: writeSafetensors(broken) }];
  for (const f of strictFiles) writeFileSync(path.join(dir, `${f.id}.safetensors`), f.bytes);

  const jobs: Record<string, unknown>[] = [
    ...prepared.map((p) => ({ kind: 'run', id: p.id, code: p.code, weights: path.join(dir, `${p.id}.safetensors`), input: p.input })),
    ...torchToEngine.map((id, i) => ({
      kind: 'make',
      id: `torch-${id}`,
      code: example(id),
      weights: path.join(dir, `torch-${id}.safetensors`),
      seed: 7 + i,
      input: prepared.find((p) => p.id === id)!.input,
    })),
    ...strictFiles.map((f) => ({ kind: 'strict', id: f.id, code: example('lenet5'), weights: path.join(dir, `${f.id}.safetensors`) })),
  ];
  // The loading snippet, as the page and README show it, on the exported layer stack.
  const stack = prepared.find((p) => p.id === 'layer-stack')!;
  writeFileSync(path.join(dir, 'model.py'), stack.code);
  writeFileSync(path.join(dir, 'model.safetensors'), saveSafetensors(stack.model));
  jobs.push({ kind: 'snippet', id: 'snippet', dir, snippet: pythonLoadSnippet(), input: stack.input });
  const out = runPython<{ results: { id: string; logits?: number[]; error?: string | null }[] }>('torch_weights.py', { jobs });
  results = new Map(out.results.map((r) => [r.id, r]));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine -> PyTorch: exported code and .safetensors give the same logits', () => {
  it.each(engineToTorch.map((c) => [c.id]))('%s', (id) => {
    const p = prepared.find((q) => q.id === id)!;
    const theirs = results.get(id)!.logits!;
    expect(maxDifference(p.logits, theirs)).toBeLessThan(TOLERANCE);
    // Not a vacuous match: the logits differ from one another and from zero.
    expect(Math.max(...p.logits) - Math.min(...p.logits)).toBeGreaterThan(1e-3);
  });

  it('the exported code of engine-built models reads back to the same network and weights', () => {
    for (const p of prepared.filter((q) => q.id === 'zoo-lenet5' || q.id === 'layer-stack')) {
      const again = explore(p.code, { input: p.input.shape, train: false });
      expect(again.ok, JSON.stringify(again.diagnostics)).toBe(true);
      const model = again.model!;
      const names = (m: nn.Module) => Object.entries(m.stateDict()).map(([k, t]) => `${k}:${t.shape.join('x')}`);
      expect(names(model)).toEqual(names(p.model));
      loadSafetensors(model, readFileSync(path.join(dir, `${p.id}.safetensors`)));
      model.eval();
      const x = randn(p.input.shape, { seed: 1 });
      expect(maxDifference(model.forward(x).data, p.model.forward(x).data)).toBeLessThan(1e-6);
      // Exporting the model read back from exported code gives that code again.
      expect(exportPyTorch(model, { source: p.code })).toBe(p.code);
    }
  });
});

describe('the Python snippet shown to users', () => {
  it('loads the exported model and weights in PyTorch to the same logits', () => {
    const stack = prepared.find((p) => p.id === 'layer-stack')!;
    expect(maxDifference(stack.logits, results.get('snippet')!.logits!)).toBeLessThan(TOLERANCE);
  });

  it('is the one in the README', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`python\n${pythonLoadSnippet()}\n\`\`\``);
  });
});

describe('PyTorch -> engine: a .safetensors file written by PyTorch', () => {
  it.each(torchToEngine.map((id) => [id]))('%s imports and gives the same logits', (id) => {
    const model = built(example(id));
    const metadata = loadSafetensors(model, readFileSync(path.join(dir, `torch-${id}.safetensors`)));
    expect(metadata).toEqual({ format: 'pt' });
    model.eval();
    const input = prepared.find((p) => p.id === id)!.input;
    const ours = model.forward(new Tensor(Float32Array.from(input.data), input.shape)).data;
    expect(maxDifference(ours, results.get(`torch-${id}`)!.logits!)).toBeLessThan(TOLERANCE);
  });
});

describe('strict loading, as load_state_dict(strict=True)', () => {
  it('names the same missing, unexpected and misshapen tensors as PyTorch, and changes nothing', () => {
    const theirs = results.get('strict-lenet5')!.error!;
    const model = built(example('lenet5'));
    const before = model.stateDict();
    let ours = '';
    try {
      loadSafetensors(model, strictFiles[0].bytes);
    } catch (error) {
      ours = (error as Error).message;
    }
    const keys = (text: string) => ({
      missing: /Missing key\(s\) in state_dict: (.*?)\. /.exec(text)?.[1],
      unexpected: /Unexpected key\(s\) in state_dict: (.*?)\. /.exec(text)?.[1],
      size: [...text.matchAll(/size mismatch for ([\w.]+)/g)].map((m) => m[1]),
    });
    expect(keys(ours)).toEqual(keys(theirs));
    expect(keys(ours)).toEqual({ missing: '"fc3.bias"', unexpected: '"fc4.weight"', size: ['fc1.weight'] });
    // PyTorch's text, apart from how it prints a shape (torch.Size([120, 256]) against [120, 256]).
    expect(ours.replace(/\s+/g, ' ')).toBe(theirs.replace(/torch\.Size\((\[[^\]]*\])\)/g, '$1').replace(/\s+/g, ' '));
    const after = model.stateDict();
    for (const [k, t] of Object.entries(before)) expect(Array.from(after[k].data)).toEqual(Array.from(t.data));
  });
});
