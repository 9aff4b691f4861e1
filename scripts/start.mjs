/**
 * `npm start`: build the site, then serve the built files with `astro preview`.
 * PORT and HOST may be set in the environment (defaults 4321 and localhost). The
 * address is printed once the server answers, not before.
 */
import path from 'node:path';
import { bin, root, runNode, toolEnv } from './run.mjs';
import { serveWhenReady } from './serve.mjs';

const port = process.env.PORT ?? '4321';
const host = process.env.HOST ?? 'localhost';

const built = await runNode(path.join(root, 'scripts/build.mjs'), []);
if (built !== 0) process.exit(built);

const address = `http://${host}:${port}/`;
const server = serveWhenReady(process.execPath, [bin.astro, 'preview', '--port', port, '--host', host], {
  url: address,
  cwd: root,
  env: toolEnv(),
  onReady: () => console.log(`\nConvLab is being served at ${address}  (Ctrl+C to stop)\n`),
  onTimeout: () => console.error(`\nThe server did not answer at ${address} within a minute; stopping it.`),
});
process.exit(await server.exited);
