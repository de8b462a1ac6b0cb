/* eslint-disable no-console */
// Faults (issue 10): PostgreSQL restarted under load. The real backend (production mode, on
// PostgreSQL) serves the read routes to concurrent clients while the database is stopped for
// a while and started again. While it is away requests fail cleanly (503 + Retry-After and a
// short JSON message, never a 500, never a stack trace); afterwards they succeed again, the
// process never crashes, and evaluation works again. Bounded (stops by itself within 6
// minutes), prints what it measured, exits 1 on a failure.
//
//   node scripts/faults.mjs
import { startPostgres } from './postgres.mjs';
import {
  guestToken,
  LEAK,
  scriptRun,
  sleep,
  startBackend,
  waitFor,
  waitForCatalog,
} from './lib/backend.mjs';

const BEFORE_S = 5;
const OUTAGE_S = 12;
const AFTER_S = 15;
const CONCURRENCY = 6;

const { stops, stopAll, failures, check } = scriptRun(6 * 60_000);

const pgServer = await startPostgres();
if (!pgServer) {
  console.error('No PostgreSQL server binaries (apt-get install postgresql)');
  process.exit(1);
}
let pgRunning = true;
stops.push(() => {
  if (!pgRunning) pgServer.resume();
  pgServer.stop();
});

