/**
 * The bottleneck block against two 3x3 layers: weights and MACs of both from the
 * engine's summary, for the channel count the reader picks (`?bn-c=…`).
 */
import { useMemo } from 'preact/hooks';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { Note } from '../../kit/Note.tsx';
import { readInt, useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import { compareBottleneck } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './resnet.css';

const LIMITS: [number, number] = [1, 512];
const DEFAULT_C = 64;
const SIDE = 56;

const QUERY: QueryCodec<number> = {
  initial: () => DEFAULT_C,
  read: (params) => {
    const rejected: string[] = [];
    return { value: readInt(params, 'bn-c', LIMITS[0], LIMITS[1], DEFAULT_C, rejected), rejected };
  },
  write: (value, params) => {
    if (value === DEFAULT_C) params.delete('bn-c');
    else params.set('bn-c', String(value));
  },
};

/** The comparison island. */
export default function BottleneckCompare({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: c, set, rejected } = useQueryState(QUERY);
  const r = useMemo(() => compareBottleneck(c, SIDE), [c]);
  const n = (v: number) => v.toLocaleString(lang);
  const ratio = (r.bottleneck.params / r.twoConvs.params).toFixed(2);
  return (
    <WidgetFrame title={t.bottleTitle} caption={t.bottleCaption} class="rn-bottle">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <NumberField
          label={t.channels}
          name="bn-c"
          value={c}
          rule={{ min: LIMITS[0], max: LIMITS[1] }}
          message={t.channelsRule(LIMITS[0], LIMITS[1])}
          size={4}
          onChange={set}
        />
      </div>
      <p class="rn-note" data-testid="bn-side">{t.mapSide(SIDE)}</p>
      <div class="rn-table-wrap">
        <table class="rn-table" data-testid="bn-table">
          <thead>
            <tr>
              <th scope="col">{t.design}</th>
              <th scope="col">{t.weights}</th>
              <th scope="col">{t.macs}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.two3x3(c)}</th>
              <td data-testid="bn-two-params">{n(r.twoConvs.params)}</td>
              <td>{n(r.twoConvs.macs)}</td>
            </tr>
            <tr>
              <th scope="row">{t.bottleneck(c, r.bottleneck.width)}</th>
              <td data-testid="bn-bottle-params">{n(r.bottleneck.params)}</td>
              <td>{n(r.bottleneck.macs)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="rn-note" role="status" data-testid="bn-summary">{t.bottleSummary(ratio)}</p>
    </WidgetFrame>
  );
}
