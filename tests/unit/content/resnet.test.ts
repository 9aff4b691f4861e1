/**
 * Lesson 17 ("ResNet") against the engine, torchvision and its own recorded run:
 * the degradation experiment is deterministic for a seed and reproduces the
 * committed small-setting fixture exactly; the recorded lesson run shows the
 * degradation it is quoted for; the block stepper equals the block's forward; the
 * zoo's parameter counts are torchvision's.
 */
import { describe, expect, it } from 'vitest';
import * as numbers from '../../../components/widgets/resnet/lesson-numbers.ts';
import { compareBottleneck, downsampleShapes, stepBlock, zooParams } from '../../../components/widgets/resnet/model.ts';
import { DEGRADATION_DEFAULTS, DEGRADATION_TINY, finalLoss, runAll } from '../../../src/training/degradation/experiment.ts';
import type { DegradationCurve, DegradationOptions } from '../../../src/training/degradation/experiment.ts';
import { degradationData } from '../../../scripts/degradation.ts';
import tiny from '../../../src/training/degradation/reference-tiny.json';
import reference from '../../../src/training/degradation/reference.json';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import { defaultSettings } from '../../../components/widgets/training/settings.ts';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

describe('the degradation experiment', () => {
  it('reproduces the recorded small-setting run for its seed, number for number', async () => {
    const settings = tiny.settings as DegradationOptions;
    expect(settings).toEqual(DEGRADATION_TINY);
    const curves = runAll(settings, await degradationData(settings));
    expect(curves.map((c) => ({ ...c, loss: c.loss.map(round) }))).toEqual(tiny.curves);
  });

  it('is deterministic: the same seed gives the same losses twice, another seed does not', async () => {
    const settings = { ...DEGRADATION_TINY, depths: [8] };
    const data = await degradationData(settings);
    const a = runAll(settings, data);
    const b = runAll(settings, data);
    expect(b).toEqual(a);
    const c = runAll({ ...settings, seed: settings.seed + 1 }, data);
    expect(c[0].loss).not.toEqual(a[0].loss);
  });

  it('the recorded lesson run is the lesson’s setting, and its first point equals a rerun’s (full run is the script’s job)', async () => {
    expect(reference.settings).toEqual(DEGRADATION_DEFAULTS);
    // The first window of the shallowest pair, rerun: checks the fixture came from this code.
    const settings: DegradationOptions = { ...DEGRADATION_DEFAULTS, depths: [DEGRADATION_DEFAULTS.depths[0]], steps: DEGRADATION_DEFAULTS.every };
    const curves = runAll(settings, await degradationData(settings));
    for (const c of curves) {
      const recorded = (reference.curves as DegradationCurve[]).find((r) => r.kind === c.kind && r.depth === c.depth);
      expect(round(c.loss[0])).toBe(recorded?.loss[0]);
    }
  });

  it('shows degradation: each deeper plain net ends with a higher TRAINING loss, the residual twins do not', () => {
    const curves = reference.curves as DegradationCurve[];
    const final = (kind: string, depth: number) => finalLoss(curves.find((c) => c.kind === kind && c.depth === depth)!);
    const [d1, d2, d3] = reference.settings.depths;
    expect(final('plain', d2)).toBeGreaterThan(final('plain', d1));
    expect(final('plain', d3)).toBeGreaterThan(final('plain', d2));
    expect(final('residual', d3)).toBeLessThan(final('plain', d1));
    expect(final('residual', d3)).toBeLessThan(final('plain', d3) / 2);
    expect(numbers.plainDeep).toBeGreaterThan(numbers.plainMiddle);
    expect(numbers.deepRatio).toBeGreaterThan(2);
  });
});

