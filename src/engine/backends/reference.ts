/**
 * The reference backend: the readable loops that live beside each op's
 * definition. Every faster backend is tested against the same suite.
 */
import type { Kernels } from '../backend.ts';
import { conv2dForwardLoops, conv2dBackwardInputLoops, conv2dBackwardWeightLoops } from '../ops/conv2d.ts';
import { maxPool2dForwardLoops, maxPool2dBackwardLoops } from '../ops/maxPool2d.ts';
import { avgPool2dForwardLoops, avgPool2dBackwardLoops } from '../ops/avgPool2d.ts';
import { gemmLoops } from '../ops/matmul.ts';
import { tanhForwardLoops, tanhBackwardLoops } from '../ops/activations.ts';

export const referenceKernels: Kernels = {
  name: 'reference',
  conv2dForward: conv2dForwardLoops,
  conv2dBackwardInput: conv2dBackwardInputLoops,
  conv2dBackwardWeight: conv2dBackwardWeightLoops,
  maxPool2dForward: maxPool2dForwardLoops,
  maxPool2dBackward: maxPool2dBackwardLoops,
  avgPool2dForward: avgPool2dForwardLoops,
  avgPool2dBackward: avgPool2dBackwardLoops,
  gemm: gemmLoops,
  tanhForward: tanhForwardLoops,
  tanhBackward: tanhBackwardLoops,
};
