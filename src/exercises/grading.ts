/**
 * Regrading: an assignment, a roster and a pile of submission files (or zips
 * of them) in; a gradebook, a long list of every answer and per-exercise
 * statistics out. The same code runs in the instructor's browser (the regrade
 * page) and in Node (`npm run grade`), so it reads no files itself: callers
 * hand it names and bytes.
 *
 * Every student's variant is rebuilt from the roster id and every answer is
 * checked again by the exercise version named in the assignment link. Nothing
 * here throws on bad input; what does not fit becomes a problem in the result:
 * a submission for another assignment, a student not on the roster, two files
 * from one student, an edited file, a file that is not a submission at all.
 *
 * CSV is read and written by papaparse and zips are opened by fflate (both run
 * in browsers too).
 */
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import type { Assignment } from './assignment.ts';
import { maxPoints, studentVariants } from './assignment.ts';
import { checkAnswer } from './registry.ts';
import { normaliseStudentId } from './seed.ts';
import { parseSubmission } from './submission.ts';
import type { ParsedSubmission } from './submission.ts';
import type { Bilingual, CheckContext, CheckStatus } from './types.ts';
import { josa, josaAny } from '../i18n/korean.ts';

/** A file handed to the regrade: its name (for messages) and its bytes. */
export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type ProblemCode =
  | 'roster'
  | 'roster-duplicate'
  | 'unreadable'
  | 'zip'
  | 'other-assignment'
  | 'not-on-roster'
  | 'duplicate'
  | 'edited'
  | 'unknown-exercise'
  | 'wrong-type'
  | 'late';

/** Something the instructor should look at; grading carries on. */
export interface Problem {
  readonly code: ProblemCode;
  readonly file?: string;
  readonly student?: string;
  readonly message: Bilingual;
}

function problem(code: ProblemCode, en: string, ko: string, where: { file?: string; student?: string } = {}): Problem {
  return { code, ...where, message: { en, ko } };
}

/** One student of the roster. */
export interface RosterEntry {
  /** The id as the roster writes it. */
  readonly id: string;
  /** Normalised (see `normaliseStudentId`): what ids are matched and variants seeded by. */
  readonly key: string;
  /** The whole row, by column name (for Canvas' identity columns). */
  readonly row: Readonly<Record<string, string>>;
}

export interface Roster {
  readonly students: readonly RosterEntry[];
  /** The column the ids came from (or "(first column)" for a headerless list). */
  readonly idColumn: string;
  readonly columns: readonly string[];
  readonly problems: readonly Problem[];
}

export type RosterParse = { ok: true; roster: Roster } | { ok: false; error: Bilingual };

/**
 * Column names taken for the student id, best first (compared case-insensitively,
 * spaces and underscores alike). Canvas' export names its students in "Student"
 * and their ids in "SIS User ID", hence that one first.
 */
export const ID_COLUMNS = ['sis user id', 'student id', 'studentid', 'student', 'sis login id', 'id number', 'idnumber', 'username', 'login', 'email', 'email address', 'id', '학번', '학생', '아이디'];

const squash = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** Largest roster accepted (a safeguard against a wrong file, far above any class). */
export const MAX_ROSTER_ROWS = 100_000;

/**
 * Reads a roster CSV: a header row naming an id column (see {@link ID_COLUMNS},
 * or `idColumn`), or else a plain list of ids, one a line (first column).
 * Delimiters (comma, semicolon, tab) are detected, a byte-order mark and empty
 * lines are ignored, quotes follow RFC 4180. Canvas' "Points Possible" row is
 * skipped. Fails only when no student can be read at all.
 */
