/**
 * The network explorer page's island: the code editor, the input shape, the
 * layer-by-layer summary with each shape worked out, the layer builder, and
 * export and import of code and weights. Everything is computed by the
 * explorer core (`explore`, src/explorer/) on this page; the code and input
 * live in the address (address.ts), so a link reproduces what is shown.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../src/i18n/lessons.ts';
import {
  EXAMPLES,
  explore,
  exportPyTorch,
  loadSafetensors,
  pythonLoadSnippet,
  saveSafetensors,
} from '../../src/explorer/index.ts';
import type { Diagnostic, ExploreResult, ExplorerRow } from '../../src/explorer/index.ts';
import { browserModelStore } from '../../src/training/store.ts';
import type { SavedModelInfo } from '../../src/training/store.ts';
import { importWeights } from '../../src/training/weights.ts';
import { Note } from '../kit/Note.tsx';
import { NumberField } from '../kit/NumberField.tsx';
import { useQueryState } from '../kit/query-state.ts';
import { stringsFor } from '../kit/strings.ts';
import { Tex } from '../kit/Tex.tsx';
import { explorerCodec, parseInputShape } from './address.ts';
import type { ExplorerAddress } from './address.ts';
import { ARGS, BUILDER_TYPES, layersOfModel, moveLayer, newLayer, stackSource } from './builder.ts';
import type { BuilderLayer, BuilderType } from './builder.ts';
import { Editor } from './Editor.tsx';
import type { EditorHandle, EditorMark } from './Editor.tsx';
import { STRINGS } from './strings/index.ts';
import type { ExplorerStrings } from './strings/index.ts';

/** The example files, read at build time. */
const SOURCES = import.meta.glob('../../src/explorer/examples/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function exampleCode(id: string): string {
  const code = SOURCES[`../../src/explorer/examples/${id}.py`];
  if (code === undefined) throw new Error(`explorer example ${id}.py is missing`);
  return code;
}

const DEFAULT_EXAMPLE = 'lenet5';

function defaults(): ExplorerAddress {
  const example = EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE)!;
  return { code: exampleCode(example.id), input: [...example.input] };
}

/** Typing waits this long before the code is read again (ms); examples and the builder apply at once. */
const TYPING_SETTLE_MS = 250;

