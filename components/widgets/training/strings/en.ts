/**
 * Every word the training dashboard (lessons 13 and 14) shows, in English. This
 * file defines their shape ({@link TrainingStrings}); every other language's file
 * must match it key for key. Keys name purposes rather than sentences.
 *
 * Messages from the engine and the trainer (a stack that does not fit, a
 * corrupt weights file) stay in English, like PyTorch's: the dashboard puts a
 * sentence of its own in the reader's language in front of them.
 */
import type { ActivationKind, OptimizerKind, TrainDataset } from '../../../../src/training/config.ts';
import type { TrainerCommandType, TrainerState } from '../../../../src/training/protocol.ts';
import type { HandmadeKind } from '../handmade.ts';
import type { RunHistory } from '../history.ts';
import type { DashboardLesson, FieldProblem, NumberFieldName } from '../settings.ts';
import type { EditableType } from '../stack-edit.ts';
import { DATASET_CLASSES } from '../../../../src/engine/datasets/loaders.ts';
import { FIELD_SIZE } from '../drawing.ts';

/** Everything the dashboard says. */
export interface TrainingStrings {
  titles: Record<DashboardLesson, string>;
  /** The sentence under the title: what runs where, what to try. */
  intro: Record<DashboardLesson, string>;
  urlNote: (keys: string) => string;
  crash: { message: string; safe: string; restart: string };
  silence: { message: (seconds: number) => string; hint: string };
  sections: { setup: string; run: string; inside: string; mistakes: string; draw: string; models: string };
  setup: {
    dataset: string;
    datasetNames: Record<TrainDataset, string>;
    downloadSize: (size: string) => string;
    downloadOnce: string;
    architecture: string;
    archNames: { stack: string; lenet5: string; miniAlexNet: string; miniVgg: string; miniResNet: string };
    lenetActivation: string;
    activationNames: { tanh: string; relu: string };
    lenetPooling: string;
    poolingNames: { avg: string; max: string };
    stackHeading: string;
    optimiserHeading: string;
    optimiserHint: string;
    optimizer: string;
    optimizerNames: Record<OptimizerKind, string>;
    fields: Record<NumberFieldName, string>;
    hints: Partial<Record<NumberFieldName, string>>;
    restoreDefaults: string;
  };
  fieldProblem: (problem: FieldProblem) => string;
  stack: {
    types: Record<EditableType, string>;
    layerName: (index: number, type: string) => string;
    kindOf: (index: number) => string;
    moveUp: (name: string) => string;
    moveDown: (name: string) => string;
    remove: (name: string) => string;
    outChannels: string;
    kernelSize: string;
    stride: string;
    padding: string;
    poolKind: string;
    poolKinds: { max: string; avg: string };
    activationKind: string;
    activations: Record<ActivationKind, string>;
    outFeatures: string;
    dropRate: string;
    flattenNote: string;
    wholeNumber: (min: number, max: number) => string;
    probability: string;
    outputLine: (shape: string, params: string) => string;
    brokenHere: string;
    notTraced: string;
    newLayer: string;
    add: string;
    addHint: string;
  };
  summary: {
    caption: string;
    layer: string;
    type: string;
    output: string;
    params: string;
    input: string;
    total: string;
    brokenLayer: (index: number, type: string) => string;
    brokenNetwork: string;
  };
  run: {
    start: string;
    startNew: string;
    pause: string;
    step: string;
    reset: string;
    evaluate: string;
    blocked: { crashed: string; invalid: string; broken: string; done: string };
    dirtyNote: string;
    status: Record<TrainerState, string>;
    preparing: string;
    downloading: (dataset: string) => string;
    progressLabel: string;
    progressText: (epoch: number, epochs: number, step: string, total: string) => string;
    speed: string;
    timeLeft: string;
    trainLoss: string;
    trainAccuracy: string;
    testAccuracy: string;
    /** Says that the test accuracy shown is the sample's, scored while training. */
    testSample: (count: string) => string;
    imagesPerSecond: (n: string) => string;
    /** Label of the readout of how training runs: backend and workers. */
    engine: string;
    engineText: (backend: string, workers: number, sharedMemory: boolean) => string;
    sizes: (train: string, test: string, batch: string, steps: string) => string;
    failed: (command: TrainerCommandType | 'worker') => string;
  };
  charts: {
    train: string;
    test: string;
    subset: (count: string) => string;
    epoch: string;
    loss: string;
    accuracy: string;
    loading: string;
    lossLabel: (history: RunHistory) => string;
    accuracyLabel: (history: RunHistory) => string;
  };
  inside: {
    testImage: (count: number) => string;
    testImageProblem: (count: number) => string;
    previous: string;
    next: string;
    colouring: string;
    grey: string;
    signed: string;
    legend: string;
    empty: string;
    pictureLabel: (index: number, className: string) => string;
    verdict: (trueName: string, predicted: string, correct: boolean) => string;
    probabilities: string;
    mapsLabel: (channels: number, size: string, min: string, max: string) => string;
    valuesLabel: (count: number, min: string, max: string) => string;
    firstFilters: (count: number, size: string) => string;
    filters: (outChannels: number, inChannels: number, size: string) => string;
    filtersLabel: (outChannels: number, inChannels: number, size: string, min: string, max: string, grey: boolean) => string;
  };
  handmade: {
    heading: string;
    intro: string;
    kinds: Record<HandmadeKind, string>;
    match: (index: number, kind: string, correlation: number) => string;
  };
  confusion: {
    intro: (accuracy: string) => string;
    empty: string;
    caption: string;
    trueAxis: string;
    predictedAxis: string;
    rowAccuracy: string;
  };
  mistakes: {
    heading: string;
    none: string;
    summary: (total: string, testCount: string, shown: string) => string;
    itemLabel: (index: number, trueName: string, predicted: string, confidence: number) => string;
    itemText: (trueName: string, predicted: string) => string;
    showMore: string;
  };
  draw: {
    introDigits: string;
    introFashion: string;
    needsModel: string;
    waiting: string;
    answer: (name: string, probability: string) => string;
    probabilities: string;
    padLabel: string;
    description: string;
    clear: string;
    copySample: string;
    seenAs: string;
    seenLabel: string;
  };
  library: {
    nameLabel: string;
    save: string;
    downloadCurrent: string;
    /** The current model for PyTorch: its weights as .safetensors and its code as model.py. */
    pytorchHeading: string;
    pytorchIntro: string;
    pytorchWeights: string;
    pytorchCode: string;
    pytorchSnippetLabel: string;
    /** Why there is no PyTorch download for this network. */
    pytorchUnavailable: string;
    noModel: string;
    uploadLabel: string;
    uploadHint: string;
    empty: string;
    caption: string;
    name: string;
    details: string;
    actions: string;
    detailText: (arch: string, dataset: string, accuracy: string | null, date: string) => string;
    load: string;
    download: string;
    delete: string;
    confirmDelete: string;
    loadNamed: (name: string) => string;
    downloadNamed: (name: string) => string;
    deleteNamed: (name: string) => string;
    confirmDeleteNamed: (name: string) => string;
    suggestedName: (arch: string, dataset: string, accuracy: string | null) => string;
    saved: (name: string) => string;
    loaded: (what: string, steps: number, accuracy: string | null) => string;
    downloaded: (fileName: string) => string;
    deleted: (name: string) => string;
    refused: (what: string) => string;
    failed: string;
    noStore: string;
  };
  /** The LeNet-5 table of lesson 14, built with the page. */
  lenetTable: {
    caption: string;
    paper: string;
    layer: string;
    type: string;
    output: string;
    params: string;
    macs: string;
    input: string;
    total: string;
  };
  /** Fashion-MNIST's classes in label order, or null to show the dataset's own (English) names. */
  fashionClasses: readonly string[] | null;
}

