/* eslint-disable no-console */
// Replicas (issue 10): two backend processes on one PostgreSQL database. Shows that the
// scheduled evaluation (`microservices.schedule`) and the health probing
// (`microservices.health.schedule`, task `microservices-health-probe`), both global tasks, run
// once per cadence across the replicas and not once per replica; that results written by one
// replica are served by the other; and that the survivor takes over when one stops.
// Bounded (stops by itself within 8 minutes), prints what it measured, exits 1 on a failure.
//
//   node scripts/replicas.mjs
import pg from 'pg';
import { startPostgres } from './postgres.mjs';
import {
  guestToken,
  scriptRun,
  sleep,
  startBackend,
  waitFor,
  waitForCatalog,
} from './lib/backend.mjs';

const EVALUATION_CADENCE_S = 15;
const HEALTH_CADENCE_S = 5;
const WINDOW_S = 75;

const { stops, stopAll, failures, check } = scriptRun(8 * 60_000);

/** Backstage's production log lines are JSON: the ones whose message matches, with when they came. */
function logEvents(backend, mark, pattern) {
  return backend
    .linesSince(mark)
    .map(({ at, text }) => {
      try {
        return { at, ...JSON.parse(text) };
      } catch {
        return undefined;
      }
    })
    .filter(e => e && typeof e.message === 'string' && pattern.test(e.message))
    .map(e => ({ at: e.at, replica: backend.name, message: e.message }));
}

function gaps(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => (t - sorted[i]) / 1000);
}

const pgServer = await startPostgres();
if (!pgServer) {
  console.error('No PostgreSQL server binaries (apt-get install postgresql)');
  process.exit(1);
}
stops.push(() => pgServer.stop());
console.log(`PostgreSQL: ${pgServer.connectionString}`);

const extraConfig = [
  'microservices:',
  // Every unit given: config objects merge with app-config.production.yaml's `{ minutes: 30 }`.
  '  schedule:',
  `    frequency: { minutes: 0, seconds: ${EVALUATION_CADENCE_S} }`,
  '    initialDelay: { seconds: 5 }',
  // A replica that dies mid-run holds the task's lock until this timeout: keep it short here.
  '    timeout: { minutes: 0, seconds: 30 }',
  '  health:',
  '    schedule:',
  `      frequency: { minutes: 0, seconds: ${HEALTH_CADENCE_S} }`,
  '      initialDelay: { seconds: 2 }',
  '      timeout: { minutes: 0, seconds: 20 }',
];

