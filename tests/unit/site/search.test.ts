/**
 * Which Pagefind results the search dialog shows: nonsense finds nothing (the "xyzzy"
 * that matched every "X"), a word being typed still finds its lessons, stemmed and
 * Korean forms with particles are kept, and exact words come first.
 */
import { describe, expect, it } from 'vitest';
import { agreement, markedWords, relevantHits, words } from '../../../src/site/search.ts';

const hit = (url: string, excerpt: string, subs: string[] = []) => ({
  url,
  excerpt,
  sub_results: subs.map((sub, i) => ({ url: `${url}#s${i}`, title: `section ${i}`, excerpt: sub })),
});

describe('search results', () => {
  it('splits queries and highlights into lower-case words', () => {
    expect(words('  Stride, 2×2 pooling! ')).toEqual(['stride', '2', '2', 'pooling']);
    expect(markedWords('an <mark>X.</mark> and <mark>Padding</mark>')).toEqual(['x', 'padding']);
  });

  it('tells exact, partial and unrelated words apart', () => {
    expect(agreement('stride', 'stride')).toBe('exact');
    expect(agreement('convol', 'convolution')).toBe('partial');
    expect(agreement('strides', 'stride')).toBe('partial');
    expect(agreement('패딩을', '패딩')).toBe('partial');
    expect(agreement('xyzzy', 'x')).toBeNull();
    expect(agreement('xy', 'x')).toBeNull();
    expect(agreement('pool', 'padding')).toBeNull();
  });

  it('drops pages that only matched a prefix of a nonsense word', () => {
    const hits = [hit('/en/a/', 'draw the <mark>X</mark> one pixel'), hit('/en/b/', 'a diagonal in an <mark>X.</mark>')];
    expect(relevantHits('xyzzy', hits)).toEqual([]);
  });

  it('puts pages with the exact word before partial ones, otherwise keeps Pagefind’s order', () => {
    const partial = hit('/en/p/', 'many <mark>strides</mark> here');
    const exact1 = hit('/en/e1/', 'one <mark>stride</mark>');
    const none = hit('/en/n/', 'the <mark>s</mark>');
    const exact2 = hit('/en/e2/', 'intro', ['set the <mark>stride</mark> to 2']);
    expect(relevantHits('stride', [partial, exact1, none, exact2]).map((h) => h.url)).toEqual(['/en/e1/', '/en/e2/', '/en/p/']);
  });

  it('keeps a page with nothing highlighted, and shows nothing for an empty query', () => {
    const plain = hit('/en/t/', 'a title match only');
    expect(relevantHits('title', [plain])).toEqual([plain]);
    expect(relevantHits('  ', [plain])).toEqual([]);
  });
});
