/* eslint-disable no-console */
/*
 * Section 4 of `npm run bench`: the microservices plugin next to Backstage Tech Insights on the
 * same synthetic catalog (createSyntheticLandscape, 10,000 services; --quick 500), both in a
 * real backend (backend/index.ts) on one PostgreSQL server, each through its own path:
 *
 * - Tech Insights: its built-in entityMetadata and entityOwnership fact retrievers triggered
 *   through the scheduler's API (they read the whole catalog and store facts), then five
 *   json-rules-engine checks over every service with its bulk route POST /checks/run, in the
 *   largest chunks its JSON body limit accepts;
 * - ours: POST /api/microservices/evaluate (reads the catalog, evaluates, stores), first with
 *   only five equivalent custom checks (backend/techInsightsParityChecks.ts, every built-in check
 *   disabled by config), then, in a second backend on the same database (the catalog already
 *   ingested), with all of our built-in checks.
 *
 * Both must find the same number of failing services per check. Prints a table and writes
 * bench-results/tech-insights.json. Run: npm run bench:tech-insights [-- --quick]
 */
import common from '@microservices-backstage/plugin-microservices-common';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the repository's throwaway PostgreSQL server
import { startPostgres } from '../../scripts/postgres.mjs';
import {
  guestToken,
  sleep,
  startBenchBackend,
  waitFor,
} from './lib/benchBackend.mjs';
import {
  loadAverageText,
  machine,
  round,
  summarize,
  writeSection,
} from './lib/benchSection.mjs';
import { ingestedSyntheticCatalog } from './lib/syntheticCatalog.mjs';

const quick = process.argv.includes('--quick');
const services = Number(process.env.BENCH_SERVICES ?? (quick ? 500 : 10_000));
const ourRuns = 3;
/** Tech Insights' bulk route parses JSON bodies up to express.json()'s default of 100 kB. */
const refsPerRequest = 2_500;

/** The five checks: Tech Insights' id and rule, and our equivalent custom check. */
const CHECKS = [
  {
    name: 'owned by a group',
    theirs: 'groupOwnerCheck',
    retriever: 'entityOwnershipFactRetriever',
    fact: 'hasGroupOwner',
    ours: 'tech-insights-parity.group-owner',
  },
  {
    name: 'has an owner',
    theirs: 'ownerCheck',
    retriever: 'entityOwnershipFactRetriever',
    fact: 'hasOwner',
    ours: 'tech-insights-parity.owner',
  },
  {
    name: 'has a description',
    theirs: 'descriptionCheck',
    retriever: 'entityMetadataFactRetriever',
    fact: 'hasDescription',
    ours: 'tech-insights-parity.description',
  },
  {
    name: 'has a title',
    theirs: 'titleCheck',
    retriever: 'entityMetadataFactRetriever',
    fact: 'hasTitle',
    ours: 'tech-insights-parity.title',
  },
  {
    name: 'has tags',
    theirs: 'tagsCheck',
    retriever: 'entityMetadataFactRetriever',
    fact: 'hasTags',
    ours: 'tech-insights-parity.tags',
  },
];
const RETRIEVERS = [
  'entityMetadataFactRetriever',
  'entityOwnershipFactRetriever',
];

function backendConfig(connectionString, catalogFiles, { onlyParityChecks }) {
  const disabled = onlyParityChecks
    ? common.builtInChecks.map(c => c.id)
    : CHECKS.map(c => c.ours);
  return [
    '  database:',
    '    client: pg',
    `    connection: ${JSON.stringify(connectionString)}`,
    'auth:',
    '  providers:',
    '    guest: { dangerouslyAllowOutsideDevelopment: true }',
    'permission:',
    '  enabled: true',
    'catalog:',
    '  rules:',
    '    - allow: [Component, System, API, Resource, Location, Domain, Group, User]',
    '  locations:',
    // The files the cached catalog was ingested from (locations are part of its data).
    ...catalogFiles.map(
      f => `    - { type: file, target: ${JSON.stringify(f)} }`,
    ),
    '  processingInterval: { days: 30 }',
    'microservices:',
    // Runs only when the bench asks for them.
    '  schedule: { frequency: { hours: 24 }, initialDelay: { hours: 1 }, timeout: { minutes: 20 } }',
    '  health: { schedule: { frequency: { hours: 24 }, initialDelay: { hours: 1 } } }',
    '  checks:',
    ...disabled.map(id => `    ${JSON.stringify(id)}: { enabled: false }`),
    // The default rubric names built-in checks; with only the five, one level needs all of them.
    ...(onlyParityChecks
      ? [
          '  levels:',
          "    - { name: complete, minScore: 100, requiredChecks: ['*'] }",
        ]
      : []),
    'techInsights:',
    '  factRetrievers:',
    ...RETRIEVERS.flatMap(id => [
      `    ${id}:`,
      // Once a second after start (the scheduler's workers only poll after the initial delay,
      // so a trigger is not picked up before it), then yearly: the bench triggers the timed run.
      "      cadence: '0 0 1 1 *'",
      '      initialDelay: { seconds: 1 }',
      '      timeout: { minutes: 30 }',
      '      lifecycle: { timeToLive: { weeks: 2 } }',
    ]),
    '  factChecker:',
    '    checks:',
    ...CHECKS.flatMap(c => [
      `      ${c.theirs}:`,
      '        type: json-rules-engine',
      `        name: ${JSON.stringify(c.name)}`,
      `        description: ${JSON.stringify(`${c.fact} is true`)}`,
      `        factIds: [${c.retriever}]`,
      '        rule:',
      '          conditions:',
      `            all: [{ fact: ${c.fact}, operator: equal, value: true }]`,
    ]),
  ].join('\n');
}

