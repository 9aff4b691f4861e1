/** Lesson 6's widget words in Korean; TypeScript checks the keys against en.ts. */
import type { StrideStrings } from './en.ts';

export const ko: StrideStrings = {
  widgetLabel: '스트라이드 단계별 보기',
  intro:
    '입력 크기, 커널, 패딩, 팽창, 스트라이드를 고르세요. 엔진이 실제 conv2d를 실행합니다. 창을 한 위치씩 옮겨 보거나 재생해 보세요.',
  settings: '설정',
  size: '입력 한 변',
  kernel: '커널 한 변',
  padding: '패딩',
  dilation: '팽창(dilation)',
  stride: '스트라이드',
  reset: '처음 설정으로',
  previous: '이전 창',
  next: '다음 창',
  play: '재생',
  pause: '일시 정지',
  reducedMotion: '시스템에서 동작 줄이기를 요청했으므로 창이 저절로 움직이지 않습니다. 버튼이나 슬라이더로 한 단계씩 옮기세요.',
  position: '창 위치',
  positionValue: (row, col, index, count) => `${row}행 ${col}열 (${count}개 중 ${index}번째)`,
  urlProblem: (keys) => `주소에 쓸 수 없는 값이 있어(${keys.join(', ')}) 기본값을 대신 보여 줍니다.`,
  engineError: (message) => `엔진이 이 설정을 거부합니다: ${message}`,
  inputTitle: (n, p) => (p > 0 ? `입력, ${n}×${n}, 패딩 ${p}` : `입력, ${n}×${n}`),
  inputGrid: '입력 값. 현재 창 아래의 칸이 표시됩니다',
  cell: (row, col, value, inWindow, unreached) =>
    `${row}행 ${col}열: ${value}${inWindow ? ', 창 아래' : ''}${unreached ? ', 어떤 창도 읽지 않음' : ''}`,
  paddingCell: (inWindow) => `패딩: 0${inWindow ? ', 창 아래' : ''}`,
  kernelLine: (rows) => `커널: ${rows}`,
  readoutTitle: (row, col) => `출력 ${row}행 ${col}열`,
  sumLine: (terms, value) => `${terms.join(' + ')} = ${value}`,
  engineLine: (value) => `엔진의 conv2d가 낸 값은 ${value}입니다.`,
  outputTitle: (side) => `출력, ${side}×${side}`,
  outputGrid: '출력 값. 칸에 초점을 옮기면 창이 그 위치로 갑니다',
  outputCell: (row, col, value) => `출력 ${row}행 ${col}열: ${value}`,
  sizeLine: (n, p, d, k, s, numerator, out) => `⌊(${n} + 2·${p} − ${d}·(${k} − 1) − 1) / ${s} + 1⌋ = ⌊${numerator} / ${s} + 1⌋ = ${out}`,
  exact: '스트라이드가 창이 움직일 수 있는 거리를 정확히 나눕니다. 모든 창이 들어맞고 남는 픽셀이 없습니다.',
  notExact: (left) => `스트라이드가 정확히 나누어떨어지지 않습니다. 마지막 창 뒤에 ${left}픽셀이 남고, PyTorch는 내림을 하므로 그 자리에는 창을 놓지 않습니다.`,
  unreachedLine: (rows, dropped) =>
    rows === ''
      ? '모든 입력 행과 열을 적어도 하나의 창이 읽습니다.'
      : `어떤 창도 읽지 않는 행과 열(빗금): ${rows}.${dropped === '' ? '' : ` 이 가운데 ${dropped}번은 마지막 창 뒤에 있어 내림으로 버려졌습니다.`}`,

  photoWidgetLabel: '사진에서 스트라이드 합성곱과 풀링 비교',
  photoIntro:
    '같은 윤곽선 필터로 사진을 두 가지 방법으로 다운샘플링합니다. 스트라이드 1로 합성곱한 뒤 최대 풀링을 하거나, 스트라이드를 주어 한 번에 줄입니다. 두 이미지는 같은 밝기 기준으로 그립니다.',
  photoUrlProblem: (keys) => `주소에 쓸 수 없는 값이 있어(${keys.join(', ')}) 기본값을 대신 보여 줍니다.`,
  photoLabel: '사진',
  photos: { camera: '카메라를 든 사람', astronaut: '우주비행사', chelsea: '고양이', coffee: '커피' },
  factorLabel: '줄이는 배율',
  factor: (f) => `${f}배`,
  loadError: (message) => `사진을 불러오지 못했습니다: ${message}`,
  loading: '사진을 불러오는 중입니다…',
  photoSource: (h, w) => `입력: 회색조 사진, ${h}×${w}.`,
  photoShape: (h, w) => `${h}×${w}`,
  pathName: (path, f) => (path === 'pooled' ? `스트라이드 1 합성곱 뒤 ${f}×${f} 최대 풀링` : `스트라이드 ${f} 합성곱`),
  photoCanvas: (path, shape) => `${path === 'pooled' ? '합성곱과 최대 풀링을 거친 윤곽선' : '스트라이드 합성곱을 거친 윤곽선'}, ${shape}`,
  macs: (n) => `곱셈-누산 ${n}회`,
  edgeShare: (percent) => `윤곽선 위의 픽셀 ${percent}%`,
};
