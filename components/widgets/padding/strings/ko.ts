/**
 * Lesson 5's widgets in Korean, written for Korean readers. TypeScript checks that
 * the keys are exactly those of the English file.
 */
import { SAME_INPUT } from '../model.ts';
import type { PaddingStrings } from './en.ts';

export const ko: PaddingStrings = {
  modes: { zeros: 'zeros (0 채우기)', reflect: 'reflect (반사)', replicate: 'replicate (복제)', circular: 'circular (순환)' },
  modeRules: {
    zeros: '테두리를 0으로 채웁니다',
    reflect: '가장자리를 빼고 거울처럼 뒤집어 붙입니다',
    replicate: '가장자리 픽셀을 그대로 반복합니다',
    circular: '반대편 가장자리로 돌아가 이어 붙입니다',
  },
  engineMessage: '엔진의 메시지:',
  rejected: (keys) => `주소에 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 보여 줍니다.`,

  explorerTitle: '모든 패딩 모드를 나란히',
  explorerCaption:
    '패딩의 양을 고르세요. 엔진이 숫자 격자와 사진에 PyTorch의 패딩 모드마다 패딩을 넣고, 크기가 유지될 만큼 넓은 창으로 각 픽셀을 이웃과 평균합니다.',
  amountLabel: '한쪽에 넣는 패딩',
  amountHint: (kernel) => `평균을 내는 창은 ${kernel}×${kernel} 크기이므로 출력은 입력과 크기가 같습니다.`,
  gridHeading: '숫자 격자',
  photoHeading: '사진',
  photoLabel: '사진 고르기',
  photos: { camera: '카메라를 든 사람', astronaut: '우주비행사', chelsea: '고양이', coffee: '커피' },
  paddedLabel: (side) => `패딩을 넣은 입력, ${side}×${side}`,
  outputLabel: (side) => `출력, ${side}×${side}`,
  refused: (mode) => `엔진은 이만큼 넓은 ${mode} 패딩을 거부합니다.`,
  gridAria: (what, mode, side, firstRow) => `${what}, ${mode} 패딩, ${side}×${side}, 첫 줄: ${firstRow}`,
  photoAria: (what, mode, side) => `${what}, ${mode} 패딩, ${side}×${side} 픽셀 사진`,
  paddedWord: '패딩을 넣은 입력',
  outputWord: '출력',
  photoLoading: '사진을 불러오는 중입니다…',
  photoFailed: '사진을 불러오지 못했습니다. 위의 숫자 격자에서 같은 패딩을 볼 수 있습니다.',

  countsTitle: '픽셀마다 몇 개의 창이 읽는가',
  countsCaption:
    '각 칸의 숫자는 스트라이드 1인 창이 그 입력 픽셀을 덮는 위치의 개수입니다. 패딩이 없을 때와 제로 패딩을 넣었을 때를 나란히 보여 주며, 엔진이 역전파로 셉니다.',
  countsSize: '입력 크기',
  countsKernel: '커널 크기',
  countsPadding: '패딩',
  countsWithout: '패딩 없음',
  countsWith: (padding) => `제로 패딩 ${padding}`,
  countsSummary: (corner, centre) => `모서리: ${corner}, 가장 많이 읽히는 픽셀: ${centre}`,
  countsAria: (heading, side, corner, centre) =>
    `${heading}: ${side}×${side} 입력에서 픽셀마다 읽는 창의 개수, 모서리 ${corner}, 가장 많이 읽히는 픽셀 ${centre}`,

  sameTitle: "padding='same'은 픽셀을 어디에 넣는가",
  sameCaption: `엔진이 폭 ${SAME_INPUT}픽셀의 입력에 padding='same'을 적용할 때의 패딩을 구하고 실제로 합성곱을 실행합니다. 높이와 너비는 같은 방식으로 나뉘므로 한 줄만 그립니다.`,
  sameKernel: '커널 크기',
  sameDilation: '팽창(dilation)',
  sameStride: '스트라이드',
  sameSplit: (before, after) => `앞(위, 왼쪽)에 ${before}, 뒤(아래, 오른쪽)에 ${after}`,
  sameExtra: '합이 홀수이므로 남는 한 픽셀은 뒤쪽, 즉 아래와 오른쪽에 들어갑니다.',
  sameEven: '합이 짝수이므로 양쪽에 똑같이 들어갑니다.',
  sameShape: (shape) => `엔진의 출력 모양: [${shape}], 입력과 크기가 같습니다.`,
  sameRefused: "padding='same'은 스트라이드가 1일 때만 쓸 수 있습니다.",
  sameAria: (input, before, after) => `한 줄: 패딩 ${before}칸, 입력 ${input}칸, 패딩 ${after}칸`,
  legendInput: '입력',
  legendPadding: '패딩',
  legendExtra: '남는 한 픽셀',
};
