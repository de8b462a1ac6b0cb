/* eslint-disable no-console */
// Load (issue 10): the read routes of the real backend (production mode, PostgreSQL, a
// generated landscape) under concurrent clients for a fixed time, on loopback only, while
// scheduled evaluation runs rewrite the results. No request may fail; prints p50/p99 per
// route and overall, and how many requests overlapped a run. Bounded (stops by itself within
// 10 minutes), exits 1 on a failure.
//
//   node scripts/load.mjs [services=1000] [seconds=30] [connections=16] [evaluation cadence s=5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import pg from 'pg';
import { startPostgres } from './postgres.mjs';
import {
  guestToken,
  percentile,
  scriptRun,
  startBackend,
  waitFor,
  waitForCatalog,
  writeLandscape,
} from './lib/backend.mjs';

const SERVICES = Number(process.argv[2] ?? 1000);
const DURATION_S = Number(process.argv[3] ?? 30);
const CONNECTIONS = Number(process.argv[4] ?? 16);
const EVALUATION_CADENCE_S = Number(process.argv[5] ?? 5);

const { stops, stopAll, failures, check } = scriptRun(10 * 60_000);

const pgServer = await startPostgres();
if (!pgServer) {
  console.error('No PostgreSQL server binaries (apt-get install postgresql)');
  process.exit(1);
}
stops.push(() => pgServer.stop());

