/**
 * Lesson 9's widgets in Korean, written for Korean readers. TypeScript checks that the
 * keys are exactly those of the English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import type { ActivationStrings } from './en.ts';

export const ko: ActivationStrings = {
  rejected: (keys) => `주소에 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 보여 줍니다.`,
  loading: '불러오는 중…',

  plotTitle: '활성화 함수와 그 기울기',
  plotCaption:
    '실선은 활성화 함수, 점선은 그 기울기(그래디언트)입니다. 둘 다 엔진에서 나옵니다. 엔진의 활성화 함수로 순전파를 한 번, 역전파를 한 번 할 뿐이며 손으로 적은 식은 없습니다.',
  functionLabel: '활성화 함수',
  names: { relu: 'ReLU', leaky: '리키 ReLU', rrelu: '랜덤 리키 ReLU', sigmoid: '시그모이드', tanh: 'tanh' },
  slope: '리키 기울기 a',
  probe: '입력 x',
  modeLabel: '랜덤 리키 ReLU의 모드',
  modes: { train: '학습(기울기를 뽑음)', eval: '평가(평균 기울기)' },
  legendValue: 'f(x)',
  legendGrad: '기울기 df/dx',
  axisX: 'x',
  axisY: '값',
  plotAria: (name, from, to, low, high, gradLow, gradHigh) =>
    `x = ${from}부터 ${to}까지의 ${name}: 출력은 ${low}부터 ${high}까지, 기울기는 ${gradLow}부터 ${gradHigh}까지입니다.`,
  readout: (x, y, grad) => `x = ${x}에서 f(x) = ${y}, 기울기 ${grad}`,
  rreluNote: (lower, upper, mean) =>
    `학습 중에는 음수 입력마다 엔진의 시드 고정 난수 생성기가 ${josa(lower, '과/와')} ${upper} 사이에서 기울기를 따로 뽑습니다. 평가 때는 모두 평균 ${josa(mean, '을/를')} 씁니다.`,

  dyingTitle: '죽은 ReLU를 직접 학습시켜 보기',
  dyingCaption:
    '두 뉴런은 같은 가중치와 편향에서 출발해 엔진의 자동 미분과 SGD로 학습하며 y = x + 1/2에 맞춰 갑니다. 무작위성이 없으므로 같은 단계는 언제나 같은 숫자를 냅니다.',
  rangeLabel: '입력 범위',
  ranges: { unit: '[0, 1]', symmetric: '[−1, 1]' },
  step: '한 단계',
  run: '실행',
  pause: '일시 정지',
  reset: '처음으로',
  neuronName: (kind, slope) => (kind === 'relu' ? 'ReLU 뉴런' : `리키 ReLU 뉴런(a = ${slope})`),
  stepCount: (step, max) => `${max}단계 중 ${step}단계`,
  loss: '손실',
  weight: '가중치 w',
  bias: '편향 b',
  gradWeight: 'w의 기울기',
  gradBias: 'b의 기울기',
  active: (active, total) => `w·x + b > 0인 입력: ${total}개 중 ${active}개`,
  verdictDead: '죽었습니다. 모든 출력이 0이고 모든 기울기가 0이라 아무것도 움직이지 않습니다.',
  verdictAlive: '학습 중입니다. 기울기가 0이 아니므로 가중치가 움직입니다.',
  verdictFitted: '다 맞췄습니다. 모든 입력이 통과하고 손실이 거의 0입니다.',
  verdictPartly: '아직 통과하는 입력이 있어 지금은 학습합니다.',
  paramsChartAria: (step, reluW, reluB, leakyW, leakyB) =>
    `${step}단계 동안 두 뉴런의 가중치 w와 편향 b: ReLU w = ${reluW}, b = ${reluB}; 리키 ReLU w = ${leakyW}, b = ${leakyB}.`,
  lossChartAria: (step, relu, leaky) => `${step}단계 동안 두 뉴런의 손실: ReLU ${relu}, 리키 ReLU ${leaky}.`,
  axisParams: 'w와 b',
  axisStep: '단계',
  axisLoss: '손실',

  mapTitle: 'ReLU 전과 후의 특징 맵',
  mapCaption:
    '엔진이 회색조 사진을 손으로 정한 필터(커널)로 합성곱한 것이 특징 맵이고, 여기에 엔진의 ReLU를 적용한 것이 활성화 맵입니다. 주황은 양수, 파랑은 음수입니다. ReLU는 파란 픽셀을 모두 배경색인 0으로 바꿉니다.',
  photoLabel: '사진',
  photos: { camera: '카메라맨', astronaut: '우주비행사', chelsea: '고양이', coffee: '커피' },
  filterLabel: '필터',
  filters: { vertical: '세로 경계선', horizontal: '가로 경계선', outline: '윤곽선' },
  featureHeading: '특징 맵(활성화 함수 전)',
  activationHeading: '활성화 맵(ReLU 후)',
  featureAria: (width, height) => `특징 맵, ${width}×${height} 픽셀, 양수는 주황, 음수는 파랑`,
  activationAria: (zeroPercent) => `ReLU 뒤의 활성화 맵: 픽셀의 ${zeroPercent}%가 정확히 0입니다`,
  mapStats: (negativePercent, zeroPercent) =>
    `특징 맵의 ${negativePercent}%가 음수이고, ReLU를 거친 활성화 맵의 ${zeroPercent}%가 정확히 0입니다.`,
  mapRange: (min, max) => `특징 맵의 값은 ${min}부터 ${max}까지, 활성화 맵은 0부터 ${max}까지입니다.`,
  mapSource: (width, height) => `사진을 회색조로 바꾸고 평균 풀링으로 ${width}×${height} 픽셀로 줄였습니다.`,
  legendNegative: '음수',
  legendZero: '0',
  legendPositive: '양수',
  loadError: (message) => `사진을 불러오지 못했습니다: ${message}`,
};
