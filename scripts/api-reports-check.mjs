// `npm run api-reports:check` (CI): regenerates the API reports of the plugin packages with the
// same command as `npm run api-reports`, and fails when one says a different API than the
// committed report. Member order is not compared (see scripts/lib/apiReports.mjs): a report
// that differs only in order is put back as committed, so the working tree stays clean.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareReports, findReports } from './lib/apiReports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).scripts['api-reports'];
const packageDirs = command
  .split(/\s+/)
  .filter(word => /^plugins\/|^packages\//.test(word));

const before = new Map(
  findReports(root, packageDirs).map(file => [
    file,
    fs.readFileSync(path.join(root, file), 'utf8'),
  ]),
);
const run = spawnSync('npm', ['run', '--silent', 'api-reports'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error(`api-reports failed (exit ${run.status}); see above.`);
  process.exit(1);
}

let changed = 0;
for (const file of new Set([
  ...before.keys(),
  ...findReports(root, packageDirs),
])) {
  const full = path.join(root, file);
  const committed = before.get(file);
  const regenerated = fs.existsSync(full)
    ? fs.readFileSync(full, 'utf8')
    : undefined;
  if (committed === undefined || regenerated === undefined) {
    changed++;
    console.error(
      `${file}: ${
        committed === undefined ? 'new report' : 'report no longer made'
      }`,
    );
    continue;
  }
  const { added, removed } = compareReports(committed, regenerated);
  if (added.length === 0 && removed.length === 0) {
    if (regenerated !== committed) fs.writeFileSync(full, committed); // order only
    continue;
  }
  changed++;
  console.error(`${file}: the public API changed`);
  for (const line of removed) console.error(`  - ${line}`);
  for (const line of added) console.error(`  + ${line}`);
}
if (changed > 0) {
  console.error(
    `\n${changed} API report(s) out of date: run \`npm run tsc && npm run api-reports\` and commit the report files.`,
  );
  process.exit(1);
}
console.log(
  `API reports up to date (${before.size} reports, member order not compared).`,
);
