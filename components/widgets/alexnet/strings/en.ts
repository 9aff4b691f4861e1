/**
 * Lesson 15's widgets in English. This file defines the shape of their words
 * ({@link AlexnetStrings}); the Korean file must match it key for key.
 */
import type { GpuRole } from '../model.ts';

export interface AlexnetStrings {
  rejected: (keys: string) => string;

  splitTitle: string;
  splitCaption: string;
  colLayer: string;
  colShape: string;
  colParams: string;
  colOneTower: string;
  colGpu: string;
  roles: Record<GpuRole, string>;
  total: string;
  tableLabel: string;
  torchvision: (params: string) => string;
  inputSide: string;
  steps: (side: number, numerator: number, quotient: string, result: number) => string;
  exact: string;
  notExact: string;

  lrnTitle: string;
  lrnCaption: string;
  photoAlt: string;
  channel: string;
  filters: readonly string[];
  before: string;
  after: string;
  mapLabel: (which: string, filter: string) => string;
  effect: (strongest: number, typical: number) => string;
  paper: string;
  loading: string;
  loadError: (message: string) => string;
  mustBe: (min: number, max: number) => string;
}

export const en: AlexnetStrings = {
  rejected: (keys) => `The address asked for values this widget cannot show (${keys}); it shows its defaults for them instead.`,

  splitTitle: 'AlexNet on two GPUs, layer by layer',
  splitCaption:
    "Output shapes and parameters from the engine's summary of models.alexnetOriginal({ groups: 2 }) on a 227×227×3 picture, beside the same layers on one tower (groups: 1).",
  colLayer: 'Layer',
  colShape: 'Output',
  colParams: 'Parameters (two GPUs)',
  colOneTower: 'Parameters (one tower)',
  colGpu: 'GPUs',
  roles: {
    'both-halves': 'each GPU: half the filters, whole picture',
    'own-gpu': 'stays on its own GPU',
    crosses: 'reads both GPUs',
    none: '',
  },
  total: 'Total',
  tableLabel: 'AlexNet layers, scrollable',
  torchvision: (params) => `torchvision's single-tower AlexNet on 224×224×3: ${params} parameters.`,
  inputSide: 'Input side',
  steps: (side, numerator, quotient, result) => `(${side} − 11) / 4 + 1 = ${numerator} / 4 + 1 = ${quotient} + 1, so ${result} after rounding down`,
  exact: 'The windows fit exactly.',
  notExact: 'The windows do not fit: the last pixels are dropped.',

  lrnTitle: 'Local response normalisation on a photo',
  lrnCaption:
    "Eight conv1-like filters (edges and spots) on the grey photo, then ReLU, then the engine's localResponseNorm across the eight maps. Both maps share one brightness scale.",
  photoAlt: 'photo',
  channel: 'Map',
  filters: ['vertical edge', 'horizontal edge', 'diagonal edge', 'other diagonal', 'vertical edge, dark side', 'horizontal edge, dark side', 'bright spot', 'dark spot'],
  before: 'Before LRN',
  after: 'After LRN',
  mapLabel: (which, filter) => `${which}: map of the ${filter} filter`,
  effect: (strongest, typical) => `After LRN the strongest response keeps ${strongest}% of its value; a typical active pixel keeps ${typical}%.`,
  paper: "Paper's values",
  loading: 'Loading the photo…',
  loadError: (message) => `The photo could not be loaded (${message}).`,
  mustBe: (min, max) => `Enter a number from ${min} to ${max}.`,
};
