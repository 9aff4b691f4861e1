/**
 * Every word the training dashboard shows, in English and Korean. The Korean
 * is written for Korean readers (학습률, 배치 크기, 에폭, 특성 맵...), not
 * translated line by line, so keys name purposes rather than sentences.
 *
 * Messages from the engine and the trainer (a stack that does not fit, a
 * corrupt weights file) stay in English, like PyTorch's: the dashboard puts a
 * sentence of its own in the reader's language in front of them.
 */
import type { ActivationKind, OptimizerKind, TrainDataset } from '../../../src/training/config.ts';
import type { TrainerCommandType, TrainerState } from '../../../src/training/protocol.ts';
import { DATASET_CLASSES } from '../../../src/engine/datasets/loaders.ts';
import type { HandmadeKind } from './handmade.ts';
import type { RunHistory } from './history.ts';
import type { DashboardLesson, FieldProblem, NumberFieldName } from './settings.ts';
import type { EditableType } from './stack-edit.ts';
import type { Lang } from './format.ts';

export type { Lang };

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
    archNames: { stack: string; lenet5: string };
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
    wholeNumber: (min: number) => string;
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
    imagesPerSecond: (n: string) => string;
    sizes: (train: string, test: string, batch: string, steps: string) => string;
    failed: (command: TrainerCommandType | 'worker') => string;
  };
  charts: {
    train: string;
    test: string;
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
}

function lastOf<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function bound(value: number, open: boolean | undefined, lang: Lang): string {
  const text = value === 0xffffffff ? '4294967295' : String(value);
  if (lang === 'ko') return open ? `${text}(포함하지 않음)` : text;
  return open ? `${text} (not included)` : text;
}

