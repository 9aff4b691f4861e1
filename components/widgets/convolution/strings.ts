/** Every word the convolution widgets show, in both languages. */
import type { StateProblem } from './model.ts';
import { DIVISOR, IMAGE_SIZE, KERNEL_SIZE, OUTPUT_SIZE } from './model.ts';
import { josa } from '../../../src/i18n/korean.ts';

/** The site's languages, as the MDX passes them. */
export type Lang = 'en' | 'ko';

/** One language's strings; functions where a sentence has numbers in it. */
export interface ConvStrings {
  widgetLabel: string;
  intro: string;
  play: string;
  pause: string;
  previous: string;
  next: string;
  position: string;
  positionValue: (row: number, col: number, step: number, total: number) => string;
  inputTitle: string;
  inputHint: string;
  inputGrid: string;
  pixel: (row: number, col: number, value: string, inWindow: boolean) => string;
  filtersTitle: string;
  filtersHint: string;
  filterName: (index: number) => string;
  filterGrid: (index: number) => string;
  weight: (row: number, col: number, value: string) => string;
  explain: string;
  addFilter: string;
  removeFilter: string;
  reset: string;
  outputTitle: string;
  outputHint: string;
  volume: (height: number, width: number, depth: number) => string;
  mapName: (index: number) => string;
  mapGrid: (index: number) => string;
  outputCell: (row: number, col: number, value: string) => string;
  readoutTitle: (filter: number, row: number, col: number) => string;
  productsCaption: string;
  sumLine: (sum: string, fraction: string, rounded: string) => string;
  truncationNote: (truncated: string, rounded: string) => string;
  depthLine: (depth: number) => string;
  urlProblem: (parts: readonly StateProblem[]) => string;
  engineError: (message: string) => string;
}

const problemNames: Record<Lang, Record<StateProblem, string>> = {
  en: { image: 'picture', filters: 'filters', at: 'window position', map: 'selected filter' },
  ko: { image: '이미지', filters: '필터', at: '필터 위치', map: '선택한 필터' },
};

