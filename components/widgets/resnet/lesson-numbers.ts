/**
 * Every number lesson 17's prose states: the recorded degradation run (a committed
 * fixture, reproduced by a unit test), the block and bottleneck computed by the
 * engine, and the zoo's parameter counts. Both language versions import this module.
 */
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { finalLoss } from '../../../src/training/degradation/experiment.ts';
import type { DegradationCurve } from '../../../src/training/degradation/experiment.ts';
import { netParams, recorded } from './recorded.ts';

export { recorded };
import { HUMAN_TOP5_ERROR, ILSVRC_WINNERS, LAST_ILSVRC_YEAR, RESNET_FACTS } from '../../../src/case-studies/ilsvrc.ts';
import { describeArchitecture, shares } from '../../../src/case-studies/architectures.ts';
import { compareBottleneck, downsampleShapes, stepBlock, zooParams, BLOCK_CHANNELS, BLOCK_SIDE } from './model.ts';

/** The only numbers lesson 17's prose and its widget's strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'a 1x1 convolution, one image' },
  { value: 3, why: 'a 3x3 convolution, the kernel of every block' },
  { value: 2, why: 'stride 2 halves the side; two 3x3 layers in a basic block' },
  { value: 4, why: 'the bottleneck expands by a factor of 4 (torchvision Bottleneck.expansion)' },
  { value: 0, why: 'the mean and a weight of zero' },
];

const s = recorded.settings;

const round2 = (x: number) => Math.round(x * 100) / 100;

function curveOf(kind: 'plain' | 'residual', depth: number): DegradationCurve {
  const c = recorded.curves.find((curve) => curve.kind === kind && curve.depth === depth);
  if (!c) throw new Error(`lesson 17: the recorded run has no ${kind} net of depth ${depth}`);
  return c;
}

/** The setting, as the prose states it. */
export const setting = {
  seed: s.seed,
  depths: s.depths,
  shallow: s.depths[0],
  middle: s.depths[1],
  deep: s.depths[s.depths.length - 1],
  widths: s.widths.join(', '),
  size: s.size,
  trainCount: s.trainCount,
  batchSize: s.batchSize,
  steps: s.steps,
  lr: s.lr,
  tail: 3 * s.every,
};

/** Final training losses (mean of the last three curve points), rounded for prose. */
export const losses = {
  plain: Object.fromEntries(s.depths.map((d) => [d, round2(finalLoss(curveOf('plain', d)))])) as Record<number, number>,
  residual: Object.fromEntries(s.depths.map((d) => [d, round2(finalLoss(curveOf('residual', d)))])) as Record<number, number>,
};
export const plainShallow = losses.plain[setting.shallow];
export const plainMiddle = losses.plain[setting.middle];
export const plainDeep = losses.plain[setting.deep];
export const residualShallow = losses.residual[setting.shallow];
export const residualMiddle = losses.residual[setting.middle];
export const residualDeep = losses.residual[setting.deep];
/** Parameters of the deepest pair: the residual net has only its shortcut projections more. */
export const paramsPlainDeep = netParams('plain', setting.deep);
export const paramsResidualDeep = netParams('residual', setting.deep);

/** How many times higher the deepest plain net's loss is than its residual twin's. */
export const deepRatio = Math.round((plainDeep / residualDeep) * 10) / 10;

/** The block stepper's input. */
export const block = (() => {
  const { stages, matchesForward } = stepBlock();
  if (!matchesForward) throw new Error('lesson 17: the stepped block does not equal its forward pass');
  return { channels: BLOCK_CHANNELS, side: BLOCK_SIDE, stages: stages.length };
})();

/** The stepper's downsampling block: the shape its main path and its 1x1 stride-2 shortcut both give. */
export const blockDown = (() => {
  const { stages, matchesForward } = stepBlock(true);
  if (!matchesForward) throw new Error('lesson 17: the stepped downsampling block does not equal its forward pass');
  const shortcut = stages.find((s) => s.id === 'shortcut');
  if (!shortcut) throw new Error('lesson 17: the downsampling block has no shortcut stage');
  return { channels: shortcut.shape[1], side: shortcut.shape[2] };
})();

/** The downsampling shortcut of ResNet-18's first stride-2 block. */
export const down = (() => {
  const d = downsampleShapes(64, 56);
  return {
    inChannels: d.input[1],
    inSide: d.input[2],
    outChannels: d.main[1],
    outSide: d.main[2],
    shortcutParams: d.shortcutParams,
  };
})();

/** The bottleneck against two 3x3 layers, at ResNet-50's 64-channel stage width. */
export const bottle = (() => {
  const c = compareBottleneck(64, 56);
  return {
    channels: c.channels,
    wide: c.bottleneck.width,
    side: c.side,
    twoParams: c.twoConvs.params,
    bottleParams: c.bottleneck.params,
    twoMacs: c.twoConvs.macs,
    bottleMacs: c.bottleneck.macs,
  };
})();

/** ResNet-18, 34 and 50 from the zoo. */
export const zoo = {
  resnet18: zooParams('resnet18'),
  resnet34: zooParams('resnet34'),
  resnet50: zooParams('resnet50'),
};
export const params18 = zoo.resnet18.params;
export const params34 = zoo.resnet34.params;
export const params50 = zoo.resnet50.params;
export const blocks34 = zoo.resnet34.blocks;
export const blocks50 = zoo.resnet50.blocks;

/** A number with digit grouping in the reader's language: 11,689,512. */
export function grouped(value: number, lang: 'en' | 'ko'): string {
  return Math.round(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
}

/** He et al.'s CIFAR-10 figure (the plain nets whose training error the lesson starts from) and their ILSVRC year, from the case studies' sourced data file. */
const resnetEntry = ILSVRC_WINNERS.find((w) => w.network === 'ResNet');
if (!resnetEntry) throw new Error('lesson 17: the ILSVRC file has no ResNet entry');
export const paper = { shallow: RESNET_FACTS.degradationShallow.value, deep: RESNET_FACTS.degradationDeep.value, year: resnetEntry.year };

const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** ILSVRC figures for the chart's paragraph (src/case-studies/ilsvrc.ts, each with its source). */
export const ilsvrc = (() => {
  const first = ILSVRC_WINNERS[0];
  return {
    firstYear: first.year,
    firstError: oneDecimal(first.top5Error),
    resnetError: String(resnetEntry.top5Error),
    human: oneDecimal(HUMAN_TOP5_ERROR.value),
    lastYear: LAST_ILSVRC_YEAR.value,
  };
})();

/** Where ResNet-50's parameters and MACs sit (percent, the shared summary rows). */
export const where50 = (() => {
  const sh = shares(describeArchitecture('resnet50'));
  return { convParams: Math.round(sh.conv.params * 100), fcParams: Math.round(sh.fc.params * 100), convMacs: oneDecimal(sh.conv.macs * 100) };
})();

/** The zoo's mini-ResNet, which the lesson's dashboard trains (the registry builds it as the trainer does). */
export const mini = (() => {
  const report = describeArchitecture('mini-resnet');
  return {
    input: report.inputShape[1],
    params: report.totalParams,
    weightLayers: report.weightLayers,
    /** How many times fewer parameters than ResNet-18. */
    ratio18: Math.round(params18 / report.totalParams),
  };
})();
