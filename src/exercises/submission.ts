/**
 * Submission files: what "Hand in" downloads and what the regrade reads.
 *
 * ```json
 * { "format": "convlab-submission", "version": 1, "assignment": "<assignment id>",
 *   "student": "<id>", "answers": { "<exercise id>": "<exactly what was typed>" },
 *   "site": "<site version>", "submitted": "<ISO date-time>", "checksum": "crc32:<8 hex>" }
 * ```
 *
 * `checksum` is the CRC-32 of the file's other fields written out in a fixed
 * order (see `canonicalText`). A file edited by hand no longer matches, and the
 * regrade flags it. Anyone who reads this code can recompute the checksum, so
 * it deters casual edits only; it proves nothing.
 *
 * `parseSubmission` never throws: a file that cannot be used gets an error
 * object with a message in both languages.
 */
import { crc32 } from '../training/crc32.ts';
import type { Bilingual } from './types.ts';
import { josa, josaAny } from '../i18n/korean.ts';

export const SUBMISSION_FORMAT = 'convlab-submission';
export const SUBMISSION_VERSION = 1;
/** The site's version, written into every submission (kept equal to package.json's by a test). */
export const SITE_VERSION = '0.1.0';
/** Larger files are refused unread: even a weights file answer stays far below this. */
export const MAX_SUBMISSION_BYTES = 8 * 1024 * 1024;

export interface Submission {
  readonly format: typeof SUBMISSION_FORMAT;
  readonly version: typeof SUBMISSION_VERSION;
  readonly assignment: string;
  readonly student: string;
  /** Exercise id to exactly what was typed. */
  readonly answers: Readonly<Record<string, string>>;
  readonly site: string;
  /** When it was handed in (ISO 8601), if known. */
  readonly submitted?: string;
  readonly checksum: string;
}

/** The text the checksum covers: every field but the checksum, answers sorted by exercise id. */
export function canonicalText(s: Omit<Submission, 'checksum'> | Record<string, unknown>): string {
  const answers = (s as { answers?: unknown }).answers;
  const entries = typeof answers === 'object' && answers !== null ? Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  const r = s as Record<string, unknown>;
  return JSON.stringify([r.format, r.version, r.assignment, r.student, entries, r.site, r.submitted ?? null]);
}

export function submissionChecksum(s: Omit<Submission, 'checksum'> | Record<string, unknown>): string {
  return `crc32:${crc32(new TextEncoder().encode(canonicalText(s))).toString(16).padStart(8, '0')}`;
}

/** A submission for the student's answers, as typed. */
export function buildSubmission(options: { assignment: string; student: string; answers: Readonly<Record<string, string>>; submitted?: string; site?: string }): Submission {
  const body = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    assignment: options.assignment,
    student: options.student,
    answers: { ...options.answers },
    site: options.site ?? SITE_VERSION,
    ...(options.submitted ? { submitted: options.submitted } : {}),
  } as const;
  return { ...body, checksum: submissionChecksum(body) };
}

/** The file's text (what the browser downloads). */
export function serializeSubmission(s: Submission): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** A suggested file name: `<assignment>-<student>.json`, with only safe characters. */
export function submissionFileName(s: Pick<Submission, 'assignment' | 'student'>): string {
  const safe = (t: string) => t.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'student';
  return `${safe(s.assignment)}-${safe(s.student)}.json`;
}

export type SubmissionErrorCode = 'too-large' | 'not-text' | 'not-json' | 'not-a-submission' | 'version' | 'invalid';

export interface SubmissionError {
  readonly code: SubmissionErrorCode;
  readonly message: Bilingual;
}

/** A readable submission. Answers that are not text are kept (they score 0) and listed. */
export interface ParsedSubmission {
  readonly submission: Omit<Submission, 'answers'> & { readonly answers: Readonly<Record<string, unknown>> };
  /** The checksum is missing or does not match: the file was edited or made by hand. */
  readonly edited: boolean;
  /** Exercise ids whose answer is not text. */
  readonly wrongTypes: readonly string[];
}

export type SubmissionParse = { ok: true; value: ParsedSubmission } | { ok: false; error: SubmissionError };

function refuse(code: SubmissionErrorCode, en: string, ko: string): SubmissionParse {
  return { ok: false, error: { code, message: { en, ko } } };
}

