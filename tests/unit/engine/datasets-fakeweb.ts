/**
 * A stand-in web server and Cache Storage for the dataset loaders' browser path,
 * so that it runs in Node on exactly the bytes a real server would send.
 */
import type { FetchLike } from '../../../src/engine/datasets/loaders.ts';

/** What the fake server saw. */
export interface FakeServer {
  fetch: FetchLike;
  /** URLs requested, in order. */
  requests: string[];
}

/**
 * Serves `files` (URL path -> bytes) in chunks of `chunkBytes`, like a network
 * response arriving piece by piece; unknown paths answer 404.
 */
export function fakeServer(files: Map<string, Uint8Array>, chunkBytes = 64 * 1024): FakeServer {
  const requests: string[] = [];
  const fetch: FetchLike = async (url) => {
    requests.push(url);
    const bytes = files.get(url);
    if (!bytes) return new Response('not found', { status: 404 });
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunkBytes));
        at += chunkBytes;
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Length': String(bytes.length) } });
  };
  return { fetch, requests };
}

/** An in-memory `CacheStorage` with the few methods the loaders call. */
export class FakeCaches {
  readonly stores = new Map<string, Map<string, Uint8Array>>();

  async open(name: string): Promise<Cache> {
    let store = this.stores.get(name);
    if (!store) this.stores.set(name, (store = new Map()));
    const entries = store;
    const absolute = (key: RequestInfo | URL) => new URL(typeof key === 'string' ? key : key instanceof URL ? key.href : key.url, 'http://site.test/').href;
    const cache = {
      async match(key: RequestInfo | URL) {
        const bytes = entries.get(absolute(key));
        return bytes ? new Response(bytes.slice()) : undefined;
      },
      async put(key: RequestInfo | URL, response: Response) {
        entries.set(absolute(key), new Uint8Array(await response.arrayBuffer()));
      },
      async keys() {
        return [...entries.keys()].map((url) => new Request(url));
      },
      async delete(key: RequestInfo | URL) {
        return entries.delete(absolute(key));
      },
    };
    return cache as unknown as Cache;
  }
}