export function parseRoster(text: string, options: { idColumn?: string } = {}): RosterParse {
  if (typeof text !== 'string') return { ok: false, error: { en: 'The roster is not text.', ko: '명단이 텍스트가 아닙니다.' } };
  // One kind of line break: papaparse takes the first it meets for all, and spreadsheets mix them.
  const clean = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', newline: '\n', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data.filter((r) => Array.isArray(r) && r.some((cell) => String(cell).trim() !== ''));
  if (rows.length === 0) return { ok: false, error: { en: 'The roster is empty.', ko: '명단이 비어 있습니다.' } };
  if (rows.length > MAX_ROSTER_ROWS) {
    return { ok: false, error: { en: `The roster has ${rows.length} rows; at most ${MAX_ROSTER_ROWS} are read.`, ko: `명단이 ${rows.length}행입니다. 최대 ${MAX_ROSTER_ROWS}행까지 읽습니다.` } };
  }
  const header = rows[0].map((h) => String(h).trim());
  const wanted = options.idColumn !== undefined ? [squash(options.idColumn)] : ID_COLUMNS;
  let idIndex = -1;
  for (const name of wanted) {
    idIndex = header.findIndex((h) => squash(h) === name);
    if (idIndex >= 0) break;
  }
  if (options.idColumn !== undefined && idIndex < 0) {
    return { ok: false, error: { en: `The roster has no column "${options.idColumn}" (its columns: ${header.join(', ')}).`, ko: `명단에 "${options.idColumn}" 열이 없습니다(열: ${header.join(', ')}).` } };
  }
  const hasHeader = idIndex >= 0;
  const columns = hasHeader ? header : ['student'];
  const body = hasHeader ? rows.slice(1) : rows;
  if (!hasHeader) idIndex = 0;
  const problems: Problem[] = [];
  const students: RosterEntry[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + (hasHeader ? 2 : 1);
    const id = String(cells[idIndex] ?? '').trim();
    const first = String(cells[0] ?? '').trim().toLowerCase();
    if (first === 'points possible') return;
    if (id === '') {
      problems.push(problem('roster', `Roster row ${line} has no student id; it is skipped.`, `명단 ${line}행에 학생 id가 없어 건너뜁니다.`));
      return;
    }
    const key = normaliseStudentId(id);
    if (seen.has(key)) {
      problems.push(problem('roster-duplicate', `Roster row ${line}: student ${id} is listed twice (first on row ${seen.get(key)}); the second is ignored.`, `명단 ${line}행: 학생 ${josaAny(id, '이/가')} 두 번 나옵니다(처음은 ${seen.get(key)}행). 두 번째는 무시합니다.`, { student: id }));
      return;
    }
    seen.set(key, line);
    const row: Record<string, string> = {};
    columns.forEach((name, c) => (row[name] = String(cells[c] ?? '').trim()));
    students.push({ id, key, row });
  });
  if (students.length === 0) return { ok: false, error: { en: 'No student id could be read from the roster.', ko: '명단에서 학생 id를 하나도 읽지 못했습니다.' } };
  return { ok: true, roster: { students, idColumn: hasHeader ? header[idIndex] : '(first column)', columns, problems } };
}

/** A zip's local-file signature, "PK\x03\x04" (an empty zip starts with the end record, "PK\x05\x06"). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** Largest total a zip may unpack to (a guard against zip bombs). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/**
 * Expands zips (also zips inside zips, one level) into their files; skips
 * folders and the `__MACOSX` and dot-files archivers add.
 */
