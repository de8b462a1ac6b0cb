// `npm test`: every unit and integration test (backstage-cli / jest, with a real PostgreSQL
// server when the machine has one), then the end-to-end tests in a real Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, CI: 'true' };
const requireAll = process.env.MICROSERVICES_REQUIRE_ALL_TESTS === '1';

function run(cmd, args, extraEnv = {}, cwd = root) {
  const result = spawnSync(cmd, args, {
    cwd,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  return result.status ?? 1;
}

let status = 0;
const pg = await startPostgres().catch(e => {
  console.error(`Could not start PostgreSQL: ${e.message}`);
  return undefined;
});
if (pg) {
  console.log(`PostgreSQL for the storage tests: ${pg.connectionString}`);
} else {
  const msg =
    'No PostgreSQL server binaries here: storage tests run on SQLite only (apt-get install postgresql to add them).';
  if (requireAll) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(msg);
}
try {
  const pgEnv = pg
    ? {
        BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:
          pg.connectionString,
      }
    : {};
  status = run(
    'npx',
    ['backstage-cli', 'repo', 'test', ...process.argv.slice(2)],
    pgEnv,
  );
} finally {
  pg?.stop();
}
if (status !== 0) process.exit(status);

const e2eDir = path.join(root, 'packages/app/e2e-tests');
if (fs.existsSync(e2eDir) && !process.argv.slice(2).length) {
  // Each app the e2e files drive (new frontend system and legacy) is built once here; the
  // files' buildApp() then skips it.
  const apps = ['app', 'app-legacy'];
  for (const app of apps) {
    status = run(
      'npx',
      ['backstage-cli', 'package', 'build'],
      {},
      path.join(root, 'packages', app),
    );
    if (status !== 0) {
      console.error(`Build of packages/${app} failed`);
      process.exit(status);
    }
  }
  status = run('node', ['--test', '--test-concurrency=1', e2eDir], {
    MICROSERVICES_E2E_BUILT_APPS: apps.join(','),
  });
}
process.exit(status);
