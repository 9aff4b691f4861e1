/**
 * The words of lesson 2's widgets in Korean, written for Korean readers rather than
 * translated line by line. TypeScript checks that the keys are exactly those of the
 * English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import type { DepthFilterId } from '../depth-model.ts';
import { CHANNELS, DEPTH_FILTERS } from '../depth-model.ts';
import type { StateProblem } from '../model.ts';
import { DIVISOR, IMAGE_SIZE, KERNEL_SIZE, OUTPUT_SIZE } from '../model.ts';
import type { ConvStrings, DepthStrings } from './en.ts';

const problemNames: Record<StateProblem, string> = { image: '이미지', filters: '필터', at: '필터 위치', map: '선택한 필터' };

/** The stepper's strings. */
export const ko: ConvStrings = {
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
  explainFilter: (index) => `필터 ${index}의 계산 보기`,
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
  sumLine: (sum, fraction, rounded, exact) => `곱의 합 = ${sum}, ${josa(DIVISOR, '(으)로')} 나누면 ${fraction} ${exact ? '=' : '≈'} ${rounded}`,
  truncationNote: (truncated, rounded) =>
    `소수점 아래를 그냥 잘라 내면 ${truncated}(교재 그림의 값)이 되지만, 반올림하면 ${rounded}입니다.`,
  depthLine: (depth) =>
    depth === 1 ? '이 영역, 필터 하나:' : `같은 영역을 필터 ${depth}개가 각각 본 값 (맵마다 하나씩):`,
  urlProblem: (parts) =>
    `링크의 ${parts.map((p) => problemNames[p]).join(', ')} 값을 읽을 수 없어 기본값을 보여 줍니다.`,
  engineError: (message) => `엔진이 이 입력을 거부했습니다: ${message}`,
  predictPrompt: (filter, row, col) =>
    `창 아래의 픽셀마다 필터 ${filter}의 가중치를 곱하고 ${KERNEL_SIZE * KERNEL_SIZE}개의 곱을 더하세요. ${row}행 ${col}열에서 합은 얼마일까요?`,
  predictLabel: '곱의 합',
};

const filterNames: Record<DepthFilterId, string> = { vertical: '세로 경계', horizontal: '가로 경계', red: '빨간색', green: '초록색', brightness: '밝기' };

/** The depth demo's strings. */
export const depthKo: DepthStrings = {
  widgetLabel: '출력 깊이 살펴보기',
  intro: `슬라이더로 영역을 옮기거나 이미지나 특징 맵을 클릭해 보세요. 필터 ${DEPTH_FILTERS.length}개가 모두 같은 영역을 읽습니다.`,
  shapes: (input, count, filter, output) => `입력 ${input}, ${filter} 필터 ${count}개, 출력 ${output}.`,
  row: '출력 행',
  column: '출력 열',
  pictureCaption: '입력 이미지 (빨강·초록·파랑 채널)',
  pictureLabel: (row, col, kernel) => `파란 하늘, 붉은 해, 초록 땅이 있는 작은 풍경. 표시된 ${kernel} × ${kernel} 영역은 ${row}행 ${col}열에서 시작합니다.`,
  filtersCaption: `필터 ${DEPTH_FILTERS.length}개, 채널마다 한 장씩`,
  filterName: (id) => filterNames[id],
  filterLabel: (id, kernel) => `${filterNames[id]} 필터: 색 채널마다 하나씩, ${kernel} × ${kernel} 조각 ${CHANNELS}장`,
  channelNames: ['R', 'G', 'B'],
  mapsCaption: (shape) => `출력 볼륨 ${shape}: 필터마다 특징 맵 하나`,
  mapLabel: (id) => `${filterNames[id]} 필터의 특징 맵`,
  columnLine: (row, col, depth) => `${row}행 ${col}열, 깊이 방향으로 놓인 숫자 ${depth}개:`,
  samePatch: (products, filterShape) => `모두 똑같은 영역에서 곱 ${products}개(${filterShape})를 더한 값이고, 다른 것은 가중치뿐입니다.`,
  engineError: (message) => `엔진이 이 입력을 거부했습니다: ${message}`,
};
