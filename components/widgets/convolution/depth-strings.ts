/** Words of the depth demo, in both languages. */
import type { DepthFilterId } from './depth-model.ts';
import type { Lang } from './strings.ts';
import { CHANNELS, DEPTH_FILTERS } from './depth-model.ts';

/** One language's strings for the depth demo. */
export interface DepthStrings {
  widgetLabel: string;
  intro: string;
  shapes: (input: string, count: number, filter: string, output: string) => string;
  row: string;
  column: string;
  pictureCaption: string;
  pictureLabel: (row: number, col: number, kernel: number) => string;
  filtersCaption: string;
  filterName: (id: DepthFilterId) => string;
  filterLabel: (id: DepthFilterId, kernel: number) => string;
  channelNames: readonly [string, string, string];
  mapsCaption: (shape: string) => string;
  mapLabel: (id: DepthFilterId) => string;
  columnLine: (row: number, col: number, depth: number) => string;
  samePatch: (products: number, filterShape: string) => string;
  engineError: (message: string) => string;
}

const names: Record<Lang, Record<DepthFilterId, string>> = {
  en: { vertical: 'Vertical edges', horizontal: 'Horizontal edges', red: 'Red', green: 'Green', brightness: 'Brightness' },
  ko: { vertical: '세로 경계', horizontal: '가로 경계', red: '빨간색', green: '초록색', brightness: '밝기' },
};

/** The depth demo's strings, by language. */
export const depthStrings: Record<Lang, DepthStrings> = {
  en: {
    widgetLabel: 'Output depth demo',
    intro: `Move the patch with the sliders, or click the picture or any map. The ${DEPTH_FILTERS.length} filters all read the same patch.`,
    shapes: (input, count, filter, output) => `Input ${input}, ${count} filters of ${filter} each, output ${output}.`,
    row: 'Output row',
    column: 'Output column',
    pictureCaption: 'Input picture (red, green and blue channels)',
    pictureLabel: (row, col, kernel) => `A small landscape: blue sky, red sun, green ground. The outlined ${kernel} by ${kernel} patch starts at row ${row}, column ${col}.`,
    filtersCaption: `${DEPTH_FILTERS.length} filters, each with a slice for every channel`,
    filterName: (id) => names.en[id],
    filterLabel: (id, kernel) => `${names.en[id]} filter: ${CHANNELS} ${kernel} by ${kernel} slices, one per colour channel`,
    channelNames: ['R', 'G', 'B'],
    mapsCaption: (shape) => `Output volume ${shape}: one feature map per filter`,
    mapLabel: (id) => `Feature map of the ${names.en[id].toLowerCase()} filter`,
    columnLine: (row, col, depth) => `Row ${row}, column ${col}: the ${depth} numbers along the depth are`,
    samePatch: (products, filterShape) =>
      `Each is a sum of ${products} products (${filterShape}) over the very same patch; only the weights differ.`,
    engineError: (message) => `The engine refused this input: ${message}`,
  },
  ko: {
    widgetLabel: '출력 깊이 살펴보기',
    intro: `슬라이더로 영역을 옮기거나 이미지나 특징 맵을 클릭해 보세요. 필터 ${DEPTH_FILTERS.length}개가 모두 같은 영역을 읽습니다.`,
    shapes: (input, count, filter, output) => `입력 ${input}, ${filter} 필터 ${count}개, 출력 ${output}.`,
    row: '출력 행',
    column: '출력 열',
    pictureCaption: '입력 이미지 (빨강·초록·파랑 채널)',
    pictureLabel: (row, col, kernel) => `파란 하늘, 붉은 해, 초록 땅이 있는 작은 풍경. 표시된 ${kernel} × ${kernel} 영역은 ${row}행 ${col}열에서 시작합니다.`,
    filtersCaption: `필터 ${DEPTH_FILTERS.length}개, 채널마다 한 장씩`,
    filterName: (id) => names.ko[id],
    filterLabel: (id, kernel) => `${names.ko[id]} 필터: 색 채널마다 하나씩, ${kernel} × ${kernel} 조각 ${CHANNELS}장`,
    channelNames: ['R', 'G', 'B'],
    mapsCaption: (shape) => `출력 볼륨 ${shape}: 필터마다 특징 맵 하나`,
    mapLabel: (id) => `${names.ko[id]} 필터의 특징 맵`,
    columnLine: (row, col, depth) => `${row}행 ${col}열, 깊이 방향으로 놓인 숫자 ${depth}개:`,
    samePatch: (products, filterShape) => `모두 똑같은 영역에서 곱 ${products}개(${filterShape})를 더한 값이고, 다른 것은 가중치뿐입니다.`,
    engineError: (message) => `엔진이 이 입력을 거부했습니다: ${message}`,
  },
};
