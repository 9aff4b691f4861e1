/**
 * Datasets as the engine hands them out: `{ images, labels, count, shape }`, the
 * same on a page, in a Web Worker and in Node.
 */
export * from './xo.ts';
export * from './loaders.ts';
export * from './batches.ts';
export * from './format.ts';
export * from './idx.ts';
export * from './mnist.ts';
export * from './fashion.ts';
export * from './cifar.ts';
