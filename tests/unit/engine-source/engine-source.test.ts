import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractExportedFunctions, listExportedFunctions } from '../../../components/engine-source/engine-source.ts';

const one = (source: string, name: string) => extractExportedFunctions(source, [name], 'fixture.ts')[0];

describe('extractExportedFunctions', () => {
  it('keeps the TSDoc and the whole body, and nothing around them', () => {
    const source = [
      "import { x } from '../lib/x.ts';",
      '',
      '/** Not this one. */',
      'export function before(): number { return 1; }',
      '',
      '/**',
      ' * Adds one.',
      ' */',
      'export function addOne(n: number): number {',
      '  if (n > 0) {',
      '    for (let i = 0; i < 1; i++) { n += 0; }',
      '  }',
      '  return n + 1;',
      '}',
      '',
      'export function after(): void {}',
    ].join('\n');
    const found = one(source, 'addOne');
    expect(found.code).toBe(source.split('\n').slice(5, 14).join('\n'));
    expect(found.startLine).toBe(6);
    expect(found.endLine).toBe(14);
  });

  it('does not take a plain comment or a distant TSDoc as the function doc', () => {
    const source = '/** Doc of a constant. */\nconst k = 1;\n// a note\nexport function f() { return k; }\n';
    expect(one(source, 'f').code).toBe('export function f() { return k; }');
  });

  it('is not fooled by braces inside strings, template literals, comments and regexes', () => {
    const source = [
      'export function tricky(s: string): string {',
      "  const a = '}}}'; // }",
      '  const b = "{ not a block";',
      '  /* } */',
      '  const c = `${s.length > 0 ? `{${s}}` : "}"}}`;',
      '  const d = /[}{]+\\//g.test(s) ? 1 : 2 / 3;',
      '  return a + b + c + d;',
      '}',
      'export function next(): number { return 2; }',
    ].join('\n');
    expect(one(source, 'tricky').code).toBe(source.split('\n').slice(0, 8).join('\n'));
    expect(one(source, 'next').code).toBe('export function next(): number { return 2; }');
  });

  it('handles generics, object types in parameters and return types, and arrows in types', () => {
    const source = [
      'export function pick<T extends { id: number }, F = () => void>(',
      '  items: readonly T[],',
      '  options: { where?: (item: T) => boolean } = {},',
      '): { found: T | null; count: number } {',
      '  const hit = items.find((item) => options.where?.(item) ?? true) ?? null;',
      '  return { found: hit, count: items.length };',
      '}',
      'export function later(): Map<string, { a: 1 }> { return new Map(); }',
    ].join('\n');
    expect(one(source, 'pick').code).toBe(source.split('\n').slice(0, 7).join('\n'));
    expect(one(source, 'later').code).toBe('export function later(): Map<string, { a: 1 }> { return new Map(); }');
  });

  it('keeps overload signatures together with the implementation', () => {
    const source = [
      '/** Either way. */',
      'export function twice(x: number): number;',
      'export function twice(x: string): string;',
      'export function twice(x: number | string): number | string {',
      "  return typeof x === 'number' ? x * 2 : x + x;",
      '}',
    ].join('\n');
    expect(one(source, 'twice').code).toBe(source);
  });

  it('matches whole names only and ignores declarations that sit in comments', () => {
    const source = [
      '// export function conv() { wrong }',
      'export function convLoops(): number { return 1; }',
      'export function conv(): number { return 2; }',
    ].join('\n');
    expect(one(source, 'conv').code).toBe('export function conv(): number { return 2; }');
  });

  it('returns functions in the order asked', () => {
    const source = 'export function a() {}\nexport function b() {}\n';
    expect(extractExportedFunctions(source, ['b', 'a']).map((f) => f.name)).toEqual(['b', 'a']);
  });

  it('throws naming the missing function, the file and what the file does export', () => {
    const source = 'export function conv2dForwardLoops() {}\nexport async function load() {}\n';
    expect(() => extractExportedFunctions(source, ['conv2dForwardLoops', 'conv2dBackwardLoops'], 'src/engine/ops/conv2d.ts')).toThrow(
      'No "export function conv2dBackwardLoops" in src/engine/ops/conv2d.ts. It exports: conv2dForwardLoops, load.',
    );
  });

  it('throws when a body never closes, and when asked for nothing', () => {
    expect(() => one('export function broken() {\n  if (x) {\n', 'broken')).toThrow('never closes');
    expect(() => extractExportedFunctions('export function a() {}', [])).toThrow('names must not be empty');
  });

  it('round-trips every exported function of a real engine file', () => {
    const path = 'src/engine/ops/matmul.ts';
    const source = readFileSync(path, 'utf8');
    const names = listExportedFunctions(source);
    expect(names).toContain('gemmLoops');
    for (const found of extractExportedFunctions(source, names, path)) {
      expect(source).toContain(found.code);
      expect(found.code.trimEnd().endsWith('}')).toBe(true);
      expect(found.code).toMatch(new RegExp(`export function ${found.name}\\b`));
    }
  });
});

describe('the conv2d loops lesson 2 shows', () => {
  it('are found whole in src/engine/ops/conv2d.ts, each with its TSDoc', () => {
    const path = 'src/engine/ops/conv2d.ts';
    const source = readFileSync(path, 'utf8');
    const names = ['conv2dForwardLoops', 'conv2dBackwardInputLoops', 'conv2dBackwardWeightLoops'];
    const found = extractExportedFunctions(source, names, path);
    for (const fn of found) {
      expect(fn.code.startsWith('/**')).toBe(true);
      expect(fn.code).toContain(`export function ${fn.name}(`);
      expect(fn.code.trimEnd().endsWith('}')).toBe(true);
      expect(source.split('\n').slice(fn.startLine - 1, fn.endLine).join('\n')).toBe(fn.code);
      // Exactly one function: the next export is not swallowed.
      expect(fn.code.match(/export function/g)).toHaveLength(1);
    }
  });
});

describe('listExportedFunctions', () => {
  it('lists each exported function once, in file order, skipping non-exported ones', () => {
    const source = 'function hidden() {}\nexport function b(): void;\nexport function b() {}\nexport function* gen() {}\nexport const c = 1;\n';
    expect(listExportedFunctions(source)).toEqual(['b', 'gen']);
  });
});
