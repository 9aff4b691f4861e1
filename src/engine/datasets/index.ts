/**
 * Datasets as the engine hands them out: `{ images, labels, count, shape }`, the
 * same on a page, in a Web Worker and in Node.
 */
export * from './xo.ts';
