// Builds the plugin packages and packs them with npm as they would be published: npm runs
// their prepack (backstage-cli package prepack writes main/types/exports for dist and compiles
// config.d.ts into config.schema.json) and postpack (restores package.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './freshApp.mjs';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** In dependency order; `inApp`: what an app installs (the README's install step). */
export const PLUGIN_PACKAGES = [
  {
    dir: 'plugins/microservices-common',
    name: '@microservices-backstage/plugin-microservices-common',
    inApp: true,
  },
  {
    dir: 'plugins/microservices-node',
    name: '@microservices-backstage/plugin-microservices-node',
    inApp: true,
  },
  {
    dir: 'plugins/microservices-backend',
    name: '@microservices-backstage/plugin-microservices-backend',
    inApp: true,
  },
  {
    dir: 'plugins/microservices',
    name: '@microservices-backstage/plugin-microservices',
    inApp: true,
  },
  {
    dir: 'plugins/scaffolder-backend-module-microservices',
    name: '@microservices-backstage/plugin-scaffolder-backend-module-microservices',
    inApp: false,
  },
  {
    dir: 'packages/microservices-lint',
    name: '@microservices-backstage/microservices-lint',
    inApp: false,
  },
];

/**
 * Type declarations first (the package builds roll them up from dist-types), then each
 * package's build and `npm pack` into `destination`. Returns the tarball paths.
 */
export async function packPlugins({ destination, logFile, track }) {
  fs.mkdirSync(destination, { recursive: true });
  const sh = (command, args, cwd, timeoutMs) =>
    run(command, args, { cwd, timeoutMs, logFile, track });
  // Type errors are CI's tsc step's concern; tsc emits the declarations regardless, and a
  // package build without them fails on its own.
  await sh('npx', ['tsc'], repoRoot, 10 * 60_000).catch(error => {
    if (/ran longer than/.test(error.message)) throw error;
  });
  const tarballs = [];
  for (const pkg of PLUGIN_PACKAGES) {
    const cwd = path.join(repoRoot, pkg.dir);
    await sh('npx', ['backstage-cli', 'package', 'build'], cwd, 5 * 60_000);
    const before = new Set(fs.readdirSync(destination));
    await sh(
      'npm',
      ['pack', '--pack-destination', destination],
      cwd,
      2 * 60_000,
    );
    const made = fs
      .readdirSync(destination)
      .filter(f => !before.has(f) && f.endsWith('.tgz'));
    if (made.length !== 1)
      throw new Error(`npm pack in ${pkg.dir} made ${made.length} tarballs`);
    tarballs.push(path.join(destination, made[0]));
    if (fs.existsSync(path.join(cwd, 'package.json-prepack'))) {
      throw new Error(`${pkg.dir}: postpack did not restore package.json`);
    }
  }
  return tarballs;
}
