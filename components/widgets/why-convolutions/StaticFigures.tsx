/**
 * Lesson 1's static figures, rendered at build time (no client directive): the
 * canonical X as a picture beside the 81 numbers a network receives, and one X
 * of each variant in a row.
 */
import { XO_EXPERIMENT_DEFAULTS } from '../../../src/training/xo/config.ts';
import { lessonNumbers, pictureAsText, variantExamples } from './lesson-numbers.ts';
import { PixelPicture } from './PixelPicture.tsx';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './XoLab.css';

const SIZE = XO_EXPERIMENT_DEFAULTS.size;

/** Props of the figures. */
export interface FigureProps {
  lang: Locale;
  caption: string;
}

/** The canonical X as pixels and as the numbers the network receives. */
export function XAsNumbers({ caption }: FigureProps) {
  const { x } = lessonNumbers();
  return (
    <figure class="xolab-figure">
      <div class="xolab-figure__pair">
        <div class="xolab-figure__picture">
          <PixelPicture pixels={x} size={SIZE} />
        </div>
        <pre class="xolab-figure__numbers">{pictureAsText(x, SIZE)}</pre>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** One X of each variant, labelled. */
export function VariantStrip({ lang, caption }: FigureProps) {
  const t = stringsFor(STRINGS, lang);
  // A fixed seed: the printed page always shows the same examples.
  const examples = variantExamples(4);
  return (
    <figure class="xolab-figure">
      <ul class="xolab-strip">
        {examples.map(({ variant, pixels }) => (
          <li key={variant}>
            <PixelPicture pixels={pixels} size={SIZE} />
            <span>{t.variant[variant]}</span>
          </li>
        ))}
      </ul>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
