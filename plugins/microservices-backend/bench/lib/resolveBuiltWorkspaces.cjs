// Preload for running the built backend (packages/backend/dist) outside the development
// transform: our workspace packages declare `main: src/index.ts` (their `dist` is what gets
// published, through publishConfig), so a resolution that lands on a workspace package's
// src/index.ts is sent to its built dist/index.cjs.js instead. Both loaders: require() (the
// packages' own dist) and import() (backend.add(import(...)) in the backend's dist).
//
//   node --require ./resolveBuiltWorkspaces.cjs packages/backend/dist/index.cjs.js
//
// MICROSERVICES_BENCH_DIST='{"plugins/microservices-backend":"dist-before"}' runs a package
// from another build folder: a copy of an earlier dist, for before/after comparisons.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const repoRoot = path.resolve(__dirname, '../../../..');
const SOURCE_ENTRY =
  /^(.*[\\/](?:plugins|packages)[\\/][^\\/]+)[\\/]src[\\/]index\.ts$/;
const distFolders = JSON.parse(process.env.MICROSERVICES_BENCH_DIST || '{}');
const distFolder = packageDir =>
  distFolders[path.relative(repoRoot, packageDir).split(path.sep).join('/')] ||
  'dist';

function toBuilt(file) {
  const match = SOURCE_ENTRY.exec(file);
  if (!match || !match[1].startsWith(repoRoot)) return file;
  const built = path.join(match[1], distFolder(match[1]), 'index.cjs.js');
  if (!fs.existsSync(built)) {
    throw new Error(
      `${built} is missing: build the workspace package first (backstage-cli package build)`,
    );
  }
  return built;
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveBuilt(request, ...rest) {
  return toBuilt(resolveFilename.call(this, request, ...rest));
};

// import(): an ES module resolve hook doing the same.
const hook = `
import { fileURLToPath, pathToFileURL } from 'node:url';
const SOURCE_ENTRY = ${SOURCE_ENTRY.toString()};
const DIST_FOLDERS = ${JSON.stringify(distFolders)};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (!result.url.startsWith('file:')) return result;
  const match = SOURCE_ENTRY.exec(fileURLToPath(result.url));
  const root = ${JSON.stringify(repoRoot)};
  if (!match || !match[1].startsWith(root)) return result;
  const folder = DIST_FOLDERS[match[1].slice(root.length + 1)] || 'dist';
  return { ...result, format: 'commonjs', url: pathToFileURL(match[1] + '/' + folder + '/index.cjs.js').href };
}
`;
Module.register(`data:text/javascript,${encodeURIComponent(hook)}`);
