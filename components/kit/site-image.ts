/**
 * The site's own pictures (`public/images/`), decoded in the page into RGBA pixels for a
 * widget to hand to the engine. One hook, so every photo widget resolves the site's base
 * path, ignores a slower earlier picture and reports a failure the same way.
 */
import { useEffect, useState } from 'preact/hooks';

/** RGBA pixels, row by row, as `getImageData` returns them. */
export interface SitePixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Where a picture is, for a path inside `public/` such as `images/cat.png`. */
export function siteImageUrl(path: string): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}

/** Loads and decodes an image of this site (same origin, so its pixels can be read). */
export async function decodeImage(url: string): Promise<SitePixels> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0);
  return { data: context.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
}

/** The state of {@link useSiteImage}: for the path asked now, never an earlier one. */
export type SiteImage = { status: 'loading' } | { status: 'ready'; pixels: SitePixels } | { status: 'failed'; message: string };

/** The picture at `path` (inside `public/`), decoded; reloads when the path changes. */
export function useSiteImage(path: string): SiteImage {
  const [loaded, setLoaded] = useState<{ path: string; image: SiteImage } | null>(null);
  useEffect(() => {
    let current = true;
    decodeImage(siteImageUrl(path)).then(
      (pixels) => current && setLoaded({ path, image: { status: 'ready', pixels } }),
      (error: unknown) => current && setLoaded({ path, image: { status: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      // A slower earlier picture must not replace the one chosen since.
      current = false;
    };
  }, [path]);
  return loaded && loaded.path === path ? loaded.image : { status: 'loading' };
}
