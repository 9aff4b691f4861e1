// The README's Node example cannot drift: the code shown in README.md must be
// scripts/examples/train-tiny.ts verbatim, and running that file must print what
// the README says it prints.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = 'scripts/examples/train-tiny.ts';
const README = 'README.md';
const source = readFileSync(`${root}${EXAMPLE}`, 'utf8');

/** The bodies of the fenced code blocks of `markdown` with the given language. */
function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  return [...markdown.matchAll(fence)].map((m) => m[1]);
}

/** "step 5: loss 1.3413" -> [5, 1.3413]. */
function parseLines(lines: string[]): [number, number][] {
  return lines.map((line) => {
    const match = /^step (\d+): loss (\d+\.\d{4})$/.exec(line.trim());
    if (!match) throw new Error(`unexpected output line: ${line}`);
    return [Number(match[1]), Number(match[2])];
  });
}

/** The README's fenced blocks of `language` that follow the example (the first ts block equal to it). */
function readmeBlocksAfterExample(language: string): string[] {
  const readme = readFileSync(`${root}${README}`, 'utf8');
  const block = '```ts\n' + source + '```';
  const at = readme.indexOf(block);
  if (at < 0) throw new Error(`${README} does not show ${EXAMPLE} verbatim in a \`\`\`ts block`);
  return codeBlocks(readme.slice(at + block.length), language);
}

function expectMatchesReadme(printed: [number, number][]): void {
  const shown = parseLines(readmeBlocksAfterExample('text')[0].trim().split('\n'));
  expect(printed.map(([step]) => step)).toEqual(shown.map(([step]) => step));
  // Loose enough for a backend that sums in another order, tight enough to catch a changed example.
  printed.forEach(([, loss], i) => expect(Math.abs(loss - shown[i][1])).toBeLessThanOrEqual(Math.max(5e-4, 0.02 * shown[i][1])));
}

describe('the Node example', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('README.md shows scripts/examples/train-tiny.ts verbatim', () => {
    const blocks = codeBlocks(readFileSync(`${root}${README}`, 'utf8'), 'ts');
    expect(blocks).toContain(source);
  });

  it('README.md gives the command that runs the file', () => {
    expect(readFileSync(`${root}${README}`, 'utf8')).toContain(`node ${EXAMPLE}`);
  });

  it('runs, and the loss falls as the README shows', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.join(' '));
    });
    await import('../../../scripts/examples/train-tiny.ts');
    const losses = parseLines(printed);
    expect(losses.map(([step]) => step)).toEqual([5, 10, 15, 20]);
    for (let i = 1; i < losses.length; i++) expect(losses[i][1]).toBeLessThan(losses[i - 1][1]);
    expect(losses[3][1]).toBeLessThan(0.1 * losses[0][1]);
    expectMatchesReadme(losses);
  });

  it('runs with the command the README gives: node scripts/examples/train-tiny.ts', () => {
    const output = execFileSync(process.execPath, [EXAMPLE], { cwd: root, encoding: 'utf8' });
    expectMatchesReadme(parseLines(output.trim().split('\n')));
  });
});
