/** Lesson 15's widgets in Korean: the same keys as en.ts. */
import type { AlexnetStrings } from './en.ts';

export const ko: AlexnetStrings = {
  rejected: (keys) => `주소에 이 위젯이 보여 줄 수 없는 값이 있어(${keys}) 그 값들은 기본값으로 보여 줍니다.`,

  splitTitle: '두 GPU에 나눈 AlexNet, 층마다',
  splitCaption:
    '227×227×3 이미지에서 엔진의 summary가 models.alexnetOriginal({ groups: 2 })를 계산한 출력 모양과 파라미터이며, 한 탑(groups: 1)의 같은 층과 나란히 보여 줍니다.',
  colLayer: '층',
  colShape: '출력',
  colParams: '파라미터(GPU 두 개)',
  colOneTower: '파라미터(한 탑)',
  colGpu: 'GPU',
  roles: {
    'both-halves': 'GPU마다 필터 절반, 이미지 전체',
    'own-gpu': '자기 GPU 안에서만',
    crosses: '두 GPU를 모두 읽음',
    none: '',
  },
  total: '합계',
  tableLabel: 'AlexNet의 층, 스크롤 가능',
  torchvision: (params) => `224×224×3을 받는 torchvision의 한 탑 AlexNet: 파라미터 ${params}개.`,
  inputSide: '입력 변의 길이',
  steps: (side, numerator, quotient, result) => `(${side} − 11) / 4 + 1 = ${numerator} / 4 + 1 = ${quotient} + 1, 내림하면 ${result}`,
  exact: '창이 정확히 들어맞습니다.',
  notExact: '창이 들어맞지 않아 마지막 픽셀들은 버려집니다.',

  lrnTitle: '사진에 적용한 국소 응답 정규화',
  lrnCaption:
    'conv1과 비슷한 필터 여덟 개(모서리와 점)를 회색 사진에 적용하고 ReLU를 거친 뒤, 엔진의 localResponseNorm을 여덟 맵에 걸쳐 적용합니다. 두 맵은 같은 밝기 척도를 씁니다.',
  photoAlt: '사진',
  channel: '맵',
  filters: ['세로 모서리', '가로 모서리', '대각선 모서리', '반대 대각선', '세로 모서리(어두운 쪽)', '가로 모서리(어두운 쪽)', '밝은 점', '어두운 점'],
  before: 'LRN 전',
  after: 'LRN 후',
  mapLabel: (which, filter) => `${which}: ${filter} 필터의 맵`,
  effect: (strongest, typical) => `LRN 뒤에 가장 강한 응답은 값의 ${strongest}%를, 활성화된 보통 픽셀은 ${typical}%를 남깁니다.`,
  paper: '논문의 값',
  loading: '사진을 불러오는 중…',
  loadError: (message) => `사진을 불러오지 못했습니다(${message}).`,
  mustBe: (min, max) => `${min}부터 ${max}까지의 수를 넣으세요.`,
};
