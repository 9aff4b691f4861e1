/**
 * Turning what the reader hands the lab (a file, a pasted or dropped image, a camera
 * frame) into RGBA pixels at most {@link MAX_PIXELS} in size, or into a reason it
 * cannot be used. Nothing here changes the lab: a refusal leaves the picture it had.
 */
import type { Pixels } from '../../../src/training/kernel-lab/model.ts';

/** The lab works on at most this many pixels; larger pictures are scaled down to it. */
export const MAX_PIXELS = 1_000_000;
/** Pictures over this many megapixels are refused before they are decoded. */
export const MAX_MEGAPIXELS = 40;

export type PictureRefusal =
  | { kind: 'svg' }
  | { kind: 'type'; name: string }
  | { kind: 'corrupt'; name: string }
  | { kind: 'large'; width: number; height: number };

export type PictureResult = { ok: true; pixels: Pixels; original: { width: number; height: number } } | { ok: false; refusal: PictureRefusal };

/** The size to work at: the picture itself, or scaled to about {@link MAX_PIXELS}. */
export function workingSize(width: number, height: number): { width: number; height: number } {
  const area = width * height;
  if (area <= MAX_PIXELS) return { width, height };
  const f = Math.sqrt(MAX_PIXELS / area);
  return { width: Math.max(1, Math.floor(width * f)), height: Math.max(1, Math.floor(height * f)) };
}

/** What a file is, judged before decoding it. */
export function classifyFile(name: string, type: string): 'svg' | 'image' | 'other' {
  if (type === 'image/svg+xml' || /\.svgz?$/i.test(name)) return 'svg';
  if (type.startsWith('image/')) return 'image';
  // Some systems give no type: let the decoder decide for a picture-like name.
  if (type === '' && /\.(png|jpe?g|gif|webp|bmp|avif)$/i.test(name)) return 'image';
  return 'other';
}

/** Draws a drawable into a canvas of the working size and reads its pixels. */
export function pixelsOf(source: CanvasImageSource, width: number, height: number): Pixels {
  const size = workingSize(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(source, 0, 0, size.width, size.height);
  return { data: context.getImageData(0, 0, size.width, size.height).data, width: size.width, height: size.height };
}

/** Reads a file the reader chose, dropped or pasted. */
export async function readPictureFile(file: File): Promise<PictureResult> {
  const kind = classifyFile(file.name, file.type);
  if (kind === 'svg') return { ok: false, refusal: { kind: 'svg' } };
  if (kind === 'other') return { ok: false, refusal: { kind: 'type', name: file.name } };
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    // The size is known at `load`, before the browser decodes every pixel.
    const loaded = await new Promise<boolean>((resolve) => {
      image.onload = () => resolve(true);
      image.onerror = () => resolve(false);
      image.src = url;
    });
    if (!loaded || image.naturalWidth === 0 || image.naturalHeight === 0) return { ok: false, refusal: { kind: 'corrupt', name: file.name } };
    const { naturalWidth: width, naturalHeight: height } = image;
    if (width * height > MAX_MEGAPIXELS * 1_000_000) return { ok: false, refusal: { kind: 'large', width, height } };
    try {
      return { ok: true, pixels: pixelsOf(image, width, height), original: { width, height } };
    } catch {
      return { ok: false, refusal: { kind: 'corrupt', name: file.name } };
    }
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Live camera frames are scaled down to at most this many pixels so the worker keeps up. */
export const LIVE_PIXELS = 320 * 240;

export type LiveCamera = { stream: MediaStream; video: HTMLVideoElement; width: number; height: number };

/** Asks for the camera and keeps it open for live frames; the caller stops its tracks. */
export async function openCamera(): Promise<{ ok: true; camera: LiveCamera } | { ok: false; reason: 'denied' | 'missing' }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, reason: 'missing' };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    return { ok: false, reason: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'missing' };
  }
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    const { videoWidth, videoHeight } = video;
    if (!videoWidth || !videoHeight) throw new Error('no frame');
    const area = videoWidth * videoHeight;
    const f = area > LIVE_PIXELS ? Math.sqrt(LIVE_PIXELS / area) : 1;
    return { ok: true, camera: { stream, video, width: Math.max(1, Math.floor(videoWidth * f)), height: Math.max(1, Math.floor(videoHeight * f)) } };
  } catch {
    stopCamera(stream);
    return { ok: false, reason: 'missing' };
  }
}

/** Lets the camera go: every track stopped. */
export function stopCamera(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The camera's current frame at the live size. */
export function liveFrame(camera: LiveCamera, canvas: HTMLCanvasElement): Pixels {
  canvas.width = camera.width;
  canvas.height = camera.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(camera.video, 0, 0, camera.width, camera.height);
  return { data: context.getImageData(0, 0, camera.width, camera.height).data, width: camera.width, height: camera.height };
}
