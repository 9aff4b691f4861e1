/**
 * Lesson 7's widget in English. This file defines the shape of its words
 * ({@link DilationStrings}); the Korean file must match it key for key.
 */

/** Text of the dilation explorer. */
export interface DilationStrings {
  title: string;
  caption: string;
  engineMessage: string;
  rejected: (keys: string) => string;
  kernel: string;
  dilation: string;
  layers: string;
  input: string;
  inputRule: (min: number, max: number) => string;

  tapsHeading: (dilations: readonly number[]) => string;
  tapsNote: string;
  tapsPanel: (dilation: number) => string;
  tapsStats: (field: number, params: number) => string;
  tapsAria: (dilation: number, kernel: number, field: number) => string;

  stackHeading: string;
  stackNote: string;
  stackStats: (field: number, params: number) => string;
  stackSeen: (seen: number, unseen: number) => string;
  stackAllSeen: string;
  stackAria: (field: number, seen: number, unseen: number) => string;
  refused: string;
  legendSeen: string;
  legendUnseen: string;
  legendOutside: string;
}

export const en: DilationStrings = {
  title: 'The taps of a dilated kernel, and what a stack of them can see',
  caption:
    'Choose a kernel and a dilation. The engine back-propagates from the middle output neuron to the input: a pixel is coloured when the neuron depends on it. Receptive fields and weights come from the engine’s summary.',
  engineMessage: 'The engine’s message:',
  rejected: (keys) => `The address held values that cannot be used (${keys}); the defaults are shown instead.`,
  kernel: 'Kernel size',
  dilation: 'Dilation of the stack',
  layers: 'Layers in the stack',
  input: 'Input size (pixels per side)',
  inputRule: (min, max) => `A whole number from ${min} to ${max}.`,

  tapsHeading: (dilations) => `One layer at dilation ${dilations.slice(0, -1).join(', ')} and ${dilations.at(-1)}`,
  tapsNote: 'The same kernel each time: only the gaps between its taps change.',
  tapsPanel: (dilation) => `Dilation ${dilation}`,
  tapsStats: (field, params) => `Receptive field ${field}×${field}, ${params} weights`,
  tapsAria: (dilation, kernel, field) =>
    `Input of the middle output neuron of one ${kernel} by ${kernel} layer with dilation ${dilation}: its taps span ${field} by ${field} pixels`,

  stackHeading: 'A stack of dilated layers',
  stackNote:
    'Each layer has the kernel and dilation chosen above. Shaded: the pixels the middle output depends on, darker where more paths lead to it. Crossed: pixels inside its receptive field that it never sees.',
  stackStats: (field, params) => `Receptive field ${field}×${field}, ${params} weights in all`,
  stackSeen: (seen, unseen) => `Seen: ${seen} pixels. Never seen, though inside the field: ${unseen}.`,
  stackAllSeen: 'Every pixel inside the receptive field reaches the output.',
  stackAria: (field, seen, unseen) =>
    `Input gradient of the middle output neuron: a ${field} by ${field} receptive field, ${seen} pixels seen, ${unseen} never seen`,
  refused: 'The engine refuses this stack on an input this small.',
  legendSeen: 'seen',
  legendUnseen: 'never seen',
  legendOutside: 'outside the field',
};
