/**
 * The model zoo: the classic architectures the course walks through (the
 * ImageNet ones identical to torchvision's, so parameter counts and names
 * match), and small variants that train in a browser.
 *
 * Building a model allocates nothing: weights appear on first use, so even
 * `vgg16()` can be built just to be summarised.
 */
export { ConvNet, torchvisionInit } from './common.ts';
export type { ModelOptions, ActivationName } from './common.ts';
export { lenet5 } from './lenet.ts';
export type { LeNet5Options } from './lenet.ts';
export { alexnet, alexnetOriginal } from './alexnet.ts';
export type { AlexNetOptions, AlexNetOriginalOptions } from './alexnet.ts';
export { vgg, vgg11, vgg13, vgg16, vgg19, vggFeatures, VGG_CONFIGS } from './vgg.ts';
export type { VggConfig, VggOptions } from './vgg.ts';
export { ResNet, resnet18, resnet34, resnet50, resnet101, resnet152 } from './resnet.ts';
export type { BlockKind, ResNetOptions } from './resnet.ts';
export { miniAlexNet, miniVgg, miniResNet, plainNet, residualNet, mlp, StagedNet } from './small.ts';
export type { SmallModelOptions, MiniVggOptions, StagedNetOptions, MlpOptions } from './small.ts';
