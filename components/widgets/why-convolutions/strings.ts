/**
 * Every word lesson 1's widget shows, in both languages. Korean is written for
 * Korean readers, not translated line by line, so keys name purposes.
 */
import type { XoVariant } from '../../../src/engine/datasets/xo.ts';
import type { XoModelKind, XoTestSet } from '../../../src/training/xo/config.ts';
import type { XoFailure } from './xo-client.ts';

/** The widget's languages. */
export type Lang = 'en' | 'ko';

/** Everything the widget says. */
export interface XoLabStrings {
  title: string;
  galleryHeading: string;
  galleryHint: string;
  variant: Record<XoVariant, string>;
  letter: (label: 0 | 1) => string;
  copyPicture: (letter: string, variant: string) => string;
  trainHeading: string;
  seedLabel: string;
  newSeed: string;
  train: string;
  retrain: string;
  cancel: string;
  reset: string;
  retry: string;
  progressLabel: string;
  stepOf: (step: number, steps: number) => string;
  status: {
    idle: string;
    starting: string;
    training: string;
    done: (ms: number) => string;
    cancelled: string;
  };
  failed: Record<XoFailure['kind'], string>;
  failedDetail: (detail: string) => string;
  retryHint: string;
  urlNote: (keys: string) => string;
  model: Record<XoModelKind, string>;
  /** The architecture in one line, from the experiment's settings. */
  modelShape: (kind: XoModelKind, o: { size: number; hidden: number; filters: number }) => string;
  paramCount: (params: number) => string;
  resultSeed: (seed: number) => string;
  lossHeading: string;
  lossAxisStep: string;
  lossAxisLoss: string;
  lossSummary: (step: number, mlp: number, cnn: number) => string;
  lossEmpty: string;
  chartLoading: string;
  accuracyHeading: string;
  accuracyCaption: string;
  testSet: Record<XoTestSet, string>;
  testSetColumn: string;
  accuracyEmpty: string;
  drawHeading: string;
  drawHint: string;
  gridLabel: string;
  cellLabel: (row: number, col: number) => string;
  startFrom: string;
  clear: string;
  verdictWaiting: string;
  verdict: (model: string, letter: string, percent: string) => string;
  percent: (value: number) => string;
}

const variantEn: Record<XoVariant, string> = {
  canonical: 'Canonical',
  shifted: 'Shifted',
  tilted: 'Tilted',
  short: 'Shorter stroke',
  thick: 'Thick pen',
  noisy: 'Noisy',
};

const variantKo: Record<XoVariant, string> = {
  canonical: '기본',
  shifted: '옮김',
  tilted: '기울임',
  short: '짧은 획',
  thick: '굵은 펜',
  noisy: '잡음',
};

const formatPercent = (lang: Lang) => (value: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);

