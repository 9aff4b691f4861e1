/**
 * Which of Pagefind's results to show, and in what order. Pagefind also returns pages
 * whose words are only a prefix of the query's ("x" for "xyzzy"), which is how a search
 * for nonsense came back with four lessons. A result is kept when a word it highlights
 * agrees with a query term: equal, or the term is the start of it (typing "convol" finds
 * "convolution"), or they share a long enough start (a stemmed "strides" highlights
 * "stride"). Results with an exact word come first; Pagefind's order is kept otherwise.
 */

/** What this module needs of a Pagefind result's data. */
export interface SearchHit {
  url: string;
  excerpt: string;
  sub_results?: readonly { url: string; title: string; excerpt: string }[];
}

/** Lower-case words of a query or a highlight, without the punctuation around them. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length > 0);
}

/** The words Pagefind highlighted (`<mark>…</mark>`) in an excerpt. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((match) => words(match[1] ?? ''));
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * How a highlighted word relates to a query term: 'exact', 'partial' (the term starts the
 * word, or both share a start long enough to be one word's forms) or null. Korean words
 * carry particles (패딩을, 패딩의), so two syllables in common are enough there.
 */
export function agreement(term: string, word: string): 'exact' | 'partial' | null {
  if (word === term) return 'exact';
  if (word.startsWith(term)) return 'partial';
  const needed = /\p{Script=Hangul}/u.test(term) ? Math.min(term.length, 2) : Math.min(term.length, 4);
  return sharedStart(term, word) >= needed ? 'partial' : null;
}

/** The results worth showing for `query`, exact matches first. */
export function relevantHits<T extends SearchHit>(query: string, hits: readonly T[]): T[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const scored = hits.map((hit, index) => {
    const marked = [hit.excerpt, ...(hit.sub_results ?? []).map((sub) => sub.excerpt)].flatMap(markedWords);
    const kinds = marked.flatMap((word) => terms.map((term) => agreement(term, word)));
    // A hit with nothing highlighted cannot be judged by its words: keep it.
    return { hit, index, exact: kinds.includes('exact'), kept: marked.length === 0 || kinds.some((kind) => kind !== null) };
  });
  return scored
    .filter((entry) => entry.kept)
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.index - b.index)
    .map((entry) => entry.hit);
}
