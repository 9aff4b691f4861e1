/**
 * The reader's "reduce motion" setting, for widgets that animate on purpose (a filter
 * sliding across a picture, a loss curve drawn step by step). CSS transitions follow
 * the setting by themselves (src/styles/global.css); this is for motion made in code.
 */
import { useEffect, useState } from 'preact/hooks';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Whether the reader asks for reduced motion now (false where there is no `matchMedia`). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

/**
 * The setting as state: false on the server and in the first client render (so the
 * two agree), then the reader's, updated when it changes.
 */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(QUERY);
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}