/** The widget's text, by language. */
export const STRINGS: Record<Lang, XoLabStrings> = {
  en: {
    title: 'X or O? An MLP and a CNN side by side',
    galleryHeading: 'The pictures',
    galleryHint:
      'Both networks train only on the canonical letters (plus a few flipped pixels). Every other kind is new to them. Click a picture to copy it into the drawing pad below.',
    variant: variantEn,
    letter: (label) => (label === 0 ? 'X' : 'O'),
    copyPicture: (letter, variant) => `${letter}, ${variant.toLowerCase()}: copy into the drawing pad`,
    trainHeading: 'Train both networks',
    seedLabel: 'Seed',
    newSeed: 'New seed',
    train: 'Train both',
    retrain: 'Train again',
    cancel: 'Cancel',
    reset: 'Reset',
    retry: 'Try again',
    progressLabel: 'Training progress',
    stepOf: (step, steps) => `step ${step} / ${steps}`,
    status: {
      idle: 'Not trained yet. Press “Train both”.',
      starting: 'Starting the training worker…',
      training: 'Training both networks on the same batches…',
      done: (ms) => `Done. The arithmetic took ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}; the rest was pacing so you can watch.`,
      cancelled: 'Training cancelled.',
    },
    failed: {
      start: 'The training worker could not start in this browser.',
      crash: 'Training stopped with an error.',
      silence: 'The training worker stopped answering, so it was shut down.',
      unreadable: 'A message from the training worker could not be read.',
    },
    failedDetail: (detail) => `Details: ${detail}`,
    retryHint: 'The rest of the page still works; you can try again.',
    urlNote: (keys) => `The address asked for an invalid ${keys}; using the default instead.`,
    model: { mlp: 'MLP', cnn: 'CNN' },
    modelShape: (kind, o) =>
      kind === 'mlp'
        ? `${o.size * o.size} pixels → ${o.hidden} hidden units → 2 scores`
        : `${o.filters} filters of 3×3 → ReLU → each filter’s maximum over the picture → 2 scores`,
    paramCount: (n) => `${n.toLocaleString('en')} parameters`,
    resultSeed: (seed) => `Run with seed ${seed}.`,
    lossHeading: 'Training loss',
    lossAxisStep: 'step',
    lossAxisLoss: 'loss',
    lossSummary: (step, mlp, cnn) => `Training loss of both networks by step. After step ${step}: MLP ${mlp.toFixed(3)}, CNN ${cnn.toFixed(3)}.`,
    lossEmpty: 'The loss curves appear here while the networks train.',
    chartLoading: 'Loading the chart…',
    accuracyHeading: 'Test accuracy',
    accuracyCaption: 'Share of 100 new pictures of each kind that each network labels correctly (50% is a coin toss).',
    testSet: {
      noisy: 'Canonical, new noise',
      shifted: 'Shifted',
      tilted: 'Tilted',
      short: 'Shorter stroke',
      thick: 'Thick pen',
    },
    testSetColumn: 'Pictures',
    accuracyEmpty: 'Accuracies appear here after training.',
    drawHeading: 'Your own picture',
    drawHint: 'Click or drag to paint pixels. With the keyboard: arrow keys move, Space or Enter toggles a pixel.',
    gridLabel: 'Drawing pad, 9 by 9 pixels',
    cellLabel: (row, col) => `row ${row}, column ${col}`,
    startFrom: 'Start from',
    clear: 'Clear',
    verdictWaiting: 'Train the networks, then they will judge your picture.',
    verdict: (model, letter, percent) => `${model} says ${letter} (${percent} sure)`,
    percent: formatPercent('en'),
  },
  ko: {
    title: 'X일까 O일까? MLP와 CNN 나란히 비교하기',
    galleryHeading: '그림 살펴보기',
    galleryHint:
      '두 신경망 모두 기본 글자(와 픽셀 몇 개를 뒤집은 것)만 보고 배웁니다. 나머지는 처음 보는 그림이에요. 그림을 누르면 아래 그림판으로 복사됩니다.',
    variant: variantKo,
    letter: (label) => (label === 0 ? 'X' : 'O'),
    copyPicture: (letter, variant) => `${letter}, ${variant}: 그림판으로 복사`,
    trainHeading: '두 신경망 학습시키기',
    seedLabel: '시드',
    newSeed: '새 시드',
    train: '둘 다 학습',
    retrain: '다시 학습',
    cancel: '취소',
    reset: '초기화',
    retry: '다시 시도',
    progressLabel: '학습 진행률',
    stepOf: (step, steps) => `${step} / ${steps}단계`,
    status: {
      idle: '아직 학습 전입니다. ‘둘 다 학습’을 눌러 보세요.',
      starting: '학습용 워커를 준비하는 중…',
      training: '두 신경망이 같은 배치로 학습하는 중…',
      done: (ms) => `학습 완료. 실제 계산에는 ${ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}초`}가 걸렸고, 나머지는 곡선을 지켜볼 수 있게 천천히 보여 준 시간입니다.`,
      cancelled: '학습을 취소했습니다.',
    },
    failed: {
      start: '이 브라우저에서 학습용 워커를 시작하지 못했습니다.',
      crash: '학습 도중 오류가 나서 멈췄습니다.',
      silence: '학습용 워커가 응답하지 않아 종료했습니다.',
      unreadable: '학습용 워커가 보낸 메시지를 읽지 못했습니다.',
    },
    failedDetail: (detail) => `자세한 내용: ${detail}`,
    retryHint: '페이지의 다른 부분은 그대로 동작합니다. 다시 시도해 보세요.',
    urlNote: (keys) => `주소에 들어 있던 ${keys} 값이 올바르지 않아 기본값을 썼습니다.`,
    model: { mlp: 'MLP', cnn: 'CNN' },
    modelShape: (kind, o) =>
      kind === 'mlp'
        ? `픽셀 ${o.size * o.size}개 → 은닉 유닛 ${o.hidden}개 → 점수 2개`
        : `3×3 필터 ${o.filters}개 → ReLU → 필터마다 그림 전체의 최댓값 → 점수 2개`,
    paramCount: (n) => `파라미터 ${n.toLocaleString('ko')}개`,
    resultSeed: (seed) => `시드 ${seed}로 학습한 결과입니다.`,
    lossHeading: '학습 손실',
    lossAxisStep: '단계',
    lossAxisLoss: '손실',
    lossSummary: (step, mlp, cnn) => `두 신경망의 단계별 학습 손실. ${step}단계 뒤: MLP ${mlp.toFixed(3)}, CNN ${cnn.toFixed(3)}.`,
    lossEmpty: '학습하는 동안 여기에 손실 곡선이 그려집니다.',
    chartLoading: '차트를 불러오는 중…',
    accuracyHeading: '테스트 정확도',
    accuracyCaption: '종류마다 새로 그린 그림 100장 가운데 각 신경망이 맞힌 비율입니다 (50%면 동전 던지기 수준).',
    testSet: {
      noisy: '기본 글자, 새 잡음',
      shifted: '옮김',
      tilted: '기울임',
      short: '짧은 획',
      thick: '굵은 펜',
    },
    testSetColumn: '그림 종류',
    accuracyEmpty: '학습이 끝나면 여기에 정확도가 나옵니다.',
    drawHeading: '직접 그려 보기',
    drawHint: '픽셀을 누르거나 끌어서 칠하세요. 키보드로는 화살표로 움직이고 스페이스나 엔터로 픽셀을 켜고 끕니다.',
    gridLabel: '그림판, 9×9 픽셀',
    cellLabel: (row, col) => `${row}행 ${col}열`,
    startFrom: '시작 그림',
    clear: '지우기',
    verdictWaiting: '신경망을 학습시키면 여기서 그림을 판정해 줍니다.',
    verdict: (model, letter, percent) => `${model}의 판정: ${letter} (확신 ${percent})`,
    percent: formatPercent('ko'),
  },
};