/** Reads a submission file (its bytes or its text). Never throws. */
export function parseSubmission(file: Uint8Array | string): SubmissionParse {
  let text: string;
  if (typeof file === 'string') {
    if (file.length > MAX_SUBMISSION_BYTES) return refuse('too-large', 'The file is too large to be a submission.', '제출 파일이라기에는 너무 큽니다.');
    text = file;
  } else if (file instanceof Uint8Array) {
    if (file.length > MAX_SUBMISSION_BYTES) return refuse('too-large', `The file is too large to be a submission (over ${MAX_SUBMISSION_BYTES / 1024 / 1024} MB).`, `제출 파일이라기에는 너무 큽니다(${MAX_SUBMISSION_BYTES / 1024 / 1024}MB 초과).`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      return refuse('not-text', 'The file is not text (not UTF-8): it is not a ConvLab submission.', '텍스트 파일(UTF-8)이 아니므로 ConvLab 제출 파일이 아닙니다.');
    }
  } else {
    return refuse('not-text', 'Expected the contents of a file.', '파일 내용이 필요합니다.');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse('not-json', `The file is not valid JSON (${reason}).`, `올바른 JSON 파일이 아닙니다(${reason}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('not-a-submission', 'The file is JSON but not a submission (expected an object).', 'JSON 파일이지만 제출 파일이 아닙니다(객체가 아닙니다).');
  const d = data as Record<string, unknown>;
  if (d.format !== SUBMISSION_FORMAT) {
    return refuse('not-a-submission', `The file is not a ConvLab submission (its "format" is ${JSON.stringify(d.format)?.slice(0, 40)}, expected "${SUBMISSION_FORMAT}").`, `ConvLab 제출 파일이 아닙니다("format"이 ${josaAny(JSON.stringify(d.format)?.slice(0, 40), '(이)고')}, "${SUBMISSION_FORMAT}"이어야 합니다).`);
  }
  if (d.version !== SUBMISSION_VERSION) {
    const newer = typeof d.version === 'number' && d.version > SUBMISSION_VERSION;
    return refuse(
      'version',
      newer ? `The file was made by a newer ConvLab (submission version ${d.version}); regrade with the newer site.` : `The file has submission version ${JSON.stringify(d.version)}; this site reads version ${SUBMISSION_VERSION}.`,
      newer ? `더 새로운 ConvLab이 만든 파일입니다(제출 형식 버전 ${d.version}). 새 사이트에서 다시 채점하세요.` : `파일의 제출 형식 버전이 ${JSON.stringify(d.version)}입니다. 이 사이트는 버전 ${josa(SUBMISSION_VERSION, '을/를')} 읽습니다.`,
    );
  }
  const field = (name: string, max: number): string | null => (typeof d[name] === 'string' && (d[name] as string).length <= max ? (d[name] as string) : null);
  const assignment = field('assignment', 100);
  if (assignment === null) return refuse('invalid', 'The file has no valid "assignment" (the assignment id, as text).', '파일에 올바른 "assignment"(과제 id, 텍스트)가 없습니다.');
  const student = field('student', 200);
  if (student === null || student.trim() === '') return refuse('invalid', 'The file has no valid "student" (the student id, as text).', '파일에 올바른 "student"(학생 id, 텍스트)가 없습니다.');
  if (typeof d.answers !== 'object' || d.answers === null || Array.isArray(d.answers)) {
    return refuse('invalid', 'The file has no "answers" object (exercise id to the answer typed).', '파일에 "answers" 객체(문제 id와 입력한 답)가 없습니다.');
  }
  const answers: Record<string, unknown> = {};
  const wrongTypes: string[] = [];
  for (const [id, value] of Object.entries(d.answers as Record<string, unknown>)) {
    answers[id] = value;
    if (typeof value !== 'string') wrongTypes.push(id);
  }
  const site = typeof d.site === 'string' ? d.site : '';
  const submitted = typeof d.submitted === 'string' && !Number.isNaN(Date.parse(d.submitted)) ? d.submitted : undefined;
  const checksum = typeof d.checksum === 'string' ? d.checksum : '';
  const edited = checksum !== submissionChecksum(d);
  return {
    ok: true,
    value: {
      submission: { format: SUBMISSION_FORMAT, version: SUBMISSION_VERSION, assignment, student, answers, site, ...(submitted ? { submitted } : {}), checksum },
      edited,
      wrongTypes,
    },
  };
}
