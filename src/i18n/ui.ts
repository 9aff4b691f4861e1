/**
 * Interface text of the site chrome in both languages.
 *
 * Each language is written on its own terms (Korean is not a word-for-word rendering of
 * the English), so keys name a purpose, not an English sentence. Widgets keep their own
 * strings next to their code; this file is only for what the layouts and pages show.
 */
import type { Locale } from './lessons.ts';

/** Every string the site chrome needs; TypeScript makes both languages complete. */
export interface UiStrings {
  /** Name of the language in that language, for the switch. */
  readonly languageName: string;
  readonly siteTagline: string;
  readonly skipToContent: string;
  readonly mainNavigation: string;
  readonly lessonsMenu: string;
  readonly closeMenu: string;
  readonly search: string;
  /** Header link to the network explorer. */
  readonly explorer: string;
  readonly closeSearch: string;
  /** Label of the search field. */
  readonly searchField: string;
  readonly searching: string;
  /** `count` and `query` may be placeholders ('{count}', '{query}') that the dialog's script fills in. */
  readonly searchResults: (count: number | string, query: string) => string;
  readonly searchOneResult: (query: string) => string;
  readonly searchNoResults: (query: string) => string;
  readonly searchFailed: string;
  readonly darkTheme: string;
  readonly switchLanguage: string;
  readonly onThisPage: string;
  readonly previousLesson: string;
  readonly nextLesson: string;
  readonly markDone: string;
  readonly lessonDone: string;
  readonly comingSoon: string;
  readonly doneBadge: string;
  readonly lessonNumber: (order: number) => string;
  readonly objectivesHeading: string;
  readonly updated: string;
  readonly home: string;
  readonly about: string;
  /** Link to the instructor's assignment builder. */
  readonly forInstructors: string;
  readonly forInstructorsIntro: string;
  readonly homeTitle: string;
  readonly homeIntro: readonly string[];
  readonly pathHeading: string;
  readonly startCourse: string;
  readonly continueLesson: (title: string) => string;
  /** `done` may be a placeholder such as '{done}' that a page script fills in. */
  readonly progressSummary: (done: number | string, total: number) => string;
  readonly allDone: string;
  readonly footerNote: string;
  readonly aboutTitle: string;
  readonly aboutIntro: readonly string[];
  readonly creditsHeading: string;
  readonly imageCreditsIntro: string;
  readonly softwareHeading: string;
  readonly softwareIntro: string;
  readonly chooseLanguage: string;
}

const en: UiStrings = {
  languageName: 'English',
  siteTagline: 'Convolutional networks, taken apart in your browser',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  lessonsMenu: 'Lessons',
  closeMenu: 'Close lessons menu',
  search: 'Search',
  explorer: 'Explorer',
  closeSearch: 'Close search',
  searchField: 'Search the lessons',
  searching: 'Searching…',
  searchResults: (count, query) => `${count} lessons mention “${query}”`,
  searchOneResult: (query) => `1 lesson mentions “${query}”`,
  searchNoResults: (query) => `No lesson mentions “${query}”. Try another word or a shorter one.`,
  searchFailed: 'Search could not be loaded. Reload the page to try again.',
  darkTheme: 'Dark theme',
  switchLanguage: 'Read this page in Korean',
  onThisPage: 'On this page',
  previousLesson: 'Previous',
  nextLesson: 'Next',
  markDone: 'Mark lesson as done',
  lessonDone: 'Lesson done',
  comingSoon: 'coming soon',
  doneBadge: 'done',
  lessonNumber: (order) => `Lesson ${order}`,
  objectivesHeading: 'In this lesson you will',
  updated: 'Updated',
  home: 'Home',
  about: 'About and credits',
  forInstructors: 'For instructors',
  forInstructorsIntro: 'Instructors can make assignments from the exercises, print sheets and answer keys, and grade the files students hand in, all in the browser.',
  homeTitle: 'Learn convolutional networks by changing them',
  homeIntro: [
    'ConvLab is a course on convolutional neural networks in which every number is live. ' +
      'A small tensor engine with the same operations as PyTorch runs in this page, so the ' +
      'feature maps, output sizes and training curves you see are computed as you read, ' +
      'and you can change the kernel, the stride or the padding and watch what follows.',
    'We start with why an ordinary network is thrown by a picture moved two pixels to the ' +
      'left, take convolution apart one setting at a time, and end by building and training ' +
      'LeNet-5, AlexNet, VGG and ResNet at a size your laptop can manage. No installation ' +
      'and no account: your progress stays on this device.',
  ],
  pathHeading: 'The path',
  startCourse: 'Start with lesson 1',
  continueLesson: (title) => `Continue: ${title}`,
  progressSummary: (done, total) => `${done} of ${total} lessons done`,
  allDone: 'You have finished every lesson. Well done!',
  footerNote: 'ConvLab: an open course on convolutional networks.',
  aboutTitle: 'About ConvLab',
  aboutIntro: [
    'ConvLab follows the classic lecture path on convolutional networks, from the ' +
      'convolution itself to ResNet, in English and Korean.',
    'Everything the lessons compute runs on ConvLab’s own TypeScript tensor engine, which ' +
      'follows PyTorch’s semantics so that what you learn here carries over directly.',
  ],
  creditsHeading: 'Image credits',
  imageCreditsIntro:
    'The site carries these photographs from the sample data of scikit-image, for ' +
    'lessons on image filters that are not written yet; no lesson shows them so far. ' +
    'Their licences:',
  softwareHeading: 'Built with',
  softwareIntro:
    'Astro, MDX, Preact, KaTeX, Observable Plot and Pagefind, all open source.',
  chooseLanguage: 'Choose a language',
};

