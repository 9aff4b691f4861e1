/** Lesson 6's widget words in English; ko.ts must have exactly the same keys. */
import type { StateProblem } from '../model.ts';

export const en = {
  widgetLabel: 'Stride stepper',
  intro:
    'Choose the input size, the kernel, the padding, the dilation and the stride. The engine runs the real conv2d; step the window through its positions, or play it.',
  settings: 'Settings',
  size: 'Input side',
  kernel: 'Kernel side',
  padding: 'Padding',
  dilation: 'Dilation',
  stride: 'Stride',
  reset: 'Back to the start',
  previous: 'Previous window',
  next: 'Next window',
  play: 'Play',
  pause: 'Pause',
  reducedMotion: 'Your system asks for reduced motion, so the window does not play by itself: step it with the buttons or the slider.',
  position: 'Window',
  positionValue: (row: number, col: number, index: number, count: number) => `row ${row}, column ${col} (${index} of ${count})`,
  urlProblem: (keys: readonly StateProblem[]) => `Some values in the address could not be used (${keys.join(', ')}); their defaults are shown instead.`,
  engineError: (message: string) => `The engine refuses these settings: ${message}`,
  inputTitle: (n: number, p: number) => (p > 0 ? `Input, ${n}×${n}, padded by ${p}` : `Input, ${n}×${n}`),
  inputGrid: 'Input values; the cells under the current window are marked',
  cell: (row: number, col: number, value: string, inWindow: boolean, unreached: boolean) =>
    `row ${row}, column ${col}: ${value}${inWindow ? ', under the window' : ''}${unreached ? ', never read by any window' : ''}`,
  paddingCell: (inWindow: boolean) => `padding: 0${inWindow ? ', under the window' : ''}`,
  kernelLine: (rows: string) => `Kernel: ${rows}`,
  readoutTitle: (row: number, col: number) => `Output row ${row}, column ${col}`,
  sumLine: (terms: string[], value: string) => `${terms.join(' + ')} = ${value}`,
  engineLine: (value: string) => `The engine's conv2d gives ${value}.`,
  outputTitle: (side: number) => `Output, ${side}×${side}`,
  outputGrid: 'Output values; focus a cell to move the window there',
  outputCell: (row: number, col: number, value: string) => `output row ${row}, column ${col}: ${value}`,
  sizeLine: (n: number, p: number, d: number, k: number, s: number, numerator: number, out: number) =>
    `⌊(${n} + 2·${p} − ${d}·(${k} − 1) − 1) / ${s} + 1⌋ = ⌊${numerator} / ${s} + 1⌋ = ${out}`,
  exact: 'The stride divides the room the window has to move exactly: every window fits and nothing is left over.',
  notExact: (left: number) =>
    `The stride does not divide exactly: ${left === 1 ? '1 pixel is' : `${left} pixels are`} left over after the last window, and PyTorch floors, so no window is placed there.`,
  unreachedLine: (rows: string, dropped: string) =>
    rows === ''
      ? 'Every input row and column is read by at least one window.'
      : `Rows and columns no window reads (hatched): ${rows}.${dropped === '' ? '' : ` Of these, ${dropped} lie past the last window: the floor dropped them.`}`,

  photoWidgetLabel: 'Strided convolution against pooling on a photograph',
  photoIntro:
    'The same outline filter downsamples the photograph two ways: at stride 1 followed by max pooling, or with a stride. Both pictures are drawn on one brightness scale.',
  photoUrlProblem: (keys: readonly string[]) => `Some values in the address could not be used (${keys.join(', ')}); their defaults are shown instead.`,
  photoLabel: 'Photograph',
  photos: { camera: 'Photographer', astronaut: 'Astronaut', chelsea: 'Cat', coffee: 'Coffee' },
  factorLabel: 'Downsample by',
  factor: (f: number) => `${f}×`,
  loadError: (message: string) => `The photograph could not be loaded: ${message}`,
  loading: 'Loading the photograph…',
  photoSource: (h: number, w: number) => `Input: the photograph in grey, ${h}×${w}.`,
  photoShape: (h: number, w: number) => `${h}×${w}`,
  pathName: (path: 'pooled' | 'strided', f: number) =>
    path === 'pooled' ? `Convolution, stride 1, then ${f}×${f} max pooling` : `Convolution, stride ${f}`,
  photoCanvas: (path: 'pooled' | 'strided', shape: string) =>
    `${path === 'pooled' ? 'Edges after convolution and max pooling' : 'Edges after the strided convolution'}, ${shape}`,
  macs: (n: string) => `${n} multiply-accumulates`,
  edgeShare: (percent: number) => `${percent}% of pixels on an edge`,
};

export type StrideStrings = typeof en;