try {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-load-'));
  const catalogFile = writeLandscape(dir, SERVICES);
  const backend = await startBackend({
    name: 'load',
    databaseUrl: pgServer.connectionString,
    extraConfig: [
      'catalog:',
      '  locations:',
      `    - { type: file, target: ${catalogFile} }`,
      '  processingInterval: { minutes: 30 }',
      'microservices:',
      '  schedule:',
      `    frequency: { minutes: 0, seconds: ${EVALUATION_CADENCE_S} }`,
      '    initialDelay: { seconds: 3 }',
      '  health:',
      '    schedule:',
      '      frequency: { minutes: 30 }',
    ],
  });
  stops.push(backend.stop);
  console.log(`Backend ready in ${(backend.readyMs / 1000).toFixed(0)} s on ${backend.baseUrl} (pid ${backend.pid})`);
  const token = await guestToken(backend.baseUrl);
  const headers = { authorization: `Bearer ${token}` };
  const ingestStart = Date.now();
  await waitForCatalog(backend.baseUrl, token, { expected: SERVICES, timeoutMs: 6 * 60_000 });
  console.log(`Catalog ingested ${SERVICES} services in ${((Date.now() - ingestStart) / 1000).toFixed(0)} s`);
  // Every service evaluated before the load starts (the schedule may have run mid-ingestion).
  await waitFor(
    'an evaluation of every service',
    async () => {
      const res = await fetch(`${backend.baseUrl}/api/microservices/evaluate`, { method: 'POST', headers });
      return res.ok && (await res.json()).serviceCount === SERVICES;
    },
    120_000,
    2_000,
  );

  const routes = [
    '/services?limit=20&orderBy=score&order=asc',
    '/services?limit=50&offset=200&orderBy=name',
    '/services?search=service-1&level=none,bronze',
    '/services?owner=group:default/team-3&failingPrinciple=observability',
    '/services/default/service-42',
    '/services/default/service-42/history',
    '/services/default/service-7/health',
    '/summary',
    '/summary/history?limit=10',
    '/checks',
  ];
  const pool = new Pool(backend.baseUrl, { connections: CONNECTIONS, pipelining: 1 });
  stops.push(() => pool.destroy());
  const samples = [];
  const errors = [];
  const mark = backend.lineCount();
  const loadStart = Date.now();
  const loadEnd = loadStart + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; Date.now() < loadEnd; i++) {
        const route = routes[i % routes.length];
        const t = performance.now();
        const at = Date.now();
        try {
          const res = await pool.request({ path: `/api/microservices${route}`, method: 'GET', headers });
          const body = await res.body.text();
          const ms = performance.now() - t;
          if (res.statusCode !== 200) errors.push(`${res.statusCode} ${route}: ${body.slice(0, 200)}`);
          else JSON.parse(body);
          samples.push({ route, ms, at });
        } catch (e) {
          errors.push(`${route}: ${e.message}`);
        }
      }
    }),
  );
  const elapsed = (Date.now() - loadStart) / 1000;

  // The evaluation runs during the load: from their rows (start) and log lines (end).
  const client = new pg.Client({ connectionString: `${pgServer.connectionString}/backstage_plugin_microservices` });
  await client.connect();
  const { rows } = await client.query(
    'select started_at, status from microservices_runs where started_at >= $1 order by started_at',
    [new Date(loadStart - 60_000).toISOString()],
  );
  await client.end();
  const ends = backend
    .linesSince(mark)
    .filter(l => /Evaluated \d+ services/.test(l.text))
    .map(l => ({ end: l.at, ms: Number(/ in (\d+) ms/.exec(l.text)?.[1] ?? 0) }));
  const runs = ends
    .map(({ end }) => ({ start: Math.max(...rows.map(r => Date.parse(r.started_at)).filter(s => s <= end)), end }))
    .filter(r => r.end >= loadStart && r.start <= loadEnd);
  const during = samples.filter(s => runs.some(r => s.at + s.ms >= r.start && s.at <= r.end));

  const all = samples.map(s => s.ms).sort((a, b) => a - b);
  console.log(
    `\n${samples.length} requests in ${elapsed.toFixed(1)} s over ${CONNECTIONS} connections (${(samples.length / elapsed).toFixed(0)}/s), ${SERVICES} services, loopback`,
  );
  console.log(`evaluation runs that wrote during the load: ${runs.length} (${runs.map(r => `${((r.end - r.start) / 1000).toFixed(1)} s`).join(', ')}); requests overlapping a run: ${during.length}`);
  console.log('route                                                          p50 ms   p99 ms   max ms   n');
  for (const route of routes) {
    const ms = samples.filter(s => s.route === route).map(s => s.ms).sort((a, b) => a - b);
    console.log(
      `${route.padEnd(62)} ${percentile(ms, 50).toFixed(1).padStart(7)} ${percentile(ms, 99).toFixed(1).padStart(8)} ${(ms.at(-1) ?? NaN).toFixed(1).padStart(8)}   ${ms.length}`,
    );
  }
  const duringMs = during.map(s => s.ms).sort((a, b) => a - b);
  console.log(`${'all'.padEnd(62)} ${percentile(all, 50).toFixed(1).padStart(7)} ${percentile(all, 99).toFixed(1).padStart(8)} ${(all.at(-1) ?? NaN).toFixed(1).padStart(8)}   ${all.length}`);
  console.log(`${'all, while a run wrote'.padEnd(62)} ${percentile(duringMs, 50).toFixed(1).padStart(7)} ${percentile(duringMs, 99).toFixed(1).padStart(8)} ${(duringMs.at(-1) ?? NaN).toFixed(1).padStart(8)}   ${duringMs.length}`);
  for (const e of errors.slice(0, 5)) console.log(`error: ${e}`);
  check(errors.length === 0, `no failed request (${errors.length} of ${samples.length + errors.length})`);
  check(runs.length >= 1 && during.length > 0, `evaluation runs wrote while the routes were read (${runs.length} runs, ${during.length} requests)`);
  check(rows.every(r => r.status === 'succeeded'), `every run succeeded (${rows.length})`);
  check(backend.alive(), 'the backend process is still running');
} catch (e) {
  console.error(e);
  failures.push(String(e.message ?? e));
} finally {
  stopAll();
}
console.log(failures.length ? `\nload: ${failures.length} failure(s)` : '\nload: all checks passed');
process.exit(failures.length ? 1 : 0);