async function api(baseUrl, token, method, route, body) {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30 * 60_000),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`,
    );
  return text ? JSON.parse(text) : undefined;
}

/** Waits until the catalog serves every entity of the landscape (processed and stitched). */
async function waitForIngestion(baseUrl, token, expected) {
  const kinds = [
    'component',
    'system',
    'domain',
    'group',
    'user',
    'api',
    'resource',
  ];
  const query = `/api/catalog/entities/by-query?${kinds
    .map(k => `filter=kind=${k}`)
    .join('&')}&limit=1`;
  await waitFor(
    `the catalog to ingest ${expected} entities`,
    async () =>
      (await api(baseUrl, token, 'GET', query)).totalItems >= expected,
    (quick ? 5 : 30) * 60_000,
    1_000,
  );
}

/** Triggers both fact retrievers and waits until both have stored their facts. */
async function retrieveFacts(baseUrl, token) {
  const tasksRoute = '/api/tech-insights/.backstage/scheduler/v1/tasks';
  // Their first runs, a second after start, are not timed (a warm-up): wait for their end.
  const warmedUp = await waitFor(
    'the fact retrievers to finish their first run',
    async () => {
      const { tasks } = await api(baseUrl, token, 'GET', tasksRoute);
      const ours = tasks.filter(t => RETRIEVERS.includes(t.taskId));
      const idle =
        ours.length === RETRIEVERS.length &&
        ours.every(
          t => t.taskState?.status === 'idle' && t.taskState.lastRunEndedAt,
        );
      return idle ? ours : undefined;
    },
    (quick ? 5 : 30) * 60_000,
    1_000,
  );
  const previousEnd = new Map(
    warmedUp.map(t => [t.taskId, t.taskState.lastRunEndedAt]),
  );
  const triggeredAt = Date.now();
  for (const id of RETRIEVERS)
    await api(baseUrl, token, 'POST', `${tasksRoute}/${id}/trigger`);
  const startedAt = new Map();
  const states = await waitFor(
    'the fact retrievers to finish',
    async () => {
      const { tasks } = await api(baseUrl, token, 'GET', tasksRoute);
      const ours = tasks.filter(t => RETRIEVERS.includes(t.taskId));
      for (const t of ours) {
        if (t.taskState?.status === 'running')
          startedAt.set(t.taskId, Date.parse(t.taskState.startedAt));
      }
      // Done when each has ended a run since the trigger (a later end than before it).
      const done = ours.every(
        t =>
          t.taskState?.status === 'idle' &&
          t.taskState.lastRunEndedAt &&
          t.taskState.lastRunEndedAt !== previousEnd.get(t.taskId),
      );
      return done && ours.length === RETRIEVERS.length ? ours : undefined;
    },
    (quick ? 5 : 30) * 60_000,
    250,
  );
  const waitedMs = Date.now() - triggeredAt;
  const endedAt = Math.max(
    ...states.map(t => Date.parse(t.taskState.lastRunEndedAt)),
  );
  const errors = states
    .filter(t => t.taskState.lastRunError)
    .map(t => `${t.taskId}: ${t.taskState.lastRunError}`);
  if (errors.length > 0)
    throw new Error(`fact retrieval failed: ${errors.join('; ')}`);
  // From the first retriever's start to the last one's end (the scheduler's own timestamps);
  // without a start seen while polling, from the trigger.
  const firstStart =
    startedAt.size === RETRIEVERS.length
      ? Math.min(...startedAt.values())
      : triggeredAt;
  return {
    ms: endedAt - firstStart,
    waitedMs,
    fromTrigger: startedAt.size !== RETRIEVERS.length,
  };
}

/** Runs the five checks on every service through the bulk route; counts failures per check. */
async function runTheirChecks(baseUrl, token, refs) {
  const failing = Object.fromEntries(CHECKS.map(c => [c.theirs, 0]));
  let errors = 0;
  let requests = 0;
  const started = performance.now();
  for (let i = 0; i < refs.length; i += refsPerRequest) {
    const results = await api(
      baseUrl,
      token,
      'POST',
      '/api/tech-insights/checks/run',
      {
        checks: CHECKS.map(c => c.theirs),
        entities: refs.slice(i, i + refsPerRequest),
      },
    );
    requests++;
    for (const entity of results) {
      if (entity.error) errors++;
      for (const r of entity.results)
        if (r.result !== true) failing[r.check.id]++;
    }
  }
  return { ms: performance.now() - started, failing, errors, requests };
}

/** POST /evaluate `runs` times: wall time of each, the backend's own duration and phases. */
async function runOurs(baseUrl, token, runs) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const result = await api(
      baseUrl,
      token,
      'POST',
      '/api/microservices/evaluate',
    );
    out.push({ ms: performance.now() - started, ...result });
  }
  return out;
}

async function ourFailing(baseUrl, token) {
  const failing = {};
  for (const c of CHECKS) {
    const route = `/api/microservices/services?failingCheck=${encodeURIComponent(
      c.ours,
    )}&limit=1`;
    failing[c.ours] = (await api(baseUrl, token, 'GET', route)).totalCount;
  }
  return failing;
}

console.log(`tech-insights: ${services} services; load ${loadAverageText()}`);
const pg = await startPostgres();
if (!pg)
  throw new Error('No PostgreSQL server binaries (apt-get install postgresql)');
const backends = [];
let cleaned = false;
const cleanUp = async () => {
  if (cleaned) return;
  cleaned = true;
  for (const b of backends) await b.stop();
  pg.stop();
};
// `npm run bench` stops a section that runs out of time with SIGTERM.
process.once('SIGTERM', () => cleanUp().finally(() => process.exit(143)));
try {
  const catalog = await ingestedSyntheticCatalog({
    services,
    database: 'pg',
    pg,
  });
  const ingestionNote =
    catalog.ingestedInMs === undefined
      ? `the ingested catalog restored from bench-results/.catalog-cache in ${(
          catalog.preparedMs / 1000
        ).toFixed(0)} s`
      : `the catalog ingested in ${(catalog.ingestedInMs / 1000).toFixed(
          0,
        )} s (then kept in bench-results/.catalog-cache)`;
  console.log(`${catalog.entities} entities: ${ingestionNote}`);
  // 1. Tech Insights and our five checks, in one backend.
  const first = await startBenchBackend({
    name: 'tech-insights',
    config: backendConfig(pg.connectionString, catalog.catalogFiles, {
      onlyParityChecks: true,
    }),
  });
  backends.push(first);
  const token = await guestToken(first.baseUrl);
  const ingestStarted = Date.now();
  await waitForIngestion(first.baseUrl, token, catalog.entities);
  const ingestion = {
    readyMs: first.readyMs,
    afterReadyMs: Date.now() - ingestStarted,
  };
  console.log(
    `backend ready in ${(first.readyMs / 1000).toFixed(
      1,
    )} s; catalog ingested ${(ingestion.afterReadyMs / 1000).toFixed(
      0,
    )} s later`,
  );
  await sleep(2_000);

  const facts = await retrieveFacts(first.baseUrl, token);
  console.log(
    `Tech Insights fact retrieval: ${(facts.ms / 1000).toFixed(1)} s`,
  );
  const theirChecks = await runTheirChecks(
    first.baseUrl,
    token,
    catalog.serviceRefs,
  );
  console.log(
    `Tech Insights checks run: ${(theirChecks.ms / 1000).toFixed(1)} s in ${
      theirChecks.requests
    } requests`,
  );
  const oursFive = await runOurs(first.baseUrl, token, ourRuns);
  console.log(
    `ours, five checks: ${oursFive
      .map(r => `${r.ms.toFixed(0)} ms`)
      .join(', ')}`,
  );
  const oursFailing = await ourFailing(first.baseUrl, token);
  await first.stop();

  // 2. All of our checks: a second backend on the same database (the catalog is there).
  const second = await startBenchBackend({
    name: 'microservices-all-checks',
    config: backendConfig(pg.connectionString, catalog.catalogFiles, {
      onlyParityChecks: false,
    }),
  });
  backends.push(second);
  const token2 = await guestToken(second.baseUrl);
  await waitForIngestion(second.baseUrl, token2, catalog.entities);
  const oursAll = await runOurs(second.baseUrl, token2, ourRuns);
  console.log(
    `ours, all checks: ${oursAll.map(r => `${r.ms.toFixed(0)} ms`).join(', ')}`,
  );
  const checkCount = (
    await api(second.baseUrl, token2, 'GET', '/api/microservices/checks')
  ).items.filter(c => c.enabled).length;
  await second.stop();

  const theirsMs = facts.ms + theirChecks.ms;
  const five = summarize(oursFive.map(r => r.ms));
  const all = summarize(oursAll.map(r => r.ms));
  const sameFailing = CHECKS.every(
    c => theirChecks.failing[c.theirs] === oursFailing[c.ours],
  );
  const ratio = ms => (ms > 0 ? round(theirsMs / ms, 1) : null);
  /** The backend's own phases of the run whose wall time is the median. */
  const phasesOfMedian = (runs, summary) => {
    const { phases } = runs.find(r => r.ms === summary.p50) ?? {};
    return phases
      ? `catalog read ${round(phases.catalogReadMs)} ms, evaluation ${round(
          phases.evaluationMs,
        )} ms, storing ${round(phases.storingMs)} ms`
      : 'not reported';
  };
  const rows = [
    [
      'Tech Insights: fact retrieval (2 retrievers)',
      round(facts.ms),
      null,
      null,
      null,
      null,
    ],
    [
      `Tech Insights: 5 checks, POST /checks/run (${theirChecks.requests} × ≤${refsPerRequest} refs)`,
      round(theirChecks.ms),
      null,
      null,
      null,
      null,
    ],
    ['Tech Insights: total', round(theirsMs), null, null, null, 1],
    [
      'ours: 5 equivalent checks, POST /evaluate',
      round(five.p50),
      round(oursFive[0].ms),
      round(five.min),
      round(five.max),
      ratio(five.p50),
    ],
    [
      `ours: all ${checkCount} checks, POST /evaluate`,
      round(all.p50),
      round(oursAll[0].ms),
      round(all.min),
      round(all.max),
      ratio(all.p50),
    ],
  ];
  const failingRows = CHECKS.map(
    c =>
      `${c.name}: Tech Insights ${theirChecks.failing[c.theirs]}, ours ${
        oursFailing[c.ours]
      }`,
  );
  writeSection({
    section: 'tech-insights',
    title: `Side by side with Backstage Tech Insights: ${services.toLocaleString(
      'en-US',
    )} services (${catalog.entities.toLocaleString(
      'en-US',
    )} entities), PostgreSQL`,
    columns: [
      'path',
      'ms (median)',
      'first run ms',
      'min ms',
      'max ms',
      'Tech Insights / this',
    ],
    rows,
    notes: [
      `ours / Tech Insights on the same five checks: ${ratio(
        five.p50,
      )}× faster (median of ${ourRuns} runs; goal at least 100×); all of our checks: ${ratio(
        all.p50,
      )}×`,
      `failing services per check (${
        sameFailing ? 'the same in both' : 'DIFFERENT'
      }): ${failingRows.join('; ')}`,
      `Tech Insights: fact retrieval from the first retriever's start to the last one's end${
        facts.fromTrigger ? ' (from the trigger: no start seen)' : ''
      } (scheduler timestamps), then the checks run timed by the client, one run; ${
        theirChecks.errors
      } entity errors`,
      `ours: wall time of POST /evaluate (catalog read, evaluation, storing), ${ourRuns} runs; five checks in the backend that runs Tech Insights (built-in checks disabled by config), all checks in a second backend on the same database`,
      `ours, the backend's phases of the median run: five checks: ${phasesOfMedian(
        oursFive,
        five,
      )}; all checks: ${phasesOfMedian(oursAll, all)}`,
      `catalog: ${ingestionNote}; backend ready in ${(
        ingestion.readyMs / 1000
      ).toFixed(1)} s, every entity served ${(
        ingestion.afterReadyMs / 1000
      ).toFixed(0)} s later (timing starts after it)`,
      `@backstage-community/plugin-tech-insights-backend 3.1.0 with -module-jsonfc 0.10.0 on Backstage 1.55.0 packages; load average ${loadAverageText()}`,
    ],
    data: {
      measuredAt: new Date().toISOString(),
      machine: machine(),
      services,
      entities: catalog.entities,
      ingestion: {
        ...ingestion,
        ingestedMs: catalog.ingestedInMs ?? null,
        preparedMs: catalog.preparedMs,
      },
      techInsights: {
        factRetrieval: facts,
        checksRun: theirChecks,
        totalMs: theirsMs,
      },
      oursFiveChecks: { runs: oursFive, failing: oursFailing, summary: five },
      oursAllChecks: { runs: oursAll, checkCount, summary: all },
      sameFailing,
    },
  });
  if (!sameFailing) process.exitCode = 1;
} finally {
  await cleanUp();
}
