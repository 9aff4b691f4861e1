/**
 * Saved models, kept in the browser's IndexedDB so that reloading the page, a
 * crashed worker or leaving the site loses nothing that was saved.
 *
 * A saved model is its weights file (see `weights.ts`) plus a small summary
 * for listing. The two are written in one transaction, so a model is either
 * saved completely or not at all, and the list never has to read the weights.
 *
 * The store sits on a four-method {@link ModelRecords} backend: IndexedDB in a
 * page or Worker ({@link indexedDbRecords}), a Map in tests
 * ({@link memoryRecords}).
 */
import { readWeightsHeader } from './weights.ts';
import type { ArchitectureSpec, TrainDataset } from './config.ts';

/** What the list of saved models shows about each. */
export interface SavedModelInfo {
  id: string;
  /** The learner's name for it. */
  name: string;
  /** ISO 8601. */
  savedAt: string;
  dataset: TrainDataset;
  architecture: ArchitectureSpec;
  /** 0..1, or null if it was never evaluated. */
  testAccuracy: number | null;
  epochs: number;
  /** Size of the weights file. */
  bytes: number;
}

/** The storage a {@link ModelStore} needs: records by id, the summary apart from the bytes. */
export interface ModelRecords {
  put(info: SavedModelInfo, bytes: Uint8Array): Promise<void>;
  /** Every summary, in no particular order. */
  infos(): Promise<SavedModelInfo[]>;
  /** The weights file, or null if there is no such id. */
  bytes(id: string): Promise<Uint8Array | null>;
  delete(id: string): Promise<void>;
}

/** Saves, lists, loads and deletes models. */
export interface ModelStore {
  /** Checks `bytes` is a valid weights file, then saves it under `name`. */
  save(name: string, bytes: Uint8Array): Promise<SavedModelInfo>;
  /** Saved models, newest first. */
  list(): Promise<SavedModelInfo[]>;
  /** A saved model's weights file; throws if the id is unknown. */
  load(id: string): Promise<Uint8Array>;
  delete(id: string): Promise<void>;
}

function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
}

/** A model store on any backend. */
export function createModelStore(records: ModelRecords, clock: () => Date = () => new Date()): ModelStore {
  return {
    async save(name, bytes) {
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (trimmed === '') throw new Error('save: give the model a name');
      // Refuse to keep a file that could not be loaded back.
      const { header } = readWeightsHeader(bytes);
      const info: SavedModelInfo = {
        id: newId(),
        name: trimmed.slice(0, 200),
        savedAt: clock().toISOString(),
        dataset: header.dataset,
        architecture: header.architecture,
        testAccuracy: header.meta.testAccuracy,
        epochs: header.meta.epochs,
        bytes: bytes.length,
      };
      await records.put(info, bytes.slice());
      return info;
    },
    async list() {
      const infos = await records.infos();
      return infos.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? -1 : 1));
    },
    async load(id) {
      const bytes = await records.bytes(id);
      if (bytes === null) throw new Error(`load: no saved model with id '${id}'`);
      return bytes;
    },
    async delete(id) {
      await records.delete(id);
    },
  };
}

/** Records in memory: for tests, and as a stand-in where IndexedDB is unavailable. */
export function memoryRecords(): ModelRecords {
  const infos = new Map<string, SavedModelInfo>();
  const files = new Map<string, Uint8Array>();
  return {
    async put(info, bytes) {
      infos.set(info.id, structuredClone(info));
      files.set(info.id, bytes.slice());
    },
    async infos() {
      return [...infos.values()].map((i) => structuredClone(i));
    },
    async bytes(id) {
      const b = files.get(id);
      return b ? b.slice() : null;
    },
    async delete(id) {
      infos.delete(id);
      files.delete(id);
    },
  };
}

/** Name of the IndexedDB database. */
export const MODEL_DB_NAME = 'convlab-models';
const DB_VERSION = 1;
const INFO_STORE = 'info';
const BYTES_STORE = 'weights';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Records in IndexedDB (a page or a Worker). Throws when the environment has
 * no IndexedDB (Node, or a browser in a mode that blocks storage).
 */
export function indexedDbRecords(factory: IDBFactory | undefined = (globalThis as { indexedDB?: IDBFactory }).indexedDB): ModelRecords {
  if (!factory) throw new Error('saved models need IndexedDB, which this environment does not provide');
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(MODEL_DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const d = request.result;
        if (!d.objectStoreNames.contains(INFO_STORE)) d.createObjectStore(INFO_STORE, { keyPath: 'id' });
        if (!d.objectStoreNames.contains(BYTES_STORE)) d.createObjectStore(BYTES_STORE);
      };
      request.onsuccess = () => {
        const d = request.result;
        // Another tab upgrading the database: let it, and reopen on next use.
        d.onversionchange = () => {
          d.close();
          db = null;
        };
        resolve(d);
      };
      request.onerror = () => reject(request.error ?? new Error(`could not open IndexedDB database ${MODEL_DB_NAME}`));
      request.onblocked = () => reject(new Error(`IndexedDB database ${MODEL_DB_NAME} is blocked by another open tab`));
    });
    db.catch(() => (db = null));
    return db;
  };
  return {
    async put(info, bytes) {
      const tx = (await open()).transaction([INFO_STORE, BYTES_STORE], 'readwrite');
      const done = finished(tx);
      tx.objectStore(INFO_STORE).put(info);
      tx.objectStore(BYTES_STORE).put(bytes, info.id);
      await done;
    },
    async infos() {
      const tx = (await open()).transaction(INFO_STORE, 'readonly');
      return promised(tx.objectStore(INFO_STORE).getAll() as IDBRequest<SavedModelInfo[]>);
    },
    async bytes(id) {
      const tx = (await open()).transaction(BYTES_STORE, 'readonly');
      const value = (await promised(tx.objectStore(BYTES_STORE).get(id))) as Uint8Array | undefined;
      return value ?? null;
    },
    async delete(id) {
      const tx = (await open()).transaction([INFO_STORE, BYTES_STORE], 'readwrite');
      const done = finished(tx);
      tx.objectStore(INFO_STORE).delete(id);
      tx.objectStore(BYTES_STORE).delete(id);
      await done;
    },
  };
}

/** The store a page or Worker uses: IndexedDB. */
export function browserModelStore(): ModelStore {
  return createModelStore(indexedDbRecords());
}
