/* eslint-disable no-console */
/*
 * The benches' harness: the real backend (packages/backend) built and run as compiled code in
 * production mode, on SQLite or PostgreSQL, with a catalog of `createSyntheticLandscape`
 * written as file locations. Every wait is bounded; every process started is stopped by pid.
 *
 * How compiled code is run: `backstage-cli package build` of each workspace package the
 * backend uses (their dist/index.cjs.js; rebuilt when a source file is newer), then
 * `node --require bench/lib/resolveBuiltWorkspaces.cjs packages/backend/dist/index.cjs.js`
 * with NODE_ENV=production. The preload sends our workspace packages (whose `main` is their
 * TypeScript source in this monorepo) to their built dist; everything else is node_modules.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSyntheticLandscape } from '@microservices-backstage/plugin-microservices-common/testUtils';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** Built in this order: each one's workspace dependencies first. */
const WORKSPACES = [
  'plugins/microservices-common',
  'plugins/microservices-node',
  'plugins/microservices-backend',
  'plugins/scaffolder-backend-module-microservices',
  'packages/backend',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds each workspace package whose dist is missing or older than its source. */
export function ensureBuilt(): void {
  for (const workspace of WORKSPACES) {
    const dir = path.join(repoRoot, workspace);
    const built = path.join(dir, 'dist', 'index.cjs.js');
    const stale =
      !fs.existsSync(built) ||
      fs.statSync(built).mtimeMs < newestMtime(path.join(dir, 'src'));
    if (!stale) continue;
    const started = Date.now();
    // A backend package build copies the root yarn.lock into its bundle, and this is an npm
    // repository: an empty one stands in for the build and is removed after it.
    const yarnLock = path.join(repoRoot, 'yarn.lock');
    const placeholder =
      workspace === 'packages/backend' && !fs.existsSync(yarnLock);
    if (placeholder) fs.writeFileSync(yarnLock, '');
    try {
      execFileSync(
        process.execPath,
        [
          path.join(repoRoot, 'node_modules/@backstage/cli/bin/backstage-cli'),
          'package',
          'build',
          // The backend would also build (and bundle) the app; it is not needed here.
          ...(workspace === 'packages/backend'
            ? ['--skip-build-dependencies']
            : []),
        ],
        { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 },
      );
      if (workspace === 'packages/backend') {
        // A backend package build leaves only its deployment bundle in dist/: the compiled
        // entry point is taken out of it.
        execFileSync(
          'tar',
          [
            '-xzf',
            'dist/bundle.tar.gz',
            '--strip-components=3',
            '-C',
            'dist',
            'packages/backend/dist',
          ],
          { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], timeout: 60_000 },
        );
      }
    } finally {
      if (placeholder) fs.rmSync(yarnLock, { force: true });
    }
    // The build keeps mtimes of unchanged outputs: mark the entry as new.
    const now = new Date();
    fs.utimesSync(built, now, now);
    console.log(
      `built ${workspace} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${
      last ? `: ${(last as Error).message}` : ''
    }`,
  );
}

/** A throwaway PostgreSQL server (scripts/postgres.mjs) on 127.0.0.1. */
export interface BenchPostgres {
  connectionString: string;
  /** Stops and deletes it; once, however often it is called. */
  stop: () => void;
}

/**
 * Starts a throwaway PostgreSQL server and registers its stop in `stops` (what a failed or
 * interrupted bench stops); undefined, with a line saying so, without server binaries.
 */
export async function startBenchPostgres(
  stops: Array<() => unknown>,
): Promise<BenchPostgres | undefined> {
  const { startPostgres } = await import(
    '../../../../scripts/postgres.mjs' as string
  );
  const server: BenchPostgres | undefined = await startPostgres();
  if (!server) {
    console.log(
      'PostgreSQL: no server binaries (apt-get install postgresql); skipped',
    );
    return undefined;
  }
  let stopped = false;
  const pg: BenchPostgres = {
    connectionString: server.connectionString,
    stop: () => {
      if (!stopped) server.stop();
      stopped = true;
    },
  };
  stops.push(pg.stop);
  return pg;
}

/**
 * The plugins' databases. The catalog is on PostgreSQL in both (see prepareCatalog); `sqlite`
 * puts every other plugin, ours included, in SQLite in memory (the development setup).
 */
export type DatabaseChoice = {
  kind: 'sqlite' | 'pg';
  /** The PostgreSQL server: the catalog's, and every plugin's when kind is pg. */
  connectionString: string;
};

export interface RunningBackend {
  baseUrl: string;
  port: number;
  pid: number;
  logFile: string;
  /** Complete log lines so far. */
  lines: () => string[];
  alive: () => boolean;
  /** SIGTERM to the process group; resolves when it has exited (at most 15 s, then SIGKILL). */
  stop: () => Promise<void>;
}

/**
 * Starts packages/backend's built dist: production mode, a complete config of its own (no
 * demo locations, no demo health endpoints), the catalog reading `catalogFiles`, scheduled
 * evaluation and health rounds out of the way (the benches trigger what they measure).
 */
export async function startBuiltBackend(options: {
  name: string;
  database: DatabaseChoice;
  /** The catalog's file locations. */
  catalogFiles: string[];
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}): Promise<RunningBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), `ms-bench-${options.name}-`),
  );
  const pgServer = new URL(options.database.connectionString);
  const pgConnection = `{ host: ${pgServer.hostname}, port: ${
    pgServer.port
  }, user: ${pgServer.username || 'postgres'} }`;
  // The catalog on PostgreSQL always; with `sqlite`, every other plugin (ours too) overrides
  // it with SQLite in memory (a SQLite base with a PostgreSQL plugin is not supported).
  const database = [
    '  database:',
    '    client: pg',
    `    connection: ${pgConnection}`,
    '    pluginDivisionMode: database',
    ...(options.database.kind === 'sqlite'
      ? [
          '    plugin:',
          ...['microservices', 'app', 'auth', 'permission', 'scaffolder'].map(
            id =>
              `      ${id}: { client: better-sqlite3, connection: ':memory:' }`,
          ),
        ]
      : []),
  ];
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port}, host: 127.0.0.1 }`,
      ...database,
      'auth:',
      '  providers:',
      '    guest: { dangerouslyAllowOutsideDevelopment: true }',
      'permission:',
      '  enabled: true',
      'catalog:',
      '  rules:',
      '    - allow: [Component, System, API, Resource, Location, Domain, Group, User]',
      '  locations:',
      ...options.catalogFiles.map(
        f => `    - { type: file, target: ${JSON.stringify(f)} }`,
      ),
      // Not re-processed during the benches (nor when an ingested cache is reused later).
      '  processingInterval: { days: 30 }',
      'microservices:',
      '  schedule:',
      '    frequency: { hours: 24 }',
      '    initialDelay: { hours: 1 }',
      '    timeout: { minutes: 10 }',
      '  health:',
      '    schedule:',
      '      frequency: { hours: 24 }',
      '      initialDelay: { hours: 1 }',
      'microservicesDemo: null',
      '',
    ].join('\n'),
  );
  const logFile = path.join(dir, 'backend.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      '--require',
      path.join(__dirname, 'resolveBuiltWorkspaces.cjs'),
      'dist/index.cjs.js',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  fs.closeSync(log);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const lines = () => fs.readFileSync(logFile, 'utf8').split('\n').slice(0, -1);
  const backend: RunningBackend = {
    baseUrl,
    port,
    pid: child.pid!,
    logFile,
    lines,
    alive,
    stop: async () => {
      if (!alive()) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const killed = await Promise.race([
        exited.then(() => true),
        sleep(15_000).then(() => false),
      ]);
      if (!killed && alive()) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
  try {
    await waitFor(
      `the ${options.name} backend to be ready`,
      async () => {
        if (!alive())
          throw new Error(`exited:\n${lines().slice(-20).join('\n')}`);
        return (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok;
      },
      options.readyTimeoutMs ?? 120_000,
    );
  } catch (e) {
    await backend.stop();
    throw new Error(`${(e as Error).message}\n(log: ${logFile})`);
  }
  return backend;
}

export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

/** Waits until the catalog serves `expected` entities of the landscape's kinds. */
export async function waitForCatalog(
  baseUrl: string,
  token: string,
  expected: number,
  timeoutMs: number,
): Promise<void> {
  const kinds =
    'kind=component,kind=system,kind=domain,kind=group,kind=user,kind=api,kind=resource';
  await waitFor(
    `the catalog to ingest ${expected} entities`,
    async () => {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?${kinds
          .split(',')
          .map(k => `filter=${k}`)
          .join('&')}&limit=1`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const { totalItems } = await res.json();
      return totalItems >= expected;
    },
    timeoutMs,
    2_000,
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export interface BenchSection {
  section: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
  notes: string[];
  data: Record<string, unknown>;
}

