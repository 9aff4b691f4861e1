/**
 * `npm start` announces the address only once the server answers: a fake server that
 * starts listening late must already answer when the announcement comes.
 */
import { describe, expect, it } from 'vitest';
import { serveWhenReady, waitForHttp } from '../../../scripts/serve.mjs';

/** Node code for a server that waits `delayMs` before it listens on `port`. */
function lateServer(port: number, delayMs: number): string {
  return `setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1'), ${delayMs});`;
}

describe('serveWhenReady', () => {
  it('announces only after the port answers', async () => {
    const port = 45_000 + Math.floor(Math.random() * 10_000);
    const url = `http://127.0.0.1:${port}/`;
    const started = Date.now();
    const announced = new Promise<{ afterMs: number; answered: boolean }>((resolve) => {
      const server = serveWhenReady(process.execPath, ['-e', lateServer(port, 800)], {
        url,
        onReady: async () => {
          const afterMs = Date.now() - started;
          const answered = await fetch(url).then((response) => response.ok, () => false);
          server.child.kill();
          resolve({ afterMs, answered });
        },
      });
    });
    const { afterMs, answered } = await announced;
    expect(answered).toBe(true);
    expect(afterMs).toBeGreaterThanOrEqual(800);
  });

  it('gives up on a server that never answers, and on one that exits', async () => {
    expect(await waitForHttp('http://127.0.0.1:9/', { timeoutMs: 300, intervalMs: 50 })).toBe(false);
    let announced = false;
    const server = serveWhenReady(process.execPath, ['-e', 'process.exit(3)'], {
      url: 'http://127.0.0.1:9/',
      onReady: () => {
        announced = true;
      },
    });
    expect(await server.exited).toBe(3);
    expect(announced).toBe(false);
  });
});
