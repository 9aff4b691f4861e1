/**
 * The words of lesson 1's widget in Korean, written for Korean readers rather than
 * translated line by line. TypeScript checks that the keys are exactly those of the
 * English file.
 */
import type { XoVariant } from '../../../../src/engine/datasets/xo.ts';
import { josa } from '../../../../src/i18n/korean.ts';
import { CLASSES, SIZE, TEST_COUNT, formatPercent } from './en.ts';
import type { XoLabStrings } from './en.ts';

const variantKo: Record<XoVariant, string> = {
  canonical: '기본',
  shifted: '옮김',
  tilted: '기울임',
  short: '짧은 획',
  thick: '굵은 펜',
  noisy: '잡음',
};

export const ko: XoLabStrings = {
  title: 'X일까 O일까? MLP와 CNN 나란히 비교하기',
  galleryHeading: '이미지 살펴보기',
  galleryHint:
    '두 신경망 모두 기본 글자(와 픽셀 몇 개를 뒤집은 것)만 보고 배웁니다. 나머지는 처음 보는 이미지입니다. 이미지를 누르면 아래 그림판으로 복사됩니다.',
  variant: variantKo,
  letter: (label) => (label === 0 ? 'X' : 'O'),
  copyPicture: (letter, variant) => `${letter}, ${variant}: 그림판으로 복사`,
  trainHeading: '두 신경망 학습시키기',
  seedLabel: '시드',
  seedRule: (max) => `0부터 ${max}까지의 정수를 입력하세요.`,
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
    done: (ms) => `학습 완료. 실제 계산에는 ${ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}초`} 걸렸고, 나머지는 곡선을 지켜볼 수 있게 천천히 보여 준 시간입니다.`,
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
      ? `픽셀 ${o.size * o.size}개 → 은닉 유닛 ${o.hidden}개 → 점수 ${CLASSES}개`
      : `3×3 필터 ${o.filters}개 → ReLU → 필터마다 이미지 전체의 최댓값 → 점수 ${CLASSES}개`,
  paramCount: (n) => `파라미터 ${n.toLocaleString('ko')}개`,
  resultSeed: (seed) => `시드 ${josa(seed, '(으)로')} 학습한 결과입니다.`,
  lossHeading: '학습 손실',
  lossAxisStep: '단계',
  lossAxisLoss: '손실',
  lossSummary: (step, mlp, cnn) => `두 신경망의 단계별 학습 손실. ${step}단계 뒤: MLP ${mlp.toFixed(3)}, CNN ${cnn.toFixed(3)}.`,
  lossEmpty: '학습하는 동안 여기에 손실 곡선이 그려집니다.',
  chartLoading: '차트를 불러오는 중…',
  accuracyHeading: '테스트 정확도',
  accuracyCaption: `종류마다 새로 만든 이미지 ${TEST_COUNT}장 가운데 각 신경망이 맞힌 비율입니다 (${josa(formatPercent('ko')(1 / CLASSES), '(이)면')} 동전 던지기 수준).`,
  testSet: {
    noisy: '기본 글자, 새 잡음',
    shifted: '옮김',
    tilted: '기울임',
    short: '짧은 획',
    thick: '굵은 펜',
  },
  testSetColumn: '이미지 종류',
  accuracyEmpty: '학습이 끝나면 여기에 정확도가 나옵니다.',
  drawHeading: '직접 그려 보기',
  drawHint: '픽셀을 누르거나 끌어서 칠하세요. 키보드로는 화살표로 움직이고 스페이스나 엔터로 픽셀을 켜고 끕니다.',
  gridLabel: `그림판, ${SIZE}×${SIZE} 픽셀`,
  cellLabel: (row, col) => `${row}행 ${col}열`,
  startFrom: '시작 이미지',
  clear: '지우기',
  verdictWaiting: '신경망을 학습시키면 여기서 그린 그림을 판정해 줍니다.',
  verdict: (model, letter, percent) => `${model}의 판정: ${letter} (확신 ${percent})`,
  percent: formatPercent('ko'),
};
