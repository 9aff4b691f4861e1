/**
 * Every word the lesson-3 widgets show, in English and Korean. Each language is
 * written for its own readers; the keys name a purpose, not an English sentence.
 */
import type { LayerField, PresetName } from './explorer-model.ts';
import { EDGES, FILTER_SIDE, INPUT_SIDE, OUTPUT_SIDE } from './tiny-net-model.ts';
import { josa } from '../../../src/i18n/korean.ts';

// The tiny network's sizes, for the sentences that name them.
const TINY = { inputs: INPUT_SIDE * INPUT_SIDE, outputs: OUTPUT_SIDE * OUTPUT_SIDE, taps: FILTER_SIDE * FILTER_SIDE, edges: EDGES.length };

/** A language the site is written in. */
export type Lang = 'en' | 'ko';

/** Reads the `lang` prop defensively: anything but 'ko' is English. */
export function langOf(value: unknown): Lang {
  return value === 'ko' ? 'ko' : 'en';
}

/** Numbers with the reader's digit grouping (1,234,567 in both languages). */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}

/** Text of the receptive-field explorer. */
export interface ExplorerStrings {
  title: string;
  hint: string;
  presetsLabel: string;
  presets: Record<PresetName, string>;
  inputSize: string;
  layerHeading: string;
  fields: Record<LayerField, string>;
  layerName: (index: number) => string;
  controlLabel: (index: number, field: LayerField) => string;
  addLayer: string;
  removeLayer: string;
  inputCaption: string;
  mapCaption: (index: number) => string;
  sizeCaption: (side: number) => string;
  coneCaption: (height: number, width: number) => string;
  mapImageLabel: (name: string, side: number, height: number, width: number) => string;
  outputGridLabel: (index: number) => string;
  cellLabel: (row: number, col: number) => string;
  neuronSentence: (layer: number, row: number, col: number, side: number) => string;
  formulaLabel: string;
  formulaExplain: string;
  backwardLabel: string;
  backwardValue: (height: number, width: number, pixels: number) => string;
  agree: string;
  disagree: string;
  clipped: (height: number, width: number) => string;
  paddingOnly: string;
  holes: string;
  shadingNote: string;
  badStack: (message: string) => string;
  rejected: (keys: string) => string;
}

/** Text of the parameter-count comparison. */
export interface ParamStrings {
  title: string;
  hint: string;
  inputSize: string;
  channels: string;
  kernelSize: string;
  filters: string;
  rows: { fc: string; local: string; conv: string };
  rowNotes: { fc: string; local: string; conv: string };
  params: string;
  outputs: (side: number, filters: number, total: string) => string;
  perNeuron: (conv: string, fc: string) => string;
  ratio: (ratio: string) => string;
  memory: (megabytes: string) => string;
  scaleNote: string;
  chartLabel: string;
  tooSmall: (message: string) => string;
  rejected: (keys: string) => string;
}

/** Text of the tiny network. */
export interface TinyStrings {
  title: string;
  hint: string;
  inputsLegend: string;
  weightsLegend: string;
  outputsHeading: string;
  inputLabel: (index: number) => string;
  weightLabel: (index: number) => string;
  legendHeading: string;
  dashNames: readonly string[];
  showShared: (weight: number) => string;
  networkLabel: string;
  outputButton: (index: number, value: string) => string;
  equation: (index: number, terms: string, products: string, value: string) => string;
  sharedSentence: (weight: number, outputs: string) => string;
  idle: string;
  notANumber: (name: string) => string;
  comparison: (fc: string, conv: string, edges: number) => string;
  rejected: (keys: string) => string;
}

