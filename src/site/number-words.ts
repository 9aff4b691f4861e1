/**
 * Numbers typed into prose, in digits or in words, in English and Korean.
 *
 * A lesson's numbers come from the engine; the prose may type a number only when the
 * lesson's numbers module allows it (`allowedNumbers`, see {@link AllowedNumber}).
 * This module finds the candidates. It errs on the side of the reader: "ten times
 * larger" and "열 배" are numbers just as "10" is. It leaves out what is not a
 * quantity: digits inside names (LeNet-5, CS231n, C1, 2D), "one" and "zero" (English
 * uses them as pronouns and in "zero padding"), 한/하나/첫 likewise, ordinals ("third
 * layer", 두 번째), and "both"/둘 다.
 *
 * Korean needs care because the numerals are also words: 열 is "ten" but also a column
 * and the stem of 열다 (open); 세 is "three" and the stem of 세다; 백 starts 백엔드. So a
 * native numeral that is also a word counts only before a counter (개, 번, 장, 칸, 층,
 * 가지...) and Sino-Korean 백/천/만 only next to digits, before a counter, or after
 * 수/몇 ("수백만", "몇백": vague amounts, which no allow-list can excuse).
 */

import type { AllowList, AllowedNumber } from '../i18n/allowed-numbers.ts';

export type { AllowList, AllowedNumber };

/** A number found in a piece of text. */
export interface FoundNumber {
  /** The text as written: "28", "ten", "열 배", "수백만". */
  readonly text: string;
  /** Its value; NaN for a vague amount ("thousands", "몇백"). */
  readonly value: number;
  /** Offset of `text` in the searched string. */
  readonly index: number;
}

const EN_UNITS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, twice: 2, thrice: 3,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** "one" and "a" only count inside a longer number ("one hundred", "a thousand"). */
const EN_LEAD: Record<string, number> = { one: 1, a: 1, an: 1 };

const EN_WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/g;

/** English number words and phrases in `text`: "ten", "twenty-five", "a hundred", "thousands". */
function englishWords(text: string): FoundNumber[] {
  const words = [...text.matchAll(EN_WORD)].map((m) => ({ word: m[0], index: m.index }));
  const found: FoundNumber[] = [];
  for (let i = 0; i < words.length; i++) {
    const parts = words[i]!.word.toLowerCase().split('-');
    const isNumberPart = (w: string) => w in EN_UNITS || w in EN_SCALES || /^(hundreds|thousands|millions|billions|dozens)$/.test(w);
    if (!parts.every(isNumberPart) && !(words[i]!.word.toLowerCase() in EN_LEAD)) continue;
    // Gather a run: "two hundred", "a thousand", "twenty-five thousand".
    let j = i;
    const run: string[] = [];
    while (j < words.length) {
      const w = words[j]!.word.toLowerCase();
      const between = j > i ? text.slice(words[j - 1]!.index + words[j - 1]!.word.length, words[j]!.index) : '';
      if (j > i && !/^\s+(and\s+)?$/.test(between)) break;
      const wordParts = w.split('-');
      if (wordParts.every(isNumberPart) || (j === i && w in EN_LEAD)) {
        run.push(...wordParts);
        j++;
      } else break;
    }
    if (run.every((w) => w in EN_LEAD)) continue; // a plain "one", "a", "an"
    const start = words[i]!.index;
    const last = words[j - 1]!;
    const phrase = text.slice(start, last.index + last.word.length);
    const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
    const vague = run.some((w) => /^(hundreds|thousands|millions|billions|dozens)$/.test(w)) || /\b(few|several|many)\s+$/.test(before);
    found.push({ text: phrase, value: vague ? Number.NaN : combineEnglish(run), index: start });
    i = j - 1;
  }
  return found;
}

function combineEnglish(run: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const w of run) {
    if (w in EN_LEAD) current += 1;
    else if (w in EN_UNITS) current += EN_UNITS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w]!;
      current = 0;
    }
  }
  return total + current;
}

/** Native Korean numerals that mean nothing else. */
const KO_NATIVE_ONLY: Record<string, number> = {
  다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 스물: 20, 스무: 20, 서른: 30, 마흔: 40,
  쉰: 50, 예순: 60, 일흔: 70, 여든: 80, 아흔: 90,
};
/** Native numerals that are also other words (a stem, "yes", "column"). */
const KO_NATIVE_SHARED: Record<string, number> = { 두: 2, 세: 3, 네: 4, 열: 10, 둘: 2, 셋: 3, 넷: 4 };
/** Units after 열/스물/...: 열두, 스물다섯. */
const KO_NATIVE_UNITS: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 하나: 1, 둘: 2, 셋: 3, 넷: 4 };
const KO_SINO: Record<string, number> = { 십: 10, 백: 100, 천: 1000, 만: 1e4, 억: 1e8 };

/** Words that count things; a numeral that is also another word counts only before one of these. */
const KO_COUNTERS =
  '개|번(?!째)|장|칸|층|가지|곳|군데|줄|쌍|배|명|획|종류|방향|채널|단계|바퀴|걸음|조각|덩어리|묶음|스텝|에폭|픽셀|년|살|권|마리|점|차례|쪽|행|열|원|초|분|시간|자리|부분|뉴런|필터|세포|신경망|곡선|숫자|계층|입력|출력';

