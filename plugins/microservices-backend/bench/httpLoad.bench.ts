/* eslint-disable no-console */
/*
 * Benchmark (not a test) of the backend's read routes under concurrent load: GET /services
 * (first page, filtered pages, a deep page), GET /services/:namespace/:name and GET /summary,
 * next to the catalog's own paged query (GET /api/catalog/entities/by-query?limit=20) and a
 * trivial authenticated route (GET /api/microservices/health: credentials checked, nothing
 * read), each with 10 and 50 keep-alive connections for a fixed time, on SQLite and on
 * PostgreSQL, with 10,000 services scored (--quick: 500 services, shorter). Prints p50/p95/p99
 * and throughput per route; loopback (127.0.0.1) only; bounded in time.
 *
 * Runs compiled code, not the development transform: the workspace packages are built with
 * `backstage-cli package build` and packages/backend's dist runs with NODE_ENV=production and a
 * preload that resolves our workspace packages to their dist (bench/lib/builtBackend.ts).
 * The ingested catalog is cached between runs (bench-results/.catalog-cache).
 *
 *   npm run bench:http [-- --quick] [--cpu-prof] [--database=sqlite|pg] [--routes=health,first]
 *   (writes bench-results/http.json; --cpu-prof: the backend writes a CPU profile per database to
 *   bench-results/profiles/; --routes: only the routes whose label contains one of the words,
 *   e.g. to profile one route alone)
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  BenchSection,
  cpuTimeMs,
  ensureBuilt,
  get,
  guestToken,
  keepAliveAgent,
  loadAverage,
  percentile,
  prepareCatalog,
  repoRoot,
  round1,
  startBenchPostgres,
  startBuiltBackend,
  writeSection,
} from './lib/builtBackend';

const quick = process.argv.includes('--quick');
/** --database=sqlite or --database=pg: one of them only (both by default). */
const only = process.argv
  .find(a => a.startsWith('--database='))
  ?.slice('--database='.length);
const cpuProf = process.argv.includes('--cpu-prof');
const routeWords = process.argv
  .find(a => a.startsWith('--routes='))
  ?.slice('--routes='.length)
  .split(',');
const SERVICES = quick ? 500 : 10_000;
const CONNECTIONS = [10, 50];
/** Per route and connection count: this long, or at most this many requests. */
const DURATION_MS = quick ? 1_500 : 4_000;
const MAX_REQUESTS = 20_000;
const WARM_UP_REQUESTS = 20;
const DEADLINE_MS = 45 * 60_000;
/**
 * After the scoring run the backend keeps working a while (garbage of the run, the catalog's
 * own processing), which the first cells would count as theirs: wait until it is quiet (at
 * most SETTLE_MAX_MS), then measure what it still spends with no request (background).
 */
const SETTLE_MAX_MS = 60_000;
const QUIET_CPU_SHARE = 0.05;

const ROUTES: Array<{ label: string; path: string }> = [
  {
    label: 'GET /services (first page)',
    path: '/api/microservices/services?limit=20',
  },
  {
    label: 'GET /services (filtered: owner, lifecycle)',
    path: '/api/microservices/services?limit=20&owner=group:default/team-3&lifecycle=production&orderBy=score',
  },
  {
    label: 'GET /services (filtered by health, sorted by health)',
    path: '/api/microservices/services?limit=20&health=unknown,healthy&orderBy=health',
  },
  {
    label: 'GET /services (deep page, by score)',
    path: `/api/microservices/services?limit=20&offset=${
      SERVICES - 40
    }&orderBy=score`,
  },
  {
    label: 'GET /services/:namespace/:name',
    path: '/api/microservices/services/default/service-42',
  },
  { label: 'GET /summary', path: '/api/microservices/summary' },
  {
    label: 'catalog: GET /entities/by-query?limit=20',
    path: '/api/catalog/entities/by-query?limit=20',
  },
  {
    label: 'trivial authenticated: GET /health',
    path: '/api/microservices/health',
  },
];

type Cell = {
  database: string;
  connections: number;
  route: string;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  /** The backend process's CPU time over the cell, per request: robust to a busy machine. */
  cpuMsPerRequest: number;
  loadAverage: string;
};

