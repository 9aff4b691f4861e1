/**
 * The instructor's regrade page (/<lang>/teach/regrade/): an assignment link, a
 * roster and any number of submission files or zips in; flags, a gradebook,
 * per-exercise statistics, two charts and three CSV downloads out.
 *
 * The framework's `regrade` runs in a worker (src/workers/regrade.worker.ts)
 * so a class's worth of weights files scored on MNIST does not freeze the page.
 * Files are read here and handed over as bytes; the result comes back as plain
 * data and the CSVs are written from it by the framework's own writers.
 * The link is kept in the address and in localStorage; files cannot be, and
 * are simply chosen again.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Note } from '../kit/Note.tsx';
import { ProgressBar } from '../kit/ProgressBar.tsx';
import { stringsFor } from '../kit/strings.ts';
import { WorkerClient } from '../kit/worker-client.ts';
import { answersCsv, canvasCsv, decodeAssignment, gradebookCsv, maxPoints, parseRoster } from '../../src/exercises/index.ts';
import type { RegradeResult, RosterParse } from '../../src/exercises/index.ts';
import type { RegradeCommand, RegradeFile, RegradeMessage } from '../../src/exercises/regrade-protocol.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { DifficultyChart, DistributionChart } from './RegradeCharts.tsx';
import { addFiles, decodeText, difficultyRows, downloadName, formatBytes, groupProblems, meanPercent, roleOf, totalPercents } from './regrade-model.ts';
import { STRINGS } from './strings/index.ts';
import './teach.css';

export interface RegradePageProps {
  lang: Locale;
}

const LINK_STORAGE_KEY = 'convlab.teach.regrade-link';

type Run =
  | { state: 'idle' }
  | { state: 'running'; stage: 'data' | 'grade'; done: number; total: number }
  | { state: 'failed'; message: string }
  | { state: 'done'; result: RegradeResult };

interface RosterFile {
  name: string;
  text: string;
  parsed: RosterParse;
}

function createWorker() {
  return new Worker(new URL('../../src/workers/regrade.worker.ts', import.meta.url), { type: 'module', name: 'convlab-regrade' });
}

async function readFile(file: File): Promise<RegradeFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(name: string, text: string): void {
  // A byte-order mark makes Excel read the UTF-8 (Korean names, answers) as UTF-8.
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RegradePage({ lang }: RegradePageProps) {
  const t = stringsFor(STRINGS, lang);
  const [link, setLink] = useState('');
  const [roster, setRoster] = useState<RosterFile | null>(null);
  const [files, setFiles] = useState<RegradeFile[]>([]);
  const [readErrors, setReadErrors] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [missing, setMissing] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const request = useRef(0);
  const client = useRef<WorkerClient<RegradeCommand, RegradeMessage> | null>(null);

  useEffect(() => {
    let initial = location.hash.length > 1 ? location.hash.slice(1) : '';
    if (!initial) {
      try {
        initial = localStorage.getItem(LINK_STORAGE_KEY) ?? '';
      } catch {
        // No storage: the link is pasted again.
      }
    }
    if (initial) setLink(initial);
    setReady(true);
    return () => client.current?.end();
  }, []);

  const decoded = useMemo(() => (link.trim() === '' ? null : decodeAssignment(link)), [link]);

  useEffect(() => {
    if (!decoded?.ok) return;
    try {
      localStorage.setItem(LINK_STORAGE_KEY, link.trim());
    } catch {
      // Storage refused: the address below still keeps it.
    }
    const fragment = link.trim().slice(link.trim().lastIndexOf('#') + 1);
    if (location.hash.slice(1) !== fragment) history.replaceState(history.state, '', `${location.pathname}${location.search}#${fragment}`);
  }, [decoded]);

  const takeFiles = async (list: FileList | readonly File[]) => {
    const chosen = Array.from(list);
    const errors: string[] = [];
    const read: RegradeFile[] = [];
    let rosterFile: RosterFile | null = null;
    for (const file of chosen) {
      try {
        const data = await readFile(file);
        if (roleOf(file.name) === 'roster') {
          const text = decodeText(data.bytes);
          rosterFile = { name: file.name, text, parsed: parseRoster(text) };
        } else {
          read.push(data);
        }
      } catch (error) {
        errors.push(t.readFailed(file.name, error instanceof Error ? error.message : String(error)));
      }
    }
    if (rosterFile) setRoster(rosterFile);
    if (read.length > 0) setFiles((previous) => addFiles(previous, read));
    setReadErrors(errors);
    setMissing(null);
  };

  const takeRoster = async (list: FileList | null) => {
    const file = list?.[0];
    if (!file) return;
    try {
      const data = await readFile(file);
      const text = decodeText(data.bytes);
      setRoster({ name: file.name, text, parsed: parseRoster(text) });
      setReadErrors([]);
    } catch (error) {
      setReadErrors([t.readFailed(file.name, error instanceof Error ? error.message : String(error))]);
    }
    setMissing(null);
  };

  const grade = () => {
    if (!decoded?.ok) return setMissing(decoded ? decoded.error.message[lang] : t.needLink);
    if (!roster) return setMissing(t.needRoster);
    if (!roster.parsed.ok) return setMissing(`${roster.name}: ${roster.parsed.error[lang]}`);
    if (files.length === 0) return setMissing(t.needFiles);
    setMissing(null);
    const id = ++request.current;
    client.current ??= new WorkerClient<RegradeCommand, RegradeMessage>({
      create: createWorker,
      ping: { type: 'ping' },
      isPong: (m) => m.type === 'pong',
      onFailure: () => setRun({ state: 'failed', message: t.workerFailed }),
      onMessage: (message) => {
        if (message.type === 'pong' || message.request !== request.current) return;
        if (message.type === 'progress') {
          setRun(message.stage === 'data' ? { state: 'running', stage: 'data', done: message.loaded, total: message.total } : { state: 'running', stage: 'grade', done: message.done, total: message.total });
        } else if (message.type === 'done') {
          setRun({ state: 'done', result: message.result });
        } else if (message.type === 'failed') {
          setRun({ state: 'failed', message: message.message[lang] });
        }
      },
    });
    setRun({ state: 'running', stage: 'grade', done: 0, total: files.length });
    try {
      client.current.post({ type: 'regrade', request: id, link: link.trim(), roster: { name: roster.name, text: roster.text }, files, dataUrl: new URL('/data/', location.href).href });
    } catch {
      setRun({ state: 'failed', message: t.workerFailed });
    }
  };

  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const running = run.state === 'running';

  return (
    <div class="teach-regrade" data-ready={ready ? 'true' : 'false'}>
      <section class="teach-panel" aria-labelledby="regrade-inputs">
        <h2 id="regrade-inputs" class="visually-hidden">
          {t.regradeTitle}
        </h2>
        <div class="cl-field">
          <label for="regrade-link">{t.linkField}</label>
          <textarea id="regrade-link" rows={3} spellcheck={false} value={link} aria-describedby="regrade-link-hint regrade-link-status" onInput={(e) => setLink(e.currentTarget.value)} />
          <p class="cl-hint" id="regrade-link-hint">
            {t.linkFieldHint}
          </p>
          <p id="regrade-link-status" role="status" data-testid="regrade-link-status" class={decoded?.ok ? 'teach-ok' : decoded ? 'teach-bad' : ''}>
            {decoded?.ok
              ? t.linkOk(decoded.assignment.title, decoded.assignment.id, decoded.assignment.exercises.length, maxPoints(decoded.assignment))
              : decoded
                ? decoded.error.message[lang]
                : ''}
          </p>
        </div>

        <div class="cl-field">
          <label for="regrade-roster">{t.rosterField}</label>
          <input id="regrade-roster" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" aria-describedby="regrade-roster-hint regrade-roster-status" onChange={(e) => takeRoster(e.currentTarget.files)} />
          <p class="cl-hint" id="regrade-roster-hint">
            {t.rosterHint}
          </p>
          <p id="regrade-roster-status" role="status" data-testid="regrade-roster-status" class={roster?.parsed.ok ? 'teach-ok' : roster ? 'teach-bad' : ''}>
            {roster
              ? roster.parsed.ok
                ? `${roster.name}: ${t.rosterOk(roster.parsed.roster.students.length, roster.parsed.roster.idColumn)}${roster.parsed.roster.problems.length > 0 ? ` ${t.rosterProblems(roster.parsed.roster.problems.length)}` : ''}`
                : `${roster.name}: ${roster.parsed.error[lang]}`
              : ''}
          </p>
        </div>

        <div class="cl-field">
          <label for="regrade-files">{t.submissionsField}</label>
          <input id="regrade-files" type="file" multiple accept=".json,.zip,application/json,application/zip" aria-describedby="regrade-files-hint" onChange={(e) => {
            const input = e.currentTarget;
            if (input.files) takeFiles(input.files).then(() => (input.value = ''));
          }} />
          <p class="cl-hint" id="regrade-files-hint">
            {t.submissionsHint}
          </p>
        </div>

        <div
          class="teach-drop"
          data-over={over ? 'true' : 'false'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (e.dataTransfer?.files) takeFiles(e.dataTransfer.files);
          }}
        >
          {t.dropZone}
        </div>

        {readErrors.map((message) => (
          <p key={message} class="cl-error" role="alert">
            {message}
          </p>
        ))}

        {files.length > 0 && (
          <>
            <p data-testid="regrade-files-count">{t.filesChosen(files.length, formatBytes(totalBytes, lang))}</p>
            <ul class="teach-files">
              {files.map((f) => (
                <li key={f.name}>
                  <span>{f.name}</span>
                  <button type="button" class="cl-button" aria-label={t.removeFile(f.name)} onClick={() => setFiles((list) => list.filter((g) => g.name !== f.name))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <p>
              <button type="button" class="cl-button" onClick={() => setFiles([])}>
                {t.clearFiles}
              </button>
            </p>
          </>
        )}

        <p class="teach-actions">
          <button type="button" class="cl-button cl-button--primary" onClick={grade} disabled={running} data-testid="regrade-go">
            {running ? t.grading : t.grade}
          </button>
        </p>
        {missing && (
          <p class="cl-error" role="alert" data-testid="regrade-missing">
            {missing}
          </p>
        )}
        {run.state === 'running' && (
          <ProgressBar label={run.stage === 'data' ? t.loadingData : t.gradeProgress} value={run.total > 0 ? run.done / run.total : 0} />
        )}
        {run.state === 'failed' && (
          <p class="cl-error" role="alert" data-testid="regrade-failed">
            {run.message}
          </p>
        )}
      </section>

      {run.state === 'done' && <Results result={run.result} lang={lang} />}
    </div>
  );
}

function Results({ result, lang }: { result: RegradeResult; lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const groups = groupProblems(result.problems);
  const percents = useMemo(() => totalPercents(result), [result]);
  const rows = useMemo(() => difficultyRows(result), [result]);
  const mean = meanPercent(result);
  const submitted = result.grades.filter((g) => g.submitted).length;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);

  return (
    <section class="teach-panel" aria-labelledby="regrade-results" data-testid="regrade-results">
      <h2 id="regrade-results" tabIndex={-1} ref={heading}>
        {t.resultsHeading}: {result.assignment.title}
      </h2>
      <p data-testid="regrade-summary">{t.summary(result.grades.length, submitted, mean === null ? '–' : `${mean}%`)}</p>

      <h3>{t.downloadsHeading}</h3>
      <p class="teach-downloads">
        <button type="button" class="cl-button cl-button--primary" data-download="gradebook" onClick={() => download(downloadName(result, 'gradebook'), gradebookCsv(result))}>
          {t.downloadGradebook}
        </button>
        <button type="button" class="cl-button" data-download="canvas" onClick={() => download(downloadName(result, 'canvas'), canvasCsv(result))}>
          {t.downloadCanvas}
        </button>
        <button type="button" class="cl-button" data-download="answers" onClick={() => download(downloadName(result, 'answers'), answersCsv(result))}>
          {t.downloadAnswers}
        </button>
      </p>

      <h3>{t.problemsHeading}</h3>
      {groups.length === 0 ? (
        <p>{t.noProblems}</p>
      ) : (
        <div class="teach-flags">
          {groups.map((group) => (
            <div key={group.code} class="teach-flag" data-flag={group.code}>
              <h4>
                {t.problemCodes[group.code] ?? group.code} ({group.problems.length})
              </h4>
              <ul>
                {group.problems.map((p, i) => (
                  <li key={i}>{p.message[lang]}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}

      {submitted === 0 ? (
        <Note>{t.noSubmissions}</Note>
      ) : (
        <div class="teach-charts">
          <figure>
            <figcaption>
              <h3>{t.distributionHeading}</h3>
            </figcaption>
            <DistributionChart percents={percents} t={t} />
          </figure>
          <figure>
            <figcaption>
              <h3>{t.difficultyHeading}</h3>
            </figcaption>
            <DifficultyChart rows={rows} t={t} />
          </figure>
        </div>
      )}

      <h3>{t.difficultyHeading}</h3>
      <div class="teach-table-wrap">
        <table class="teach-table" data-testid="regrade-exercises">
          <thead>
            <tr>
              <th scope="col">{t.exerciseColumn}</th>
              <th scope="col" class="teach-num">
                {t.meanColumn}
              </th>
              <th scope="col" class="teach-num">
                {t.answeredColumn}
              </th>
              <th scope="col">{t.topNotesColumn}</th>
            </tr>
          </thead>
          <tbody>
            {result.exercises.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <code>{e.id}</code>
                </th>
                <td class="teach-num">{Number.isFinite(e.meanScore) ? `${Math.round(e.meanScore * 1000) / 10}%` : '–'}</td>
                <td class="teach-num">
                  {e.answered}/{e.submitted}
                </td>
                <td>
                  {e.notes
                    .slice(0, 3)
                    .map((n) => `${n.note} (${n.count})`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t.gradebookHeading}</h3>
      <div class="teach-table-wrap">
        <table class="teach-table" data-testid="regrade-gradebook">
          <thead>
            <tr>
              <th scope="col">{t.studentColumn}</th>
              <th scope="col" class="teach-num">
                {t.totalColumn}
              </th>
              <th scope="col">{t.notesColumn}</th>
            </tr>
          </thead>
          <tbody>
            {result.grades.map((g) => (
              <tr key={g.student} data-student={g.student}>
                <th scope="row">{g.student}</th>
                <td class="teach-num">
                  {g.total}/{g.max}
                </td>
                <td>{g.notes.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
