/**
 * Whether the widget has come alive in the browser. Widgets are islands that hydrate
 * late (`client:visible`), and the server-rendered inputs look usable before then: a
 * value typed or a slider moved in that moment was silently dropped, because the
 * component's state still held the server's value. The kit's fields therefore render
 * disabled (and say so: `data-hydrating`, styled in kit.css) until this turns true.
 */
import { useEffect, useState } from 'preact/hooks';

/** False on the server and in the hydrating render, true from the first effect on. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
