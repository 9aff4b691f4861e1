/**
 * Saved models in this browser's IndexedDB (`src/training/store.ts`), as a
 * Preact hook: the list, kept fresh after every change, and the store's
 * failures as values rather than exceptions.
 *
 * The store lives on the page, not in the worker, so a crashed or restarted
 * worker never takes a saved model with it, and another tab's saves show up
 * on the next refresh.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserModelStore } from '../../../src/training/store.ts';
import type { ModelStore, SavedModelInfo } from '../../../src/training/store.ts';

/** What the dashboard reads and does. */
export interface LibraryHandle {
  models: SavedModelInfo[];
  /** The store could not be opened (no IndexedDB): the message, else null. */
  problem: string | null;
  save(name: string, bytes: Uint8Array): Promise<SavedModelInfo>;
  load(id: string): Promise<Uint8Array>;
  remove(id: string): Promise<void>;
  refresh(): Promise<void>;
}

/** The hook; `createStore` replaces IndexedDB in tests. */
export function useLibrary(createStore: () => ModelStore = browserModelStore): LibraryHandle {
  const [models, setModels] = useState<SavedModelInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const store = useRef<ModelStore | null>(null);

  const open = (): ModelStore => {
    store.current ??= createStore();
    return store.current;
  };

  const refresh = async () => {
    try {
      setModels(await open().list());
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  useEffect(() => {
    void refresh();
    // Another tab may have saved or deleted a model meanwhile.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return {
    models,
    problem,
    refresh,
    async save(name, bytes) {
      const info = await open().save(name, bytes);
      await refresh();
      return info;
    },
    load: (id) => open().load(id),
    async remove(id) {
      await open().delete(id);
      await refresh();
    },
  };
}
