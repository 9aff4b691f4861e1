/**
 * A throttle with a trailing call: `fn` runs at once, then at most once per
 * `intervalMs`; a call that arrives too soon is kept and runs at the end of
 * the interval, so the last state is always drawn. The dashboard uses it to
 * redraw charts and maps at a few frames per second however fast the worker
 * reports.
 */

/** The timer functions a throttle needs (the real ones by default; tests pass fakes). */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A throttled function with a way to run the pending call now or drop it. */
export interface Throttled {
  (): void;
  /** Runs the pending call (if any) right away. */
  flush(): void;
  /** Drops the pending call (on unmount). */
  cancel(): void;
}

/** `fn` throttled to once per `intervalMs`, trailing call included. */
export function throttle(fn: () => void, intervalMs: number, timers: Timers = realTimers): Throttled {
  let last = -Infinity;
  let timer: unknown = null;
  const run = () => {
    timer = null;
    last = timers.now();
    fn();
  };
  const throttled = (() => {
    if (timer !== null) return;
    const wait = last + intervalMs - timers.now();
    if (wait <= 0) run();
    else timer = timers.setTimeout(run, wait);
  }) as Throttled;
  throttled.flush = () => {
    if (timer === null) return;
    timers.clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