/** The widget's strings, by language. */
export const strings: Record<Lang, ConvStrings> = {
  en: {
    widgetLabel: 'Convolution stepper',
    intro: 'Slide the filter over the picture one step at a time, or point at any output number to see where it came from.',
    play: 'Play',
    pause: 'Pause',
    previous: 'Previous position',
    next: 'Next position',
    position: 'Window position',
    positionValue: (row, col, step, total) => `row ${row}, column ${col} (step ${step} of ${total})`,
    inputTitle: `Input picture (${IMAGE_SIZE} × ${IMAGE_SIZE})`,
    inputHint: 'Click a pixel (or press Enter on it) to flip it between 1 and −1.',
    inputGrid: `Input picture, ${IMAGE_SIZE} by ${IMAGE_SIZE} pixels`,
    pixel: (row, col, value, inWindow) => `Pixel row ${row}, column ${col}: ${value}${inWindow ? ', under the filter' : ''}`,
    filtersTitle: `Filters (${KERNEL_SIZE} × ${KERNEL_SIZE})`,
    filtersHint: 'Click a weight to cycle it 1 → −1 → 0.',
    filterName: (index) => `Filter ${index}`,
    filterGrid: (index) => `Filter ${index} weights, ${KERNEL_SIZE} by ${KERNEL_SIZE}`,
    weight: (row, col, value) => `Weight row ${row}, column ${col}: ${value}`,
    explain: 'Explain',
    addFilter: 'Add filter',
    removeFilter: 'Remove selected filter',
    reset: 'Reset all',
    outputTitle: 'Output volume',
    outputHint: 'Hover over or focus an output number to see its window and its arithmetic.',
    volume: (height, width, depth) => `${height} × ${width} × ${depth}`,
    mapName: (index) => `Feature map ${index}`,
    mapGrid: (index) => `Feature map ${index}, ${OUTPUT_SIZE} by ${OUTPUT_SIZE}`,
    outputCell: (row, col, value) => `Output row ${row}, column ${col}: ${value}`,
    readoutTitle: (filter, row, col) => `Filter ${filter} over the window at row ${row}, column ${col}`,
    productsCaption: `pixel × weight, for each of the ${KERNEL_SIZE * KERNEL_SIZE} taps`,
    sumLine: (sum, fraction, rounded) => `Sum of the products = ${sum}; divided by ${DIVISOR}: ${fraction} ≈ ${rounded}`,
    truncationNote: (truncated, rounded) =>
      `Cutting off the digits would print ${truncated} (as the textbook figure did); rounded, it is ${rounded}.`,
    depthLine: (depth) =>
      depth === 1 ? 'This window, one filter:' : `This same window, seen by all ${depth} filters (one number per map):`,
    urlProblem: (parts) =>
      `The link's ${parts.map((p) => problemNames.en[p]).join(', ')} could not be read, so the default is shown instead.`,
    engineError: (message) => `The engine refused this input: ${message}`,
  },
  ko: {
    widgetLabel: '합성곱 단계별 보기',
    intro: '필터를 한 칸씩 밀어 보거나, 출력 숫자 아무 곳이나 가리켜 그 값이 어디서 나왔는지 확인해 보세요.',
    play: '재생',
    pause: '일시 정지',
    previous: '이전 위치',
    next: '다음 위치',
    position: '필터 위치',
    positionValue: (row, col, step, total) => `${row}행 ${col}열 (${total}단계 중 ${step}단계)`,
    inputTitle: `입력 이미지 (${IMAGE_SIZE} × ${IMAGE_SIZE})`,
    inputHint: '픽셀을 클릭하거나 Enter를 누르면 1과 −1이 바뀝니다.',
    inputGrid: `입력 이미지, ${IMAGE_SIZE} × ${IMAGE_SIZE} 픽셀`,
    pixel: (row, col, value, inWindow) => `픽셀 ${row}행 ${col}열: ${value}${inWindow ? ', 필터 아래' : ''}`,
    filtersTitle: `필터 (${KERNEL_SIZE} × ${KERNEL_SIZE})`,
    filtersHint: '가중치를 클릭하면 1 → −1 → 0 순서로 바뀝니다.',
    filterName: (index) => `필터 ${index}`,
    filterGrid: (index) => `필터 ${index}의 가중치, ${KERNEL_SIZE} × ${KERNEL_SIZE}`,
    weight: (row, col, value) => `가중치 ${row}행 ${col}열: ${value}`,
    explain: '계산 보기',
    addFilter: '필터 추가',
    removeFilter: '선택한 필터 삭제',
    reset: '처음으로',
    outputTitle: '출력 볼륨',
    outputHint: '출력 숫자에 마우스를 올리거나 포커스를 두면 해당 영역과 계산 과정이 보입니다.',
    volume: (height, width, depth) => `${height} × ${width} × ${depth}`,
    mapName: (index) => `특징 맵 ${index}`,
    mapGrid: (index) => `특징 맵 ${index}, ${OUTPUT_SIZE} × ${OUTPUT_SIZE}`,
    outputCell: (row, col, value) => `출력 ${row}행 ${col}열: ${value}`,
    readoutTitle: (filter, row, col) => `필터 ${filter}, ${row}행 ${col}열 위치의 영역`,
    productsCaption: `${KERNEL_SIZE * KERNEL_SIZE}개 칸마다 픽셀 × 가중치`,
    sumLine: (sum, fraction, rounded) => `곱의 합 = ${sum}, ${josa(DIVISOR, '(으)로')} 나누면 ${fraction} ≈ ${rounded}`,
    truncationNote: (truncated, rounded) =>
      `소수점 아래를 그냥 잘라 내면 ${truncated}(교재 그림의 값)이 되지만, 반올림하면 ${rounded}입니다.`,
    depthLine: (depth) =>
      depth === 1 ? '이 영역, 필터 하나:' : `같은 영역을 필터 ${depth}개가 각각 본 값 (맵마다 하나씩):`,
    urlProblem: (parts) =>
      `링크의 ${parts.map((p) => problemNames.ko[p]).join(', ')} 값을 읽을 수 없어 기본값을 보여 줍니다.`,
    engineError: (message) => `엔진이 이 입력을 거부했습니다: ${message}`,
  },
};
