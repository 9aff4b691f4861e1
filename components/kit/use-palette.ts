/**
 * The diverging palette for widgets that paint canvases (feature maps, filters,
 * weights): canvas pixels need real numbers, not the theme's CSS variables, so the
 * palette is read again whenever the theme may have changed.
 */
import { useEffect, useState } from 'preact/hooks';
import { onThemeChange, readPalette } from './colors.ts';
import type { DivergingPalette } from './colors.ts';

/** The palette as the page shows it, and a count that changes with every theme change. */
export interface ThemePalette {
  /** Null on the server, and if the theme's colours cannot be read. */
  palette: DivergingPalette | null;
  /** Changes whenever the theme may have: a dependency for redrawing. */
  version: number;
}

/** The current diverging palette, read again on every theme change (see the file comment). */
export function usePalette(): ThemePalette {
  const [state, setState] = useState<ThemePalette>({ palette: null, version: 0 });
  useEffect(() => {
    const update = () => {
      let palette: DivergingPalette | null = null;
      try {
        palette = readPalette();
      } catch {
        // Without the theme's colours the widget draws nothing rather than wrong colours.
      }
      setState((previous) => ({ palette, version: previous.version + 1 }));
    };
    update();
    return onThemeChange(update);
  }, []);
  return state;
}
