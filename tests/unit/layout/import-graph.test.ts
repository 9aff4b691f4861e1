/**
 * The direction of imports, as the README's "Project layout" states it. Every import
 * in src/, components/ and the lessons is read with TypeScript's parser (static and
 * dynamic imports, re-exports, `new URL(…, import.meta.url)` for workers and
 * `import.meta.glob`), resolved, and checked against {@link ALLOWED}:
 *
 *   src/engine     imports nothing outside the engine, and no package
 *   src/training   the engine
 *   src/workers    training, the engine and exercises (worker entry files only; nothing imports them)
 *   src/i18n       nothing
 *   src/site       i18n (build-time helpers)
 *   src/geometry   the engine (lesson arithmetic beyond the engine's shape functions)
 *   src/exercises  the engine, training, geometry, i18n (no UI)
 *   src/explorer   the engine (the PyTorch-subset reader)
 *   components/kit                 i18n
 *   components/chrome              the kit, site, i18n
 *   components/engine-source       the kit, the engine (as text), i18n
 *   components/exercises           the kit, exercises, engine, training, i18n
 *                                  (the student's exercise cards and the prompt renderer),
 *                                  and the exercise-check worker by URL
 *   components/teach               the kit, components/exercises, exercises, engine, i18n
 *                                  (the instructor's pages), and the regrade worker by URL
 *   components/explorer            the kit, explorer, engine, training, i18n (the explorer page)
 *   components/widgets/<one>       its own folder, the kit, engine, training, geometry,
 *                                  exercises, explorer, i18n,
 *                                  and worker entry files by URL; never another widget
 *   content/lessons                widgets, the kit, the engine-source panel, i18n
 *                                  (Korean lessons choose particles with src/i18n/korean.ts)
 *   src/layouts, src/pages         anything: they are the top
 *
 * Everything may import inside its own folder. So src/ never imports components/
 * (except the layouts and pages at the top), the kit never imports chrome or widgets,
 * and widgets never import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** How a file refers to another. */
type EdgeKind = 'import' | 'worker' | 'glob';

/** One reference from a file (paths relative to the repository, with `/`). */
interface Edge {
  from: string;
  /** Resolved path, or the package name for a bare specifier. */
  to: string;
  kind: EdgeKind;
  package: boolean;
}

/** What each zone may import besides itself; `*` is anything. A zone is named by {@link zoneOf}. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'src/engine': [],
  'src/training': ['src/engine'],
  'src/workers': ['src/training', 'src/engine', 'src/exercises'],
  'src/i18n': [],
  'src/geometry': ['src/engine'],
  'src/exercises': ['src/engine', 'src/training', 'src/geometry', 'src/i18n'],
  'src/explorer': ['src/engine'],
  'src/case-studies': ['src/engine'],
  'src/site': ['src/i18n'],
  'src/styles': [],
  'src/content.config.ts': ['src/site', 'src/i18n'],
  'components/kit': ['src/i18n'],
  'components/chrome': ['components/kit', 'src/site', 'src/i18n'],
  'components/engine-source': ['components/kit', 'src/engine', 'src/i18n'],
  'components/exercises': ['components/kit', 'src/exercises', 'src/engine', 'src/training', 'src/i18n'],
  'components/teach': ['components/kit', 'components/exercises', 'src/exercises', 'src/engine', 'src/i18n'],
  'components/explorer': ['components/kit', 'src/explorer', 'src/engine', 'src/training', 'src/i18n'],
  'components/widgets': ['components/kit', 'src/engine', 'src/training', 'src/geometry', 'src/exercises', 'src/explorer', 'src/case-studies', 'src/i18n'],
  content: ['components/widgets', 'components/kit', 'components/engine-source', 'src/i18n'],
  'src/layouts': ['*'],
  'src/pages': ['*'],
};

/** Zones that run unchanged in a browser, a worker and Node, so import no package. */
const NO_PACKAGES = new Set(['src/engine', 'src/training', 'src/workers']);

