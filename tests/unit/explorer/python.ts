/**
 * Real PyTorch as a test oracle: finds a Python that can `import torch` and runs
 * the scripts in tests/python/ with JSON on stdin. When none is found the tests
 * fail with how to install it (never skip): CI installs Debian's python3-torch.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const PYTHON_DIR = path.resolve(import.meta.dirname, '../../python');

let found: { python: string; torch: string } | null = null;

/** The first of $CONVLAB_PYTHON, /usr/bin/python3, python3 that imports torch. */
export function findPython(): { python: string; torch: string } {
  if (found) return found;
  const candidates = [process.env.CONVLAB_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch, sys; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
    if (probe.status === 0) {
      found = { python, torch: probe.stdout.trim() };
      return found;
    }
    tried.push(`${python}: ${probe.error ? probe.error.message : probe.stderr.trim().split('\n').pop()}`);
  }
  throw new Error(
    `These tests compare the explorer with real PyTorch, and no Python with torch was found (${tried.join('; ')}). ` +
      'Install it with: apt-get install -y --no-install-recommends python3-torch python3-torchvision ' +
      '(or point CONVLAB_PYTHON at a python that has torch).',
  );
}

/** Runs tests/python/<script> with `input` as JSON on stdin and parses its JSON output. */
export function runPython<T>(script: string, input: unknown, args: string[] = []): T {
  const { python } = findPython();
  const run = spawnSync(python, [path.join(PYTHON_DIR, script), ...args], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
