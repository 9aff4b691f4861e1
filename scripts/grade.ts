/**
 * `npm run grade -- --assignment LINK --roster roster.csv --submissions DIR_OR_ZIP --out grades.csv`
 *
 * Regrades every submission file found (a folder is searched recursively; zips
 * are opened) against the assignment link, and writes:
 *   --out       the gradebook: student,total,max,<exercise id>...,notes (default grades.csv)
 *   --answers   optional: one row per answer with its answer note
 *   --canvas    optional: the totals in Canvas' gradebook-import layout
 *   --stats     optional: per-exercise statistics as JSON
 * --id-column names the roster's id column when it is not one of the usual names.
 *
 * Prints one line per problem found ("problem <code>: ..."), then a summary.
 * Exits 1 only when it cannot grade at all (a bad link, an unreadable roster
 * or submissions path), 2 for a usage error.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { answersCsv, canvasCsv, decodeAssignment, gradebookCsv, parseRoster, regrade } from '../src/exercises/index.ts';
import type { InputFile } from '../src/exercises/index.ts';
import { readArgs } from './cli-args.ts';

const USAGE = 'usage: npm run grade -- --assignment LINK --roster roster.csv --submissions DIR_OR_ZIP [--out grades.csv] [--answers answers.csv] [--canvas canvas.csv] [--stats stats.json] [--id-column NAME]';

function fail(message: string, code = 1): never {
  console.error(`grade: ${message}`);
  process.exit(code);
}

let options: Map<string, string>;
try {
  options = readArgs(process.argv.slice(2), ['assignment', 'roster', 'submissions', 'out', 'answers', 'canvas', 'stats', 'id-column']).options;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const link = options.get('assignment');
const rosterPath = options.get('roster');
const submissionsPath = options.get('submissions');
if (!link || !rosterPath || !submissionsPath) fail(USAGE, 2);

const decoded = decodeAssignment(link);
if (!decoded.ok) fail(`cannot grade: ${decoded.error.message.en} (${decoded.error.code})`);

let rosterText: string;
try {
  rosterText = readFileSync(rosterPath, 'utf8');
} catch (error) {
  fail(`cannot grade: the roster ${rosterPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}
const roster = parseRoster(rosterText, { idColumn: options.get('id-column') });
if (!roster.ok) fail(`cannot grade: ${roster.error.en}`);

/** Every file under a folder (not following links), or the one file given. */
function collect(target: string): InputFile[] {
  const stat = statSync(target);
  if (stat.isFile()) return [{ name: path.basename(target), bytes: new Uint8Array(readFileSync(target)) }];
  const files: InputFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push({ name: path.relative(target, full), bytes: new Uint8Array(readFileSync(full)) });
    }
  };
  walk(target);
  return files;
}

let files: InputFile[];
try {
  files = collect(submissionsPath);
} catch (error) {
  fail(`cannot grade: the submissions ${submissionsPath} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}

const result = await regrade(decoded.assignment, roster.roster, files);
for (const p of result.problems) console.log(`problem ${p.code}: ${p.message.en}`);
const out = options.get('out') ?? 'grades.csv';
writeFileSync(out, gradebookCsv(result));
const answersOut = options.get('answers');
if (answersOut) writeFileSync(answersOut, answersCsv(result));
const canvasOut = options.get('canvas');
if (canvasOut) writeFileSync(canvasOut, canvasCsv(result));
const statsOut = options.get('stats');
if (statsOut) writeFileSync(statsOut, `${JSON.stringify({ assignment: result.assignment.id, exercises: result.exercises, totals: result.totals }, null, 2)}\n`);
const handedIn = result.grades.filter((g) => g.submitted).length;
console.log(`graded ${handedIn} of ${result.grades.length} roster students (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); wrote ${out}`);
