/**
 * The particle helper against an independent oracle: a full Sino-Korean reading of
 * each number (팔십사, 일만 이천..., 일 점 영영), whose last syllable decides the
 * particle. The oracle spells the whole number out, so it shares no shortcut with the
 * helper (which only looks at trailing zeros and the last digit).
 */
import { describe, expect, it } from 'vitest';
import { finalSound, findParticleMistakes, josa, josaAny, particle } from '../../../src/i18n/korean.ts';
import type { FinalSound } from '../../../src/i18n/korean.ts';

const DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const SMALL_UNITS = ['', '십', '백', '천'];
const BIG_UNITS = ['', '만', '억', '조', '경'];

/** Reads 1..9999 the way Koreans say it: 1234 = 천이백삼십사 (no 일 before 십, 백, 천). */
function readGroup(group: number): string {
  let out = '';
  const digits = String(group).padStart(4, '0');
  for (let i = 0; i < 4; i++) {
    const digit = Number(digits[i]);
    if (digit === 0) continue;
    const unit = SMALL_UNITS[3 - i]!;
    out += (digit === 1 && unit ? '' : DIGITS[digit]) + unit;
  }
  return out;
}

/** Full Sino-Korean reading of a whole number (as a string of digits, up to 20 of them). */
function readWhole(digits: string): string {
  if (/^0+$/.test(digits)) return '영';
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(Number(digits.slice(Math.max(0, end - 4), end)));
  return groups
    .map((group, i) => {
      if (group === 0) return '';
      const unit = BIG_UNITS[groups.length - 1 - i]!;
      // 10000 is 만, not 일만.
      return (group === 1 && unit === '만' ? '' : readGroup(group)) + unit;
    })
    .join('');
}

/** Reading of "1.05": 일 점 영오. */
function readDecimal(text: string): string {
  const [whole, decimals] = text.split('.');
  return `${readWhole(whole!)}점${[...decimals!].map((d) => DIGITS[Number(d)]).join('')}`;
}

function soundOfReading(reading: string): FinalSound {
  const final = (reading.codePointAt(reading.length - 1)! - 0xac00) % 28;
  if (final === 0) return 'vowel';
  return final === 8 ? 'rieul' : 'consonant';
}

describe('the reading oracle itself', () => {
  it('reads numbers as Koreans say them', () => {
    expect(readWhole('84')).toBe('팔십사');
    expect(readWhole('10000')).toBe('만');
    expect(readWhole('61706')).toBe('육만천칠백육');
    expect(readWhole('15052900')).toBe('천오백오만이천구백');
    expect(readWhole('100000000')).toBe('일억');
    expect(readDecimal('1.00')).toBe('일점영영');
  });
});