/** The newest entry of a history. */
export function lastOf<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

/** A fraction as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A bound of a field's range as its message prints it. */
export function boundText(value: number): string {
  return value === 0xffffffff ? '4294967295' : String(value);
}

function bound(value: number, open: boolean | undefined): string {
  const text = boundText(value);
  return open ? `${text} (not included)` : text;
}

export const en: TrainingStrings = {
  titles: {
    training: 'Train a ConvNet in your browser',
    'lenet-5': 'Train LeNet-5 on MNIST',
    alexnet: 'Train a small AlexNet on MNIST',
    vgg: 'Train a small VGG on MNIST',
    resnet: 'Train a small ResNet on MNIST',
  },
  intro: {
    training:
      'Everything runs in a Web Worker on this page: the data is downloaded once, then kept by your browser. Change one setting at a time and watch what it does to the curves and the filters.',
    'lenet-5': 'The network of 1998, trained live by this site’s own engine in a Web Worker. The data is downloaded once, then kept by your browser.',
    alexnet:
      'AlexNet’s recipe shrunk to MNIST digits: convolutions with ReLU, overlapping pools, local response normalisation and dropout, trained with SGD and momentum in a Web Worker on this page.',
    vgg: 'VGG’s recipe shrunk to MNIST digits: blocks of small convolutions, each closed by a max pool, trained in a Web Worker on this page.',
    resnet:
      'A small ResNet for MNIST digits: small convolutions with batch normalisation and skip connections, trained in a Web Worker on this page. Batch normalisation keeps it on one worker.',
  },
  urlNote: (keys) => `The link asked for settings the dashboard does not accept (${keys}); the defaults are used instead.`,
  crash: {
    message: 'The trainer stopped unexpectedly.',
    safe: 'Your saved models are safe: they are kept by your browser, not by the trainer. The run in progress is lost.',
    restart: 'Restart the trainer',
  },
  silence: {
    message: (seconds) => `The trainer has not answered for over ${seconds} seconds.`,
    hint: 'A very large network can take that long for a single batch. If nothing moves, restart it: your saved models are kept.',
  },
  sections: {
    setup: '1. Set up the run',
    run: '2. Train',
    inside: '3. Inside the network',
    mistakes: '4. Where it goes wrong',
    draw: '5. Draw your own',
    models: '6. Saved models',
  },
  setup: {
    dataset: 'Dataset',
    datasetNames: { mnist: 'MNIST digits', 'fashion-mnist': 'Fashion-MNIST' },
    downloadSize: (size) => `Download: ${size}, once; your browser keeps it for the next visit.`,
    downloadOnce: 'The data is downloaded once; your browser keeps it for the next visit.',
    architecture: 'Network',
    archNames: { stack: 'Your own stack', lenet5: 'LeNet-5', miniAlexNet: 'Mini AlexNet', miniVgg: 'Mini VGG', miniResNet: 'Mini ResNet' },
    lenetActivation: 'Activation',
    activationNames: { tanh: 'tanh (1998)', relu: 'ReLU' },
    lenetPooling: 'Subsampling',
    poolingNames: { avg: 'Average (1998)', max: 'Max' },
    stackHeading: 'Edit the layers',
    optimiserHeading: 'Optimiser and schedule',
    optimiserHint: 'Switching the optimiser also sets its usual learning rate.',
    optimizer: 'Optimiser',
    optimizerNames: { sgd: 'SGD', momentum: 'SGD + momentum', adam: 'Adam' },
    fields: {
      lr: 'Learning rate',
      momentum: 'Momentum',
      batchSize: 'Batch size',
      weightDecay: 'Weight decay',
      epochs: 'Epochs',
      seed: 'Seed',
    },
    hints: {
      lr: 'Size of each step down the gradient.',
      momentum: 'How much of the previous step carries over.',
      weightDecay: 'Pulls every weight a little towards 0.',
      batchSize: 'Images per step.',
      epochs: 'Passes over the training set.',
      seed: 'Same seed, same run.',
    },
    restoreDefaults: 'Restore the defaults',
  },
  fieldProblem: (problem) => {
    const range = `from ${bound(problem.min, problem.minOpen)} to ${bound(problem.max, problem.maxOpen)}`;
    if (problem.integer) return `Type a whole number ${range}.`;
    // The example only where the notation may be what went wrong.
    return problem.kind === 'notANumber' ? `Type a number ${range}, such as 0.01 or 1e-3.` : `Type a number ${range}.`;
  },
  stack: {
    types: { conv: 'convolution', pool: 'pooling', activation: 'activation', flatten: 'flatten', linear: 'fully connected', dropout: 'dropout' },
    layerName: (index, type) => `Layer ${index} (${type})`,
    kindOf: (index) => `Layer ${index}`,
    moveUp: (name) => `Move ${name} up`,
    moveDown: (name) => `Move ${name} down`,
    remove: (name) => `Remove ${name}`,
    outChannels: 'Filters',
    kernelSize: 'Kernel',
    stride: 'Stride',
    padding: 'Padding',
    poolKind: 'Kind',
    poolKinds: { max: 'max', avg: 'average' },
    activationKind: 'Function',
    activations: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid', leakyRelu: 'leaky ReLU' },
    outFeatures: 'Outputs',
    dropRate: 'Drop rate',
    flattenNote: 'Lines the maps up into one long vector for the fully connected layers.',
    wholeNumber: (min, max) => `Type a whole number from ${min} to ${max}.`,
    probability: 'Type a rate from 0 up to (not including) 1.',
    outputLine: (shape, params) => `→ ${shape}, ${params} parameters`,
    brokenHere: '→ does not fit: see the reason below the layers.',
    notTraced: '→ not traced (a layer above does not fit)',
    newLayer: 'New layer',
    add: 'Add before the last layer',
    addHint: `The last layer must stay a fully connected layer with ${DATASET_CLASSES.mnist.length} outputs: the class scores.`,
  },
  summary: {
    caption: `The network for one 1×${FIELD_SIZE}×${FIELD_SIZE} image, as the engine’s summary traces it`,
    layer: 'Layer',
    type: 'Type',
    output: 'Output',
    params: 'Parameters',
    input: 'input',
    total: 'Parameters in all',
    brokenLayer: (index, type) => `Layer ${index} (${type}) does not fit, so training cannot start. The engine says:`,
    brokenNetwork: 'This network cannot be built, so training cannot start. The engine says:',
  },
  run: {
    start: 'Start',
    startNew: 'Start a new run',
    pause: 'Pause',
    step: 'Step one batch',
    reset: 'Reset',
    evaluate: 'Test now',
    blocked: {
      crashed: 'The trainer stopped: restart it first (above).',
      invalid: 'Fix the settings marked in red first.',
      broken: 'The network does not fit together: see the reason under the layer table.',
      done: 'All epochs are trained. Press Reset to train again, or raise Epochs to train further.',
    },
    dirtyNote: 'The settings have changed since this run started: Start begins a new run with them. Save the current model first if you want to keep it.',
    status: {
      empty: 'Not started. Start downloads the data, builds the network and trains it.',
      loading: 'Loading the data…',
      idle: 'Ready to train.',
      running: 'Training…',
      paused: 'Paused.',
      done: 'Done: every epoch is trained.',
    },
    preparing: 'Preparing the network…',
    downloading: (dataset) => `Downloading ${dataset}`,
    progressLabel: 'Training',
    progressText: (epoch, epochs, step, total) => `epoch ${epoch} of ${epochs} · step ${step} of ${total}`,
    speed: 'Speed',
    timeLeft: 'Time left',
    trainLoss: 'Training loss',
    trainAccuracy: 'Training accuracy',
    testAccuracy: 'Test accuracy',
    testSample: (count) => `on a fixed sample of ${count} test images; the whole set at each epoch's end`,
    imagesPerSecond: (n) => `${n} images/s`,
    engine: 'Engine',
    engineText: (backend, workers, sharedMemory) =>
      `${backend}, ${workers === 1 ? '1 worker' : `${workers} workers`}${workers > 1 ? (sharedMemory ? ', shared memory' : ', messages') : ''}`,
    sizes: (train, test, batch, steps) => `${train} training images, ${test} test images; ${steps} steps of ${batch} images make one epoch.`,
    failed: (command) =>
      command === 'init'
        ? 'The trainer could not set up this run.'
        : command === 'start' || command === 'worker'
          ? 'Training stopped.'
          : `The trainer could not do that (${command}).`,
  },
  charts: {
    train: 'training (recent batches)',
    test: 'test set',
    subset: (count) => `test sample (${count} images)`,
    epoch: 'epoch',
    loss: 'loss',
    accuracy: 'accuracy (%)',
    loading: 'Loading the chart…',
    lossLabel: (history) => {
      const train = lastOf(history.train);
      const test = lastOf(history.test);
      if (!train && !test) return 'Loss chart: no training yet.';
      return `Loss chart against epochs.${train ? ` Latest training loss ${train.loss.toFixed(3)} at epoch ${train.epoch.toFixed(2)}.` : ''}${test ? ` Latest test loss ${test.loss.toFixed(3)}.` : ''}`;
    },
    accuracyLabel: (history) => {
      const train = lastOf(history.train);
      const test = lastOf(history.test);
      const sample = lastOf(history.subset);
      if (!train && !test) return 'Accuracy chart: no training yet.';
      return `Accuracy chart against epochs.${train ? ` Latest training accuracy ${pct(train.accuracy)}.` : ''}${sample ? ` Latest accuracy on the test sample ${pct(sample.accuracy)}.` : ''}${test ? ` Latest test accuracy ${pct(test.accuracy)} at epoch ${test.epoch.toFixed(2)}.` : ''}`;
    },
  },
  inside: {
    testImage: (count) => `Test image (0 to ${count - 1})`,
    testImageProblem: (count) => `Type a whole number from 0 to ${count - 1}.`,
    previous: 'Previous',
    next: 'Next',
    colouring: 'First-layer filters',
    grey: 'Greyscale',
    signed: 'Signed colours',
    legend: 'Signed colours: warm is positive, cool is negative, the neutral middle is 0. In greyscale each filter runs from black (its most negative weight) to white (its most positive).',
    empty: 'Start training, take one step or load a saved model, and the network’s layers appear here for the chosen test image.',
    pictureLabel: (index, name) => `Test image ${index}, true class ${name}`,
    verdict: (trueName, predicted, correct) => (correct ? `True class ${trueName}; the network says ${predicted}: right.` : `True class ${trueName}, but the network says ${predicted}.`),
    probabilities: 'The network’s probabilities',
    mapsLabel: (channels, size, min, max) => `${channels} activation map${channels === 1 ? '' : 's'} of ${size}, values from ${min} to ${max}`,
    valuesLabel: (count, min, max) => `${count} values, from ${min} to ${max}`,
    firstFilters: (count, size) => `Its ${count} filters, ${size} each`,
    filters: (outC, inC, size) => `Its filters: ${outC} rows (one per output map) of ${inC} ${size} slices (one per input map)`,
    filtersLabel: (outC, inC, size, min, max, grey) =>
      `${outC} filters of ${inC}×${size} weights, from ${min} to ${max}${grey ? ', each in greyscale' : ', in signed colours'}`,
  },
  handmade: {
    heading: 'Learned filters next to hand-made ones',
    intro: 'Each first-layer filter is matched with the hand-made filter it correlates with most (1: the same pattern; −1: the same with light and dark swapped; near 0: no likeness). Compare before and after training.',
    kinds: { vertical: 'vertical edge', horizontal: 'horizontal edge', diagonalDown: 'diagonal edge ↘', diagonalUp: 'diagonal edge ↗', spot: 'spot' },
    match: (index, kind, r) => `Filter ${index}: most like a ${kind}, correlation ${r.toFixed(2)}`,
  },
  confusion: {
    intro: (accuracy) => `On the test set the network is right ${accuracy} of the time. Rows: the true class; columns: the network’s answer. The diagonal holds the right answers.`,
    empty: 'The confusion matrix and the mistakes appear after the first test (at each pause and every half epoch, or press Test now).',
    caption: 'Confusion matrix of the latest test',
    trueAxis: 'true',
    predictedAxis: 'answer',
    rowAccuracy: 'right',
  },
  mistakes: {
    heading: 'Mistakes',
    none: 'No test image is wrong. Impressive.',
    summary: (total, testCount, shown) => `${total} of ${testCount} test images are wrong; here are the first ${shown}. Choose one to look inside the network.`,
    itemLabel: (index, trueName, predicted, confidence) => `Test image ${index}: true class ${trueName}, taken for ${predicted} (${confidence}% sure). Show it inside the network.`,
    itemText: (trueName, predicted) => `${trueName} → ${predicted}`,
    showMore: 'Show more',
  },
  draw: {
    introDigits: 'Draw a digit and the network will say which one it thinks it is. It has only ever seen MNIST’s digits: centred, thick strokes, one digit filling most of the box.',
    introFashion: 'The network was trained on clothes: draw the outline of a shirt, a shoe or a bag and see what it makes of it.',
    needsModel: 'Train a network (or load a saved one) first.',
    waiting: 'Draw in the box; the answer appears when you lift the pen.',
    answer: (name, p) => `The network says ${name} (${p}).`,
    probabilities: 'Probabilities for your drawing',
    padLabel: 'Drawing pad',
    description: 'Draw with a mouse, a pen or a finger. Without a pointer, use “Copy the test image” to send the test image shown above, then Clear to start again.',
    clear: 'Clear',
    copySample: 'Copy the test image',
    seenAs: `What the network sees (${FIELD_SIZE}×${FIELD_SIZE}, centred as in MNIST)`,
    seenLabel: `Your drawing, scaled down to ${FIELD_SIZE}×${FIELD_SIZE} pixels`,
  },
  library: {
    nameLabel: 'Name',
    save: 'Save in this browser',
    downloadCurrent: 'Download the weights file',
    pytorchHeading: 'Take it to PyTorch',
    pytorchUnavailable:
      'This network is not offered for PyTorch: its skip connections add a block’s input to its output, and the model.py writer only writes plain chains of layers. Its weights file above still saves and reloads here.',
    pytorchIntro: 'The same network and weights as PyTorch reads them: the weights under PyTorch’s state-dict names, and the network as an nn.Module class. Put both files in one folder and load them with the lines below.',
    pytorchWeights: 'Download model.safetensors',
    pytorchCode: 'Download model.py',
    pytorchSnippetLabel: 'Python that loads the two files',
    noModel: 'Train a network first; then you can keep it here or download it.',
    uploadLabel: 'Load a weights file (.clw)',
    uploadHint: 'A file saved from this dashboard. A wrong or damaged file is refused and changes nothing.',
    empty: 'No saved models yet.',
    caption: 'Models saved in this browser',
    name: 'Name',
    details: 'Details',
    actions: 'Actions',
    detailText: (arch, dataset, accuracy, date) => `${arch} on ${dataset}, ${accuracy === null ? 'not tested' : `test accuracy ${accuracy}`}, saved ${date}`,
    load: 'Load',
    download: 'Download',
    delete: 'Delete',
    confirmDelete: 'Really delete',
    loadNamed: (name) => `Load ${name}`,
    downloadNamed: (name) => `Download ${name}`,
    deleteNamed: (name) => `Delete ${name}`,
    confirmDeleteNamed: (name) => `Really delete ${name}`,
    suggestedName: (arch, dataset, accuracy) => [arch, dataset, accuracy].filter(Boolean).join(' · ') || 'My model',
    saved: (name) => `Saved “${name}” in this browser.`,
    loaded: (what, steps, accuracy) => `Loaded “${what}”: ${steps} training steps${accuracy ? `, test accuracy ${accuracy} when saved` : ''}. The settings above now show its run.`,
    downloaded: (fileName) => `Downloading ${fileName}.`,
    deleted: (name) => `Deleted “${name}”.`,
    refused: (what) => `“${what}” could not be loaded, so nothing was changed.`,
    failed: 'That did not work; nothing was changed.',
    noStore: 'This browser does not let the page keep models (IndexedDB is unavailable, as in some private modes). Download the weights file instead.',
  },
  lenetTable: {
    caption: `LeNet-5 for one 1×${FIELD_SIZE}×${FIELD_SIZE} digit, traced by the engine’s summary`,
    paper: 'In the paper',
    layer: 'Layer',
    type: 'Type',
    output: 'Output',
    params: 'Parameters',
    macs: 'Multiply-adds',
    input: 'input',
    total: 'Total',
  },
  fashionClasses: null,
};
