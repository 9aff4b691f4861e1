/**
 * Lesson 8's widgets in English. This file defines the shape of their words
 * ({@link ChannelsStrings}); the Korean file must match it key for key.
 */
import type { FilterId, PhotoId } from '../model.ts';

/** Text of the photo panel and of the groups explorer. */
export interface ChannelsStrings {
  engineMessage: string;
  rejected: (keys: string) => string;
  shape: (shape: readonly number[]) => string;
  count: (n: number) => string;

  photoTitle: string;
  photoCaption: string;
  photoLabel: string;
  photos: Record<PhotoId, string>;
  filtersLabel: string;
  loading: string;
  loadError: (message: string) => string;
  channelsHeading: string;
  channelNames: readonly [string, string, string];
  channelAria: (name: string, height: number, width: number) => string;
  filtersHeading: string;
  filterNames: Record<FilterId, string>;
  filterAria: (name: string, kernel: number) => string;
  mapsHeading: string;
  mapAria: (name: string, height: number, width: number) => string;
  shapes: (input: string, weight: string, output: string) => string;
  sumAt: (row: number, col: number) => string;
  legend: string;

  groupsTitle: string;
  groupsCaption: string;
  inC: string;
  outC: string;
  groups: string;
  kernel: string;
  size: string;
  kinds: Record<'full' | 'depthwise' | 'grouped', (groups: number) => string>;
  presets: string;
  presetFull: string;
  presetTwo: string;
  presetDepthwise: string;
  diagramAria: (inC: number, outC: number, groups: number, links: number) => string;
  inputsRow: string;
  outputsRow: string;
  links: (n: number) => string;
  weight: string;
  output: string;
  params: string;
  macs: string;
  refused: string;
  sepHeading: string;
  sepNote: (inC: number, outC: number, kernel: number) => string;
  sepFull: string;
  sepDepthwise: string;
  sepPointwise: string;
  sepPair: string;
  sepShare: (percent: number) => string;
  colLayer: string;
}

const number = (n: number) => n.toLocaleString('en-US');

export const en: ChannelsStrings = {
  engineMessage: 'The engine’s message:',
  rejected: (keys) => `The address held values that cannot be used (${keys}); the defaults are shown instead.`,
  shape: (shape) => `[${shape.join(', ')}]`,
  count: number,

  photoTitle: 'A colour photo, its channels, and filters as deep as the photo',
  photoCaption:
    'The engine splits the photo into its red, green and blue channels and runs each filter over all three at once: one output map per filter. The colour ramp under the maps shows their signs.',
  photoLabel: 'Photo',
  photos: { chelsea: 'Cat', astronaut: 'Astronaut', coffee: 'Coffee' },
  filtersLabel: 'Number of filters',
  loading: 'Loading the photo…',
  loadError: (message) => `The photo could not be loaded: ${message}`,
  channelsHeading: 'Input: three channels',
  channelNames: ['Red', 'Green', 'Blue'],
  channelAria: (name, height, width) => `${name} channel of the photo, ${height} by ${width} pixels`,
  filtersHeading: 'Filters: one slice per channel',
  filterNames: { bright: 'Brightness', red: 'Redness', blue: 'Blue against yellow', edge: 'Vertical edges' },
  filterAria: (name, kernel) => `Weights of the ${name} filter, one ${kernel} by ${kernel} slice per channel`,
  mapsHeading: 'Output: one map per filter',
  mapAria: (name, height, width) => `Output map of the ${name} filter, ${height} by ${width}`,
  shapes: (input, weight, output) => `Input ${input} · weights ${weight} · output ${output}`,
  sumAt: (row, col) => `At row ${row}, column ${col}: red share + green share + blue share = output.`,
  legend: 'negative · zero · positive',

  groupsTitle: 'Groups: which input channels feed which output channels',
  groupsCaption:
    'Choose the channels, the groups and the kernel. Each line is a k×k slice of weights; the weight shape, parameters and multiply-accumulates come from the engine’s summary of nn.Conv2d.',
  inC: 'Input channels',
  outC: 'Output channels',
  groups: 'Groups',
  kernel: 'Kernel size',
  size: 'Input height and width',
  kinds: {
    full: () => 'groups=1: every output channel sees every input channel',
    depthwise: (groups) => `groups=${groups}, as many as the input channels: depthwise`,
    grouped: (groups) => `groups=${groups}: the channels split into ${groups} independent groups`,
  },
  presets: 'Set groups to',
  presetFull: 'groups=1',
  presetTwo: 'groups=2',
  presetDepthwise: 'depthwise',
  diagramAria: (inC, outC, groups, links) =>
    `Connections of a convolution with ${inC} input channels, ${outC} output channels and groups=${groups}: ${links} input-to-output links`,
  inputsRow: 'input channels',
  outputsRow: 'output channels',
  links: (n) => `${number(n)} links`,
  weight: 'Weight shape',
  output: 'Output shape',
  params: 'Parameters',
  macs: 'Multiply-accumulates',
  refused: 'PyTorch refuses this setting: both channel counts must split evenly into the groups.',
  sepHeading: 'Depthwise-separable against full',
  sepNote: (inC, outC, kernel) =>
    `A depthwise ${kernel}×${kernel} layer (groups=${inC}) followed by a 1×1 layer to ${outC} channels, against one ordinary ${kernel}×${kernel} layer from ${inC} to ${outC} channels.`,
  sepFull: 'Full convolution',
  sepDepthwise: 'Depthwise',
  sepPointwise: '1×1',
  sepPair: 'Pair together',
  sepShare: (percent) => `The pair needs ${percent}% of the full layer’s parameters, for the same output shape.`,
  colLayer: 'Layer',
};
