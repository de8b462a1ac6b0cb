/* eslint-disable no-console */
// Helpers of the production scripts (replicas, faults, load): start the real backend
// (packages/backend) in production mode on PostgreSQL with app-config.production.yaml, sign
// in, wait for the catalog. Every wait is bounded; every process started is stopped by pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const backendDir = path.join(repoRoot, 'packages/backend');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

export async function waitFor(what, probe, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** Stops the whole script after `ms`, whatever it is waiting for. */
export function deadline(ms, onExpire) {
  const timer = setTimeout(() => {
    console.error(`Stopped: the script ran longer than ${ms / 1000} s`);
    onExpire?.();
    process.exit(2);
  }, ms);
  timer.unref();
  return timer;
}

/** A catalog file of `services` generated services (JSON documents are YAML). */
/**
 * The bookkeeping of a bounded check script: what to stop at the end (`stops`, stopped newest
 * first by `stopAll`), the failed checks, and a deadline after which everything is stopped.
 */
export function scriptRun(timeoutMs) {
  const stops = [];
  const failures = [];
  const stopAll = () => {
    for (const stop of stops.reverse()) {
      try {
        stop();
      } catch {
        /* best effort */
      }
    }
  };
  deadline(timeoutMs, stopAll);
  const check = (ok, what) => {
    // eslint-disable-next-line no-console
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  return { stops, stopAll, failures, check };
}

export function writeLandscape(dir, services) {
  const docs = [];
  const doc = (kind, name, spec, extra = {}) =>
    docs.push(JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name, ...extra }, spec }));
  const teams = 20;
  const systems = 40;
  for (let d = 0; d < 5; d++) doc('Domain', `domain-${d}`, { owner: 'team-0' });
  for (let t = 0; t < teams; t++) doc('Group', `team-${t}`, { type: 'team', children: [] });
  for (let s = 0; s < systems; s++) doc('System', `system-${s}`, { owner: `team-${s % teams}`, domain: `domain-${s % 5}` });
  for (let i = 0; i < services; i++) {
    const deps = [i - 7, i - 31].filter(j => j >= 0).map(j => `component:service-${j}`);
    doc(
      'Component',
      `service-${i}`,
      {
        type: 'service',
        lifecycle: i % 5 ? 'production' : 'experimental',
        owner: `team-${(i % systems) % teams}`,
        system: `system-${i % systems}`,
        dependsOn: deps,
      },
      { annotations: { 'github.com/project-slug': `acme/service-${i}` }, tags: ['java'] },
    );
  }
  const file = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(file, docs.join('\n---\n'));
  return file;
}

/**
 * Starts one backend process: production mode, app-config.yaml + app-config.production.yaml +
 * `extraConfig` (YAML lines), the plugin databases on `databaseUrl`'s server.
 */
export async function startBackend({ name, databaseUrl, extraConfig = [], readyTimeoutMs = 150_000 }) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const db = new URL(databaseUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ms-${name}-`));
  const configFile = path.join(dir, 'app-config.script.yaml');
  fs.writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      '  cors:',
      `    origin: ${baseUrl}`,
      ...extraConfig,
      '',
    ].join('\n'),
  );
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.production.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        POSTGRES_HOST: db.hostname,
        POSTGRES_PORT: db.port,
        POSTGRES_USER: db.username || 'postgres',
        POSTGRES_PASSWORD: db.password || '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  // Also kept in a file, for a look after the script (its path is printed on failure).
  const logFile = path.join(dir, 'backend.log');
  const log = fs.createWriteStream(logFile);
  /** Every complete output line with the time it arrived. */
  const lines = [];
  let partial = '';
  const collect = d => {
    output += d;
    log.write(d);
    const parts = (partial + d).split('\n');
    partial = parts.pop();
    const at = Date.now();
    for (const text of parts) lines.push({ at, text });
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const startedAt = Date.now();
  const backend = {
    name,
    port,
    baseUrl,
    pid: child.pid,
    child,
    logFile,
    output: () => output,
    /** Log lines (with the time each arrived) since `mark` (an earlier `lineCount()`). */
    lineCount: () => lines.length,
    linesSince: mark => lines.slice(mark),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
  try {
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (!backend.alive()) throw new Error(`${name} exited:\n${output.slice(-3000)}`);
        return (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok;
      },
      readyTimeoutMs,
    );
  } catch (e) {
    backend.stop();
    const lines = output.split('\n').filter(l => !l.includes('"type":"incomingRequest"'));
    throw new Error(`${e.message}\n--- ${name} log ${logFile}, last lines:\n${lines.slice(-30).join('\n')}`);
  }
  backend.readyMs = Date.now() - startedAt;
  return backend;
}

export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

/** Waits until the catalog's service count is `expected` (or stops changing when not given). */
export async function waitForCatalog(baseUrl, token, { expected, timeoutMs = 300_000 } = {}) {
  let previous = -1;
  return waitFor(
    'the catalog to ingest the landscape',
    async () => {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=1`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const { totalItems } = await res.json();
      const done = expected ? totalItems >= expected : totalItems > 0 && totalItems === previous;
      previous = totalItems;
      return done ? totalItems : undefined;
    },
    timeoutMs,
    2_000,
  );
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A stack frame or a server file path in a response body. */
export const LEAK = /\bat [\w.<>]+ \(|\bat \/|node_modules|\/src\/|\.(ts|js):\d+|"stack"/;
