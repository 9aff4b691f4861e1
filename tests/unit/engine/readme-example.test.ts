// The README's Node example cannot drift: the code shown in docs/node-example.md
// (and in README.md once merged there) must be examples/train-tiny.ts verbatim,
// and running that file must print what the page says it prints.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = 'examples/train-tiny.ts';
const source = readFileSync(`${root}${EXAMPLE}`, 'utf8');

/** The bodies of the fenced code blocks of `markdown` with the given language. */
function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  return [...markdown.matchAll(fence)].map((m) => m[1]);
}

/** The pages that show the example: the snippet, and the README once it includes it. */
function pagesShowingExample(): string[] {
  const pages = ['docs/node-example.md'];
  if (existsSync(`${root}README.md`) && readFileSync(`${root}README.md`, 'utf8').includes(EXAMPLE)) pages.push('README.md');
  return pages;
}

/** "step 5: loss 1.3413" -> [5, 1.3413]. */
function parseLines(lines: string[]): [number, number][] {
  return lines.map((line) => {
    const match = /^step (\d+): loss (\d+\.\d{4})$/.exec(line.trim());
    if (!match) throw new Error(`unexpected output line: ${line}`);
    return [Number(match[1]), Number(match[2])];
  });
}

function expectMatchesPage(printed: [number, number][], page: string): void {
  const shown = parseLines(codeBlocks(readFileSync(`${root}${page}`, 'utf8'), 'text')[0].trim().split('\n'));
  expect(printed.map(([step]) => step)).toEqual(shown.map(([step]) => step));
  // Loose enough for a backend that sums in another order, tight enough to catch a changed example.
  printed.forEach(([, loss], i) => expect(Math.abs(loss - shown[i][1])).toBeLessThanOrEqual(Math.max(5e-4, 0.02 * shown[i][1])));
}

describe('the Node example', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(pagesShowingExample())('%s shows examples/train-tiny.ts verbatim', (page) => {
    const blocks = codeBlocks(readFileSync(`${root}${page}`, 'utf8'), 'ts');
    expect(blocks).toContain(source);
  });

  it('runs, and the loss falls as the page shows', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.join(' '));
    });
    await import('../../../examples/train-tiny.ts');
    const losses = parseLines(printed);
    expect(losses.map(([step]) => step)).toEqual([5, 10, 15, 20]);
    for (let i = 1; i < losses.length; i++) expect(losses[i][1]).toBeLessThan(losses[i - 1][1]);
    expect(losses[3][1]).toBeLessThan(0.1 * losses[0][1]);
    for (const page of pagesShowingExample()) expectMatchesPage(losses, page);
  });

  it('runs with the command the page gives: node examples/train-tiny.ts', () => {
    const output = execFileSync(process.execPath, [EXAMPLE], { cwd: root, encoding: 'utf8' });
    expectMatchesPage(parseLines(output.trim().split('\n')), 'docs/node-example.md');
  });
});
