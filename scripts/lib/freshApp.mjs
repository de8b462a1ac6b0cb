/* eslint-disable no-console */
// Helpers of scripts/fresh-app.mjs: run a command bounded in time, create a Backstage app with
// @backstage/create-app and make its output installable with npm (TOOLCHAIN.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Runs a command in its own process group; its output goes to `logFile`. Rejects when it
 * exits non-zero or runs longer than `timeoutMs` (then the whole group is killed), with the
 * last lines of its output in the message. `track` receives a stop function while it runs.
 */
export function run(
  command,
  args,
  { cwd, env, timeoutMs, logFile, input, track },
) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    fs.writeSync(log, `\n$ ${command} ${args.join(' ')}   (in ${cwd})\n`);
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', log, log],
      detached: true,
    });
    if (input !== undefined) child.stdin.end(input);
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const untrack = track?.(kill);
    const timer = setTimeout(() => {
      kill();
      finish(
        new Error(
          `${command} ${args.join(' ')} ran longer than ${timeoutMs / 1000} s`,
        ),
      );
    }, timeoutMs);
    let done = false;
    function finish(error) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      untrack?.();
      fs.closeSync(log);
      if (!error) {
        resolve();
        return;
      }
      const tail = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .slice(-25)
        .join('\n');
      reject(
        new Error(`${error.message}\n--- last lines of ${logFile}:\n${tail}`),
      );
    }
    child.on('error', finish);
    child.on('exit', (code, signal) =>
      finish(
        code === 0
          ? undefined
          : new Error(
              `${command} ${args.join(' ')} exited with ${code ?? signal}`,
            ),
      ),
    );
  });
}

/**
 * Lays out a new app with @backstage/create-app (installed into `toolDir`): its default
 * template, its own templating with its own version table. Its command line refuses to run
 * here before writing a file (it requires yarn and Node 22 or 24; this project runs on npm and
 * Node 20 too), so its templating is called directly; that is all `--skip-install` does besides
 * those checks, fetching a yarn.lock seed from GitHub, and `git init`.
 */
export async function templateApp({ toolDir, appDir, appName, logFile }) {
  const require = createRequire(path.join(toolDir, 'node_modules/'));
  const createAppDir = path.dirname(
    require.resolve('@backstage/create-app/package.json'),
  );
  const { packageVersions } = require(path.join(
    createAppDir,
    'dist/lib/versions.cjs.js',
  ));
  fs.mkdirSync(appDir, { recursive: true });
  // In a child process: it reports each file on stdout, which goes to the log.
  const code = [
    `const tasks = require(${JSON.stringify(
      path.join(createAppDir, 'dist/lib/tasks.cjs.js'),
    )});`,
    `tasks.templatingTask(${JSON.stringify(
      path.join(createAppDir, 'templates/default-app'),
    )}, ${JSON.stringify(appDir)},`,
    `  { name: ${JSON.stringify(
      appName,
    )}, defaultBranch: 'master' }).catch(e => { console.error(e); process.exit(1); });`,
  ].join('\n');
  await run(process.execPath, ['-e', code], {
    cwd: appDir,
    timeoutMs: 60_000,
    logFile,
  });
  return { packageVersions };
}

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * What create-app's output needs to install with npm (TOOLCHAIN.md): no `link:` protocol, root
 * `overrides` pinning every `@backstage/*` package to the release (else caret ranges drift into
 * a newer release's packages), React 18 for @material-ui's peers, better-sqlite3 12, an empty
 * yarn.lock (the backend build copies it), no `packageManager: yarn` (the CLI would call yarn).
 * `versions`: package name to version, the release's packages.
 */
export function adaptForNpm(appDir, versions) {
  const rootFile = path.join(appDir, 'package.json');
  const root = readJson(rootFile);
  delete root.packageManager;
  delete root.resolutions;
  // npm refuses an override that differs from a direct dependency's range: pin those exactly.
  for (const [name, range] of Object.entries(root.devDependencies ?? {})) {
    if (versions[name]) root.devDependencies[name] = versions[name];
    else if (name.startsWith('@backstage/'))
      throw new Error(`No release version for ${name} (${range})`);
  }
  root.overrides = {
    ...Object.fromEntries(
      Object.entries(versions).filter(
        ([name]) => !(name in (root.devDependencies ?? {})),
      ),
    ),
    react: '^18.3.1',
    'react-dom': '^18.3.1',
    '@types/react': '^18',
    '@types/react-dom': '^18',
    'better-sqlite3': '^12.0.0',
  };
  writeJson(rootFile, root);

  const backendFile = path.join(appDir, 'packages/backend/package.json');
  const backend = readJson(backendFile);
  for (const [name, range] of Object.entries(backend.dependencies)) {
    if (/^(link|workspace):/.test(range)) {
      backend.dependencies[name] = readJson(
        path.join(appDir, 'packages', name, 'package.json'),
      ).version;
    }
  }
  writeJson(backendFile, backend);

  // The template's test libraries predate frontend-test-utils' peer (@testing-library/dom 10);
  // yarn lets that pass, npm refuses to resolve the tree.
  const appFile = path.join(appDir, 'packages/app/package.json');
  const app = readJson(appFile);
  app.devDependencies['@testing-library/dom'] = '^10.0.0';
  app.devDependencies['@testing-library/react'] = '^16.0.0';
  writeJson(appFile, app);
  fs.writeFileSync(path.join(appDir, 'yarn.lock'), '');
}

/** Every `@backstage/*` dependency of the app's package.json files. */
export function backstageDependencies(appDir) {
  const names = new Set();
  for (const file of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    const pkg = readJson(path.join(appDir, file));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {}))
        if (name.startsWith('@backstage/')) names.add(name);
    }
  }
  return [...names].sort();
}