/** Prints the section's table and writes bench-results/<section>.json. */
export function writeSection(result: BenchSection): void {
  const widths = result.columns.map((c, i) =>
    Math.max(c.length, ...result.rows.map(r => String(r[i] ?? '–').length)),
  );
  const line = (cells: Array<string | number | null>) =>
    cells
      .map((c, i) =>
        i === 0
          ? String(c ?? '–').padEnd(widths[i])
          : String(c ?? '–').padStart(widths[i]),
      )
      .join('  ');
  console.log(`\n${result.title}`);
  console.log(line(result.columns));
  for (const row of result.rows) console.log(line(row));
  for (const note of result.notes) console.log(`  ${note}`);
  const dir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.section}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuTimeMs(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]
    .split(' ');
  // utime and stime are fields 14 and 15 of stat: 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' / ');

/** A keep-alive GET over a pool of `connections` sockets; resolves to status and body length. */
export function keepAliveAgent(connections: number): http.Agent {
  return new http.Agent({
    keepAlive: true,
    maxSockets: connections,
    maxFreeSockets: connections,
  });
}

export function get(
  agent: http.Agent,
  url: string,
  token: string,
  timeoutMs = 30_000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        agent,
        headers: { authorization: `Bearer ${token}` },
        timeout: timeoutMs,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)),
    );
    req.on('error', reject);
  });
}

