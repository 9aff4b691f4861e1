/**
 * From Python source to a small syntax tree the interpreter walks.
 *
 * The grammar is @lezer/python's, the one CodeMirror's Python mode uses, so
 * the page's editor and this checker agree on what the code says. Lezer gives
 * a concrete tree that always parses (broken code gets error nodes); this file
 * turns it into the few statement and expression kinds of the explorer's
 * subset (SUBSET.md), and refuses everything else by name, at its place.
 * Syntax errors get Python's own wording where it is easy to know it
 * (an unclosed bracket, a bad indent, a missing comma).
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { ExplorerError } from './errors.ts';
import type { Span } from './errors.ts';

// ---------------------------------------------------------------------------
// The tree

export type Expr =
  | { k: 'name'; id: string; span: Span }
  | { k: 'num'; value: number; isInt: boolean; span: Span }
  | { k: 'str'; value: string; span: Span }
  | { k: 'const'; value: boolean | null; span: Span }
  | { k: 'attr'; obj: Expr; name: string; span: Span }
  | { k: 'index'; obj: Expr; index: Expr; span: Span }
  | { k: 'call'; func: Expr; args: Arg[]; span: Span }
  | { k: 'binop'; op: string; left: Expr; right: Expr; span: Span }
  | { k: 'unary'; op: string; operand: Expr; span: Span }
  | { k: 'tuple'; items: Expr[]; span: Span }
  | { k: 'list'; items: Expr[]; span: Span }
  | { k: 'listcomp'; elt: Expr; target: Expr; iter: Expr; cond: Expr | null; span: Span }
  | { k: 'ifexp'; test: Expr; body: Expr; orelse: Expr; span: Span }
  | { k: 'starred'; value: Expr; span: Span };

export interface Arg {
  kind: 'positional' | 'keyword' | 'star';
  name?: string;
  value: Expr;
  span: Span;
}

export interface Param {
  name: string;
  default: Expr | null;
  span: Span;
}

export interface FunctionDef {
  k: 'def';
  name: string;
  params: Param[];
  body: Stmt[];
  span: Span;
  /** The `def name(...)` line alone. */
  headSpan: Span;
}

export interface ClassDef {
  k: 'class';
  name: string;
  bases: Expr[];
  methods: FunctionDef[];
  span: Span;
  headSpan: Span;
}

export interface ImportStmt {
  k: 'import';
  /** `import a.b as c` -> module "a.b", names []; `from a import b as c` -> module "a", names [[b, c]]. */
  from: boolean;
  module: string;
  alias: string | null;
  names: { name: string; alias: string | null; span: Span }[];
  span: Span;
}

export type Stmt =
  | ImportStmt
  | ClassDef
  | FunctionDef
  | { k: 'assign'; targets: Expr[]; value: Expr; span: Span }
  | { k: 'augassign'; target: Expr; op: string; value: Expr; span: Span }
  | { k: 'expr'; value: Expr; span: Span }
  | { k: 'return'; value: Expr | null; span: Span }
  | { k: 'if'; branches: { test: Expr; body: Stmt[] }[]; orelse: Stmt[] | null; span: Span }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; span: Span }
  | { k: 'pass'; span: Span };

// ---------------------------------------------------------------------------
// Names for what the subset leaves out

const OUTSIDE: Record<string, string> = {
  WhileStatement: 'a while loop',
  TryStatement: 'try/except',
  WithStatement: 'a with block',
  LambdaExpression: 'a lambda',
  DictionaryExpression: 'a dict',
  DictionaryComprehensionExpression: 'a dict comprehension',
  SetExpression: 'a set',
  SetComprehensionExpression: 'a set comprehension',
  ComprehensionExpression: 'a generator expression',
  FormatString: 'an f-string',
  DeleteStatement: 'del',
  GlobalStatement: 'global',
  NonlocalStatement: 'nonlocal',
  RaiseStatement: 'raise',
  AssertStatement: 'assert',
  YieldExpression: 'yield',
  AwaitExpression: 'await',
  DecoratedStatement: 'a decorator',
  BreakStatement: 'break',
  ContinueStatement: 'continue',
  MatchStatement: 'a match statement',
  Ellipsis: '... (Ellipsis)',
  PrintStatement: 'a Python 2 print statement',
  ScopeStatement: 'global/nonlocal',
  NamedExpression: 'the walrus operator :=',
  TypeDef: 'a type annotation',
  ExecStatement: 'exec',
};

