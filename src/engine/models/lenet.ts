/**
 * LeNet-5 (LeCun et al., 1998), the network that read cheques: two rounds of
 * convolution and subsampling, then three fully connected layers.
 */
import { Sequential } from '../nn/container.ts';
import { Conv2d } from '../nn/conv.ts';
import { AvgPool2d, MaxPool2d } from '../nn/pooling.ts';
import { Linear } from '../nn/linear.ts';
import { ConvNet, activationLayer, classCount, finish } from './common.ts';
import type { ModelOptions } from './common.ts';

/** Options of `lenet5`. */
export interface LeNet5Options extends ModelOptions {
  /** Default 10 (the digits). */
  numClasses?: number;
  /**
   * 32 (the paper's padded digits, default) or 28 (MNIST as it comes): for 28
   * the first convolution pads by 2, which gives the same 28x28x6 maps.
   */
  inputSize?: 28 | 32;
  /** Input channels (default 1, grey). */
  inChannels?: number;
  /** Default 'tanh', as in the paper (which scales it: 1.7159 tanh(2x/3)); 'relu' trains faster. */
  activation?: 'tanh' | 'relu';
  /** Subsampling: 'avg' (default, the paper's averaging) or 'max'. */
  pooling?: 'avg' | 'max';
}

/**
 * LeNet-5: C1 conv 6@5x5 -> S2 2x2 subsampling -> C3 conv 16@5x5 -> S4 2x2
 * subsampling -> C5 full 120 -> F6 full 84 -> output, for 1x32x32 input (or
 * 1x28x28 with `inputSize: 28`). 61,706 parameters for 10 classes.
 *
 * Simplified from the paper where every modern reimplementation is: the
 * subsampling layers are plain average pooling (the paper's also had a
 * trainable scale and bias per map), C3 connects to all six S2 maps (the paper
 * used a sparse connection table), C5 is a Linear layer over the flattened
 * 16x5x5 volume (the same thing, since its 5x5 kernels cover the whole map),
 * and the output is a Linear layer scored with cross-entropy instead of the
 * paper's Gaussian (RBF) connections. Activation: tanh after every conv and
 * hidden full layer, applied before the pooling.
 *
 * @example lenet5()                                    // 1x32x32 digits
 * @example lenet5({ inputSize: 28, activation: 'relu', pooling: 'max' })
 */
export function lenet5(options: LeNet5Options = {}): ConvNet {
  const { inputSize = 32, inChannels = 1, activation = 'tanh', pooling = 'avg' } = options;
  const numClasses = classCount('lenet5', options.numClasses ?? 10);
  if (inputSize !== 28 && inputSize !== 32) throw new Error(`lenet5: inputSize must be 28 or 32, got ${String(inputSize)}`);
  const subsample = () => (pooling === 'max' ? new MaxPool2d(2) : new AvgPool2d(2));
  const features = new Sequential(
    new Conv2d(inChannels, 6, 5, { padding: inputSize === 28 ? 2 : 0 }),
    activationLayer(activation),
    subsample(),
    new Conv2d(6, 16, 5),
    activationLayer(activation),
    subsample(),
  );
  const classifier = new Sequential(
    new Linear(16 * 5 * 5, 120),
    activationLayer(activation),
    new Linear(120, 84),
    activationLayer(activation),
    new Linear(84, numClasses),
  );
  return finish(new ConvNet('LeNet5', features, null, classifier), options);
}
