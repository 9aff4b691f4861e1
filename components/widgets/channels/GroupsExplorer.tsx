/**
 * Lesson 8's groups explorer. The reader picks the input and output channels, the
 * groups, the kernel and the input size; the widget draws which input channels feed
 * which output channels (read from the layer's weight shape), and shows the weight
 * shape, output shape, parameters and multiply-accumulates from the engine's
 * `summary`. A setting PyTorch refuses shows the engine's message. Below, a
 * depthwise-separable pair is set against a full convolution for the same channels.
 */
import { useMemo } from 'preact/hooks';
import type { JSX } from 'preact';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { LIMITS, decodeGroups, defaultGroups, encodeGroups, groupedLayer, groupingKind, separable } from './model.ts';
import type { GroupsConfig, GroupsResult } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { ChannelsStrings } from './strings/index.ts';
import './channels.css';

const QUERY: QueryCodec<GroupsConfig> = {
  initial: defaultGroups,
  read: (params) => {
    const { config, rejected } = decodeGroups(params);
    return { value: config, rejected };
  },
  write: encodeGroups,
};

/** Colour classes for groups, repeated past six. */
const groupClass = (g: number) => `ch-g${g % 6}`;

function Diagram({ config, result, t }: { config: GroupsConfig; result: Extract<GroupsResult, { ok: true }>; t: ChannelsStrings }) {
  const width = 320;
  const top = 22;
  const bottom = 118;
  const xOf = (i: number, n: number) => 16 + ((width - 32) * (i + 0.5)) / n;
  const r = Math.min(9, (width - 32) / Math.max(config.inC, config.outC) / 2.6);
  return (
    <svg
      class="ch-diagram"
      viewBox={`0 0 ${width} 140`}
      role="img"
      aria-label={t.diagramAria(config.inC, config.outC, config.groups, result.links.length)}
      data-testid="ch-diagram"
      data-links={result.links.length}
    >
      <text x={4} y={10} class="ch-row-label">{t.inputsRow}</text>
      <text x={4} y={138} class="ch-row-label">{t.outputsRow}</text>
      {result.links.map(([i, o]) => (
        <line
          key={`${i}-${o}`}
          x1={xOf(i, config.inC)}
          y1={top}
          x2={xOf(o, config.outC)}
          y2={bottom}
          class={`ch-link ${groupClass(result.groupOf.output[o])}`}
          data-from={i}
          data-to={o}
        />
      ))}
      {result.groupOf.input.map((g, i) => (
        <circle key={`i${i}`} cx={xOf(i, config.inC)} cy={top} r={r} class={`ch-node ${groupClass(g)}`} />
      ))}
      {result.groupOf.output.map((g, o) => (
        <rect key={`o${o}`} x={xOf(o, config.outC) - r} y={bottom - r} width={2 * r} height={2 * r} class={`ch-node ${groupClass(g)}`} />
      ))}
    </svg>
  );
}

