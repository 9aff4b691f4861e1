/**
 * A residual block stepped through with real tensors: the engine's BasicBlock,
 * run operation by operation on a small input. The step lives in the address
 * (`?blk=…`, 1-based).
 */
import { useMemo } from 'preact/hooks';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { CellGrid } from '../../kit/CellGrid.tsx';
import { Note } from '../../kit/Note.tsx';
import { readInt, useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import { stepBlock } from './model.ts';
import type { BlockStage } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { ResNetStrings } from './strings/index.ts';
import './resnet.css';

const STAGE_COUNT = 8;

const QUERY: QueryCodec<number> = {
  initial: () => 1,
  read: (params) => {
    const rejected: string[] = [];
    return { value: readInt(params, 'blk', 1, STAGE_COUNT, 1, rejected), rejected };
  },
  write: (value, params) => {
    if (value === 1) params.delete('blk');
    else params.set('blk', String(value));
  },
};

const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(2);

function StageGrid({ t, stage, testId }: { t: ResNetStrings; stage: BlockStage; testId: string }) {
  const name = t.stageNames[stage.id];
  const maxAbs = Math.max(1e-6, ...stage.channel0.map(Math.abs));
  return (
    <div class="rn-stage" data-testid={testId}>
      <p class="rn-stage__name">{name}</p>
      <p class="rn-stage__shape" data-testid={`${testId}-shape`}>
        {t.shape(`[${stage.shape.join(', ')}]`)}
      </p>
      <CellGrid
        size={stage.side}
        values={stage.channel0.map((v) => v / maxAbs)}
        text={(i) => fmt(stage.channel0[i])}
        cellLabel={(i) => t.cellLabel(Math.floor(i / stage.side) + 1, (i % stage.side) + 1, fmt(stage.channel0[i]))}
        label={t.gridLabel(name)}
      />
    </div>
  );
}

/** The stepper island. */
export default function BlockStepper({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { stages } = useMemo(() => stepBlock(), []);
  const { value: step, set, rejected } = useQueryState(QUERY);
  const stage = stages[step - 1];
  return (
    <WidgetFrame title={t.blockTitle} caption={t.blockCaption} class="rn-block">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <button type="button" class="cl-button" disabled={step <= 1} onClick={() => set((s) => Math.max(1, s - 1))} data-testid="blk-prev">
          {t.previous}
        </button>
        <button type="button" class="cl-button" disabled={step >= STAGE_COUNT} onClick={() => set((s) => Math.min(STAGE_COUNT, s + 1))} data-testid="blk-next">
          {t.next}
        </button>
        <span class="rn-step" role="status" data-testid="blk-step">
          {t.stageOf(step, STAGE_COUNT)}: {t.stageNames[stage.id]}
        </span>
      </div>
      <p class="rn-note" data-testid="blk-note">{t.stageNotes[stage.id]}</p>
      <div class="rn-stages">
        <StageGrid t={t} stage={stages[0]} testId="blk-input" />
        {step > 1 && <StageGrid t={t} stage={stage} testId="blk-current" />}
      </div>
    </WidgetFrame>
  );
}
