/**
 * Lesson 7's widget in Korean, written for Korean readers. TypeScript checks that
 * the keys are exactly those of the English file.
 */
import type { DilationStrings } from './en.ts';

export const ko: DilationStrings = {
  title: '팽창된 커널의 탭, 그리고 그런 층을 쌓았을 때 보이는 것',
  caption:
    '커널과 팽창(dilation)을 고르세요. 엔진이 가운데 출력 뉴런에서 입력까지 역전파합니다. 뉴런이 의존하는 픽셀에만 색이 칠해집니다. 수용 영역과 가중치 개수는 엔진의 summary에서 가져옵니다.',
  engineMessage: '엔진의 메시지:',
  rejected: (keys) => `주소에 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 보여 줍니다.`,
  kernel: '커널 크기',
  dilation: '층마다의 팽창',
  layers: '쌓은 층의 개수',
  input: '입력 크기(한 변의 픽셀 수)',
  inputRule: (min, max) => `${min}부터 ${max}까지의 정수를 넣으세요.`,

  tapsHeading: (dilations) => `팽창이 ${dilations.join(', ')}인 한 층`,
  tapsNote: '어느 패널이나 같은 커널입니다. 탭 사이의 간격만 달라집니다.',
  tapsPanel: (dilation) => `팽창 ${dilation}`,
  tapsStats: (field, params) => `수용 영역 ${field}×${field}, 가중치 ${params}개`,
  tapsAria: (dilation, kernel, field) =>
    `팽창 ${dilation}인 ${kernel}×${kernel} 층 하나의 가운데 출력 뉴런이 읽는 입력: 탭이 ${field}×${field} 픽셀에 걸쳐 있습니다`,

  stackHeading: '팽창된 층을 쌓으면',
  stackNote:
    '모든 층이 위에서 고른 커널과 팽창을 씁니다. 색칠된 칸은 가운데 출력이 의존하는 픽셀이며, 출력까지 이어지는 경로가 많을수록 진합니다. X 표시는 수용 영역 안에 있지만 출력이 한 번도 보지 못하는 픽셀입니다.',
  stackStats: (field, params) => `수용 영역 ${field}×${field}, 가중치 모두 ${params}개`,
  stackSeen: (seen, unseen) => `보이는 픽셀: ${seen}개. 수용 영역 안이지만 보이지 않는 픽셀: ${unseen}개.`,
  stackAllSeen: '수용 영역 안의 모든 픽셀이 출력에 닿습니다.',
  stackAria: (field, seen, unseen) =>
    `가운데 출력 뉴런의 입력 기울기: 수용 영역 ${field}×${field}, 보이는 픽셀 ${seen}개, 보이지 않는 픽셀 ${unseen}개`,
  refused: '입력이 이렇게 작으면 엔진이 이 층들을 거부합니다.',
  legendSeen: '보임',
  legendUnseen: '보이지 않음',
  legendOutside: '수용 영역 밖',
};
