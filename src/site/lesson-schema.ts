/**
 * Frontmatter schema of a lesson (`content/lessons/<locale>/<slug>.mdx`).
 *
 * Kept apart from `src/content.config.ts` so unit tests can validate frontmatter
 * without Astro's virtual modules. Every message says what was expected and what the
 * file actually contained, because the person reading it is a lesson author staring
 * at a failed build.
 */
import { z } from 'astro/zod';

/** Highest lesson number; the course has exactly this many lessons. */
export const LESSON_COUNT = 17;

/** Short, readable rendering of a value that did not fit, for error messages. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array ${JSON.stringify(value)}`;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString().slice(0, 10)}`;
  }
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return `an object ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

function expected(what: string) {
  return (issue: { input?: unknown }) => `expected ${what}, received ${describeReceived(issue.input)}`;
}

const nonEmptyText = (what: string) =>
  z.string({ error: expected(what) }).refine((text) => text.trim().length > 0, { error: expected(what) });

/** Zod schema of a lesson's frontmatter. Unknown keys are refused, to catch typos. */
export const lessonSchema = z.strictObject(
  {
    title: nonEmptyText('a non-empty title string'),
    order: z
      .number({ error: expected(`a whole number from 1 to ${LESSON_COUNT}`) })
      .int({ error: expected(`a whole number from 1 to ${LESSON_COUNT}`) })
      .min(1, { error: expected(`a whole number from 1 to ${LESSON_COUNT}`) })
      .max(LESSON_COUNT, { error: expected(`a whole number from 1 to ${LESSON_COUNT}`) }),
    summary: nonEmptyText('a one- or two-sentence summary string'),
    objectives: z
      .array(nonEmptyText('each objective to be a non-empty string'), {
        error: expected('a list of learning objectives (strings)'),
      })
      .min(1, { error: expected('at least one learning objective') }),
    widgets: z.array(nonEmptyText('each widget name to be a non-empty string'), {
      error: expected('a list of the widget names the lesson uses (may be empty: [])'),
    }),
    // YAML turns a bare 2025-01-31 into a Date; a quoted one stays text, so accept both.
    updated: z
      .preprocess(
        (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value) : value),
        z.date({ error: expected('a date such as 2025-01-31') }),
      )
      .optional(),
    // Translations only: the English source this file was last brought in line with
    // (see src/site/translation.ts; `npm run lesson:sync-hash -- <slug>` writes it).
    translatedFrom: z
      .string({ error: expected('the first 12 hex digits of the English file\'s SHA-256, written by npm run lesson:sync-hash') })
      .regex(/^[0-9a-f]{12}$/, {
        error: expected('the first 12 hex digits of the English file\'s SHA-256, written by npm run lesson:sync-hash'),
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown frontmatter field(s) ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}; ` +
          'expected only title, order, summary, objectives, widgets and optionally updated and translatedFrom'
        : `expected the frontmatter to be a set of fields, received ${describeReceived(issue.input)}`,
  },
);

/** Validated lesson frontmatter. */
export type LessonFrontmatter = z.infer<typeof lessonSchema>;

/**
 * Validate frontmatter outside Astro and turn failures into one readable line per
 * problem, each prefixed with the field name (e.g. `order: expected ..., received ...`).
 */
export function checkFrontmatter(
  data: unknown,
): { ok: true; value: LessonFrontmatter } | { ok: false; problems: string[] } {
  const result = lessonSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(frontmatter)';
    return `${field}: ${issue.message}`;
  });
  return { ok: false, problems };
}