const ko: UiStrings = {
  languageName: '한국어',
  siteTagline: '브라우저에서 직접 뜯어 보는 합성곱 신경망',
  skipToContent: '본문으로 건너뛰기',
  mainNavigation: '주 메뉴',
  lessonsMenu: '강의 목록',
  closeMenu: '강의 목록 닫기',
  search: '검색',
  explorer: '탐색기',
  closeSearch: '검색 닫기',
  searchField: '강의 검색',
  searching: '찾는 중…',
  searchResults: (count, query) => `“${query}”: 강의 ${count}개에서 찾았습니다`,
  searchOneResult: (query) => `“${query}”: 강의 1개에서 찾았습니다`,
  searchNoResults: (query) => `“${query}”: 찾은 강의가 없습니다. 다른 낱말이나 더 짧은 낱말로 찾아 보세요.`,
  searchFailed: '검색을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 해 보세요.',
  darkTheme: '어두운 테마',
  switchLanguage: '이 페이지를 영어로 보기',
  onThisPage: '이 페이지의 내용',
  previousLesson: '이전 강의',
  nextLesson: '다음 강의',
  markDone: '이 강의를 다 읽었습니다',
  lessonDone: '다 읽은 강의',
  comingSoon: '준비 중',
  doneBadge: '완료',
  lessonNumber: (order) => `${order}강`,
  objectivesHeading: '이번 강의에서 배울 내용',
  updated: '최종 수정',
  home: '처음으로',
  about: '소개와 출처',
  forInstructors: '강사용',
  forInstructorsIntro: '강사는 문제로 과제를 만들고, 문제지와 답안을 인쇄하고, 학생이 제출한 파일을 채점할 수 있습니다. 모두 브라우저 안에서 합니다.',
  homeTitle: '직접 바꿔 보며 익히는 합성곱 신경망',
  homeIntro: [
    'ConvLab은 화면의 모든 숫자가 살아 움직이는 합성곱 신경망 강좌입니다. PyTorch와 같은 ' +
      '연산을 갖춘 작은 텐서 엔진이 이 페이지 안에서 돌아가기 때문에, 특징 맵이나 출력 크기, ' +
      '학습 곡선이 읽는 그 자리에서 계산됩니다. 커널이나 스트라이드, 패딩을 바꾸면 결과가 ' +
      '어떻게 달라지는지 바로 확인할 수 있습니다.',
    '이미지를 두 칸만 옮겨도 평범한 신경망이 왜 헷갈리는지에서 출발해, 합성곱을 설정 하나씩 ' +
      '나누어 살펴보고, 마지막에는 LeNet-5, AlexNet, VGG, ResNet을 노트북으로 감당할 만한 ' +
      '크기로 직접 만들어 학습시킵니다. 설치도 회원 가입도 필요 없고, 진도는 이 기기에만 ' +
      '저장됩니다.',
  ],
  pathHeading: '강의 순서',
  startCourse: '1강부터 시작하기',
  continueLesson: (title) => `이어서 보기: ${title}`,
  progressSummary: (done, total) => `전체 ${total}강 중 ${done}강 완료`,
  allDone: '모든 강의를 마쳤습니다. 수고 많으셨습니다!',
  footerNote: 'ConvLab: 누구나 볼 수 있는 합성곱 신경망 강좌',
  aboutTitle: 'ConvLab 소개',
  aboutIntro: [
    'ConvLab은 합성곱 연산부터 ResNet까지, 합성곱 신경망을 다루는 고전적인 강의 흐름을 ' +
      '영어와 한국어로 따라갑니다.',
    '강의에 나오는 모든 계산은 ConvLab이 직접 만든 TypeScript 텐서 엔진에서 돌아갑니다. ' +
      '이 엔진은 PyTorch와 똑같이 동작하도록 만들어서, 여기서 익힌 내용을 PyTorch에 그대로 ' +
      '옮겨 쓸 수 있습니다.',
  ],
  creditsHeading: '이미지 출처',
  imageCreditsIntro:
    '이 사이트에는 아직 쓰지 않은 이미지 필터 강의를 위해 scikit-image 예제 데이터의 사진이 ' +
    '들어 있습니다. 지금은 어느 강의에도 나오지 않습니다. 라이선스는 다음과 같습니다.',
  softwareHeading: '사용한 도구',
  softwareIntro: 'Astro, MDX, Preact, KaTeX, Observable Plot, Pagefind (모두 오픈 소스)',
  chooseLanguage: '언어를 고르세요',
};

/** Interface strings, by language. */
export const ui: Readonly<Record<Locale, UiStrings>> = { en, ko };

/** The other language: where the language switch leads. */
export function otherLocale(lang: Locale): Locale {
  return lang === 'en' ? 'ko' : 'en';
}