/** The zone of a repository path: `src/<folder>`, `components/<folder>`, a widget's folder, or `content`. */
function zoneOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'src') return parts.length === 2 ? file : `src/${parts[1]}`;
  if (parts[0] === 'components') return parts[1] === 'widgets' ? `components/widgets/${parts[2]}` : `components/${parts[1]}`;
  if (parts[0] === 'content') return 'content';
  return parts[0];
}

/** The rule's name for a zone: every widget folder follows one rule. */
function ruleOf(zone: string): string {
  return zone.startsWith('components/widgets/') ? 'components/widgets' : zone;
}

/** Why `edge` breaks the rule, or null when it keeps it. */
function violation(edge: Edge): string | null {
  const from = zoneOf(edge.from);
  const rule = ruleOf(from);
  const allowed = ALLOWED[rule];
  if (allowed === undefined) return `${edge.from}: no rule for ${from}`;
  if (edge.package) return NO_PACKAGES.has(from) ? `${edge.from} imports the package ${edge.to}; ${from} imports no package` : null;
  const to = zoneOf(edge.to);
  if (to === 'src/workers' && from !== 'src/workers') {
    if (edge.kind === 'worker' && (rule === 'components/widgets' || rule === 'components/exercises' || rule === 'components/teach') && /\.worker\.ts$/.test(edge.to)) return null;
    return `${edge.from} imports ${edge.to}: worker files are entry points, started by URL from a widget`;
  }
  if (to === from || allowed.includes('*')) return null;
  if (allowed.includes(ruleOf(to)) && !(ruleOf(to) === 'components/widgets' && rule === 'components/widgets')) return null;
  return `${edge.from} (${from}) imports ${edge.to} (${to}); ${from} may import ${allowed.length ? allowed.join(', ') : 'nothing outside itself'}`;
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...walk(full));
    else if (/\.(ts|tsx|astro|mdx|mjs)$/.test(name)) found.push(full);
  }
  return found;
}

/** The parts of a file that hold code: an .astro file's frontmatter and scripts, an .mdx file's import lines. */
function codeOf(file: string, text: string): string[] {
  if (file.endsWith('.astro')) {
    const chunks: string[] = [];
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text);
    if (frontmatter) chunks.push(frontmatter[1]);
    for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) chunks.push(match[1]);
    return chunks;
  }
  if (file.endsWith('.mdx')) {
    // ESM sits at the top level; code fences (which show imports as text) are skipped.
    const lines: string[] = [];
    let fenced = false;
    let inImport = false;
    for (const line of text.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) continue;
      if (/^(import|export)\s/.test(line)) inImport = true;
      if (inImport) lines.push(line);
      if (inImport && /['"];?\s*$/.test(line)) inImport = false;
    }
    return [lines.join('\n')];
  }
  return [text];
}

const isImportMeta = (node: ts.Node): boolean =>
  ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'meta';

