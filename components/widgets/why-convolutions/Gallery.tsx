/**
 * One X and one O of every variant, drawn from the seed; clicking a picture
 * copies it into the drawing pad. Memoised: training progress re-renders the
 * widget many times a second and this part never changes with it.
 */
import { memo } from 'preact/compat';
import { useMemo } from 'preact/hooks';
import { Random } from '../../../src/engine/random.ts';
import { XO_VARIANTS, drawXo } from '../../../src/engine/datasets/xo.ts';
import type { XoVariant } from '../../../src/engine/datasets/xo.ts';
import { PixelPicture } from './PixelPicture.tsx';
import type { XoLabStrings } from './strings/index.ts';

/** Props of {@link Gallery}. */
export interface GalleryProps {
  seed: number;
  size: number;
  t: XoLabStrings;
  onPick: (pixels: Float32Array) => void;
}

/** The pictures every variant draws for `seed`, X then O, variant by variant. */
export function galleryFor(seed: number, size: number): { variant: XoVariant; label: 0 | 1; pixels: Float32Array }[] {
  const rng = new Random(seed);
  return XO_VARIANTS.flatMap((variant) =>
    ([0, 1] as const).map((label) => ({ variant, label, pixels: drawXo(label, variant, size, rng) })),
  );
}

function GalleryList({ seed, size, t, onPick }: GalleryProps) {
  const pictures = useMemo(() => galleryFor(seed, size), [seed, size]);
  return (
    <ul class="xolab-gallery">
      {XO_VARIANTS.map((variant) => (
        <li key={variant} class="xolab-gallery__group">
          <span class="xolab-gallery__name">{t.variant[variant]}</span>
          <span class="xolab-gallery__pair">
            {pictures
              .filter((p) => p.variant === variant)
              .map((p) => (
                <button
                  type="button"
                  key={p.label}
                  class="xolab-thumb"
                  aria-label={t.copyPicture(t.letter(p.label), t.variant[variant])}
                  onClick={() => onPick(p.pixels.slice())}
                >
                  <PixelPicture pixels={p.pixels} size={size} />
                </button>
              ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The gallery (re-renders only when its props change). */
export const Gallery = memo(GalleryList);
