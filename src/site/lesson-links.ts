/**
 * Links between lessons. Lessons link to each other with relative Markdown links,
 * `[lesson 4](../output-size/)`, which src/site/rehype-lesson-links.ts turns into site
 * links (or into a "coming soon" label while the lesson is unwritten) and
 * src/site/lesson-rules.ts checks against the catalog.
 */

/** The lesson a link points to, if it points to a lesson page: `../slug/` or `/<lang>/lessons/<slug>/`. */
export function lessonLinkTarget(url: string, fromLang: string): { lang: string; slug: string; hash: string } | undefined {
  const relative = /^\.\.\/([a-z0-9-]+)\/?(#[\w-]*)?$/.exec(url);
  if (relative) return { lang: fromLang, slug: relative[1]!, hash: relative[2] ?? '' };
  const absolute = /^\/([a-z]{2})\/lessons\/([a-z0-9-]+)\/?(#[\w-]*)?$/.exec(url);
  if (absolute) return { lang: absolute[1]!, slug: absolute[2]!, hash: absolute[3] ?? '' };
  return undefined;
}