/** Every reference in a file (see the file comment). */
function edgesOf(absolute: string): Edge[] {
  const from = path.relative(root, absolute).split(path.sep).join('/');
  const edges: Edge[] = [];
  const add = (specifier: string, kind: EdgeKind) => {
    if (!specifier.startsWith('.')) {
      edges.push({ from, to: specifier, kind, package: true }); // a package, or one of Astro's virtual modules
      return;
    }
    const resolved = path.relative(root, path.resolve(path.dirname(absolute), specifier)).split(path.sep).join('/');
    edges.push({ from, to: resolved, kind, package: false });
  };
  for (const code of codeOf(absolute, readFileSync(absolute, 'utf8'))) {
    const source = ts.createSourceFile(absolute, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, 'import');
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [first] = node.arguments;
        if (first && ts.isStringLiteralLike(first)) add(first.text, 'import');
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
        const [first, second] = node.arguments ?? [];
        if (first && ts.isStringLiteralLike(first) && second && ts.isPropertyAccessExpression(second) && isImportMeta(second.expression)) {
          add(first.text, 'worker');
        }
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        isImportMeta(node.expression.expression) &&
        node.expression.name.text === 'glob'
      ) {
        const [first] = node.arguments;
        if (first && ts.isStringLiteralLike(first)) add(first.text.split('*')[0], 'glob');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

const files = ['src', 'components', 'content'].flatMap((dir) => walk(path.join(root, dir)));
const edges = files.flatMap(edgesOf);

describe('import graph', () => {
  it('reads the imports of every file', () => {
    expect(files.length).toBeGreaterThan(150);
    const kinds = new Set(edges.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['glob', 'import', 'worker']);
    // The parser sees through comments: the worker file's usage note (a `new Worker(new URL(...))`
    // of itself) is not an edge; the helper worker it really starts is.
    expect(edges.filter((e) => e.from === 'src/workers/trainer.worker.ts' && e.kind === 'worker').map((e) => e.to)).toEqual([
      'src/workers/trainer-helper.worker.ts',
    ]);
  });

  it('every zone has a rule', () => {
    const zones = new Set(files.map((file) => ruleOf(zoneOf(path.relative(root, file).split(path.sep).join('/')))));
    expect([...zones].filter((zone) => ALLOWED[zone] === undefined)).toEqual([]);
  });

  it('no file imports upward or sideways', () => {
    expect(edges.map(violation).filter((problem) => problem !== null)).toEqual([]);
  });

  it('every relative import points at a file that exists', () => {
    const known = new Set(files.map((f) => path.relative(root, f).split(path.sep).join('/')));
    // AssemblyScript resolves `./memory` to memory.ts, as the wasm kernels write it.
    const assembly = /^src\/engine\/backends\/wasm\/assembly\//;
    // Data modules (a recorded run's JSON, say) are not source files; they only have to be there.
    const dataFile = (to: string) => /\.json$/.test(to) && statSync(path.join(root, to), { throwIfNoEntry: false })?.isFile() === true;
    const exists = (to: string) => known.has(to) || (assembly.test(to) && known.has(`${to}.ts`)) || dataFile(to);
    // The compiled kernels are build output (scripts/build-wasm.mjs), not in the repository.
    const built = /^src\/engine\/backends\/wasm\/build\/[\w-]+\.wasm$/;
    const missing = edges.filter(
      (e) => !e.package && e.kind !== 'glob' && !/\.css$/.test(e.to) && !built.test(e.to) && !exists(e.to),
    );
    expect(missing.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('refuses each kind of wrong direction', () => {
    const edge = (from: string, to: string, kind: EdgeKind = 'import', isPackage = false): Edge => ({ from, to, kind, package: isPackage });
    const refused = [
      edge('src/engine/ops/conv2d.ts', 'src/training/config.ts'),
      edge('src/engine/tensor.ts', 'some-package', 'import', true),
      edge('src/training/session.ts', 'src/workers/trainer.worker.ts'),
      edge('src/training/session.ts', 'components/kit/address.ts'),
      edge('src/site/course.ts', 'components/chrome/progress.ts'),
      edge('src/i18n/ui.ts', 'src/site/course.ts'),
      edge('components/kit/NumberField.tsx', 'components/widgets/training/settings.ts'),
      edge('components/kit/Note.tsx', 'components/chrome/theme.ts'),
      edge('components/chrome/SiteHeader.astro', 'components/widgets/output-size/model.ts'),
      edge('components/widgets/output-size/model.ts', 'components/widgets/receptive-fields/explorer-model.ts'),
      edge('components/widgets/training/settings.ts', 'src/workers/trainer.worker.ts'),
      edge('components/widgets/training/settings.ts', 'src/pages/index.astro'),
      edge('content/lessons/en/x.mdx', 'src/training/config.ts'),
    ];
    for (const e of refused) expect(violation(e), `${e.from} -> ${e.to}`).not.toBeNull();
    const kept = [
      edge('src/workers/trainer.worker.ts', 'src/training/session.ts'),
      edge('components/widgets/training/trainer-client.ts', 'src/workers/trainer.worker.ts', 'worker'),
      edge('components/widgets/training/Charts.tsx', 'components/widgets/training/history.ts'),
      edge('components/widgets/training/Charts.tsx', '@observablehq/plot', 'import', true),
      edge('src/layouts/Base.astro', 'components/chrome/SiteHeader.astro'),
    ];
    for (const e of kept) expect(violation(e), `${e.from} -> ${e.to}`).toBeNull();
  });
});
