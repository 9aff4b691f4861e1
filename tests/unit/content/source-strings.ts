/**
 * The text literals of TypeScript source files, read with the TypeScript parser: what
 * a widget or the site chrome can show a reader. Template literals keep their `${…}`
 * parts as placeholders (and their code, for messages). Module names, property keys,
 * type literals and comparisons are code, not text, and are left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { EXPRESSION, PARTICLE_EXPRESSION, isParticleExpression } from '../../../src/site/lesson-source.ts';

/** One literal: its text (placeholders for `${…}`), the code of each placeholder, and its line. */
export interface SourceString {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly values: readonly string[];
}

function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.InKeyword].includes(parent.operatorToken.kind)) {
    return true;
  }
  return false;
}

/** Every text literal of a source file. */
export function stringsIn(file: string, source: string): SourceString[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: SourceString[] = [];
  const lineOf = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isCode(node)) {
      found.push({ file, line: lineOf(node), text: node.text, values: [] });
    } else if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      const values: string[] = [];
      for (const span of node.templateSpans) {
        const code = span.expression.getText(tree);
        values.push(code);
        text += (isParticleExpression(code) ? PARTICLE_EXPRESSION : EXPRESSION) + span.literal.text;
      }
      found.push({ file, line: lineOf(node), text, values });
    } else if (ts.isJsxText(node) && node.text.trim()) {
      found.push({ file, line: lineOf(node), text: node.text, values: [] });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Files under `dir` (relative to the repository root) whose path matches `pattern`. */
export function sourceFiles(root: string, dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(root, relative))) {
      const child = `${relative}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (pattern.test(child)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** The text literals of a repository file. */
export function readStrings(root: string, file: string): SourceString[] {
  return stringsIn(file, readFileSync(path.join(root, file), 'utf8'));
}
