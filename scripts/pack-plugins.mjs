/* eslint-disable no-console */
// Builds and packs the plugin packages into dist-packages/ (npm run pack:plugins): the
// tarballs the README's "Add the plugin to an existing Backstage app" installs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPlugins } from './lib/packPlugins.mjs';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const destination = path.join(repoRoot, 'dist-packages');
fs.rmSync(destination, { recursive: true, force: true });
fs.mkdirSync(destination);
const logFile = path.join(destination, 'pack.log');
try {
  const tarballs = await packPlugins({ destination, logFile });
  for (const file of tarballs) console.log(path.relative(repoRoot, file));
} catch (error) {
  console.error(`Packing failed: ${error.message}`);
  process.exit(1);
}