const explorerEn: ExplorerStrings = {
  title: 'Receptive-field explorer',
  hint: 'Choose a neuron in the last layer: click it, or tab to the grid and use the arrow keys. The shaded cells are everything it depends on, in every layer down to the input.',
  presetsLabel: 'Try a stack',
  presets: {
    threeByThreeTimesThree: 'Three 3×3',
    sevenBySeven: 'One 7×7',
    dilated: 'Dilations 1, 2, 4',
    strided: 'Stride 2, twice',
  },
  inputSize: 'Input size',
  layerHeading: 'Layer',
  fields: { kernelSize: 'Kernel', stride: 'Stride', dilation: 'Dilation', padding: 'Padding' },
  layerName: (i) => `Layer ${i}`,
  controlLabel: (i, field) =>
    `Layer ${i} ${{ kernelSize: 'kernel size', stride: 'stride', dilation: 'dilation', padding: 'padding' }[field]}`,
  addLayer: 'Add a layer',
  removeLayer: 'Remove the last layer',
  inputCaption: 'Input',
  mapCaption: (i) => `Layer ${i}`,
  sizeCaption: (s) => `${s}×${s}`,
  coneCaption: (h, w) => (h === 0 ? 'none used' : `${h}×${w} used`),
  mapImageLabel: (name, s, h, w) =>
    h === 0
      ? `${name}, ${s} by ${s}: no cell feeds the chosen neuron`
      : `${name}, ${s} by ${s}: a ${h} by ${w} region feeds the chosen neuron`,
  outputGridLabel: (i) => `Layer ${i} (the output): choose a neuron`,
  cellLabel: (r, c) => `row ${r + 1}, column ${c + 1}`,
  neuronSentence: (layer, r, c, side) =>
    `The neuron at row ${r + 1}, column ${c + 1} of layer ${layer} has a ${side}×${side} receptive field.`,
  formulaLabel: 'Formula (engine summary)',
  formulaExplain:
    'Start at 1 pixel; each layer adds dilation × (kernel − 1) steps, and a step is worth the product of the strides below that layer.',
  backwardLabel: 'Backward pass through the engine',
  backwardValue: (h, w, n) => `${h}×${w}, ${n} pixel${n === 1 ? '' : 's'} with a nonzero gradient`,
  agree: 'Both agree.',
  disagree: 'They disagree. That would be a bug in the engine: please report it.',
  clipped: (h, w) =>
    h === 0
      ? ''
      : `Part of this field hangs over the edge, onto padding, so only ${h}×${w} of it lies on the image. Pick a neuron nearer the middle to see the full size.`,
  paddingOnly: 'This neuron looks only at padding: no input pixel reaches it.',
  holes: 'The field has holes: dilation, or a stride larger than the kernel, skips some pixels entirely.',
  shadingNote: 'Darker cells reach the neuron along more paths through the layers.',
  badStack: (m) =>
    `This stack does not fit the input: ${m}. Make the input larger or a kernel, stride or dilation smaller.`,
  rejected: (keys) => `The link set ${keys} to values the explorer cannot use, so the defaults are shown instead.`,
};

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
  badStack: (m) => `이 구성은 입력 크기에 맞지 않습니다: ${m}. 입력을 키우거나 커널, 스트라이드, 팽창을 줄여 보세요.`,
  rejected: (keys) => `링크에 담긴 ${keys} 값을 쓸 수 없어서 기본값으로 보여 줍니다.`,
};

