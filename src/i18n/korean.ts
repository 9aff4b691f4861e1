/**
 * Korean particles after numbers the engine computes.
 *
 * A Korean particle changes with the sound that ends the word before it: 84라는 but
 * 28이라는, 32였습니다 but 28이었습니다, 1.00으로 but 0.78로. When the number is
 * computed, the particle cannot be typed by hand: it has to be chosen in code from the
 * way the number is read aloud. Numbers are read the Sino-Korean way (일, 이, 삼, ...),
 * whole numbers by their last spoken unit (10 십, 100 백, 1000 천, 10000 만, 10⁸ 억,
 * 10¹² 조), decimals digit by digit after the point (1.00 = 일 점 영영), fractions as
 * "b분의 a" (so 7/9 ends on 칠), and a trailing % as 퍼센트.
 *
 * In a Korean lesson: `{josa(n.depth.outputSide, '(이)라는')}` prints "28이라는", and
 * `{josa(m.f6Units, '(이)라는')}` prints "84라는".
 */

/** How a word ends, as far as particles care: in a vowel, in ㄹ, or in another consonant. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Index of ㄹ among the 28 possible final consonants (0 is "none"). */
const RIEUL = 8;

/** 영 일 이 삼 사 오 육 칠 팔 구: how each digit ends when read on its own. */
const DIGIT_SOUND: readonly FinalSound[] = [
  'consonant', // 영
  'rieul', // 일
  'vowel', // 이
  'consonant', // 삼
  'vowel', // 사
  'vowel', // 오
  'consonant', // 육
  'rieul', // 칠
  'rieul', // 팔
  'vowel', // 구
];

/** The last spoken unit of a whole number ending in `zeros` zeros: 십 백 천 만 억 조 경. */
function unitSound(zeros: number): FinalSound {
  if (zeros === 1) return 'consonant'; // 십
  if (zeros === 2) return 'consonant'; // 백
  if (zeros === 3) return 'consonant'; // 천
  if (zeros < 8) return 'consonant'; // 만 (만, 십만, 백만, 천만)
  if (zeros < 12) return 'consonant'; // 억
  if (zeros < 16) return 'vowel'; // 조
  return 'consonant'; // 경
}

/** The sound a Hangul syllable ends in. */
function syllableSound(char: string): FinalSound {
  const code = char.codePointAt(0)! - HANGUL_FIRST;
  const final = code % 28;
  if (final === 0) return 'vowel';
  return final === RIEUL ? 'rieul' : 'consonant';
}

function isHangulSyllable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
}

/** How a number written in digits ends when read aloud. */
function numberSound(digits: string): FinalSound {
  const fraction = /^(?<whole>[\d,]*)\.(?<decimals>\d+)$/.exec(digits);
  if (fraction) return DIGIT_SOUND[Number(fraction.groups!.decimals!.at(-1))]!;
  const whole = digits.replace(/,/g, '');
  if (/^0+$/.test(whole)) return DIGIT_SOUND[0]!;
  const zeros = whole.length - whole.replace(/0+$/, '').length;
  return zeros === 0 ? DIGIT_SOUND[Number(whole.at(-1))]! : unitSound(zeros);
}

/**
 * How `value` ends when read aloud in Korean. Accepts numbers and text ending in a
 * number (`'7×7'`, `'−0.11'`, `'61,706'`, `'7/9'`, `'98%'`) or in a Hangul syllable
 * (`'1,205만'`). Anything else throws, naming the value: a particle picked from a guess
 * would be wrong half the time.
 */
export function finalSound(value: string | number): FinalSound {
  const text = spokenEnd(String(value));
  const last = text.at(-1) ?? '';
  if (isHangulSyllable(last)) return syllableSound(last);
  if (last === '%') return 'vowel'; // 퍼센트
  // "b분의 a": a fraction is read ending on its numerator.
  const fraction = /(\d[\d,]*(?:\.\d+)?)\s*\/\s*\d[\d,]*$/.exec(text);
  if (fraction) return numberSound(fraction[1]!);
  const number = /\d[\d,]*(?:\.\d+)?$/.exec(text);
  if (number) return numberSound(number[0]);
  throw new Error(
    `josa: cannot tell how ${JSON.stringify(text)} ends when read in Korean; expected it to end in a digit, a %, or a Hangul syllable`,
  );
}

