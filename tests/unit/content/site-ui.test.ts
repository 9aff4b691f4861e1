/**
 * Site chrome data that runs in the browser or at build time: stored progress parsing,
 * interface strings, and the single KaTeX copy that keeps server math and CSS in step.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, emptyProgress, parseProgress } from '../../../components/chrome/progress.ts';
import { divergingColor, divergingRgb, parseHexColor, signedFraction } from '../../../components/kit/colors.ts';
import { isAllowedNumber } from '../../../components/kit/NumberField.tsx';
import { ui } from '../../../src/i18n/ui.ts';

describe('stored progress', () => {
  it('uses a versioned key', () => {
    expect(PROGRESS_KEY).toMatch(/\.v\d+$/);
  });

  it('reads back what the site writes', () => {
    const stored = JSON.stringify({ version: 1, done: ['convolution', 'padding'], last: { slug: 'padding', lang: 'ko' } });
    expect(parseProgress(stored)).toEqual({
      version: 1,
      done: ['convolution', 'padding'],
      last: { slug: 'padding', lang: 'ko' },
    });
  });

  it.each([
    ['nothing stored', null],
    ['broken JSON', '{"version":1,'],
    ['a bare string', '"done"'],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['an older version', JSON.stringify({ version: 0, done: ['padding'] })],
    ['a newer version', JSON.stringify({ version: 2, done: ['padding'] })],
  ])('treats %s as no progress', (_, raw) => {
    expect(parseProgress(raw)).toEqual(emptyProgress);
  });

  it('keeps the valid parts of a value with bad entries', () => {
    const raw = JSON.stringify({ version: 1, done: ['stride', 7, '../x', 'stride', null], last: { slug: 3 } });
    expect(parseProgress(raw)).toEqual({ version: 1, done: ['stride'], last: null });
  });
});

describe('interface strings', () => {
  it('exist, non-empty, for every key in both languages', () => {
    const keys = Object.keys(ui.en).sort();
    expect(Object.keys(ui.ko).sort()).toEqual(keys);
    for (const lang of ['en', 'ko'] as const) {
      for (const key of keys) {
        const value = (ui[lang] as unknown as Record<string, unknown>)[key];
        const text = typeof value === 'function' ? String(value(3, 17)) : Array.isArray(value) ? value.join(' ') : value;
        expect(typeof text === 'string' && text.trim().length > 0, `${lang}.${key}`).toBe(true);
      }
    }
  });

  it('are really translated, not copied', () => {
    const same = Object.keys(ui.en).filter((key) => {
      const en = (ui.en as unknown as Record<string, unknown>)[key];
      const ko = (ui.ko as unknown as Record<string, unknown>)[key];
      return typeof en === 'string' && en === ko;
    });
    expect(same).toEqual([]);
  });

  it('fill in numbers and titles', () => {
    expect(ui.en.progressSummary(3, 17)).toBe('3 of 17 lessons done');
    expect(ui.ko.progressSummary(3, 17)).toBe('전체 17강 중 3강 완료');
    expect(ui.ko.lessonNumber(4)).toBe('4강');
    expect(ui.en.continueLesson('Padding')).toBe('Continue: Padding');
  });
});

describe('diverging colours', () => {
  it('clamp values to the symmetric scale', () => {
    expect(signedFraction(2, 1)).toBe(1);
    expect(signedFraction(-0.5, 1)).toBe(-0.5);
    expect(signedFraction(1, 0)).toBe(0);
    expect(signedFraction(Number.NaN, 1)).toBe(0);
  });

  it('mix the theme variables for CSS', () => {
    expect(divergingColor(-1, 1)).toBe('color-mix(in oklab, var(--div-neg-3) 100%, var(--div-zero))');
    expect(divergingColor(0.25, 1)).toBe('color-mix(in oklab, var(--div-pos-3) 25%, var(--div-zero))');
  });

  it('blend resolved colours for canvas pixels', () => {
    const palette = { negative: parseHexColor('#0000ff'), zero: parseHexColor('#fff'), positive: parseHexColor('#ff0000') };
    expect(divergingRgb(1, 1, palette)).toEqual([255, 0, 0]);
    expect(divergingRgb(-0.5, 1, palette)).toEqual([128, 128, 255]);
    expect(divergingRgb(0, 1, palette)).toEqual([255, 255, 255]);
  });

  it('refuse colours that are not hex', () => {
    expect(() => parseHexColor('rgb(1,2,3)')).toThrow('parseHexColor: expected a colour like #1f4fb0, received "rgb(1,2,3)"');
  });
});

describe('number field validation', () => {
  it('checks bounds and steps', () => {
    expect(isAllowedNumber(3, 1, 7)).toBe(true);
    expect(isAllowedNumber(0, 1, 7)).toBe(false);
    expect(isAllowedNumber(8, 1, 7)).toBe(false);
    expect(isAllowedNumber(2.5, 1, 7)).toBe(false);
    expect(isAllowedNumber(0.3, 0, 1, 0.1)).toBe(true);
    expect(isAllowedNumber(Number.NaN)).toBe(false);
  });
});

describe('KaTeX', () => {
  it('exists once, so the math rehype-katex renders matches the stylesheet the site ships', () => {
    const require = createRequire(import.meta.url);
    const rootVersion = require('katex/package.json').version as string;
    const viaRehype = createRequire(require.resolve('rehype-katex'))('katex/package.json').version as string;
    expect(viaRehype).toBe(rootVersion);
  });
});
