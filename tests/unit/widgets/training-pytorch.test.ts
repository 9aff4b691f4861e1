/**
 * The dashboard's "for PyTorch" download: a weights file trained on the page,
 * turned into model.py and model.safetensors, must give PyTorch 1.13 the same
 * logits as the engine (within 1e-4), loaded the way the page tells the reader
 * to (the snippet), for LeNet-5 and for an edited layer stack with dropout. A
 * bad weights file is refused with the weights file's own message.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { noGrad, randn } from '../../../src/engine/index.ts';
import { readSafetensors } from '../../../src/engine/io/safetensors.ts';
import { buildModel } from '../../../src/training/architecture.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { exportWeights } from '../../../src/training/weights.ts';
import { PYTORCH_CODE_FILE, PYTORCH_WEIGHTS_FILE, pytorchFiles } from '../../../components/widgets/training/pytorch-export.ts';
import { runPython } from '../explorer/python.ts';

const TOLERANCE = 1e-4;

function trainedFile(config: TrainConfig, seed: number): { file: Uint8Array; logits: (x: ReturnType<typeof randn>) => Float32Array } {
  const { model } = buildModel(config.architecture, { seed });
  // Weights away from a fresh model's, as after training.
  for (const [i, p] of model.parameters().entries()) for (let j = 0; j < p.data.length; j++) p.data[j] += Math.sin(i * 5 + j) * 0.02;
  const file = exportWeights(model, {
    config,
    inputShape: [1, 28, 28],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    meta: { epochs: 2, steps: 1876, testAccuracy: 0.981, seed, date: '2026-12-05T00:00:00.000Z' },
  });
  model.eval();
  return { file, logits: (x) => noGrad(() => model.forward(x)).data.slice() };
}

const lenetConfig = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
const stackConfig = {
  ...lenetConfig,
  architecture: { kind: 'stack', layers: [...DEFAULT_STACK.layers.slice(0, 7), { type: 'dropout', p: 0.25 }, ...DEFAULT_STACK.layers.slice(7)] },
} as TrainConfig;

const dir = mkdtempSync(path.join(tmpdir(), 'convlab-dashboard-'));
const x = randn([3, 1, 28, 28], { seed: 9 });
const input = { shape: [...x.shape], data: Array.from(x.data) };
const lenet = trainedFile(lenetConfig, 3);
const stack = trainedFile(stackConfig, 4);
let results = new Map<string, { logits?: number[] }>();

beforeAll(() => {
  // LeNet-5 through the very snippet the dashboard shows, in a folder holding just the two downloads.
  const lenetFiles = pytorchFiles(lenet.file);
  const snippetDir = path.join(dir, 'lenet');
  mkdirSync(snippetDir);
  writeFileSync(path.join(snippetDir, PYTORCH_CODE_FILE), lenetFiles.code);
  writeFileSync(path.join(snippetDir, PYTORCH_WEIGHTS_FILE), lenetFiles.weights);
  const stackFiles = pytorchFiles(stack.file);
  writeFileSync(path.join(dir, 'stack.safetensors'), stackFiles.weights);
  const jobs = [
    { kind: 'snippet', id: 'lenet', dir: snippetDir, snippet: lenetFiles.snippet, input },
    { kind: 'run', id: 'stack', code: stackFiles.code, weights: path.join(dir, 'stack.safetensors'), input },
  ];
  results = new Map(runPython<{ results: { id: string; logits?: number[] }[] }>('torch_weights.py', { jobs }).results.map((r) => [r.id, r]));
}, 300_000);

function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(b.length).toBe(a.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w;
}

describe('the dashboard, for PyTorch', () => {
  it('LeNet-5: the snippet shown on the page loads model.py and model.safetensors into PyTorch, same logits', () => {
    expect(worst(lenet.logits(x), results.get('lenet')!.logits!)).toBeLessThan(TOLERANCE);
  });

  it('an edited stack with dropout: same logits in PyTorch (eval mode)', () => {
    expect(worst(stack.logits(x), results.get('stack')!.logits!)).toBeLessThan(TOLERANCE);
  });

  it("writes PyTorch's state-dict names and the input shape", () => {
    const files = pytorchFiles(lenet.file);
    expect(files.inputShape).toEqual([1, 1, 28, 28]);
    expect(files.code).toContain('class Net(');
    expect(files.snippet).toContain(`from model import Net`);
    expect(files.snippet).toContain(`load_file("${PYTORCH_WEIGHTS_FILE}")`);
    const names = Object.keys(readSafetensors(files.weights).tensors);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /^[a-z_0-9]+(\.[a-z_0-9]+)*\.(weight|bias)$/.test(n))).toBe(true);
  });

  it('refuses a file that is not a weights file, with its message', () => {
    expect(() => pytorchFiles(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toThrow(/not a ConvLab weights file/);
  });
});
