/**
 * A greyscale map (values in [0, 1]) painted on a canvas one pixel per value and
 * scaled up by CSS without smoothing, with the original picture outlined inside its
 * padding by an overlay whose position is a percentage (so it follows any width).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SquareMap } from './model.ts';

export interface PhotoCanvasProps {
  map: SquareMap;
  ring: number;
  label: string;
  /** Drawn at this fraction of the full width (see ValueGrid). */
  scale?: number;
  testId?: string;
}

export function PhotoCanvas({ map, ring, label, scale = 1, testId }: PhotoCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const image = ctx.createImageData(map.size, map.size);
    for (let i = 0; i < map.values.length; i++) {
      const g = Math.round(Math.max(0, Math.min(1, map.values[i])) * 255);
      image.data[4 * i] = g;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = g;
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [map]);
  const inset = `${((ring / map.size) * 100).toFixed(3)}%`;
  return (
    <div
      class="pd-photo"
      data-testid={testId}
      style={scale < 1 ? { width: `${scale * 100}%`, maxWidth: `${scale * 16}rem` } : undefined}>
      <canvas ref={canvas} width={map.size} height={map.size} role="img" aria-label={label} />
      {ring > 0 && <div class="pd-photo__frame" style={{ inset }} aria-hidden="true" />}
    </div>
  );
}
