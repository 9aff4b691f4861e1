/**
 * Lesson 8's widgets in Korean, written for Korean readers. TypeScript checks that
 * the keys are exactly those of the English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import type { ChannelsStrings } from './en.ts';

const number = (n: number) => n.toLocaleString('ko-KR');

export const ko: ChannelsStrings = {
  engineMessage: '엔진의 메시지:',
  rejected: (keys) => `주소에 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 보여 줍니다.`,
  shape: (shape) => `[${shape.join(', ')}]`,
  count: number,

  photoTitle: '컬러 사진과 그 채널, 그리고 사진만큼 깊은 필터',
  photoCaption:
    '엔진이 사진을 빨강, 초록, 파랑 채널로 나누고, 각 필터를 세 채널 전체에 한꺼번에 적용합니다. 필터 하나마다 출력 맵이 하나 생깁니다. 맵 아래의 색 띠가 부호를 보여 줍니다.',
  photoLabel: '사진',
  photos: { chelsea: '고양이', astronaut: '우주비행사', coffee: '커피' },
  filtersLabel: '필터 개수',
  loading: '사진을 불러오는 중입니다…',
  loadError: (message) => `사진을 불러오지 못했습니다: ${message}`,
  channelsHeading: '입력: 채널 세 개',
  channelNames: ['빨강', '초록', '파랑'],
  channelAria: (name, height, width) => `사진의 ${name} 채널, ${height}×${width} 픽셀`,
  filtersHeading: '필터: 채널마다 한 장씩',
  filterNames: { bright: '밝기', red: '붉은 정도', blue: '파랑 대 노랑', edge: '세로 경계' },
  filterAria: (name, kernel) => `${name} 필터의 가중치, 채널마다 ${kernel}×${kernel} 한 장`,
  mapsHeading: '출력: 필터마다 맵 하나',
  mapAria: (name, height, width) => `${name} 필터의 출력 맵, ${height}×${width}`,
  shapes: (input, weight, output) => `입력 ${input} · 가중치 ${weight} · 출력 ${output}`,
  sumAt: (row, col) => `${row}행 ${col}열: 빨강의 몫 + 초록의 몫 + 파랑의 몫 = 출력.`,
  legend: '음수 · 0 · 양수',

  groupsTitle: '그룹: 어느 입력 채널이 어느 출력 채널로 이어지는가',
  groupsCaption:
    '채널 수, 그룹, 커널을 고르세요. 선 하나가 k×k 가중치 한 장입니다. 가중치 모양, 파라미터 수, 곱셈-누산(MAC) 횟수는 엔진이 nn.Conv2d를 summary로 요약한 값입니다.',
  inC: '입력 채널 수',
  outC: '출력 채널 수',
  groups: '그룹 수',
  kernel: '커널 크기',
  size: '입력의 높이와 너비',
  kinds: {
    full: () => 'groups=1: 모든 출력 채널이 모든 입력 채널을 봅니다',
    depthwise: (groups) => `groups=${josa(groups, '은/는')} 입력 채널 수와 같습니다: 깊이별(depthwise) 합성곱`,
    grouped: (groups) => `groups=${groups}: 채널이 서로 독립인 그룹 ${groups}개로 나뉩니다`,
  },
  presets: '그룹을 바로 설정',
  presetFull: 'groups=1',
  presetTwo: 'groups=2',
  presetDepthwise: '깊이별',
  diagramAria: (inC, outC, groups, links) =>
    `입력 채널 ${inC}개, 출력 채널 ${outC}개, groups=${groups}인 합성곱의 연결: 입력에서 출력으로 가는 선 ${links}개`,
  inputsRow: '입력 채널',
  outputsRow: '출력 채널',
  links: (n) => `연결 ${number(n)}개`,
  weight: '가중치 모양',
  output: '출력 모양',
  params: '파라미터 수',
  macs: '곱셈-누산 횟수',
  refused: 'PyTorch는 이 설정을 거부합니다. 두 채널 수 모두 그룹 수로 나누어떨어져야 합니다.',
  sepHeading: '깊이별 분리 합성곱과 일반 합성곱',
  sepNote: (inC, outC, kernel) =>
    `깊이별 ${kernel}×${kernel} 층(groups=${inC}) 뒤에 ${outC}채널로 가는 1×1 층을 둔 쌍과, ${inC}채널에서 ${outC}채널로 가는 일반 ${kernel}×${kernel} 층 하나를 비교합니다.`,
  sepFull: '일반 합성곱',
  sepDepthwise: '깊이별',
  sepPointwise: '1×1',
  sepPair: '쌍의 합계',
  sepShare: (percent) => `같은 출력 모양을 내면서, 쌍은 일반 층 파라미터의 ${percent}%만 씁니다.`,
  colLayer: '층',
};
