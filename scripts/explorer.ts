/**
 * `npm run explorer -- FILE.py --input 1,3,32,32 [--json] [--eval]`
 *
 * torchinfo without Python: reads a PyTorch model (the subset in
 * src/explorer/SUBSET.md), traces the input shape through it with ConvLab's
 * engine and prints every layer's output shape, parameters, receptive field
 * and multiply-accumulates. `--json` prints the same as JSON (per layer:
 * name, type, outputShape, params, ...). An error is printed with its line
 * and column, what PyTorch would raise, and why; the exit code is then 1.
 * The network explorer page runs the very same `explore`.
 */
import { readFileSync } from 'node:fs';
import { explore, formatDiagnostic } from '../src/explorer/index.ts';
import type { ExploreResult } from '../src/explorer/index.ts';

const USAGE = `usage: npm run explorer -- FILE.py --input N,C,H,W [--json] [--eval]

  FILE.py        PyTorch code: an nn.Module class, or nn.Sequential(...) assigned to a name
  --input SHAPE  the input shape, batch first, e.g. 1,3,32,32
  --json         print JSON instead of a table
  --eval         trace in evaluation mode (default: training mode, as a fresh PyTorch model)`;

interface Args {
  file: string;
  input: number[];
  json: boolean;
  train: boolean;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  let file: string | null = null;
  let input: number[] | null = null;
  let json = false;
  let train = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--json') json = true;
    else if (arg === '--eval') train = false;
    else if (arg === '--input' || arg.startsWith('--input=')) {
      const value = arg === '--input' ? argv[++i] : arg.slice('--input='.length);
      if (value === undefined) fail('--input needs a shape, e.g. --input 1,3,32,32');
      const dims = value.split(/[,x\s]+/).filter(Boolean).map(Number);
      if (dims.length === 0 || !dims.every((d) => Number.isInteger(d) && d >= 1)) {
        fail(`--input must be positive whole numbers separated by commas, batch first (like 1,3,32,32), got "${value}"`);
      }
      input = dims;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else if (file === null) file = arg;
    else fail(`one file at a time (got ${file} and ${arg})`);
  }
  if (file === null) fail('which file? Give the path of a .py file');
  if (input === null) fail('give the input shape with --input, batch first, e.g. --input 1,3,32,32');
  return { file, input, json, train };
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

function table(result: ExploreResult): string {
  const header = ['Layer', 'Type', 'Output shape', 'Params', 'RF', 'Mult-adds', 'Line'];
  const rows = result.rows.map((row) => [
    row.name || '(model)',
    row.type,
    `[${row.outputShape.join(', ')}]`,
    row.kind === 'function' ? '--' : grouped(row.params),
    row.receptiveField ? `${row.receptiveField.size[0]}x${row.receptiveField.size[1]}` : '',
    row.macs === null ? '' : grouped(row.macs),
    String(row.definition?.line ?? row.call?.line ?? ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([3, 5, 6]);
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [`Input: [${result.inputShape?.join(', ')}]`, line(header), rule, ...rows.map(line), rule];
  if (result.ok) {
    out.push(
      `Output: [${result.outputShape!.join(', ')}]`,
      `Total params: ${grouped(result.totalParams!)}`,
      `Trainable params: ${grouped(result.trainableParams!)}`,
      `Mult-adds: ${grouped(result.totalMacs!)}`,
    );
  }
  return out.join('\n');
}

function asJson(result: ExploreResult) {
  return {
    ok: result.ok,
    input: result.inputShape,
    output: result.outputShape,
    totalParams: result.totalParams,
    trainableParams: result.trainableParams,
    totalMacs: result.totalMacs,
    layers: result.rows.map((row) => ({
      name: row.name,
      type: row.type,
      kind: row.kind,
      inputShape: row.inputShape,
      outputShape: row.outputShape,
      params: row.params,
      macs: row.macs,
      receptiveField: row.receptiveField ? row.receptiveField.size : null,
      line: row.definition?.line ?? null,
      callLine: row.call?.line ?? null,
    })),
    diagnostics: result.diagnostics,
  };
}

const args = parseArgs(process.argv.slice(2));
let code: string;
try {
  code = readFileSync(args.file, 'utf8');
} catch (error) {
  console.error(`cannot read ${args.file}: ${(error as Error).message}`);
  process.exit(2);
}
const result = explore(code, { input: args.input, train: args.train });
if (args.json) {
  console.log(JSON.stringify(asJson(result), null, 2));
} else {
  if (result.rows.length > 0 || result.ok) console.log(table(result));
  for (const d of result.diagnostics) console.error(`\n${formatDiagnostic(d, args.file)}`);
}
process.exit(result.ok ? 0 : 1);
