// Vitest global setup: compiles the engine's WebAssembly kernels once before any
// test file runs (a no-op when they are up to date), so a fresh clone's `npm test`
// tests the wasm backend too.
import { buildWasm } from '../../../scripts/build-wasm.mjs';

export default async function setup(): Promise<void> {
  await buildWasm({ quiet: true });
}
