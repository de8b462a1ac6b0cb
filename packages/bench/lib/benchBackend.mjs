/*
 * Starts packages/bench's backend (backend/index.ts through Backstage's TypeScript transform) in
 * production mode with a config written for the run, on a free loopback port; stops it by
 * its process group. Every wait is bounded.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the repository's script helpers
import {
  freePort,
  guestToken,
  sleep,
  waitFor,
} from '../../../scripts/lib/backend.mjs';
import { repoRoot } from './benchSection.mjs';

const benchDir = path.join(repoRoot, 'packages/bench');

// The same helpers as the repository's other scripts: one copy, in scripts/lib/backend.mjs.
export { freePort, guestToken, sleep, waitFor };

/**
 * Starts the bench backend. `config(baseUrl, port)` returns the YAML of everything but
 * app/backend base URLs and the listening port, which are filled in here.
 */
export async function startBenchBackend({
  name,
  config,
  readyTimeoutMs = 180_000,
}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ms-bench-${name}-`));
  const configFile = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port}, host: 127.0.0.1 }`,
      config,
      '',
    ].join('\n'),
  );
  const logFile = path.join(dir, 'backend.log');
  const log = fs.openSync(logFile, 'w');
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'backend/index.ts',
      '--config',
      configFile,
    ],
    {
      cwd: benchDir,
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  fs.closeSync(log);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise(resolve => child.once('exit', resolve));
  const logTail = (lines = 20) =>
    fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  const stop = async () => {
    if (!alive()) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const gone = await Promise.race([
      exited.then(() => true),
      sleep(15_000).then(() => false),
    ]);
    if (!gone && alive()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  try {
    await waitFor(
      `the ${name} backend to be ready`,
      async () => {
        if (!alive()) throw new Error(`exited:\n${logTail()}`);
        return (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok;
      },
      readyTimeoutMs,
    );
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n(log: ${logFile})`);
  }
  return {
    baseUrl,
    pid: child.pid,
    readyMs: Date.now() - startedAt,
    logFile,
    logTail,
    stop,
  };
}