function outside(what: string, span: Span, extra = ''): ExplorerError {
  return new ExplorerError(
    'subset',
    span,
    `${what} is outside the explorer's subset of Python${extra ? `: ${extra}` : ''} (SUBSET.md lists what it reads)`,
  );
}

// ---------------------------------------------------------------------------
// Syntax checks with Python's wording

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Brackets and indentation, checked on the raw text (strings and comments
 * skipped), because Python's messages for them are the clearest ones it has
 * and lezer's error recovery reports them only as "something is wrong here".
 */
function scanBracketsAndIndents(text: string): ExplorerError | null {
  const stack: { char: string; at: number }[] = [];
  const indents = [0];
  let i = 0;
  let atLineStart = true;
  /** Whether the last logical line that held code ended with ":". */
  let opensBlock = false;
  let lastCode = '';
  /** The text of the last logical line holding code, and the offset where it ends. */
  let lastLogicalLine = '';
  let lastLogicalEnd = 0;
  let logicalStart = 0;
  while (i < text.length) {
    if (atLineStart) {
      atLineStart = false;
      let j = i;
      let width = 0;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) {
        width = text[j] === '\t' ? (Math.floor(width / 8) + 1) * 8 : width + 1;
        j++;
      }
      const blank = j >= text.length || text[j] === '\n' || text[j] === '\r' || text[j] === '#';
      if (!blank) {
        const top = indents[indents.length - 1];
        const span = { from: i, to: Math.max(j, i + 1) };
        if (opensBlock && width <= top) {
          return new ExplorerError('syntax', span, 'the line before ends with ":", so this line must be indented further', 'IndentationError: expected an indented block');
        }
        if (width > top) {
          if (!opensBlock && /^\s*(class|def|if|elif|else|for|while|with|try|except|finally)\b/.test(lastLogicalLine)) {
            const end = lastLogicalEnd;
            return new ExplorerError('syntax', { from: Math.max(0, end - 1), to: end }, 'a ":" is missing at the end of this line, which opens a block', "SyntaxError: expected ':'");
          }
          if (!opensBlock) {
            return new ExplorerError('syntax', span, 'this line is indented more than the one before it, which does not open a block (a line ending in ":")', 'IndentationError: unexpected indent');
          }
          indents.push(width);
        } else if (width < top) {
          while (indents[indents.length - 1] > width) indents.pop();
          if (indents[indents.length - 1] !== width) {
            return new ExplorerError('syntax', span, "this line's indentation matches none of the blocks it could close: indent it exactly like the lines of the block it belongs to", 'IndentationError: unindent does not match any outer indentation level');
          }
        }
        opensBlock = false;
        logicalStart = j;
      }
      i = j;
      continue;
    }
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) {
        if (text[j] === '\\') j++;
        else if (!triple && text[j] === '\n') break;
        j++;
      }
      if (j >= text.length || (!triple && text[j] === '\n')) {
        return new ExplorerError(
          'syntax',
          { from: i, to: i + quote.length },
          'this string is never closed',
          triple ? 'SyntaxError: unterminated triple-quoted string literal' : 'SyntaxError: unterminated string literal',
        );
      }
      i = j + quote.length;
      lastCode = quote;
      continue;
    }
    if (OPENERS[c]) stack.push({ char: c, at: i });
    else if (CLOSERS[c]) {
      const open = stack.pop();
      if (!open) {
        return new ExplorerError('syntax', { from: i, to: i + 1 }, `this '${c}' closes nothing`, `SyntaxError: unmatched '${c}'`);
      }
      if (open.char !== CLOSERS[c]) {
        return new ExplorerError(
          'syntax',
          { from: i, to: i + 1 },
          `this '${c}' does not match the '${open.char}' it would close`,
          `SyntaxError: closing parenthesis '${c}' does not match opening parenthesis '${open.char}'`,
        );
      }
    }
    if (c === '\n') {
      const continued = stack.length > 0 || lastCode === '\\';
      if (!continued) {
        if (lastCode !== '') {
          opensBlock = lastCode === ':';
          lastLogicalLine = text.slice(logicalStart, i).replace(/#.*$/, '');
          lastLogicalEnd = logicalStart + lastLogicalLine.trimEnd().length;
        }
        lastCode = '';
        atLineStart = true;
      }
    } else if (c !== ' ' && c !== '\t' && c !== '\r') {
      lastCode = c;
    }
    i++;
  }
  const open = stack.pop();
  if (open) {
    return new ExplorerError('syntax', { from: open.at, to: open.at + 1 }, `this '${open.char}' is never closed`, `SyntaxError: '${open.char}' was never closed`);
  }
  if (opensBlock || lastCode === ':') {
    return new ExplorerError('syntax', { from: Math.max(0, text.trimEnd().length - 1), to: text.trimEnd().length }, 'the code ends right after a line ending in ":": the block it opens is missing', 'IndentationError: expected an indented block');
  }
  return null;
}

