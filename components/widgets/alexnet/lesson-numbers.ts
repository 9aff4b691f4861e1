/**
 * Numbers lesson 15 (AlexNet) states, computed by the engine when the site is
 * built: the paper's two-GPU network (groups = 2 where the paper splits the
 * layers) and torchvision's single tower, their parameter counts and every
 * layer's output shape, and the 224-against-227 arithmetic of conv1.
 */
import { models, summary } from '../../../src/engine/index.ts';
import { convOutputSize, convOutputSteps } from '../../../src/engine/shapes.ts';
import { ALEXNET_FACTS, ILSVRC_WINNERS, RUNNER_UP_2012 } from '../../../src/case-studies/ilsvrc.ts';
import { PAPER_LRN, splitRows } from './model.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/** The only numbers lesson 15's prose may type itself. */
export const allowedNumbers: AllowList = [
  { value: 2, why: 'the two GPUs the paper split the network across (groups = 2)' },
  { value: 7, why: 'the ensemble of seven models (syllabus entry 15)' },
  { value: 3, why: 'three colour channels and the 3x3 pooling window of the overlapping pools (zoo: MaxPool2d(3, 2))' },
  { value: 1, why: 'the + 1 of the output-size formula' },
  { value: 11, why: "conv1's 11x11 kernel (zoo)" },
  { value: 4, why: "conv1's stride 4 (zoo)" },
  { value: 0, why: 'no padding in conv1; alpha 0 switches the damping off' },
  { value: 227, why: 'the input side the arithmetic needs (workingInput; alexnet.test pins conv1Out 55)' },
  { value: 224, why: "the paper's figure's input side and torchvision's (figureInput)" },
  { value: 8, why: 'the eight conv1-like filters of the LRN widget (model.ts CHANNELS)' },
  { value: 1000, why: 'the thousand ILSVRC classes: FC8 outputs 1000 scores (alexnet.test)' },
  { value: 10, why: 'the learning rate was divided by ten when validation error stopped improving (ilsvrc.ts ALEXNET_FACTS.learningRate source, Sec. 5)' },
  { value: 96, why: "conv1's 96 filters (zoo)" },
  { value: 5, why: "conv2's 5x5 kernel (zoo)" },
  { value: 28, why: 'the 28x28 gray pictures of the mini AlexNet (MNIST)' },
];

/** conv1: 96 filters of 11x11, stride 4, no padding, on three colour channels. */
export const conv1 = Object.freeze({ kernelSize: 11, stride: 4, padding: 0, outChannels: 96, inChannels: 3 });

/** The input size the arithmetic needs, and the size the paper's figure prints. */
export const workingInput = 227;
export const figureInput = 224;

/** conv1's output side on 227: a whole number of windows. */
export const conv1Out = convOutputSize(workingInput, conv1);
/** On 224 the windows do not fit evenly: the steps, and what PyTorch keeps (floor). */
export const figureSteps = convOutputSteps(figureInput, conv1);
export const workingSteps = convOutputSteps(workingInput, conv1);

function rows(model: ReturnType<typeof models.alexnet>, side: number) {
  const s = summary(model, [1, 3, side, side]);
  return { totalParams: s.totalParams, totalMacs: s.totalMacs, layers: s.layers.map((l) => ({ name: l.name, type: l.type, shape: l.outputShape.slice(1), params: l.params })) };
}

/** The paper's network, split across two GPUs. */
export const original = rows(models.alexnetOriginal({ groups: 2, seed: 0 }), workingInput);
/** The same network on one GPU (no groups). */
export const originalOneTower = rows(models.alexnetOriginal({ groups: 1, seed: 0 }), workingInput);
/** torchvision's single tower (224 input with padding 2 in conv1, adaptive pooling to 6x6). */
export const torchvision = rows(models.alexnet({ seed: 0 }), figureInput);

/** Parameters the split saves: the cross-GPU connections conv2, conv4 and conv5 do not have. */
export const splitSaving = originalOneTower.totalParams - original.totalParams;

const fmt = (v: number) => v.toLocaleString('en-US');

/** Each layer of the two-GPU network, formatted for prose. */
const split = splitRows();
const row = (label: string) => split.rows.find((r) => r.label === label)!;
export const layers = Object.fromEntries(split.rows.map((r) => [r.label, { shape: r.shape.join('×'), params: fmt(r.params), oneTower: fmt(r.paramsOneTower) }]));
export const totals = {
  original: fmt(original.totalParams),
  oneTower: fmt(originalOneTower.totalParams),
  torchvision: fmt(torchvision.totalParams),
  saving: fmt(splitSaving),
  fcPercent: Math.round(((row('fc6').params + row('fc7').params + row('fc8').params) / original.totalParams) * 100),
};
/** conv1 on 224: the quotient the floor drops. */
export const figure = { quotient: figureSteps.quotient, result: figureSteps.result, numerator: figureSteps.numerator };
export const working = { quotient: workingSteps.quotient, result: workingSteps.result, numerator: workingSteps.numerator };

/** The paper's LRN constants (Sec. 3.3). */
export const lrn = { k: PAPER_LRN.k, n: PAPER_LRN.n, alpha: '10⁻⁴', beta: PAPER_LRN.beta };

/** Historical figures, each from src/case-studies/ilsvrc.ts with its source. */
export const history = {
  year: ILSVRC_WINNERS.find((w) => w.cnn)!.year,
  top5: ALEXNET_FACTS.ensembleTop5.value,
  runnerUp: ALEXNET_FACTS.runnerUpTop5.value,
  runnerUpYear: RUNNER_UP_2012.year,
  ensemble: ALEXNET_FACTS.ensembleSize.value,
  gpus: ALEXNET_FACTS.gpus.value,
  gpuMemoryGb: ALEXNET_FACTS.gpuMemoryGb.value,
  daysMin: ALEXNET_FACTS.trainingDaysMin.value,
  daysMax: ALEXNET_FACTS.trainingDaysMax.value,
  momentum: ALEXNET_FACTS.momentum.value,
  batchSize: ALEXNET_FACTS.batchSize.value,
  learningRate: ALEXNET_FACTS.learningRate.value,
  weightDecay: ALEXNET_FACTS.weightDecay.value,
};