const KO_NATIVE_PATTERN =
  /(?<![가-힣\d\uE000-\uE00F])(?:(?<tens>열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(?<unit>한|두|세|네|다섯|여섯|일곱|여덟|아홉|하나|둘|셋|넷)?|(?<alone>다섯|여섯|일곱|여덟|아홉|한|하나|두|세|네|둘|셋|넷))(?<particle>(?<=[둘셋넷])(?:을|은|이|의|과|로|에|도))?(?![가-힣])/g;

/** Korean numerals in words: 열 배, 다섯 개, 두 번, 스물다섯, 수백만, 백여 스텝. */
function koreanWords(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  // The counter must end there or take a particle: 열 배로, 다섯 개씩, but not 열 분석.
  const counterAfter = new RegExp(`^\\s*(?:${KO_COUNTERS})(?:[의이가은는을를에도만씩로과와으짜]|[^가-힣]|$)`);
  const ordinalAfter = /^\s*(?:번째|째)/;
  for (const m of text.matchAll(KO_NATIVE_PATTERN)) {
    const { tens, unit, alone, particle } = m.groups as Record<string, string | undefined>;
    const word = m[0].slice(0, m[0].length - (particle?.length ?? 0));
    const after = text.slice(m.index + m[0].length);
    if (ordinalAfter.test(after)) continue;
    if (alone === '한' || alone === '하나') continue; // "one": an article or pronoun as often as a count
    let value: number;
    if (tens) value = (KO_NATIVE_ONLY[tens] ?? KO_NATIVE_SHARED[tens]!) + (unit ? KO_NATIVE_UNITS[unit]! : 0);
    else value = KO_NATIVE_ONLY[alone!] ?? KO_NATIVE_SHARED[alone!]!;
    if (alone === '둘' || alone === '셋' || alone === '넷') {
      // "둘 다", "둘 모두": both, not a count.
      if (!particle && /^\s*(다|모두)(?![가-힣])/.test(after)) continue;
    } else if (alone === '두' || alone === '세' || alone === '네') {
      // A determiner before a noun (두 신경망, 세 채널, 네 방향); 세 and 네 alone are other words.
      if (!/^\s+[가-힣]/.test(after)) continue;
    } else if (tens === '열' && !unit && !counterAfter.test(after)) {
      continue; // 열 is also a column and the stem of 열다
    }
    found.push({ text: word, value, index: m.index });
  }
  // Sino-Korean powers of ten standing alone (after digits they are part of the digits'
  // number; after a computed value, {n}만, they are its unit).
  const sino = /(?<![가-힣\d,\uE000-\uE00F])(?<vague>수|몇)?(?<units>(?:십|백|천|만|억)+)(?<about>여)?/g;
  for (const m of text.matchAll(sino)) {
    const { vague, units, about } = m.groups as { vague?: string; units: string; about?: string };
    const after = text.slice(m.index + m[0].length);
    // 백엔드, 만큼, 천천히, 수만큼: a longer word (a particle may follow: 백을, 수천이).
    if (/^[가-힣]/.test(after) && !/^[의이가은는을를에도씩](?![가-힣])/.test(after)) continue;
    if (!vague && !about && !counterAfter.test(after)) continue;
    const value = vague || about ? Number.NaN : [...units].reduce((v, u) => v * KO_SINO[u]!, 1);
    found.push({ text: m[0], value, index: m.index });
  }
  return found;
}

/** Digits: 28, 1,205, 0.78, 1.5만. Digits inside a name (LeNet-5, C1, CS231n, 2D, x_1) are left out. */
function digits(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  // "2. Train": a numbered heading's number is its place in a list, not a quantity.
  const listNumber = /^\s*\d+\.\s/.exec(text);
  const pattern = /(?<![A-Za-z_\d.,]|[A-Za-z]-)(\d+(?:,\d{3})*(?:\.\d+)?)(?![A-Za-z_\d])(?<unit>만(?!큼)|억|천|백)?/g;
  for (const m of text.matchAll(pattern)) {
    if (listNumber && m.index < listNumber[0].length) continue;
    const number = Number(m[1]!.replace(/,/g, ''));
    const unit = m.groups?.unit;
    found.push({ text: m[0], value: unit ? number * KO_SINO[unit]! : number, index: m.index });
  }
  return found;
}

/** Every number typed into `text`, in digits or in words of `lang`, in order. */
export function findNumbers(text: string, lang: string): FoundNumber[] {
  const words = lang === 'ko' ? koreanWords(text) : englishWords(text);
  return [...digits(text), ...words].sort((a, b) => a.index - b.index);
}

/** Whether `number`, found in `text`, is excused by the allow-list. */
export function isAllowed(number: FoundNumber, text: string, allow: AllowList): boolean {
  for (const entry of allow) {
    if (entry.phrase !== undefined) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(entry.phrase, from);
        if (at < 0) break;
        if (number.index >= at && number.index + number.text.length <= at + entry.phrase.length) return true;
        from = at + 1;
      }
    } else if (entry.value !== undefined && !Number.isNaN(number.value) && Math.abs(number.value) === Math.abs(entry.value)) {
      return true;
    }
  }
  return false;
}