/** A node's children, without comments. */
function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') out.push(child);
  return out;
}

function spanOf(node: SyntaxNode): Span {
  return { from: node.from, to: node.to };
}

/** The first error node, with a message from where it sits. */
function firstSyntaxError(top: SyntaxNode, text: string): ExplorerError | null {
  let found: SyntaxNode | null = null;
  const cursor = top.cursor();
  do {
    if (cursor.type.isError) {
      found = cursor.node;
      break;
    }
  } while (cursor.next());
  if (!found) return null;
  const parent = found.parent;
  const prev = found.prevSibling;
  const lists = ['ArgList', 'ArrayExpression', 'TupleExpression', 'ParenthesizedExpression', 'ParamList'];
  const at = found.from === found.to ? { from: found.from, to: Math.min(text.length, found.from + 1) } : spanOf(found);
  // Two expressions side by side inside brackets: Python 3.10+ asks about a comma.
  const inList = parent && (lists.includes(parent.name) || lists.includes(parent.parent?.name ?? ''));
  // Inside brackets, a value right after a value: "f(3 16)".
  let depth = 0;
  for (let k = 0; k < found.from; k++) {
    if ('([{'.includes(text[k])) depth++;
    else if (')]}'.includes(text[k])) depth--;
  }
  const sideBySide = depth > 0 && /[\w)\]'"]\s+$/.test(text.slice(0, found.from)) && /^[\w(['"]/.test(text.slice(found.from));
  if (sideBySide || (inList && prev && prev.name !== ',' && prev.name !== '(' && prev.name !== '[' && !/^\s*[,)\]]/.test(text.slice(found.from)))) {
    return new ExplorerError('syntax', at, 'two values stand side by side here: a comma is probably missing between them', 'SyntaxError: invalid syntax. Perhaps you forgot a comma?');
  }
  const head = parent?.name === 'ClassDefinition' || parent?.name === 'FunctionDefinition' || parent?.name === 'IfStatement' || parent?.name === 'ForStatement';
  if (head) return new ExplorerError('syntax', at, 'a ":" is expected here, at the end of the block\'s first line', "SyntaxError: expected ':'");
  return new ExplorerError('syntax', at, 'Python cannot read the code here', 'SyntaxError: invalid syntax');
}

// ---------------------------------------------------------------------------
// Conversion

