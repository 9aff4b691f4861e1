/**
 * The engine-source panel's words in Korean. TypeScript checks that the keys are
 * exactly those of the English file.
 */
import type { EngineSourceStrings } from './en.ts';

export const ko: EngineSourceStrings = {
  summary: '엔진 코드 읽어 보기',
  from: '출처:',
  lines: (a, b) => `${a}–${b}번째 줄`,
  note: '이 페이지의 위젯이 실제로 실행하는 코드입니다. 사이트를 빌드할 때 파일에서 그대로 가져왔습니다.',
  wholeFile: (p) => `파일 전체 보기: ${p}`,
};
