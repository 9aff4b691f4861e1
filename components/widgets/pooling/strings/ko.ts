/**
 * 풀링 스테퍼의 한국어 문구입니다. TypeScript가 영어 파일과 키가 정확히 같은지 확인합니다.
 */
import { josa, particle } from '../../../../src/i18n/korean.ts';
import type { PhotoStrings, PoolStrings } from './en.ts';

const list = (values: readonly string[]) => values.join(', ');

export const ko: PoolStrings = {
  widgetLabel: '풀링 스테퍼',
  intro:
    '창을 입력 위로 한 칸씩 옮겨 보세요. 모든 출력값은 엔진의 maxPool2d 또는 avgPool2d가 돌려준 값이고, 옆에는 그 창이 어떤 칸을 읽었는지 풀이가 나옵니다.',
  settings: '설정',
  modeLabel: '풀링 종류',
  modes: { max: '최대', avg: '평균' },
  inputLabel: '입력',
  inputs: {
    notes: (side) => `노트의 ${side}×${side} 예제`,
    seven: (side) => `${side}×${side} 특징 맵`,
  },
  kernel: '커널 크기',
  stride: '스트라이드',
  padding: '패딩',
  dilation: '팽창(dilation)',
  dilationAvgHint: 'PyTorch의 평균 풀링에는 팽창이 없습니다. 최대 풀링에만 적용됩니다.',
  ceilMode: '올림 모드 (출력 크기를 올림)',
  countIncludePad: 'count_include_pad (패딩을 나눗수에 포함)',
  divisorOverride: 'divisor_override',
  divisorNone: '없음',
  maxOnlyHint: '이 두 설정은 평균 풀링에만 적용됩니다.',
  reset: '처음으로',
  previous: '이전 창',
  next: '다음 창',
  position: '창 위치',
  positionValue: (row, col, step, total) => `${row}행 ${col}열 (${total}개 중 ${step}번째)`,
  inputTitle: (side, padding) =>
    padding === 0 ? `입력, ${side}×${side}` : `입력, ${side}×${side}, 각 변에 패딩 ${padding}`,
  inputHint: (mode) =>
    mode === 'max'
      ? '테두리가 진한 칸이 창이 읽는 칸이고, 동그라미 친 칸이 엔진이 고른 최댓값입니다. 패딩은 −∞로 표시되며 절대 뽑히지 않습니다.'
      : '테두리가 진한 칸이 창이 읽는 칸입니다. 패딩은 0으로 표시됩니다.',
  inputGrid: '입력값',
  cell: (row, col, value, inWindow) => `${row}행 ${col}열: ${value}${inWindow ? ', 창 안' : ''}`,
  paddingCell: (inWindow) => `패딩${inWindow ? ', 창 안' : ''}`,
  outputTitle: (height, width) => `출력, ${height}×${width}`,
  outputHint: '출력 칸에 초점을 두거나 마우스를 올리면 그 칸의 창이 보입니다.',
  outputGrid: '풀링된 값',
  outputCell: (row, col, value) => `출력 ${row}행 ${col}열: ${value}`,
  readoutTitle: (row, col) => `출력 ${row}행 ${col}열`,
  maxLine: (values, result) => `max(${list(values)}) = ${result}`,
  winnerLine: (value, row, col) => `입력 ${row}행 ${col}열의 ${josa(value, '이/가')} 뽑힙니다.`,
  paddingNeverWins: '창이 패딩에 걸쳐 있지만 패딩은 절대 뽑히지 않습니다. 최대 풀링은 −∞로 패딩하기 때문입니다.',
  dilationLine: (dilation) => `팽창 ${dilation}: 창의 칸이 ${dilation}칸씩 떨어져 있어서, 읽는 칸 수는 그대로인 채 창이 넓게 퍼집니다.`,
  avgLine: (values, divisor, result) => `(${values.join(' + ')}) ÷ ${divisor} = ${result}`,
  divisorReason: (reason, divisor, paddingCells, realCells) => {
    switch (reason) {
      case 'override':
        return `divisor_override가 창에 무엇이 있든 나눗수를 ${josa(String(divisor), '(으)로')} 바꿉니다.`;
      case 'includesPadding':
        return `패딩 칸 ${paddingCells}개가 0으로 나눗수에 들어가서(count_include_pad=True) 평균이 낮아집니다.`;
      case 'realOnly':
        return `실제 픽셀 ${realCells}개만 셉니다(count_include_pad=False).`;
      case 'clipped':
        return `창이 패딩된 가장자리 밖까지 나가므로(올림 모드) 안쪽의 ${divisor}칸만 셉니다.`;
      case 'full':
        return `창의 ${divisor}칸이 모두 실제 픽셀입니다.`;
    }
  },
  engineLine: (value) => `엔진: ${value}`,
  depthLine: (side, depth, out) =>
    `같은 계층을 ${side}×${side}×${depth} 볼륨에 적용하면 ${out[2]}×${out[3]}×${out[1]}${particle(out[1], '이/가')} 됩니다. 맵 ${depth}개를 하나씩 따로 풀링하므로 깊이는 ${out[1]} 그대로입니다.`,
  depthRefused: (side, depth) => `${side}×${side}×${depth} 볼륨에서도 엔진이 이 설정을 거부합니다.`,
  engineError: (message) => `엔진이 이 설정을 거부합니다: ${message}`,
  urlProblem: (parts) => `링크에 이 스테퍼가 쓸 수 없는 설정이 있었습니다(${parts.join(', ')}). 대신 기본값을 보여 줍니다.`,
};

export const photoKo: PhotoStrings = {
  widgetLabel: '풀링 계층을 거친 사진',
  intro:
    '윤곽 맵은 흑백 사진에 윤곽 필터와 ReLU를 엔진으로 적용한 특징 맵입니다. 풀링 계층 하나는 엔진의 스트라이드 2, 2×2 풀링입니다. 왼쪽은 최대 풀링, 오른쪽은 평균 풀링이며, 둘 다 같은 크기로 그려서 풀링된 픽셀 하나가 네모 한 덩어리로 보입니다. 사진 자체는 빨강, 초록, 파랑 맵으로 나뉘어 풀링됩니다.',
  photoLabel: '사진',
  photos: { chelsea: '고양이', coffee: '커피', astronaut: '우주 비행사', camera: '카메라맨' },
  sourceLabel: '풀링할 대상',
  sources: { photo: '사진', edges: '윤곽 맵' },
  layers: '풀링 계층 수',
  modes: { max: '최대', avg: '평균' },
  shape: (height, width, depth) => `${height}×${width}×${depth}`,
  sourceShape: (shape) => `풀링 전: ${shape}.`,
  canvasLabel: (mode, layers, shape) => `${mode === 'max' ? '최대' : '평균'} 풀링, 계층 ${layers}개: ${shape}`,
  kept: (percent) => `가장 밝은 윤곽이 원래의 ${percent}%`,
  loading: '사진을 불러오는 중…',
  loadError: (message) => `사진을 불러오지 못했습니다: ${message}`,
  urlProblem: (parts) => `링크에 이 패널이 쓸 수 없는 설정이 있었습니다(${parts.join(', ')}). 대신 기본값을 보여 줍니다.`,
};