const en: TrainingStrings = {
  titles: { training: 'Train a ConvNet in your browser', 'lenet-5': 'Train LeNet-5 on MNIST' },
  intro: {
    training:
      'Everything runs in a Web Worker on this page: the data is downloaded once, then kept by your browser. Change one setting at a time and watch what it does to the curves and the filters.',
    'lenet-5': 'The network of 1998, trained live by this site’s own engine in a Web Worker. The data is downloaded once, then kept by your browser.',
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
    archNames: { stack: 'Your own stack', lenet5: 'LeNet-5' },
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
    switch (problem.kind) {
      case 'notANumber':
        return 'Type a number, such as 0.01 or 1e-3.';
      case 'notWhole':
        return 'Type a whole number.';
      case 'range':
        return `Type a number from ${bound(problem.min, problem.minOpen, 'en')} to ${bound(problem.max, problem.maxOpen, 'en')}.`;
    }
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
    wholeNumber: (min) => `Type a whole number of at least ${min}.`,
    probability: 'Type a rate from 0 up to (not including) 1.',
    outputLine: (shape, params) => `→ ${shape}, ${params} parameters`,
    brokenHere: '→ does not fit: see the reason below the layers.',
    notTraced: '→ not traced (a layer above does not fit)',
    newLayer: 'New layer',
    add: 'Add before the last layer',
    addHint: 'The last layer must stay a fully connected layer with 10 outputs: the class scores.',
  },
  summary: {
    caption: 'The network for one 1×28×28 image, as the engine’s summary traces it',
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
    imagesPerSecond: (n) => `${n} images/s`,
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
      if (!train && !test) return 'Accuracy chart: no training yet.';
      return `Accuracy chart against epochs.${train ? ` Latest training accuracy ${pct(train.accuracy)}.` : ''}${test ? ` Latest test accuracy ${pct(test.accuracy)} at epoch ${test.epoch.toFixed(2)}.` : ''}`;
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
    seenAs: 'What the network sees (28×28, centred as in MNIST)',
    seenLabel: 'Your drawing, scaled down to 28×28 pixels',
  },
  library: {
    nameLabel: 'Name',
    save: 'Save in this browser',
    downloadCurrent: 'Download the weights file',
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
};

const ko: TrainingStrings = {
  titles: { training: '브라우저에서 합성곱 신경망 학습시키기', 'lenet-5': 'MNIST로 LeNet-5 학습시키기' },
  intro: {
    training:
      '모든 계산은 이 페이지의 웹 워커에서 돌아갑니다. 데이터는 처음 한 번만 내려받고, 그다음부터는 브라우저에 보관된 것을 씁니다. 설정은 한 번에 하나씩 바꿔 보고 곡선과 필터가 어떻게 달라지는지 살펴보세요.',
    'lenet-5': '1998년의 신경망을 이 사이트의 엔진이 웹 워커에서 직접 학습시킵니다. 데이터는 처음 한 번만 내려받고 브라우저에 보관합니다.',
  },
  urlNote: (keys) => `링크에 대시보드가 받아들일 수 없는 설정이 있어(${keys}) 기본값을 대신 썼습니다.`,
  crash: {
    message: '학습기가 예기치 않게 멈췄습니다.',
    safe: '저장한 모델은 학습기가 아니라 브라우저에 보관되어 있으니 그대로 남아 있습니다. 진행 중이던 학습만 사라졌습니다.',
    restart: '학습기 다시 시작',
  },
  silence: {
    message: (seconds) => `학습기가 ${seconds}초 넘게 응답하지 않습니다.`,
    hint: '아주 큰 신경망은 배치 하나에 그만큼 걸리기도 합니다. 그래도 아무 변화가 없으면 다시 시작하세요. 저장한 모델은 그대로 남습니다.',
  },
  sections: {
    setup: '1. 학습 설정',
    run: '2. 학습',
    inside: '3. 신경망 들여다보기',
    mistakes: '4. 어디서 틀리는가',
    draw: '5. 직접 그려 보기',
    models: '6. 저장한 모델',
  },
  setup: {
    dataset: '데이터셋',
    datasetNames: { mnist: 'MNIST 손글씨 숫자', 'fashion-mnist': 'Fashion-MNIST' },
    downloadSize: (size) => `내려받는 양: ${size}, 처음 한 번만. 다음 방문 때는 브라우저에 보관된 것을 씁니다.`,
    downloadOnce: '데이터는 처음 한 번만 내려받고, 다음 방문 때는 브라우저에 보관된 것을 씁니다.',
    architecture: '신경망',
    archNames: { stack: '직접 쌓은 층', lenet5: 'LeNet-5' },
    lenetActivation: '활성화 함수',
    activationNames: { tanh: 'tanh (1998년)', relu: 'ReLU' },
    lenetPooling: '서브샘플링',
    poolingNames: { avg: '평균 (1998년)', max: '최대' },
    stackHeading: '층 편집하기',
    optimiserHeading: '옵티마이저와 학습 일정',
    optimiserHint: '옵티마이저를 바꾸면 그 옵티마이저에 흔히 쓰는 학습률로 함께 바뀝니다.',
    optimizer: '옵티마이저',
    optimizerNames: { sgd: 'SGD', momentum: 'SGD + 모멘텀', adam: 'Adam' },
    fields: {
      lr: '학습률',
      momentum: '모멘텀',
      batchSize: '배치 크기',
      weightDecay: '가중치 감쇠',
      epochs: '에폭',
      seed: '시드',
    },
    hints: {
      lr: '기울기를 따라 한 번에 내려가는 보폭',
      momentum: '이전 걸음을 얼마나 이어 가는지',
      weightDecay: '모든 가중치를 0 쪽으로 조금씩 당김',
      batchSize: '한 걸음에 쓰는 이미지 수',
      epochs: '학습 데이터를 몇 번 훑을지',
      seed: '같은 시드면 같은 결과',
    },
    restoreDefaults: '기본값으로 되돌리기',
  },
  fieldProblem: (problem) => {
    switch (problem.kind) {
      case 'notANumber':
        return '0.01이나 1e-3처럼 숫자를 입력하세요.';
      case 'notWhole':
        return '정수를 입력하세요.';
      case 'range':
        return `${bound(problem.min, problem.minOpen, 'ko')}부터 ${bound(problem.max, problem.maxOpen, 'ko')}까지의 수를 입력하세요.`;
    }
  },
  stack: {
    types: { conv: '합성곱', pool: '풀링', activation: '활성화', flatten: '평탄화', linear: '완전 연결', dropout: '드롭아웃' },
    layerName: (index, type) => `${index}번 층(${type})`,
    kindOf: (index) => `${index}번 층`,
    moveUp: (name) => `${name}을 위로`,
    moveDown: (name) => `${name}을 아래로`,
    remove: (name) => `${name} 지우기`,
    outChannels: '필터 수',
    kernelSize: '커널',
    stride: '스트라이드',
    padding: '패딩',
    poolKind: '종류',
    poolKinds: { max: '최대', avg: '평균' },
    activationKind: '함수',
    activations: { relu: 'ReLU', tanh: 'tanh', sigmoid: '시그모이드', leakyRelu: 'Leaky ReLU' },
    outFeatures: '출력 수',
    dropRate: '드롭 비율',
    flattenNote: '특성 맵을 한 줄로 길게 펼쳐 완전 연결 층에 넘깁니다.',
    wholeNumber: (min) => `${min} 이상의 정수를 입력하세요.`,
    probability: '0 이상 1 미만의 비율을 입력하세요.',
    outputLine: (shape, params) => `→ ${shape}, 파라미터 ${params}개`,
    brokenHere: '→ 맞지 않습니다. 이유는 층 목록 아래에 있습니다.',
    notTraced: '→ 계산하지 못함 (위쪽 층이 맞지 않음)',
    newLayer: '새 층',
    add: '마지막 층 앞에 추가',
    addHint: '마지막 층은 출력이 10개인 완전 연결 층이어야 합니다. 그 10개가 클래스 점수입니다.',
  },
  summary: {
    caption: '1×28×28 이미지 한 장에 대해 엔진의 summary가 계산한 신경망',
    layer: '층',
    type: '종류',
    output: '출력',
    params: '파라미터',
    input: '입력',
    total: '전체 파라미터',
    brokenLayer: (index, type) => `${index}번 층(${type})이 맞지 않아 학습을 시작할 수 없습니다. 엔진의 설명:`,
    brokenNetwork: '이 신경망은 만들 수 없어 학습을 시작할 수 없습니다. 엔진의 설명:',
  },
  run: {
    start: '시작',
    startNew: '새로 시작',
    pause: '일시 정지',
    step: '배치 하나만',
    reset: '초기화',
    evaluate: '지금 평가',
    blocked: {
      crashed: '학습기가 멈췄습니다. 먼저 위에서 다시 시작하세요.',
      invalid: '빨간색으로 표시된 설정을 먼저 고치세요.',
      broken: '층들이 서로 맞지 않습니다. 층 표 아래의 설명을 보세요.',
      done: '모든 에폭을 학습했습니다. 다시 학습하려면 초기화를, 더 학습하려면 에폭을 늘리세요.',
    },
    dirtyNote: '이 학습을 시작한 뒤로 설정이 바뀌었습니다. 시작을 누르면 바뀐 설정으로 새로 학습합니다. 지금 모델을 남기고 싶다면 먼저 저장하세요.',
    status: {
      empty: '아직 시작하지 않았습니다. 시작을 누르면 데이터를 내려받고 신경망을 만들어 학습합니다.',
      loading: '데이터를 불러오는 중…',
      idle: '학습할 준비가 되었습니다.',
      running: '학습 중…',
      paused: '일시 정지했습니다.',
      done: '완료: 모든 에폭을 학습했습니다.',
    },
    preparing: '신경망을 준비하는 중…',
    downloading: (dataset) => `${dataset} 내려받는 중`,
    progressLabel: '학습 진행',
    progressText: (epoch, epochs, step, total) => `에폭 ${epoch}/${epochs} · 스텝 ${step}/${total}`,
    speed: '속도',
    timeLeft: '남은 시간',
    trainLoss: '학습 손실',
    trainAccuracy: '학습 정확도',
    testAccuracy: '테스트 정확도',
    imagesPerSecond: (n) => `초당 ${n}장`,
    sizes: (train, test, batch, steps) => `학습 이미지 ${train}장, 테스트 이미지 ${test}장. 이미지 ${batch}장짜리 스텝 ${steps}번이 한 에폭입니다.`,
    failed: (command) =>
      command === 'init'
        ? '학습기가 이 설정으로 학습을 준비하지 못했습니다.'
        : command === 'start' || command === 'worker'
          ? '학습이 멈췄습니다.'
          : `학습기가 그 일을 하지 못했습니다(${command}).`,
  },
  charts: {
    train: '학습 (최근 배치)',
    test: '테스트 세트',
    epoch: '에폭',
    loss: '손실',
    accuracy: '정확도 (%)',
    loading: '차트를 불러오는 중…',
    lossLabel: (history) => {
      const train = lastOf(history.train);
      const test = lastOf(history.test);
      if (!train && !test) return '손실 차트: 아직 학습하지 않았습니다.';
      return `에폭에 따른 손실 차트.${train ? ` 최근 학습 손실은 에폭 ${train.epoch.toFixed(2)}에서 ${train.loss.toFixed(3)}.` : ''}${test ? ` 최근 테스트 손실은 ${test.loss.toFixed(3)}.` : ''}`;
    },
    accuracyLabel: (history) => {
      const train = lastOf(history.train);
      const test = lastOf(history.test);
      if (!train && !test) return '정확도 차트: 아직 학습하지 않았습니다.';
      return `에폭에 따른 정확도 차트.${train ? ` 최근 학습 정확도 ${pct(train.accuracy)}.` : ''}${test ? ` 최근 테스트 정확도는 에폭 ${test.epoch.toFixed(2)}에서 ${pct(test.accuracy)}.` : ''}`;
    },
  },
  inside: {
    testImage: (count) => `테스트 이미지 (0~${count - 1})`,
    testImageProblem: (count) => `0부터 ${count - 1}까지의 정수를 입력하세요.`,
    previous: '이전',
    next: '다음',
    colouring: '첫 층 필터 색',
    grey: '흑백',
    signed: '부호 색',
    legend: '부호 색: 따뜻한 색은 양수, 차가운 색은 음수, 가운데 중립색은 0입니다. 흑백에서는 필터마다 가장 작은 가중치가 검정, 가장 큰 가중치가 흰색입니다.',
    empty: '학습을 시작하거나, 한 스텝만 돌리거나, 저장한 모델을 불러오면 고른 테스트 이미지에 대한 각 층의 모습이 여기 나타납니다.',
    pictureLabel: (index, name) => `테스트 이미지 ${index}번, 정답은 ${name}`,
    verdict: (trueName, predicted, correct) => (correct ? `정답은 ${trueName}, 신경망의 답도 ${predicted}: 맞혔습니다.` : `정답은 ${trueName}인데 신경망은 ${predicted}(이)라고 답했습니다.`),
    probabilities: '신경망이 매긴 확률',
    mapsLabel: (channels, size, min, max) => `${size} 크기의 활성화 맵 ${channels}장, 값은 ${min}부터 ${max}까지`,
    valuesLabel: (count, min, max) => `값 ${count}개, ${min}부터 ${max}까지`,
    firstFilters: (count, size) => `이 층의 필터 ${count}개, 각각 ${size}`,
    filters: (outC, inC, size) => `이 층의 필터: 출력 맵마다 한 줄씩 ${outC}줄, 줄마다 입력 맵 하나에 해당하는 ${size} 조각 ${inC}개`,
    filtersLabel: (outC, inC, size, min, max, grey) => `${inC}×${size} 가중치 필터 ${outC}개, 값은 ${min}부터 ${max}까지${grey ? ', 필터마다 흑백으로' : ', 부호 색으로'}`,
  },
  handmade: {
    heading: '학습한 필터와 손으로 만든 필터',
    intro: '첫 층의 필터마다 가장 닮은 손수 만든 필터를 짝지었습니다(상관계수 1: 같은 무늬, −1: 밝고 어두움만 뒤바뀐 같은 무늬, 0 근처: 닮지 않음). 학습 전과 후를 비교해 보세요.',
    kinds: { vertical: '세로 경계', horizontal: '가로 경계', diagonalDown: '대각선 경계 ↘', diagonalUp: '대각선 경계 ↗', spot: '점' },
    match: (index, kind, r) => `필터 ${index}: ${kind}와 가장 닮음, 상관계수 ${r.toFixed(2)}`,
  },
  confusion: {
    intro: (accuracy) => `테스트 세트에서 신경망의 정확도는 ${accuracy}입니다. 행은 실제 클래스, 열은 신경망의 답이고, 대각선이 맞힌 개수입니다.`,
    empty: '혼동 행렬과 틀린 이미지는 첫 평가 뒤에 나타납니다(일시 정지할 때와 반 에폭마다 평가하고, 지금 평가를 눌러도 됩니다).',
    caption: '최근 평가의 혼동 행렬',
    trueAxis: '실제',
    predictedAxis: '답',
    rowAccuracy: '정답률',
  },
  mistakes: {
    heading: '틀린 이미지',
    none: '틀린 테스트 이미지가 하나도 없습니다. 대단하네요.',
    summary: (total, testCount, shown) => `테스트 이미지 ${testCount}장 중 ${total}장을 틀렸습니다. 앞의 ${shown}장을 보여 줍니다. 하나를 고르면 신경망 안에서 들여다볼 수 있습니다.`,
    itemLabel: (index, trueName, predicted, confidence) => `테스트 이미지 ${index}번: 실제는 ${trueName}, 신경망의 답은 ${predicted} (확신 ${confidence}%). 신경망 안에서 보기`,
    itemText: (trueName, predicted) => `${trueName} → ${predicted}`,
    showMore: '더 보기',
  },
  draw: {
    introDigits: '숫자를 그리면 신경망이 어떤 숫자인지 답합니다. 신경망이 본 것은 MNIST의 숫자뿐입니다. 가운데에 굵은 획으로, 칸을 가득 채우게 쓴 숫자들이죠.',
    introFashion: '이 신경망은 옷으로 학습했습니다. 셔츠나 신발, 가방의 윤곽을 그려 보고 무엇이라 답하는지 보세요.',
    needsModel: '먼저 신경망을 학습시키거나 저장한 모델을 불러오세요.',
    waiting: '칸 안에 그려 보세요. 펜을 떼면 답이 나옵니다.',
    answer: (name, p) => `신경망의 답: ${name} (${p})`,
    probabilities: '그린 그림에 대한 확률',
    padLabel: '그림판',
    description: '마우스나 펜, 손가락으로 그리세요. 포인터 없이 쓸 때는 “테스트 이미지 복사”로 위의 테스트 이미지를 보내고, “지우기”로 다시 시작하세요.',
    clear: '지우기',
    copySample: '테스트 이미지 복사',
    seenAs: '신경망이 보는 그림 (28×28, MNIST처럼 가운데 맞춤)',
    seenLabel: '28×28 픽셀로 줄인 그림',
  },
  library: {
    nameLabel: '이름',
    save: '이 브라우저에 저장',
    downloadCurrent: '가중치 파일 내려받기',
    noModel: '먼저 신경망을 학습시키세요. 그다음 여기에 저장하거나 파일로 내려받을 수 있습니다.',
    uploadLabel: '가중치 파일 불러오기 (.clw)',
    uploadHint: '이 대시보드에서 저장한 파일을 고르세요. 잘못되었거나 손상된 파일은 거부하고 아무것도 바꾸지 않습니다.',
    empty: '아직 저장한 모델이 없습니다.',
    caption: '이 브라우저에 저장한 모델',
    name: '이름',
    details: '정보',
    actions: '작업',
    detailText: (arch, dataset, accuracy, date) => `${dataset}로 학습한 ${arch}, ${accuracy === null ? '평가 전' : `테스트 정확도 ${accuracy}`}, ${date} 저장`,
    load: '불러오기',
    download: '내려받기',
    delete: '지우기',
    confirmDelete: '정말 지우기',
    loadNamed: (name) => `${name} 불러오기`,
    downloadNamed: (name) => `${name} 내려받기`,
    deleteNamed: (name) => `${name} 지우기`,
    confirmDeleteNamed: (name) => `${name} 정말 지우기`,
    suggestedName: (arch, dataset, accuracy) => [arch, dataset, accuracy].filter(Boolean).join(' · ') || '내 모델',
    saved: (name) => `“${name}”을(를) 이 브라우저에 저장했습니다.`,
    loaded: (what, steps, accuracy) => `“${what}”을(를) 불러왔습니다. 학습 스텝 ${steps}번${accuracy ? `, 저장 당시 테스트 정확도 ${accuracy}` : ''}. 위의 설정도 이 모델의 설정으로 바뀌었습니다.`,
    downloaded: (fileName) => `${fileName} 내려받는 중입니다.`,
    deleted: (name) => `“${name}”을(를) 지웠습니다.`,
    refused: (what) => `“${what}”을(를) 불러올 수 없어 아무것도 바꾸지 않았습니다.`,
    failed: '실패했습니다. 아무것도 바뀌지 않았습니다.',
    noStore: '이 브라우저에서는 페이지가 모델을 보관할 수 없습니다(일부 사생활 보호 모드처럼 IndexedDB를 쓸 수 없음). 대신 가중치 파일을 내려받으세요.',
  },
};

/** The dashboard's words in each language. */
export const STRINGS: Readonly<Record<Lang, TrainingStrings>> = { en, ko };

/** Fashion-MNIST's classes in Korean, in label order. */
const FASHION_KO = ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '스니커즈', '가방', '앵클부츠'];

/**
 * Class names to show: the digits as they are; Fashion-MNIST's in the reader's
 * language (the worker reports the dataset's own English names).
 */
export function classNames(lang: Lang, dataset: TrainDataset, fromWorker?: readonly string[]): readonly string[] {
  if (dataset === 'fashion-mnist' && lang === 'ko') return FASHION_KO;
  if (fromWorker && fromWorker.length > 0) return fromWorker;
  return DATASET_CLASSES[dataset];
}
