/**
 * Our trainer in headless Chromium: the engine and trainer bundled with esbuild
 * into a page served from memory (no build of the site needed), trained on MNIST
 * images the bench hands it, timed inside the page.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { RawImageSet } from '../../src/engine/datasets/format.ts';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import type { BrowserRunResult } from './train-browser-entry.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'http://convlab.bench';
const wasmBuild = path.join(here, '../../src/engine/backends/wasm/build');

/** The first `count` training images in the page's layout: uint32 count, labels, pixels. */
function pack(train: RawImageSet, count: number): Uint8Array {
  const n = Math.min(count, train.count);
  const out = new Uint8Array(4 + n + n * 784);
  new DataView(out.buffer).setUint32(0, n, true);
  out.set(train.labels.subarray(0, n), 4);
  out.set(train.pixels.subarray(0, n * 784), 4 + n);
  return out;
}

/** Trains `steps` batches of 64 (after `warmupSteps`) in Chromium; null with a reason if no browser is available. */
export async function browserRun(
  train: RawImageSet,
  steps: number,
  warmupSteps: number,
): Promise<{ result: BrowserRunResult; version: string } | { unavailable: string }> {
  const found = findChromium() as { path?: string; error?: string };
  if (!found.path) return { unavailable: found.error ?? 'no Chromium found' };
  const bundle = await build({
    entryPoints: [path.join(here, 'train-browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text;
  const data = pack(train, (steps + warmupSteps) * 64);
  // Optimised WebAssembly from the start, as in the Node contenders (see run.ts).
  const browser = await chromium.launch({ executablePath: found.path, args: [...chromiumArgs, '--js-flags=--no-liftoff'] });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      // The engine's kernels, where the bundle's `new URL('./wasm/build/...', import.meta.url)` points.
      const wasm = /^\/wasm\/build\/(kernels-(?:simd|relaxed)\.wasm)$/.exec(url.pathname);
      if (wasm) return route.fulfill({ status: 200, contentType: 'application/wasm', body: readFileSync(path.join(wasmBuild, wasm[1])) });
      if (url.pathname === '/mnist-train.bin') return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(data) });
      if (url.pathname === '/bench.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>ConvLab training bench</title><script type="module" src="/bench.js"></script>' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => typeof (globalThis as { benchSteps?: unknown }).benchSteps === 'function');
    type PageApi = { benchSetup: () => Promise<number>; benchSteps: (n: number) => BrowserRunResult };
    await page.evaluate(() => (globalThis as unknown as PageApi).benchSetup());
    await page.evaluate((n) => (globalThis as unknown as PageApi).benchSteps(n), warmupSteps);
    // The renderer's main-thread CPU time around the timed steps, for a machine busy with other work.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    };
    const cpuBefore = await threadTime();
    const result = await page.evaluate((n) => (globalThis as unknown as PageApi).benchSteps(n), steps);
    const cpuSeconds = (await threadTime()) - cpuBefore;
    result.cpuImagesPerSec = result.images / cpuSeconds;
    return { result, version: browser.version() };
  } finally {
    await browser.close();
  }
}