/** `connections` loops, each a request at a time on its keep-alive socket, until time is up. */
async function load(
  backendPid: number,
  baseUrl: string,
  token: string,
  route: string,
  connections: number,
): Promise<Omit<Cell, 'database' | 'connections' | 'route'>> {
  const agent: http.Agent = keepAliveAgent(connections);
  const url = `${baseUrl}${route}`;
  try {
    for (let i = 0; i < WARM_UP_REQUESTS; i++) await get(agent, url, token);
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const cpuBefore = cpuTimeMs(backendPid);
    const started = performance.now();
    const end = started + DURATION_MS;
    let issued = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end && issued < MAX_REQUESTS) {
          issued++;
          const t = performance.now();
          try {
            const { status, body } = await get(agent, url, token);
            latencies.push(performance.now() - t);
            if (status !== 200) {
              errors++;
              firstError ??= `${status} ${body.slice(0, 200)}`;
            }
          } catch (e) {
            errors++;
            firstError ??= (e as Error).message;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuTimeMs(backendPid) - cpuBefore;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      firstError,
      seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      cpuMsPerRequest: cpuMs / Math.max(1, latencies.length),
      loadAverage: loadAverage(),
    };
  } finally {
    agent.destroy();
  }
}

/** Background CPU of the backend per database, measured before its cells. */
const background: Array<{
  database: string;
  settledMs: number;
  cpuMsPerSecond: number;
}> = [];

/** Waits until the backend uses under QUIET_CPU_SHARE of a core; its CPU ms/s idle then. */
async function settle(pid: number) {
  const started = performance.now();
  const window = async () => {
    const before = cpuTimeMs(pid);
    const t = performance.now();
    await new Promise(r => setTimeout(r, 2_000));
    return (cpuTimeMs(pid) - before) / ((performance.now() - t) / 1000);
  };
  let cpuMsPerSecond = await window();
  while (
    cpuMsPerSecond > QUIET_CPU_SHARE * 1000 &&
    performance.now() - started < SETTLE_MAX_MS
  ) {
    cpuMsPerSecond = await window();
  }
  return { settledMs: performance.now() - started, cpuMsPerSecond };
}

async function benchDatabase(
  database: 'sqlite' | 'pg',
  stops: Array<() => unknown>,
): Promise<Cell[] | undefined> {
  // The catalog is on PostgreSQL in both variants (see prepareCatalog).
  const pg = await startBenchPostgres(stops);
  if (!pg) return undefined;
  const profileDir = path.join(repoRoot, 'bench-results', 'profiles');
  const catalog = await prepareCatalog({ services: SERVICES, pg });
  const backend = await startBuiltBackend({
    name: `http-${database}`,
    database: { kind: database, connectionString: pg.connectionString },
    catalogFiles: catalog.catalogFiles,
    // One profile per thread (the main one is the largest); a folder per database.
    nodeFlags: cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, database)}`]
      : [],
  });
  stops.push(() => backend.stop());
  const cells: Cell[] = [];
  try {
    const token = await guestToken(backend.baseUrl);
    const res = await fetch(`${backend.baseUrl}/api/microservices/evaluate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10 * 60_000),
    });
    const run = await res.json();
    if (run.serviceCount !== SERVICES) {
      throw new Error(
        `evaluated ${JSON.stringify(run).slice(
          0,
          300,
        )}, expected ${SERVICES} services`,
      );
    }
    background.push({ database, ...(await settle(backend.pid)) });
    console.log(
      `${database}: settled after the run in ${round1(
        background[background.length - 1].settledMs / 1000,
      )} s; background CPU ${round1(
        background[background.length - 1].cpuMsPerSecond,
      )} ms/s with no request`,
    );
    for (const connections of CONNECTIONS) {
      for (const route of ROUTES) {
        if (routeWords && !routeWords.some(w => route.label.includes(w))) {
          continue;
        }
        const cell = await load(
          backend.pid,
          backend.baseUrl,
          token,
          route.path,
          connections,
        );
        cells.push({ database, connections, route: route.label, ...cell });
        console.log(
          `${database} ${connections} conn ${route.label}: p50 ${round1(
            cell.p50,
          )} p95 ${round1(cell.p95)} p99 ${round1(cell.p99)} ms, ${Math.round(
            cell.requests / cell.seconds,
          )}/s, CPU ${round1(cell.cpuMsPerRequest)} ms/request, ${
            cell.errors
          } errors${cell.firstError ? ` (${cell.firstError})` : ''}, load ${
            cell.loadAverage
          }`,
        );
      }
    }
  } finally {
    await backend.stop();
    pg.stop();
  }
  if (cpuProf)
    console.log(
      `CPU profile of the ${database} backend in ${path.relative(
        repoRoot,
        profileDir,
      )}`,
    );
  return cells;
}

