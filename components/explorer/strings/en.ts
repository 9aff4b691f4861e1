/**
 * The network explorer's words in English. This file defines their shape
 * ({@link ExplorerStrings}); every other language's file must match it key for key.
 * Messages about the code itself come from the explorer (src/explorer/) in English,
 * with PyTorch's own words, as a traceback would show them.
 */
import type { BuilderType } from '../builder.ts';

export interface ExplorerStrings {
  pageTitle: string;
  pageIntro: string;
  pageDescription: string;
  /** How to use the editor from the keyboard. */
  keyboardHelp: string;
  editorLabel: string;
  exampleLabel: string;
  openExample: string;
  customCode: string;
  inputLabel: string;
  inputHint: string;
  inputProblems: { empty: string; notNumbers: string; tooMany: string; tooLarge: string };
  /** A link whose parts could not be read. */
  rejectedLink: (keys: readonly string[]) => string;
  /** Named keys of the address, for the note. */
  keyNames: { code: string; input: string };
  problemsHeading: string;
  noProblems: string;
  error: string;
  warning: string;
  outsideSubset: string;
  pytorchSays: string;
  goToLine: (line: number) => string;
  lineLabel: (line: number) => string;
  summaryHeading: string;
  summaryCaption: string;
  notTraced: string;
  columns: { layer: string; type: string; output: string; params: string; rf: string; macs: string };
  functionCall: string;
  showWorking: (name: string) => string;
  workingHeading: (name: string) => string;
  noWorking: string;
  inputRow: string;
  totals: string;
  totalsLine: (params: string, trainable: string, macs: string, output: string) => string;
  failedAt: (name: string) => string;
  builderHeading: string;
  builderIntro: string;
  builderUnavailable: string;
  startStack: string;
  layerTypes: Record<BuilderType, string>;
  addLabel: string;
  addLayer: string;
  moveUp: (index: number, type: string) => string;
  moveDown: (index: number, type: string) => string;
  removeLayer: (index: number, type: string) => string;
  argLabel: (key: string) => string;
  argRule: (min: number, max: number, step: number) => string;
  emptyStack: string;
  exportHeading: string;
  exportIntro: string;
  downloadCode: string;
  downloadWeights: string;
  exportFailed: (reason: string) => string;
  weightsInitial: string;
  weightsLoaded: (from: string) => string;
  weightsStale: (reason: string) => string;
  importLabel: string;
  importOk: (file: string, count: number) => string;
  importFailed: (file: string, reason: string) => string;
  importNoModel: string;
  snippetHeading: string;
  trainedHeading: string;
  trainedIntro: string;
  trainedNone: string;
  trainedUnavailable: string;
  trainedLabel: string;
  openTrained: string;
  trainedLoaded: (name: string) => string;
  trainedFailed: (reason: string) => string;
  trainedOption: (name: string, accuracy: string | null, date: string) => string;
  lessonLinks: string;
}

