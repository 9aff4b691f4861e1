/**
 * The words of lesson 3's widgets in Korean, written for Korean readers rather than
 * translated line by line. TypeScript checks that the keys are exactly those of the
 * English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import { TINY } from './en.ts';
import type { ExplorerStrings, ParamStrings, ReceptiveFieldStrings, TinyStrings } from './en.ts';

const explorerKo: ExplorerStrings = {
  title: '수용 영역 탐색기',
  hint: '마지막 층에서 뉴런 하나를 고르세요. 클릭해도 되고, Tab으로 격자에 들어가 화살표 키로 옮겨도 됩니다. 색칠된 칸이 그 뉴런의 값에 영향을 주는 전부입니다. 입력까지 층마다 보여 줍니다.',
  presetsLabel: '미리 만든 구성',
  presets: {
    threeByThreeTimesThree: '3×3 세 층',
    sevenBySeven: '7×7 한 층',
    dilated: '팽창 1, 2, 4',
    strided: '스트라이드 2 두 번',
  },
  inputSize: '입력 크기',
  layerHeading: '층',
  fields: { kernelSize: '커널', stride: '스트라이드', dilation: '팽창', padding: '패딩' },
  layerName: (i) => `${i}층`,
  controlLabel: (i, field) =>
    `${i}층 ${{ kernelSize: '커널 크기', stride: '스트라이드', dilation: '팽창', padding: '패딩' }[field]}`,
  addLayer: '층 추가',
  removeLayer: '마지막 층 삭제',
  inputCaption: '입력',
  mapCaption: (i) => `${i}층`,
  sizeCaption: (s) => `${s}×${s}`,
  coneCaption: (h, w) => (h === 0 ? '쓰이는 칸 없음' : `${h}×${w} 사용`),
  mapImageLabel: (name, s, h, w) =>
    h === 0
      ? `${name}, ${s}×${s}: 고른 뉴런에 닿는 칸이 없습니다`
      : `${name}, ${s}×${s}: ${h}×${w} 영역이 고른 뉴런에 영향을 줍니다`,
  outputGridLabel: (i) => `${i}층(출력): 뉴런을 고르세요`,
  cellLabel: (r, c) => `${r + 1}행 ${c + 1}열`,
  neuronSentence: (layer, r, c, side) => `${layer}층 ${r + 1}행 ${c + 1}열 뉴런의 수용 영역은 ${side}×${side}입니다.`,
  formulaLabel: '공식 (엔진의 summary)',
  formulaExplain:
    '1픽셀에서 시작해 층마다 팽창 × (커널 − 1)칸씩 넓어집니다. 이때 한 칸은 그 층 아래 스트라이드를 모두 곱한 만큼의 픽셀입니다.',
  backwardLabel: '엔진으로 역전파한 결과',
  backwardValue: (h, w, n) => `${h}×${w}, 기울기가 0이 아닌 픽셀 ${n}개`,
  agree: '두 값이 같습니다.',
  disagree: '두 값이 다릅니다. 엔진의 버그이니 알려 주세요.',
  clipped: (h, w) =>
    h === 0
      ? ''
      : `이 수용 영역의 일부가 이미지 밖 패딩에 걸쳐 있어서, 이미지 위에 놓인 부분은 ${h}×${w}뿐입니다. 전체 크기를 보려면 가운데 쪽 뉴런을 고르세요.`,
  paddingOnly: '이 뉴런은 패딩만 봅니다. 입력 픽셀은 하나도 닿지 않습니다.',
  holes: '수용 영역에 구멍이 있습니다. 팽창이나 커널보다 큰 스트라이드 때문에 아예 건너뛰는 픽셀이 생깁니다.',
  shadingNote: '색이 진할수록 여러 층을 거쳐 그 뉴런에 닿는 경로가 많다는 뜻입니다.',
  badStack: '이 구성은 입력 크기에 맞지 않습니다. 입력을 키우거나 커널, 스트라이드, 팽창을 줄여 보세요.',
  engineMessage: '엔진이 보낸 원래 메시지(영어):',
  rejected: (keys) => `링크에 담긴 ${keys} 값을 쓸 수 없어서 기본값으로 보여 줍니다.`,
  predictPrompt: (layers) =>
    `${layers}층 뉴런 하나의 수용 영역은 입력 픽셀로 한 변이 몇 칸일까요? 커널, 스트라이드, 팽창으로 계산한 다음 엔진이 보여 주는 영역과 비교해 보세요.`,
  predictLabel: '수용 영역 (한 변의 픽셀 수)',
};

const paramsKo: ParamStrings = {
  title: '파라미터 세기: 합성곱 계층과 완전 연결 계층',
  hint: '두 계층은 같은 입력을 받아 같은 개수의 출력을 만듭니다. 크기를 바꾸면서 차이가 어떻게 벌어지는지 보세요.',
  inputSize: '입력 크기 (H = W)',
  channels: '채널 수 C',
  kernelSize: '필터 크기 F',
  filters: '필터 개수 K',
  rows: { fc: '완전 연결', local: '국소 연결, 공유 없음', conv: '합성곱' },
  rowNotes: {
    fc: '출력 하나하나가 입력 전체를 봅니다',
    local: '출력마다 F×F×C 조각만 보지만 가중치는 제각각입니다',
    conv: 'F×F×C 필터 K개를 모든 위치가 함께 씁니다',
  },
  params: '개',
  outputs: (side, k, total) => `두 계층 모두 ${side}×${side}×${k} = ${total}개의 값을 출력합니다.`,
  perNeuron: (conv, fc) =>
    `합성곱 뉴런 하나의 파라미터는 필터와 편향을 합쳐 ${conv}개, 완전 연결 뉴런 하나는 ${fc}개입니다.`,
  ratio: (r) => `완전 연결 계층의 파라미터가 합성곱 계층보다 ${r}배 많습니다.`,
  memory: (mb) => `32비트 실수로 저장하면 이 가중치만으로 ${mb}MB를 차지합니다.`,
  scaleNote: '로그 눈금입니다. 눈금선 하나를 넘을 때마다 10배씩 커집니다.',
  chartLabel: '파라미터 개수를 로그 눈금으로 비교한 막대그래프',
  tooSmall: (m) => `필터가 입력보다 큽니다: ${m}.`,
  rejected: (keys) => `링크에 담긴 ${keys} 값을 쓸 수 없어서 기본값으로 보여 줍니다.`,
};

const tinyKo: TinyStrings = {
  title: '작은 신경망으로 그린 합성곱',
  hint: `출력 노드에 마우스를 올리거나 Tab으로 이동하면 그 출력에 연결된 선 ${TINY.taps}개가 강조됩니다. Enter를 누르면 강조가 유지됩니다. 범례 아래 버튼은 가중치 하나가 어디에 다시 쓰이는지 보여 줍니다.`,
  inputsLegend: `입력 x (${TINY.inputSide}×${TINY.inputSide})`,
  weightsLegend: `필터 w (${TINY.filterSide}×${TINY.filterSide})`,
  outputsHeading: '출력',
  inputLabel: (i) => `x${i}`,
  weightLabel: (i) => `w${i}`,
  legendHeading: '선이 나르는 가중치',
  dashNames: ['실선', '긴 점선', '점', '점-선'],
  showShared: (w) => `w${w} 보기`,
  networkLabel:
    `입력 노드 ${TINY.inputs}개와 출력 노드 ${TINY.outputs}개가 선 ${TINY.edges}개로 이어져 있고, 선마다 가중치 w1~w${TINY.taps} 가운데 하나가 실려 있습니다`,
  outputButton: (i, v) => `출력 y${i} = ${v}: 연결된 선 ${TINY.taps}개 강조`,
  equation: (i, terms, products, value) => `y${i} = ${terms} = ${products} = ${value}`,
  sharedSentence: (w, outs) =>
    `w${josa(w, '은/는')} 출력마다 하나씩, 선 ${TINY.outputs}개에 실려 있습니다(${outs}). 숫자 하나를 ${TINY.outputs}번 쓰는 셈입니다.`,
  idle: '출력을 하나 고르면 어떻게 계산되는지 보여 줍니다.',
  notANumber: (name, limit) => `${name}에는 −${limit}부터 ${limit}까지의 수를 넣어야 합니다.`,
  comparison: (fc, conv, edges) =>
    `선은 ${edges}개지만 서로 다른 가중치는 ${conv}개뿐입니다. 같은 입력 ${TINY.inputs}개에서 출력 ${TINY.outputs}개를 만드는 완전 연결 계층이라면 ${fc}개가 필요합니다.`,
  rejected: (keys) => `링크에 담긴 ${keys} 값을 쓸 수 없어서 기본값으로 보여 줍니다.`,
};

export const ko: ReceptiveFieldStrings = { explorer: explorerKo, params: paramsKo, tiny: tinyKo };