export function expandFiles(files: readonly InputFile[]): { files: InputFile[]; problems: Problem[] } {
  const out: InputFile[] = [];
  const problems: Problem[] = [];
  const visit = (file: InputFile, depth: number) => {
    if (!isZip(file.bytes)) {
      out.push(file);
      return;
    }
    if (depth > 1) {
      problems.push(problem('zip', `${file.name}: a zip inside a zip inside a zip is not opened.`, `${file.name}: 세 겹으로 든 zip은 열지 않습니다.`, { file: file.name }));
      return;
    }
    let entries: Record<string, Uint8Array>;
    let total = 0;
    try {
      entries = unzipSync(file.bytes, {
        filter: (info) => {
          const base = info.name.split('/').pop() ?? '';
          if (info.name.endsWith('/') || info.name.startsWith('__MACOSX/') || base.startsWith('.') || base === '') return false;
          total += info.originalSize;
          if (total > MAX_UNZIPPED_BYTES) throw new Error(`it unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
          return true;
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(problem('zip', `${file.name} could not be unzipped: ${reason}.`, `${file.name}의 압축을 풀 수 없습니다: ${reason}.`, { file: file.name }));
      return;
    }
    for (const [name, bytes] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) visit({ name: `${file.name}/${name}`, bytes }, depth + 1);
  };
  for (const file of files) visit(file, 0);
  return { files: out, problems };
}

/** One checked answer. */
export interface AnswerRow {
  readonly student: string;
  readonly onRoster: boolean;
  readonly exercise: string;
  readonly version: number;
  readonly points: number;
  readonly score: number;
  readonly earned: number;
  readonly status: CheckStatus | 'missing';
  readonly answerNote: string;
  readonly feedback: Bilingual;
  /** What was typed ('' when missing; answers that are not text are shown as JSON). */
  readonly answer: string;
  readonly file: string;
}

/** One roster student's line of the gradebook. */
export interface GradeRow {
  readonly student: string;
  readonly total: number;
  readonly max: number;
  /** Points per exercise, in the assignment's order. */
  readonly points: readonly number[];
  readonly submitted: boolean;
  readonly notes: readonly string[];
  /** The roster row (for Canvas' identity columns). */
  readonly roster: Readonly<Record<string, string>>;
}

/** What a chart of one exercise needs. */
export interface ExerciseStats {
  readonly id: string;
  readonly version: number;
  readonly points: number;
  /** Roster students who handed in a file. */
  readonly submitted: number;
  /** Of those, how many answered this exercise. */
  readonly answered: number;
  /** Mean score (0..1) over students who handed in a file (a missing answer counts 0); NaN if none did. */
  readonly meanScore: number;
  /** Students by score: [0], (0, 0.5), [0.5, 1), [1]. */
  readonly scoreBins: readonly [number, number, number, number];
  /** Answer notes, most frequent first. */
  readonly notes: readonly { note: string; count: number }[];
}

export interface RegradeResult {
  readonly assignment: Assignment;
  readonly roster: Roster;
  readonly grades: readonly GradeRow[];
  readonly answers: readonly AnswerRow[];
  readonly exercises: readonly ExerciseStats[];
  /** Totals as fractions of the maximum, one per roster student who handed in a file. */
  readonly totals: readonly number[];
  readonly problems: readonly Problem[];
}

const round = (v: number, places = 4) => Math.round(v * 10 ** places) / 10 ** places;

/** Options of {@link regrade}. */
export interface RegradeOptions {
  /** Passed to every checker (e.g. the MNIST test set for weights files). */
  context?: CheckContext;
  /** Called after each graded submission, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

interface Candidate {
  file: string;
  parsed: ParsedSubmission;
  key: string;
  order: number;
}

/**
 * Regrades everything. Submissions are matched to roster students by
 * normalised id; of several files from one student the latest `submitted`
 * wins (the last file given, when they carry no date), and the others are
 * flagged. Students not on the roster are graded too, into the long list only.
 */
export async function regrade(assignment: Assignment, roster: Roster, files: readonly InputFile[], options: RegradeOptions = {}): Promise<RegradeResult> {
  const problems: Problem[] = [...roster.problems];
  const expanded = expandFiles(files);
  problems.push(...expanded.problems);

  const candidates: Candidate[] = [];
  expanded.files.forEach((file, order) => {
    const parsed = parseSubmission(file.bytes);
    if (!parsed.ok) {
      problems.push(problem('unreadable', `${file.name}: ${parsed.error.message.en}`, `${file.name}: ${parsed.error.message.ko}`, { file: file.name }));
      return;
    }
    const s = parsed.value.submission;
    if (s.assignment !== assignment.id) {
      problems.push(problem('other-assignment', `${file.name} is for assignment ${s.assignment}, not ${assignment.id}; not graded.`, `${file.name}: ${assignment.id} 과제가 아니라 ${s.assignment} 과제의 제출물이므로 채점하지 않습니다.`, { file: file.name, student: s.student }));
      return;
    }
    candidates.push({ file: file.name, parsed: parsed.value, key: normaliseStudentId(s.student), order });
  });

  // One submission per student: the latest.
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const chosen = new Map<string, Candidate>();
  for (const [key, list] of byKey) {
    const time = (c: Candidate) => (c.parsed.submission.submitted ? Date.parse(c.parsed.submission.submitted) : -Infinity);
    const sorted = [...list].sort((a, b) => time(a) - time(b) || a.order - b.order);
    const winner = sorted[sorted.length - 1];
    chosen.set(key, winner);
    for (const other of sorted.slice(0, -1)) {
      problems.push(problem('duplicate', `${other.file}: student ${other.parsed.submission.student} handed in more than once; ${winner.file} is graded instead.`, `${other.file}: 학생 ${josaAny(other.parsed.submission.student, '이/가')} 여러 번 제출했습니다. 대신 ${josaAny(winner.file, '을/를')} 채점합니다.`, { file: other.file, student: other.parsed.submission.student }));
    }
  }

  const rosterKeys = new Map(roster.students.map((s) => [s.key, s]));
  const allowed = new Set(assignment.exercises.map((e) => e.id));
  const due = assignment.due ? Date.parse(assignment.due.length === 10 ? `${assignment.due}T23:59:59.999Z` : assignment.due) : NaN;
  const answers: AnswerRow[] = [];
  const notesByKey = new Map<string, string[]>();
  const pointsByKey = new Map<string, number[]>();

  const grade = async (studentId: string, key: string, candidate: Candidate | undefined, onRoster: boolean) => {
    const notes: string[] = [];
    const points: number[] = [];
    const variants = studentVariants(assignment, studentId);
    const given = candidate?.parsed.submission.answers ?? {};
    if (candidate) {
      if (candidate.parsed.edited) {
        notes.push('edited file');
        problems.push(problem('edited', `${candidate.file}: the checksum does not match, so the file was edited after it was downloaded (or made by hand). Graded as it is.`, `${candidate.file}: 체크섬이 맞지 않습니다. 내려받은 뒤 파일이 수정되었거나 손으로 만든 파일입니다. 있는 그대로 채점합니다.`, { file: candidate.file, student: studentId }));
      }
      for (const id of Object.keys(given)) {
        if (!allowed.has(id)) {
          problems.push(problem('unknown-exercise', `${candidate.file}: an answer to ${id.slice(0, 80)}, which is not part of this assignment, is ignored.`, `${candidate.file}: 이 과제에 없는 문제 ${id.slice(0, 80)}의 답은 무시합니다.`, { file: candidate.file, student: studentId }));
        }
      }
      for (const id of candidate.parsed.wrongTypes) {
        if (allowed.has(id)) problems.push(problem('wrong-type', `${candidate.file}: the answer to ${id} is not text; it scores 0.`, `${candidate.file}: ${id}의 답이 텍스트가 아니므로 0점입니다.`, { file: candidate.file, student: studentId }));
      }
      const submitted = candidate.parsed.submission.submitted;
      if (submitted && Number.isFinite(due) && Date.parse(submitted) > due) {
        notes.push('late');
        problems.push(problem('late', `${candidate.file}: handed in ${submitted}, after the due date ${assignment.due}. Graded as usual.`, `${candidate.file}: 마감(${assignment.due}) 뒤인 ${submitted}에 제출했습니다. 그대로 채점합니다.`, { file: candidate.file, student: studentId }));
      }
    } else {
      notes.push('no submission');
    }
    for (const v of variants) {
      const has = candidate !== undefined && Object.prototype.hasOwnProperty.call(given, v.entry.id);
      const typed = has ? given[v.entry.id] : undefined;
      const result = has
        ? await checkAnswer(v.exercise, v.params, typed, options.context)
        : { score: 0, status: 'missing' as const, answerNote: candidate ? 'missing' : 'no submission', feedback: { en: 'No answer.', ko: '답이 없습니다.' } };
      const earned = round(result.score * v.entry.points, 4);
      points.push(earned);
      if (candidate && !has) notes.push(`no answer to ${v.entry.id}`);
      if (candidate) {
        answers.push({
          student: studentId,
          onRoster,
          exercise: v.entry.id,
          version: v.entry.version,
          points: v.entry.points,
          score: result.score,
          earned,
          status: result.status,
          answerNote: result.answerNote,
          feedback: result.feedback,
          answer: typeof typed === 'string' ? typed : typed === undefined ? '' : JSON.stringify(typed) ?? '',
          file: candidate.file,
        });
      }
    }
    notesByKey.set(key, notes);
    pointsByKey.set(key, points);
  };

  const total = chosen.size;
  let done = 0;
  for (const entry of roster.students) {
    const candidate = chosen.get(entry.key);
    await grade(entry.id, entry.key, candidate, true);
    if (candidate) options.onProgress?.(++done, total);
  }
  for (const [key, candidate] of chosen) {
    if (rosterKeys.has(key)) continue;
    const student = candidate.parsed.submission.student;
    problems.push(problem('not-on-roster', `${candidate.file}: student ${student} is not on the roster; graded, but left out of the gradebook.`, `${candidate.file}: 학생 ${josaAny(student, '은/는')} 명단에 없습니다. 채점은 하지만 성적표에서는 뺍니다.`, { file: candidate.file, student }));
    await grade(student, key, candidate, false);
    options.onProgress?.(++done, total);
  }

  const max = maxPoints(assignment);
  const grades: GradeRow[] = roster.students.map((s) => {
    const points = pointsByKey.get(s.key) ?? assignment.exercises.map(() => 0);
    return {
      student: s.id,
      total: round(points.reduce((a, b) => a + b, 0), 4),
      max,
      points,
      submitted: chosen.has(s.key),
      notes: notesByKey.get(s.key) ?? [],
      roster: s.row,
    };
  });

  const onRosterAnswers = answers.filter((a) => a.onRoster);
  const submittedCount = grades.filter((g) => g.submitted).length;
  const exercises: ExerciseStats[] = assignment.exercises.map((e) => {
    const rows = onRosterAnswers.filter((a) => a.exercise === e.id);
    const bins: [number, number, number, number] = [0, 0, 0, 0];
    const notes = new Map<string, number>();
    for (const r of rows) {
      bins[r.score === 0 ? 0 : r.score < 0.5 ? 1 : r.score < 1 ? 2 : 3]++;
      notes.set(r.answerNote, (notes.get(r.answerNote) ?? 0) + 1);
    }
    return {
      id: e.id,
      version: e.version,
      points: e.points,
      submitted: submittedCount,
      answered: rows.filter((r) => r.status !== 'missing').length,
      meanScore: rows.length > 0 ? round(rows.reduce((a, r) => a + r.score, 0) / rows.length) : NaN,
      scoreBins: bins,
      notes: [...notes].map(([note, count]) => ({ note, count })).sort((a, b) => b.count - a.count || (a.note < b.note ? -1 : 1)),
    };
  });
  const totals = grades.filter((g) => g.submitted).map((g) => (max > 0 ? round(g.total / max) : 0));
  return { assignment, roster, grades, answers, exercises, totals, problems };
}

/**
 * Cells that a spreadsheet would run as a formula (=, +, @, tab, carriage
 * return, or - not followed by a plain number) get a leading apostrophe when
 * written (OWASP's advice against CSV injection): answers are typed by students.
 */
const FORMULA = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

function toCsv(rows: unknown[][]): string {
  return Papa.unparse(rows, { escapeFormulae: FORMULA, newline: '\r\n' });
}

/**
 * The gradebook: `student,total,max,<exercise id>...,notes`, one row per roster
 * student in roster order, points per exercise. Missing work scores 0 and says
 * so in `notes`. Moodle imports it as it is (map "student" to the user field
 * the roster holds, e.g. ID number or email, and "total" to a grade item).
 */
export function gradebookCsv(result: RegradeResult): string {
  const header = ['student', 'total', 'max', ...result.assignment.exercises.map((e) => e.id), 'notes'];
  return toCsv([header, ...result.grades.map((g) => [g.student, g.total, g.max, ...g.points, g.notes.join('; ')])]);
}

/**
 * The same totals in Canvas' gradebook-import layout: its identity columns
 * (Student, ID, SIS User ID, SIS Login ID, Section; copied from the roster when
 * it is a Canvas export, the roster id as SIS User ID otherwise), a
 * "Points Possible" row, and one column for the assignment's total.
 */
export function canvasCsv(result: RegradeResult): string {
  const pickColumn = (row: Readonly<Record<string, string>>, name: string) => {
    const key = Object.keys(row).find((k) => squash(k) === squash(name));
    return key ? row[key] : '';
  };
  const column = `${result.assignment.title} (${result.assignment.id})`;
  const header = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', column];
  const possible = ['Points Possible', '', '', '', '', maxPoints(result.assignment)];
  const rows = result.grades.map((g) => [
    pickColumn(g.roster, 'Student') || pickColumn(g.roster, 'name'),
    pickColumn(g.roster, 'ID'),
    pickColumn(g.roster, 'SIS User ID') || g.student,
    pickColumn(g.roster, 'SIS Login ID'),
    pickColumn(g.roster, 'Section'),
    g.total,
  ]);
  return toCsv([header, possible, ...rows]);
}

/** Every answer: `student,on_roster,exercise,version,points,score,earned,status,answer_note,answer,file`. */
export function answersCsv(result: RegradeResult): string {
  const header = ['student', 'on_roster', 'exercise', 'version', 'points', 'score', 'earned', 'status', 'answer_note', 'answer', 'file'];
  return toCsv([
    header,
    ...result.answers.map((a) => [
      a.student,
      a.onRoster ? 'yes' : 'no',
      a.exercise,
      a.version,
      a.points,
      a.score,
      a.earned,
      a.status,
      a.answerNote,
      // A weights file is megabytes of base64: the long list keeps its size, not its content.
      a.answer.startsWith('data:') ? `(file, ${a.answer.length} characters)` : a.answer,
      a.file,
    ]),
  ]);
}

/** Reads a CSV written by this module back into rows (for tests and tools). */
export function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
}
