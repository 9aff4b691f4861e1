/**
 * VGG (Simonyan and Zisserman, 2014): only 3x3 convolutions (stride 1, pad 1)
 * and 2x2 max pools, stacked 11 to 19 weight layers deep. Two stacked 3x3
 * layers see 5x5 and three see 7x7, with fewer parameters and more
 * non-linearities than one big filter.
 */
import { Sequential } from '../nn/container.ts';
import { Conv2d } from '../nn/conv.ts';
import { MaxPool2d, AdaptiveAvgPool2d } from '../nn/pooling.ts';
import { Linear } from '../nn/linear.ts';
import { ReLU } from '../nn/activation.ts';
import { Dropout } from '../nn/dropout.ts';
import { BatchNorm2d } from '../nn/normalization.ts';
import type { Module } from '../nn/module.ts';
import { ConvNet, classCount, finish, torchvisionInit } from './common.ts';
import type { ModelOptions } from './common.ts';

/** A VGG configuration: output channels of each 3x3 conv, 'M' for a 2x2 max pool. */
export type VggConfig = readonly (number | 'M')[];

/** The paper's configurations A (VGG-11), B (13), D (16) and E (19), as torchvision names them. */
export const VGG_CONFIGS: Readonly<Record<'vgg11' | 'vgg13' | 'vgg16' | 'vgg19', VggConfig>> = {
  vgg11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg13: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  vgg19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};

/** Options of the VGG builders. */
export interface VggOptions extends ModelOptions {
  /** Default 1000 (ImageNet). */
  numClasses?: number;
  /** Insert BatchNorm2d after every conv (torchvision's vgg16_bn etc.). Default false. */
  batchNorm?: boolean;
  /** Dropout probability in the classifier (default 0.5). */
  dropout?: number;
}

/** The convolutional stack of a VGG configuration. */
export function vggFeatures(config: VggConfig, batchNorm: boolean, inChannels = 3): Sequential {
  const layers: Module[] = [];
  let channels = inChannels;
  for (const item of config) {
    if (item === 'M') {
      layers.push(new MaxPool2d(2, { stride: 2 }));
      continue;
    }
    layers.push(new Conv2d(channels, item, 3, { padding: 1 }));
    if (batchNorm) layers.push(new BatchNorm2d(item));
    layers.push(new ReLU());
    channels = item;
  }
  return new Sequential(...layers);
}

/**
 * torchvision's VGG for a configuration: features, AdaptiveAvgPool2d(7), and
 * the classifier FC 4096 - ReLU - Dropout - FC 4096 - ReLU - Dropout - FC numClasses,
 * initialised as torchvision does. Input 3x224x224.
 */
export function vgg(config: VggConfig, options: VggOptions = {}, typeName = 'VGG'): ConvNet {
  const numClasses = classCount('vgg', options.numClasses ?? 1000);
  const p = options.dropout ?? 0.5;
  const lastChannels = [...config].reverse().find((c): c is number => c !== 'M') ?? 3;
  const classifier = new Sequential(
    new Linear(lastChannels * 7 * 7, 4096),
    new ReLU(),
    new Dropout({ p }),
    new Linear(4096, 4096),
    new ReLU(),
    new Dropout({ p }),
    new Linear(4096, numClasses),
  );
  const model = new ConvNet(typeName, vggFeatures(config, options.batchNorm ?? false), new AdaptiveAvgPool2d([7, 7]), classifier);
  torchvisionInit(model, 0.01);
  return finish(model, options);
}

/** VGG-11 (configuration A): 132,863,336 parameters for 1000 classes. */
export function vgg11(options: VggOptions = {}): ConvNet {
  return vgg(VGG_CONFIGS.vgg11, options);
}

/** VGG-13 (configuration B): 133,047,848 parameters for 1000 classes. */
export function vgg13(options: VggOptions = {}): ConvNet {
  return vgg(VGG_CONFIGS.vgg13, options);
}

/** VGG-16 (configuration D): 138,357,544 parameters for 1000 classes. */
export function vgg16(options: VggOptions = {}): ConvNet {
  return vgg(VGG_CONFIGS.vgg16, options);
}

/** VGG-19 (configuration E): 143,667,240 parameters for 1000 classes. */
export function vgg19(options: VggOptions = {}): ConvNet {
  return vgg(VGG_CONFIGS.vgg19, options);
}
