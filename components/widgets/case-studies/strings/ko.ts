/** The case-study widgets in Korean, key for key with en.ts. */
import type { CaseStudyStrings } from './en.ts';

export const ko: CaseStudyStrings = {
  rejected: (keys) => `주소에 이 위젯이 보여 줄 수 없는 값(${keys})이 있어 그 값 대신 기본값을 보여 줍니다.`,
  loading: '차트를 그리는 중입니다…',

  tableTitle: (model) => `층별로 본 ${model}`,
  tableCaption:
    '엔진의 summary가 모델 모음의 모델을 브라우저에서 바로 계산한 값이며, 가중치는 하나도 만들지 않습니다. 수용 영역은 입력 픽셀 단위이고, MAC(곱셈-누산)은 이미지 한 장 기준이고, 메모리는 보관하는 출력 하나하나를 고른 배치의 float32로 센 값입니다. 파라미터도 계산량도 메모리도 늘리지 않는 ReLU, 드롭아웃, flatten 행은 뺐습니다.',
  model: '모델',
  batch: '배치',
  compare: '미니 버전을 옆에 보기',
  colLayer: '층',
  colShape: '출력',
  colParams: '파라미터',
  colField: '수용 영역',
  colMacs: 'MAC',
  colMemory: '메모리(MB)',
  total: '합계',
  groupName: { conv: '합성곱', fc: '완전 연결 계층', other: '나머지 층' },
  groupLine: (group, layers, params, macs) => `${group}(층 ${layers}개): 파라미터 ${params}개, MAC ${macs}`,
  totalsLine: (params, macs, memory, batch, weights) =>
    `파라미터 ${params}개(가중치 ${weights} MB), 이미지 한 장에 MAC ${macs}입니다. 순전파가 보관하는 출력은 배치 ${batch}에서 ${memory} MB입니다.`,
  builtBy: (call, input) => `만든 코드: ${call}, 입력: ${input}`,
  inPlace: '제자리 계산: 새 메모리 없음',

  shareTitle: '파라미터와 계산량이 있는 곳',
  shareCaption:
    '막대 하나는 모델 하나의 합계를 합성곱, 완전 연결 계층, 나머지로 나눈 것입니다(배치 정규화는 파라미터가 조금 있고 MAC은 없습니다). 백분율은 표와 같은 summary에서 계산합니다.',
  measureName: { params: '파라미터', macs: 'MAC' },
  shareAria: (model, fcParams, convMacs) =>
    `${model} 막대 차트: 완전 연결 계층이 파라미터의 ${fcParams}%를 가지고, 합성곱이 곱셈-누산의 ${convMacs}%를 수행합니다.`,
  shareAxis: '합계에서 차지하는 비율(%)',
  shareList: (model, measure, parts) => `${model}, ${measure}: ${parts}`,
  layerView: '층별로 보기',
  layerAxis: '모델 합계에서 차지하는 비율(%)',
  layerAria: (model, topParams, topMacs) =>
    `${model}의 층별 차트: 파라미터가 가장 많은 층은 ${topParams}, 곱셈-누산이 가장 많은 층은 ${topMacs}입니다.`,

  ilsvrcTitle: '연도별 ILSVRC top-5 오류율',
  ilsvrcCaption: (year) =>
    `해마다 분류 부문 우승 모델(속이 찬 점은 합성곱 신경망, 빈 점은 아닌 것), 회색으로 그린 ${year}년 준우승 VGG, 그리고 사람의 오류율 추정치(점선)입니다. 모든 값은 아래에 적은 출처에서 가져왔습니다.`,
  ilsvrcAria: (first, last, human) => `${first}년부터 ${last}년까지 우승 모델의 top-5 오류율과 사람의 오류율 ${human}%를 비교한 꺾은선 차트입니다.`,
  ilsvrcYAxis: 'Top-5 오류율(%)',
  ilsvrcXAxis: '연도',
  humanLabel: (value) => `사람 ≈ ${value}%`,
  sources: '출처',
};
