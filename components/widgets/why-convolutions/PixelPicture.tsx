/**
 * A small ±1 picture drawn as a grid of squares: ink (+1) dark, background (-1)
 * light, in both themes. Decorative inside a labelled button or figure.
 */

/** Props of {@link PixelPicture}. */
export interface PixelPictureProps {
  /** `size * size` values, row-major; > 0 is ink. */
  pixels: ArrayLike<number>;
  size: number;
}

/** The picture as an SVG that scales with its box. */
export function PixelPicture({ pixels, size }: PixelPictureProps) {
  const cells = [];
  for (let i = 0; i < size * size; i++) {
    if (pixels[i] > 0) cells.push(<rect key={i} x={i % size} y={Math.floor(i / size)} width={1} height={1} />);
  }
  return (
    <svg class="xolab-picture" viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <rect class="xolab-picture__paper" x={0} y={0} width={size} height={size} />
      <g class="xolab-picture__ink">{cells}</g>
    </svg>
  );
}
