/*
 * Benchmark of live health probing (not a test): probe throughput with 1,000 loopback
 * endpoints of which 100 hang, and the backend's request latency (GET /services through the
 * real router, store and health merge) and event-loop delay while a round runs.
 * Prints numbers; asserts nothing. Run: npm run bench:health (from the repository root).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import express from 'express';
import knexFactory from 'knex';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KnexMicroservicesStore } from '../src/database/KnexMicroservicesStore';
import type { EvaluatedService } from '../src/database/MicroservicesStore';
import { HealthService } from '../src/health/HealthService';
import { HttpHealthProber } from '../src/health/HttpHealthProber';
import { KnexHealthStore } from '../src/health/KnexHealthStore';
import { createRouter } from '../src/router/createRouter';
import { CatalogReader } from '../src/service/CatalogReader';
import { MicroservicesService } from '../src/service/MicroservicesService';

const ENDPOINTS = 1000;
const HANGING = 100;
const SERVERS = 10;

const noopLogger: any = {
  info: () => {},
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
  debug: () => {},
  child: () => noopLogger,
};

async function startEndpointServers() {
  const servers: http.Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < SERVERS; i++) {
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/hang/')) return; // never answers
      res.setHeader('content-type', 'application/json');
      res.end('{"status":"UP"}');
    });
    server.maxConnections = 10_000;
    await new Promise<void>(r => server.listen(0, '127.0.0.1', 1024, r));
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  return {
    url: (i: number) =>
      `http://127.0.0.1:${ports[i % SERVERS]}/${
        i < HANGING ? 'hang' : 'health'
      }/${i}`,
    close: () =>
      Promise.all(
        servers.map(s => {
          s.closeAllConnections();
          return new Promise(r => s.close(r));
        }),
      ),
  };
}

function service(i: number, url: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      annotations: { 'microservices.backstage.io/health-endpoint': url },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

function evaluated(i: number): EvaluatedService {
  return {
    entityRef: `component:default/service-${i}`,
    namespace: 'default',
    name: `service-${i}`,
    owner: 'group:default/team-a',
    lifecycle: 'production',
    score: 50 + (i % 50),
    level: 'bronze',
    failingPrinciples: [],
    failingChecks: [],
    dependencyCount: 0,
    dependentCount: 0,
    evaluatedAt: new Date().toISOString(),
    checks: [],
    upstream: [],
    downstream: [],
    sharedDatastores: [],
    warnings: [],
  } as unknown as EvaluatedService;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function summarize(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `  ${label}: ${s.length} requests, p50 ${f(percentile(s, 50))} ms, p95 ${f(
      percentile(s, 95),
    )} ms, p99 ${f(percentile(s, 99))} ms, max ${f(s[s.length - 1])} ms`,
  );
}

async function get(port: number, p: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p, agent: false }, res => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
  return performance.now() - started;
}

/** Sequential requests until `until` resolves (or `count` requests when no promise). */
async function load(
  port: number,
  until: Promise<unknown> | number,
): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  if (typeof until !== 'number') until.finally(() => (done = true));
  while (typeof until === 'number' ? times.length < until : !done) {
    times.push(await get(port, '/services?limit=20&orderBy=score'));
    await new Promise(r => setTimeout(r, 5));
  }
  return times;
}

async function main() {
  const endpoints = await startEndpointServers();
  const entities = Array.from({ length: ENDPOINTS }, (_, i) =>
    service(i, endpoints.url(i)),
  );

  const db = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await db.migrate.latest({
    directory: path.resolve(__dirname, '../migrations'),
  });
  const store = new KnexMicroservicesStore(db);
  const now = new Date().toISOString();
  await store.saveRun({
    startedAt: now,
    finishedAt: now,
    services: entities.map((_, i) => evaluated(i)),
    cycles: [],
    sharedDatastores: [],
  });

  const catalog: any = {
    queryEntities: async () => ({
      items: entities,
      pageInfo: {},
      totalItems: entities.length,
    }),
  };
  const auth: any = {
    getOwnServiceCredentials: async () => ({ principal: { type: 'service' } }),
  };
  const permissions: any = {
    authorize: async (r: unknown[]) =>
      r.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (r: unknown[]) =>
      r.map(() => ({ result: AuthorizeResult.ALLOW })),
  };
  const httpAuth: any = {
    credentials: async () => ({ principal: { type: 'user' } }),
  };

  const makeHealth = (concurrency: number) =>
    new HealthService({
      store: new KnexHealthStore(db),
      prober: new HttpHealthProber({
        timeoutMs: 5000,
        degradedLatencyMs: 1000,
        allowedHosts: ['127.0.0.1'],
        allowedRanges: ['127.0.0.1/32'],
      }),
      sources: [],
      catalog,
      auth,
      logger: noopLogger,
      concurrency,
      retention: { maxAgeDays: 14 },
    });

  let health = makeHealth(10);
  const microservices = new MicroservicesService({
    store,
    catalog: new CatalogReader(catalog, auth, permissions),
    evaluator: {} as any,
    logger: noopLogger,
    get health() {
      return health;
    },
  } as any);
  const app = express();
  app.use(createRouter({ httpAuth, permissions, microservices }));
  const api = app.listen(0, '127.0.0.1');
  await new Promise(r => api.once('listening', r));
  const port = (api.address() as AddressInfo).port;

  console.log(
    `Health probing: ${ENDPOINTS} loopback endpoints (${HANGING} hang), per-probe timeout 5 s, Node ${process.version}`,
  );
  await load(port, 50); // warm-up
  summarize('GET /services, idle', await load(port, 300));

  for (const concurrency of [10, 50, 100]) {
    health = makeHealth(concurrency);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const round = health.runRound();
    const times = await load(port, round);
    const result = await round;
    delay.disable();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `concurrency ${concurrency}: round of ${
        result.probed
      } probes in ${seconds.toFixed(1)} s = ${(result.probed / seconds).toFixed(
        0,
      )} probes/s (${result.counts.healthy} healthy, ${
        result.counts.unhealthy
      } unhealthy)`,
    );
    summarize('GET /services during the round', times);
    console.log(
      `  event-loop delay during the round: p50 ${(
        delay.percentile(50) / 1e6
      ).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(
        1,
      )} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  }
  summarize(
    'GET /services?orderBy=health (merge of 1,000)',
    await (async () => {
      const t: number[] = [];
      for (let i = 0; i < 100; i++)
        t.push(await get(port, '/services?limit=20&orderBy=health'));
      return t;
    })(),
  );

  api.close();
  await endpoints.close();
  await db.destroy();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
