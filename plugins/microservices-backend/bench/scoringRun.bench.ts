/* eslint-disable no-console */
/*
 * Benchmark (not a test) of the backend's full scoring run: `POST /api/microservices/evaluate`
 * on the real backend with a catalog of the synthetic landscape (createSyntheticLandscape,
 * 10,000 services; --quick: 500), on SQLite and on PostgreSQL. Each run reports its phases
 * (catalog read, evaluation, storing: measured by the backend itself, returned with the run
 * and logged); printed with their shares, the run's wall time at the client and the backend
 * process's CPU time over the run. The first run after start is "cold" (no API definition
 * inspected yet), the later ones "warm" (what the schedule pays every time).
 *
 * Runs compiled code, not the development transform: the workspace packages are built with
 * `backstage-cli package build` and packages/backend's dist runs with NODE_ENV=production and a
 * preload that resolves our workspace packages to their dist (bench/lib/builtBackend.ts).
 * The ingested catalog is cached between runs (bench-results/.catalog-cache): the first run
 * of a size ingests it, which takes long at 10,000 services.
 *
 *   npm run bench:scoring-run [-- --quick] [--cpu-prof] [--database=sqlite|pg]   (writes bench-results/scoring-run.json;
 *   --cpu-prof: the backend writes a CPU profile per database to bench-results/profiles/scoring-run/)
 */
