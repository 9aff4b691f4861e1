/**
 * Compiles the engine's WebAssembly kernels (src/engine/backends/wasm/assembly/,
 * AssemblyScript) into src/engine/backends/wasm/build/, twice:
 *
 *   kernels-simd.wasm     128-bit SIMD (every current browser, Node 16.4+)
 *   kernels-relaxed.wasm  the same with relaxed SIMD, whose fused multiply-add
 *                         halves the instructions of every matrix product
 *                         (Chromium 114+, Node 20.8+; the engine picks it when
 *                         the runtime validates it)
 *
 * The .wasm files are build output, never committed: `npm run build`, `npm run
 * dev`, `npm run bench` and the unit tests (tests/unit/global-setup.ts) run this
 * first. It does nothing when both files are newer than every source file, so
 * calling it often is cheap. The compiler is the `assemblyscript` devDependency.
 *
 *   node scripts/build-wasm.mjs           build if out of date
 *   node scripts/build-wasm.mjs --force   build anyway
 */
import { mkdirSync, readdirSync, statSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const wasmSourceDir = path.join(root, 'src/engine/backends/wasm/assembly');
export const wasmOutDir = path.join(root, 'src/engine/backends/wasm/build');

/** The two builds: file name and the WebAssembly features it uses. */
export const WASM_VARIANTS = [
  { file: 'kernels-simd.wasm', features: ['simd'] },
  { file: 'kernels-relaxed.wasm', features: ['simd', 'relaxed-simd'] },
];

function newestSource() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  for (const name of readdirSync(wasmSourceDir)) newest = Math.max(newest, statSync(path.join(wasmSourceDir, name)).mtimeMs);
  return newest;
}

function upToDate() {
  const sources = newestSource();
  return WASM_VARIANTS.every(({ file }) => {
    const out = path.join(wasmOutDir, file);
    return existsSync(out) && statSync(out).mtimeMs >= sources;
  });
}

/**
 * Builds the kernels unless they are up to date (or `force`). Resolves to the
 * list of files written; rejects with the compiler's messages on an error.
 */
export async function buildWasm({ force = false, quiet = false } = {}) {
  if (!force && upToDate()) return [];
  const { default: asc } = await import('assemblyscript/asc');
  mkdirSync(wasmOutDir, { recursive: true });
  const written = [];
  for (const { file, features } of WASM_VARIANTS) {
    const out = path.join(wasmOutDir, file);
    // Written beside the target and renamed, so a reader never sees half a file.
    const partial = `${out}.partial`;
    let messages = '';
    const sink = { write: (text) => ((messages += String(text)), true) };
    const { error } = await asc.main(
      [
        path.relative(root, path.join(wasmSourceDir, 'index.ts')),
        '--outFile', path.relative(root, partial),
        '-O3', '--noAssert',
        // No garbage collector: the kernels allocate only from their own arena (memory.ts).
        '--runtime', 'stub',
        '--enable', features.join(','),
      ],
      { stdout: sink, stderr: sink, baseDir: root },
    );
    if (error) throw new Error(`AssemblyScript could not compile ${file}:\n${messages || error.message}`);
    renameSync(partial, out);
    written.push(path.relative(root, out));
  }
  if (!quiet) console.log(`WebAssembly kernels: ${written.join(', ')}`);
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildWasm({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
