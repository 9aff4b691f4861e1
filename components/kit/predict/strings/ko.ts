/** 먼저 예측하기 모드의 한국어 문구. 키는 영어 파일과 같아야 합니다. */
import type { PredictStrings } from './en.ts';

export const ko: PredictStrings = {
  toggle: '먼저 예측하기',
  toggleHint: '엔진이 답을 보여 주기 전에 예측값을 입력합니다.',
  heading: '내 예측',
  reveal: '예측 확인하기',
  skip: '그냥 보기',
  notANumber: (label: string) => `${label}: 숫자를 입력하세요("그냥 보기"를 눌러도 됩니다).`,
  right: (label: string, value: string) => `${label}: 예측 ${value}, 엔진의 답과 같습니다.`,
  wrong: (label: string, typed: string, value: string) => `${label}: 예측 ${typed}, 엔진의 답 ${value}.`,
  skipped: '예측하지 않고 답을 보았습니다.',
  score: (right: number, total: number) => `${total}개 중 ${right}개를 맞혔습니다.`,
};