/** The explorer island. */
export default function GroupsExplorer({ lang }: { lang: Locale }): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const result = useMemo(() => groupedLayer(config), [config]);
  const sep = useMemo(() => separable(config.inC, config.outC, config.kernel, config.size), [config.inC, config.outC, config.kernel, config.size]);
  const field = (key: keyof GroupsConfig) => (v: number) => set((c) => ({ ...c, [key]: v }));
  const setGroups = (groups: number) => set((c) => ({ ...c, groups }));
  const kind = groupingKind(config);
  const share = Math.round((100 * sep.pair.params) / sep.full.params);

  return (
    <WidgetFrame title={t.groupsTitle} caption={t.groupsCaption} class="ch-groups">
      {rejected.length > 0 && <Note testId="ch-groups-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField label={t.inC} value={config.inC} min={LIMITS.inC[0]} max={LIMITS.inC[1]} onInput={field('inC')} />
        <SliderField label={t.outC} value={config.outC} min={LIMITS.outC[0]} max={LIMITS.outC[1]} onInput={field('outC')} />
        <SliderField label={t.groups} value={config.groups} min={LIMITS.groups[0]} max={LIMITS.groups[1]} onInput={field('groups')} />
        <SliderField label={t.kernel} value={config.kernel} min={LIMITS.kernel[0]} max={LIMITS.kernel[1]} onInput={field('kernel')} />
        <SliderField label={t.size} value={config.size} min={LIMITS.size[0]} max={LIMITS.size[1]} onInput={field('size')} />
      </div>
      <div class="ch-presets" role="group" aria-label={t.presets}>
        <span class="ch-note">{t.presets}</span>
        <button type="button" class="cl-button" aria-pressed={config.groups === 1} onClick={() => setGroups(1)}>
          {t.presetFull}
        </button>
        <button type="button" class="cl-button" aria-pressed={config.groups === 2} onClick={() => setGroups(2)}>
          {t.presetTwo}
        </button>
        <button type="button" class="cl-button" aria-pressed={config.groups === config.inC} onClick={() => setGroups(config.inC)}>
          {t.presetDepthwise}
        </button>
      </div>
      <div aria-live="polite">
        {result.ok ? (
          <div class="ch-groups-body">
            <p class="ch-kind" data-testid="ch-kind">
              {t.kinds[kind](config.groups)}
            </p>
            <Diagram config={config} result={result} t={t} />
            <dl class="ch-stats">
              <div>
                <dt>{t.weight}</dt>
                <dd data-testid="ch-weight">{t.shape(result.weightShape)}</dd>
              </div>
              <div>
                <dt>{t.output}</dt>
                <dd data-testid="ch-output">{t.shape(result.outputShape)}</dd>
              </div>
              <div>
                <dt>{t.params}</dt>
                <dd data-testid="ch-params">{t.count(result.params)}</dd>
              </div>
              <div>
                <dt>{t.macs}</dt>
                <dd data-testid="ch-macs">{t.count(result.macs)}</dd>
              </div>
            </dl>
            <p class="ch-note" data-testid="ch-links">{t.links(result.links.length)}</p>
          </div>
        ) : (
          <div class="ch-refused" role="status" data-testid="ch-error">
            <p>{t.refused}</p>
            <EngineMessage label={t.engineMessage} message={result.message} />
          </div>
        )}
      </div>

      <h3 class="ch-heading">{t.sepHeading}</h3>
      <p class="ch-note">{t.sepNote(config.inC, config.outC, config.kernel)}</p>
      <div class="ch-table-wrap" tabIndex={0} role="region" aria-label={t.sepHeading}>
        <table class="ch-table" data-testid="ch-sep">
          <thead>
            <tr>
              <th scope="col">{t.colLayer}</th>
              <th scope="col">{t.weight}</th>
              <th scope="col">{t.output}</th>
              <th scope="col">{t.params}</th>
              <th scope="col">{t.macs}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.sepFull}</th>
              <td>{t.shape(sep.full.weightShape)}</td>
              <td>{t.shape(sep.full.outputShape)}</td>
              <td data-testid="ch-sep-full">{t.count(sep.full.params)}</td>
              <td>{t.count(sep.full.macs)}</td>
            </tr>
            <tr>
              <th scope="row">{t.sepDepthwise}</th>
              <td>{t.shape(sep.depthwise.weightShape)}</td>
              <td>{t.shape(sep.depthwise.outputShape)}</td>
              <td>{t.count(sep.depthwise.params)}</td>
              <td>{t.count(sep.depthwise.macs)}</td>
            </tr>
            <tr>
              <th scope="row">{t.sepPointwise}</th>
              <td>{t.shape(sep.pointwise.weightShape)}</td>
              <td>{t.shape(sep.pointwise.outputShape)}</td>
              <td>{t.count(sep.pointwise.params)}</td>
              <td>{t.count(sep.pointwise.macs)}</td>
            </tr>
            <tr class="ch-total">
              <th scope="row">{t.sepPair}</th>
              <td />
              <td>{t.shape(sep.pair.outputShape)}</td>
              <td data-testid="ch-sep-pair">{t.count(sep.pair.params)}</td>
              <td>{t.count(sep.pair.macs)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="ch-note" data-testid="ch-sep-share">{t.sepShare(share)}</p>
    </WidgetFrame>
  );
}
