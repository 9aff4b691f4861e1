/**
 * Image credits shown on the about page. The photographs come with the course's shared
 * material (scikit-image sample data, as packaged by Debian); each entry states what the
 * picture shows and its licence, in both languages.
 */
import type { Locale } from '../i18n/lessons.ts';

/** One credited picture. */
export interface ImageCredit {
  /** File name under public/images/. */
  readonly file: string;
  readonly subject: Readonly<Record<Locale, string>>;
  readonly licence: Readonly<Record<Locale, string>>;
}

/** Every third-party picture the site shows. */
export const imageCredits: readonly ImageCredit[] = [
  {
    file: 'astronaut.png',
    subject: { en: 'Astronaut Eileen Collins', ko: '우주비행사 아일린 콜린스' },
    licence: {
      en: 'NASA, public domain (no known copyright restrictions)',
      ko: 'NASA, 퍼블릭 도메인 (알려진 저작권 제한 없음)',
    },
  },
  {
    file: 'camera.png',
    subject: { en: 'Man with a camera (greyscale)', ko: '카메라를 든 사람 (흑백)' },
    licence: { en: 'CC0, photographer Lav Varshney', ko: 'CC0, 사진 Lav Varshney' },
  },
  {
    file: 'chelsea.png',
    subject: { en: 'Chelsea the cat', ko: '고양이 첼시' },
    licence: { en: 'CC0, photographer Stefan van der Walt', ko: 'CC0, 사진 Stefan van der Walt' },
  },
  {
    file: 'coffee.png',
    subject: { en: 'A cup of coffee', ko: '커피 한 잔' },
    licence: { en: 'CC0, photographer Rachel Michetti', ko: 'CC0, 사진 Rachel Michetti' },
  },
];
