/**
 * `npm run bench`: compiles the engine's WebAssembly kernels if needed, then runs
 * the kernel bench (run.ts) and the training bench (train.ts), handing each the
 * arguments it understands: `--cpu-time` to both, `--cases=...` to the kernel
 * bench, everything else (`--quick`, `--memory`, `--only=...`) to the training bench.
 *
 *   npm run bench -- --cpu-time
 */
import path from 'node:path';
import { root, runNode } from '../run.mjs';
import { buildWasm } from '../build-wasm.mjs';

const args = process.argv.slice(2);
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const kernelArgs = args.filter((a) => a === '--cpu-time' || a.startsWith('--cases='));
const trainingArgs = args.filter((a) => !a.startsWith('--cases='));

await buildWasm();
const kernels = await runNode(tsx, ['scripts/bench/run.ts', ...kernelArgs]);
if (kernels !== 0) process.exit(kernels);
process.exit(await runNode(tsx, ['scripts/bench/train.ts', ...trainingArgs]));