describe('finalSound', () => {
  it('agrees with the full reading for every whole number up to 100 000', () => {
    const wrong: string[] = [];
    for (let n = 0; n <= 100_000; n++) {
      const expected = soundOfReading(readWhole(String(n)));
      if (finalSound(n) !== expected) wrong.push(`${n}: ${finalSound(n)} vs ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the full reading for large numbers, with and without thousands separators', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const wrong: string[] = [];
    for (let trial = 0; trial < 5000; trial++) {
      const length = 6 + Math.floor(random() * 14);
      let digits = String(1 + Math.floor(random() * 9));
      for (let i = 1; i < length; i++) digits += random() < 0.4 ? '0' : String(Math.floor(random() * 10));
      const expected = soundOfReading(readWhole(digits));
      const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      if (finalSound(digits) !== expected || finalSound(grouped) !== expected) wrong.push(`${grouped}: expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads decimals digit by digit after the point', () => {
    for (const text of ['1.00', '0.78', '0.77', '0.11', '0.56', '2.302', '0.9', '0.01', '12.5', '3.25', '0.25', '1.333']) {
      expect(finalSound(text), text).toBe(soundOfReading(readDecimal(text)));
    }
  });

  it('reads the last number of shapes, signs, fractions and percentages', () => {
    expect(finalSound('7×7')).toBe('rieul'); // 칠
    expect(finalSound('28×28×5')).toBe('vowel'); // 오
    expect(finalSound('1 × 1 × 4 × 4')).toBe('vowel'); // 사
    expect(finalSound('\u22120.11')).toBe('rieul'); // 마이너스 영 점 일일
    expect(finalSound('\u22121')).toBe('rieul');
    expect(finalSound('7/9')).toBe('rieul'); // 구분의 칠
    expect(finalSound('\u22121/9')).toBe('rieul'); // 마이너스 구분의 일
    expect(finalSound('5/9')).toBe('vowel'); // 구분의 오
    expect(finalSound('98%')).toBe('vowel'); // 퍼센트
    expect(finalSound('1,205만')).toBe('consonant');
    expect(finalSound('61,706')).toBe('consonant'); // 육
    expect(finalSound('3번 층(합성곱)')).toBe('consonant'); // 층: a parenthesis does not count
    expect(finalSound('대각선 경계 ↘')).toBe('vowel'); // 계
    expect(josa('점', '과/와')).toBe('점과');
  });

  it('refuses text it cannot read, naming it', () => {
    expect(() => finalSound('ReLU')).toThrow('josa: cannot tell how "ReLU" ends when read in Korean');
    expect(() => finalSound('')).toThrow(/cannot tell/);
  });
});

describe('josa and particle', () => {
  it('gives the examples of the glossary and the issue', () => {
    expect(josa(84, '(이)라는')).toBe('84라는');
    expect(josa(28, '(이)라는')).toBe('28이라는');
    expect(josa(32, '이었습니다/였습니다')).toBe('32였습니다');
    expect(josa(28, '이었습니다/였습니다')).toBe('28이었습니다');
    expect(josa('1.00', '(으)로')).toBe('1.00으로');
    expect(josa('0.78', '(으)로')).toBe('0.78로');
  });

  it('applies the ㄹ rule to (으)로 only', () => {
    expect(josa(1, '(으)로')).toBe('1로'); // 일
    expect(josa(3, '(으)로')).toBe('3으로'); // 삼
    expect(josa(7, '(으)로')).toBe('7로'); // 칠
    expect(josa(8, '(으)로')).toBe('8로'); // 팔
    expect(josa(9, '(으)로')).toBe('9로'); // 구
    expect(josa(10, '(으)로')).toBe('10으로'); // 십
    expect(josa(100, '(으)로')).toBe('100으로'); // 백
    expect(josa(1000, '(으)로')).toBe('1000으로'); // 천
    expect(josa(10000, '(으)로')).toBe('10000으로'); // 만
    expect(josa(1, '은/는')).toBe('1은');
    expect(josa(7, '이/가')).toBe('7이');
    expect(josa(8, '을/를')).toBe('8을');
    expect(josa(1, '과/와')).toBe('1과');
  });

  it('accepts either order of a pair', () => {
    for (const [a, b] of [['이', '가'], ['은', '는'], ['을', '를'], ['과', '와'], ['이었', '였'], ['이에요', '예요']]) {
      for (const n of [2, 3, 7, 10, 84, 1000]) {
        expect(particle(n, `${a}/${b}`)).toBe(particle(n, `${b}/${a}`));
      }
    }
    expect(josa(2, '와/과')).toBe('2와');
    expect(josa(3, '와/과')).toBe('3과');
    expect(josa(5, '가/이')).toBe('5가');
    expect(josa(6, '는/은')).toBe('6은');
    expect(josa(9, '를/을')).toBe('9를');
  });

  it('prints numbers exactly as JSX would', () => {
    expect(josa(0.1 + 0.2, '(이)라는')).toBe(`${String(0.1 + 0.2)}라는`);
    expect(josa(-1, '(으)로')).toBe('-1로');
  });

  it('refuses a particle it does not know, or a single form', () => {
    expect(() => josa(3, '을')).toThrow(/unknown particle "을"; write both forms/);
    expect(() => josa(3, '(으)라는')).toThrow(/only goes before 로/);
    expect(() => josa(3, '이/은')).toThrow(/unknown particle/);
  });
});

describe('josaAny, for words whose reading is unknown', () => {
  it('picks the one right form where the ending can be read', () => {
    expect(josaAny(84, '(이)라는')).toBe('84라는');
    expect(josaAny('학생', '이/가')).toBe('학생이');
    expect(josaAny('98%', '을/를')).toBe('98%를');
  });

  it('writes both forms, consonant form first, for Latin ids, file names and the like', () => {
    expect(josaAny('ann', '이/가')).toBe('ann이(가)');
    expect(josaAny('bo02.json', '을/를')).toBe('bo02.json을(를)');
    expect(josaAny('fashion-mnist', '(으)로')).toBe('fashion-mnist(으)로');
    expect(josaAny('"zip"', '(이)고')).toBe('"zip"(이)고');
    expect(josaAny('"v2"', '(이)고')).toBe('"v2"고'); // read to its last digit, 이
    expect(josaAny('kim', '은/는')).toBe('kim은(는)');
  });

  it('still refuses a particle spec it does not know', () => {
    expect(() => josaAny('ann', '에게')).toThrow(/unknown particle/);
  });
});

describe('findParticleMistakes', () => {
  it('finds the mistakes the issue names', () => {
    expect(findParticleMistakes('(84이라는 수가 여기서 나왔습니다)')).toEqual([{ found: '84이라는', expected: '84라는', index: 1 }]);
    expect(findParticleMistakes('입력은 32×32이었습니다.').map((m) => m.expected)).toEqual(['32였습니다']);
    expect(findParticleMistakes('합은 3로 떨어지고').map((m) => m.expected)).toEqual(['3으로']);
    expect(findParticleMistakes('7/9는 0.78입니다').map((m) => m.expected)).toEqual(['7/9은']);
    expect(findParticleMistakes('28이라는, 84이라는').map((m) => `${m.found} → ${m.expected}`)).toEqual(['84이라는 → 84라는']);
  });

  it('passes correct particles, counters and words that only look like particles', () => {
    const fine = [
      '84라는 수', '28이라는 크기', '1.00으로 뛰어오릅니다', '0.78로', '3가지', '5가량', '10이상', '7×7이고',
      '픽셀 81개', '1998년', '3으로', '32였습니다', '7/9은', 'C3은', 'S4는', '1.00입니다', '13강에서', '4강의',
    ];
    for (const text of fine) expect(findParticleMistakes(text), text).toEqual([]);
  });

  it('agrees with josa for every number and particle it knows', () => {
    const specs = ['이/가', '은/는', '을/를', '과/와', '(으)로', '(이)라는', '이었/였', '(이)라고', '(이)며'];
    for (let n = 0; n < 2000; n += 7) {
      for (const spec of specs) {
        expect(findParticleMistakes(`값 ${josa(n, spec)} 다음`), `${n} ${spec}`).toEqual([]);
      }
    }
  });
});
