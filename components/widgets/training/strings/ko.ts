/**
 * Every word the training dashboard shows, in Korean, written for Korean readers
 * (학습률, 배치 크기, 에폭, 특징 맵...) rather than translated line by line.
 * TypeScript checks that the keys are exactly those of the English file.
 */
import { boundText, lastOf, pct } from './en.ts';
import type { TrainingStrings } from './en.ts';
import { DATASET_CLASSES } from '../../../../src/engine/datasets/loaders.ts';
import { josa } from '../../../../src/i18n/korean.ts';
import { FIELD_SIZE } from '../drawing.ts';

function bound(value: number, open: boolean | undefined): string {
  const text = boundText(value);
  return open ? `${text}(포함하지 않음)` : text;
}

export const ko: TrainingStrings = {
  titles: {
    training: '브라우저에서 합성곱 신경망 학습시키기',
    'lenet-5': 'MNIST로 LeNet-5 학습시키기',
    alexnet: 'MNIST로 작은 AlexNet 학습시키기',
    vgg: 'MNIST로 작은 VGG 학습시키기',
    resnet: 'MNIST로 작은 ResNet 학습시키기',
  },
  intro: {
    training:
      '모든 계산은 이 페이지의 웹 워커에서 돌아갑니다. 데이터는 처음 한 번만 내려받고, 그다음부터는 브라우저에 보관된 것을 씁니다. 설정은 한 번에 하나씩 바꿔 보고 곡선과 필터가 어떻게 달라지는지 살펴보세요.',
    'lenet-5': '1998년의 신경망을 이 사이트의 엔진이 웹 워커에서 직접 학습시킵니다. 데이터는 처음 한 번만 내려받고 브라우저에 보관합니다.',
    alexnet:
      'AlexNet의 방법을 MNIST 숫자 크기로 줄인 신경망입니다. ReLU를 쓰는 합성곱, 겹치는 풀링, 국소 응답 정규화, 드롭아웃을 갖추었고, 이 페이지의 웹 워커에서 모멘텀 SGD로 학습합니다.',
    vgg: 'VGG의 방법을 MNIST 숫자 크기로 줄인 신경망입니다. 작은 합성곱 블록마다 최대 풀링으로 끝나며, 이 페이지의 웹 워커에서 학습합니다.',
    resnet:
      'MNIST 숫자를 위한 작은 ResNet입니다. 배치 정규화와 스킵 연결을 갖춘 작은 합성곱으로 이루어지며, 이 페이지의 웹 워커에서 학습합니다. 배치 정규화 때문에 워커 하나로만 학습합니다.',
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
    archNames: { stack: '직접 쌓은 층', lenet5: 'LeNet-5', miniAlexNet: '작은 AlexNet', miniVgg: '작은 VGG', miniResNet: '작은 ResNet' },
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
    const range = `${bound(problem.min, problem.minOpen)}부터 ${bound(problem.max, problem.maxOpen)}까지의`;
    if (problem.integer) return `${range} 정수를 입력하세요.`;
    return problem.kind === 'notANumber' ? `${range} 수를 0.01이나 1e-3처럼 입력하세요.` : `${range} 수를 입력하세요.`;
  },
  stack: {
    types: { conv: '합성곱', pool: '풀링', activation: '활성화', flatten: '평탄화', linear: '완전 연결', dropout: '드롭아웃' },
    layerName: (index, type) => `${index}번 층(${type})`,
    kindOf: (index) => `${index}번 층`,
    moveUp: (name) => `${josa(name, '을/를')} 위로`,
    moveDown: (name) => `${josa(name, '을/를')} 아래로`,
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
    flattenNote: '특징 맵을 한 줄로 길게 펼쳐 완전 연결 계층에 넘깁니다.',
    wholeNumber: (min, max) => `${min}부터 ${max}까지의 정수를 입력하세요.`,
    probability: '0 이상 1 미만의 비율을 입력하세요.',
    outputLine: (shape, params) => `→ ${shape}, 파라미터 ${params}개`,
    brokenHere: '→ 맞지 않습니다. 이유는 층 목록 아래에 있습니다.',
    notTraced: '→ 계산하지 못함 (위쪽 층이 맞지 않음)',
    newLayer: '새 층',
    add: '마지막 층 앞에 추가',
    addHint: `마지막 층은 출력이 ${DATASET_CLASSES.mnist.length}개인 완전 연결 계층이어야 합니다. 그 ${DATASET_CLASSES.mnist.length}개가 클래스 점수입니다.`,
  },
  summary: {
    caption: `1×${FIELD_SIZE}×${FIELD_SIZE} 이미지 한 장에 대해 엔진의 summary가 계산한 신경망`,
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
    testSample: (count) => `테스트 이미지 ${count}개 표본으로 잰 값 (전체 세트는 에폭마다 채점)`,
    imagesPerSecond: (n) => `초당 ${n}장`,
    engine: '엔진',
    engineText: (backend, workers, sharedMemory) =>
      `${backend}, 워커 ${workers}개${workers > 1 ? (sharedMemory ? ', 공유 메모리' : ', 메시지 전달') : ''}`,
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
    subset: (count) => `테스트 표본 (이미지 ${count}개)`,
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
      const sample = lastOf(history.subset);
      if (!train && !test) return '정확도 차트: 아직 학습하지 않았습니다.';
      return `에폭에 따른 정확도 차트.${train ? ` 최근 학습 정확도 ${pct(train.accuracy)}.` : ''}${sample ? ` 최근 테스트 표본 정확도 ${pct(sample.accuracy)}.` : ''}${test ? ` 최근 테스트 정확도는 에폭 ${test.epoch.toFixed(2)}에서 ${pct(test.accuracy)}.` : ''}`;
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
    match: (index, kind, r) => `필터 ${index}: ${josa(kind, '과/와')} 가장 닮음, 상관계수 ${r.toFixed(2)}`,
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
    none: '틀린 테스트 이미지가 하나도 없습니다. 훌륭합니다.',
    summary: (total, testCount, shown) => `테스트 이미지 ${testCount}장 중 ${total}장을 틀렸습니다. 앞의 ${shown}장을 보여 줍니다. 하나를 고르면 신경망 안에서 들여다볼 수 있습니다.`,
    itemLabel: (index, trueName, predicted, confidence) => `테스트 이미지 ${index}번: 실제는 ${trueName}, 신경망의 답은 ${predicted} (확신 ${confidence}%). 신경망 안에서 보기`,
    itemText: (trueName, predicted) => `${trueName} → ${predicted}`,
    showMore: '더 보기',
  },
  draw: {
    introDigits: '숫자를 그리면 신경망이 어떤 숫자인지 답합니다. 신경망이 본 것은 MNIST의 숫자뿐입니다. 가운데에 굵은 획으로, 칸을 가득 채우게 쓴 숫자들입니다.',
    introFashion: '이 신경망은 옷으로 학습했습니다. 셔츠나 신발, 가방의 윤곽을 그려 보고 무엇이라 답하는지 보세요.',
    needsModel: '먼저 신경망을 학습시키거나 저장한 모델을 불러오세요.',
    waiting: '칸 안에 그려 보세요. 펜을 떼면 답이 나옵니다.',
    answer: (name, p) => `신경망의 답: ${name} (${p})`,
    probabilities: '그린 그림에 대한 확률',
    padLabel: '그림판',
    description: '마우스나 펜, 손가락으로 그리세요. 포인터 없이 쓸 때는 “테스트 이미지 복사”로 위의 테스트 이미지를 보내고, “지우기”로 다시 시작하세요.',
    clear: '지우기',
    copySample: '테스트 이미지 복사',
    seenAs: `신경망이 보는 이미지 (${FIELD_SIZE}×${FIELD_SIZE}, MNIST처럼 가운데 맞춤)`,
    seenLabel: `${FIELD_SIZE}×${FIELD_SIZE} 픽셀로 줄인 이미지`,
  },
  library: {
    nameLabel: '이름',
    save: '이 브라우저에 저장',
    downloadCurrent: '가중치 파일 내려받기',
    pytorchHeading: 'PyTorch로 가져가기',
    pytorchIntro: '같은 신경망과 가중치를 PyTorch가 읽는 형식으로 내려받습니다. 가중치는 PyTorch의 state dict 이름으로, 신경망은 nn.Module 클래스로 저장합니다. 두 파일을 한 폴더에 두고 아래 코드로 불러오세요.',
    pytorchWeights: 'model.safetensors 내려받기',
    pytorchCode: 'model.py 내려받기',
    pytorchSnippetLabel: '두 파일을 불러오는 Python 코드',
    pytorchUnavailable:
      '이 신경망은 PyTorch용으로 내보내지 않습니다. 스킵 연결이 블록의 입력을 출력에 더하는데, model.py를 쓰는 기능은 층이 한 줄로 이어진 신경망만 쓸 수 있기 때문입니다. 위의 가중치 파일로는 여기서 그대로 저장하고 다시 불러올 수 있습니다.',
    noModel: '먼저 신경망을 학습시키세요. 그다음 여기에 저장하거나 파일로 내려받을 수 있습니다.',
    uploadLabel: '가중치 파일 불러오기 (.clw)',
    uploadHint: '이 대시보드에서 저장한 파일을 고르세요. 잘못되었거나 손상된 파일은 거부하고 아무것도 바꾸지 않습니다.',
    empty: '아직 저장한 모델이 없습니다.',
    caption: '이 브라우저에 저장한 모델',
    name: '이름',
    details: '정보',
    actions: '작업',
    detailText: (arch, dataset, accuracy, date) => `${arch}, 학습 데이터 ${dataset}, ${accuracy === null ? '평가 전' : `테스트 정확도 ${accuracy}`}, ${date} 저장`,
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
  lenetTable: {
    caption: `1×${FIELD_SIZE}×${FIELD_SIZE} 숫자 한 장에 대해 엔진의 summary가 계산한 LeNet-5`,
    paper: '논문 이름',
    layer: '층',
    type: '종류',
    output: '출력',
    params: '파라미터',
    macs: '곱셈-덧셈',
    input: '입력',
    total: '합계',
  },
  fashionClasses: ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '스니커즈', '가방', '앵클부츠'],
};
