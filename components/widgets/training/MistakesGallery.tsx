/**
 * Test images the network got wrong, each with its true class and the
 * network's answer. Each is a button: it opens that image in the inspector
 * above, to see which layer went astray.
 */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { Misclassified } from '../../../src/training/protocol.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { bytesToRgba } from './pixels.ts';
import { grouped } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link MistakesGallery}. */
export interface MistakesGalleryProps {
  mistakes: readonly Misclassified[];
  /** How many test images were wrong in all (the list holds the first ones only). */
  total: number;
  testCount: number;
  classes: readonly string[];
  /** One image, [C, H, W]. */
  inputShape: readonly number[];
  onInspect: (testIndex: number) => void;
  t: TrainingStrings;
  lang: Locale;
}

/** Images shown at first, and added by each "show more". */
const PAGE = 24;

function MistakesGalleryInner({ mistakes, total, testCount, classes, inputShape, onInspect, t, lang }: MistakesGalleryProps) {
  const m = t.mistakes;
  const [shown, setShown] = useState(PAGE);
  const [h, w] = [inputShape[1] ?? 28, inputShape[2] ?? 28];
  if (mistakes.length === 0) return <p class="cl-hint">{m.none}</p>;
  const name = (label: number) => classes[label] ?? String(label);
  return (
    <div class="training-mistakes">
      <p class="cl-hint">{m.summary(grouped(total, lang), grouped(testCount, lang), grouped(Math.min(shown, mistakes.length), lang))}</p>
      <ul class="training-mistakes__grid">
        {mistakes.slice(0, shown).map((mistake) => (
          <li key={mistake.index}>
            <button type="button" class="training-mistake" data-test-index={mistake.index} onClick={() => onInspect(mistake.index)}>
              <PixelCanvas rgba={bytesToRgba(mistake.image.subarray(0, h * w))} width={w} height={h} scale={2} />
              <span class="training-mistake__text">{m.itemText(name(mistake.label), name(mistake.predicted))}</span>
              {/* The visible "5 → 3" starts the accessible name; this says it in words. */}
              <span class="visually-hidden">{m.itemLabel(mistake.index, name(mistake.label), name(mistake.predicted), Math.round(mistake.confidence * 100))}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown < mistakes.length && (
        <button type="button" class="cl-button" onClick={() => setShown((n) => n + PAGE)}>
          {m.showMore}
        </button>
      )}
    </div>
  );
}

/** The gallery (redrawn only when a new evaluation arrives). */
export const MistakesGallery = memo(MistakesGalleryInner);
