/**
 * Renders an exercise's blocks (a prompt, a hint or a worked solution) from
 * src/exercises: text with inline KaTeX and code, display math, code listings,
 * grids of numbers, small greyscale pictures, lists and tables. Pure rendering,
 * no state: the student's card and the instructor's sheet and answer key all
 * draw blocks with this, on the server and in the browser alike.
 * Styles: exercises.css (`.ex-block*`).
 */
import { useId } from 'preact/hooks';
import type { Block } from '../../src/exercises/index.ts';
import { renderTex } from '../kit/Tex.tsx';
import { splitInline } from './inline.ts';
import './exercises.css';

/** Props of {@link PromptBlocks}. */
export interface PromptBlocksProps {
  blocks: readonly Block[];
  /** Extra class for the wrapper. */
  class?: string;
}

/** Text with `$...$` math and backtick code. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {splitInline(text).map((part, i) => {
        if (part.kind === 'math') return <span key={i} class="ex-math" dangerouslySetInnerHTML={{ __html: renderTex(part.value) }} />;
        if (part.kind === 'code') return <code key={i}>{part.value}</code>;
        return part.value;
      })}
    </>
  );
}

/** Shortest readable form of a grid cell: integers as they are, others to at most 3 decimals. */
export function formatCell(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(3)));
}

function GridBlock({ block }: { block: Extract<Block, { type: 'grid' }> }) {
  const marked = new Set((block.highlight ?? []).map((c) => `${c.row},${c.col}`));
  const captionId = useId();
  // The wrapper scrolls a grid too wide for a phone (a 9×9 picture at 360 px) instead of
  // widening the page; it is focusable so a keyboard can scroll it too.
  return (
    <div class="ex-block ex-grid-scroll" tabIndex={0} role="group" aria-labelledby={captionId}>
      <table class="ex-grid">
        <caption id={captionId}>
          <InlineText text={block.label} />
        </caption>
        <tbody>
          {block.cells.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) => {
                const hot = marked.has(`${r},${c}`);
                return (
                  <td key={c} class={hot ? 'ex-grid__hot' : undefined} data-highlight={hot ? 'true' : undefined}>
                    {formatCell(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A greyscale picture as SVG squares, one per pixel: it scales crisply, needs no
 * canvas (so it renders on the server) and is described by its label.
 */
function PictureBlock({ block }: { block: Extract<Block, { type: 'picture' }> }) {
  const { width, height, pixels } = block;
  const cells = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.min(1, Math.max(0, pixels[y * width + x] ?? 0));
      const grey = Math.round(v * 255);
      cells.push(<rect key={`${x},${y}`} x={x} y={y} width={1.02} height={1.02} fill={`rgb(${grey},${grey},${grey})`} />);
    }
  }
  return (
    <figure class="ex-block ex-picture">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={block.label} shape-rendering="crispEdges">
        {cells}
      </svg>
      <figcaption>
        <InlineText text={block.label} />
      </figcaption>
    </figure>
  );
}

function CodeBlock({ block }: { block: Extract<Block, { type: 'code' }> }) {
  const lines = block.code.replace(/\n$/, '').split('\n');
  return (
    <pre class={block.numbered ? 'ex-block ex-code ex-code--numbered' : 'ex-block ex-code'} data-language={block.language} tabIndex={0}>
      <code>
        {block.numbered
          ? lines.map((line, i) => (
              <span key={i} class="ex-code__line">
                <span class="ex-code__number" aria-hidden="true">
                  {i + 1}
                </span>
                {line}
                {'\n'}
              </span>
            ))
          : block.code}
      </code>
    </pre>
  );
}

/** One block. */
export function PromptBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'text':
      return (
        <p class="ex-block ex-text">
          <InlineText text={block.text} />
        </p>
      );
    case 'math':
      return <div class="ex-block ex-display-math" dangerouslySetInnerHTML={{ __html: renderTex(block.tex, true) }} />;
    case 'code':
      return <CodeBlock block={block} />;
    case 'grid':
      return <GridBlock block={block} />;
    case 'picture':
      return <PictureBlock block={block} />;
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag class="ex-block ex-list">
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineText text={item} />
            </li>
          ))}
        </Tag>
      );
    }
    case 'table':
      return (
        <div class="ex-block ex-table-wrap" tabIndex={0}>
          <table class="ex-table">
            <thead>
              <tr>
                {block.header.map((h, i) => (
                  <th key={i} scope="col">
                    <InlineText text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <InlineText text={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** A sequence of blocks. */
export function PromptBlocks({ blocks, class: className }: PromptBlocksProps) {
  return (
    <div class={className ? `ex-blocks ${className}` : 'ex-blocks'}>
      {blocks.map((block, i) => (
        <PromptBlock key={i} block={block} />
      ))}
    </div>
  );
}