const paramsEn: ParamStrings = {
  title: 'Counting parameters: convolution against fully connected',
  hint: 'Both layers read the same input and produce the same number of outputs. Change the sizes and watch the gap.',
  inputSize: 'Input size (H = W)',
  channels: 'Channels C',
  kernelSize: 'Filter size F',
  filters: 'Filters K',
  rows: { fc: 'Fully connected', local: 'Local, not shared', conv: 'Convolution' },
  rowNotes: {
    fc: 'every output sees every input',
    local: 'every output sees an F×F×C patch, with weights of its own',
    conv: 'K filters of F×F×C, shared by every position',
  },
  params: 'parameters',
  outputs: (side, k, total) => `Both layers produce ${side}×${side}×${k} = ${total} outputs.`,
  perNeuron: (conv, fc) =>
    `One convolution neuron has ${conv} parameters (its filter and bias); one fully connected neuron has ${fc}.`,
  ratio: (r) => `The fully connected layer needs ${r} times as many parameters as the convolution.`,
  memory: (mb) => `Stored as 32-bit floats, its weights alone would take ${mb} MB.`,
  scaleNote: 'Logarithmic scale: each grid line is ten times the previous one.',
  chartLabel: 'Bar chart of the parameter counts on a logarithmic scale',
  tooSmall: (m) => `The filter does not fit the input: ${m}.`,
  rejected: (keys) => `The link set ${keys} to values this widget cannot use, so the defaults are shown instead.`,
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

const tinyEn: TinyStrings = {
  title: 'A convolution drawn as a tiny neural network',
  hint: `Hover over an output, or tab to it, to see its ${TINY.taps} connections. Press Enter to keep it highlighted. The buttons under the legend show where one weight is reused.`,
  inputsLegend: `Input x (${INPUT_SIDE}×${INPUT_SIDE})`,
  weightsLegend: `Filter w (${FILTER_SIDE}×${FILTER_SIDE})`,
  outputsHeading: 'Outputs',
  inputLabel: (i) => `x${i}`,
  weightLabel: (i) => `w${i}`,
  legendHeading: 'Which weight an edge carries',
  dashNames: ['solid', 'long dashes', 'dots', 'dash-dot'],
  showShared: (w) => `Show w${w}`,
  networkLabel: `${TINY.inputs} input nodes and ${TINY.outputs} output nodes joined by ${TINY.edges} edges, each carrying one of the weights w1 to w${TINY.taps}`,
  outputButton: (i, v) => `Output y${i} = ${v}: highlight its ${TINY.taps} edges`,
  equation: (i, terms, products, value) => `y${i} = ${terms} = ${products} = ${value}`,
  sharedSentence: (w, outs) => `w${w} sits on ${TINY.outputs} edges, one into each output (${outs}): one number, used ${TINY.outputs} times.`,
  idle: 'Pick an output to see how it is computed.',
  notANumber: (name) => `${name} must be a number.`,
  comparison: (fc, conv, edges) =>
    `${edges} edges, but only ${conv} different weights. A fully connected layer from these ${TINY.inputs} inputs to ${TINY.outputs} outputs would need ${fc}.`,
  rejected: (keys) => `The link set ${keys} to values this widget cannot use, so the defaults are shown instead.`,
};

const tinyKo: TinyStrings = {
  title: '작은 신경망으로 그린 합성곱',
  hint: `출력 노드에 마우스를 올리거나 Tab으로 이동하면 그 출력에 연결된 선 ${TINY.taps}개가 강조됩니다. Enter를 누르면 강조가 유지됩니다. 범례 아래 버튼은 가중치 하나가 어디에 다시 쓰이는지 보여 줍니다.`,
  inputsLegend: `입력 x (${INPUT_SIDE}×${INPUT_SIDE})`,
  weightsLegend: `필터 w (${FILTER_SIDE}×${FILTER_SIDE})`,
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
  notANumber: (name) => `${name}에는 숫자를 넣어야 합니다.`,
  comparison: (fc, conv, edges) =>
    `선은 ${edges}개지만 서로 다른 가중치는 ${conv}개뿐입니다. 같은 입력 ${TINY.inputs}개에서 출력 ${TINY.outputs}개를 만드는 완전 연결 계층이라면 ${fc}개가 필요합니다.`,
  rejected: (keys) => `링크에 담긴 ${keys} 값을 쓸 수 없어서 기본값으로 보여 줍니다.`,
};

/** All strings of one language. */
export const STRINGS: Record<Lang, { explorer: ExplorerStrings; params: ParamStrings; tiny: TinyStrings }> = {
  en: { explorer: explorerEn, params: paramsEn, tiny: tinyEn },
  ko: { explorer: explorerKo, params: paramsKo, tiny: tinyKo },
};
