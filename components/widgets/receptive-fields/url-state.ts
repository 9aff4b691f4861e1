/**
 * The three widgets of lesson 3 keep their configuration in the page's query string
 * so a reader can share exactly what they see. Each widget owns a few keys with its
 * own prefix (rf..., pc..., tn...), and writing one widget's keys leaves the others'
 * untouched.
 */

/** The current query string, or an empty one during the server render. */
export function currentParams(): URLSearchParams {
  if (typeof window === 'undefined') return new URLSearchParams();
  return new URLSearchParams(window.location.search);
}

/**
 * Reads a whole number in [min, max] from `params[key]`. Returns `fallback` when the
 * key is absent, and also when it holds anything else, in which case it records the
 * key in `rejected` so the widget can say which setting it ignored.
 */
export function readInt(
  params: URLSearchParams,
  key: string,
  min: number,
  max: number,
  fallback: number,
  rejected: string[],
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    rejected.push(key);
    return fallback;
  }
  return value;
}
