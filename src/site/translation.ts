/**
 * Keeping a translation in step with its English source.
 *
 * Every Korean lesson records, in its frontmatter, a hash of the English file it was
 * last brought in line with (`translatedFrom`). When the English file changes, the
 * hash no longer matches and the content tests name the Korean file. After updating
 * the Korean text, `npm run lesson:sync-hash -- <slug>` records the new hash.
 */
import { createHash } from 'node:crypto';

/** The frontmatter field that holds the hash. */
export const TRANSLATION_FIELD = 'translatedFrom';

/** Short hash of a lesson's source text: the first 12 hex digits of its SHA-256 (line endings normalised). */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex').slice(0, 12);
}

/** How to bring the hash up to date, for messages. */
export function syncCommand(slug: string): string {
  return `npm run lesson:sync-hash -- ${slug}`;
}

/**
 * Whether the translation's recorded hash matches the English source: undefined when
 * it does, else a sentence saying what is wrong and what to do.
 */
export function translationProblem(recorded: unknown, english: string, englishFile: string, slug: string): string | undefined {
  const current = sourceHash(english);
  if (recorded === undefined) {
    return `has no ${TRANSLATION_FIELD} field; once it says what ${englishFile} says, run \`${syncCommand(slug)}\` to record ${current}`;
  }
  if (recorded === current) return undefined;
  return (
    `was translated from an earlier ${englishFile} (${TRANSLATION_FIELD}: ${String(recorded)}, now ${current}): ` +
    `bring it in line with the English (git log -p ${englishFile} shows what changed), then run \`${syncCommand(slug)}\``
  );
}

/** `text` (a Korean lesson file) with its `translatedFrom` set to `hash`, added after `order` when missing. */
export function withTranslationHash(text: string, hash: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) throw new Error('the file has no --- frontmatter block to record the hash in');
  const lines = match[1]!.split(/\r?\n/);
  const field = `${TRANSLATION_FIELD}: ${hash}`;
  const existing = lines.findIndex((line) => line.startsWith(`${TRANSLATION_FIELD}:`));
  if (existing >= 0) lines[existing] = field;
  else {
    const order = lines.findIndex((line) => line.startsWith('order:'));
    lines.splice(order >= 0 ? order + 1 : lines.length, 0, field);
  }
  return `---${eol}${lines.join(eol)}${eol}---${match[2]}${text.slice(match[0].length)}`;
}
