/**
 * A small picture from an RGBA array, one canvas pixel per value, enlarged by
 * CSS with crisp (pixelated) edges. Redraws only when the pixels change.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Props of {@link PixelCanvas}. */
export interface PixelCanvasProps {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Shown size of one value, in CSS pixels. */
  scale: number;
  class?: string;
  /** The canvases are parts of a labelled figure: hidden from assistive technology unless labelled. */
  label?: string;
}

/** One map, filter or picture. */
export function PixelCanvas({ rgba, width, height, scale, class: className, label }: PixelCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || rgba.length !== width * height * 4) return;
    context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      class={className ? `training-pixels ${className}` : 'training-pixels'}
      style={{ width: `${width * scale}px`, height: `${height * scale}px` }}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' })}
    />
  );
}
