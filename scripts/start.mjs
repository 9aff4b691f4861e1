/**
 * `npm start`: build the site, then serve the built files with `astro preview`.
 * PORT and HOST may be set in the environment (defaults 4321 and localhost).
 */
import { bin, root, runNode } from './run.mjs';
import path from 'node:path';

const port = process.env.PORT ?? '4321';
const host = process.env.HOST ?? 'localhost';

const built = await runNode(path.join(root, 'scripts/build.mjs'), []);
if (built !== 0) process.exit(built);

console.log(`\nConvLab is being served at http://${host}:${port}/  (Ctrl+C to stop)\n`);
process.exit(await runNode(bin.astro, ['preview', '--port', port, '--host', host]));