/** Entities per catalog file (one location each). */
const FILE_ENTITIES = 2_000;

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return '';
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return path.join(root, version, 'bin');
})();

/** A PostgreSQL client program (pg_dump, pg_restore, createdb) of the server's version. */
function pgTool(tool: string, args: string[]): void {
  execFileSync(path.join(PG_BIN, tool), args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  });
}

/**
 * The ingested catalog of the synthetic landscape, on the PostgreSQL server, kept between bench
 * runs: the Backstage catalog ingests some 20-40 entities a second on this machine (36,712
 * entities for 10,000 services: 33 minutes at a load average of 17), so the first run of a size
 * ingests it through a real backend and keeps a pg_dump of the catalog's database; later runs
 * restore it (seconds). The catalog is on PostgreSQL for both variants of the benches: on
 * SQLite it ingests slower still (over an hour for 10,000 services), and cannot process one
 * location that large at all (more bound variables than SQLite allows), so the landscape is
 * also split into files of at most 2,000 entities. The cache key is a hash of the landscape
 * and the catalog backend's version; the catalog files have a fixed path next to the dump
 * (their locations are part of the catalog's data).
 */
export async function prepareCatalog(options: {
  services: number;
  /** The PostgreSQL server (startPostgres). */
  pg: { connectionString: string };
}): Promise<{
  catalogFiles: string[];
  entities: number;
  /** How long ingestion took when it ran now; undefined when the cache was used. */
  ingestedInMs?: number;
}> {
  const cacheDir = path.join(repoRoot, 'bench-results', '.catalog-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const entities = createSyntheticLandscape({
    services: options.services,
    seed: 1,
  });
  const documents = entities.map(e => JSON.stringify(e));
  const catalogVersion = JSON.parse(
    fs.readFileSync(
      path.join(
        repoRoot,
        'node_modules/@backstage/plugin-catalog-backend/package.json',
      ),
      'utf8',
    ),
  ).version;
  const hash = createHash('sha1').update(catalogVersion);
  for (const document of documents) hash.update(document);
  const key = hash.digest('hex').slice(0, 12);
  const catalogDir = path.join(cacheDir, `catalog-${options.services}-${key}`);
  const catalogFiles: string[] = [];
  for (let i = 0; i < documents.length; i += FILE_ENTITIES) {
    catalogFiles.push(
      path.join(
        catalogDir,
        `part-${String(i / FILE_ENTITIES).padStart(3, '0')}.yaml`,
      ),
    );
  }
  if (!fs.existsSync(catalogDir)) {
    fs.mkdirSync(`${catalogDir}.partial`, { recursive: true });
    catalogFiles.forEach((file, i) =>
      fs.writeFileSync(
        path.join(`${catalogDir}.partial`, path.basename(file)),
        documents
          .slice(i * FILE_ENTITIES, (i + 1) * FILE_ENTITIES)
          .join('\n---\n'),
      ),
    );
    fs.renameSync(`${catalogDir}.partial`, catalogDir);
  }

  const { connectionString } = options.pg;
  const url = new URL(connectionString);
  const target = [
    '-h',
    url.hostname,
    '-p',
    url.port,
    '-U',
    url.username || 'postgres',
  ];
  const cached = path.join(
    cacheDir,
    `catalog-${options.services}-${key}.pgdump`,
  );
  if (fs.existsSync(cached)) {
    pgTool('createdb', [...target, 'backstage_plugin_catalog']);
    pgTool('pg_restore', [
      ...target,
      '-j',
      '2',
      '-d',
      'backstage_plugin_catalog',
      cached,
    ]);
    // pg_restore leaves no planner statistics: a live catalog has them (autovacuum), and
    // without them its first queries take minutes.
    pgTool('vacuumdb', [
      ...target,
      '--analyze-only',
      '-d',
      'backstage_plugin_catalog',
    ]);
    return { catalogFiles, entities: entities.length };
  }
  console.log(
    `ingesting ${
      entities.length
    } entities into the catalog (once; kept in ${path.relative(
      repoRoot,
      cacheDir,
    )})`,
  );
  const started = Date.now();
  const backend = await startBuiltBackend({
    name: 'ingest',
    database: { kind: 'pg', connectionString },
    catalogFiles,
  });
  try {
    const token = await guestToken(backend.baseUrl);
    await waitForCatalog(backend.baseUrl, token, entities.length, 90 * 60_000);
  } finally {
    await backend.stop();
  }
  const ingestedInMs = Date.now() - started;
  pgTool('pg_dump', [
    ...target,
    '-Fc',
    '-f',
    `${cached}.partial`,
    'backstage_plugin_catalog',
  ]);
  fs.renameSync(`${cached}.partial`, cached);
  // The other plugins' databases start empty, as on a restored run.
  for (const db of [
    'microservices',
    'app',
    'auth',
    'scaffolder',
    'permission',
  ]) {
    pgTool('dropdb', [...target, '--if-exists', `backstage_plugin_${db}`]);
  }
  return { catalogFiles, entities: entities.length, ingestedInMs };
}
