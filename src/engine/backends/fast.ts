// TEMPORARY STUB: the fast backend is being written; until then it is the reference loops.
import type { Kernels } from '../backend.ts';
import { referenceKernels } from './reference.ts';
export const fastKernels: Kernels = { ...referenceKernels, name: 'fast' };
