/**
 * Theme preference helpers shared by the toggle. The first-paint script in
 * src/layouts/Base.astro repeats the key inline (it must run before any module loads).
 */

/** localStorage key holding "light" or "dark" once the reader has chosen. */
export const THEME_KEY = 'convlab.theme';

/** The theme currently showing: the reader's pinned choice, else the system's. */
export function effectiveTheme(): 'light' | 'dark' {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
