/**
 * Remark plugin: every widget in a lesson gets the lesson's language as its `lang`
 * prop, taken from the folder the lesson sits in (`content/lessons/<locale>/…`). A
 * Korean page can then never show an English widget because of a hand-typed
 * `lang="en"`, and a new language needs no edit in any lesson.
 *
 * A widget is a component the lesson imports from one of `folders` (by default the
 * lesson widgets and the engine-source panel). The prop is added before Astro
 * compiles the page, so it reaches the server render and, through the island's
 * props, the hydrated widget alike. A widget given `lang` by hand stops the build
 * with a message naming the file and line: the folder decides.
 */
import { isLocale } from '../i18n/lessons.ts';
import type { Locale } from '../i18n/lessons.ts';

/** Where widgets live: an import whose path contains one of these is a widget. */
export const WIDGET_FOLDERS: readonly string[] = ['/components/widgets/', '/components/engine-source/'];

/** The parts of mdast and MDX's nodes the plugin reads or writes. */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
  data?: { estree?: { body: EstreeStatement[] } | null };
}

interface EstreeStatement {
  type: string;
  source?: { value: unknown };
  specifiers?: { local: { name: string } }[];
}

/** The part of a VFile the plugin reads. */
interface FileLike {
  path?: string;
}

/** The language of a lesson file, from its folder; null for anything outside `content/lessons/<locale>/`. */
export function lessonLocale(path: string | undefined): Locale | null {
  const match = /(?:^|[\\/])content[\\/]lessons[\\/]([^\\/]+)[\\/][^\\/]+\.mdx$/.exec(path ?? '');
  return match && isLocale(match[1]) ? match[1] : null;
}

/** Local names of everything a module's ESM imports from `folders`. */
function widgetNames(tree: MdxNode, folders: readonly string[]): Set<string> {
  const names = new Set<string>();
  const fromWidgetFolder = (source: string) => folders.some((folder) => source.replaceAll('\\', '/').includes(folder));
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm') continue;
    const statements = node.data?.estree?.body;
    if (statements) {
      for (const statement of statements) {
        const source = statement.source?.value;
        if (statement.type !== 'ImportDeclaration' || typeof source !== 'string' || !fromWidgetFolder(source)) continue;
        for (const specifier of statement.specifiers ?? []) names.add(specifier.local.name);
      }
      continue;
    }
    // Without a parsed tree (a processor that does not attach one), read the import lines.
    for (const match of (node.value ?? '').matchAll(/import\s+([^;]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
      if (!fromWidgetFolder(match[2])) continue;
      for (const name of match[1].replace(/[{}]/g, ',').split(',')) {
        const local = name.trim().split(/\s+as\s+/).pop()?.trim();
        if (local && local !== 'type') names.add(local);
      }
    }
  }
  return names;
}

/** The plugin (see the file comment). */
export default function remarkWidgetLocale(options: { folders?: readonly string[] } = {}) {
  const folders = options.folders ?? WIDGET_FOLDERS;
  return (tree: MdxNode, file: FileLike): void => {
    const locale = lessonLocale(file.path);
    if (locale === null) return;
    const widgets = widgetNames(tree, folders);
    if (widgets.size === 0) return;
    const visit = (node: MdxNode) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && widgets.has(node.name)) {
        const attributes = (node.attributes ??= []);
        if (attributes.some((attribute) => attribute.name === 'lang')) {
          const line = node.position ? `:${node.position.start.line}` : '';
          throw new Error(
            `${file.path}${line}: <${node.name}> is given lang by hand; remove it. Widgets take the page's language from the lesson's folder ("${locale}").`,
          );
        }
        attributes.push({ type: 'mdxJsxAttribute', name: 'lang', value: locale });
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
