/**
 * A widget's state kept in the page's query string, so a link reproduces what the
 * reader sees. Each widget owns a few keys (with its own prefix, so widgets on one
 * page never clash) and describes them once, as a {@link QueryCodec}; the hook does
 * the rest, the same way for every widget:
 *
 * - the server render and the first client render show `initial()`, so the two agree;
 *   the address is read right after hydration;
 * - every key whose value cannot be used falls back to its default and is named in
 *   `rejected`, so the widget can say which part of the link it ignored;
 * - changes go through the page's shared address writer (`address.ts`), which
 *   throttles them and never adds a history entry.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { updateQuery } from './address.ts';

/** What the address held, after checking. */
export interface QueryRead<T, K extends string = string> {
  value: T;
  /** Every key whose value could not be used, in the order read (its default stands in). */
  rejected: readonly K[];
}

/** How one widget's state is written into the query string and read back. */
export interface QueryCodec<T, K extends string = string> {
  /** The state before the address is read. */
  initial: () => T;
  /** Reads the widget's keys, naming each one it rejects. */
  read: (params: URLSearchParams) => QueryRead<T, K>;
  /** Puts `value` into `params`, setting or deleting the widget's own keys only. */
  write: (value: T, params: URLSearchParams) => void;
  /**
   * When the address follows the state. 'changes' (the default): only the reader's
   * changes are written, so opening a plain link leaves it plain. 'always': from the
   * moment the address is read, so it holds the widget's keys at once (and drops the
   * values it rejected).
   */
  follow?: 'changes' | 'always';
}

/** The state, its setter, and what the address said. */
export interface QueryState<T, K extends string = string> {
  value: T;
  set: (next: T | ((previous: T) => T)) => void;
  /** Keys the address held but that could not be used. */
  rejected: readonly K[];
  /** Forgets the rejected keys (after a reset, say). */
  clearRejected: () => void;
  /** Whether the address has been read (false on the server and in the first client render). */
  ready: boolean;
}

const NONE: readonly never[] = [];

/** A widget's state in the query string (see the file comment). */
export function useQueryState<T, K extends string = string>(codec: QueryCodec<T, K>): QueryState<T, K> {
  const [value, setValue] = useState<T>(codec.initial);
  const [rejected, setRejected] = useState<readonly K[]>(NONE);
  const [ready, setReady] = useState(false);
  const latest = useRef(codec);
  latest.current = codec;
  /** The value read from the address, which 'changes' does not write back. */
  const fromAddress = useRef<{ value: T } | null>(null);
  /** Whether the address has been written once since it was read. */
  const filled = useRef(false);

  useEffect(() => {
    const read = latest.current.read(new URLSearchParams(window.location.search));
    fromAddress.current = { value: read.value };
    setValue(() => read.value);
    setRejected(read.rejected);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const { follow = 'changes' } = latest.current;
    if (follow === 'changes' && fromAddress.current !== null && Object.is(value, fromAddress.current.value)) return;
    // The first write of the value read from the address only fills in the keys it lacked.
    const filling = !filled.current && fromAddress.current !== null && Object.is(value, fromAddress.current.value);
    filled.current = true;
    updateQuery((params) => latest.current.write(value, params), { settles: !filling });
  }, [value, ready]);

  return { value, set: setValue, rejected, clearRejected: () => setRejected(NONE), ready };
}

/**
 * Reads a whole number in [min, max] from `params[key]`. Returns `fallback` when the
 * key is absent, and also when it holds anything else, in which case the key is
 * added to `rejected`.
 */
export function readInt(
  params: URLSearchParams,
  key: string,
  min: number,
  max: number,
  fallback: number,
  rejected: string[],
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    rejected.push(key);
    return fallback;
  }
  return value;
}
