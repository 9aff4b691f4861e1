/**
 * Numbers lesson 15 (AlexNet) states, computed by the engine when the site is
 * built: the paper's two-GPU network (groups = 2 where the paper splits the
 * layers) and torchvision's single tower, their parameter counts and every
 * layer's output shape, and the 224-against-227 arithmetic of conv1.
 * Work in progress: the lesson's MDX, widgets and exercises are not written yet.
 */
import { models, summary } from '../../../src/engine/index.ts';
import { convOutputSize, convOutputSteps } from '../../../src/engine/shapes.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/** The only numbers lesson 15's prose may type itself. */
export const allowedNumbers: AllowList = [
  { value: 2, why: 'the two GPUs the paper split the network across (groups = 2)' },
  { value: 7, why: 'the ensemble of seven models (syllabus entry 15)' },
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
