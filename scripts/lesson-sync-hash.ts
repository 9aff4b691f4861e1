/**
 * Record, in a translated lesson, which version of the English lesson it says.
 *
 *   npm run lesson:sync-hash -- <slug> [<slug> ...]   after bringing content/lessons/ko/<slug>.mdx
 *                                                     in line with the English: record its hash
 *   npm run lesson:sync-hash -- --check               list translations whose English changed since
 *                                                     (exit code 1 if any)
 *   npm run lesson:sync-hash -- --all                 record the hash in every translation
 *
 * The hash goes into the translation's frontmatter as `translatedFrom` (see
 * src/site/translation.ts); tests/unit/content/lessons.test.ts fails, naming the file,
 * whenever it is stale.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { TRANSLATION_FIELD, sourceHash, withTranslationHash } from '../src/site/translation.ts';

/** The source language; every other folder under content/lessons holds translations. */
const SOURCE = 'en';

/** A translation and where its English source stands. */
export interface TranslationState {
  readonly file: string;
  readonly slug: string;
  readonly recorded: string | undefined;
  readonly current: string;
}

/** Every translation under `<root>/content/lessons`, with its recorded and current hash. */
export function translations(root: string): TranslationState[] {
  const dir = path.join(root, 'content', 'lessons');
  return readdirSync(dir)
    .filter((lang) => lang !== SOURCE && !lang.startsWith('.'))
    .flatMap((lang) =>
      readdirSync(path.join(dir, lang))
        .filter((name) => name.endsWith('.mdx'))
        .flatMap((name) => {
          const slug = name.replace(/\.mdx$/, '');
          const english = path.join(dir, SOURCE, name);
          if (!existsSync(english)) return [];
          const file = path.join(dir, lang, name);
          const { frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'));
          const recorded = frontmatter[TRANSLATION_FIELD];
          return [
            {
              file: path.relative(root, file).split(path.sep).join('/'),
              slug,
              recorded: typeof recorded === 'string' ? recorded : undefined,
              current: sourceHash(readFileSync(english, 'utf8')),
            },
          ];
        }),
    );
}

/** Write the current hash into the translations of `slugs`; returns the files changed. */
export function syncHashes(root: string, slugs: readonly string[]): string[] {
  const all = translations(root);
  const unknown = slugs.filter((slug) => !all.some((t) => t.slug === slug));
  if (unknown.length) {
    throw new Error(`no translated lesson named ${unknown.map((s) => JSON.stringify(s)).join(', ')}; known: ${[...new Set(all.map((t) => t.slug))].join(', ')}`);
  }
  const changed: string[] = [];
  for (const state of all.filter((t) => slugs.includes(t.slug))) {
    if (state.recorded === state.current) continue;
    const file = path.join(root, state.file);
    writeFileSync(file, withTranslationHash(readFileSync(file, 'utf8'), state.current));
    changed.push(state.file);
  }
  return changed;
}

function main(args: readonly string[]): number {
  const root = process.cwd();
  if (args.includes('--check') || args.length === 0) {
    const stale = translations(root).filter((t) => t.recorded !== t.current);
    for (const t of stale) {
      console.log(`${t.file}: ${t.recorded ? `translated from ${t.recorded}, English is now ${t.current}` : 'no translatedFrom recorded'}`);
    }
    if (args.length === 0) console.log('\nAfter bringing a translation in line: npm run lesson:sync-hash -- <slug>  (or --all)');
    console.log(stale.length ? `${stale.length} translation(s) behind their English source.` : 'Every translation is current.');
    return stale.length ? 1 : 0;
  }
  const slugs = args.includes('--all') ? [...new Set(translations(root).map((t) => t.slug))] : args.filter((a) => !a.startsWith('--'));
  const changed = syncHashes(root, slugs);
  for (const file of changed) console.log(`recorded the English source's hash in ${file}`);
  if (!changed.length) console.log('Nothing to do: the recorded hashes are current.');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