import path from 'node:path';
import {
  BenchSection,
  cpuTimeMs,
  ensureBuilt,
  guestToken,
  loadAverage,
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
const SERVICES = quick ? 500 : 10_000;
const RUNS = quick ? 2 : 3;
/** The whole bench stops after this, whatever it waits for. */
const DEADLINE_MS = 45 * 60_000;

type Phases = {
  catalogReadMs: number;
  evaluationMs: number;
  storingMs: number;
};
const total = (p: Phases) => p.catalogReadMs + p.evaluationMs + p.storingMs;

type PhasesCpu = {
  catalogReadCpuMs: number;
  evaluationCpuMs: number;
  storingCpuMs: number;
};

type Run = {
  database: string;
  run: number;
  serviceCount: number;
  wallMs: number;
  cpuMs: number;
  phases: Phases;
  /** The backend's process CPU time per phase, from its log line of the run. */
  phasesCpu?: PhasesCpu;
  loadAverage: string;
};

/** The CPU time per phase of the newest run in the backend's log (JSON lines in production). */
function lastPhasesCpu(lines: string[]): PhasesCpu | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].includes('evaluationCpuMs')) continue;
    try {
      const { catalogReadCpuMs, evaluationCpuMs, storingCpuMs } = JSON.parse(
        lines[i],
      );
      return { catalogReadCpuMs, evaluationCpuMs, storingCpuMs };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function benchDatabase(
  database: 'sqlite' | 'pg',
  stops: Array<() => unknown>,
): Promise<
  { runs: Run[]; entities: number; ingestedInMs?: number } | undefined
> {
  // The catalog is on PostgreSQL in both variants (see prepareCatalog).
  const pg = await startBenchPostgres(stops);
  if (!pg) return undefined;
  const catalog = await prepareCatalog({ services: SERVICES, pg });
  const backend = await startBuiltBackend({
    name: `scoring-${database}`,
    database: { kind: database, connectionString: pg.connectionString },
    catalogFiles: catalog.catalogFiles,
    // One profile per thread (the main one is the largest); a folder per database.
    nodeFlags: cpuProf
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${path.join(
            repoRoot,
            'bench-results/profiles/scoring-run',
            database,
          )}`,
        ]
      : [],
  });
  stops.push(() => backend.stop());
  const runs: Run[] = [];
  try {
    const token = await guestToken(backend.baseUrl);
    for (let run = 1; run <= RUNS; run++) {
      const cpuBefore = cpuTimeMs(backend.pid);
      const started = performance.now();
      const res = await fetch(`${backend.baseUrl}/api/microservices/evaluate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10 * 60_000),
      });
      const body = await res.json();
      const wallMs = performance.now() - started;
      if (!res.ok || !body.phases) {
        throw new Error(
          `evaluate answered ${res.status}: ${JSON.stringify(body).slice(
            0,
            300,
          )}`,
        );
      }
      if (body.serviceCount !== SERVICES) {
        throw new Error(
          `evaluated ${body.serviceCount} services, expected ${SERVICES}`,
        );
      }
      runs.push({
        database,
        run,
        serviceCount: body.serviceCount,
        wallMs,
        cpuMs: cpuTimeMs(backend.pid) - cpuBefore,
        phases: body.phases,
        phasesCpu: lastPhasesCpu(backend.lines()),
        loadAverage: loadAverage(),
      });
      console.log(
        `${database} run ${run}: ${Math.round(wallMs)} ms (${JSON.stringify(
          body.phases,
        )}; CPU ${JSON.stringify(
          runs[runs.length - 1].phasesCpu,
        )}), load ${loadAverage()}`,
      );
    }
  } finally {
    await backend.stop();
    pg.stop();
  }
  return {
    runs,
    entities: catalog.entities,
    ingestedInMs: catalog.ingestedInMs,
  };
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
  ensureBuilt();
  const results: Record<string, Awaited<ReturnType<typeof benchDatabase>>> = {};
  for (const database of ['sqlite', 'pg'] as const) {
    if (only && only !== database) continue;
    results[database] = await benchDatabase(database, stops);
  }
  const rows: BenchSection['rows'] = [];
  const share = (part: number, whole: number) =>
    `${Math.round((100 * part) / whole)}%`;
  for (const [database, result] of Object.entries(results)) {
    if (!result) continue;
    const row = (label: string, runs: Run[]) => {
      // The median run by total (the middle of the warm runs).
      const sorted = [...runs].sort(
        (a, b) => total(a.phases) - total(b.phases),
      );
      const r = sorted[Math.floor((sorted.length - 1) / 2)];
      const t = total(r.phases);
      rows.push([
        `${database === 'pg' ? 'PostgreSQL' : 'SQLite'}, ${label}`,
        Math.round(t),
        r.phases.catalogReadMs,
        share(r.phases.catalogReadMs, t),
        r.phases.evaluationMs,
        share(r.phases.evaluationMs, t),
        r.phases.storingMs,
        share(r.phases.storingMs, t),
        Math.round(r.wallMs),
        Math.round(r.cpuMs),
        r.phasesCpu
          ? `${r.phasesCpu.catalogReadCpuMs} / ${r.phasesCpu.evaluationCpuMs} / ${r.phasesCpu.storingCpuMs}`
          : null,
      ]);
    };
    row('cold (1st run)', result.runs.slice(0, 1));
    if (result.runs.length > 1)
      row(`warm (median of ${result.runs.length - 1})`, result.runs.slice(1));
  }
  const sqlite = results.sqlite;
  writeSection({
    section: 'scoring-run',
    title: `Full scoring run through the backend: ${SERVICES.toLocaleString(
      'en-US',
    )} services${
      sqlite ? ` (${sqlite.entities.toLocaleString('en-US')} entities)` : ''
    }, POST /api/microservices/evaluate on the built backend`,
    columns: [
      'database, run',
      'total ms',
      'catalog read ms',
      'share',
      'evaluation ms',
      'share',
      'storing ms',
      'share',
      'request wall ms',
      'backend CPU ms',
      'CPU ms: read / evaluation / storing',
    ],
    rows,
    notes: [
      `phases measured by the backend (EvaluationRunResult.phases, also in its log line); total = their sum; goal: under 10,000 ms for 10,000 services`,
      `CPU ms per phase: the backend process's CPU time (every thread; the catalog serving the read runs in the same process) in each phase, from its log line; backend CPU ms: from /proc over the whole request`,
      `load average (1/5/15 min) at the end: ${loadAverage()}; per run: ${Object.values(
        results,
      )
        .flatMap(r => r?.runs ?? [])
        .map(r => `${r.database}#${r.run} ${r.loadAverage.split(' / ')[0]}`)
        .join(', ')}`,
      "built backend (backstage-cli package build, NODE_ENV=production), catalog from createSyntheticLandscape (seed 1) as file locations, our plugin's database in SQLite in memory / in PostgreSQL 15 on 127.0.0.1 (the catalog on PostgreSQL in both: ingesting it on SQLite takes over an hour here); 2-core shared machine",
      ...Object.entries(results)
        .filter(([, r]) => r?.ingestedInMs)
        .map(
          ([db, r]) =>
            `${db}: the catalog was ingested in this run in ${round1(
              r!.ingestedInMs! / 1000,
            )} s (cached for later runs)`,
        ),
    ],
    data: {
      services: SERVICES,
      runs: Object.values(results).flatMap(r => r?.runs ?? []),
    },
  });
  clearTimeout(deadline);
}

main().catch(async error => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
