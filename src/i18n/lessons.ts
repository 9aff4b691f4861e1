/**
 * The course path: all seventeen lessons in teaching order, in both languages.
 *
 * This list is the single source of truth for order and slugs. A lesson's MDX file may
 * exist or not yet; the site shows missing ones as "coming soon" instead of linking to a
 * page that does not exist. The build refuses MDX whose slug or order disagrees with
 * this list (see `src/site/lesson-checks.ts`).
 */

/** The languages the site is written in. English first: it is the fallback. */
export const locales = ['en', 'ko'] as const;

/** One of the site's languages. */
export type Locale = (typeof locales)[number];

/** Type guard for route parameters and stored preferences. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A lesson's place in the course, independent of whether its text exists yet. */
export interface CatalogLesson {
  /** Position in the course, 1-based. */
  readonly order: number;
  /** URL segment and MDX file name (`content/lessons/<locale>/<slug>.mdx`). */
  readonly slug: string;
  /** Short title per language, used where the lesson's own frontmatter is not available. */
  readonly title: Readonly<Record<Locale, string>>;
}

/** Every lesson of the course, in order. */
export const catalog: readonly CatalogLesson[] = [
  { order: 1, slug: 'why-convolutions', title: { en: 'Why convolutions?', ko: '왜 합성곱인가' } },
  { order: 2, slug: 'convolution', title: { en: 'The convolution operation', ko: '합성곱 연산' } },
  {
    order: 3,
    slug: 'receptive-fields',
    title: { en: 'Local connections and receptive fields', ko: '국소 연결과 수용 영역' },
  },
  { order: 4, slug: 'output-size', title: { en: 'Output size', ko: '출력 크기 계산' } },
  { order: 5, slug: 'padding', title: { en: 'Padding', ko: '패딩' } },
  { order: 6, slug: 'stride', title: { en: 'Stride', ko: '스트라이드' } },
  { order: 7, slug: 'dilation', title: { en: 'Dilation', ko: '팽창(dilation)' } },
  { order: 8, slug: 'channels', title: { en: 'Channels and groups', ko: '채널과 그룹' } },
  { order: 9, slug: 'activations', title: { en: 'Activation functions', ko: '활성화 함수' } },
  { order: 10, slug: 'image-kernels', title: { en: 'Image kernels', ko: '이미지 커널' } },
  { order: 11, slug: 'pooling', title: { en: 'Pooling', ko: '풀링' } },
  {
    order: 12,
    slug: 'fully-connected',
    title: { en: 'Fully connected layers', ko: '완전 연결 계층과 전체 구조' },
  },
  {
    order: 13,
    slug: 'training',
    title: { en: 'Training in the browser', ko: '브라우저에서 학습시키기' },
  },
  { order: 14, slug: 'lenet-5', title: { en: 'LeNet-5', ko: 'LeNet-5' } },
  { order: 15, slug: 'alexnet', title: { en: 'AlexNet', ko: 'AlexNet' } },
  { order: 16, slug: 'vgg', title: { en: 'VGG', ko: 'VGG' } },
  { order: 17, slug: 'resnet', title: { en: 'ResNet', ko: 'ResNet' } },
];

/** The catalog entry for a slug, or undefined when the slug is not part of the course. */
export function catalogEntry(slug: string): CatalogLesson | undefined {
  return catalog.find((lesson) => lesson.slug === slug);
}

/** Site-relative URL of a lesson page. Trailing slash: pages are built as directories. */
export function lessonPath(lang: Locale, slug: string): string {
  return `/${lang}/lessons/${slug}/`;
}
