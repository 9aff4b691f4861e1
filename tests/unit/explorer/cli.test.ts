/**
 * `npm run explorer`: the table, --json, and the exit codes, run as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const examples = path.join(root, 'src/explorer/examples');
const dir = mkdtempSync(path.join(tmpdir(), 'convlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const out = spawnSync(process.execPath, [tsx, path.join(root, 'scripts/explorer.ts'), ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

// Each case starts a Node process with tsx: slow on a loaded machine.
describe('npm run explorer', { timeout: 180_000 }, () => {
  it('prints the table for LeNet-5, like torchinfo', () => {
    const { code, stdout } = run(path.join(examples, 'lenet5.py'), '--input', '1,1,28,28');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^conv1\s+Conv2d\s+\[1, 6, 28, 28\]\s+156\s+5x5\s+117,600\s+12$/m);
    expect(stdout).toMatch(/^fc3\s+Linear\s+\[1, 10\]\s+850\s+840\s+16$/m);
    expect(stdout).toContain('Total params: 61,706');
  });

  it('prints JSON with name, type, outputShape and params per layer', () => {
    const { code, stdout } = run(path.join(examples, 'mini-vgg.py'), '--input', '2,3,32,32', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.ok).toBe(true);
    expect(json.output).toEqual([2, 10]);
    expect(json.layers[0]).toMatchObject({ name: 'features.0', type: 'Conv2d', outputShape: [2, 32, 32, 32], params: 896 });
    expect(json.layers.every((l: object) => ['name', 'type', 'outputShape', 'params'].every((k) => k in l))).toBe(true);
  });

  it('exits 1 on an error and prints it with its line', () => {
    const { code, stderr } = run(path.join(examples, 'lesson12-cnn.py'), '--input', '2,3,256,256');
    expect(code).toBe(1);
    expect(stderr).toContain('lesson12-cnn.py:16:19: error: Linear \'fc\' expects 32768 input features');
    expect(stderr).toContain('PyTorch: RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x65536 and 32768x10)');
    expect(stderr).toContain('lesson12-cnn.py:21:13: warning:');
  });

  it('exits 1 on a syntax error, with JSON too', () => {
    const file = path.join(dir, 'broken.py');
    writeFileSync(file, 'import torch.nn as nn\nmodel = nn.Sequential(\n    nn.ReLU(),\n');
    const { code, stdout } = run(file, '--input', '1,3', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).diagnostics[0]).toMatchObject({ kind: 'syntax', line: 2, pytorch: "SyntaxError: '(' was never closed" });
  });

  it('exits 2 on bad usage', () => {
    expect(run(path.join(examples, 'lenet5.py')).code).toBe(2);
    expect(run(path.join(examples, 'lenet5.py'), '--input', '1,a').code).toBe(2);
    expect(run(path.join(dir, 'missing.py'), '--input', '1').code).toBe(2);
  });
});
