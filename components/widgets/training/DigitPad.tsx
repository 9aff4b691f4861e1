/**
 * A pad to draw a digit (mouse, pen or finger: pointer events, with touch
 * scrolling switched off over the pad). When a stroke ends, the drawing is
 * prepared the way MNIST's digits were (`drawing.ts`) and handed to the
 * dashboard, which asks the network for its answer.
 *
 * Keyboard and screen-reader users cannot draw, so the pad offers two buttons
 * that do the same job: copy the test image shown in the inspector onto the
 * pad (to see the network answer on a real digit, then compare), and clear.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { PixelCanvas } from './PixelCanvas.tsx';
import { inkFromAlpha, toMnistPicture } from './drawing.ts';
import { greyscaleRgba } from './pixels.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Side of the pad in canvas pixels (ten per MNIST pixel). */
export const PAD_SIZE = 280;
/** Pen width in canvas pixels: about as thick, relative to the digit, as MNIST's strokes. */
const PEN_WIDTH = 22;

/** Props of {@link DigitPad}. */
export interface DigitPadProps {
  /** Called with the 28x28 picture after each stroke, or null once cleared. */
  onPicture: (picture: Float32Array | null) => void;
  /** A 28x28 picture in [0, 1] to copy onto the pad, when one is available. */
  sample: Float32Array | null;
  t: TrainingStrings;
  disabled?: boolean;
}

/** The pad and what the network will see. */
export function DigitPad({ onPicture, sample, t, disabled }: DigitPadProps) {
  const d = t.draw;
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [picture, setPicture] = useState<Float32Array | null>(null);
  const descriptionId = useId();

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const finish = () => {
    const ctx = context();
    if (!ctx) return;
    const image = ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
    const next = toMnistPicture(inkFromAlpha(image.data, PAD_SIZE, PAD_SIZE), PAD_SIZE, PAD_SIZE);
    setPicture(next);
    onPicture(next);
  };

  const point = (event: PointerEvent) => {
    const rect = canvas.current!.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * PAD_SIZE,
      y: ((event.clientY - rect.top) / rect.height) * PAD_SIZE,
    };
  };

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = context();
    if (!ctx) return;
    ctx.strokeStyle = getComputedStyle(canvas.current!).color || '#000';
    ctx.lineWidth = PEN_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  const clear = () => {
    context()?.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    setPicture(null);
    onPicture(null);
  };

  const copySample = () => {
    const ctx = context();
    if (!ctx || !sample) return;
    // Each MNIST pixel becomes a 10x10 block whose opacity is its ink.
    ctx.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    const colour = getComputedStyle(canvas.current!).color || '#000';
    const cell = PAD_SIZE / 28;
    for (let i = 0; i < 784; i++) {
      if (sample[i] <= 0) continue;
      ctx.globalAlpha = Math.min(1, sample[i]);
      ctx.fillStyle = colour;
      ctx.fillRect((i % 28) * cell, Math.floor(i / 28) * cell, cell, cell);
    }
    ctx.globalAlpha = 1;
    finish();
  };

  // A finger leaving the pad mid-stroke still ends the stroke.
  useEffect(() => {
    const end = () => {
      if (!drawing.current) return;
      drawing.current = false;
      last.current = null;
      finish();
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, [onPicture]);

  return (
    <div class="training-pad">
      <canvas
        ref={canvas}
        width={PAD_SIZE}
        height={PAD_SIZE}
        class={disabled ? 'training-pad__canvas training-pad__canvas--disabled' : 'training-pad__canvas'}
        role="img"
        aria-label={d.padLabel}
        aria-describedby={descriptionId}
        onPointerDown={(event) => {
          if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
          event.preventDefault();
          canvas.current?.setPointerCapture(event.pointerId);
          drawing.current = true;
          const p = point(event);
          last.current = p;
          stroke(p, p);
        }}
        onPointerMove={(event) => {
          if (!drawing.current || !last.current) return;
          const p = point(event);
          stroke(last.current, p);
          last.current = p;
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          last.current = null;
          finish();
        }}
        onPointerCancel={() => {
          drawing.current = false;
          last.current = null;
        }}
      />
      <div class="training-buttons training-buttons--tight">
        <button type="button" class="cl-button" onClick={clear}>
          {d.clear}
        </button>
        <button type="button" class="cl-button" disabled={disabled || !sample} onClick={copySample}>
          {d.copySample}
        </button>
      </div>
      <p id={descriptionId} class="cl-hint">
        {d.description}
      </p>
      <div class="training-pad__seen">
        {picture ? (
          <PixelCanvas rgba={greyscaleRgba(picture, 0, 784, 0, 1)} width={28} height={28} scale={2} label={d.seenLabel} class="training-picture" />
        ) : (
          <div class="training-pad__empty" aria-hidden="true" />
        )}
        <p class="training-layer__sub">{d.seenAs}</p>
      </div>
    </div>
  );
}
