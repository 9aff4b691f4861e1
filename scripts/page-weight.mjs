/**
 * How much JavaScript each built lesson page makes the reader download before any
 * widget loads, gzipped, against a budget of 100 KB. Run after a build:
 *
 *     npm run build && node scripts/page-weight.mjs [--markdown]
 *
 * "Before any widget loads" = the page's own <script> tags (inline and external), module
 * preloads, and everything those import statically. Islands are counted separately:
 * their component and renderer modules (and static imports) load only when the widget
 * scrolls into view (client:visible). Dynamic import() is never followed: it is loaded
 * on demand. Each file is gzipped on its own, as a server would send it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { outDir as dist } from './run.mjs';

/** Budget for the eager JavaScript of one lesson page, gzipped. */
export const BUDGET_KB = 100;

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

/** Static import specifiers of an ES module's source. */
export function staticImports(source) {
  return [...source.matchAll(staticImport)].map((match) => match[1]);
}

function attributes(tag) {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], m[2] ?? '']));
}

/** Resolve a URL used in a page or module to a file in dist/, if it is one of ours. */
function toFile(url, fromUrl) {
  const resolved = new URL(url, new URL(fromUrl, 'http://site.invalid'));
  if (resolved.host !== 'site.invalid') return undefined;
  return path.join(dist, decodeURIComponent(resolved.pathname));
}

const gzipCache = new Map();
function gzipBytes(key, content) {
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(content, { level: 9 }).length);
  return gzipCache.get(key);
}

/** Add `file` and its static imports to `seen` (paths relative to dist as URLs). */
function collect(fileUrl, seen) {
  if (seen.has(fileUrl)) return;
  const file = toFile(fileUrl, '/');
  if (!file || !existsSync(file)) return;
  seen.add(fileUrl);
  const source = readFileSync(file, 'utf8');
  for (const specifier of staticImports(source)) {
    const next = new URL(specifier, new URL(fileUrl, 'http://site.invalid'));
    if (next.host === 'site.invalid') collect(next.pathname, seen);
  }
}

/** JavaScript of one built page: eager bytes, island bytes, file counts. */
export function measurePage(htmlFile, pageUrl) {
  const html = readFileSync(htmlFile, 'utf8');
  const eager = new Set();
  let inlineBytes = 0;

  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = attributes(`<script ${match[1]}`);
    if (attrs.type && !/module|javascript/.test(attrs.type)) continue; // JSON, templates
    if (attrs.src !== undefined) {
      const file = toFile(attrs.src, pageUrl);
      if (file) collect(new URL(attrs.src, new URL(pageUrl, 'http://site.invalid')).pathname, eager);
    } else if (match[2].trim()) {
      inlineBytes += gzipBytes(`${htmlFile}#${match.index}`, match[2]);
      for (const specifier of staticImports(match[2])) {
        const next = new URL(specifier, new URL(pageUrl, 'http://site.invalid'));
        if (next.host === 'site.invalid') collect(next.pathname, eager);
      }
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) {
    const href = attributes(match[0]).href;
    if (href) collect(new URL(href, new URL(pageUrl, 'http://site.invalid')).pathname, eager);
  }

  const islands = new Set();
  let islandCount = 0;
  for (const match of html.matchAll(/<astro-island\b[^>]*>/g)) {
    islandCount += 1;
    const attrs = attributes(match[0]);
    for (const url of [attrs['component-url'], attrs['renderer-url']]) {
      if (url) collect(new URL(url, new URL(pageUrl, 'http://site.invalid')).pathname, islands);
    }
  }
  for (const url of eager) islands.delete(url);

  const sum = (urls) => [...urls].reduce((total, url) => total + gzipBytes(url, readFileSync(toFile(url, '/'))), 0);
  return {
    page: pageUrl,
    eagerBytes: inlineBytes + sum(eager),
    eagerFiles: eager.size,
    islandBytes: sum(islands),
    islandCount,
  };
}

/** Every built lesson page, in URL order. */
export function lessonPages() {
  const pages = [];
  for (const lang of ['en', 'ko']) {
    const dir = path.join(dist, lang, 'lessons');
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      const file = path.join(dir, slug, 'index.html');
      if (existsSync(file)) pages.push({ file, url: `/${lang}/lessons/${slug}/` });
    }
  }
  return pages;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

function main() {
  if (!existsSync(dist)) {
    console.error(`No build at ${dist}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const pages = lessonPages();
  if (pages.length === 0) {
    console.error(`No lesson pages in ${dist}.`);
    process.exit(1);
  }
  const rows = pages.map(({ file, url }) => measurePage(file, url));
  const header = ['Lesson page', 'JS before widgets (gzip KB)', 'Files', 'Widgets', 'Widget JS on view (gzip KB)', `< ${BUDGET_KB} KB`];
  const lines = rows.map((row) => [
    row.page,
    kb(row.eagerBytes),
    String(row.eagerFiles),
    String(row.islandCount),
    kb(row.islandBytes),
    row.eagerBytes < BUDGET_KB * 1024 ? 'yes' : 'NO',
  ]);
  if (process.argv.includes('--markdown')) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  } else {
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
    const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    console.log(format(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const line of lines) console.log(format(line));
  }
  const worst = Math.max(...rows.map((row) => row.eagerBytes));
  console.log(`\nLargest eager JavaScript: ${kb(worst)} KB gzipped (budget ${BUDGET_KB} KB).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