class Converter {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  src(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  body(node: SyntaxNode): Stmt[] {
    const out: Stmt[] = [];
    for (const child of kids(node)) {
      if (child.name === ':' || child.name === ';') continue;
      const stmt = this.statement(child);
      if (stmt) out.push(stmt);
    }
    return out;
  }

  statement(node: SyntaxNode): Stmt | null {
    const span = spanOf(node);
    const parts = kids(node);
    switch (node.name) {
      case 'ImportStatement':
        return this.importStatement(node);
      case 'ClassDefinition':
        return this.classDef(node);
      case 'FunctionDefinition':
        return this.functionDef(node);
      case 'PassStatement':
        return { k: 'pass', span };
      case 'ExpressionStatement':
        return { k: 'expr', value: this.expr(parts[0]), span };
      case 'ReturnStatement': {
        const values = parts.slice(1);
        return { k: 'return', value: values.length === 0 ? null : this.sequence(values, span), span };
      }
      case 'AssignStatement': {
        // Flat children: target, [',' target]*, '=', ..., value.
        const groups: SyntaxNode[][] = [[]];
        for (const part of parts) {
          if (part.name === 'AssignOp') groups.push([]);
          else groups[groups.length - 1].push(part);
        }
        if (parts.some((p) => p.name === 'TypeDef' || p.name === ':')) throw outside('a type annotation', span);
        const exprs = groups.map((g) => this.sequence(g, span));
        return { k: 'assign', targets: exprs.slice(0, -1), value: exprs[exprs.length - 1], span };
      }
      case 'UpdateStatement': {
        const opAt = parts.findIndex((p) => p.name === 'UpdateOp');
        const op = this.src(parts[opAt]);
        if (!['+=', '-=', '*=', '//=', '/='].includes(op)) throw outside(`the operator ${op}`, spanOf(parts[opAt]));
        return {
          k: 'augassign',
          target: this.sequence(parts.slice(0, opAt), span),
          op: op.slice(0, -1),
          value: this.sequence(parts.slice(opAt + 1), span),
          span,
        };
      }
      case 'IfStatement': {
        const branches: { test: Expr; body: Stmt[] }[] = [];
        let orelse: Stmt[] | null = null;
        for (let i = 0; i < parts.length; i++) {
          const word = parts[i].name;
          if (word === 'if' || word === 'elif') {
            branches.push({ test: this.expr(parts[i + 1]), body: this.body(parts[i + 2]) });
            i += 2;
          } else if (word === 'else') {
            orelse = this.body(parts[i + 1]);
            i += 1;
          }
        }
        return { k: 'if', branches, orelse, span };
      }
      case 'ForStatement': {
        if (parts[0].name === 'async') throw outside('async for', span);
        const inAt = parts.findIndex((p) => p.name === 'in');
        const bodyNode = parts.find((p) => p.name === 'Body')!;
        if (parts.some((p) => p.name === 'else')) throw outside('for ... else', span);
        return {
          k: 'for',
          target: this.sequence(parts.slice(1, inAt), span),
          iter: this.sequence(parts.slice(inAt + 1, parts.indexOf(bodyNode)), span),
          body: this.body(bodyNode),
          span,
        };
      }
      default: {
        const name = OUTSIDE[node.name];
        throw outside(name ?? `this statement (${node.name})`, span);
      }
    }
  }

  importStatement(node: SyntaxNode): ImportStmt {
    const parts = kids(node);
    const span = spanOf(node);
    if (parts[0].name === 'from') {
      const importAt = parts.findIndex((p) => p.name === 'import');
      const module = parts.slice(1, importAt).map((p) => this.src(p)).join('');
      const names: ImportStmt['names'] = [];
      const rest = parts.slice(importAt + 1).filter((p) => p.name !== '(' && p.name !== ')');
      for (let i = 0; i < rest.length; i++) {
        if (rest[i].name === ',') continue;
        if (rest[i].name === '*') throw outside('from ... import *', spanOf(rest[i]), 'import the names you use, or the module itself');
        const hasAlias = rest[i + 1]?.name === 'as';
        names.push({ name: this.src(rest[i]), alias: hasAlias ? this.src(rest[i + 2]) : null, span: spanOf(rest[i]) });
        if (hasAlias) i += 2;
      }
      return { k: 'import', from: true, module, alias: null, names, span };
    }
    const segments = parts.slice(1);
    if (segments.some((p) => p.name === ',')) throw outside('several imports on one line', span, 'write one import per line');
    const asAt = segments.findIndex((p) => p.name === 'as');
    const moduleParts = asAt < 0 ? segments : segments.slice(0, asAt);
    return {
      k: 'import',
      from: false,
      module: moduleParts.map((p) => this.src(p)).join(''),
      alias: asAt < 0 ? null : this.src(segments[asAt + 1]),
      names: [],
      span,
    };
  }

  classDef(node: SyntaxNode): ClassDef {
    const parts = kids(node);
    const nameNode = parts.find((p) => p.name === 'VariableName')!;
    const argList = parts.find((p) => p.name === 'ArgList');
    const bodyNode = parts.find((p) => p.name === 'Body')!;
    const bases = argList ? this.args(argList).map((a) => {
      if (a.kind !== 'positional') throw outside('a class keyword argument', a.span);
      return a.value;
    }) : [];
    const methods: FunctionDef[] = [];
    for (const child of kids(bodyNode)) {
      if (child.name === ':') continue;
      if (child.name === 'FunctionDefinition') methods.push(this.functionDef(child));
      else if (child.name === 'ExpressionStatement' && kids(child)[0]?.name === 'String') continue; // a docstring
      else if (child.name === 'PassStatement') continue;
      else {
        throw outside(OUTSIDE[child.name] ?? 'a class attribute', spanOf(child), 'a class body here holds only methods (def __init__, def forward, ...)');
      }
    }
    return { k: 'class', name: this.src(nameNode), bases, methods, span: spanOf(node), headSpan: { from: node.from, to: bodyNode.from } };
  }

  functionDef(node: SyntaxNode): FunctionDef {
    const parts = kids(node);
    if (parts[0].name === 'async') throw outside('async def', spanOf(node));
    if (parts.some((p) => p.name === 'TypeDef')) throw outside('a return type annotation', spanOf(parts.find((p) => p.name === 'TypeDef')!), 'remove "-> ..."');
    const nameNode = parts.find((p) => p.name === 'VariableName')!;
    const paramList = parts.find((p) => p.name === 'ParamList')!;
    const bodyNode = parts.find((p) => p.name === 'Body')!;
    const params: Param[] = [];
    const items = kids(paramList).filter((p) => p.name !== '(' && p.name !== ')');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.name === ',') continue;
      if (item.name === '*' || item.name === '**' || item.name === '/') {
        throw outside(`${this.src(item)}${items[i + 1]?.name === 'VariableName' ? this.src(items[i + 1]) : ''} in a parameter list`, spanOf(item), 'give every parameter a name (and a default if you like)');
      }
      if (item.name === 'TypeDef') throw outside('a type annotation', spanOf(item), 'remove ": type" from the parameter');
      if (item.name !== 'VariableName') throw outside(`this parameter (${item.name})`, spanOf(item));
      let def: Expr | null = null;
      if (items[i + 1]?.name === 'TypeDef') throw outside('a type annotation', spanOf(items[i + 1]), 'remove ": type" from the parameter');
      if (items[i + 1]?.name === 'AssignOp') {
        def = this.expr(items[i + 2]);
        i += 2;
      }
      params.push({ name: this.src(item), default: def, span: spanOf(item) });
    }
    return {
      k: 'def',
      name: this.src(nameNode),
      params,
      body: this.body(bodyNode),
      span: spanOf(node),
      headSpan: { from: node.from, to: bodyNode.from },
    };
  }

  /** A comma-separated run of expressions (a bare tuple) or a single one. */
  sequence(nodes: SyntaxNode[], span: Span): Expr {
    const items = nodes.filter((n) => n.name !== ',');
    if (items.length === 0) throw new ExplorerError('syntax', span, 'an expression is missing here', 'SyntaxError: invalid syntax');
    if (items.length === 1 && !nodes.some((n) => n.name === ',')) return this.expr(items[0]);
    return { k: 'tuple', items: items.map((n) => this.expr(n)), span: { from: nodes[0].from, to: nodes[nodes.length - 1].to } };
  }

  args(argList: SyntaxNode): Arg[] {
    const items = kids(argList).filter((p) => p.name !== '(' && p.name !== ')');
    const out: Arg[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.name === ',') continue;
      if (item.name === '**') throw outside('**kwargs in a call', spanOf(item), 'write the keyword arguments out');
      if (item.name === '*') {
        const value = this.expr(items[i + 1]);
        out.push({ kind: 'star', value, span: { from: item.from, to: items[i + 1].to } });
        i += 1;
        continue;
      }
      if (items[i + 1]?.name === 'AssignOp') {
        if (item.name !== 'VariableName') throw new ExplorerError('syntax', spanOf(item), 'a keyword argument needs a plain name before "="', 'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?');
        const value = this.expr(items[i + 2]);
        out.push({ kind: 'keyword', name: this.src(item), value, span: { from: item.from, to: items[i + 2].to } });
        i += 2;
        continue;
      }
      if (items[i + 1] && items[i + 1].name === 'for') throw outside('a generator expression', spanOf(argList), 'build a list first: [... for ...]');
      out.push({ kind: 'positional', value: this.expr(item), span: spanOf(item) });
    }
    return out;
  }

  listItems(node: SyntaxNode): Expr[] {
    const items = kids(node).filter((p) => !['(', ')', '[', ']', ','].includes(p.name));
    const out: Expr[] = [];
    for (let i = 0; i < items.length; i++) {
      if (items[i].name === '*') {
        out.push({ k: 'starred', value: this.expr(items[i + 1]), span: { from: items[i].from, to: items[i + 1].to } });
        i++;
      } else out.push(this.expr(items[i]));
    }
    return out;
  }

  expr(node: SyntaxNode): Expr {
    const span = spanOf(node);
    const parts = kids(node);
    switch (node.name) {
      case 'VariableName':
        return { k: 'name', id: this.src(node), span };
      case 'Number':
        return this.number(node);
      case 'String':
        return { k: 'str', value: this.string(node), span };
      case 'ContinuedString':
        return { k: 'str', value: parts.map((p) => (p.name === 'String' ? this.string(p) : '')).join(''), span };
      case 'Boolean':
        return { k: 'const', value: this.src(node) === 'True', span };
      case 'None':
        return { k: 'const', value: null, span };
      case 'ParenthesizedExpression':
        return this.expr(parts[1]);
      case 'TupleExpression':
        return { k: 'tuple', items: this.listItems(node), span };
      case 'ArrayExpression':
        return { k: 'list', items: this.listItems(node), span };
      case 'ArrayComprehensionExpression': {
        const fors = parts.filter((p) => p.name === 'for').length;
        const ifs = parts.filter((p) => p.name === 'if').length;
        if (fors !== 1 || ifs > 1 || parts.some((p) => p.name === 'async')) {
          throw outside('a list comprehension with more than one for or if', span, 'use a for loop');
        }
        const forAt = parts.findIndex((p) => p.name === 'for');
        const inAt = parts.findIndex((p) => p.name === 'in');
        const ifAt = parts.findIndex((p) => p.name === 'if');
        const end = parts.length - 1; // ']'
        return {
          k: 'listcomp',
          elt: this.expr(parts[1]),
          target: this.sequence(parts.slice(forAt + 1, inAt), span),
          iter: this.sequence(parts.slice(inAt + 1, ifAt < 0 ? end : ifAt), span),
          cond: ifAt < 0 ? null : this.expr(parts[ifAt + 1]),
          span,
        };
      }
      case 'MemberExpression': {
        const obj = this.expr(parts[0]);
        if (parts[1].name === '.') return { k: 'attr', obj, name: this.src(parts[2]), span };
        // Subscript: obj [ index ]
        const inner = parts.slice(2, -1);
        if (inner.some((p) => p.name === ':')) throw outside('slicing (a[i:j])', span, 'index with a single number');
        if (inner.some((p) => p.name === ',')) throw outside('indexing with several indices (a[i, j])', span);
        return { k: 'index', obj, index: this.expr(inner[0]), span };
      }
      case 'CallExpression':
        return { k: 'call', func: this.expr(parts[0]), args: this.args(parts[1]), span };
      case 'UnaryExpression': {
        const op = this.src(parts[0]);
        if (op === '~') throw outside('the bitwise operator ~', span);
        return { k: 'unary', op, operand: this.expr(parts[1]), span };
      }
      case 'BinaryExpression': {
        const left = parts[0];
        const right = parts[parts.length - 1];
        const op = parts.slice(1, -1).map((p) => this.src(p)).join(' ');
        if (left.name === 'BinaryExpression' && /^(<|>|==|!=|<=|>=|in|not in|is|is not)$/.test(op)) {
          const leftOp = kids(left).slice(1, -1).map((p) => this.src(p)).join(' ');
          if (/^(<|>|==|!=|<=|>=|in|not in|is|is not)$/.test(leftOp)) throw outside('a chained comparison (a < b < c)', span, 'write (a < b) and (b < c)');
        }
        if (!['+', '-', '*', '/', '//', '%', '**', '==', '!=', '<', '>', '<=', '>=', 'and', 'or', 'in', 'not in', 'is', 'is not'].includes(op)) {
          throw outside(`the operator ${op}`, span);
        }
        return { k: 'binop', op, left: this.expr(left), right: this.expr(right), span };
      }
      case 'ConditionalExpression':
        return { k: 'ifexp', body: this.expr(parts[0]), test: this.expr(parts[2]), orelse: this.expr(parts[4]), span };
      default: {
        const name = OUTSIDE[node.name];
        throw outside(name ?? `this expression (${node.name})`, span);
      }
    }
  }

  number(node: SyntaxNode): Expr {
    const raw = this.src(node).replace(/_/g, '');
    const span = spanOf(node);
    if (/[jJ]$/.test(raw)) throw outside('a complex number', span);
    if (/^0[xob]/i.test(raw)) return { k: 'num', value: Number(raw), isInt: true, span };
    const isInt = /^\d+$/.test(raw);
    if (isInt && raw.length > 1 && raw.startsWith('0') && /[1-9]/.test(raw)) {
      throw new ExplorerError('syntax', span, 'a whole number cannot start with 0 in Python 3', 'SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    }
    return { k: 'num', value: Number(raw), isInt, span };
  }

  string(node: SyntaxNode): string {
    const raw = this.src(node);
    const prefix = /^[a-zA-Z]*/.exec(raw)![0].toLowerCase();
    if (prefix.includes('b')) throw outside('a bytes literal', spanOf(node));
    if (prefix.includes('f')) throw outside('an f-string', spanOf(node));
    const body = raw.slice(prefix.length);
    const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body[0];
    const inner = body.slice(quote.length, body.length - quote.length);
    if (prefix.includes('r')) return inner;
    return inner.replace(/\\(n|t|\\|'|"|\n)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"', '\n': '' })[c] ?? c);
  }
}

/**
 * Parses Python source into the explorer's tree. Throws an
 * {@link ExplorerError} for a syntax error (with Python's message where it
 * is known) or for the first construct outside the subset.
 */
export function parsePython(text: string): Stmt[] {
  const scanned = scanBracketsAndIndents(text);
  if (scanned) throw scanned;
  const tree = parser.parse(text);
  const error = firstSyntaxError(tree.topNode, text);
  if (error) throw error;
  return new Converter(text).body(tree.topNode);
}
