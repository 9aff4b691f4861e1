/**
 * The training dashboard of lessons 13 and 14: set up a run (dataset, network,
 * optimiser), train it in a Web Worker, and watch it learn: loss and accuracy
 * curves, every layer's maps and filters for a test image, the confusion
 * matrix, the mistakes, a pad to draw your own digit, and saved models.
 *
 * Everything heavy runs in `src/workers/trainer.worker.ts`; the page only
 * draws, a few times a second. Settings live in the address bar and in
 * localStorage; saved models in IndexedDB.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { usePalette } from '../../kit/use-palette.ts';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import { fetchManifest } from '../../../src/engine/datasets/loaders.ts';
import { SetupPanel } from './SetupPanel.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Charts } from './Charts.tsx';
import { NetworkView } from './NetworkView.tsx';
import type { FilterColouring } from './NetworkView.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { MistakesGallery } from './MistakesGallery.tsx';
import { DigitPad } from './DigitPad.tsx';
import { ProbabilityList } from './ProbabilityList.tsx';
import { ModelLibrary } from './ModelLibrary.tsx';
import type { LibraryMessage } from './ModelLibrary.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { architectureOf, defaultSettings, fromTrainConfig, toTrainConfig } from './settings.ts';
import type { DashboardLesson, DashboardSettings } from './settings.ts';
import { dashboardQuery, rememberSettings } from './url-state.ts';
import { useQueryState } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { useTrainer } from './use-trainer.ts';
import { SILENCE_WATCH } from './trainer-client.ts';
import { useLibrary } from './use-library.ts';
import { PYTORCH_CODE_FILE, PYTORCH_WEIGHTS_FILE, pytorchExportable, pytorchFiles } from './pytorch-export.ts';
import { archName, grouped, percent } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS, classNames } from './strings/index.ts';
import './training.css';

/** Props of {@link TrainingDashboard}. */
export interface TrainingDashboardProps {
  lang: Locale;
  /** The lesson it sits in: decides the defaults, what can be edited and where settings are remembered. */
  lesson: DashboardLesson;
}

