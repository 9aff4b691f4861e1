/**
 * Rehype plugin: links from one lesson to another. Authors write a relative Markdown
 * link, `[lesson 4](../output-size/)` or `[다음 강의](../padding/)`; this plugin
 *
 * - points it at the lesson page in the page's own language (with the site's base), when
 *   that lesson is written;
 * - turns it into a label with "(coming soon)" when the lesson is not written yet, so
 *   the page never links to a page that does not exist and the reference becomes a link
 *   by itself the day the lesson appears;
 * - stops the build when the link names a slug the catalog does not have.
 *
 * src/site/lesson-rules.ts checks that "lesson N" and "the next lesson" are such links.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { catalogEntry, isLocale } from '../i18n/lessons.ts';
import { ui } from '../i18n/ui.ts';
import { lessonLinkTarget } from './lesson-links.ts';

export interface LessonLinkOptions {
  /** Folder holding `<lang>/<slug>.mdx`; default `content/lessons` under the working directory. */
  readonly contentDir?: string;
  /** The site's base path, as in astro.config.mjs; default `/`. */
  readonly base?: string;
}

/** The language of the lesson file being rendered, from its path. */
function languageOf(filePath: string | undefined): string | undefined {
  const match = /content[\\/]lessons[\\/]([^\\/]+)[\\/][^\\/]+\.mdx?$/.exec(filePath ?? '');
  return match?.[1];
}

export default function rehypeLessonLinks(options: LessonLinkOptions = {}) {
  const contentDir = options.contentDir ?? path.resolve('content/lessons');
  const base = (options.base ?? '/').replace(/\/?$/, '/');

  return (tree: Root, file: { path?: string }) => {
    const lang = languageOf(file.path);
    if (!lang || !isLocale(lang)) return;

    const rewrite = (parent: Root | Element): void => {
      parent.children = parent.children.map((child): RootContent => {
        if (child.type !== 'element') return child;
        const href = child.tagName === 'a' ? child.properties?.href : undefined;
        const target = typeof href === 'string' ? lessonLinkTarget(href, lang) : undefined;
        if (!target) {
          rewrite(child);
          return child;
        }
        if (!catalogEntry(target.slug) || !isLocale(target.lang)) {
          throw new Error(
            `${file.path}: link ${JSON.stringify(href)} points to lesson "${target.slug}" in "${target.lang}", which the catalog (src/i18n/lessons.ts) does not have`,
          );
        }
        if (existsSync(path.join(contentDir, target.lang, `${target.slug}.mdx`))) {
          child.properties = { ...child.properties, href: `${base}${target.lang}/lessons/${target.slug}/${target.hash}`, className: ['lesson-link'] };
          return child;
        }
        const soon: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['lesson-link__soon'] },
          // Korean sets a parenthesis right against the word: 다음 강의(준비 중)에서.
          children: [{ type: 'text', value: `${target.lang === 'ko' ? '' : ' '}(${ui[target.lang].comingSoon})` }],
        };
        return {
          type: 'element',
          tagName: 'span',
          properties: { className: ['lesson-link', 'lesson-link--soon'], dataSlug: target.slug },
          children: [...(child.children as ElementContent[]), soon],
        };
      });
    };
    rewrite(tree);
  };
}
