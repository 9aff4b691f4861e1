/**
 * AlexNet (Krizhevsky, Sutskever and Hinton, 2012), the first CNN to win
 * ImageNet's challenge (ILSVRC): five convolutions, three max pools, three
 * fully connected layers, ReLU throughout and dropout in the classifier.
 */
import { Sequential } from '../nn/container.ts';
import { Conv2d } from '../nn/conv.ts';
import { MaxPool2d, AdaptiveAvgPool2d } from '../nn/pooling.ts';
import { Linear } from '../nn/linear.ts';
import { ReLU } from '../nn/activation.ts';
import { Dropout } from '../nn/dropout.ts';
import { LocalResponseNorm } from '../nn/normalization.ts';
import { ConvNet, classCount, finish } from './common.ts';
import type { ModelOptions } from './common.ts';

/** Options of `alexnet`. */
export interface AlexNetOptions extends ModelOptions {
  /** Default 1000 (ImageNet). */
  numClasses?: number;
  /** Dropout probability in the classifier (default 0.5). */
  dropout?: number;
}

/**
 * torchvision's `alexnet()`: the same layers, names and parameter count
 * (61,100,840 for 1000 classes). It is the "one weird trick" single-GPU
 * variant: 64-192-384-256-256 filters, no local response normalisation, and an
 * adaptive pool to 6x6 so any input from 63x63 up fits. Input 3x224x224.
 */
export function alexnet(options: AlexNetOptions = {}): ConvNet {
  const numClasses = classCount('alexnet', options.numClasses ?? 1000);
  const p = options.dropout ?? 0.5;
  const features = new Sequential(
    new Conv2d(3, 64, 11, { stride: 4, padding: 2 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    new Conv2d(64, 192, 5, { padding: 2 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    new Conv2d(192, 384, 3, { padding: 1 }),
    new ReLU(),
    new Conv2d(384, 256, 3, { padding: 1 }),
    new ReLU(),
    new Conv2d(256, 256, 3, { padding: 1 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
  );
  const classifier = new Sequential(
    new Dropout({ p }),
    new Linear(256 * 6 * 6, 4096),
    new ReLU(),
    new Dropout({ p }),
    new Linear(4096, 4096),
    new ReLU(),
    new Linear(4096, numClasses),
  );
  return finish(new ConvNet('AlexNet', features, new AdaptiveAvgPool2d([6, 6]), classifier), options);
}

/** Options of `alexnetOriginal`. */
export interface AlexNetOriginalOptions extends AlexNetOptions {
  /**
   * 2 reproduces the paper's split across two GPUs: conv2, conv4 and conv5 only
   * see the half of the channels on their own GPU (groups = 2), which gives
   * 60,965,224 parameters (the paper's "60 million"). Default 1: one tower,
   * 62,378,344 parameters.
   */
  groups?: 1 | 2;
}

/**
 * AlexNet as the 2012 paper describes it, for 3x227x227 input: conv1 96@11x11
 * stride 4 -> max pool 3/2 -> LRN -> conv2 256@5x5 -> max pool -> LRN ->
 * conv3 384@3x3 -> conv4 384@3x3 -> conv5 256@3x3 -> max pool -> FC 4096 ->
 * FC 4096 -> FC numClasses, with ReLU after every conv and hidden FC layer and
 * dropout before FC6 and FC7. LRN is the paper's (size 5, alpha 1e-4, beta 0.75,
 * k 2). The pool-then-norm order follows the lecture's layer list (the paper
 * normalises before pooling; the shapes are the same either way).
 */
export function alexnetOriginal(options: AlexNetOriginalOptions = {}): ConvNet {
  const numClasses = classCount('alexnetOriginal', options.numClasses ?? 1000);
  const p = options.dropout ?? 0.5;
  const groups = options.groups ?? 1;
  if (groups !== 1 && groups !== 2) throw new Error(`alexnetOriginal: groups must be 1 or 2, got ${String(groups)}`);
  const norm = () => new LocalResponseNorm(5, { alpha: 1e-4, beta: 0.75, k: 2 });
  const features = new Sequential(
    new Conv2d(3, 96, 11, { stride: 4 }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    norm(),
    new Conv2d(96, 256, 5, { padding: 2, groups }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
    norm(),
    new Conv2d(256, 384, 3, { padding: 1 }),
    new ReLU(),
    new Conv2d(384, 384, 3, { padding: 1, groups }),
    new ReLU(),
    new Conv2d(384, 256, 3, { padding: 1, groups }),
    new ReLU(),
    new MaxPool2d(3, { stride: 2 }),
  );
  const classifier = new Sequential(
    new Dropout({ p }),
    new Linear(256 * 6 * 6, 4096),
    new ReLU(),
    new Dropout({ p }),
    new Linear(4096, 4096),
    new ReLU(),
    new Linear(4096, numClasses),
  );
  return finish(new ConvNet('AlexNet2012', features, null, classifier), options);
}
