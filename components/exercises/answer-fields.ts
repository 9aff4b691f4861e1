/**
 * What the student has entered, field by field, and the one answer string the
 * framework's checker reads (encodings: src/exercises/README.md, "Answer
 * strings"). The fields are kept as typed so a reload shows exactly what was
 * there; the string is built from them without judging anything: a blank or a
 * half-filled answer goes to the checker, which says what is missing.
 */
import type { AnswerSpec } from '../../src/exercises/index.ts';

/** The fields of a spec before anything is entered. An ordering starts in the order given. */
export function emptyFields(spec: AnswerSpec): string[] {
  switch (spec.kind) {
    case 'integer':
    case 'number':
    case 'file':
      return [''];
    case 'integers':
      return spec.labels.map(() => '');
    case 'grid':
      return Array.from({ length: spec.rows * spec.cols }, () => '');
    case 'line-and-fix':
      return ['', ''];
    case 'order':
      return spec.items.map((item) => item.id);
  }
}

/**
 * Fields read back from storage, if they still fit the spec (same count, all
 * strings, and for an ordering the same cards); otherwise null, and the card
 * starts empty rather than showing a mangled answer.
 */
export function restoreFields(spec: AnswerSpec, stored: unknown): string[] | null {
  if (!Array.isArray(stored) || !stored.every((v) => typeof v === 'string')) return null;
  const empty = emptyFields(spec);
  if (stored.length !== empty.length) return null;
  if (spec.kind === 'order' && [...stored].sort().join('\n') !== [...empty].sort().join('\n')) return null;
  return stored as string[];
}

/** The answer string for the checker (and a submission file). */
export function encodeFields(spec: AnswerSpec, fields: readonly string[]): string {
  const t = fields.map((f) => f.trim());
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return t[0] ?? '';
    case 'file':
      return fields[0] ?? '';
    case 'integers':
      return t.join(', ');
    case 'grid': {
      const rows: string[] = [];
      for (let r = 0; r < spec.rows; r++) rows.push(t.slice(r * spec.cols, (r + 1) * spec.cols).join(', '));
      return rows.join('; ');
    }
    case 'line-and-fix':
      return `${t[0] ?? ''}:${t[1] ?? ''}`;
    case 'order':
      return t.join(',');
  }
}

/** Whether nothing has been entered (an ordering always has an answer: the cards as they lie). */
export function isBlank(spec: AnswerSpec, fields: readonly string[]): boolean {
  if (spec.kind === 'order') return false;
  return fields.every((f) => f.trim() === '');
}
