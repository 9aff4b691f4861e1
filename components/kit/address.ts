/**
 * Widgets keep their state in the query string so that a link reproduces it (through
 * the kit's `useQueryState`, which writes here). A slider dragged across its range
 * changes that state dozens of times a second, and writing the address each time is
 * not free: Chromium treats every
 * `history.replaceState` as a same-document navigation (it re-reads the favicon,
 * for one) and ignores calls past 200 in 10 seconds, and WebKit throws a
 * SecurityError past 100. So the address is written at most once per
 * `QUERY_SETTLE_MS`: a change after a quiet spell is written at once (so a reload
 * right after it keeps it), and the changes of a burst are queued and written
 * together at the end of the spell, or at once when the page is hidden or left.
 *
 * Edits never add a history entry: a slider step is not a page for Back to revisit.
 */

/** Changes a widget makes to the query: set or delete its own keys, leave others alone. */
export type QueryEdit = (params: URLSearchParams) => void;

/** Least time between two writes of the address (ms). */
export const QUERY_SETTLE_MS = 250;

/** The parts of `window` this module touches; tests pass a stand-in. */
export interface AddressHost {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  performance: { now(): number };
  addEventListener(type: 'pagehide', listener: () => void): void;
  document: { addEventListener(type: 'visibilitychange', listener: () => void): void; visibilityState: string };
}

/** Queues query edits for one window and writes them in one go. */
export class AddressWriter {
  readonly #host: AddressHost;
  readonly #settleMs: number;
  #pending: QueryEdit[] = [];
  #timer: unknown = null;
  #lastWrite = -Infinity;

  constructor(host: AddressHost, settleMs = QUERY_SETTLE_MS) {
    this.#host = host;
    this.#settleMs = settleMs;
    // Leaving by a link, or closing the tab, still writes the last change. A reload
    // does not wait for the page: it reloads the address as it was, so a reload within
    // QUERY_SETTLE_MS of a burst's last change shows the burst's previous write.
    host.addEventListener('pagehide', () => this.flush());
    host.document.addEventListener('visibilitychange', () => {
      if (host.document.visibilityState === 'hidden') this.flush();
    });
  }

  /**
   * Applies `edit` now if the address has not been written lately, else with the
   * next write. `settles: false` is for a write no reader made (a widget filling in
   * its keys after hydration): it is applied at once and does not hold back the
   * reader's first change, which a reload right after must still keep.
   */
  update(edit: QueryEdit, { settles = true }: { settles?: boolean } = {}): void {
    this.#pending.push(edit);
    if (!settles && this.#timer === null) {
      const lastWrite = this.#lastWrite;
      this.flush();
      this.#lastWrite = lastWrite;
      return;
    }
    if (this.#timer !== null) return; // a write is already due
    const wait = this.#lastWrite + this.#settleMs - this.#host.performance.now();
    if (wait <= 0) this.flush();
    else this.#timer = this.#host.setTimeout(() => this.flush(), wait);
  }

  /** Whether edits are waiting to be written. */
  get pending(): boolean {
    return this.#pending.length > 0;
  }

  /**
   * Applies every queued edit, in order, to the address as it is now (another
   * script may have changed it meanwhile) and writes it if anything changed.
   */
  flush(): void {
    if (this.#timer !== null) this.#host.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const edits = this.#pending;
    this.#pending = [];
    this.#lastWrite = this.#host.performance.now();
    const url = new URL(this.#host.location.href);
    for (const edit of edits) edit(url.searchParams);
    if (url.href === this.#host.location.href) return;
    try {
      this.#host.history.replaceState(this.#host.history.state, '', url.href);
    } catch {
      // A browser's rate limit: the address is a convenience for sharing, and the
      // widget must keep working. Each widget writes all its keys on every change, so
      // its next change puts the address right again.
    }
  }
}

let shared: AddressWriter | null = null;

/** The page's writer (one per window, so edits from several widgets merge). */
function writer(): AddressWriter | null {
  if (typeof window === 'undefined') return null; // server render: there is no address
  shared ??= new AddressWriter(window as unknown as AddressHost);
  return shared;
}

/** Queues a change to the query string (see the file comment); a no-op on the server. */
export function updateQuery(edit: QueryEdit, options?: { settles?: boolean }): void {
  writer()?.update(edit, options);
}

/** Writes queued changes now (before reading the address back, say). */
export function flushQuery(): void {
  writer()?.flush();
}
