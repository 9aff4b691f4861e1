/**
 * Assignments that live in a link: no server keeps them. The instructor's page
 * (or `npm run assignment -- create`) writes everything into the fragment of a
 * URL, `/en/assignment/#v1.<payload>.<checksum>`:
 *
 * - `v1`: the link format's version. A link of another version gets a clear
 *   error (made by an older or a newer site), never a guess;
 * - `<payload>`: base64url of the UTF-8 JSON
 *   `{ "i": id, "t": title, "d": due date or null, "c": created, "s": salt,
 *      "x": [[exercise id, version, points], ...] }`;
 * - `<checksum>`: CRC-32 of the payload text, 8 hex digits, so that a link
 *   cut short by a mail program or changed by hand is caught.
 *
 * The fragment never reaches a server, so a student's copy of the site sends
 * nothing anywhere. The checksum catches accidents, not intent: anyone can
 * write a valid link. That is harmless, because the instructor grades with
 * their own link (see README.md).
 *
 * `decodeAssignment` never throws: every failure is an error object with a
 * message in both languages.
 */
import { crc32 } from '../training/crc32.ts';
import { exerciseVersions, getExercise, hasExercise, makeVariant } from './registry.ts';
import type { Variant } from './registry.ts';
import { variantSeed } from './seed.ts';
import { withParticle } from './text.ts';
import type { Bilingual, Block, ReferenceAnswer } from './types.ts';
import { josa, josaAny } from '../i18n/korean.ts';

/** The link format this code writes and reads. */
export const ASSIGNMENT_LINK_VERSION = 1;
/** Limits that keep a link a link. */
export const ASSIGNMENT_LIMITS = Object.freeze({ exercises: 100, title: 200, salt: 64, points: 1000, linkChars: 20_000 });

/** One exercise of an assignment, pinned to a version. */
export interface AssignmentExercise {
  readonly id: string;
  readonly version: number;
  readonly points: number;
}

export interface Assignment {
  /** Short and stable: submissions name it. */
  readonly id: string;
  readonly title: string;
  /** ISO 8601 date or date-time, or null for no due date. */
  readonly due: string | null;
  /** ISO 8601 date-time. */
  readonly created: string;
  /** Mixed into every student's variant seeds; a new salt gives everyone new numbers. */
  readonly salt: string;
  readonly exercises: readonly AssignmentExercise[];
}

export type LinkErrorCode = 'empty' | 'malformed' | 'truncated' | 'checksum' | 'outdated' | 'newer' | 'content' | 'unknown-exercise';

/** Why a link cannot be read. */
export interface LinkError {
  readonly code: LinkErrorCode;
  readonly message: Bilingual;
}

export type DecodedAssignment = { ok: true; assignment: Assignment } | { ok: false; error: LinkError };

