/**
 * Colours for signed numbers (feature maps, weights, gradients) on the diverging scale
 * defined in src/styles/global.css. Two flavours:
 *  - CSS strings (`divergingColor`) for DOM and SVG: they reference the theme variables,
 *    so they follow light/dark switches without re-rendering;
 *  - RGB triples (`readPalette` + `divergingRgb`) for canvas pixels, which need real
 *    numbers: re-read the palette when `onThemeChange` fires.
 */

/** Fraction in [-1, 1] of a value on a symmetric scale; 0 when the scale is empty. */
export function signedFraction(value: number, maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(value)) return 0;
  return Math.max(-1, Math.min(1, value / maxAbs));
}

/**
 * CSS colour for `value` on a scale from -maxAbs (cool) through 0 (neutral) to
 * +maxAbs (warm), e.g. `style={{ background: divergingColor(v, 1) }}`.
 */
export function divergingColor(value: number, maxAbs: number): string {
  const f = signedFraction(value, maxAbs);
  const end = f < 0 ? 'var(--div-neg-3)' : 'var(--div-pos-3)';
  const percent = Math.round(Math.abs(f) * 1000) / 10;
  return `color-mix(in oklab, ${end} ${percent}%, var(--div-zero))`;
}

/** Text colour that stays readable on {@link divergingColor}'s background. */
export function cellTextColor(value: number, maxAbs: number): string {
  return Math.abs(signedFraction(value, maxAbs)) > 0.55 ? 'var(--bg)' : 'var(--fg)';
}

/** An sRGB colour as 0..255 channels. */
export type Rgb = readonly [number, number, number];

/** The three anchor colours of the diverging scale, resolved for the current theme. */
export interface DivergingPalette {
  readonly negative: Rgb;
  readonly zero: Rgb;
  readonly positive: Rgb;
}

/** Parse `#rgb` or `#rrggbb`; throws on anything else (the theme defines hex colours). */
export function parseHexColor(text: string): Rgb {
  const hex = text.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) {
    throw new Error(`parseHexColor: expected a colour like #1f4fb0, received ${JSON.stringify(text)}`);
  }
  const channel = (start: number) => parseInt(full.slice(start, start + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

/** The diverging palette as the page currently shows it. */
export function readPalette(element: Element = document.documentElement): DivergingPalette {
  const style = getComputedStyle(element);
  const read = (name: string) => parseHexColor(style.getPropertyValue(name));
  return { negative: read('--div-neg-3'), zero: read('--div-zero'), positive: read('--div-pos-3') };
}

/** RGB for `value` on the diverging scale (linear blend in sRGB: fine for pixels). */
export function divergingRgb(value: number, maxAbs: number, palette: DivergingPalette): Rgb {
  const f = signedFraction(value, maxAbs);
  const end = f < 0 ? palette.negative : palette.positive;
  const t = Math.abs(f);
  const mix = (i: 0 | 1 | 2) => Math.round(palette.zero[i] + (end[i] - palette.zero[i]) * t);
  return [mix(0), mix(1), mix(2)];
}

/**
 * Call `listener` whenever the effective theme may have changed (the reader's toggle or
 * the system setting). Returns a function that stops listening.
 */
export function onThemeChange(listener: () => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', listener);
  };
}
