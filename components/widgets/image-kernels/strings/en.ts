/**
 * Lesson 10's kernel lab in English. This file defines the shape of the strings;
 * `ko.ts` must have exactly the same keys.
 */
import type { EmbossDirection, Preset } from '../../../../src/training/kernel-lab/model.ts';

export const en = {
  title: 'Kernel lab: hand-set filters on real pictures',
  caption:
    'Pick a picture and a kernel, or type your own weights. The engine convolves the picture in a worker, in colour (one copy of the kernel per channel) or in gray. Hover over the filtered picture, or focus it and use the arrow keys, to see one output pixel worked out.',
  rejected: (keys: string) => `The address held values this lab cannot use (${keys}); the defaults stand in.`,
  engineMessage: 'The engine says:',

  source: 'Picture',
  photos: { astronaut: 'Astronaut', camera: 'Cameraman', chelsea: 'Cat', coffee: 'Coffee' } as Record<string, string>,
  ownPicture: 'Your picture',
  choose: 'Choose a picture file',
  dropHint: 'or drop one here, or paste one (Ctrl+V)',
  camera: 'Start the camera (live video)',
  liveGroup: 'Live camera',
  livePause: 'Pause',
  livePlay: 'Play',
  liveStill: 'Take a still',
  liveStop: 'Stop the camera',
  liveStatus: (w: number, h: number, fps: string | null) =>
    fps === null ? `Live camera at ${w}×${h}, paused.` : `Live camera at ${w}×${h}: ${fps} frames filtered per second.`,
  cameraBusy: 'Waiting for the camera…',
  scaled: (w: number, h: number, ow: number, oh: number) => `Your picture (${ow}×${oh}) is scaled to ${w}×${h} for the lab.`,
  loading: 'Loading the picture…',

  badSvg: 'SVG drawings are not accepted: choose a photograph (PNG, JPEG, WebP or GIF). The lab keeps the picture it had.',
  badType: (name: string) => `“${name}” is not an image file. The lab keeps the picture it had.`,
  badCorrupt: (name: string) => `“${name}” could not be read as a picture (the file may be damaged). The lab keeps the picture it had.`,
  badLarge: (w: number, h: number, limit: number) =>
    `This picture is ${w}×${h}, over ${limit} megapixels: too large to open here. Scale it down first. The lab keeps the picture it had.`,
  cameraDenied: 'The camera was refused, so the lab keeps its picture. Allow the camera in the browser’s site settings to try again.',
  cameraMissing: 'No camera could be opened in this browser. The lab works the same with the photographs and your own files.',

  preset: 'Kernel',
  presets: {
    identity: 'Identity',
    outline: 'Outline (edges)',
    'sobel-x': 'Sobel x',
    'sobel-y': 'Sobel y',
    emboss: 'Emboss',
    sharpen: 'Sharpen',
    'box-blur': 'Box blur',
    'gaussian-blur': 'Gaussian blur',
    custom: 'Your own',
  } satisfies Record<Preset, string>,
  direction: 'Emboss direction',
  directions: {
    n: 'north', ne: 'north-east', e: 'east', se: 'south-east', s: 'south', sw: 'south-west', w: 'west', nw: 'north-west',
  } satisfies Record<EmbossDirection, string>,
  size: 'Kernel size',
  sizeOption: (n: number) => `${n}×${n}`,
  weightsLegend: 'Weights (editing one makes the kernel your own)',
  weight: (r: number, c: number) => `Weight, row ${r}, column ${c}`,
  weightRule: (lo: number, hi: number) => `A number from ${lo} to ${hi}`,
  divisor: 'Divide every weight by',
  divisorRule: (lo: number, hi: number) => `A whole number from ${lo} to ${hi}`,

  mode: 'Channels',
  modes: { colour: 'Colour (per channel)', gray: 'Grayscale' },
  stride: 'Stride',
  padding: 'Padding',
  paddingMode: 'Padding mode',
  paddingModes: { zeros: 'zeros', reflect: 'reflect', replicate: 'replicate', circular: 'circular' } as Record<string, string>,
  dilation: 'Dilation',

  inputLabel: (w: number, h: number) => `Input picture, ${w}×${h}`,
  outputLabel: (w: number, h: number) => `Filtered picture, ${w}×${h}. Arrow keys move the inspected pixel.`,
  inputHeading: 'Input',
  outputHeading: 'Output',
  sizes: (w: number, h: number, ow: number, oh: number) => `${w}×${h} in, ${ow}×${oh} out`,
  timing: (ms: string) => `The worker took ${ms} ms.`,
  working: 'Filtering…',
  refused: 'The engine refuses these settings for this picture.',
  workerFailed: 'The filtering worker stopped. Change a setting to start it again.',

  inspect: (row: number, col: number) => `Output pixel at row ${row}, column ${col}`,
  inspectHint: 'Hover over the output, or focus it and press the arrow keys.',
  channel: 'Channel shown',
  channels: { 0: 'red', 1: 'green', 2: 'blue' } as Record<number, string>,
  grayChannel: 'gray (luma)',
  windowCaption: 'Each cell: the input value under the tap × the weight',
  padCell: 'pad',
  sumLine: (terms: number, sum: string) => `Sum of the ${terms} products: ${sum}`,
  sumDivided: (terms: number, sum: string, divisor: number, result: string) => `Sum of the ${terms} products: ${sum}, divided by ${divisor}: ${result}`,
  engineLine: (value: string, shown: number, lo: number, hi: number) => `The engine’s output: ${value}, shown as ${shown} (clamped to ${lo}…${hi}).`,

  learnedHeading: 'Filters a network learned',
  learnedNote:
    'The first layer of a model you trained and saved in the lesson on training a ConvNet, read from this browser’s storage. Light is a positive weight, dark a negative one. Choose a filter to run it on the picture in gray.',
  handSetNote: (names: string) => `Hand-set kernels, left to right ${names}, drawn the same way as learned ones below: light is a positive weight, dark a negative one, mid-gray zero.`,
  handSetUse: (name: string) => `Use the hand-set kernel ${name}`,
  trainNote: (steps: number) =>
    `No saved model? Train the first layer here: the network of the lesson on training a ConvNet, ${steps} steps on handwritten digits, always from the same seed, in a background worker. The result is saved in this browser like any saved model.`,
  trainStart: 'Train the first layer here',
  trainAgain: 'Train it again',
  trainStop: 'Stop',
  trainLoading: 'Loading the digits',
  trainRunning: 'Training',
  trainSteps: (step: number, total: number) => `step ${step} of ${total}`,
  trainSaving: 'Saving the trained model…',
  trainStopped: (step: number, total: number) => `Stopped at step ${step} of ${total}. Nothing was saved and the lab is as it was.`,
  trainFailed: (message: string) => `The training did not finish: ${message}. Nothing was saved and the lab is as it was.`,
  trainCrashed: 'the trainer stopped working',
  trainUnreadable: 'a message from the trainer could not be read',
  trainDone: (steps: number) => `Trained for ${steps} steps and saved. Its first-layer filters are below; choose one to run it on the picture.`,
  trainName: (steps: number, seed: number) => `Kernel lab: first layer, ${steps} steps, seed ${seed}`,
  mapsHeading: 'What the first and second layers make of a digit',
  mapsNote:
    'One test digit through the trained network. A first-layer map is the digit filtered by one of the kernels below, and you can still see the digit in it. A second-layer map mixes all the first-layer maps, after squashing and pooling, and is much harder to read.',
  mapsChannel: 'Channel',
  mapFirst: (channel: number, side: number) => `First layer, channel ${channel} (${side}×${side})`,
  mapSecond: (channel: number, side: number) => `Second layer, channel ${channel} (${side}×${side})`,
  learnedOpen: 'Show the filters of a saved model',
  learnedNone: 'No model is saved in this browser yet. Train one in the lesson on training a ConvNet, save it, and come back.',
  learnedFailed: (message: string) => `The saved model cannot be read: ${message}`,
  learnedModel: 'Saved model',
  learnedSummary: (count: number, size: number, channels: number) => `${count} filters of ${size}×${size} over ${channels} input channel(s).`,
  learnedUse: (i: number) => `Use learned filter ${i} as the kernel`,
};

export type KernelLabStrings = typeof en;
