/**
 * The exercises of every lesson, and of the network explorer (`lessons/explorer/`,
 * a page rather than a lesson). Each folder under `lessons/` exports
 * `exercises`: every version of every exercise it has, old versions included,
 * in the order the lesson should list them (see README.md beside this file).
 * The registry orders lessons by the course catalog, so the order here does
 * not matter.
 */
import type { AnyExercise } from './types.ts';
import { exercises as whyConvolutions } from './lessons/why-convolutions/index.ts';
import { exercises as convolution } from './lessons/convolution/index.ts';
import { exercises as receptiveFields } from './lessons/receptive-fields/index.ts';
import { exercises as outputSize } from './lessons/output-size/index.ts';
import { exercises as padding } from './lessons/padding/index.ts';
import { exercises as stride } from './lessons/stride/index.ts';
import { exercises as dilation } from './lessons/dilation/index.ts';
import { exercises as channels } from './lessons/channels/index.ts';
import { exercises as activations } from './lessons/activations/index.ts';
import { exercises as imageKernels } from './lessons/image-kernels/index.ts';
import { exercises as pooling } from './lessons/pooling/index.ts';
import { exercises as fullyConnected } from './lessons/fully-connected/index.ts';
import { exercises as training } from './lessons/training/index.ts';
import { exercises as lenet5 } from './lessons/lenet-5/index.ts';
import { exercises as alexnet } from './lessons/alexnet/index.ts';
import { exercises as vgg } from './lessons/vgg/index.ts';
import { exercises as resnet } from './lessons/resnet/index.ts';
import { exercises as explorer } from './lessons/explorer/index.ts';

export const allExercises: readonly AnyExercise[] = [
  ...whyConvolutions,
  ...convolution,
  ...receptiveFields,
  ...outputSize,
  ...padding,
  ...stride,
  ...dilation,
  ...channels,
  ...activations,
  ...imageKernels,
  ...pooling,
  ...fullyConnected,
  ...training,
  ...lenet5,
  ...alexnet,
  ...vgg,
  ...resnet,
  ...explorer,
];
