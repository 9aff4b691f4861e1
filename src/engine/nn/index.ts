/**
 * `nn`: layers and models as objects, like `torch.nn`. Every layer holds its
 * configuration and (lazily allocated) parameters, runs `forward(x)`, and can
 * describe its output shape without running, for `summary`.
 */
export { Module, mixSeed } from './module.ts';
export type { StateDict, TensorData, LoadStateDictOptions, LoadStateDictResult } from './module.ts';
export { LayerError } from './errors.ts';
export { ShapeTracer, pixelReceptiveField, slideReceptiveField, unionReceptiveFields } from './trace.ts';
export type { ReceptiveField, TraceState, LayerSummary, WindowGeometry } from './trace.ts';
export * as init from './init.ts';
export type { Initializer } from './init.ts';
export { Conv2d } from './conv.ts';
export type { Conv2dModuleOptions } from './conv.ts';
export { MaxPool2d, AvgPool2d, AdaptiveAvgPool2d } from './pooling.ts';
export type { MaxPool2dModuleOptions, AvgPool2dModuleOptions } from './pooling.ts';
export { Linear, Flatten, Identity } from './linear.ts';
export type { LinearOptions, FlattenOptions } from './linear.ts';
export { ReLU, LeakyReLU, RReLU, Sigmoid, Tanh, Softmax } from './activation.ts';
export type { LeakyReLUOptions, RReLUOptions, SoftmaxOptions } from './activation.ts';
export { Dropout } from './dropout.ts';
export type { DropoutModuleOptions } from './dropout.ts';
export { BatchNorm2d, LocalResponseNorm } from './normalization.ts';
export type { BatchNorm2dOptions, LocalResponseNormModuleOptions } from './normalization.ts';
export { Sequential } from './container.ts';
export { BasicBlock, Bottleneck } from './residual.ts';
export type { ResidualBlockOptions, BottleneckOptions } from './residual.ts';
