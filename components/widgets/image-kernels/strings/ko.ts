/**
 * Lesson 10's kernel lab in Korean, written for Korean readers. TypeScript checks that
 * the keys are exactly those of the English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import type { KernelLabStrings } from './en.ts';

export const ko: KernelLabStrings = {
  title: '커널 실험실: 실제 사진에 손으로 정한 필터 적용하기',
  caption:
    '이미지와 커널을 고르거나 가중치를 직접 입력하세요. 엔진이 워커에서 이미지를 합성곱합니다. 컬러(채널마다 같은 커널 한 벌)로도, 회색조로도 계산합니다. 필터를 거친 이미지 위에 마우스를 올리거나, 포커스를 두고 화살표 키를 누르면 출력 픽셀 하나의 계산 과정이 보입니다.',
  rejected: (keys) => `주소에 이 실험실이 쓸 수 없는 값이 있어(${keys}) 기본값을 대신 씁니다.`,
  engineMessage: '엔진의 메시지:',

  source: '이미지',
  photos: { astronaut: '우주비행사', camera: '카메라맨', chelsea: '고양이', coffee: '커피' },
  ownPicture: '내 이미지',
  choose: '이미지 파일 고르기',
  dropHint: '또는 여기에 끌어다 놓거나 붙여 넣으세요(Ctrl+V).',
  camera: '카메라 켜기(실시간 영상)',
  liveGroup: '실시간 카메라',
  livePause: '일시 정지',
  livePlay: '재생',
  liveStill: '정지 화면 찍기',
  liveStop: '카메라 끄기',
  liveStatus: (w, h, fps) =>
    fps === null ? `실시간 카메라(${w}×${h})가 일시 정지되었습니다.` : `실시간 카메라(${w}×${h}): 1초에 ${fps}프레임을 필터링합니다.`,
  cameraBusy: '카메라를 기다리는 중입니다…',
  scaled: (w, h, ow, oh) => `내 이미지(${ow}×${oh})를 실험실에서 쓰도록 ${w}×${h} 크기로 줄였습니다.`,
  loading: '이미지를 불러오는 중입니다…',

  badSvg: 'SVG 도면은 받지 않습니다. 사진(PNG, JPEG, WebP, GIF)을 고르세요. 실험실은 원래 이미지를 그대로 둡니다.',
  badType: (name) => `“${name}” 파일은 이미지 파일이 아닙니다. 실험실은 원래 이미지를 그대로 둡니다.`,
  badCorrupt: (name) => `“${name}” 파일을 이미지로 읽을 수 없습니다(파일이 손상되었을 수 있습니다). 실험실은 원래 이미지를 그대로 둡니다.`,
  badLarge: (w, h, limit) =>
    `이 이미지는 ${w}×${h} 크기로, ${limit}메가픽셀을 넘어 여기서 열기에는 너무 큽니다. 먼저 크기를 줄이세요. 실험실은 원래 이미지를 그대로 둡니다.`,
  cameraDenied: '카메라 사용이 거부되어 실험실은 원래 이미지를 그대로 둡니다. 다시 해 보려면 브라우저의 사이트 설정에서 카메라를 허용하세요.',
  cameraMissing: '이 브라우저에서는 카메라를 열 수 없습니다. 사진과 내 파일로는 실험실이 똑같이 동작합니다.',

  preset: '커널',
  presets: {
    identity: '항등',
    outline: '윤곽선(에지)',
    'sobel-x': '소벨 x',
    'sobel-y': '소벨 y',
    emboss: '엠보싱',
    sharpen: '선명하게',
    'box-blur': '박스 블러',
    'gaussian-blur': '가우시안 블러',
    custom: '직접 만든 커널',
  },
  direction: '엠보싱 방향',
  directions: { n: '북', ne: '북동', e: '동', se: '남동', s: '남', sw: '남서', w: '서', nw: '북서' },
  size: '커널 크기',
  sizeOption: (n) => `${n}×${n}`,
  weightsLegend: '가중치(하나라도 고치면 직접 만든 커널이 됩니다)',
  weight: (r, c) => `가중치, ${r}행 ${c}열`,
  weightRule: (lo, hi) => `${lo}부터 ${hi}까지의 수를 넣으세요.`,
  divisor: '모든 가중치를 나눌 수',
  divisorRule: (lo, hi) => `${lo}부터 ${hi}까지의 정수를 넣으세요.`,

  mode: '채널',
  modes: { colour: '컬러(채널마다)', gray: '회색조' },
  stride: '스트라이드',
  padding: '패딩',
  paddingMode: '패딩 방식',
  paddingModes: { zeros: 'zeros(0으로 채움)', reflect: 'reflect(반사)', replicate: 'replicate(가장자리 복제)', circular: 'circular(순환)' },
  dilation: '팽창',

  inputLabel: (w, h) => `입력 이미지, ${w}×${h}`,
  outputLabel: (w, h) => `필터를 거친 이미지, ${w}×${h}. 화살표 키로 살펴볼 픽셀을 옮깁니다.`,
  inputHeading: '입력',
  outputHeading: '출력',
  sizes: (w, h, ow, oh) => `입력 ${w}×${h}, 출력 ${ow}×${oh}`,
  timing: (ms) => `워커가 ${ms}ms 걸렸습니다.`,
  working: '필터를 적용하는 중입니다…',
  refused: '이 이미지에는 엔진이 이 설정을 거부합니다.',
  workerFailed: '필터를 계산하는 워커가 멈췄습니다. 설정을 하나 바꾸면 다시 시작합니다.',

  inspect: (row, col) => `출력 픽셀: ${row}행 ${col}열`,
  inspectHint: '출력 위에 마우스를 올리거나, 포커스를 두고 화살표 키를 누르세요.',
  channel: '보여 줄 채널',
  channels: { 0: '빨강', 1: '초록', 2: '파랑' },
  grayChannel: '회색(휘도)',
  windowCaption: '칸마다: 탭 아래 입력값 × 가중치',
  padCell: '패딩',
  sumLine: (terms, sum) => `곱 ${terms}개의 합: ${sum}`,
  sumDivided: (terms, sum, divisor, result) => `곱 ${terms}개의 합: ${sum}. 이를 ${josa(divisor, '(으)로')} 나누면: ${result}`,
  engineLine: (value, shown, lo, hi) => `엔진의 출력: ${value}. ${lo}…${hi} 범위로 잘라 ${josa(shown, '(으)로')} 보여 줍니다.`,

  learnedHeading: '신경망이 학습한 필터',
  learnedNote:
    '합성곱 신경망을 학습하는 강의에서 직접 학습하고 저장한 모델의 첫 계층을 이 브라우저의 저장소에서 읽어 옵니다. 밝을수록 양수, 어두울수록 음수 가중치입니다. 필터를 고르면 회색조 이미지에 적용합니다.',
  learnedOpen: '저장한 모델의 필터 보기',
  learnedNone: '이 브라우저에 저장한 모델이 아직 없습니다. 합성곱 신경망을 학습하는 강의에서 모델을 학습해 저장한 뒤 다시 오세요.',
  learnedFailed: (message) => `저장한 모델을 읽을 수 없습니다: ${message}`,
  learnedModel: '저장한 모델',
  learnedSummary: (count, size, channels) => `입력 채널 ${channels}개에 대한 ${size}×${size} 필터 ${count}개입니다.`,
  learnedUse: (i) => `학습한 필터 ${i}번을 커널로 쓰기`,
};