try {
  const backend = await startBackend({
    name: 'faults',
    databaseUrl: pgServer.connectionString,
    extraConfig: [
      'microservices:',
      '  schedule:',
      '    frequency: { minutes: 0, seconds: 10 }',
      '    initialDelay: { seconds: 3 }',
    ],
  });
  stops.push(backend.stop);
  console.log(`Backend ready in ${(backend.readyMs / 1000).toFixed(0)} s on ${backend.baseUrl} (pid ${backend.pid})`);
  const token = await guestToken(backend.baseUrl);
  const auth = { Authorization: `Bearer ${token}` };
  await waitForCatalog(backend.baseUrl, token);
  const first = await fetch(`${backend.baseUrl}/api/microservices/evaluate`, { method: 'POST', headers: auth });
  check(first.status === 200, `evaluated before the fault (${first.status})`);
  const { items } = await fetch(`${backend.baseUrl}/api/microservices/services?limit=5`, { headers: auth }).then(r => r.json());
  const name = items[0].name;
  const paths = [
    '/services?limit=20&orderBy=score',
    `/services/default/${name}`,
    `/services/default/${name}/history`,
    `/services/default/${name}/health`,
    '/summary',
    '/summary/history',
    '/services?search=service&level=gold',
    '/checks',
  ];

  let phase = 'before';
  const results = [];
  let stopLoad = false;
  const worker = async w => {
    for (let i = w; !stopLoad; i++) {
      const path = paths[i % paths.length];
      const t = Date.now();
      let status;
      let body = '';
      let retryAfter;
      try {
        const res = await fetch(`${backend.baseUrl}/api/microservices${path}`, {
          headers: auth,
          signal: AbortSignal.timeout(15_000),
        });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        body = await res.text();
      } catch (e) {
        status = `no answer (${e.name})`;
      }
      results.push({ phase, path, status, body, retryAfter, t, ms: Date.now() - t });
      if (typeof status !== 'number') await sleep(200);
    }
  };
  const load = Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  await sleep(BEFORE_S * 1000);
  phase = 'outage';
  const haltedAt = Date.now();
  pgServer.halt();
  pgRunning = false;
  console.log(`PostgreSQL stopped after ${BEFORE_S} s of load`);
  await sleep(OUTAGE_S * 1000);
  pgServer.resume();
  pgRunning = true;
  const resumedAt = Date.now();
  phase = 'after';
  console.log(`PostgreSQL started again after ${OUTAGE_S} s away`);
  await sleep(AFTER_S * 1000);
  stopLoad = true;
  await load;

  // Per phase: status counts.
  const summary = {};
  for (const r of results) {
    summary[r.phase] ??= {};
    summary[r.phase][r.status] = (summary[r.phase][r.status] ?? 0) + 1;
  }
  console.log(`\n${results.length} requests by ${CONCURRENCY} clients; statuses per phase: ${JSON.stringify(summary)}`);
  const fiveHundreds = results.filter(r => r.status === 500 || (typeof r.status === 'number' && r.status > 503));
  const noAnswer = results.filter(r => typeof r.status !== 'number');
  const leaks = results.filter(r => LEAK.test(r.body));
  const unavailable = results.filter(r => r.status === 503);
  const firstOk = results.filter(r => r.phase === 'after' && r.status === 200 && r.t >= resumedAt).sort((a, b) => a.t - b.t)[0];
  const recoveredAfter = firstOk ? (firstOk.t + firstOk.ms - resumedAt) / 1000 : undefined;
  const lastFailure = results
    .filter(r => r.phase === 'after' && r.status !== 200)
    .reduce((latest, r) => Math.max(latest, r.t + r.ms), resumedAt);
  const tail = results.filter(r => r.phase === 'after' && r.t > resumedAt + 8_000);
  if (unavailable[0]) console.log(`a 503 during the outage: Retry-After ${unavailable[0].retryAfter}; ${unavailable[0].body}`);
  const other = results.find(r => r.phase === 'outage' && r.status !== 503 && r.status !== 200);
  if (other) console.log(`another answer during the outage: ${other.status} ${other.path}: ${other.body.slice(0, 300)}`);
  for (const r of fiveHundreds.slice(0, 3)) console.log(`5xx: ${r.status} ${r.path}: ${r.body.slice(0, 300)}`);

  check(fiveHundreds.length === 0, `no 500 (or other 5xx than 503) at any time (${fiveHundreds.length})`);
  check(noAnswer.length === 0, `every request answered (${noAnswer.length} without an answer)`);
  check(leaks.length === 0, `no stack trace or file path in any body (${leaks.length})`);
  check(
    unavailable.length > 0 && unavailable.every(r => r.retryAfter === '5' && /database is unavailable/.test(r.body)),
    `database routes answered 503 with Retry-After while it was away (${unavailable.length})`,
  );
  check(
    recoveredAfter !== undefined && recoveredAfter < 8,
    `requests succeed again ${recoveredAfter?.toFixed(1)} s after PostgreSQL is back; the last failure ${((lastFailure - resumedAt) / 1000).toFixed(1)} s after`,
  );
  check(tail.length > 0 && tail.every(r => r.status === 200), `all ${tail.length} requests from 8 s after the restart on succeed`);
  check(backend.alive(), 'the backend process is still running (no crash)');
  const again = await waitFor(
    'an evaluation after the restart',
    async () => {
      const res = await fetch(`${backend.baseUrl}/api/microservices/evaluate`, { method: 'POST', headers: auth });
      return res.status === 200 ? res.json() : undefined;
    },
    30_000,
    2_000,
  ).catch(() => undefined);
  check(again?.serviceCount > 0, `evaluation works again after the restart (${again?.serviceCount} services)`);
  const served = await fetch(`${backend.baseUrl}/api/microservices/services?limit=1`, { headers: auth }).then(r => r.json());
  check(served.items[0] && !served.items[0].stale, 'results are fresh again (no stale flag)');
  const failedRuns = backend.linesSince(0).filter(l => l.text.includes('Evaluation run failed') && l.at >= haltedAt).length;
  console.log(`scheduled evaluations that failed during the outage (logged): ${failedRuns}`);
} catch (e) {
  console.error(e);
  failures.push(String(e.message ?? e));
} finally {
  stopAll();
}
console.log(failures.length ? `\nfaults: ${failures.length} failure(s)` : '\nfaults: all checks passed');
process.exit(failures.length ? 1 : 0);