function linkError(code: LinkErrorCode, en: string, ko: string): DecodedAssignment {
  return { ok: false, error: { code, message: { en, ko } } };
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,39}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A random id of `length` characters from [a-z0-9] (crypto-random; ids and salts need not be secret, only distinct). */
export function randomToken(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** Options of {@link createAssignment}. */
export interface CreateOptions {
  /** Exercise ids (latest version, 1 point each), or entries with a version and points. */
  exercises: readonly (string | { id: string; version?: number; points?: number })[];
  title?: string;
  due?: string | null;
  salt?: string;
  id?: string;
  /** Default: now. */
  created?: string;
}

/**
 * A new assignment. Throws (with a message naming the problem) for an unknown
 * exercise or version, a repeated exercise, or a value out of range: this is
 * for the instructor's tools, which show the message.
 */
export function createAssignment(options: CreateOptions): Assignment {
  if (!Array.isArray(options.exercises) || options.exercises.length === 0) throw new Error('an assignment needs at least one exercise');
  if (options.exercises.length > ASSIGNMENT_LIMITS.exercises) throw new Error(`an assignment can hold at most ${ASSIGNMENT_LIMITS.exercises} exercises`);
  const seen = new Set<string>();
  const exercises = options.exercises.map((entry) => {
    const { id, version, points = 1 } = typeof entry === 'string' ? { id: entry.trim() } : entry;
    if (!hasExercise(id)) throw new Error(`unknown exercise ${JSON.stringify(id)}`);
    const chosen = version ?? getExercise(id)!.version;
    if (!getExercise(id, chosen)) throw new Error(`exercise ${id} has no version ${chosen} (it has ${exerciseVersions(id).join(', ')})`);
    if (seen.has(id)) throw new Error(`exercise ${id} is listed twice`);
    seen.add(id);
    if (!(typeof points === 'number' && Number.isFinite(points) && points >= 0 && points <= ASSIGNMENT_LIMITS.points)) {
      throw new Error(`points of ${id} must be a number from 0 to ${ASSIGNMENT_LIMITS.points}, got ${String(points)}`);
    }
    return { id, version: chosen, points };
  });
  const title = (options.title ?? 'Assignment').trim();
  if (title.length === 0 || title.length > ASSIGNMENT_LIMITS.title) throw new Error(`the title must be 1 to ${ASSIGNMENT_LIMITS.title} characters`);
  const salt = options.salt ?? randomToken(16);
  if (typeof salt !== 'string' || salt.length === 0 || salt.length > ASSIGNMENT_LIMITS.salt) throw new Error(`the salt must be 1 to ${ASSIGNMENT_LIMITS.salt} characters`);
  const id = options.id ?? randomToken(10);
  if (!ID_PATTERN.test(id)) throw new Error(`the assignment id must be 3 to 40 lower-case letters, digits or hyphens, got ${JSON.stringify(id)}`);
  const due = options.due ?? null;
  if (due !== null && !DATE_PATTERN.test(due)) throw new Error(`the due date must be an ISO 8601 date such as 2025-06-30 or 2025-06-30T23:59Z, got ${JSON.stringify(due)}`);
  const created = options.created ?? new Date().toISOString();
  if (!DATE_PATTERN.test(created)) throw new Error(`created must be an ISO 8601 date, got ${JSON.stringify(created)}`);
  return { id, title, due, created, salt, exercises };
}

/** The fragment that holds the assignment: `v1.<payload>.<checksum>`. */
export function encodeAssignment(a: Assignment): string {
  const json = JSON.stringify({ i: a.id, t: a.title, d: a.due, c: a.created, s: a.salt, x: a.exercises.map((e) => [e.id, e.version, e.points]) });
  const payload = base64UrlEncode(new TextEncoder().encode(json));
  return `v${ASSIGNMENT_LINK_VERSION}.${payload}.${hex8(crc32(new TextEncoder().encode(payload)))}`;
}

/** Where the student page lives, relative to the site's base. */
export function assignmentPath(lang: 'en' | 'ko' = 'en'): string {
  return `/${lang}/assignment/`;
}

/** The whole link: `<base>/<lang>/assignment/#v1.<payload>.<checksum>` (base '' gives a site-relative link). */
export function assignmentLink(a: Assignment, options: { base?: string; lang?: 'en' | 'ko' } = {}): string {
  const base = (options.base ?? '').replace(/\/+$/, '');
  return `${base}${assignmentPath(options.lang ?? 'en')}#${encodeAssignment(a)}`;
}

/**
 * Reads an assignment from a whole link, a link's fragment (with or without
 * the '#') or the bare `v1....` text. Never throws.
 */
export function decodeAssignment(link: unknown): DecodedAssignment {
  if (typeof link !== 'string' || link.trim() === '') {
    return linkError('empty', 'The assignment link is empty.', '과제 링크가 비어 있습니다.');
  }
  if (link.length > ASSIGNMENT_LIMITS.linkChars) {
    return linkError('malformed', 'This is far too long to be an assignment link.', '과제 링크라기에는 너무 깁니다.');
  }
  const text = link.trim();
  const fragment = text.includes('#') ? text.slice(text.lastIndexOf('#') + 1) : text;
  let decodedFragment = fragment;
  try {
    decodedFragment = decodeURIComponent(fragment);
  } catch {
    // Keep it as it was: a stray '%' is not a reason to give up before the checks below say what is wrong.
  }
  const parts = decodedFragment.trim().split('.');
  const versionMatch = /^v(\d{1,4})$/.exec(parts[0] ?? '');
  if (!versionMatch) {
    return linkError('malformed', 'This is not a ConvLab assignment link: it should end in #v1. followed by letters and digits.', 'ConvLab 과제 링크가 아닙니다. 링크는 #v1. 뒤에 글자와 숫자가 이어지는 형태로 끝나야 합니다.');
  }
  const version = Number(versionMatch[1]);
  if (version > ASSIGNMENT_LINK_VERSION) {
    return linkError('newer', `This link was made by a newer version of ConvLab (link format ${version}); reload the site, or ask your instructor for a new link.`, `더 새로운 버전의 ConvLab이 만든 링크입니다(링크 형식 ${version}). 사이트를 새로 고치거나 강사에게 새 링크를 요청하세요.`);
  }
  if (version < ASSIGNMENT_LINK_VERSION) {
    return linkError('outdated', `This link uses an old format (${version}) that this site no longer reads; ask your instructor for a new link.`, `이 사이트가 더는 읽지 않는 옛 형식(${version})의 링크입니다. 강사에게 새 링크를 요청하세요.`);
  }
  if (parts.length < 3 || parts[2] === '') {
    return linkError('truncated', 'The link is cut short: its end is missing. Copy the whole link again.', '링크가 잘렸습니다. 끝부분이 없습니다. 링크 전체를 다시 복사하세요.');
  }
  if (parts.length > 3) return linkError('malformed', 'The link has extra parts after its checksum.', '링크의 체크섬 뒤에 다른 부분이 붙어 있습니다.');
  const [, payload, checksum] = parts;
  if (!/^[0-9a-f]{8}$/i.test(checksum)) {
    return linkError('truncated', 'The link is cut short or changed: its last part should be 8 letters and digits. Copy the whole link again.', '링크가 잘렸거나 바뀌었습니다. 마지막 부분은 글자와 숫자 8개여야 합니다. 링크 전체를 다시 복사하세요.');
  }
  if (hex8(crc32(new TextEncoder().encode(payload))) !== checksum.toLowerCase()) {
    return linkError('checksum', 'The link was changed or cut short (its checksum does not match). Copy the whole link again, or ask for a new one.', '링크가 바뀌었거나 잘렸습니다(체크섬이 맞지 않습니다). 링크 전체를 다시 복사하거나 새 링크를 요청하세요.');
  }
  const bytes = base64UrlDecode(payload);
  let data: unknown;
  try {
    if (!bytes) throw new Error('not base64url');
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return linkError('malformed', 'The link is damaged: its contents cannot be read.', '링크가 손상되어 내용을 읽을 수 없습니다.');
  }
  return checkContent(data);
}

function checkContent(data: unknown): DecodedAssignment {
  const bad = (en: string, ko: string) => linkError('content', `The link does not describe a valid assignment: ${en}.`, `링크에 든 과제 정보가 올바르지 않습니다: ${ko}.`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('it is not an object', '객체가 아닙니다');
  const d = data as Record<string, unknown>;
  if (typeof d.i !== 'string' || !ID_PATTERN.test(d.i)) return bad('no valid id', '올바른 id가 없습니다');
  if (typeof d.t !== 'string' || d.t.length === 0 || d.t.length > ASSIGNMENT_LIMITS.title) return bad('no valid title', '올바른 제목이 없습니다');
  if (!(d.d === null || (typeof d.d === 'string' && DATE_PATTERN.test(d.d)))) return bad('the due date is not a date', '마감일이 날짜가 아닙니다');
  if (typeof d.c !== 'string' || !DATE_PATTERN.test(d.c)) return bad('the creation date is not a date', '만든 날짜가 날짜가 아닙니다');
  if (typeof d.s !== 'string' || d.s.length === 0 || d.s.length > ASSIGNMENT_LIMITS.salt) return bad('no valid salt', '올바른 솔트가 없습니다');
  if (!Array.isArray(d.x) || d.x.length === 0 || d.x.length > ASSIGNMENT_LIMITS.exercises) return bad('no list of exercises', '문제 목록이 없습니다');
  const exercises: AssignmentExercise[] = [];
  const seen = new Set<string>();
  for (const entry of d.x) {
    if (!Array.isArray(entry) || entry.length !== 3) return bad('an exercise entry is malformed', '문제 항목 하나의 형식이 잘못되었습니다');
    const [id, version, points] = entry as unknown[];
    if (typeof id !== 'string' || !Number.isInteger(version) || (version as number) < 1) return bad('an exercise entry is malformed', '문제 항목 하나의 형식이 잘못되었습니다');
    if (!(typeof points === 'number' && Number.isFinite(points) && points >= 0 && points <= ASSIGNMENT_LIMITS.points)) return bad(`the points of ${id} are invalid`, `${id}의 배점이 올바르지 않습니다`);
    if (seen.has(id)) return bad(`${id} is listed twice`, `${josaAny(id, '이/가')} 두 번 들어 있습니다`);
    seen.add(id);
    if (!getExercise(id, version as number)) {
      const known = exerciseVersions(id);
      return known.length === 0
        ? linkError('unknown-exercise', `The link names an exercise this site does not have (${id}). It may come from a newer version of ConvLab.`, `이 사이트에 없는 문제(${id})가 링크에 들어 있습니다. 더 새로운 버전의 ConvLab에서 만든 링크일 수 있습니다.`)
        : linkError('unknown-exercise', `The link asks for version ${version as number} of ${id}, which this site does not have (it has ${known.join(', ')}). It may come from a newer version of ConvLab.`, `링크가 ${id}의 버전 ${withParticle(version as number, '을', '를')} 요구하지만 이 사이트에는 없습니다(있는 버전: ${known.join(', ')}). 더 새로운 버전의 ConvLab에서 만든 링크일 수 있습니다.`);
    }
    exercises.push({ id, version: version as number, points });
  }
  return { ok: true, assignment: { id: d.i, title: d.t, due: d.d as string | null, created: d.c, salt: d.s, exercises } };
}

/** The maximum score of an assignment. */
export function maxPoints(a: Assignment): number {
  return a.exercises.reduce((sum, e) => sum + e.points, 0);
}

/** One exercise of one student's copy of an assignment. */
export interface StudentVariant extends Variant {
  readonly entry: AssignmentExercise;
}

/**
 * A student's variant of every exercise of the assignment: seeds from
 * (salt, student id, exercise id, version), see `seed.ts`. The same on every
 * reload, in the student's browser and in the instructor's regrade.
 */
export function studentVariants(a: Assignment, student: string): StudentVariant[] {
  return a.exercises.map((entry) => {
    const exercise = getExercise(entry.id, entry.version);
    if (!exercise) throw new Error(`exercise ${entry.id} version ${entry.version} is not registered`);
    return { ...makeVariant(exercise, variantSeed(a.salt, student, entry.id, entry.version)), entry };
  });
}

/** One line of an answer key. */
export interface AnswerKeyEntry {
  readonly id: string;
  readonly version: number;
  readonly points: number;
  readonly seed: number;
  readonly params: unknown;
  readonly prompt: Bilingual<readonly Block[]>;
  readonly answer: ReferenceAnswer;
}

/** The answer key of any student: their parameters, prompts and reference answers. */
export function answerKey(a: Assignment, student: string): AnswerKeyEntry[] {
  return studentVariants(a, student).map((v) => ({
    id: v.entry.id,
    version: v.entry.version,
    points: v.entry.points,
    seed: v.seed,
    params: v.params,
    prompt: v.exercise.prompt(v.params),
    answer: v.exercise.answer(v.params),
  }));
}
