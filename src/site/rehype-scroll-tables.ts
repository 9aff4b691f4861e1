/**
 * Rehype plugin: wrap every table of a lesson (Markdown tables and `<table>` written as
 * JSX in MDX alike) in a horizontally scrolling region, so a wide table scrolls on its
 * own on a phone instead of widening the whole page. The region is focusable, so
 * keyboard users can scroll it, and named after the table's header cells.
 */
import type { Element, Root } from 'hast';

/** The node shapes the plugin looks at: hast elements and MDX's JSX elements. */
interface AnyNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  children?: AnyNode[];
}

function tagOf(node: AnyNode): string | undefined {
  if (node.type === 'element') return node.tagName;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return node.name ?? undefined;
  return undefined;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function headerLabel(table: AnyNode): string {
  const cells: string[] = [];
  const visit = (node: AnyNode) => {
    if (tagOf(node) === 'th') cells.push(textOf(node).trim());
    else (node.children ?? []).forEach(visit);
  };
  visit(table);
  return cells.filter(Boolean).join(' / ');
}

function wrapTables(parent: AnyNode): void {
  if (!parent.children) return;
  parent.children = parent.children.map((child) => {
    if (tagOf(child) !== 'table') {
      wrapTables(child);
      return child;
    }
    const label = headerLabel(child);
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ...(label ? { ariaLabel: label } : {}) },
      children: [child as Element],
    };
    return wrapper as AnyNode;
  });
}

/** The plugin: `rehypePlugins: [rehypeScrollTables]`. */
export default function rehypeScrollTables() {
  return (tree: Root) => wrapTables(tree as unknown as AnyNode);
}
