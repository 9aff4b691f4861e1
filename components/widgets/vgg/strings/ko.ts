/** Lesson 16's widgets in Korean, key for key with en.ts. */
import type { VggStrings } from './en.ts';

export const ko: VggStrings = {
  rejected: (keys) => `주소에 이 위젯이 보여 줄 수 없는 값(${keys})이 있어 그 값 대신 기본값을 보여 줍니다.`,

  stackTitle: '쌓은 3×3 층과 큰 커널 하나',
  stackCaption:
    '첫째 칸: 쌓은 층의 출력 픽셀 하나가 의존하는 입력 픽셀로, 그 픽셀에서 역전파하여 찾았습니다. 둘째 칸: 같은 수용 영역을 가진 커널 하나입니다. 개수는 엔진의 summary가 nn.Conv2d(C, C, k) 층에서 센 값입니다.',
  channels: '채널 수 C(입력과 출력)',
  depth: '쌓은 3×3 층 수',
  stackPanel: (depth) => (depth === 1 ? '3×3 층 하나' : `3×3 층 ${depth}개`),
  bigPanel: (kernel) => `${kernel}×${kernel} 층 하나`,
  mapAria: (field) => `출력 픽셀은 입력 픽셀 ${field}×${field} 정사각형에 의존합니다.`,
  field: (field) => `수용 영역 ${field}×${field}`,
  weights: (weights, coef) => `가중치 ${weights}개(${coef}C²)`,
  biases: (biases) => `편향 ${biases}개 추가`,
  relus: (count) => `ReLU ${count}개`,
  verdict: (percent) => `같은 수용 영역에 쌓은 층은 가중치가 ${percent}% 적게 듭니다.`,
  verdictEqual: '층이 하나이면 양쪽은 같은 층입니다.',

  configsTitle: (names) => `${names} 나란히 보기`,
  configsCaption:
    '각 열은 엔진의 VGG_CONFIGS에 있는 구성 하나입니다. 각 칸은 블록의 3×3 합성곱을 나열하며, 블록마다 뒤에 2×2 최대 풀링이 옵니다.',
  colBlock: (index) => `블록 ${index}`,
  colClassifier: '분류기',
  colWeightLayers: '가중치 층 수',
  colTotalParams: '파라미터',
  pool: '풀링',
};