try {
  const started = Date.now();
  // One after the other, as a rolling deployment does: on an empty database the first replica
  // creates the plugins' databases and runs their migrations (two at once race on knex's
  // migration tables: "relation knex_migrations_lock already exists").
  const replicas = [];
  for (const name of ['replica-a', 'replica-b']) {
    const backend = await startBackend({ name, databaseUrl: pgServer.connectionString, extraConfig });
    stops.push(backend.stop);
    replicas.push(backend);
    console.log(`${name} ready in ${(backend.readyMs / 1000).toFixed(0)} s on ${backend.baseUrl} (pid ${backend.pid})`);
  }
  const [a, b] = replicas;
  console.log(`Both replicas ready after ${((Date.now() - started) / 1000).toFixed(0)} s (${a.baseUrl}, ${b.baseUrl})`);
  const token = await guestToken(a.baseUrl);
  const auth = { Authorization: `Bearer ${token}` };
  const services = await waitForCatalog(a.baseUrl, token);
  console.log(`Catalog: ${services} services`);

  // A first scheduled evaluation, so that the window starts in the steady state.
  await waitFor(
    'a first scheduled evaluation',
    async () => (await fetch(`${b.baseUrl}/api/microservices/services?limit=1`, { headers: auth }).then(r => r.json())).totalCount > 0,
    120_000,
    1_000,
  );

  const marks = [a.lineCount(), b.lineCount()];
  const windowStart = new Date();
  console.log(`Observing both replicas for ${WINDOW_S} s (evaluation every ${EVALUATION_CADENCE_S} s, health every ${HEALTH_CADENCE_S} s)...`);
  await sleep(WINDOW_S * 1000);
  const windowEnd = new Date();

  const evaluations = [...logEvents(a, marks[0], /^Evaluated \d+ services/), ...logEvents(b, marks[1], /^Evaluated \d+ services/)];
  const rounds = [...logEvents(a, marks[0], /^Health round:/), ...logEvents(b, marks[1], /^Health round:/)];
  const client = new pg.Client({ connectionString: `${pgServer.connectionString}/backstage_plugin_microservices` });
  await client.connect();
  stops.push(() => client.end().catch(() => undefined));
  const { rows: runRows } = await client.query(
    'select started_at, status from microservices_runs where started_at >= $1 and started_at < $2 order by started_at',
    [windowStart.toISOString(), windowEnd.toISOString()],
  );

  const expectedRuns = WINDOW_S / EVALUATION_CADENCE_S;
  const expectedRounds = WINDOW_S / HEALTH_CADENCE_S;
  const byReplica = events => ['replica-a', 'replica-b'].map(r => `${r} ${events.filter(e => e.replica === r).length}`).join(', ');
  console.log(`\nIn ${WINDOW_S} s:`);
  console.log(`  scheduled evaluations: ${evaluations.length} (${byReplica(evaluations)}); rows in microservices_runs: ${runRows.length}; once per cadence would be ${expectedRuns}`);
  console.log(`  gaps between evaluations (s): ${gaps(evaluations.map(e => e.at)).map(g => g.toFixed(1)).join(', ')}`);
  console.log(`  health rounds: ${rounds.length} (${byReplica(rounds)}); once per cadence would be ${expectedRounds}`);
  console.log(`  gaps between health rounds (s): ${gaps(rounds.map(e => e.at)).map(g => g.toFixed(1)).join(', ')}`);

  // Once per replica would double the count: the upper bounds are what tell the two apart. The
  // lower bounds are loose because a loaded machine (load 15 was seen) delays scheduled tasks.
  check(evaluations.length >= expectedRuns / 2 && evaluations.length <= expectedRuns + 1, `evaluation ran ${evaluations.length} times in ${WINDOW_S} s: once per ${EVALUATION_CADENCE_S} s cadence (${expectedRuns / 2}-${expectedRuns + 1}), not once per replica`);
  check(runRows.length === evaluations.length, `one microservices_runs row per logged run (${runRows.length})`);
  check(gaps(evaluations.map(e => e.at)).every(g => g >= EVALUATION_CADENCE_S / 2), 'no two evaluations within half a cadence of each other');
  check(rounds.length >= expectedRounds / 2 && rounds.length <= expectedRounds + 2, `health probing ran ${rounds.length} times: once per ${HEALTH_CADENCE_S} s cadence (${expectedRounds / 2}-${expectedRounds + 2}), not once per replica`);
  check(gaps(rounds.map(e => e.at)).every(g => g >= HEALTH_CADENCE_S / 2), 'no two health rounds within half a cadence of each other');

  // Written by one, served by the other (retried when a scheduled run lands in between).
  for (const [writer, reader] of [
    [a, b],
    [b, a],
  ]) {
    let served;
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await fetch(`${writer.baseUrl}/api/microservices/evaluate`, { method: 'POST', headers: auth }).then(r => r.json());
      // A replica asks the database for another one's newer run at most every second (LATEST_RESULTS_CHECK_MS).
      await sleep(1_100);
      const [fromReader, fromWriter] = await Promise.all(
        [reader, writer].map(r =>
          fetch(`${r.baseUrl}/api/microservices/services?orderBy=evaluatedAt&order=desc&limit=1`, { headers: auth }).then(res => res.json()),
        ),
      );
      const at = fromReader.items[0]?.evaluatedAt;
      served = { run, at, same: JSON.stringify(fromReader) === JSON.stringify(fromWriter) };
      if (at >= run.startedAt && at <= run.finishedAt && served.same) break;
    }
    check(
      served.at >= served.run.startedAt && served.at <= served.run.finishedAt && served.same,
      `results written by ${writer.name} (run ${served.run.startedAt}) are served by ${reader.name} (evaluatedAt ${served.at}), identically`,
    );
  }
  const summaries = await Promise.all([a, b].map(r => fetch(`${r.baseUrl}/api/microservices/summary`, { headers: auth }).then(res => res.json())));
  check(summaries[0].serviceCount === summaries[1].serviceCount && summaries[0].evaluatedAt === summaries[1].evaluatedAt, `both serve the same summary (${summaries[0].serviceCount} services, ${summaries[0].evaluatedAt})`);

  // One replica goes away: the other carries on with both tasks.
  a.stop();
  await waitFor('replica-a to stop', async () => !a.alive(), 30_000);
  const stoppedAt = Date.now();
  const markB = b.lineCount();
  const { rows: locks } = await client.query(
    "select id, current_run_expires_at, next_run_start_at from backstage_backend_tasks__tasks where id like 'microservices%' order by id",
  );
  console.log(`\nreplica-a stopped; task locks then: ${JSON.stringify(locks)}`);
  const firstOnB = async pattern =>
    waitFor(`replica-b to run ${pattern}`, async () => logEvents(b, markB, pattern)[0], 60_000, 500)
      .then(e => (e.at - stoppedAt) / 1000)
      .catch(() => undefined);
  const [evalAfter, roundAfter] = await Promise.all([firstOnB(/^Evaluated \d+ services/), firstOnB(/^Health round:/)]);
  console.log(`replica-b's first evaluation ${evalAfter?.toFixed(1) ?? 'never (60 s)'} s and first health round ${roundAfter?.toFixed(1) ?? 'never (60 s)'} s after`);
  check(evalAfter !== undefined && roundAfter !== undefined, 'the surviving replica takes over both scheduled tasks');
  check(b.alive(), 'replica-b still running');
} catch (e) {
  console.error(e);
  failures.push(String(e.message ?? e));
} finally {
  stopAll();
}
console.log(failures.length ? `\nreplicas: ${failures.length} failure(s)` : '\nreplicas: all checks passed');
process.exit(failures.length ? 1 : 0);