/**
 * The part of a text whose sound a particle follows: a particle after a parenthesis
 * or an arrow agrees with the word before it, as in 3번 층(합성곱)을 and 경계 ↘와.
 */
function spokenEnd(text: string): string {
  let rest = text.trimEnd();
  for (;;) {
    const before = rest;
    if (rest.endsWith(')')) {
      const open = rest.lastIndexOf('(');
      if (open > 0) rest = rest.slice(0, open).trimEnd();
    }
    rest = rest.replace(/[\s↘↗↙↖→←↑↓'"’”]+$/u, '');
    if (rest === before) return rest;
  }
}

/** First syllables of the form a particle takes after a consonant (이, 은, 을, 과, 아, 이었, 이에요...). */
const AFTER_CONSONANT = ['이', '은', '을', '과', '아', '으'];
/** First syllables of the form it takes after a vowel (가, 는, 를, 와, 야, 였, 예요...). */
const AFTER_VOWEL = ['가', '는', '를', '와', '야', '였', '예', '여', '로'];

/** The two forms of a particle spec: after a consonant, after a vowel, and whether ㄹ counts as a vowel. */
function parseSpec(spec: string): { consonant: string; vowel: string; rieulAsVowel: boolean } {
  const optional = /^\((으|이)\)(.+)$/.exec(spec);
  if (optional) {
    const [, extra, rest] = optional;
    if (extra === '으' && !rest!.startsWith('로')) {
      throw new Error(`josa: "(으)" only goes before 로 (as in '(으)로'), received ${JSON.stringify(spec)}`);
    }
    return { consonant: extra + rest!, vowel: rest!, rieulAsVowel: extra === '으' };
  }
  const pair = spec.split('/');
  if (pair.length === 2 && pair[0] && pair[1]) {
    const [a, b] = pair as [string, string];
    const consonantFirst = AFTER_CONSONANT.includes(a[0]!) && AFTER_VOWEL.includes(b[0]!);
    const vowelFirst = AFTER_VOWEL.includes(a[0]!) && AFTER_CONSONANT.includes(b[0]!);
    if (consonantFirst !== vowelFirst) {
      const [consonant, vowel] = consonantFirst ? [a, b] : [b, a];
      return { consonant, vowel, rieulAsVowel: consonant.startsWith('으로') };
    }
  }
  throw new Error(
    `josa: unknown particle ${JSON.stringify(spec)}; write both forms, e.g. '을/를', '이/가', '은/는', '과/와', '이었습니다/였습니다', or '(으)로', '(이)라는'`,
  );
}

/** The particle `spec` takes after `value`, without the value: particle(84, '(이)라는') is '라는'. */
export function particle(value: string | number, spec: string): string {
  const { consonant, vowel, rieulAsVowel } = parseSpec(spec);
  const sound = finalSound(value);
  if (sound === 'vowel' || (sound === 'rieul' && rieulAsVowel)) return vowel;
  return consonant;
}

/**
 * `value` followed by the right form of the particle: josa(84, '(이)라는') is '84라는',
 * josa(32, '이었습니다/였습니다') is '32였습니다', josa('1.00', '(으)로') is '1.00으로'.
 * Numbers print as JSX prints them (`String(value)`), so `{josa(n.x, '을/를')}` shows
 * the same digits as `{n.x}`.
 */
export function josa(value: string | number, spec: string): string {
  return `${String(value)}${particle(value, spec)}`;
}

/**
 * Particles that change with the sound before them, longest first, each with the
 * spec that chooses it. Used to check text where a number and a particle already stand
 * side by side (rendered pages, hand-typed numbers).
 */
const VARIABLE_PARTICLES: readonly (readonly [written: string, spec: string])[] = [
  ['이었', '이었/였'],
  ['였', '이었/였'],
  ['이라는', '(이)라는'],
  ['라는', '(이)라는'],
  ['이라고', '(이)라고'],
  ['라고', '(이)라고'],
  ['이라서', '(이)라서'],
  ['이라면', '(이)라면'],
  ['라면', '(이)라면'],
  ['라서', '(이)라서'],
  ['이에요', '이에요/예요'],
  ['예요', '이에요/예요'],
  ['이면', '(이)면'],
  ['이고', '(이)고'],
  ['이며', '(이)며'],
  ['이나', '(이)나'],
  ['이랑', '(이)랑'],
  ['으로', '(으)로'],
  ['로', '(으)로'],
  ['과', '과/와'],
  ['와', '과/와'],
  ['은', '은/는'],
  ['는', '은/는'],
  ['을', '을/를'],
  ['를', '을/를'],
  ['며', '(이)며'],
  ['면', '(이)면'],
  ['이', '이/가'],
  ['가', '이/가'],
];

/**
 * Words that start like a particle but are not one, when they follow a number directly:
 * 3가지 (kinds), 5가량 (about), 10이상 (or more), 2이하, 3이내, 1이후, 1면 (a page side).
 */
const NOT_A_PARTICLE = /^(가지|가량|이상|이하|이내|이후|이전|이래|면적|나머지|로그|이웃|가운데|는데)/;

/** The particle-like text right after a number, if any: its written form and spec. */
export function variableParticleAt(after: string): { written: string; spec: string } | undefined {
  if (NOT_A_PARTICLE.test(after)) return undefined;
  for (const [written, spec] of VARIABLE_PARTICLES) {
    if (after.startsWith(written)) return { written, spec };
  }
  return undefined;
}

/** A number followed by the wrong particle, as found in a text. */
export interface ParticleMistake {
  /** The number and the word after it as written, e.g. "84이라는". */
  readonly found: string;
  /** What they should read, e.g. "84라는". */
  readonly expected: string;
  /** Character offset in the text. */
  readonly index: number;
}

/**
 * Every number in `text` directly followed by a particle of the wrong form
 * ("84이라는", "3로", "32이었습니다"). Numbers written as part of a name (C1, LeNet-5)
 * are read the same way, so they are checked too.
 */
export function findParticleMistakes(text: string): ParticleMistake[] {
  const mistakes: ParticleMistake[] = [];
  const numberThenHangul = /(\d+(?:,\d{3})*(?:\.\d+)?(?:\s*\/\s*\d+(?:,\d{3})*)?%?)(?=[가-힣])/g;
  for (const match of text.matchAll(numberThenHangul)) {
    const number = match[1]!;
    const rest = text.slice(match.index + number.length);
    const found = variableParticleAt(rest);
    if (!found) continue;
    const right = particle(number, found.spec);
    if (found.written !== right) {
      const word = /^[가-힣]+/.exec(rest)![0];
      mistakes.push({
        found: number + word,
        expected: number + right + word.slice(found.written.length),
        index: match.index,
      });
    }
  }
  return mistakes;
}

/**
 * Like {@link josa}, for text whose Korean reading cannot be known: a student id, a file
 * name, a dataset's English name. Where the ending can be read, the one right form;
 * otherwise both forms, as Korean software writes them for an unknown word: 을(를),
 * 이(가), (으)로. Never guesses.
 */
export function josaAny(value: string | number, spec: string): string {
  const text = String(value);
  try {
    return `${text}${particle(text, spec)}`;
  } catch (error) {
    // Only an unreadable ending is forgiven; an unknown particle spec still throws.
    if (!/cannot tell how/.test(String(error))) throw error;
    const { consonant, vowel } = parseSpec(spec);
    if (consonant.endsWith(vowel)) return `${text}(${consonant.slice(0, consonant.length - vowel.length)})${vowel}`;
    return `${text}${consonant}(${vowel})`;
  }
}