/** What to stop, newest first, when the bench fails or is interrupted. */
const stops: Array<() => unknown> = [];
async function stopAll() {
  for (const stop of stops.reverse()) {
    await (async () => stop())().catch(() => {});
  }
}

async function main() {
  const deadline = setTimeout(async () => {
    console.error(
      `Stopped: the bench ran longer than ${DEADLINE_MS / 60_000} min`,
    );
    await stopAll();
    process.exit(2);
  }, DEADLINE_MS);
  deadline.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await stopAll();
      process.exit(130);
    });
  }
  ensureBuilt();
  if (cpuProf)
    fs.mkdirSync(path.join(repoRoot, 'bench-results', 'profiles'), {
      recursive: true,
    });
  const cells: Cell[] = [];
  for (const database of ['sqlite', 'pg'] as const) {
    if (only && only !== database) continue;
    cells.push(...((await benchDatabase(database, stops)) ?? []));
  }
  const rows: BenchSection['rows'] = cells.map(c => {
    const reference = cells.find(
      r =>
        r.database === c.database &&
        r.connections === c.connections &&
        r.route.startsWith('catalog:'),
    );
    return [
      `${c.database === 'pg' ? 'PostgreSQL' : 'SQLite'}, ${
        c.connections
      } conn, ${c.route}`,
      c.requests,
      Math.round(c.requests / c.seconds),
      round1(c.p50),
      round1(c.p95),
      round1(c.p99),
      reference ? round1(c.p95 / reference.p95) : null,
      round1(c.cpuMsPerRequest),
      c.errors,
    ];
  });
  const firstPage = cells.filter(
    c => c.route === ROUTES[0].label && c.connections === 50,
  );
  writeSection({
    section: 'http',
    title: `Read routes under load: ${SERVICES.toLocaleString(
      'en-US',
    )} services, built backend (NODE_ENV=production), keep-alive connections on 127.0.0.1, ${
      DURATION_MS / 1000
    } s per route`,
    columns: [
      'database, connections, route',
      'requests',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'p95 ÷ catalog p95',
      'backend CPU ms/request',
      'errors',
    ],
    rows,
    notes: [
      `goal: GET /services first page p95 under 50 ms with 10,000 services and 50 connections, on both databases, and no slower than the catalog's own paged query; measured: ${firstPage
        .map(c => `${c.database} ${round1(c.p95)} ms`)
        .join(', ')}`,
      `the backend with no request after the run (settled until under ${
        QUIET_CPU_SHARE * 100
      }% of a core, at most ${SETTLE_MAX_MS / 1000} s): ${background
        .map(
          b =>
            `${b.database} ${round1(b.cpuMsPerSecond)} ms CPU/s after ${round1(
              b.settledMs / 1000,
            )} s`,
        )
        .join(
          ', ',
        )}; the CPU per request counts that background too (at 400 requests/s, 20 ms/s is 0.05 ms a request)`,
      `load average (1/5/15 min) at the end: ${loadAverage()}; per cell in data.cells. Latency on a busy shared machine mostly measures the queue for a core; the backend's CPU time per request (from /proc) is the figure to compare between runs`,
      'client: one Node process, http.Agent keep-alive pool, one request in flight per connection; permission policy: allow-all (the demo backend); guest user token',
      "catalog from createSyntheticLandscape (seed 1) as file locations; our plugin's database in SQLite in memory / in PostgreSQL 15 on 127.0.0.1 (the catalog on PostgreSQL in both: ingesting it on SQLite takes over an hour here); 2-core shared machine: the client shares the cores with the backend",
    ],
    data: { services: SERVICES, durationMs: DURATION_MS, cells, background },
  });
  clearTimeout(deadline);
}

main().catch(async error => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