describe('the residual block and its shortcut', () => {
  it('stepping conv, bn, relu, conv, bn, add, relu equals the block’s forward', () => {
    const { stages, matchesForward } = stepBlock();
    expect(matchesForward).toBe(true);
    expect(stages.map((s) => s.id)).toEqual(['x', 'conv1', 'bn1', 'relu1', 'conv2', 'bn2', 'sum', 'out']);
    const [x, , , , , f, sum] = stages;
    sum.channel0.forEach((v, i) => expect(v).toBeCloseTo(f.channel0[i] + x.channel0[i], 1));
  });

  it('the downsampling block, stepped, adds F(x) to the 1x1 stride-2 projection of x and equals the block’s forward', () => {
    const { stages, matchesForward } = stepBlock(true);
    expect(matchesForward).toBe(true);
    expect(stages.map((s) => s.id)).toEqual(['x', 'conv1', 'bn1', 'relu1', 'conv2', 'bn2', 'shortcut', 'sum', 'out']);
    const byId = Object.fromEntries(stages.map((s) => [s.id, s]));
    expect(byId.x.shape).toEqual([1, 2, 4, 4]);
    for (const id of ['conv1', 'bn2', 'shortcut', 'sum', 'out']) expect(byId[id].shape).toEqual([1, 4, 2, 2]);
    byId.sum.channel0.forEach((v, i) => expect(v).toBeCloseTo(byId.bn2.channel0[i] + byId.shortcut.channel0[i], 1));
  });

  it('a stride-2 block halves the side and doubles the channels; the 1x1 projection matches', () => {
    const d = downsampleShapes(64, 56);
    expect(d.main).toEqual([1, 128, 28, 28]);
    expect(d.shortcut).toEqual(d.main);
    // 1x1 conv 64 -> 128 without bias, plus BatchNorm's weight and bias.
    expect(d.shortcutParams).toBe(64 * 128 + 2 * 128);
  });
});

describe('bottleneck against two 3x3 layers', () => {
  it('counts weights and MACs as the formulas do', () => {
    for (const c of [1, 16, 64]) {
      const r = compareBottleneck(c, 14);
      expect(r.twoConvs.params).toBe(2 * 9 * c * c);
      expect(r.bottleneck.params).toBe(4 * c * c + 9 * c * c + 4 * c * c);
      expect(r.twoConvs.macs).toBe(r.twoConvs.params * 14 * 14);
      expect(r.bottleneck.macs).toBe(r.bottleneck.params * 14 * 14);
      expect(r.bottleneck.params).toBeLessThan(r.twoConvs.params);
    }
  });
});

describe('the zoo', () => {
  it('ResNet-18, 34 and 50 have torchvision’s parameter counts', () => {
    expect(zooParams('resnet18').params).toBe(11_689_512);
    expect(zooParams('resnet34').params).toBe(21_797_672);
    expect(zooParams('resnet50').params).toBe(25_557_032);
    expect([numbers.params18, numbers.params34, numbers.params50]).toEqual([11_689_512, 21_797_672, 25_557_032]);
    expect(numbers.blocks34).toBe(16);
    expect(numbers.blocks50).toBe(16);
  });
});

describe('the case-study figures lesson 17 quotes', () => {
  it('takes ILSVRC and He et al.\'s numbers from the sourced data file, and ResNet-50\'s split from the shared rows', () => {
    const n = numbers;
    expect(n.paper).toEqual({ shallow: 20, deep: 56, year: 2015 });
    expect(Number(n.ilsvrc.resnetError)).toBeLessThan(Number(n.ilsvrc.human));
    expect(n.ilsvrc.firstYear).toBe(2010);
    expect(n.ilsvrc.lastYear).toBe(2017);
    expect(n.where50.convParams + n.where50.fcParams).toBeLessThanOrEqual(100);
    expect(n.where50.convParams).toBeGreaterThan(n.where50.fcParams);
  });
});

describe('the mini-ResNet the lesson trains', () => {
  it('is the model the lesson-17 dashboard builds, with the parameters and weight layers the prose states', () => {
    const settings = defaultSettings('resnet');
    expect(settings.arch).toBe('zoo');
    expect(settings.zooModel).toBe('miniResNet');
    const built = checkArchitecture({ kind: 'zoo', model: 'miniResNet' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(numbers.mini.params).toBe(built.totalParams);
    // The stem, two convolutions in each of three blocks, two 1x1 projections and the FC layer.
    expect(numbers.mini.weightLayers).toBe(1 + 3 * 2 + 2 + 1);
    expect(numbers.mini.ratio18).toBe(Math.round(numbers.params18 / built.totalParams));
  });
});