const shapeText = (shape: readonly number[] | null) => (shape ? `[${shape.join(', ')}]` : '—');

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Weights loaded into the model from a file or a saved model, re-applied whenever the code is read again. */
interface LoadedWeights {
  bytes: Uint8Array;
  from: string;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

export interface ExplorerProps {
  lang: Locale;
}

export default function Explorer({ lang }: ExplorerProps) {
  const t = stringsFor(STRINGS, lang);
  const numberFormat = useMemo(() => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US'), [lang]);
  const fmt = (n: number | null) => (n === null ? '—' : numberFormat.format(n));

  const codec = useMemo(() => explorerCodec(defaults), []);
  const address = useQueryState(codec);
  const { code, input } = address.value;

  // What has been read: follows the address, after a pause while typing.
  const [analysed, setAnalysed] = useState<ExplorerAddress>(address.value);
  const immediate = useRef(true);
  const sawAddress = useRef(false);
  useEffect(() => {
    // The address is read once, right after hydration: show what it holds at once.
    if (address.ready && !sawAddress.current) {
      sawAddress.current = true;
      immediate.current = true;
    }
    if (immediate.current) {
      immediate.current = false;
      setAnalysed({ code, input });
      return;
    }
    const timer = setTimeout(() => setAnalysed({ code, input }), TYPING_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [code, input, address.ready]);

  const result: ExploreResult = useMemo(() => explore(analysed.code, { input: analysed.input }), [analysed]);

  /** Sets the code (and input) from outside the editor: read at once. */
  const setFromOutside = (next: ExplorerAddress) => {
    immediate.current = true;
    address.set(next);
  };

  // Input shape field: the text is the reader's; the last valid shape stays in force.
  const [inputText, setInputText] = useState(input.join(', '));
  const [inputRevision, setInputRevision] = useState(0);
  useEffect(() => {
    const checked = parseInputShape(inputText);
    if ('shape' in checked && checked.shape.join(',') === input.join(',')) return;
    setInputText(input.join(', '));
    // Only a shape set from outside (example, link, saved model) gets here.
  }, [input.join(','), inputRevision]);
  const inputCheck = parseInputShape(inputText);
  const inputProblem = 'problem' in inputCheck ? t.inputProblems[inputCheck.problem] : null;
  const onInputText = (text: string) => {
    setInputText(text);
    const checked = parseInputShape(text);
    if ('shape' in checked) address.set((prev) => ({ ...prev, input: checked.shape }));
  };

  // Weights loaded into the model shown.
  const weights = useRef<LoadedWeights | null>(null);
  const [weightsNote, setWeightsNote] = useState<Status>(null);
  const [weightsFrom, setWeightsFrom] = useState<string | null>(null);
  useEffect(() => {
    const loaded = weights.current;
    if (!loaded || !result.model) return;
    try {
      loadSafetensors(result.model, loaded.bytes);
    } catch (error) {
      weights.current = null;
      setWeightsFrom(null);
      setWeightsNote({ kind: 'error', text: t.weightsStale(error instanceof Error ? error.message : String(error)) });
    }
  }, [result]);

  // Which row's working is shown.
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    const firstWithWorking = result.rows.findIndex((r) => r.steps.length > 0 && !r.steps.every((s) => s.label === 'shape'));
    setSelected((current) => (current < result.rows.length ? current : Math.max(0, firstWithWorking)));
  }, [result]);

  const editor = useRef<EditorHandle | null>(null);
  const marks: EditorMark[] = useMemo(
    () => (analysed.code === code ? result.diagnostics.map((d) => ({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, message: d.pytorch ? `${d.message}\n${t.pytorchSays}: ${d.pytorch}` : d.message })) : []),
    [result, code, analysed.code, t],
  );

  // The builder's view: its own layers right after it wrote the code, else read from the model.
  const written = useRef<{ code: string; layers: BuilderLayer[] } | null>(null);
  const lastDerived = useRef<BuilderLayer[] | null>(null);
  let builderLayers: BuilderLayer[] | null;
  if (written.current && written.current.code === code) builderLayers = written.current.layers;
  else if (analysed.code === code) builderLayers = lastDerived.current = layersOfModel(result.model);
  else builderLayers = lastDerived.current;
  const setLayers = (layers: BuilderLayer[]) => {
    const next = stackSource(layers);
    written.current = { code: next, layers };
    setFromOutside({ code: next, input });
  };

  // Examples menu.
  const [exampleId, setExampleId] = useState(DEFAULT_EXAMPLE);
  const openExample = () => {
    const example = EXAMPLES.find((e) => e.id === exampleId);
    if (!example) return;
    setFromOutside({ code: exampleCode(example.id), input: [...example.input] });
    setInputRevision((r) => r + 1);
  };

  // Export and import.
  const [exportStatus, setExportStatus] = useState<Status>(null);
  const exportCode = () => {
    if (!result.model) return;
    try {
      download('model.py', exportPyTorch(result.model, { source: analysed.code, input: analysed.input }), 'text/x-python');
      setExportStatus(null);
    } catch (error) {
      setExportStatus({ kind: 'error', text: t.exportFailed(error instanceof Error ? error.message : String(error)) });
    }
  };
  const exportWeights = () => {
    if (!result.model) return;
    download('model.safetensors', saveSafetensors(result.model) as Uint8Array<ArrayBuffer>, 'application/octet-stream');
  };
  const [importStatus, setImportStatus] = useState<Status>(null);
  const importFile = async (file: File) => {
    if (!result.model) {
      setImportStatus({ kind: 'error', text: t.importNoModel });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      loadSafetensors(result.model, bytes);
    } catch (error) {
      setImportStatus({ kind: 'error', text: t.importFailed(file.name, error instanceof Error ? error.message : String(error)) });
      return;
    }
    weights.current = { bytes, from: file.name };
    setWeightsFrom(file.name);
    setWeightsNote(null);
    setImportStatus({ kind: 'ok', text: t.importOk(file.name, Object.keys(result.model.stateDict()).length) });
  };

  // Models trained on the dashboard (IndexedDB, this browser).
  const [saved, setSaved] = useState<SavedModelInfo[] | 'unavailable' | null>(null);
  const [savedId, setSavedId] = useState('');
  const [trainedStatus, setTrainedStatus] = useState<Status>(null);
  useEffect(() => {
    let alive = true;
    (async () => {
      try {
        const list = await browserModelStore().list();
        if (!alive) return;
        setSaved(list);
        if (list[0]) setSavedId(list[0].id);
      } catch {
        if (alive) setSaved('unavailable');
      }
    })();
    return () => {
      alive = false;
    };
  }, []);
  const openTrained = async () => {
    if (!Array.isArray(saved)) return;
    const info = saved.find((s) => s.id === savedId);
    if (!info) return;
    try {
      const imported = importWeights(await browserModelStore().load(info.id));
      const shape = [1, ...imported.header.inputShape];
      const trainedCode = exportPyTorch(imported.built.model, { input: shape });
      weights.current = { bytes: saveSafetensors(imported.built.model), from: info.name };
      setWeightsFrom(info.name);
      setWeightsNote(null);
      written.current = null;
      if (trainedCode === analysed.code && result.model) loadSafetensors(result.model, weights.current.bytes);
      setFromOutside({ code: trainedCode, input: shape });
      setInputRevision((r) => r + 1);
      setTrainedStatus({ kind: 'ok', text: t.trainedLoaded(info.name) });
    } catch (error) {
      setTrainedStatus({ kind: 'error', text: t.trainedFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const rejectedNote =
    address.rejected.length > 0 ? t.rejectedLink(address.rejected.map((k) => t.keyNames[k])) : null;
  const errorRow = result.diagnostics.find((d) => d.severity === 'error');
  const selectedRow: ExplorerRow | undefined = result.rows[selected];

  return (
    <div class="xp" data-testid="explorer">
      {rejectedNote && (
        <Note class="xp-note--warn" testId="xp-link-note">
          {rejectedNote}
        </Note>
      )}

      <div class="xp-toolbar">
        <div class="cl-field xp-field">
          <label for="xp-example">{t.exampleLabel}</label>
          <div class="xp-inline">
            <select id="xp-example" value={exampleId} onChange={(e) => setExampleId((e.currentTarget as HTMLSelectElement).value)}>
              {EXAMPLES.map((e) => (
                <option value={e.id} key={e.id}>
                  {e.title[lang]}
                </option>
              ))}
            </select>
            <button type="button" class="cl-button" onClick={openExample} data-testid="xp-open-example">
              {t.openExample}
            </button>
          </div>
        </div>
        <div class="cl-field xp-field xp-input-field">
          <label for="xp-input">{t.inputLabel}</label>
          <input
            id="xp-input"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            value={inputText}
            aria-invalid={inputProblem !== null}
            aria-describedby={inputProblem ? 'xp-input-problem' : 'xp-input-hint'}
            onInput={(e) => onInputText((e.currentTarget as HTMLInputElement).value)}
          />
          {inputProblem ? (
            <p id="xp-input-problem" class="cl-error" role="alert">
              {inputProblem}
            </p>
          ) : (
            <p id="xp-input-hint" class="cl-hint">
              {t.inputHint}
            </p>
          )}
        </div>
      </div>

      <h2 id="xp-editor-label" class="xp-h">
        {t.editorLabel}
      </h2>
      <p id="xp-keyboard-help" class="cl-hint">
        {t.keyboardHelp}
      </p>
      <Editor
        value={code}
        onChange={(next) => address.set((prev) => ({ ...prev, code: next }))}
        marks={marks}
        labelledBy="xp-editor-label"
        describedBy="xp-keyboard-help"
        handle={editor}
      />

      <section class="xp-problems" aria-labelledby="xp-problems-heading" data-testid="xp-problems">
        <h3 id="xp-problems-heading" class="xp-h3">
          {t.problemsHeading}
        </h3>
        {result.diagnostics.length === 0 ? (
          <p class="xp-ok" role="status">
            {t.noProblems}
          </p>
        ) : (
          <ul class="xp-diagnostics" role="status">
            {result.diagnostics.map((d, i) => (
              <DiagnosticItem key={i} d={d} t={t} onLine={(line) => editor.current?.goToLine(line)} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="xp-summary-heading">
        <h2 id="xp-summary-heading" class="xp-h">
          {t.summaryHeading}
        </h2>
        {result.rows.length === 0 ? (
          <p class="cl-hint">{t.notTraced}</p>
        ) : (
          <>
            <p class="cl-hint">{t.summaryCaption}</p>
            <div class="xp-table-scroll" role="region" aria-labelledby="xp-summary-heading" tabIndex={0}>
              <table class="xp-table" data-testid="xp-summary">
                <thead>
                  <tr>
                    <th scope="col">{t.columns.layer}</th>
                    <th scope="col">{t.columns.type}</th>
                    <th scope="col">{t.columns.output}</th>
                    <th scope="col" class="xp-num">{t.columns.params}</th>
                    <th scope="col" class="xp-num">{t.columns.rf}</th>
                    <th scope="col" class="xp-num">{t.columns.macs}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr class="xp-input-row">
                    <th scope="row">{t.inputRow}</th>
                    <td></td>
                    <td class="xp-mono">{shapeText(result.inputShape)}</td>
                    <td></td>
                    <td></td>
                    <td></td>
                  </tr>
                  {result.rows.map((row, i) => (
                    <tr key={`${row.name}-${i}`} class={i === selected ? 'is-selected' : undefined} data-layer={row.name}>
                      <th scope="row">
                        <button
                          type="button"
                          class="xp-row-button"
                          aria-pressed={i === selected}
                          title={t.showWorking(row.name)}
                          onClick={() => setSelected(i)}
                        >
                          {row.name}
                        </button>
                      </th>
                      <td>
                        {row.type}
                        {row.kind === 'function' && <span class="cl-hint"> ({t.functionCall})</span>}
                      </td>
                      <td class="xp-mono">{shapeText(row.outputShape)}</td>
                      <td class="xp-num">{fmt(row.params)}</td>
                      <td class="xp-num">{row.receptiveField ? `${row.receptiveField.size[0]}×${row.receptiveField.size[1]}` : '—'}</td>
                      <td class="xp-num">{fmt(row.macs)}</td>
                    </tr>
                  ))}
                </tbody>
                {result.ok && (
                  <tfoot>
                    <tr>
                      <th scope="row">{t.totals}</th>
                      <td></td>
                      <td class="xp-mono">{shapeText(result.outputShape)}</td>
                      <td class="xp-num">{fmt(result.totalParams)}</td>
                      <td></td>
                      <td class="xp-num">{fmt(result.totalMacs)}</td>
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
            {result.ok ? (
              <p class="xp-totals" data-testid="xp-totals">
                {t.totalsLine(fmt(result.totalParams), fmt(result.trainableParams), fmt(result.totalMacs), shapeText(result.outputShape))}
              </p>
            ) : (
              errorRow && result.rows.length > 0 && <p class="cl-hint">{t.failedAt(result.rows[result.rows.length - 1].name)}</p>
            )}
            {selectedRow && (
              <div class="xp-working" data-testid="xp-working" aria-live="polite">
                <h3 class="xp-h3">{t.workingHeading(selectedRow.name)}</h3>
                {selectedRow.steps.length === 0 ? (
                  <p class="cl-hint">{t.noWorking}</p>
                ) : (
                  selectedRow.steps.map((step, i) => <Tex key={i} tex={step.tex} display class="xp-step" />)
                )}
              </div>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="xp-builder-heading" class="xp-builder" data-testid="xp-builder">
        <h2 id="xp-builder-heading" class="xp-h">
          {t.builderHeading}
        </h2>
        {builderLayers === null ? (
          <>
            <p class="cl-hint">{t.builderUnavailable}</p>
            <button
              type="button"
              class="cl-button"
              onClick={() => setLayers([newLayer('Conv2d'), newLayer('ReLU'), newLayer('Flatten')].map((l, i) => (i === 0 ? { ...l, args: { ...l.args, in_channels: input[1] ?? 1 } } : l)))}
            >
              {t.startStack}
            </button>
          </>
        ) : (
          <Builder layers={builderLayers} t={t} onChange={setLayers} />
        )}
      </section>

      <section aria-labelledby="xp-export-heading" class="xp-export">
        <h2 id="xp-export-heading" class="xp-h">
          {t.exportHeading}
        </h2>
        <p class="cl-hint">{t.exportIntro}</p>
        <div class="xp-inline">
          <button type="button" class="cl-button" onClick={exportCode} disabled={!result.model} data-testid="xp-download-code">
            {t.downloadCode}
          </button>
          <button type="button" class="cl-button" onClick={exportWeights} disabled={!result.model} data-testid="xp-download-weights">
            {t.downloadWeights}
          </button>
        </div>
        {exportStatus && <Note class="xp-note--warn">{exportStatus.text}</Note>}
        <p class="cl-hint" data-testid="xp-weights-source">
          {weightsFrom ? t.weightsLoaded(weightsFrom) : t.weightsInitial}
        </p>
        {weightsNote && <Note class="xp-note--warn">{weightsNote.text}</Note>}
        <div class="cl-field xp-field">
          <label for="xp-import">{t.importLabel}</label>
          <input
            id="xp-import"
            type="file"
            accept=".safetensors,application/octet-stream"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importFile(file);
              input.value = '';
            }}
          />
        </div>
        {importStatus && (
          <Note class={importStatus.kind === 'error' ? 'xp-note--warn' : 'xp-note--ok'} testId="xp-import-status">
            {importStatus.text}
          </Note>
        )}
        <h3 class="xp-h3">{t.snippetHeading}</h3>
        <pre class="xp-snippet" tabIndex={0}>
          <code>{pythonLoadSnippet()}</code>
        </pre>
      </section>

      <section aria-labelledby="xp-trained-heading" class="xp-trained" data-testid="xp-trained">
        <h2 id="xp-trained-heading" class="xp-h">
          {t.trainedHeading}
        </h2>
        <p class="cl-hint">{t.trainedIntro}</p>
        {saved === 'unavailable' ? (
          <p class="cl-hint">{t.trainedUnavailable}</p>
        ) : saved === null ? null : saved.length === 0 ? (
          <p class="cl-hint">{t.trainedNone}</p>
        ) : (
          <div class="cl-field xp-field">
            <label for="xp-saved">{t.trainedLabel}</label>
            <div class="xp-inline">
              <select id="xp-saved" value={savedId} onChange={(e) => setSavedId((e.currentTarget as HTMLSelectElement).value)}>
                {saved.map((s) => (
                  <option value={s.id} key={s.id}>
                    {t.trainedOption(s.name, s.testAccuracy === null ? null : `${(s.testAccuracy * 100).toFixed(1)}%`, s.savedAt.slice(0, 10))}
                  </option>
                ))}
              </select>
              <button type="button" class="cl-button" onClick={() => void openTrained()}>
                {t.openTrained}
              </button>
            </div>
          </div>
        )}
        {trainedStatus && (
          <Note class={trainedStatus.kind === 'error' ? 'xp-note--warn' : 'xp-note--ok'}>{trainedStatus.text}</Note>
        )}
      </section>
    </div>
  );
}

function DiagnosticItem({ d, t, onLine }: { d: Diagnostic; t: ExplorerStrings; onLine: (line: number) => void }) {
  return (
    <li class={`xp-diagnostic xp-diagnostic--${d.severity}`} data-testid="xp-diagnostic" data-line={d.line} data-kind={d.kind}>
      <p class="xp-diagnostic__head">
        <strong>{d.severity === 'error' ? t.error : t.warning}</strong>
        {d.kind === 'subset' && <span class="xp-badge">{t.outsideSubset}</span>}
        <button type="button" class="xp-link-button" onClick={() => onLine(d.line)} aria-label={t.goToLine(d.line)}>
          {t.lineLabel(d.line)}
        </button>
      </p>
      <p class="xp-diagnostic__message">{d.message}</p>
      {d.pytorch && (
        <p class="xp-diagnostic__pytorch">
          {t.pytorchSays}: <code>{d.pytorch}</code>
        </p>
      )}
    </li>
  );
}

function Builder({ layers, t, onChange }: { layers: BuilderLayer[]; t: ExplorerStrings; onChange: (layers: BuilderLayer[]) => void }) {
  const [adding, setAdding] = useState<BuilderType>('Conv2d');
  return (
    <>
      <p class="cl-hint">{t.builderIntro}</p>
      {layers.length === 0 ? (
        <p class="cl-hint">{t.emptyStack}</p>
      ) : (
        <ol class="xp-layers">
          {layers.map((layer, i) => (
            <li key={`${i}-${layer.type}`} class="xp-layer" data-testid="xp-layer">
              <span class="xp-layer__name">
                {i}. <code>nn.{layer.type}</code>
              </span>
              <span class="xp-layer__args">
                {ARGS[layer.type].map((spec) => (
                  <NumberField
                    key={spec.key}
                    label={t.argLabel(spec.key)}
                    value={layer.args[spec.key] ?? spec.initial}
                    rule={{ min: spec.min, max: spec.max, step: spec.step }}
                    message={t.argRule(spec.min, spec.max, spec.step)}
                    size={6}
                    name={`${i}-${spec.key}`}
                    onChange={(value) => onChange(layers.map((l, j) => (j === i ? { ...l, args: { ...l.args, [spec.key]: value } } : l)))}
                  />
                ))}
              </span>
              <span class="xp-layer__buttons">
                <button type="button" class="xp-icon-button" aria-label={t.moveUp(i, layer.type)} disabled={i === 0} onClick={() => onChange(moveLayer(layers, i, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  class="xp-icon-button"
                  aria-label={t.moveDown(i, layer.type)}
                  disabled={i === layers.length - 1}
                  onClick={() => onChange(moveLayer(layers, i, 1))}
                >
                  ↓
                </button>
                <button type="button" class="xp-icon-button" aria-label={t.removeLayer(i, layer.type)} onClick={() => onChange(layers.filter((_, j) => j !== i))}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div class="cl-field xp-field">
        <label for="xp-add-type">{t.addLabel}</label>
        <div class="xp-inline">
          <select id="xp-add-type" value={adding} onChange={(e) => setAdding((e.currentTarget as HTMLSelectElement).value as BuilderType)}>
            {BUILDER_TYPES.map((type) => (
              <option value={type} key={type}>
                {t.layerTypes[type]}
              </option>
            ))}
          </select>
          <button type="button" class="cl-button" onClick={() => onChange([...layers, newLayer(adding)])} data-testid="xp-add-layer">
            {t.addLayer}
          </button>
        </div>
      </div>
    </>
  );
}
