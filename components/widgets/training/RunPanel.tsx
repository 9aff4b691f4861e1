/**
 * Start, pause, one step, reset, and how far the run has got: the data
 * download, the training progress with its speed and the time left, and the
 * latest numbers. The status line is a polite live region, so a screen reader
 * hears "Paused" or "Done" without being flooded by every step.
 */
import { ProgressBar } from '../../kit/ProgressBar.tsx';
import type { RunState } from './run-state.ts';
import { runFraction } from './run-state.ts';
import { duration, grouped, lossText, megabytes, percent } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link RunPanel}. */
export interface RunPanelProps {
  run: RunState;
  busy: boolean;
  needsInit: boolean;
  /** Why Start and Step cannot be used now, or null when they can. */
  blockedReason: string | null;
  /** The dataset named in the download bar. */
  datasetName: string;
  onStart: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onEvaluate: () => void;
  t: TrainingStrings;
  lang: Locale;
  reasonId: string;
}

/** The controls and the progress. */
export function RunPanel(props: RunPanelProps) {
  const { run, busy, needsInit, blockedReason, datasetName, t, lang, reasonId } = props;
  const r = t.run;
  const running = run.status === 'running';
  const canTrain = blockedReason === null && !busy && !running;
  // Start carries on a paused run; only a run whose settings changed starts afresh.
  const startLabel = needsInit && run.globalStep > 0 ? r.startNew : r.start;
  const progress = run.progress;
  const ready = run.ready;
  const totalSteps = ready ? ready.stepsPerEpoch * ready.config.epochs : 0;
  const epoch = ready ? Math.min(ready.config.epochs, Math.floor(run.globalStep / ready.stepsPerEpoch) + 1) : 0;
  const statusText = busy && run.status !== 'loading' ? r.preparing : r.status[run.status];
  // Between two epoch ends the test sample is the freshest measure; the whole set wins once scored at the same step or later.
  const sampleIsNewer = run.subset !== null && (run.evaluation === null || run.subset.globalStep > run.evaluation.globalStep);
  return (
    <div class="training-run" data-status={run.status} data-global-step={run.globalStep}>
      <div class="training-buttons">
        <button type="button" class="cl-button cl-button--primary" disabled={!canTrain} aria-describedby={blockedReason ? reasonId : undefined} onClick={props.onStart}>
          {startLabel}
        </button>
        <button type="button" class="cl-button" disabled={!running} onClick={props.onPause}>
          {r.pause}
        </button>
        <button type="button" class="cl-button" disabled={blockedReason !== null || busy} aria-describedby={blockedReason ? reasonId : undefined} onClick={props.onStep}>
          {r.step}
        </button>
        <button type="button" class="cl-button" disabled={busy || !ready} onClick={props.onReset}>
          {r.reset}
        </button>
        <button type="button" class="cl-button" disabled={busy || !ready} onClick={props.onEvaluate}>
          {r.evaluate}
        </button>
      </div>
      {blockedReason && (
        <p id={reasonId} class="training-reason">
          {blockedReason}
        </p>
      )}
      {needsInit && run.globalStep > 0 && blockedReason === null && <p class="cl-hint">{r.dirtyNote}</p>}
      <p class="training-status" aria-live="polite">
        {statusText}
      </p>
      {run.download && (
        <ProgressBar
          label={r.downloading(datasetName)}
          value={run.download.total > 0 ? run.download.loaded : undefined}
          max={Math.max(1, run.download.total)}
          text={run.download.total > 0 ? `${megabytes(run.download.loaded)} / ${megabytes(run.download.total)}` : ''}
        />
      )}
      {ready && (
        <>
          <ProgressBar
            label={r.progressLabel}
            value={runFraction(run)}
            max={1}
            text={r.progressText(epoch, ready.config.epochs, grouped(run.globalStep, lang), grouped(totalSteps, lang))}
          />
          <dl class="training-stats">
            <div>
              <dt>{r.speed}</dt>
              <dd>{progress ? r.imagesPerSecond(grouped(progress.imagesPerSec, lang)) : '–'}</dd>
            </div>
            <div>
              <dt>{r.engine}</dt>
              <dd class="training-engine" data-backend={ready.backend} data-workers={progress?.workers ?? ready.workers} data-shared-memory={String(ready.sharedMemory ?? false)}>
                {ready.backend ? r.engineText(ready.backend, progress?.workers ?? ready.workers ?? 1, ready.sharedMemory ?? false) : '–'}
              </dd>
            </div>
            <div>
              <dt>{r.timeLeft}</dt>
              <dd>{progress && running ? duration(progress.etaSeconds, lang) : '–'}</dd>
            </div>
            <div>
              <dt>{r.trainLoss}</dt>
              <dd data-train-loss={progress?.loss}>{progress ? lossText(progress.loss) : '–'}</dd>
            </div>
            <div>
              <dt>{r.trainAccuracy}</dt>
              <dd>{progress ? percent(progress.trainAcc, 1) : '–'}</dd>
            </div>
            <div>
              <dt>{r.testAccuracy}</dt>
              <dd class="training-test-accuracy" data-test-accuracy={run.evaluation?.testAcc} data-eval-step={run.evaluation?.globalStep} data-sample-accuracy={sampleIsNewer ? run.subset?.testAcc : undefined}>
                {sampleIsNewer && run.subset ? (
                  <>
                    {percent(run.subset.testAcc, 1)} <span class="training-sample-note">{r.testSample(grouped(run.subset.count, lang))}</span>
                  </>
                ) : run.evaluation ? (
                  percent(run.evaluation.testAcc, 2)
                ) : ready.loaded?.testAccuracy != null ? (
                  percent(ready.loaded.testAccuracy, 2)
                ) : (
                  '–'
                )}
              </dd>
            </div>
          </dl>
          <p class="cl-hint">{r.sizes(grouped(ready.trainCount, lang), grouped(ready.testCount, lang), grouped(ready.config.batchSize, lang), grouped(ready.stepsPerEpoch, lang))}</p>
        </>
      )}
    </div>
  );
}
