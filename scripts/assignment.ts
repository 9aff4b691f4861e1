/**
 * `npm run assignment -- <command>`: assignments from a terminal.
 *
 *   create --exercises ID,ID:POINTS,... [--title T] [--salt S] [--due 2025-06-30] [--id ID]
 *          [--base https://example.org/convlab] [--lang en|ko]
 *       Prints the assignment's exercises and, on its last line, the link
 *       (<base>/<lang>/assignment/#v1....; without --base a site-relative link).
 *   show --assignment LINK --student ID
 *       Prints JSON: the assignment id and, per exercise, id, version, points,
 *       params, the prompt in both languages and the reference answer (the
 *       answer key of that student).
 *   list [--lesson SLUG]
 *       Prints every exercise id with its version, lesson and title.
 *
 * Exits 1 with a message for a bad link or an unknown exercise, 2 for a usage error.
 */
import { answerKey, assignmentLink, createAssignment, decodeAssignment, listExercises } from '../src/exercises/index.ts';
import { readArgs } from './cli-args.ts';

const USAGE = `usage:
  npm run assignment -- create --exercises ID,ID:POINTS,... [--title T] [--salt S] [--due DATE] [--id ID] [--base URL] [--lang en|ko]
  npm run assignment -- show --assignment LINK --student ID
  npm run assignment -- list [--lesson SLUG]`;

function fail(message: string, code = 1): never {
  console.error(`assignment: ${message}`);
  process.exit(code);
}

const [command, ...rest] = process.argv.slice(2);
let args: ReturnType<typeof readArgs>;
try {
  args = readArgs(rest, ['exercises', 'title', 'salt', 'due', 'id', 'base', 'lang', 'assignment', 'student', 'lesson']);
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { options } = args;

if (command === 'create') {
  const list = options.get('exercises');
  if (!list) fail(`create needs --exercises\n${USAGE}`, 2);
  const lang = options.get('lang') ?? 'en';
  if (lang !== 'en' && lang !== 'ko') fail(`--lang must be en or ko, got ${lang}`, 2);
  try {
    const exercises = list
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => {
        const [id, points] = item.split(':');
        return points === undefined ? { id } : { id, points: Number(points) };
      });
    const assignment = createAssignment({
      exercises,
      title: options.get('title'),
      salt: options.get('salt'),
      due: options.get('due') ?? null,
      id: options.get('id'),
    });
    console.log(`assignment ${assignment.id}: ${assignment.title}${assignment.due ? `, due ${assignment.due}` : ''}`);
    for (const e of assignment.exercises) console.log(`  ${e.id} (version ${e.version}, ${e.points} point${e.points === 1 ? '' : 's'})`);
    console.log(assignmentLink(assignment, { base: options.get('base'), lang }));
  } catch (error) {
    fail((error as Error).message);
  }
} else if (command === 'show') {
  const link = options.get('assignment');
  const student = options.get('student');
  if (!link || student === undefined) fail(`show needs --assignment and --student\n${USAGE}`, 2);
  const decoded = decodeAssignment(link);
  if (!decoded.ok) fail(`${decoded.error.message.en} (${decoded.error.code})`);
  if (student.trim() === '') fail('--student must not be empty', 2);
  const a = decoded.assignment;
  const key = answerKey(a, student);
  const out = {
    assignment: a.id,
    title: a.title,
    due: a.due,
    student,
    exercises: key.map((e) => ({
      id: e.id,
      version: e.version,
      points: e.points,
      seed: e.seed,
      params: e.params,
      prompt: e.prompt,
      answer: e.answer.value,
      typed: e.answer.typed,
      display: e.answer.display,
    })),
  };
  console.log(JSON.stringify(out, null, 2));
} else if (command === 'list') {
  for (const e of listExercises({ lesson: options.get('lesson') })) console.log(`${e.id}\tversion ${e.version}\t${e.lesson}\t${e.title.en}`);
} else {
  fail(USAGE, 2);
}
