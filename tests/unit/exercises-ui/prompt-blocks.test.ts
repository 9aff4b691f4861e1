/**
 * The prompt renderer: inline markup splits as the framework defines it, and every
 * block of every exercise (prompt, hints, solution, both languages) renders to
 * HTML without throwing and without a KaTeX error.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { splitInline } from '../../../components/exercises/inline.ts';
import { PromptBlocks, formatCell } from '../../../components/exercises/PromptBlocks.tsx';
import { listExercises, makeVariant } from '../../../src/exercises/index.ts';
import type { Block } from '../../../src/exercises/index.ts';

describe('splitInline', () => {
  it('finds math and code', () => {
    expect(splitInline('Output $n = 5$ with `nn.Conv2d` here')).toEqual([
      { kind: 'text', value: 'Output ' },
      { kind: 'math', value: 'n = 5' },
      { kind: 'text', value: ' with ' },
      { kind: 'code', value: 'nn.Conv2d' },
      { kind: 'text', value: ' here' },
    ]);
  });
  it('keeps a dollar inside code as code, and an unclosed delimiter as text', () => {
    expect(splitInline('`a$b` and $5')).toEqual([
      { kind: 'code', value: 'a$b' },
      { kind: 'text', value: ' and $5' },
    ]);
    expect(splitInline('cost \\$3')).toEqual([{ kind: 'text', value: 'cost $3' }]);
    expect(splitInline('')).toEqual([]);
  });
});

describe('formatCell', () => {
  it('writes integers plainly and rounds the rest', () => {
    expect(formatCell(3)).toBe('3');
    expect(formatCell(-0.5)).toBe('-0.5');
    expect(formatCell(1 / 3)).toBe('0.333');
  });
});

describe('PromptBlocks', () => {
  it('renders every block type', () => {
    const blocks: Block[] = [
      { type: 'text', text: 'A $\\frac{1}{2}$ and `x`' },
      { type: 'math', tex: 'n_{out} = 5' },
      { type: 'code', language: 'python', code: 'a = 1\nb = 2', numbered: true },
      { type: 'grid', label: 'Kernel', cells: [[1, 2], [3, 4]], highlight: [{ row: 1, col: 0 }] },
      { type: 'picture', label: 'Picture', width: 2, height: 1, pixels: [0, 1] },
      { type: 'list', ordered: true, items: ['one', 'two'] },
      { type: 'table', header: ['a', 'b'], rows: [['1', '2']] },
    ];
    const html = renderToString(h(PromptBlocks, { blocks }));
    expect(html).toContain('class="katex"');
    expect(html).toContain('<code>x</code>');
    expect(html.match(/class="ex-code__number"/g)).toHaveLength(2);
    expect(html).toContain('data-highlight="true"');
    // The grid's scroll box is named by the table's caption.
    const captionId = /<caption id="([^"]+)">Kernel<\/caption>/.exec(html)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toContain(`class="ex-block ex-grid-scroll" tabindex="0" role="group" aria-labelledby="${captionId}"`);
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toContain('<ol class="ex-block ex-list">');
    expect(html).toContain('<th scope="col">a</th>');
  });

  it('renders every exercise in both languages', () => {
    for (const exercise of listExercises()) {
      const { params } = makeVariant(exercise, 12345);
      for (const lang of ['en', 'ko'] as const) {
        const all = [exercise.prompt(params)[lang], exercise.solution(params)[lang], ...exercise.hints(params).map((x: { en: readonly Block[]; ko: readonly Block[] }) => x[lang])];
        for (const blocks of all) {
          const html = renderToString(h(PromptBlocks, { blocks }));
          expect(html, exercise.id).not.toContain('katex-error');
        }
      }
    }
  });
});
