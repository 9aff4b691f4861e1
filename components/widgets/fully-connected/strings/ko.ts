/**
 * Lesson 12's widgets in Korean, written for Korean readers. TypeScript checks that
 * the keys are exactly those of the English file.
 */
import type { FullyConnectedStrings } from './en.ts';

export const ko: FullyConnectedStrings = {
  engineMessage: '엔진의 메시지:',
  rejected: (keys) => `주소에 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 보여 줍니다.`,

  builderTitle: 'ConvNet 전체 쌓기',
  builderCaption: (inChannels, classes, first) =>
    `N, M, K와 이미지 크기를 고르세요. 엔진의 summary가 ${inChannels}채널 이미지 한 장과 클래스 ${classes}개로 쌓은 신경망을 따라가며 모든 출력 모양, 파라미터 수, 곱셈-누산(MAC) 수를 보여 줍니다. 블록마다 채널이 ${first}부터 두 배씩 늘어납니다.`,
  n: 'N: 블록마다 CONV-RELU 쌍의 수',
  m: 'M: 블록 수',
  k: 'K: 마지막 완전 연결 계층 앞의 FC-RELU 쌍의 수',
  kUnused: '전역 평균 풀링 헤드에는 완전 연결 계층이 없어서 K를 쓰지 않습니다.',
  size: '입력 크기(한 변의 픽셀 수)',
  sizeRule: (min, max) => `${min}부터 ${max}까지의 정수를 넣으세요.`,
  kernel: '필터 크기',
  kernelOption: (k) => `${k}×${k}`,
  downsample: '블록의 끝',
  downsamples: { pool: '2×2 최대 풀링', none: '풀링 없음', stride: '마지막 합성곱을 스트라이드 2로' },
  head: '헤드',
  heads: { fc: '펼치기 + 완전 연결', gap: '1×1 합성곱 + 전역 평균 풀링' },
  recipe: '구성',
  presets: '시작점',
  presetNames: { classic: '흔한 구성', bigFilters: '더 큰 필터, 더 얕게', allConv: '합성곱만으로' },
  tableLabel: '엔진의 summary가 따라간 신경망의 계층',
  colLayer: '계층',
  colShape: '출력 모양',
  colParams: '파라미터',
  colMacs: 'MAC',
  role: (r) => {
    switch (r.kind) {
      case 'conv':
        return `블록 ${r.block}, 합성곱 ${r.index}${r.stride > 1 ? ` (스트라이드 ${r.stride})` : ''}`;
      case 'pool':
        return `블록 ${r.block}, 풀링`;
      case 'flatten':
        return '펼치기';
      case 'fc':
        return r.last ? '클래스 점수로 가는 완전 연결' : `완전 연결 ${r.index}`;
      case 'classifier':
        return '클래스 맵으로 가는 1×1 합성곱';
      case 'gap':
        return '전역 평균 풀링';
      case 'softmax':
        return '소프트맥스';
    }
  },
  relu: '+ ReLU',
  totals: (params, macs) => `모두 합쳐 파라미터 ${params}개, 이미지 한 장에 MAC ${macs}번입니다.`,
  flatLine: (length) => `마지막 볼륨을 펼치면 숫자 ${length}개짜리 벡터가 됩니다.`,
  noFlatLine: '큰 볼륨을 펼치지 않습니다. 클래스 맵마다 평균을 내어 숫자 하나로 만듭니다.',
  fcShare: (percent) => `파라미터 가운데 완전 연결 계층의 몫: ${percent}.`,
  fieldLine: (field) => `마지막 합성곱 계층의 수용 영역: ${field}×${field} 픽셀.`,
  refused: (layer) => `엔진이 ${layer}에서 이 신경망을 거부합니다.`,
  rowsBefore: '그 앞의 계층:',

  headTitle: '학습된 작은 신경망의 헤드',
  headCaption:
    '1강의 X와 O 이미지로 이 페이지에서 학습한 아주 작은 ConvNet입니다. 이미지를 고르면 마지막 볼륨이 벡터 하나로 펼쳐지고, 완전 연결 계층 두 개가 이를 점수 두 개로 바꾸고, 소프트맥스가 점수를 확률로 바꿉니다.',
  training: (step, steps) => `이 페이지에서 학습 중: ${steps}단계 중 ${step}단계…`,
  trained: (steps) => `이 페이지에서 학습했습니다. 고정된 시드에서 Adam으로 ${steps}단계를 밟았으므로 누구나 같은 가중치를 얻습니다.`,
  weightsNote: '이 이미지들은 학습에 쓰지 않은 시드로 만들었습니다.',
  picture: '이미지',
  pictureOption: (letter, variant) => `${letter}, ${variant}`,
  variants: { canonical: '기본', shifted: '이동', tilted: '기울임', thick: '굵은 획', short: '짧은 획', noisy: '잡음' },
  inputHeading: '입력',
  volumeHeading: (filters, side) => `마지막 볼륨: ${side}×${side} 맵 ${filters}장`,
  flatHeading: (length) => `펼친 벡터: 숫자 ${length}개`,
  hiddenHeading: (units) => `완전 연결 + ReLU: 숫자 ${units}개`,
  scoresHeading: '클래스 점수로 가는 완전 연결, 그다음 소프트맥스',
  logit: '점수',
  probability: '확률',
  verdict: (letter, percent) => `신경망의 답은 ${letter}, 확률 ${percent}입니다.`,
  pictureAria: (letter, variant) => `이미지: ${letter}, ${variant}`,
  mapAria: (index) => `풀링 뒤의 특징 맵 ${index}`,
  flatAria: (length) => `숫자 ${length}개로 펼친 벡터, 맵 순서대로 한 행씩`,
  hiddenAria: (units) => `은닉 계층의 숫자 ${units}개`,
};
