/**
 * The trainer's third kind of architecture: the engine zoo's small models
 * (miniAlexNet, miniVgg, miniResNet) for 1x28x28 input. Checked like the other
 * kinds, saved and reloaded through the weights file, split across two workers
 * only when that equals one worker (no BatchNorm), exported to PyTorch 1.13
 * with the same logits, and offered by the dashboard's case-study lessons.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { noGrad, randn } from '../../../src/engine/index.ts';
import { buildModel, checkArchitecture } from '../../../src/training/architecture.ts';
import { DEFAULT_TRAIN_CONFIG, ZOO_MODELS, checkTrainConfig } from '../../../src/training/config.ts';
import type { TrainConfig, ZooModelName } from '../../../src/training/config.ts';
import { canSplit } from '../../../src/training/parallel.ts';
import { exportWeights, importWeights } from '../../../src/training/weights.ts';
import { pytorchExportable, pytorchFiles } from '../../../components/widgets/training/pytorch-export.ts';
import { architectureOf, defaultSettings, fromTrainConfig, toTrainConfig } from '../../../components/widgets/training/settings.ts';
import { readUrlState, settingsQuery } from '../../../components/widgets/training/url-state.ts';
import { runPython } from '../explorer/python.ts';

function zooConfig(model: ZooModelName): TrainConfig {
  return { ...(structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig), architecture: { kind: 'zoo', model } };
}

function trainedFile(model: ZooModelName, seed: number) {
  const config = zooConfig(model);
  const built = buildModel(config.architecture, { seed });
  for (const [i, p] of built.model.parameters().entries()) for (let j = 0; j < p.data.length; j++) p.data[j] += Math.sin(i * 5 + j) * 0.02;
  const file = exportWeights(built.model, {
    config,
    inputShape: [1, 28, 28],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    meta: { epochs: 1, steps: 938, testAccuracy: 0.98, seed, date: '2026-12-05T00:00:00.000Z' },
  });
  built.model.eval();
  return { file, model: built.model };
}

describe('zoo architectures', () => {
  it.each(ZOO_MODELS)('%s builds for 1x28x28 and ends in ten class scores', (name) => {
    const check = checkArchitecture({ kind: 'zoo', model: name });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.layers.at(-1)!.outputShape).toEqual([10]);
    expect(check.totalParams).toBeGreaterThan(0);
    expect(() => checkTrainConfig(zooConfig(name))).not.toThrow();
  });

  it('refuses an unknown zoo model with the list of known ones', () => {
    const bad = { kind: 'zoo', model: 'vgg16' } as unknown as TrainConfig['architecture'];
    const check = checkArchitecture(bad);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/miniAlexNet, miniVgg, miniResNet.*"vgg16"/);
    expect(() => checkTrainConfig({ ...zooConfig('miniVgg'), architecture: bad })).toThrow(/architecture\.model must be one of/);
    expect(() => checkTrainConfig({ ...zooConfig('miniVgg'), architecture: { kind: 'nope' } as never })).toThrow(/lenet5, stack, zoo/);
  });

  it('same seed, same weights; saved and reloaded, the same predictions', () => {
    const x = randn([2, 1, 28, 28], { seed: 5 });
    for (const name of ZOO_MODELS) {
      const a = buildModel({ kind: 'zoo', model: name }, { seed: 3 }).model;
      const b = buildModel({ kind: 'zoo', model: name }, { seed: 3 }).model;
      expect(a.parameters()[0].data).toEqual(b.parameters()[0].data);
      const { file, model } = trainedFile(name, 7);
      const { built, header } = importWeights(file);
      expect(header.config.architecture).toEqual({ kind: 'zoo', model: name });
      built.model.eval();
      const want = noGrad(() => model.forward(x)).data;
      const got = noGrad(() => built.model.forward(x)).data;
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it('two workers only without BatchNorm: miniResNet trains on one', () => {
    expect(canSplit(buildModel({ kind: 'zoo', model: 'miniAlexNet' }, { seed: 1 }).model)).toBe(true);
    expect(canSplit(buildModel({ kind: 'zoo', model: 'miniVgg' }, { seed: 1 }).model)).toBe(true);
    expect(canSplit(buildModel({ kind: 'zoo', model: 'miniResNet' }, { seed: 1 }).model)).toBe(false);
  });
});

describe('the dashboard in the case-study lessons', () => {
  it.each([
    ['alexnet', 'miniAlexNet'],
    ['vgg', 'miniVgg'],
    ['resnet', 'miniResNet'],
  ] as const)('%s defaults to %s, and a config round-trips', (lesson, model) => {
    const settings = defaultSettings(lesson);
    expect(architectureOf(settings)).toEqual({ kind: 'zoo', model });
    const config = toTrainConfig(settings);
    expect(() => checkTrainConfig(config)).not.toThrow();
    expect(fromTrainConfig(config, defaultSettings('training'))).toMatchObject({ arch: 'zoo', zooModel: model });
    expect(settingsQuery(settings, 0, lesson)).toBe('');
    // The lesson trains its own model: a link cannot swap in a stack.
    const read = readUrlState('?arch=stack', lesson);
    expect(read.settings.arch).toBe('zoo');
    expect(read.rejected.length).toBe(1);
  });
});

describe('zoo models for PyTorch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convlab-zoo-'));
  const x = randn([2, 1, 28, 28], { seed: 9 });
  const input = { shape: [...x.shape], data: Array.from(x.data) };
  const exportable = ZOO_MODELS.filter((name) => pytorchExportable({ kind: 'zoo', model: name }));
  const trained = Object.fromEntries(exportable.map((name, i) => [name, trainedFile(name, 11 + i)]));
  let results = new Map<string, { logits?: number[]; error?: string }>();
  beforeAll(() => {
    const jobs = exportable.map((name) => {
      const files = pytorchFiles(trained[name].file);
      const weights = path.join(dir, `${name}.safetensors`);
      writeFileSync(weights, files.weights);
      return { kind: 'run', id: name, code: files.code, weights, input };
    });
    results = new Map(runPython<{ results: { id: string; logits?: number[] }[] }>('torch_weights.py', { jobs }).results.map((r) => [r.id, r]));
  }, 300_000);

  it('miniResNet is not offered (skip connections), and would fail if asked', () => {
    expect(exportable).toEqual(['miniAlexNet', 'miniVgg']);
    expect(() => pytorchFiles(trainedFile('miniResNet', 1).file)).toThrow(/ResidualNet/);
  });

  it.each(['miniAlexNet', 'miniVgg'] as const)('%s: model.py + model.safetensors give the same logits in PyTorch', (name) => {
    const want = noGrad(() => trained[name].model.forward(x)).data;
    const got = results.get(name)?.logits;
    expect(got, JSON.stringify(results.get(name))).toBeDefined();
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i] - got![i]));
    expect(worst).toBeLessThan(1e-4);
  });
});