/** Where the site serves its data files. */
function dataUrl(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}data/`;
}

/** Offers `bytes` as a file download. */
function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The dashboard. */
export default function TrainingDashboard({ lang, lesson }: TrainingDashboardProps) {
  const t = stringsFor(STRINGS, lang);
  const query = useQueryState(useMemo(() => dashboardQuery(lesson), [lesson]));
  const { settings, testIndex } = query.value;
  const rejected = query.rejected;
  // Stable setters, so memoised views are not redrawn for nothing while a run streams progress.
  const { setSettings, setTestIndex } = useMemo(
    () => ({
      setSettings: (next: DashboardSettings | ((previous: DashboardSettings) => DashboardSettings)) =>
        query.set((q) => ({ ...q, settings: typeof next === 'function' ? next(q.settings) : next })),
      setTestIndex: (next: number | ((previous: number) => number)) =>
        query.set((q) => ({ ...q, testIndex: typeof next === 'function' ? next(q.testIndex) : next })),
    }),
    [query.set],
  );
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  /** Bumped by "Restore the defaults", so every field shows its default afresh, even one left invalid. */
  const [revision, setRevision] = useState(0);
  const [colouring, setColouring] = useState<FilterColouring>('grey');
  const { palette, version: themeVersion } = usePalette();
  const [dataSizes, setDataSizes] = useState<Partial<Record<string, number>>>({});
  const [libraryMessage, setLibraryMessage] = useState<LibraryMessage | null>(null);
  const [libraryBusy, setLibraryBusy] = useState(false);
  const problemId = useId();
  const reasonId = useId();

  // The settings of the run in progress also survive a reload or a visit elsewhere.
  useEffect(() => {
    if (query.ready) rememberSettings(settings, testIndex, lesson);
  }, [settings, testIndex, query.ready]);

  useEffect(() => {
    let cancelled = false;
    fetchManifest(dataUrl())
      .then((manifest) => {
        if (cancelled) return;
        const sizes: Record<string, number> = {};
        for (const entry of Object.keys(manifest.files)) {
          const dataset = entry.replace(/-(train|test)$/, '');
          sizes[dataset] = (sizes[dataset] ?? 0) + manifest.files[entry].bytes;
        }
        setDataSizes(sizes);
      })
      // Without the manifest the sizes are simply not shown; the trainer reports the real problem when it loads.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  const check = useMemo(() => checkArchitecture(architectureOf(settings)), [settings.arch, settings.layers, settings.lenetActivation, settings.lenetPooling, settings.zooModel]);
  const formOk = invalid.size === 0 && check.ok;
  const config = useMemo(() => (formOk ? toTrainConfig(settings) : null), [settings, formOk]);
  const trainer = useTrainer({ config, dataUrl: dataUrl(), testIndex });
  const library = useLibrary();
  const { run } = trainer;
  const ready = run.ready;
  const classes = classNames(lang, ready?.config.dataset ?? settings.dataset, ready?.classes);

  const blockedReason =
    trainer.crash !== undefined
      ? t.run.blocked.crashed
      : invalid.size > 0
        ? t.run.blocked.invalid
        : !check.ok
          ? t.run.blocked.broken
          : run.status === 'done' && !trainer.needsInit
            ? t.run.blocked.done
            : null;

  const onInvalid = (field: string, isInvalid: boolean) =>
    setInvalid((previous) => {
      if (previous.has(field) === isInvalid) return previous;
      const next = new Set(previous);
      if (isInvalid) next.add(field);
      else next.delete(field);
      return next;
    });

  /** Runs a library action with the buttons held and its message shown. */
  const libraryAction = async (action: () => Promise<LibraryMessage>) => {
    setLibraryBusy(true);
    setLibraryMessage(null);
    try {
      setLibraryMessage(await action());
    } catch (error) {
      setLibraryMessage({ kind: 'error', text: t.library.failed, detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setLibraryBusy(false);
    }
  };

  /** Loads a weights file into the trainer; the form then shows the file's settings. */
  const loadBytes = async (bytes: Uint8Array, what: string): Promise<LibraryMessage> => {
    const result = await trainer.importWeights(bytes);
    if ('refused' in result) return { kind: 'error', text: t.library.refused(what), detail: result.refused };
    setSettings((current) => fromTrainConfig(result.ready.config, current));
    const accuracy = result.ready.loaded?.testAccuracy;
    return { kind: 'ok', text: t.library.loaded(what, result.ready.step, accuracy == null ? null : percent(accuracy, 2)) };
  };

  const suggestedName = t.library.suggestedName(
    ready ? archName(ready.config.architecture, t.setup.archNames) : '',
    ready ? t.setup.datasetNames[ready.config.dataset] : '',
    run.evaluation ? percent(run.evaluation.testAcc, 1) : null,
  );

  const testCount = ready?.testCount ?? 10000;
  const inspection = trainer.inspection;

  return (
    <WidgetFrame title={t.titles[lesson]} class="training">
      <p class="cl-hint training-intro">{t.intro[lesson]}</p>
      {rejected.length > 0 && (
        <Note class="training-note">{t.urlNote(rejected.join(', '))}</Note>
      )}
      {trainer.crash !== undefined && (
        <div class="training-problem training-crash" role="alert">
          <p>
            <strong>{t.crash.message}</strong> {t.crash.safe}
          </p>
          {trainer.crash && (
            <p lang="en" class="training-summary__detail">
              {trainer.crash}
            </p>
          )}
          <button type="button" class="cl-button cl-button--primary" onClick={() => void trainer.restart()}>
            {t.crash.restart}
          </button>
        </div>
      )}
      {trainer.silent && trainer.crash === undefined && (
        <div class="training-problem training-silent" role="status">
          <p>
            <strong>{t.silence.message(SILENCE_WATCH.silentMs / 1000)}</strong> {t.silence.hint}
          </p>
          <button type="button" class="cl-button" onClick={() => void trainer.restart()}>
            {t.crash.restart}
          </button>
        </div>
      )}

      <section class="training-section" aria-labelledby={`${problemId}-setup`}>
        <h3 id={`${problemId}-setup`} class="training-heading">
          {t.sections.setup}
        </h3>
        <SetupPanel
          settings={settings}
          onChange={setSettings}
          onInvalid={onInvalid}
          revision={revision}
          lesson={lesson}
          check={check}
          dataSizes={dataSizes}
          problemId={problemId}
          t={t}
          lang={lang}
        />
        <button type="button" class="cl-button training-defaults" onClick={() => {
            setSettings(defaultSettings(lesson));
            setRevision((r) => r + 1);
          }}
        >
          {t.setup.restoreDefaults}
        </button>
      </section>

      <section class="training-section" aria-labelledby={`${problemId}-run`}>
        <h3 id={`${problemId}-run`} class="training-heading">
          {t.sections.run}
        </h3>
        <RunPanel
          run={run}
          busy={trainer.busy}
          needsInit={trainer.needsInit}
          blockedReason={blockedReason}
          datasetName={t.setup.datasetNames[settings.dataset]}
          onStart={() => void trainer.start()}
          onPause={trainer.pause}
          onStep={() => void trainer.step()}
          onReset={() => void trainer.reset()}
          onEvaluate={() => void trainer.evaluate()}
          t={t}
          lang={lang}
          reasonId={reasonId}
        />
        {trainer.failure && (
          <div class="training-problem" role="alert">
            <p>
              <strong>{t.run.failed(trainer.failure.command)}</strong>
            </p>
            <p lang="en" class="training-summary__detail">
              {trainer.failure.detail}
            </p>
          </div>
        )}
        <Charts
          history={run.history}
          epochs={ready?.config.epochs ?? settings.epochs}
          t={t}
          themeVersion={themeVersion}
          lossLabel={t.charts.lossLabel(run.history)}
          accuracyLabel={t.charts.accuracyLabel(run.history)}
          sampleSize={run.subset ? grouped(run.subset.count, lang) : null}
        />
      </section>

      <section class="training-section" aria-labelledby={`${problemId}-inside`}>
        <h3 id={`${problemId}-inside`} class="training-heading">
          {t.sections.inside}
        </h3>
        <div class="cl-controls">
          <NumberField
            class="training-number"
            name="testIndex"
            label={t.inside.testImage(testCount)}
            value={testIndex}
            size={6}
            check={(text) => {
              const value = Number(text.trim());
              return /^\d{1,5}$/.test(text.trim()) && value < testCount ? { value } : { message: t.inside.testImageProblem(testCount) };
            }}
            onChange={setTestIndex}
          />
          <div class="training-buttons">
            <button type="button" class="cl-button" disabled={testIndex === 0} onClick={() => setTestIndex((i) => Math.max(0, i - 1))}>
              {t.inside.previous}
            </button>
            <button type="button" class="cl-button" disabled={testIndex >= testCount - 1} onClick={() => setTestIndex((i) => Math.min(testCount - 1, i + 1))}>
              {t.inside.next}
            </button>
          </div>
          <ChoiceGroup
            label={t.inside.colouring}
            options={[
              { value: 'grey' as const, label: t.inside.grey },
              { value: 'signed' as const, label: t.inside.signed },
            ]}
            value={colouring}
            onChange={setColouring}
          />
        </div>
        <p class="cl-hint">{t.inside.legend}</p>
        {inspection && palette && ready ? (
          <NetworkView
            inspection={inspection}
            inputShape={ready.inputShape}
            palette={palette}
            classes={classes}
            colouring={colouring}
            showHandmade={lesson === 'training'}
            t={t}
          />
        ) : (
          <p class="training-empty">{t.inside.empty}</p>
        )}
      </section>

      <section class="training-section" aria-labelledby={`${problemId}-mistakes`}>
        <h3 id={`${problemId}-mistakes`} class="training-heading">
          {t.sections.mistakes}
        </h3>
        {run.evaluation && ready ? (
          <>
            <p class="cl-hint">{t.confusion.intro(percent(run.evaluation.testAcc, 2))}</p>
            <ConfusionMatrix confusion={run.evaluation.confusion} classes={classes} t={t} lang={lang} />
            <h4 class="training-subheading">{t.mistakes.heading}</h4>
            <MistakesGallery
              key={run.evaluation.globalStep}
              mistakes={run.evaluation.misclassified}
              total={run.evaluation.misclassifiedCount}
              testCount={ready.testCount}
              classes={classes}
              inputShape={ready.inputShape}
              onInspect={(index) => {
                setTestIndex(index);
                document.getElementById(`${problemId}-inside`)?.scrollIntoView({ block: 'start' });
              }}
              t={t}
              lang={lang}
            />
          </>
        ) : (
          <p class="training-empty">{t.confusion.empty}</p>
        )}
      </section>

      <section class="training-section" aria-labelledby={`${problemId}-draw`}>
        <h3 id={`${problemId}-draw`} class="training-heading">
          {t.sections.draw}
        </h3>
        <p class="cl-hint">{(ready?.config.dataset ?? settings.dataset) === 'mnist' ? t.draw.introDigits : t.draw.introFashion}</p>
        <div class="training-draw">
          <DigitPad onPicture={(picture) => void trainer.classify(picture)} sample={inspection?.input ?? null} t={t} disabled={!ready} />
          <div class="training-draw__answer" aria-live="polite">
            {!ready ? (
              <p class="training-empty">{t.draw.needsModel}</p>
            ) : trainer.classification ? (
              <>
                <p class="training-verdict" data-predicted={trainer.classification.predicted}>
                  {t.draw.answer(classes[trainer.classification.predicted] ?? String(trainer.classification.predicted), percent(trainer.classification.probabilities[trainer.classification.predicted], 1))}
                </p>
                <ProbabilityList probabilities={trainer.classification.probabilities} classes={classes} predicted={trainer.classification.predicted} caption={t.draw.probabilities} />
              </>
            ) : (
              <p class="training-empty">{t.draw.waiting}</p>
            )}
          </div>
        </div>
      </section>

      <section class="training-section" aria-labelledby={`${problemId}-models`}>
        <h3 id={`${problemId}-models`} class="training-heading">
          {t.sections.models}
        </h3>
        <ModelLibrary
          models={library.models}
          storeProblem={library.problem ? t.library.noStore : null}
          hasModel={ready !== null}
          pytorchOffered={pytorchExportable(ready ? ready.config.architecture : architectureOf(settings))}
          busy={libraryBusy || trainer.busy}
          suggestedName={suggestedName}
          message={libraryMessage}
          t={t}
          lang={lang}
          onSave={(name) =>
            void libraryAction(async () => {
              const weights = await trainer.exportWeights();
              if (!weights) return { kind: 'error', text: t.library.failed };
              const info = await library.save(name, weights.bytes);
              return { kind: 'ok', text: t.library.saved(info.name) };
            })
          }
          onDownloadCurrent={() =>
            void libraryAction(async () => {
              const weights = await trainer.exportWeights();
              if (!weights) return { kind: 'error', text: t.library.failed };
              download(weights.bytes, weights.fileName);
              return { kind: 'ok', text: t.library.downloaded(weights.fileName) };
            })
          }
          onDownloadPyTorch={(what) =>
            void libraryAction(async () => {
              const weights = await trainer.exportWeights();
              if (!weights) return { kind: 'error', text: t.library.failed };
              const files = pytorchFiles(weights.bytes);
              const [name, bytes] = what === 'weights' ? [PYTORCH_WEIGHTS_FILE, files.weights] : [PYTORCH_CODE_FILE, new TextEncoder().encode(files.code)];
              download(bytes, name);
              return { kind: 'ok', text: t.library.downloaded(name) };
            })
          }
          onUpload={(file) =>
            void libraryAction(async () => loadBytes(new Uint8Array(await file.arrayBuffer()), file.name))
          }
          onLoad={(id) =>
            void libraryAction(async () => {
              const name = library.models.find((m) => m.id === id)?.name ?? id;
              return loadBytes(await library.load(id), name);
            })
          }
          onDownload={(id) =>
            void libraryAction(async () => {
              const name = library.models.find((m) => m.id === id)?.name ?? 'model';
              const fileName = `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'model'}.clw`;
              download(await library.load(id), fileName);
              return { kind: 'ok', text: t.library.downloaded(fileName) };
            })
          }
          onDelete={(id) =>
            void libraryAction(async () => {
              const name = library.models.find((m) => m.id === id)?.name ?? id;
              await library.remove(id);
              return { kind: 'ok', text: t.library.deleted(name) };
            })
          }
        />
      </section>
    </WidgetFrame>
  );
}