export const en: ExplorerStrings = {
  pageTitle: 'Network explorer',
  pageIntro:
    'Paste a PyTorch model, or build one layer by layer, and see what every layer does to the shape of the data: ' +
    'its output shape, parameters, receptive field and multiply-accumulates, each size worked out from PyTorch’s formula. ' +
    'When something does not fit, the error points at the line and says what PyTorch would say, and why.',
  pageDescription: 'Paste PyTorch code and see every layer’s output shape, parameters, receptive field and MACs, with errors at the line; build a network by hand and export it.',
  keyboardHelp:
    'In the editor, Tab indents a line. To leave the editor with the keyboard, press Escape and then Tab (or Shift+Tab); Ctrl+M switches Tab between indenting and moving on.',
  editorLabel: 'PyTorch code',
  exampleLabel: 'Example',
  openExample: 'Open example',
  customCode: 'Your code',
  inputLabel: 'Input shape (batch first)',
  inputHint: 'For example 1, 3, 32, 32: a batch of one 3-channel 32×32 image.',
  inputProblems: {
    empty: 'Type the input shape, batch first, such as 1, 3, 32, 32.',
    notNumbers: 'Use whole numbers of 1 or more, separated by commas, such as 1, 3, 32, 32.',
    tooMany: 'At most 6 dimensions.',
    tooLarge: 'Too large for a browser: each dimension at most 4096, and at most 2^28 values in all.',
  },
  rejectedLink: (keys) => `The link’s ${keys.join(' and ')} could not be read (it may have been cut short or edited), so the default is shown instead.`,
  keyNames: { code: 'code', input: 'input shape' },
  problemsHeading: 'Problems',
  noProblems: 'No problems: PyTorch would run this model on this input.',
  error: 'Error',
  warning: 'Warning',
  outsideSubset: 'Outside the subset the explorer reads',
  pytorchSays: 'PyTorch says',
  goToLine: (line) => `Go to line ${line}`,
  lineLabel: (line) => `line ${line}`,
  summaryHeading: 'Layer by layer',
  summaryCaption: 'Every layer’s output for the input shape above. Choose a layer to see how its shape is worked out.',
  notTraced: 'Nothing to show yet: the code has to build a model first.',
  columns: { layer: 'Layer', type: 'Type', output: 'Output shape', params: 'Parameters', rf: 'Receptive field', macs: 'MACs' },
  functionCall: 'call in forward',
  showWorking: (name) => `Show the working for ${name}`,
  workingHeading: (name) => `Working for ${name}`,
  noWorking: 'This layer does not change the shape in a way that needs working out.',
  inputRow: 'input',
  totals: 'Total',
  totalsLine: (params, trainable, macs, output) => `${params} parameters (${trainable} trainable), ${macs} multiply-accumulates, output ${output}.`,
  failedAt: (name) => `The run stopped at ${name}: see the problem above.`,
  builderHeading: 'Build by hand',
  builderIntro: 'Add, remove, reorder and edit layers; the code above is rewritten as one nn.Sequential, and editing the code updates this list.',
  builderUnavailable:
    'The builder edits one nn.Sequential of the layers it lists, with square kernels. The code above is something else (a class with its own forward, or other layers), so edit it in the editor, or start a new stack here.',
  startStack: 'Start a new stack',
  layerTypes: {
    Conv2d: 'Conv2d (convolution)',
    MaxPool2d: 'MaxPool2d (max pooling)',
    AvgPool2d: 'AvgPool2d (average pooling)',
    BatchNorm2d: 'BatchNorm2d (batch normalisation)',
    ReLU: 'ReLU',
    Tanh: 'Tanh',
    Sigmoid: 'Sigmoid',
    Dropout: 'Dropout',
    Flatten: 'Flatten',
    Linear: 'Linear (fully connected)',
  },
  addLabel: 'Layer to add',
  addLayer: 'Add layer',
  moveUp: (index, type) => `Move layer ${index} (${type}) up`,
  moveDown: (index, type) => `Move layer ${index} (${type}) down`,
  removeLayer: (index, type) => `Remove layer ${index} (${type})`,
  argLabel: (key) => key,
  argRule: (min, max, step) => (step === 1 ? `A whole number from ${min} to ${max}.` : `A number from ${min} to ${max} in steps of ${step}.`),
  emptyStack: 'The stack is empty: add a layer.',
  exportHeading: 'Export to PyTorch',
  exportIntro: 'Download the model as a Python file, and its weights as a .safetensors file with PyTorch’s names; or load a .safetensors file (from PyTorch, say) into the model shown.',
  downloadCode: 'Download model.py',
  downloadWeights: 'Download model.safetensors',
  exportFailed: (reason) => `Cannot export: ${reason}`,
  weightsInitial: 'The weights are freshly initialised (nothing trained or loaded yet).',
  weightsLoaded: (from) => `The weights come from ${from}.`,
  weightsStale: (reason) => `The loaded weights no longer fit the code (${reason}), so the model has fresh weights again.`,
  importLabel: 'Load weights (.safetensors)',
  importOk: (file, count) => `Loaded ${count} tensors from ${file}; they fit the model exactly.`,
  importFailed: (file, reason) => `${file} was not loaded, and nothing changed: ${reason}`,
  importNoModel: 'Fix the code first: there is no model to load weights into.',
  snippetHeading: 'Load both in Python',
  trainedHeading: 'Models you trained',
  trainedIntro: 'Networks trained and saved on the training dashboard (lessons 13 and 14) are kept in this browser. Open one here to see its code and export its trained weights.',
  trainedNone: 'No saved models yet: train one on the dashboard in lesson 13 and save it.',
  trainedUnavailable: 'This browser does not let the page read saved models.',
  trainedLabel: 'Saved model',
  openTrained: 'Open in the explorer',
  trainedLoaded: (name) => `Opened “${name}” with its trained weights.`,
  trainedFailed: (reason) => `That model could not be opened: ${reason}`,
  trainedOption: (name, accuracy, date) => `${name}${accuracy ? `, ${accuracy} test accuracy` : ''} (${date})`,
  lessonLinks: 'The formula behind every shape is in lesson 4; the layers are those of lessons 12 to 14.',
};
